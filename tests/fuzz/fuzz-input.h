/* fuzz-input.h — reading typed values out of a fuzzer's bytes, and the
 * check that stops a fuzz target when an invariant breaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct {
  const guint8 *data;
  size_t        size;
} FuzzInput;

static inline gboolean
fuzz_input_empty (const FuzzInput *input)
{
  return input->size == 0;
}

/* @n bytes into @out, zeros past the end of the input */
static inline void
fuzz_input_take (FuzzInput *input,
                 void      *out,
                 size_t     n)
{
  size_t available = MIN (n, input->size);

  memset (out, 0, n);
  if (available > 0)
    memcpy (out, input->data, available);
  input->data += available;
  input->size -= available;
}

static inline guint8
fuzz_input_byte (FuzzInput *input)
{
  guint8 byte;

  fuzz_input_take (input, &byte, 1);
  return byte;
}

static inline guint32
fuzz_input_uint32 (FuzzInput *input)
{
  guint32 value;

  fuzz_input_take (input, &value, sizeof value);
  return value;
}

/* Any double at all: the raw bits give NaN, infinities and denormals as
 * often as ordinary numbers */
static inline double
fuzz_input_double (FuzzInput *input)
{
  double value;

  fuzz_input_take (input, &value, sizeof value);
  return value;
}

/* A double in [low, high], spread over the range by 32 bits of input */
static inline double
fuzz_input_range (FuzzInput *input,
                  double     low,
                  double     high)
{
  return low + (high - low) * (fuzz_input_uint32 (input) / (double) G_MAXUINT32);
}

/* An invariant of the code under test: on failure say which and abort,
 * which libFuzzer and the replay both report as a crash */
#define FUZZ_CHECK(condition, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      { \
        g_printerr ("%s:%d: invariant failed: %s\n  ", __FILE__, __LINE__, #condition); \
        g_printerr (__VA_ARGS__); \
        g_printerr ("\n"); \
        abort (); \
      } \
  } G_STMT_END

G_END_DECLS
