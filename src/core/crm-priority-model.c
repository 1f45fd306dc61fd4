/* crm-priority-model.c — the requirements of the priority matrices, in rank order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The matrices need the scores of every requirement they show (to count
 * cards per cell) but the full record only of the few cards on screen. So
 * the model reads id, scores, Kano class, status, code, title, due date,
 * creation time, owner and customer of the matching requirements in one query and sorts them
 * by crm_priority_compare(). As a GListModel it makes, for the rows a view
 * asks for, CrmRequirement objects holding just those fields.
 *
 * A change to one requirement (a drop) reads that row again and moves it
 * to its new rank; a change that may touch many (an undo, a filter) runs
 * the query again.
 */

#define G_LOG_DOMAIN "crm-priority-model"

#include "crm-customer-types.h"
#include "crm-priority-model.h"

struct _CrmPriorityModel
{
  GObject              parent_instance;

  CrmRequirementStore *store;
  GArray              *entries;   /* CrmPriorityEntry, in rank order */
  GStringChunk        *strings;   /* the entries' strings */
  GHashTable          *index;     /* gint64 id → position + 1 */

  gint64               customer_id;
  char                *owner;
  int                  tier;
  int                  category;
  int                  quadrant;
  char                *search_text;
  char                *customer_text;
  guint                statuses;
  int                  kano;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmPriorityModel, crm_priority_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Query ----------------------------------------------------------------- */

static const char *
chunk (CrmPriorityModel *self,
       sqlite3_stmt     *stmt,
       int               column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert (self->strings, text) : NULL;
}

/* Appends the filter's conditions to @sql and the texts to bind (from ?10
 * on) to @texts; the customer id, if any, binds to ?1. */
static void
append_conditions (CrmPriorityModel *self,
                   GString          *sql,
                   GPtrArray        *texts,
                   GStrv            *words)
{
  g_string_append (sql, " WHERE r.merged_into IS NULL AND r.status IN (");
  for (guint status = 0, n = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    {
      if ((self->statuses & (1u << status)) == 0)
        continue;
      g_string_append_printf (sql, "%s?%u", n++ > 0 ? "," : "", 10 + texts->len);
      g_ptr_array_add (texts, (gpointer)crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, status));
    }
  g_string_append (sql, ")");

  if (self->customer_id > 0)
    g_string_append (sql, " AND r.id IN (SELECT requirement_id FROM requirement_customer"
                          " WHERE customer_id = ?1)");
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
  if (self->category == CRM_REQUIREMENT_CATEGORY_NONE)
    g_string_append (sql, " AND r.category IS NULL");
  else if (self->category > 0)
    {
      g_string_append_printf (sql, " AND r.category = ?%u", 10 + texts->len);
      g_ptr_array_add (texts, (gpointer)crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_CATEGORY,
                                                                        self->category));
    }
  if (self->kano == CRM_KANO_NONE)
    g_string_append (sql, " AND r.kano IS NULL");
  else if (self->kano > 0)
    {
      g_string_append_printf (sql, " AND r.kano = ?%u", 10 + texts->len);
      g_ptr_array_add (texts, (gpointer)crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_KANO, self->kano));
    }

  if (self->customer_text != NULL)
    {
      g_string_append_printf (sql, " AND instr (ifnull (c.name, ''), ?%u)", 10 + texts->len);
      g_ptr_array_add (texts, self->customer_text);
    }

  if (self->search_text == NULL)
    return;

  /* Every word must be in the code, title, description or customer name,
   * as on the board. */
  *words = g_strsplit_set (self->search_text, " \t", -1);
  for (guint i = 0; (*words)[i] != NULL; i++)
    {
      if ((*words)[i][0] == '\0')
        continue;
      g_string_append_printf (sql,
                              " AND (instr (r.title, ?%1$u) OR instr (r.code, ?%1$u)"
                              " OR instr (ifnull (r.description, ''), ?%1$u)"
                              " OR instr (ifnull (c.name, ''), ?%1$u))",
                              10 + texts->len);
      g_ptr_array_add (texts, (*words)[i]);
    }
}

/* Appends the matching requirements (only @only_id's row when it is not
 * 0) to @into, unsorted. */
