#!/usr/bin/env python3
"""Makes the seed corpora of the fuzz targets (tests/fuzz/corpus-*/).

    make-corpus.py dataset TEST_SQLITE OUTPUT_DIR
    make-corpus.py scale OUTPUT_DIR

dataset: variants of the compiled mini dataset (build/tests/test.sqlite,
which the replay and `make fuzz` add as it is), each one way a file handed to Vecinos can be wrong: a NULL in each text
column (in a table rebuilt without its NOT NULL), infinite, NaN, huge, tiny
and nearly equal figures, a recursive view in place of `event`, javascript:
and file: links, bad colours, impossible dates, truncated files, flipped
header bytes, other user_versions, a huge summary. The variants are stored
with 512-byte pages so that the corpus stays small.

scale: inputs for fuzz-scale.c, each a list of operations in its encoding,
with the numbers that broke the scales (infinities, near DBL_MAX, 5 and
5.000000000000001, denormals) and ordinary ones.

Files that crash are kept beside these as regression cases, named after
what they are; this script does not remove them.
"""
import os
import shutil
import sqlite3
import struct
import sys
import tempfile

# -- dataset -----------------------------------------------------------------

# The text columns the app reads, by table
TEXT_COLUMNS = {
    'meta': ['value'],
    'category': ['slug', 'color'],
    'category_text': ['name'],
    'event': ['slug'],
    'event_text': ['title', 'summary'],
    'event_source': ['name', 'url'],
    'term': ['slug', 'country', 'person', 'short_name'],
    'term_text': ['party'],
    'document': ['slug', 'title', 'publisher', 'lang'],
    'document_text': ['kind'],
    'excerpt': ['slug', 'text'],
    'excerpt_text': ['text'],
    'series': ['slug', 'unit_kind', 'frequency', 'source_org', 'source_url'],
    'series_text': ['name', 'unit', 'definition'],
    'point': ['source', 'source_url'],
    'point_text': ['note'],
    'claim': ['text', 'unit'],
    'claim_text': ['note'],
}


def drop_not_null(db, table, column):
    """Rebuilds @table's definition without the NOT NULL of @column"""
    sql = db.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]
    for kind in ('TEXT', 'REAL', 'INTEGER'):
        old = f'{column} {kind} NOT NULL'
        if old in sql:
            sql = sql.replace(old, f'{column} {kind}', 1)
            break
    else:
        raise ValueError(f'{table}.{column} has no NOT NULL')
    db.execute('PRAGMA writable_schema = ON')
    db.execute("UPDATE sqlite_schema SET sql = ? WHERE name = ?", (sql, table))
    db.execute('PRAGMA writable_schema = OFF')
    db.commit()


def variant(base, out_dir, name, *changes):
    """Copies @base to OUT_DIR/NAME.sqlite and applies each change: SQL
    text, or a function of the connection"""
    path = os.path.join(out_dir, name + '.sqlite')
    shutil.copyfile(base, path)
    db = sqlite3.connect(path, isolation_level=None)
    for change in changes:
        if callable(change):
            change(db)
            # Schema edits take effect on a new connection
            db.close()
            db = sqlite3.connect(path, isolation_level=None)
        else:
            db.executescript(change)
    db.execute('VACUUM')
    db.close()
    return path


def null_column(table, column):
    def change(db):
        drop_not_null(db, table, column)
    return change


def raw_variant(base, out_dir, name, data):
    with open(os.path.join(out_dir, name + '.sqlite'), 'wb') as out:
        out.write(data)


