/* bench-search.c — the latency of one search per keystroke
 *
 * Types a few queries one character at a time ("l", "lo", "lop", …) and
 * times vecinos_dataset_search() for each keystroke, on the bundled
 * dataset and on a synthetic one with 100 000 excerpts (200 000 indexed
 * texts with their translations). The baseline, measured in the same run,
 * is the obvious search without an index: SQL LIKE '%word%' on every text.
 *
 * Usage: build/bench/bench-search build/data/vecinos.sqlite
 *        VECINOS_BENCH_EXCERPTS=N to change the synthetic size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "bench-util.h"
#include "vecinos-dataset.h"
#include "vecinos-search.h"

/* What a class might type, letter by letter */
static const char * const typed[] = {
  "lopez obrador", "remesas", "border wall", "fentanyl", "tratado de libre comercio", "NAFTA",
  "homicidios 2012", "merida", "migration caravan", "aranceles",
};

/* Words of the synthetic excerpts: real ones, so the queries above find
 * something, among thousands of made-up ones */
static const char * const english[] = {
  "border", "wall", "trade", "migration", "caravan", "remittances", "fentanyl", "cartel", "security",
  "president", "congress", "treaty", "water", "tariff", "agreement", "NAFTA", "USMCA", "election",
  "homicides", "violence", "Lopez", "Obrador", "Merida", "initiative", "investment", "energy",
};
static const char * const spanish[] = {
  "frontera", "muro", "comercio", "migración", "caravana", "remesas", "fentanilo", "cártel", "seguridad",
  "presidente", "congreso", "tratado", "agua", "aranceles", "acuerdo", "TLCAN", "T-MEC", "elección",
  "homicidios", "violencia", "López", "Obrador", "Mérida", "iniciativa", "inversión", "energía",
};

/* A word of an excerpt: Zipf-like, a few common words and a long tail */
static void
append_word (GString             *text,
             GRand               *rand,
             const char * const  *real,
             guint                n_real,
             const char          *prefix)
{
  double u = g_rand_double (rand);
  guint rank = (guint) (5000 * u * u * u);

  if (text->len > 0)
    g_string_append_c (text, ' ');
  if (rank < n_real * 4)
    g_string_append (text, real[rank % n_real]);
  else
    g_string_append_printf (text, "%s%u", prefix, rank);
}

/* A dataset directory with one event and @n excerpts in five documents,
 * each excerpt 40 words with a Spanish translation */
static char *
write_dataset (guint n)
{
  g_autofree char *dir = g_dir_make_tmp ("vecinos-bench-search-XXXXXX", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(GString) manifest = g_string_new ("{\"format\":1,\"title\":{\"en\":\"Bench\",\"es\":\"Bench\"},"
                                              "\"languages\":[\"en\",\"es\"]}");
  g_autoptr(GString) categories = g_string_new ("{\"categories\":[{\"id\":\"c\",\"color\":\"#0072B2\","
                                                "\"name\":{\"en\":\"Trade\",\"es\":\"Comercio\"}}]}");
  g_autoptr(GString) terms = g_string_new ("{\"terms\":[]}");
  g_autoptr(GString) events = g_string_new ("{\"events\":[{\"id\":\"e\",\"date\":\"1994-01-01\","
                                            "\"category\":\"c\",\"importance\":1,\"actors\":[\"us\"],"
                                            "\"title\":{\"en\":\"NAFTA\",\"es\":\"TLCAN\"},"
                                            "\"summary\":{\"en\":\"Trade.\",\"es\":\"Comercio.\"},"
                                            "\"sources\":[{\"name\":\"Bench\",\"url\":\"https://example.org/\"}]}]}");
  g_autoptr(GString) documents = g_string_new ("{\"documents\":[");
  g_autoptr(GString) excerpts = g_string_new ("{\"excerpts\":[\n");

  for (guint d = 0; d < 5; d++)
    g_string_append_printf (documents, "%s{\"id\":\"d%u\",\"title\":\"Document %u\",\"authors\":[\"A\"],"
                            "\"publisher\":\"P\",\"date\":\"2018-01-01\",\"date_inferred\":false,"
                            "\"url\":\"https://example.org/\",\"lang\":\"en\","
                            "\"kind\":{\"en\":\"Report\",\"es\":\"Informe\"}}",
                            d ? "," : "", d, d);
  g_string_append (documents, "]}");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) en = g_string_new (NULL);
      g_autoptr(GString) es = g_string_new (NULL);

      for (guint w = 0; w < 40; w++)
        {
          append_word (en, rand, english, G_N_ELEMENTS (english), "word");
          append_word (es, rand, spanish, G_N_ELEMENTS (spanish), "palabra");
        }
      g_string_append_printf (excerpts, "%s{\"id\":\"x%u\",\"document\":\"d%u\",\"text\":\"%s.\","
                              "\"translations\":{\"es\":\"%s.\"},\"categories\":[\"c\"]}\n",
                              i ? "," : "", i, i % 5, en->str, es->str);
    }
  g_string_append (excerpts, "]}\n");

  bench_write_file (dir, "dataset.json", manifest);
  bench_write_file (dir, "categories.json", categories);
  bench_write_file (dir, "terms.json", terms);
  bench_write_file (dir, "events.json", events);
  bench_write_file (dir, "documents.json", documents);
  bench_write_file (dir, "excerpts.json", excerpts);
  return g_steal_pointer (&dir);
}

