/* crm-customer-import.c — importing customers from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The files come from Excel, WPS and other CRMs, so the importer is
 * generous about form and strict about content. Form: UTF-8 with or
 * without a BOM, or GB18030 (what Excel writes on a Chinese Windows);
 * CRLF or LF; quoted fields holding commas, quotes and line breaks (libcsv
 * parses them; a hand-written parser gets these wrong); Chinese or English
 * header names in any order, with units such as "年营收（万元）". Content:
 * every row passes the same checks as the customer form
 * (crm_customer_store_check()) and the same duplicate test
 * (crm_customer_store_find_duplicate()), plus a test against the rows
 * before it in the same file. A row that fails is not imported; it is
 * written, as it was, to FILE.rejected.csv with the reason, and the rest
 * goes in.
 *
 * The whole import is one transaction and one undoable action, so a
 * crash leaves none of it and one undo removes all of it. Rows are parsed,
 * checked and written as the file streams through the parser, so memory
 * does not grow with the file beyond the text itself.
 *
 * This file runs the import: it streams the rows through the parser,
 * checks each against the database and the rows before it, and writes
 * the rejected ones. crm-import-encoding.c decodes the file,
 * crm-import-header-map.c finds the field of each column, and
 * crm-import-row-converter.c (with crm-import-values.c) turns a row into
 * a customer.
 */

#define G_LOG_DOMAIN "crm-customer-import"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "crm-bulk-insert.h"
#include "crm-customer-import.h"
#include "crm-import-encoding.h"
#include "crm-import-header-map.h"
#include "crm-import-row-converter.h"
#include "crm-validate.h"

G_DEFINE_QUARK (crm-import-error-quark, crm_import_error)

/* Bytes handed to the parser at a time; progress is reported between. */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  CrmCustomerStore      *store;
  CrmImportFlags         flags;
  CrmImportProgressFunc  progress;
  gpointer               progress_data;

  char                  *basename;      /* for messages */
  const char            *text;          /* UTF-8, without a BOM */
  gsize                  length;

  /* Parser state: the cells of the row being read, the spreadsheet row
   * number of the next row, and how the last row ended (for CRLF). */
  GPtrArray             *cells;
  guint                  row;
  int                    last_terminator;

  /* The field of each column; NULL until the header row is read. */
  CrmImportHeaderMap    *columns;

  CrmImportRowConverter *converter;
  GHashTable            *seen;          /* "n:name key", "c:code", "i:id" → row */
  GString               *rejected;
  GStrvBuilder          *warnings;
  CrmImportSummary      *summary;
  char                  *rejected_path;
  int                    last_percent;

  GError                *error;         /* a failure that stops the import */
} Import;

static void
reset_summary (CrmImportSummary *summary)
{
  g_free (summary->rejected_path);
  g_free (summary->encoding);
  g_strfreev (summary->warnings);
  memset (summary, 0, sizeof *summary);
}

/**
 * crm_import_summary_clear:
 * @summary: a summary filled in by crm_customer_import_run()
 *
 * Frees what @summary holds (not @summary itself) and zeroes it.
 */
void
crm_import_summary_clear (CrmImportSummary *summary)
{
  g_return_if_fail (summary != NULL);

  reset_summary (summary);
}

/**
 * crm_customer_import_dup_rejected_path:
 * @path: the file imported
 *
 * Returns: (transfer full): where its rejected rows go: "客户.csv" gives
 *   "客户.rejected.csv", any other name gets ".rejected.csv" appended
 */
char *
crm_customer_import_dup_rejected_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - 4);

      return g_strconcat (stem, ".rejected.csv", NULL);
    }

  return g_strconcat (path, ".rejected.csv", NULL);
}

/* The header ------------------------------------------------------------ */

static gboolean
read_header (Import    *self,
             GPtrArray *header,
             GError   **error)
{
  self->columns = crm_import_header_map_new (header, self->warnings);

  if (!crm_import_header_map_has_field (self->columns, CRM_IMPORT_FIELD_NAME))
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_NAME_COLUMN,
                   _("The header of “%s” (row %u) has no column for the customer’s name; "
                     "call one of its columns “客户名称” or “name”."),
                   self->basename, self->row);
      return FALSE;
    }

  return TRUE;
}

