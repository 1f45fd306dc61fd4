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

#include "crm-customer-store.h"
#include "crm-pinyin.h"
#include "crm-validate.h"

struct _CrmCustomerStore
{
  GObject      parent_instance;

  CrmJournal  *journal;
  CrmDatabase *database;
  GListStore  *industries;
  GListStore  *tags;
  gulong       journal_changed_id;
  guint        recording;
};

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

#define CUSTOMER_COLUMNS \
  "SELECT c.id, c.code, c.name, c.kind, c.credit_code, c.id_number, c.founded_on," \
  "       c.industry_id, i.name, i.code, c.employees, c.annual_revenue," \
  "       c.customer_type, c.tier, c.province, c.city, c.district, c.street," \
  "       c.pain_points, c.decision_chain, c.owner, c.review_state, c.notes," \
  "       c.annual_spend, c.last_contact_at, c.created_at, c.updated_at, c.approved_at," \
  "       (SELECT k.name || ' ' || ifnull (k.phone, '') FROM contact k" \
  "        WHERE k.customer_id = c.id ORDER BY k.position, k.id LIMIT 1)," \
  "       (SELECT group_concat (t.name, char (31)) FROM customer_tag ct" \
  "        JOIN tag t ON t.id = ct.tag_id WHERE ct.customer_id = c.id)" \
  "  FROM customer c LEFT JOIN industry i ON i.id = c.industry_id"

static const char *
column_text (sqlite3_stmt *stmt,
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

/**
 * crm_customer_store_customer_from_row:
 * @stmt: a statement positioned on a row of CUSTOMER_COLUMNS
 *
 * Returns: (transfer full): the customer of that row
 */
static CrmCustomer *
customer_from_row (sqlite3_stmt *stmt)
{
  g_auto(GStrv) tags = NULL;
  const char *tag_text = column_text (stmt, 29);

  if (tag_text != NULL)
    tags = g_strsplit (tag_text, "\x1f", -1);

  return g_object_new (CRM_TYPE_CUSTOMER,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "code", column_text (stmt, 1),
                       "name", column_text (stmt, 2),
                       "kind", (int)crm_customer_kind_from_string (column_text (stmt, 3)),
                       "credit-code", column_text (stmt, 4),
                       "id-number", column_text (stmt, 5),
                       "founded-on", column_text (stmt, 6),
                       "industry-id", column_int_or (stmt, 7, 0),
                       "industry-name", column_text (stmt, 8),
                       "industry-code", column_text (stmt, 9),
                       "employees", (int)column_int_or (stmt, 10, -1),
                       "annual-revenue", column_int_or (stmt, 11, -1),
                       "customer-type", (int)crm_customer_type_from_string (column_text (stmt, 12)),
                       "tier", (int)crm_tier_from_string (column_text (stmt, 13)),
                       "province", column_text (stmt, 14),
                       "city", column_text (stmt, 15),
                       "district", column_text (stmt, 16),
                       "street", column_text (stmt, 17),
                       "pain-points", column_text (stmt, 18),
                       "decision-chain", column_text (stmt, 19),
                       "owner", column_text (stmt, 20),
                       "review-state", (int)crm_review_state_from_string (column_text (stmt, 21)),
                       "notes", column_text (stmt, 22),
                       "annual-spend", sqlite3_column_int64 (stmt, 23),
                       "last-contact-at", column_text (stmt, 24),
                       "created-at", column_text (stmt, 25),
                       "updated-at", column_text (stmt, 26),
                       "approved-at", column_text (stmt, 27),
                       "contact-summary", column_text (stmt, 28),
                       "tags", tags,
                       NULL);
}

static void
reload_industries (CrmCustomerStore *self)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  stmt = crm_database_prepare (self->database,
                               "SELECT id, code, name FROM industry ORDER BY position, code",
                               NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, crm_industry_new (sqlite3_column_int64 (stmt, 0),
                                              column_text (stmt, 1),
                                              column_text (stmt, 2)));
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
                                         column_text (stmt, 1),
                                         sqlite3_column_int (stmt, 2)));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  g_list_store_splice (self->tags, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->tags)),
                       items->pdata, items->len);
}