/* The baseline: every text scanned for every word, no index */
static guint
naive_search (sqlite3    *db,
              const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) sql = g_string_new ("SELECT kind, ref FROM search WHERE 1");
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    g_string_append_printf (sql, " AND (title LIKE ?%u OR body LIKE ?%u)", i + 1, i + 1);
  /* Every match: without an index nothing says which are best */
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  for (guint i = 0; words[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, g_strdup_printf ("%%%s%%", words[i]), -1, g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  return n;
}

/* Every prefix of every query, timed; prints the median, the 90th
 * percentile and the worst keystroke, ours and the baseline's */
static void
bench_file (const char *label,
            const char *database)
{
  g_autoptr(GFile) file = g_file_new_for_path (database);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) naive = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  guint found = 0;
  double m, n;

  if (dataset == NULL)
    g_error ("%s", error->message);
  if (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    for (gsize len = 1; len <= strlen (typed[q]); len = g_utf8_next_char (typed[q] + len) - typed[q])
      {
        g_autofree char *prefix = g_strndup (typed[q], len);
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, prefix, "en", 60);
        double elapsed = (g_get_monotonic_time () - t0) / 1000.0;

        g_array_append_val (ours, elapsed);
        found += results->len;
        t0 = g_get_monotonic_time ();
        naive_search (db, g_strstrip (prefix));
        elapsed = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (naive, elapsed);
      }
  sqlite3_close (db);

  m = bench_median ((double *) ours->data, ours->len);
  n = bench_median ((double *) naive->data, naive->len);
  g_print ("%-28s %6u %9.2f %9.2f %9.2f %10.2f %8.1fx\n", label, ours->len, m,
           g_array_index (ours, double, ours->len * 9 / 10), g_array_index (ours, double, ours->len - 1),
           n, n / m);
  if (found == 0)
    g_error ("no keystroke found anything in %s: the benchmark measures nothing", label);
}

int
main (int   argc,
      char *argv[])
{
  guint n = g_getenv ("VECINOS_BENCH_EXCERPTS") ? (guint) g_ascii_strtoull (g_getenv ("VECINOS_BENCH_EXCERPTS"), NULL, 10)
                                                : 100000;

  g_print ("Search, one query per keystroke (%zu queries typed letter by letter), times in ms\n\n",
           G_N_ELEMENTS (typed));
  g_print ("%-28s %6s %9s %9s %9s %10s %9s\n", "dataset", "keys", "median", "p90", "worst", "LIKE med.", "speedup");
  if (argc > 1)
    bench_file ("bundled", argv[1]);
  {
    g_autofree char *dir = write_dataset (n);
    g_autofree char *database = g_build_filename (dir, "vecinos.sqlite", NULL);
    g_autofree char *label = g_strdup_printf ("synthetic, %u excerpts", n);
    gint64 t0 = g_get_monotonic_time ();

    bench_compile (VECINOS_COMPILE_PATH, dir, database);
    g_printerr ("(compiled the synthetic dataset in %.1f s, not timed below)\n",
                (g_get_monotonic_time () - t0) / 1e6);
    bench_file (label, database);
    bench_remove_dir (dir);
  }
  g_print ("\nTargets: median <= 5 ms on the bundled dataset, <= 50 ms on the synthetic one.\n");
  return 0;
}
