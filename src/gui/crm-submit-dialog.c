/* crm-submit-dialog.c — what submitting a questionnaire will change, to confirm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An AdwMessageDialog whose extra child lists every change of the plan,
 * grouped by kind, each with the answer it comes from. Its responses are
 * "cancel" and "submit"; with required questions unanswered, only
 * "close", and the dialog names them.
 */

#define G_LOG_DOMAIN "crm-submit-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-submit-dialog.h"

static const char *
kind_heading (CrmPlanChangeKind kind)
{
  switch (kind)
    {
    case CRM_PLAN_CHANGE_FIELD:
      return _("Customer fields");
    case CRM_PLAN_CHANGE_CONTACT:
      return _("Contacts");
    case CRM_PLAN_CHANGE_TAG:
      return _("Tags");
    case CRM_PLAN_CHANGE_REQUIREMENT:
      return _("Draft requirements (source: survey)");
    case CRM_PLAN_CHANGE_KEY_FOLLOW_UP:
      return _("Risk flags");
    default:
      return NULL;
    }
}

static GtkWidget *
change_row (const CrmPlanChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (change->kind == CRM_PLAN_CHANGE_TAG)
    title = g_markup_escape_text (change->new_value, -1);
  else
    title = g_markup_escape_text (change->label, -1);

  if (change->kind == CRM_PLAN_CHANGE_TAG)
    subtitle = g_strdup (change->evidence);
  else if (change->old_value != NULL)
    /* Translators: a value that changes: old → new. */
    subtitle = g_strdup_printf (_("%s → %s"), change->old_value, change->new_value);
  else
    subtitle = g_strdup (change->new_value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (change->evidence != NULL)
    gtk_widget_set_tooltip_text (row, change->evidence);

  return row;
}

static GtkWidget *
changes_list (CrmSubmitPlan *plan)
{
  GPtrArray *changes = crm_submit_plan_get_changes (plan);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (CrmPlanChangeKind kind = CRM_PLAN_CHANGE_FIELD; kind <= CRM_PLAN_CHANGE_KEY_FOLLOW_UP; kind++)
    {
      GtkWidget *list = NULL;

      for (guint i = 0; i < changes->len; i++)
        {
          CrmPlanChange *change = g_ptr_array_index (changes, i);

          if (change->kind != kind)
            continue;

          if (list == NULL)
            {
              GtkWidget *heading = gtk_label_new (kind_heading (kind));

              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_widget_add_css_class (heading, "heading");
              gtk_box_append (GTK_BOX (box), heading);
              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              kind_heading (kind), -1);
              gtk_box_append (GTK_BOX (box), list);
            }

          gtk_list_box_append (GTK_LIST_BOX (list), change_row (change));
        }
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);

  return scroller;
}

/**
 * crm_submit_dialog_new:
 * @parent: the window it belongs to
 * @plan: what submitting will change
 *
 * Returns: (transfer floating): the dialog; connect to "response" and
 *   present it
 */
GtkWidget *
crm_submit_dialog_new (GtkWindow     *parent,
                       CrmSubmitPlan *plan)
{
  g_auto(GStrv) missing = crm_submit_plan_dup_missing (plan);
  CrmCustomer *customer = crm_submit_plan_get_customer (plan);
  GtkWidget *dialog;

  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", missing);
      g_autofree char *body = g_strdup_printf (_("Answer these required questions first:\n%s"), list);

      dialog = adw_message_dialog_new (parent, _("Required Questions Unanswered"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      return dialog;
    }

  {
    g_autofree char *body = NULL;

    if (crm_submit_plan_get_changes (plan)->len == 0)
      body = g_strdup (_("The answers change nothing in the customer record; the response is kept."));
    else if (crm_submit_plan_is_new_customer (plan))
      body = g_strdup_printf (_("A new customer “%s” is added with these details:"), crm_customer_get_name (customer));
    else
      body = g_strdup_printf (_("These changes are made to “%s”:"), crm_customer_get_name (customer));

    dialog = adw_message_dialog_new (parent, _("Submit Questionnaire?"), body);
  }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), changes_list (plan));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "submit", _("_Submit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}
