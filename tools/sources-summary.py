#!/usr/bin/env python3
"""Prints the table of docs/SOURCES.md: the bundled dataset's event sources,
by category, counted under their publishers' kinds (data/dataset/
publishers.json).

Usage: python3 tools/sources-summary.py [DATASET_DIR]
"""
import collections
import json
import os
import sys
from urllib.parse import urlsplit

OFFICIAL = ('government', 'intergovernmental', 'court-or-legislature', 'statistical-office')
SCHOLARLY = ('archive', 'research-institute', 'academic')


def load(directory, name):
    with open(os.path.join(directory, name), encoding='utf-8') as f:
        return json.load(f)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'data', 'dataset')
    publishers = {h: p for p in load(directory, 'publishers.json')['publishers'] for h in p['hosts']}
    categories = [(c['id'], c['name']['en']) for c in load(directory, 'categories.json')['categories']]
    events = collections.Counter()
    kinds = collections.defaultdict(collections.Counter)
    names = collections.defaultdict(collections.Counter)
    for event in load(directory, 'events.json')['events']:
        events[event['category']] += 1
        for source in event['sources']:
            publisher = publishers[urlsplit(source['url']).hostname]
            kinds[event['category']][publisher['kind']] += 1
            names[event['category']][publisher['name']] += 1
    print('| Category | Events | Sources | Official records¹ | Archives, research, academic | News | Most cited publishers |')
    print('|---|---|---|---|---|---|---|')
    for slug, name in categories:
        k = kinds[slug]
        top = ', '.join(f'{n} ({c})' for n, c in names[slug].most_common(4))
        print(f'| {name} | {events[slug]} | {sum(k.values())} | {sum(k[x] for x in OFFICIAL)} | '
              f'{sum(k[x] for x in SCHOLARLY)} | {k["news"]} | {top} |')
    print()
    print('¹ Governments and agencies, intergovernmental bodies, courts and legislatures, statistical offices.')


if __name__ == '__main__':
    main()
