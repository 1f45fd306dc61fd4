/* crm-customer-store.c — reading and changing customer records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every change a user makes goes through crm_journal_record(), so it is one
 * transaction and one undoable action. Derived columns (the normalised name
 * for duplicates, pinyin initials, the collation key for pinyin order) are
 * computed here, in C, because they need ICU; they are ordinary columns of
 * the row, so an undo restores them with it.
 */

#define G_LOG_DOMAIN "crm-customer-store"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-customer-store-private.h"
#include "crm-pinyin.h"
#include "crm-validate.h"

G_DEFINE_FINAL_TYPE (CrmCustomerStore, crm_customer_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-customer-store-error-quark, crm_customer_store_error)

enum {
  PROP_0,
  PROP_JOURNAL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
crm_customer_store_column_text (sqlite3_stmt *stmt,
                                int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static gint64
column_int_or (sqlite3_stmt *stmt,
               int           column,
               gint64        fallback)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return fallback;

  return sqlite3_column_int64 (stmt, column);
}

/* What a list of customers shows of each (crm_customer_store_get_many_brief()),
 * first in a whole record too, so brief_from_row() reads both. */
#define BRIEF_SELECT \
  "SELECT c.id, c.code, c.name, c.kind, c.industry_id, i.name, i.code," \
  "       c.customer_type, c.tier, c.owner, c.review_state, c.annual_spend, c.last_contact_at"
#define CUSTOMER_FROM \
  "  FROM customer c LEFT JOIN industry i ON i.id = c.industry_id"
#define BRIEF_COLUMNS BRIEF_SELECT CUSTOMER_FROM

static CrmCustomer *
brief_from_row (sqlite3_stmt *stmt)
{
  /* Through the setters, not g_object_new() with a dozen property names. */
  CrmCustomer *c = g_object_new (CRM_TYPE_CUSTOMER, NULL);

  crm_customer_set_id (c, sqlite3_column_int64 (stmt, 0));
  crm_customer_set_code (c, crm_customer_store_column_text (stmt, 1));
  crm_customer_set_name (c, crm_customer_store_column_text (stmt, 2));
  crm_customer_set_kind (c, crm_customer_kind_from_string (crm_customer_store_column_text (stmt, 3)));
  crm_customer_set_industry_id (c, column_int_or (stmt, 4, 0));
  crm_customer_set_industry_name (c, crm_customer_store_column_text (stmt, 5));
  crm_customer_set_industry_code (c, crm_customer_store_column_text (stmt, 6));
  crm_customer_set_customer_type (c, crm_customer_type_from_string (crm_customer_store_column_text (stmt, 7)));
  crm_customer_set_tier (c, crm_tier_from_string (crm_customer_store_column_text (stmt, 8)));
  crm_customer_set_owner (c, crm_customer_store_column_text (stmt, 9));
  crm_customer_set_review_state (c, crm_review_state_from_string (crm_customer_store_column_text (stmt, 10)));
  crm_customer_set_annual_spend (c, sqlite3_column_int64 (stmt, 11));
  crm_customer_set_last_contact_at (c, crm_customer_store_column_text (stmt, 12));

  return c;
}

/* A whole record: the brief columns, then the rest. */
#define CUSTOMER_COLUMNS \
  BRIEF_SELECT "," \
  "       c.credit_code, c.id_number, c.founded_on, c.employees, c.annual_revenue," \
  "       c.province, c.city, c.district, c.street, c.pain_points, c.decision_chain, c.notes," \
  "       c.created_at, c.updated_at, c.approved_at," \
  "       (SELECT group_concat (t.name, char (31)) FROM customer_tag ct" \
  "        JOIN tag t ON t.id = ct.tag_id WHERE ct.customer_id = c.id)" \
  CUSTOMER_FROM

static CrmCustomer *
customer_from_row (sqlite3_stmt *stmt)
{
  CrmCustomer *c = brief_from_row (stmt);
  const char *tag_text = crm_customer_store_column_text (stmt, 28);

  crm_customer_set_credit_code (c, crm_customer_store_column_text (stmt, 13));
  crm_customer_set_id_number (c, crm_customer_store_column_text (stmt, 14));
  crm_customer_set_founded_on (c, crm_customer_store_column_text (stmt, 15));
  crm_customer_set_employees (c, (int)column_int_or (stmt, 16, -1));
  crm_customer_set_annual_revenue (c, column_int_or (stmt, 17, -1));
  crm_customer_set_province (c, crm_customer_store_column_text (stmt, 18));
  crm_customer_set_city (c, crm_customer_store_column_text (stmt, 19));
  crm_customer_set_district (c, crm_customer_store_column_text (stmt, 20));
  crm_customer_set_street (c, crm_customer_store_column_text (stmt, 21));
  crm_customer_set_pain_points (c, crm_customer_store_column_text (stmt, 22));
  crm_customer_set_decision_chain (c, crm_customer_store_column_text (stmt, 23));
  crm_customer_set_notes (c, crm_customer_store_column_text (stmt, 24));
  crm_customer_set_created_at (c, crm_customer_store_column_text (stmt, 25));
  crm_customer_set_updated_at (c, crm_customer_store_column_text (stmt, 26));
  crm_customer_set_approved_at (c, crm_customer_store_column_text (stmt, 27));
  if (tag_text != NULL)
    {
      g_auto(GStrv) tags = g_strsplit (tag_text, "\x1f", -1);

      crm_customer_set_tags (c, (const char * const *)tags);
    }

  return c;
}

void
crm_customer_store_reload_industries (CrmCustomerStore *self)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  stmt = crm_database_prepare (self->database,
                               "SELECT id, code, name FROM industry ORDER BY position, code",
                               NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, crm_industry_new (sqlite3_column_int64 (stmt, 0),
                                              crm_customer_store_column_text (stmt, 1),
                                              crm_customer_store_column_text (stmt, 2)));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  g_list_store_splice (self->industries, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->industries)),
                       items->pdata, items->len);
}

