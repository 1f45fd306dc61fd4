/* crm-questionnaire-results-view.c — per-question results with charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One card per question: how many answered, the average of a rating or
 * number, and for choices a bar chart of counts and shares, drawn by
 * crm-chart.c (the same code the reports use). Filters by industry and
 * tier recompute the results.
 */

#define G_LOG_DOMAIN "crm-questionnaire-results-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "crm-answer-chart.h"
#include "crm-button-names.h"
#include "crm-gui-util.h"
#include "crm-industry.h"
#include "crm-questionnaire-results.h"
#include "crm-questionnaire-results-view.h"

struct _CrmQuestionnaireResultsView
{
  GtkWidget                parent_instance;

  GtkWidget               *main_box;
  GtkLabel                *title_label;
  GtkDropDown             *industry_dropdown;
  GtkDropDown             *tier_dropdown;
  GtkLabel                *summary_label;
  GtkBox                  *questions_box;

  CrmQuestionnaireStore   *store;
  gint64                   template_id;
  CrmQuestionnaireResults *results;
  GArray                  *industry_ids;
};

G_DEFINE_FINAL_TYPE (CrmQuestionnaireResultsView, crm_questionnaire_results_view, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CrmTier tiers[] = { CRM_TIER_NONE, CRM_TIER_S, CRM_TIER_A, CRM_TIER_B, CRM_TIER_C };

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  const CrmQuestionResult *result = user_data;
  g_autofree CrmAnswerBar *bars = g_new0 (CrmAnswerBar, result->labels->len);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  /* Adwaita's blue 3, the accent colour, unless the style names one. */
  GdkRGBA accent = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 };
  GdkRGBA ink;
  double rgb[3], text_rgb[3];
  g_autofree char *font_name = NULL;

  /* The bars in the accent colour and the labels in the text colour of
   * the style in use, light or dark. */
  gtk_style_context_lookup_color (style, "accent_bg_color", &accent);
  gtk_style_context_get_color (style, &ink);
  rgb[0] = accent.red, rgb[1] = accent.green, rgb[2] = accent.blue;
  text_rgb[0] = ink.red, text_rgb[1] = ink.green, text_rgb[2] = ink.blue;

  /* The interface font, so the chart reads like the rest. */
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (area)), "gtk-font-name", &font_name, NULL);

  for (guint i = 0; i < result->labels->len; i++)
    {
      bars[i].label = g_ptr_array_index (result->labels, i);
      bars[i].value = g_array_index (result->counts, guint, i);
    }

  crm_answer_chart_draw_bars (cr, width, font_name, bars, result->labels->len, result->n_answered, rgb, text_rgb);
}

static GtkWidget *
question_card (const CrmQuestionResult *result)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (result->question->title);
  g_autofree char *summary = NULL;
  GtkWidget *summary_label;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  if ((result->question->kind == CRM_QUESTION_RATING || result->question->kind == CRM_QUESTION_NUMBER) &&
      result->n_answered > 0)
    /* Translators: answers to a question and their average, e.g. “12 answers · average 3.5”. */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer · average %.1f", "%u answers · average %.1f",
                                            result->n_answered),
                               result->n_answered, crm_question_result_get_average (result));
  else if (result->n_other > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer, %u with “Other”", "%u answers, %u with “Other”",
                                            result->n_answered),
                               result->n_answered, result->n_other);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers", result->n_answered),
                               result->n_answered);

  summary_label = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (summary_label), 0);
  gtk_widget_add_css_class (summary_label, "dim-label");
  gtk_box_append (GTK_BOX (box), summary_label);

  if (result->labels->len > 0)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autoptr(GString) description = g_string_new (NULL);

      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int)crm_answer_chart_bars_height (result->labels->len));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, (gpointer)result, NULL);
      /* The figures, for screen readers. */
      for (guint i = 0; i < result->labels->len; i++)
        g_string_append_printf (description, "%s%s: %u", i ? "; " : "",
                                (const char *)g_ptr_array_index (result->labels, i),
                                g_array_index (result->counts, guint, i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, result->question->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                      -1);
      gtk_box_append (GTK_BOX (box), area);
    }

  return box;
}

