/* test-customer-editor.c — adding and editing customers, checks and drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "crm-contact-row.h"
#include "crm-customer-editor.h"
#include "crm-database.h"
#include "crm-drafts.h"
#include "crm-journal.h"

/* Long enough for a loaded machine, short enough to fail a hung test. */
#define WAIT_SECONDS 10

typedef struct
{
  char             *folder;
  CrmDatabase      *db;
  CrmJournal       *journal;
  CrmCustomerStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->folder = g_dir_make_tmp ("rapport-test-editor-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (f->folder, "rapport.db", NULL);
  f->db = crm_database_open (path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);
  f->store = crm_customer_store_new (f->journal);
}

static void
destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Whatever a test left open lets go of the store first. */
  destroy_toplevels ();
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_finalize_object (f->store);
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
}

/* Helpers ---------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so, or WAIT_SECONDS pass. */
static gboolean
wait_for (Condition done,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean result;

  while (!(result = done (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);

  return result;
}

static void
show_window (gpointer window)
{
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
activate_if_enabled (GtkWidget  *widget,
                     const char *action_name)
{
  g_autoptr(GtkShortcutAction) action = gtk_named_action_new (action_name);

  return gtk_shortcut_action_activate (action, 0, widget, NULL);
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
find_contact_rows (GtkWidget *widget,
                   GPtrArray *rows)
{
  if (CRM_IS_CONTACT_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_contact_rows (child, rows);
}

static GtkWidget *
find_save_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "editor.save") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_save_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
entry_row (GtkWidget  *editor,
           const char *title)
{
  GtkWidget *row = find_entry_row (editor, title);

  g_assert_nonnull (row);

  return row;
}

/* Types into a row the way the user does: the row's text changes. */
static void
type_text (GtkWidget  *editor,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row (editor, title)), text);
}

static const char *
row_text (GtkWidget  *editor,
          const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry_row (editor, title)));
}

static gboolean
has_message (gpointer row)
{
  return crm_field_get_message (row) != NULL;
}

static gboolean
is_finalized (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static CrmCustomerEditor *
find_editor (void)
{
  /* (transfer none) */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CRM_IS_CUSTOMER_EDITOR (window))
        return CRM_CUSTOMER_EDITOR (window);
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  /* (transfer none) */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_window_get_transient_for (GTK_WINDOW (window)) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
saved_cb (CrmCustomerEditor *editor,
          gint64             id,
          gint64            *saved_id)
{
  *saved_id = id;
}

/* Saves through the Save action, as Ctrl+S does, and waits for the editor
 * to close. Returns the id of the saved customer. */
static gint64
save_and_wait (GtkWidget *editor)
{
  gint64 saved_id = 0;
  gpointer weak = editor;

  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_id);
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);

  g_assert_true (activate_if_enabled (editor, "editor.save"));
  g_assert_true (wait_for (is_finalized, &weak));
  g_assert_cmpint (saved_id, >, 0);

  return saved_id;
}

typedef struct
{
  CrmDatabase *db;
  const char  *key;
} DraftWait;

static gboolean
has_draft (gpointer data)
{
  DraftWait *wait = data;
  g_autofree char *draft = crm_drafts_get (wait->db, wait->key);

  return draft != NULL;
}

