/* crm-requirement-column.c — one column of cards on a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The column keeps a table of the cards bound to rows (id → card): the
 * drop line is drawn on the card under the pointer, and after a keyboard
 * move the moved card gets the focus back, which GTK 4.8's list view
 * cannot do by position.
 */

#include <glib/gi18n.h>

#include "crm-prefix-model.h"
#include "crm-requirement-card.h"
#include "crm-requirement-column.h"

/* Cards made at first, and how many more each time the user scrolls near
 * the end of those (see crm-prefix-model.c). */
#define FIRST_CARDS 8
#define MORE_CARDS 48

struct _CrmRequirementColumn
{
  GtkWidget           parent_instance;

  CrmRequirementList *list;
  CrmPrefixModel     *prefix;
  GtkWidget          *scroller;
  GtkListView        *list_view;
  GHashTable         *cards;       /* gint64 id → CrmRequirementCard (unowned) */
  CrmRequirementCard *marked;      /* weak */
  gint64              focus_id;    /* focus this card once it is bound */
  guint               grow_id;     /* idle that makes more cards */
};

G_DEFINE_FINAL_TYPE (CrmRequirementColumn, crm_requirement_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST,
  N_PROPS
};

enum {
  MOVE_REQUESTED,
  EDIT_REQUESTED,
  MERGE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Moves and edits ------------------------------------------------------- */

static void
card_move_requested_cb (CrmRequirementCard   *card,
                        int                   status,
                        int                   delta,
                        CrmRequirementColumn *self)
{
  CrmRequirement *requirement = crm_requirement_card_get_requirement (card);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint index;
  gint64 before_id;

  if (requirement == NULL)
    return;

  if (status >= 0)
    {
      if (status == (int)crm_requirement_get_status (requirement))
        return;
      g_signal_emit (self, signals[MOVE_REQUESTED], 0, requirement, status,
                     (gint64)CRM_REQUIREMENT_COLUMN_TOP);
      return;
    }

  index = crm_requirement_list_find (self->list, crm_requirement_get_id (requirement));
  if (index == G_MAXUINT || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* Up: before the card above. Down: before the card after the next. */
  if (delta < 0)
    before_id = crm_requirement_list_get_id (self->list, index - 1);
  else
    before_id = index + 2 < n ? crm_requirement_list_get_id (self->list, index + 2) : 0;

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, requirement,
                 (int)crm_requirement_get_status (requirement), before_id);
}

static void
card_edit_requested_cb (CrmRequirementCard   *card,
                        CrmRequirementColumn *self)
{
  if (crm_requirement_card_get_requirement (card) != NULL)
    g_signal_emit (self, signals[EDIT_REQUESTED], 0, crm_requirement_card_get_requirement (card));
}

static void
card_merge_requested_cb (CrmRequirementCard   *card,
                         CrmRequirementColumn *self)
{
  if (crm_requirement_card_get_requirement (card) != NULL)
    g_signal_emit (self, signals[MERGE_REQUESTED], 0, crm_requirement_card_get_requirement (card));
}

static void
list_view_activate_cb (GtkListView          *list_view,
                       guint                 position,
                       CrmRequirementColumn *self)
{
  g_autoptr(CrmRequirement) requirement = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (requirement != NULL)
    g_signal_emit (self, signals[EDIT_REQUESTED], 0, requirement);
}

/* The card of the row that has the keyboard focus, if any. */
static CrmRequirementCard *
focused_card (CrmRequirementColumn *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (CRM_IS_REQUIREMENT_CARD (widget))
        return CRM_REQUIREMENT_CARD (widget);
      if (widget == GTK_WIDGET (self))
        break;
    }

