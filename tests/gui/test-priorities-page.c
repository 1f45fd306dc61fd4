/* test-priorities-page.c — the priorities page: cards in the cells their
 * scores name, moves by drop and by arrow key with undo, crowded cells, the
 * ranked list, the filters and the three views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "crm-priorities-page.h"
#include "crm-ranked-row.h"
#include "crm-requirement-filter-box.h"
#include "crm-requirement-store-scores.h"
#include "crm-window.h"

typedef struct
{
  char                *folder;
  CrmDatabase         *db;
  CrmJournal          *journal;
  CrmWindow           *window;
  CrmPrioritiesPage   *page;
  CrmPriorityMatrix   *matrix;
  CrmRequirementStore *store;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->folder = g_dir_make_tmp ("rapport-priorities-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->folder, "priorities.db", NULL);
  f->db = crm_database_open (path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);
  f->window = crm_window_new (NULL, f->db, f->journal);
  g_object_ref_sink (f->window);
  f->store = crm_window_get_requirement_store (f->window);
  f->page = CRM_PRIORITIES_PAGE (gtk_widget_get_template_child (GTK_WIDGET (f->window), CRM_TYPE_WINDOW,
                                                                "priorities_page"));
  f->matrix = crm_priorities_page_get_matrix (f->page);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "priorities");
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_object_unref (f->window);
  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);
  g_free (f->folder);
}

/* The widgets of @type under @widget, in tree order. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static gint64
add_requirement (Fixture    *f,
                 const char *title,
                 int         importance,
                 int         urgency)
{
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (requirement, "title", title, "importance", importance, "urgency", urgency, NULL);
  id = crm_requirement_store_save (f->store, requirement, &error);
  g_assert_no_error (error);
  iterate ();

  return id;
}

static CrmPriorityScores
scores_of (Fixture *f,
           gint64   id)
{
  CrmPriorityScores scores;

  g_assert_true (crm_requirement_store_get_scores (f->store, id, &scores, NULL));

  return scores;
}

/* The cell (row, column) of the quadrant view for these scores. */
static CrmPriorityCell *
cell_for (Fixture *f,
          int      importance,
          int      urgency)
{
  return crm_priority_matrix_get_cell (f->matrix, 5 - importance, 5 - urgency);
}

static void
send_key (GtkWidget *widget,
          guint      keyval)
{
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = controller;
    }
  g_assert_nonnull (keys);

  /* What the key controller emits for a key press. */
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
    g_assert_true (handled);
  }
  iterate ();
}

static void
test_cards_sit_in_their_cells (Fixture       *f,
                               gconstpointer  data)
{
  gint64 plan = add_requirement (f, "移动端审批", 5, 2);
  gint64 now = add_requirement (f, "单点登录", 4, 4);

  g_assert_nonnull (crm_priority_cell_find_chip (cell_for (f, 5, 2), plan));
  g_assert_nonnull (crm_priority_cell_find_chip (cell_for (f, 4, 4), now));
  g_assert_null (crm_priority_cell_find_chip (cell_for (f, 5, 5), plan));
  /* The cells of the quadrants wear their colours. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_for (f, 4, 4)), "do-now"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_for (f, 5, 2)), "plan"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_for (f, 3, 4)), "standardise"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell_for (f, 3, 3)), "defer"));
}

static void
test_drop_moves_and_undoes (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = add_requirement (f, "移动端审批", 5, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  CrmPriorityScores scores;

  /* What a drop on the top-left cell does. */
  g_assert_true (crm_priority_matrix_move (f->matrix, id, 0, 0));
  iterate ();
  scores = scores_of (f, id);
  g_assert_cmpint (scores.importance, ==, 5);
  g_assert_cmpint (scores.urgency, ==, 5);
  g_assert_nonnull (crm_priority_cell_find_chip (cell_for (f, 5, 5), id));
  g_assert_null (crm_priority_cell_find_chip (cell_for (f, 5, 2), id));

  label = crm_journal_undo (f->journal, &error);
  g_assert_no_error (error);
  iterate ();
  scores = scores_of (f, id);
  g_assert_cmpint (scores.urgency, ==, 2);
  g_assert_nonnull (crm_priority_cell_find_chip (cell_for (f, 5, 2), id));
}