static gint64
add_customer (Fixture    *f,
              const char *name)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "重点", "制造", NULL };
  gint64 id;

  crm_customer_set_name (customer, name);
  crm_customer_set_credit_code (customer, "91350100M000100Y43");
  crm_customer_set_annual_revenue (customer, 125000);
  crm_customer_set_employees (customer, 80);
  crm_customer_set_city (customer, "福州");
  crm_customer_set_tier (customer, CRM_TIER_A);
  crm_contact_set_name (contact, "王五");
  crm_contact_set_phone (contact, "13812345678");
  crm_contact_set_email (contact, "wangwu@example.com");
  g_ptr_array_add (contacts, g_steal_pointer (&contact));

  id = crm_customer_store_save (f->store, customer, contacts, tags, CRM_SAVE_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Tests ------------------------------------------------------------------ */

static void
test_editor_create (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  CrmContact *contact;
  gint64 id;

  editor = crm_customer_editor_new (NULL, f->store, 0);
  show_window (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Customer");

  /* An empty form cannot be saved: the name is required. */
  g_assert_false (gtk_widget_get_sensitive (find_save_button (editor)));

  type_text (editor, "Full name", "上海示例科技有限公司");
  type_text (editor, "Founded (YYYY-MM-DD)", "2015/6/30");
  type_text (editor, "Employees", "1,200");
  type_text (editor, "Annual revenue", "12.5");
  type_text (editor, "Tags, separated by commas", "重点，制造、 重点");

  g_assert_true (activate_if_enabled (editor, "editor.add-contact"));
  find_contact_rows (editor, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  type_text (rows->pdata[0], "Name", "张三");
  type_text (rows->pdata[0], "Phone", "138 1234 5678");

  g_assert_true (gtk_widget_get_sensitive (find_save_button (editor)));
  id = save_and_wait (editor);

  g_assert_cmpuint (crm_customer_store_count (f->store), ==, 1);
  customer = crm_customer_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_customer_get_name (customer), ==, "上海示例科技有限公司");
  g_assert_cmpstr (crm_customer_get_founded_on (customer), ==, "2015-06-30");
  g_assert_cmpint (crm_customer_get_employees (customer), ==, 1200);
  g_assert_cmpint (crm_customer_get_annual_revenue (customer), ==, 125000);
  g_assert_cmpint (crm_customer_get_kind (customer), ==, CRM_CUSTOMER_KIND_ENTERPRISE);
  g_assert_nonnull (crm_customer_get_tags (customer));
  g_assert_cmpuint (g_strv_length ((GStrv)crm_customer_get_tags (customer)), ==, 2);

  contacts = crm_customer_store_list_contacts (f->store, id);
  g_assert_cmpuint (contacts->len, ==, 1);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpstr (crm_contact_get_name (contact), ==, "张三");
  g_assert_cmpstr (crm_contact_get_phone (contact), ==, "13812345678");

  /* Saved: no draft is left behind. */
  {
    g_auto(GStrv) drafts = crm_drafts_list (f->db, "customer:");

    g_assert_true (drafts == NULL || drafts[0] == NULL);
  }
}

static void
test_editor_credit_code (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *editor;
  GtkWidget *code_row;
  GtkWidget *save_button;
  const char *message;

  editor = crm_customer_editor_new (NULL, f->store, 0);
  show_window (editor);
  save_button = find_save_button (editor);
  code_row = entry_row (editor, "Unified social credit code");

  type_text (editor, "Full name", "杭州示例有限公司");
  g_assert_true (gtk_widget_get_sensitive (save_button));

  /* A wrong code blocks saving at once, and says why once typing pauses. */
  type_text (editor, "Unified social credit code", "91350100M000");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_true (wait_for (has_message, code_row));
  message = crm_field_get_message (code_row);
  g_test_message ("error: %s", message);
  g_assert_nonnull (strstr (message, "Unified social credit code"));
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_false (activate_if_enabled (editor, "editor.save"));

  /* Typing again hides the message until the next pause. */
  type_text (editor, "Unified social credit code", "91350100M000100Y44");
  g_assert_null (crm_field_get_message (code_row));

  /* Only the check character is off: a warning, and saving is allowed. */
  g_assert_true (wait_for (has_message, code_row));
  g_test_message ("warning: %s", crm_field_get_message (code_row));
  g_assert_true (gtk_widget_has_css_class (code_row, "warning"));
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (save_button));

  /* An individual has no credit code: the field goes, and so does its
   * message. */
  type_text (editor, "Unified social credit code", "91350100M000");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  {
    /* The kind is the first row of the same group. */
    GtkWidget *kind = gtk_widget_get_first_child (gtk_widget_get_parent (code_row));

    g_assert_true (ADW_IS_COMBO_ROW (kind));
    adw_combo_row_set_selected (ADW_COMBO_ROW (kind), CRM_CUSTOMER_KIND_INDIVIDUAL);
  }
  g_assert_false (gtk_widget_get_visible (code_row));
  g_assert_true (gtk_widget_get_visible (entry_row (editor, "ID card number")));
  g_assert_true (gtk_widget_get_sensitive (save_button));

  /* A wrong ID number blocks saving too. */
  type_text (editor, "ID card number", "110105194912310021");
  g_assert_false (gtk_widget_get_sensitive (save_button));
}

static void
test_editor_other_checks (Fixture       *f,
                          gconstpointer  data)
{
  struct { const char *title; const char *bad; const char *good; } cases[] = {
    { "Founded (YYYY-MM-DD)", "2015-02-30", "2015年2月28日" },
    { "Employees", "about 50", "50" },
    { "Annual revenue", "12.34567", "12.3456" },
    { "Tags, separated by commas", "a tag that is much longer than thirty characters", "短标签" },
  };
  GtkWidget *editor;
  GtkWidget *save_button;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *phone;

  editor = crm_customer_editor_new (NULL, f->store, 0);
  show_window (editor);
  save_button = find_save_button (editor);
  type_text (editor, "Full name", "检查有限公司");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *row = entry_row (editor, cases[i].title);

      g_test_message ("checking %s", cases[i].title);
      type_text (editor, cases[i].title, cases[i].bad);
      g_assert_false (gtk_widget_get_sensitive (save_button));
      g_assert_true (wait_for (has_message, row));
      g_test_message ("  %s", crm_field_get_message (row));
      type_text (editor, cases[i].title, cases[i].good);
      g_assert_true (gtk_widget_get_sensitive (save_button));
    }

  /* A contact needs a name once anything of it is filled, and a phone
   * number that is one. */
  g_assert_true (activate_if_enabled (editor, "editor.add-contact"));
  g_assert_true (gtk_widget_get_sensitive (save_button));
  find_contact_rows (editor, rows);
  phone = entry_row (rows->pdata[0], "Phone");
  type_text (rows->pdata[0], "Phone", "12345");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_true (wait_for (has_message, phone));
  g_test_message ("  %s", crm_field_get_message (phone));
  type_text (rows->pdata[0], "Phone", "010-12345678");
  g_assert_false (gtk_widget_get_sensitive (save_button));
  type_text (rows->pdata[0], "Name", "赵六");
  g_assert_true (gtk_widget_get_sensitive (save_button));
}