  /* The list view focuses its row widget, whose child is the card. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)) &&
      CRM_IS_REQUIREMENT_CARD (gtk_widget_get_first_child (focus)))
    return CRM_REQUIREMENT_CARD (gtk_widget_get_first_child (focus));

  return NULL;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CrmRequirementColumn  *self)
{
  CrmRequirementCard *card;
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  const char *action = NULL;
  GVariant *param = NULL;

  if (modifiers == GDK_CONTROL_MASK && (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left))
    action = "card.move-by-column", param = g_variant_new_int32 (-1);
  else if (modifiers == GDK_CONTROL_MASK && (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right))
    action = "card.move-by-column", param = g_variant_new_int32 (1);
  else if (modifiers == GDK_ALT_MASK && (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up))
    action = "card.move-up";
  else if (modifiers == GDK_ALT_MASK && (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down))
    action = "card.move-down";
  else if ((modifiers == GDK_SHIFT_MASK && keyval == GDK_KEY_F10) || keyval == GDK_KEY_Menu)
    action = "card.menu";
  else
    return FALSE;

  card = focused_card (self);
  if (card == NULL)
    {
      if (param != NULL)
        g_variant_unref (g_variant_ref_sink (param));
      return FALSE;
    }

  gtk_widget_activate_action_variant (GTK_WIDGET (card), action, param);

  return TRUE;
}

/* Rows ------------------------------------------------------------------ */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CrmRequirementColumn     *self)
{
  GtkWidget *card = crm_requirement_card_new ();

  g_signal_connect_object (card, "move-requested", G_CALLBACK (card_move_requested_cb), self, 0);
  g_signal_connect_object (card, "edit-requested", G_CALLBACK (card_edit_requested_cb), self, 0);
  g_signal_connect_object (card, "merge-requested", G_CALLBACK (card_merge_requested_cb), self, 0);
  gtk_list_item_set_child (item, card);
}

static gboolean
focus_pending_card (gpointer data)
{
  CrmRequirementColumn *self = data;
  GtkWidget *card = g_hash_table_lookup (self->cards, &self->focus_id);

  if (card != NULL)
    {
      /* The row takes the focus, so the list view's own keyboard
       * navigation continues from here. */
      GtkWidget *row = gtk_widget_get_parent (card);

      if (!gtk_widget_grab_focus (row))
        gtk_widget_grab_focus (card);
      self->focus_id = 0;
    }

  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CrmRequirementColumn     *self)
{
  CrmRequirementCard *card = CRM_REQUIREMENT_CARD (gtk_list_item_get_child (item));
  CrmRequirement *requirement = gtk_list_item_get_item (item);
  gint64 *key = g_new (gint64, 1);

  crm_requirement_card_set_requirement (card, requirement);
  *key = crm_requirement_get_id (requirement);
  g_hash_table_insert (self->cards, key, card);

  if (self->focus_id != 0 && self->focus_id == *key)
    g_idle_add (focus_pending_card, g_object_ref (self));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CrmRequirementColumn     *self)
{
  CrmRequirementCard *card = CRM_REQUIREMENT_CARD (gtk_list_item_get_child (item));
  CrmRequirement *requirement = crm_requirement_card_get_requirement (card);

  if (requirement != NULL)
    {
      gint64 id = crm_requirement_get_id (requirement);

      if (g_hash_table_lookup (self->cards, &id) == card)
        g_hash_table_remove (self->cards, &id);
    }
  crm_requirement_card_set_drop_mark (card, CRM_DROP_MARK_NONE);
}

/* Dropping -------------------------------------------------------------- */

static void
clear_mark (CrmRequirementColumn *self)
{
  if (self->marked != NULL)
    crm_requirement_card_set_drop_mark (self->marked, CRM_DROP_MARK_NONE);
  g_clear_weak_pointer (&self->marked);
}

/* The card under @y (list view coordinates) and whether @y is in its lower
 * half. */
static CrmRequirementCard *
card_at (CrmRequirementColumn *self,
         double                y,
         gboolean             *lower_half)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view),
                                       gtk_widget_get_width (GTK_WIDGET (self->list_view)) / 2.0,
                                       y, GTK_PICK_DEFAULT);
  graphene_point_t point = GRAPHENE_POINT_INIT (0, y);
  graphene_point_t local;

  for (GtkWidget *widget = picked; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (CRM_IS_REQUIREMENT_CARD (widget))
        {
          if (gtk_widget_compute_point (GTK_WIDGET (self->list_view), widget, &point, &local))
            *lower_half = local.y > gtk_widget_get_height (widget) / 2.0;
          else
            *lower_half = FALSE;
          return CRM_REQUIREMENT_CARD (widget);
        }
      if (widget == GTK_WIDGET (self->list_view))
        break;
    }

  return NULL;
}

