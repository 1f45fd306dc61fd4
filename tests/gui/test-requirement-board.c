/* test-requirement-board.c — the requirement board: the Done and Rejected
 * questions, keyboard moves, the Move to menu, undo, WIP limits, filters
 * and the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "crm-customer-requirements.h"
#include "crm-requirement-board.h"
#include "crm-requirement-card.h"
#include "crm-requirement-column.h"
#include "crm-requirement-editor.h"
#include "crm-requirement-filter-box.h"
#include "crm-window.h"
#include "gui-test-util.h"

typedef struct
{
  char                *folder;
  CrmDatabase         *db;
  CrmJournal          *journal;
  CrmWindow           *window;
  CrmRequirementBoard *board;
  CrmRequirementStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "requirement-wip-limits");
  g_settings_reset (settings, "requirement-lanes");
  crm_requirement_card_set_today ("2026-06-15");

  f->folder = g_dir_make_tmp ("rapport-board-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->folder, "board.db", NULL);
  f->db = crm_database_open (path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);
  f->window = crm_window_new (NULL, f->db, f->journal);
  g_object_ref_sink (f->window);
  f->store = crm_window_get_requirement_store (f->window);
  f->board = CRM_REQUIREMENT_BOARD (gtk_widget_get_template_child (GTK_WIDGET (f->window), CRM_TYPE_WINDOW,
                                                                   "requirement_board"));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 700);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "requirements");
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
  crm_requirement_card_set_today (NULL);
  g_free (f->folder);
}

static gint64
add_requirement (Fixture    *f,
                 const char *title,
                 const char *due_on)
{
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (requirement, "title", title, "due-on", due_on, NULL);
  id = crm_requirement_store_save (f->store, requirement, &error);
  g_assert_no_error (error);
  iterate ();

  return id;
}

static CrmRequirement *
get (Fixture *f,
     gint64   id)
{
  g_autoptr(GError) error = NULL;
  CrmRequirement *requirement = crm_requirement_store_get (f->store, id, &error);

  g_assert_no_error (error);

  return requirement;
}

static CrmRequirementStatus
status_of (Fixture *f,
           gint64   id)
{
  g_autoptr(CrmRequirement) requirement = get (f, id);

  return crm_requirement_get_status (requirement);
}

/* The card showing requirement @id, once its row is made. */
static CrmRequirementCard *
find_card (GtkWidget *widget,
           gint64     id)
{
  if (CRM_IS_REQUIREMENT_CARD (widget) && gtk_widget_get_mapped (widget))
    {
      CrmRequirement *requirement = crm_requirement_card_get_requirement (CRM_REQUIREMENT_CARD (widget));

      if (requirement != NULL && crm_requirement_get_id (requirement) == id)
        return CRM_REQUIREMENT_CARD (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CrmRequirementCard *card = find_card (child, id);

      if (card != NULL)
        return card;
    }

  return NULL;
}

static CrmRequirementCard *
wait_for_card (Fixture *f,
               gint64   id)
{
  gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  CrmRequirementCard *card;

  while ((card = find_card (GTK_WIDGET (f->board), id)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_nonnull (card);

  return card;
}

static CrmRequirementCloseDialog *
wait_for_dialog (Fixture *f)
{
  iterate ();
  g_assert_nonnull (crm_requirement_board_get_close_dialog (f->board));

  return crm_requirement_board_get_close_dialog (f->board);
}

static void
respond (CrmRequirementCloseDialog *dialog,
         const char                *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

static void
test_done_dialog (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = add_requirement (f, "导出发票明细", NULL);
  CrmRequirementCloseDialog *dialog;
  g_autoptr(CrmRequirement) requirement = get (f, id);
  g_autoptr(CrmRequirement) after = NULL;

  /* Cancelling leaves the card where it was. */
  crm_requirement_board_request_move (f->board, requirement, CRM_REQUIREMENT_STATUS_DONE, 0);
  dialog = wait_for_dialog (f);
  g_assert_cmpint (crm_requirement_close_dialog_get_status (dialog), ==, CRM_REQUIREMENT_STATUS_DONE);
  respond (dialog, "cancel");
  g_assert_cmpint (status_of (f, id), ==, CRM_REQUIREMENT_STATUS_PENDING);
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);

  /* The answer is required; the score may be skipped or given. */
  crm_requirement_board_request_move (f->board, requirement, CRM_REQUIREMENT_STATUS_DONE, 0);
  dialog = wait_for_dialog (f);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
  crm_requirement_close_dialog_set_resolution (dialog, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
  crm_requirement_close_dialog_set_resolution (dialog, "已在 3.2 版上线");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "close"));
  g_assert_cmpint (crm_requirement_close_dialog_get_satisfaction (dialog), ==, 0);
  crm_requirement_close_dialog_set_satisfaction (dialog, 2);
  respond (dialog, "close");

  after = get (f, id);
  g_assert_cmpint (crm_requirement_get_status (after), ==, CRM_REQUIREMENT_STATUS_DONE);
  g_assert_cmpstr (crm_requirement_get_resolution (after), ==, "已在 3.2 版上线");
  g_assert_cmpint (crm_requirement_get_satisfaction (after), ==, 2);
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_DONE), ==, 1);
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 0);

  /* Ctrl+Z goes through the window's journal. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpint (status_of (f, id), ==, CRM_REQUIREMENT_STATUS_PENDING);
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);
}

static void
test_rejected_dialog (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_requirement (f, "支持黑色主题", NULL);
  CrmRequirementCloseDialog *dialog;
  g_autoptr(CrmRequirement) requirement = get (f, id);
  g_autoptr(CrmRequirement) after = NULL;

  crm_requirement_board_request_move (f->board, requirement, CRM_REQUIREMENT_STATUS_REJECTED, 0);
  dialog = wait_for_dialog (f);
  g_assert_cmpint (crm_requirement_close_dialog_get_status (dialog), ==, CRM_REQUIREMENT_STATUS_REJECTED);
  respond (dialog, "cancel");
  g_assert_cmpint (status_of (f, id), ==, CRM_REQUIREMENT_STATUS_PENDING);

  crm_requirement_board_request_move (f->board, requirement, CRM_REQUIREMENT_STATUS_REJECTED, 0);
  dialog = wait_for_dialog (f);
  crm_requirement_close_dialog_set_resolution (dialog, "与产品方向不符");
  /* Rejecting takes no score. */
  crm_requirement_close_dialog_set_satisfaction (dialog, 5);
  g_assert_cmpint (crm_requirement_close_dialog_get_satisfaction (dialog), ==, 0);
  respond (dialog, "close");

  after = get (f, id);
  g_assert_cmpint (crm_requirement_get_status (after), ==, CRM_REQUIREMENT_STATUS_REJECTED);
  g_assert_cmpstr (crm_requirement_get_resolution (after), ==, "与产品方向不符");
}

