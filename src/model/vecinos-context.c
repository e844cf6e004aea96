/* vecinos-context.c — the state every view shares
 *
 * The string, boolean and number properties are stored in arrays indexed
 * by their property id, so that one setter of each kind compares and
 * notifies for all of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-context.h"

struct _VecinosContext
{
  GObject         parent_instance;

  VecinosDataset *dataset;
  char           *strings[10];      /* indexed by PROP_LANGUAGE … PROP_SEARCH_TEXT */
  gboolean        booleans[5];     /* PROP_INDEX … PROP_PRESENTING */
  double          numbers[3];      /* PROP_VISIBLE_START, PROP_VISIBLE_END: days;
                                    * PROP_DOCUMENT_SCROLL: pixels */
  char          **hidden_categories;
  guint           importance;
  guint           tour_step;
};

G_DEFINE_FINAL_TYPE (VecinosContext, vecinos_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  /* Strings, all nullable but the language and the view */
  PROP_LANGUAGE,
  PROP_VIEW,
  PROP_EVENT,
  PROP_FILTER_TEXT,
  PROP_SERIES,
  PROP_COMPARE,
  PROP_DOCUMENT,
  PROP_EXCERPT,
  PROP_SEARCH_TEXT,
  PROP_TOUR,
  /* Booleans: the chart's options */
  PROP_INDEX,
  PROP_PER_PERSON,
  PROP_LOG_SCALE,
  PROP_SAME_YEARS,
  PROP_PRESENTING,
  /* Numbers */
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_DOCUMENT_SCROLL,
  PROP_HIDDEN_CATEGORIES,
  PROP_IMPORTANCE,
  PROP_TOUR_STEP,
  N_PROPS
};

#define FIRST_STRING PROP_LANGUAGE
#define LAST_STRING PROP_TOUR
#define FIRST_BOOLEAN PROP_INDEX
#define LAST_BOOLEAN PROP_PRESENTING

G_STATIC_ASSERT (LAST_STRING - FIRST_STRING + 1 == G_N_ELEMENTS (((VecinosContext *) 0)->strings));
G_STATIC_ASSERT (LAST_BOOLEAN - FIRST_BOOLEAN + 1 == G_N_ELEMENTS (((VecinosContext *) 0)->booleans));

static GParamSpec *properties[N_PROPS];

