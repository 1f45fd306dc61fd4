/* bench-search.c — how fast the customer list answers as the user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * On a 100 000-customer sample database (crm_demo_generate()), times
 * crm_customer_list_set_search_text() followed by g_list_model_get_n_items()
 * — the query and the new row count a view needs before it can draw — for
 * every prefix of a few typed strings ("北京科技有限公司" and
 * "上海鑫泰科技有限公司" one character at a time, "bjkjyx", "13800138"),
 * then for single queries of one to ten
 * characters, CJK and ASCII. Each is repeated; p50, p95 and max are printed
 * as TAP comments (target: p95 ≤ 5 ms). It fails only if something breaks,
 * never on timing.
 *
 * Output goes through printf(), not g_print(), which would turn the
 * Chinese of the figures into question marks under a C locale.
 */

#include <stdio.h>

#include <glib/gstdio.h>

#include "bench-stats.h"

#include "crm-customer-list.h"
#include "crm-demo.h"

#define RUNS 7

static void
print_stats (const char *what,
             GArray     *times)
{
  g_array_sort (times, bench_compare_doubles);
  printf ("# %-36s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%u timings)%s\n",
           what, bench_percentile (times, 0.5), bench_percentile (times, 0.95),
           g_array_index (times, double, times->len - 1), times->len,
           bench_percentile (times, 0.95) > 5.0 ? "  p95 over 5 ms" : "");
}

static double
time_search (CrmCustomerList *list,
             const char      *text,
             guint           *n_items)
{
  gint64 start = g_get_monotonic_time ();

  crm_customer_list_set_search_text (list, text);
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Types @text one character at a time, RUNS times. */
static void
type_sequence (CrmCustomerList *list,
               const char      *text,
               GArray          *all)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autofree char *what = g_strdup_printf ("typing “%s”", text);

  for (guint run = 0; run < RUNS; run++)
    {
      crm_customer_list_set_search_text (list, NULL);
      for (const char *end = g_utf8_next_char (text); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (text, end - text);
          guint n_items;
          double ms = time_search (list, prefix, &n_items);

          g_array_append_val (times, ms);
          g_array_append_val (all, ms);
          if (run == 0)
            g_string_append_printf (counts, "%s%s→%u", counts->len ? ", " : "", prefix, n_items);
          if (*end == '\0')
            break;
        }
    }

  print_stats (what, times);
  printf ("#   matches: %s\n", counts->str);
}

static void
single_query (CrmCustomerList *list,
              const char      *text,
              GArray          *all)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *what = NULL;
  guint n_items = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      double ms;

      crm_customer_list_set_search_text (list, NULL);
      ms = time_search (list, text, &n_items);
      g_array_append_val (times, ms);
      g_array_append_val (all, ms);
    }

  what = g_strdup_printf ("“%s” (%u matches)", text, n_items);
  print_stats (what, times);
}

int
main (int   argc,
      char *argv[])
{
  static const char *typed[] = { "北京科技有限公司", "上海鑫泰科技有限公司", "bjkjyx", "13800138" };
  static const char *queries[] = {
    "张", "北京", "科技有", "有限公司", "深圳华泰科技", "138", "13800", "bjkj", "zhang", "example.cn",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmJournal) journal = NULL;
  g_autoptr(CrmCustomerStore) store = NULL;
  g_autoptr(CrmCustomerList) list = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_customers = 100000;
  gint64 start;

  if (argc > 2 && g_strcmp0 (argv[1], "--customers") == 0)
    n_customers = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  printf ("1..1\n");

  dir = g_dir_make_tmp ("rapport-bench-search-XXXXXX", &error);
  if (dir == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "search.db", NULL);

  db = crm_database_open (path, &error);
  if (db == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      return 1;
    }
  journal = crm_journal_new (db);
  store = crm_customer_store_new (journal);

  start = g_get_monotonic_time ();
  if (!crm_demo_generate (store, n_customers, NULL, &error))
    {
      printf ("not ok 1 %s\n", error->message);
      return 1;
    }
  printf ("# %u sample customers made in %.1f s\n", n_customers,
           (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  list = crm_customer_list_new (store);
  printf ("# unfiltered list of %u: %.1f ms\n", g_list_model_get_n_items (G_LIST_MODEL (list)),
           (g_get_monotonic_time () - start) / 1000.0);

  /* Warm the page cache and the statement cache, as a running app has. */
  crm_customer_list_set_search_text (list, "北京");
  crm_customer_list_set_search_text (list, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    type_sequence (list, typed[i], all);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    single_query (list, queries[i], all);

  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint run = 0; run < RUNS; run++)
      {
        double ms;
        guint n_items;

        crm_customer_list_set_search_text (list, "北京科技");
        ms = time_search (list, NULL, &n_items);
        g_array_append_val (times, ms);
      }
    print_stats ("clearing the search (all rows)", times);
  }

  print_stats ("all keystrokes above", all);
  printf ("ok 1 search %u customers\n", n_customers);

  g_clear_object (&list);
  g_clear_object (&store);
  g_clear_object (&journal);
  g_clear_object (&db);
  {
    /* The database with its WAL and any backup copy. */
    g_autoptr(GDir) contents = g_dir_open (dir, 0, NULL);
    const char *name;

    while (contents != NULL && (name = g_dir_read_name (contents)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
