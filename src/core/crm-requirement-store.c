/* crm-requirement-store.c — reading requirements and announcing changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every change goes through crm_journal_record(), so it is one transaction
 * and one undoable action. Merged duplicates (merged_into set) are kept in
 * the table but read as "not found" and left out of every list.
 */

#define G_LOG_DOMAIN "crm-requirement-store"

#include <glib/gi18n-lib.h>

#include "crm-customer-types.h"
#include "crm-follow-up-plan.h"
#include "crm-requirement-store-private.h"

G_DEFINE_FINAL_TYPE (CrmRequirementStore, crm_requirement_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-requirement-store-error-quark, crm_requirement_store_error)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_ACTOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define REQUIREMENT_COLUMNS \
  "SELECT r.id, r.code, r.title, r.description, r.user_story, r.who, r.what, r.when_," \
  "       r.where_, r.why, r.how, r.source, r.nature, r.category, r.kano, r.relation," \
  "       r.importance, r.urgency, r.moscow, r.value, r.cost, r.status, r.position," \
  "       r.owner, r.due_on, r.acceptance, r.resolution, r.satisfaction, r.customer_id," \
  "       c.name, c.tier, r.created_at, r.updated_at" \
  "  FROM requirement r LEFT JOIN customer c ON c.id = r.customer_id"

void
crm_status_change_free (CrmStatusChange *change)
{
  if (change == NULL)
    return;

  g_free (change->changed_at);
  g_free (change->changed_by);
  g_free (change->note);
  g_free (change);
}

void
crm_evidence_free (CrmEvidence *evidence)
{
  if (evidence == NULL)
    return;

  g_free (evidence->excerpt);
  g_free (evidence->created_at);
  g_free (evidence);
}

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static gint64
int_or (sqlite3_stmt *stmt,
        int           column,
        gint64        fallback)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;

  return sqlite3_column_int64 (stmt, column);
}

static int
enum_of (CrmRequirementEnum  type,
         sqlite3_stmt       *stmt,
         int                 column)
{
  return crm_requirement_enum_from_string (type, text (stmt, column));
}

static CrmRequirement *
requirement_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (CRM_TYPE_REQUIREMENT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "code", text (stmt, 1),
                       "title", text (stmt, 2),
                       "description", text (stmt, 3),
                       "user-story", text (stmt, 4),
                       "who", text (stmt, 5),
                       "what", text (stmt, 6),
                       "when", text (stmt, 7),
                       "where", text (stmt, 8),
                       "why", text (stmt, 9),
                       "how", text (stmt, 10),
                       "source", enum_of (CRM_REQUIREMENT_ENUM_SOURCE, stmt, 11),
                       "nature", enum_of (CRM_REQUIREMENT_ENUM_NATURE, stmt, 12),
                       "category", enum_of (CRM_REQUIREMENT_ENUM_CATEGORY, stmt, 13),
                       "kano", enum_of (CRM_REQUIREMENT_ENUM_KANO, stmt, 14),
                       "relation", enum_of (CRM_REQUIREMENT_ENUM_RELATION, stmt, 15),
                       "importance", sqlite3_column_int (stmt, 16),
                       "urgency", sqlite3_column_int (stmt, 17),
                       "moscow", enum_of (CRM_REQUIREMENT_ENUM_MOSCOW, stmt, 18),
                       "value", int_or (stmt, 19, -1),
                       "cost", int_or (stmt, 20, -1),
                       "status", enum_of (CRM_REQUIREMENT_ENUM_STATUS, stmt, 21),
                       "position", sqlite3_column_double (stmt, 22),
                       "owner", text (stmt, 23),
                       "due-on", text (stmt, 24),
                       "acceptance", text (stmt, 25),
                       "resolution", text (stmt, 26),
                       "satisfaction", (int)int_or (stmt, 27, 0),
                       "customer-id", int_or (stmt, 28, 0),
                       "customer-name", text (stmt, 29),
                       "customer-tier", (int)crm_tier_from_string (text (stmt, 30)),
                       "created-at", text (stmt, 31),
                       "updated-at", text (stmt, 32),
                       NULL);
}

