#!/usr/bin/env python3
"""The bundled dataset, as compiled: complete, sourced, bilingual, linked.

Usage: check-dataset.py DATABASE [PUBLISHERS_JSON]

PUBLISHERS_JSON is the dataset's registry (by default data/dataset/
publishers.json beside this script): every address must be on one of its
publishers' hosts, none on a refused host, http only where it says so.

Each check is a TAP test case naming what it looked at; the script exits 1
if any fails.
"""
import json
import os
import re
import sqlite3
from datetime import date
import sys
from urllib.parse import urlparse

LANGUAGES = ('en', 'es')
# The reference chronology and documents (../shared/reference): every record kept
EXPECTED = {'event': 185, 'term': 14, 'category': 8, 'document': 5,
            'excerpt': 157, 'claim': 105}
# Series ids of the reference CSVs, which scripts and the command line use
# (merida_incle, one FY2012 figure, went with issue 15: no publisher's page
# gives it, only a repost)
REFERENCE_SERIES = '''
mx_homicides mx_homicide_rate us_overdose_deaths us_overdose_deaths_synthetic_opioids
merida_funding merida_funding_cumulative mx_cpi_score mx_cpi_rank
mx_poppy_hectares cbp_fentanyl_seizures_swb cbp_fentanyl_seizures_nationwide
us_exports_to_mx us_imports_from_mx us_mx_goods_trade_total mx_remittances
mx_fdi_inflows mx_fdi_inflows_wb us_sw_border_apprehensions us_sw_border_encounters
us_sw_border_usbp_encounters mx_returns_central_americans mx_returns_northern_triangle_fy
mx_returns_all_nationalities mx_unauthorized_immigrants_us mx_gdp_growth
mx_rank_us_goods_trade_partner mx_population
'''.split()

failures = []
checks = 0


def check(condition, what):
    """One TAP test case, so that the test summary counts each check."""
    global checks
    checks += 1
    print(f'{"ok" if condition else "not ok"} {checks} - {what}')
    if not condition:
        failures.append(what)


def is_url(text):
    parts = urlparse(text or '')
    return parts.scheme in ('http', 'https') and bool(parts.netloc)


def one(db, sql, *args):
    return db.execute(sql, args).fetchone()[0]


def rows(db, sql, *args):
    return db.execute(sql, args).fetchall()


def missing_texts(db, table, text_table, key):
    """Records of table lacking a row in text_table for some language"""
    found = []
    for lang in LANGUAGES:
        found += rows(db, f'SELECT slug FROM {table} WHERE id NOT IN '
                          f'(SELECT {key} FROM {text_table} WHERE lang = ?)', lang)
    return found


def check_counts(db):
    for table, count in EXPECTED.items():
        n = one(db, f'SELECT count(*) FROM {table}')
        check(n == count, f'{table}: {n} records (expected {count})')
    slugs = {r[0] for r in rows(db, 'SELECT slug FROM series')}
    lost = sorted(set(REFERENCE_SERIES) - slugs)
    check(not lost, f'series: every reference series id kept ({len(slugs)} series; missing {lost})')


