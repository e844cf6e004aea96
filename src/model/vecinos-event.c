/* vecinos-event.c — one event of the timeline, in one language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-event-private.h"

struct _VecinosEvent
{
  GObject      parent_instance;

  char        *slug;
  char        *title;
  char        *summary;
  char        *category;
  char        *category_name;
  char        *color;
  int          importance;
  VecinosDate  start;
  VecinosDate  end;
  gboolean     has_end;
  GPtrArray   *sources;
};

G_DEFINE_FINAL_TYPE (VecinosEvent, vecinos_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SLUG,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_CATEGORY,
  PROP_IMPORTANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vecinos_source_free (VecinosSource *source)
{
  g_free (source->name);
  g_free (source->url);
  g_free (source);
}

static void
vecinos_event_finalize (GObject *object)
{
  VecinosEvent *self = (VecinosEvent *) object;

  g_free (self->slug);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->category);
  g_free (self->category_name);
  g_free (self->color);
  g_ptr_array_unref (self->sources);

  G_OBJECT_CLASS (vecinos_event_parent_class)->finalize (object);
}

static void
vecinos_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VecinosEvent *self = VECINOS_EVENT (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_IMPORTANCE:
      g_value_set_int (value, self->importance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_event_class_init (VecinosEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vecinos_event_finalize;
  object_class->get_property = vecinos_event_get_property;

  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTANCE] =
    g_param_spec_int ("importance", NULL, NULL, 1, 3, 3, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vecinos_event_init (VecinosEvent *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_source_free);
}

VecinosEvent *
vecinos_event_new (const VecinosEventFields *fields)
{
  VecinosEvent *self = g_object_new (VECINOS_TYPE_EVENT, NULL);

  self->slug = g_strdup (fields->slug);
  self->title = g_strdup (fields->title);
  self->summary = g_strdup (fields->summary);
  self->category = g_strdup (fields->category);
  self->category_name = g_strdup (fields->category_name);
  self->color = g_strdup (fields->color);
  self->importance = fields->importance;
  self->start = fields->start;
  self->has_end = fields->has_end;
  self->end = fields->end;

  return self;
}

void
vecinos_event_add_source (VecinosEvent *self,
                          const char   *name,
                          const char   *url)
{
  VecinosSource *source = g_new (VecinosSource, 1);

  source->name = g_strdup (name);
  source->url = g_strdup (url);
  g_ptr_array_add (self->sources, source);
}

const char *
vecinos_event_get_slug (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return self->slug;
}

const char *
vecinos_event_get_title (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return self->title;
}

const char *
vecinos_event_get_summary (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return self->summary;
}

const char *
vecinos_event_get_category (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return self->category;
}

const char *
vecinos_event_get_category_name (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return self->category_name;
}

const char *
vecinos_event_get_color (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return self->color;
}

int
vecinos_event_get_importance (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), 0);
  return self->importance;
}

const VecinosDate *
vecinos_event_get_start (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return &self->start;
}

/**
 * vecinos_event_get_end:
 *
 * Returns: (nullable): the last date of an event that lasted a period
 */
const VecinosDate *
vecinos_event_get_end (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return self->has_end ? &self->end : NULL;
}

char *
vecinos_event_format_date (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return vecinos_date_format_span (&self->start, vecinos_event_get_end (self));
}

/**
 * vecinos_event_get_sources:
 *
 * Returns: (transfer none) (element-type VecinosSource): where the event is documented
 */
GPtrArray *
vecinos_event_get_sources (VecinosEvent *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT (self), NULL);
  return self->sources;
}