static void
emit_changed (CrmCustomerStore *self,
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
  if (self->recording > 0)
    return;

  reload_industries (self);
  emit_changed (self, 0);
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
      g_ptr_array_add (names, g_strdup (column_text (stmt, 1)));
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
    stored = g_strdup (column_text (stmt, 0));
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
  reload_industries (self);
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
 * crm_customer_store_get_many:
 * @self: a #CrmCustomerStore
 * @ids: customer ids
 * @n_ids: how many
 *
 * Loads several customers in one query, for list models that fetch a
 * screenful of rows at a time.
 *
 * Returns: (transfer full) (element-type CrmCustomer): the customers found,
 *   in the order of @ids
 */
GPtrArray *
crm_customer_store_get_many (CrmCustomerStore *self,
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
                               CUSTOMER_COLUMNS " WHERE c.id IN (SELECT value FROM json_each (?))",
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
          CrmCustomer *customer = customer_from_row (stmt);
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
                                   "name", column_text (stmt, 2),
                                   "title", column_text (stmt, 3),
                                   "phone", column_text (stmt, 4),
                                   "email", column_text (stmt, 5),
                                   "role", column_text (stmt, 6),
                                   "preferred-channel", column_text (stmt, 7),
                                   "preferred-frequency", column_text (stmt, 8),
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
                                   "product", column_text (stmt, 2),
                                   "started-on", column_text (stmt, 3),
                                   "ended-on", column_text (stmt, 4),
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
    g_strv_builder_add (builder, column_text (stmt, 0));
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

/* Validation ------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_optional (char       *(*validate) (const char *, const char *, GError **),
                const char   *value,
                const char   *label,
                char        **normalised,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  *normalised = NULL;
  if (value == NULL || *value == '\0')
    return TRUE;

  *normalised = validate (value, label, &local_error);
  if (*normalised == NULL)
    {
      g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

static char *
validate_phone_any (const char  *value,
                    const char  *label,
                    GError     **error)
{
  return crm_validate_phone (value, label, NULL, error);
}

/**
 * crm_customer_store_check:
 * @self: a #CrmCustomerStore
 * @customer: the record as the user entered it; its identifiers are
 *   replaced by their normal forms when they pass
 * @contacts: (nullable) (element-type CrmContact): its contacts, whose
 *   phones and e-mails are normalised likewise
 * @warnings: (out) (optional): messages to show that do not block saving
 * @error: return location for a %CRM_CUSTOMER_STORE_ERROR_INVALID naming
 *   the field and the reason
 *
 * Returns: %TRUE when the record may be saved
 */
gboolean
crm_customer_store_check (CrmCustomerStore  *self,
                          CrmCustomer       *customer,
                          GPtrArray         *contacts,
                          GStrv             *warnings,
                          GError           **error)
{
  g_autoptr(GStrvBuilder) warned = g_strv_builder_new ();
  const char *name;
  g_autofree char *credit_code = NULL;
  g_autofree char *id_number = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), FALSE);

  if (warnings != NULL)
    *warnings = NULL;

  name = crm_customer_get_name (customer);
  if (is_blank (name))
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Name: enter the customer’s full name."));
      return FALSE;
    }

  if (g_utf8_strlen (name, -1) > 200)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Name: at most 200 characters."));
      return FALSE;
    }

  {
    const char *value = crm_customer_get_credit_code (customer);

    if (value != NULL && *value != '\0')
      {
        g_autoptr(GError) local_error = NULL;
        g_autofree char *warning = NULL;

        credit_code = crm_validate_credit_code (value, _("Unified social credit code"),
                                                &warning, &local_error);
        if (credit_code == NULL)
          {
            g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR,
                                 CRM_CUSTOMER_STORE_ERROR_INVALID, local_error->message);
            return FALSE;
          }
        if (warning != NULL)
          g_strv_builder_add (warned, warning);
        g_object_set (customer, "credit-code", credit_code, NULL);
      }
  }

  if (!check_optional (crm_validate_id_number, crm_customer_get_id_number (customer),
                       _("ID card number"), &id_number, error))
    return FALSE;
  if (id_number != NULL)
    g_object_set (customer, "id-number", id_number, NULL);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CrmContact *contact = g_ptr_array_index (contacts, i);
      const char *contact_name = crm_contact_get_name (contact);
      g_autofree char *label = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *email = NULL;

      if (contact_name == NULL || *contact_name == '\0')
        {
          g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                       _("Contact %u: enter a name."), i + 1);
          return FALSE;
        }

      /* Translators: the field label of a contact's phone, e.g. "张三’s phone". */
      label = g_strdup_printf (_("%s’s phone"), contact_name);
      if (!check_optional (validate_phone_any, crm_contact_get_phone (contact), label, &phone, error))
        return FALSE;
      if (phone != NULL)
        g_object_set (contact, "phone", phone, NULL);

      g_free (label);
      /* Translators: the field label of a contact's e-mail address. */
      label = g_strdup_printf (_("%s’s e-mail"), contact_name);
      if (!check_optional (crm_validate_email, crm_contact_get_email (contact), label, &email, error))
        return FALSE;
      if (email != NULL)
        g_object_set (contact, "email", email, NULL);
    }

  if (warnings != NULL)
    *warnings = g_strv_builder_end (warned);

  return TRUE;
}

/**
 * crm_customer_store_find_duplicate:
 * @self: a #CrmCustomerStore
 * @customer: a record, saved or not
 * @reason: (out) (optional): why the other record is a duplicate, naming it
 *
 * Looks for another customer with the same credit code, ID number or
 * normalised name.
 *
 * Returns: (transfer full) (nullable): the existing customer
 */
