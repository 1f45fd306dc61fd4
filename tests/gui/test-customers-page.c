/* test-customers-page.c — the customer list, its search, filters, detail,
 * delete with undo, merge and masking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "crm-customer-detail.h"
#include "crm-customer-list.h"
#include "crm-customers-page.h"
#include "crm-merge-dialog.h"
#include "crm-window.h"
#include "gui-test-util.h"

typedef struct
{
  char             *folder;
  CrmDatabase      *db;
  CrmJournal       *journal;
  CrmWindow        *window;
  CrmCustomersPage *page;
  CrmCustomerStore *store;
} Fixture;

/* Helpers ---------------------------------------------------------------- */

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gpointer
page_child (Fixture    *f,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->page), CRM_TYPE_CUSTOMERS_PAGE, name);

  g_assert_nonnull (child);

  return child;
}

static gpointer
detail_child (Fixture    *f,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (page_child (f, "detail"), CRM_TYPE_CUSTOMER_DETAIL, name);

  g_assert_nonnull (child);

  return child;
}

static void show_window (Fixture *f);

static GListModel *
page_model (Fixture *f)
{
  GtkColumnView *column_view = page_child (f, "column_view");

  /* The list view gets its list when the page first shows. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (f->page)))
    show_window (f);

  return G_LIST_MODEL (gtk_column_view_get_model (column_view));
}

static const char *
count_text (Fixture *f)
{
  return gtk_label_get_text (page_child (f, "count_label"));
}

/* Runs the main loop until @text is the count label's, for at most two
 * seconds: the search entry waits a moment before it searches. */
static void
wait_for_count (Fixture    *f,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_strcmp0 (count_text (f), text) != 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpstr (count_text (f), ==, text);
}

static void
show_window (Fixture *f)
{
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static void
run_frames (gpointer window,
            guint    n_frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 last = gdk_frame_clock_get_frame_counter (clock);

  while (gdk_frame_clock_get_frame_counter (clock) < last + n_frames)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
}

static gint64
find_industry (Fixture    *f,
               const char *code)
{
  GListModel *industries = crm_customer_store_list_industries (f->store);

  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

      if (g_strcmp0 (crm_industry_get_code (industry), code) == 0)
        return crm_industry_get_id (industry);
    }

  g_assert_not_reached ();
}

static gint64
add_customer (Fixture    *f,
              const char *name,
              const char *industry_code,
              CrmTier     tier,
              const char *contact_name,
              const char *phone,
              const char *email)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 id;

  crm_customer_set_name (customer, name);
  crm_customer_set_tier (customer, tier);
  crm_customer_set_owner (customer, "王芳");
  if (industry_code != NULL)
    crm_customer_set_industry_id (customer, find_industry (f, industry_code));

  if (contact_name != NULL)
    g_ptr_array_add (contacts, g_object_new (CRM_TYPE_CONTACT,
                                             "name", contact_name,
                                             "phone", phone,
                                             "email", email,
                                             "title", "采购经理",
                                             NULL));

  id = crm_customer_store_save (f->store, customer, contacts, NULL, CRM_SAVE_ALLOW_DUPLICATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
add_cooperation (Fixture *f,
                 gint64   customer_id,
                 gint64   amount)
{
  g_autoptr(CrmCooperation) cooperation = crm_cooperation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  crm_cooperation_set_customer_id (cooperation, customer_id);
  crm_cooperation_set_product (cooperation, "年度服务");
  crm_cooperation_set_started_on (cooperation, today);
  crm_cooperation_set_amount (cooperation, amount);
  crm_customer_store_add_cooperation (f->store, cooperation, &error);
  g_assert_no_error (error);
}

/* The row of the customer @id, or, when @id is 0, of the one called @name. */
static guint
row_of (Fixture    *f,
        gint64      id,
        const char *name)
{
  GListModel *model = page_model (f);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmCustomer) customer = g_list_model_get_item (model, i);

      if (id > 0 ? crm_customer_get_id (customer) == id
                 : g_strcmp0 (crm_customer_get_name (customer), name) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static guint
position_of (Fixture *f,
             gint64   id)
{
  return row_of (f, id, NULL);
}

/* Activates @action_name only when it is enabled, as a shortcut does. */
static gboolean
activate_if_enabled (gpointer    widget,
                     const char *action_name)
{
  g_autoptr(GtkShortcutAction) action = gtk_named_action_new (action_name);

  return gtk_shortcut_action_activate (action, 0, widget, NULL);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "last-page");
  g_settings_reset (settings, "mask-personal-data");
}

/* Fixture ---------------------------------------------------------------- */

static void
fixture_set_up_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  reset_settings ();

  f->folder = g_dir_make_tmp ("rapport-test-customers-page-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (f->folder, "rapport.db", NULL);
  f->db = crm_database_open (path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);

  f->window = crm_window_new (NULL, f->db, f->journal);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->page = CRM_CUSTOMERS_PAGE (find_by_type (GTK_WIDGET (f->window), CRM_TYPE_CUSTOMERS_PAGE));
  g_assert_nonnull (f->page);

  /* The window made the store and gave it to the page. */
  f->store = crm_window_get_customer_store (f->window);
  g_assert_nonnull (f->store);
  g_assert_true (crm_customers_page_get_store (f->page) == f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 acme;
  gint64 beijing;

  fixture_set_up_empty (f, data);

  acme = add_customer (f, "Acme Trading", "TRA", CRM_TIER_S, "张三", "13812345678", "zhang@example.com");
  beijing = add_customer (f, "北京科技有限公司", "NET", CRM_TIER_A, "王小明", "13900001111", NULL);
  add_customer (f, "上海贸易有限公司", "TRA", CRM_TIER_B, NULL, NULL, NULL);
  add_customer (f, "广州制造厂", "MFG", CRM_TIER_S, NULL, NULL, NULL);

  add_cooperation (f, acme, 125000);
  add_cooperation (f, beijing, 600000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Dialogs a test left open hold the store. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

        if (toplevel != GTK_WINDOW (f->window))
          gtk_window_destroy (toplevel);
      }
  }

  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);

  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);

  dir = g_dir_open (f->folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->folder, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->folder), ==, 0);
  g_free (f->folder);

  reset_settings ();
}

