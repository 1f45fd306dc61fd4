/* crm-priority-cell.c — one cell of a priority matrix: a drop target with its cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-priority-cell.h"

struct _CrmPriorityCell
{
  GtkWidget   parent_instance;

  guint       row;
  guint       column;
  guint       count;
  char       *label;

  GtkWidget  *count_label;
  GtkWidget  *chips;
  GtkWidget  *more_button;
  GtkWidget  *popover;
  GtkWidget  *list_view;
};

G_DEFINE_FINAL_TYPE (CrmPriorityCell, crm_priority_cell, GTK_TYPE_WIDGET)

enum {
  REQUIREMENT_DROPPED,
  EXPAND_REQUESTED,
  CHIP_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_accessible (CrmPriorityCell *self)
{
  g_autofree char *text = NULL;

  /* Translators: a cell of the priority matrix for a screen reader, e.g.
   * "Importance 5, Urgency 4: 3 requirements". */
  text = g_strdup_printf (ngettext ("%s: %u requirement", "%s: %u requirements", self->count),
                          self->label != NULL ? self->label : "", self->count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* Dropping ---------------------------------------------------------------- */

static GdkDragAction
drop_enter_cb (GtkDropTarget   *target,
               double           x,
               double           y,
               CrmPriorityCell *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-hover");

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget   *target,
               CrmPriorityCell *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         CrmPriorityCell *self)
{
  CrmRequirement *requirement = g_value_get_object (value);

  /* GTK 4.8 sends no "leave" after a drop. */
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-hover");

  if (requirement == NULL)
    return FALSE;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  g_signal_emit (self, signals[REQUIREMENT_DROPPED], 0, crm_requirement_get_id (requirement));

  return TRUE;
}

/* The list of all cards --------------------------------------------------- */

static void
more_clicked_cb (CrmPriorityCell *self)
{
  g_signal_emit (self, signals[EXPAND_REQUESTED], 0);
}

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CrmPriorityCell          *self)
{
  GtkWidget *chip = crm_priority_chip_new (NULL);

  /* The chip takes the focus and the keys, not the row. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, chip);
  g_signal_emit (self, signals[CHIP_ADDED], 0, chip);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CrmPriorityCell          *self)
{
  crm_priority_chip_set_requirement (CRM_PRIORITY_CHIP (gtk_list_item_get_child (item)),
                                     gtk_list_item_get_item (item));
}

static void
ensure_popover (CrmPriorityCell *self)
{
  GtkListItemFactory *factory;
  GtkWidget *scrolled;

  if (self->popover != NULL)
    return;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (list_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (list_bind_cb), self, 0);
  self->list_view = gtk_list_view_new (NULL, factory);
  gtk_widget_add_css_class (self->list_view, "priority-cell-list");

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_widget_set_size_request (scrolled, 280, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

/**
 * crm_priority_cell_show_all:
 * @requirements: (element-type CrmRequirement): every requirement of the
 *   cell, in rank order
 *
 * Opens the cell's list of all its cards.
 */
void
crm_priority_cell_show_all (CrmPriorityCell *self,
                            GListModel      *requirements)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (CRM_IS_PRIORITY_CELL (self));
  g_return_if_fail (G_IS_LIST_MODEL (requirements));

  ensure_popover (self);
  selection = gtk_no_selection_new (g_object_ref (requirements));
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), GTK_SELECTION_MODEL (selection));
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* GObject ----------------------------------------------------------------- */

static void
crm_priority_cell_dispose (GObject *object)
{
  CrmPriorityCell *self = (CrmPriorityCell *)object;

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->count_label, gtk_widget_unparent);
  g_clear_pointer (&self->chips, gtk_widget_unparent);
  g_clear_pointer (&self->more_button, gtk_widget_unparent);

  G_OBJECT_CLASS (crm_priority_cell_parent_class)->dispose (object);
}

static void
crm_priority_cell_finalize (GObject *object)
{
  CrmPriorityCell *self = (CrmPriorityCell *)object;

  g_free (self->label);

  G_OBJECT_CLASS (crm_priority_cell_parent_class)->finalize (object);
}