static void
test_editor_draft (Fixture       *f,
                   gconstpointer  data)
{
  DraftWait wait = { f->db, "customer:new" };
  g_autofree char *draft = NULL;
  GtkWidget *editor;

  editor = crm_customer_editor_new (NULL, f->store, 0);
  show_window (editor);
  g_assert_false (has_draft (&wait));

  type_text (editor, "Full name", "草稿测试有限公司");
  type_text (editor, "Unified social credit code", "not a code yet");
  g_assert_true (crm_customer_editor_get_dirty (CRM_CUSTOMER_EDITOR (editor)));
  g_assert_true (wait_for (has_draft, &wait));

  /* The draft keeps the input as typed, checks or not. */
  draft = crm_drafts_get (f->db, "customer:new");
  g_assert_nonnull (strstr (draft, "草稿测试有限公司"));
  g_assert_nonnull (strstr (draft, "not a code yet"));

  /* A second new customer gets a draft of its own. */
  {
    GtkWidget *other = crm_customer_editor_new (NULL, f->store, 0);
    DraftWait other_wait = { f->db, "customer:new-2" };

    g_assert_true (other != editor);
    type_text (other, "Full name", "另一家公司");
    g_assert_true (wait_for (has_draft, &other_wait));
    gtk_window_destroy (GTK_WINDOW (other));
  }

  type_text (editor, "Unified social credit code", "");
  save_and_wait (editor);
  g_assert_false (has_draft (&wait));
}