def check_languages(db):
    for table, text_table, key in (('event', 'event_text', 'event_id'),
                                   ('term', 'term_text', 'term_id'),
                                   ('category', 'category_text', 'category_id'),
                                   ('series', 'series_text', 'series_id'),
                                   ('document', 'document_text', 'document_id'),
                                   ('tour', 'tour_text', 'tour_id')):
        lacking = missing_texts(db, table, text_table, key)
        check(not lacking, f'{table}: text in {"/".join(LANGUAGES)} for every record (lacking: {lacking[:5]})')
    # The documents are in English; every excerpt has its Vecinos translation
    untranslated = rows(db, "SELECT slug FROM excerpt WHERE id NOT IN "
                            "(SELECT excerpt_id FROM excerpt_text WHERE lang = 'es' AND text != '')")
    check(not untranslated, f'excerpt: a Spanish translation for every excerpt (lacking: {untranslated[:5]})')
    same = rows(db, "SELECT e.slug FROM event e JOIN event_text en ON en.event_id = e.id AND en.lang = 'en' "
                    "JOIN event_text es ON es.event_id = e.id AND es.lang = 'es' "
                    "WHERE en.summary = es.summary OR en.title = es.title")
    check(not same, f'event: Spanish text is not a copy of the English (copied: {same[:5]})')
    notes = rows(db, 'SELECT series_id, period_day FROM point_text GROUP BY 1, 2 HAVING count(*) != ?',
                 len(LANGUAGES))
    check(not notes, f'point notes: in every language or none ({len(notes)} incomplete)')
    steps = one(db, 'SELECT count(*) FROM tour_step s WHERE (SELECT count(*) FROM tour_step_text t '
                    'WHERE t.tour_id = s.tour_id AND t.ordinal = s.ordinal) != ?', len(LANGUAGES))
    check(steps == 0, f'tour steps: narration in every language ({steps} incomplete)')


def check_sources(db):
    unsourced = rows(db, 'SELECT slug FROM event WHERE id NOT IN (SELECT event_id FROM event_source)')
    check(not unsourced, f'event: at least one source each (unsourced: {unsourced[:5]})')
    bad = [r for r in rows(db, 'SELECT event_id, url FROM event_source') if not is_url(r[1])]
    check(not bad, f'event sources: every address is a web address ({len(bad)} bad)')
    bad = [r for r in rows(db, 'SELECT series_id, period_day, source, source_url FROM point')
           if not r[2] or not is_url(r[3])]
    n = one(db, 'SELECT count(*) FROM point')
    check(not bad, f'points: every one of {n} has a source and an address ({len(bad)} without)')
    bad = [r for r in rows(db, 'SELECT slug, source_org, source_url FROM series') if not r[1] or not is_url(r[2])]
    check(not bad, f'series: organisation and address for each ({bad[:3]})')


def check_series(db):
    empty = rows(db, 'SELECT slug FROM series WHERE id NOT IN (SELECT series_id FROM point)')
    check(not empty, f'series: each has points (empty: {empty})')
    prelim = one(db, 'SELECT count(*) FROM point WHERE preliminary')
    check(prelim > 0, f'points: preliminary values flagged ({prelim})')
    # Fiscal and calendar years never mixed: fiscal periods start on 1 October
    # of the year before, calendar ones on 1 January (day 1 = 0001-01-01)
    months = {}
    for slug, frequency, day in rows(db, 'SELECT s.slug, s.frequency, p.period_day FROM series s '
                                         'JOIN point p ON p.series_id = s.id'):
        months.setdefault((slug, frequency), set()).add(date.fromordinal(day).month)
    wrong = [slug for (slug, frequency), m in months.items()
             if m != ({10} if frequency == 'fiscal' else {1})]
    fiscal = sum(1 for (slug, frequency) in months if frequency == 'fiscal')
    check(not wrong, f'series: every period of the series\u2019s kind ({fiscal} fiscal-year series; wrong: {wrong})')
    # The definitional break of the border series is explicit, not joined
    related = rows(db, "SELECT a.slug, b.slug FROM series_related r JOIN series a ON a.id = r.series_id "
                       "JOIN series b ON b.id = r.related_id WHERE a.slug = 'us_sw_border_apprehensions'")
    check(('us_sw_border_apprehensions', 'us_sw_border_encounters') in related,
          'border: apprehensions and encounters kept apart and related')
    breaks = {r[0] for r in rows(db, "SELECT s.slug FROM series s JOIN series_text t ON t.series_id = s.id "
                                     "WHERE t.break_note IS NOT NULL AND t.lang = 'en'")}
    check({'us_sw_border_apprehensions', 'us_sw_border_encounters', 'mx_cpi_score'} <= breaks,
          f'breaks: explained for the border series and the corruption index ({sorted(breaks)})')
    # A gap stays a gap: Mérida has only the verified fiscal years
    merida = one(db, "SELECT count(*) FROM point p JOIN series s ON s.id = p.series_id "
                     "WHERE s.slug = 'merida_funding'")
    check(merida == 4, f'merida_funding: only the 4 verified fiscal years ({merida})')


