/* crm-priority-matrix.c — an editable priority matrix of requirement cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The matrix builds its grid of cells when the view changes and refills the
 * cells whenever the model changes. A refill creates cards only for what
 * is shown (a few per cell), so its cost does not grow with thousands of
 * requirements beyond one pass over the model's compact entries; a
 * crowded cell lists the rest in a popover built when asked for.
 *
 * A card moved with the keyboard keeps the focus: its id is remembered
 * across the refill that the move causes, the card is shown in its new
 * cell even when that cell is crowded, and it takes the focus again.
 */

#include <glib/gi18n.h>

#include "crm-priority-matrix.h"
#include "crm-requirement-store-scores.h"
#include "crm-window.h"

/* Cards shown per cell before "+N more". */
#define CARDS_PER_CELL 3
#define CARDS_PER_LANE 12

struct _CrmPriorityMatrix
{
  GtkWidget         parent_instance;

  CrmPriorityModel *model;
  CrmPriorityView   view;
  GtkWidget        *grid;
  GPtrArray        *cells;    /* CrmPriorityCell, row by row */
  GPtrArray        *buckets;  /* GArray of model positions, one per cell */
  gint64            focus_id; /* the card to focus after the next refill */
  /* While a card is dragged its widget must live: a drop's refill waits
   * for the drag to end (a drag source unparented mid-drag never ends
   * its drag, and the pointer stays grabbed). */
  guint             dragging;
  gboolean          refill_pending;
  /* The toast of the last move while it shows (weak). Moves in quick
   * succession, as arrow keys make them, retitle it instead of replacing
   * it: libadwaita 1.2 crashed when toasts were dismissed and added again
   * faster than their animations ran. */
  AdwToast         *move_toast;
};

G_DEFINE_FINAL_TYPE (CrmPriorityMatrix, crm_priority_matrix, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_VIEW,
  N_PROPS
};

enum {
  OPEN_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *quadrant_classes[] = { "do-now", "plan", "standardise", "defer" };

/* Toasts ------------------------------------------------------------------ */

static void
move_toast_dismissed_cb (CrmPriorityMatrix *self,
                         AdwToast          *toast)
{
  if (self->move_toast == toast)
    g_clear_weak_pointer (&self->move_toast);
}

static void
show_toast (CrmPriorityMatrix *self,
            const char        *markup,
            gboolean           undo)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!CRM_IS_WINDOW (root))
    return;

  if (undo && self->move_toast != NULL)
    {
      adw_toast_set_title (self->move_toast, markup);
      return;
    }

  toast = adw_toast_new (markup);
  if (undo)
    {
      g_set_weak_pointer (&self->move_toast, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (move_toast_dismissed_cb),
                               self, G_CONNECT_SWAPPED);
      adw_toast_set_button_label (toast, _("Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      crm_window_add_undo_toast (CRM_WINDOW (root), toast);
    }
  else
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      crm_window_add_toast (CRM_WINDOW (root), toast);
    }
}

/* Moving ------------------------------------------------------------------ */

/**
 * crm_priority_matrix_move:
 * @id: a requirement
 * @row: the cell's row
 * @column: the cell's column
 *
 * Gives requirement @id the scores of a cell, as a drop does: one undoable
 * action, announced with a toast; an error (say, the requirement was
 * deleted meanwhile) is shown in a toast.
 *
 * Returns: %TRUE when the requirement is in that cell now
 */
gboolean
crm_priority_matrix_move (CrmPriorityMatrix *self,
                          gint64             id,
                          guint              row,
                          guint              column)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;
  guint position;
  const CrmPriorityEntry *entries;
  guint n_entries;
  char *title = NULL;

  g_return_val_if_fail (CRM_IS_PRIORITY_MATRIX (self), FALSE);

  if (self->model == NULL)
    return FALSE;

  entries = crm_priority_model_get_entries (self->model, &n_entries);
  position = crm_priority_model_find (self->model, id);
  if (position != G_MAXUINT)
    title = g_strdup (entries[position].title);

  if (!crm_requirement_store_move_to_cell (crm_priority_model_get_store (self->model),
                                           id, self->view, row, column, &error))
    {
      g_autofree char *escaped_error = g_markup_escape_text (error->message, -1);

      g_free (title);
      show_toast (self, escaped_error, FALSE);
      return FALSE;
    }

  cell = crm_priority_dup_cell_label (self->view, row, column);
  escaped = g_markup_escape_text (title != NULL ? title : "", -1);
  g_free (title);
  /* Translators: a toast after a card moved on the priority matrix; the
   * first %s is its title, the second the cell, e.g. "Importance 5,
   * Urgency 4". */
  message = g_strdup_printf (_("Moved “%s” to %s"), escaped, cell);
  show_toast (self, message, TRUE);

  return TRUE;
}

