/* crm-bench-hooks.c — measurements that only the benchmarks turn on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Nothing here runs unless rapport is started with both
 * RAPPORT_BENCH_FIRST_FRAME and RAPPORT_BENCH_SCROLL set, as
 * tests/bench/bench-customer-list.py does: main.c then calls
 * crm_bench_hooks_scroll_list() after the first frame instead of quitting.
 *
 * It first lets start-up settle for SETTLE_MS, printing how long each frame
 * painted in that time took (`startup-frame FRAME_US`): GTK still restyles
 * the freshly made rows in the first frames after the first, and a step
 * made at once would be charged for that, which no user scrolling that
 * early could notice.
 *
 * Then it scrolls the first column view in the window (the customer list)
 * one step per frame, as a user paging through it would: a page down at a
 * time to the last row, then a jump to the top, one to the end and one
 * back to the top; then FAR_JUMPS jumps to far places spread over the
 * whole list, as dragging the scroll bar does, each to rows not read
 * since they were last shown. For each step it prints
 *
 *   scroll-step KIND SET_US FRAME_US CPU_US
 *
 * SET_US is how long gtk_adjustment_set_value() took — the list view
 * fetches and binds the rows it now shows in there — and FRAME_US how long
 * the next frame took from "before-paint" to "after-paint", its layout and
 * paint. Their sum is how long the step kept the main loop busy; over
 * 16 ms, a 60 Hz display misses a frame. CPU_US is the CPU time this
 * thread used in those two spans: far less than their sum means the
 * process was waiting for the CPU (a busy machine), not working.
 *
 * Before the first step and after the last it prints
 *
 *   memory start|end HWM_KB RSS_KB
 *
 * the peak and the current resident set size (VmHWM and VmRSS of
 * /proc/self/status); after the last, it quits the application.
 */

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "crm-bench-hooks.h"

/* A loop that never reaches the end must still end. */
#define MAX_STEPS 1000000

/* From the first frame to the first step, in milliseconds. */
#define SETTLE_MS 250

/* How many far jumps end the run, and the step between their places as a
 * fraction of the list: the golden ratio spreads them evenly without
 * ever coming back to the same place. */
#define FAR_JUMPS 40
#define FAR_JUMP_STRIDE 0.6180339887

typedef enum
{
  STEP_PAGE_DOWN,
  STEP_JUMP_TOP,
  STEP_JUMP_END,
  STEP_JUMP_BACK_TOP,
  STEP_JUMP_FAR,
  STEP_DONE,
} StepKind;

static const char * const step_names[] = {
  [STEP_PAGE_DOWN] = "page-down",
  [STEP_JUMP_TOP] = "jump-top",
  [STEP_JUMP_END] = "jump-end",
  [STEP_JUMP_BACK_TOP] = "jump-top",
  [STEP_JUMP_FAR] = "jump-far",
};

typedef struct
{
  GApplication  *app;
  GtkAdjustment *adjustment;
  GdkFrameClock *frame_clock;
  StepKind       next_kind;
  StepKind       kind;
  guint          n_steps;
  guint          n_far_jumps;
  gboolean       settling;
  gint64         startup_frame_start;
  gboolean       waiting;      /* a step was made, its frame not painted */
  gint64         set_us;
  gint64         set_cpu_us;
  gint64         frame_start;  /* of the step's frame, 0 before it */
  gint64         frame_cpu_start;
} ScrollBench;

static gboolean scroll_bench_step_cb (gpointer data);

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_column_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
print_memory (const char *when)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 hwm_kb = -1;
  gint64 rss_kb = -1;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;

  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "VmHWM:"))
        hwm_kb = g_ascii_strtoll (lines[i] + strlen ("VmHWM:"), NULL, 10);
      else if (g_str_has_prefix (lines[i], "VmRSS:"))
        rss_kb = g_ascii_strtoll (lines[i] + strlen ("VmRSS:"), NULL, 10);
    }

  g_print ("memory %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", when, hwm_kb, rss_kb);
}

