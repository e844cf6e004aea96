/* vecinos-tab-stop.c — a list that Tab enters and leaves as one stop
 *
 * GTK 4.8's list views and list boxes make every row a Tab stop
 * (GtkListView's tab-behavior came with 4.12): 185 events, 28 search
 * results, each a press of Tab. Wrapped in a VecinosTabStop, a list is one
 * stop, as WAI-ARIA's listbox pattern asks: Tab (and Shift+Tab) comes in
 * on the row the list remembers (the one the keyboard was on last, or the
 * first) and goes out at the next press; the arrows move inside. Coming in
 * selects nothing: the list's own focus() puts the keyboard on a row
 * without selecting it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-tab-stop.h"

struct _VecinosTabStop
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

static void vecinos_tab_stop_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VecinosTabStop, vecinos_tab_stop, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, vecinos_tab_stop_buildable_init))

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable;

static gboolean
vecinos_tab_stop_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  VecinosTabStop *self = VECINOS_TAB_STOP (widget);
  gboolean inside = gtk_widget_get_focus_child (widget) != NULL;

  if (self->child == NULL)
    return FALSE;
  /* From inside, Tab leaves; the arrows are the list's own */
  if (inside && (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD))
    return FALSE;
  return gtk_widget_child_focus (self->child, direction);
}

/* It expands as its list does */
static void
vecinos_tab_stop_compute_expand (GtkWidget *widget,
                                 gboolean  *hexpand,
                                 gboolean  *vexpand)
{
  GtkWidget *child = VECINOS_TAB_STOP (widget)->child;

  *hexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = child != NULL && gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
}

static void
vecinos_tab_stop_dispose (GObject *object)
{
  VecinosTabStop *self = VECINOS_TAB_STOP (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (vecinos_tab_stop_parent_class)->dispose (object);
}

static void
vecinos_tab_stop_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VecinosTabStop *self = VECINOS_TAB_STOP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_tab_stop_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VecinosTabStop *self = VECINOS_TAB_STOP (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      vecinos_tab_stop_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_tab_stop_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  if (GTK_IS_WIDGET (child))
    vecinos_tab_stop_set_child (VECINOS_TAB_STOP (buildable), GTK_WIDGET (child));
  else
    parent_buildable->add_child (buildable, builder, child, type);
}

static void
vecinos_tab_stop_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable = g_type_interface_peek_parent (iface);
  iface->add_child = vecinos_tab_stop_add_child;
}

static void
vecinos_tab_stop_class_init (VecinosTabStopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vecinos_tab_stop_dispose;
  object_class->get_property = vecinos_tab_stop_get_property;
  object_class->set_property = vecinos_tab_stop_set_property;
  widget_class->focus = vecinos_tab_stop_focus;
  widget_class->compute_expand = vecinos_tab_stop_compute_expand;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* Only a wrapper: a screen reader hears the list */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
vecinos_tab_stop_init (VecinosTabStop *self)
{
}

GtkWidget *
vecinos_tab_stop_new (void)
{
  return g_object_new (VECINOS_TYPE_TAB_STOP, NULL);
}

GtkWidget *
vecinos_tab_stop_get_child (VecinosTabStop *self)
{
  g_return_val_if_fail (VECINOS_IS_TAB_STOP (self), NULL);
  return self->child;
}

void
vecinos_tab_stop_set_child (VecinosTabStop *self,
                            GtkWidget      *child)
{
  g_return_if_fail (VECINOS_IS_TAB_STOP (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
