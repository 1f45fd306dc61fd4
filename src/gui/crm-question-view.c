/* crm-question-view.c — one question being answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Built in code rather than from a .ui file: its inputs depend on the
 * question's kind and options. Choices are large toggle and check
 * buttons, so they are easy to hit on a laptop at the customer's desk;
 * every input carries the question (or option) as its accessible label.
 */

#define G_LOG_DOMAIN "crm-question-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-industry.h"
#include "crm-question-view.h"

struct _CrmQuestionView
{
  GtkWidget         parent_instance;

  CrmQuestionnaire *questionnaire;
  CrmQuestion      *question;

  GtkWidget        *box;
  GtkWidget        *inputs;
  GtkWidget        *entry;
  GtkWidget        *other_check;
  GtkWidget        *other_entry;
  GtkWidget        *error_label;
  GtkWidget        *skip_label;
  /* Option id → its toggle or check button. */
  GHashTable       *buttons;
  gboolean          loading;
};

G_DEFINE_FINAL_TYPE (CrmQuestionView, crm_question_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (CrmQuestionView *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_toggled (CrmQuestionView *self,
            GtkWidget       *button)
{
  /* A radio group emits twice when the choice moves: once for the button
   * let go, once for the one chosen. Report the chosen one only. */
  if (GTK_IS_TOGGLE_BUTTON (button) && !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) &&
      self->question->kind != CRM_QUESTION_MULTIPLE)
    return;

  if (self->other_entry != NULL)
    gtk_widget_set_sensitive (self->other_entry, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->other_check)));

  emit_changed (self);
}

static GtkWidget *
add_choice (CrmQuestionView *self,
            const char      *id,
            const char      *label,
            GtkWidget       *group)
{
  GtkWidget *button;

  if (self->question->kind == CRM_QUESTION_MULTIPLE)
    {
      button = gtk_check_button_new_with_label (label);
      gtk_widget_add_css_class (button, "questionnaire-choice");
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_toggled), self, G_CONNECT_SWAPPED);
    }
  else
    {
      button = gtk_toggle_button_new_with_label (label);
      gtk_widget_add_css_class (button, "questionnaire-option");
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_toggled), self, G_CONNECT_SWAPPED);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_hash_table_insert (self->buttons, g_strdup (id), button);
  gtk_flow_box_append (GTK_FLOW_BOX (self->inputs), button);

  return button;
}

static void
build_choices (CrmQuestionView *self,
               GListModel      *industries)
{
  GtkWidget *group = NULL;

  self->inputs = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->inputs), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->inputs), 8);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->inputs), 8);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->inputs),
                                          self->question->kind == CRM_QUESTION_RATING ? 5 : 4);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->inputs), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->inputs);

  if (self->question->kind == CRM_QUESTION_RATING)
    {
      for (int i = 1; i <= 5; i++)
        {
          char id[2] = { '0' + i, 0 };
          GtkWidget *button = add_choice (self, id, id, group);
          g_autofree char *label = g_strdup_printf (_("%s: %d of 5"), self->question->title, i);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          group = group != NULL ? group : button;
        }
      return;
    }

  if (g_strcmp0 (self->question->options_from, "industries") == 0 && industries != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
        {
          g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);
          GtkWidget *button = add_choice (self, crm_industry_get_code (industry),
                                          crm_industry_get_name (industry), group);

          group = group != NULL ? group : button;
        }
    }

  for (guint i = 0; i < self->question->options->len; i++)
    {
      CrmQuestionOption *option = g_ptr_array_index (self->question->options, i);
      GtkWidget *button = add_choice (self, option->id, option->label, group);

      group = group != NULL ? group : button;
    }

  if (self->question->kind == CRM_QUESTION_MULTIPLE && self->question->allow_other)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      g_autofree char *label = g_strdup_printf (_("%s: other"), self->question->title);

      self->other_check = gtk_check_button_new_with_label (_("Other"));
      gtk_widget_add_css_class (self->other_check, "questionnaire-choice");
      g_signal_connect_object (self->other_check, "toggled", G_CALLBACK (on_toggled), self, G_CONNECT_SWAPPED);
      self->other_entry = gtk_entry_new ();
      gtk_widget_set_hexpand (self->other_entry, TRUE);
      gtk_widget_set_sensitive (self->other_entry, FALSE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->other_entry), _("Describe it"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->other_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect_object (self->other_entry, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (row), self->other_check);
      gtk_box_append (GTK_BOX (row), self->other_entry);
      gtk_box_append (GTK_BOX (self->box), row);
    }
}

static void
build_entry (CrmQuestionView *self)
{
  self->entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->entry, "questionnaire-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->question->title, -1);

  switch (self->question->kind)
    {
    case CRM_QUESTION_NUMBER:
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("A number"));
      break;
    case CRM_QUESTION_DATE:
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
      break;
    default:
      break;
    }

  g_signal_connect_object (self->entry, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), self->entry);
  self->inputs = self->entry;
}

