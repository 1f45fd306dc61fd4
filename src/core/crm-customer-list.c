/* crm-customer-list.c — a lazy, filtered, sorted list of customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The list keeps only the ids of the matching customers, in order: for
 * 100 000 customers that is 800 kB, read in one indexed query. Records are
 * loaded a page at a time when a view asks for them, brief: what a list
 * shows of a customer (crm_customer_store_get_many_brief()). A record object stays
 * the same for as long as anyone holds it (a weak cache by id), so a row a
 * view shows keeps its object across reloads that do not touch it.
 *
 * The ids the filters other than the search keep are read once, in order
 * (the base ids), and kept until the data, a filter or the order changes.
 * A search picks from them the ids a CrmCustomerMatcher accepts, so a
 * keystroke costs the full-text lookup and one pass over 100 000 integers,
 * never a join or a sort (see query_search_ids()).
 *
 * After a change the id query runs again and the old and new id arrays are
 * compared: the rows between their common head and tail are what changed,
 * and that is all items-changed reports.
 */

#define G_LOG_DOMAIN "crm-customer-list"

#include <string.h>

#include "crm-customer-list.h"
#include "crm-customer-matcher.h"

/* Records loaded per query when a view asks for a row not loaded yet. */
#define PAGE_SIZE 64
/* Records kept alive after loading even when no view holds them. */
#define KEEP_ALIVE 512

/* A search answers at once with at least this many rows (more than a
 * screen shows) when reading all its matches would take longer than
 * SCAN_BUDGET_US; the rest follow in idle time. See query_search_ids(). */
#define FIRST_SCREEN 100
#define SCAN_BUDGET_US 2000
#define PROBE_BUDGET_US 3000
/* How long one idle step may read matches. */
#define IDLE_SLICE_US 4000

struct _CrmCustomerList
{
  GObject           parent_instance;

  CrmCustomerStore *store;
  GArray           *ids;
  GHashTable       *alive;       /* AliveKey → CrmCustomer (weak) */
  GQueue            recent;      /* strong refs, newest first */

  char             *search_text;
  gint64            industry_id;
  int               tier;
  int               customer_type;
  gint64            tag_id;
  int               review_state;
  char             *owner;
  CrmCustomerSort   sort;
  gboolean          sort_descending;

  /* The ids the filters but the search keep, in order; NULL when stale. */
  GArray           *base_ids;
  gint64            base_max_id;

  /* A search whose later rows are still being read (finish_search_cb()). */
  CrmCustomerMatcher *matcher;
  guint             walked;      /* base_ids before this are decided */
  guint             finish_source;

