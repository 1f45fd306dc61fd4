/* crm-questionnaires-page.c — the Questionnaires page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The page lists the drafts (to continue) and the templates (to fill in
 * for a new prospect, edit, export, or see results), and swaps itself for
 * the filling view, the results or the template editor.
 */

#define G_LOG_DOMAIN "crm-questionnaires-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "crm-cadence.h"
#include "crm-questionnaire-fill.h"
#include "crm-questionnaire-results-view.h"
#include "crm-questionnaire-json.h"
#include "crm-questionnaires-page.h"
#include "crm-template-editor.h"
#include "crm-button-names.h"
#include "crm-gui-util.h"

struct _CrmQuestionnairesPage
{
  GtkWidget              parent_instance;

  GtkStack              *stack;
  AdwPreferencesGroup   *drafts_group;
  GtkListBox            *drafts_list;
  GtkListBox            *templates_list;
  /* The store came while the page was hidden: its lists get their rows
   * when the page first shows, not at start-up. */
  gboolean               bind_pending;
  CrmQuestionnaireFill  *fill;
  CrmQuestionnaireResultsView *results_view;
  CrmTemplateEditor     *editor;

  CrmQuestionnaireStore *store;
};

G_DEFINE_FINAL_TYPE (CrmQuestionnairesPage, crm_questionnaires_page, GTK_TYPE_WIDGET)

static GtkWidget *
row_button (const char *label,
            const char *accessible,
            const char *action,
            gint64      id,
            gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");

  return button;
}

static GtkWidget *
create_draft_row (gpointer item,
                  gpointer user_data)
{
  CrmQuestionnaireResponse *response = item;
  gint64 id = crm_questionnaire_response_get_id (response);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (crm_questionnaire_response_get_customer_name (response), -1);
  g_autofree char *accessible = g_strdup_printf (_("Continue the questionnaire for %s"),
                                                 crm_questionnaire_response_get_customer_name (response));
  g_autofree char *discard = g_strdup_printf (_("Discard the draft for %s"),
                                              crm_questionnaire_response_get_customer_name (response));
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *when = crm_time_format_local (crm_questionnaire_response_get_updated_at (response), zone, TRUE);
  /* Translators: when a questionnaire draft was last answered, in local time. */
  g_autofree char *subtitle = g_strdup_printf (_("Last answer %s"),
                                               when != NULL ? when : crm_questionnaire_response_get_updated_at (response));
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  button = row_button (_("_Discard"), discard, "questionnaires.discard", id, FALSE);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  button = row_button (_("_Continue"), accessible, "questionnaires.continue", id, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
create_template_row (gpointer item,
                     gpointer user_data)
{
  CrmQuestionnaire *questionnaire = item;
  gint64 id = crm_questionnaire_get_id (questionnaire);
  const char *name = crm_questionnaire_get_name (questionnaire);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = g_strdup_printf (_("Fill in “%s” for a new prospect"), name);
  g_autofree char *more = g_strdup_printf (_("More actions for “%s”"), name);
  guint n_modules = crm_questionnaire_get_n_modules (questionnaire);

  /* Translators: a template's version and size, e.g. “Version 2 · 6 modules”. */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Version %d · %u module", "Version %d · %u modules", n_modules),
                              crm_questionnaire_get_version (questionnaire), n_modules);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (_("_New Prospect…"), accessible, "questionnaires.start-prospect", id, FALSE));

  {
    const struct { const char *label; const char *action; } items[] = {
      { N_("_Results"), "questionnaires.results" },
      { N_("_Edit Template"), "questionnaires.edit" },
      { N_("E_xport…"), "questionnaires.export" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        g_autoptr(GMenuItem) menu_item = g_menu_item_new (_(items[i].label), NULL);

        g_menu_item_set_action_and_target_value (menu_item, items[i].action, g_variant_new_int64 (id));
        g_menu_append_item (menu, menu_item);
      }
  }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, more);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, more, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  return row;
}

static void
bind_lists (CrmQuestionnairesPage *self)
{
  gtk_list_box_bind_model (self->drafts_list, self->store ? crm_questionnaire_store_list_drafts (self->store) : NULL,
                           create_draft_row, NULL, NULL);
  gtk_list_box_bind_model (self->templates_list, self->store ? crm_questionnaire_store_list_templates (self->store) : NULL,
                           create_template_row, NULL, NULL);
}

static void
update_drafts_visibility (CrmQuestionnairesPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->drafts_group),
                          self->store != NULL &&
                          g_list_model_get_n_items (crm_questionnaire_store_list_drafts (self->store)) > 0);
}

static void
open_response (CrmQuestionnairesPage *self,
               gint64                 response_id)
{
  g_autoptr(GError) error = NULL;

  if (!crm_questionnaire_fill_open (self->fill, self->store, response_id, &error))
    {
      crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "fill");
  /* The focus follows to the questionnaire, so the keyboard (and
   * Escape, to come back) works there at once. */
  gtk_widget_child_focus (GTK_WIDGET (self->fill), GTK_DIR_TAB_FORWARD);
}

