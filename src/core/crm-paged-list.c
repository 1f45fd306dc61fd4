/* crm-paged-list.c — a list model that reads an SQL query a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The timeline and the agenda are long lists of which a person sees one
 * screen: the count query runs on every reload (an index answers it), and
 * rows are read PAGE_SIZE at a time, with LIMIT and OFFSET, when a view
 * asks for them. Items already read are kept until the next reload.
 */

#define G_LOG_DOMAIN "crm-paged-list"

#include "crm-paged-list.h"

#define PAGE_SIZE 32

struct _CrmPagedList
{
  GObject           parent_instance;

  CrmCustomerStore *store;
  GType             item_type;
  char             *count_sql;
  char             *page_sql;
  CrmPagedRowFunc   row_func;

  gint64            key;
  char             *text;

  guint             n_items;
  GPtrArray        *items;  /* NULL where not read yet */
  guint             n_loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmPagedList, crm_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_KEY,
  PROP_TEXT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bind_params (CrmPagedList *self,
             sqlite3_stmt *stmt)
{
  /* A query that does not use ?1 or ?2 gets SQLITE_RANGE here, which is
   * harmless: the value is simply not needed. */
  sqlite3_bind_int64 (stmt, 1, self->key);
  if (self->text != NULL)
    sqlite3_bind_text (stmt, 2, self->text, -1, SQLITE_TRANSIENT);
}

static guint
count_rows (CrmPagedList *self)
{
  CrmDatabase *db = crm_customer_store_get_database (self->store);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  stmt = crm_database_prepare (db, self->count_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return 0;
    }

  bind_params (self, stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

static void
load_page (CrmPagedList *self,
           guint         position)
{
  CrmDatabase *db = crm_customer_store_get_database (self->store);
  g_autoptr(GError) error = NULL;
  guint start = position - position % PAGE_SIZE;
  guint i = start;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, self->page_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  bind_params (self, stmt);
  sqlite3_bind_int (stmt, 3, PAGE_SIZE);
  sqlite3_bind_int (stmt, 4, start);
  while (i < self->n_items && sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (g_ptr_array_index (self->items, i) == NULL)
        {
          g_ptr_array_index (self->items, i) = self->row_func (stmt);
          self->n_loaded++;
        }
      i++;
    }
  sqlite3_reset (stmt);
}

static GType
crm_paged_list_get_item_type (GListModel *model)
{
  return CRM_PAGED_LIST (model)->item_type;
}

static guint
crm_paged_list_get_n_items (GListModel *model)
{
  return CRM_PAGED_LIST (model)->n_items;
}

static gpointer
crm_paged_list_get_item (GListModel *model,
                         guint       position)
{
  CrmPagedList *self = CRM_PAGED_LIST (model);
  gpointer item;

  if (position >= self->n_items)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    load_page (self, position);

  item = g_ptr_array_index (self->items, position);

  /* A row removed by another connection since the count: an empty item
   * keeps the model's promise until the next reload. */
  if (item == NULL)
    return g_object_new (self->item_type, NULL);

  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_paged_list_get_item_type;
  iface->get_n_items = crm_paged_list_get_n_items;
  iface->get_item = crm_paged_list_get_item;
}

/**
 * crm_paged_list_reload:
 * @self: a #CrmPagedList
 *
 * Counts the rows again and forgets every item read.
 */
void
crm_paged_list_reload (CrmPagedList *self)
{
  guint removed;

  g_return_if_fail (CRM_IS_PAGED_LIST (self));

  removed = self->n_items;
  g_ptr_array_set_size (self->items, 0);
  self->n_loaded = 0;
  self->n_items = count_rows (self);
  g_ptr_array_set_size (self->items, self->n_items);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
  if (removed != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_store_changed (CrmPagedList *self,
                  gint64        customer_id,
                  gpointer      store)
{
  if (self->key == 0 || customer_id == 0 || customer_id == self->key)
    crm_paged_list_reload (self);
}

/* A list of one customer's rows (a timeline) is cheap to read again, and
 * an action elsewhere (a requirement moved on the board) may add to it
 * without the customer store announcing the customer. */
static void
on_journal_changed (CrmPagedList *self,
                    CrmJournal   *journal)
{
  if (self->key != 0)
    crm_paged_list_reload (self);
}

static void
crm_paged_list_finalize (GObject *object)
{
  CrmPagedList *self = (CrmPagedList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->count_sql, g_free);
  g_clear_pointer (&self->page_sql, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (crm_paged_list_parent_class)->finalize (object);
}

static void
crm_paged_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmPagedList *self = CRM_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_int64 (value, self->key);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_paged_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmPagedList *self = CRM_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_KEY:
      crm_paged_list_set_key (self, g_value_get_int64 (value));
      break;

    case PROP_TEXT:
      crm_paged_list_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_paged_list_class_init (CrmPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_paged_list_finalize;
  object_class->get_property = crm_paged_list_get_property;
  object_class->set_property = crm_paged_list_set_property;

  properties[PROP_KEY] =
    g_param_spec_int64 ("key", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Items not read yet are NULL. */
static void
unref_if_loaded (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
crm_paged_list_init (CrmPagedList *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_if_loaded);
}

/**
 * crm_paged_list_new:
 * @store: the customer store whose changes reload the list
 * @item_type: the type of the items @row_func makes
 * @count_sql: a query whose one row and column is the number of rows
 * @page_sql: the rows, in order, ending in `LIMIT ?3 OFFSET ?4`
 * @row_func: makes an item from a row of @page_sql
 *
 * Returns: (transfer full): an empty list; set its key or text, or call
 *   crm_paged_list_reload(), to fill it
 */
CrmPagedList *
crm_paged_list_new (CrmCustomerStore *store,
                    GType             item_type,
                    const char       *count_sql,
                    const char       *page_sql,
                    CrmPagedRowFunc   row_func)
{
  CrmPagedList *self;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), NULL);
  g_return_val_if_fail (count_sql != NULL && page_sql != NULL && row_func != NULL, NULL);

  self = g_object_new (CRM_TYPE_PAGED_LIST, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->count_sql = g_strdup (count_sql);
  self->page_sql = g_strdup (page_sql);
  self->row_func = row_func;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (crm_customer_store_get_journal (store), "changed",
                           G_CALLBACK (on_journal_changed), self, G_CONNECT_SWAPPED);

  return self;
}

gint64
crm_paged_list_get_key (CrmPagedList *self)
{
  g_return_val_if_fail (CRM_IS_PAGED_LIST (self), 0);

  return self->key;
}

void
crm_paged_list_set_key (CrmPagedList *self,
                        gint64        key)
{
  g_return_if_fail (CRM_IS_PAGED_LIST (self));

  if (self->key == key)
    return;

  self->key = key;
  crm_paged_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

const char *
crm_paged_list_get_text (CrmPagedList *self)
{
  g_return_val_if_fail (CRM_IS_PAGED_LIST (self), NULL);

  return self->text;
}

void
crm_paged_list_set_text (CrmPagedList *self,
                         const char   *text)
{
  g_return_if_fail (CRM_IS_PAGED_LIST (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  crm_paged_list_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * crm_paged_list_get_n_loaded:
 * @self: a #CrmPagedList
 *
 * Returns: how many items were read from the database since the last
 *   reload; the tests use it to see that the list stays lazy
 */
guint
crm_paged_list_get_n_loaded (CrmPagedList *self)
{
  g_return_val_if_fail (CRM_IS_PAGED_LIST (self), 0);

  return self->n_loaded;
}