static void
test_editor_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  CrmCustomerEditor *editor;
  gpointer weak;
  gint64 id;
  g_autofree char *key = NULL;

  /* As a crash leaves them: one new customer, one edit of a saved one. */
  id = add_customer (f, "福州示例有限公司");
  key = g_strdup_printf ("customer:%" G_GINT64_FORMAT, id);
  crm_drafts_set (f->db, "customer:new",
                  "{'version': <1>, 'name': <'恢复测试公司'>, 'credit-code': <'9135'>,"
                  " 'contacts': <[{'name': <'李四'>, 'phone': <'13900001111'>}]>}",
                  &error);
  g_assert_no_error (error);
  crm_drafts_set (f->db, key, "{'name': <'福州示例（改名）有限公司'>}", &error);
  g_assert_no_error (error);
  /* Unreadable: left alone. */
  crm_drafts_set (f->db, "customer:junk", "{'name': <'unterminated", &error);
  g_assert_no_error (error);

  /* The unreadable draft is warned about. g_test_expect_message() does not
   * see structured log messages in GLib 2.74, so let the warning through. */
  {
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

    crm_customer_editor_restore_drafts (NULL, f->store);
    g_log_set_always_fatal (fatal);
  }

  /* The edit of the saved customer. */
  {
    /* (transfer none) */
  GListModel *toplevels = gtk_window_get_toplevels ();
    guint n_editors = 0;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (CRM_IS_CUSTOMER_EDITOR (window))
          n_editors++;
      }
    g_assert_cmpuint (n_editors, ==, 2);
  }

  editor = CRM_CUSTOMER_EDITOR (crm_customer_editor_new (NULL, f->store, id));
  g_assert_true (crm_customer_editor_get_dirty (editor));
  g_assert_cmpint (crm_customer_editor_get_customer_id (editor), ==, id);
  g_assert_cmpstr (row_text (GTK_WIDGET (editor), "Full name"), ==, "福州示例（改名）有限公司");
  /* Discarding drops the draft and closes. */
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  g_assert_true (activate_if_enabled (GTK_WIDGET (editor), "editor.discard-draft"));
  g_assert_true (wait_for (is_finalized, &weak));
  g_assert_null (crm_drafts_get (f->db, key));

  /* The new one, with its invalid input shown at once. */
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (crm_customer_editor_get_customer_id (editor), ==, 0);
  g_assert_cmpstr (row_text (GTK_WIDGET (editor), "Full name"), ==, "恢复测试公司");
  g_assert_nonnull (crm_field_get_message (entry_row (GTK_WIDGET (editor), "Unified social credit code")));
  find_contact_rows (GTK_WIDGET (editor), rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_text (rows->pdata[0], "Name"), ==, "李四");
  g_assert_cmpstr (row_text (rows->pdata[0], "Phone"), ==, "13900001111");

  show_window (editor);
  type_text (GTK_WIDGET (editor), "Unified social credit code", "");
  id = save_and_wait (GTK_WIDGET (editor));
  g_assert_cmpuint (crm_customer_store_count (f->store), ==, 2);
  g_assert_null (crm_drafts_get (f->db, "customer:new"));
  g_assert_nonnull (crm_drafts_get (f->db, "customer:junk"));
}