static gboolean
cell_of_id (CrmPriorityMatrix *self,
            gint64             id,
            guint             *row,
            guint             *column)
{
  guint n_entries;
  const CrmPriorityEntry *entries = crm_priority_model_get_entries (self->model, &n_entries);
  guint position = crm_priority_model_find (self->model, id);

  if (position == G_MAXUINT)
    return FALSE;

  return crm_priority_cell_of (self->view, &entries[position].scores, row, column);
}

static void
chip_move_requested_cb (CrmPriorityChip   *chip,
                        int                rows,
                        int                columns,
                        CrmPriorityMatrix *self)
{
  gint64 id = crm_priority_chip_get_id (chip);
  guint row, column;
  int target_row, target_column;

  if (self->model == NULL || !cell_of_id (self, id, &row, &column))
    return;

  target_row = (int)row + rows;
  target_column = (int)column + columns;
  if (target_row < 0 || target_row >= (int)crm_priority_view_get_n_rows (self->view) ||
      target_column < 0 || target_column >= (int)crm_priority_view_get_n_columns (self->view))
    {
      gtk_widget_error_bell (GTK_WIDGET (chip));
      return;
    }

  self->focus_id = id;
  crm_priority_matrix_move (self, id, target_row, target_column);
  crm_priority_matrix_focus (self, id);
}

static void
chip_open_requested_cb (CrmPriorityChip   *chip,
                        CrmPriorityMatrix *self)
{
  g_signal_emit (self, signals[OPEN_REQUESTED], 0, crm_priority_chip_get_id (chip));
}

static void refill (CrmPriorityMatrix *self);

static gboolean
refill_after_drag_cb (gpointer data)
{
  CrmPriorityMatrix *self = data;

  if (self->dragging == 0 && self->refill_pending)
    refill (self);

  return G_SOURCE_REMOVE;
}

static void
chip_dragging_cb (CrmPriorityChip   *chip,
                  gboolean           dragging,
                  CrmPriorityMatrix *self)
{
  if (dragging)
    {
      self->dragging++;
      return;
    }

  g_return_if_fail (self->dragging > 0);
  self->dragging--;
  /* Not from inside the card's own drag-end handler. */
  if (self->dragging == 0 && self->refill_pending)
    g_idle_add_full (G_PRIORITY_DEFAULT, refill_after_drag_cb, g_object_ref (self), g_object_unref);
}

static void
cell_chip_added_cb (CrmPriorityCell   *cell,
                    CrmPriorityChip   *chip,
                    CrmPriorityMatrix *self)
{
  g_signal_connect_object (chip, "dragging", G_CALLBACK (chip_dragging_cb), self, 0);
  g_signal_connect_object (chip, "move-requested", G_CALLBACK (chip_move_requested_cb), self, 0);
  g_signal_connect_object (chip, "open-requested", G_CALLBACK (chip_open_requested_cb), self, 0);
}

static void
cell_dropped_cb (CrmPriorityCell   *cell,
                 gint64             id,
                 CrmPriorityMatrix *self)
{
  crm_priority_matrix_move (self, id, crm_priority_cell_get_row (cell), crm_priority_cell_get_column (cell));
}

