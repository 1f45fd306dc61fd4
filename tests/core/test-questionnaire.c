/* test-questionnaire.c — templates: skip logic, JSON files and versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-questionnaire-builtin.h"
#include "crm-questionnaire-json.h"
#include "test-questionnaire-fixture.h"

/* Skip logic ------------------------------------------------------------- */

static GHashTable *
answers_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
}

static void
answer (GHashTable *answers,
        const char *question,
        const char *value)
{
  g_hash_table_insert (answers, g_strdup (question), g_strdupv ((char *[]) { (char *)value, NULL }));
}

static CrmCondition *
on_answer (const char     *question,
           CrmConditionOp  op,
           const char     *value)
{
  return crm_condition_new (CRM_CONDITION_ANSWER, op, question, value);
}

/* Adds an item with @condition, which it takes. */
static void
add_item (CrmSkipLogic *logic,
          const char   *id,
          const char   *parent_id,
          const char   *title,
          CrmCondition *condition)
{
  crm_skip_logic_add_item (logic, id, parent_id, title, condition);
  crm_condition_free (condition);
}

static void
test_skip_chain (void)
{
  g_autoptr(CrmSkipLogic) logic = crm_skip_logic_new ();
  g_autoptr(CrmCondition) b_if = on_answer ("a", CRM_CONDITION_OP_EQUALS, "yes");
  g_autoptr(CrmCondition) c_if = on_answer ("b", CRM_CONDITION_OP_ANSWERED, NULL);
  g_autoptr(CrmCondition) d_if = on_answer ("c", CRM_CONDITION_OP_NOT_ANSWERED, NULL);
  g_autoptr(GHashTable) answers = answers_new ();
  g_autoptr(GHashTable) skipped = NULL;
  g_autoptr(GError) error = NULL;

  /* a → b → c: b asks only when a is yes; c only when b is answered; d
   * only when c has no answer (or is skipped). */
  crm_skip_logic_add_item (logic, "m", NULL, "Module", NULL);
  crm_skip_logic_add_item (logic, "a", "m", "A", NULL);
  crm_skip_logic_add_item (logic, "b", "m", "B", b_if);
  crm_skip_logic_add_item (logic, "c", "m", "C", c_if);
  crm_skip_logic_add_item (logic, "d", "m", "D", d_if);
  g_assert_true (crm_skip_logic_check (logic, &error));
  g_assert_no_error (error);

  /* b was answered earlier, but a is no now: b is skipped, so its answer
   * no longer counts, so c is skipped too, and d shows. */
  answer (answers, "a", "no");
  answer (answers, "b", "something");
  answer (answers, "c", "more");
  skipped = crm_skip_logic_evaluate (logic, answers, NULL);
  g_assert_false (g_hash_table_contains (skipped, "a"));
  g_assert_true (g_hash_table_contains (skipped, "b"));
  g_assert_true (g_hash_table_contains (skipped, "c"));
  g_assert_false (g_hash_table_contains (skipped, "d"));
  g_assert_nonnull (strstr (g_hash_table_lookup (skipped, "b"), "“A”"));
  g_clear_pointer (&skipped, g_hash_table_unref);

  answer (answers, "a", "yes");
  skipped = crm_skip_logic_evaluate (logic, answers, NULL);
  g_assert_false (g_hash_table_contains (skipped, "b"));
  g_assert_false (g_hash_table_contains (skipped, "c"));
  g_assert_true (g_hash_table_contains (skipped, "d"));
}

