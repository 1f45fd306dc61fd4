/* crm-template-item-dialog.c — editing one module or question of a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An AdwMessageDialog with a form: title, help text (填写说明) and, for a
 * question, its kind, whether it is required, its options (one per line)
 * and whether it takes an "Other" answer; for both, the skip condition:
 * always shown, or shown when an earlier answer or a customer field
 * compares to a value. A compound condition read from a file is kept as
 * it is unless another is chosen. The item is changed in place only on
 * "apply"; the template editor checks the whole template when saving,
 * which refuses conditions that go round in a circle.
 */

#define G_LOG_DOMAIN "crm-template-item-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-template-item-dialog.h"

enum { CONDITION_ALWAYS, CONDITION_ANSWER, CONDITION_CUSTOMER, CONDITION_KEEP };

static const char * const customer_fields[] = { "customer_type", "tier", "industry", "kind", "employees", NULL };

typedef struct
{
  CrmQuestionnaire       *questionnaire;
  CrmQuestionModule      *module;
  CrmQuestion            *question;
  CrmTemplateItemApplied  applied;
  gpointer                user_data;

  GtkWidget              *title_entry;
  GtkWidget              *help_entry;
  GtkWidget              *kind_dropdown;
  GtkWidget              *required_check;
  GtkWidget              *other_check;
  GtkWidget              *options_view;
  GtkWidget              *condition_dropdown;
  GtkWidget              *subject_dropdown;
  GtkWidget              *op_dropdown;
  GtkWidget              *value_entry;
  GtkWidget              *reason_entry;
  GPtrArray              *earlier;   /* CrmQuestion, the questions a condition may name */
} Form;

static void
form_free (Form *form)
{
  g_object_unref (form->questionnaire);
  g_ptr_array_unref (form->earlier);
  g_free (form);
}

static GtkWidget *
labelled (GtkWidget  *box,
          const char *label,
          GtkWidget  *widget)
{
  GtkWidget *caption = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return widget;
}

static GtkWidget *
entry_with (const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);

  return entry;
}

/* The questions before the item: a condition may only look back. */
static GPtrArray *
earlier_questions (CrmQuestionnaire  *questionnaire,
                   CrmQuestionModule *module,
                   CrmQuestion       *question)
{
  GPtrArray *earlier = g_ptr_array_new ();
  GPtrArray *modules = crm_questionnaire_get_modules (questionnaire);

  for (guint i = 0; i < modules->len; i++)
    {
      CrmQuestionModule *m = g_ptr_array_index (modules, i);

      if (m == module && question == NULL)
        break;
      for (guint j = 0; j < m->questions->len; j++)
        {
          CrmQuestion *q = g_ptr_array_index (m->questions, j);

          if (q == question)
            return earlier;
          g_ptr_array_add (earlier, q);
        }
    }

  return earlier;
}

static void
update_condition_sensitivity (Form *form)
{
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->condition_dropdown));
  g_autoptr(GtkStringList) subjects = gtk_string_list_new (NULL);
  gboolean simple = kind == CONDITION_ANSWER || kind == CONDITION_CUSTOMER;

  if (kind == CONDITION_ANSWER)
    for (guint i = 0; i < form->earlier->len; i++)
      gtk_string_list_append (subjects, ((CrmQuestion *)g_ptr_array_index (form->earlier, i))->title);
  else if (kind == CONDITION_CUSTOMER)
    {
      const char *names[] = { _("Customer type (new, returning, strategic)"), _("Tier (S, A, B, C)"),
                              _("Industry code (such as MFG)"), _("Kind (enterprise, individual)"),
                              _("Employees") };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        gtk_string_list_append (subjects, names[i]);
    }

  gtk_drop_down_set_model (GTK_DROP_DOWN (form->subject_dropdown), G_LIST_MODEL (subjects));
  gtk_widget_set_sensitive (form->subject_dropdown, simple);
  gtk_widget_set_sensitive (form->op_dropdown, simple);
  gtk_widget_set_sensitive (form->value_entry, simple);
}