/* Rows ------------------------------------------------------------------ */

static void
add_warning (Import     *self,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_warning (Import     *self,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strv_builder_add (self->warnings, message);
}

static void
append_csv_row (GString   *out,
                GPtrArray *cells,
                guint      n_cells,
                const char *extra)
{
  for (guint i = 0; i < n_cells || (i == n_cells && extra != NULL); i++)
    {
      const char *text = i < n_cells ? (i < cells->len ? g_ptr_array_index (cells, i) : "") : extra;
      gsize length = strlen (text);
      gsize needed;

      if (i > 0)
        g_string_append_c (out, ',');

      /* csv_write() quotes the field and doubles its quotes; it says how
       * much room that takes, at most twice the text and two quotes. */
      g_string_set_size (out, out->len + 2 * length + 2);
      needed = csv_write (out->str + out->len - (2 * length + 2), 2 * length + 2, text, length);
      g_string_truncate (out, out->len - (2 * length + 2) + needed);
    }
  g_string_append (out, "\r\n");
}

static void
reject (Import     *self,
        GPtrArray  *cells,
        const char *reason)
{
  GPtrArray *header = crm_import_header_map_get_header (self->columns);
  g_autofree char *message = g_strdup_printf (_("Row %u: %s"), self->row, reason);

  if (self->rejected->len == 0)
    {
      g_string_append (self->rejected, "\xef\xbb\xbf");
      append_csv_row (self->rejected, header, header->len, "原因");
    }

  append_csv_row (self->rejected, cells, MAX (cells->len, header->len), message);
  self->summary->n_rejected++;
}

/* Looks for an earlier row of the file with the same name, credit code or
 * ID number. */
static gboolean
find_in_file (Import       *self,
              CrmCustomer  *customer,
              char        **reason)
{
  g_autofree char *name_key = crm_normalize_name (crm_customer_get_name (customer));
  const char *credit_code = crm_customer_get_credit_code (customer);
  const char *id_number = crm_customer_get_id_number (customer);
  char *keys[3];
  gboolean found = FALSE;

  keys[0] = credit_code != NULL ? g_strconcat ("c:", credit_code, NULL) : NULL;
  keys[1] = id_number != NULL ? g_strconcat ("i:", id_number, NULL) : NULL;
  keys[2] = g_strconcat ("n:", name_key, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys) && !found; i++)
    {
      gpointer row;

      if (keys[i] == NULL || !g_hash_table_lookup_extended (self->seen, keys[i], NULL, &row))
        continue;

      switch (i)
        {
        case 0:
          *reason = g_strdup_printf (_("Row %u of this file has the same unified social credit code."),
                                     GPOINTER_TO_UINT (row));
          break;
        case 1:
          *reason = g_strdup_printf (_("Row %u of this file has the same ID card number."),
                                     GPOINTER_TO_UINT (row));
          break;
        default:
          *reason = g_strdup_printf (_("Row %u of this file has the same name."),
                                     GPOINTER_TO_UINT (row));
          break;
        }
      found = TRUE;
    }

  if (!found)
    {
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          if (keys[i] != NULL)
            g_hash_table_insert (self->seen, g_steal_pointer (&keys[i]), GUINT_TO_POINTER (self->row));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_free (keys[i]);

  return found;
}

static gboolean
process_row (Import     *self,
             GPtrArray  *cells,
             GError    **error)
{
  GPtrArray *header = crm_import_header_map_get_header (self->columns);
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrmCustomer) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *reason = NULL;

  self->summary->n_rows++;

  /* Extra cells beyond the header usually mean an unquoted comma shifted
   * the row: the values would land in the wrong fields. */
  for (guint i = header->len; i < cells->len; i++)
    {
      if (*(const char *) g_ptr_array_index (cells, i) != '\0')
        {
          reject (self, cells,
                  _("The row has more cells than the header; is a comma missing its quotes?"));
          return TRUE;
        }
    }

  if (!crm_import_row_converter_read (self->converter, self->columns, cells,
                                      customer, contacts, &tags, &reason))
    {
      reject (self, cells, reason);
      return TRUE;
    }

  if (!crm_customer_store_check (self->store, customer, contacts, &warnings, &local_error))
    {
      reject (self, cells, local_error->message);
      return TRUE;
    }

  if (find_in_file (self, customer, &reason))
    {
      reject (self, cells, reason);
      return TRUE;
    }

  existing = crm_customer_store_find_duplicate (self->store, customer, &reason);
  if (existing != NULL)
    {
      reject (self, cells, reason);
      return TRUE;
    }

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    add_warning (self, _("Row %u: %s"), self->row, warnings[i]);

  if (!(self->flags & CRM_IMPORT_DRY_RUN) &&
      crm_customer_store_write (self->store, customer, contacts,
                                (const char * const *) tags, error) == 0)
    {
      g_prefix_error (error, _("Row %u: "), self->row);
      return FALSE;
    }

  self->summary->n_imported++;

  return TRUE;
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  Import *self = user_data;

  if (self->error != NULL)
    return;

  g_ptr_array_add (self->cells, data != NULL ? g_strndup (data, length) : g_strdup (""));
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      if (*(const char *) g_ptr_array_index (cells, i) != '\0')
        return FALSE;
    }

  return TRUE;
}

