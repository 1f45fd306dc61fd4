/* crm-window.c — the main window of Rapport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-customers-page.h"
#include "crm-key-follow-up.h"
#include "crm-priorities-page.h"
#include "crm-requirement-board.h"
#include "crm-questionnaires-page.h"
#include "crm-reports-page.h"
#include "crm-window.h"

struct _CrmWindow
{
  AdwApplicationWindow  parent_instance;

  CrmDatabase          *database;
  CrmJournal           *journal;
  CrmCustomerStore     *customer_store;
  CrmRequirementStore  *requirement_store;
  GSignalGroup         *journal_signals;
  GSettings            *settings;

  /* The toast of the last undo or redo. A new undo replaces it instead of
   * queueing behind it, so pressing Ctrl+Z five times does not leave five
   * toasts to wait through. Weak: the toast overlay owns the toast. */
  AdwToast             *undo_toast;

  /* The check for requirements gone overdue, which waits for the first
   * frame (see crm_window_schedule_overdue_check ()). */
  guint                 overdue_tick;
  guint                 overdue_idle;
  GCancellable         *overdue_cancellable;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  CrmCustomersPage     *customers_page;
  CrmRequirementBoard  *requirement_board;
  CrmQuestionnairesPage *questionnaires_page;
  CrmReportsPage       *reports_page;
  CrmPrioritiesPage    *priorities_page;
};

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the view switcher, which is also the order of the Alt+1 to
 * Alt+5 shortcuts. The GSettings key last-page lists the same names. */
static const char * const page_names[] = {
  "customers",
  "requirements",
  "priorities",
  "questionnaires",
  "reports",
  NULL
};

static void
crm_window_update_undo_actions (CrmWindow *self)
{
  gboolean can_undo = FALSE;
  gboolean can_redo = FALSE;

  if (self->journal != NULL)
    {
      can_undo = crm_journal_can_undo (self->journal);
      can_redo = crm_journal_can_redo (self->journal);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
}

static void
crm_window_journal_notify_cb (CrmWindow  *self,
                              GParamSpec *pspec,
                              CrmJournal *journal)
{
  crm_window_update_undo_actions (self);
}

static void
crm_window_undo_toast_dismissed_cb (CrmWindow *self,
                                    AdwToast  *toast)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

static void
crm_window_dismiss_undo_toast (CrmWindow *self)
{
  AdwToast *toast = g_steal_pointer (&self->undo_toast);

  if (toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *)&self->undo_toast);
      adw_toast_dismiss (toast);
    }
}

/* Takes ownership of @title, which must already be escaped markup: toast
 * titles are Pango markup in libadwaita 1.2, and action labels and error
 * messages may contain "&" or "<". */
static void
crm_window_show_undo_toast (CrmWindow  *self,
                            char       *title,
                            const char *button_label,
                            const char *action_name)
{
  g_autofree char *owned_title = title;
  AdwToast *toast;

  toast = adw_toast_new (owned_title);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);

  crm_window_add_undo_toast (self, toast);
}

static void
crm_window_show_error_toast (CrmWindow    *self,
                             const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast;

  crm_window_dismiss_undo_toast (self);

  toast = adw_toast_new (escaped);
  /* An error must not wait behind an older toast: the user just acted and
   * needs to know that nothing happened. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
crm_window_undo_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;

  if (self->journal == NULL)
    return;

  label = crm_journal_undo (self->journal, &error);

  if (label == NULL)
    {
      crm_window_show_error_toast (self, error);
      return;
    }

  escaped = g_markup_escape_text (label, -1);
  crm_window_show_undo_toast (self,
                              /* Translators: %s is what was undone, such as “Add customer”. */
                              g_strdup_printf (_("Undone: %s"), escaped),
                              _("Redo"),
                              "win.redo");
}

static void
crm_window_redo_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;

  if (self->journal == NULL)
    return;

  label = crm_journal_redo (self->journal, &error);

  if (label == NULL)
    {
      crm_window_show_error_toast (self, error);
      return;
    }

  escaped = g_markup_escape_text (label, -1);
  crm_window_show_undo_toast (self,
                              /* Translators: %s is what was done again, such as “Add customer”. */
                              g_strdup_printf (_("Redone: %s"), escaped),
                              _("Undo"),
                              "win.undo");
}