/**
 * crm_requirement_column_before_id_at:
 * @y: a point of the column's list, in its coordinates
 * @dragged_id: the card being dragged
 *
 * Returns: the id of the card a drop at @y lands before, 0 for the end
 *   of the column
 */
gint64
crm_requirement_column_before_id_at (CrmRequirementColumn *self,
                                     double                y,
                                     gint64                dragged_id)
{
  gboolean lower = FALSE;
  CrmRequirementCard *card;
  CrmRequirement *requirement;
  guint index;
  guint n;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_COLUMN (self), 0);

  card = card_at (self, y, &lower);
  if (card == NULL || (requirement = crm_requirement_card_get_requirement (card)) == NULL)
    return 0;

  if (!lower)
    return crm_requirement_get_id (requirement);

  index = crm_requirement_list_find (self->list, crm_requirement_get_id (requirement));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (index == G_MAXUINT || index + 1 >= n)
    return 0;

  return crm_requirement_list_get_id (self->list, index + 1);
}

static GdkDragAction
drop_motion_cb (GtkDropTarget        *target,
                double                x,
                double                y,
                CrmRequirementColumn *self)
{
  gboolean lower = FALSE;
  CrmRequirementCard *card = card_at (self, y, &lower);

  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");

  if (card != self->marked)
    clear_mark (self);
  if (card != NULL)
    {
      crm_requirement_card_set_drop_mark (card, lower ? CRM_DROP_MARK_AFTER : CRM_DROP_MARK_BEFORE);
      g_set_weak_pointer (&self->marked, card);
    }

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget        *target,
               CrmRequirementColumn *self)
{
  clear_mark (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

static gboolean
drop_cb (GtkDropTarget        *target,
         const GValue         *value,
         double                x,
         double                y,
         CrmRequirementColumn *self)
{
  CrmRequirement *requirement = g_value_get_object (value);
  gint64 before_id;
  gint64 id;

  /* GTK 4.8 sends no "leave" after a drop. */
  drop_leave_cb (target, self);

  if (!CRM_IS_REQUIREMENT (requirement))
    return FALSE;

  id = crm_requirement_get_id (requirement);
  before_id = crm_requirement_column_before_id_at (self, y, id);

  /* Dropped on its own place: nothing to do. */
  if (before_id == id)
    return TRUE;
  if ((int)crm_requirement_get_status (requirement) == crm_requirement_list_get_status (self->list))
    {
      guint index = crm_requirement_list_find (self->list, id);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

      if (index != G_MAXUINT &&
          ((index + 1 < n && crm_requirement_list_get_id (self->list, index + 1) == before_id) ||
           (index + 1 == n && before_id == 0)))
        return TRUE;
    }

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, requirement,
                 crm_requirement_list_get_status (self->list), before_id);

  return TRUE;
}

/* Growing -------------------------------------------------------------- */

static gboolean
grow_cb (gpointer data)
{
  CrmRequirementColumn *self = data;

  self->grow_id = 0;
  if (crm_prefix_model_get_limit (self->prefix) < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    crm_prefix_model_set_limit (self->prefix, crm_prefix_model_get_limit (self->prefix) + MORE_CARDS);

  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (GtkAdjustment        *adjustment,
             CrmRequirementColumn *self)
{
  double value, upper, page;

  value = gtk_adjustment_get_value (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);

  /* Within a screen of the end of what is made: make more, once this
   * layout (which may be what changed the adjustment) is done. */
  if (page > 0 && value + 2 * page >= upper && self->grow_id == 0 &&
      crm_prefix_model_get_limit (self->prefix) < g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    self->grow_id = g_idle_add_full (G_PRIORITY_LOW, grow_cb, self, NULL);
}

static void
upper_changed_cb (GtkAdjustment        *adjustment,
                  GParamSpec           *pspec,
                  CrmRequirementColumn *self)
{
  scrolled_cb (adjustment, self);
}

/* GObject --------------------------------------------------------------- */

static void
crm_requirement_column_constructed (GObject *object)
{
  CrmRequirementColumn *self = (CrmRequirementColumn *)object;
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkDropTarget *target;
  GtkEventController *keys;
  const char *status_label;
  g_autofree char *accessible = NULL;

  G_OBJECT_CLASS (crm_requirement_column_parent_class)->constructed (object);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);

  self->prefix = crm_prefix_model_new (G_LIST_MODEL (self->list), FIRST_CARDS);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->prefix)));
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "requirement-column");
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_view_activate_cb), self, 0);

  status_label = crm_requirement_list_get_status (self->list) >= 0
                 ? crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS,
                                                   crm_requirement_list_get_status (self->list))
                 : _("Requirements");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status_label, -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                           "value-changed", G_CALLBACK (scrolled_cb), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                           "notify::upper", G_CALLBACK (upper_changed_cb), self, 0);

  target = gtk_drop_target_new (CRM_TYPE_REQUIREMENT, GDK_ACTION_MOVE);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (target));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
}