static void
query (CrmPriorityModel *self,
       gint64            only_id,
       GArray           *into)
{
  g_autoptr(GString) sql = g_string_new ("SELECT r.id, r.importance, r.urgency, ifnull (r.value, -1),"
                                         "  ifnull (r.cost, -1), r.moscow, r.kano, r.status, r.code,"
                                         "  r.title, r.due_on, r.created_at, r.owner, c.name, c.tier"
                                         "  FROM requirement r LEFT JOIN customer c ON c.id = r.customer_id");
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_auto(GStrv) words = NULL;
  sqlite3 *handle = crm_database_get_handle (crm_requirement_store_get_database (self->store));
  sqlite3_stmt *stmt = NULL;
  int rc;

  append_conditions (self, sql, texts, &words);
  if (only_id > 0)
    g_string_append (sql, " AND r.id = ?2");

  /* The text varies with the filters: prepared each time rather than
   * filling the statement cache with every combination. */
  if (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Priority query failed: %s", sqlite3_errmsg (handle));
      return;
    }

  if (self->customer_id > 0)
    sqlite3_bind_int64 (stmt, 1, self->customer_id);
  if (only_id > 0)
    sqlite3_bind_int64 (stmt, 2, only_id);
  for (guint i = 0; i < texts->len; i++)
    sqlite3_bind_text (stmt, 10 + i, g_ptr_array_index (texts, i), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmPriorityEntry entry = {
        .id = sqlite3_column_int64 (stmt, 0),
        .scores = {
          .importance = sqlite3_column_int (stmt, 1),
          .urgency = sqlite3_column_int (stmt, 2),
          .value = sqlite3_column_int64 (stmt, 3),
          .cost = sqlite3_column_int64 (stmt, 4),
          .moscow = crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_MOSCOW,
                                                      (const char *)sqlite3_column_text (stmt, 5)),
        },
        .kano = crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_KANO,
                                                  (const char *)sqlite3_column_text (stmt, 6)),
        .status = crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_STATUS,
                                                    (const char *)sqlite3_column_text (stmt, 7)),
        .code = chunk (self, stmt, 8),
        .title = chunk (self, stmt, 9),
        .due_on = chunk (self, stmt, 10),
        .created_at = chunk (self, stmt, 11),
        .owner = chunk (self, stmt, 12),
        .customer_name = chunk (self, stmt, 13),
        .customer_tier = crm_tier_from_string ((const char *)sqlite3_column_text (stmt, 14)),
      };

      /* The board's quadrant filter, with the board's own rule. */
      if (self->quadrant >= 0 &&
          (int)crm_quadrant_for (entry.scores.importance, entry.scores.urgency) != self->quadrant)
        continue;

      g_array_append_val (into, entry);
    }
  if (rc != SQLITE_DONE)
    g_warning ("Priority query failed: %s", sqlite3_errmsg (handle));
  sqlite3_finalize (stmt);
}

/* The index points into the entries array: rebuilt after each change. */
static void
reindex (CrmPriorityModel *self)
{
  g_hash_table_remove_all (self->index);
  for (guint i = 0; i < self->entries->len; i++)
    g_hash_table_insert (self->index,
                         &g_array_index (self->entries, CrmPriorityEntry, i).id,
                         GUINT_TO_POINTER (i + 1));
}

/* GListModel ------------------------------------------------------------ */

static GType
crm_priority_model_get_item_type (GListModel *model)
{
  return CRM_TYPE_REQUIREMENT;
}

static guint
crm_priority_model_get_n_items (GListModel *model)
{
  return CRM_PRIORITY_MODEL (model)->entries->len;
}

/* A row carries what the ranked list and a card show, read with the
 * scores; the editor reads the whole record through the store. */
static gpointer
crm_priority_model_get_item (GListModel *model,
                             guint       position)
{
  CrmPriorityModel *self = CRM_PRIORITY_MODEL (model);
  const CrmPriorityEntry *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, CrmPriorityEntry, position);

  return g_object_new (CRM_TYPE_REQUIREMENT,
                       "id", entry->id,
                       "code", entry->code,
                       "title", entry->title,
                       "importance", entry->scores.importance,
                       "urgency", entry->scores.urgency,
                       "value", entry->scores.value,
                       "cost", entry->scores.cost,
                       "moscow", entry->scores.moscow,
                       "kano", entry->kano,
                       "status", entry->status,
                       "due-on", entry->due_on,
                       "created-at", entry->created_at,
                       "owner", entry->owner,
                       "customer-name", entry->customer_name,
                       "customer-tier", entry->customer_tier,
                       NULL);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_priority_model_get_item_type;
  iface->get_n_items = crm_priority_model_get_n_items;
  iface->get_item = crm_priority_model_get_item;
}

/* Reloading ------------------------------------------------------------- */

/**
 * crm_priority_model_reload:
 *
 * Runs the query again and tells views that every row may have changed.
 */
