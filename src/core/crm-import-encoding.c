/* crm-import-encoding.c — telling the encoding of an imported file and decoding it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-import"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-customer-import.h"
#include "crm-import-encoding.h"

/**
 * crm_import_encoding_decode:
 * @path: the file @data was read from, for messages
 * @data: (transfer full): the contents of the file, as g_file_get_contents()
 *   returns them: with a nul byte after the last
 * @length: the length of @data, not counting that nul byte
 * @encoding: (out) (transfer full): "UTF-8" or "GB18030", what the file
 *   was decoded from
 * @error: return location for a %CRM_IMPORT_ERROR_ENCODING error
 *
 * Decodes the file into UTF-8 without a BOM: UTF-8 when it is valid UTF-8,
 * else GB18030. Files that are no text at all (spreadsheets, UTF-16,
 * anything with NUL bytes) are refused with a message that says what to do.
 * Takes @data; UTF-8 is decoded in place, so a large file is not held
 * twice.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the file
 *   is no text
 */
char *
crm_import_encoding_decode (const char  *path,
                            char        *data,
                            gsize        length,
                            char       **encoding,
                            GError     **error)
{
  g_autofree char *owned = data;
  g_autofree char *basename = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  const char *text = data;
  gsize text_length = length;

  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                   _("“%s” is UTF-16 text; save it as “CSV UTF-8” and import that."), basename);
      return NULL;
    }

  if (length >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "\xd0\xcf\x11\xe0", 4) == 0))
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                   _("“%s” is a spreadsheet, not a CSV file; save it as “CSV UTF-8” and import that."),
                   basename);
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                   _("“%s” is not a text file, so it cannot be a CSV file."), basename);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      text_length -= 3;
    }

  if (g_utf8_validate (text, text_length, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      memmove (owned, text, text_length);
      owned[text_length] = '\0';
      converted = g_steal_pointer (&owned);
    }
  else
    {
      gsize read = 0;

      /* With bytes_read given, g_convert() takes an incomplete sequence at
       * the end for a short read rather than an error. */
      converted = g_convert (text, text_length, "UTF-8", "GB18030", &read, NULL, &local_error);
      if (converted == NULL || read < text_length)
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                       _("“%s” is neither UTF-8 nor GB18030 text (unreadable bytes at "
                         "offset %lu)."),
                       basename, (unsigned long)read);
          return NULL;
        }
      *encoding = g_strdup ("GB18030");
    }

  /* Text decodes from random bytes more often than one would think; other
   * control characters than tabs and line ends give a binary file away. */
  for (const char *p = converted; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\r' && *p != '\n')
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                       _("“%s” is not a text file, so it cannot be a CSV file."), basename);
          return NULL;
        }
    }

  return g_steal_pointer (&converted);
}
