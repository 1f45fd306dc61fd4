/* crm-questionnaire-json-write.c — questionnaire templates written as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The format is described in crm-questionnaire-json.c, which reads it
 * back; members that hold their default (no help, not required, no
 * condition) are left out.
 */

#define G_LOG_DOMAIN "crm-questionnaire-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-questionnaire-json.h"


static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_condition (JsonBuilder        *builder,
               const CrmCondition *condition)
{
  json_builder_begin_object (builder);

  switch (condition->kind)
    {
    case CRM_CONDITION_ALL:
    case CRM_CONDITION_ANY:
      json_builder_set_member_name (builder, condition->kind == CRM_CONDITION_ALL ? "all" : "any");
      json_builder_begin_array (builder);
      for (guint i = 0; i < condition->children->len; i++)
        add_condition (builder, g_ptr_array_index (condition->children, i));
      json_builder_end_array (builder);
      break;

    case CRM_CONDITION_NOT:
      json_builder_set_member_name (builder, "not");
      if (condition->children->len > 0)
        add_condition (builder, g_ptr_array_index (condition->children, 0));
      else
        json_builder_add_null_value (builder);
      break;

    case CRM_CONDITION_ANSWER:
    case CRM_CONDITION_CUSTOMER:
      add_string (builder, condition->kind == CRM_CONDITION_ANSWER ? "answer" : "customer",
                  condition->subject);
      add_string (builder, "op", crm_condition_op_to_string (condition->op));
      add_string (builder, "value", condition->value);
      break;

    default:
      g_assert_not_reached ();
    }

  add_string (builder, "reason", condition->reason);
  json_builder_end_object (builder);
}

static void
add_question (JsonBuilder *builder,
              CrmQuestion *question)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", question->id);
  add_string (builder, "kind", crm_question_kind_to_string (question->kind));
  add_string (builder, "title", question->title);
  add_string (builder, "help", question->help);
  if (question->required)
    {
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (question->allow_other)
    {
      json_builder_set_member_name (builder, "allow_other");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (question->options->len > 0)
    {
      json_builder_set_member_name (builder, "options");
      json_builder_begin_array (builder);
      for (guint i = 0; i < question->options->len; i++)
        {
          CrmQuestionOption *option = g_ptr_array_index (question->options, i);

          json_builder_begin_object (builder);
          add_string (builder, "id", option->id);
          add_string (builder, "label", option->label);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  add_string (builder, "options_from", question->options_from);
  if (question->feeds != NULL && question->feeds[0] != NULL)
    {
      json_builder_set_member_name (builder, "feeds");
      json_builder_begin_array (builder);
      for (guint i = 0; question->feeds[i] != NULL; i++)
        json_builder_add_string_value (builder, question->feeds[i]);
      json_builder_end_array (builder);
    }
  add_string (builder, "prefill", question->prefill);
  if (question->condition != NULL)
    {
      json_builder_set_member_name (builder, "condition");
      add_condition (builder, question->condition);
    }
  json_builder_end_object (builder);
}

/**
 * crm_questionnaire_to_json:
 *
 * Returns: (transfer full): the template as JSON text, which
 *   crm_questionnaire_from_json() reads back
 */
char *
crm_questionnaire_to_json (CrmQuestionnaire *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *modules;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", CRM_QUESTIONNAIRE_FORMAT);
  add_string (builder, "name", crm_questionnaire_get_name (self));
  add_string (builder, "family", crm_questionnaire_get_family (self));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, crm_questionnaire_get_version (self));
  json_builder_set_member_name (builder, "modules");
  json_builder_begin_array (builder);

  modules = crm_questionnaire_get_modules (self);
  for (guint i = 0; i < modules->len; i++)
    {
      CrmQuestionModule *module = g_ptr_array_index (modules, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", module->id);
      add_string (builder, "title", module->title);
      add_string (builder, "help", module->help);
      if (module->condition != NULL)
        {
          json_builder_set_member_name (builder, "condition");
          add_condition (builder, module->condition);
        }
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint j = 0; j < module->questions->len; j++)
        add_question (builder, g_ptr_array_index (module->questions, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/**
 * crm_questionnaire_save_file:
 * @overwrite: whether to replace an existing file
 *
 * Returns: %TRUE when written; the file is replaced only once complete
 */
gboolean
crm_questionnaire_save_file (CrmQuestionnaire  *self,
                             const char        *path,
                             gboolean           overwrite,
                             GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = crm_questionnaire_to_json (self);

  if (!overwrite && g_file_query_exists (file, NULL))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” exists already; it was left as it is."), display);
      return FALSE;
    }

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