static gint64
thread_cpu_us (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
scroll_bench_before_paint_cb (GdkFrameClock *frame_clock,
                              ScrollBench   *bench)
{
  if (bench->settling)
    bench->startup_frame_start = g_get_monotonic_time ();
  else if (bench->waiting && bench->frame_start == 0)
    {
      bench->frame_start = g_get_monotonic_time ();
      bench->frame_cpu_start = thread_cpu_us ();
    }
}

static void
scroll_bench_after_paint_cb (GdkFrameClock *frame_clock,
                             ScrollBench   *bench)
{
  if (bench->settling && bench->startup_frame_start != 0)
    {
      g_print ("startup-frame %" G_GINT64_FORMAT "\n",
               g_get_monotonic_time () - bench->startup_frame_start);
      bench->startup_frame_start = 0;
      return;
    }

  if (!bench->waiting || bench->frame_start == 0)
    return;

  g_print ("scroll-step %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           step_names[bench->kind], bench->set_us,
           g_get_monotonic_time () - bench->frame_start,
           bench->set_cpu_us + thread_cpu_us () - bench->frame_cpu_start);

  bench->waiting = FALSE;
  g_idle_add (scroll_bench_step_cb, bench);
}

static void
scroll_bench_finish (ScrollBench *bench)
{
  g_print ("scroll-steps %u\n", bench->n_steps);
  print_memory ("end");
  fflush (stdout);

  g_signal_handlers_disconnect_by_data (bench->frame_clock, bench);
  g_application_quit (bench->app);

  g_object_unref (bench->frame_clock);
  g_object_unref (bench->adjustment);
  g_object_unref (bench->app);
  g_free (bench);
}

static gboolean
scroll_bench_step_cb (gpointer data)
{
  ScrollBench *bench = data;
  double lower = gtk_adjustment_get_lower (bench->adjustment);
  double last = gtk_adjustment_get_upper (bench->adjustment) - gtk_adjustment_get_page_size (bench->adjustment);
  double value = gtk_adjustment_get_value (bench->adjustment);
  double target = lower;
  gint64 start;
  gint64 start_cpu;

  if (bench->next_kind == STEP_PAGE_DOWN && value >= last - 0.5)
    bench->next_kind = STEP_JUMP_TOP;
  if (bench->n_steps >= MAX_STEPS)
    bench->next_kind = STEP_DONE;

  bench->kind = bench->next_kind;
  switch (bench->kind)
    {
    case STEP_PAGE_DOWN:
      target = value + MAX (gtk_adjustment_get_page_increment (bench->adjustment), 1.0);
      break;
    case STEP_JUMP_TOP:
      target = lower;
      bench->next_kind = STEP_JUMP_END;
      break;
    case STEP_JUMP_END:
      target = last;
      bench->next_kind = STEP_JUMP_BACK_TOP;
      break;
    case STEP_JUMP_BACK_TOP:
      target = lower;
      bench->next_kind = STEP_JUMP_FAR;
      break;
    case STEP_JUMP_FAR:
      bench->n_far_jumps++;
      /* 0.5, 0.118, 0.736, …: never the top, where the last jump went. */
      target = lower + (last - lower) * fmod (0.5 + (bench->n_far_jumps - 1) * FAR_JUMP_STRIDE, 1.0);
      if (bench->n_far_jumps == FAR_JUMPS)
        bench->next_kind = STEP_DONE;
      break;
    case STEP_DONE:
    default:
      scroll_bench_finish (bench);
      return G_SOURCE_REMOVE;
    }

  bench->n_steps++;
  bench->waiting = TRUE;
  bench->frame_start = 0;

  start = g_get_monotonic_time ();
  start_cpu = thread_cpu_us ();
  gtk_adjustment_set_value (bench->adjustment, target);
  bench->set_us = g_get_monotonic_time () - start;
  bench->set_cpu_us = thread_cpu_us () - start_cpu;

  /* Makes sure a frame follows even if nothing changed on screen. */
  gdk_frame_clock_request_phase (bench->frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);

  return G_SOURCE_REMOVE;
}

static gboolean
scroll_bench_settled_cb (gpointer data)
{
  ScrollBench *bench = data;

  bench->settling = FALSE;

  return scroll_bench_step_cb (bench);
}

/**
 * crm_bench_hooks_scroll_list:
 * @window: a realized window showing a column view
 * @app: the application, quit at the end
 *
 * After a pause for start-up to settle, scrolls the first column view in
 * @window to its end and back, one step per frame, printing what each
 * step cost, then the peak memory, and quits @app. For
 * tests/bench/bench-customer-list.py only.
 */
void
crm_bench_hooks_scroll_list (GtkWindow    *window,
                             GApplication *app)
{
  GtkWidget *column_view;
  GListModel *model;
  ScrollBench *bench;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_APPLICATION (app));

  column_view = find_column_view (GTK_WIDGET (window));
  if (column_view == NULL)
    {
      g_print ("scroll-error no column view\n");
      fflush (stdout);
      g_application_quit (app);
      return;
    }

  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  g_print ("scroll-rows %u\n", model != NULL ? g_list_model_get_n_items (model) : 0);
  print_memory ("start");

  bench = g_new0 (ScrollBench, 1);
  bench->app = g_object_ref (app);
  bench->adjustment = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view)));
  /* The list may be hidden (an empty database): the window's clock is
   * the same one and always there. */
  bench->frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (window)));
  bench->next_kind = STEP_PAGE_DOWN;
  bench->settling = TRUE;

  g_signal_connect (bench->frame_clock, "before-paint", G_CALLBACK (scroll_bench_before_paint_cb), bench);
  g_signal_connect (bench->frame_clock, "after-paint", G_CALLBACK (scroll_bench_after_paint_cb), bench);

  g_timeout_add (SETTLE_MS, scroll_bench_settled_cb, bench);
}
