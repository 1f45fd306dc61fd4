/* crm-requirement-close-dialog.c — asking how a requirement was closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-requirement-close-dialog.h"

struct _CrmRequirementCloseDialog
{
  AdwMessageDialog      parent_instance;

  CrmRequirementStatus  status;
  GtkToggleButton      *score_buttons[5];

  /* Template widgets */
  AdwEntryRow          *resolution_row;
  GtkWidget            *satisfaction_box;
  GtkWidget            *satisfaction_buttons;
  GtkToggleButton      *skip_button;
};

G_DEFINE_FINAL_TYPE (CrmRequirementCloseDialog, crm_requirement_close_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
resolution_changed_cb (CrmRequirementCloseDialog *self)
{
  g_autofree char *text = crm_requirement_close_dialog_dup_resolution (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "close", text[0] != '\0');
}

static void
crm_requirement_close_dialog_class_init (CrmRequirementCloseDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rapportcrm/Rapport/crm-requirement-close-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCloseDialog, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCloseDialog, satisfaction_box);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCloseDialog, satisfaction_buttons);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCloseDialog, skip_button);
}

static void
crm_requirement_close_dialog_init (CrmRequirementCloseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* 1 to 5 after "Skip", one group: exactly one is pressed. */
  for (guint i = 0; i < G_N_ELEMENTS (self->score_buttons); i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);
      /* Translators: read by a screen reader for a satisfaction button; %u is 1 to 5. */
      g_autofree char *accessible = g_strdup_printf (_("Satisfaction %u of 5"), i + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->skip_button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_box_append (GTK_BOX (self->satisfaction_buttons), button);
      self->score_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  g_signal_connect_object (self->resolution_row, "changed",
                           G_CALLBACK (resolution_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * crm_requirement_close_dialog_new:
 * @parent: (nullable): the window to be modal for
 * @requirement: the card being moved
 * @status: CRM_REQUIREMENT_STATUS_DONE or _REJECTED
 *
 * Returns: (transfer floating): the dialog, not shown yet
 */
GtkWidget *
crm_requirement_close_dialog_new (GtkWindow            *parent,
                                  CrmRequirement       *requirement,
                                  CrmRequirementStatus  status)
{
  CrmRequirementCloseDialog *self;
  g_autofree char *heading = NULL;
  gboolean done = status == CRM_REQUIREMENT_STATUS_DONE;

  g_return_val_if_fail (CRM_IS_REQUIREMENT (requirement), NULL);
  g_return_val_if_fail (done || status == CRM_REQUIREMENT_STATUS_REJECTED, NULL);

  self = g_object_new (CRM_TYPE_REQUIREMENT_CLOSE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->status = status;

  heading = done
    /* Translators: %s is a requirement's title. */
    ? g_strdup_printf (_("Mark “%s” as Done?"), crm_requirement_get_title (requirement))
    /* Translators: %s is a requirement's title. */
    : g_strdup_printf (_("Reject “%s”?"), crm_requirement_get_title (requirement));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               done ? _("Say how it was resolved and, if the customer rated it, how satisfied they are. A score below 3 flags the customer for a key follow-up.")
                                    : _("Say why the requirement is rejected, so the customer can be told."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->resolution_row),
                                 done ? _("Resolution") : _("Reason"));
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "close",
                                         done ? _("_Mark as Done") : _("_Reject"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "close",
                                              done ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  gtk_widget_set_visible (self->satisfaction_box, done);

  return GTK_WIDGET (self);
}

CrmRequirementStatus
crm_requirement_close_dialog_get_status (CrmRequirementCloseDialog *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_CLOSE_DIALOG (self), CRM_REQUIREMENT_STATUS_DONE);

  return self->status;
}

/**
 * crm_requirement_close_dialog_dup_resolution:
 *
 * Returns: (transfer full): the resolution or reason, trimmed
 */
char *
crm_requirement_close_dialog_dup_resolution (CrmRequirementCloseDialog *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_CLOSE_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->resolution_row))));
}

void
crm_requirement_close_dialog_set_resolution (CrmRequirementCloseDialog *self,
                                             const char                *resolution)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_CLOSE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->resolution_row), resolution != NULL ? resolution : "");
}

/**
 * crm_requirement_close_dialog_get_satisfaction:
 *
 * Returns: the score chosen, 1–5, or 0 when skipped (always 0 when
 *   rejecting)
 */
int
crm_requirement_close_dialog_get_satisfaction (CrmRequirementCloseDialog *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_CLOSE_DIALOG (self), 0);

  if (self->status != CRM_REQUIREMENT_STATUS_DONE)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->score_buttons); i++)
    {
      if (gtk_toggle_button_get_active (self->score_buttons[i]))
        return i + 1;
    }

  return 0;
}

void
crm_requirement_close_dialog_set_satisfaction (CrmRequirementCloseDialog *self,
                                               int                        satisfaction)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_CLOSE_DIALOG (self));
  g_return_if_fail (satisfaction >= 0 && satisfaction <= 5);

  gtk_toggle_button_set_active (satisfaction == 0 ? self->skip_button : self->score_buttons[satisfaction - 1],
                                TRUE);
}
