/* crm-questionnaire-json.c — questionnaire templates as JSON files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A template file is read as untrusted input: its size and nesting are
 * bounded before json-glib builds a tree, every member is checked for its
 * type, and the first problem is reported with where it is ("module 2,
 * question 3: …"). Nothing is imported unless the whole file passes.
 *
 *   { "format": "rapport-questionnaire", "name": "…", "version": 1,
 *     "modules": [ { "id": "basic", "title": "…", "help": "…",
 *                    "condition": CONDITION,
 *                    "questions": [ { "id": "q1", "kind": "single",
 *                                     "title": "…", "help": "…",
 *                                     "required": true, "allow_other": false,
 *                                     "options": [ { "id": "a", "label": "…" } ],
 *                                     "options_from": "industries",
 *                                     "feeds": [ "tags" ], "prefill": "name",
 *                                     "condition": CONDITION } ] } ] }
 *
 *   CONDITION: { "all": [ CONDITION… ] } | { "any": [ CONDITION… ] }
 *            | { "not": CONDITION }
 *            | { "answer": QUESTION-ID, "op": OP, "value": "…" }
 *            | { "customer": FIELD, "op": OP, "value": "…" }
 *   with an optional "reason" shown when the condition skips something.
 */

#define G_LOG_DOMAIN "crm-questionnaire-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "crm-questionnaire-json.h"

G_DEFINE_QUARK (crm-questionnaire-error-quark, crm_questionnaire_error)

#define MAX_DEPTH 24
#define MAX_MODULES 100
#define MAX_QUESTIONS 1000
#define MAX_OPTIONS 100
#define MAX_CONDITION_PARTS 50
#define MAX_TEXT 2000

static const char * const customer_fields[] = {
  "customer_type", "tier", "industry", "kind", "employees", NULL
};

/* Reading ---------------------------------------------------------------- */

static gboolean
check_depth (const char  *text,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_DEEP,
                           _("The file nests lists and objects more than %d levels deep; a questionnaire template never does."),
                           MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        depth--;
    }

  return TRUE;
}

static gboolean G_GNUC_PRINTF (3, 4)
invalid (GError     **error,
         const char  *where,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s says where in the file (“module 2, question
   * 1”), the second what is wrong there. */
  g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_INVALID,
               _("%s: %s"), where, message);

  return FALSE;
}

