/* crm-follow-up-dialog.c — the form that logs or edits a follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Opened prefilled: a new follow-up gets now, the customer's owner and,
 * from the agenda, the planned next action; an existing one its values.
 * Times are typed and shown in the user's time zone and stored in UTC.
 * Saving checks everything through the store; a refusal names the field
 * and keeps every value typed, so nothing is lost.
 */

#include <glib/gi18n.h>

#include "crm-button-names.h"
#include "crm-cadence.h"
#include "crm-follow-up-dialog.h"
#include "crm-upkeep-format.h"

/* A date typed without a time means this hour. */
#define DEFAULT_HOUR 9

static const char * const channels[] = { "phone", "visit", "email", "meeting", NULL };
static const char * const feedbacks[] = { "pending", "clear-need", "refused", NULL };

struct _CrmFollowUpDialog
{
  AdwWindow         parent_instance;

  CrmFollowUpStore *store;
  CrmFollowUp      *follow_up;
  gboolean          is_new;

  /* Template widgets */
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  AdwPreferencesGroup *customer_group;
  AdwEntryRow      *when_row;
  AdwEntryRow      *owner_row;
  AdwComboRow      *channel_row;
  GtkTextView      *content_view;
  AdwComboRow      *feedback_row;
  AdwEntryRow      *reason_row;
  AdwEntryRow      *next_action_row;
  AdwEntryRow      *next_due_row;
  GtkButton        *delete_button;
};

G_DEFINE_FINAL_TYPE (CrmFollowUpDialog, crm_follow_up_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], value) == 0)
        return i;
    }

  return 0;
}

static void
crm_follow_up_dialog_feedback_changed_cb (CrmFollowUpDialog *self)
{
  const char *feedback = feedbacks[adw_combo_row_get_selected (self->feedback_row)];

  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), g_strcmp0 (feedback, "refused") == 0);
}

static void
show_error (CrmFollowUpDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static char *
content_text (CrmFollowUpDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->content_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The form's values into the follow-up; FALSE with a message when a time
 * cannot be read (the store checks the rest). */
static gboolean
read_form (CrmFollowUpDialog *self,
           char             **message)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *when_utc = NULL;
  g_autofree char *content = content_text (self);
  g_autofree char *owner = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_row)));
  const char *due_text = gtk_editable_get_text (GTK_EDITABLE (self->next_due_row));
  CrmFollowUp *f = self->follow_up;

  when = crm_time_parse_local (gtk_editable_get_text (GTK_EDITABLE (self->when_row)), zone, DEFAULT_HOUR);
  if (when == NULL)
    {
      *message = g_strdup (_("Date and time: enter when it happened, such as 2026-03-01 14:30."));
      return FALSE;
    }
  when_utc = crm_time_format_utc (when);

  crm_follow_up_set_happened_at (f, when_utc);
  crm_follow_up_set_owner (f, g_strstrip (owner));
  crm_follow_up_set_channel (f, channels[adw_combo_row_get_selected (self->channel_row)]);
  crm_follow_up_set_content (f, g_strstrip (content));
  crm_follow_up_set_feedback (f, feedbacks[adw_combo_row_get_selected (self->feedback_row)]);
  crm_follow_up_set_refusal_reason (f, gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  crm_follow_up_set_next_action (f, gtk_editable_get_text (GTK_EDITABLE (self->next_action_row)));

  if (due_text == NULL || *due_text == '\0')
    crm_follow_up_set_next_action_due (f, NULL);
  else
    {
      /* A due date without a time is due at the end of that working day. */
      g_autoptr(GDateTime) due = crm_time_parse_local (due_text, zone, 18);
      g_autofree char *due_utc = NULL;

      if (due == NULL)
        {
          *message = g_strdup (_("Next action due: enter a date such as 2026-03-08."));
          return FALSE;
        }
      due_utc = crm_time_format_utc (due);
      crm_follow_up_set_next_action_due (f, due_utc);
    }

  return TRUE;
}

static void
crm_follow_up_dialog_save_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  CrmFollowUpDialog *self = CRM_FOLLOW_UP_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (!read_form (self, &message))
    {
      show_error (self, message);
      return;
    }

  if (crm_follow_up_get_id (self->follow_up) > 0)
    ok = crm_follow_up_store_update (self->store, self->follow_up, &error);
  else
    ok = crm_follow_up_store_add (self->store, self->follow_up, &error) > 0;

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  crm_show_toast (gtk_window_get_transient_for (GTK_WINDOW (self)),
                  crm_follow_up_get_id (self->follow_up) > 0 && !self->is_new
                  ? _("Follow-up saved") : _("Follow-up logged"), TRUE);
  g_signal_emit (self, signals[SAVED], 0, crm_follow_up_get_customer_id (self->follow_up));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