static void
crm_questionnaires_page_back_cb (CrmQuestionnairesPage *self,
                                 GtkWidget             *view)
{
  gtk_stack_set_visible_child_name (self->stack, "home");
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
crm_questionnaires_page_continue_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  open_response (CRM_QUESTIONNAIRES_PAGE (widget), g_variant_get_int64 (param));
}

static void
crm_questionnaires_page_discard_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  CrmQuestionnairesPage *self = CRM_QUESTIONNAIRES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!crm_questionnaire_store_discard (self->store, g_variant_get_int64 (param), &error))
    crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
  else
    crm_gui_toast (GTK_WIDGET (self), _("Draft discarded"), TRUE);
}

typedef struct
{
  CrmQuestionnairesPage *self;
  GtkWidget             *entry;
  gint64                 template_id;
} ProspectData;

static void
on_prospect_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ProspectData     *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
  gint64 id;

  if (g_strcmp0 (response, "start") != 0)
    return;

  id = crm_questionnaire_store_start (data->self->store, data->template_id, 0, name, &error);
  if (id <= 0)
    {
      crm_gui_toast (GTK_WIDGET (data->self), error->message, FALSE);
      return;
    }

  open_response (data->self, id);
}

static void
on_prospect_name_changed (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "start", *name != '\0');
}

static void
crm_questionnaires_page_start_prospect_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *param)
{
  CrmQuestionnairesPage *self = CRM_QUESTIONNAIRES_PAGE (widget);
  ProspectData *data = g_new0 (ProspectData, 1);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Questionnaire for a New Prospect"),
                                   _("The prospect becomes a customer when the questionnaire is submitted."));
  data->self = self;
  data->template_id = g_variant_get_int64 (param);
  data->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (data->entry), _("Company or person name"));
  gtk_entry_set_activates_default (GTK_ENTRY (data->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Prospect name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), data->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "start", FALSE);
  g_signal_connect (data->entry, "changed", G_CALLBACK (on_prospect_name_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_prospect_response), data,
                         (GClosureNotify)(void (*) (void))g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chosen (const char *path,
                  gpointer    user_data)
{
  CrmQuestionnairesPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (crm_questionnaire_store_import_template (self->store, path, &error) <= 0)
    crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
  else
    crm_gui_toast (GTK_WIDGET (self), _("Template imported"), TRUE);
}

static void
crm_questionnaires_page_import_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  crm_gui_choose_file (widget, _("Import Questionnaire Template"), GTK_FILE_CHOOSER_ACTION_OPEN,
                       _("_Import"), NULL, _("Questionnaire templates (JSON)"), "*.json",
                       on_import_chosen, g_object_ref (widget), g_object_unref);
}

typedef struct
{
  CrmQuestionnairesPage *self;
  CrmQuestionnaire      *questionnaire;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->questionnaire);
  g_free (data);
}

static void
on_export_chosen (const char *path,
                  gpointer    user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;

  /* The file chooser asked before replacing a file. */
  if (!crm_questionnaire_save_file (data->questionnaire, path, TRUE, &error))
    crm_gui_toast (GTK_WIDGET (data->self), error->message, FALSE);
  else
    crm_gui_toast (GTK_WIDGET (data->self), _("Template exported"), FALSE);
}

static void
crm_questionnaires_page_export_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  CrmQuestionnairesPage *self = CRM_QUESTIONNAIRES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  ExportData *data;
  CrmQuestionnaire *questionnaire;

  questionnaire = crm_questionnaire_store_get_template (self->store, g_variant_get_int64 (param), &error);
  if (questionnaire == NULL)
    {
      crm_gui_toast (widget, error->message, FALSE);
      return;
    }

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->questionnaire = questionnaire;
  name = g_strdup_printf ("%s.json", crm_questionnaire_get_name (questionnaire));
  crm_gui_choose_file (widget, _("Export Questionnaire Template"), GTK_FILE_CHOOSER_ACTION_SAVE,
                       _("_Export"), name, _("Questionnaire templates (JSON)"), "*.json",
                       on_export_chosen, data, (GDestroyNotify)export_data_free);
}

static void
crm_questionnaires_page_results_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  CrmQuestionnairesPage *self = CRM_QUESTIONNAIRES_PAGE (widget);

  crm_questionnaire_results_view_show (self->results_view, self->store, g_variant_get_int64 (param));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
crm_questionnaires_page_edit_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  CrmQuestionnairesPage *self = CRM_QUESTIONNAIRES_PAGE (widget);
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  g_autoptr(GError) error = NULL;

  questionnaire = crm_questionnaire_store_get_template (self->store, g_variant_get_int64 (param), &error);
  if (questionnaire == NULL)
    {
      crm_gui_toast (widget, error->message, FALSE);
      return;
    }

  crm_template_editor_edit (self->editor, self->store, questionnaire);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