CrmCustomer *
crm_customer_store_find_duplicate (CrmCustomerStore  *self,
                                   CrmCustomer       *customer,
                                   char             **reason)
{
  static const char *queries[] = {
    "SELECT id FROM customer WHERE credit_code = ? AND id != ? LIMIT 1",
    "SELECT id FROM customer WHERE id_number = ? AND id != ? LIMIT 1",
    "SELECT id FROM customer WHERE name_key = ? AND id != ? LIMIT 1",
  };
  g_autofree char *name_key = NULL;
  const char *values[3];

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), NULL);

  name_key = crm_normalize_name (crm_customer_get_name (customer));
  values[0] = crm_customer_get_credit_code (customer);
  values[1] = crm_customer_get_id_number (customer);
  values[2] = name_key;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt;
      gint64 other = 0;
      CrmCustomer *existing;

      if (values[i] == NULL || *values[i] == '\0')
        continue;

      stmt = crm_database_prepare (self->database, queries[i], NULL);
      if (stmt == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, values[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, crm_customer_get_id (customer));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        other = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);

      if (other == 0)
        continue;

      existing = crm_customer_store_get (self, other, NULL);
      if (existing == NULL)
        continue;

      if (reason != NULL)
        {
          const char *code = crm_customer_get_code (existing);
          g_autofree char *who = code != NULL
            ? g_strdup_printf ("“%s” (%s)", crm_customer_get_name (existing), code)
            : g_strdup_printf ("“%s”", crm_customer_get_name (existing));

          switch (i)
            {
            case 0:
              *reason = g_strdup_printf (_("%s already has this unified social credit code."), who);
              break;
            case 1:
              *reason = g_strdup_printf (_("%s already has this ID card number."), who);
              break;
            default:
              *reason = g_strdup_printf (_("%s has the same name."), who);
              break;
            }
        }

      return existing;
    }

  return NULL;
}

/* Saving ---------------------------------------------------------------- */

