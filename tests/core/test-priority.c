/* test-priority.c — the priority matrices: cell ↔ score mapping, rank order,
 * drops as undoable actions, the model's filters and the cairo chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-priority-chart.h"
#include "crm-priority-model.h"
#include "crm-requirement-store-scores.h"
#include "test-store-fixture.h"

typedef struct
{
  StoreFixture         base;
  CrmRequirementStore *requirements;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (&f->base, "priority.db");
  f->requirements = crm_requirement_store_new (f->base.journal);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->requirements);
  store_fixture_close (&f->base);
}

static gint64
add_requirement (Fixture    *f,
                 const char *title,
                 int         importance,
                 int         urgency,
                 const char *due_on)
{
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (requirement, "title", title, "importance", importance, "urgency", urgency,
                "due-on", due_on, NULL);
  id = crm_requirement_store_save (f->requirements, requirement, &error);
  g_assert_no_error (error);

  return id;
}

static CrmPriorityScores
scores_of (Fixture *f,
           gint64   id)
{
  CrmPriorityScores scores;
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_requirement_store_get_scores (f->requirements, id, &scores, &error));
  g_assert_no_error (error);

  return scores;
}

/* Mapping ---------------------------------------------------------------- */

static void
test_quadrant_cells (void)
{
  /* Every cell maps to one pair of scores and back, and its quadrant is
   * the one the board's badge (crm_quadrant_for) gives those scores. */
  for (guint row = 0; row < 5; row++)
    for (guint column = 0; column < 5; column++)
      {
        CrmPriorityScores scores = { 3, 3, -1, -1, CRM_MOSCOW_NONE };
        guint back_row, back_column;

        crm_priority_apply_cell (CRM_PRIORITY_VIEW_QUADRANT, row, column, &scores);
        g_assert_cmpint (scores.importance, ==, 5 - row);
        g_assert_cmpint (scores.urgency, ==, 5 - column);
        g_assert_true (crm_priority_cell_of (CRM_PRIORITY_VIEW_QUADRANT, &scores, &back_row, &back_column));
        g_assert_cmpuint (back_row, ==, row);
        g_assert_cmpuint (back_column, ==, column);
        g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, row, column), ==,
                         crm_quadrant_for (scores.importance, scores.urgency));
      }

  /* The corners and the edges between the quadrants (scores 4 and 3). */
  g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, 0, 0), ==, CRM_QUADRANT_DO_NOW);
  g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, 1, 1), ==, CRM_QUADRANT_DO_NOW);
  g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, 1, 2), ==, CRM_QUADRANT_PLAN);
  g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, 0, 4), ==, CRM_QUADRANT_PLAN);
  g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, 2, 1), ==, CRM_QUADRANT_STANDARDISE);
  g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, 4, 0), ==, CRM_QUADRANT_STANDARDISE);
  g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, 2, 2), ==, CRM_QUADRANT_DEFER);
  g_assert_cmpint (crm_priority_cell_quadrant (CRM_PRIORITY_VIEW_QUADRANT, 4, 4), ==, CRM_QUADRANT_DEFER);
  g_assert_cmpint (crm_quadrant_for (4, 4), ==, CRM_QUADRANT_DO_NOW);
  g_assert_cmpint (crm_quadrant_for (4, 3), ==, CRM_QUADRANT_PLAN);
  g_assert_cmpint (crm_quadrant_for (3, 4), ==, CRM_QUADRANT_STANDARDISE);
  g_assert_cmpint (crm_quadrant_for (3, 3), ==, CRM_QUADRANT_DEFER);

  /* Scores out of the scale have no cell. */
  {
    CrmPriorityScores scores = { 0, 3, -1, -1, 0 };
    guint row, column;

    g_assert_false (crm_priority_cell_of (CRM_PRIORITY_VIEW_QUADRANT, &scores, &row, &column));
    scores.importance = 6;
    g_assert_false (crm_priority_cell_of (CRM_PRIORITY_VIEW_QUADRANT, &scores, &row, &column));
  }
}