/* Reads the optional string @member of @object into @out; %FALSE with an
 * error when it is there but not a string or too long. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *where,
            char       **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return invalid (error, where, _("“%s” is missing."), member);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, where, _("“%s” must be text."), member);

  text = json_node_get_string (node);
  if (g_utf8_strlen (text, -1) > MAX_TEXT)
    return invalid (error, where, _("“%s” is longer than %d characters."), member, MAX_TEXT);
  if (required && *text == '\0')
    return invalid (error, where, _("“%s” is empty."), member);

  *out = g_strdup (text);

  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *member,
          const char  *where,
          gboolean    *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return invalid (error, where, _("“%s” must be true or false."), member);

  *out = json_node_get_boolean (node);

  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           gboolean     required,
           const char  *where,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        invalid (error, where, _("“%s” is missing."), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, where, _("“%s” must be a list."), member);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;

  return TRUE;
}

static gboolean
get_id (JsonObject  *object,
        const char  *where,
        GHashTable  *seen,
        char       **out,
        GError     **error)
{
  g_autofree char *id = NULL;

  if (!get_string (object, "id", TRUE, where, &id, error))
    return FALSE;

  if (!valid_id (id))
    return invalid (error, where,
                    _("the id “%s” must be 1 to 64 letters, digits, “_”, “-” or “.”."), id);

  if (seen != NULL)
    {
      if (g_hash_table_contains (seen, id))
        {
          g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_DUPLICATE_ID,
                       _("%s: the id “%s” is used twice; every module and question needs its own."),
                       where, id);
          return FALSE;
        }
      g_hash_table_add (seen, g_strdup (id));
    }

  *out = g_steal_pointer (&id);

  return TRUE;
}

static CrmCondition *
condition_from_node (JsonNode    *node,
                     const char  *where,
                     guint       *budget,
                     GError     **error)
{
  JsonObject *object;
  g_autoptr(CrmCondition) condition = NULL;
  static const char * const groups[] = { "all", "any", "not" };

  if (*budget == 0)
    {
      g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_LARGE,
                   _("%s: the condition has more than %d parts."), where, MAX_CONDITION_PARTS);
      return NULL;
    }
  (*budget)--;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, where, _("a condition must be an object."));
      return NULL;
    }
  object = json_node_get_object (node);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      JsonNode *member = json_object_get_member (object, groups[g]);

      if (member == NULL)
        continue;

      condition = crm_condition_new (CRM_CONDITION_ALL + g, CRM_CONDITION_OP_EQUALS, NULL, NULL);
      if (g == 2)
        {
          CrmCondition *child = condition_from_node (member, where, budget, error);

          if (child == NULL)
            return NULL;
          crm_condition_add_child (condition, child);
        }
      else
        {
          JsonArray *parts;

          if (!JSON_NODE_HOLDS_ARRAY (member))
            {
              invalid (error, where, _("“%s” must be a list of conditions."), groups[g]);
              return NULL;
            }
          parts = json_node_get_array (member);
          for (guint i = 0; i < json_array_get_length (parts); i++)
            {
              CrmCondition *child = condition_from_node (json_array_get_element (parts, i), where, budget, error);

              if (child == NULL)
                return NULL;
              crm_condition_add_child (condition, child);
            }
        }
      break;
    }

  if (condition == NULL)
    {
      g_autofree char *subject = NULL, *op_name = NULL, *value = NULL;
      gboolean on_customer = json_object_has_member (object, "customer");
      CrmConditionOp op;

      if (!on_customer && !json_object_has_member (object, "answer"))
        {
          invalid (error, where, _("a condition needs “answer”, “customer”, “all”, “any” or “not”."));
          return NULL;
        }

      if (!get_string (object, on_customer ? "customer" : "answer", TRUE, where, &subject, error) ||
          !get_string (object, "op", TRUE, where, &op_name, error) ||
          !get_string (object, "value", FALSE, where, &value, error))
        return NULL;

      if (!crm_condition_op_from_string (op_name, &op))
        {
          invalid (error, where,
                   _("the condition operator “%s” is unknown (use equals, not-equals, includes, answered, not-answered, less-than or greater-than)."),
                   op_name);
          return NULL;
        }

      if (on_customer && !g_strv_contains (customer_fields, subject))
        {
          invalid (error, where,
                   _("conditions can test the customer fields customer_type, tier, industry, kind and employees, not “%s”."),
                   subject);
          return NULL;
        }

      condition = crm_condition_new (on_customer ? CRM_CONDITION_CUSTOMER : CRM_CONDITION_ANSWER,
                                     op, subject, value);
    }

  if (!get_string (object, "reason", FALSE, where, &condition->reason, error))
    return NULL;

  return g_steal_pointer (&condition);
}

static gboolean
get_condition (JsonObject    *object,
               const char    *where,
               CrmCondition **out,
               GError       **error)
{
  JsonNode *node = json_object_get_member (object, "condition");
  guint budget = MAX_CONDITION_PARTS;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  *out = condition_from_node (node, where, &budget, error);

  return *out != NULL;
}

static gboolean
read_options (JsonObject   *object,
              CrmQuestion  *question,
              const char   *where,
              GError      **error)
{
  JsonArray *options = get_array (object, "options", FALSE, where, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (options == NULL)
    return error == NULL || *error == NULL;

  if (json_array_get_length (options) > MAX_OPTIONS)
    {
      g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_LARGE,
                   _("%s: more than %d options."), where, MAX_OPTIONS);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (options); i++)
    {
      JsonNode *node = json_array_get_element (options, i);
      g_autofree char *option_where = g_strdup_printf (_("%s, option %u"), where, i + 1);
      g_autofree char *id = NULL, *label = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, option_where, _("an option must be an object with “id” and “label”."));

      if (!get_id (json_node_get_object (node), option_where, seen, &id, error) ||
          !get_string (json_node_get_object (node), "label", TRUE, option_where, &label, error))
        return FALSE;

      crm_question_add_option (question, id, label);
    }

  return TRUE;
}

static gboolean
read_feeds (JsonObject   *object,
            CrmQuestion  *question,
            const char   *where,
            GError      **error)
{
  JsonArray *feeds = get_array (object, "feeds", FALSE, where, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (feeds == NULL)
    return error == NULL || *error == NULL;

  if (json_array_get_length (feeds) > 10)
    return invalid (error, where, _("“feeds” lists more than 10 targets."));

  for (guint i = 0; i < json_array_get_length (feeds); i++)
    {
      JsonNode *node = json_array_get_element (feeds, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return invalid (error, where, _("“feeds” must be a list of texts."));
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  question->feeds = g_strv_builder_end (builder);

  return TRUE;
}

static CrmQuestion *
question_from_node (JsonNode    *node,
                    const char  *where,
                    GHashTable  *seen,
                    GError     **error)
{
  JsonObject *object;
  g_autofree char *id = NULL, *kind_name = NULL, *title = NULL;
  CrmQuestionKind kind;
  CrmQuestion *question;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, where, _("a question must be an object."));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_id (object, where, seen, &id, error) ||
      !get_string (object, "kind", TRUE, where, &kind_name, error) ||
      !get_string (object, "title", TRUE, where, &title, error))
    return NULL;

  if (!crm_question_kind_from_string (kind_name, &kind))
    {
      g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_UNKNOWN_KIND,
                   _("%s: the question kind “%s” is unknown (use single, multiple, text, rating, number or date)."),
                   where, kind_name);
      return NULL;
    }

  question = crm_question_new (id, kind, title);
  ok = get_string (object, "help", FALSE, where, &question->help, error) &&
       get_bool (object, "required", where, &question->required, error) &&
       get_bool (object, "allow_other", where, &question->allow_other, error) &&
       get_string (object, "options_from", FALSE, where, &question->options_from, error) &&
       get_string (object, "prefill", FALSE, where, &question->prefill, error) &&
       read_options (object, question, where, error) &&
       read_feeds (object, question, where, error) &&
       get_condition (object, where, &question->condition, error);

  if (ok && question->options_from != NULL && g_strcmp0 (question->options_from, "industries") != 0)
    ok = invalid (error, where, _("“options_from” can only be “industries”."));

  if (ok && (kind == CRM_QUESTION_SINGLE || kind == CRM_QUESTION_MULTIPLE) &&
      question->options->len == 0 && question->options_from == NULL)
    ok = invalid (error, where, _("a choice question needs at least one option."));

  if (!ok)
    {
      crm_question_free (question);
      return NULL;
    }

  return question;
}

static CrmQuestionModule *
module_from_node (JsonNode    *node,
                  guint        index,
                  GHashTable  *seen,
                  guint       *n_questions,
                  GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("module %u"), index + 1);
  g_autofree char *id = NULL, *title = NULL;
  JsonObject *object;
  JsonArray *questions;
  CrmQuestionModule *module;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, where, _("a module must be an object."));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_id (object, where, seen, &id, error) ||
      !get_string (object, "title", TRUE, where, &title, error))
    return NULL;

  questions = get_array (object, "questions", TRUE, where, error);
  if (questions == NULL)
    return NULL;

  module = crm_question_module_new (id, title);
  if (!get_string (object, "help", FALSE, where, &module->help, error) ||
      !get_condition (object, where, &module->condition, error))
    {
      crm_question_module_free (module);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      g_autofree char *question_where = g_strdup_printf (_("module %u, question %u"), index + 1, i + 1);
      CrmQuestion *question;

      if (++(*n_questions) > MAX_QUESTIONS)
        {
          g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_LARGE,
                       _("The template has more than %d questions."), MAX_QUESTIONS);
          crm_question_module_free (module);
          return NULL;
        }

      question = question_from_node (json_array_get_element (questions, i), question_where, seen, error);
      if (question == NULL)
        {
          crm_question_module_free (module);
          return NULL;
        }
      g_ptr_array_add (module->questions, question);
    }

  return module;
}

/**
 * crm_questionnaire_from_json:
 * @text: the JSON text
 * @length: its length, or -1 when nul-terminated
 * @error: return location for a #CrmQuestionnaireError
 *
 * Reads and checks a template (see the format at the top of this file).
 *
 * Returns: (transfer full) (nullable): the template, not yet saved
 */