/* Tests ------------------------------------------------------------------ */

static void
test_page_lists_customers (Fixture       *f,
                           gconstpointer  data)
{
  GtkColumnView *column_view = page_child (f, "column_view");
  GListModel *columns = gtk_column_view_get_columns (column_view);

  show_window (f);

  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 4);
  g_assert_cmpstr (count_text (f), ==, "4 customers");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "page_stack")), ==, "main");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "list_stack")), ==, "list");

  /* The eight columns of the issue, each sortable. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 8);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
    }

  /* Nothing is selected until the user chooses. */
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_child (f, "stack")), ==, "empty");

  /* A customer added elsewhere appears, and the count follows. */
  add_customer (f, "深圳新客户", NULL, CRM_TIER_NONE, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 5);
  g_assert_cmpstr (count_text (f), ==, "5 customers");

  /* Spend is shown in 万元 with one decimal, right-aligned. */
  run_frames (f->window, 3);
  g_assert_nonnull (find_text_cell (GTK_WIDGET (column_view), "12.5"));
  g_assert_cmpfloat (crm_text_cell_get_xalign (find_text_cell (GTK_WIDGET (column_view), "12.5")), ==, 1.0);
  g_assert_true (crm_text_cell_get_tabular (find_text_cell (GTK_WIDGET (column_view), "12.5")));
}

static void
test_page_search (Fixture       *f,
                  gconstpointer  data)
{
  GtkEditable *entry = page_child (f, "search_entry");

  show_window (f);

  gtk_editable_set_text (entry, "Acme");
  wait_for_count (f, "1 of 4 customers");
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 1);

  /* A contact's phone number finds its customer too. */
  gtk_editable_set_text (entry, "13900001111");
  wait_for_count (f, "1 of 4 customers");
  {
    g_autoptr(CrmCustomer) customer = g_list_model_get_item (page_model (f), 0);

    g_assert_cmpstr (crm_customer_get_name (customer), ==, "北京科技有限公司");
  }

  gtk_editable_set_text (entry, "nothing-like-this");
  wait_for_count (f, "0 of 4 customers");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "list_stack")), ==, "no-results");

  /* The button of the empty result brings everything back. */
  g_assert_true (activate_if_enabled (f->page, "customers.reset-filters"));
  g_assert_cmpstr (count_text (f), ==, "4 customers");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "list_stack")), ==, "list");
}

