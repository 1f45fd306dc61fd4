/* test-window.c — the main window, its actions and the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "crm-cjk-tooltips.h"
#include "crm-database.h"
#include "crm-journal.h"
#include "crm-customer-store.h"
#include "crm-preferences-window.h"
#include "crm-window.h"

static const char * const page_names[] = {
  "customers",
  "requirements",
  "priorities",
  "questionnaires",
  "reports",
};

/* A database of its own for each test, in a folder made for it. */
typedef struct
{
  char        *folder;
  CrmDatabase *db;
  CrmJournal  *journal;
} TestDatabase;

static TestDatabase *
test_database_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TestDatabase *tdb = g_new0 (TestDatabase, 1);

  tdb->folder = g_dir_make_tmp ("rapport-test-window-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (tdb->folder, "rapport.db", NULL);
  tdb->db = crm_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tdb->db);

  tdb->journal = crm_journal_new (tdb->db);

  /* The app makes a customer store as soon as a database is open, which
   * derives the sort keys once; do the same before any test edits. */
  g_object_unref (crm_customer_store_new (tdb->journal));

  return tdb;
}

static void
test_database_free (TestDatabase *tdb)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (tdb->journal);
  g_assert_finalize_object (tdb->db);

  /* Only the folder this test made, with whatever SQLite put in it (the
   * database, its WAL and shared-memory files). */
  dir = g_dir_open (tdb->folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tdb->folder, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (tdb->folder), ==, 0);

  g_free (tdb->folder);
  g_free (tdb);
}

