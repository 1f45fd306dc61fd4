/* bench-priority-drop.c — how long a drop on the priority matrix takes to commit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * On a database of 5 000 open requirements (crm_demo_requirements_generate(),
 * closed ones reopened), times crm_requirement_store_move_to_cell() — what
 * a drop does: read the scores, write both of them in one transaction and
 * record the undo changeset — for 300 drops of requirements spread over the
 * database onto other cells of the quadrant view. It also times the same
 * drops with a CrmPriorityModel listening, as on the priorities page, whose
 * reload of all 5 000 entries follows each commit, and the cairo drawing
 * of the matrix (crm_priority_chart_draw()) with all of them.
 *
 * Target: a drop commits in 2 ms or less. p50, p95 and max are printed as
 * TAP comments; the benchmark fails only if something breaks.
 */

#include <stdio.h>

#include <glib/gstdio.h>

#include "bench-stats.h"

#include "crm-demo-requirements.h"
#include "crm-priority-chart.h"
#include "crm-priority-model.h"
#include "crm-requirement-store-scores.h"

#define N_REQUIREMENTS 5000
#define N_DROPS 300

static void
print_stats (const char *what,
             GArray     *times)
{
  g_array_sort (times, bench_compare_doubles);
  printf ("# %-44s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%u timings)\n",
          what, bench_percentile (times, 0.5), bench_percentile (times, 0.95),
          g_array_index (times, double, times->len - 1), times->len);
}

/* N_DROPS drops of requirements spread over the ids, each onto the next
 * cell of the quadrant view, so every drop changes both scores. */
static gboolean
time_drops (CrmRequirementStore *store,
            GArray              *times)
{
  for (guint i = 0; i < N_DROPS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = 1 + (i * 7919) % N_REQUIREMENTS;
      CrmPriorityScores scores;
      guint row, column;
      gint64 start;

      if (!crm_requirement_store_get_scores (store, id, &scores, &error) ||
          !crm_priority_cell_of (CRM_PRIORITY_VIEW_QUADRANT, &scores, &row, &column))
        {
          printf ("# requirement %" G_GINT64_FORMAT ": %s\n", id, error != NULL ? error->message : "no cell");
          return FALSE;
        }
      row = (row + 1 + i % 3) % CRM_PRIORITY_SCALE;
      column = (column + 2) % CRM_PRIORITY_SCALE;

      start = g_get_monotonic_time ();
      if (!crm_requirement_store_move_to_cell (store, id, CRM_PRIORITY_VIEW_QUADRANT, row, column, &error))
        {
          printf ("# drop failed: %s\n", error->message);
          return FALSE;
        }
      g_array_append_val (times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("rapport-bench-drop-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmJournal) journal = NULL;
  g_autoptr(CrmRequirementStore) store = NULL;
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) with_model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drawing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) loading = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CrmPriorityModel) model = NULL;
  const CrmPriorityEntry *entries;
  guint n_entries;
  int status = 0;

  if (folder == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      return 1;
    }
  path = g_build_filename (folder, "bench.db", NULL);
  db = crm_database_open (path, &error);
  if (db == NULL)
    {
      printf ("Bail out! %s\n", error->message);
      return 1;
    }
  journal = crm_journal_new (db);
  store = crm_requirement_store_new (journal);

  printf ("1..3\n");
  if (!crm_demo_requirements_generate (store, N_REQUIREMENTS, &error) ||
      !crm_database_exec (db, "UPDATE requirement SET status = 'pending'"
                              " WHERE status IN ('done', 'rejected')", &error))
    {
      printf ("Bail out! %s\n", error->message);
      return 1;
    }

  if (time_drops (store, bare))
    {
      print_stats ("drop commit (store only)", bare);
      printf ("ok 1 - %d drops on %d open requirements: p50 %.2f ms (target 2 ms)\n",
              N_DROPS, N_REQUIREMENTS, bench_percentile (bare, 0.5));
    }
  else
    {
      printf ("not ok 1 - drops on %d open requirements\n", N_REQUIREMENTS);
      status = 1;
    }

  for (guint i = 0; i < 10; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_object (&model);
      model = crm_priority_model_new (store);
      g_array_append_val (loading, (double) { (g_get_monotonic_time () - start) / 1000.0 });
    }
  print_stats ("loading the model (5 000 entries)", loading);

  if (time_drops (store, with_model))
    {
      print_stats ("drop commit + model update (5 000 entries)", with_model);
      printf ("ok 2 - %d drops with the priorities page's model listening: p50 %.2f ms\n",
              N_DROPS, bench_percentile (with_model, 0.5));
    }
  else
    {
      printf ("not ok 2 - drops with the model listening\n");
      status = 1;
    }

  entries = crm_priority_model_get_entries (model, &n_entries);
  for (guint i = 0; i < 20; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 700);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      crm_priority_chart_draw (cr, 1000, 700, CRM_PRIORITY_VIEW_QUADRANT, entries, n_entries, NULL);
      cairo_surface_flush (surface);
      g_array_append_val (drawing, (double) { (g_get_monotonic_time () - start) / 1000.0 });
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  print_stats ("cairo drawing of the matrix (1000×700)", drawing);
  printf ("ok 3 - the matrix of %u requirements draws in %.1f ms (p50)\n", n_entries, bench_percentile (drawing, 0.5));

  g_clear_object (&model);
  g_clear_object (&store);
  g_clear_object (&journal);
  g_clear_object (&db);
  g_remove (path);
  for (const char *suffix = "-wal"; suffix != NULL; suffix = g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *side = g_strconcat (path, suffix, NULL);

      g_remove (side);
    }
  g_rmdir (folder);

  return status;
}
