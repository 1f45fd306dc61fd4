/* crm-requirement-list.c — a lazy, filtered list of requirements (a board column)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Like CrmCustomerList, the list keeps only what orders the rows — here
 * id, status and position, 24 bytes a card, read in one query that the
 * index on (status, position, id) answers — and loads records a page at
 * a time when a view asks for them.
 *
 * A board's list (crm_requirement_list_new_for_board()) reads only its
 * first FIRST_ROWS ids at once, which is all a column shows before the
 * user scrolls, and the rest in an idle of low priority, after the
 * window's first frame: with 200 000 requirements, reading every id
 * would hold that frame up by tens of milliseconds. Until then the list
 * says it is not complete, so nobody shows its length as a count, and
 * anything that needs every row (finding a card, placing a changed one)
 * reads the rest at once.
 *
 * A move changes one card: instead of running the query again, the list
 * removes that card, asks the database whether it still matches (the same
 * query restricted to its id) and inserts it where its position puts it,
 * by binary search. A change that may touch many rows (an undo, a merge,
 * a respacing of positions) reloads the whole list.
 */

#define G_LOG_DOMAIN "crm-requirement-list"

#include <string.h>

#include "crm-customer-types.h"
#include "crm-requirement-list.h"

#define PAGE_SIZE 48
/* Records kept after loading; beyond this the cache starts over (views
 * hold the rows they show themselves). */
#define CACHE_LIMIT 1024
/* Ids a board's list reads before the rest: more than a column shows
 * before the user scrolls. */
#define FIRST_ROWS 100

typedef struct
{
  gint64 id;
  int    status;
  double position;
} Entry;

struct _CrmRequirementList
{
  GObject              parent_instance;

  CrmRequirementStore *store;
  int                  status;
  GArray              *entries;
  GHashTable          *cache;      /* gint64 id → CrmRequirement */

  gint64               customer_id;
  char                *owner;
  int                  tier;
  int                  category;
  int                  quadrant;
  char                *search_text;
  char                *customer_text;