static void
test_keyboard_and_menu_moves (Fixture       *f,
                              gconstpointer  data)
{
  gint64 a = add_requirement (f, "A 卡", NULL);
  gint64 b = add_requirement (f, "B 卡", NULL);
  gint64 c = add_requirement (f, "C 卡", NULL);
  CrmRequirementCard *card;
  g_autoptr(GPtrArray) history = NULL;

  /* The card's shortcuts act through its actions. */
  card = wait_for_card (f, a);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.move-by-column", "i", 1);
  iterate ();
  g_assert_cmpint (status_of (f, a), ==, CRM_REQUIREMENT_STATUS_IN_PROGRESS);

  /* The first column has nothing to its left. */
  card = wait_for_card (f, b);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.move-by-column", "i", -1);
  iterate ();
  g_assert_cmpint (status_of (f, b), ==, CRM_REQUIREMENT_STATUS_PENDING);

  /* Alt+Down: B goes below C. */
  gtk_widget_activate_action (GTK_WIDGET (card), "card.move-down", NULL);
  iterate ();
  {
    g_autoptr(CrmRequirement) rb = get (f, b);
    g_autoptr(CrmRequirement) rc = get (f, c);

    g_assert_cmpfloat (crm_requirement_get_position (rb), >, crm_requirement_get_position (rc));
  }

  /* The Move to menu: to In progress, at the top. */
  card = wait_for_card (f, c);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.move-to", "i", CRM_REQUIREMENT_STATUS_IN_PROGRESS);
  iterate ();
  g_assert_cmpint (status_of (f, c), ==, CRM_REQUIREMENT_STATUS_IN_PROGRESS);
  {
    g_autoptr(CrmRequirement) ra = get (f, a);
    g_autoptr(CrmRequirement) rc = get (f, c);

    g_assert_cmpfloat (crm_requirement_get_position (rc), <, crm_requirement_get_position (ra));
  }

  /* To Done through the menu asks first. */
  card = wait_for_card (f, c);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.move-to", "i", CRM_REQUIREMENT_STATUS_DONE);
  respond (wait_for_dialog (f), "cancel");
  g_assert_cmpint (status_of (f, c), ==, CRM_REQUIREMENT_STATUS_IN_PROGRESS);

  history = crm_requirement_store_list_history (f->store, c);
  g_assert_cmpuint (history->len, ==, 2);
}

