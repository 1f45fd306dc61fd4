/* crm-csv-writer.c — writing CSV files for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A cell that starts with = + - or @ gets an apostrophe in front, the
 * usual guard against spreadsheet formulas (CSV injection); the customer
 * importer removes it again.
 */

#define G_LOG_DOMAIN "crm-csv-writer"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "crm-csv-writer.h"

struct _CrmCsvWriter
{
  GFile             *file;
  GFileOutputStream *stream;
  GCancellable      *cancellable;
  gboolean           overwrite;
};

/**
 * crm_csv_append_field:
 * @out: the row being built
 * @text: (nullable): the cell's text
 * @first: whether it is the row's first cell (no comma before it)
 */
void
crm_csv_append_field (GString    *out,
                      const char *text,
                      gboolean    first)
{
  gboolean guard = text != NULL && text[0] != '\0' && strchr ("=+-@", text[0]) != NULL;
  gsize length;
  gsize room;
  gsize needed;

  if (!first)
    g_string_append_c (out, ',');

  if (text == NULL)
    text = "";

  length = strlen (text) + (guard ? 1 : 0);
  room = 2 * length + 2;

  /* csv_write() quotes and doubles the quotes, which takes at most twice
   * the text and two quotes. */
  g_string_set_size (out, out->len + room);
  if (guard)
    {
      g_autofree char *guarded = g_strconcat ("'", text, NULL);

      needed = csv_write (out->str + out->len - room, room, guarded, length);
    }
  else
    {
      needed = csv_write (out->str + out->len - room, room, text, length);
    }
  g_string_truncate (out, out->len - room + needed);
}

/**
 * crm_csv_writer_open:
 * @path: the file to write
 * @overwrite: whether an existing file may be replaced
 * @error: return location for a #GIOError (%G_IO_ERROR_EXISTS, with a
 *   message naming the file, when it exists and @overwrite is %FALSE)
 *
 * Returns: (transfer full) (nullable): the writer; finish with
 *   crm_csv_writer_close()
 */
CrmCsvWriter *
crm_csv_writer_open (const char  *path,
                     gboolean     overwrite,
                     GError     **error)
{
  CrmCsvWriter *self = g_new0 (CrmCsvWriter, 1);

  self->file = g_file_new_for_path (path);
  self->cancellable = g_cancellable_new ();
  self->overwrite = overwrite;

  /* Replacing writes a temporary file that takes the old one's place only
   * when closed; creating refuses an existing file. */
  if (overwrite)
    self->stream = g_file_replace (self->file, NULL, FALSE, G_FILE_CREATE_NONE, self->cancellable, error);
  else
    self->stream = g_file_create (self->file, G_FILE_CREATE_NONE, self->cancellable, error);

  if (self->stream == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      if (error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” exists already; it was left as it is."), display);
        }
      g_object_unref (self->file);
      g_object_unref (self->cancellable);
      g_free (self);
      return NULL;
    }

  return self;
}

GOutputStream *
crm_csv_writer_get_stream (CrmCsvWriter *self)
{
  return G_OUTPUT_STREAM (self->stream);
}

/**
 * crm_csv_writer_close:
 * @self: (transfer full): the writer
 * @ok: whether everything was written; when %FALSE no file is left
 *   behind and a file being replaced is kept as it was
 * @error: return location for an error
 *
 * Returns: %TRUE when @ok and the file was closed
 */
gboolean
crm_csv_writer_close (CrmCsvWriter  *self,
                      gboolean       ok,
                      GError       **error)
{
  if (ok)
    ok = g_output_stream_close (G_OUTPUT_STREAM (self->stream), self->cancellable, error);

  if (!ok)
    {
      /* A cancelled close drops a replacement's temporary file. */
      g_cancellable_cancel (self->cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (self->stream), self->cancellable, NULL);
      if (!self->overwrite)
        g_file_delete (self->file, NULL, NULL);
    }

  g_object_unref (self->stream);
  g_object_unref (self->file);
  g_object_unref (self->cancellable);
  g_free (self);

  return ok;
}
