/* crm-questionnaire-store.c — questionnaire templates and responses in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Templates are one row per version, holding the template's JSON. Saving
 * a template that has responses adds the next version instead of
 * changing it, so a response always reads the questions it answered.
 *
 * Answers are written through: each one is its own committed write, made
 * the moment it is given and outside the undo journal (like the editor's
 * drafts), so closing the window, a crash or `kill -9` loses none, and a
 * draft reopens on the module it was left at. Submitting is one undoable
 * action that changes the customer and marks the response submitted.
 */

#define G_LOG_DOMAIN "crm-questionnaire-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-questionnaire-builtin.h"
#include "crm-questionnaire-json.h"
#include "crm-questionnaire-store-private.h"

G_DEFINE_FINAL_TYPE (CrmQuestionnaireStore, crm_questionnaire_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-questionnaire-store-error-quark, crm_questionnaire_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
crm_questionnaire_store_column_text (sqlite3_stmt *stmt,
                                     int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

typedef gpointer (*LoadFunc) (CrmQuestionnaireStore  *self,
                              gint64                  id,
                              GError                **error);

/* Fills @list with the objects @load makes of the ids @sql selects. */
static void
reload_list (CrmQuestionnaireStore *self,
             GListStore            *list,
             const char            *sql,
             LoadFunc               load)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (self->database, sql, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  /* Loaded after the statement is reset: loading prepares statements of
   * its own. */
  for (guint i = 0; i < ids->len; i++)
    {
      gpointer item = load (self, g_array_index (ids, gint64, i), NULL);

      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)), items->pdata, items->len);
}

static void
reload_templates (CrmQuestionnaireStore *self)
{
  reload_list (self, self->templates,
               "SELECT id FROM questionnaire_template t"
               "  WHERE version = (SELECT max (version) FROM questionnaire_template"
               "                   WHERE family = t.family)"
               "  ORDER BY family <> 'standard', name, id",
               (LoadFunc)crm_questionnaire_store_get_template);
}

static void
reload_drafts (CrmQuestionnaireStore *self)
{
  reload_list (self, self->drafts,
               "SELECT id FROM questionnaire_response WHERE state = 'draft'"
               "  ORDER BY updated_at DESC, id DESC",
               (LoadFunc)crm_questionnaire_store_get_response);
}

void
crm_questionnaire_store_emit_changed (CrmQuestionnaireStore *self)
{
  reload_templates (self);
  reload_drafts (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_journal_changed (CrmQuestionnaireStore *self,
                    CrmJournal            *journal)
{
  if (self->recording == 0)
    crm_questionnaire_store_emit_changed (self);
}

static gboolean
insert_builtin (CrmDatabase  *db,
                gpointer      user_data,
                GError      **error)
{
  g_autoptr(CrmQuestionnaire) builtin = crm_questionnaire_builtin_new ();
  g_autofree char *json = crm_questionnaire_to_json (builtin);
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "INSERT INTO questionnaire_template (family, version, name, builtin, definition)"
                               "  SELECT ?1, 1, ?2, 1, ?3"
                               "  WHERE NOT EXISTS (SELECT 1 FROM questionnaire_template WHERE family = ?1)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, CRM_QUESTIONNAIRE_BUILTIN_FAMILY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, crm_questionnaire_get_name (builtin), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

static void
crm_questionnaire_store_dispose (GObject *object)
{
  CrmQuestionnaireStore *self = (CrmQuestionnaireStore *)object;

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);

  g_clear_object (&self->templates);
  g_clear_object (&self->drafts);
  g_clear_object (&self->journal);
  g_clear_object (&self->database);
  g_clear_object (&self->customers);

  G_OBJECT_CLASS (crm_questionnaire_store_parent_class)->dispose (object);
}

static void
crm_questionnaire_store_class_init (CrmQuestionnaireStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_questionnaire_store_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crm_questionnaire_store_init (CrmQuestionnaireStore *self)
{
  self->templates = g_list_store_new (CRM_TYPE_QUESTIONNAIRE);
  self->drafts = g_list_store_new (CRM_TYPE_QUESTIONNAIRE_RESPONSE);
}

/**
 * crm_questionnaire_store_new:
 * @customers: the customers responses belong to and change
 *
 * Adds the built-in template to the database the first time.
 *
 * Returns: (transfer full): a new store
 */
CrmQuestionnaireStore *
crm_questionnaire_store_new (CrmCustomerStore *customers)
{
  CrmQuestionnaireStore *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (customers), NULL);

  self = g_object_new (CRM_TYPE_QUESTIONNAIRE_STORE, NULL);
  self->customers = g_object_ref (customers);
  self->database = g_object_ref (crm_customer_store_get_database (customers));
  self->journal = g_object_ref (crm_customer_store_get_journal (customers));

  /* Not an undoable action: undo must never remove the built-in template. */
  if (!crm_database_transaction (self->database, insert_builtin, NULL, &error))
    g_warning ("Could not add the built-in questionnaire: %s", error->message);

  g_signal_connect_object (self->journal, "changed", G_CALLBACK (on_journal_changed), self, G_CONNECT_SWAPPED);
  reload_templates (self);
  reload_drafts (self);

  return self;
}

/**
 * crm_questionnaire_store_get_customer_store:
 *
 * Returns: (transfer none): the customer store
 */
CrmCustomerStore *
crm_questionnaire_store_get_customer_store (CrmQuestionnaireStore *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), NULL);
  return self->customers;
}

