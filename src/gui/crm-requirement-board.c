/* crm-requirement-board.c — the kanban board of requirements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Four columns (待处理/处理中/已完成/已驳回), optionally split into
 * swimlanes by the main customer's tier or by owner: each lane × status
 * cell is a CrmRequirementColumn over its own lazy CrmRequirementList, so
 * only the cards on screen are loaded. One header per status above the
 * lanes shows the total and turns red past the column's WIP limit.
 *
 * Every move ends here: columns only report what the user asked for. A
 * move to Done or Rejected first asks (CrmRequirementCloseDialog);
 * cancelling leaves the card where it was, since nothing moved yet. Each
 * committed move is one undoable action with an Undo toast.
 */

#include <glib/gi18n.h>

#include "crm-requirement-board-private.h"
#include "crm-requirement-card.h"
#include "crm-requirement-column.h"
#include "crm-requirement-editor.h"
#include "crm-requirement-merge-dialog.h"
#include "crm-window.h"

G_DEFINE_FINAL_TYPE (CrmRequirementBoard, crm_requirement_board, ADW_TYPE_BIN)

static void
lane_free (Lane *lane)
{
  g_free (lane);
}

/* Moves ----------------------------------------------------------------- */

static Lane *
lane_of_column (CrmRequirementBoard  *self,
                CrmRequirementColumn *column)
{
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);

      for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
        if (lane->columns[status] == column)
          return lane;
    }

  return self->lanes->len > 0 ? g_ptr_array_index (self->lanes, 0) : NULL;
}

static void
focus_card (CrmRequirementBoard *self,
            gint64               id,
            CrmRequirementStatus status)
{
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);

      if (crm_requirement_column_focus_requirement (lane->columns[status], id))
        return;
    }
}

/* Says why nothing happened, at once, over any older toast. */
static void
show_error (CrmRequirementBoard *self,
            const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast;

  if (!CRM_IS_WINDOW (root))
    {
      g_warning ("%s", error->message);
      return;
    }

  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  crm_window_add_toast (CRM_WINDOW (root), toast);
}

static void
commit_move (CrmRequirementBoard          *self,
             gint64                        id,
             const char                   *title,
             CrmRequirementStatus          status,
             gint64                        before_id,
             const CrmRequirementClosure  *closure)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!crm_requirement_store_move (self->store, id, status, before_id, closure, &error))
    {
      show_error (self, error);
      return;
    }

  crm_requirement_board_follow_status (self, status);
  focus_card (self, id, status);

  if (!CRM_IS_WINDOW (root))
    return;

  /* Translators: a toast after a card moved; %s is its title, then a column name. */
  message = g_strdup_printf (_("Moved “%s” to %s"), escaped,
                             crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, status));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  crm_window_add_undo_toast (CRM_WINDOW (root), toast);
}

typedef struct
{
  gint64                id;
  char                 *title;
  CrmRequirementStatus  status;
  gint64                before_id;
} PendingMove;

static void
pending_move_free (PendingMove *move)
{
  g_free (move->title);
  g_free (move);
}

static void
close_dialog_response_cb (CrmRequirementCloseDialog *dialog,
                          const char                *response,
                          CrmRequirementBoard       *self)
{
  PendingMove *move = g_object_get_data (G_OBJECT (dialog), "crm-pending-move");
  g_autofree char *resolution = NULL;
  CrmRequirementClosure closure;

  /* Cancelling leaves the card where it was: nothing moved yet. */
  if (move == NULL || g_strcmp0 (response, "close") != 0)
    return;

  resolution = crm_requirement_close_dialog_dup_resolution (dialog);
  closure.resolution = resolution;
  closure.satisfaction = crm_requirement_close_dialog_get_satisfaction (dialog);
  commit_move (self, move->id, move->title, move->status, move->before_id, &closure);
}

/**
 * crm_requirement_board_request_move:
 * @requirement: the card to move
 * @status: the column to move it to
 * @before_id: the card to place it before, 0 for the end,
 *   CRM_REQUIREMENT_COLUMN_TOP for the top
 *
 * Moves the card, asking first for a resolution and satisfaction (Done)
 * or a reason (Rejected) when it enters one of those columns.
 */