CrmQuestionnaire *
crm_questionnaire_from_json (const char  *text,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(CrmQuestionnaire) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format = NULL, *name = NULL, *family = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *modules;
  JsonNode *version;
  guint n_questions = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (length > CRM_QUESTIONNAIRE_MAX_FILE_SIZE)
    {
      g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_LARGE,
                   _("The file is larger than %d KiB; a questionnaire template never is."),
                   CRM_QUESTIONNAIRE_MAX_FILE_SIZE / 1024);
      return NULL;
    }

  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error_literal (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_MALFORMED,
                           _("The file is not UTF-8 text."));
      return NULL;
    }

  if (!check_depth (text, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_MALFORMED,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_INVALID,
                           _("The file does not hold a questionnaire template (a JSON object)."));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!get_string (object, "format", TRUE, _("The template"), &format, error))
    return NULL;
  if (g_strcmp0 (format, CRM_QUESTIONNAIRE_FORMAT) != 0)
    {
      invalid (error, _("The template"), _("“format” must be “%s”, not “%s”."), CRM_QUESTIONNAIRE_FORMAT, format);
      return NULL;
    }

  if (!get_string (object, "name", TRUE, _("The template"), &name, error) ||
      !get_string (object, "family", FALSE, _("The template"), &family, error))
    return NULL;

  self = crm_questionnaire_new (name);
  crm_questionnaire_set_family (self, family);

  version = json_object_get_member (object, "version");
  if (version != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
          json_node_get_int (version) < 1 || json_node_get_int (version) > 100000)
        {
          invalid (error, _("The template"), _("“version” must be a whole number from 1."));
          return NULL;
        }
      crm_questionnaire_set_version (self, json_node_get_int (version));
    }

  modules = get_array (object, "modules", TRUE, _("The template"), error);
  if (modules == NULL)
    return NULL;

  if (json_array_get_length (modules) == 0)
    {
      invalid (error, _("The template"), _("it has no modules."));
      return NULL;
    }
  if (json_array_get_length (modules) > MAX_MODULES)
    {
      g_set_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_LARGE,
                   _("The template has more than %d modules."), MAX_MODULES);
      return NULL;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      CrmQuestionModule *module = module_from_node (json_array_get_element (modules, i), i, seen,
                                                    &n_questions, error);

      if (module == NULL)
        return NULL;
      crm_questionnaire_add_module (self, module);
    }

  if (!crm_questionnaire_check_conditions (self, &local_error))
    {
      g_set_error_literal (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_CONDITION,
                           local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * crm_questionnaire_load_file:
 * @path: a JSON file
 * @error: return location for a #CrmQuestionnaireError or a #GFileError
 *
 * Returns: (transfer full) (nullable): the template in the file
 */
CrmQuestionnaire *
crm_questionnaire_load_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *text = NULL;
  gsize length = 0;
  GError *local_error = NULL;
  CrmQuestionnaire *self;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  /* Read one byte more than allowed, so a huge file is refused without
   * reading all of it. */
  text = g_malloc (CRM_QUESTIONNAIRE_MAX_FILE_SIZE + 2);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), text, CRM_QUESTIONNAIRE_MAX_FILE_SIZE + 1,
                                &length, NULL, error))
    return NULL;
  text[length] = '\0';

  self = crm_questionnaire_from_json (text, length, &local_error);
  if (self == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: “file”: message */
                   _("“%s”: %s"), display, local_error->message);
      g_error_free (local_error);
    }

  return self;
}