  gboolean             for_board;  /* construct-only: reads in two steps */
  gboolean             complete;   /* entries holds every matching id */
  guint                rest_id;    /* idle that reads the rest */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmRequirementList, crm_requirement_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_STATUS,
  PROP_N_ITEMS,
  PROP_COMPLETE,
  PROP_FOR_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Query ----------------------------------------------------------------- */

static int
compare_entries (const Entry *a,
                 const Entry *b)
{
  if (a->status != b->status)
    return a->status < b->status ? -1 : 1;
  if (a->position != b->position)
    return a->position < b->position ? -1 : 1;
  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;
  return 0;
}

/* Runs the list's query, restricted to @only_id when it is not 0, and to
 * its first @limit rows when @limit is not 0. */
static GArray *
query (CrmRequirementList *self,
       gint64              only_id,
       guint               limit)
{
  g_autoptr(GString) sql = g_string_new ("SELECT r.id, r.status, r.position FROM requirement r");
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_auto(GStrv) words = NULL;
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  CrmDatabase *db = crm_requirement_store_get_database (self->store);
  sqlite3_stmt *stmt = NULL;
  gint64 numbers[4];
  guint n_numbers = 0;
  int rc;

  /* Parameters: ?1…?4 numbers, then texts from ?10 on. */
  if (self->tier >= 0)
    g_string_append (sql, " LEFT JOIN customer c ON c.id = r.customer_id");
  g_string_append (sql, " WHERE r.merged_into IS NULL");

  if (self->status >= 0)
    {
      g_string_append_printf (sql, " AND r.status = ?%u", 10 + texts->len);
      g_ptr_array_add (texts, (gpointer)crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, self->status));
    }
  if (only_id > 0)
    {
      numbers[n_numbers++] = only_id;
      g_string_append_printf (sql, " AND r.id = ?%u", n_numbers);
    }
  if (self->customer_id > 0)
    {
      numbers[n_numbers++] = self->customer_id;
      g_string_append_printf (sql, " AND r.id IN (SELECT requirement_id FROM requirement_customer"
                                   " WHERE customer_id = ?%u)", n_numbers);
    }
  if (self->owner != NULL && self->owner[0] == '\0')
    g_string_append (sql, " AND r.owner IS NULL");
  else if (self->owner != NULL)
    {
      g_string_append_printf (sql, " AND r.owner = ?%u", 10 + texts->len);
      g_ptr_array_add (texts, self->owner);
    }
  if (self->tier == CRM_TIER_NONE)
    g_string_append (sql, " AND c.tier IS NULL");
  else if (self->tier > 0)
    {
      g_string_append_printf (sql, " AND c.tier = ?%u", 10 + texts->len);
      g_ptr_array_add (texts, (gpointer)crm_tier_to_string (self->tier));
    }
  if (self->category > 0)
    {
      g_string_append_printf (sql, " AND r.category = ?%u", 10 + texts->len);
      g_ptr_array_add (texts, (gpointer)crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_CATEGORY,
                                                                        self->category));
    }
  else if (self->category == CRM_REQUIREMENT_CATEGORY_NONE)
    g_string_append (sql, " AND r.category IS NULL");
  if (self->quadrant >= 0)
    {
      gboolean important = self->quadrant == CRM_QUADRANT_DO_NOW || self->quadrant == CRM_QUADRANT_PLAN;
      gboolean urgent = self->quadrant == CRM_QUADRANT_DO_NOW || self->quadrant == CRM_QUADRANT_STANDARDISE;

      g_string_append_printf (sql, " AND r.importance %s %d AND r.urgency %s %d",
                              important ? ">=" : "<", CRM_QUADRANT_THRESHOLD,
                              urgent ? ">=" : "<", CRM_QUADRANT_THRESHOLD);
    }
  if (self->search_text != NULL)
    {
      words = g_strsplit_set (self->search_text, " \t", -1);
      for (guint i = 0; words[i] != NULL; i++)
        {
          guint n;

          if (words[i][0] == '\0')
            continue;
          n = 10 + texts->len;
          g_string_append_printf (sql,
                                  " AND (instr (r.title, ?%u) OR instr (r.code, ?%u)"
                                  " OR instr (ifnull (r.description, ''), ?%u)"
                                  " OR r.customer_id IN (SELECT id FROM customer WHERE instr (name, ?%u)))",
                                  n, n, n, n);
          g_ptr_array_add (texts, words[i]);
        }
    }

  if (self->customer_text != NULL)
    {
      g_string_append_printf (sql, " AND r.customer_id IN (SELECT id FROM customer WHERE instr (name, ?%u))",
                              10 + texts->len);
      g_ptr_array_add (texts, self->customer_text);
    }

  g_string_append (sql, self->status >= 0 ? " ORDER BY r.position, r.id"
                                          : " ORDER BY r.status = 'rejected', r.status = 'done',"
                                            " r.status = 'in_progress', r.position, r.id");
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  /* The text varies with the filters, so it is prepared each time rather
   * than filling the statement cache with every combination. */
  if (sqlite3_prepare_v2 (crm_database_get_handle (db), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Requirement list query failed: %s", sqlite3_errmsg (crm_database_get_handle (db)));
      return entries;
    }

  for (guint i = 0; i < n_numbers; i++)
    sqlite3_bind_int64 (stmt, i + 1, numbers[i]);
  for (guint i = 0; i < texts->len; i++)
    sqlite3_bind_text (stmt, 10 + i, g_ptr_array_index (texts, i), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = {
        sqlite3_column_int64 (stmt, 0),
        /* A column knows its status: no text to compare per row. */
        self->status >= 0 ? self->status
        : crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_STATUS,
                                            (const char *)sqlite3_column_text (stmt, 1)),
        sqlite3_column_double (stmt, 2),
      };

      g_array_append_val (entries, entry);
    }
  if (rc != SQLITE_DONE)
    g_warning ("Requirement list query failed: %s", sqlite3_errmsg (crm_database_get_handle (db)));

  sqlite3_finalize (stmt);

  /* With all statuses the SQL orders by status in board order already;
   * sorting here keeps that order and the binary search in one place. */
  if (self->status < 0)
    g_array_sort (entries, (GCompareFunc)compare_entries);

  return entries;
}

/* GListModel ------------------------------------------------------------ */