static void
test_skip_customer_fields (void)
{
  g_autoptr(CrmSkipLogic) logic = crm_skip_logic_new ();
  g_autoptr(CrmCondition) history_if = crm_condition_new (CRM_CONDITION_CUSTOMER, CRM_CONDITION_OP_NOT_EQUALS,
                                                          "customer_type", "new");
  g_autoptr(CrmCondition) big_if = crm_condition_new (CRM_CONDITION_ALL, 0, NULL, NULL);
  g_autoptr(GHashTable) answers = answers_new ();
  g_autoptr(GHashTable) customer = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) skipped = NULL;

  history_if->reason = g_strdup ("New customer");
  crm_condition_add_child (big_if, crm_condition_new (CRM_CONDITION_CUSTOMER, CRM_CONDITION_OP_GREATER_THAN,
                                                      "employees", "500"));
  crm_condition_add_child (big_if, crm_condition_new (CRM_CONDITION_CUSTOMER, CRM_CONDITION_OP_EQUALS,
                                                      "tier", "S"));

  crm_skip_logic_add_item (logic, "history", NULL, "History", history_if);
  crm_skip_logic_add_item (logic, "satisfaction", "history", "Satisfaction", NULL);
  add_item (logic, "renewal", "history", "Renewal",
                           on_answer ("satisfaction", CRM_CONDITION_OP_LESS_THAN, "4"));
  crm_skip_logic_add_item (logic, "key-account", NULL, "Key account", big_if);
  g_assert_true (crm_skip_logic_check (logic, NULL));

  answer (answers, "satisfaction", "2");

  /* A new customer skips the module, its questions and what depends on
   * them, all with the module's reason. */
  g_hash_table_insert (customer, "customer_type", "new");
  skipped = crm_skip_logic_evaluate (logic, answers, customer);
  g_assert_cmpstr (g_hash_table_lookup (skipped, "history"), ==, "New customer");
  g_assert_cmpstr (g_hash_table_lookup (skipped, "satisfaction"), ==, "New customer");
  g_assert_true (g_hash_table_contains (skipped, "renewal"));
  g_assert_true (g_hash_table_contains (skipped, "key-account"));
  g_clear_pointer (&skipped, g_hash_table_unref);

  g_hash_table_insert (customer, "customer_type", "returning");
  g_hash_table_insert (customer, "employees", "800");
  g_hash_table_insert (customer, "tier", "S");
  skipped = crm_skip_logic_evaluate (logic, answers, customer);
  g_assert_cmpuint (g_hash_table_size (skipped), ==, 0);
  g_clear_pointer (&skipped, g_hash_table_unref);

  /* No customer record at all: conditions on its fields do not hold. */
  skipped = crm_skip_logic_evaluate (logic, answers, NULL);
  g_assert_true (g_hash_table_contains (skipped, "key-account"));
}

static void
test_skip_cycles_refused (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CrmSkipLogic) logic = crm_skip_logic_new ();

    /* a asks when b is answered, b when a is. */
    crm_skip_logic_add_item (logic, "m", NULL, "Module", NULL);
    add_item (logic, "a", "m", "A", on_answer ("b", CRM_CONDITION_OP_ANSWERED, NULL));
    add_item (logic, "b", "m", "B", on_answer ("a", CRM_CONDITION_OP_ANSWERED, NULL));
    g_assert_false (crm_skip_logic_check (logic, &error));
    g_assert_error (error, CRM_SKIP_LOGIC_ERROR, CRM_SKIP_LOGIC_ERROR_CYCLE);
    g_assert_nonnull (strstr (error->message, "“A” → “B” → “A”"));
    g_clear_error (&error);
  }

  {
    g_autoptr(CrmSkipLogic) logic = crm_skip_logic_new ();

    /* A module that depends on an answer inside itself. */
    add_item (logic, "m", NULL, "Module", on_answer ("q", CRM_CONDITION_OP_EQUALS, "x"));
    crm_skip_logic_add_item (logic, "q", "m", "Q", NULL);
    g_assert_false (crm_skip_logic_check (logic, &error));
    g_assert_error (error, CRM_SKIP_LOGIC_ERROR, CRM_SKIP_LOGIC_ERROR_CYCLE);
    g_clear_error (&error);
  }

  {
    g_autoptr(CrmSkipLogic) logic = crm_skip_logic_new ();

    add_item (logic, "q", NULL, "Q", on_answer ("q", CRM_CONDITION_OP_ANSWERED, NULL));
    g_assert_false (crm_skip_logic_check (logic, &error));
    g_assert_error (error, CRM_SKIP_LOGIC_ERROR, CRM_SKIP_LOGIC_ERROR_CYCLE);
    g_clear_error (&error);
  }

  {
    g_autoptr(CrmSkipLogic) logic = crm_skip_logic_new ();

    add_item (logic, "q", NULL, "Q", on_answer ("gone", CRM_CONDITION_OP_ANSWERED, NULL));
    g_assert_false (crm_skip_logic_check (logic, &error));
    g_assert_error (error, CRM_SKIP_LOGIC_ERROR, CRM_SKIP_LOGIC_ERROR_UNKNOWN_QUESTION);
    g_assert_nonnull (strstr (error->message, "gone"));
  }
}