static void
reload_tags (CrmCustomerStore *self)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  stmt = crm_database_prepare (self->database,
                               "SELECT t.id, t.name, (SELECT count(*) FROM customer_tag ct"
                               "                      WHERE ct.tag_id = t.id)"
                               "  FROM tag t ORDER BY t.name",
                               NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, crm_tag_new (sqlite3_column_int64 (stmt, 0),
                                         crm_customer_store_column_text (stmt, 1),
                                         sqlite3_column_int (stmt, 2)));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  g_list_store_splice (self->tags, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->tags)),
                       items->pdata, items->len);
}

void
crm_customer_store_emit_changed (CrmCustomerStore *self,
                                 gint64            customer_id)
{
  reload_tags (self);
  g_signal_emit (self, signals[CHANGED], 0, customer_id);
}

static void
on_journal_changed (CrmCustomerStore *self,
                    CrmJournal       *journal)
{
  /* Our own actions announce the customer they touched; anything else
   * (an undo, a redo, another store's action) may have touched any. */
  static const char * const tables[] = {
    "customer", "contact", "cooperation", "customer_tag", "tag", "industry",
    "key_follow_up", "follow_up",
  };
  gboolean concerned = FALSE;

  if (self->recording > 0)
    return;

  /* A requirement moved on the board, a questionnaire template saved:
   * nothing a customer list shows, so no reload of 100 000 rows. */
  for (guint i = 0; i < G_N_ELEMENTS (tables) && !concerned; i++)
    concerned = crm_journal_touched (journal, tables[i]);
  if (!concerned)
    return;

  crm_customer_store_reload_industries (self);
  crm_customer_store_emit_changed (self, 0);
}

