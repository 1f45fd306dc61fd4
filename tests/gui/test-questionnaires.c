/* test-questionnaires.c — filling in one module at a time, and the template editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "crm-question-view.h"
#include "crm-questionnaire-fill.h"
#include "crm-questionnaire-results-view.h"
#include "crm-questionnaire-store.h"
#include "crm-template-editor.h"
#include "crm-template-item-dialog.h"
#include "gui-test-util.h"

typedef struct
{
  char                  *folder;
  CrmDatabase           *db;
  CrmJournal            *journal;
  CrmCustomerStore      *store;
  CrmQuestionnaireStore *questionnaires;
  GtkWindow             *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->folder = g_dir_make_tmp ("rapport-test-questionnaires-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->folder, "rapport.db", NULL);
  f->db = crm_database_open (path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);
  f->store = crm_customer_store_new (f->journal);
  f->questionnaires = crm_questionnaire_store_new (f->store);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GDir) dir = NULL;
  const char *name;

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_finalize_object (f->questionnaires);
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);

  dir = g_dir_open (f->folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->folder, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (f->folder), ==, 0);
  g_free (f->folder);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f->db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static GtkWidget *
find_matching (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (gtk_widget_get_visible (root) && match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_question (GtkWidget     *widget,
             gconstpointer  id)
{
  return CRM_IS_QUESTION_VIEW (widget) &&
         g_strcmp0 (crm_question_view_get_question_id (CRM_QUESTION_VIEW (widget)), id) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
test_fill_writes_through_and_skips (Fixture       *f,
                                    gconstpointer  data)
{
  GtkWidget *fill = g_object_new (CRM_TYPE_QUESTIONNAIRE_FILL, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *button;
  gint64 id;

  gtk_window_set_child (f->window, fill);
  gtk_window_present (f->window);

  /* A prospect is a new customer. */
  id = crm_questionnaire_store_start (f->questionnaires, crm_questionnaire_store_get_builtin_id (f->questionnaires),
                                      0, "温州鞋业有限公司", &error);
  g_assert_no_error (error);
  g_assert_true (crm_questionnaire_fill_open (CRM_QUESTIONNAIRE_FILL (fill), f->questionnaires, id, &error));
  g_assert_no_error (error);

  /* One module at a time: the industry question is here, the budget not. */
  g_assert_nonnull (find_matching (fill, is_question, "industry"));
  g_assert_null (find_matching (fill, is_question, "budget"));

  /* A click on an option saves it at once. */
  view = find_matching (fill, is_question, "industry");
  button = find_matching (view, is_button_labelled, "贸易");
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM questionnaire_answer"
                                 " WHERE question_id = 'industry' AND value = '[\"TRA\"]'"), ==, 1);

  /* Next, next: the history module is skipped for a new customer, and
   * the module reached is remembered. */
  gtk_widget_activate_action (fill, "fill.next", NULL);
  gtk_widget_activate_action (fill, "fill.next", NULL);
  g_assert_null (find_matching (fill, is_question, "satisfaction"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM questionnaire_response WHERE current_module = 'history'"),
                   ==, 1);
  g_assert_cmpuint (crm_questionnaire_fill_get_response_id (CRM_QUESTIONNAIRE_FILL (fill)), ==, id);
}

static gboolean
is_drawing_area (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_DRAWING_AREA (widget);
}

/* The answer bars' labels are drawn in the style's text colour: dark in
 * the light style, light in the dark one, where a fixed grey vanished. */
