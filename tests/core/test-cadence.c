/* test-cadence.c — when a customer is due, and the tier rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-cadence.h"
#include "crm-tier-rules.h"

static GDateTime *
utc (const char *text)
{
  GDateTime *time = crm_time_parse_utc (text);

  g_assert_nonnull (time);
  return time;
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = crm_time_format_utc (time);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_cadence_by_tier (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) created = utc ("2026-01-01T00:00:00Z");
  g_autoptr(GDateTime) last = utc ("2026-03-02T02:00:00Z");
  CrmCadence cadence;
  struct { CrmTier tier; const char *due; } cases[] = {
    { CRM_TIER_S, "2026-03-09T02:00:00Z" },
    { CRM_TIER_A, "2026-03-16T02:00:00Z" },
    { CRM_TIER_B, "2026-04-01T02:00:00Z" },
    { CRM_TIER_C, "2026-05-31T02:00:00Z" },
    { CRM_TIER_NONE, "2026-04-01T02:00:00Z" },
  };

  crm_cadence_init_defaults (&cadence);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) due = crm_cadence_next_due (&cadence, cases[i].tier, FALSE, FALSE,
                                                       created, last, NULL, shanghai);
      assert_time (due, cases[i].due);
    }

  /* A tier change re-plans from the same last contact: C → S moves the
   * due date from 90 to 7 days after it. */
  {
    g_autoptr(GDateTime) as_c = crm_cadence_next_due (&cadence, CRM_TIER_C, FALSE, FALSE, created, last, NULL, shanghai);
    g_autoptr(GDateTime) as_s = crm_cadence_next_due (&cadence, CRM_TIER_S, FALSE, FALSE, created, last, NULL, shanghai);

    g_assert_cmpint (g_date_time_difference (as_c, as_s) / G_TIME_SPAN_DAY, ==, 83);
  }

  /* An edited interval is used. */
  cadence.interval_days[CRM_TIER_B] = 45;
  {
    g_autoptr(GDateTime) due = crm_cadence_next_due (&cadence, CRM_TIER_B, FALSE, FALSE, created, last, NULL, shanghai);
    assert_time (due, "2026-04-16T02:00:00Z");
  }
}

static void
test_cadence_first_contact (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) created = utc ("2026-02-27T10:00:00Z");
  g_autoptr(GDateTime) prospect = NULL;
  g_autoptr(GDateTime) intent = NULL;
  CrmCadence cadence;

  crm_cadence_init_defaults (&cadence);
  prospect = crm_cadence_next_due (&cadence, CRM_TIER_NONE, FALSE, TRUE, created, NULL, NULL, zone);
  intent = crm_cadence_next_due (&cadence, CRM_TIER_A, FALSE, FALSE, created, NULL, NULL, zone);

  assert_time (prospect, "2026-02-28T10:00:00Z");
  /* 48 hours across the end of February. */
  assert_time (intent, "2026-03-01T10:00:00Z");
}

static void
test_cadence_explicit_due_wins (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) created = utc ("2026-01-01T00:00:00Z");
  g_autoptr(GDateTime) last = utc ("2026-03-02T02:00:00Z");
  g_autoptr(GDateTime) explicit_due = utc ("2026-06-30T01:00:00Z");
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) key_due = NULL;
  CrmCadence cadence;

  crm_cadence_init_defaults (&cadence);

  /* Later than the S cadence and still it wins; so it does over a key
   * follow-up's shortest interval. */
  due = crm_cadence_next_due (&cadence, CRM_TIER_S, FALSE, FALSE, created, last, explicit_due, zone);
  assert_time (due, "2026-06-30T01:00:00Z");
  key_due = crm_cadence_next_due (&cadence, CRM_TIER_C, TRUE, FALSE, created, last, explicit_due, zone);
  assert_time (key_due, "2026-06-30T01:00:00Z");
}

static void
test_cadence_key_follow_up_shortest (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) created = utc ("2026-01-01T00:00:00Z");
  g_autoptr(GDateTime) last = utc ("2026-03-02T02:00:00Z");
  g_autoptr(GDateTime) due = NULL;
  CrmCadence cadence;

  crm_cadence_init_defaults (&cadence);
  cadence.interval_days[CRM_TIER_A] = 5;

  /* A C customer flagged for key follow-up is followed at the shortest
   * interval of any tier (here A's 5 days, not S's 7). */
  g_assert_cmpint (crm_cadence_shortest_days (&cadence), ==, 5);
  due = crm_cadence_next_due (&cadence, CRM_TIER_C, TRUE, FALSE, created, last, NULL, zone);
  assert_time (due, "2026-03-07T02:00:00Z");
}