static void
test_builtin_skips_history_for_new_customers (void)
{
  g_autoptr(CrmQuestionnaire) builtin = crm_questionnaire_builtin_new ();
  g_autoptr(CrmSkipLogic) logic = crm_questionnaire_build_skip_logic (builtin);
  g_autoptr(GHashTable) answers = answers_new ();
  g_autoptr(GHashTable) customer = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) skipped = NULL;
  const char *modules[] = { "basic", "needs", "history", "relationship", "expansion", "other" };

  g_assert_true (crm_skip_logic_check (logic, NULL));
  g_assert_cmpuint (crm_questionnaire_get_n_modules (builtin), ==, G_N_ELEMENTS (modules));
  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    g_assert_cmpstr (crm_questionnaire_get_module (builtin, i)->id, ==, modules[i]);

  g_hash_table_insert (customer, "customer_type", "new");
  skipped = crm_skip_logic_evaluate (logic, answers, customer);
  g_assert_true (g_hash_table_contains (skipped, "history"));
  g_assert_true (g_hash_table_contains (skipped, "satisfaction"));
  g_assert_false (g_hash_table_contains (skipped, "needs"));
  g_clear_pointer (&skipped, g_hash_table_unref);

  g_hash_table_insert (customer, "customer_type", "returning");
  answer (answers, "satisfaction", "5");
  skipped = crm_skip_logic_evaluate (logic, answers, customer);
  g_assert_false (g_hash_table_contains (skipped, "history"));
  g_assert_true (g_hash_table_contains (skipped, "not-renewing"));
  g_clear_pointer (&skipped, g_hash_table_unref);

  answer (answers, "satisfaction", "2");
  skipped = crm_skip_logic_evaluate (logic, answers, customer);
  g_assert_false (g_hash_table_contains (skipped, "not-renewing"));
}

/* JSON files -------------------------------------------------------------- */

static void
test_json_round_trip (void)
{
  g_autoptr(CrmQuestionnaire) builtin = crm_questionnaire_builtin_new ();
  g_autofree char *json = crm_questionnaire_to_json (builtin);
  g_autoptr(CrmQuestionnaire) back = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  CrmQuestion *concerns;

  back = crm_questionnaire_from_json (json, -1, &error);
  g_assert_no_error (error);
  again = crm_questionnaire_to_json (back);
  g_assert_cmpstr (json, ==, again);

  concerns = crm_questionnaire_find_question (back, "concerns", NULL);
  g_assert_nonnull (concerns);
  g_assert_cmpint (concerns->kind, ==, CRM_QUESTION_MULTIPLE);
  g_assert_true (concerns->allow_other);
  g_assert_true (concerns->required);
  g_assert_cmpuint (concerns->options->len, ==, 4);
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *message_part;
} BadFile;

#define MODULE_START "{\"format\":\"rapport-questionnaire\",\"name\":\"T\",\"modules\":[{\"id\":\"m\",\"title\":\"M\",\"questions\":["

