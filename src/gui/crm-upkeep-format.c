/* crm-upkeep-format.c — how due dates read, and asking for a reason
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-cadence.h"
#include "crm-upkeep-format.h"
#include "crm-window.h"

/**
 * crm_format_due:
 * @due_utc: (nullable): when a follow-up is due, as stored
 * @now: the current time
 * @css_class: (out) (optional): "overdue" (red), "due-soon" (amber) or
 *   %NULL, for the label that shows the text
 *
 * Returns: (transfer full) (nullable): the due time in words, in the
 *   user's time zone
 */
char *
crm_format_due (const char  *due_utc,
                GDateTime   *now,
                const char **css_class)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) due = crm_time_parse_utc (due_utc);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  CrmDueState state;

  if (css_class != NULL)
    *css_class = NULL;
  if (due == NULL)
    return NULL;

  local = g_date_time_to_timezone (due, zone);
  date = g_date_time_format (local, "%Y-%m-%d");
  time = g_date_time_format (local, "%H:%M");
  state = crm_cadence_classify (due, now, zone);

  if (css_class != NULL)
    {
      if (state == CRM_DUE_OVERDUE)
        *css_class = "overdue";
      else if (crm_cadence_is_due_soon (due, now))
        *css_class = "due-soon";
    }

  switch (state)
    {
    case CRM_DUE_OVERDUE:
      /* Translators: %s is a date such as 2026-03-01. */
      return g_strdup_printf (_("Overdue since %s"), date);

    case CRM_DUE_TODAY:
      /* Translators: %s is a time of day such as 14:30. */
      return g_strdup_printf (_("Due today at %s"), time);

    case CRM_DUE_THIS_WEEK:
    case CRM_DUE_LATER:
    default:
      /* Translators: %s is a date such as 2026-03-01. */
      return g_strdup_printf (_("Due %s"), date);
    }
}

/**
 * crm_show_toast:
 * @window: (nullable): the main window, or a dialog transient for it
 * @text: what happened, plain text
 * @undoable: whether to offer "Undo" (the action was recorded)
 *
 * Shows a toast in the main window, where it outlives a dialog that
 * closes: "Follow-up logged — Undo".
 */
void
crm_show_toast (GtkWindow  *window,
                const char *text,
                gboolean    undoable)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  while (window != NULL && !CRM_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window == NULL)
    {
      g_debug ("No window for the toast: %s", text);
      return;
    }

  toast = adw_toast_new (escaped);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      crm_window_add_undo_toast (CRM_WINDOW (window), toast);
    }
  else
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      crm_window_add_toast (CRM_WINDOW (window), toast);
    }
}

typedef struct
{
  CrmReasonFunc  func;
  gpointer       user_data;
  GDestroyNotify destroy;
  GtkEditable   *entry;
} ReasonData;

static void
reason_data_free (gpointer data)
{
  ReasonData *reason = data;

  if (reason->destroy != NULL)
    reason->destroy (reason->user_data);
  g_free (reason);
}

static void
on_entry_changed (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "confirm", *text != '\0');
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             ReasonData       *data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (data->entry)));

  if (g_strcmp0 (response, "confirm") == 0 && *text != '\0')
    data->func (text, data->user_data);
}

/**
 * crm_ask_reason:
 * @parent: the window the question belongs to
 * @heading: the question
 * @body: (nullable): what the reason is kept for
 * @response_label: the button that confirms, such as "_Clear Flag"
 * @func: called with the reason when confirmed
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data when the question is gone
 *
 * Asks for a reason in a message dialog; the confirming button is
 * enabled once something is typed.
 */
void
crm_ask_reason (GtkWindow      *parent,
                const char     *heading,
                const char     *body,
                const char     *response_label,
                CrmReasonFunc   func,
                gpointer        user_data,
                GDestroyNotify  destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);
  GtkWidget *entry = gtk_entry_new ();
  ReasonData *data = g_new0 (ReasonData, 1);

  data->func = func;
  data->user_data = user_data;
  data->destroy = destroy;
  data->entry = GTK_EDITABLE (entry);

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm", FALSE);

  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), data,
                         (GClosureNotify)(void (*) (void))reason_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
