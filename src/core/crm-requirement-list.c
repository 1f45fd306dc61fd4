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
 * user scrolls: with 200 000 requirements, reading every id would hold
 * the window's first frame up by tens of milliseconds. An idle of low
 * priority, after that frame, has a worker thread read the rest on a
 * connection of its own (crm-requirement-list-query.c). Until they are
 * in, the list says it is not complete, so nobody shows its length as a
 * count, and anything that needs every row (finding a card, placing a
 * changed one) reads the rest at once; the worker's answer, come later,
 * is then dropped.
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
#include "crm-requirement-list-private.h"

#define PAGE_SIZE 48
/* Records kept after loading; beyond this the cache starts over (views
 * hold the rows they show themselves). */
#define CACHE_LIMIT 1024
/* Ids a board's list reads before the rest: more than a column shows
 * before the user scrolls. */
#define FIRST_ROWS 100

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
  guint                generation; /* counts the reloads */
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

/* The list's query with its filter as it is now. */
static CrmRequirementQuery *
make_query (CrmRequirementList *self,
            gint64              only_id,
            guint               limit)
{
  CrmRequirementFilter filter = {
    self->customer_id, self->owner, self->tier, self->category, self->quadrant,
    self->search_text, self->customer_text,
  };

  return crm_requirement_query_new (self->status, &filter, only_id, limit);
}

/* Runs the list's query, restricted to @only_id when it is not 0, and to
 * its first @limit rows when @limit is not 0. */
static GArray *
query (CrmRequirementList *self,
       gint64              only_id,
       guint               limit)
{
  g_autoptr(CrmRequirementQuery) query = make_query (self, only_id, limit);
  g_autoptr(GError) error = NULL;
  GArray *entries = crm_requirement_query_run (query, crm_requirement_store_get_database (self->store), &error);

  if (entries == NULL)
    {
      g_warning ("Requirement list query failed: %s", error->message);
      entries = g_array_new (FALSE, FALSE, sizeof (CrmRequirementEntry));
    }

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
      gint64 id = g_array_index (self->entries, CrmRequirementEntry, i).id;

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

  id = g_array_index (self->entries, CrmRequirementEntry, position).id;
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

  /* A worker's rest of an older query is not for this one. */
  self->generation++;
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

/* Takes every matching id, of which the list held the first ones. */
static void
take_all (CrmRequirementList *self,
          GArray             *all)
{
  guint old_n = self->entries->len;
  gboolean same = all->len >= old_n;

  /* The first rows are still the first unless another connection
   * changed them: then the whole list is new. */
  for (guint i = 0; same && i < old_n; i++)
    same = crm_requirement_entry_compare (&g_array_index (all, CrmRequirementEntry, i),
                                          &g_array_index (self->entries, CrmRequirementEntry, i)) == 0;

  g_array_unref (self->entries);
  self->entries = g_array_ref (all);
  if (same)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->entries->len - old_n);
    }
  else
    {
      g_hash_table_remove_all (self->cache);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->entries->len);
    }

  set_complete (self, TRUE);
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  GWeakRef list;
  guint    generation;
} RestRead;

static void
rest_read_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  RestRead *read = user_data;
  g_autoptr(CrmRequirementList) self = g_weak_ref_get (&read->list);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = crm_requirement_query_run_finish (result, &error);

  /* Anything that changed the list since read its rest itself. */
  if (self != NULL && !self->complete && self->generation == read->generation)
    {
      if (all != NULL)
        take_all (self, all);
      else
        crm_requirement_list_complete (self);
    }

  g_weak_ref_clear (&read->list);
  g_free (read);
}

/* The rest of the ids are read in a worker thread on a connection of its
 * own, so the main loop goes on; a list whose database has no file to
 * open again reads them here. */
static gboolean
read_rest_cb (gpointer data)
{
  CrmRequirementList *self = data;
  const char *path = crm_database_get_path (crm_requirement_store_get_database (self->store));
  RestRead *read;

  self->rest_id = 0;
  if (path == NULL)
    {
      crm_requirement_list_complete (self);
      return G_SOURCE_REMOVE;
    }

  read = g_new0 (RestRead, 1);
  g_weak_ref_init (&read->list, self);
  read->generation = self->generation;
  crm_requirement_query_run_async (make_query (self, 0, 0), path, rest_read_cb, read);

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
      if (g_array_index (self->entries, CrmRequirementEntry, i).id == id)
        {
          old_index = i;
          break;
        }
    }

  if (match->len > 0)
    {
      const CrmRequirementEntry *entry = &g_array_index (match, CrmRequirementEntry, 0);
      guint n_others = self->entries->len - (old_index != G_MAXUINT ? 1 : 0);
      guint low = 0;
      guint high = n_others;

      /* Where it goes among the others: the k-th other is entry k, or
       * k + 1 past its old place. */
      while (low < high)
        {
          guint middle = (low + high) / 2;
          guint k = old_index != G_MAXUINT && middle >= old_index ? middle + 1 : middle;

          if (crm_requirement_entry_compare (&g_array_index (self->entries, CrmRequirementEntry, k), entry) < 0)
            low = middle + 1;
          else
            high = middle;
        }
      new_index = low;

      if (old_index == new_index)
        {
          g_array_index (self->entries, CrmRequirementEntry, old_index) = *entry;
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
      g_array_insert_val (self->entries, new_index, g_array_index (match, CrmRequirementEntry, 0));
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
  self->entries = g_array_new (FALSE, FALSE, sizeof (CrmRequirementEntry));
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
 * but reads only the first rows at once and the others in a worker
 * thread once the main loop is idle: until then
 * crm_requirement_list_is_complete() is %FALSE and the number of items
 * is not the column's count.
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

  g_return_if_fail (CRM_IS_REQUIREMENT_LIST (self));

  if (self->complete)
    return;

  all = query (self, 0, 0);
  take_all (self, all);
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
      if (g_array_index (self->entries, CrmRequirementEntry, i).id == id)
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

  return g_array_index (self->entries, CrmRequirementEntry, position).id;
}
