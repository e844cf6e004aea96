/* vecinos-json-tree.h — a JSON text read once into a flat tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  VECINOS_JSON_NULL,
  VECINOS_JSON_BOOLEAN,
  VECINOS_JSON_NUMBER,
  VECINOS_JSON_STRING,
  VECINOS_JSON_ARRAY,
  VECINOS_JSON_OBJECT,
} VecinosJsonType;

typedef struct _VecinosJsonTree VecinosJsonTree;

/* A value is a number: the root is 1, and 0 is no value (a member that
 * is not there), which every function below accepts */
#define VECINOS_JSON_ROOT 1
#define VECINOS_JSON_NONE 0

VecinosJsonTree *vecinos_json_tree_parse      (const char       *text,
                                               gsize             length,
                                               GError          **error);
void             vecinos_json_tree_free       (VecinosJsonTree  *tree);

/* An element of the streamed array, read whole; @after is where the text
 * goes on. FALSE stops the parse. */
typedef gboolean (*VecinosJsonElementFunc) (VecinosJsonTree *tree,
                                            guint            element,
                                            const char      *after,
                                            gpointer         data);

VecinosJsonTree *vecinos_json_tree_parse_streaming (char                   *text,
                                                    gsize                   length,
                                                    const char             *member,
                                                    VecinosJsonElementFunc  func,
                                                    gpointer                data,
                                                    GError                **error);

gsize            vecinos_json_read_escape     (const char       *text,
                                               gsize             length,
                                               int              *code);

VecinosJsonType  vecinos_json_tree_type       (VecinosJsonTree  *tree,
                                               guint             value);
guint            vecinos_json_tree_member     (VecinosJsonTree  *tree,
                                               guint             object,
                                               const char       *name);
guint            vecinos_json_tree_object     (VecinosJsonTree  *tree,
                                               guint             object,
                                               const char       *name);
guint            vecinos_json_tree_first      (VecinosJsonTree  *tree,
                                               guint             container);
guint            vecinos_json_tree_next       (VecinosJsonTree  *tree,
                                               guint             value);
const char      *vecinos_json_tree_string     (VecinosJsonTree  *tree,
                                               guint             value);
double           vecinos_json_tree_number     (VecinosJsonTree  *tree,
                                               guint             value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosJsonTree, vecinos_json_tree_free)

G_END_DECLS