static void
load_page (CrmRequirementList *self,
           guint               position)
{
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->entries->len);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) loaded = NULL;

  if (g_hash_table_size (self->cache) > CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);

  for (guint i = start; i < end; i++)
    {
      gint64 id = g_array_index (self->entries, Entry, i).id;

      if (!g_hash_table_contains (self->cache, &id))
        g_array_append_val (missing, id);
    }

  loaded = crm_requirement_store_get_many (self->store, (gint64 *)missing->data, missing->len);
  for (guint i = 0; i < loaded->len; i++)
    {
      CrmRequirement *requirement = g_ptr_array_index (loaded, i);
      gint64 *key = g_new (gint64, 1);

      *key = crm_requirement_get_id (requirement);
      g_hash_table_insert (self->cache, key, g_object_ref (requirement));
    }
}

static GType
crm_requirement_list_get_item_type (GListModel *model)
{
  return CRM_TYPE_REQUIREMENT;
}

static guint
crm_requirement_list_get_n_items (GListModel *model)
{
  return CRM_REQUIREMENT_LIST (model)->entries->len;
}

static gpointer
crm_requirement_list_get_item (GListModel *model,
                               guint       position)
{
  CrmRequirementList *self = CRM_REQUIREMENT_LIST (model);
  CrmRequirement *requirement;
  gint64 id;

  if (position >= self->entries->len)
    return NULL;

  id = g_array_index (self->entries, Entry, position).id;
  requirement = g_hash_table_lookup (self->cache, &id);
  if (requirement == NULL)
    {
      load_page (self, position);
      requirement = g_hash_table_lookup (self->cache, &id);
    }

  /* A row another connection removed since the ids were read: a
   * placeholder keeps the model's promise until the next reload. */
  if (requirement == NULL)
    return g_object_new (CRM_TYPE_REQUIREMENT, "id", id, NULL);

  return g_object_ref (requirement);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_requirement_list_get_item_type;
  iface->get_n_items = crm_requirement_list_get_n_items;
  iface->get_item = crm_requirement_list_get_item;
}

/* Reloading ------------------------------------------------------------- */