static void
test_card_shows_fields (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  g_autoptr(GError) error = NULL;
  CrmRequirementCard *card;
  gint64 id;
  g_autofree char *text = NULL;

  g_object_set (requirement, "title", "报表自动生成", "owner", "李娜", "importance", 5, "urgency", 4,
                "due-on", "2026-06-01", NULL);
  id = crm_requirement_store_save (f->store, requirement, &error);
  g_assert_no_error (error);
  card = wait_for_card (f, id);

  /* Overdue against the pinned date 2026-06-15, and in "Do now". */
  text = g_strdup ("Overdue 2026-06-01");
  {
    GtkWidget *due = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (card), CRM_TYPE_REQUIREMENT_CARD, "due_label");
    GtkWidget *quadrant = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (card), CRM_TYPE_REQUIREMENT_CARD, "quadrant_label");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (due)), ==, text);
    g_assert_true (gtk_widget_has_css_class (due, "error"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (quadrant)), ==, "Do now");
    g_assert_true (gtk_widget_has_css_class (quadrant, "do-now"));
  }
}

static void
test_wip_limit (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int limits[] = { 2, 0, 0, 0 };
  g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, limits, 4,
                                                                              sizeof (int)));

  add_requirement (f, "一", NULL);
  add_requirement (f, "二", NULL);
  g_settings_set_value (settings, "requirement-wip-limits", value);
  iterate ();
  g_assert_false (crm_requirement_board_get_wip_exceeded (f->board, CRM_REQUIREMENT_STATUS_PENDING));

  add_requirement (f, "三", NULL);
  g_assert_true (crm_requirement_board_get_wip_exceeded (f->board, CRM_REQUIREMENT_STATUS_PENDING));
  g_assert_false (crm_requirement_board_get_wip_exceeded (f->board, CRM_REQUIREMENT_STATUS_IN_PROGRESS));
}

/* The count in the header of column @status. */
static const char *
header_count (Fixture *f,
              guint    status)
{
  GtkWidget *headers = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->board),
                                                                  CRM_TYPE_REQUIREMENT_BOARD,
                                                                  "headers_box"));
  GtkWidget *header = gtk_widget_get_first_child (headers);

  for (guint i = 0; i < status; i++)
    header = gtk_widget_get_next_sibling (header);

  /* The title, then the count. */
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (header))));
}

/* A column of many cards reads most of them after the first frame: its
 * header shows no count until then, and then the true one. */
