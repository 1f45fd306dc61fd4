/* test-follow-ups.c — the timeline, the follow-up form, the agenda, the
 * re-grade dialog, the cadence preferences and the key follow-up mark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "crm-agenda-item.h"
#include "crm-agenda-view.h"
#include "crm-cadence.h"
#include "crm-customer-detail.h"
#include "crm-customers-page.h"
#include "crm-follow-up-dialog.h"
#include "crm-follow-up-plan.h"
#include "crm-follow-up-store.h"
#include "crm-key-follow-up.h"
#include "crm-regrade-dialog.h"
#include "crm-regrade-proposal.h"
#include "crm-tier-rules.h"
#include "crm-timeline-view.h"
#include "crm-upkeep-preferences.h"
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
  gint64            acme;
  gint64            shanghai;
} Fixture;

/* Helpers ---------------------------------------------------------------- */

static void
show_window (Fixture *f)
{
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* The open dialog of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gint64
add_customer (Fixture    *f,
              const char *name,
              CrmTier     tier)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  crm_customer_set_name (customer, name);
  crm_customer_set_tier (customer, tier);
  crm_customer_set_owner (customer, "王芳");
  id = crm_customer_store_save (f->store, customer, NULL, NULL, CRM_SAVE_ALLOW_DUPLICATE, NULL, &error);
  g_assert_no_error (error);

  return id;
}

static char *
utc_hours_from_now (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, hours);

  return crm_time_format_utc (then);
}

static void
log_follow_up (Fixture    *f,
               gint64      customer_id,
               int         hours_ago,
               const char *next_action,
               int         due_hours_from_now)
{
  g_autoptr(CrmFollowUpStore) store = crm_follow_up_store_new (f->store);
  g_autoptr(CrmFollowUp) follow_up = crm_follow_up_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *when = utc_hours_from_now (-hours_ago);
  g_autofree char *due = next_action != NULL ? utc_hours_from_now (due_hours_from_now) : NULL;

  crm_follow_up_set_customer_id (follow_up, customer_id);
  crm_follow_up_set_happened_at (follow_up, when);
  crm_follow_up_set_owner (follow_up, "王芳");
  crm_follow_up_set_channel (follow_up, "phone");
  crm_follow_up_set_content (follow_up, "电话沟通续约");
  crm_follow_up_set_feedback (follow_up, "pending");
  crm_follow_up_set_next_action (follow_up, next_action);
  crm_follow_up_set_next_action_due (follow_up, due);
  g_assert_cmpint (crm_follow_up_store_add (store, follow_up, &error), >, 0);
  g_assert_no_error (error);
}

/* Fixture ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->folder = g_dir_make_tmp ("rapport-test-follow-ups-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (f->folder, "rapport.db", NULL);
  f->db = crm_database_open (path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);

  f->window = crm_window_new (NULL, f->db, f->journal);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->page = CRM_CUSTOMERS_PAGE (find_by_type (GTK_WIDGET (f->window), CRM_TYPE_CUSTOMERS_PAGE));
  f->store = crm_window_get_customer_store (f->window);

  f->acme = add_customer (f, "Acme Trading", CRM_TIER_S);
  f->shanghai = add_customer (f, "上海贸易有限公司", CRM_TIER_B);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  const char *name;

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (toplevel != GTK_WINDOW (f->window))
        gtk_window_destroy (toplevel);
    }
  iterate ();

  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);

  dir = g_dir_open (f->folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->folder, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->folder), ==, 0);
  g_free (f->folder);
}

static CrmTimelineView *
timeline_view (Fixture *f)
{
  gpointer detail = template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "detail");

  return template_child (detail, CRM_TYPE_CUSTOMER_DETAIL, "timeline_view");
}

/* Tests ------------------------------------------------------------------ */

static void
test_timeline_pages (Fixture       *f,
                     gconstpointer  data)
{
  CrmTimelineView *view;
  GListModel *model;

  for (int i = 0; i < 45; i++)
    log_follow_up (f, f->acme, 24 * (i + 1), NULL, 0);

  show_window (f);
  g_assert_true (crm_customers_page_select_customer (f->page, f->acme));
  iterate ();

  view = timeline_view (f);
  model = crm_timeline_view_get_model (view);
  g_assert_cmpint (crm_timeline_view_get_customer_id (view), ==, f->acme);
  /* A page of rows, the newest first; more on request. */
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 20);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "电话沟通续约"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-more", NULL));
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 40);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.show-more", NULL));
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 45);
  iterate ();
  g_assert_false (gtk_widget_get_visible (template_child (view, CRM_TYPE_TIMELINE_VIEW, "more_button")));

  /* Another customer starts empty. */
  g_assert_true (crm_customers_page_select_customer (f->page, f->shanghai));
  iterate ();
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (gtk_widget_get_visible (template_child (view, CRM_TYPE_TIMELINE_VIEW, "empty_label")));
}