static gboolean
insert_customer (CrmDatabase  *db,
                 gpointer      user_data,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "INSERT INTO customer (name) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, user_data, -1, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

static gint64
count_customers (CrmDatabase *db)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 count;

  stmt = crm_database_prepare (db, "SELECT count(*) FROM customer", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Activates @action_name the way a keyboard shortcut does: only when the
 * action is enabled. GTK 4.8 has no other public way to ask a widget
 * whether one of its actions is enabled, so a FALSE here means disabled. */
static gboolean
activate_if_enabled (GtkWidget  *widget,
                     const char *action_name)
{
  g_autoptr(GtkShortcutAction) action = gtk_named_action_new (action_name);

  return gtk_shortcut_action_activate (action, 0, widget, NULL);
}

static void
destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
show_window (gpointer window)
{
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
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

static GtkSwitch *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return GTK_SWITCH (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = find_switch (child);

      if (found != NULL)
        return found;
    }

  return NULL;
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

static void
test_window_show_page (void)
{
  TestDatabase *tdb = test_database_new ();
  CrmWindow *window;

  reset_settings ();
  window = crm_window_new (NULL, tdb->db, tdb->journal);

  g_assert_cmpstr (crm_window_get_visible_page (window), ==, "customers");

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_test_message ("showing page %s", page_names[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                                 "s", page_names[i]));
      g_assert_cmpstr (crm_window_get_visible_page (window), ==, page_names[i]);
    }

  destroy_window (window);
  test_database_free (tdb);
}

static void
test_window_undo_redo (void)
{
  TestDatabase *tdb = test_database_new ();
  g_autoptr(GError) error = NULL;
  CrmWindow *window;

  /* On screen, so the toasts are laid out and their titles parsed. */
  window = crm_window_new (NULL, tdb->db, tdb->journal);
  show_window (window);

  /* Nothing to undo or redo on a fresh journal. */
  g_assert_false (activate_if_enabled (GTK_WIDGET (window), "win.undo"));
  g_assert_false (activate_if_enabled (GTK_WIDGET (window), "win.redo"));

  g_assert_true (crm_journal_record (tdb->journal, "Add customer “Acme & Sons <Ltd>”",
                                     insert_customer, (gpointer)"Acme & Sons <Ltd>",
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_customers (tdb->db), ==, 1);

  /* Enabled now, and undoing removes the row. The label has markup
   * characters: the toast must show them, not fail to parse them. */
  g_assert_true (activate_if_enabled (GTK_WIDGET (window), "win.undo"));
  g_assert_cmpint (count_customers (tdb->db), ==, 0);
  g_assert_false (activate_if_enabled (GTK_WIDGET (window), "win.undo"));
  run_frames (window, 5);

  /* Redo puts it back. */
  g_assert_true (activate_if_enabled (GTK_WIDGET (window), "win.redo"));
  g_assert_cmpint (count_customers (tdb->db), ==, 1);
  g_assert_false (activate_if_enabled (GTK_WIDGET (window), "win.redo"));
  g_assert_true (activate_if_enabled (GTK_WIDGET (window), "win.undo"));
  g_assert_cmpint (count_customers (tdb->db), ==, 0);

  destroy_window (window);
  test_database_free (tdb);
}

static void
test_window_without_database (void)
{
  TestDatabase *tdb = test_database_new ();
  g_autoptr(GError) error = NULL;
  CrmWindow *window;

  window = crm_window_new (NULL, NULL, NULL);
  g_assert_null (crm_window_get_database (window));
  g_assert_null (crm_window_get_journal (window));
  g_assert_false (activate_if_enabled (GTK_WIDGET (window), "win.undo"));

  /* Pages can still be switched: the window is usable, only empty. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reports"));
  g_assert_cmpstr (crm_window_get_visible_page (window), ==, "reports");

  /* A journal given later is followed like one given at construction. */
  g_assert_true (crm_journal_record (tdb->journal, "Add customer",
                                     insert_customer, (gpointer)"Acme", &error));
  g_assert_no_error (error);

  crm_window_set_database (window, tdb->db, tdb->journal);
  g_assert_true (crm_window_get_database (window) == tdb->db);
  g_assert_true (crm_window_get_journal (window) == tdb->journal);
  g_assert_true (activate_if_enabled (GTK_WIDGET (window), "win.undo"));
  g_assert_cmpint (count_customers (tdb->db), ==, 0);

  crm_window_set_database (window, NULL, NULL);
  g_assert_false (activate_if_enabled (GTK_WIDGET (window), "win.redo"));

  destroy_window (window);
  test_database_free (tdb);
}

static void
test_window_state (void)
{
  TestDatabase *tdb = test_database_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_page = NULL;
  CrmWindow *window;
  int width, height;

  reset_settings ();
  g_settings_set_string (settings, "last-page", "reports");
  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);

  window = crm_window_new (NULL, tdb->db, tdb->journal);
  g_assert_cmpstr (crm_window_get_visible_page (window), ==, "reports");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);

  /* Closing saves the page and the size. GTK only closes a window that is
   * on screen, so show it first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "priorities");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  show_window (window);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "priorities");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  reset_settings ();
  test_database_free (tdb);
}

static void
test_preferences_mask_switch (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CrmPreferencesWindow *preferences;
  GtkSwitch *mask_switch;

  g_settings_set_boolean (settings, "mask-personal-data", FALSE);

  preferences = crm_preferences_window_new (NULL, NULL);
  mask_switch = find_switch (GTK_WIDGET (preferences));
  g_assert_nonnull (mask_switch);
  g_assert_false (gtk_switch_get_active (mask_switch));

  /* The key moves the switch ... */
  g_settings_set_boolean (settings, "mask-personal-data", TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_switch_get_active (mask_switch));

  /* ... and the switch moves the key. */
  gtk_switch_set_active (mask_switch, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (g_settings_get_boolean (settings, "mask-personal-data"));

  destroy_window (preferences);
}

static AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ENTRY_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
industry_name (CrmCustomerStore *store,
               const char       *code)
{
  GListModel *industries = crm_customer_store_list_industries (store);

  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

      if (g_strcmp0 (crm_industry_get_code (industry), code) == 0)
        return crm_industry_get_name (industry);
    }

  return NULL;
}

static void
test_preferences_industries (void)
{
  TestDatabase *tdb = test_database_new ();
  g_autoptr(CrmCustomerStore) store = crm_customer_store_new (tdb->journal);
  CrmPreferencesWindow *preferences = crm_preferences_window_new (NULL, store);
  AdwEntryRow *code_row = find_entry_row (GTK_WIDGET (preferences), "Code, three capital letters");
  AdwEntryRow *name_row = find_entry_row (GTK_WIDGET (preferences), "Name");
  AdwEntryRow *row;

  g_assert_nonnull (code_row);
  g_assert_nonnull (name_row);
  /* One row per seeded industry, titled with its code. */
  g_assert_nonnull (find_entry_row (GTK_WIDGET (preferences), "TRA"));

  /* Adding: the code is upper-cased, the rows empty once it is in. */
  gtk_editable_set_text (GTK_EDITABLE (code_row), "edu");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "教育");
  gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.add-industry", NULL);
  g_assert_cmpstr (industry_name (store, "EDU"), ==, "教育");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "");

  /* A refused one keeps what was typed. */
  gtk_editable_set_text (GTK_EDITABLE (code_row), "EDX");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "教育");
  gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.add-industry", NULL);
  g_assert_null (industry_name (store, "EDX"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "EDX");

  /* Renaming through the new industry's row. */
  row = find_entry_row (GTK_WIDGET (preferences), "EDU");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "教育培训");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (industry_name (store, "EDU"), ==, "教育培训");

  /* A name in use is refused and the row shows the stored name again. */
  row = find_entry_row (GTK_WIDGET (preferences), "EDU");
  gtk_editable_set_text (GTK_EDITABLE (row), "贸易");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (industry_name (store, "EDU"), ==, "教育培训");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "教育培训");

  destroy_window (preferences);
  g_clear_object (&store);
  test_database_free (tdb);
}