static void
crm_requirement_column_dispose (GObject *object)
{
  CrmRequirementColumn *self = (CrmRequirementColumn *)object;

  g_clear_weak_pointer (&self->marked);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->prefix);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (crm_requirement_column_parent_class)->dispose (object);
}

static void
crm_requirement_column_finalize (GObject *object)
{
  CrmRequirementColumn *self = (CrmRequirementColumn *)object;

  g_clear_pointer (&self->cards, g_hash_table_unref);

  G_OBJECT_CLASS (crm_requirement_column_parent_class)->finalize (object);
}

static void
crm_requirement_column_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CrmRequirementColumn *self = CRM_REQUIREMENT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_column_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CrmRequirementColumn *self = CRM_REQUIREMENT_COLUMN (object);

  switch (prop_id)
    {
    case PROP_LIST:
      self->list = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_column_class_init (CrmRequirementColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_requirement_column_constructed;
  object_class->dispose = crm_requirement_column_dispose;
  object_class->finalize = crm_requirement_column_finalize;
  object_class->get_property = crm_requirement_column_get_property;
  object_class->set_property = crm_requirement_column_set_property;

  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, CRM_TYPE_REQUIREMENT_LIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  CRM_TYPE_REQUIREMENT, G_TYPE_INT, G_TYPE_INT64);
  signals[EDIT_REQUESTED] =
    g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRM_TYPE_REQUIREMENT);
  signals[MERGE_REQUESTED] =
    g_signal_new ("merge-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRM_TYPE_REQUIREMENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "requirementcolumn");
}

static void
crm_requirement_column_init (CrmRequirementColumn *self)
{
  self->cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * crm_requirement_column_new:
 * @list: the cards to show
 *
 * Returns: (transfer floating): a new column
 */
GtkWidget *
crm_requirement_column_new (CrmRequirementList *list)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_LIST (list), NULL);

  return g_object_new (CRM_TYPE_REQUIREMENT_COLUMN, "list", list, NULL);
}

CrmRequirementList *
crm_requirement_column_get_list (CrmRequirementColumn *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_COLUMN (self), NULL);

  return self->list;
}

int
crm_requirement_column_get_status (CrmRequirementColumn *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_COLUMN (self), -1);

  return crm_requirement_list_get_status (self->list);
}

/**
 * crm_requirement_column_focus_requirement:
 * @id: a requirement of this column
 *
 * Scrolls to the card and gives it the keyboard focus, now or as soon as
 * its row is made.
 *
 * Returns: whether the card is in this column
 */
gboolean
crm_requirement_column_focus_requirement (CrmRequirementColumn *self,
                                          gint64                id)
{
  guint index;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_COLUMN (self), FALSE);

  index = crm_requirement_list_find (self->list, id);
  if (index == G_MAXUINT)
    return FALSE;

  if (index + 8 > crm_prefix_model_get_limit (self->prefix))
    crm_prefix_model_set_limit (self->prefix, index + MORE_CARDS);

  self->focus_id = id;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", index);
  if (g_hash_table_contains (self->cards, &id))
    g_idle_add (focus_pending_card, g_object_ref (self));

  return TRUE;
}