static void
test_count_of_long_column (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_cmpint (sqlite3_exec (crm_database_get_handle (f->db),
                                 "WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 250)"
                                 "  INSERT INTO requirement (code, title, position)"
                                 "  SELECT printf ('T-%05d', i), printf ('卡片 %d', i), i FROM k",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  add_requirement (f, "进行中", NULL);
  crm_requirement_board_set_search_text (f->board, NULL);

  g_assert_cmpstr (header_count (f, CRM_REQUIREMENT_STATUS_PENDING), ==, "…");
  g_assert_cmpstr (header_count (f, CRM_REQUIREMENT_STATUS_DONE), ==, "0");

  /* The rest is read in a worker thread. */
  while (g_str_equal (header_count (f, CRM_REQUIREMENT_STATUS_PENDING), "…"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (header_count (f, CRM_REQUIREMENT_STATUS_PENDING), ==, "251");
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 251);
}

static void
test_search_and_lanes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  add_requirement (f, "批量导出", NULL);
  add_requirement (f, "单点登录", NULL);
  crm_requirement_board_set_search_text (f->board, "导出");
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);
  crm_requirement_board_set_search_text (f->board, NULL);
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 2);

  /* Lanes by owner: both cards lack one, and the total stays. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->board),
                                                                            CRM_TYPE_REQUIREMENT_BOARD,
                                                                            "lanes_dropdown")), 2);
  iterate ();
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "requirement-lanes"), ==, "owner");
}

static gint64
add_owned_requirement (Fixture    *f,
                       const char *title,
                       const char *owner)
{
  gint64 id = add_requirement (f, title, NULL);
  g_autoptr(CrmRequirement) requirement = get (f, id);
  g_autoptr(GError) error = NULL;

  g_object_set (requirement, "owner", owner, NULL);
  crm_requirement_store_save (f->store, requirement, &error);
  g_assert_no_error (error);
  iterate ();

  return id;
}

/* The drop-down the filter box labels @title, or NULL when none is. */
static GtkDropDown *
filter_dropdown (Fixture    *f,
                 const char *title)
{
  GtkWidget *box = find_by_type (GTK_WIDGET (f->board), CRM_TYPE_REQUIREMENT_FILTER_BOX);
  GtkGrid *grid = GTK_GRID (gtk_widget_get_template_child (box, CRM_TYPE_REQUIREMENT_FILTER_BOX, "grid"));

  for (int row = 0; row < 10; row++)
    {
      GtkWidget *label = gtk_grid_get_child_at (grid, 0, row);

      if (GTK_IS_LABEL (label) && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), title))
        return gtk_widget_get_visible (label) ? GTK_DROP_DOWN (gtk_grid_get_child_at (grid, 1, row)) : NULL;
    }

  return NULL;
}

static const char *
choice (GtkDropDown *dropdown,
        guint        position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), position);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkMenuButton *filter_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->board),
                                                                                 CRM_TYPE_REQUIREMENT_BOARD,
                                                                                 "filter_button"));
  GtkDropDown *owner;

  add_owned_requirement (f, "批量导出", "李娜");
  add_requirement (f, "单点登录", NULL);
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 2);

  /* The board's columns are the statuses: no status or Kano filter. */
  gtk_menu_button_popup (filter_button);
  iterate ();
  g_assert_null (filter_dropdown (f, "Status"));
  g_assert_null (filter_dropdown (f, "Kano class"));
  g_assert_nonnull (filter_dropdown (f, "Customer tier"));

  /* The owners are listed when the filters open. */
  owner = filter_dropdown (f, "Owner");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (owner)), ==, 3);
  g_assert_cmpstr (choice (owner, 1), ==, "李娜");
  g_assert_cmpstr (choice (owner, 2), ==, "No owner");

  gtk_drop_down_set_selected (owner, 1);
  iterate ();
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);
  gtk_drop_down_set_selected (owner, 2);
  iterate ();
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);
  gtk_menu_button_popdown (filter_button);
  iterate ();

  /* An owner added while the filters are closed is there when they
   * open, and the choice made stays. */
  add_owned_requirement (f, "数据看板", "王芳");
  gtk_menu_button_popup (filter_button);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (owner)), ==, 4);
  g_assert_cmpstr (choice (owner, 2), ==, "王芳");
  g_assert_cmpstr (choice (owner, gtk_drop_down_get_selected (owner)), ==, "No owner");
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);

  /* Lanes by owner under an owner filter: that owner's lane only. */
  gtk_drop_down_set_selected (owner, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (f->board),
                                                                            CRM_TYPE_REQUIREMENT_BOARD,
                                                                            "lanes_dropdown")), 2);
  iterate ();
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);

  /* Clear Filters shows everything again. */
  {
    GtkWidget *box = find_by_type (GTK_WIDGET (f->board), CRM_TYPE_REQUIREMENT_FILTER_BOX);

    g_assert_true (crm_requirement_filter_box_is_default (CRM_REQUIREMENT_FILTER_BOX (box)) == FALSE);
    crm_requirement_filter_box_clear (CRM_REQUIREMENT_FILTER_BOX (box));
    iterate ();
    g_assert_true (crm_requirement_filter_box_is_default (CRM_REQUIREMENT_FILTER_BOX (box)));
  }
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 3);
  gtk_menu_button_popdown (filter_button);
}