/**
 * crm_questionnaire_store_get_database:
 *
 * Returns: (transfer none): the database
 */
CrmDatabase *
crm_questionnaire_store_get_database (CrmQuestionnaireStore *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), NULL);
  return self->database;
}

/**
 * crm_questionnaire_store_list_templates:
 *
 * Returns: (transfer none): the newest version of every template
 *   (CrmQuestionnaire), the built-in one first
 */
GListModel *
crm_questionnaire_store_list_templates (CrmQuestionnaireStore *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), NULL);
  return G_LIST_MODEL (self->templates);
}

/**
 * crm_questionnaire_store_list_drafts:
 *
 * Returns: (transfer none): the responses not submitted yet
 *   (CrmQuestionnaireResponse), the most recently answered first
 */
GListModel *
crm_questionnaire_store_list_drafts (CrmQuestionnaireStore *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), NULL);
  return G_LIST_MODEL (self->drafts);
}

/**
 * crm_questionnaire_store_get_template:
 *
 * Returns: (transfer full) (nullable): the template version @id, its texts
 *   translated when it is the built-in one
 */
CrmQuestionnaire *
crm_questionnaire_store_get_template (CrmQuestionnaireStore  *self,
                                      gint64                  id,
                                      GError                **error)
{
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), NULL);

  stmt = crm_questionnaire_store_select_row (self->database,
                                             "SELECT family, version, builtin, definition"
                                             "  FROM questionnaire_template WHERE id = ?",
                                             id, _("The questionnaire template no longer exists."),
                                             error);
  if (stmt == NULL)
    return NULL;

  questionnaire = crm_questionnaire_from_json (crm_questionnaire_store_column_text (stmt, 3), -1, error);
  if (questionnaire != NULL)
    {
      crm_questionnaire_set_id (questionnaire, id);
      crm_questionnaire_set_family (questionnaire, crm_questionnaire_store_column_text (stmt, 0));
      crm_questionnaire_set_version (questionnaire, sqlite3_column_int (stmt, 1));
      crm_questionnaire_set_builtin (questionnaire, sqlite3_column_int (stmt, 2));
      if (crm_questionnaire_get_builtin (questionnaire))
        crm_questionnaire_translate (questionnaire);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&questionnaire);
}

/**
 * crm_questionnaire_store_select_row:
 * @sql: a query with one parameter, the id
 * @not_found: the message when no row has @id
 *
 * Returns: (nullable): the statement on the row of @id (reset it when
 *   done), or %NULL with @error set
 */
sqlite3_stmt *
crm_questionnaire_store_select_row (CrmDatabase  *db,
                                    const char   *sql,
                                    gint64        id,
                                    const char   *not_found,
                                    GError      **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, CRM_QUESTIONNAIRE_STORE_ERROR, CRM_QUESTIONNAIRE_STORE_ERROR_NOT_FOUND,
                           not_found);
      return NULL;
    }

  return stmt;
}

gint64
crm_questionnaire_store_query_id (CrmDatabase *db,
          const char  *sql,
          gint64       argument)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, argument);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/**
 * crm_questionnaire_store_get_builtin_id:
 *
 * Returns: the id of the newest version of the built-in template
 */
gint64
crm_questionnaire_store_get_builtin_id (CrmQuestionnaireStore *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), 0);

  return crm_questionnaire_store_query_id (self->database,
                   "SELECT id FROM questionnaire_template WHERE family = 'standard' AND ?1 = ?1"
                   "  ORDER BY version DESC LIMIT 1",
                   0);
}

gboolean
crm_questionnaire_store_template_in_use (CrmQuestionnaireStore *self,
                                         gint64                 id)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), FALSE);

  return crm_questionnaire_store_query_id (self->database,
                   "SELECT count (*) FROM questionnaire_response WHERE template_id = ?", id) > 0;
}