static const BadFile bad_files[] = {
  { "not JSON", "{\"format\": \"rapport-questionnaire\", \"name\": ", CRM_QUESTIONNAIRE_ERROR_MALFORMED, "JSON" },
  { "a list", "[1, 2, 3]", CRM_QUESTIONNAIRE_ERROR_INVALID, "template" },
  { "another format", "{\"format\":\"x\",\"name\":\"T\",\"modules\":[]}", CRM_QUESTIONNAIRE_ERROR_INVALID, "format" },
  { "name is a number", "{\"format\":\"rapport-questionnaire\",\"name\":5,\"modules\":[]}",
    CRM_QUESTIONNAIRE_ERROR_INVALID, "“name” must be text" },
  { "modules is an object", "{\"format\":\"rapport-questionnaire\",\"name\":\"T\",\"modules\":{}}",
    CRM_QUESTIONNAIRE_ERROR_INVALID, "“modules” must be a list" },
  { "no modules", "{\"format\":\"rapport-questionnaire\",\"name\":\"T\",\"modules\":[]}",
    CRM_QUESTIONNAIRE_ERROR_INVALID, "no modules" },
  { "unknown kind", MODULE_START "{\"id\":\"q\",\"kind\":\"slider\",\"title\":\"Q\"}]}]}",
    CRM_QUESTIONNAIRE_ERROR_UNKNOWN_KIND, "“slider”" },
  { "required is text", MODULE_START "{\"id\":\"q\",\"kind\":\"text\",\"title\":\"Q\",\"required\":\"yes\"}]}]}",
    CRM_QUESTIONNAIRE_ERROR_INVALID, "module 1, question 1" },
  { "choice without options", MODULE_START "{\"id\":\"q\",\"kind\":\"single\",\"title\":\"Q\"}]}]}",
    CRM_QUESTIONNAIRE_ERROR_INVALID, "option" },
  { "duplicate id", MODULE_START "{\"id\":\"q\",\"kind\":\"text\",\"title\":\"Q\"},"
                                 "{\"id\":\"q\",\"kind\":\"text\",\"title\":\"R\"}]}]}",
    CRM_QUESTIONNAIRE_ERROR_DUPLICATE_ID, "“q”" },
  { "bad id", MODULE_START "{\"id\":\"q q\",\"kind\":\"text\",\"title\":\"Q\"}]}]}",
    CRM_QUESTIONNAIRE_ERROR_INVALID, "id" },
  { "cycle", MODULE_START
    "{\"id\":\"a\",\"kind\":\"text\",\"title\":\"A\",\"condition\":{\"answer\":\"b\",\"op\":\"answered\"}},"
    "{\"id\":\"b\",\"kind\":\"text\",\"title\":\"B\",\"condition\":{\"answer\":\"a\",\"op\":\"answered\"}}]}]}",
    CRM_QUESTIONNAIRE_ERROR_CONDITION, "circle" },
  { "condition on a missing question", MODULE_START
    "{\"id\":\"a\",\"kind\":\"text\",\"title\":\"A\",\"condition\":{\"answer\":\"zz\",\"op\":\"answered\"}}]}]}",
    CRM_QUESTIONNAIRE_ERROR_CONDITION, "“zz”" },
  { "unknown operator", MODULE_START
    "{\"id\":\"a\",\"kind\":\"text\",\"title\":\"A\",\"condition\":{\"customer\":\"tier\",\"op\":\"like\"}}]}]}",
    CRM_QUESTIONNAIRE_ERROR_INVALID, "“like”" },
  { "unknown customer field", MODULE_START
    "{\"id\":\"a\",\"kind\":\"text\",\"title\":\"A\",\"condition\":{\"customer\":\"salary\",\"op\":\"answered\"}}]}]}",
    CRM_QUESTIONNAIRE_ERROR_INVALID, "“salary”" },
};

static char *
deep_file (void)
{
  GString *text = g_string_new (MODULE_START "{\"id\":\"a\",\"kind\":\"text\",\"title\":\"A\",\"help\":");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');

  return g_string_free (text, FALSE);
}

static char *
huge_file (void)
{
  GString *text = g_string_new (MODULE_START "{\"id\":\"a\",\"kind\":\"text\",\"title\":\"");

  while (text->len < 3 * 1024 * 1024)
    g_string_append (text, "很长的标题");
  g_string_append (text, "\"}]}]}");

  return g_string_free (text, FALSE);
}

static char *
many_questions_file (void)
{
  GString *text = g_string_new (MODULE_START);

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "%s{\"id\":\"q%u\",\"kind\":\"text\",\"title\":\"Q\"}", i ? "," : "", i);
  g_string_append (text, "]}]}");

  return g_string_free (text, FALSE);
}