static void
test_editor (Fixture       *f,
             gconstpointer  data)
{
  CrmRequirementEditor *editor;
  CrmRequirement *requirement;

  editor = CRM_REQUIREMENT_EDITOR (crm_requirement_editor_new (GTK_WINDOW (f->window), f->store,
                                                               crm_window_get_customer_store (f->window),
                                                               NULL, 0));
  requirement = crm_requirement_editor_get_requirement (editor);

  /* Refused with the field named, and the window keeps what was typed. */
  g_assert_false (crm_requirement_editor_save (editor));
  {
    GtkLabel *error_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                      CRM_TYPE_REQUIREMENT_EDITOR,
                                                                      "error_label"));

    g_assert_nonnull (strstr (gtk_label_get_text (error_label), "Title"));
  }
  g_assert_cmpuint (crm_requirement_store_count (f->store), ==, 0);

  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  /* Editing an existing one keeps what is not shown as changed. */
  {
    gint64 id = add_requirement (f, "移动端审批", "2026-07-01");
    g_autoptr(CrmRequirement) existing = get (f, id);
    g_autoptr(CrmRequirement) saved = NULL;

    editor = CRM_REQUIREMENT_EDITOR (crm_requirement_editor_new (GTK_WINDOW (f->window), f->store, NULL,
                                                                 existing, 0));
    requirement = crm_requirement_editor_get_requirement (editor);
    g_assert_true (crm_requirement_editor_save (editor));
    saved = get (f, id);
    g_assert_cmpstr (crm_requirement_get_due_on (saved), ==, "2026-07-01");
    g_assert_cmpstr (crm_requirement_get_code (requirement), ==, crm_requirement_get_code (saved));
    gtk_window_destroy (GTK_WINDOW (editor));
    iterate ();
  }
}

