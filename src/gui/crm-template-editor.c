/* crm-template-editor.c — editing a questionnaire template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The editor changes a copy of the template: modules and questions are
 * added, moved up and down, edited (crm-template-item-dialog.c) and
 * removed in the copy, and Save hands it to the store, which checks it
 * as it checks an imported file and saves it as one undoable action. A
 * template that has responses is saved as its next version, so those
 * responses keep the questions they answered; the editor says so.
 */

#define G_LOG_DOMAIN "crm-template-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "crm-button-names.h"
#include "crm-gui-util.h"
#include "crm-template-editor.h"
#include "crm-template-item-dialog.h"

struct _CrmTemplateEditor
{
  GtkWidget              parent_instance;

  GtkWidget             *main_box;
  GtkEditable           *name_entry;
  GtkLabel              *version_label;
  GtkBox                *modules_box;

  CrmQuestionnaireStore *store;
  CrmQuestionnaire      *questionnaire;
  gboolean               dirty;
};

G_DEFINE_FINAL_TYPE (CrmTemplateEditor, crm_template_editor, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (CrmTemplateEditor *self);

static void
item_changed (gpointer user_data)
{
  CrmTemplateEditor *self = user_data;

  self->dirty = TRUE;
  rebuild (self);
}

static GtkWidget *
icon_button (const char *icon,
             const char *accessible,
             const char *action,
             const char *id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));

  return button;
}

/* Up, down, edit and remove buttons for the item @id called @title. */
static GtkWidget *
item_buttons (const char *id,
              const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *up = g_strdup_printf (_("Move “%s” up"), title);
  g_autofree char *down = g_strdup_printf (_("Move “%s” down"), title);
  g_autofree char *edit = g_strdup_printf (_("Edit “%s”"), title);
  g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), title);

  gtk_box_append (GTK_BOX (box), icon_button ("go-up-symbolic", up, "editor.move-up", id));
  gtk_box_append (GTK_BOX (box), icon_button ("go-down-symbolic", down, "editor.move-down", id));
  gtk_box_append (GTK_BOX (box), icon_button ("document-edit-symbolic", edit, "editor.edit-item", id));
  gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", remove, "editor.remove", id));

  return box;
}

static char *
question_subtitle (CrmQuestion *question)
{
  g_autoptr(GString) text = g_string_new (crm_question_kind_to_label (question->kind));

  if (question->required)
    g_string_append_printf (text, " · %s", _("Required"));
  if (question->options->len > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u option", "%u options", question->options->len),
                              question->options->len);
    }
  if (question->condition != NULL)
    g_string_append_printf (text, " · %s", _("Skip logic"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
module_group (CrmQuestionModule *module)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Question"));
  g_autofree char *title = g_markup_escape_text (module->title, -1);
  g_autofree char *add_label = g_strdup_printf (_("Add a question to “%s”"), module->title);
  g_autoptr(GString) description = g_string_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (module->help != NULL)
    g_string_append (description, module->help);
  if (module->condition != NULL)
    g_string_append_printf (description, "%s%s", description->len ? " · " : "", _("Skip logic"));
  if (description->len > 0)
    {
      g_autofree char *escaped = g_markup_escape_text (description->str, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
    }
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), item_buttons (module->id, module->title));

  for (guint i = 0; i < module->questions->len; i++)
    {
      CrmQuestion *question = g_ptr_array_index (module->questions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *row_title = g_markup_escape_text (question->title, -1);
      g_autofree char *subtitle = question_subtitle (question);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), item_buttons (question->id, question->title));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_margin_top (add, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "editor.add-question");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add), g_variant_new_string (module->id));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);

  return group;
}

static void
rebuild (CrmTemplateEditor *self)
{
  GPtrArray *modules = crm_questionnaire_get_modules (self->questionnaire);
  g_autofree char *version = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->modules_box))) != NULL)
    gtk_box_remove (self->modules_box, child);

  for (guint i = 0; i < modules->len; i++)
    gtk_box_append (self->modules_box, module_group (g_ptr_array_index (modules, i)));

  if (crm_questionnaire_get_id (self->questionnaire) > 0 &&
      crm_questionnaire_store_template_in_use (self->store, crm_questionnaire_get_id (self->questionnaire)))
    /* Translators: %d is the template's version. */
    version = g_strdup_printf (_("Version %d has responses: saving makes a new version, and the responses keep the questions they answered."),
                               crm_questionnaire_get_version (self->questionnaire));
  else if (crm_questionnaire_get_id (self->questionnaire) > 0)
    version = g_strdup_printf (_("Version %d"), crm_questionnaire_get_version (self->questionnaire));
  gtk_label_set_text (self->version_label, version);
  gtk_widget_set_visible (GTK_WIDGET (self->version_label), version != NULL);
}

