#!/usr/bin/env python3
"""Show what still lacks a language in data/dataset/, and merge translations in.

  tools/translations.py missing [LANG]
      counts what lacks LANG (default: es), file by file
  tools/translations.py show FILE [FIRST [LAST]] [--lang=es]
      prints the English text of the records FIRST..LAST (0-based) that need LANG
  tools/translations.py notes [FIRST [LAST]]
      prints the distinct English point notes of series.json, numbered
  tools/translations.py merge FILE < BATCH.json  [--lang=es]
      BATCH maps a record id to {field: text}; a field is a dotted path
      ("summary", "steps.3.text", "translations"); for series.json the key
      "notes" maps a note key (from `notes`) to its text, or to
      {"en": …, "es": …, "preliminary": bool} to also rewrite the English or
      set the points' preliminary flag; it applies to every point with that note.

Files are rewritten in the dataset's own style (two-space indent, UTF-8).
"""

import hashlib
import json
import os
import sys

DATASET = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'dataset')
FILES = ['events', 'terms', 'categories', 'series', 'documents', 'excerpts', 'claims', 'tours']


def load(name):
    with open(os.path.join(DATASET, name + '.json'), encoding='utf-8') as f:
        return json.load(f)


def save(name, data):
    path = os.path.join(DATASET, name + '.json')
    with open(path + '.tmp', 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write('\n')
    os.replace(path + '.tmp', path)


def texts(node, path=''):
    """Yields (path, texts-dict) for every {"en": …} inside node, and excerpt translations."""
    if isinstance(node, dict):
        if 'en' in node and all(isinstance(v, str) for v in node.values()):
            yield path, node
            return
        for key, value in node.items():
            if key in ('points',):
                continue
            yield from texts(value, f'{path}.{key}' if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts(value, f'{path}.{i}')


def records(name):
    data = load(name)
    return data, data[name]


def needs(record, name, lang):
    out = []
    for path, t in texts(record):
        if lang not in t:
            out.append((path, t['en']))
    if name == 'excerpts' and lang not in record.get('translations', {}):
        out.append(('translations', record['text']))
    return out


def note_key(en):
    return hashlib.sha1(en.encode('utf-8')).hexdigest()[:6]


def distinct_notes(series):
    """The distinct point notes, in file order, each with where it is used."""
    seen, order = {}, []
    for s in series:
        for p in s['points']:
            note = p.get('note')
            if not note:
                continue
            if note['en'] not in seen:
                seen[note['en']] = {'note': note, 'used': []}
                order.append(seen[note['en']])
            seen[note['en']]['used'].append(f"{s['id']} {p['period']}")
    return order


def main(argv):
    lang = 'es'
    args = []
    for a in argv[1:]:
        if a.startswith('--lang='):
            lang = a.split('=', 1)[1]
        else:
            args.append(a)
    cmd = args[0] if args else 'missing'

    if cmd == 'missing':
        for name in FILES:
            _, recs = records(name)
            n = sum(1 for r in recs if needs(r, name, lang))
            print(f'{name}: {n} of {len(recs)} records lack {lang}')
        _, series = records('series')
        notes = distinct_notes(series)
        print(f'point notes: {sum(1 for n in notes if lang not in n["note"])} of {len(notes)} distinct lack {lang}')
        return 0

    if cmd == 'show':
        name = args[1]
        _, recs = records(name)
        todo = [r for r in recs if needs(r, name, lang)]
        first = int(args[2]) if len(args) > 2 else 0
        last = int(args[3]) if len(args) > 3 else len(todo) - 1
        for r in todo[first:last + 1]:
            print(f'## {r["id"]}')
            for path, text in needs(r, name, lang):
                print(f'{path}: {text}')
        return 0

    if cmd == 'notes':
        _, series = records('series')
        notes = [n for n in distinct_notes(series) if lang not in n['note']]
        first = int(args[1]) if len(args) > 1 else 0
        last = int(args[2]) if len(args) > 2 else len(notes) - 1
        for n in notes[first:last + 1]:
            print(f'{note_key(n["note"]["en"])} [{", ".join(n["used"])}]: {n["note"]["en"]}')
        return 0

    if cmd == 'merge':
        name = args[1]
        batch = json.load(sys.stdin)
        data, recs = records(name)
        by_id = {r['id']: r for r in recs}
        if name == 'series' and 'notes' in batch:
            by_key = {note_key(n['note']['en']): n['note']['en'] for n in distinct_notes(recs)}
            for key, text in batch.pop('notes').items():
                en = by_key[key]
                for s in recs:
                    for p in s['points']:
                        if p.get('note', {}).get('en') == en:
                            if isinstance(text, dict):
                                text = dict(text)
                                if 'preliminary' in text:
                                    p['preliminary'] = text.pop('preliminary')
                                p['note'] = {**p['note'], **text}
                            else:
                                p['note'] = {**p['note'], lang: text}
        for rid, fields in batch.items():
            record = by_id[rid]
            for path, text in fields.items():
                if path == 'translations':
                    record.setdefault('translations', {})[lang] = text
                    continue
                node = record
                for part in path.split('.'):
                    node = node[int(part)] if isinstance(node, list) else node[part]
                node[lang] = text
        save(name, data)
        print(f'{name}: merged {len(batch)} records')
        return 0

    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