static void
test_cadence_days_in_local_zone (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) created = utc ("2026-01-01T00:00:00Z");
  /* 09:00 in Berlin (CET, UTC+1) on 25 March; daylight saving starts on
   * 29 March, so 7 days later 09:00 local is 07:00 UTC. */
  g_autoptr(GDateTime) last = utc ("2026-03-25T08:00:00Z");
  g_autoptr(GDateTime) due = NULL;
  CrmCadence cadence;

  crm_cadence_init_defaults (&cadence);
  due = crm_cadence_next_due (&cadence, CRM_TIER_S, FALSE, FALSE, created, last, NULL, berlin);
  assert_time (due, "2026-04-01T07:00:00Z");
}

static void
test_cadence_overdue_across_month_end (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GTimeZone) utc_zone = g_time_zone_new_utc ();
  /* Due 31 January 23:30 in Shanghai, which is 15:30 UTC that day. */
  g_autoptr(GDateTime) due = utc ("2026-01-31T15:30:00Z");
  g_autoptr(GDateTime) before = utc ("2026-01-31T15:00:00Z");   /* 23:00 local */
  g_autoptr(GDateTime) after = utc ("2026-01-31T16:10:00Z");    /* 1 Feb 00:10 local */
  g_autoptr(GDateTime) morning = utc ("2026-01-31T01:00:00Z");  /* 09:00 local, Saturday */

  g_assert_cmpint (crm_cadence_classify (due, before, shanghai), ==, CRM_DUE_TODAY);
  g_assert_true (crm_cadence_is_due_soon (due, before));
  g_assert_cmpint (crm_cadence_classify (due, after, shanghai), ==, CRM_DUE_OVERDUE);
  g_assert_false (crm_cadence_is_due_soon (due, after));
  g_assert_cmpint (crm_cadence_classify (due, morning, shanghai), ==, CRM_DUE_TODAY);

  /* The same instant is "today" in Shanghai but already past midnight
   * there; in UTC the day is still 31 January: seen at 16:10 UTC it is
   * overdue in both, seen at 15:00 UTC it is due today in both. */
  g_assert_cmpint (crm_cadence_classify (due, before, utc_zone), ==, CRM_DUE_TODAY);

  /* Due 2 February (Monday) 10:00 local, seen Saturday 31 January: next
   * week, not this one. */
  {
    g_autoptr(GDateTime) next_week = utc ("2026-02-02T02:00:00Z");
    g_autoptr(GDateTime) sunday = utc ("2026-02-01T02:00:00Z");

    g_assert_cmpint (crm_cadence_classify (next_week, morning, shanghai), ==, CRM_DUE_LATER);
    g_assert_cmpint (crm_cadence_classify (sunday, morning, shanghai), ==, CRM_DUE_THIS_WEEK);
    /* In Los Angeles that Monday-morning due time is still Sunday
     * evening, so it belongs to the week of the 31st. */
    {
      g_autoptr(GTimeZone) la = g_time_zone_new_identifier ("America/Los_Angeles");

      g_assert_cmpint (crm_cadence_classify (next_week, morning, la), ==, CRM_DUE_THIS_WEEK);
    }
  }
}

static void
test_cadence_month_end_intervals (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) created = utc ("2025-01-01T00:00:00Z");
  /* 31 January 10:00 local; 30 days later is 2 March in 2026 and 1 March
   * in the leap year 2028. */
  g_autoptr(GDateTime) last_2026 = utc ("2026-01-31T02:00:00Z");
  g_autoptr(GDateTime) last_2028 = utc ("2028-01-31T02:00:00Z");
  g_autoptr(GDateTime) due_2026 = NULL;
  g_autoptr(GDateTime) due_2028 = NULL;
  CrmCadence cadence;

  crm_cadence_init_defaults (&cadence);
  due_2026 = crm_cadence_next_due (&cadence, CRM_TIER_B, FALSE, FALSE, created, last_2026, NULL, shanghai);
  due_2028 = crm_cadence_next_due (&cadence, CRM_TIER_B, FALSE, FALSE, created, last_2028, NULL, shanghai);
  assert_time (due_2026, "2026-03-02T02:00:00Z");
  assert_time (due_2028, "2028-03-01T02:00:00Z");
}

static void
test_time_parse (void)
{
  g_autoptr(GDateTime) date = crm_time_parse_utc ("2026-03-01");

  assert_time (date, "2026-03-01T00:00:00Z");
  g_assert_null (crm_time_parse_utc ("yesterday"));
  g_assert_null (crm_time_parse_utc (""));
  g_assert_null (crm_time_parse_utc (NULL));
}

static void
test_time_local (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) with_time = crm_time_parse_local ("2026-03-01 08:30", shanghai, 9);
  g_autoptr(GDateTime) date_only = crm_time_parse_local ("2026/3/1", shanghai, 9);
  g_autofree char *back = NULL;

  assert_time (with_time, "2026-03-01T00:30:00Z");
  assert_time (date_only, "2026-03-01T01:00:00Z");
  g_assert_null (crm_time_parse_local ("2026-02-30", shanghai, 9));
  g_assert_null (crm_time_parse_local ("2026-03-01 25:00", shanghai, 9));
  g_assert_null (crm_time_parse_local ("next week", shanghai, 9));
  g_assert_null (crm_time_parse_local ("2026-03-01 08:30 extra", shanghai, 9));

  /* What is shown reads back as the same time. */
  back = crm_time_format_local ("2026-02-28T16:30:00Z", shanghai, TRUE);
  g_assert_cmpstr (back, ==, "2026-03-01 00:30");
}