crm_questionnaires_page_new_template_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *param)
{
  CrmQuestionnairesPage *self = CRM_QUESTIONNAIRES_PAGE (widget);
  g_autoptr(CrmQuestionnaire) questionnaire = crm_questionnaire_new (_("New questionnaire"));

  /* A template has at least one module; the editor adds the rest. */
  crm_questionnaire_add_module (questionnaire, crm_question_module_new ("m1", _("New module")));
  crm_template_editor_edit (self->editor, self->store, questionnaire);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
crm_questionnaires_page_map (GtkWidget *widget)
{
  CrmQuestionnairesPage *self = CRM_QUESTIONNAIRES_PAGE (widget);

  GTK_WIDGET_CLASS (crm_questionnaires_page_parent_class)->map (widget);

  if (self->bind_pending)
    {
      self->bind_pending = FALSE;
      bind_lists (self);
    }
}

static void
crm_questionnaires_page_dispose (GObject *object)
{
  CrmQuestionnairesPage *self = (CrmQuestionnairesPage *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (crm_questionnaire_store_list_drafts (self->store), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_QUESTIONNAIRES_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_questionnaires_page_parent_class)->dispose (object);
}

static void
crm_questionnaires_page_class_init (CrmQuestionnairesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_questionnaires_page_dispose;
  widget_class->map = crm_questionnaires_page_map;

  g_type_ensure (CRM_TYPE_QUESTIONNAIRE_FILL);
  g_type_ensure (CRM_TYPE_QUESTIONNAIRE_RESULTS_VIEW);
  g_type_ensure (CRM_TYPE_TEMPLATE_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-questionnaires-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnairesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnairesPage, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnairesPage, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnairesPage, templates_list);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnairesPage, fill);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnairesPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, CrmQuestionnairesPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, crm_questionnaires_page_back_cb);

  gtk_widget_class_install_action (widget_class, "questionnaires.continue", "x", crm_questionnaires_page_continue_action);
  gtk_widget_class_install_action (widget_class, "questionnaires.discard", "x", crm_questionnaires_page_discard_action);
  gtk_widget_class_install_action (widget_class, "questionnaires.start-prospect", "x",
                                   crm_questionnaires_page_start_prospect_action);
  gtk_widget_class_install_action (widget_class, "questionnaires.import", NULL, crm_questionnaires_page_import_action);
  gtk_widget_class_install_action (widget_class, "questionnaires.export", "x", crm_questionnaires_page_export_action);
  gtk_widget_class_install_action (widget_class, "questionnaires.results", "x", crm_questionnaires_page_results_action);
  gtk_widget_class_install_action (widget_class, "questionnaires.edit", "x", crm_questionnaires_page_edit_action);
  gtk_widget_class_install_action (widget_class, "questionnaires.new-template", NULL,
                                   crm_questionnaires_page_new_template_action);
}

static void
crm_questionnaires_page_init (CrmQuestionnairesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_button_names_fix (GTK_WIDGET (self));
}

void
crm_questionnaires_page_set_store (CrmQuestionnairesPage *self,
                                   CrmQuestionnaireStore *store)
{
  g_return_if_fail (CRM_IS_QUESTIONNAIRES_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (crm_questionnaire_store_list_drafts (self->store), self);

  if (!g_set_object (&self->store, store))
    return;

  gtk_stack_set_visible_child_name (self->stack, "home");

  self->bind_pending = store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->bind_pending)
    {
      gtk_list_box_bind_model (self->drafts_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->templates_list, NULL, NULL, NULL, NULL);
    }
  else
    bind_lists (self);
  if (store != NULL)
    g_signal_connect_object (crm_questionnaire_store_list_drafts (store), "items-changed",
                             G_CALLBACK (update_drafts_visibility), self, G_CONNECT_SWAPPED);
  update_drafts_visibility (self);
}

/**
 * crm_questionnaires_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store
 */
CrmQuestionnaireStore *
crm_questionnaires_page_get_store (CrmQuestionnairesPage *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRES_PAGE (self), NULL);

  return self->store;
}

/**
 * crm_questionnaires_page_fill_for_customer:
 * @customer_id: the customer
 *
 * Continues the customer's draft, or starts the built-in questionnaire
 * for them, prefilled from their record.
 */
void
crm_questionnaires_page_fill_for_customer (CrmQuestionnairesPage *self,
                                           gint64                 customer_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_if_fail (CRM_IS_QUESTIONNAIRES_PAGE (self));

  if (self->store == NULL)
    return;

  id = crm_questionnaire_store_find_draft (self->store, customer_id);
  if (id <= 0)
    id = crm_questionnaire_store_start (self->store, crm_questionnaire_store_get_builtin_id (self->store),
                                        customer_id, NULL, &error);
  if (id <= 0)
    {
      crm_gui_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  open_response (self, id);
}