static void
set_string (VecinosContext *self,
            guint           prop_id,
            const char     *value)
{
  char **slot = &self->strings[prop_id - FIRST_STRING];

  /* An empty text is no text: a cleared entry and NULL are one state */
  if (value != NULL && *value == '\0' && prop_id != PROP_LANGUAGE && prop_id != PROP_VIEW)
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_boolean (VecinosContext *self,
             guint           prop_id,
             gboolean        value)
{
  gboolean *slot = &self->booleans[prop_id - FIRST_BOOLEAN];

  value = !!value;
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_number (VecinosContext *self,
            guint           prop_id,
            double          value)
{
  double *slot = &self->numbers[prop_id - PROP_VISIBLE_START];

  if (*slot == value || !isfinite (value))
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
vecinos_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VecinosContext *self = VECINOS_CONTEXT (object);

  if (prop_id >= FIRST_STRING && prop_id <= LAST_STRING)
    g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
  else if (prop_id >= FIRST_BOOLEAN && prop_id <= LAST_BOOLEAN)
    g_value_set_boolean (value, self->booleans[prop_id - FIRST_BOOLEAN]);
  else if (prop_id >= PROP_VISIBLE_START && prop_id <= PROP_DOCUMENT_SCROLL)
    g_value_set_double (value, self->numbers[prop_id - PROP_VISIBLE_START]);
  else if (prop_id == PROP_DATASET)
    g_value_set_object (value, self->dataset);
  else if (prop_id == PROP_HIDDEN_CATEGORIES)
    g_value_set_boxed (value, self->hidden_categories);
  else if (prop_id == PROP_IMPORTANCE)
    g_value_set_uint (value, self->importance);
  else if (prop_id == PROP_TOUR_STEP)
    g_value_set_uint (value, self->tour_step);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
vecinos_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VecinosContext *self = VECINOS_CONTEXT (object);

  if (prop_id >= FIRST_STRING && prop_id <= LAST_STRING)
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id >= FIRST_BOOLEAN && prop_id <= LAST_BOOLEAN)
    set_boolean (self, prop_id, g_value_get_boolean (value));
  else if (prop_id >= PROP_VISIBLE_START && prop_id <= PROP_DOCUMENT_SCROLL)
    set_number (self, prop_id, g_value_get_double (value));
  else if (prop_id == PROP_DATASET)
    vecinos_context_set_dataset (self, g_value_get_object (value));
  else if (prop_id == PROP_HIDDEN_CATEGORIES)
    vecinos_context_set_hidden_categories (self, g_value_get_boxed (value));
  else if (prop_id == PROP_IMPORTANCE)
    vecinos_context_set_importance (self, g_value_get_uint (value));
  else if (prop_id == PROP_TOUR_STEP)
    vecinos_context_set_tour_step (self, g_value_get_uint (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
vecinos_context_dispose (GObject *object)
{
  VecinosContext *self = VECINOS_CONTEXT (object);

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (vecinos_context_parent_class)->dispose (object);
}

static void
vecinos_context_finalize (GObject *object)
{
  VecinosContext *self = VECINOS_CONTEXT (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  g_strfreev (self->hidden_categories);

  G_OBJECT_CLASS (vecinos_context_parent_class)->finalize (object);
}

static void
vecinos_context_class_init (VecinosContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const struct {
    guint       prop_id;
    const char *name;
  } strings[] = {
    { PROP_LANGUAGE, "language" },
    { PROP_VIEW, "view" },
    { PROP_EVENT, "event" },
    { PROP_FILTER_TEXT, "filter-text" },
    { PROP_SERIES, "series" },
    { PROP_COMPARE, "compare" },
    { PROP_DOCUMENT, "document" },
    { PROP_EXCERPT, "excerpt" },
    { PROP_SEARCH_TEXT, "search-text" },
    /* The guided tour being played, or NULL */
    { PROP_TOUR, "tour" },
  }, booleans[] = {
    { PROP_INDEX, "index" },
    { PROP_PER_PERSON, "per-person" },
    { PROP_LOG_SCALE, "log-scale" },
    { PROP_SAME_YEARS, "same-years" },
    /* Full screen for a class: the chrome hidden, the text large */
    { PROP_PRESENTING, "presenting" },
  }, numbers[] = {
    /* Days from 1 January of year 1, fractional (see vecinos-time-scale.h) */
    { PROP_VISIBLE_START, "visible-start" },
    { PROP_VISIBLE_END, "visible-end" },
    /* How far down the open document is read, in pixels */
    { PROP_DOCUMENT_SCROLL, "document-scroll" },
  };
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = vecinos_context_get_property;
  object_class->set_property = vecinos_context_set_property;
  object_class->dispose = vecinos_context_dispose;
  object_class->finalize = vecinos_context_finalize;

  properties[PROP_DATASET] = g_param_spec_object ("dataset", NULL, NULL, VECINOS_TYPE_DATASET, flags);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    properties[strings[i].prop_id] = g_param_spec_string (strings[i].name, NULL, NULL, NULL, flags);
  for (guint i = 0; i < G_N_ELEMENTS (booleans); i++)
    properties[booleans[i].prop_id] = g_param_spec_boolean (booleans[i].name, NULL, NULL, FALSE, flags);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    properties[numbers[i].prop_id] = g_param_spec_double (numbers[i].name, NULL, NULL,
                                                          -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_HIDDEN_CATEGORIES] = g_param_spec_boxed ("hidden-categories", NULL, NULL,
                                                           G_TYPE_STRV, flags);
  /* The least important events shown: 1 the landmarks only, 3 every event */
  properties[PROP_IMPORTANCE] = g_param_spec_uint ("importance", NULL, NULL, 1, 3, 3, flags);
  /* The step of the tour, from 0 */
  properties[PROP_TOUR_STEP] = g_param_spec_uint ("tour-step", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vecinos_context_init (VecinosContext *self)
{
  self->strings[PROP_LANGUAGE - FIRST_STRING] = g_strdup ("en");
  self->strings[PROP_VIEW - FIRST_STRING] = g_strdup ("timeline");
  self->importance = 3;
}

/**
 * vecinos_context_new:
 * @dataset: (nullable): the open dataset
 * @language: the language of the interface and of the dataset's texts
 */
VecinosContext *
vecinos_context_new (VecinosDataset *dataset,
                     const char     *language)
{
  g_return_val_if_fail (dataset == NULL || VECINOS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return g_object_new (VECINOS_TYPE_CONTEXT, "dataset", dataset, "language", language, NULL);
}

VecinosDataset *
vecinos_context_get_dataset (VecinosContext *self)
{
  g_return_val_if_fail (VECINOS_IS_CONTEXT (self), NULL);
  return self->dataset;
}

void
vecinos_context_set_dataset (VecinosContext *self,
                             VecinosDataset *dataset)
{
  gboolean replaced;

  g_return_if_fail (VECINOS_IS_CONTEXT (self));
  g_return_if_fail (dataset == NULL || VECINOS_IS_DATASET (dataset));

  replaced = self->dataset != NULL && self->dataset != dataset;
  if (!g_set_object (&self->dataset, dataset))
    return;
  /* A lesson in one dataset names its records: in another it starts afresh
   * (a teacher's timeline opened over the bundled one) */
  if (replaced)
    {
      vecinos_context_set_event (self, NULL);
      vecinos_context_set_visible_range (self, 0, 0);
      vecinos_context_set_filter_text (self, NULL);
      vecinos_context_set_hidden_categories (self, NULL);
      vecinos_context_set_series (self, NULL);
      vecinos_context_set_compare (self, NULL);
      vecinos_context_set_document (self, NULL);
      vecinos_context_set_excerpt (self, NULL);
      vecinos_context_set_document_scroll (self, 0);
      vecinos_context_set_search_text (self, NULL);
      vecinos_context_set_tour (self, NULL);
      vecinos_context_set_tour_step (self, 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/* The string properties' accessors, each a line */
#define STRING_ACCESSORS(name, PROP)                                   \
  const char *                                                         \
  vecinos_context_get_##name (VecinosContext *self)                    \
  {                                                                    \
    g_return_val_if_fail (VECINOS_IS_CONTEXT (self), NULL);            \
    return self->strings[PROP - FIRST_STRING];                         \
  }                                                                    \
  void                                                                 \
  vecinos_context_set_##name (VecinosContext *self,                    \
                              const char     *value)                   \
  {                                                                    \
    g_return_if_fail (VECINOS_IS_CONTEXT (self));                      \
    set_string (self, PROP, value);                                    \
  }

#define BOOLEAN_ACCESSORS(name, PROP)                                  \
  gboolean                                                             \
  vecinos_context_get_##name (VecinosContext *self)                    \
  {                                                                    \
    g_return_val_if_fail (VECINOS_IS_CONTEXT (self), FALSE);           \
    return self->booleans[PROP - FIRST_BOOLEAN];                       \
  }                                                                    \
  void                                                                 \
  vecinos_context_set_##name (VecinosContext *self,                    \
                              gboolean        value)                   \
  {                                                                    \
    g_return_if_fail (VECINOS_IS_CONTEXT (self));                      \
    set_boolean (self, PROP, value);                                   \
  }

STRING_ACCESSORS (view, PROP_VIEW)
STRING_ACCESSORS (event, PROP_EVENT)
STRING_ACCESSORS (filter_text, PROP_FILTER_TEXT)
STRING_ACCESSORS (series, PROP_SERIES)
STRING_ACCESSORS (compare, PROP_COMPARE)
STRING_ACCESSORS (document, PROP_DOCUMENT)
STRING_ACCESSORS (excerpt, PROP_EXCERPT)
STRING_ACCESSORS (search_text, PROP_SEARCH_TEXT)
STRING_ACCESSORS (tour, PROP_TOUR)
BOOLEAN_ACCESSORS (index, PROP_INDEX)
BOOLEAN_ACCESSORS (per_person, PROP_PER_PERSON)
BOOLEAN_ACCESSORS (log_scale, PROP_LOG_SCALE)
BOOLEAN_ACCESSORS (same_years, PROP_SAME_YEARS)
BOOLEAN_ACCESSORS (presenting, PROP_PRESENTING)

const char *
vecinos_context_get_language (VecinosContext *self)
{
  g_return_val_if_fail (VECINOS_IS_CONTEXT (self), NULL);
  return self->strings[PROP_LANGUAGE - FIRST_STRING];
}

/**
 * vecinos_context_set_language:
 * @language: a language code such as "en" or "es"; %NULL is refused
 */
void
vecinos_context_set_language (VecinosContext *self,
                              const char     *language)
{
  g_return_if_fail (VECINOS_IS_CONTEXT (self));
  g_return_if_fail (language != NULL && *language != '\0');

  set_string (self, PROP_LANGUAGE, language);
}

/**
 * vecinos_context_get_visible_range:
 * @start: (out) (optional): the first day the timeline shows
 * @end: (out) (optional): the day at its right edge
 */
void
vecinos_context_get_visible_range (VecinosContext *self,
                                   double         *start,
                                   double         *end)
{
  g_return_if_fail (VECINOS_IS_CONTEXT (self));

  if (start != NULL)
    *start = self->numbers[0];
  if (end != NULL)
    *end = self->numbers[1];
}

/**
 * vecinos_context_set_visible_range:
 *
 * Sets both ends at once: whoever listens to either sees the new range
 * whole, never one new end with one old one. A range that is empty or not
 * finite is ignored.
 */
void
vecinos_context_set_visible_range (VecinosContext *self,
                                   double          start,
                                   double          end)
{
  g_return_if_fail (VECINOS_IS_CONTEXT (self));

  if (!(end > start) || !isfinite (start) || !isfinite (end))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  set_number (self, PROP_VISIBLE_START, start);
  set_number (self, PROP_VISIBLE_END, end);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vecinos_context_get_hidden_categories:
 *
 * Returns: (transfer none) (nullable): the categories the filters hide
 */
const char * const *
vecinos_context_get_hidden_categories (VecinosContext *self)
{
  g_return_val_if_fail (VECINOS_IS_CONTEXT (self), NULL);
  return (const char * const *) self->hidden_categories;
}

/**
 * vecinos_context_set_hidden_categories:
 * @slugs: (nullable) (array zero-terminated=1): the categories to hide
 */
void
vecinos_context_set_hidden_categories (VecinosContext     *self,
                                       const char * const *slugs)
{
  g_return_if_fail (VECINOS_IS_CONTEXT (self));

  /* None hidden is one state, whether NULL or empty */
  if (slugs != NULL && slugs[0] == NULL)
    slugs = NULL;
  if (slugs == NULL && self->hidden_categories == NULL)
    return;
  if (slugs != NULL && self->hidden_categories != NULL &&
      g_strv_equal (slugs, (const char * const *) self->hidden_categories))
    return;
  g_strfreev (self->hidden_categories);
  self->hidden_categories = g_strdupv ((char **) slugs);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_CATEGORIES]);
}

guint
vecinos_context_get_importance (VecinosContext *self)
{
  g_return_val_if_fail (VECINOS_IS_CONTEXT (self), 3);
  return self->importance;
}

/**
 * vecinos_context_set_importance:
 * @importance: the least important events shown: 1 the landmarks only,
 *   2 the landmarks and major events, 3 every event
 */
void
vecinos_context_set_importance (VecinosContext *self,
                                guint           importance)
{
  g_return_if_fail (VECINOS_IS_CONTEXT (self));

  importance = CLAMP (importance, 1, 3);
  if (self->importance == importance)
    return;
  self->importance = importance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTANCE]);
}

double
vecinos_context_get_document_scroll (VecinosContext *self)
{
  g_return_val_if_fail (VECINOS_IS_CONTEXT (self), 0);
  return self->numbers[PROP_DOCUMENT_SCROLL - PROP_VISIBLE_START];
}

/**
 * vecinos_context_set_document_scroll:
 * @position: how far down the open document is read, in pixels
 */
void
vecinos_context_set_document_scroll (VecinosContext *self,
                                     double          position)
{
  g_return_if_fail (VECINOS_IS_CONTEXT (self));
  set_number (self, PROP_DOCUMENT_SCROLL, position);
}

guint
vecinos_context_get_tour_step (VecinosContext *self)
{
  g_return_val_if_fail (VECINOS_IS_CONTEXT (self), 0);
  return self->tour_step;
}

/**
 * vecinos_context_set_tour_step:
 * @step: the step of the tour shown, from 0
 */
void
vecinos_context_set_tour_step (VecinosContext *self,
                               guint           step)
{
  g_return_if_fail (VECINOS_IS_CONTEXT (self));

  if (self->tour_step == step)
    return;
  self->tour_step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUR_STEP]);
}