static gint64
id_named (Fixture    *f,
          const char *name)
{
  g_autoptr(CrmCustomer) customer = g_list_model_get_item (page_model (f), row_of (f, 0, name));

  return crm_customer_get_id (customer);
}

/* A broad search on a large list shows its first rows at once and the
 * rest a moment later; the limits here make these four customers behave
 * so. The selected customer, beyond the first rows, stays selected and
 * shown, and the count waits for the whole answer. */
static void
test_page_broad_search (Fixture       *f,
                        gconstpointer  data)
{
  GtkEditable *entry = page_child (f, "search_entry");
  CrmCustomerList *list = CRM_CUSTOMER_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (page_model (f))));
  gint64 shanghai;

  show_window (f);
  shanghai = id_named (f, "上海贸易有限公司");
  g_assert_true (crm_customers_page_select_customer (f->page, shanghai));

  crm_customer_list_set_search_limits (list, 1, 0, G_MAXINT32);
  gtk_editable_set_text (entry, "有限公司");
  wait_for_count (f, "2 of 4 customers");
  g_assert_true (crm_customer_list_is_complete (list));
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, shanghai);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (page_model (f))), ==,
                    position_of (f, shanghai));

  /* A customer the search leaves out is still let go. */
  gtk_editable_set_text (entry, "北京");
  wait_for_count (f, "1 of 4 customers");
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, 0);
}

static void
test_page_filters (Fixture       *f,
                   gconstpointer  data)
{
  GtkDropDown *tier = page_child (f, "tier_dropdown");
  GtkDropDown *industry = page_child (f, "industry_dropdown");
  GtkDropDown *owner = page_child (f, "owner_dropdown");
  GListModel *industries;
  guint tra = GTK_INVALID_LIST_POSITION;

  show_window (f);

  /* Position 1 of the tier filter is S. */
  gtk_drop_down_set_selected (tier, 1);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 2);
  g_assert_cmpstr (count_text (f), ==, "2 of 4 customers");

  /* Filters combine: S and 贸易 leave Acme alone. */
  industries = gtk_drop_down_get_model (industry);
  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (industries), i), "贸易") == 0)
      tra = i;
  g_assert_cmpuint (tra, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (industry, tra);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 1);
  {
    g_autoptr(CrmCustomer) customer = g_list_model_get_item (page_model (f), 0);

    g_assert_cmpstr (crm_customer_get_name (customer), ==, "Acme Trading");
  }

  /* The owner filter lists the owners there are when the filters are
   * shown. */
  gtk_drop_down_set_selected (tier, 0);
  gtk_drop_down_set_selected (industry, 0);
  gtk_menu_button_popup (page_child (f, "filter_button"));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (owner)), ==, 2);
  gtk_drop_down_set_selected (owner, 1);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 4);

  g_assert_true (activate_if_enabled (f->page, "customers.clear-filters"));
  gtk_menu_button_popdown (page_child (f, "filter_button"));
  g_assert_cmpuint (gtk_drop_down_get_selected (owner), ==, 0);
  g_assert_cmpstr (count_text (f), ==, "4 customers");
}

static void
test_page_sort (Fixture       *f,
                gconstpointer  data)
{
  GtkColumnView *column_view = page_child (f, "column_view");
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) spend = g_list_model_get_item (columns, 6);
  g_autoptr(GtkColumnViewColumn) code = g_list_model_get_item (columns, 0);
  g_autoptr(CrmCustomer) first = NULL;
  g_autoptr(CrmCustomer) last = NULL;

  show_window (f);

  /* Clicking a header sorts in SQL: the model is the customer list
   * itself, never a GtkSortListModel. */
  g_assert_true (CRM_IS_CUSTOMER_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (page_model (f)))));

  gtk_column_view_sort_by_column (column_view, spend, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (page_model (f), 0);
  g_assert_cmpstr (crm_customer_get_name (first), ==, "北京科技有限公司");

  gtk_column_view_sort_by_column (column_view, spend, GTK_SORT_ASCENDING);
  last = g_list_model_get_item (page_model (f), 3);
  g_assert_cmpstr (crm_customer_get_name (last), ==, "北京科技有限公司");

  gtk_column_view_sort_by_column (column_view, code, GTK_SORT_ASCENDING);
  g_assert_cmpint (crm_customer_list_get_id (CRM_CUSTOMER_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (page_model (f)))), 0), >, 0);
}

