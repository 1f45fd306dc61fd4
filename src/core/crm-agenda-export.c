/* crm-agenda-export.c — upcoming follow-ups as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Each customer due for a follow-up becomes a VTODO (RFC 5545) with its
 * DUE time in UTC, so the follow-ups land in the manager's calendar
 * program as tasks. libical writes the file: it folds long lines and
 * escapes commas, semicolons and line breaks in Chinese text correctly.
 * The UID names the customer and the due time, so importing a newer
 * export again updates a task instead of duplicating it only when the
 * plan has not moved.
 */

#define G_LOG_DOMAIN "crm-agenda-export"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-agenda-export.h"
#include "crm-cadence.h"

static struct icaltimetype
ical_time_from (GDateTime *time)
{
  return icaltime_from_timet_with_zone ((time_t)g_date_time_to_unix (time), 0,
                                        icaltimezone_get_utc_timezone ());
}

static icalcomponent *
make_todo (sqlite3_stmt *stmt,
           GDateTime    *now)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *name = (const char *)sqlite3_column_text (stmt, 1);
  const char *owner = (const char *)sqlite3_column_text (stmt, 2);
  const char *due_text = (const char *)sqlite3_column_text (stmt, 3);
  const char *next_action = (const char *)sqlite3_column_text (stmt, 4);
  const char *key_reason = (const char *)sqlite3_column_text (stmt, 5);
  g_autoptr(GDateTime) due = crm_time_parse_utc (due_text);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  icalcomponent *todo;

  if (due == NULL)
    return NULL;

  uid = g_strdup_printf ("rapport-follow-up-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@rapportcrm.org",
                         id, g_date_time_to_unix (due));
  if (next_action != NULL)
    /* Translators: a task in the user's calendar; the first %s is a
     * customer name, the second the action planned. */
    summary = g_strdup_printf (_("Follow up with %s: %s"), name, next_action);
  else
    /* Translators: a task in the user's calendar; %s is a customer name. */
    summary = g_strdup_printf (_("Follow up with %s"), name);

  if (owner != NULL)
    /* Translators: %s is the account manager (负责人). */
    g_string_append_printf (description, _("Owner: %s"), owner);
  if (key_reason != NULL)
    {
      if (description->len > 0)
        g_string_append_c (description, '\n');
      /* Translators: %s is why the customer is flagged (重点跟进). */
      g_string_append_printf (description, _("Key follow-up: %s"), key_reason);
    }

  todo = icalcomponent_new_vtodo ();
  icalcomponent_add_property (todo, icalproperty_new_uid (uid));
  icalcomponent_add_property (todo, icalproperty_new_dtstamp (ical_time_from (now)));
  icalcomponent_add_property (todo, icalproperty_new_summary (summary));
  icalcomponent_add_property (todo, icalproperty_new_due (ical_time_from (due)));
  icalcomponent_add_property (todo, icalproperty_new_status (ICAL_STATUS_NEEDSACTION));
  /* RFC 5545: 1 is the highest priority, 5 medium. */
  icalcomponent_add_property (todo, icalproperty_new_priority (key_reason != NULL ? 1 : 5));
  if (description->len > 0)
    icalcomponent_add_property (todo, icalproperty_new_description (description->str));

  return todo;
}

/**
 * crm_agenda_export_ics:
 * @db: a database
 * @until: customers due before this time are exported, overdue ones too
 * @path: the file to write
 * @overwrite: whether to replace @path if it exists
 * @n_exported: (out) (optional): how many follow-ups were written
 * @error: return location for an error (%G_IO_ERROR_EXISTS when @path
 *   exists and @overwrite is %FALSE)
 *
 * Returns: %TRUE when the file was written
 */
gboolean
crm_agenda_export_ics (CrmDatabase  *db,
                       GDateTime    *until,
                       const char   *path,
                       gboolean      overwrite,
                       guint        *n_exported,
                       GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *until_text = NULL;
  icalcomponent *calendar;
  sqlite3_stmt *stmt;
  char *text;
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (until != NULL && path != NULL, FALSE);

  file = g_file_new_for_path (path);
  if (!overwrite && g_file_query_exists (file, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is a file name. */
                   _("“%s” already exists."), path);
      return FALSE;
    }

  until_text = crm_time_format_utc (until);
  stmt = crm_database_prepare (db,
                               "SELECT c.id, c.name, c.owner, c.next_due_at, c.next_action,"
                               "       (SELECT k.reason FROM key_follow_up k"
                               "        WHERE k.customer_id = c.id AND k.cleared_at IS NULL)"
                               "  FROM customer c"
                               "  WHERE c.next_due_at IS NOT NULL AND c.next_due_at < ?"
                               "  ORDER BY c.next_due_at, c.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, until_text, -1, SQLITE_TRANSIENT);

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Rapport//Rapport CRM//ZH"));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      icalcomponent *todo = make_todo (stmt, now);

      if (todo == NULL)
        continue;
      icalcomponent_add_component (calendar, todo);
      n++;
    }
  sqlite3_reset (stmt);

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);

  ok = g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE, NULL, NULL, error);
  free (text);

  if (ok && n_exported != NULL)
    *n_exported = n;

  return ok;
}