static void
test_amount_bands (void)
{
  static const struct { gint64 yuan; int band; } edges[] = {
    { -1, 0 }, { 0, 1 }, { 9999, 1 }, { 10000, 2 }, { 49999, 2 }, { 50000, 3 },
    { 199999, 3 }, { 200000, 4 }, { 499999, 4 }, { 500000, 5 }, { G_MAXINT64, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    g_assert_cmpint (crm_priority_amount_band (edges[i].yuan), ==, edges[i].band);

  for (int band = 1; band <= 5; band++)
    {
      g_assert_cmpint (crm_priority_amount_band (crm_priority_band_amount (band)), ==, band);
      g_assert_cmpint (crm_priority_amount_band (crm_priority_band_lower (band)), ==, band);
    }
}

static void
test_value_cost_cells (void)
{
  for (guint row = 0; row < 5; row++)
    for (guint column = 0; column < 5; column++)
      {
        CrmPriorityScores scores = { 3, 3, -1, -1, 0 };
        guint back_row, back_column;

        crm_priority_apply_cell (CRM_PRIORITY_VIEW_VALUE_COST, row, column, &scores);
        g_assert_cmpint (crm_priority_amount_band (scores.value), ==, 5 - row);
        g_assert_cmpint (crm_priority_amount_band (scores.cost), ==, column + 1);
        g_assert_true (crm_priority_cell_of (CRM_PRIORITY_VIEW_VALUE_COST, &scores, &back_row, &back_column));
        g_assert_cmpuint (back_row, ==, row);
        g_assert_cmpuint (back_column, ==, column);
        /* Importance and urgency are not this matrix's business. */
        g_assert_cmpint (scores.importance, ==, 3);
        g_assert_cmpint (scores.urgency, ==, 3);
      }

  /* High value at low cost is the top-left cell; an amount already in the
   * target band is kept, only the other one changes. */
  {
    CrmPriorityScores scores = { 3, 3, 650000, 120000, 0 };
    guint row, column;

    g_assert_true (crm_priority_cell_of (CRM_PRIORITY_VIEW_VALUE_COST, &scores, &row, &column));
    g_assert_cmpuint (row, ==, 0);
    g_assert_cmpuint (column, ==, 2);
    crm_priority_apply_cell (CRM_PRIORITY_VIEW_VALUE_COST, 0, 0, &scores);
    g_assert_cmpint (scores.value, ==, 650000);
    g_assert_cmpint (scores.cost, ==, crm_priority_band_amount (1));

    /* Without both estimates a requirement has no cell. */
    scores.cost = -1;
    g_assert_false (crm_priority_cell_of (CRM_PRIORITY_VIEW_VALUE_COST, &scores, &row, &column));
  }
}

static void
test_moscow_lanes (void)
{
  static const CrmMoscow lanes[] = { CRM_MOSCOW_MUST, CRM_MOSCOW_SHOULD, CRM_MOSCOW_COULD,
                                     CRM_MOSCOW_WONT, CRM_MOSCOW_NONE };

  g_assert_cmpuint (crm_priority_view_get_n_rows (CRM_PRIORITY_VIEW_MOSCOW), ==, 1);
  g_assert_cmpuint (crm_priority_view_get_n_columns (CRM_PRIORITY_VIEW_MOSCOW), ==, G_N_ELEMENTS (lanes));

  for (guint column = 0; column < G_N_ELEMENTS (lanes); column++)
    {
      CrmPriorityScores scores = { 3, 3, -1, -1, CRM_MOSCOW_COULD };
      guint row, back;

      crm_priority_apply_cell (CRM_PRIORITY_VIEW_MOSCOW, 0, column, &scores);
      g_assert_cmpint (scores.moscow, ==, lanes[column]);
      g_assert_true (crm_priority_cell_of (CRM_PRIORITY_VIEW_MOSCOW, &scores, &row, &back));
      g_assert_cmpuint (back, ==, column);
    }
}

/* Rank ------------------------------------------------------------------- */

static void
test_rank_order (Fixture       *f,
                 gconstpointer  data)
{
  /* A seed table: title, importance, urgency, due date → expected rank. */
  static const struct
  {
    const char *title;
    int         importance;
    int         urgency;
    const char *due_on;
    int         rank;
  } seeds[] = {
    { "无截止的重要需求", 5, 4, NULL, 5 },
    { "批量导出报表", 5, 4, "2024-03-01", 3 },
    { "单点登录", 5, 5, NULL, 1 },
    { "移动端审批", 5, 4, "2024-02-01", 2 },
    { "发票对接", 4, 5, "2023-01-01", 7 },
    { "老需求", 5, 4, NULL, 4 },
    { "界面换肤", 1, 1, NULL, 9 },
    { "新需求", 5, 4, NULL, 6 },
    { "数据大屏", 4, 4, NULL, 8 },
  };
  g_autoptr(CrmPriorityModel) model = NULL;
  gint64 ids[G_N_ELEMENTS (seeds)];
  const CrmPriorityEntry *entries;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    ids[i] = add_requirement (f, seeds[i].title, seeds[i].importance, seeds[i].urgency, seeds[i].due_on);

  /* Equal scores and no due date: the older first. "老需求" is older than
   * "无截止的重要需求", which is older than "新需求". */
  test_exec (crm_database_get_handle (f->base.db),
             "UPDATE requirement SET created_at = '2023-05-01T00:00:00Z' WHERE title = '老需求';"
             "UPDATE requirement SET created_at = '2023-06-01T00:00:00Z' WHERE title = '无截止的重要需求';"
             "UPDATE requirement SET created_at = '2023-07-01T00:00:00Z' WHERE title = '新需求';");
  model = crm_priority_model_new (f->requirements);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (seeds));
  entries = crm_priority_model_get_entries (model, &n);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      guint position = crm_priority_model_find (model, ids[i]);

      g_assert_cmpuint (position + 1, ==, seeds[i].rank);
      g_assert_cmpstr (entries[position].title, ==, seeds[i].title);
    }

  /* The list items are the whole records, in the same order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmRequirement) requirement = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (crm_requirement_get_id (requirement), ==, entries[i].id);
    }

  /* Equal in every field but id: the lower id first, and never 0 for two
   * different requirements. */
  {
    CrmPriorityEntry a = { .id = 1, .scores = { 3, 3, -1, -1, 0 }, .created_at = "2024-01-01T00:00:00Z" };
    CrmPriorityEntry b = a;

    b.id = 2;
    g_assert_cmpint (crm_priority_compare (&a, &b), <, 0);
    g_assert_cmpint (crm_priority_compare (&b, &a), >, 0);
    g_assert_cmpint (crm_priority_compare (&a, &a), ==, 0);
  }
}

