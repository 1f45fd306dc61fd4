/* crm-gui-util.c — toasts, file choosers and window watching the pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-gui-util"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "crm-gui-util.h"
#include "crm-window.h"

static void
toplevels_changed_cb (GListModel    *toplevels,
                      guint          position,
                      guint          removed,
                      guint          added,
                      CrmWindowFunc  func)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      func (window);
    }
}

/**
 * crm_gui_watch_windows:
 * @func: (scope forever): called with each window
 *
 * Calls @func for every toplevel window there is, and for every one made
 * from now on, as soon as it is made.
 */
void
crm_gui_watch_windows (CrmWindowFunc func)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), func);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels), func);
}

/**
 * crm_gui_toast:
 * @widget: a widget in a #CrmWindow
 * @text: plain text (it is escaped here)
 * @undoable: whether the toast offers Undo for the action just done
 *
 * Shows @text in the window's toast overlay; an error (not undoable)
 * stays longer, since the person acted and nothing happened.
 */
void
crm_gui_toast (GtkWidget  *widget,
               const char *text,
               gboolean    undoable)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, CRM_TYPE_WINDOW);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (window == NULL)
    {
      g_debug ("No window for the toast: %s", text);
      return;
    }

  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);

  if (undoable)
    {
      adw_toast_set_button_label (toast, _("Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      crm_window_add_undo_toast (CRM_WINDOW (window), toast);
    }
  else
    {
      adw_toast_set_timeout (toast, 8);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      crm_window_add_toast (CRM_WINDOW (window), toast);
    }
}

typedef struct
{
  CrmFileChosenFunc func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Chooser;

static void
chooser_free (Chooser *chooser)
{
  if (chooser->destroy != NULL)
    chooser->destroy (chooser->user_data);
  g_free (chooser);
}

static void
on_response (GtkFileChooserNative *native,
             int                   response,
             Chooser              *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        chooser->func (path, chooser->user_data);
    }

  /* The reference taken when it was shown. */
  g_object_unref (native);
}

/**
 * crm_gui_choose_file:
 * @widget: a widget of the window the chooser belongs to
 * @action: open or save
 * @suggested_name: (nullable): the file name offered when saving
 * @pattern: (nullable): the files listed, such as "*.json"
 * @func: called with the path when a file was chosen (a save chooser
 *   asked before replacing a file)
 * @destroy: (nullable): frees @user_data when the chooser is done
 *
 * Shows a native file chooser for one file.
 */
void
crm_gui_choose_file (GtkWidget            *widget,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept_label,
                     const char           *suggested_name,
                     const char           *filter_name,
                     const char           *pattern,
                     CrmFileChosenFunc     func,
                     gpointer              user_data,
                     GDestroyNotify        destroy)
{
  GtkFileChooserNative *native;
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->func = func;
  chooser->user_data = user_data;
  chooser->destroy = destroy;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                        action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  if (pattern != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_pattern (filter, pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  g_signal_connect_data (native, "response", G_CALLBACK (on_response), chooser,
                         (GClosureNotify)(void (*) (void))chooser_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