static void
build_condition (Form         *form,
                 GtkWidget    *box,
                 CrmCondition *condition)
{
  const char *kinds[] = { _("Always ask"), _("Ask when an earlier answer…"), _("Ask when the customer…"),
                          _("Keep the condition from the file"), NULL };
  const char *ops[] = { _("is"), _("is not"), _("includes"), _("is answered"), _("is not answered"),
                        _("is below"), _("is above"), NULL };
  guint kind = CONDITION_ALWAYS;

  if (condition != NULL)
    kind = condition->kind == CRM_CONDITION_ANSWER ? CONDITION_ANSWER
         : condition->kind == CRM_CONDITION_CUSTOMER ? CONDITION_CUSTOMER
         : CONDITION_KEEP;

  /* Only a compound condition has something to keep. */
  if (kind != CONDITION_KEEP)
    kinds[3] = NULL;

  form->condition_dropdown = labelled (box, _("Skip logic"), gtk_drop_down_new_from_strings (kinds));
  form->subject_dropdown = labelled (box, _("Condition on"), gtk_drop_down_new (NULL, NULL));
  form->op_dropdown = labelled (box, _("Comparison"), gtk_drop_down_new_from_strings (ops));
  form->value_entry = labelled (box, _("Value (an option's text or id, a number, a code)"),
                                entry_with (condition != NULL ? condition->value : NULL));
  form->reason_entry = labelled (box, _("Shown when skipped"),
                                 entry_with (condition != NULL ? condition->reason : NULL));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->condition_dropdown), kind);
  update_condition_sensitivity (form);
  g_signal_connect_swapped (form->condition_dropdown, "notify::selected",
                            G_CALLBACK (update_condition_sensitivity), form);

  if (kind == CONDITION_ANSWER)
    {
      for (guint i = 0; i < form->earlier->len; i++)
        if (g_strcmp0 (((CrmQuestion *)g_ptr_array_index (form->earlier, i))->id, condition->subject) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (form->subject_dropdown), i);
    }
  else if (kind == CONDITION_CUSTOMER)
    {
      for (guint i = 0; customer_fields[i] != NULL; i++)
        if (g_strcmp0 (customer_fields[i], condition->subject) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (form->subject_dropdown), i);
    }
  if (kind == CONDITION_ANSWER || kind == CONDITION_CUSTOMER)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (form->op_dropdown), condition->op);
}

/* The condition the form describes; @keep when it says to keep it. */
static CrmCondition *
read_condition (Form               *form,
                const CrmCondition *keep)
{
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->condition_dropdown));
  guint subject = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->subject_dropdown));
  CrmConditionOp op = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->op_dropdown));
  const char *value = gtk_editable_get_text (GTK_EDITABLE (form->value_entry));
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (form->reason_entry));
  CrmCondition *condition = NULL;

  if (kind == CONDITION_KEEP)
    condition = crm_condition_copy (keep);
  else if (kind == CONDITION_ANSWER && subject < form->earlier->len)
    {
      CrmQuestion *about = g_ptr_array_index (form->earlier, subject);

      /* An option may be named by its text; conditions hold its id. */
      for (guint i = 0; i < about->options->len; i++)
        {
          CrmQuestionOption *option = g_ptr_array_index (about->options, i);

          if (g_strcmp0 (option->label, value) == 0)
            value = option->id;
        }
      condition = crm_condition_new (CRM_CONDITION_ANSWER, op, about->id, value);
    }
  else if (kind == CONDITION_CUSTOMER && subject < g_strv_length ((GStrv)customer_fields))
    condition = crm_condition_new (CRM_CONDITION_CUSTOMER, op, customer_fields[subject], value);

  if (condition != NULL && kind != CONDITION_KEEP)
    condition->reason = *reason != '\0' ? g_strdup (reason) : NULL;

  return condition;
}