static void
cell_expand_requested_cb (CrmPriorityCell   *cell,
                          CrmPriorityMatrix *self)
{
  guint n_columns = crm_priority_view_get_n_columns (self->view);
  guint index = crm_priority_cell_get_row (cell) * n_columns + crm_priority_cell_get_column (cell);
  GArray *bucket;
  g_autoptr(GListStore) store = g_list_store_new (CRM_TYPE_REQUIREMENT);

  if (self->model == NULL || index >= self->buckets->len)
    return;

  bucket = g_ptr_array_index (self->buckets, index);
  for (guint i = 0; i < bucket->len; i++)
    {
      g_autoptr(CrmRequirement) requirement = g_list_model_get_item (G_LIST_MODEL (self->model),
                                                                     g_array_index (bucket, guint, i));

      g_list_store_append (store, requirement);
    }

  crm_priority_cell_show_all (cell, G_LIST_MODEL (store));
}

/* Filling ----------------------------------------------------------------- */

/**
 * crm_priority_matrix_focus:
 *
 * Gives the keyboard focus to the card of requirement @id.
 *
 * Returns: %TRUE when its card is shown and took the focus
 */
gboolean
crm_priority_matrix_focus (CrmPriorityMatrix *self,
                           gint64             id)
{
  guint row, column;
  CrmPriorityChip *chip;

  g_return_val_if_fail (CRM_IS_PRIORITY_MATRIX (self), FALSE);

  if (self->model == NULL || !cell_of_id (self, id, &row, &column))
    return FALSE;

  chip = crm_priority_cell_find_chip (crm_priority_matrix_get_cell (self, row, column), id);

  return chip != NULL && gtk_widget_grab_focus (GTK_WIDGET (chip));
}

static void
refill (CrmPriorityMatrix *self)
{
  guint n_entries = 0;
  const CrmPriorityEntry *entries = NULL;
  guint per_cell = self->view == CRM_PRIORITY_VIEW_MOSCOW ? CARDS_PER_LANE : CARDS_PER_CELL;
  CrmPriorityCell *fallback_cell = NULL;

  if (self->dragging > 0)
    {
      self->refill_pending = TRUE;
      return;
    }
  self->refill_pending = FALSE;

  /* A card with the focus is about to go: its requirement's new card
   * takes the focus after the refill, or, if it left the matrix, its old
   * cell's first card. Otherwise the window's focus would point at a
   * destroyed card, and the next key press was lost. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
      {
        GtkWidget *chip = CRM_IS_PRIORITY_CHIP (focus) ? focus
                          : gtk_widget_get_ancestor (focus, CRM_TYPE_PRIORITY_CHIP);
        GtkWidget *cell = gtk_widget_get_ancestor (focus, CRM_TYPE_PRIORITY_CELL);

        if (chip != NULL && self->focus_id == 0)
          self->focus_id = crm_priority_chip_get_id (CRM_PRIORITY_CHIP (chip));
        fallback_cell = cell != NULL ? CRM_PRIORITY_CELL (cell) : NULL;
      }
  }

  if (self->model != NULL)
    entries = crm_priority_model_get_entries (self->model, &n_entries);

  for (guint i = 0; i < self->buckets->len; i++)
    g_array_set_size (g_ptr_array_index (self->buckets, i), 0);

  for (guint i = 0; i < n_entries; i++)
    {
      guint row, column;

      if (crm_priority_cell_of (self->view, &entries[i].scores, &row, &column))
        g_array_append_val (g_ptr_array_index (self->buckets,
                                               row * crm_priority_view_get_n_columns (self->view) + column),
                            i);
    }

  for (guint c = 0; c < self->cells->len; c++)
    {
      CrmPriorityCell *cell = g_ptr_array_index (self->cells, c);
      GArray *bucket = g_ptr_array_index (self->buckets, c);
      guint shown = MIN (bucket->len, per_cell);

      crm_priority_cell_clear (cell);
      for (guint i = 0; i < shown; i++)
        {
          guint position = g_array_index (bucket, guint, i);
          g_autoptr(CrmRequirement) requirement = NULL;

          /* A card moved by keyboard into a crowded cell stays in sight:
           * it takes the last place shown. */
          if (i == shown - 1 && self->focus_id != 0)
            {
              for (guint j = shown; j < bucket->len; j++)
                if (entries[g_array_index (bucket, guint, j)].id == self->focus_id)
                  position = g_array_index (bucket, guint, j);
            }

          requirement = g_list_model_get_item (G_LIST_MODEL (self->model), position);
          crm_priority_cell_add_chip (cell, requirement);
        }
      crm_priority_cell_set_count (cell, bucket->len);
    }

  if (self->focus_id != 0 && crm_priority_matrix_focus (self, self->focus_id))
    self->focus_id = 0;
  else if (fallback_cell != NULL)
    {
      GtkWidget *first = crm_priority_cell_get_first_chip (fallback_cell);

      self->focus_id = 0;
      gtk_widget_grab_focus (first != NULL ? first : GTK_WIDGET (self));
    }
}