  guint             first_screen;
  gint64            scan_budget_us;
  gint64            probe_budget_us;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmCustomerList, crm_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_TEXT,
  PROP_INDUSTRY_ID,
  PROP_TIER,
  PROP_CUSTOMER_TYPE,
  PROP_TAG_ID,
  PROP_REVIEW_STATE,
  PROP_OWNER,
  PROP_SORT,
  PROP_SORT_DESCENDING,
  PROP_N_ITEMS,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Query building -------------------------------------------------------- */

typedef enum
{
  PARAM_TEXT,
  PARAM_INT,
} ParamKind;

typedef struct
{
  ParamKind  kind;
  char      *text;
  gint64     number;
} Param;

static void
param_clear (gpointer data)
{
  Param *param = data;

  g_free (param->text);
}

static void
add_text_param (GArray     *params,
                const char *text)
{
  Param param = { PARAM_TEXT, g_strdup (text), 0 };

  g_array_append_val (params, param);
}

static void
add_int_param (GArray *params,
               gint64  number)
{
  Param param = { PARAM_INT, NULL, number };

  g_array_append_val (params, param);
}

static const char *
order_for_sort (CrmCustomerSort sort,
                gboolean        descending)
{
  /* The first key carries the direction; unknown values sort last either
   * way; name and id make the order total. */
  switch (sort)
    {
    case CRM_CUSTOMER_SORT_CODE:
      return descending ? "c.code IS NULL, c.code DESC, c.sort_key, c.id"
                        : "c.code IS NULL, c.code, c.sort_key, c.id";
    case CRM_CUSTOMER_SORT_INDUSTRY:
      return descending ? "i.position IS NULL, i.position DESC, c.sort_key, c.id"
                        : "i.position IS NULL, i.position, c.sort_key, c.id";
    case CRM_CUSTOMER_SORT_TIER:
      return descending ? "c.tier IS NULL, c.tier DESC, c.sort_key, c.id"
                        : "c.tier IS NULL, c.tier, c.sort_key, c.id";
    case CRM_CUSTOMER_SORT_TYPE:
      return descending ? "c.customer_type DESC, c.sort_key, c.id"
                        : "c.customer_type, c.sort_key, c.id";
    case CRM_CUSTOMER_SORT_OWNER:
      return descending ? "c.owner IS NULL, c.owner DESC, c.sort_key, c.id"
                        : "c.owner IS NULL, c.owner, c.sort_key, c.id";
    case CRM_CUSTOMER_SORT_ANNUAL_SPEND:
      return descending ? "c.annual_spend DESC, c.sort_key, c.id"
                        : "c.annual_spend, c.sort_key, c.id";
    case CRM_CUSTOMER_SORT_LAST_CONTACT:
      return descending ? "c.last_contact_at IS NULL, c.last_contact_at DESC, c.sort_key, c.id"
                        : "c.last_contact_at IS NULL, c.last_contact_at, c.sort_key, c.id";
    case CRM_CUSTOMER_SORT_NAME:
    default:
      return descending ? "c.sort_key DESC, c.id DESC" : "c.sort_key, c.id";
    }
}

/* The ids of the customers the filters other than the search keep, in
 * order; the search then picks from these without sorting anything. */
static GArray *
query_base_ids (CrmCustomerList *self,
                gint64          *max_id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM customer c");
  g_autoptr(GString) where = g_string_new (" WHERE 1");
  g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (Param));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CrmDatabase *db = crm_customer_store_get_database (self->store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_array_set_clear_func (params, param_clear);

  if (self->sort == CRM_CUSTOMER_SORT_INDUSTRY)
    g_string_append (sql, " LEFT JOIN industry i ON i.id = c.industry_id");

  if (self->industry_id > 0)
    {
      g_string_append (where, " AND c.industry_id = ?");
      add_int_param (params, self->industry_id);
    }
  if (self->tier >= 0)
    {
      if (self->tier == CRM_TIER_NONE)
        g_string_append (where, " AND c.tier IS NULL");
      else
        {
          g_string_append (where, " AND c.tier = ?");
          add_text_param (params, crm_tier_to_string (self->tier));
        }
    }
  if (self->customer_type >= 0)
    {
      g_string_append (where, " AND c.customer_type = ?");
      add_text_param (params, crm_customer_type_to_string (self->customer_type));
    }
  if (self->review_state >= 0)
    {
      g_string_append (where, " AND c.review_state = ?");
      add_text_param (params, crm_review_state_to_string (self->review_state));
    }
  if (self->tag_id > 0)
    {
      g_string_append (where, " AND c.id IN (SELECT customer_id FROM customer_tag WHERE tag_id = ?)");
      add_int_param (params, self->tag_id);
    }
  if (self->owner != NULL)
    {
      g_string_append (where, " AND c.owner = ?");
      add_text_param (params, self->owner);
    }

  g_string_append (sql, where->str);
  g_string_append (sql, " ORDER BY ");
  g_string_append (sql, order_for_sort (self->sort, self->sort_descending));

  /* The text varies with the filters, so it is prepared each time rather
   * than filling the statement cache with every combination. */
  if (sqlite3_prepare_v2 (crm_database_get_handle (db), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Customer list query failed: %s", sqlite3_errmsg (crm_database_get_handle (db)));
      return ids;
    }

  for (guint i = 0; i < params->len; i++)
    {
      Param *param = &g_array_index (params, Param, i);

      if (param->kind == PARAM_TEXT)
        sqlite3_bind_text (stmt, i + 1, param->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, param->number);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      *max_id = MAX (*max_id, id);
    }

  if (rc != SQLITE_DONE)
    g_warning ("Customer list query failed: %s", sqlite3_errmsg (crm_database_get_handle (db)));

  sqlite3_finalize (stmt);

  return ids;
}

/* Loading records ------------------------------------------------------- */

/* The key of a record in the weak cache; it is also the data of the
 * record's weak reference, so a record that goes away finds its own
 * entry without a search. The id comes first: g_int64_hash() and
 * g_int64_equal() read it through the key's pointer. */
typedef struct
{
  gint64           id;
  CrmCustomerList *list;
} AliveKey;

static void
on_customer_finalized (gpointer  data,
                       GObject  *where_the_object_was)
{
  AliveKey *key = data;

  g_hash_table_remove (key->list->alive, &key->id);
}

static void
forget (CrmCustomerList *self,
        gint64           id)
{
  gpointer key, customer;

  if (!g_hash_table_lookup_extended (self->alive, &id, &key, &customer))
    return;

  g_object_weak_unref (customer, on_customer_finalized, key);
  g_hash_table_remove (self->alive, &id);
}

static void
forget_all (CrmCustomerList *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_object_weak_unref (value, on_customer_finalized, key);
  g_hash_table_remove_all (self->alive);
  g_queue_clear_full (&self->recent, g_object_unref);
}

static void
remember (CrmCustomerList *self,
          CrmCustomer     *customer)
{
  AliveKey *key = g_new (AliveKey, 1);

  key->id = crm_customer_get_id (customer);
  forget (self, key->id);
  key->list = self;
  g_hash_table_insert (self->alive, key, customer);
  g_object_weak_ref (G_OBJECT (customer), on_customer_finalized, key);

  g_queue_push_head (&self->recent, g_object_ref (customer));
  while (self->recent.length > KEEP_ALIVE)
    g_object_unref (g_queue_pop_tail (&self->recent));
}

static void
load_page (CrmCustomerList *self,
           guint            position)
{
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) loaded = NULL;

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->alive, &id))
        g_array_append_val (missing, id);
    }

  loaded = crm_customer_store_get_many_brief (self->store, (gint64 *)missing->data, missing->len);
  for (guint i = 0; i < loaded->len; i++)
    remember (self, g_ptr_array_index (loaded, i));
}

