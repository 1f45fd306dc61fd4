/* crm-questionnaire-fill.c — filling in a questionnaire, one module at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Each answer is handed to the store the moment it changes, which commits
 * it; moving between modules saves the module too, so the draft reopens
 * where it was left. After every answer the skip logic runs again: a
 * question or a whole module that no longer applies says why.
 */

#define G_LOG_DOMAIN "crm-questionnaire-fill"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "crm-question-view.h"
#include "crm-questionnaire-fill.h"
#include "crm-submit-dialog.h"
#include "crm-button-names.h"
#include "crm-gui-util.h"

struct _CrmQuestionnaireFill
{
  GtkWidget                 parent_instance;

  GtkWidget                *main_box;
  GtkLabel                 *title_label;
  GtkLabel                 *subtitle_label;
  GtkProgressBar           *progress_bar;
  GtkScrolledWindow        *scroller;
  GtkLabel                 *module_label;
  GtkLabel                 *module_help_label;
  AdwStatusPage            *skipped_page;
  GtkBox                   *questions_box;
  GtkLabel                 *step_label;
  GtkWidget                *next_button;
  GtkWidget                *submit_button;

  CrmQuestionnaireStore    *store;
  CrmQuestionnaire         *questionnaire;
  CrmQuestionnaireResponse *response;
  CrmSkipLogic             *logic;
  GHashTable               *customer_fields;
  GHashTable               *skipped;
  guint                     module;
};

G_DEFINE_FINAL_TYPE (CrmQuestionnaireFill, crm_questionnaire_fill, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
evaluate (CrmQuestionnaireFill *self)
{
  g_autoptr(GHashTable) values = crm_questionnaire_response_dup_values (self->response);

  g_clear_pointer (&self->skipped, g_hash_table_unref);
  self->skipped = crm_skip_logic_evaluate (self->logic, values, self->customer_fields);
}

static void
update_progress (CrmQuestionnaireFill *self)
{
  g_autoptr(GPtrArray) questions = crm_questionnaire_list_questions (self->questionnaire);
  guint n_modules = crm_questionnaire_get_n_modules (self->questionnaire);
  guint shown = 0, answered = 0;
  g_autofree char *text = NULL;
  g_autofree char *step = NULL;
  gboolean last = self->module + 1 >= n_modules;

  for (guint i = 0; i < questions->len; i++)
    {
      CrmQuestion *question = g_ptr_array_index (questions, i);

      if (g_hash_table_contains (self->skipped, question->id))
        continue;
      shown++;
      if (!crm_answer_is_empty (crm_questionnaire_response_get_answer (self->response, question->id)))
        answered++;
    }

  /* Translators: progress of a questionnaire: answered of shown questions. */
  text = g_strdup_printf (_("%u of %u questions answered"), answered, shown);
  gtk_progress_bar_set_fraction (self->progress_bar, shown > 0 ? (double)answered / shown : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);

  /* Translators: the module shown, of how many, e.g. “Module 2 of 6”. */
  step = g_strdup_printf (_("Module %u of %u"), self->module + 1, n_modules);
  gtk_label_set_text (self->step_label, step);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fill.previous", self->module > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fill.next", !last);
  gtk_widget_set_visible (self->next_button, !last);
  if (last)
    gtk_widget_add_css_class (self->submit_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->submit_button, "suggested-action");
}

static void
update_skips (CrmQuestionnaireFill *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CrmQuestionView *view = CRM_QUESTION_VIEW (child);

      crm_question_view_set_skipped (view, g_hash_table_lookup (self->skipped,
                                                                crm_question_view_get_question_id (view)));
    }
}

static void
on_answer_changed (CrmQuestionnaireFill *self,
                   CrmQuestionView      *view)
{
  g_autoptr(CrmAnswer) answer = crm_question_view_dup_answer (view);
  g_autoptr(GError) error = NULL;
  const char *question_id = crm_question_view_get_question_id (view);

  if (!crm_questionnaire_store_set_answer (self->store, crm_questionnaire_response_get_id (self->response),
                                           question_id, answer, &error))
    {
      /* What was typed stays in the field, with the reason beside it. */
      crm_question_view_set_error (view, error->message);
      return;
    }

  crm_question_view_set_error (view, NULL);
  crm_questionnaire_response_take_answer (self->response, question_id, g_steal_pointer (&answer));
  evaluate (self);
  update_skips (self);
  update_progress (self);
}