typedef struct
{
  CrmCustomerStore    *self;
  CrmCustomer         *customer;
  GPtrArray           *contacts;
  const char * const  *tags;
  gint64               id;
} SaveData;

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        value,
                  gint64        null_value)
{
  if (value == null_value)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static gboolean
write_tags (CrmDatabase         *db,
            gint64               customer_id,
            const char * const  *tags,
            GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "DELETE FROM customer_tag WHERE customer_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag == '\0')
        continue;

      stmt = crm_database_prepare (db, "INSERT OR IGNORE INTO tag (name) VALUES (?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tag, -1, SQLITE_TRANSIENT);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;

      stmt = crm_database_prepare (db,
                                   "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id)"
                                   "  SELECT ?, id FROM tag WHERE name = ?",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_TRANSIENT);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_contacts (CrmDatabase  *db,
                gint64        customer_id,
                GPtrArray    *contacts,
                GError      **error)
{
  g_autoptr(GString) keep = g_string_new ("[");
  sqlite3_stmt *stmt;

  for (guint i = 0; i < contacts->len; i++)
    {
      CrmContact *contact = g_ptr_array_index (contacts, i);
      gint64 id = crm_contact_get_id (contact);
      g_autofree char *title = NULL, *channel = NULL, *frequency = NULL;

      g_object_get (contact,
                    "title", &title,
                    "preferred-channel", &channel,
                    "preferred-frequency", &frequency,
                    NULL);

      if (id > 0)
        stmt = crm_database_prepare (db,
                                     "UPDATE contact SET name = ?1, title = ?2, phone = ?3, email = ?4,"
                                     "  role = ?5, preferred_channel = ?6, preferred_frequency = ?7,"
                                     "  position = ?8"
                                     "  WHERE id = ?9 AND customer_id = ?10",
                                     error);
      else
        stmt = crm_database_prepare (db,
                                     "INSERT INTO contact (name, title, phone, email, role,"
                                     "  preferred_channel, preferred_frequency, position, customer_id)"
                                     "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)",
                                     error);
      if (stmt == NULL)
        return FALSE;

      bind_text_or_null (stmt, 1, crm_contact_get_name (contact));
      bind_text_or_null (stmt, 2, title);
      bind_text_or_null (stmt, 3, crm_contact_get_phone (contact));
      bind_text_or_null (stmt, 4, crm_contact_get_email (contact));
      bind_text_or_null (stmt, 5, crm_contact_get_role (contact));
      bind_text_or_null (stmt, 6, channel);
      bind_text_or_null (stmt, 7, frequency);
      sqlite3_bind_int (stmt, 8, i);
      if (id > 0)
        sqlite3_bind_int64 (stmt, 9, id);
      sqlite3_bind_int64 (stmt, 10, customer_id);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;

      if (id <= 0)
        {
          id = sqlite3_last_insert_rowid (crm_database_get_handle (db));
          g_object_set (contact, "id", id, "customer-id", customer_id, NULL);
        }

      g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, i ? "," : "", id);
    }
  g_string_append_c (keep, ']');

  stmt = crm_database_prepare (db,
                               "DELETE FROM contact WHERE customer_id = ?"
                               "  AND id NOT IN (SELECT value FROM json_each (?))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, keep->str, keep->len, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_customer_store_write:
 * @self: a #CrmCustomerStore
 * @customer: a record that passed crm_customer_store_check()
 * @contacts: (nullable) (element-type CrmContact): its contacts; %NULL
 *   leaves them
 * @tags: (nullable): its tags; %NULL leaves them
 * @error: return location for an error
 *
 * Writes one record inside the caller's transaction, for work that records
 * many customers as one action (an import). It neither checks nor records
 * for undo nor announces the change: run it from crm_customer_store_record()
 * after crm_customer_store_check().
 *
 * Returns: the id of the record, or 0 with @error set
 */
gint64
crm_customer_store_write (CrmCustomerStore    *self,
                          CrmCustomer         *customer,
                          GPtrArray           *contacts,
                          const char * const  *tags,
                          GError             **error)
{
  CrmDatabase *db = self->database;
  CrmCustomer *c = customer;
  gint64 id = crm_customer_get_id (c);
  g_autofree char *name = g_strstrip (g_strdup (crm_customer_get_name (c)));
  g_autofree char *name_key = crm_normalize_name (name);
  g_autofree char *initials = crm_pinyin_initials (name);
  /* Customer names are Chinese whatever the interface language, so they
   * are kept in pinyin order (Chinese collation) in every locale. */
  g_autoptr(GBytes) sort_key = crm_collation_key (name, "zh");
  g_autofree char *founded_on = NULL, *province = NULL, *city = NULL, *district = NULL;
  g_autofree char *street = NULL, *pain_points = NULL, *decision_chain = NULL;
  int employees = -1;
  gint64 annual_revenue = -1;
  sqlite3_stmt *stmt;
  gsize key_size;
  gconstpointer key_data;

  g_object_get (c,
                "founded-on", &founded_on,
                "employees", &employees,
                "annual-revenue", &annual_revenue,
                "province", &province,
                "city", &city,
                "district", &district,
                "street", &street,
                "pain-points", &pain_points,
                "decision-chain", &decision_chain,
                NULL);

  if (id > 0)
    stmt = crm_database_prepare (db,
                                 "UPDATE customer SET name = ?1, kind = ?2, credit_code = ?3,"
                                 "  id_number = ?4, founded_on = ?5, industry_id = ?6, employees = ?7,"
                                 "  annual_revenue = ?8, customer_type = ?9, tier = ?10, province = ?11,"
                                 "  city = ?12, district = ?13, street = ?14, pain_points = ?15,"
                                 "  decision_chain = ?16, owner = ?17, notes = ?18, name_key = ?19,"
                                 "  name_initials = ?20, sort_key = ?21,"
                                 "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                 "  WHERE id = ?22",
                                 error);
  else
    stmt = crm_database_prepare (db,
                                 "INSERT INTO customer (name, kind, credit_code, id_number, founded_on,"
                                 "  industry_id, employees, annual_revenue, customer_type, tier, province,"
                                 "  city, district, street, pain_points, decision_chain, owner, notes,"
                                 "  name_key, name_initials, sort_key)"
                                 "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                 "          ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                                 error);
  if (stmt == NULL)
    return 0;

  key_data = g_bytes_get_data (sort_key, &key_size);

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, crm_customer_kind_to_string (crm_customer_get_kind (c)), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, crm_customer_get_credit_code (c));
  bind_text_or_null (stmt, 4, crm_customer_get_id_number (c));
  bind_text_or_null (stmt, 5, founded_on);
  bind_int_or_null (stmt, 6, crm_customer_get_industry_id (c), 0);
  bind_int_or_null (stmt, 7, employees, -1);
  bind_int_or_null (stmt, 8, annual_revenue, -1);
  sqlite3_bind_text (stmt, 9, crm_customer_type_to_string (crm_customer_get_customer_type (c)), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 10, crm_tier_to_string (crm_customer_get_tier (c)));
  bind_text_or_null (stmt, 11, province);
  bind_text_or_null (stmt, 12, city);
  bind_text_or_null (stmt, 13, district);
  bind_text_or_null (stmt, 14, street);
  bind_text_or_null (stmt, 15, pain_points);
  bind_text_or_null (stmt, 16, decision_chain);
  bind_text_or_null (stmt, 17, crm_customer_get_owner (c));
  bind_text_or_null (stmt, 18, crm_customer_get_notes (c));
  sqlite3_bind_text (stmt, 19, name_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 20, initials, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 21, key_data, key_size, SQLITE_TRANSIENT);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 22, id);

  if (!crm_database_step_done (db, stmt, error))
    return 0;

  if (id > 0 && sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                   _("The customer no longer exists."));
      return 0;
    }

  if (id <= 0)
    id = sqlite3_last_insert_rowid (crm_database_get_handle (db));

  if (contacts != NULL && !write_contacts (db, id, contacts, error))
    return 0;

  if (tags != NULL && !write_tags (db, id, tags, error))
    return 0;

  return id;
}

static gboolean
save_in_transaction (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  SaveData *data = user_data;

  data->id = crm_customer_store_write (data->self, data->customer, data->contacts, data->tags, error);

  return data->id > 0;
}

/**
 * crm_customer_store_record:
 * @self: a #CrmCustomerStore
 * @label: the action's untranslated label, marked with N_()
 * @func: work that writes customers with crm_customer_store_write()
 * @user_data: data for @func
 * @error: return location for an error
 *
 * Runs @func as one transaction and one undoable action, then tells views
 * that any customer may have changed.
 *
 * Returns: %TRUE when committed
 */
gboolean
crm_customer_store_record (CrmCustomerStore  *self,
                           const char        *label,
                           CrmDatabaseFunc    func,
                           gpointer           user_data,
                           GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  self->recording++;
  ok = crm_journal_record (self->journal, label, func, user_data, error);
  self->recording--;

  if (ok)
    {
      reload_industries (self);
      emit_changed (self, 0);
    }

  return ok;
}


/**
 * crm_customer_store_save:
 * @self: a #CrmCustomerStore
 * @customer: the record; saved as new when its id is 0
 * @contacts: (nullable) (element-type CrmContact): the contacts it should
 *   have, in order (contacts not listed are removed); %NULL leaves them
 * @tags: (nullable): the tags it should have; %NULL leaves them
 * @flags: whether to save despite a duplicate
 * @warnings: (out) (optional): messages to show that did not block saving
 * @error: return location for a #CrmCustomerStoreError
 *
 * Checks, then saves the record as one undoable action ("Add customer" or
 * "Edit customer").
 *
 * Returns: the id of the saved customer, or 0 with @error set
 */
gint64
crm_customer_store_save (CrmCustomerStore    *self,
                         CrmCustomer         *customer,
                         GPtrArray           *contacts,
                         const char * const  *tags,
                         CrmSaveFlags         flags,
                         GStrv               *warnings,
                         GError             **error)
{
  SaveData data = { self, customer, contacts, tags, 0 };
  gboolean is_new;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), 0);
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), 0);

  if (!crm_customer_store_check (self, customer, contacts, warnings, error))
    return 0;

  if (!(flags & CRM_SAVE_ALLOW_DUPLICATE))
    {
      g_autofree char *reason = NULL;
      g_autoptr(CrmCustomer) existing = crm_customer_store_find_duplicate (self, customer, &reason);

      if (existing != NULL)
        {
          g_set_error_literal (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE,
                               reason);
          return 0;
        }
    }

  is_new = crm_customer_get_id (customer) <= 0;

  self->recording++;
  ok = crm_journal_record (self->journal,
                           is_new ? N_("Add customer") : N_("Edit customer"),
                           save_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return 0;

  g_object_set (customer, "id", data.id, NULL);
  emit_changed (self, data.id);

  return data.id;
}