static GType
crm_customer_list_get_item_type (GListModel *model)
{
  return CRM_TYPE_CUSTOMER;
}

static guint
crm_customer_list_get_n_items (GListModel *model)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (model);

  return self->ids->len;
}

static gpointer
crm_customer_list_get_item (GListModel *model,
                            guint       position)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (model);
  CrmCustomer *customer;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  customer = g_hash_table_lookup (self->alive, &id);
  if (customer == NULL)
    {
      load_page (self, position);
      customer = g_hash_table_lookup (self->alive, &id);
    }

  /* A row deleted by another connection since the ids were read: an
   * empty placeholder keeps the model's promise of an item here until the
   * next reload removes the row. */
  if (customer == NULL)
    return g_object_new (CRM_TYPE_CUSTOMER, "id", id, NULL);

  return g_object_ref (customer);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_customer_list_get_item_type;
  iface->get_n_items = crm_customer_list_get_n_items;
  iface->get_item = crm_customer_list_get_item;
}

/* Reloading ------------------------------------------------------------- */

static void
cancel_search (CrmCustomerList *self)
{
  g_clear_handle_id (&self->finish_source, g_source_remove);
  g_clear_pointer (&self->matcher, crm_customer_matcher_free);
}

static void
ensure_base_ids (CrmCustomerList *self)
{
  if (self->base_ids != NULL)
    return;

  self->base_max_id = 0;
  self->base_ids = query_base_ids (self, &self->base_max_id);
}

/* Appends to @ids the base ids from self->walked on that match, probing
 * the index for those not read yet, until @ids holds @limit ids or the
 * clock passes @deadline (0: none). */
static void
walk_base (CrmCustomerList *self,
           GArray          *ids,
           guint            limit,
           gint64           deadline)
{
  const gint64 *base = (const gint64 *)self->base_ids->data;
  guint n = self->base_ids->len;
  guint i;

  for (i = self->walked; i < n && ids->len < limit; i++)
    {
      if (deadline > 0 && (i - self->walked) % 4 == 0 && g_get_monotonic_time () >= deadline)
        break;
      if (crm_customer_matcher_test (self->matcher, base[i]))
        g_array_append_val (ids, base[i]);
    }
  self->walked = i;
}

static gboolean finish_search_cb (gpointer data);