void
crm_requirement_store_emit_changed (CrmRequirementStore *self,
                                    gint64               id)
{
  g_signal_emit (self, signals[CHANGED], 0, id);
}

static void
on_journal_changed (CrmRequirementStore *self,
                    CrmJournal          *journal)
{
  /* Our own actions announce the requirement they touched; anything else
   * (an undo, a redo, another store's action) may have touched any. */
  static const char * const tables[] = {
    "requirement", "requirement_customer", "requirement_evidence",
    "requirement_status_history", "customer",
  };
  gboolean concerned = FALSE;

  if (self->recording > 0)
    return;

  /* A follow-up logged or a template saved changes nothing on a card. */
  for (guint i = 0; i < G_N_ELEMENTS (tables) && !concerned; i++)
    concerned = crm_journal_touched (journal, tables[i]);
  if (!concerned)
    return;

  crm_requirement_store_emit_changed (self, 0);
}

/**
 * crm_requirement_store_run:
 * @changed_id: the requirement to announce afterwards, 0 for any
 *
 * Records @func as one undoable action and announces the change.
 */
gboolean
crm_requirement_store_run (CrmRequirementStore *self,
                           const char          *label,
                           CrmDatabaseFunc      func,
                           gpointer             user_data,
                           gint64               changed_id,
                           GError             **error)
{
  gboolean ok;

  self->recording++;
  ok = crm_journal_record (self->journal, label, func, user_data, error);
  self->recording--;

  if (ok)
    crm_requirement_store_emit_changed (self, changed_id);

  return ok;
}

/**
 * crm_requirement_store_record:
 * @label: the action's untranslated label, marked with N_()
 * @func: work that writes requirements with crm_requirement_store_write()
 *
 * Runs @func as one transaction and one undoable action, then tells views
 * that any requirement may have changed.
 *
 * Returns: %TRUE when committed
 */
gboolean
crm_requirement_store_record (CrmRequirementStore  *self,
                              const char           *label,
                              CrmDatabaseFunc       func,
                              gpointer              user_data,
                              GError              **error)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), FALSE);

  return crm_requirement_store_run (self, label, func, user_data, 0, error);
}

static void
crm_requirement_store_constructed (GObject *object)
{
  CrmRequirementStore *self = (CrmRequirementStore *)object;

  G_OBJECT_CLASS (crm_requirement_store_parent_class)->constructed (object);

  self->database = g_object_ref (crm_journal_get_database (self->journal));
  g_signal_connect_object (self->journal, "changed",
                           G_CALLBACK (on_journal_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
crm_requirement_store_dispose (GObject *object)
{
  CrmRequirementStore *self = (CrmRequirementStore *)object;

  g_clear_object (&self->journal);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (crm_requirement_store_parent_class)->dispose (object);
}

static void
crm_requirement_store_finalize (GObject *object)
{
  CrmRequirementStore *self = (CrmRequirementStore *)object;

  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (crm_requirement_store_parent_class)->finalize (object);
}

static void
crm_requirement_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrmRequirementStore *self = CRM_REQUIREMENT_STORE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_store_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrmRequirementStore *self = CRM_REQUIREMENT_STORE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;
    case PROP_ACTOR:
      crm_requirement_store_set_actor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_store_class_init (CrmRequirementStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_requirement_store_constructed;
  object_class->dispose = crm_requirement_store_dispose;
  object_class->finalize = crm_requirement_store_finalize;
  object_class->get_property = crm_requirement_store_get_property;
  object_class->set_property = crm_requirement_store_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, CRM_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
crm_requirement_store_init (CrmRequirementStore *self)
{
  /* Status moves are recorded as made by the person logged in, as tier
   * changes and cleared flags are. */
  self->actor = crm_upkeep_current_user ();
}

/**
 * crm_requirement_store_new:
 * @journal: the undo journal of the database
 *
 * Returns: (transfer full): the requirements of the journal's database
 */
CrmRequirementStore *
crm_requirement_store_new (CrmJournal *journal)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (journal), NULL);

  return g_object_new (CRM_TYPE_REQUIREMENT_STORE, "journal", journal, NULL);
}

CrmDatabase *
crm_requirement_store_get_database (CrmRequirementStore *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), NULL);

  return self->database;
}