/* libcsv reports every unquoted CR and LF as the end of a row
 * (CSV_REPALL_NL), so blank lines count as spreadsheet rows do; the LF of
 * a CRLF pair ends an empty row, which is not one. */
static void
on_row (int   terminator,
        void *user_data)
{
  Import *self = user_data;
  g_autoptr(GPtrArray) cells = NULL;

  if (self->error != NULL)
    return;

  if (terminator == '\n' && self->last_terminator == '\r' && self->cells->len == 0)
    {
      self->last_terminator = terminator;
      return;
    }
  self->last_terminator = terminator;

  cells = g_steal_pointer (&self->cells);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->row++;

  if (row_is_blank (cells))
    return;

  if (self->columns == NULL)
    {
      read_header (self, cells, &self->error);
      return;
    }

  process_row (self, cells, &self->error);
}

static void
report_progress (Import *self,
                 double  fraction)
{
  int percent = (int) (fraction * 100);

  if (self->progress == NULL || percent == self->last_percent)
    return;

  self->last_percent = percent;
  self->progress (fraction, self->progress_data);
}

static gboolean
write_rejected (Import  *self,
                GError **error)
{
  if (self->summary->n_rejected == 0)
    return TRUE;

  if (!g_file_set_contents (self->rejected_path, self->rejected->str, self->rejected->len, error))
    {
      g_prefix_error (error, _("The rejected rows could not be written: "));
      return FALSE;
    }

  self->summary->rejected_path = g_strdup (self->rejected_path);

  return TRUE;
}

/* At most the number of rows: quoted line breaks count too. */
static guint
count_lines (const char *text,
             gsize       length)
{
  guint n = 0;

  for (const char *p = text; (p = memchr (p, '\n', length - (p - text))) != NULL; p++)
    n++;

  return n;
}