static void
test_json_malformed_and_hostile (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmQuestionnaire) q = crm_questionnaire_from_json (bad_files[i].json, -1, &error);

      g_test_message ("%s: %s", bad_files[i].name, error != NULL ? error->message : "(accepted)");
      g_assert_null (q);
      g_assert_error (error, CRM_QUESTIONNAIRE_ERROR, bad_files[i].code);
      g_assert_nonnull (strstr (error->message, bad_files[i].message_part));
    }

  {
    g_autofree char *text = deep_file ();
    g_autoptr(GError) error = NULL;

    g_assert_null (crm_questionnaire_from_json (text, -1, &error));
    g_assert_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_DEEP);
  }

  {
    g_autofree char *text = huge_file ();
    g_autoptr(GError) error = NULL;

    g_assert_null (crm_questionnaire_from_json (text, -1, &error));
    g_assert_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_LARGE);
  }

  {
    g_autofree char *text = many_questions_file ();
    g_autoptr(GError) error = NULL;

    g_assert_null (crm_questionnaire_from_json (text, -1, &error));
    g_assert_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_TOO_LARGE);
  }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (crm_questionnaire_from_json ("{\"name\": \"\xff\xfe\"}", -1, &error));
    g_assert_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_MALFORMED);
  }
}

/* The store ---------------------------------------------------------------- */


static gint64
count (Fixture    *f,
       const char *sql)
{
  return test_query_int (crm_database_get_handle (f->base.db), sql);
}

static void
test_import_refused_changes_nothing (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *path = test_tmp_path ("bad.json");
  gint64 templates = count (f, "SELECT count(*) FROM questionnaire_template");
  guint journal = crm_journal_count (f->base.journal);
  g_autofree char *deep = deep_file ();
  g_autofree char *huge = huge_file ();
  const char *contents[] = { bad_files[0].json, bad_files[6].json, bad_files[11].json, deep, huge };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, contents[i], -1, NULL));
      g_assert_cmpint (crm_questionnaire_store_import_template (f->questionnaires, path, &error), ==, 0);
      g_assert_error (error, CRM_QUESTIONNAIRE_ERROR, error->code);
      /* The message names the file. */
      g_assert_nonnull (strstr (error->message, "bad.json"));
      g_assert_cmpint (count (f, "SELECT count(*) FROM questionnaire_template"), ==, templates);
      g_assert_cmpuint (crm_journal_count (f->base.journal), ==, journal);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *missing = test_tmp_path ("missing.json");

    g_assert_cmpint (crm_questionnaire_store_import_template (f->questionnaires, missing, &error), ==, 0);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

