/* vecinos-excerpt.c — document excerpts, the numbers they claim, and how
 * those numbers compare with the official figures
 *
 * The comparison is worded here, once, so that the event page, the
 * documents view and the charts all say the same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-i18n.h"
#include "vecinos-excerpt.h"

void
vecinos_claim_free (VecinosClaim *claim)
{
  if (claim == NULL)
    return;
  g_free (claim->text);
  g_free (claim->translation);
  g_free (claim->series_slug);
  g_free (claim->series_name);
  g_free (claim->series_unit);
  g_free (claim->unit_kind);
  g_free (claim->source_org);
  g_free (claim->official_source);
  g_free (claim->official_source_url);
  g_free (claim->note);
  g_free (claim);
}

void
vecinos_excerpt_free (VecinosExcerpt *excerpt)
{
  if (excerpt == NULL)
    return;
  g_free (excerpt->slug);
  g_free (excerpt->text);
  g_free (excerpt->translation);
  g_free (excerpt->document_slug);
  g_free (excerpt->document_title);
  g_free (excerpt->authors);
  g_free (excerpt->publisher);
  g_free (excerpt->url);
  g_free (excerpt->categories);
  g_clear_pointer (&excerpt->claims, g_ptr_array_unref);
  g_clear_pointer (&excerpt->events, g_ptr_array_unref);
  g_clear_pointer (&excerpt->series, g_ptr_array_unref);
  g_free (excerpt);
}

void
vecinos_document_free (VecinosDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->slug);
  g_free (document->title);
  g_free (document->authors);
  g_free (document->publisher);
  g_free (document->url);
  g_free (document->kind);
  g_free (document->notes);
  g_free (document->lang);
  g_free (document);
}

void
vecinos_series_ref_free (VecinosSeriesRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->slug);
  g_free (ref->name);
  g_free (ref->category);
  g_free (ref->category_name);
  g_free (ref);
}

/**
 * vecinos_format_number:
 *
 * Formats a figure as English and Mexican Spanish both write it: thousands
 * grouped with commas, a decimal point, and no more decimals than the
 * figure has (up to two): 32082 → "32,082", 639.2 → "639.2".
 */
char *
vecinos_format_number (double value)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  const char *point, *start;
  gsize integer_len;

  if (!isfinite (value))
    return g_string_free (out, FALSE);

  digits = g_strdup_printf ("%.2f", fabs (value));
  /* Trailing zeros of the decimals, then a bare point */
  for (gsize len = strlen (digits); digits[len - 1] == '0'; len--)
    digits[len - 1] = '\0';
  if (g_str_has_suffix (digits, "."))
    digits[strlen (digits) - 1] = '\0';

  if (value < 0 && g_strcmp0 (digits, "0") != 0)
    g_string_append (out, "−");
  point = strchr (digits, '.');
  integer_len = point ? (gsize) (point - digits) : strlen (digits);
  start = digits;
  for (gsize i = 0; i < integer_len; i++)
    {
      if (i > 0 && (integer_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, start[i]);
    }
  if (point)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

/**
 * vecinos_format_value:
 * @unit_kind: the series' kind of unit ("count", "usd_millions", …)
 * @unit: the series' unit in the reader's language, for counts and rates
 *
 * A figure with its unit, as a sentence would say it: "US$720 million",
 * "25,967 people", "1.5%", "place 135".
 */
char *
vecinos_format_value (double      value,
                      const char *unit_kind,
                      const char *unit)
{
  g_autofree char *number = vecinos_format_number (value);

  if (g_strcmp0 (unit_kind, "usd_millions") == 0)
    /* Translators: an amount in millions of U.S. dollars, as in "US$720 million" */
    return g_strdup_printf (_("US$%s million"), number);
  if (g_strcmp0 (unit_kind, "millions") == 0)
    /* Translators: a number of people in millions, as in "4.3 million people" */
    return g_strdup_printf (_("%s million people"), number);
  if (g_strcmp0 (unit_kind, "percent") == 0)
    /* Translators: a percentage, as in "1.5%" */
    return g_strdup_printf (_("%s%%"), number);
  if (g_strcmp0 (unit_kind, "rank") == 0)
    /* Translators: a place in a ranking, as in "place 135" */
    return g_strdup_printf (_("place %s"), number);
  if (g_strcmp0 (unit_kind, "score") == 0)
    /* Translators: an index score, as in "a score of 29" */
    return g_strdup_printf (_("a score of %s"), number);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_strcmp0 (unit_kind, "index") == 0)
    /* Translators: an index value, as in "134.5 (index, 2000 = 100)" */
    return g_strdup_printf (_("%1$s (%2$s)"), number, unit);
  /* Translators: a figure and its unit, as in "25,967 people" */
  return g_strdup_printf (_("%1$s %2$s"), number, unit);
}

/**
 * vecinos_format_period:
 *
 * "2017" for a calendar year; "fiscal year 2010" (translated) for a U.S.
 * fiscal year, so the two are never read as the same thing.
 */
char *
vecinos_format_period (VecinosPeriodKind kind,
                       int               year)
{
  if (kind == VECINOS_PERIOD_FISCAL_YEAR)
    /* Translators: a U.S. federal fiscal year (October to September) */
    return g_strdup_printf (_("fiscal year %d"), year);
  return g_strdup_printf ("%d", year);
}