static void
test_customer_detail_lists_requirements (Fixture       *f,
                                         gconstpointer  data)
{
  CrmCustomerStore *customers = crm_window_get_customer_store (f->window);
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  g_autoptr(GError) error = NULL;
  CrmCustomerRequirements *section;
  gint64 customer_id;

  g_object_set (customer, "name", "苏州工业园区测试有限公司", NULL);
  customer_id = crm_customer_store_save (customers, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  section = CRM_CUSTOMER_REQUIREMENTS (find_by_type (GTK_WIDGET (f->window), CRM_TYPE_CUSTOMER_REQUIREMENTS));
  g_assert_nonnull (section);
  crm_customer_requirements_set_customer_id (section, customer_id);
  g_assert_cmpuint (crm_customer_requirements_get_n_shown (section), ==, 0);

  /* A requirement saved for the customer shows at once. */
  g_object_set (requirement, "title", "增值税发票自动开具", "customer-id", customer_id, NULL);
  crm_requirement_store_save (f->store, requirement, &error);
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpuint (crm_customer_requirements_get_n_shown (section), ==, 1);
  add_requirement (f, "别的客户的需求", NULL);
  g_assert_cmpuint (crm_customer_requirements_get_n_shown (section), ==, 1);
}

static void
test_merge_dialog (Fixture       *f,
                   gconstpointer  data)
{
  gint64 survivor = add_requirement (f, "订单批量导出", NULL);
  gint64 duplicate = add_requirement (f, "导出订单到 Excel", NULL);
  CrmRequirementMergeDialog *dialog;

  /* From the card's menu. */
  gtk_widget_activate_action (GTK_WIDGET (wait_for_card (f, duplicate)), "card.merge", NULL);
  iterate ();
  dialog = crm_requirement_board_get_merge_dialog (f->board);
  g_assert_nonnull (dialog);
  g_assert_cmpint (crm_requirement_merge_dialog_get_duplicate_id (dialog), ==, duplicate);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge"));

  /* It cannot be merged into itself. */
  g_assert_true (crm_requirement_merge_dialog_select (dialog, duplicate));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge"));

  crm_requirement_merge_dialog_set_search_text (dialog, "批量");
  g_assert_false (crm_requirement_merge_dialog_select (dialog, duplicate));
  g_assert_true (crm_requirement_merge_dialog_select (dialog, survivor));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  g_assert_null (crm_requirement_store_get (f->store, duplicate, NULL));
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 1);

  /* Undone from the window, it is back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (crm_requirement_board_get_count (f->board, CRM_REQUIREMENT_STATUS_PENDING), ==, 2);
}

static void
test_narrow_window (Fixture       *f,
                    gconstpointer  data)
{
  int minimum = 0;

  gint64 pending = add_requirement (f, "窄窗口里的卡片", NULL);
  gint64 doing = add_requirement (f, "另一列的卡片", NULL);
  GtkWidget *switcher = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->board),
                                                                   CRM_TYPE_REQUIREMENT_BOARD,
                                                                   "status_switcher"));
  g_autoptr(CrmRequirement) requirement = get (f, pending);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_requirement_store_move (f->store, doing, CRM_REQUIREMENT_STATUS_IN_PROGRESS, 0, NULL, &error));
  g_assert_no_error (error);
  iterate ();

  /* Wide: every column, no switcher. */
  g_assert_false (crm_requirement_board_get_narrow (f->board));
  g_assert_false (gtk_widget_get_visible (switcher));
  g_assert_nonnull (wait_for_card (f, pending));
  g_assert_nonnull (wait_for_card (f, doing));

  /* The board scrolls sideways rather than widening the window beyond the
   * 360 px the window allows. */
  gtk_widget_measure (GTK_WIDGET (f->board), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* Narrow: one column at a time, chosen in the switcher. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  wait_frames (GTK_WIDGET (f->window), 3);
  iterate ();
  g_assert_true (crm_requirement_board_get_narrow (f->board));
  g_assert_true (gtk_widget_get_visible (switcher));
  g_assert_nonnull (wait_for_card (f, pending));
  g_assert_null (find_card (GTK_WIDGET (f->board), doing));

  /* A card moved to another column takes the switcher with it. */
  crm_requirement_board_request_move (f->board, requirement, CRM_REQUIREMENT_STATUS_IN_PROGRESS,
                                      CRM_REQUIREMENT_COLUMN_TOP);
  wait_frames (GTK_WIDGET (f->window), 2);
  g_assert_nonnull (wait_for_card (f, pending));
  g_assert_nonnull (wait_for_card (f, doing));

  /* Wide again: every column. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 700);
  wait_frames (GTK_WIDGET (f->window), 3);
  iterate ();
  g_assert_false (crm_requirement_board_get_narrow (f->board));
  g_assert_false (gtk_widget_get_visible (switcher));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/requirement-board/done-dialog", test_done_dialog);
  ADD ("/requirement-board/rejected-dialog", test_rejected_dialog);
  ADD ("/requirement-board/keyboard-and-menu-moves", test_keyboard_and_menu_moves);
  ADD ("/requirement-board/card-shows-fields", test_card_shows_fields);
  ADD ("/requirement-board/wip-limit", test_wip_limit);
  ADD ("/requirement-board/search-and-lanes", test_search_and_lanes);
  ADD ("/requirement-board/filters", test_filters);
  ADD ("/requirement-board/count-of-long-column", test_count_of_long_column);
  ADD ("/requirement-board/editor", test_editor);
  ADD ("/requirement-board/narrow-window", test_narrow_window);
  ADD ("/requirement-board/merge-dialog", test_merge_dialog);
  ADD ("/requirement-board/customer-detail-lists-requirements", test_customer_detail_lists_requirements);

#undef ADD

  return g_test_run ();
}
