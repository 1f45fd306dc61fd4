/* crm-questionnaire-export.c — the responses to a questionnaire as a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One row per submitted response to any version of the template, one
 * column per question of the version asked for, answers written as a
 * person reads them (option labels, "other" text), in the same CSV form
 * as the customer export (UTF-8 with a BOM, CRLF, every cell quoted; see
 * crm-csv-writer.c).
 */

#define G_LOG_DOMAIN "crm-questionnaire-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-csv-writer.h"
#include "crm-industry.h"
#include "crm-questionnaire-results.h"

static char *
answer_cell (CrmQuestion *question,
             GStrv        values,
             const char  *other,
             GListModel  *industries)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      const CrmQuestionOption *option = crm_question_find_option (question, values[i]);
      const char *shown = option != NULL ? option->label : values[i];

      for (guint j = 0; option == NULL && j < g_list_model_get_n_items (industries) &&
                        g_strcmp0 (question->options_from, "industries") == 0; j++)
        {
          g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, j);

          if (g_strcmp0 (crm_industry_get_code (industry), values[i]) == 0)
            shown = crm_industry_get_name (industry);
        }

      g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", shown);
    }
  if (other != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", other);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  CrmQuestionnaireStore *store;
  CrmQuestionnaire      *questionnaire;
  guint                  n_responses;
} ExportData;

static gboolean
write_rows (CrmDatabase    *db,
            GOutputStream  *stream,
            gpointer        user_data,
            GError        **error)
{
  ExportData *data = user_data;
  CrmQuestionnaireStore *store = data->store;
  CrmQuestionnaire *questionnaire = data->questionnaire;
  GListModel *industries = crm_customer_store_list_industries (crm_questionnaire_store_get_customer_store (store));
  g_autoptr(GPtrArray) questions = crm_questionnaire_list_questions (questionnaire);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  const char *fixed[] = { _("Response"), _("Customer"), _("Industry"), _("Tier"), _("Submitted") };
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    crm_csv_append_field (out, fixed[i], i == 0);
  for (guint i = 0; i < questions->len; i++)
    crm_csv_append_field (out, ((CrmQuestion *)g_ptr_array_index (questions, i))->title, FALSE);
  g_string_append (out, "\r\n");

  stmt = crm_database_prepare (db,
                               "SELECT r.id, ifnull (c.name, r.prospect_name), i.name, c.tier, r.submitted_at"
                               "  FROM questionnaire_response r"
                               "  JOIN questionnaire_template t ON t.id = r.template_id"
                               "  LEFT JOIN customer c ON c.id = r.customer_id"
                               "  LEFT JOIN industry i ON i.id = c.industry_id"
                               "  WHERE t.family = ? AND r.state = 'submitted'"
                               "  ORDER BY r.submitted_at, r.id",
                               error);
  if (stmt == NULL)
    return FALSE;

  /* The rows are read first and written after: reading each response
   * reuses cached statements. */
  sqlite3_bind_text (stmt, 1, crm_questionnaire_get_family (questionnaire), -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GStrv cells = g_new0 (char *, 6);

      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      for (int column = 1; column <= 4; column++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, column);

          /* Never NULL inside the vector, which g_strfreev() frees. */
          cells[column] = g_strdup (text != NULL ? text : "");
        }
      g_ptr_array_add (rows, cells);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint r = 0; r < ids->len; r++)
    {
      g_autoptr(CrmQuestionnaireResponse) response =
        crm_questionnaire_store_get_response (store, g_array_index (ids, gint64, r), error);
      GStrv cells = g_ptr_array_index (rows, r);

      if (response == NULL)
        return FALSE;

      for (guint column = 0; column < 5; column++)
        crm_csv_append_field (out, cells[column], column == 0);

      for (guint i = 0; i < questions->len; i++)
        {
          CrmQuestion *question = g_ptr_array_index (questions, i);
          const CrmAnswer *answer = crm_questionnaire_response_get_answer (response, question->id);
          g_autofree char *cell = answer != NULL
                                    ? answer_cell (question, answer->values, answer->other, industries)
                                    : NULL;

          crm_csv_append_field (out, cell, FALSE);
        }
      g_string_append (out, "\r\n");
    }

  data->n_responses = ids->len;

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/**
 * crm_questionnaire_results_export_csv:
 * @template_id: a version of the template; its family's responses are
 *   written, with its questions as columns
 * @path: the CSV file
 * @overwrite: whether an existing file may be replaced
 * @n_responses: (out) (optional): how many responses were written
 * @error: return location for an error (%G_IO_ERROR_EXISTS when @path
 *   exists and @overwrite is %FALSE)
 *
 * Returns: %TRUE when the file was written; on failure none is left
 */
gboolean
crm_questionnaire_results_export_csv (CrmQuestionnaireStore  *store,
                                      gint64                  template_id,
                                      const char             *path,
                                      gboolean                overwrite,
                                      guint                  *n_responses,
                                      GError                **error)
{
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  ExportData data = { store, NULL, 0 };

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  questionnaire = crm_questionnaire_store_get_template (store, template_id, error);
  if (questionnaire == NULL)
    return FALSE;

  data.questionnaire = questionnaire;
  if (!crm_csv_write_file (crm_questionnaire_store_get_database (store), path, overwrite,
                           write_rows, &data, error))
    return FALSE;

  if (n_responses != NULL)
    *n_responses = data.n_responses;

  return TRUE;
}