static void
test_page_detail (Fixture       *f,
                  gconstpointer  data)
{
  CrmCustomerDetail *detail = page_child (f, "detail");
  gint64 id;

  show_window (f);

  gtk_editable_set_text (page_child (f, "search_entry"), "Acme");
  wait_for_count (f, "1 of 4 customers");

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (page_model (f)), 0);
  id = crm_customers_page_get_selected_id (f->page);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (crm_customer_detail_get_customer_id (detail), ==, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_child (f, "stack")), ==, "customer");
  g_assert_cmpstr (gtk_label_get_text (detail_child (f, "name_label")), ==, "Acme Trading");

  /* Its contact and its cooperation record, amount in 万元. */
  run_frames (f->window, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (detail), "张三"));
  g_assert_nonnull (find_label (GTK_WIDGET (detail), "13812345678"));
  g_assert_nonnull (find_label (GTK_WIDGET (detail), "年度服务"));
  g_assert_nonnull (find_label (GTK_WIDGET (detail), "12.5"));

  /* The selection survives a search that keeps the customer ... */
  gtk_editable_set_text (page_child (f, "search_entry"), "");
  wait_for_count (f, "4 customers");
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, id);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (page_model (f))), ==, position_of (f, id));

  /* ... and an edit of another customer. */
  add_customer (f, "AAA 第一", NULL, CRM_TIER_NONE, NULL, NULL, NULL);
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, id);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (page_model (f))), ==, position_of (f, id));

  /* A draft without a tier or code says so. */
  g_assert_true (gtk_widget_get_visible (detail_child (f, "draft_label")));
}

static void
test_page_delete_undo (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id;

  show_window (f);

  /* Nothing selected: nothing to delete. */
  g_assert_false (activate_if_enabled (f->page, "customers.delete"));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (page_model (f)), 0);
  id = crm_customers_page_get_selected_id (f->page);
  g_assert_cmpint (id, >, 0);

  g_assert_true (activate_if_enabled (f->page, "customers.delete"));
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 3);
  g_assert_cmpstr (count_text (f), ==, "3 customers");
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_child (f, "stack")), ==, "empty");
  run_frames (f->window, 3);

  /* The toast's Undo button runs win.undo. */
  g_assert_true (activate_if_enabled (f->window, "win.undo"));
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 4);
  g_assert_cmpstr (count_text (f), ==, "4 customers");
  position_of (f, id);
  run_frames (f->window, 3);
}

static void
test_page_approve (Fixture       *f,
                   gconstpointer  data)
{
  CrmCustomerDetail *detail = page_child (f, "detail");
  g_autoptr(CrmCustomer) customer = NULL;
  gint64 id;

  show_window (f);

  id = add_customer (f, "审批测试", "TRA", CRM_TIER_NONE, NULL, NULL, NULL);
  g_assert_true (crm_customers_page_select_customer (f->page, id));
  g_assert_true (gtk_widget_get_visible (detail_child (f, "approve_button")));

  g_assert_true (activate_if_enabled (detail, "customer.approve"));
  customer = crm_customer_store_get (f->store, id, NULL);
  g_assert_nonnull (crm_customer_get_code (customer));
  g_assert_true (g_str_has_suffix (crm_customer_get_code (customer), "-TRA-001"));

  /* The detail shows the code and has nothing left to approve. */
  g_assert_nonnull (strstr (gtk_label_get_text (detail_child (f, "summary_label")),
                            crm_customer_get_code (customer)));
  g_assert_false (gtk_widget_get_visible (detail_child (f, "draft_label")));
  g_assert_false (gtk_widget_get_visible (detail_child (f, "approve_button")));
  g_assert_false (activate_if_enabled (detail, "customer.approve"));
  run_frames (f->window, 3);

  /* A draft without an industry cannot get a code: the record stays a
   * draft and the toast says why. */
  id = add_customer (f, "无行业", NULL, CRM_TIER_NONE, NULL, NULL, NULL);
  g_assert_true (crm_customers_page_select_customer (f->page, id));
  g_assert_true (activate_if_enabled (detail, "customer.approve"));
  g_clear_object (&customer);
  customer = crm_customer_store_get (f->store, id, NULL);
  g_assert_null (crm_customer_get_code (customer));
  run_frames (f->window, 3);
}