def make_dataset(test_sqlite, out_dir):
    os.makedirs(out_dir, exist_ok=True)

    work = tempfile.mkdtemp()
    base = os.path.join(work, 'base.sqlite')
    shutil.copyfile(test_sqlite, base)
    db = sqlite3.connect(base, isolation_level=None)
    db.execute('PRAGMA page_size = 512')
    db.execute('VACUUM')
    db.close()
    shutil.copyfile(base, os.path.join(out_dir, 'mini-512.sqlite'))

    # A NULL in each text column, in the first two rows
    for table, columns in TEXT_COLUMNS.items():
        for column in columns:
            variant(base, out_dir, f'null-{table}-{column}', null_column(table, column),
                    f'UPDATE {table} SET {column} = NULL'
                    f' WHERE rowid IN (SELECT rowid FROM {table} ORDER BY rowid LIMIT 2);')

    # Figures: infinite, NaN (stored as NULL), huge, tiny, nearly equal
    first_series = '(SELECT min (id) FROM series)'
    for name, value in [('inf', '9e999'), ('minus-inf', '-9e999'), ('1e308', '1e308'),
                        ('minus-1e308', '-1e308'), ('denormal', '4.9406564584124654e-324')]:
        variant(base, out_dir, f'value-{name}',
                f'UPDATE point SET value = {value}'
                f' WHERE rowid = (SELECT min (rowid) FROM point WHERE series_id = {first_series});'
                f' UPDATE claim SET value = {value};')
        variant(base, out_dir, f'value-all-{name}', f'UPDATE point SET value = {value};')
    variant(base, out_dir, 'value-all-zero', 'UPDATE point SET value = 0;')
    variant(base, out_dir, 'value-all-negative', 'UPDATE point SET value = -5 - rowid;')
    variant(base, out_dir, 'value-nan', null_column('point', 'value'),
            'UPDATE point SET value = NULL WHERE rowid = (SELECT min (rowid) FROM point);')
    # 5 and 5.000000000000001: the next double after 5, and the values around 2^53
    variant(base, out_dir, 'value-nearly-equal',
            'UPDATE point SET value = CASE WHEN rowid % 2 THEN 5 ELSE 5.000000000000001 END;')
    variant(base, out_dir, 'value-nearly-equal-large',
            'UPDATE point SET value = CASE WHEN rowid % 2 THEN 9007199254740992.0'
            ' ELSE 9007199254740994.0 END;')
    variant(base, out_dir, 'value-near-dbl-max',
            'UPDATE point SET value = CASE WHEN rowid % 2 THEN 1.7976931348623157e308'
            ' ELSE 1.6e308 END;')
    # More points: a series over a long stretch, with a gap
    variant(base, out_dir, 'points-many',
            f'INSERT OR IGNORE INTO point SELECT {first_series}, 693596 + 365 * n, n * 1.5, 0, \'s\', \'https://example.org\''
            ' FROM (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 200)'
            ' SELECT n FROM r WHERE n % 17 != 0);')

    # A recursive view where the events table was: unbounded rows
    variant(base, out_dir, 'recursive-view-event',
            'DROP TABLE event;'
            ' CREATE VIEW event AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)'
            " SELECT n AS id, 'e' || n AS slug, 728000 AS start_day, NULL AS end_day, 3 AS precision,"
            ' NULL AS end_precision, (SELECT min (id) FROM category) AS category_id, 2 AS importance FROM r;')
    variant(base, out_dir, 'view-category',
            'ALTER TABLE category RENAME TO category_data;'
            ' CREATE VIEW category AS SELECT * FROM category_data;')
    variant(base, out_dir, 'no-event-table', 'DROP TABLE event;')
    variant(base, out_dir, 'no-events', 'DELETE FROM event_text; DELETE FROM event;')

    # Links of every scheme, and colours that are not colours
    for name, url in [('javascript', 'javascript:alert(document.cookie)'),
                      ('file', 'file:///etc/passwd'), ('empty', ''),
                      ('data', 'data:text/html,<script>alert(1)</script>')]:
        variant(base, out_dir, f'url-{name}',
                f"UPDATE event_source SET url = '{url}'; UPDATE document SET url = '{url}';"
                f" UPDATE series SET source_url = '{url}'; UPDATE point SET source_url = '{url}';")
    for name, color in [('markup', '#fff"><span size="100000" foreground="red">INJECTED</span><span foreground="#fff'),
                        ('invalid', 'not a colour'), ('empty', ''), ('short', '#12')]:
        variant(base, out_dir, f'color-{name}', f"UPDATE category SET color = '{color}';")
    variant(base, out_dir, 'markup-in-text',
            "UPDATE event_text SET title = '<b>bold & </span>' || title;"
            " UPDATE category_text SET name = '<i>' || name;")

    # Dates: 9999-12-31, day 0 and negative, past gint32, end before start
    for name, day in [('9999-12-31', 3652059), ('zero', 0), ('negative', -1000),
                      ('huge', 2**31 + 5), ('int64', 2**62)]:
        variant(base, out_dir, f'day-{name}',
                f'UPDATE event SET start_day = {day} WHERE id = (SELECT min (id) FROM event);'
                f' UPDATE point SET period_day = {day}'
                f' WHERE rowid = (SELECT max (rowid) FROM point);'
                f' UPDATE term SET end_day = {day};')
    variant(base, out_dir, 'day-end-before-start',
            'UPDATE event SET end_day = start_day - 400, end_precision = 3;')
    variant(base, out_dir, 'out-of-range-integers',
            'PRAGMA ignore_check_constraints = ON;'
            ' UPDATE event SET precision = 7, importance = 0, end_precision = -1;'
            " UPDATE series SET frequency = 'weekly';")
    variant(base, out_dir, 'meta-no-languages', "UPDATE meta SET value = '' WHERE key = 'languages';")
    variant(base, out_dir, 'meta-languages-odd',
            "UPDATE meta SET value = ',,xx,' || value || ',' WHERE key = 'languages';")

    # Other format versions
    for version in (-1, 0, 2, 999):
        name = f'user-version-minus-{-version}' if version < 0 else f'user-version-{version}'
        variant(base, out_dir, name, f'PRAGMA user_version = {version};')

    # A huge summary: 128 KB of words
    variant(base, out_dir, 'huge-summary',
            "UPDATE event_text SET summary = (SELECT group_concat ('palabra', ' ')"
            " FROM (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 16384)"
            ' SELECT n FROM r)) WHERE rowid = (SELECT min (rowid) FROM event_text);')

    # Damaged files
    with open(base, 'rb') as f:
        data = f.read()
    raw_variant(base, out_dir, 'empty', b'')
    raw_variant(base, out_dir, 'truncated-header', data[:50])
    raw_variant(base, out_dir, 'truncated-first-page', data[:300])
    raw_variant(base, out_dir, 'truncated-half', data[:len(data) // 2])
    raw_variant(base, out_dir, 'truncated-last-page', data[:-512])
    for offset, name in [(16, 'page-size'), (18, 'write-version'), (28, 'page-count'),
                         (44, 'schema-format'), (56, 'text-encoding'), (60, 'user-version'),
                         (100, 'first-page-type'), (1024, 'second-page')]:
        flipped = bytearray(data)
        flipped[offset] ^= 0xff
        raw_variant(base, out_dir, f'flipped-{name}', bytes(flipped))
    raw_variant(base, out_dir, 'not-a-database', b'SQLite format 2\0' + b'\x11' * 200)
    shutil.rmtree(work)


# -- scale -------------------------------------------------------------------

DBL_MAX = sys.float_info.max
DENORMAL = 5e-324


def value(x):
    """take_value(), mode 0: the raw bits"""
    return b'\x00' + struct.pack('<d', x)


def same():
    return b'\x01'


def ulps(n):
    """take_other(): @n units in the last place above"""
    return bytes([((n - 1) << 2) | 0])


def other(x):
    return b'\x02' + value(x)


def in_range(x, low, high):
    """fuzz_input_range()"""
    return struct.pack('<I', max(0, min(0xffffffff, round((x - low) / (high - low) * 0xffffffff))))


def nice(low, high, max_ticks=8):
    return b'\x00' + value(low) + high + bytes([max_ticks - 2])


def log(low, high, max_ticks=8):
    return b'\x01' + value(low) + high + bytes([max_ticks - 2])


def chart_xy(low, high, log_scale=False, t=0.5, x_value=2000.0, y_value=1.0):
    return (b'\x02' + value(low) + high + in_range(t, 0, 1) + in_range(t, 0, 1)
            + in_range(60, 0, 200) + in_range(700, 1, 10000) + in_range(20, 0, 200)
            + in_range(300, 1, 10000) + in_range(1990, -1000, 12000) + in_range(35, 0.25, 600)
            + bytes([1 if log_scale else 0]) + value(x_value) + value(y_value))


def period_day(year, fiscal, day):
    return b'\x03' + struct.pack('<i', year) + bytes([fiscal]) + struct.pack('<I', day - 1)


def run_length(first_year, steps, first=0):
    return b'\x04' + bytes([len(steps), first]) + in_range(first_year, -5900000, 5900000) + bytes(steps)


def time_scale(start_day, span, width, spacing=110, factor_log2=1.0, anchor=0.5, dx=-0.3):
    return (b'\x05' + in_range(start_day, -300 * 365.2425, 11000 * 365.2425)
            + in_range(span, 7.0, 500 * 365.2425) + in_range(width, 1, 20000) + in_range(spacing, 1, 500)
            + in_range(start_day + span / 3, start_day, start_day + span)
            + in_range(factor_log2, -8, 8) + in_range(anchor * width, 0, width) + in_range(dx, -10, 10))


def make_scale(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    day_1994 = 727929   # 1994-01-01
    seeds = {
        'nice-ordinary': nice(0, other(36773)) + nice(-8.4, other(6.2), 10) + nice(0.1, other(0.3), 5),
        'nice-one-value': nice(100, same()) + nice(0, same()) + nice(-3, same()),
        'nice-infinite': nice(1, other(float('inf'))),
        'nice-minus-infinite': nice(float('-inf'), other(1)),
        'nice-nan': nice(float('nan'), other(1)),
        'nice-near-dbl-max': nice(1e308, other(DBL_MAX)),
        'nice-dbl-max-both-signs': nice(-DBL_MAX, other(DBL_MAX)),
        'nice-nearly-equal': nice(5, ulps(1)),
        'nice-nearly-equal-2pow53': nice(9007199254740992.0, ulps(2)),
        'nice-denormal': nice(DENORMAL, same()),
        'nice-denormals': nice(DENORMAL, ulps(3)),
        'nice-dbl-min': nice(sys.float_info.min, ulps(1)),
        'log-ordinary': log(3, other(36773)) + log(0.02, other(5e9), 12),
        'log-one-value': log(100, same()),
        'log-denormal': log(DENORMAL, other(1)),
        'log-near-dbl-max': log(1, other(1e308)),
        'log-infinite': log(1, other(float('inf'))),
        'chart-xy-ordinary': chart_xy(0, other(400)) + chart_xy(3, other(4e6), True, 0.9),
        'chart-xy-nearly-equal': chart_xy(5, ulps(1)),
        'chart-xy-huge': chart_xy(-1e300, other(1e300), False, 0.2, float('inf'), float('nan')),
        'period-day-ordinary': period_day(2017, 0, day_1994) + period_day(2010, 1, 1)
        + period_day(-2147483648, 1, 3652059) + period_day(2147483647, 0, 3652058),
        'run-length-ordinary': run_length(2000, [1, 1, 1, 2, 1, 0, 1], 0) + run_length(-5900000, [1] * 60, 3),
        'time-scale-ordinary': time_scale(day_1994, 30 * 365.2425, 1200)
        + time_scale(day_1994, 14, 800, 50, 3, 0.2, 0.1),
        'time-scale-before-year-1': time_scale(-200 * 365.2425, 400 * 365.2425, 1000, 80, -2, 0.9, -5),
        'time-scale-after-9999': time_scale(3652059 - 100, 5000, 1000, 20, 0.5, 0.5, 5),
        'time-scale-widest': time_scale(day_1994, 500 * 365.2425, 20000, 1, -8, 0, 10),
    }
    for name, data in seeds.items():
        with open(os.path.join(out_dir, name), 'wb') as out:
            out.write(data)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == 'dataset':
        make_dataset(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == 'scale':
        make_scale(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