static void
test_arrow_keys_move_the_focused_card (Fixture       *f,
                                       gconstpointer  data)
{
  gint64 id = add_requirement (f, "发票对接", 4, 3);
  CrmPriorityChip *chip;
  CrmPriorityScores scores;

  g_assert_true (crm_priority_matrix_focus (f->matrix, id));
  chip = crm_priority_cell_find_chip (cell_for (f, 4, 3), id);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (chip))) == GTK_WIDGET (chip));

  /* Left is more urgent, Up more important. */
  send_key (GTK_WIDGET (chip), GDK_KEY_Left);
  scores = scores_of (f, id);
  g_assert_cmpint (scores.importance, ==, 4);
  g_assert_cmpint (scores.urgency, ==, 4);

  /* The card keeps the focus in its new cell, so keys go on moving it. */
  chip = crm_priority_cell_find_chip (cell_for (f, 4, 4), id);
  g_assert_nonnull (chip);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (chip))) == GTK_WIDGET (chip));
  send_key (GTK_WIDGET (chip), GDK_KEY_Up);
  scores = scores_of (f, id);
  g_assert_cmpint (scores.importance, ==, 5);
  g_assert_cmpint (scores.urgency, ==, 4);

  /* At the edge of the matrix a key changes nothing. */
  chip = crm_priority_cell_find_chip (cell_for (f, 5, 4), id);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (chip))) == GTK_WIDGET (chip));
  send_key (GTK_WIDGET (chip), GDK_KEY_Up);
  scores = scores_of (f, id);
  g_assert_cmpint (scores.importance, ==, 5);
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 3);
}

static void
test_crowded_cell_shows_count (Fixture       *f,
                               gconstpointer  data)
{
  CrmPriorityCell *cell;
  guint shown = 0;
  gint64 last = 0;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *title = g_strdup_printf ("需求 %u", i);

      last = add_requirement (f, title, 3, 3);
    }

  cell = cell_for (f, 3, 3);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cell)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child)), ==, "7");
      if (GTK_IS_BUTTON (child))
        {
          g_assert_true (gtk_widget_get_visible (child));
          g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child)), ==, "+4 more");
        }
      if (GTK_IS_BOX (child))
        for (GtkWidget *chip = gtk_widget_get_first_child (child); chip != NULL;
             chip = gtk_widget_get_next_sibling (chip))
          shown++;
    }
  g_assert_cmpuint (shown, ==, 3);
  /* The newest ranks last (older first) and is not among the three. */
  g_assert_null (crm_priority_cell_find_chip (cell, last));

  /* "+4 more" opens the list of all seven, in rank order. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (cell)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      g_signal_emit_by_name (child, "clicked");
  iterate ();
  {
    GtkWidget *popover = gtk_widget_get_last_child (GTK_WIDGET (cell));
    GtkWidget *scrolled, *list_view;
    GListModel *rows;
    g_autoptr(CrmRequirement) final = NULL;

    g_assert_true (GTK_IS_POPOVER (popover));
    g_assert_true (gtk_widget_get_visible (popover));
    scrolled = gtk_popover_get_child (GTK_POPOVER (popover));
    list_view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
    if (GTK_IS_VIEWPORT (list_view))
      list_view = gtk_viewport_get_child (GTK_VIEWPORT (list_view));
    rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);
    final = g_list_model_get_item (rows, 6);
    g_assert_cmpint (crm_requirement_get_id (final), ==, last);

    /* The cards hidden behind "+4 more" are cards there, to drag or
     * open: the last one too. */
    {
      g_autoptr(GPtrArray) chips = g_ptr_array_new ();
      gboolean last_found = FALSE;

      collect (popover, CRM_TYPE_PRIORITY_CHIP, chips);
      g_assert_cmpuint (chips->len, ==, 7);
      for (guint i = 0; i < chips->len; i++)
        if (crm_priority_chip_get_id (g_ptr_array_index (chips, i)) == last)
          last_found = TRUE;
      g_assert_true (last_found);
    }
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
}