static void
test_page_merge (Fixture       *f,
                 gconstpointer  data)
{
  CrmCustomerDetail *detail = page_child (f, "detail");
  g_autoptr(GPtrArray) contacts = NULL;
  CrmMergeDialog *dialog = NULL;
  AdwMessageDialog *confirm = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkListView *list_view;
  GListModel *model;
  gint64 survivor;
  gint64 duplicate;

  show_window (f);

  survivor = add_customer (f, "合并目标", "TRA", CRM_TIER_NONE, NULL, NULL, NULL);
  duplicate = add_customer (f, "合并目标（重复）", NULL, CRM_TIER_NONE, "李四", "13700000000", NULL);
  g_assert_true (crm_customers_page_select_customer (f->page, survivor));

  g_assert_true (activate_if_enabled (detail, "customer.merge"));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CRM_IS_MERGE_DIALOG (toplevel))
        dialog = CRM_MERGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpint (crm_merge_dialog_get_survivor_id (dialog), ==, survivor);

  /* Nothing chosen yet: nothing to confirm. */
  g_assert_false (activate_if_enabled (dialog, "merge.confirm"));

  list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (dialog), CRM_TYPE_MERGE_DIALOG, "list_view"));
  model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmCustomer) customer = g_list_model_get_item (model, i);

      if (crm_customer_get_id (customer) == duplicate)
        gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
    }

  g_assert_true (activate_if_enabled (dialog, "merge.confirm"));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        confirm = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (confirm);

  /* Clicked as a person would: the button closes the confirmation, then
   * answers. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (confirm), "_Merge"), "clicked");
  iterate ();

  /* The duplicate is gone, its contact moved, the survivor still shown. */
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 5);
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, survivor);
  contacts = crm_customer_store_list_contacts (f->store, survivor);
  g_assert_cmpuint (contacts->len, ==, 1);
  run_frames (f->window, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (detail), "李四"));

  /* And it can be undone. */
  g_assert_true (activate_if_enabled (f->window, "win.undo"));
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 6);
}

static void
test_page_masking (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *detail = page_child (f, "detail");
  gint64 id;

  show_window (f);

  id = add_customer (f, "个人客户", NULL, CRM_TIER_NONE, "张三", "13812345678", "zhang@example.com");
  g_assert_true (crm_customers_page_select_customer (f->page, id));
  run_frames (f->window, 2);
  g_assert_nonnull (find_label (detail, "13812345678"));
  g_assert_nonnull (find_label (detail, "zhang@example.com"));

  /* Masking applies at once, without choosing the customer again. */
  g_settings_set_boolean (settings, "mask-personal-data", TRUE);
  iterate ();
  run_frames (f->window, 2);
  g_assert_nonnull (find_label (detail, "138****5678"));
  g_assert_nonnull (find_label (detail, "z***@example.com"));
  g_assert_nonnull (find_label (detail, "张*"));
  g_assert_null (find_label (detail, "13812345678"));
  g_assert_null (find_label (detail, "张三"));

  g_settings_set_boolean (settings, "mask-personal-data", FALSE);
  iterate ();
  run_frames (f->window, 2);
  g_assert_nonnull (find_label (detail, "13812345678"));
}

static void
test_page_empty (Fixture       *f,
                 gconstpointer  data)
{
  show_window (f);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "page_stack")), ==, "empty");
  g_assert_true (activate_if_enabled (f->page, "customers.new") ||
                 gtk_widget_get_sensitive (GTK_WIDGET (f->page)));

  add_customer (f, "第一个客户", NULL, CRM_TIER_NONE, NULL, NULL, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (f, "page_stack")), ==, "main");
  g_assert_cmpstr (count_text (f), ==, "1 customer");
}