/**
 * vecinos_claim_format_comparison:
 *
 * Returns: what the document says next to the official figure, with the
 * reason they differ when they measure different things; or, when no
 * series measures the claim, what is known about it.
 */
char *
vecinos_claim_format_comparison (const VecinosClaim *claim)
{
  GString *out = g_string_new (NULL);
  const char *words;

  g_return_val_if_fail (claim != NULL, NULL);

  /* In the interface's language when Vecinos' translation has the words */
  words = vecinos_claim_get_words (claim);
  if (claim->series_slug != NULL && claim->has_official)
    {
      g_autofree char *period = vecinos_format_period (claim->period_kind, claim->period_year);
      g_autofree char *official = vecinos_format_value (claim->official, claim->unit_kind,
                                                        claim->series_unit);

      /* Translators: %1$s is the document's words, quoted; %2$s the
       * period ("2017", "fiscal year 2010"); %3$s the official figure with
       * its unit ("25,967 people"); %4$s the organisation that publishes it */
      g_string_append_printf (out, _("The document says “%1$s”; the official figure for %2$s is %3$s (%4$s)."),
                              words, period, official, claim->source_org);
      if (claim->official_preliminary)
        g_string_append_printf (out, " %s", _("That figure is preliminary and may be revised."));
      if (claim->measure_differs)
        g_string_append_printf (out, " %s", _("They do not measure exactly the same thing."));
    }
  else
    {
      /* Translators: %s is the document's words, quoted */
      g_string_append_printf (out, _("The document says “%s”."), words);
      if (claim->note == NULL)
        g_string_append_printf (out, " %s", _("No official series in Vecinos measures this figure."));
    }

  if (claim->translation != NULL)
    g_string_append_printf (out, " %s", _("(The document’s words in Vecinos’ translation.)"));
  if (claim->note != NULL)
    g_string_append_printf (out, " %s", claim->note);
  return g_string_free (out, FALSE);
}

/**
 * vecinos_claim_get_words:
 *
 * Returns: the claim's words as Vecinos' translation into the asked
 *   language has them, or the document's own when it has none
 */
const char *
vecinos_claim_get_words (const VecinosClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);

  return claim->translation != NULL ? claim->translation : claim->text;
}

/* "A, B" from "A; B", or "author not identified" */
static char *
format_authors (const char *authors)
{
  g_auto(GStrv) names = NULL;

  if (authors == NULL)
    return g_strdup (_("author not identified"));
  names = g_strsplit (authors, "; ", -1);
  /* Translators: the separator between the names of several authors */
  return g_strjoinv (_(", "), names);
}

/* A document's date, saying so when it was inferred or is unknown */
static char *
format_published (gboolean           has_date,
                  const VecinosDate *date,
                  gboolean           inferred)
{
  g_autofree char *day = NULL;

  if (!has_date)
    return g_strdup (_("date unknown"));
  day = vecinos_date_format (date);
  /* Translators: %s is a date worked out from the text, not printed on it */
  return inferred ? g_strdup_printf (_("%s (date inferred)"), day) : g_steal_pointer (&day);
}

/**
 * vecinos_excerpt_format_attribution:
 *
 * Returns: who wrote the excerpt, where and when, saying so when the author
 * is not identified or the date was inferred
 */
char *
vecinos_excerpt_format_attribution (const VecinosExcerpt *excerpt)
{
  g_autofree char *authors = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (excerpt != NULL, NULL);

  authors = format_authors (excerpt->authors);
  date = format_published (excerpt->has_date, &excerpt->date, excerpt->date_inferred);

  /* Translators: %1$s the author(s), %2$s the document's title, %3$s its
   * publisher, %4$s its date */
  return g_strdup_printf (_("— %1$s, “%2$s”, %3$s, %4$s"), authors,
                          excerpt->document_title, excerpt->publisher, date);
}

/**
 * vecinos_excerpt_format_quotation:
 * @translated: quote Vecinos' translation (labelled as one) instead of the
 *   author's words, when there is one
 *
 * Returns: the excerpt in quotation marks with a full citation — author,
 *   title, publisher, date and address — for a handout
 */
char *
vecinos_excerpt_format_quotation (const VecinosExcerpt *excerpt,
                                  gboolean              translated)
{
  g_autofree char *attribution = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (excerpt != NULL, NULL);

  attribution = vecinos_excerpt_format_attribution (excerpt);
  if (translated && excerpt->translation != NULL)
    /* Translators: a quotation in Vecinos' own translation */
    g_string_append_printf (out, _("“%s” (translated by Vecinos)"), excerpt->translation);
  else
    g_string_append_printf (out, "“%s”", excerpt->text);
  g_string_append_printf (out, "\n%s.", attribution);
  if (excerpt->url != NULL)
    g_string_append_printf (out, " %s", excerpt->url);
  return g_string_free (out, FALSE);
}

/**
 * vecinos_document_format_byline:
 *
 * Returns: who wrote @document, who published it and when, as the
 *   Documents view lists it: "Ana Rosa Quintana · The Heritage Foundation ·
 *   5 July 2018"
 */
char *
vecinos_document_format_byline (const VecinosDocument *document)
{
  g_autofree char *authors = format_authors (document->authors);
  g_autofree char *date = format_published (document->has_date, &document->date, document->date_inferred);

  /* Translators: %1$s the author(s), %2$s the publisher, %3$s the date */
  return g_strdup_printf (_("%1$s · %2$s · %3$s"), authors, document->publisher, date);
}
