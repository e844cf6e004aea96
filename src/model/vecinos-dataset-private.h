/* vecinos-dataset-private.h — for the tests and the fuzzers only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-dataset.h"

G_BEGIN_DECLS

/* Opens @file as vecinos_dataset_new_for_file() does, without its schema
 * and integrity checks (the version is still checked), so that a test can
 * show that the reader itself survives what those checks keep out: NULL
 * where the schema says NOT NULL, values of any type */
VecinosDataset *vecinos_dataset_new_for_file_unchecked (GFile   *file,
                                                        GError **error);

G_END_DECLS