/* Finds the item @id: its module, and the question when it is one. */
static gboolean
find_item (CrmTemplateEditor  *self,
           const char         *id,
           int                *module_index,
           int                *question_index)
{
  GPtrArray *modules = crm_questionnaire_get_modules (self->questionnaire);

  for (guint i = 0; i < modules->len; i++)
    {
      CrmQuestionModule *module = g_ptr_array_index (modules, i);

      *module_index = i;
      *question_index = -1;
      if (g_strcmp0 (module->id, id) == 0)
        return TRUE;
      for (guint j = 0; j < module->questions->len; j++)
        if (g_strcmp0 (((CrmQuestion *)g_ptr_array_index (module->questions, j))->id, id) == 0)
          {
            *question_index = j;
            return TRUE;
          }
    }

  return FALSE;
}

static void
swap (GPtrArray *array,
      guint      a,
      guint      b)
{
  gpointer item = array->pdata[a];

  array->pdata[a] = array->pdata[b];
  array->pdata[b] = item;
}

static void
move (CrmTemplateEditor *self,
      const char        *id,
      int                delta)
{
  GPtrArray *modules = crm_questionnaire_get_modules (self->questionnaire);
  int m, q;

  if (!find_item (self, id, &m, &q))
    return;

  if (q < 0)
    {
      if (m + delta < 0 || m + delta >= (int)modules->len)
        return;
      swap (modules, m, m + delta);
    }
  else
    {
      CrmQuestionModule *module = g_ptr_array_index (modules, m);

      if (q + delta >= 0 && q + delta < (int)module->questions->len)
        swap (module->questions, q, q + delta);
      else if (m + delta >= 0 && m + delta < (int)modules->len)
        {
          /* Past the end of its module, a question moves into the next. */
          CrmQuestionModule *other = g_ptr_array_index (modules, m + delta);
          CrmQuestion *question = g_ptr_array_steal_index (module->questions, q);

          if (delta < 0)
            g_ptr_array_add (other->questions, question);
          else
            g_ptr_array_insert (other->questions, 0, question);
        }
      else
        return;
    }

  item_changed (self);
}

static void
crm_template_editor_move_up_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  move (CRM_TEMPLATE_EDITOR (widget), g_variant_get_string (param, NULL), -1);
}

static void
crm_template_editor_move_down_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  move (CRM_TEMPLATE_EDITOR (widget), g_variant_get_string (param, NULL), +1);
}

static void
crm_template_editor_remove_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  CrmTemplateEditor *self = CRM_TEMPLATE_EDITOR (widget);
  GPtrArray *modules = crm_questionnaire_get_modules (self->questionnaire);
  int m, q;

  if (!find_item (self, g_variant_get_string (param, NULL), &m, &q))
    return;

  if (q >= 0)
    g_ptr_array_remove_index (((CrmQuestionModule *)g_ptr_array_index (modules, m))->questions, q);
  else if (modules->len > 1)
    g_ptr_array_remove_index (modules, m);
  else
    {
      crm_gui_toast (widget, _("A template needs at least one module."), FALSE);
      return;
    }

  item_changed (self);
}

static void
edit_item (CrmTemplateEditor *self,
           const char        *id)
{
  GPtrArray *modules = crm_questionnaire_get_modules (self->questionnaire);
  CrmQuestionModule *module;
  GtkWidget *dialog;
  int m, q;

  if (!find_item (self, id, &m, &q))
    return;

  module = g_ptr_array_index (modules, m);
  dialog = crm_template_item_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         self->questionnaire, module,
                                         q >= 0 ? g_ptr_array_index (module->questions, q) : NULL,
                                         item_changed, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
crm_template_editor_edit_item_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  edit_item (CRM_TEMPLATE_EDITOR (widget), g_variant_get_string (param, NULL));
}