typedef struct
{
  CrmQuestionnaireStore *self;
  CrmQuestionnaire      *questionnaire;
  const char            *json;
  gboolean               new_version;
  gint64                 id;
} SaveTemplateData;

static gboolean
save_template_in_transaction (CrmDatabase  *db,
                              gpointer      user_data,
                              GError      **error)
{
  SaveTemplateData *data = user_data;
  CrmQuestionnaire *q = data->questionnaire;
  sqlite3_stmt *stmt;

  if (data->new_version)
    {
      stmt = crm_database_prepare (db,
                                   "INSERT INTO questionnaire_template (family, version, name, builtin, definition)"
                                   "  VALUES (?1, (SELECT ifnull (max (version), 0) + 1 FROM questionnaire_template"
                                   "               WHERE family = ?1), ?2, 0, ?3)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, crm_questionnaire_get_family (q), -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = crm_database_prepare (db,
                                   "UPDATE questionnaire_template SET name = ?2, definition = ?3, builtin = 0"
                                   "  WHERE id = ?4",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 4, crm_questionnaire_get_id (q));
    }

  sqlite3_bind_text (stmt, 2, crm_questionnaire_get_name (q), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, data->json, -1, SQLITE_TRANSIENT);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  data->id = data->new_version ? sqlite3_last_insert_rowid (crm_database_get_handle (db))
                               : crm_questionnaire_get_id (q);

  return TRUE;
}

/**
 * crm_questionnaire_store_save_template:
 * @questionnaire: the template; with an id of 0 it is added as a new
 *   template (or the next version of its family, when that exists)
 * @error: return location for a #CrmQuestionnaireError
 *
 * Checks and saves the template as one undoable action. A template that
 * has responses is not changed: the next version is added instead, and
 * @questionnaire gets its id and version.
 *
 * Returns: the id of the saved version, or 0 with @error set
 */
gint64
crm_questionnaire_store_save_template (CrmQuestionnaireStore  *self,
                                       CrmQuestionnaire       *questionnaire,
                                       GError                **error)
{
  SaveTemplateData data = { self, questionnaire, NULL, FALSE, 0 };
  g_autoptr(CrmQuestionnaire) checked = NULL;
  g_autofree char *json = NULL;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), 0);
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (questionnaire), 0);

  id = crm_questionnaire_get_id (questionnaire);
  if (crm_questionnaire_get_family (questionnaire) == NULL)
    {
      g_autofree char *family = g_uuid_string_random ();

      crm_questionnaire_set_family (questionnaire, family);
    }

  /* Everything a file import checks, the editor's result passes too. */
  json = crm_questionnaire_to_json (questionnaire);
  checked = crm_questionnaire_from_json (json, -1, error);
  if (checked == NULL)
    return 0;

  data.json = json;
  data.new_version = id <= 0 || crm_questionnaire_store_template_in_use (self, id);

  self->recording++;
  ok = crm_journal_record (self->journal,
                           id <= 0 ? N_("Add questionnaire template") : N_("Edit questionnaire template"),
                           save_template_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return 0;

  crm_questionnaire_set_id (questionnaire, data.id);
  crm_questionnaire_set_builtin (questionnaire, FALSE);
  crm_questionnaire_set_version (questionnaire,
                                 (int)crm_questionnaire_store_query_id (self->database,
                                                "SELECT version FROM questionnaire_template WHERE id = ?",
                                                data.id));
  crm_questionnaire_store_emit_changed (self);

  return data.id;
}

/**
 * crm_questionnaire_store_import_template:
 * @path: a JSON file written by Export
 * @error: return location for a #CrmQuestionnaireError or a file error
 *
 * Reads, checks and adds the template in @path as one undoable action; a
 * file that fails any check changes nothing.
 *
 * Returns: the id of the new template version, or 0 with @error set
 */
gint64
crm_questionnaire_store_import_template (CrmQuestionnaireStore  *self,
                                         const char             *path,
                                         GError                **error)
{
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_STORE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  questionnaire = crm_questionnaire_load_file (path, error);
  if (questionnaire == NULL)
    return 0;

  /* The built-in family is Rapport's own; an import never changes it. */
  if (g_strcmp0 (crm_questionnaire_get_family (questionnaire), CRM_QUESTIONNAIRE_BUILTIN_FAMILY) == 0)
    crm_questionnaire_set_family (questionnaire, NULL);

  return crm_questionnaire_store_save_template (self, questionnaire, error);
}