def check_links(db):
    for doc, linked in rows(db, 'SELECT d.slug, count(DISTINCT ee.event_id) FROM document d '
                                'JOIN excerpt x ON x.document_id = d.id '
                                'LEFT JOIN event_excerpt ee ON ee.excerpt_id = x.id GROUP BY d.id'):
        check(linked >= 3, f'document {doc}: linked to {linked} events')
    n = one(db, 'SELECT count(DISTINCT excerpt_id) FROM series_excerpt')
    check(n >= 20, f'excerpts about a trend linked to a series: {n}')
    wrong = rows(db, 'SELECT c.text FROM claim c JOIN excerpt x ON x.id = c.excerpt_id '
                     'WHERE instr(x.text, c.text) = 0')
    check(not wrong, f'claims: every claim quoted word for word in its excerpt ({wrong[:3]})')
    orphan = rows(db, 'SELECT c.text FROM claim c WHERE c.series_id IS NOT NULL AND NOT EXISTS '
                      '(SELECT 1 FROM point p WHERE p.series_id = c.series_id AND p.period_day = c.period_day)')
    check(not orphan, f'claims: every checked claim has an official figure to compare ({orphan[:3]})')
    checked = one(db, 'SELECT count(*) FROM claim WHERE series_id IS NOT NULL')
    check(checked >= 20, f'claims checked against a series: {checked}')
    # The known mismatches are there and say the measures differ
    for text, slug in (('31,174 homicides', 'mx_homicides'), ('26,037 homicides', 'mx_homicides'),
                       ('26,100 hectares', 'mx_poppy_hectares')):
        found = rows(db, 'SELECT c.measure_differs FROM claim c JOIN series s ON s.id = c.series_id '
                         'WHERE instr(c.text, ?) > 0 AND s.slug = ?', text, slug)
        check(found == [(1,)], f'claim “{text}” checked against {slug} and marked as a different measure')
    # A linked claim: the series' unit, or marked as another measure with a note saying how
    mismatched = rows(db, "SELECT c.text FROM claim c JOIN series s ON s.id = c.series_id "
                          "WHERE c.unit != s.unit_kind AND NOT (c.measure_differs AND EXISTS "
                          "(SELECT 1 FROM claim_text t WHERE t.claim_id = c.id AND t.note != ''))")
    check(not mismatched, f'claims: 0 linked in another unit without measure_differs and a note ({mismatched[:3]})')
    differs = rows(db, "SELECT c.text FROM claim c WHERE c.measure_differs AND NOT EXISTS "
                       "(SELECT 1 FROM claim_text t WHERE t.claim_id = c.id AND t.note != '')")
    check(not differs, f'claims: every one marked measure_differs says how in its note ({differs[:3]})')
    # A FY2010 figure is not compared with FY2009's: the series has no FY2010, so it is unlinked, with a note
    found = rows(db, "SELECT c.series_id IS NULL, t.note LIKE '%FY2010%' FROM claim c JOIN claim_text t "
                     "ON t.claim_id = c.id AND t.lang = 'en' WHERE instr(c.text, '$639.2 million') > 0")
    check(found == [(1, 1)], f'claim “$639.2 million” (FY2010) compared with no other year, and its note says why ({found})')
    for tour, steps in rows(db, 'SELECT t.slug, count(*) FROM tour t JOIN tour_step s ON s.tour_id = t.id GROUP BY t.id'):
        check(6 <= steps <= 12, f'tour {tour}: {steps} steps')
    check(one(db, 'SELECT count(*) FROM tour') >= 4, 'tours: at least four')


