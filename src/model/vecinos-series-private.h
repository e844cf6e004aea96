/* vecinos-series-private.h — construction, for the dataset only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-series.h"

G_BEGIN_DECLS

VecinosSeries *vecinos_series_new (void);

G_END_DECLS
