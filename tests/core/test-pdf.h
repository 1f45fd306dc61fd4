/* test-pdf.h — reading written PDF files back with poppler-utils
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

/* Runs @argv and returns its stdout, asserting it succeeded. */
G_GNUC_NO_INLINE static char *
pdf_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* The text of the PDF, pages separated by form feeds. */
static inline char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return pdf_run (argv);
}

/* The text of one page, from 1. */
static inline char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };

  return pdf_run (argv);
}

static inline guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = pdf_run (argv);
  const char *line = strstr (info, "Pages:");
  guint n;

  g_assert_nonnull (line);
  n = (guint)g_ascii_strtoull (line + 6 + strspn (line + 6, " "), NULL, 10);

  return n;
}

/* Renders page @page (from 1) at 40 dpi and returns the share of its
 * pixels that are not white. */
static inline double
pdf_page_ink (const char *path,
              guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *dir = g_dir_make_tmp ("pdf-page-XXXXXX", NULL);
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "40", "-singlefile",
                         "-f", number, "-l", number, path, prefix, NULL };
  g_autofree char *out = pdf_run (argv);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint inked = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *)(data + y * stride + 4 * x);

        if ((pixel & 0xffffff) != 0xffffff)
          inked++;
      }
  cairo_surface_destroy (surface);
  g_unlink (png);
  g_rmdir (dir);

  return (double)inked / (width * height);
}

/* How often @needle occurs in @haystack. */
static inline guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}