void
crm_priority_model_reload (CrmPriorityModel *self)
{
  guint old_n;

  g_return_if_fail (CRM_IS_PRIORITY_MODEL (self));

  old_n = self->entries->len;
  g_array_set_size (self->entries, 0);
  g_string_chunk_clear (self->strings);
  query (self, 0, self->entries);
  g_array_sort (self->entries, (GCompareFunc)crm_priority_compare);
  reindex (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->entries->len);
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* One requirement changed (a drop, an edit): its row is read again and
 * moved to its new rank, announced as one change of the rows between its
 * old and new place. Its old strings stay in the chunk until the next
 * reload. */
static void
update_one (CrmPriorityModel *self,
            gint64            id)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CrmPriorityEntry));
  guint old_position = crm_priority_model_find (self, id);
  guint new_position = G_MAXUINT;
  guint old_n = self->entries->len;
  guint first, last;

  query (self, id, found);

  if (old_position != G_MAXUINT)
    g_array_remove_index (self->entries, old_position);

  if (found->len > 0)
    {
      const CrmPriorityEntry *entry = &g_array_index (found, CrmPriorityEntry, 0);
      guint low = 0;
      guint high = self->entries->len;

      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (crm_priority_compare (&g_array_index (self->entries, CrmPriorityEntry, middle), entry) < 0)
            low = middle + 1;
          else
            high = middle;
        }
      new_position = low;
      g_array_insert_val (self->entries, new_position, *entry);
    }

  reindex (self);

  if (old_position == G_MAXUINT && new_position == G_MAXUINT)
    return;

  if (new_position == G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
  else if (old_position == G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
  else
    {
      /* The rows between the two places each move by one. */
      first = MIN (old_position, new_position);
      last = MAX (old_position, new_position);
      g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
    }
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_store_changed (CrmPriorityModel    *self,
                  gint64               id,
                  CrmRequirementStore *store)
{
  if (id > 0)
    update_one (self, id);
  else
    crm_priority_model_reload (self);
}

/* GObject --------------------------------------------------------------- */

static void
crm_priority_model_constructed (GObject *object)
{
  CrmPriorityModel *self = (CrmPriorityModel *)object;

  G_OBJECT_CLASS (crm_priority_model_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  query (self, 0, self->entries);
  g_array_sort (self->entries, (GCompareFunc)crm_priority_compare);
  reindex (self);
}

static void
crm_priority_model_dispose (GObject *object)
{
  CrmPriorityModel *self = (CrmPriorityModel *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_priority_model_parent_class)->dispose (object);
}

static void
crm_priority_model_finalize (GObject *object)
{
  CrmPriorityModel *self = (CrmPriorityModel *)object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->customer_text, g_free);

  G_OBJECT_CLASS (crm_priority_model_parent_class)->finalize (object);
}

static void
crm_priority_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmPriorityModel *self = CRM_PRIORITY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_priority_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmPriorityModel *self = CRM_PRIORITY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_priority_model_class_init (CrmPriorityModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_priority_model_constructed;
  object_class->dispose = crm_priority_model_dispose;
  object_class->finalize = crm_priority_model_finalize;
  object_class->get_property = crm_priority_model_get_property;
  object_class->set_property = crm_priority_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_REQUIREMENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_priority_model_init (CrmPriorityModel *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (CrmPriorityEntry));
  self->strings = g_string_chunk_new (4096);
  self->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->tier = -1;
  self->category = -1;
  self->quadrant = -1;
  self->statuses = CRM_PRIORITY_OPEN_STATUSES;
  self->kano = -1;
}

/**
 * crm_priority_model_new:
 *
 * Returns: (transfer full): the open requirements of @store in rank order
 */
CrmPriorityModel *
crm_priority_model_new (CrmRequirementStore *store)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (store), NULL);

  return g_object_new (CRM_TYPE_PRIORITY_MODEL, "store", store, NULL);
}

CrmRequirementStore *
crm_priority_model_get_store (CrmPriorityModel *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_MODEL (self), NULL);

  return self->store;
}

/**
 * crm_priority_model_set_filter:
 * @filter: (nullable): what to show; %NULL shows the open requirements
 */
void
crm_priority_model_set_filter (CrmPriorityModel        *self,
                               const CrmPriorityFilter *filter)
{
  CrmPriorityFilter open = CRM_PRIORITY_FILTER_INIT;
  g_autofree char *search = NULL;
  g_autofree char *customer = NULL;

  g_return_if_fail (CRM_IS_PRIORITY_MODEL (self));

  if (filter == NULL)
    filter = &open;

  if (filter->board.search_text != NULL)
    search = g_strstrip (g_strdup (filter->board.search_text));
  if (search != NULL && search[0] == '\0')
    g_clear_pointer (&search, g_free);
  if (filter->board.customer_text != NULL)
    customer = g_strstrip (g_strdup (filter->board.customer_text));
  if (customer != NULL && customer[0] == '\0')
    g_clear_pointer (&customer, g_free);

  self->customer_id = filter->board.customer_id;
  g_free (self->owner);
  self->owner = g_strdup (filter->board.owner);
  self->tier = filter->board.tier;
  self->category = filter->board.category;
  self->quadrant = filter->board.quadrant;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&search);
  g_free (self->customer_text);
  self->customer_text = g_steal_pointer (&customer);
  self->statuses = filter->statuses != 0 ? filter->statuses : CRM_PRIORITY_OPEN_STATUSES;
  self->kano = filter->kano;

  crm_priority_model_reload (self);
}

/**
 * crm_priority_model_get_entries:
 * @n_entries: (out): how many
 *
 * Returns: (array length=n_entries): the requirements shown, in rank
 *   order; valid until the next reload
 */
const CrmPriorityEntry *
crm_priority_model_get_entries (CrmPriorityModel *self,
                                guint            *n_entries)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_MODEL (self), NULL);

  *n_entries = self->entries->len;

  return (const CrmPriorityEntry *)self->entries->data;
}

/**
 * crm_priority_model_find:
 *
 * Returns: the position (rank − 1) of requirement @id, or G_MAXUINT when
 *   it is not shown
 */
guint
crm_priority_model_find (CrmPriorityModel *self,
                         gint64            id)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_MODEL (self), G_MAXUINT);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->index, &id)) - 1;
}
