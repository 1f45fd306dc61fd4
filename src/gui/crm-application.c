/* crm-application.c — the Rapport application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gi18n.h>

#include "crm-application.h"
#include "crm-button-names.h"
#include "crm-cjk-tooltips.h"
#include "crm-database.h"
#include "crm-journal.h"
#include "crm-preferences-window.h"
#include "crm-window.h"

struct _CrmApplication
{
  AdwApplication  parent_instance;

  /* The database chosen with --database or crm_application_set_database_path(),
   * or NULL for $RAPPORT_DATABASE or the default one. */
  char           *database_path;

  /* Weak: GTK owns its windows. */
  CrmWindow      *window;

  /* Why the last database could not be opened, kept so the dialog can come
   * back when the user cancels choosing another file. */
  char           *failed_path;
  GError         *failed_error;
};

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in PATH instead of the default one"), N_("PATH") },
  { NULL }
};

static void crm_application_show_open_error (CrmApplication *self);

static gboolean
crm_application_try_open (CrmApplication  *self,
                          const char      *path,
                          GError         **error)
{
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(CrmJournal) journal = NULL;

  db = crm_database_open (path, error);
  if (db == NULL)
    return FALSE;

  journal = crm_journal_new (db);
  crm_window_set_database (self->window, db, journal);

  g_clear_pointer (&self->failed_path, g_free);
  g_clear_error (&self->failed_error);

  return TRUE;
}

static void
crm_application_open_failed (CrmApplication *self,
                             const char     *path,
                             GError         *error)
{
  g_free (self->failed_path);
  self->failed_path = g_strdup (path);
  g_clear_error (&self->failed_error);
  self->failed_error = error;

  crm_application_show_open_error (self);
}

static void
crm_application_choose_response_cb (GtkNativeDialog *native,
                                    int              response,
                                    CrmApplication  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  /* The native dialog is ours until it responds. */
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (self->window == NULL)
    return;

  /* Cancelled: there is still no database, so ask again rather than leave
   * an empty window with no way forward. */
  if (file == NULL)
    {
      crm_application_show_open_error (self);
      return;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      crm_application_open_failed (self, uri,
                                   g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                        _("Only a file on this computer can be opened as a database.")));
      return;
    }

  if (!crm_application_try_open (self, path, &error))
    {
      crm_application_open_failed (self, path, error);
      return;
    }

  g_free (self->database_path);
  self->database_path = g_steal_pointer (&path);
}

static void
crm_application_choose_database (CrmApplication *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) db_filter = NULL;
  g_autoptr(GtkFileFilter) all_filter = NULL;

  native = gtk_file_chooser_native_new (_("Open a Database"),
                                        GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  db_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (db_filter, _("Rapport Databases"));
  gtk_file_filter_add_pattern (db_filter, "*.db");
  gtk_file_filter_add_mime_type (db_filter, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (db_filter, "application/x-sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), db_filter);

  all_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_filter);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), db_filter);

  /* Start where the file that failed is: the right one is most likely
   * beside it. Only a folder that exists, and nothing is created. */
  if (self->failed_path != NULL && g_path_is_absolute (self->failed_path))
    {
      g_autofree char *dirname = g_path_get_dirname (self->failed_path);
      g_autoptr(GFile) folder = g_file_new_for_path (dirname);

      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (crm_application_choose_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
crm_application_quit_idle (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
crm_application_open_error_response_cb (AdwMessageDialog *dialog,
                                        const char       *response,
                                        CrmApplication   *self)
{
  if (g_strcmp0 (response, "open") == 0)
    {
      crm_application_choose_database (self);
      return;
    }

  /* Quit once the dialog has finished closing itself: quitting from inside
   * its response would destroy the window it is transient for first, and
   * the dialog would then let go of a window already gone. */
  g_idle_add_full (G_PRIORITY_DEFAULT, crm_application_quit_idle,
                   g_object_ref (self), g_object_unref);
}

static void
crm_application_show_open_error (CrmApplication *self)
{
  g_autofree char *display_path = NULL;
  GtkWidget *dialog;

  g_return_if_fail (self->window != NULL);
  g_return_if_fail (self->failed_path != NULL);
  g_return_if_fail (self->failed_error != NULL);

  display_path = g_filename_display_name (self->failed_path);

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window),
                                   _("Could not open the database"),
                                   NULL);

  /* The core's messages usually name the file already; saying it twice
   * makes the one line that matters harder to find. */
  if (strstr (self->failed_error->message, self->failed_path) != NULL ||
      strstr (self->failed_error->message, display_path) != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 self->failed_error->message);
  else
    /* Translators: the first %s is a file path, the second the reason, a full sentence. */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Rapport could not open “%s”.\n\n%s"),
                                    display_path,
                                    self->failed_error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", _("_Quit"),
                                    "open", _("_Open Another File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  /* Escape means quit: without a database the window has nothing to offer. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (crm_application_open_error_response_cb),
                           self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
crm_application_quit_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  CrmApplication *self = user_data;

  /* Closing the window first runs its close-request handler, which saves
   * the window size and the visible page; g_application_quit() alone
   * would skip it. */
  if (self->window != NULL)
    gtk_window_close (GTK_WINDOW (self->window));

  g_application_quit (G_APPLICATION (self));
}

static void
crm_application_preferences_action (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  CrmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CrmCustomerStore *store = NULL;
  CrmPreferencesWindow *preferences;

  if (CRM_IS_WINDOW (parent))
    store = crm_window_get_customer_store (CRM_WINDOW (parent));
  preferences = crm_preferences_window_new (parent, store);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
crm_application_about_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  CrmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        /* Translators: the application name; translate it only if it has an established local name. */
                        "application-name", _("Rapport"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Rapport developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("A desktop CRM for customer success managers"),
                        NULL);

  /* Untranslated, the msgid itself would show as the translators' names. */
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", crm_application_quit_action },
  { "preferences", crm_application_preferences_action },
  { "about", crm_application_about_action },
};

static int
crm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  CrmApplication *self = CRM_APPLICATION (app);
  const char *path = NULL;

  /* Answered here, in the local process, so it needs neither a display nor
   * a session bus. */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rapport %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    crm_application_set_database_path (self, path);

  return -1;
}

static void
crm_application_startup (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);

  G_APPLICATION_CLASS (crm_application_parent_class)->startup (app);

  crm_cjk_tooltips_install ();
  crm_button_names_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
}

