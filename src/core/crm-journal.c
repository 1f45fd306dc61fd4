/* crm-journal.c — undo and redo of user actions, kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every user action runs through crm_journal_record(), which wraps it in
 * one transaction and records what it did with SQLite's session extension.
 * The changeset is stored, in the same transaction, in the `journal` table:
 * so an action and its undo entry land together or not at all, and the
 * history survives a restart. Undo applies the inverse changeset, redo the
 * changeset again.
 *
 * Two rules keep changesets replayable. Tables that triggers maintain must
 * be named `search_*` (the full-text index and its kin): the journal leaves
 * them out, and the triggers mark what to rebuild as the changeset is
 * applied. And no other table may be written by a trigger, since replaying
 * the changeset would fire the trigger a second time. crm_schema_is_journaled()
 * lists the other tables left out (settings, code counters).
 *
 * An action that inserts many new customers (CrmBulkInsert) keeps which
 * rows it added instead of the rows themselves, in the `inserted` column;
 * its first undo turns that into an ordinary changeset (see
 * crm-bulk-insert.c).
 */

#define G_LOG_DOMAIN "crm-journal"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-bulk-insert.h"
#include "crm-journal.h"
#include "crm-schema.h"

struct _CrmJournal
{
  GObject      parent_instance;

  CrmDatabase *database;
  /* The tables whose rows the last recorded, undone or redone action
   * changed, so views can skip actions that do not concern them. */
  GHashTable  *touched;
  guint        limit;
  guint        can_undo : 1;
  guint        can_redo : 1;
};

G_DEFINE_TYPE (CrmJournal, crm_journal, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-journal-error-quark, crm_journal_error)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_LIMIT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  gboolean conflicted;
} ApplyState;

static gboolean
query_exists (CrmJournal *self,
              const char *sql)
{
  sqlite3_stmt *stmt = crm_database_prepare (self->database, sql, NULL);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;

  exists = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return exists;
}

static void
refresh_state (CrmJournal *self)
{
  gboolean can_undo = query_exists (self, "SELECT EXISTS (SELECT 1 FROM journal WHERE undone = 0)");
  gboolean can_redo = query_exists (self, "SELECT EXISTS (SELECT 1 FROM journal WHERE undone = 1)");

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }

  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

static void
crm_journal_constructed (GObject *object)
{
  CrmJournal *self = (CrmJournal *)object;

  G_OBJECT_CLASS (crm_journal_parent_class)->constructed (object);

  refresh_state (self);
}

static void
crm_journal_dispose (GObject *object)
{
  CrmJournal *self = (CrmJournal *)object;

  g_clear_object (&self->database);

  g_clear_pointer (&self->touched, g_hash_table_unref);
  G_OBJECT_CLASS (crm_journal_parent_class)->dispose (object);
}

static void
crm_journal_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmJournal *self = CRM_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    case PROP_LIMIT:
      g_value_set_uint (value, self->limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_journal_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmJournal *self = CRM_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_LIMIT:
      crm_journal_set_limit (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_journal_class_init (CrmJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_journal_constructed;
  object_class->dispose = crm_journal_dispose;
  object_class->get_property = crm_journal_get_property;
  object_class->set_property = crm_journal_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         CRM_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL,
                       1, G_MAXUINT, CRM_JOURNAL_DEFAULT_LIMIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_journal_init (CrmJournal *self)
{
  self->limit = CRM_JOURNAL_DEFAULT_LIMIT;
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * crm_journal_new:
 * @database: an open #CrmDatabase
 *
 * Returns: (transfer full): the journal of @database, with the undo and
 *   redo history a previous session left
 */
CrmJournal *
crm_journal_new (CrmDatabase *database)
{
  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);

  return g_object_new (CRM_TYPE_JOURNAL,
                       "database", database,
                       NULL);
}

CrmDatabase *
crm_journal_get_database (CrmJournal *self)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), NULL);

  return self->database;
}