static gboolean
rederive_in_transaction (CrmDatabase  *db,
                         gpointer      user_data,
                         GError      **error)
{
  const char *version = user_data;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "SELECT id, name FROM customer", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup (crm_customer_store_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *name_key = crm_normalize_name (name);
      g_autofree char *initials = crm_pinyin_initials (name);
      g_autoptr(GBytes) sort_key = crm_collation_key (name, "zh");
      gsize key_size;
      gconstpointer key_data = g_bytes_get_data (sort_key, &key_size);

      stmt = crm_database_prepare (db,
                                   "UPDATE customer SET name_key = ?1, name_initials = ?2, sort_key = ?3"
                                   "  WHERE id = ?4 AND (name_key IS NOT ?1 OR name_initials IS NOT ?2"
                                   "                     OR sort_key IS NOT ?3)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, initials, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 3, key_data, key_size, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, g_array_index (ids, gint64, i));
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }

  stmt = crm_database_prepare (db,
                               "INSERT INTO setting (key, value) VALUES ('collation-version', ?1)"
                               "  ON CONFLICT (key) DO UPDATE SET value = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, version, -1, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

/*
 * Sort keys depend on the ICU version, and customers of schema 2 have no
 * derived columns yet: when the stored collation version differs from
 * ICU's, every customer's derived columns are computed again. This is
 * derived data, so it is not an undoable action.
 */
static void
ensure_derived_columns (CrmCustomerStore *self)
{
  g_autofree char *version = crm_collation_version ("zh");
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (self->database,
                               "SELECT value FROM setting WHERE key = 'collation-version'",
                               NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    stored = g_strdup (crm_customer_store_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (g_strcmp0 (stored, version) == 0)
    return;

  if (!crm_database_transaction (self->database, rederive_in_transaction, version, &error))
    g_warning ("Could not update the customers’ sort keys: %s", error->message);
}

static void
crm_customer_store_constructed (GObject *object)
{
  CrmCustomerStore *self = (CrmCustomerStore *)object;

  G_OBJECT_CLASS (crm_customer_store_parent_class)->constructed (object);

  self->database = g_object_ref (crm_journal_get_database (self->journal));
  self->journal_changed_id =
    g_signal_connect_object (self->journal, "changed",
                             G_CALLBACK (on_journal_changed), self,
                             G_CONNECT_SWAPPED);
  ensure_derived_columns (self);
  crm_customer_store_reload_industries (self);
  reload_tags (self);
}

static void
crm_customer_store_dispose (GObject *object)
{
  CrmCustomerStore *self = (CrmCustomerStore *)object;

  g_clear_object (&self->industries);
  g_clear_object (&self->tags);
  g_clear_object (&self->database);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (crm_customer_store_parent_class)->dispose (object);
}

static void
crm_customer_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmCustomerStore *self = CRM_CUSTOMER_STORE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_store_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmCustomerStore *self = CRM_CUSTOMER_STORE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_store_class_init (CrmCustomerStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_customer_store_constructed;
  object_class->dispose = crm_customer_store_dispose;
  object_class->get_property = crm_customer_store_get_property;
  object_class->set_property = crm_customer_store_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         CRM_TYPE_JOURNAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
crm_customer_store_init (CrmCustomerStore *self)
{
  self->industries = g_list_store_new (CRM_TYPE_INDUSTRY);
  self->tags = g_list_store_new (CRM_TYPE_TAG);
}

/**
 * crm_customer_store_new:
 * @journal: the journal every change is recorded in
 *
 * Returns: (transfer full): the store of the journal's database
 */
CrmCustomerStore *
crm_customer_store_new (CrmJournal *journal)
{
  g_return_val_if_fail (CRM_IS_JOURNAL (journal), NULL);

  return g_object_new (CRM_TYPE_CUSTOMER_STORE,
                       "journal", journal,
                       NULL);
}

CrmDatabase *
crm_customer_store_get_database (CrmCustomerStore *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  return self->database;
}

CrmJournal *
crm_customer_store_get_journal (CrmCustomerStore *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  return self->journal;
}

/**
 * crm_customer_store_get:
 * @self: a #CrmCustomerStore
 * @id: a customer id
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the customer as stored now
 */
CrmCustomer *
crm_customer_store_get (CrmCustomerStore  *self,
                        gint64             id,
                        GError           **error)
{
  sqlite3_stmt *stmt;
  CrmCustomer *customer = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  stmt = crm_database_prepare (self->database, CUSTOMER_COLUMNS " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    customer = customer_from_row (stmt);
  sqlite3_reset (stmt);

  if (customer == NULL)
    g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                 _("The customer no longer exists."));

  return customer;
}

/**
 * crm_customer_store_get_many_brief:
 * @self: a #CrmCustomerStore
 * @ids: customer ids
 * @n_ids: how many
 *
 * Loads what a list of customers shows of several customers, in one
 * query, for list models that fetch a screenful of rows at a time: id,
 * code, name, kind, industry (id, name and code), customer type, tier,
 * owner, review state, annual spend and last contact. The other fields
 * are left unset (the address, notes, tags, times…); read the whole
 * record with crm_customer_store_get(). A brief record reads under half
 * the columns, without the tags' subquery: a jump through a list reads
 * four pages of them.
 *
 * Returns: (transfer full) (element-type CrmCustomer): the customers found,
 *   in the order of @ids
 */
GPtrArray *
crm_customer_store_get_many_brief (CrmCustomerStore *self,
                                   const gint64     *ids,
                                   guint             n_ids)
{
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *result;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  result = g_ptr_array_new_full (n_ids, g_object_unref);
  if (n_ids == 0)
    return result;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);

  /* carray is not in Debian's SQLite; json_each takes the list as text. */
  stmt = crm_database_prepare (self->database,
                               BRIEF_COLUMNS " WHERE c.id IN (SELECT value FROM json_each (?))",
                               NULL);
  if (stmt != NULL)
    {
      g_autoptr(GString) list = g_string_new ("[");

      for (guint i = 0; i < n_ids; i++)
        g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
      g_string_append_c (list, ']');

      sqlite3_bind_text (stmt, 1, list->str, list->len, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          CrmCustomer *customer = brief_from_row (stmt);
          gint64 *key = g_new (gint64, 1);

          *key = crm_customer_get_id (customer);
          g_hash_table_insert (by_id, key, customer);
          g_object_set_data_full (G_OBJECT (customer), "crm-key", key, g_free);
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < n_ids; i++)
    {
      CrmCustomer *customer = g_hash_table_lookup (by_id, &ids[i]);

      if (customer != NULL)
        g_ptr_array_add (result, g_object_ref (customer));
    }

  return result;
}

/**
 * crm_customer_store_list_contacts:
 * @self: a #CrmCustomerStore
 * @customer_id: a customer id
 *
 * Returns: (transfer full) (element-type CrmContact): the contacts, in
 *   their order
 */
GPtrArray *
crm_customer_store_list_contacts (CrmCustomerStore *self,
                                  gint64            customer_id)
{
  GPtrArray *contacts;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  contacts = g_ptr_array_new_with_free_func (g_object_unref);
  stmt = crm_database_prepare (self->database,
                               "SELECT id, customer_id, name, title, phone, email, role,"
                               "       preferred_channel, preferred_frequency"
                               "  FROM contact WHERE customer_id = ? ORDER BY position, id",
                               NULL);
  if (stmt == NULL)
    return contacts;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (contacts,
                     g_object_new (CRM_TYPE_CONTACT,
                                   "id", sqlite3_column_int64 (stmt, 0),
                                   "customer-id", sqlite3_column_int64 (stmt, 1),
                                   "name", crm_customer_store_column_text (stmt, 2),
                                   "title", crm_customer_store_column_text (stmt, 3),
                                   "phone", crm_customer_store_column_text (stmt, 4),
                                   "email", crm_customer_store_column_text (stmt, 5),
                                   "role", crm_customer_store_column_text (stmt, 6),
                                   "preferred-channel", crm_customer_store_column_text (stmt, 7),
                                   "preferred-frequency", crm_customer_store_column_text (stmt, 8),
                                   NULL));
  sqlite3_reset (stmt);

  return contacts;
}

/**
 * crm_customer_store_list_cooperations:
 * @self: a #CrmCustomerStore
 * @customer_id: a customer id
 *
 * Returns: (transfer full) (element-type CrmCooperation): the cooperation
 *   records, newest first
 */
GPtrArray *
crm_customer_store_list_cooperations (CrmCustomerStore *self,
                                      gint64            customer_id)
{
  GPtrArray *records;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  stmt = crm_database_prepare (self->database,
                               "SELECT id, customer_id, product, started_on, ended_on, amount"
                               "  FROM cooperation WHERE customer_id = ?"
                               "  ORDER BY started_on DESC, id DESC",
                               NULL);
  if (stmt == NULL)
    return records;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (records,
                     g_object_new (CRM_TYPE_COOPERATION,
                                   "id", sqlite3_column_int64 (stmt, 0),
                                   "customer-id", sqlite3_column_int64 (stmt, 1),
                                   "product", crm_customer_store_column_text (stmt, 2),
                                   "started-on", crm_customer_store_column_text (stmt, 3),
                                   "ended-on", crm_customer_store_column_text (stmt, 4),
                                   "amount", sqlite3_column_int64 (stmt, 5),
                                   NULL));
  sqlite3_reset (stmt);

  return records;
}

/**
 * crm_customer_store_list_industries:
 * @self: a #CrmCustomerStore
 *
 * Returns: (transfer none): the industries, kept current
 */
GListModel *
crm_customer_store_list_industries (CrmCustomerStore *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  return G_LIST_MODEL (self->industries);
}

/**
 * crm_customer_store_list_tags:
 * @self: a #CrmCustomerStore
 *
 * Returns: (transfer none): the tags with their customer counts, kept
 *   current
 */
GListModel *
crm_customer_store_list_tags (CrmCustomerStore *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  return G_LIST_MODEL (self->tags);
}

/**
 * crm_customer_store_list_owners:
 * @self: a #CrmCustomerStore
 *
 * Returns: (transfer full): the account managers that own customers
 */
GStrv
crm_customer_store_list_owners (CrmCustomerStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  stmt = crm_database_prepare (self->database,
                               "SELECT DISTINCT owner FROM customer WHERE owner IS NOT NULL ORDER BY owner",
                               NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, crm_customer_store_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return g_strv_builder_end (builder);
}

guint
crm_customer_store_count (CrmCustomerStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), 0);

  stmt = crm_database_prepare (self->database, "SELECT count(*) FROM customer", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return count;
}