static void
test_log_from_detail (Fixture       *f,
                      gconstpointer  data)
{
  CrmTimelineView *view;
  GtkWindow *dialog;
  GtkTextView *content;
  GtkRevealer *error_revealer;
  g_autoptr(CrmCustomer) customer = NULL;

  show_window (f);
  g_assert_true (crm_customers_page_select_customer (f->page, f->shanghai));
  iterate ();
  view = timeline_view (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.log-follow-up", NULL));
  iterate ();
  dialog = find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG);
  g_assert_nonnull (dialog);

  /* Prefilled with now and the customer's owner. */
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "owner_row")), ==, "王芳");
  g_assert_cmpint (strlen (gtk_editable_get_text (template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "when_row"))), ==, 16);

  /* Saving without content names the field and keeps the dialog open. */
  gtk_editable_set_text (template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "next_action_row"), "寄送样品");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-up.save", NULL));
  error_revealer = template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "error_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (error_revealer));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "error_label")),
                                   "Content:"));
  g_assert_true (find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG) == dialog);

  /* A bad due date is refused too, and what was typed stays. */
  content = template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "content_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (content), "上门拜访，客户关注交期", -1);
  gtk_editable_set_text (template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "next_due_row"), "2026-02-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-up.save", NULL));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "error_label")),
                                   "Next action due:"));
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "next_action_row")), ==, "寄送样品");

  gtk_editable_set_text (template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "next_due_row"), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-up.save", NULL));
  iterate ();
  g_assert_null (find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG));

  g_assert_cmpint (g_list_model_get_n_items (crm_timeline_view_get_model (view)), ==, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "上门拜访，客户关注交期"));
  customer = crm_customer_store_get (f->store, f->shanghai, NULL);
  g_assert_nonnull (crm_customer_get_last_contact_at (customer));
  g_assert_true (crm_journal_can_undo (f->journal));
}

static gboolean
agenda_has (CrmAgendaView *agenda,
            gint64         customer_id)
{
  GListModel *model = crm_agenda_view_get_model (agenda);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmAgendaItem) item = g_list_model_get_item (model, i);

      if (crm_agenda_item_get_customer_id (item) == customer_id)
        return TRUE;
    }

  return FALSE;
}

static void
test_agenda_done_opens_form (Fixture       *f,
                             gconstpointer  data)
{
  CrmAgendaView *agenda = template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "agenda_view");
  GtkToggleButton *toggle = template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "agenda_button");
  GtkToggleButton *today = template_child (agenda, CRM_TYPE_AGENDA_VIEW, "today_button");
  GtkWindow *dialog;
  GtkTextView *content;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  GtkLabel *overdue;
  GtkWidget *done = NULL;

  /* Acme's next action was due an hour ago. */
  log_follow_up (f, f->acme, 3, "发送报价单", -1);

  show_window (f);
  /* Hidden, the agenda has read nothing and made no rows: both come
   * when it first shows. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (agenda)));
  g_assert_false (agenda_has (agenda, f->acme));
  g_assert_null (gtk_widget_get_first_child (template_child (agenda, CRM_TYPE_AGENDA_VIEW, "list_view")));

  gtk_toggle_button_set_active (toggle, TRUE);
  gtk_toggle_button_set_active (today, TRUE);
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (agenda)));
  g_assert_false (gtk_widget_get_visible (template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "list_stack")));
  g_assert_true (agenda_has (agenda, f->acme));
  /* New prospects are due 24 hours after creation: not today. */
  g_assert_false (agenda_has (agenda, f->shanghai));

  overdue = find_label (GTK_WIDGET (agenda), "Overdue since");
  g_assert_nonnull (overdue);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (overdue), "overdue"));
  g_assert_nonnull (find_label (GTK_WIDGET (agenda), "王芳"));

  /* The row's check button opens the form with the planned action. */
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (overdue)); w != NULL && done == NULL;
       w = gtk_widget_get_parent (w))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *found = find_by_type (child, GTK_TYPE_BUTTON);

          if (found != NULL)
            {
              done = found;
              break;
            }
        }
    }
  g_assert_nonnull (done);
  g_signal_emit_by_name (done, "clicked");
  iterate ();
  dialog = find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG);
  g_assert_nonnull (dialog);
  content = template_child (dialog, CRM_TYPE_FOLLOW_UP_DIALOG, "content_view");
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (content), &start, &end);
  text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (content), &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "发送报价单");

  /* Saving it is marking it done: Acme leaves today's agenda. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-up.save", NULL));
  iterate ();
  g_assert_null (find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG));
  g_assert_false (agenda_has (agenda, f->acme));

  /* Picking a row of the agenda shows the customer. */
  gtk_toggle_button_set_active (template_child (agenda, CRM_TYPE_AGENDA_VIEW, "week_button"), TRUE);
  iterate ();
  g_signal_emit_by_name (agenda, "customer-activated", f->shanghai);
  g_assert_cmpint (crm_customers_page_get_selected_id (f->page), ==, f->shanghai);
}

