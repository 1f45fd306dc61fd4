/* crm-format.c — how record values read on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-format.h"

/**
 * crm_format_local_date:
 * @iso: (nullable): an ISO 8601 date ("2024-03-01") or UTC time
 *
 * Times are stored in UTC; a date is what a person needs on screen, the
 * day in their own time zone.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD
 */
char *
crm_format_local_date (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;

  if (strlen (iso) <= 10)
    return g_strdup (iso);

  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return g_strndup (iso, 10);

  local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d");
}