/* A tooltip's label is as wide as its text in columns, a Chinese
 * character counting two: GTK 4.8 alone counts characters, and wraps
 * "筛选需求" after two. Long tooltips still wrap at GTK's 50. */
static void
test_cjk_tooltips (void)
{
  GtkLabel *label = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
  g_autofree char *long_text = g_strnfill (80, 'x');

  g_assert_cmpint (crm_cjk_tooltips_text_columns ("筛选需求"), ==, 8);
  g_assert_cmpint (crm_cjk_tooltips_text_columns ("Undo 撤销，"), ==, 11);
  g_assert_cmpint (crm_cjk_tooltips_text_columns (""), ==, 0);

  crm_cjk_tooltips_watch_label (label);

  /* What GTK does for a tooltip: the text, then its length. */
  gtk_label_set_text (label, "筛选需求");
  gtk_label_set_max_width_chars (label, 4);
  g_assert_cmpint (gtk_label_get_max_width_chars (label), ==, 8);

  /* In the other order, and a Latin text keeps GTK's width. */
  gtk_label_set_max_width_chars (label, 4);
  gtk_label_set_text (label, "Undo");
  g_assert_cmpint (gtk_label_get_max_width_chars (label), >=, 4);
  gtk_label_set_text (label, "撤销");
  gtk_label_set_max_width_chars (label, 2);
  g_assert_cmpint (gtk_label_get_max_width_chars (label), ==, 4);

  gtk_label_set_text (label, long_text);
  gtk_label_set_max_width_chars (label, 50);
  g_assert_cmpint (gtk_label_get_max_width_chars (label), ==, 50);

  g_object_unref (label);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/show-page", test_window_show_page);
  g_test_add_func ("/window/undo-redo", test_window_undo_redo);
  g_test_add_func ("/window/without-database", test_window_without_database);
  g_test_add_func ("/window/state", test_window_state);
  g_test_add_func ("/window/cjk-tooltips", test_cjk_tooltips);
  g_test_add_func ("/preferences/mask-switch", test_preferences_mask_switch);
  g_test_add_func ("/preferences/industries", test_preferences_industries);

  return g_test_run ();
}