/* The row of @list_view (its direct child) that holds @widget. */
static GtkWidget *
row_of (GtkWidget *list_view,
        GtkWidget *widget)
{
  while (widget != NULL && gtk_widget_get_parent (widget) != list_view)
    widget = gtk_widget_get_parent (widget);

  return widget;
}

/* Whether the row showing @text gets the focus once the list has laid
 * out a change: waits frame by frame, as a busy machine may take more
 * frames than a quiet one, and says where the focus is if it never comes. */
static gboolean
row_gets_focus (GtkWidget  *list_view,
                const char *text)
{
  for (int frame = 0; frame < 60; frame++)
    {
      GtkLabel *label = find_label (list_view, text);

      if (label != NULL && is_focus_widget (row_of (list_view, GTK_WIDGET (label))))
        return TRUE;
      wait_frames (list_view, 1);
    }

  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list_view));

    g_test_message ("the focus is on %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  }

  return FALSE;
}

static void
test_agenda_keeps_place (Fixture       *f,
                         gconstpointer  data)
{
  CrmAgendaView *agenda = template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "agenda_view");
  GtkWidget *list_view = template_child (agenda, CRM_TYPE_AGENDA_VIEW, "list_view");
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  gint64 ids[80];
  GtkLabel *label;
  GtkWidget *row;
  double scrolled;

  /* 80 customers due today, an hour apart and overdue: 客户 00 first. */
  for (int i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("客户 %02d", i);

      ids[i] = add_customer (f, name, CRM_TIER_B);
      log_follow_up (f, ids[i], 200, "回访", -(80 - i));
    }

  show_window (f);
  gtk_toggle_button_set_active (template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "agenda_button"), TRUE);
  gtk_toggle_button_set_active (template_child (agenda, CRM_TYPE_AGENDA_VIEW, "today_button"), TRUE);
  wait_frames (list_view, 2);
  g_assert_cmpint (g_list_model_get_n_items (crm_agenda_view_get_model (agenda)), ==, 80);

  /* A change just before the agenda is put away leaves nothing pending. */
  log_follow_up (f, ids[20], 150, "回访", -90);
  gtk_toggle_button_set_active (template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "agenda_button"), FALSE);
  iterate ();
  gtk_toggle_button_set_active (template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "agenda_button"), TRUE);
  wait_frames (list_view, 2);

  /* Scroll well down and put the focus on a row in view. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  wait_frames (list_view, 2);
  scrolled = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (scrolled, >, 0);
  label = find_label (list_view, "客户 45");
  g_assert_nonnull (label);
  row = row_of (list_view, GTK_WIDGET (label));
  g_assert_true (gtk_widget_grab_focus (row));

  /* Another customer's follow-up is logged and stays due today: the list
   * is read again, and neither the scroll offset nor the focus move. */
  log_follow_up (f, ids[10], 150, "再次回访", -100);
  wait_frames (list_view, 5);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), scrolled, 1);
  g_assert_true (row_gets_focus (list_view, "客户 45"));

  /* The focused customer's own follow-up moves it out of today: the focus
   * goes to the row that took its place, and the list stays where it was.
   * Its row goes with the focus, and GTK may hand the focus to the
   * window's first widget before the agenda takes it back (seen with a
   * busy window manager); that is done here by hand. */
  log_follow_up (f, ids[45], 1, "下周回访", 24 * 8);
  gtk_widget_grab_focus (template_child (agenda, CRM_TYPE_AGENDA_VIEW, "week_button"));
  wait_frames (list_view, 5);
  g_assert_false (agenda_has (agenda, ids[45]));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), scrolled, 1);
  g_assert_true (row_gets_focus (list_view, "客户 46"));

  /* Focus put elsewhere right after a change stays there. */
  log_follow_up (f, ids[30], 150, "回访", -80);
  g_assert_true (gtk_widget_grab_focus (template_child (agenda, CRM_TYPE_AGENDA_VIEW, "week_button")));
  wait_frames (list_view, 5);
  g_assert_true (is_focus_widget (template_child (agenda, CRM_TYPE_AGENDA_VIEW, "week_button")));
}