CrmJournal *
crm_requirement_store_get_journal (CrmRequirementStore *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), NULL);

  return self->journal;
}

const char *
crm_requirement_store_get_actor (CrmRequirementStore *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), NULL);

  return self->actor;
}

/**
 * crm_requirement_store_set_actor:
 * @actor: (nullable): who makes the next moves, as the status history
 *   names them
 */
void
crm_requirement_store_set_actor (CrmRequirementStore *self,
                                 const char          *actor)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_STORE (self));

  if (g_strcmp0 (self->actor, actor) == 0)
    return;

  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/**
 * crm_requirement_store_get:
 * @id: a requirement id
 * @error: return location for a #CrmRequirementStoreError
 *
 * Returns: (transfer full) (nullable): the requirement, or %NULL when it
 *   does not exist or was merged into another
 */
CrmRequirement *
crm_requirement_store_get (CrmRequirementStore  *self,
                           gint64                id,
                           GError              **error)
{
  sqlite3_stmt *stmt;
  CrmRequirement *requirement = NULL;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), NULL);

  stmt = crm_database_prepare (self->database,
                               REQUIREMENT_COLUMNS " WHERE r.id = ? AND r.merged_into IS NULL",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    requirement = requirement_from_row (stmt);
  sqlite3_reset (stmt);

  if (requirement == NULL)
    g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_NOT_FOUND,
                 _("The requirement no longer exists."));

  return requirement;
}

/**
 * crm_requirement_store_get_many:
 * @ids: (array length=n_ids): requirement ids
 *
 * Reads the requirements in one query, for a page of a list.
 *
 * Returns: (transfer container) (element-type CrmRequirement): those that
 *   exist, in no particular order
 */
GPtrArray *
crm_requirement_store_get_many (CrmRequirementStore *self,
                                const gint64        *ids,
                                guint                n_ids)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), result);

  if (n_ids == 0)
    return result;

  /* carray is not built into Debian's SQLite: a list of bound
   * parameters, prepared once per page size through the cache. */
  sql = g_string_new (REQUIREMENT_COLUMNS " WHERE r.id IN (");
  for (guint i = 0; i < n_ids; i++)
    g_string_append (sql, i == 0 ? "?" : ",?");
  g_string_append (sql, ")");

  stmt = crm_database_prepare (self->database, sql->str, NULL);
  if (stmt == NULL)
    return result;

  for (guint i = 0; i < n_ids; i++)
    sqlite3_bind_int64 (stmt, i + 1, ids[i]);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (result, requirement_from_row (stmt));
  sqlite3_reset (stmt);

  return result;
}

/**
 * crm_requirement_store_count:
 *
 * Returns: how many requirements there are, merged duplicates left out
 */
guint
crm_requirement_store_count (CrmRequirementStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), 0);

  stmt = crm_database_prepare (self->database,
                               "SELECT count(*) FROM requirement WHERE merged_into IS NULL", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}

/**
 * crm_requirement_store_list_owners:
 *
 * Returns: (transfer full): the owners of requirements, sorted
 */
GStrv
crm_requirement_store_list_owners (CrmRequirementStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), NULL);

  stmt = crm_database_prepare (self->database,
                               /* From the index alone: a merged duplicate's
                                * owner, rarely not also an owner of others,
                                * is not worth reading every row for. */
                               "SELECT DISTINCT owner FROM requirement"
                               "  WHERE owner IS NOT NULL ORDER BY owner",
                               NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return g_strv_builder_end (builder);
}