static void
model_items_changed_cb (CrmPriorityMatrix *self)
{
  refill (self);
}

/* Building ---------------------------------------------------------------- */

static GtkWidget *
heading_label (const char *text,
               const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_widget_add_css_class (label, style);

  return label;
}

/* The quadrant view's headings between its rows: the names and actions of
 * the two quadrants below. */
static void
attach_quadrant_headings (CrmPriorityMatrix *self,
                          int                grid_row,
                          gboolean           important)
{
  guint split = CRM_PRIORITY_SCALE - CRM_QUADRANT_THRESHOLD + 1;

  for (int urgent = 1; urgent >= 0; urgent--)
    {
      CrmQuadrant quadrant = crm_quadrant_for (important ? CRM_PRIORITY_SCALE : 1,
                                               urgent ? CRM_PRIORITY_SCALE : 1);
      GtkWidget *label = heading_label (crm_quadrant_get_heading (quadrant), "quadrant-heading");

      gtk_widget_add_css_class (label, "quadrant-badge");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, quadrant_classes[quadrant]);
      gtk_grid_attach (GTK_GRID (self->grid), label,
                       urgent ? 1 : 1 + split, grid_row,
                       urgent ? split : CRM_PRIORITY_SCALE - split, 1);
    }
}

static void
rebuild (CrmPriorityMatrix *self)
{
  guint n_rows = crm_priority_view_get_n_rows (self->view);
  guint n_columns = crm_priority_view_get_n_columns (self->view);
  guint split = CRM_PRIORITY_SCALE - CRM_QUADRANT_THRESHOLD + 1;
  gboolean quadrants = self->view == CRM_PRIORITY_VIEW_QUADRANT;
  int grid_row = 1;

  g_clear_pointer (&self->grid, gtk_widget_unparent);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->buckets, 0);
  /* The cards go with the grid, and so do their drags. */
  self->dragging = 0;

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), FALSE);
  gtk_widget_add_css_class (self->grid, "priority-matrix");
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *text = crm_priority_dup_column_label (self->view, column);

      gtk_grid_attach (GTK_GRID (self->grid), heading_label (text, "axis-heading"), column + 1, 0, 1, 1);
    }

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *text = crm_priority_dup_row_label (self->view, row);

      if (quadrants && (row == 0 || row == split))
        attach_quadrant_headings (self, grid_row++, row == 0);

      if (text[0] != '\0')
        {
          GtkWidget *label = heading_label (text, "axis-heading");

          gtk_label_set_xalign (GTK_LABEL (label), 1);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
          gtk_label_set_width_chars (GTK_LABEL (label), 6);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
          gtk_grid_attach (GTK_GRID (self->grid), label, 0, grid_row, 1, 1);
        }

      for (guint column = 0; column < n_columns; column++)
        {
          GtkWidget *cell = crm_priority_cell_new (row, column);
          g_autofree char *label = crm_priority_dup_cell_label (self->view, row, column);
          int quadrant = crm_priority_cell_quadrant (self->view, row, column);

          crm_priority_cell_set_label (CRM_PRIORITY_CELL (cell), label);
          gtk_widget_set_hexpand (cell, TRUE);
          gtk_widget_set_vexpand (cell, TRUE);
          if (quadrant >= 0)
            gtk_widget_add_css_class (cell, quadrant_classes[quadrant]);
          g_signal_connect_object (cell, "chip-added", G_CALLBACK (cell_chip_added_cb), self, 0);
          g_signal_connect_object (cell, "requirement-dropped", G_CALLBACK (cell_dropped_cb), self, 0);
          g_signal_connect_object (cell, "expand-requested", G_CALLBACK (cell_expand_requested_cb), self, 0);
          gtk_grid_attach (GTK_GRID (self->grid), cell, column + 1, grid_row, 1, 1);
          g_ptr_array_add (self->cells, cell);
          g_ptr_array_add (self->buckets, g_array_new (FALSE, FALSE, sizeof (guint)));
        }
      grid_row++;
    }

  refill (self);
}