static void
crm_window_new_customer_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);

  if (self->customer_store == NULL)
    return;

  /* Ctrl+N works from every page: the new customer then shows where it
   * will be listed. */
  adw_view_stack_set_visible_child_name (self->view_stack, "customers");
  gtk_widget_activate_action (GTK_WIDGET (self->customers_page), "customers.new", NULL);
}

static void
crm_window_fill_questionnaire_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "questionnaires");
  crm_questionnaires_page_fill_for_customer (self->questionnaires_page, g_variant_get_int64 (param));
}

static void
crm_window_show_page_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  /* AdwViewStack ignores an unknown name with a warning of its own that
   * does not say who asked; name the action instead. */
  if (!g_strv_contains (page_names, name))
    {
      g_warning ("win.show-page: there is no page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
crm_window_restore_state (CrmWindow *self)
{
  g_autofree char *last_page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (self->settings, "last-page");
  if (g_strv_contains (page_names, last_page))
    adw_view_stack_set_visible_child_name (self->view_stack, last_page);
}

static void
crm_window_save_state (CrmWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  const char *page = crm_window_get_visible_page (self);

  /* Written in one go, so a reader never sees a width from this session
   * with a height from the last one. */
  g_settings_delay (self->settings);

  /* The default size follows the user's resizing while the window is not
   * maximized; a maximized window keeps the size it goes back to. */
  if (!maximized)
    {
      int width = 0;
      int height = 0;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  if (page != NULL)
    g_settings_set_string (self->settings, "last-page", page);

  g_settings_apply (self->settings);
}

static gboolean
crm_window_close_request (GtkWindow *window)
{
  CrmWindow *self = CRM_WINDOW (window);

  /* Saved here rather than on every resize: a drag would otherwise write
   * the settings dozens of times a second. */
  crm_window_save_state (self);

  if (GTK_WINDOW_CLASS (crm_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (crm_window_parent_class)->close_request (window);

  return FALSE;
}

static void
crm_window_set_database_internal (CrmWindow   *self,
                                  CrmDatabase *db)
{
  if (!g_set_object (&self->database, db))
    return;

  /* Without a database the pages have nothing to show or edit, but the
   * menu stays usable: preferences, shortcuts, about and quit. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), db != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

static void
crm_window_flag_overdue_cb (GObject      *source_object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!crm_key_follow_up_flag_overdue_finish (result, &error) &&
      error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not flag customers with overdue requirements: %s", error->message);
}

static gboolean
crm_window_overdue_idle_cb (gpointer data)
{
  CrmWindow *self = data;

  self->overdue_idle = 0;
  if (self->customer_store != NULL)
    {
      self->overdue_cancellable = g_cancellable_new ();
      crm_key_follow_up_flag_overdue_async (self->customer_store, self->overdue_cancellable,
                                            crm_window_flag_overdue_cb, NULL);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
crm_window_overdue_tick_cb (GtkWidget     *widget,
                            GdkFrameClock *frame_clock,
                            gpointer       data)
{
  CrmWindow *self = CRM_WINDOW (widget);

  /* This frame is painted before the main loop gets to the idle. */
  self->overdue_tick = 0;
  self->overdue_idle = g_idle_add (crm_window_overdue_idle_cb, self);

  return G_SOURCE_REMOVE;
}

static void
crm_window_cancel_overdue_check (CrmWindow *self)
{
  if (self->overdue_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->overdue_tick);
  self->overdue_tick = 0;
  g_clear_handle_id (&self->overdue_idle, g_source_remove);
  g_cancellable_cancel (self->overdue_cancellable);
  g_clear_object (&self->overdue_cancellable);
}

/*
 * Requirements that went overdue since the last start flag their
 * customers. Nothing on screen waits for that check, which reads every
 * overdue requirement, so it starts once the window paints its first
 * frame and reads in a worker thread; the lists show a flag it raises
 * when it is raised.
 */
static void
crm_window_schedule_overdue_check (CrmWindow *self)
{
  crm_window_cancel_overdue_check (self);
  if (self->customer_store != NULL)
    self->overdue_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), crm_window_overdue_tick_cb,
                                                       NULL, NULL);
}

static void
crm_window_set_journal_internal (CrmWindow  *self,
                                 CrmJournal *journal)
{
  if (!g_set_object (&self->journal, journal))
    return;

  /* A "Redo" button of another journal would act on the wrong database. */
  crm_window_dismiss_undo_toast (self);

  g_signal_group_set_target (self->journal_signals, journal);
  crm_window_update_undo_actions (self);

  /* The store reads and writes the journal's database; the pages list and
   * edit customers through it. */
  g_clear_object (&self->customer_store);
  if (journal != NULL)
    self->customer_store = crm_customer_store_new (journal);
  crm_window_schedule_overdue_check (self);
  crm_customers_page_set_store (self->customers_page, self->customer_store);
  {
    g_autoptr(CrmQuestionnaireStore) questionnaires = NULL;

    if (self->customer_store != NULL)
      questionnaires = crm_questionnaire_store_new (self->customer_store);
    crm_questionnaires_page_set_store (self->questionnaires_page, questionnaires);
  }
  crm_reports_page_set_store (self->reports_page, self->customer_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-customer", self->customer_store != NULL);

  g_clear_object (&self->requirement_store);
  if (journal != NULL)
    self->requirement_store = crm_requirement_store_new (journal);
  crm_requirement_board_set_stores (self->requirement_board, self->requirement_store, self->customer_store);
  crm_priorities_page_set_store (self->priorities_page, self->requirement_store);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

static void
crm_window_dispose (GObject *object)
{
  CrmWindow *self = (CrmWindow *)object;

  crm_window_dismiss_undo_toast (self);
  crm_window_cancel_overdue_check (self);

  if (self->journal_signals != NULL)
    g_signal_group_set_target (self->journal_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_WINDOW);

  g_clear_object (&self->customer_store);
  g_clear_object (&self->requirement_store);
  g_clear_object (&self->journal_signals);
  g_clear_object (&self->journal);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crm_window_parent_class)->dispose (object);
}

static void
crm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      crm_window_set_database_internal (self, g_value_get_object (value));
      break;

    case PROP_JOURNAL:
      crm_window_set_journal_internal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_class_init (CrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crm_window_dispose;
  object_class->get_property = crm_window_get_property;
  object_class->set_property = crm_window_set_property;

  window_class->close_request = crm_window_close_request;

  /**
   * CrmWindow:database:
   *
   * The open database, or %NULL when none could be opened; the pages are
   * then insensitive.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         CRM_TYPE_DATABASE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * CrmWindow:journal:
   *
   * The undo journal of #CrmWindow:database, which win.undo and win.redo
   * act on.
   */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         CRM_TYPE_JOURNAL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, customers_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, requirement_board);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, questionnaires_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, priorities_page);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", crm_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, crm_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, crm_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-customer", NULL, crm_window_new_customer_action);
  gtk_widget_class_install_action (widget_class, "win.fill-questionnaire", "x",
                                   crm_window_fill_questionnaire_action);

  /* Bindings of the window class rather than application accelerators:
   * they work in a window without an application (the tests build one),
   * and a focused text field still gets Ctrl+Z for its own undo first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-customer", NULL);

  for (guint i = 0; page_names[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);
}

static void
crm_window_init (CrmWindow *self)
{
  g_type_ensure (CRM_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (CRM_TYPE_REQUIREMENT_BOARD);
  g_type_ensure (CRM_TYPE_QUESTIONNAIRES_PAGE);
  g_type_ensure (CRM_TYPE_REPORTS_PAGE);
  g_type_ensure (CRM_TYPE_PRIORITIES_PAGE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->journal_signals = g_signal_group_new (CRM_TYPE_JOURNAL);
  g_signal_group_connect_object (self->journal_signals,
                                 "notify::can-undo",
                                 G_CALLBACK (crm_window_journal_notify_cb),
                                 self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->journal_signals,
                                 "notify::can-redo",
                                 G_CALLBACK (crm_window_journal_notify_cb),
                                 self,
                                 G_CONNECT_SWAPPED);

  /* Until a database is set the pages have nothing to show. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), FALSE);
  crm_window_update_undo_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-customer", FALSE);

  self->settings = g_settings_new (APP_ID);
  crm_window_restore_state (self);
}

/**
 * crm_window_new:
 * @app: (nullable): the application, or %NULL (in tests)
 * @db: (nullable): the open database, or %NULL when none could be opened
 * @journal: (nullable): the undo journal of @db
 *
 * Returns: (transfer none): a new main window, owned by GTK until it is
 *   destroyed
 */
CrmWindow *
crm_window_new (CrmApplication *app,
                CrmDatabase    *db,
                CrmJournal     *journal)
{
  g_return_val_if_fail (app == NULL || CRM_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (db == NULL || CRM_IS_DATABASE (db), NULL);
  g_return_val_if_fail (journal == NULL || CRM_IS_JOURNAL (journal), NULL);

  return g_object_new (CRM_TYPE_WINDOW,
                       "application", app,
                       "database", db,
                       "journal", journal,
                       NULL);
}

/**
 * crm_window_get_database:
 *
 * Returns: (transfer none) (nullable): the open database
 */
CrmDatabase *
crm_window_get_database (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->database;
}

/**
 * crm_window_get_journal:
 *
 * Returns: (transfer none) (nullable): the undo journal
 */
CrmJournal *
crm_window_get_journal (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->journal;
}

/**
 * crm_window_set_database:
 * @db: (nullable): the database to show
 * @journal: (nullable): the undo journal of @db
 *
 * Shows @db, for instance after the user opened another file because the
 * first one could not be opened.
 */
void
crm_window_set_database (CrmWindow   *self,
                         CrmDatabase *db,
                         CrmJournal  *journal)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (db == NULL || CRM_IS_DATABASE (db));
  g_return_if_fail (journal == NULL || CRM_IS_JOURNAL (journal));
  g_return_if_fail (journal == NULL || crm_journal_get_database (journal) == db);

  g_object_freeze_notify (G_OBJECT (self));
  crm_window_set_database_internal (self, db);
  crm_window_set_journal_internal (self, journal);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * crm_window_get_customer_store:
 *
 * Returns: (transfer none) (nullable): the customers of the open database
 */
CrmCustomerStore *
crm_window_get_customer_store (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->customer_store;
}

/**
 * crm_window_get_visible_page:
 *
 * Returns: (nullable): the name of the visible page, such as "customers"
 */
const char *
crm_window_get_visible_page (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * crm_window_add_toast:
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the pages of the window.
 */
void
crm_window_add_toast (CrmWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * crm_window_add_undo_toast:
 * @toast: (transfer full): the toast of an action that can be undone or
 *   redone, usually with a button bound to win.undo or win.redo
 *
 * Shows @toast in place of the last undo toast: pressing Ctrl+Z after
 * deleting a customer replaces “Deleted …” with “Undone: …” at once
 * instead of queueing behind it.
 */
void
crm_window_add_undo_toast (CrmWindow *self,
                           AdwToast  *toast)
{
  g_return_if_fail (CRM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A toast still on screen takes the new text in place. Dismissing it
   * and adding another while libadwaita 1.2 animates it crashed the app
   * (adw_animation_skip() on a freed toast) when Ctrl+Z and Ctrl+Shift+Z
   * came quickly after a move on the requirement board. */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, adw_toast_get_title (toast));
      adw_toast_set_button_label (self->undo_toast, adw_toast_get_button_label (toast));
      adw_toast_set_action_name (self->undo_toast, adw_toast_get_action_name (toast));
      adw_toast_set_action_target_value (self->undo_toast, adw_toast_get_action_target_value (toast));
      g_object_unref (toast);
      return;
    }

  g_signal_connect_object (toast,
                           "dismissed",
                           G_CALLBACK (crm_window_undo_toast_dismissed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->undo_toast, toast);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * crm_window_get_requirement_store:
 *
 * Returns: (transfer none) (nullable): the requirements of the open database
 */
CrmRequirementStore *
crm_window_get_requirement_store (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->requirement_store;
}