static void
show_module (CrmQuestionnaireFill *self,
             guint                 index)
{
  CrmQuestionModule *module;
  const char *reason;
  GtkWidget *child;
  GtkWidget *focus;
  gboolean focus_in_questions;
  GListModel *industries;

  index = MIN (index, crm_questionnaire_get_n_modules (self->questionnaire) - 1);
  self->module = index;
  module = crm_questionnaire_get_module (self->questionnaire, index);
  industries = crm_customer_store_list_industries (crm_questionnaire_store_get_customer_store (self->store));

  /* A keyboard user inside the old module's questions (Alt+Page Down)
   * goes on in the new module's, rather than losing the focus. */
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  focus_in_questions = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->questions_box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);

  gtk_label_set_text (self->module_label, module->title);
  gtk_label_set_text (self->module_help_label, module->help);
  gtk_widget_set_visible (GTK_WIDGET (self->module_help_label), module->help != NULL);

  reason = g_hash_table_lookup (self->skipped, module->id);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_page), reason != NULL);
  adw_status_page_set_description (self->skipped_page, reason);

  for (guint i = 0; reason == NULL && i < module->questions->len; i++)
    {
      CrmQuestion *question = g_ptr_array_index (module->questions, i);
      GtkWidget *view = crm_question_view_new (self->questionnaire, question,
                                               crm_questionnaire_response_get_answer (self->response, question->id),
                                               industries);

      g_signal_connect_object (view, "changed", G_CALLBACK (on_answer_changed), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->questions_box, view);
    }

  update_skips (self);
  update_progress (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  if (focus_in_questions)
    gtk_widget_child_focus (GTK_WIDGET (self->questions_box), GTK_DIR_TAB_FORWARD);
}

static void
go_to_module (CrmQuestionnaireFill *self,
              guint                 index)
{
  g_autoptr(GError) error = NULL;

  show_module (self, index);

  if (!crm_questionnaire_store_set_current_module (self->store, crm_questionnaire_response_get_id (self->response),
                                                   crm_questionnaire_get_module (self->questionnaire, self->module)->id,
                                                   &error))
    crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
}

static void
crm_questionnaire_fill_previous_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  CrmQuestionnaireFill *self = CRM_QUESTIONNAIRE_FILL (widget);

  if (self->module > 0)
    go_to_module (self, self->module - 1);
}

static void
crm_questionnaire_fill_next_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  CrmQuestionnaireFill *self = CRM_QUESTIONNAIRE_FILL (widget);

  go_to_module (self, self->module + 1);
}

static void
crm_questionnaire_fill_close_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

/* The first module with an unanswered required question, to go to. */
static int
first_missing_module (CrmQuestionnaireFill *self)
{
  for (guint i = 0; i < crm_questionnaire_get_n_modules (self->questionnaire); i++)
    {
      CrmQuestionModule *module = crm_questionnaire_get_module (self->questionnaire, i);

      for (guint j = 0; j < module->questions->len; j++)
        {
          CrmQuestion *question = g_ptr_array_index (module->questions, j);

          if (question->required && !g_hash_table_contains (self->skipped, question->id) &&
              crm_answer_is_empty (crm_questionnaire_response_get_answer (self->response, question->id)))
            return i;
        }
    }

  return -1;
}