static void
crm_priority_cell_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CrmPriorityCell *self = CRM_PRIORITY_CELL (widget);

  GTK_WIDGET_CLASS (crm_priority_cell_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
crm_priority_cell_class_init (CrmPriorityCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_priority_cell_dispose;
  object_class->finalize = crm_priority_cell_finalize;
  widget_class->size_allocate = crm_priority_cell_size_allocate;

  signals[REQUIREMENT_DROPPED] =
    g_signal_new ("requirement-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EXPAND_REQUESTED] =
    g_signal_new ("expand-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHIP_ADDED] =
    g_signal_new ("chip-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CRM_TYPE_PRIORITY_CHIP);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "prioritycell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crm_priority_cell_init (CrmPriorityCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);
  GtkDropTarget *target = gtk_drop_target_new (CRM_TYPE_REQUIREMENT, GDK_ACTION_MOVE);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);

  self->count_label = gtk_label_new (NULL);
  gtk_widget_set_halign (self->count_label, GTK_ALIGN_END);
  gtk_widget_add_css_class (self->count_label, "cell-count");
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_widget_set_parent (self->count_label, widget);

  self->chips = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_parent (self->chips, widget);

  self->more_button = gtk_button_new ();
  gtk_widget_add_css_class (self->more_button, "flat");
  gtk_widget_add_css_class (self->more_button, "cell-more");
  gtk_widget_set_halign (self->more_button, GTK_ALIGN_START);
  gtk_widget_set_visible (self->more_button, FALSE);
  g_signal_connect_object (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->more_button, widget);

  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
crm_priority_cell_new (guint row,
                       guint column)
{
  CrmPriorityCell *self = g_object_new (CRM_TYPE_PRIORITY_CELL, NULL);

  self->row = row;
  self->column = column;

  return GTK_WIDGET (self);
}

guint
crm_priority_cell_get_row (CrmPriorityCell *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_CELL (self), 0);

  return self->row;
}

guint
crm_priority_cell_get_column (CrmPriorityCell *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_CELL (self), 0);

  return self->column;
}

/**
 * crm_priority_cell_set_label:
 * @label: the cell's name, "Importance 5, Urgency 4"
 */
void
crm_priority_cell_set_label (CrmPriorityCell *self,
                             const char      *label)
{
  g_return_if_fail (CRM_IS_PRIORITY_CELL (self));

  g_free (self->label);
  self->label = g_strdup (label);
  update_accessible (self);
}

/**
 * crm_priority_cell_clear:
 *
 * Removes the cards, to fill the cell again.
 */
void
crm_priority_cell_clear (CrmPriorityCell *self)
{
  GtkWidget *child;

  g_return_if_fail (CRM_IS_PRIORITY_CELL (self));

  while ((child = gtk_widget_get_first_child (self->chips)) != NULL)
    gtk_box_remove (GTK_BOX (self->chips), child);
}

/**
 * crm_priority_cell_add_chip:
 *
 * Returns: (transfer none): the card added for @requirement
 */
CrmPriorityChip *
crm_priority_cell_add_chip (CrmPriorityCell *self,
                            CrmRequirement  *requirement)
{
  GtkWidget *chip;

  g_return_val_if_fail (CRM_IS_PRIORITY_CELL (self), NULL);

  chip = crm_priority_chip_new (requirement);
  gtk_box_append (GTK_BOX (self->chips), chip);
  g_signal_emit (self, signals[CHIP_ADDED], 0, chip);

  return CRM_PRIORITY_CHIP (chip);
}

/**
 * crm_priority_cell_set_count:
 * @count: how many requirements the cell holds, shown or not
 *
 * Shows @count, and the "+N more" button when the cell holds more
 * requirements than it has cards.
 */
void
crm_priority_cell_set_count (CrmPriorityCell *self,
                             guint            count)
{
  guint shown = 0;
  g_autofree char *count_text = NULL;

  g_return_if_fail (CRM_IS_PRIORITY_CELL (self));

  for (GtkWidget *child = gtk_widget_get_first_child (self->chips); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    shown++;

  self->count = count;
  count_text = g_strdup_printf ("%u", count);
  gtk_label_set_label (GTK_LABEL (self->count_label), count > 0 ? count_text : "");
  gtk_widget_set_visible (self->count_label, count > 0);

  if (count > shown)
    {
      g_autofree char *more = NULL;

      /* Translators: the button of a crowded matrix cell that lists all
       * of its requirements. */
      more = g_strdup_printf (ngettext ("+%u more", "+%u more", count - shown), count - shown);
      gtk_button_set_label (GTK_BUTTON (self->more_button), more);
    }
  gtk_widget_set_visible (self->more_button, count > shown);

  update_accessible (self);
}

/**
 * crm_priority_cell_get_first_chip:
 *
 * Returns: (transfer none) (nullable): the cell's first card
 */
GtkWidget *
crm_priority_cell_get_first_chip (CrmPriorityCell *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_CELL (self), NULL);

  return gtk_widget_get_first_child (self->chips);
}

/**
 * crm_priority_cell_find_chip:
 *
 * Returns: (transfer none) (nullable): the card of requirement @id among
 *   those the cell shows
 */
CrmPriorityChip *
crm_priority_cell_find_chip (CrmPriorityCell *self,
                             gint64           id)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_CELL (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->chips); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (crm_priority_chip_get_id (CRM_PRIORITY_CHIP (child)) == id)
        return CRM_PRIORITY_CHIP (child);
    }

  return NULL;
}