/* Approval -------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *code;
} ApproveData;

static char *
write_approval (CrmDatabase  *db,
                gint64        id,
                GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *industry_code = NULL;
  g_autofree char *state = NULL;
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int year = g_date_time_get_year (now);
  gint64 seq;

  stmt = crm_database_prepare (db,
                               "SELECT c.review_state, i.code FROM customer c"
                               "  LEFT JOIN industry i ON i.id = c.industry_id WHERE c.id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      state = g_strdup (column_text (stmt, 0));
      industry_code = g_strdup (column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                   _("The customer no longer exists."));
      return NULL;
    }

  if (g_strcmp0 (state, "approved") == 0)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_STATE,
                   _("The customer is approved already."));
      return NULL;
    }

  if (industry_code == NULL)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Industry: choose one before approving; the customer code includes it."));
      return NULL;
    }

  /* The counter is bumped in the same transaction that uses it, under
   * BEGIN IMMEDIATE, so two writers can never draw the same number. It is
   * outside the journal: an undone approval keeps its number spent. */
  stmt = crm_database_prepare (db,
                               "INSERT INTO code_counter (year, industry_code, last_seq) VALUES (?, ?, 1)"
                               "  ON CONFLICT (year, industry_code) DO UPDATE SET last_seq = last_seq + 1"
                               "  RETURNING last_seq",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_text (stmt, 2, industry_code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      crm_database_set_sql_error (db, error, "code_counter");
      sqlite3_reset (stmt);
      return NULL;
    }
  seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  code = g_strdup_printf ("%d-%s-%03" G_GINT64_FORMAT, year, industry_code, seq);

  stmt = crm_database_prepare (db,
                               "UPDATE customer SET code = ?, review_state = 'approved',"
                               "  approved_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'),"
                               "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               "  WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!crm_database_step_done (db, stmt, error))
    return NULL;

  return g_steal_pointer (&code);
}