static void
on_submit_response (CrmQuestionnaireFill *self,
                    const char           *response,
                    AdwMessageDialog     *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "submit") != 0)
    return;

  if (crm_questionnaire_store_submit (self->store, crm_questionnaire_response_get_id (self->response), &error) <= 0)
    {
      crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  crm_gui_toast (GTK_WIDGET (self), _("Questionnaire submitted; the customer is updated"), TRUE);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
crm_questionnaire_fill_submit_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  CrmQuestionnaireFill *self = CRM_QUESTIONNAIRE_FILL (widget);
  g_autoptr(CrmSubmitPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  plan = crm_questionnaire_store_plan (self->store, crm_questionnaire_response_get_id (self->response), &error);
  if (plan == NULL)
    {
      crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  missing = crm_submit_plan_dup_missing (plan);
  if (missing[0] != NULL)
    {
      int module = first_missing_module (self);

      if (module >= 0)
        go_to_module (self, module);
    }

  dialog = crm_submit_dialog_new (GTK_WINDOW (root), plan);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
crm_questionnaire_fill_dispose (GObject *object)
{
  CrmQuestionnaireFill *self = (CrmQuestionnaireFill *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_QUESTIONNAIRE_FILL);
  g_clear_object (&self->store);
  g_clear_object (&self->questionnaire);
  g_clear_object (&self->response);
  g_clear_pointer (&self->logic, crm_skip_logic_free);
  g_clear_pointer (&self->customer_fields, g_hash_table_unref);
  g_clear_pointer (&self->skipped, g_hash_table_unref);

  G_OBJECT_CLASS (crm_questionnaire_fill_parent_class)->dispose (object);
}

static void
crm_questionnaire_fill_class_init (CrmQuestionnaireFillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_questionnaire_fill_dispose;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-questionnaire-fill.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, main_box);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, module_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, module_help_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, skipped_page);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, questions_box);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, step_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, next_button);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireFill, submit_button);

  gtk_widget_class_install_action (widget_class, "fill.previous", NULL, crm_questionnaire_fill_previous_action);
  gtk_widget_class_install_action (widget_class, "fill.next", NULL, crm_questionnaire_fill_next_action);
  gtk_widget_class_install_action (widget_class, "fill.submit", NULL, crm_questionnaire_fill_submit_action);
  gtk_widget_class_install_action (widget_class, "fill.close", NULL, crm_questionnaire_fill_close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "fill.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "fill.previous", NULL);
  /* Every answer is already written through, so leaving loses nothing:
   * Escape and Alt+Left go back as the back button does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "fill.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "fill.close", NULL);
}

static void
crm_questionnaire_fill_init (CrmQuestionnaireFill *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_button_names_fix (GTK_WIDGET (self));
}

/**
 * crm_questionnaire_fill_open:
 * @store: the questionnaire store
 * @response_id: a draft response
 * @error: return location for an error
 *
 * Shows the draft on the module it was left at.
 *
 * Returns: %TRUE when the draft could be read
 */
gboolean
crm_questionnaire_fill_open (CrmQuestionnaireFill   *self,
                             CrmQuestionnaireStore  *store,
                             gint64                  response_id,
                             GError                **error)
{
  g_autoptr(CrmQuestionnaireResponse) response = NULL;
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *subtitle = NULL;
  gint64 customer_id;
  int module;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_FILL (self), FALSE);
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (store), FALSE);

  response = crm_questionnaire_store_get_response (store, response_id, error);
  if (response == NULL)
    return FALSE;

  questionnaire = crm_questionnaire_store_get_template (store, crm_questionnaire_response_get_template_id (response), error);
  if (questionnaire == NULL)
    return FALSE;

  customer_id = crm_questionnaire_response_get_customer_id (response);
  if (customer_id > 0)
    customer = crm_customer_store_get (crm_questionnaire_store_get_customer_store (store), customer_id, NULL);

  g_set_object (&self->store, store);
  g_set_object (&self->questionnaire, questionnaire);
  g_set_object (&self->response, response);
  g_clear_pointer (&self->logic, crm_skip_logic_free);
  self->logic = crm_questionnaire_build_skip_logic (questionnaire);
  g_clear_pointer (&self->customer_fields, g_hash_table_unref);
  self->customer_fields = crm_questionnaire_customer_fields (customer);
  evaluate (self);

  gtk_label_set_text (self->title_label, crm_questionnaire_get_name (questionnaire));
  subtitle = customer_id > 0
               ? g_strdup (crm_questionnaire_response_get_customer_name (response))
               /* Translators: %s is the name of a prospect, not yet a customer. */
               : g_strdup_printf (_("%s (new prospect)"), crm_questionnaire_response_get_customer_name (response));
  gtk_label_set_text (self->subtitle_label, subtitle);

  module = crm_questionnaire_find_module (questionnaire, crm_questionnaire_response_get_current_module (response));
  show_module (self, MAX (module, 0));

  return TRUE;
}

gint64
crm_questionnaire_fill_get_response_id (CrmQuestionnaireFill *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_FILL (self), 0);

  return self->response != NULL ? crm_questionnaire_response_get_id (self->response) : 0;
}