def search(db, words):
    return {(r[0], r[1], r[2]) for r in rows(db, 'SELECT kind, ref, lang FROM search WHERE search MATCH ?', words)}


def check_search(db):
    for words, lang in (('remesas', 'es'), ('remittances', 'en')):
        hits = search(db, words)
        check(('series', 'mx_remittances', lang) in hits, f'search “{words}” finds the remittances series ({len(hits)} hits)')
    hits = search(db, 'Lopez')
    check(('event', 'amlo-elected', 'en') in hits and ('event', 'amlo-elected', 'es') in hits,
          f'search “Lopez” finds López Obrador in both languages ({len(hits)} hits)')
    langs = {r[0] for r in rows(db, 'SELECT DISTINCT lang FROM search')}
    check(langs == set(LANGUAGES), f'search: holds {sorted(langs)}')


# Events resting on fewer than two publishers, and why (docs/SOURCES.md)
SINGLE_PUBLISHER = {
    'merida-high-level-group': 'only the State Department published the joint statement and the press '
                               'conference of the 19 December 2008 meeting; no independent report was found',
}


def addresses(db):
    """Every address the dataset gives, with where it is"""
    for slug, url in rows(db, 'SELECT e.slug, s.url FROM event_source s JOIN event e ON e.id = s.event_id'):
        yield f'event {slug}', url
    for slug, url in rows(db, 'SELECT slug, source_url FROM series'):
        yield f'series {slug}', url
    for slug, day, url in rows(db, 'SELECT s.slug, p.period_day, p.source_url FROM point p '
                                   'JOIN series s ON s.id = p.series_id'):
        yield f'point {slug}/{day}', url
    for slug, url in rows(db, 'SELECT slug, url FROM document WHERE url IS NOT NULL'):
        yield f'document {slug}', url


def check_registry(db):
    path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                              '..', 'data', 'dataset', 'publishers.json')
    with open(path, encoding='utf-8') as f:
        registry = json.load(f)
    hosts = {h: p for p in registry['publishers'] for h in p['hosts']}
    refused = {r['host']: r['reason'] for r in registry['refused']}
    found = list(addresses(db))
    check(len(found) > 900, f'registry: {len(found)} addresses checked')
    unknown = [(w, u) for w, u in found if urlparse(u).hostname not in hosts]
    check(not unknown, f'registry: 0 addresses on a host publishers.json does not list ({len(unknown)}: {unknown[:3]})')
    mirrors = [(w, u) for w, u in found if urlparse(u).hostname in refused]
    check(not mirrors, f'registry: 0 addresses on a refused (mirror, aggregator) host ({mirrors[:3]})')
    plain = [(w, u) for w, u in found if u.startswith('http://')
             and not hosts.get(urlparse(u).hostname, {}).get('http_only')]
    check(not plain, f'registry: 0 http:// addresses but on publishers that serve only http ({plain[:3]})')
    http_only = sorted({hosts[urlparse(u).hostname]['name'] for _, u in found if u.startswith('http://')})
    print(f'# served only over http: {"; ".join(http_only)}')
    # Two publishers for every event, or a reason why not
    by_event = {}
    for slug, url in rows(db, 'SELECT e.slug, s.url FROM event_source s JOIN event e ON e.id = s.event_id'):
        publisher = hosts.get(urlparse(url).hostname, {}).get('id', url)
        by_event.setdefault(slug, set()).add(publisher)
    single = sorted(slug for slug, publishers in by_event.items() if len(publishers) < 2)
    for slug in single:
        print(f'# one publisher only: {slug} — {SINGLE_PUBLISHER.get(slug, "no reason given")}')
    check(set(single) == set(SINGLE_PUBLISHER),
          f'events: {len(by_event) - len(single)} of {len(by_event)} rest on two publishers or more; '
          f'the others are listed with the reason ({single})')