static void
test_regrade_dialog (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CrmCooperation) record = crm_cooperation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(CrmCustomer) acme = NULL;
  g_autoptr(CrmCustomer) shanghai = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *label = NULL;
  CrmRegradeDialog *dialog;
  GListModel *proposals;
  gint64 deadline;

  /* Acme bought 12.5万 this year: S → B. 上海 nothing: B → C. */
  crm_cooperation_set_customer_id (record, f->acme);
  crm_cooperation_set_product (record, "年度服务");
  crm_cooperation_set_started_on (record, today);
  crm_cooperation_set_amount (record, 125000);
  crm_customer_store_add_cooperation (f->store, record, &error);
  g_assert_no_error (error);

  show_window (f);
  dialog = crm_regrade_dialog_new (GTK_WINDOW (f->window), f->store);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The quarter that ends today or later is the one to grade. */
  {
    GDate date;
    g_autofree char *quarter = NULL;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
    quarter = crm_quarter_for_date (&date);
    crm_regrade_dialog_propose (dialog, quarter);
  }

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (crm_regrade_dialog_get_proposals (dialog) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  proposals = crm_regrade_dialog_get_proposals (dialog);
  g_assert_nonnull (proposals);
  g_assert_cmpint (g_list_model_get_n_items (proposals), ==, 2);
  iterate ();
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "S → B · 12.5万"));

  /* 上海's downgrade is not accepted. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrmRegradeProposal) p = g_list_model_get_item (proposals, i);

      if (crm_regrade_proposal_get_customer_id (p) == f->shanghai)
        crm_regrade_proposal_set_accepted (p, FALSE);
    }

  /* No reason, no change. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "regrade.apply", NULL));
  g_assert_true (gtk_widget_get_visible (template_child (dialog, CRM_TYPE_REGRADE_DIALOG, "error_label")));

  gtk_editable_set_text (template_child (dialog, CRM_TYPE_REGRADE_DIALOG, "reason_row"), "季度复评");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "regrade.apply", NULL));
  iterate ();
  g_assert_null (find_toplevel (CRM_TYPE_REGRADE_DIALOG));

  acme = crm_customer_store_get (f->store, f->acme, NULL);
  shanghai = crm_customer_store_get (f->store, f->shanghai, NULL);
  g_assert_cmpint (crm_customer_get_tier (acme), ==, CRM_TIER_B);
  g_assert_cmpint (crm_customer_get_tier (shanghai), ==, CRM_TIER_B);
  label = crm_journal_dup_undo_label (f->journal);
  g_assert_cmpstr (label, ==, "Re-grade customers");
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *window = adw_preferences_window_new ();
  CrmUpkeepPreferences *page = CRM_UPKEEP_PREFERENCES (crm_upkeep_preferences_new (f->store));
  g_autoptr(GError) error = NULL;
  CrmCadence cadence;
  CrmTierRules rules;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  crm_upkeep_preferences_set_value (page, "cadence-b", 10);
  crm_upkeep_preferences_set_value (page, "tier-s-spend", 80);
  g_assert_true (crm_upkeep_preferences_apply (page, &error));
  g_assert_no_error (error);
  crm_upkeep_rules_load (f->db, &cadence, &rules);
  g_assert_cmpint (cadence.interval_days[CRM_TIER_B], ==, 10);
  g_assert_cmpint (rules.s_min_spend, ==, 800000);

  /* B above A is refused, and the form keeps it. */
  crm_upkeep_preferences_set_value (page, "tier-b-spend", 60);
  g_assert_false (crm_upkeep_preferences_apply (page, &error));
  g_assert_nonnull (strstr (error->message, "Tier rules"));
  crm_upkeep_rules_load (f->db, NULL, &rules);
  g_assert_cmpint (rules.b_min_spend, ==, 50000);

  /* An undo in the main window shows the old values again. */
  g_free (crm_journal_undo (f->journal, NULL));
  crm_upkeep_rules_load (f->db, &cadence, NULL);
  g_assert_cmpint (cadence.interval_days[CRM_TIER_B], ==, 30);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_key_flag_in_list_and_detail (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmTimelineView *view;

  show_window (f);
  g_assert_true (crm_key_follow_up_mark (f->store, f->shanghai, "满意度 2 分", &error));
  g_assert_no_error (error);
  iterate ();

  /* The list marks the name. */
  g_assert_nonnull (find_text_cell (GTK_WIDGET (f->page), "⚑ 上海贸易有限公司"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_text_cell (GTK_WIDGET (f->page), "⚑ 上海贸易有限公司")),
                                           "key-follow-up"));
  g_assert_null (find_text_cell (GTK_WIDGET (f->page), "⚑ Acme"));

  /* The detail says why and offers to clear it. */
  g_assert_true (crm_customers_page_select_customer (f->page, f->shanghai));
  iterate ();
  view = timeline_view (f);
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (view, CRM_TYPE_TIMELINE_VIEW, "key_row")), ==,
                   "满意度 2 分");
  g_assert_cmpstr (gtk_actionable_get_action_name (template_child (view, CRM_TYPE_TIMELINE_VIEW, "key_button")), ==,
                   "timeline.clear-flag");
  g_assert_true (gtk_widget_get_visible (template_child (template_child (f->page, CRM_TYPE_CUSTOMERS_PAGE, "detail"),
                                                        CRM_TYPE_CUSTOMER_DETAIL, "key_label")));

  g_assert_true (crm_key_follow_up_clear (f->store, f->shanghai, "已解决", &error));
  iterate ();
  g_assert_null (find_text_cell (GTK_WIDGET (f->page), "⚑ 上海贸易有限公司"));
  /* The name loses the mark's colour with the flag. */
  g_assert_nonnull (find_text_cell (GTK_WIDGET (f->page), "上海贸易有限公司"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_text_cell (GTK_WIDGET (f->page), "上海贸易有限公司")),
                                            "key-follow-up"));
  g_assert_cmpstr (gtk_actionable_get_action_name (template_child (view, CRM_TYPE_TIMELINE_VIEW, "key_button")), ==,
                   "timeline.flag");
}