/*
 * The ids of a search, picked from the base ids in their order, so no
 * query sorts anything. When the index answers within the scan budget
 * (nearly every search) that is the whole answer. When it does not (a
 * word most customers contain, such as 有限公司), the list answers with its
 * first rows, found by walking the base ids in order and probing the
 * index for each, and reads the rest in idle time (finish_search_cb()).
 * Those first rows are exactly the first rows of the full answer, so the
 * later rows only get appended. The result is complete when
 * crm_customer_list_is_complete() says so.
 */
static GArray *
query_search_ids (CrmCustomerList *self)
{
  CrmDatabase *db = crm_customer_store_get_database (self->store);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start = g_get_monotonic_time ();

  self->matcher = crm_customer_matcher_new (db, self->search_text, self->base_max_id);
  self->walked = 0;

  if (!crm_customer_matcher_scan (self->matcher, start + self->scan_budget_us))
    {
      walk_base (self, ids, self->first_screen, g_get_monotonic_time () + self->probe_budget_us);
      if (self->walked < self->base_ids->len)
        {
          self->finish_source = g_idle_add (finish_search_cb, self);
          return ids;
        }
    }
  else
    {
      walk_base (self, ids, G_MAXUINT, 0);
    }

  g_clear_pointer (&self->matcher, crm_customer_matcher_free);

  return ids;
}

static GArray *
query_ids (CrmCustomerList *self)
{
  ensure_base_ids (self);

  if (self->search_text == NULL)
    {
      GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->base_ids->len);

      g_array_append_vals (ids, self->base_ids->data, self->base_ids->len);
      return ids;
    }

  return query_search_ids (self);
}

static gboolean
finish_search_cb (gpointer data)
{
  CrmCustomerList *self = data;
  guint old_n = self->ids->len;

  if (!crm_customer_matcher_scan (self->matcher, g_get_monotonic_time () + IDLE_SLICE_US))
    return G_SOURCE_CONTINUE;

  self->finish_source = 0;
  walk_base (self, self->ids, G_MAXUINT, 0);
  g_clear_pointer (&self->matcher, crm_customer_matcher_free);

  if (self->ids->len > old_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->ids->len - old_n);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);

  return G_SOURCE_REMOVE;
}

/* @changed_id: the one record that changed, 0 when any may have, -1 when
 * no record changed but the filters did */