static void
load_answer (CrmQuestionView *self,
             const CrmAnswer *answer)
{
  if (answer == NULL)
    return;

  self->loading = TRUE;

  if (self->entry != NULL && answer->values[0] != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), answer->values[0]);

  for (guint i = 0; answer->values[i] != NULL; i++)
    {
      GtkWidget *button = g_hash_table_lookup (self->buttons, answer->values[i]);

      if (GTK_IS_CHECK_BUTTON (button))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
      else if (GTK_IS_TOGGLE_BUTTON (button))
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    }

  if (self->other_entry != NULL && answer->other != NULL)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->other_check), TRUE);
      gtk_widget_set_sensitive (self->other_entry, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->other_entry), answer->other);
    }

  self->loading = FALSE;
}

static void
crm_question_view_dispose (GObject *object)
{
  CrmQuestionView *self = (CrmQuestionView *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  g_clear_object (&self->questionnaire);

  G_OBJECT_CLASS (crm_question_view_parent_class)->dispose (object);
}

static void
crm_question_view_class_init (CrmQuestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_question_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "questionview");
}

static void
crm_question_view_init (CrmQuestionView *self)
{
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * crm_question_view_new:
 * @questionnaire: the template, kept alive as long as the view
 * @question: one of its questions
 * @answer: (nullable): the answer saved so far
 * @industries: (nullable): the industries, for an industry question
 *
 * Returns: (transfer floating): the view
 */
GtkWidget *
crm_question_view_new (CrmQuestionnaire *questionnaire,
                       CrmQuestion      *question,
                       const CrmAnswer  *answer,
                       GListModel       *industries)
{
  CrmQuestionView *self = g_object_new (CRM_TYPE_QUESTION_VIEW, NULL);
  GtkWidget *title_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = make_label (question->title, "title-4");

  self->questionnaire = g_object_ref (questionnaire);
  self->question = question;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (title_row), title);
  if (question->required)
    {
      GtkWidget *required = make_label (_("Required"), "questionnaire-required");

      gtk_widget_set_valign (required, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (title_row), required);
    }
  gtk_box_append (GTK_BOX (self->box), title_row);

  if (question->help != NULL)
    gtk_box_append (GTK_BOX (self->box), make_label (question->help, "dim-label"));

  if (question->kind == CRM_QUESTION_SINGLE || question->kind == CRM_QUESTION_MULTIPLE ||
      question->kind == CRM_QUESTION_RATING)
    build_choices (self, industries);
  else
    build_entry (self);

  self->error_label = make_label (NULL, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_label);

  self->skip_label = make_label (NULL, "dim-label");
  gtk_widget_set_visible (self->skip_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->skip_label);

  load_answer (self, answer);

  return GTK_WIDGET (self);
}

const char *
crm_question_view_get_question_id (CrmQuestionView *self)
{
  g_return_val_if_fail (CRM_IS_QUESTION_VIEW (self), NULL);

  return self->question->id;
}

/**
 * crm_question_view_dup_answer:
 *
 * Returns: (transfer full): the answer as the inputs show it now
 */
CrmAnswer *
crm_question_view_dup_answer (CrmQuestionView *self)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  const char *other = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CRM_IS_QUESTION_VIEW (self), NULL);

  if (self->entry != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

      g_strv_builder_add (values, text);
    }

  /* In the order of the options, not of the hash table. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->inputs);
       child != NULL && self->entry == NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      gboolean active = GTK_IS_CHECK_BUTTON (button)
                          ? gtk_check_button_get_active (GTK_CHECK_BUTTON (button))
                          : gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));

      if (!active)
        continue;

      g_hash_table_iter_init (&iter, self->buttons);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (value == button)
          g_strv_builder_add (values, key);
    }

  if (self->other_check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->other_check)))
    other = gtk_editable_get_text (GTK_EDITABLE (self->other_entry));

  strv = g_strv_builder_end (values);

  return crm_answer_new ((const char * const *)strv, other);
}

/**
 * crm_question_view_set_skipped:
 * @reason: (nullable): why the question is skipped; %NULL shows it
 */
void
crm_question_view_set_skipped (CrmQuestionView *self,
                               const char      *reason)
{
  g_return_if_fail (CRM_IS_QUESTION_VIEW (self));

  gtk_label_set_text (GTK_LABEL (self->skip_label), reason);
  gtk_widget_set_visible (self->skip_label, reason != NULL);
  gtk_widget_set_sensitive (self->inputs, reason == NULL);
  if (self->other_entry != NULL)
    gtk_widget_set_sensitive (gtk_widget_get_parent (self->other_entry), reason == NULL);
}

/**
 * crm_question_view_set_error:
 * @message: (nullable): why the answer was not saved; %NULL hides it
 */
void
crm_question_view_set_error (CrmQuestionView *self,
                             const char      *message)
{
  g_return_if_fail (CRM_IS_QUESTION_VIEW (self));

  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, message != NULL);
}