static void
test_results_follow_the_style (Fixture       *f,
                               gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  CrmQuestionnaireResultsView *view = g_object_new (CRM_TYPE_QUESTIONNAIRE_RESULTS_VIEW, NULL);
  gint64 builtin = crm_questionnaire_store_get_builtin_id (f->questionnaires);
  g_autoptr(GError) error = NULL;
  GtkWidget *chart;
  guint corner, darkest, lightest;
  gint64 id;

  id = crm_questionnaire_store_start (f->questionnaires, builtin, 0, "宁波海港贸易有限公司", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const char *question = i == 0 ? "industry" : "concerns";
      const char *value = i == 0 ? "TRA" : "market";
      g_autoptr(CrmAnswer) answer = crm_answer_new ((const char * const[]) { value, NULL }, NULL);

      g_assert_true (crm_questionnaire_store_set_answer (f->questionnaires, id, question, answer, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (crm_questionnaire_store_submit (f->questionnaires, id, &error), >, 0);
  g_assert_no_error (error);

  gtk_window_set_child (f->window, GTK_WIDGET (view));
  crm_questionnaire_results_view_show (view, f->questionnaires, builtin);
  gtk_window_present (f->window);

  chart = find_matching (GTK_WIDGET (view), is_drawing_area, NULL);
  g_assert_nonnull (chart);
  while (gtk_widget_get_width (chart) == 0)
    g_main_context_iteration (NULL, TRUE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The new style reaches the widgets' colours in the next frame. */
  wait_frames (chart, 2);
  widget_lightness (chart, 1.0, &corner, &darkest, &lightest);
  g_assert_cmpuint (darkest, <, 100);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  /* The new style reaches the widgets' colours in the next frame. */
  wait_frames (chart, 2);
  widget_lightness (chart, 0.0, &corner, &darkest, &lightest);
  g_assert_cmpuint (lightest, >, 200);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_editor_versions_a_template_in_use (Fixture       *f,
                                        gconstpointer  data)
{
  GtkWidget *editor = g_object_new (CRM_TYPE_TEMPLATE_EDITOR, NULL);
  gint64 builtin = crm_questionnaire_store_get_builtin_id (f->questionnaires);
  g_autoptr(CrmQuestionnaire) questionnaire = crm_questionnaire_store_get_template (f->questionnaires, builtin, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuestionnaire) saved = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_questions;

  gtk_window_set_child (f->window, editor);
  gtk_window_present (f->window);

  /* The built-in template is in use once a response starts. */
  g_assert_cmpint (crm_questionnaire_store_start (f->questionnaires, builtin, 0, "某公司", &error), >, 0);
  n_questions = crm_questionnaire_list_questions (questionnaire)->len;

  crm_template_editor_edit (CRM_TEMPLATE_EDITOR (editor), f->questionnaires, questionnaire);
  gtk_widget_activate_action (editor, "editor.add-question", "s", "needs");
  /* It opened the question's dialog: close it as it is. */
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, 2);
  {
    g_autoptr(GtkWindow) dialog = g_list_model_get_item (toplevels, 0);

    if (dialog == f->window)
      g_set_object (&dialog, g_list_model_get_item (toplevels, 1));
    gtk_window_destroy (dialog);
  }
  gtk_widget_activate_action (editor, "editor.move-up", "s", "budget");
  gtk_widget_activate_action (editor, "editor.remove", "s", "remarks");
  gtk_widget_activate_action (editor, "editor.save", NULL);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM questionnaire_template WHERE family = 'standard'"), ==, 2);
  saved = crm_questionnaire_store_get_template (f->questionnaires,
                                                crm_questionnaire_store_get_builtin_id (f->questionnaires), &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_questionnaire_get_version (saved), ==, 2);
  /* One added, one removed. */
  g_assert_cmpuint (crm_questionnaire_list_questions (saved)->len, ==, n_questions);
  g_assert_null (crm_questionnaire_find_question (saved, "remarks", NULL));
  {
    CrmQuestionModule *needs = crm_questionnaire_get_module (saved, crm_questionnaire_find_module (saved, "needs"));

    g_assert_cmpstr (((CrmQuestion *)g_ptr_array_index (needs->questions, 1))->id, ==, "budget");
    g_assert_cmpuint (needs->questions->len, ==, 5);
  }

  /* The response keeps version 1, which still has every question. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM questionnaire_response WHERE template_id = 1"), ==, 1);
  g_clear_object (&saved);
  saved = crm_questionnaire_store_get_template (f->questionnaires, builtin, &error);
  g_assert_nonnull (crm_questionnaire_find_question (saved, "remarks", NULL));
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static void
count_applied (gpointer user_data)
{
  (*(guint *)user_data)++;
}

static void
test_item_dialog_edits_skip_logic (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(CrmQuestionnaire) questionnaire =
    crm_questionnaire_store_get_template (f->questionnaires, crm_questionnaire_store_get_builtin_id (f->questionnaires), NULL);
  CrmQuestionModule *module = NULL;
  CrmQuestion *question = crm_questionnaire_find_question (questionnaire, "budget", &module);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  guint applied = 0;
  guint concerns = G_MAXUINT;
  GListModel *subjects;

  dialog = crm_template_item_dialog_new (f->window, questionnaire, module, question, count_applied, &applied);
  gtk_window_present (GTK_WINDOW (dialog));
  collect (dialog, GTK_TYPE_DROP_DOWN, dropdowns);
  collect (dialog, GTK_TYPE_ENTRY, entries);
  /* Kind, skip logic, condition on, comparison. */
  g_assert_cmpuint (dropdowns->len, ==, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdowns->pdata[0]), ==, CRM_QUESTION_SINGLE);

  /* Ask the budget only when "Cost reduction" is among the concerns:
   * the condition may name earlier questions only. */
  gtk_drop_down_set_selected (dropdowns->pdata[1], 1);
  subjects = gtk_drop_down_get_model (dropdowns->pdata[2]);
  for (guint i = 0; i < g_list_model_get_n_items (subjects); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (subjects), i), "Core concerns"))
      concerns = i;
  g_assert_cmpuint (concerns, !=, G_MAXUINT);
  for (guint i = 0; i < g_list_model_get_n_items (subjects); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (subjects), i), !=, "Decision cycle");
  gtk_drop_down_set_selected (dropdowns->pdata[2], concerns);
  gtk_drop_down_set_selected (dropdowns->pdata[3], CRM_CONDITION_OP_INCLUDES);
  /* Title, help, value, reason: the option is named by its text. */
  g_assert_cmpuint (entries->len, ==, 4);
  gtk_editable_set_text (entries->pdata[2], "Cost reduction");
  gtk_editable_set_text (entries->pdata[3], "Only when cost matters");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");

  g_assert_cmpuint (applied, ==, 1);
  g_assert_nonnull (question->condition);
  g_assert_cmpint (question->condition->kind, ==, CRM_CONDITION_ANSWER);
  g_assert_cmpstr (question->condition->subject, ==, "concerns");
  g_assert_cmpint (question->condition->op, ==, CRM_CONDITION_OP_INCLUDES);
  g_assert_cmpstr (question->condition->value, ==, "cost");
  g_assert_cmpstr (question->condition->reason, ==, "Only when cost matters");

  /* Saved, it skips the budget for a response without that concern. */
  g_assert_cmpint (crm_questionnaire_store_save_template (f->questionnaires, questionnaire, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(CrmSkipLogic) logic = crm_questionnaire_build_skip_logic (questionnaire);
    g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) skipped = NULL;
    const char *market[] = { "market", NULL };

    g_hash_table_insert (answers, "concerns", market);
    skipped = crm_skip_logic_evaluate (logic, answers, NULL);
    g_assert_cmpstr (g_hash_table_lookup (skipped, "budget"), ==, "Only when cost matters");
  }

  /* A condition of the concerns on the budget now closes a circle, and
   * saving refuses it with a message naming it. */
  question = crm_questionnaire_find_question (questionnaire, "concerns", NULL);
  question->condition = crm_condition_new (CRM_CONDITION_ANSWER, CRM_CONDITION_OP_ANSWERED, "budget", NULL);
  g_assert_cmpint (crm_questionnaire_store_save_template (f->questionnaires, questionnaire, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "circle"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/questionnaires/results/follow-the-style", Fixture, NULL,
              fixture_set_up, test_results_follow_the_style, fixture_tear_down);
  g_test_add ("/questionnaires/fill/writes-through-and-skips", Fixture, NULL,
              fixture_set_up, test_fill_writes_through_and_skips, fixture_tear_down);
  g_test_add ("/questionnaires/editor/versions-a-template-in-use", Fixture, NULL,
              fixture_set_up, test_editor_versions_a_template_in_use, fixture_tear_down);

  g_test_add ("/questionnaires/editor/item-dialog-edits-skip-logic", Fixture, NULL,
              fixture_set_up, test_item_dialog_edits_skip_logic, fixture_tear_down);

  return g_test_run ();
}
