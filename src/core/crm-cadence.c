/* crm-cadence.c — when a customer is due for its next follow-up (跟进频率)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Pure arithmetic, no database: the tests call it with fixed times and
 * time zones. Times are stored in UTC ("2026-03-01T08:00:00Z") and shown
 * in the user's time zone; intervals are counted in calendar days of the
 * user's zone, so "every 7 days" keeps the wall-clock hour of the last
 * contact even where the zone has daylight saving time, and "today" and
 * "this week" are the user's day and week, not UTC's.
 */

#define G_LOG_DOMAIN "crm-cadence"

#include <stdio.h>
#include <string.h>

#include "crm-cadence.h"

/**
 * crm_cadence_init_defaults:
 * @cadence: the cadence to fill
 *
 * S weekly, A every two weeks, B monthly (30 days), C quarterly (90 days),
 * customers not graded yet monthly; first contact within 24 hours for a
 * prospect and 48 hours for an intent customer.
 */
void
crm_cadence_init_defaults (CrmCadence *cadence)
{
  g_return_if_fail (cadence != NULL);

  cadence->interval_days[CRM_TIER_NONE] = 30;
  cadence->interval_days[CRM_TIER_S] = 7;
  cadence->interval_days[CRM_TIER_A] = 14;
  cadence->interval_days[CRM_TIER_B] = 30;
  cadence->interval_days[CRM_TIER_C] = 90;
  cadence->prospect_hours = 24;
  cadence->intent_hours = 48;
}

/**
 * crm_cadence_shortest_days:
 * @cadence: a cadence
 *
 * A key follow-up (重点跟进) customer is followed at this interval, the
 * shortest of all tiers, whatever its own tier.
 *
 * Returns: the shortest interval in days
 */
int
crm_cadence_shortest_days (const CrmCadence *cadence)
{
  int shortest = G_MAXINT;

  g_return_val_if_fail (cadence != NULL, 7);

  for (guint i = 0; i < G_N_ELEMENTS (cadence->interval_days); i++)
    shortest = MIN (shortest, cadence->interval_days[i]);

  return MAX (shortest, 1);
}

/**
 * crm_cadence_next_due:
 * @cadence: the cadence
 * @tier: the customer's tier
 * @key_follow_up: whether the customer is flagged for key follow-up
 * @prospect: whether the customer is a prospect (first contact within
 *   prospect_hours) rather than an intent customer (intent_hours)
 * @created_at: when the record was created
 * @last_contact_at: (nullable): the last real contact
 * @explicit_due: (nullable): the due date of the next action the last
 *   follow-up named; it wins over the cadence
 * @zone: the user's time zone, in which days are counted
 *
 * Returns: (transfer full): the time the next follow-up is due, in UTC
 */
GDateTime *
crm_cadence_next_due (const CrmCadence *cadence,
                      CrmTier           tier,
                      gboolean          key_follow_up,
                      gboolean          prospect,
                      GDateTime        *created_at,
                      GDateTime        *last_contact_at,
                      GDateTime        *explicit_due,
                      GTimeZone        *zone)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) due = NULL;
  int days;

  g_return_val_if_fail (cadence != NULL, NULL);
  g_return_val_if_fail (created_at != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  if (explicit_due != NULL)
    return g_date_time_to_utc (explicit_due);

  if (last_contact_at == NULL)
    return g_date_time_add_hours (created_at, prospect ? cadence->prospect_hours
                                                       : cadence->intent_hours);

  if ((guint)tier >= G_N_ELEMENTS (cadence->interval_days))
    tier = CRM_TIER_NONE;
  days = key_follow_up ? crm_cadence_shortest_days (cadence) : cadence->interval_days[tier];

  local = g_date_time_to_timezone (last_contact_at, zone);
  due = g_date_time_add_days (local, days);

  return g_date_time_to_utc (due);
}

static GDateTime *
start_of_local_day (GDateTime *time,
                    GTimeZone *zone)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, zone);

  return g_date_time_new (zone,
                          g_date_time_get_year (local),
                          g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local),
                          0, 0, 0);
}

/**
 * crm_cadence_end_of_day:
 * @now: the current time
 * @zone: the user's time zone
 *
 * Returns: (transfer full): midnight at the end of @now's day in @zone
 */
GDateTime *
crm_cadence_end_of_day (GDateTime *now,
                        GTimeZone *zone)
{
  g_autoptr(GDateTime) start = start_of_local_day (now, zone);

  return g_date_time_add_days (start, 1);
}

/**
 * crm_cadence_end_of_week:
 * @now: the current time
 * @zone: the user's time zone
 *
 * Weeks run Monday to Sunday, as in China (ISO 8601).
 *
 * Returns: (transfer full): midnight at the end of Sunday of @now's week
 */