crm_follow_up_dialog_delete_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  CrmFollowUpDialog *self = CRM_FOLLOW_UP_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!crm_follow_up_store_delete (self->store, crm_follow_up_get_id (self->follow_up), &error))
    {
      show_error (self, error->message);
      return;
    }

  crm_show_toast (gtk_window_get_transient_for (GTK_WINDOW (self)), _("Follow-up deleted"), TRUE);

  g_signal_emit (self, signals[SAVED], 0, crm_follow_up_get_customer_id (self->follow_up));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_form (CrmFollowUpDialog *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  CrmFollowUp *f = self->follow_up;
  g_autofree char *when = NULL;
  g_autofree char *due = NULL;

  if (crm_follow_up_get_happened_at (f) != NULL)
    when = crm_time_format_local (crm_follow_up_get_happened_at (f), zone, TRUE);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);

      when = g_date_time_format (now, "%Y-%m-%d %H:%M");
    }
  due = crm_time_format_local (crm_follow_up_get_next_action_due (f), zone, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->when_row), when);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), crm_follow_up_get_owner (f) ? crm_follow_up_get_owner (f) : "");
  adw_combo_row_set_selected (self->channel_row, index_of (channels, crm_follow_up_get_channel (f)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view),
                            crm_follow_up_get_content (f) ? crm_follow_up_get_content (f) : "", -1);
  adw_combo_row_set_selected (self->feedback_row, index_of (feedbacks, crm_follow_up_get_feedback (f)));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row),
                         crm_follow_up_get_refusal_reason (f) ? crm_follow_up_get_refusal_reason (f) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->next_action_row),
                         crm_follow_up_get_next_action (f) ? crm_follow_up_get_next_action (f) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->next_due_row), due ? due : "");

  if (crm_follow_up_get_id (f) > 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Follow-up"));
      gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
    }

  crm_follow_up_dialog_feedback_changed_cb (self);
}

static GListModel *
labels_model (const char * const *values,
              const char       *(*label) (const char *value))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));

  return G_LIST_MODEL (list);
}

static void
crm_follow_up_dialog_dispose (GObject *object)
{
  CrmFollowUpDialog *self = (CrmFollowUpDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_FOLLOW_UP_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->follow_up);

  G_OBJECT_CLASS (crm_follow_up_dialog_parent_class)->dispose (object);
}

static void
crm_follow_up_dialog_class_init (CrmFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_follow_up_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, customer_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, content_view);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, feedback_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, next_action_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, next_due_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, crm_follow_up_dialog_feedback_changed_cb);

  gtk_widget_class_install_action (widget_class, "follow-up.save", NULL, crm_follow_up_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "follow-up.delete", NULL, crm_follow_up_dialog_delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "follow-up.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_follow_up_dialog_init (CrmFollowUpDialog *self)
{
  g_autoptr(GListModel) channel_labels = labels_model (channels, crm_follow_up_channel_get_label);
  g_autoptr(GListModel) feedback_labels = labels_model (feedbacks, crm_follow_up_feedback_get_label);

  gtk_widget_init_template (GTK_WIDGET (self));
  crm_button_names_fix (GTK_WIDGET (self));

  adw_combo_row_set_model (self->channel_row, channel_labels);
  adw_combo_row_set_model (self->feedback_row, feedback_labels);
}

/**
 * crm_follow_up_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the follow-up store that saves it
 * @follow_up: the follow-up to edit (id > 0) or the values to start a new
 *   one with (id 0: at least the customer-id)
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
CrmFollowUpDialog *
crm_follow_up_dialog_new (GtkWindow        *parent,
                          CrmFollowUpStore *store,
                          CrmFollowUp      *follow_up)
{
  CrmFollowUpDialog *self;

  g_return_val_if_fail (CRM_IS_FOLLOW_UP_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (follow_up), NULL);

  self = g_object_new (CRM_TYPE_FOLLOW_UP_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->follow_up = g_object_ref (follow_up);
  self->is_new = crm_follow_up_get_id (follow_up) == 0;
  fill_form (self);

  /* Whom the follow-up was with, as the group's title. */
  {
    g_autoptr(CrmCustomer) customer = crm_customer_store_get (crm_follow_up_store_get_customer_store (store),
                                                              crm_follow_up_get_customer_id (follow_up), NULL);

    if (customer != NULL)
      adw_preferences_group_set_title (self->customer_group, crm_customer_get_name (customer));
  }
  gtk_widget_grab_focus (GTK_WIDGET (self->content_view));

  return self;
}