static char *
strip_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
apply_options (Form        *form,
               CrmQuestion *question)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (form->options_view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  crm_question_set_option_labels (question, (const char * const *)lines);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Form             *form)
{
  g_autofree char *title = strip_text (form->title_entry);
  g_autofree char *help = strip_text (form->help_entry);
  CrmCondition **condition;
  CrmCondition *new_condition;
  char **title_field, **help_field;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  if (form->question != NULL)
    {
      CrmQuestion *question = form->question;

      title_field = &question->title;
      help_field = &question->help;
      condition = &question->condition;
      question->kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->kind_dropdown));
      question->required = gtk_check_button_get_active (GTK_CHECK_BUTTON (form->required_check));
      question->allow_other = question->kind == CRM_QUESTION_MULTIPLE &&
                              gtk_check_button_get_active (GTK_CHECK_BUTTON (form->other_check));
      apply_options (form, question);
    }
  else
    {
      title_field = &form->module->title;
      help_field = &form->module->help;
      condition = &form->module->condition;
    }

  if (*title != '\0')
    {
      g_free (*title_field);
      *title_field = g_steal_pointer (&title);
    }
  g_free (*help_field);
  *help_field = *help != '\0' ? g_steal_pointer (&help) : NULL;

  new_condition = read_condition (form, *condition);
  crm_condition_free (*condition);
  *condition = new_condition;

  form->applied (form->user_data);
}

static void
update_kind_sensitivity (Form *form)
{
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->kind_dropdown));

  gtk_widget_set_sensitive (form->options_view, kind == CRM_QUESTION_SINGLE || kind == CRM_QUESTION_MULTIPLE);
  gtk_widget_set_sensitive (form->other_check, kind == CRM_QUESTION_MULTIPLE);
}

static void
build_question_fields (Form        *form,
                       GtkWidget   *box,
                       CrmQuestion *question)
{
  const char *kinds[] = { _("Single choice"), _("Multiple choice"), _("Free text"), _("Rating 1–5"),
                          _("Number"), _("Date"), NULL };
  g_autoptr(GString) options = g_string_new (NULL);
  GtkWidget *frame = gtk_frame_new (NULL);

  form->kind_dropdown = labelled (box, _("Kind"), gtk_drop_down_new_from_strings (kinds));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (form->kind_dropdown), question->kind);

  form->required_check = gtk_check_button_new_with_mnemonic (_("_Required"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form->required_check), question->required);
  gtk_box_append (GTK_BOX (box), form->required_check);

  for (guint i = 0; i < question->options->len; i++)
    g_string_append_printf (options, "%s%s", i ? "\n" : "",
                            ((CrmQuestionOption *)g_ptr_array_index (question->options, i))->label);
  form->options_view = gtk_text_view_new ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (form->options_view)), options->str, -1);
  gtk_widget_set_size_request (form->options_view, -1, 96);
  gtk_frame_set_child (GTK_FRAME (frame), form->options_view);
  labelled (box, _("Options, one per line"), frame);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->options_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Options, one per line"), -1);

  form->other_check = gtk_check_button_new_with_mnemonic (_("Offer an “_Other” answer to fill in"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form->other_check), question->allow_other);
  gtk_box_append (GTK_BOX (box), form->other_check);

  update_kind_sensitivity (form);
  g_signal_connect_swapped (form->kind_dropdown, "notify::selected", G_CALLBACK (update_kind_sensitivity), form);
}

/**
 * crm_template_item_dialog_new:
 * @questionnaire: the template being edited
 * @module: the module, or the question's module
 * @question: (nullable): the question; %NULL edits @module
 * @applied: called after the item was changed
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
crm_template_item_dialog_new (GtkWindow              *parent,
                              CrmQuestionnaire       *questionnaire,
                              CrmQuestionModule      *module,
                              CrmQuestion            *question,
                              CrmTemplateItemApplied  applied,
                              gpointer                user_data)
{
  Form *form = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *dialog;

  form->questionnaire = g_object_ref (questionnaire);
  form->module = module;
  form->question = question;
  form->applied = applied;
  form->user_data = user_data;
  form->earlier = earlier_questions (questionnaire, module, question);

  dialog = adw_message_dialog_new (parent, question != NULL ? _("Edit Question") : _("Edit Module"), NULL);

  form->title_entry = labelled (box, _("Title"), entry_with (question != NULL ? question->title : module->title));
  form->help_entry = labelled (box, _("Help text"), entry_with (question != NULL ? question->help : module->help));
  if (question != NULL)
    build_question_fields (form, box, question);
  build_condition (form, box, question != NULL ? question->condition : module->condition);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, -1);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), form,
                         (GClosureNotify)(void (*) (void))form_free, 0);

  return dialog;
}