static void
reload (CrmCustomerList *self,
        gint64           changed_id)
{
  g_autoptr(GArray) old_ids = self->ids;
  gboolean was_complete = self->matcher == NULL;
  guint old_n = old_ids->len;
  guint new_n;
  guint head = 0;
  guint tail = 0;
  gint64 *old_data;
  gint64 *new_data;

  cancel_search (self);
  self->ids = query_ids (self);
  new_n = self->ids->len;
  old_data = (gint64 *)old_ids->data;
  new_data = (gint64 *)self->ids->data;

  if (changed_id <= 0)
    {
      /* Everything may differ (an undo, a new filter): reload it all.
       * Records are stale only when the data changed. */
      if (changed_id == 0)
        forget_all (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
    }
  else
    {
      guint changed_position = G_MAXUINT;

      while (head < old_n && head < new_n && old_data[head] == new_data[head])
        head++;
      while (tail < old_n - head && tail < new_n - head &&
             old_data[old_n - 1 - tail] == new_data[new_n - 1 - tail])
        tail++;

      forget (self, changed_id);

      /* The edited row may not have moved; it still has to be redrawn. */
      for (guint i = 0; i < head; i++)
        if (new_data[i] == changed_id)
          changed_position = i;
      for (guint i = new_n - tail; i < new_n; i++)
        if (new_data[i] == changed_id)
          changed_position = i;

      if (old_n - head - tail > 0 || new_n - head - tail > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
      if (changed_position != G_MAXUINT)
        g_list_model_items_changed (G_LIST_MODEL (self), changed_position, 1, 1);
    }

  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (was_complete != (self->matcher == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
on_store_changed (CrmCustomerList  *self,
                  gint64            customer_id,
                  CrmCustomerStore *store)
{
  /* Any change may move a row in or out of the filters or the order. */
  g_clear_pointer (&self->base_ids, g_array_unref);

  /* 0 means any record may have changed (an undo, an import): every
   * loaded one is stale. */
  reload (self, customer_id);
}

static void
refilter (CrmCustomerList *self)
{
  g_clear_pointer (&self->base_ids, g_array_unref);
  reload (self, -1);
}

static void
research (CrmCustomerList *self)
{
  reload (self, -1);
}

/* GObject --------------------------------------------------------------- */

static void
crm_customer_list_constructed (GObject *object)
{
  CrmCustomerList *self = (CrmCustomerList *)object;

  G_OBJECT_CLASS (crm_customer_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_array_unref (self->ids);
  self->ids = query_ids (self);
}

static void
crm_customer_list_dispose (GObject *object)
{
  CrmCustomerList *self = (CrmCustomerList *)object;

  cancel_search (self);
  forget_all (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_customer_list_parent_class)->dispose (object);
}

static void
crm_customer_list_finalize (GObject *object)
{
  CrmCustomerList *self = (CrmCustomerList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->base_ids, g_array_unref);
  g_clear_pointer (&self->alive, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->owner, g_free);

  G_OBJECT_CLASS (crm_customer_list_parent_class)->finalize (object);
}

static void
crm_customer_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_INDUSTRY_ID:
      g_value_set_int64 (value, self->industry_id);
      break;
    case PROP_TIER:
      g_value_set_int (value, self->tier);
      break;
    case PROP_CUSTOMER_TYPE:
      g_value_set_int (value, self->customer_type);
      break;
    case PROP_TAG_ID:
      g_value_set_int64 (value, self->tag_id);
      break;
    case PROP_REVIEW_STATE:
      g_value_set_int (value, self->review_state);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_SORT:
      g_value_set_int (value, self->sort);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->matcher == NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Stores a filter value; returns whether it changed. */
static gboolean
set_int_filter (CrmCustomerList *self,
                int             *field,
                int              value,
                guint            prop)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  return TRUE;
}

static gboolean
set_int64_filter (CrmCustomerList *self,
                  gint64          *field,
                  gint64           value,
                  guint            prop)
{
  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  return TRUE;
}

static gboolean
set_string_filter (CrmCustomerList  *self,
                   char            **field,
                   const char       *value,
                   guint             prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  return TRUE;
}

static void
crm_customer_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);
  gboolean changed = FALSE;
  gboolean constructing = self->store == NULL && prop_id != PROP_STORE;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      return;
    case PROP_SEARCH_TEXT:
      crm_customer_list_set_search_text (self, g_value_get_string (value));
      return;
    case PROP_INDUSTRY_ID:
      changed = set_int64_filter (self, &self->industry_id, g_value_get_int64 (value), prop_id);
      break;
    case PROP_TIER:
      changed = set_int_filter (self, &self->tier, g_value_get_int (value), prop_id);
      break;
    case PROP_CUSTOMER_TYPE:
      changed = set_int_filter (self, &self->customer_type, g_value_get_int (value), prop_id);
      break;
    case PROP_TAG_ID:
      changed = set_int64_filter (self, &self->tag_id, g_value_get_int64 (value), prop_id);
      break;
    case PROP_REVIEW_STATE:
      changed = set_int_filter (self, &self->review_state, g_value_get_int (value), prop_id);
      break;
    case PROP_OWNER:
      changed = set_string_filter (self, &self->owner, g_value_get_string (value), prop_id);
      break;
    case PROP_SORT:
      crm_customer_list_set_sort (self, g_value_get_int (value), self->sort_descending);
      return;
    case PROP_SORT_DESCENDING:
      crm_customer_list_set_sort (self, self->sort, g_value_get_boolean (value));
      return;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (changed && !constructing)
    refilter (self);
}

static void
crm_customer_list_class_init (CrmCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = crm_customer_list_constructed;
  object_class->dispose = crm_customer_list_dispose;
  object_class->finalize = crm_customer_list_finalize;
  object_class->get_property = crm_customer_list_get_property;
  object_class->set_property = crm_customer_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_CUSTOMER_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_INDUSTRY_ID] =
    g_param_spec_int64 ("industry-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TIER] =
    g_param_spec_int ("tier", NULL, NULL, -1, CRM_TIER_C, -1, flags);
  properties[PROP_CUSTOMER_TYPE] =
    g_param_spec_int ("customer-type", NULL, NULL, -1, CRM_CUSTOMER_TYPE_STRATEGIC, -1, flags);
  properties[PROP_TAG_ID] =
    g_param_spec_int64 ("tag-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REVIEW_STATE] =
    g_param_spec_int ("review-state", NULL, NULL, -1, CRM_REVIEW_STATE_APPROVED, -1, flags);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL, flags);
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL,
                      CRM_CUSTOMER_SORT_NAME, CRM_CUSTOMER_SORT_LAST_CONTACT,
                      CRM_CUSTOMER_SORT_NAME, flags);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE, flags);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_customer_list_init (CrmCustomerList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->recent);
  self->tier = -1;
  self->customer_type = -1;
  self->review_state = -1;
  self->first_screen = FIRST_SCREEN;
  self->scan_budget_us = SCAN_BUDGET_US;
  self->probe_budget_us = PROBE_BUDGET_US;
}

/**
 * crm_customer_list_new:
 * @store: the customers' store
 *
 * Returns: (transfer full): all customers in pinyin order of their names
 */
CrmCustomerList *
crm_customer_list_new (CrmCustomerStore *store)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), NULL);

  return g_object_new (CRM_TYPE_CUSTOMER_LIST,
                       "store", store,
                       NULL);
}