static gboolean
approve_in_transaction (CrmDatabase  *db,
                        gpointer      user_data,
                        GError      **error)
{
  ApproveData *data = user_data;

  data->code = write_approval (db, data->id, error);

  return data->code != NULL;
}

/**
 * crm_customer_store_write_approval:
 * @self: a #CrmCustomerStore
 * @id: a draft customer with an industry
 * @error: return location for a #CrmCustomerStoreError
 *
 * Approves the record and draws its customer code inside the caller's
 * transaction, exactly as crm_customer_store_approve() does, for work that
 * records many customers as one action (sample data). Run it from
 * crm_customer_store_record() or crm_database_transaction().
 *
 * Returns: (transfer full): the code assigned, or %NULL with @error set
 */
char *
crm_customer_store_write_approval (CrmCustomerStore  *self,
                                   gint64             id,
                                   GError           **error)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);
  g_return_val_if_fail (crm_database_in_transaction (self->database), NULL);

  return write_approval (self->database, id, error);
}

/**
 * crm_customer_store_approve:
 * @self: a #CrmCustomerStore
 * @id: a draft customer
 * @error: return location for a #CrmCustomerStoreError
 *
 * Approves the record and assigns its customer code,
 * `{year}-{industry code}-{seq:3}`, as one undoable action. A number is
 * never handed out twice, even after an undo or a delete.
 *
 * Returns: (transfer full) (nullable): the new customer code
 */
char *
crm_customer_store_approve (CrmCustomerStore  *self,
                            gint64             id,
                            GError           **error)
{
  ApproveData data = { id, NULL };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), NULL);

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Approve customer"),
                           approve_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    {
      g_free (data.code);
      return NULL;
    }

  emit_changed (self, id);

  return data.code;
}

/* Delete and merge ------------------------------------------------------ */

static gboolean
delete_in_transaction (CrmDatabase  *db,
                       gpointer      user_data,
                       GError      **error)
{
  gint64 id = *(gint64 *)user_data;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "DELETE FROM customer WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                   _("The customer no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_customer_store_delete:
 * @self: a #CrmCustomerStore
 * @id: a customer
 * @error: return location for a #CrmCustomerStoreError
 *
 * Deletes the customer with its contacts, cooperation records and tags,
 * as one undoable action ("Delete customer").
 *
 * Returns: %TRUE when deleted
 */
gboolean
crm_customer_store_delete (CrmCustomerStore  *self,
                           gint64             id,
                           GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Delete customer"),
                           delete_in_transaction, &id, error);
  self->recording--;

  if (ok)
    emit_changed (self, id);

  return ok;
}

static gboolean
update_annual_spend (CrmDatabase  *db,
                     gint64        customer_id,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  /* What the customer bought over the last twelve months. */
  stmt = crm_database_prepare (db,
                               "UPDATE customer SET annual_spend ="
                               "  (SELECT ifnull (sum (amount), 0) FROM cooperation"
                               "   WHERE customer_id = ?1 AND started_on >= date ('now', '-1 year'))"
                               "  WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_customer_store_update_annual_spend:
 * @self: a #CrmCustomerStore
 * @customer_id: a customer
 * @error: return location for an error
 *
 * Recomputes the customer's annual spend from its cooperation records,
 * inside the caller's transaction; call it once after writing a
 * customer's records with crm_customer_store_write_cooperation().
 *
 * Returns: %TRUE on success
 */
gboolean
crm_customer_store_update_annual_spend (CrmCustomerStore  *self,
                                        gint64             customer_id,
                                        GError           **error)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);
  g_return_val_if_fail (crm_database_in_transaction (self->database), FALSE);

  return update_annual_spend (self->database, customer_id, error);
}

typedef struct
{
  gint64 survivor;
  gint64 duplicate;
} MergeData;