/* Collects the mnemonic keys of the visible labels under @widget; fails
 * when two share one, as only the first could be reached with Alt. */
static void
check_mnemonics (GtkWidget  *widget,
                 GHashTable *seen)
{
  /* A message dialog keeps a second, unmapped row of its buttons. */
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *other;

      if (key != GDK_KEY_VoidSymbol)
        {
          other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));
          if (other != NULL)
            g_error ("“%s” and “%s” share a mnemonic", other, gtk_label_get_label (GTK_LABEL (widget)));
          g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer)gtk_label_get_label (GTK_LABEL (widget)));
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    check_mnemonics (child, seen);
}

static void
assert_mnemonics_unique (GtkWindow *window)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  check_mnemonics (GTK_WIDGET (window), seen);
  g_assert_cmpint (g_hash_table_size (seen), >, 0);
}

static void
test_dialog_mnemonics (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmTimelineView *view;
  GtkWindow *dialog;

  show_window (f);

  dialog = GTK_WINDOW (crm_regrade_dialog_new (GTK_WINDOW (f->window), f->store));
  gtk_window_present (dialog);
  iterate ();
  assert_mnemonics_unique (dialog);
  gtk_window_destroy (dialog);

  /* The reason asked when a flag is cleared. */
  g_assert_true (crm_key_follow_up_mark (f->store, f->acme, "投诉未解决", &error));
  g_assert_no_error (error);
  g_assert_true (crm_customers_page_select_customer (f->page, f->acme));
  iterate ();
  /* The window itself: the list, the detail and its timeline. */
  assert_mnemonics_unique (GTK_WINDOW (f->window));
  view = timeline_view (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.clear-flag", NULL));
  iterate ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  assert_mnemonics_unique (dialog);
  gtk_window_destroy (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.log-follow-up", NULL));
  iterate ();
  dialog = find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG);
  g_assert_nonnull (dialog);
  assert_mnemonics_unique (dialog);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/follow-ups/timeline-pages", test_timeline_pages);
  ADD ("/follow-ups/log-from-detail", test_log_from_detail);
  ADD ("/follow-ups/agenda-done-opens-form", test_agenda_done_opens_form);
  ADD ("/follow-ups/agenda-keeps-place", test_agenda_keeps_place);
  ADD ("/follow-ups/regrade-dialog", test_regrade_dialog);
  ADD ("/follow-ups/preferences", test_preferences);
  ADD ("/follow-ups/key-flag-in-list-and-detail", test_key_flag_in_list_and_detail);
  ADD ("/follow-ups/dialog-mnemonics", test_dialog_mnemonics);
#undef ADD

  return g_test_run ();
}