/* Drops ------------------------------------------------------------------ */

/* A copy of a model's ids kept up to date through items-changed only, as
 * a list view keeps its rows. */
static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GArray     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CrmRequirement) requirement = g_list_model_get_item (model, position + i);
      gint64 id = crm_requirement_get_id (requirement);

      g_array_insert_val (mirror, position + i, id);
    }
}

static GArray *
mirror_new (CrmPriorityModel *model)
{
  GArray *mirror = g_array_new (FALSE, FALSE, sizeof (gint64));
  const CrmPriorityEntry *entries;
  guint n;

  entries = crm_priority_model_get_entries (model, &n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (mirror, entries[i].id);
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);

  return mirror;
}

static void
assert_mirror (CrmPriorityModel *model,
               GArray           *mirror)
{
  const CrmPriorityEntry *entries;
  guint n;

  entries = crm_priority_model_get_entries (model, &n);
  g_assert_cmpuint (mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (mirror, gint64, i), ==, entries[i].id);
}

static void
assert_same_order (Fixture          *f,
                   CrmPriorityModel *model)
{
  g_autoptr(CrmPriorityModel) fresh = crm_priority_model_new (f->requirements);
  const CrmPriorityEntry *a, *b;
  guint n_a, n_b;

  a = crm_priority_model_get_entries (model, &n_a);
  b = crm_priority_model_get_entries (fresh, &n_b);
  g_assert_cmpuint (n_a, ==, n_b);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_b);
  for (guint i = 0; i < n_a; i++)
    {
      g_assert_cmpint (a[i].id, ==, b[i].id);
      g_assert_cmpint (a[i].scores.importance, ==, b[i].scores.importance);
      g_assert_cmpint (a[i].scores.urgency, ==, b[i].scores.urgency);
      g_assert_cmpuint (crm_priority_model_find (model, a[i].id), ==, i);
    }
}