static gboolean
merge_in_transaction (CrmDatabase  *db,
                      gpointer      user_data,
                      GError      **error)
{
  MergeData *data = user_data;
  /* Everything that belongs to a customer moves to the survivor; fields the
   * survivor lacks are taken from the duplicate. Later record types add
   * their own line here. */
  static const char *statements[] = {
    "UPDATE contact SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE cooperation SET customer_id = ?1 WHERE customer_id = ?2",
    "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id)"
    "  SELECT ?1, tag_id FROM customer_tag WHERE customer_id = ?2",
    "UPDATE customer SET"
    "  credit_code = ifnull (credit_code, (SELECT credit_code FROM customer WHERE id = ?2)),"
    "  id_number = ifnull (id_number, (SELECT id_number FROM customer WHERE id = ?2)),"
    "  founded_on = ifnull (founded_on, (SELECT founded_on FROM customer WHERE id = ?2)),"
    "  industry_id = ifnull (industry_id, (SELECT industry_id FROM customer WHERE id = ?2)),"
    "  employees = ifnull (employees, (SELECT employees FROM customer WHERE id = ?2)),"
    "  annual_revenue = ifnull (annual_revenue, (SELECT annual_revenue FROM customer WHERE id = ?2)),"
    "  tier = ifnull (tier, (SELECT tier FROM customer WHERE id = ?2)),"
    "  province = ifnull (province, (SELECT province FROM customer WHERE id = ?2)),"
    "  city = ifnull (city, (SELECT city FROM customer WHERE id = ?2)),"
    "  district = ifnull (district, (SELECT district FROM customer WHERE id = ?2)),"
    "  street = ifnull (street, (SELECT street FROM customer WHERE id = ?2)),"
    "  pain_points = ifnull (pain_points, (SELECT pain_points FROM customer WHERE id = ?2)),"
    "  decision_chain = ifnull (decision_chain, (SELECT decision_chain FROM customer WHERE id = ?2)),"
    "  owner = ifnull (owner, (SELECT owner FROM customer WHERE id = ?2)),"
    "  notes = ifnull (notes, (SELECT notes FROM customer WHERE id = ?2)),"
    "  last_contact_at = max (ifnull (last_contact_at, ''),"
    "                         ifnull ((SELECT last_contact_at FROM customer WHERE id = ?2), '')),"
    "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
    "  WHERE id = ?1",
    "UPDATE customer SET last_contact_at = NULL WHERE id = ?1 AND last_contact_at = ''",
    "DELETE FROM customer WHERE id = ?2",
  };

  if (data->survivor == data->duplicate)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_STATE,
                   _("A customer cannot be merged into itself."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = crm_database_prepare (db, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->survivor);
      sqlite3_bind_int64 (stmt, 2, data->duplicate);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;

      if (i + 1 == G_N_ELEMENTS (statements) && sqlite3_changes (crm_database_get_handle (db)) == 0)
        {
          g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                       _("The customer no longer exists."));
          return FALSE;
        }
    }

  return update_annual_spend (db, data->survivor, error);
}

/**
 * crm_customer_store_merge:
 * @self: a #CrmCustomerStore
 * @survivor_id: the record to keep
 * @duplicate_id: the record to fold into it and remove
 * @error: return location for a #CrmCustomerStoreError
 *
 * Moves the duplicate's contacts, cooperation records and tags to the
 * survivor, fills the survivor's empty fields from it and removes it, as
 * one undoable action ("Merge customers").
 *
 * Returns: %TRUE when merged
 */
gboolean
crm_customer_store_merge (CrmCustomerStore  *self,
                          gint64             survivor_id,
                          gint64             duplicate_id,
                          GError           **error)
{
  MergeData data = { survivor_id, duplicate_id };
  g_autoptr(CrmCustomer) survivor = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  survivor = crm_customer_store_get (self, survivor_id, error);
  if (survivor == NULL)
    return FALSE;

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Merge customers"),
                           merge_in_transaction, &data, error);
  self->recording--;

  if (ok)
    emit_changed (self, 0);

  return ok;
}

/* Cooperation and industries -------------------------------------------- */

typedef struct
{
  CrmCooperation *record;
  gint64          id;
} CooperationData;

static gint64
write_cooperation (CrmDatabase     *db,
                   CrmCooperation  *record,
                   GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "INSERT INTO cooperation (customer_id, product, started_on, ended_on, amount)"
                               "  VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, crm_cooperation_get_customer_id (record));
  bind_text_or_null (stmt, 2, crm_cooperation_get_product (record));
  bind_text_or_null (stmt, 3, crm_cooperation_get_started_on (record));
  bind_text_or_null (stmt, 4, crm_cooperation_get_ended_on (record));
  sqlite3_bind_int64 (stmt, 5, crm_cooperation_get_amount (record));
  if (!crm_database_step_done (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (crm_database_get_handle (db));
}

/**
 * crm_customer_store_write_cooperation:
 * @self: a #CrmCustomerStore
 * @cooperation: a complete record; its customer-id names the customer
 * @error: return location for an error
 *
 * Inserts the record inside the caller's transaction, without checking
 * it or updating the customer's annual spend: call
 * crm_customer_store_update_annual_spend() after the customer's last
 * record, so a customer with many records is summed once.
 *
 * Returns: the new record's id, or 0 with @error set
 */
gint64
crm_customer_store_write_cooperation (CrmCustomerStore  *self,
                                      CrmCooperation    *cooperation,
                                      GError           **error)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), 0);
  g_return_val_if_fail (CRM_IS_COOPERATION (cooperation), 0);
  g_return_val_if_fail (crm_database_in_transaction (self->database), 0);

  return write_cooperation (self->database, cooperation, error);
}