guint
crm_journal_get_limit (CrmJournal *self)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), 0);

  return self->limit;
}

/**
 * crm_journal_set_limit:
 * @self: a #CrmJournal
 * @limit: how many actions to keep for undo
 *
 * Older actions are dropped the next time one is recorded.
 */
void
crm_journal_set_limit (CrmJournal *self,
                       guint       limit)
{
  g_return_if_fail (CRM_IS_JOURNAL (self));
  g_return_if_fail (limit > 0);

  if (self->limit == limit)
    return;

  self->limit = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

static int
filter_journaled_tables (void       *user_data,
                         const char *table)
{
  CrmJournal *self = user_data;

  /* A bulk insert's new rows are named by its undo record instead. */
  if (crm_bulk_insert_is_running (self->database) && crm_schema_is_bulk_table (table))
    return FALSE;

  return crm_schema_is_journaled (table);
}

static gboolean
rollback_with (CrmDatabase *database)
{
  crm_bulk_insert_track (database, FALSE);

  if (crm_database_in_transaction (database))
    sqlite3_exec (crm_database_get_handle (database), "ROLLBACK", NULL, NULL, NULL);

  return FALSE;
}

static gboolean
store_changeset (CrmJournal  *self,
                 const char  *label,
                 const void  *changeset,
                 int          n_bytes,
                 const char  *inserted,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  /* A new action ends the redo history, as in every editor. */
  stmt = crm_database_prepare (self->database, "DELETE FROM journal WHERE undone = 1", error);
  if (stmt == NULL || !crm_database_step_done (self->database, stmt, error))
    return FALSE;

  stmt = crm_database_prepare (self->database,
                               "INSERT INTO journal (label, changeset, inserted) VALUES (?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
  /* A zero-length blob, not NULL, when only @inserted says what was done. */
  sqlite3_bind_blob (stmt, 2, n_bytes > 0 ? changeset : "", n_bytes, SQLITE_TRANSIENT);
  if (inserted != NULL)
    sqlite3_bind_text (stmt, 3, inserted, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  if (!crm_database_step_done (self->database, stmt, error))
    return FALSE;

  stmt = crm_database_prepare (self->database,
                               "DELETE FROM journal WHERE id <= (SELECT max(id) FROM journal) - ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->limit);

  return crm_database_step_done (self->database, stmt, error);
}

/* Notes which tables @changeset changes, and those of a bulk insert's
 * record when there is one; an undo changes the same ones. */
static void
remember_tables (CrmJournal *self,
                 const void *changeset,
                 int         n_bytes,
                 const char *inserted)
{
  sqlite3_changeset_iter *iter = NULL;

  g_hash_table_remove_all (self->touched);

  for (const char * const *table = crm_schema_get_bulk_tables (); inserted != NULL && *table != NULL; table++)
    g_hash_table_add (self->touched, g_strdup (*table));

  if (n_bytes == 0)
    return;

  if (sqlite3changeset_start (&iter, n_bytes, (void *)changeset) != SQLITE_OK)
    return;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns, op, indirect;

      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) == SQLITE_OK &&
          !g_hash_table_contains (self->touched, table))
        g_hash_table_add (self->touched, g_strdup (table));
    }
  sqlite3changeset_finalize (iter);
}

/**
 * crm_journal_touched:
 * @self: a #CrmJournal
 * @table: a table name
 *
 * Whether the action last recorded, undone or redone changed rows of
 * @table; handlers of #CrmJournal::changed use it to skip reloading
 * for actions that do not concern them.
 *
 * Returns: %TRUE when it did
 */
gboolean
crm_journal_touched (CrmJournal *self,
                     const char *table)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  return g_hash_table_contains (self->touched, table);
}