static void
test_tier_rules_boundaries (void)
{
  CrmTierRules rules;
  struct { gint64 spend; int years; CrmTier tier; } cases[] = {
    { 500000, 2, CRM_TIER_S },
    { 500000, 1, CRM_TIER_A },   /* S's spend, too few years */
    { 499999, 5, CRM_TIER_A },
    { 200000, 0, CRM_TIER_A },
    { 199999, 9, CRM_TIER_B },
    { 50000, 0, CRM_TIER_B },
    { 49999, 9, CRM_TIER_C },
    { 0, 0, CRM_TIER_C },
  };

  crm_tier_rules_init_defaults (&rules);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (crm_tier_rules_grade (&rules, cases[i].spend, cases[i].years), ==, cases[i].tier);

  /* Edited rules move the boundaries. */
  rules.a_min_spend = 300000;
  g_assert_cmpint (crm_tier_rules_grade (&rules, 250000, 0), ==, CRM_TIER_B);
  g_assert_true (crm_tier_rules_check (&rules, NULL));

  rules.b_min_spend = 400000;
  {
    g_autofree char *reason = NULL;

    g_assert_false (crm_tier_rules_check (&rules, &reason));
    g_assert_nonnull (reason);
  }
}

static GDate
day (int year, int month, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return date;
}

static void
test_cooperation_years (void)
{
  GDate start = day (2024, 9, 30);
  GDate end = day (2026, 9, 30);
  GDate before = day (2026, 9, 29);
  GDate leap = day (2024, 2, 29);
  GDate feb28 = day (2026, 2, 28);
  GDate feb27 = day (2026, 2, 27);

  g_assert_cmpint (crm_cooperation_full_years (&start, &end), ==, 2);
  g_assert_cmpint (crm_cooperation_full_years (&start, &before), ==, 1);
  g_assert_cmpint (crm_cooperation_full_years (&end, &start), ==, 0);
  g_assert_cmpint (crm_cooperation_full_years (&leap, &feb28), ==, 2);
  g_assert_cmpint (crm_cooperation_full_years (&leap, &feb27), ==, 1);
}

static void
test_quarter_parse (void)
{
  GDate first, last;
  g_autofree char *name = NULL;

  g_assert_true (crm_quarter_parse ("2026Q3", &first, &last));
  g_assert_cmpint (g_date_get_month (&first), ==, 7);
  g_assert_cmpint (g_date_get_day (&first), ==, 1);
  g_assert_cmpint (g_date_get_month (&last), ==, 9);
  g_assert_cmpint (g_date_get_day (&last), ==, 30);

  g_assert_true (crm_quarter_parse ("2024-q1", &first, &last));
  g_assert_cmpint (g_date_get_day (&last), ==, 31);
  g_assert_cmpint (g_date_get_month (&last), ==, 3);

  g_assert_false (crm_quarter_parse ("2026Q5", &first, &last));
  g_assert_false (crm_quarter_parse ("Q3", &first, &last));
  g_assert_false (crm_quarter_parse ("26Q3", &first, &last));
  g_assert_false (crm_quarter_parse ("2026Q3x", &first, &last));

  name = crm_quarter_for_date (&last);
  g_assert_cmpstr (name, ==, "2024Q1");
  g_assert_cmpint (crm_tier_compare (CRM_TIER_S, CRM_TIER_A), >, 0);
  g_assert_cmpint (crm_tier_compare (CRM_TIER_NONE, CRM_TIER_C), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cadence/by-tier", test_cadence_by_tier);
  g_test_add_func ("/cadence/first-contact", test_cadence_first_contact);
  g_test_add_func ("/cadence/explicit-due-wins", test_cadence_explicit_due_wins);
  g_test_add_func ("/cadence/key-follow-up-shortest", test_cadence_key_follow_up_shortest);
  g_test_add_func ("/cadence/days-in-local-zone", test_cadence_days_in_local_zone);
  g_test_add_func ("/cadence/overdue-across-month-end", test_cadence_overdue_across_month_end);
  g_test_add_func ("/cadence/month-end-intervals", test_cadence_month_end_intervals);
  g_test_add_func ("/cadence/time-parse", test_time_parse);
  g_test_add_func ("/cadence/time-local", test_time_local);
  g_test_add_func ("/tier-rules/boundaries", test_tier_rules_boundaries);
  g_test_add_func ("/tier-rules/cooperation-years", test_cooperation_years);
  g_test_add_func ("/tier-rules/quarter", test_quarter_parse);

  return g_test_run ();
}