static gboolean
import_rows (CrmDatabase  *db,
             gpointer      user_data,
             GError      **error)
{
  Import *self = user_data;
  struct csv_parser parser;
  g_autoptr(CrmBulkInsert) bulk = NULL;
  gboolean ok = TRUE;

  /* Every row is a new customer: the bulk insert's path applies. */
  if (!(self->flags & CRM_IMPORT_DRY_RUN))
    {
      bulk = crm_bulk_insert_begin (db, count_lines (self->text, self->length), error);
      if (bulk == NULL)
        return FALSE;
    }

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
    g_error ("Out of memory");

  for (gsize offset = 0; offset < self->length && self->error == NULL; offset += CHUNK_SIZE)
    {
      gsize size = MIN (CHUNK_SIZE, self->length - offset);

      if (csv_parse (&parser, self->text + offset, size, on_field, on_row, self) != size)
        {
          if (self->error == NULL)
            g_set_error (&self->error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MALFORMED,
                         _("“%s”, row %u, is not valid CSV: a quote inside a field that does "
                           "not start with one, or text after a closing quote."),
                         self->basename, self->row + 1);
          break;
        }

      report_progress (self, (double) (offset + size) / (double) self->length);
    }

  if (self->error == NULL && csv_fini (&parser, on_field, on_row, self) != 0)
    g_set_error (&self->error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MALFORMED,
                 _("“%s”, row %u, is not valid CSV: a quoted field is never closed."),
                 self->basename, self->row + 1);
  csv_free (&parser);

  if (self->error == NULL && self->columns == NULL)
    g_set_error (&self->error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_EMPTY,
                 _("“%s” is empty."), self->basename);
  else if (self->error == NULL && self->summary->n_rows == 0)
    g_set_error (&self->error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_EMPTY,
                 _("“%s” has a header but no rows below it."), self->basename);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      ok = FALSE;
    }

  if (ok && bulk != NULL && !crm_bulk_insert_end (g_steal_pointer (&bulk), error))
    return FALSE;

  /* Written before the commit, so an import never lands without the
   * list of what it left out. */
  return ok && write_rejected (self, error);
}

/**
 * crm_customer_import_run:
 * @store: the store to import into; in an application, one on its own
 *   connection, since the import may take seconds (run it in a GTask
 *   worker thread)
 * @path: a CSV file
 * @flags: whether to change anything
 * @progress: (nullable) (scope call): called as the file is read
 * @progress_data: data for @progress
 * @summary: (out caller-allocates): what happened
 * @error: return location for a #CrmImportError, a #GFileError or a
 *   database error
 *
 * Imports the valid rows of @path as one transaction and one undoable
 * action ("Import customers"), and writes the rejected rows with their
 * reasons to crm_customer_import_dup_rejected_path(), UTF-8 with a BOM.
 *
 * Returns: %TRUE when the file was read through; %FALSE with @error set
 *   when it could not be, and then nothing was changed
 */
gboolean
crm_customer_import_run (CrmCustomerStore       *store,
                         const char             *path,
                         CrmImportFlags          flags,
                         CrmImportProgressFunc   progress,
                         gpointer                progress_data,
                         CrmImportSummary       *summary,
                         GError                **error)
{
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CrmImportRowConverter) converter = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GString) rejected = NULL;
  g_autoptr(GStrvBuilder) warnings = NULL;
  g_autofree char *rejected_path = NULL;
  Import self = { 0 };
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;

  text = crm_import_encoding_decode (path, g_steal_pointer (&data), length,
                                     &summary->encoding, error);
  if (text == NULL)
    return FALSE;

  converter = crm_import_row_converter_new (store);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rejected = g_string_new (NULL);
  warnings = g_strv_builder_new ();
  rejected_path = crm_customer_import_dup_rejected_path (path);

  self.store = store;
  self.flags = flags;
  self.progress = progress;
  self.progress_data = progress_data;
  self.text = text;
  self.length = strlen (text);
  self.cells = g_ptr_array_new_with_free_func (g_free);
  self.last_terminator = -1;
  self.converter = converter;
  self.seen = seen;
  self.rejected = rejected;
  self.warnings = warnings;
  self.summary = summary;
  self.rejected_path = rejected_path;
  self.last_percent = -1;
  self.basename = g_filename_display_basename (path);

  if (flags & CRM_IMPORT_DRY_RUN)
    ok = import_rows (crm_customer_store_get_database (store), &self, error);
  else
    ok = crm_customer_store_record (store, N_("Import customers"), import_rows, &self, error);

  g_ptr_array_unref (self.cells);
  g_free (self.basename);
  g_clear_pointer (&self.columns, crm_import_header_map_free);
  g_clear_error (&self.error);

  summary->warnings = g_strv_builder_end (warnings);

  if (!ok)
    {
      reset_summary (summary);
      return FALSE;
    }

  report_progress (&self, 1.0);

  return TRUE;
}