/**
 * crm_requirement_store_list_customers:
 * @id: a requirement id
 *
 * Returns: (transfer full) (element-type gint64): the ids of every
 *   customer the requirement belongs to, the main one first
 */
GArray *
crm_requirement_store_list_customers (CrmRequirementStore *self,
                                      gint64               id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), ids);

  stmt = crm_database_prepare (self->database,
                               "SELECT rc.customer_id FROM requirement_customer rc"
                               "  JOIN requirement r ON r.id = rc.requirement_id"
                               "  WHERE rc.requirement_id = ?"
                               "  ORDER BY rc.customer_id IS NOT r.customer_id, rc.customer_id",
                               NULL);
  if (stmt == NULL)
    return ids;

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 customer_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, customer_id);
    }
  sqlite3_reset (stmt);

  return ids;
}

/**
 * crm_requirement_store_list_evidence:
 *
 * Returns: (transfer full) (element-type CrmEvidence): the requirement's
 *   evidence, oldest first
 */
GPtrArray *
crm_requirement_store_list_evidence (CrmRequirementStore *self,
                                     gint64               id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_evidence_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), result);

  stmt = crm_database_prepare (self->database,
                               "SELECT id, kind, source_id, excerpt, created_at"
                               "  FROM requirement_evidence WHERE requirement_id = ? ORDER BY id",
                               NULL);
  if (stmt == NULL)
    return result;

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmEvidence *evidence = g_new0 (CrmEvidence, 1);

      evidence->id = sqlite3_column_int64 (stmt, 0);
      evidence->kind = enum_of (CRM_REQUIREMENT_ENUM_EVIDENCE_KIND, stmt, 1);
      evidence->source_id = int_or (stmt, 2, 0);
      evidence->excerpt = g_strdup (text (stmt, 3));
      evidence->created_at = g_strdup (text (stmt, 4));
      g_ptr_array_add (result, evidence);
    }
  sqlite3_reset (stmt);

  return result;
}

/**
 * crm_requirement_store_list_history:
 *
 * Returns: (transfer full) (element-type CrmStatusChange): the
 *   requirement's status moves, oldest first
 */
GPtrArray *
crm_requirement_store_list_history (CrmRequirementStore *self,
                                    gint64               id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_status_change_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), result);

  stmt = crm_database_prepare (self->database,
                               "SELECT from_status, to_status, changed_at, changed_by, note"
                               "  FROM requirement_status_history WHERE requirement_id = ? ORDER BY id",
                               NULL);
  if (stmt == NULL)
    return result;

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmStatusChange *change = g_new0 (CrmStatusChange, 1);

      change->from_status = sqlite3_column_type (stmt, 0) == SQLITE_NULL
                            ? -1 : enum_of (CRM_REQUIREMENT_ENUM_STATUS, stmt, 0);
      change->to_status = enum_of (CRM_REQUIREMENT_ENUM_STATUS, stmt, 1);
      change->changed_at = g_strdup (text (stmt, 2));
      change->changed_by = g_strdup (text (stmt, 3));
      change->note = g_strdup (text (stmt, 4));
      g_ptr_array_add (result, change);
    }
  sqlite3_reset (stmt);

  return result;
}

/**
 * crm_requirement_store_exists:
 * @status: (out) (optional): its status
 *
 * Returns: whether requirement @id exists and is not merged away; sets a
 *   NOT_FOUND error when not
 */
gboolean
crm_requirement_store_exists (CrmDatabase  *db,
                              gint64        id,
                              int          *status,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = crm_database_prepare (db,
                               "SELECT status FROM requirement WHERE id = ? AND merged_into IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (status != NULL)
        *status = enum_of (CRM_REQUIREMENT_ENUM_STATUS, stmt, 0);
    }
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_NOT_FOUND,
                 _("The requirement no longer exists."));

  return found;
}