void
crm_requirement_board_request_move (CrmRequirementBoard  *self,
                                    CrmRequirement       *requirement,
                                    CrmRequirementStatus  status,
                                    gint64                before_id)
{
  gint64 id;

  g_return_if_fail (CRM_IS_REQUIREMENT_BOARD (self));
  g_return_if_fail (CRM_IS_REQUIREMENT (requirement));

  if (self->store == NULL)
    return;

  id = crm_requirement_get_id (requirement);

  if (before_id == CRM_REQUIREMENT_COLUMN_TOP)
    {
      Lane *lane = self->lanes->len > 0 ? g_ptr_array_index (self->lanes, 0) : NULL;
      CrmRequirementList *list;

      /* The top of the target column in the card's own lane. */
      for (guint i = 0; i < self->lanes->len; i++)
        {
          Lane *candidate = g_ptr_array_index (self->lanes, i);
          CrmRequirementList *own = crm_requirement_column_get_list (candidate->columns[crm_requirement_get_status (requirement)]);

          if (crm_requirement_list_find (own, id) != G_MAXUINT)
            lane = candidate;
        }
      list = lane != NULL ? crm_requirement_column_get_list (lane->columns[status]) : NULL;
      before_id = list != NULL && g_list_model_get_n_items (G_LIST_MODEL (list)) > 0
                  ? crm_requirement_list_get_id (list, 0) : 0;
      if (before_id == id)
        before_id = 0;
    }

  if (status != crm_requirement_get_status (requirement) &&
      (status == CRM_REQUIREMENT_STATUS_DONE || status == CRM_REQUIREMENT_STATUS_REJECTED))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = crm_requirement_close_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                            requirement, status);
      PendingMove *move = g_new0 (PendingMove, 1);

      move->id = id;
      move->title = g_strdup (crm_requirement_get_title (requirement));
      move->status = status;
      move->before_id = before_id;
      g_object_set_data_full (G_OBJECT (dialog), "crm-pending-move", move,
                              (GDestroyNotify)pending_move_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_dialog_response_cb), self, 0);
      g_set_weak_pointer (&self->close_dialog, CRM_REQUIREMENT_CLOSE_DIALOG (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  commit_move (self, id, crm_requirement_get_title (requirement), status, before_id, NULL);
}

/**
 * crm_requirement_board_get_close_dialog:
 *
 * Returns: (transfer none) (nullable): the Done or Rejected question on
 *   screen, if any
 */
CrmRequirementCloseDialog *
crm_requirement_board_get_close_dialog (CrmRequirementBoard *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_BOARD (self), NULL);

  return self->close_dialog;
}

static void
column_move_requested_cb (CrmRequirementColumn *column,
                          CrmRequirement       *requirement,
                          int                   status,
                          gint64                before_id,
                          CrmRequirementBoard  *self)
{
  lane_of_column (self, column);
  crm_requirement_board_request_move (self, requirement, status, before_id);
}

static void
open_editor (CrmRequirementBoard *self,
             CrmRequirement      *requirement)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  if (self->store == NULL)
    return;

  editor = crm_requirement_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, self->customer_store, requirement, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
column_edit_requested_cb (CrmRequirementColumn *column,
                          CrmRequirement       *requirement,
                          CrmRequirementBoard  *self)
{
  open_editor (self, requirement);
}

static void
merge_dialog_response_cb (CrmRequirementMergeDialog *dialog,
                          const char                *response,
                          CrmRequirementBoard       *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  gint64 survivor = crm_requirement_merge_dialog_get_survivor_id (dialog);
  AdwToast *toast;

  if (g_strcmp0 (response, "merge") != 0 || survivor <= 0)
    return;

  if (!crm_requirement_store_merge (self->store, survivor,
                                    crm_requirement_merge_dialog_get_duplicate_id (dialog), &error))
    {
      show_error (self, error);
      return;
    }

  if (!CRM_IS_WINDOW (root))
    return;

  toast = adw_toast_new (_("Requirements merged"));
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  crm_window_add_undo_toast (CRM_WINDOW (root), toast);
}

/**
 * crm_requirement_board_request_merge:
 * @requirement: the duplicate
 *
 * Asks which requirement @requirement is a duplicate of, and merges it
 * into that one.
 */
void
crm_requirement_board_request_merge (CrmRequirementBoard *self,
                                     CrmRequirement      *requirement)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (CRM_IS_REQUIREMENT_BOARD (self));
  g_return_if_fail (CRM_IS_REQUIREMENT (requirement));

  if (self->store == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = crm_requirement_merge_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->store, requirement);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_dialog_response_cb), self, 0);
  g_set_weak_pointer (&self->merge_dialog, CRM_REQUIREMENT_MERGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * crm_requirement_board_get_merge_dialog:
 *
 * Returns: (transfer none) (nullable): the merge question on screen, if any
 */
CrmRequirementMergeDialog *
crm_requirement_board_get_merge_dialog (CrmRequirementBoard *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_BOARD (self), NULL);

  return self->merge_dialog;
}