static void
test_export_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_tmp_path ("standard.json");
  g_autoptr(CrmQuestionnaire) builtin = NULL;
  g_autoptr(CrmQuestionnaire) imported = NULL;
  gint64 id;

  builtin = crm_questionnaire_store_get_template (f->questionnaires,
                                                  crm_questionnaire_store_get_builtin_id (f->questionnaires),
                                                  &error);
  g_assert_no_error (error);
  g_assert_true (crm_questionnaire_get_builtin (builtin));
  g_assert_true (crm_questionnaire_save_file (builtin, path, FALSE, &error));
  g_assert_no_error (error);

  /* Never overwritten unless asked. */
  g_assert_false (crm_questionnaire_save_file (builtin, path, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  id = crm_questionnaire_store_import_template (f->questionnaires, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  imported = crm_questionnaire_store_get_template (f->questionnaires, id, &error);
  g_assert_no_error (error);
  /* A copy of its own, not a version of the built-in template. */
  g_assert_cmpstr (crm_questionnaire_get_family (imported), !=, CRM_QUESTIONNAIRE_BUILTIN_FAMILY);
  g_assert_false (crm_questionnaire_get_builtin (imported));
  g_assert_cmpuint (crm_questionnaire_get_n_modules (imported), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (crm_questionnaire_store_list_templates (f->questionnaires)), ==, 2);

  /* Undo removes the import. */
  g_free (crm_journal_undo (f->base.journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (crm_questionnaire_store_list_templates (f->questionnaires)), ==, 1);
}

static void
test_versioning (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuestionnaire) template = crm_questionnaire_new ("Visit check");
  g_autoptr(CrmQuestionnaire) old = NULL;
  g_autoptr(CrmQuestionnaireResponse) response = NULL;
  CrmQuestionModule *module = crm_question_module_new ("m1", "Visit");
  CrmQuestion *question = crm_question_new ("q1", CRM_QUESTION_TEXT, "How did it go?");
  gint64 id, id2, id3, response_id;

  g_ptr_array_add (module->questions, question);
  crm_questionnaire_add_module (template, module);

  id = crm_questionnaire_store_save_template (f->questionnaires, template, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_questionnaire_get_version (template), ==, 1);

  /* Not in use: edited in place. */
  crm_questionnaire_set_name (template, "Visit check-up");
  id2 = crm_questionnaire_store_save_template (f->questionnaires, template, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpint (crm_questionnaire_get_version (template), ==, 1);

  response_id = crm_questionnaire_store_start (f->questionnaires, id, 0, "潜在客户甲", &error);
  g_assert_no_error (error);
  g_assert_true (crm_questionnaire_store_template_in_use (f->questionnaires, id));

  /* In use: the edit becomes version 2, and version 1 keeps the question
   * the response answers. */
  g_free (question->title);
  question->title = g_strdup ("What was decided?");
  id3 = crm_questionnaire_store_save_template (f->questionnaires, template, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id3, !=, id);
  g_assert_cmpint (crm_questionnaire_get_version (template), ==, 2);

  old = crm_questionnaire_store_get_template (f->questionnaires, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_questionnaire_find_question (old, "q1", NULL)->title, ==, "How did it go?");
  g_assert_cmpint (crm_questionnaire_get_version (old), ==, 1);

  response = crm_questionnaire_store_get_response (f->questionnaires, response_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_questionnaire_response_get_template_id (response), ==, id);

  /* The list shows the newest version of each template. */
  for (guint i = 0; i < g_list_model_get_n_items (crm_questionnaire_store_list_templates (f->questionnaires)); i++)
    {
      g_autoptr(CrmQuestionnaire) item = g_list_model_get_item (crm_questionnaire_store_list_templates (f->questionnaires), i);

      if (g_strcmp0 (crm_questionnaire_get_family (item), crm_questionnaire_get_family (template)) == 0)
        g_assert_cmpint (crm_questionnaire_get_id (item), ==, id3);
    }

  /* A template whose conditions go round in a circle is not saved. */
  question->condition = crm_condition_new (CRM_CONDITION_ANSWER, CRM_CONDITION_OP_ANSWERED, "q1", NULL);
  g_assert_cmpint (crm_questionnaire_store_save_template (f->questionnaires, template, &error), ==, 0);
  g_assert_error (error, CRM_QUESTIONNAIRE_ERROR, CRM_QUESTIONNAIRE_ERROR_CONDITION);
}

static void
test_builtin_translated_when_read (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(CrmQuestionnaire) builtin = NULL;
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt = NULL;

  builtin = crm_questionnaire_store_get_template (f->questionnaires,
                                                  crm_questionnaire_store_get_builtin_id (f->questionnaires),
                                                  NULL);
  g_assert_nonnull (builtin);

  /* Stored once, untranslated; a second store does not add another. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM questionnaire_template WHERE builtin = 1"), ==, 1);
  {
    g_autoptr(CrmQuestionnaireStore) again = crm_questionnaire_store_new (f->base.store);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM questionnaire_template WHERE builtin = 1"), ==, 1);

  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f->base.db),
                                       "SELECT definition FROM questionnaire_template WHERE builtin = 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  stored = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (stored, "Cost reduction"));
  g_assert_nonnull (strstr (stored, "Under 50 000 yuan"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/questionnaire/skip-logic/chain", test_skip_chain);
  g_test_add_func ("/questionnaire/skip-logic/customer-fields", test_skip_customer_fields);
  g_test_add_func ("/questionnaire/skip-logic/cycles-refused", test_skip_cycles_refused);
  g_test_add_func ("/questionnaire/builtin/new-customer-skips-history", test_builtin_skips_history_for_new_customers);
  g_test_add_func ("/questionnaire/json/round-trip", test_json_round_trip);
  g_test_add_func ("/questionnaire/json/malformed-and-hostile", test_json_malformed_and_hostile);
  g_test_add ("/questionnaire/json/import-refused-changes-nothing", Fixture, NULL,
              fixture_set_up, test_import_refused_changes_nothing, fixture_tear_down);
  g_test_add ("/questionnaire/json/export-import", Fixture, NULL,
              fixture_set_up, test_export_import, fixture_tear_down);
  g_test_add ("/questionnaire/versioning", Fixture, NULL,
              fixture_set_up, test_versioning, fixture_tear_down);
  g_test_add ("/questionnaire/builtin/stored-untranslated", Fixture, NULL,
              fixture_set_up, test_builtin_translated_when_read, fixture_tear_down);

  return g_test_run ();
}