static gboolean
add_cooperation_in_transaction (CrmDatabase  *db,
                                gpointer      user_data,
                                GError      **error)
{
  CooperationData *data = user_data;

  data->id = write_cooperation (db, data->record, error);
  if (data->id == 0)
    return FALSE;

  return update_annual_spend (db, crm_cooperation_get_customer_id (data->record), error);
}

/**
 * crm_customer_store_add_cooperation:
 * @self: a #CrmCustomerStore
 * @cooperation: the record; its customer-id names the customer
 * @error: return location for an error
 *
 * Returns: the new record's id, or 0 with @error set
 */
gint64
crm_customer_store_add_cooperation (CrmCustomerStore  *self,
                                    CrmCooperation    *cooperation,
                                    GError           **error)
{
  CooperationData data = { cooperation, 0 };
  const char *product;
  const char *started_on;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), 0);
  g_return_val_if_fail (CRM_IS_COOPERATION (cooperation), 0);

  product = crm_cooperation_get_product (cooperation);
  started_on = crm_cooperation_get_started_on (cooperation);

  if (product == NULL || *product == '\0')
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Product or service: enter what the customer bought."));
      return 0;
    }

  {
    g_autoptr(GDateTime) parsed = NULL;
    g_autofree char *iso = started_on != NULL ? g_strconcat (started_on, "T00:00:00Z", NULL) : NULL;

    if (iso != NULL)
      parsed = g_date_time_new_from_iso8601 (iso, NULL);
    if (parsed == NULL)
      {
        g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                     _("Start date: enter a date such as 2024-03-01."));
        return 0;
      }
  }

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Add cooperation record"),
                           add_cooperation_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return 0;

  g_object_set (cooperation, "id", data.id, NULL);
  emit_changed (self, crm_cooperation_get_customer_id (cooperation));

  return data.id;
}

static gboolean
remove_cooperation_in_transaction (CrmDatabase  *db,
                                   gpointer      user_data,
                                   GError      **error)
{
  gint64 id = *(gint64 *)user_data;
  gint64 customer_id = 0;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "DELETE FROM cooperation WHERE id = ? RETURNING customer_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    customer_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (customer_id == 0)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
                   _("The cooperation record no longer exists."));
      return FALSE;
    }

  *(gint64 *)user_data = customer_id;

  return update_annual_spend (db, customer_id, error);
}

gboolean
crm_customer_store_remove_cooperation (CrmCustomerStore  *self,
                                       gint64             cooperation_id,
                                       GError           **error)
{
  gint64 data = cooperation_id;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), FALSE);

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Remove cooperation record"),
                           remove_cooperation_in_transaction, &data, error);
  self->recording--;

  if (ok)
    emit_changed (self, data);

  return ok;
}

typedef struct
{
  const char *code;
  const char *name;
  gint64      id;
} IndustryData;

static gboolean
add_industry_in_transaction (CrmDatabase  *db,
                             gpointer      user_data,
                             GError      **error)
{
  IndustryData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "INSERT INTO industry (code, name, position)"
                               "  VALUES (?, ?, (SELECT ifnull (max (position), 0) + 1 FROM industry))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->name, -1, SQLITE_STATIC);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  data->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));

  return TRUE;
}

/**
 * crm_customer_store_add_industry:
 * @self: a #CrmCustomerStore
 * @code: three capital letters, unique
 * @name: the industry's name, unique
 * @error: return location for an error
 *
 * Returns: the new industry's id, or 0 with @error set
 */
gint64
crm_customer_store_add_industry (CrmCustomerStore  *self,
                                 const char        *code,
                                 const char        *name,
                                 GError           **error)
{
  IndustryData data = { code, name, 0 };
  gboolean valid_code;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (self), 0);

  valid_code = code != NULL && strlen (code) == 3 &&
               g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
  if (!valid_code)
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Industry code: three capital letters, such as TRA."));
      return 0;
    }

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID,
                   _("Industry name: enter a name."));
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->industries)); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (G_LIST_MODEL (self->industries), i);

      if (g_strcmp0 (crm_industry_get_code (industry), code) == 0 ||
          g_strcmp0 (crm_industry_get_name (industry), name) == 0)
        {
          g_set_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_DUPLICATE,
                       _("Industry: “%s” (%s) exists already."),
                       crm_industry_get_name (industry), crm_industry_get_code (industry));
          return 0;
        }
    }

  self->recording++;
  ok = crm_journal_record (self->journal, N_("Add industry"),
                           add_industry_in_transaction, &data, error);
  self->recording--;

  if (!ok)
    return 0;

  reload_industries (self);

  return data.id;
}
