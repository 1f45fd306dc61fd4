/* crm-prefix-model.c — the first items of a list, growing as they are scrolled to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * GTK 4.8's GtkListView makes up to 200 rows for any model that long,
 * whatever fits on screen, to estimate its size. Four board columns of
 * 200 000 requirements would so build 800 cards before the first frame,
 * against none for an empty board. A column shows its list through this
 * model instead: the first @limit items, a few screens' worth, and the
 * column raises the limit as the user scrolls towards its end (or moves
 * the focus past it), so the cost of a column is what is on screen and the
 * total stays in the column header.
 *
 * Every items-changed it sends leaves the model consistent at that moment,
 * which GTK's list views check.
 */

#include "crm-prefix-model.h"

struct _CrmPrefixModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       limit;
  guint       reported;   /* what get_n_items says now */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmPrefixModel, crm_prefix_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
crm_prefix_model_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (CRM_PREFIX_MODEL (model)->model);
}

static guint
crm_prefix_model_get_n_items (GListModel *model)
{
  return CRM_PREFIX_MODEL (model)->reported;
}

static gpointer
crm_prefix_model_get_item (GListModel *model,
                           guint       position)
{
  CrmPrefixModel *self = CRM_PREFIX_MODEL (model);

  if (position >= self->reported)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_prefix_model_get_item_type;
  iface->get_n_items = crm_prefix_model_get_n_items;
  iface->get_item = crm_prefix_model_get_item;
}

/* Brings the reported length to @target, at the end. */
static void
resize_to (CrmPrefixModel *self,
           guint           target)
{
  guint old = self->reported;

  if (target == old)
    return;

  self->reported = target;
  if (target > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, target - old);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), target, old - target, 0);
}

static void
items_changed_cb (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  CrmPrefixModel *self)
{
  guint old_visible = self->reported;
  guint new_visible = MIN (self->limit, g_list_model_get_n_items (model));
  guint visible_removed;
  guint visible_added;

  if (position >= old_visible)
    {
      /* Beyond the prefix; it may only have become shorter or longer. */
      resize_to (self, new_visible);
      return;
    }

  visible_removed = MIN (removed, old_visible - position);
  visible_added = MIN (added, self->limit - position);

  /* First the change itself, then the tail evened out to the limit. */
  self->reported = old_visible - visible_removed + visible_added;
  if (visible_removed > 0 || visible_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, visible_removed, visible_added);
  resize_to (self, new_visible);
}

static void
crm_prefix_model_dispose (GObject *object)
{
  CrmPrefixModel *self = (CrmPrefixModel *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (crm_prefix_model_parent_class)->dispose (object);
}

static void
crm_prefix_model_class_init (CrmPrefixModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_prefix_model_dispose;
}

static void
crm_prefix_model_init (CrmPrefixModel *self)
{
}

/**
 * crm_prefix_model_new:
 * @model: the whole list
 * @limit: how many of its first items to show
 *
 * Returns: (transfer full): the first @limit items of @model
 */
CrmPrefixModel *
crm_prefix_model_new (GListModel *model,
                      guint       limit)
{
  CrmPrefixModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (CRM_TYPE_PREFIX_MODEL, NULL);
  self->model = g_object_ref (model);
  self->limit = limit;
  self->reported = MIN (limit, g_list_model_get_n_items (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);

  return self;
}

GListModel *
crm_prefix_model_get_model (CrmPrefixModel *self)
{
  g_return_val_if_fail (CRM_IS_PREFIX_MODEL (self), NULL);

  return self->model;
}

guint
crm_prefix_model_get_limit (CrmPrefixModel *self)
{
  g_return_val_if_fail (CRM_IS_PREFIX_MODEL (self), 0);

  return self->limit;
}

/**
 * crm_prefix_model_set_limit:
 * @limit: how many of the first items to show now
 */
void
crm_prefix_model_set_limit (CrmPrefixModel *self,
                            guint           limit)
{
  g_return_if_fail (CRM_IS_PREFIX_MODEL (self));

  self->limit = limit;
  resize_to (self, MIN (limit, g_list_model_get_n_items (self->model)));
}