/* GObject ----------------------------------------------------------------- */

static void
crm_priority_matrix_dispose (GObject *object)
{
  CrmPriorityMatrix *self = (CrmPriorityMatrix *)object;

  g_clear_weak_pointer (&self->move_toast);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  if (self->cells != NULL)
    g_ptr_array_set_size (self->cells, 0);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (crm_priority_matrix_parent_class)->dispose (object);
}

static void
crm_priority_matrix_finalize (GObject *object)
{
  CrmPriorityMatrix *self = (CrmPriorityMatrix *)object;

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->buckets, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_priority_matrix_parent_class)->finalize (object);
}

static void
crm_priority_matrix_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmPriorityMatrix *self = CRM_PRIORITY_MATRIX (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_VIEW:
      g_value_set_int (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_priority_matrix_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrmPriorityMatrix *self = CRM_PRIORITY_MATRIX (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      crm_priority_matrix_set_model (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      crm_priority_matrix_set_view (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_priority_matrix_class_init (CrmPriorityMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_priority_matrix_dispose;
  object_class->finalize = crm_priority_matrix_finalize;
  object_class->get_property = crm_priority_matrix_get_property;
  object_class->set_property = crm_priority_matrix_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, CRM_TYPE_PRIORITY_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_int ("view", NULL, NULL, 0, CRM_PRIORITY_N_VIEWS - 1, CRM_PRIORITY_VIEW_QUADRANT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "prioritymatrix");
}

static void
crm_priority_matrix_init (CrmPriorityMatrix *self)
{
  self->cells = g_ptr_array_new ();
  self->buckets = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  self->view = CRM_PRIORITY_VIEW_QUADRANT;
  rebuild (self);
}

GtkWidget *
crm_priority_matrix_new (void)
{
  return g_object_new (CRM_TYPE_PRIORITY_MATRIX, NULL);
}

CrmPriorityModel *
crm_priority_matrix_get_model (CrmPriorityMatrix *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_MATRIX (self), NULL);

  return self->model;
}

void
crm_priority_matrix_set_model (CrmPriorityMatrix *self,
                               CrmPriorityModel  *model)
{
  g_return_if_fail (CRM_IS_PRIORITY_MATRIX (self));
  g_return_if_fail (model == NULL || CRM_IS_PRIORITY_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  refill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

CrmPriorityView
crm_priority_matrix_get_view (CrmPriorityMatrix *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_MATRIX (self), CRM_PRIORITY_VIEW_QUADRANT);

  return self->view;
}

void
crm_priority_matrix_set_view (CrmPriorityMatrix *self,
                              CrmPriorityView    view)
{
  g_return_if_fail (CRM_IS_PRIORITY_MATRIX (self));
  g_return_if_fail (view < CRM_PRIORITY_N_VIEWS);

  if (self->view == view)
    return;

  self->view = view;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/**
 * crm_priority_matrix_get_cell:
 *
 * Returns: (transfer none): the cell at (@row, @column) of the view
 */
CrmPriorityCell *
crm_priority_matrix_get_cell (CrmPriorityMatrix *self,
                              guint              row,
                              guint              column)
{
  guint n_columns;

  g_return_val_if_fail (CRM_IS_PRIORITY_MATRIX (self), NULL);

  n_columns = crm_priority_view_get_n_columns (self->view);
  g_return_val_if_fail (row < crm_priority_view_get_n_rows (self->view) && column < n_columns, NULL);

  return g_ptr_array_index (self->cells, row * n_columns + column);
}
