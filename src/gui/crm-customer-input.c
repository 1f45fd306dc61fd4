/* crm-customer-input.c — what is typed into the customer editor, read and parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-editor"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-customer-input.h"

/* @text in NFKC (full-width digits and punctuation become ASCII) without
 * surrounding whitespace. Never NULL. */
static char *
normalize_text (const char *text)
{
  char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKC);

  if (normal == NULL)
    return g_strdup ("");

  return g_strstrip (normal);
}

/* The text of an entry row without surrounding whitespace, or NULL. */
char *
crm_customer_input_dup_entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* The whole text of a text view, as typed. */
char *
crm_customer_input_dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text of a text view without surrounding whitespace, or NULL. */
char *
crm_customer_input_dup_view_text_or_null (GtkTextView *view)
{
  char *text = g_strstrip (crm_customer_input_dup_view_text (view));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gboolean
is_digits (const char *text,
           gsize       min,
           gsize       max)
{
  gsize len = strlen (text);

  if (len < min || len > max)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* Founding dates as people write them: 2015-06-30, 2015/6/30, 2015.6.30,
 * 2015年6月30日. The result is ISO 8601, or NULL for an empty field. */
CrmFieldState
crm_customer_input_parse_founded (const char  *text,
                                  char       **iso,
                                  char       **message)
{
  g_autofree char *normal = normalize_text (text);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDateTime) now = NULL;
  int year, month, day;

  *iso = NULL;
  *message = NULL;

  if (*normal == '\0')
    return CRM_FIELD_OK;

  regex = g_regex_new ("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$",
                       0, 0, NULL);
  if (!g_regex_match (regex, normal, 0, &match))
    {
      *message = g_strdup (_("Founded: enter a date such as 2015-06-30."));
      return CRM_FIELD_ERROR;
    }

  {
    g_autofree char *y = g_match_info_fetch (match, 1);
    g_autofree char *m = g_match_info_fetch (match, 2);
    g_autofree char *d = g_match_info_fetch (match, 3);

    year = atoi (y);
    month = atoi (m);
    day = atoi (d);
  }

  if (year < 1800 || !g_date_valid_dmy (day, month, year))
    {
      *message = g_strdup (_("Founded: enter a date such as 2015-06-30."));
      return CRM_FIELD_ERROR;
    }

  *iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  now = g_date_time_new_now_local ();
  {
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    if (strcmp (*iso, today) > 0)
      {
        g_clear_pointer (iso, g_free);
        *message = g_strdup (_("Founded: the date is in the future."));
        return CRM_FIELD_ERROR;
      }
  }

  return CRM_FIELD_OK;
}

/* Removes the thousands separators people type, "1,200" or "1，200". */
static char *
strip_separators (const char *normal)
{
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p++)
    {
      if (*p != ',' && *p != ' ')
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

CrmFieldState
crm_customer_input_parse_employees (const char  *text,
                                    int         *employees,
                                    char       **message)
{
  g_autofree char *normal = normalize_text (text);
  g_autofree char *digits = strip_separators (normal);

  *employees = -1;
  *message = NULL;

  if (*digits == '\0')
    return CRM_FIELD_OK;

  if (!is_digits (digits, 1, 9))
    {
      *message = g_strdup (_("Employees: enter a whole number, such as 120."));
      return CRM_FIELD_ERROR;
    }

  *employees = atoi (digits);

  return CRM_FIELD_OK;
}

/* Annual revenue is typed in 万元 and kept in whole yuan, so up to four
 * decimals are exact; the arithmetic stays in integers. */
CrmFieldState
crm_customer_input_parse_revenue (const char  *text,
                                  gint64      *yuan,
                                  char       **message)
{
  g_autofree char *normal = normalize_text (text);
  g_autofree char *number = strip_separators (normal);
  g_auto(GStrv) parts = NULL;
  gint64 value;

  *yuan = -1;
  *message = NULL;

  if (*number == '\0')
    return CRM_FIELD_OK;

  parts = g_strsplit (number, ".", 3);
  if (!is_digits (parts[0], 1, 12) ||
      (parts[1] != NULL && !is_digits (parts[1], 1, 4)) ||
      (parts[1] != NULL && parts[2] != NULL))
    {
      /* Translators: the amount is in 万元; say so in the unit your
       * language uses for it. */
      *message = g_strdup (_("Annual revenue: enter an amount in units of 10,000 CNY "
                             "with at most four decimals, such as 350 or 12.5."));
      return CRM_FIELD_ERROR;
    }

  value = g_ascii_strtoll (parts[0], NULL, 10) * 10000;
  if (parts[1] != NULL)
    {
      char frac[5] = "0000";

      memcpy (frac, parts[1], strlen (parts[1]));
      value += g_ascii_strtoll (frac, NULL, 10);
    }

  *yuan = value;

  return CRM_FIELD_OK;
}

/* The revenue field's text for an amount in yuan, the inverse of
 * crm_customer_input_parse_revenue(): "" for an unknown (negative) one. */
char *
crm_customer_input_format_revenue (gint64 yuan)
{
  g_autofree char *frac = NULL;
  gsize len;

  if (yuan < 0)
    return g_strdup ("");

  if (yuan % 10000 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, yuan / 10000);

  frac = g_strdup_printf ("%04d", (int)(yuan % 10000));
  len = strlen (frac);
  while (len > 0 && frac[len - 1] == '0')
    frac[--len] = '\0';

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%s", yuan / 10000, frac);
}

/* Tags are typed in one line, separated the ways Chinese and English text
 * separates list items. Empty and repeated tags are dropped. */
CrmFieldState
crm_customer_input_parse_tags (const char   *text,
                               GStrv        *tags,
                               char        **message)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) regex = g_regex_new ("[,，、;；\\n]", 0, 0, NULL);
  g_auto(GStrv) parts = g_regex_split (regex, text != NULL ? text : "", 0);
  CrmFieldState state = CRM_FIELD_OK;

  *message = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag == '\0' || g_hash_table_contains (seen, tag))
        continue;

      if (g_utf8_strlen (tag, -1) > 30 && state == CRM_FIELD_OK)
        {
          *message = g_strdup_printf (_("Tags: “%s” has more than 30 characters."), tag);
          state = CRM_FIELD_ERROR;
        }

      g_hash_table_add (seen, tag);
      g_strv_builder_add (builder, tag);
    }

  *tags = g_strv_builder_end (builder);


  return state;
}