static void
emit_changed (CrmJournal *self)
{
  refresh_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * crm_journal_record:
 * @self: a #CrmJournal
 * @label: what the user did, as an untranslated message id marked with
 *   N_() (for example N_("Delete customer")); it is translated when shown
 * @func: the action's database work
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Runs @func in one transaction and records its row changes as one
 * undoable action. When @func fails nothing is changed or recorded.
 *
 * Returns: %TRUE when the action was committed
 */
gboolean
crm_journal_record (CrmJournal       *self,
                    const char       *label,
                    CrmDatabaseFunc   func,
                    gpointer          user_data,
                    GError          **error)
{
  sqlite3 *handle;
  sqlite3_session *session = NULL;
  void *changeset = NULL;
  g_autofree char *inserted = NULL;
  int n_bytes = 0;
  int rc;

  g_return_val_if_fail (CRM_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (!crm_database_in_transaction (self->database), FALSE);

  handle = crm_database_get_handle (self->database);

  if (!crm_database_exec (self->database, "BEGIN IMMEDIATE", error))
    return FALSE;

  crm_bulk_insert_track (self->database, TRUE);

  rc = sqlite3session_create (handle, "main", &session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (session, filter_journaled_tables, self);
      rc = sqlite3session_attach (session, NULL);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_FAILED,
                   _("The change could not be recorded for undo: %s"), sqlite3_errstr (rc));
      if (session != NULL)
        sqlite3session_delete (session);
      return rollback_with (self->database);
    }

  if (!func (self->database, user_data, error))
    {
      sqlite3session_delete (session);
      return rollback_with (self->database);
    }

  inserted = crm_bulk_insert_take_record (self->database);
  crm_bulk_insert_track (self->database, FALSE);

  rc = sqlite3session_changeset (session, &n_bytes, &changeset);
  sqlite3session_delete (session);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_FAILED,
                   _("The change could not be recorded for undo: %s"), sqlite3_errstr (rc));
      sqlite3_free (changeset);
      return rollback_with (self->database);
    }

  if ((n_bytes > 0 || inserted != NULL) &&
      !store_changeset (self, label, changeset, n_bytes, inserted, error))
    {
      sqlite3_free (changeset);
      return rollback_with (self->database);
    }

  if (n_bytes > 0 || inserted != NULL)
    remember_tables (self, changeset, n_bytes, inserted);
  sqlite3_free (changeset);

  if (!crm_database_commit (self->database, error))
    return rollback_with (self->database);

  if (n_bytes > 0 || inserted != NULL)
    emit_changed (self);

  return TRUE;
}

gboolean
crm_journal_can_undo (CrmJournal *self)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), FALSE);

  return self->can_undo;
}

gboolean
crm_journal_can_redo (CrmJournal *self)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), FALSE);

  return self->can_redo;
}

static const char *undo_query =
  "SELECT id, label, changeset, inserted FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1";
/* Undo walks back from the newest action, so the most recently undone one
 * is the oldest on the redo side. */
static const char *redo_query =
  "SELECT id, label, changeset, inserted FROM journal WHERE undone = 1 ORDER BY id ASC LIMIT 1";

static char *
dup_label (CrmJournal *self,
           const char *query)
{
  sqlite3_stmt *stmt = crm_database_prepare (self->database, query, NULL);
  char *label = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    label = g_strdup (g_dgettext (GETTEXT_PACKAGE, (const char *)sqlite3_column_text (stmt, 1)));

  if (stmt != NULL)
    sqlite3_reset (stmt);

  return label;
}

/**
 * crm_journal_dup_undo_label:
 * @self: a #CrmJournal
 *
 * Returns: (transfer full) (nullable): the translated label of the action
 *   undo would revert
 */
char *
crm_journal_dup_undo_label (CrmJournal *self)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), NULL);

  return dup_label (self, undo_query);
}

/**
 * crm_journal_dup_redo_label:
 * @self: a #CrmJournal
 *
 * Returns: (transfer full) (nullable): the translated label of the action
 *   redo would apply again
 */
char *
crm_journal_dup_redo_label (CrmJournal *self)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), NULL);

  return dup_label (self, redo_query);
}