static void
column_merge_requested_cb (CrmRequirementColumn *column,
                           CrmRequirement       *requirement,
                           CrmRequirementBoard  *self)
{
  crm_requirement_board_request_merge (self, requirement);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_editor (CRM_REQUIREMENT_BOARD (widget), NULL);
}

/**
 * crm_requirement_board_connect_column:
 *
 * Routes a new column's requests to the board (see crm-requirement-board-layout.c).
 */
void
crm_requirement_board_connect_column (CrmRequirementBoard  *self,
                                      CrmRequirementColumn *column)
{
  g_signal_connect_object (column, "move-requested", G_CALLBACK (column_move_requested_cb), self, 0);
  g_signal_connect_object (column, "edit-requested", G_CALLBACK (column_edit_requested_cb), self, 0);
  g_signal_connect_object (column, "merge-requested", G_CALLBACK (column_merge_requested_cb), self, 0);
}

/* GObject --------------------------------------------------------------- */

static void
crm_requirement_board_dispose (GObject *object)
{
  CrmRequirementBoard *self = (CrmRequirementBoard *)object;

  g_clear_weak_pointer (&self->close_dialog);
  g_clear_weak_pointer (&self->merge_dialog);
  if (self->lanes != NULL)
    g_ptr_array_set_size (self->lanes, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REQUIREMENT_BOARD);
  g_clear_object (&self->store);
  g_clear_object (&self->customer_store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crm_requirement_board_parent_class)->dispose (object);
}

static void
crm_requirement_board_finalize (GObject *object)
{
  CrmRequirementBoard *self = (CrmRequirementBoard *)object;

  g_clear_pointer (&self->lanes, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_requirement_board_parent_class)->finalize (object);
}

static void
crm_requirement_board_map (GtkWidget *widget)
{
  CrmRequirementBoard *self = CRM_REQUIREMENT_BOARD (widget);

  GTK_WIDGET_CLASS (crm_requirement_board_parent_class)->map (widget);

  if (self->rebuild_pending)
    crm_requirement_board_rebuild_lanes (self);
}

static void
crm_requirement_board_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (crm_requirement_board_parent_class)->realize (widget);

  crm_requirement_board_watch_layout (CRM_REQUIREMENT_BOARD (widget));
}

static void
crm_requirement_board_unrealize (GtkWidget *widget)
{
  crm_requirement_board_unwatch_layout (CRM_REQUIREMENT_BOARD (widget));

  GTK_WIDGET_CLASS (crm_requirement_board_parent_class)->unrealize (widget);
}

static void
crm_requirement_board_class_init (CrmRequirementBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_requirement_board_dispose;
  object_class->finalize = crm_requirement_board_finalize;
  widget_class->map = crm_requirement_board_map;
  widget_class->realize = crm_requirement_board_realize;
  widget_class->unrealize = crm_requirement_board_unrealize;

  g_type_ensure (CRM_TYPE_REQUIREMENT_FILTER_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-requirement-board.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, filter_box);
  gtk_widget_class_bind_template_callback (widget_class, crm_requirement_board_filters_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, lanes_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, status_switcher);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, headers_box);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, lanes_box);

  gtk_widget_class_install_action (widget_class, "board.new", NULL, new_action);
}

static void
crm_requirement_board_init (CrmRequirementBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify)lane_free);
  self->settings = g_settings_new (APP_ID);

  crm_requirement_board_init_layout (self);
  crm_requirement_board_init_narrow (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.new", FALSE);
}

GtkWidget *
crm_requirement_board_new (void)
{
  return g_object_new (CRM_TYPE_REQUIREMENT_BOARD, NULL);
}

CrmRequirementStore *
crm_requirement_board_get_store (CrmRequirementBoard *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_BOARD (self), NULL);

  return self->store;
}

/**
 * crm_requirement_board_set_stores:
 * @store: (nullable): the requirements to show
 * @customer_store: (nullable): the customers, for the editor
 */
void
crm_requirement_board_set_stores (CrmRequirementBoard *self,
                                  CrmRequirementStore *store,
                                  CrmCustomerStore    *customer_store)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_BOARD (self));

  g_set_object (&self->customer_store, customer_store);
  if (!g_set_object (&self->store, store))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.new", store != NULL);
  /* The owners are read when the filters open or lanes need them, not
   * before the first frame. */
  crm_requirement_filter_box_set_store (self->filter_box, store);
  crm_requirement_board_rebuild_lanes (self);
}

void
crm_requirement_board_set_search_text (CrmRequirementBoard *self,
                                       const char          *text)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_BOARD (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  crm_requirement_board_rebuild_lanes (self);
}