GDateTime *
crm_cadence_end_of_week (GDateTime *now,
                         GTimeZone *zone)
{
  g_autoptr(GDateTime) start = start_of_local_day (now, zone);
  int weekday = g_date_time_get_day_of_week (start);  /* 1 = Monday */

  return g_date_time_add_days (start, 8 - weekday);
}

/**
 * crm_cadence_classify:
 * @due: when a follow-up is due
 * @now: the current time
 * @zone: the user's time zone
 *
 * Returns: where @due stands from @now
 */
CrmDueState
crm_cadence_classify (GDateTime *due,
                      GDateTime *now,
                      GTimeZone *zone)
{
  g_autoptr(GDateTime) end_of_day = NULL;
  g_autoptr(GDateTime) end_of_week = NULL;

  g_return_val_if_fail (due != NULL && now != NULL && zone != NULL, CRM_DUE_LATER);

  if (g_date_time_compare (due, now) < 0)
    return CRM_DUE_OVERDUE;

  end_of_day = crm_cadence_end_of_day (now, zone);
  if (g_date_time_compare (due, end_of_day) < 0)
    return CRM_DUE_TODAY;

  end_of_week = crm_cadence_end_of_week (now, zone);
  if (g_date_time_compare (due, end_of_week) < 0)
    return CRM_DUE_THIS_WEEK;

  return CRM_DUE_LATER;
}

/**
 * crm_cadence_is_due_soon:
 * @due: when a follow-up is due
 * @now: the current time
 *
 * Returns: %TRUE when @due is not past but within
 *   %CRM_CADENCE_SOON_HOURS of @now
 */
gboolean
crm_cadence_is_due_soon (GDateTime *due,
                         GDateTime *now)
{
  GTimeSpan ahead;

  g_return_val_if_fail (due != NULL && now != NULL, FALSE);

  ahead = g_date_time_difference (due, now);

  return ahead >= 0 && ahead <= CRM_CADENCE_SOON_HOURS * G_TIME_SPAN_HOUR;
}

/**
 * crm_time_parse_utc:
 * @text: (nullable): a stored time ("2026-03-01T08:00:00Z") or date
 *   ("2026-03-01", read as midnight UTC)
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @text is
 *   %NULL or not a time
 */
GDateTime *
crm_time_parse_utc (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();

  if (strlen (text) == 10)
    {
      g_autofree char *full = g_strconcat (text, "T00:00:00Z", NULL);

      return g_date_time_new_from_iso8601 (full, utc);
    }

  return g_date_time_new_from_iso8601 (text, utc);
}

/**
 * crm_time_format_utc:
 * @time: a time
 *
 * Returns: (transfer full): @time in UTC as stored, to the second
 */
char *
crm_time_format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * crm_time_parse_local:
 * @text: what a person typed: "2026-03-01", "2026-03-01 14:30",
 *   "2026/3/1 14:30:05"
 * @zone: their time zone
 * @default_hour: the hour meant when only a date is given
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @text is
 *   not a date (or not a real one, such as 2026-02-30)
 */
GDateTime *
crm_time_parse_local (const char *text,
                      GTimeZone  *zone,
                      int         default_hour)
{
  int year = 0, month = 0, day = 0, hour = default_hour, minute = 0, second = 0;
  g_autofree char *copy = NULL;
  int used = -1;

  g_return_val_if_fail (zone != NULL, NULL);

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  g_strdelimit (copy, "/.", '-');
  g_strdelimit (copy, "T", ' ');

  /* The whole text must be one of the three forms: %n says how much a
   * form read. */
  if (!(sscanf (copy, "%4d-%2d-%2d %2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &used) == 6 &&
        copy[used] == '\0'))
    {
      used = -1;
      second = 0;
      if (!(sscanf (copy, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute, &used) == 5 &&
            copy[used] == '\0'))
        {
          used = -1;
          hour = default_hour;
          minute = 0;
          if (!(sscanf (copy, "%4d-%2d-%2d%n", &year, &month, &day, &used) == 3 && copy[used] == '\0'))
            return NULL;
        }
    }
  if (year < 1900 || !g_date_valid_dmy (day, month, year) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return NULL;

  return g_date_time_new (zone, year, month, day, hour, minute, second);
}

/**
 * crm_time_format_local:
 * @utc_text: (nullable): a stored time
 * @zone: the user's time zone
 * @with_time: whether to show the hour and minute
 *
 * Returns: (transfer full) (nullable): "2026-03-01 14:30" or
 *   "2026-03-01" in @zone, the form crm_time_parse_local() reads back
 */
char *
crm_time_format_local (const char *utc_text,
                       GTimeZone  *zone,
                       gboolean    with_time)
{
  g_autoptr(GDateTime) time = crm_time_parse_utc (utc_text);
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (zone != NULL, NULL);

  if (time == NULL)
    return NULL;

  local = g_date_time_to_timezone (time, zone);

  return g_date_time_format (local, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d");
}