static void
crm_application_activate (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);
  g_autofree char *default_path = NULL;
  const char *path;
  GError *error = NULL;

  /* A second launch of the same database lands here in the first
   * instance: show what is already open. */
  if (self->window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->window));
      return;
    }

  path = self->database_path;
  if (path == NULL)
    path = crm_database_path_from_environment ();
  if (path == NULL)
    path = default_path = crm_database_default_path ();

  g_set_weak_pointer (&self->window, crm_window_new (self, NULL, NULL));

  if (crm_application_try_open (self, path, &error))
    {
      gtk_window_present (GTK_WINDOW (self->window));
      return;
    }

  /* The window comes first so the dialog has a parent, and so quitting
   * from the dialog leaves through the window like any other quit. */
  gtk_window_present (GTK_WINDOW (self->window));
  crm_application_open_failed (self, path, error);
}

static void
crm_application_constructed (GObject *object)
{
  CrmApplication *self = (CrmApplication *)object;

  G_OBJECT_CLASS (crm_application_parent_class)->constructed (object);

  /* $RAPPORT_DATABASE names another database, just as --database does. */
  if (crm_database_path_from_environment () != NULL)
    g_application_set_flags (G_APPLICATION (self),
                             g_application_get_flags (G_APPLICATION (self)) | G_APPLICATION_NON_UNIQUE);
}

static void
crm_application_finalize (GObject *object)
{
  CrmApplication *self = (CrmApplication *)object;

  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->failed_path, g_free);
  g_clear_error (&self->failed_error);

  G_OBJECT_CLASS (crm_application_parent_class)->finalize (object);
}

static void
crm_application_class_init (CrmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = crm_application_constructed;
  object_class->finalize = crm_application_finalize;

  app_class->handle_local_options = crm_application_handle_local_options;
  app_class->startup = crm_application_startup;
  app_class->activate = crm_application_activate;
}

static void
crm_application_init (CrmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * crm_application_new:
 *
 * Returns: (transfer full): the application
 */
CrmApplication *
crm_application_new (void)
{
  return g_object_new (CRM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * crm_application_set_database_path:
 * @path: (type filename) (nullable): the database to open, or %NULL for
 *   $RAPPORT_DATABASE or the default one
 *
 * Chooses the database the window opens. Call it before the application
 * runs: it also makes this instance non-unique, so a different database is
 * never handed to an instance that is already running.
 */
void
crm_application_set_database_path (CrmApplication *self,
                                   const char     *path)
{
  GApplication *app = (GApplication *)self;

  g_return_if_fail (CRM_IS_APPLICATION (self));

  g_clear_pointer (&self->database_path, g_free);

  if (path == NULL)
    return;

  /* Absolute, so the error dialog names the file unambiguously. */
  self->database_path = g_canonicalize_filename (path, NULL);

  if (!g_application_get_is_registered (app))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
}

/**
 * crm_application_get_database_path:
 *
 * Returns: (type filename) (nullable): the database chosen with
 *   crm_application_set_database_path() or opened from the error dialog
 */
const char *
crm_application_get_database_path (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->database_path;
}