CrmCustomerStore *
crm_customer_list_get_store (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), NULL);

  return self->store;
}

/**
 * crm_customer_list_set_search_text:
 * @self: a #CrmCustomerList
 * @text: (nullable): what the user typed
 *
 * Keeps the customers whose name, code, notes, contacts' names, phones and
 * e-mails, or tags contain every word of @text; words of ASCII letters
 * also match the pinyin initials of the name ("bjkj" finds 北京科技).
 */
void
crm_customer_list_set_search_text (CrmCustomerList *self,
                                   const char      *text)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (text != NULL)
    trimmed = g_strstrip (g_strdup (text));

  if (set_string_filter (self, &self->search_text, trimmed, PROP_SEARCH_TEXT))
    research (self);
}

/**
 * crm_customer_list_set_sort:
 * @self: a #CrmCustomerList
 * @sort: the column to sort by
 * @descending: whether to reverse it
 */
void
crm_customer_list_set_sort (CrmCustomerList *self,
                            CrmCustomerSort  sort,
                            gboolean         descending)
{
  gboolean changed = FALSE;

  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  changed |= set_int_filter (self, (int *)&self->sort, sort, PROP_SORT);
  if (self->sort_descending != !!descending)
    {
      self->sort_descending = !!descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
      changed = TRUE;
    }

  if (changed && self->store != NULL)
    refilter (self);
}

/**
 * crm_customer_list_find:
 * @self: a #CrmCustomerList
 * @customer_id: a customer id
 *
 * Returns: the position of the customer, or %GTK_INVALID_LIST_POSITION's
 *   value (G_MAXUINT) when it is not in the list
 */
guint
crm_customer_list_find (CrmCustomerList *self,
                        gint64           customer_id)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == customer_id)
        return i;
    }

  return G_MAXUINT;
}

gint64
crm_customer_list_get_id (CrmCustomerList *self,
                          guint            position)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/**
 * crm_customer_list_is_complete:
 * @self: a #CrmCustomerList
 *
 * A search that most customers match shows its first rows at once and
 * appends the rest from idle callbacks of the thread-default main context
 * (with items-changed and a notify of n-items). Until then the list holds
 * the first rows of the answer, exactly, but not all of them.
 *
 * Returns: whether the list holds every matching customer; notified
 *   through the "complete" property
 */
gboolean
crm_customer_list_is_complete (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), TRUE);

  return self->matcher == NULL;
}

/**
 * crm_customer_list_set_search_limits:
 * @self: a #CrmCustomerList
 * @first_screen: how many rows a search that takes long answers with first
 * @scan_budget_us: how long a search may read the index before it answers
 *   with its first rows only
 * @probe_budget_us: how long finding those first rows may take
 *
 * For tests and benchmarks: the defaults (100 rows, 2 ms, 3 ms) suit the
 * application.
 */
void
crm_customer_list_set_search_limits (CrmCustomerList *self,
                                     guint            first_screen,
                                     gint64           scan_budget_us,
                                     gint64           probe_budget_us)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  self->first_screen = first_screen;
  self->scan_budget_us = scan_budget_us;
  self->probe_budget_us = probe_budget_us;
}
