/* crm-csv-writer.c — writing a table of the database to a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What every CSV export shares (customers, requirements): UTF-8 with a BOM
 * (without it Excel reads UTF-8 as the ANSI code page), CRLF line ends,
 * every field quoted by libcsv, the usual guard against spreadsheet
 * formulas (a cell that starts with = + - or @ gets an apostrophe in
 * front), rows read in one read transaction, and a file that is either
 * written whole or not at all.
 */

#define G_LOG_DOMAIN "crm-csv-writer"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "crm-csv-writer.h"

/**
 * crm_csv_append_field:
 * @out: the buffer
 * @text: (nullable): the cell's text
 * @first: whether it starts a row (no comma before it)
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
 * crm_csv_append_row:
 * @fields: (array length=n_fields): the cells
 *
 * Appends a whole row with its line end.
 */
void
crm_csv_append_row (GString            *out,
                    const char * const *fields,
                    guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    crm_csv_append_field (out, fields[i], i == 0);
  g_string_append (out, "\r\n");
}

/**
 * crm_csv_flush:
 * @force: write even when less than %CRM_CSV_FLUSH_SIZE is buffered
 *
 * Writes the buffer to @stream when it is full (or @force) and empties it.
 */
gboolean
crm_csv_flush (GOutputStream  *stream,
               GString        *out,
               gboolean        force,
               GError        **error)
{
  if (!force && out->len < CRM_CSV_FLUSH_SIZE)
    return TRUE;

  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error))
    return FALSE;
  g_string_truncate (out, 0);

  return TRUE;
}

/**
 * crm_csv_write_file:
 * @path: the CSV file to write
 * @overwrite: replace @path if it exists
 * @func: writes the header and the rows
 *
 * Creates @path (refusing an existing file unless @overwrite), writes the
 * BOM and runs @func inside one read transaction. On failure no file is
 * left behind, and a file being replaced is kept as it was.
 *
 * Returns: %TRUE when the file was written; %G_IO_ERROR_EXISTS when it
 *   exists and @overwrite is not set
 */
gboolean
crm_csv_write_file (CrmDatabase     *db,
                    const char      *path,
                    gboolean         overwrite,
                    CrmCsvRowsFunc   func,
                    gpointer         user_data,
                    GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  cancellable = g_cancellable_new ();

  /* Replacing writes a temporary file that takes the old one's place only
   * when closed; creating refuses an existing file. */
  if (overwrite)
    stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  else
    stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, error);

  if (stream == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      if (error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” exists already; it was left as it is."), display);
        }
      return FALSE;
    }

  ok = g_output_stream_write_all (G_OUTPUT_STREAM (stream), "\xef\xbb\xbf", 3, NULL, cancellable, error);

  if (ok && !crm_database_exec (db, "BEGIN", error))
    ok = FALSE;
  else if (ok)
    {
      ok = func (db, G_OUTPUT_STREAM (stream), user_data, error);
      /* Nothing was written to the database: ending the read transaction
       * either way is the same. */
      sqlite3_exec (crm_database_get_handle (db), ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    }

  if (ok)
    ok = g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  if (!ok)
    {
      /* A cancelled close drops a replacement's temporary file. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, NULL);
      if (!overwrite)
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}