static void
reload (CrmQuestionnaireResultsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint industry = gtk_drop_down_get_selected (self->industry_dropdown);
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);
  gint64 industry_id = industry != GTK_INVALID_LIST_POSITION && industry < self->industry_ids->len
                         ? g_array_index (self->industry_ids, gint64, industry) : 0;
  GtkWidget *child;
  GPtrArray *questions;

  if (self->store == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);

  g_clear_object (&self->results);
  self->results = crm_questionnaire_results_compute (self->store, self->template_id, industry_id,
                                                     tier < G_N_ELEMENTS (tiers) ? tiers[tier] : CRM_TIER_NONE,
                                                     &error);
  if (self->results == NULL)
    {
      crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  gtk_label_set_text (self->title_label,
                      crm_questionnaire_get_name (crm_questionnaire_results_get_questionnaire (self->results)));
  /* Translators: submitted responses, drafts, and the response rate with
   * the customers it is of, e.g. “12 responses · 3 drafts · response rate
   * 40% (12 of 30 customers)”. */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u response · %u drafts · response rate %.0f%% (%u of %u customers)",
                                          "%u responses · %u drafts · response rate %.0f%% (%u of %u customers)",
                                          crm_questionnaire_results_get_n_responses (self->results)),
                             crm_questionnaire_results_get_n_responses (self->results),
                             crm_questionnaire_results_get_n_drafts (self->results),
                             crm_questionnaire_results_get_response_rate (self->results) * 100,
                             crm_questionnaire_results_get_n_responded (self->results),
                             crm_questionnaire_results_get_n_customers (self->results));
  gtk_label_set_text (self->summary_label, summary);

  questions = crm_questionnaire_results_get_questions (self->results);
  for (guint i = 0; i < questions->len; i++)
    gtk_box_append (self->questions_box, question_card (g_ptr_array_index (questions, i)));
}

static void
on_export_chosen (const char *path,
                  gpointer    user_data)
{
  CrmQuestionnaireResultsView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  /* The file chooser asked before replacing a file. */
  if (!crm_questionnaire_results_export_csv (self->store, self->template_id, path, TRUE, &n, &error))
    {
      crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u response", "Exported %u responses", n), n);
  crm_gui_toast (GTK_WIDGET (self), message, FALSE);
}

static void
crm_questionnaire_results_view_export_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *param)
{
  CrmQuestionnaireResultsView *self = CRM_QUESTIONNAIRE_RESULTS_VIEW (widget);
  g_autofree char *name = NULL;

  if (self->results == NULL)
    return;

  name = g_strdup_printf ("%s.csv", crm_questionnaire_get_name (crm_questionnaire_results_get_questionnaire (self->results)));
  crm_gui_choose_file (widget, _("Export Responses"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
                       _("CSV files"), "*.csv", on_export_chosen, g_object_ref (self), g_object_unref);
}

static void
crm_questionnaire_results_view_close_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *param)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
crm_questionnaire_results_view_dispose (GObject *object)
{
  CrmQuestionnaireResultsView *self = (CrmQuestionnaireResultsView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_QUESTIONNAIRE_RESULTS_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->results);
  g_clear_pointer (&self->industry_ids, g_array_unref);

  G_OBJECT_CLASS (crm_questionnaire_results_view_parent_class)->dispose (object);
}

static void
crm_questionnaire_results_view_class_init (CrmQuestionnaireResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_questionnaire_results_view_dispose;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rapportcrm/Rapport/crm-questionnaire-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireResultsView, main_box);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireResultsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireResultsView, industry_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireResultsView, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireResultsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnaireResultsView, questions_box);

  gtk_widget_class_install_action (widget_class, "results.export", NULL, crm_questionnaire_results_view_export_action);
  gtk_widget_class_install_action (widget_class, "results.close", NULL, crm_questionnaire_results_view_close_action);
}

static void
crm_questionnaire_results_view_init (CrmQuestionnaireResultsView *self)
{
  const char *tier_names[] = { _("All tiers"), _("Tier S"), _("Tier A"), _("Tier B"), _("Tier C"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  crm_button_names_fix (GTK_WIDGET (self));

  self->industry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drop_down_set_model (self->tier_dropdown, G_LIST_MODEL (gtk_string_list_new (tier_names)));
  g_signal_connect_object (self->industry_dropdown, "notify::selected", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tier_dropdown, "notify::selected", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
}

/**
 * crm_questionnaire_results_view_show:
 * @template_id: a version of the template; its family's responses count
 */
void
crm_questionnaire_results_view_show (CrmQuestionnaireResultsView *self,
                                     CrmQuestionnaireStore       *store,
                                     gint64                       template_id)
{
  GListModel *industries = crm_customer_store_list_industries (crm_questionnaire_store_get_customer_store (store));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_return_if_fail (CRM_IS_QUESTIONNAIRE_RESULTS_VIEW (self));

  g_set_object (&self->store, store);
  self->template_id = template_id;

  g_array_set_size (self->industry_ids, 0);
  gtk_string_list_append (names, _("All industries"));
  g_array_append_val (self->industry_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);
      gint64 id = crm_industry_get_id (industry);

      gtk_string_list_append (names, crm_industry_get_name (industry));
      g_array_append_val (self->industry_ids, id);
    }

  /* Setting the models resets the filters; reload once, after both. */
  g_signal_handlers_block_by_func (self->industry_dropdown, reload, self);
  g_signal_handlers_block_by_func (self->tier_dropdown, reload, self);
  gtk_drop_down_set_model (self->industry_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->industry_dropdown, 0);
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->industry_dropdown, reload, self);
  g_signal_handlers_unblock_by_func (self->tier_dropdown, reload, self);

  reload (self);
}