static int
on_conflict (void                   *user_data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  ApplyState *state = user_data;
  const char *table = NULL;
  int n_columns = 0;
  int op = 0;

  sqlite3changeset_op (iter, &table, &n_columns, &op, NULL);

  /* A row to delete that is gone already went with a cascading foreign
   * key of a row deleted just before it: the goal is reached. */
  if (conflict == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;

  /* Anything else means the rows were changed after the action; applying
   * it would overwrite newer work, so the whole step is abandoned. */
  g_debug ("Conflict %d on %s (operation %d)", conflict, table, op);
  state->conflicted = TRUE;

  return SQLITE_CHANGESET_ABORT;
}

/* Undoes an action with a bulk insert's record: reverts its changeset,
 * deletes the rows the record names, and gives in @redo what undoing did,
 * inverted: the changeset of the action, for redo and any later undo. */
static int
undo_bulk (CrmJournal  *self,
           const void  *changeset,
           int          n_bytes,
           const char  *inserted,
           ApplyState  *state,
           void       **redo,
           int         *n_redo,
           GError     **error)
{
  sqlite3 *handle = crm_database_get_handle (self->database);
  sqlite3_session *session = NULL;
  void *undone = NULL;
  int n_undone = 0;
  int rc;

  *redo = NULL;
  *n_redo = 0;

  rc = sqlite3session_create (handle, "main", &session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (session, filter_journaled_tables, self);
      rc = sqlite3session_attach (session, NULL);
    }

  if (rc == SQLITE_OK && n_bytes > 0)
    {
      void *inverted = NULL;
      int n_inverted = 0;

      rc = sqlite3changeset_invert (n_bytes, changeset, &n_inverted, &inverted);
      if (rc == SQLITE_OK)
        rc = sqlite3changeset_apply (handle, n_inverted, inverted, NULL, on_conflict, state);
      sqlite3_free (inverted);
    }

  if (rc == SQLITE_OK && !crm_bulk_insert_undo (self->database, inserted, &state->conflicted, error))
    rc = state->conflicted ? SQLITE_ABORT : SQLITE_ERROR;

  if (rc == SQLITE_OK)
    rc = sqlite3session_changeset (session, &n_undone, &undone);
  if (session != NULL)
    sqlite3session_delete (session);

  if (rc == SQLITE_OK && n_undone > 0)
    rc = sqlite3changeset_invert (n_undone, undone, n_redo, redo);
  if (rc == SQLITE_OK)
    remember_tables (self, undone, n_undone, NULL);
  sqlite3_free (undone);

  return rc;
}

static char *
apply_step (CrmJournal  *self,
            gboolean     undo,
            GError     **error)
{
  sqlite3 *handle = crm_database_get_handle (self->database);
  sqlite3_stmt *stmt;
  g_autofree char *label = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *inserted = NULL;
  ApplyState state = { FALSE };
  void *inverted = NULL;
  void *redo = NULL;
  int n_redo = 0;
  const void *changeset;
  gint64 id;
  int n_bytes;
  int rc;

  g_return_val_if_fail (!crm_database_in_transaction (self->database), NULL);

  if (!crm_database_exec (self->database, "BEGIN IMMEDIATE", error))
    return NULL;

  stmt = crm_database_prepare (self->database, undo ? undo_query : redo_query, error);
  if (stmt == NULL)
    {
      rollback_with (self->database);
      return NULL;
    }

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      rollback_with (self->database);
      g_set_error_literal (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_NOTHING,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return NULL;
    }

  id = sqlite3_column_int64 (stmt, 0);
  label = g_strdup (g_dgettext (GETTEXT_PACKAGE, (const char *)sqlite3_column_text (stmt, 1)));
  n_bytes = sqlite3_column_bytes (stmt, 2);
  changeset = sqlite3_column_blob (stmt, 2);
  /* Only an action not undone yet has a record of its bulk insert. */
  if (undo)
    inserted = g_strdup ((const char *) sqlite3_column_text (stmt, 3));

  if (undo && inserted != NULL)
    {
      rc = undo_bulk (self, changeset, n_bytes, inserted, &state, &redo, &n_redo, &local_error);
    }
  else if (undo)
    {
      int n_inverted = 0;

      remember_tables (self, changeset, n_bytes, NULL);
      rc = sqlite3changeset_invert (n_bytes, changeset, &n_inverted, &inverted);
      if (rc == SQLITE_OK)
        rc = sqlite3changeset_apply (handle, n_inverted, inverted, NULL, on_conflict, &state);
    }
  else
    {
      remember_tables (self, changeset, n_bytes, NULL);
      rc = sqlite3changeset_apply (handle, n_bytes, (void *)changeset, NULL, on_conflict, &state);
    }

  sqlite3_free (inverted);
  sqlite3_reset (stmt);

  if (rc != SQLITE_OK)
    {
      sqlite3_free (redo);
      rollback_with (self->database);

      if (local_error != NULL && !state.conflicted)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (state.conflicted || rc == SQLITE_ABORT || rc == SQLITE_CONSTRAINT)
        g_set_error (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_CONFLICT,
                     undo
                     ? _("“%s” cannot be undone: the records it changed were changed since.")
                     : _("“%s” cannot be redone: the records it changed were changed since."),
                     label);
      else
        g_set_error (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_FAILED,
                     undo ? _("“%s” cannot be undone: %s") : _("“%s” cannot be redone: %s"),
                     label, sqlite3_errstr (rc));
      return NULL;
    }

  /* After the first undo of a bulk insert the action is an ordinary one:
   * its changeset is what the undo deleted, inverted. */
  if (inserted != NULL)
    stmt = crm_database_prepare (self->database,
                                 "UPDATE journal SET undone = ?, changeset = ?3, inserted = NULL WHERE id = ?2",
                                 error);
  else
    stmt = crm_database_prepare (self->database, "UPDATE journal SET undone = ? WHERE id = ?", error);
  if (stmt == NULL)
    {
      sqlite3_free (redo);
      rollback_with (self->database);
      return NULL;
    }

  sqlite3_bind_int (stmt, 1, undo ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (inserted != NULL)
    sqlite3_bind_blob (stmt, 3, n_redo > 0 ? redo : "", n_redo, SQLITE_TRANSIENT);
  sqlite3_free (redo);
  if (!crm_database_step_done (self->database, stmt, error) ||
      !crm_database_commit (self->database, error))
    {
      rollback_with (self->database);
      return NULL;
    }

  emit_changed (self);

  return g_steal_pointer (&label);
}

/**
 * crm_journal_undo:
 * @self: a #CrmJournal
 * @error: return location for a #CrmJournalError
 *
 * Reverts the newest action that is not undone yet.
 *
 * Returns: (transfer full) (nullable): the translated label of the action
 *   undone, or %NULL with @error set
 */
char *
crm_journal_undo (CrmJournal  *self,
                  GError     **error)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), NULL);

  return apply_step (self, TRUE, error);
}

/**
 * crm_journal_redo:
 * @self: a #CrmJournal
 * @error: return location for a #CrmJournalError
 *
 * Applies again the action undone most recently.
 *
 * Returns: (transfer full) (nullable): the translated label of the action
 *   redone, or %NULL with @error set
 */
char *
crm_journal_redo (CrmJournal  *self,
                  GError     **error)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (self), NULL);

  return apply_step (self, FALSE, error);
}

/**
 * crm_journal_count:
 * @self: a #CrmJournal
 *
 * Returns: how many actions the journal holds, undone ones included
 */
guint
crm_journal_count (CrmJournal *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CRM_IS_JOURNAL (self), 0);

  stmt = crm_database_prepare (self->database, "SELECT count(*) FROM journal", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}