static void
test_ranked_list_and_filters (Fixture       *f,
                              gconstpointer  data)
{
  CrmPriorityModel *model = crm_priorities_page_get_model (f->page);
  gint64 low = add_requirement (f, "界面换肤", 1, 1);
  gint64 top = add_requirement (f, "单点登录", 5, 4);
  gint64 closed = add_requirement (f, "已上线", 5, 5);
  CrmRequirementClosure closure = { "已上线", 5 };
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_requirement_store_move (f->store, closed, CRM_REQUIREMENT_STATUS_DONE, 0, &closure, &error));
  iterate ();

  /* Done is hidden; importance 5, urgency 4 ranks first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (crm_priority_model_find (model, top), ==, 0);
  g_assert_cmpuint (crm_priority_model_find (model, low), ==, 1);
  g_assert_cmpuint (crm_priority_model_find (model, closed), ==, G_MAXUINT);
  g_assert_null (crm_priority_cell_find_chip (cell_for (f, 5, 5), closed));

  /* The ranked list shows them in that order, with their scores. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    CrmRankedRow *first;

    collect (GTK_WIDGET (f->page), CRM_TYPE_RANKED_ROW, rows);
    g_assert_cmpuint (rows->len, ==, 2);
    first = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (crm_ranked_row_get_rank (first), ==, "1");
    g_assert_cmpstr (crm_ranked_row_get_title (first), ==, "单点登录");
    g_assert_cmpstr (crm_ranked_row_get_details (first), ==, "I 5 · U 4 · no due date");
    g_assert_cmpstr (crm_ranked_row_get_title (g_ptr_array_index (rows, 1)), ==, "界面换肤");
    {
      int height;

      /* Two lines of text, whatever their length. */
      gtk_widget_measure (GTK_WIDGET (first), GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
      g_assert_cmpint (height, >, 20);
    }
  }

  /* Into the Must lane, as the editor would. */
  {
    CrmPriorityScores scores = scores_of (f, low);

    scores.moscow = CRM_MOSCOW_MUST;
    g_assert_true (crm_requirement_store_set_scores (f->store, low, &scores, &error));
    g_assert_no_error (error);
  }
  iterate ();

  /* The MoSCoW view puts it in the Must lane. */
  crm_priorities_page_set_view (f->page, CRM_PRIORITY_VIEW_MOSCOW);
  iterate ();
  g_assert_cmpint (crm_priority_matrix_get_view (f->matrix), ==, CRM_PRIORITY_VIEW_MOSCOW);
  g_assert_nonnull (crm_priority_cell_find_chip (crm_priority_matrix_get_cell (f->matrix, 0, 0), low));
  g_assert_nonnull (crm_priority_cell_find_chip (crm_priority_matrix_get_cell (f->matrix, 0, 4), top));

  /* A drop on the Won't lane. */
  g_assert_true (crm_priority_matrix_move (f->matrix, top, 0, 3));
  iterate ();
  g_assert_cmpint (scores_of (f, top).moscow, ==, CRM_MOSCOW_WONT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/priorities-page/cards-sit-in-their-cells", test_cards_sit_in_their_cells);
  ADD ("/priorities-page/drop-moves-and-undoes", test_drop_moves_and_undoes);
  ADD ("/priorities-page/arrow-keys", test_arrow_keys_move_the_focused_card);
  ADD ("/priorities-page/crowded-cell-expands", test_crowded_cell_shows_count);
  ADD ("/priorities-page/ranked-list-and-views", test_ranked_list_and_filters);

#undef ADD

  return g_test_run ();
}