static void
test_page_new_customer (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_editors = 0;

  show_window (f);

  /* Ctrl+N (win.new-customer) works from any page and shows this one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "reports"));
  g_assert_true (activate_if_enabled (f->window, "win.new-customer"));
  g_assert_cmpstr (crm_window_get_visible_page (f->window), ==, "customers");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "CrmCustomerEditor"))
        n_editors++;
    }
  g_assert_cmpuint (n_editors, ==, 1);
}

static void
test_page_without_store (void)
{
  CrmWindow *window;
  CrmCustomersPage *page;

  reset_settings ();
  window = crm_window_new (NULL, NULL, NULL);
  page = CRM_CUSTOMERS_PAGE (find_by_type (GTK_WIDGET (window), CRM_TYPE_CUSTOMERS_PAGE));

  g_assert_null (crm_customers_page_get_store (page));
  g_assert_null (crm_window_get_customer_store (window));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page)));
  g_assert_false (activate_if_enabled (page, "customers.new"));
  g_assert_false (activate_if_enabled (window, "win.new-customer"));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_page_narrow (Fixture       *f,
                  gconstpointer  data)
{
  AdwLeaflet *leaflet = page_child (f, "leaflet");
  GtkColumnView *column_view = page_child (f, "column_view");
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) owner = g_list_model_get_item (columns, 5);
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 1);
  CrmCustomerDetail *detail = page_child (f, "detail");

  gtk_window_set_default_size (GTK_WINDOW (f->window), 500, 700);
  show_window (f);
  run_frames (f->window, 3);
  iterate ();
  run_frames (f->window, 2);

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_column_view_column_get_visible (owner));
  g_assert_true (gtk_column_view_column_get_visible (name));
  g_assert_true (crm_customer_detail_get_show_back_button (detail));

  /* Enter on a row (activation) opens the detail over the list ... */
  g_signal_emit_by_name (column_view, "activate", 0);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (detail));
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), >, 0);

  /* ... and Escape (customers.back) returns to it. */
  g_assert_true (activate_if_enabled (f->page, "customers.back"));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == page_child (f, "list_pane"));
  g_assert_false (activate_if_enabled (f->page, "customers.back"));

  /* Wide again: the columns come back. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  run_frames (f->window, 3);
  iterate ();
  run_frames (f->window, 2);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_column_view_column_get_visible (owner));
}

/* A window that opens on another page leaves the customer list's rows
 * unbuilt until the customers page shows; selecting works meanwhile. */
static void
test_page_list_when_shown (Fixture       *f,
                           gconstpointer  data)
{
  GtkColumnView *column_view = page_child (f, "column_view");
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "requirements");
  show_window (f);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_null (gtk_column_view_get_model (column_view));

  /* The hidden page's list still follows the store. */
  id = add_customer (f, "深圳电子有限公司", "MFG", CRM_TIER_B, NULL, NULL, NULL);
  g_assert_true (crm_customers_page_select_customer (f->page, id));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "customers");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 5);
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, id);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/customers-page/lists-customers", Fixture, NULL, fixture_set_up, test_page_lists_customers, fixture_tear_down);
  g_test_add ("/customers-page/search", Fixture, NULL, fixture_set_up, test_page_search, fixture_tear_down);
  g_test_add ("/customers-page/broad-search", Fixture, NULL, fixture_set_up, test_page_broad_search, fixture_tear_down);
  g_test_add ("/customers-page/filters", Fixture, NULL, fixture_set_up, test_page_filters, fixture_tear_down);
  g_test_add ("/customers-page/sort", Fixture, NULL, fixture_set_up, test_page_sort, fixture_tear_down);
  g_test_add ("/customers-page/detail", Fixture, NULL, fixture_set_up, test_page_detail, fixture_tear_down);
  g_test_add ("/customers-page/delete-undo", Fixture, NULL, fixture_set_up, test_page_delete_undo, fixture_tear_down);
  g_test_add ("/customers-page/approve", Fixture, NULL, fixture_set_up, test_page_approve, fixture_tear_down);
  g_test_add ("/customers-page/merge", Fixture, NULL, fixture_set_up, test_page_merge, fixture_tear_down);
  g_test_add ("/customers-page/masking", Fixture, NULL, fixture_set_up, test_page_masking, fixture_tear_down);
  g_test_add ("/customers-page/empty", Fixture, NULL, fixture_set_up_empty, test_page_empty, fixture_tear_down);
  g_test_add ("/customers-page/new-customer", Fixture, NULL, fixture_set_up, test_page_new_customer, fixture_tear_down);
  g_test_add ("/customers-page/narrow", Fixture, NULL, fixture_set_up, test_page_narrow, fixture_tear_down);
  g_test_add_func ("/customers-page/without-store", test_page_without_store);
  g_test_add ("/customers-page/list-when-shown", Fixture, NULL, fixture_set_up, test_page_list_when_shown,
              fixture_tear_down);

  return g_test_run ();
}
