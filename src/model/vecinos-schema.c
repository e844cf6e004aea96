/* vecinos-schema.c — the one definition of the dataset's SQLite schema
 *
 * Text a reader sees lives in per-language rows (the *_text tables), so a
 * third language is a data change, not a schema change. Days are counted
 * from 0001-01-01 (see vecinos-date.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vecinos-schema.h"

const char vecinos_schema_sql[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"

  "CREATE TABLE category (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,"
  " color TEXT NOT NULL);\n"
  "CREATE TABLE category_text (category_id INTEGER NOT NULL REFERENCES category (id),"
  " lang TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (category_id, lang));\n"

  "CREATE TABLE event (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,"
  " start_day INTEGER NOT NULL, end_day INTEGER,"
  " precision INTEGER NOT NULL CHECK (precision BETWEEN 1 AND 3),"
  " end_precision INTEGER CHECK (end_precision BETWEEN 1 AND 3),"
  " category_id INTEGER NOT NULL REFERENCES category (id),"
  " importance INTEGER NOT NULL CHECK (importance BETWEEN 1 AND 3));\n"
  "CREATE TABLE event_text (event_id INTEGER NOT NULL REFERENCES event (id),"
  " lang TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL,"
  " PRIMARY KEY (event_id, lang));\n"
  "CREATE TABLE event_source (event_id INTEGER NOT NULL REFERENCES event (id),"
  " ordinal INTEGER NOT NULL, name TEXT NOT NULL, url TEXT NOT NULL,"
  " PRIMARY KEY (event_id, ordinal));\n"
  "CREATE TABLE event_actor (event_id INTEGER NOT NULL REFERENCES event (id),"
  " country TEXT NOT NULL, PRIMARY KEY (event_id, country));\n"

  "CREATE TABLE term (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,"
  " country TEXT NOT NULL, person TEXT NOT NULL, short_name TEXT NOT NULL,"
  " start_day INTEGER NOT NULL, end_day INTEGER);\n"
  "CREATE TABLE term_text (term_id INTEGER NOT NULL REFERENCES term (id),"
  " lang TEXT NOT NULL, party TEXT NOT NULL, PRIMARY KEY (term_id, lang));\n"

  /* authors is NULL when no author could be identified; url is NULL when
   * the original could not be found */
  "CREATE TABLE document (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,"
  " title TEXT NOT NULL, authors TEXT, publisher TEXT NOT NULL,"
  " published_day INTEGER, published_precision INTEGER, date_inferred INTEGER NOT NULL,"
  " url TEXT, lang TEXT NOT NULL);\n"
  "CREATE TABLE document_text (document_id INTEGER NOT NULL REFERENCES document (id),"
  " lang TEXT NOT NULL, kind TEXT NOT NULL, notes TEXT,"
  " PRIMARY KEY (document_id, lang));\n"
  "CREATE TABLE excerpt (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,"
  " document_id INTEGER NOT NULL REFERENCES document (id),"
  " ordinal INTEGER NOT NULL, text TEXT NOT NULL);\n"
  "CREATE TABLE excerpt_text (excerpt_id INTEGER NOT NULL REFERENCES excerpt (id),"
  " lang TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (excerpt_id, lang));\n"
  "CREATE TABLE excerpt_category (excerpt_id INTEGER NOT NULL REFERENCES excerpt (id),"
  " category_id INTEGER NOT NULL REFERENCES category (id),"
  " PRIMARY KEY (excerpt_id, category_id));\n"
  "CREATE TABLE event_excerpt (event_id INTEGER NOT NULL REFERENCES event (id),"
  " excerpt_id INTEGER NOT NULL REFERENCES excerpt (id),"
  " PRIMARY KEY (event_id, excerpt_id));\n"

  "CREATE TABLE series (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,"
  " category_id INTEGER NOT NULL REFERENCES category (id),"
  " unit_kind TEXT NOT NULL, frequency TEXT NOT NULL,"
  " source_org TEXT NOT NULL, source_url TEXT NOT NULL,"
  /* The population series a figure can be divided by, "per person" */
  " population_id INTEGER REFERENCES series (id));\n"
  "CREATE TABLE series_text (series_id INTEGER NOT NULL REFERENCES series (id),"
  " lang TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,"
  " definition TEXT NOT NULL, caveats TEXT, break_note TEXT,"
  " PRIMARY KEY (series_id, lang));\n"
  /* Series that must be read together and never silently joined, such as
   * Border Patrol apprehensions (to FY2019) and CBP encounters (from FY2020) */
  "CREATE TABLE series_related (series_id INTEGER NOT NULL REFERENCES series (id),"
  " related_id INTEGER NOT NULL REFERENCES series (id),"
  " PRIMARY KEY (series_id, related_id));\n"
  /* period_day: the first day of the period (1 October of the year before
   * for a U.S. fiscal year); series.frequency says which kind it is */
  "CREATE TABLE point (series_id INTEGER NOT NULL REFERENCES series (id),"
  " period_day INTEGER NOT NULL, value REAL NOT NULL, preliminary INTEGER NOT NULL,"
  " source TEXT NOT NULL, source_url TEXT NOT NULL,"
  " PRIMARY KEY (series_id, period_day));\n"
  "CREATE TABLE point_text (series_id INTEGER NOT NULL, period_day INTEGER NOT NULL,"
  " lang TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (series_id, period_day, lang),"
  " FOREIGN KEY (series_id, period_day) REFERENCES point (series_id, period_day));\n"
  "CREATE TABLE series_excerpt (series_id INTEGER NOT NULL REFERENCES series (id),"
  " excerpt_id INTEGER NOT NULL REFERENCES excerpt (id),"
  " PRIMARY KEY (series_id, excerpt_id));\n"

  /* A number a document states, in its words (text); value is NULL when
   * the words give no single number ("nearly half", "dozens"). series and
   * period_day, when known, say which official figure it is checked against */
  "CREATE TABLE claim (id INTEGER PRIMARY KEY,"
  " excerpt_id INTEGER NOT NULL REFERENCES excerpt (id),"
  " ordinal INTEGER NOT NULL, text TEXT NOT NULL, value REAL, unit TEXT NOT NULL,"
  " series_id INTEGER REFERENCES series (id), period_day INTEGER,"
  " measure_differs INTEGER NOT NULL);\n"
  "CREATE TABLE claim_text (claim_id INTEGER NOT NULL REFERENCES claim (id),"
  " lang TEXT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (claim_id, lang));\n"
  /* The claim's words as Vecinos' translation of its excerpt into lang has
   * them (found there word for word) */
  "CREATE TABLE claim_wording (claim_id INTEGER NOT NULL REFERENCES claim (id),"
  " lang TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (claim_id, lang));\n"

  /* Who the dataset cites, from its publishers.json (v6): the About
   * dialog lists them by kind */
  "CREATE TABLE publisher (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
  " kind TEXT NOT NULL CHECK (kind IN ('government', 'intergovernmental', 'court-or-legislature',"
  " 'statistical-office', 'news', 'research-institute', 'archive', 'academic')), url TEXT NOT NULL);\n"

  "CREATE TABLE tour (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE);\n"
  "CREATE TABLE tour_text (tour_id INTEGER NOT NULL REFERENCES tour (id),"
  " lang TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,"
  " PRIMARY KEY (tour_id, lang));\n"
  /* A step names an event and, where the story needs them, a series (and
   * one to compare it with), an excerpt, the days the timeline shows
   * (range_start to range_end) and the view to show (v4) */
  "CREATE TABLE tour_step (tour_id INTEGER NOT NULL REFERENCES tour (id),"
  " ordinal INTEGER NOT NULL, event_id INTEGER NOT NULL REFERENCES event (id),"
  " series_id INTEGER REFERENCES series (id), compare_id INTEGER REFERENCES series (id),"
  " excerpt_id INTEGER REFERENCES excerpt (id), range_start INTEGER, range_end INTEGER,"
  " view TEXT CHECK (view IN ('timeline', 'charts', 'documents')),"
  " PRIMARY KEY (tour_id, ordinal));\n"
  "CREATE TABLE tour_step_text (tour_id INTEGER NOT NULL, ordinal INTEGER NOT NULL,"
  " lang TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (tour_id, ordinal, lang),"
  " FOREIGN KEY (tour_id, ordinal) REFERENCES tour_step (tour_id, ordinal));\n"

  /* kind: event, excerpt, series, document; ref: the record's slug.
   * Prefix indexes for the one-, two- and three-letter starts a user types
   * first, so that "lo"* does not walk every word beginning "lo" (and the
   * timeline filter's first key, "l"*, every word beginning "l": a
   * million events 148 → 43 ms, for a twentieth more index); the ranking
   * (bm25, titles weighing 8) is the table's default rank.
   * detail = column (v8): the index keeps in which column a word is, not
   * where in it — Vecinos asks for words, never phrases, and an index
   * without positions is half the size and written in two thirds of the
   * time (a million events: 600 → 310 MB, 8.1 → 5.0 s) */
  "CREATE VIRTUAL TABLE search USING fts5 (kind UNINDEXED, ref UNINDEXED,"
  " lang UNINDEXED, title, body,"
  " tokenize = '" VECINOS_SEARCH_TOKENIZER " " VECINOS_SEARCH_TOKENIZER_OPTION " "
  VECINOS_SEARCH_TOKENIZER_VALUE "', prefix = '1 2 3',"
  " detail = column);\n"
  "INSERT INTO search (search, rank) VALUES ('rank', 'bm25 (0, 0, 0, 8.0, 1.0)');\n";

/* Made after the rows are in (vecinos-importer.c): an index built from
 * a million rows at once is sorted once, not kept in order at each insert */
const char vecinos_schema_indexes_sql[] =
  "CREATE INDEX event_by_start ON event (start_day);\n";