static void
crm_template_editor_add_module_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  CrmTemplateEditor *self = CRM_TEMPLATE_EDITOR (widget);
  g_autofree char *id = crm_questionnaire_new_item_id (self->questionnaire, "m");

  crm_questionnaire_add_module (self->questionnaire, crm_question_module_new (id, _("New module")));
  item_changed (self);
  edit_item (self, id);
}

static void
crm_template_editor_add_question_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  CrmTemplateEditor *self = CRM_TEMPLATE_EDITOR (widget);
  int index = crm_questionnaire_find_module (self->questionnaire, g_variant_get_string (param, NULL));
  g_autofree char *id = NULL;
  CrmQuestionModule *module;

  if (index < 0)
    return;

  module = crm_questionnaire_get_module (self->questionnaire, index);
  id = crm_questionnaire_new_item_id (self->questionnaire, "q");
  g_ptr_array_add (module->questions, crm_question_new (id, CRM_QUESTION_TEXT, _("New question")));
  item_changed (self);
  edit_item (self, id);
}

static void
crm_template_editor_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  CrmTemplateEditor *self = CRM_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));
  g_autofree char *message = NULL;
  int version = crm_questionnaire_get_version (self->questionnaire);
  gint64 old_id = crm_questionnaire_get_id (self->questionnaire);

  if (*name == '\0')
    {
      crm_gui_toast (widget, _("Name the template before saving it."), FALSE);
      return;
    }

  crm_questionnaire_set_name (self->questionnaire, name);
  if (crm_questionnaire_store_save_template (self->store, self->questionnaire, &error) <= 0)
    {
      crm_gui_toast (widget, error->message, FALSE);
      return;
    }

  self->dirty = FALSE;
  if (old_id > 0 && crm_questionnaire_get_version (self->questionnaire) != version)
    message = g_strdup_printf (_("Saved as version %d; the responses to version %d keep their questions"),
                               crm_questionnaire_get_version (self->questionnaire), version);
  else
    message = g_strdup (_("Template saved"));
  crm_gui_toast (widget, message, TRUE);
  rebuild (self);
}

static void
on_discard_response (CrmTemplateEditor *self,
                     const char        *response)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[CLOSED], 0);
    }
}

static void
crm_template_editor_close_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  CrmTemplateEditor *self = CRM_TEMPLATE_EDITOR (widget);
  GtkWidget *dialog;

  if (!self->dirty)
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Discard Changes to the Template?"),
                                   _("The changes since it was last saved are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
crm_template_editor_dispose (GObject *object)
{
  CrmTemplateEditor *self = (CrmTemplateEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->questionnaire);

  G_OBJECT_CLASS (crm_template_editor_parent_class)->dispose (object);
}

static void
crm_template_editor_class_init (CrmTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_template_editor_dispose;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTemplateEditor, main_box);
  gtk_widget_class_bind_template_child (widget_class, CrmTemplateEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmTemplateEditor, version_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTemplateEditor, modules_box);

  gtk_widget_class_install_action (widget_class, "editor.add-module", NULL, crm_template_editor_add_module_action);
  gtk_widget_class_install_action (widget_class, "editor.add-question", "s", crm_template_editor_add_question_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-item", "s", crm_template_editor_edit_item_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", "s", crm_template_editor_move_up_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", "s", crm_template_editor_move_down_action);
  gtk_widget_class_install_action (widget_class, "editor.remove", "s", crm_template_editor_remove_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, crm_template_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, crm_template_editor_close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
on_name_changed (CrmTemplateEditor *self)
{
  self->dirty = TRUE;
}

static void
crm_template_editor_init (CrmTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_button_names_fix (GTK_WIDGET (self));
  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (on_name_changed), self, G_CONNECT_SWAPPED);
}

/**
 * crm_template_editor_edit:
 * @questionnaire: the template to edit (a copy is edited) or a new one
 */
void
crm_template_editor_edit (CrmTemplateEditor     *self,
                          CrmQuestionnaireStore *store,
                          CrmQuestionnaire      *questionnaire)
{
  g_return_if_fail (CRM_IS_TEMPLATE_EDITOR (self));

  g_set_object (&self->store, store);
  g_clear_object (&self->questionnaire);
  self->questionnaire = crm_questionnaire_copy (questionnaire);

  gtk_editable_set_text (self->name_entry, crm_questionnaire_get_name (questionnaire));
  self->dirty = FALSE;
  rebuild (self);
}