def check_tours(db):
    out_of_order = []
    for tour, ordinal, day, previous in rows(db, 'SELECT t.slug, s.ordinal, e.start_day, '
                                                 '(SELECT p.start_day FROM tour_step q JOIN event p ON p.id = q.event_id '
                                                 ' WHERE q.tour_id = s.tour_id AND q.ordinal = s.ordinal - 1) '
                                                 'FROM tour_step s JOIN tour t ON t.id = s.tour_id '
                                                 'JOIN event e ON e.id = s.event_id'):
        if previous is not None and day < previous:
            out_of_order.append(f'{tour} step {ordinal}')
    check(not out_of_order, f'tours: every step after the one before it in date order ({out_of_order})')


# Words Spanish text must not use (issue 15): the app's own names, the
# figures as Spanish says them, false friends. Each: pattern, what to say
FORBIDDEN_ES = (
    (r'\bUSMCA\b(?! por sus siglas en inglés)', 'T-MEC'),
    (r'\bNAFTA\b', 'TLCAN'),
    (r'(?<![\d.,])0[.,]\d+\s*(?:miles de millones|mil millones)', '«100 millones», not «0.1 miles de millones»'),
    (r'\bbill[oó]n(?:es)?\b', '«mil millones» (a billón is a million millions)'),
    (r'\bpuede contar más de una vez', '«puede contarse»'),
    (r'\bterrorismo doméstico', '«terrorismo interno»'),
    (r'\bsubsecretari[oa]s? de Estado\b', '«secretario adjunto de Estado» for an Assistant Secretary'),
    (r'\beventualmente\b', '«con el tiempo», «finalmente»'),
    (r'\bcampaña agresiva', '«intensa», «enérgica»'),
    (r'\baplicar para\b', '«solicitar»'),
    (r'\ben base a\b', '«con base en»'),
    (r'\bnotori[oa]s?\b', '«de triste fama» («notorio» is «well known»)'),
    (r'\bordenanza\b', '«orden», «reglamento»'),
)
# English words left in Spanish text, once quoted names and addresses are out
ENGLISH = re.compile(r'\b(?:the|and|of|with|for|from|which|that|this|these|is|are|was|were|to|in|on|by|will)\b',
                     re.IGNORECASE)
NAMES = re.compile(r'«[^»]*»|“[^”]*”|https?://\S+|Center for International Policy|Smith & Wesson|Sierra Oil & Gas')


def spanish_texts(db):
    """(where, text) for every Spanish text of the dataset"""
    for table in [r[0] for r in rows(db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                         "AND (name LIKE '%\\_text' ESCAPE '\\' OR name = 'claim_wording')")]:
        columns = [c[1] for c in db.execute(f'PRAGMA table_info({table})') if c[2] == 'TEXT' and c[1] != 'lang']
        if not any(c[1] == 'lang' for c in db.execute(f'PRAGMA table_info({table})')):
            continue
        for column in columns:
            for (text,) in rows(db, f"SELECT {column} FROM {table} WHERE lang = 'es' AND {column} IS NOT NULL"):
                yield f'{table}.{column}', text


def check_spanish(db):
    texts = list(spanish_texts(db))
    check(len(texts) > 1000, f'Spanish: {len(texts)} texts read')
    for pattern, instead in FORBIDDEN_ES:
        hits = [(where, m.group(0)) for where, text in texts for m in re.finditer(pattern, text, re.IGNORECASE)]
        check(not hits, f'Spanish: 0 times /{pattern}/ — say {instead} ({len(hits)}: {hits[:3]})')
    english = [(where, m.group(0), text[max(0, m.start() - 30):m.end() + 30]) for where, text in texts
               for m in ENGLISH.finditer(NAMES.sub(' ', text))]
    check(not english, f'Spanish: no English words left in Spanish text ({len(english)}: {english[:3]})')


def main():
    db = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True)
    for section in (check_counts, check_languages, check_sources, check_series, check_links, check_search,
                    check_registry, check_tours, check_spanish):
        section(db)
    print(f'1..{checks}')
    print(f'# {len(failures)} of {checks} checks failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