static void
test_editor_existing (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  gpointer weak;
  gint64 id;

  id = add_customer (f, "厦门示例有限公司");
  before = crm_customer_store_list_contacts (f->store, id);

  editor = crm_customer_editor_new (NULL, f->store, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Customer");
  g_assert_true (crm_customer_editor_new (NULL, f->store, id) == editor);
  show_window (editor);

  g_assert_cmpstr (row_text (editor, "Full name"), ==, "厦门示例有限公司");
  g_assert_cmpstr (row_text (editor, "Unified social credit code"), ==, "91350100M000100Y43");
  g_assert_cmpstr (row_text (editor, "Annual revenue"), ==, "12.5");
  g_assert_cmpstr (row_text (editor, "Employees"), ==, "80");
  g_assert_cmpstr (row_text (editor, "City"), ==, "福州");
  g_assert_nonnull (strstr (row_text (editor, "Tags, separated by commas"), "重点"));
  find_contact_rows (editor, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_text (rows->pdata[0], "Name"), ==, "王五");
  g_assert_cmpstr (row_text (rows->pdata[0], "E-mail"), ==, "wangwu@example.com");
  g_assert_false (crm_customer_editor_get_dirty (CRM_CUSTOMER_EDITOR (editor)));

  /* Unchanged: closing asks nothing. */
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (wait_for (is_finalized, &weak));

  /* Changed: closing asks, and Cancel keeps the editor. */
  editor = crm_customer_editor_new (NULL, f->store, id);
  show_window (editor);
  type_text (editor, "City", "厦门");
  g_assert_true (crm_customer_editor_get_dirty (CRM_CUSTOMER_EDITOR (editor)));
  gtk_window_close (GTK_WINDOW (editor));
  {
    AdwMessageDialog *dialog = find_message_dialog (GTK_WINDOW (editor));

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
    g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_true (gtk_widget_get_visible (editor));

  /* Typing back what was loaded makes it clean again. */
  type_text (editor, "City", "福州");
  g_assert_false (crm_customer_editor_get_dirty (CRM_CUSTOMER_EDITOR (editor)));

  type_text (editor, "City", "厦门");
  type_text (editor, "Annual revenue", "0.0001");
  g_assert_cmpint (save_and_wait (editor), ==, id);

  customer = crm_customer_store_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_customer_get_city (customer), ==, "厦门");
  g_assert_cmpint (crm_customer_get_annual_revenue (customer), ==, 1);
  g_assert_cmpint (crm_customer_get_tier (customer), ==, CRM_TIER_A);
  g_assert_cmpuint (g_strv_length ((GStrv)crm_customer_get_tags (customer)), ==, 2);

  /* The contact is the same record, not a new one. */
  after = crm_customer_store_list_contacts (f->store, id);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (crm_contact_get_id (after->pdata[0]), ==, crm_contact_get_id (before->pdata[0]));
}

static void
test_editor_duplicate (Fixture       *f,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *editor;
  gint64 saved_id = 0;

  add_customer (f, "北京示例有限公司");

  editor = crm_customer_editor_new (NULL, f->store, 0);
  show_window (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_id);
  type_text (editor, "Full name", "北京 示例有限公司");

  /* Refused until the user says "Save Anyway". */
  g_assert_true (activate_if_enabled (editor, "editor.save"));
  g_assert_cmpuint (crm_customer_store_count (f->store), ==, 1);
  dialog = find_message_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "北京示例有限公司"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-anyway"));

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (crm_customer_store_count (f->store), ==, 1);
  g_assert_cmpstr (row_text (editor, "Full name"), ==, "北京 示例有限公司");

  g_assert_true (activate_if_enabled (editor, "editor.save"));
  dialog = find_message_dialog (GTK_WINDOW (editor));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save-anyway");
  g_assert_cmpint (saved_id, >, 0);
  g_assert_cmpuint (crm_customer_store_count (f->store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/customer-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_editor_create);
  ADD ("credit-code", test_editor_credit_code);
  ADD ("other-checks", test_editor_other_checks);
  ADD ("draft", test_editor_draft);
  ADD ("restore", test_editor_restore);
  ADD ("existing", test_editor_existing);
  ADD ("duplicate", test_editor_duplicate);

#undef ADD

  return g_test_run ();
}