static void
set_complete (CrmRequirementList *self,
              gboolean            complete)
{
  if (complete)
    g_clear_handle_id (&self->rest_id, g_source_remove);
  if (self->complete == complete)
    return;
  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Replaces the ids with every matching one, or with the first @limit. */
static void
reload_limited (CrmRequirementList *self,
                guint               limit)
{
  guint old_n = self->entries->len;

  g_array_unref (self->entries);
  self->entries = query (self, 0, limit);
  g_hash_table_remove_all (self->cache);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->entries->len);
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
reload (CrmRequirementList *self)
{
  reload_limited (self, 0);
  set_complete (self, TRUE);
}

static gboolean
read_rest_cb (gpointer data)
{
  CrmRequirementList *self = data;

  self->rest_id = 0;
  crm_requirement_list_complete (self);

  return G_SOURCE_REMOVE;
}

/* Reads the first FIRST_ROWS ids now and the rest after what is
 * pending in the main loop, a first frame included. */
static void
reload_first (CrmRequirementList *self)
{
  reload_limited (self, FIRST_ROWS);
  set_complete (self, self->entries->len < FIRST_ROWS);
  if (!self->complete && self->rest_id == 0)
    self->rest_id = g_idle_add_full (G_PRIORITY_LOW, read_rest_cb, self, NULL);
}

static void
update_one (CrmRequirementList *self,
            gint64              id)
{
  g_autoptr(GArray) match = NULL;
  guint old_n;
  guint old_index = G_MAXUINT;
  guint new_index = G_MAXUINT;

  /* Where the card goes depends on every other card. */
  crm_requirement_list_complete (self);
  old_n = self->entries->len;
  match = query (self, id, 0);
  g_hash_table_remove (self->cache, &id);

  for (guint i = 0; i < self->entries->len; i++)
    {
      if (g_array_index (self->entries, Entry, i).id == id)
        {
          old_index = i;
          break;
        }
    }

  if (match->len > 0)
    {
      const Entry *entry = &g_array_index (match, Entry, 0);
      guint n_others = self->entries->len - (old_index != G_MAXUINT ? 1 : 0);
      guint low = 0;
      guint high = n_others;

      /* Where it goes among the others: the k-th other is entry k, or
       * k + 1 past its old place. */
      while (low < high)
        {
          guint middle = (low + high) / 2;
          guint k = old_index != G_MAXUINT && middle >= old_index ? middle + 1 : middle;

          if (compare_entries (&g_array_index (self->entries, Entry, k), entry) < 0)
            low = middle + 1;
          else
            high = middle;
        }
      new_index = low;

      if (old_index == new_index)
        {
          g_array_index (self->entries, Entry, old_index) = *entry;
          g_list_model_items_changed (G_LIST_MODEL (self), old_index, 1, 1);
          return;
        }
    }

  /* Views read the model during each signal, so the array must match
   * every signal as it is sent: first the removal, then the insertion. */
  if (old_index != G_MAXUINT)
    {
      g_array_remove_index (self->entries, old_index);
      g_list_model_items_changed (G_LIST_MODEL (self), old_index, 1, 0);
    }
  if (new_index != G_MAXUINT)
    {
      g_array_insert_val (self->entries, new_index, g_array_index (match, Entry, 0));
      g_list_model_items_changed (G_LIST_MODEL (self), new_index, 0, 1);
    }

  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_store_changed (CrmRequirementList  *self,
                  gint64               id,
                  CrmRequirementStore *store)
{
  if (id > 0)
    update_one (self, id);
  else
    reload (self);
}

/* GObject --------------------------------------------------------------- */

static void
crm_requirement_list_constructed (GObject *object)
{
  CrmRequirementList *self = (CrmRequirementList *)object;

  G_OBJECT_CLASS (crm_requirement_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  /* A board's list reads its rows once its filter is set. */
  if (!self->for_board)
    {
      g_array_unref (self->entries);
      self->entries = query (self, 0, 0);
      self->complete = TRUE;
    }
}

static void
crm_requirement_list_dispose (GObject *object)
{
  CrmRequirementList *self = (CrmRequirementList *)object;

  g_clear_handle_id (&self->rest_id, g_source_remove);
  g_hash_table_remove_all (self->cache);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_requirement_list_parent_class)->dispose (object);
}

static void
crm_requirement_list_finalize (GObject *object)
{
  CrmRequirementList *self = (CrmRequirementList *)object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->customer_text, g_free);

  G_OBJECT_CLASS (crm_requirement_list_parent_class)->finalize (object);
}

static void
crm_requirement_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrmRequirementList *self = CRM_REQUIREMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrmRequirementList *self = CRM_REQUIREMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_int (value);
      break;
    case PROP_FOR_BOARD:
      self->for_board = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_list_class_init (CrmRequirementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_requirement_list_constructed;
  object_class->dispose = crm_requirement_list_dispose;
  object_class->finalize = crm_requirement_list_finalize;
  object_class->get_property = crm_requirement_list_get_property;
  object_class->set_property = crm_requirement_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_REQUIREMENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, -1, CRM_REQUIREMENT_STATUS_REJECTED, -1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOR_BOARD] =
    g_param_spec_boolean ("for-board", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_requirement_list_init (CrmRequirementList *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->status = -1;
  self->tier = -1;
  self->category = -1;
  self->quadrant = -1;
}

/**
 * crm_requirement_list_new:
 * @store: the requirements' store
 * @status: the column (a CrmRequirementStatus), or -1 for every status
 *
 * Returns: (transfer full): the requirements of @status in board order
 */
CrmRequirementList *
crm_requirement_list_new (CrmRequirementStore *store,
                          int                  status)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (store), NULL);

  return g_object_new (CRM_TYPE_REQUIREMENT_LIST, "store", store, "status", status, NULL);
}

CrmRequirementStore *
crm_requirement_list_get_store (CrmRequirementList *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_LIST (self), NULL);

  return self->store;
}

int
crm_requirement_list_get_status (CrmRequirementList *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_LIST (self), -1);

  return self->status;
}

/**
 * crm_requirement_list_set_filter:
 * @filter: (nullable): what to show; %NULL shows everything
 *
 * Runs the query once with every filter of @filter.
 */