static void
test_drop_is_one_undoable_action (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(CrmPriorityModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 plan = add_requirement (f, "移动端审批", 5, 2, NULL);
  gint64 other = add_requirement (f, "批量导出报表", 5, 3, NULL);
  guint actions;
  CrmPriorityScores scores;

  model = crm_priority_model_new (f->requirements);
  g_assert_cmpuint (crm_priority_model_find (model, plan), ==, 1);

  /* From "plan" (5, 2) to the top-left "do now" cell (5, 5). */
  actions = crm_journal_count (f->base.journal);
  g_assert_true (crm_requirement_store_move_to_cell (f->requirements, plan, CRM_PRIORITY_VIEW_QUADRANT,
                                                     0, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_journal_count (f->base.journal), ==, actions + 1);
  scores = scores_of (f, plan);
  g_assert_cmpint (scores.importance, ==, 5);
  g_assert_cmpint (scores.urgency, ==, 5);
  /* The model follows the store at once, in the order a fresh query
   * gives. */
  g_assert_cmpuint (crm_priority_model_find (model, plan), ==, 0);
  assert_same_order (f, model);

  /* A drop on its own cell records nothing. */
  g_assert_true (crm_requirement_store_move_to_cell (f->requirements, plan, CRM_PRIORITY_VIEW_QUADRANT,
                                                     0, 0, &error));
  g_assert_cmpuint (crm_journal_count (f->base.journal), ==, actions + 1);

  /* One undo restores both scores. */
  label = crm_journal_undo (f->base.journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Re-prioritise requirement");
  scores = scores_of (f, plan);
  g_assert_cmpint (scores.importance, ==, 5);
  g_assert_cmpint (scores.urgency, ==, 2);
  g_assert_cmpuint (crm_priority_model_find (model, plan), ==, 1);
  assert_same_order (f, model);
  scores = scores_of (f, other);
  g_assert_cmpint (scores.urgency, ==, 3);

  /* Value and cost change together on the value–cost matrix. */
  g_assert_true (crm_requirement_store_move_to_cell (f->requirements, plan, CRM_PRIORITY_VIEW_VALUE_COST,
                                                     0, 0, &error));
  scores = scores_of (f, plan);
  g_assert_cmpint (scores.value, ==, crm_priority_band_amount (5));
  g_assert_cmpint (scores.cost, ==, crm_priority_band_amount (1));
  g_clear_pointer (&label, g_free);
  label = crm_journal_undo (f->base.journal, &error);
  scores = scores_of (f, plan);
  g_assert_cmpint (scores.value, ==, -1);
  g_assert_cmpint (scores.cost, ==, -1);

  /* A MoSCoW lane. */
  g_assert_true (crm_requirement_store_move_to_cell (f->requirements, plan, CRM_PRIORITY_VIEW_MOSCOW,
                                                     0, 1, &error));
  g_assert_cmpint (scores_of (f, plan).moscow, ==, CRM_MOSCOW_SHOULD);
}

static void
test_bad_scores_refused (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = add_requirement (f, "单点登录", 3, 3, NULL);
  CrmPriorityScores scores = { 6, 3, -1, -1, 0 };
  g_autoptr(GError) error = NULL;
  guint actions = crm_journal_count (f->base.journal);

  g_assert_false (crm_requirement_store_set_scores (f->requirements, id, &scores, &error));
  g_assert_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Importance"));
  g_clear_error (&error);

  scores = (CrmPriorityScores) { 3, 3, -5, -1, 0 };
  g_assert_false (crm_requirement_store_set_scores (f->requirements, id, &scores, &error));
  g_assert_nonnull (strstr (error->message, "Value"));
  g_clear_error (&error);
  g_assert_cmpuint (crm_journal_count (f->base.journal), ==, actions);

  g_assert_false (crm_requirement_store_move_to_cell (f->requirements, id + 100, CRM_PRIORITY_VIEW_QUADRANT,
                                                      0, 0, &error));
  g_assert_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  scores = (CrmPriorityScores) { 2, 5, 100, 0, CRM_MOSCOW_WONT };
  g_assert_true (crm_requirement_store_set_scores (f->requirements, id, &scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scores_of (f, id).cost, ==, 0);
  g_assert_cmpint (scores_of (f, id).moscow, ==, CRM_MOSCOW_WONT);
}

/* Filters ---------------------------------------------------------------- */

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CrmPriorityModel) model = NULL;
  CrmPriorityFilter filter = CRM_PRIORITY_FILTER_INIT;
  CrmRequirementClosure closure = { "已上线", 5 };
  g_autoptr(GError) error = NULL;
  gint64 done = add_requirement (f, "已完成的需求", 5, 5, NULL);
  gint64 rejected = add_requirement (f, "已驳回的需求", 5, 5, NULL);
  gint64 open = add_requirement (f, "进行中的需求", 2, 2, NULL);
  gint64 middle = add_requirement (f, "中间的需求", 3, 3, NULL);
  g_autoptr(CrmPriorityModel) watched = crm_priority_model_new (f->requirements);
  g_autoptr(GArray) mirror = mirror_new (watched);

  /* Leaving the list from the top, then coming back in the middle: the
   * announced changes keep a view's rows right. */
  g_assert_true (crm_requirement_store_move (f->requirements, done, CRM_REQUIREMENT_STATUS_DONE, 0,
                                             &closure, &error));
  closure.resolution = "不在范围内";
  g_assert_true (crm_requirement_store_move (f->requirements, rejected, CRM_REQUIREMENT_STATUS_REJECTED, 0,
                                             &closure, &error));
  g_assert_no_error (error);
  assert_mirror (watched, mirror);
  g_assert_true (crm_requirement_store_move (f->requirements, done, CRM_REQUIREMENT_STATUS_PENDING, 0,
                                             NULL, &error));
  g_assert_no_error (error);
  assert_mirror (watched, mirror);
  g_assert_true (crm_requirement_store_move_to_cell (f->requirements, open, CRM_PRIORITY_VIEW_QUADRANT,
                                                     0, 0, &error));
  assert_mirror (watched, mirror);
  g_assert_true (crm_requirement_store_move_to_cell (f->requirements, open, CRM_PRIORITY_VIEW_QUADRANT,
                                                     4, 4, &error));
  assert_mirror (watched, mirror);
  g_assert_true (crm_requirement_store_move (f->requirements, done, CRM_REQUIREMENT_STATUS_DONE, 0,
                                             &closure, &error));
  g_assert_no_error (error);
  assert_mirror (watched, mirror);
  g_signal_handlers_disconnect_by_func (watched, mirror_items_changed_cb, mirror);
  test_exec (crm_database_get_handle (f->base.db),
             "UPDATE requirement SET kano = 'attractive' WHERE title = '进行中的需求'");

  /* Done and Rejected are hidden by default. "open" now has importance 1
   * and urgency 1, so "middle" (3, 3) ranks before it. */
  model = crm_priority_model_new (f->requirements);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (crm_priority_model_find (model, middle), ==, 0);
  g_assert_cmpuint (crm_priority_model_find (model, open), ==, 1);
  g_assert_cmpuint (crm_priority_model_find (model, done), ==, G_MAXUINT);

  filter.statuses = CRM_PRIORITY_ALL_STATUSES;
  crm_priority_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  filter.kano = CRM_KANO_ATTRACTIVE;
  crm_priority_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  filter.kano = CRM_KANO_NONE;
  crm_priority_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  filter.kano = -1;
  filter.board.quadrant = CRM_QUADRANT_DO_NOW;
  crm_priority_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  filter.board.quadrant = -1;
  filter.board.search_text = "  驳回 ";
  crm_priority_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (crm_priority_model_find (model, rejected), ==, 0);

  crm_priority_model_set_filter (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
}

/* Chart ------------------------------------------------------------------ */

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          guint8           rgb[3])
{
  guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(guint32 *)(data + y * cairo_image_surface_get_stride (surface) + x * 4);

  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

static void
test_chart_draws_quadrants (void)
{
  CrmPriorityEntry entries[] = {
    { .id = 1, .scores = { 5, 5, -1, -1, 0 }, .title = "单点登录" },
    { .id = 2, .scores = { 1, 1, -1, -1, 0 }, .title = "界面换肤" },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cairo_t *cr = cairo_create (surface);
  guint8 do_now[3], defer[3], plan[3];

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  crm_priority_chart_draw (cr, 600, 400, CRM_PRIORITY_VIEW_QUADRANT, entries, G_N_ELEMENTS (entries), NULL);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* Just inside the matrix's right and bottom edges: the defer quadrant;
   * the top-right corner: plan. The do-now cell is under the heading and
   * the card's title, so sample its bottom-left corner. */
  pixel_at (surface, 597, 397, defer);
  pixel_at (surface, 597, 60, plan);
  g_assert_cmpuint (defer[0], ==, defer[1]);
  g_assert_cmpuint (plan[2], >, plan[0]);

  /* Find the do-now colour (red above green and blue) somewhere in the
   * top-left quarter. */
  {
    gboolean found = FALSE;

    for (int y = 30; y < 150 && !found; y++)
      for (int x = 100; x < 250 && !found; x++)
        {
          pixel_at (surface, x, y, do_now);
          found = do_now[0] > do_now[1] + 20 && do_now[0] > do_now[2] + 20;
        }
    g_assert_true (found);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/priority/cells/quadrant", test_quadrant_cells);
  g_test_add_func ("/priority/cells/amount-bands", test_amount_bands);
  g_test_add_func ("/priority/cells/value-cost", test_value_cost_cells);
  g_test_add_func ("/priority/cells/moscow", test_moscow_lanes);
  g_test_add ("/priority/rank/order-with-ties", Fixture, NULL,
              fixture_set_up, test_rank_order, fixture_tear_down);
  g_test_add ("/priority/drop/undo", Fixture, NULL,
              fixture_set_up, test_drop_is_one_undoable_action, fixture_tear_down);
  g_test_add ("/priority/drop/bad-scores", Fixture, NULL,
              fixture_set_up, test_bad_scores_refused, fixture_tear_down);
  g_test_add ("/priority/model/filters", Fixture, NULL,
              fixture_set_up, test_filters, fixture_tear_down);
  g_test_add_func ("/priority/chart/quadrants", test_chart_draws_quadrants);

  return g_test_run ();
}