/* Keeps @filter; returns whether it differs from the one before. */
static gboolean
store_filter (CrmRequirementList         *self,
              const CrmRequirementFilter *filter)
{
  CrmRequirementFilter all = CRM_REQUIREMENT_FILTER_INIT;
  g_autofree char *search = NULL;
  g_autofree char *customer = NULL;

  if (filter == NULL)
    filter = &all;

  if (filter->search_text != NULL)
    search = g_strstrip (g_strdup (filter->search_text));
  if (search != NULL && search[0] == '\0')
    g_clear_pointer (&search, g_free);
  if (filter->customer_text != NULL)
    customer = g_strstrip (g_strdup (filter->customer_text));
  if (customer != NULL && customer[0] == '\0')
    g_clear_pointer (&customer, g_free);

  if (self->customer_id == filter->customer_id && g_strcmp0 (self->owner, filter->owner) == 0 &&
      self->tier == filter->tier && self->category == filter->category &&
      self->quadrant == filter->quadrant && g_strcmp0 (self->search_text, search) == 0 &&
      g_strcmp0 (self->customer_text, customer) == 0)
    return FALSE;

  self->customer_id = filter->customer_id;
  g_free (self->owner);
  self->owner = g_strdup (filter->owner);
  self->tier = filter->tier;
  self->category = filter->category;
  self->quadrant = filter->quadrant;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&search);
  g_free (self->customer_text);
  self->customer_text = g_steal_pointer (&customer);

  return TRUE;
}

void
crm_requirement_list_set_filter (CrmRequirementList         *self,
                                 const CrmRequirementFilter *filter)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_LIST (self));

  if (store_filter (self, filter))
    reload (self);
}

/**
 * crm_requirement_list_new_for_board:
 * @store: the requirements' store
 * @status: the column (a CrmRequirementStatus)
 * @filter: (nullable): what to show; %NULL shows everything
 *
 * Like crm_requirement_list_new() and crm_requirement_list_set_filter(),
 * but reads only the first rows at once and the others from an idle of
 * low priority: until then crm_requirement_list_is_complete() is %FALSE
 * and the number of items is not the column's count.
 *
 * Returns: (transfer full): the requirements of @status in board order
 */
CrmRequirementList *
crm_requirement_list_new_for_board (CrmRequirementStore        *store,
                                    int                         status,
                                    const CrmRequirementFilter *filter)
{
  CrmRequirementList *self;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_REQUIREMENT_LIST, "store", store, "status", status,
                       "for-board", TRUE, NULL);
  store_filter (self, filter);
  reload_first (self);

  return self;
}

/**
 * crm_requirement_list_is_complete:
 *
 * Returns: whether the list holds every matching requirement, so that
 *   its number of items is their count
 */
gboolean
crm_requirement_list_is_complete (CrmRequirementList *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_LIST (self), FALSE);

  return self->complete;
}

/**
 * crm_requirement_list_complete:
 *
 * Reads the rest of a list that holds only its first rows, at once.
 */
void
crm_requirement_list_complete (CrmRequirementList *self)
{
  g_autoptr(GArray) all = NULL;
  gboolean same;
  guint old_n;

  g_return_if_fail (CRM_IS_REQUIREMENT_LIST (self));

  if (self->complete)
    return;

  old_n = self->entries->len;
  all = query (self, 0, 0);

  /* The first rows are still the first unless another connection
   * changed them: then the whole list is new. */
  same = all->len >= old_n;
  for (guint i = 0; same && i < old_n; i++)
    same = compare_entries (&g_array_index (all, Entry, i), &g_array_index (self->entries, Entry, i)) == 0;
  if (!same)
    {
      g_array_unref (self->entries);
      self->entries = g_steal_pointer (&all);
      g_hash_table_remove_all (self->cache);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->entries->len);
    }
  else
    {
      g_array_unref (self->entries);
      self->entries = g_steal_pointer (&all);
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->entries->len - old_n);
    }

  set_complete (self, TRUE);
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * crm_requirement_list_find:
 *
 * Returns: the position of requirement @id, or G_MAXUINT when it is not
 *   in the list
 */
guint
crm_requirement_list_find (CrmRequirementList *self,
                           gint64              id)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_LIST (self), G_MAXUINT);

  crm_requirement_list_complete (self);

  for (guint i = 0; i < self->entries->len; i++)
    {
      if (g_array_index (self->entries, Entry, i).id == id)
        return i;
    }

  return G_MAXUINT;
}

gint64
crm_requirement_list_get_id (CrmRequirementList *self,
                             guint               position)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_LIST (self), 0);
  g_return_val_if_fail (position < self->entries->len, 0);

  return g_array_index (self->entries, Entry, position).id;
}
