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

#include "crm-customer-types.h"
#include "crm-requirement-board.h"
#include "crm-requirement-card.h"
#include "crm-requirement-column.h"
#include "crm-requirement-editor.h"
#include "crm-requirement-merge-dialog.h"
#include "crm-window.h"

typedef enum
{
  LANES_NONE,
  LANES_TIER,
  LANES_OWNER,
} Lanes;

static const char *lanes_names[] = { "none", "tier", "owner" };

typedef struct
{
  GtkWidget            *box;
  CrmRequirementColumn *columns[CRM_REQUIREMENT_N_STATUSES];
} Lane;

typedef struct
{
  GtkWidget     *box;
  GtkLabel      *count;
  GtkSpinButton *limit;
} Header;

struct _CrmRequirementBoard
{
  AdwBin               parent_instance;

  CrmRequirementStore *store;
  CrmCustomerStore    *customer_store;
  GSettings           *settings;
  GPtrArray           *lanes;       /* Lane */
  Header               headers[CRM_REQUIREMENT_N_STATUSES];
  CrmRequirementCloseDialog *close_dialog;   /* weak */
  CrmRequirementMergeDialog *merge_dialog;   /* weak */

  /* Filters */
  GtkDropDown         *owner_dropdown;
  GtkDropDown         *tier_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *quadrant_dropdown;
  GtkEntry            *customer_entry;
  GStrv                owners;      /* what owner_dropdown lists after "Any" */

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  GtkDropDown         *lanes_dropdown;
  GtkWidget           *headers_box;
  GtkWidget           *lanes_box;
};

G_DEFINE_FINAL_TYPE (CrmRequirementBoard, crm_requirement_board, ADW_TYPE_BIN)

static void rebuild_lanes (CrmRequirementBoard *self);

static void
lane_free (Lane *lane)
{
  g_free (lane);
}

/* Counts and WIP limits ------------------------------------------------- */

guint
crm_requirement_board_get_count (CrmRequirementBoard  *self,
                                 CrmRequirementStatus  status)
{
  guint count = 0;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_BOARD (self), 0);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);

      count += g_list_model_get_n_items (G_LIST_MODEL (crm_requirement_column_get_list (lane->columns[status])));
    }

  return count;
}

static int
wip_limit (CrmRequirementBoard *self,
           guint                status)
{
  g_autoptr(GVariant) limits = g_settings_get_value (self->settings, "requirement-wip-limits");

  if (status >= g_variant_n_children (limits))
    return 0;

  return g_variant_get_int32 (g_variant_get_child_value (limits, status));
}

gboolean
crm_requirement_board_get_wip_exceeded (CrmRequirementBoard  *self,
                                        CrmRequirementStatus  status)
{
  int limit;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_BOARD (self), FALSE);

  limit = wip_limit (self, status);

  return limit > 0 && crm_requirement_board_get_count (self, status) > (guint)limit;
}

static void
update_headers (CrmRequirementBoard *self)
{
  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    {
      Header *header = &self->headers[status];
      guint count = crm_requirement_board_get_count (self, status);
      int limit = wip_limit (self, status);
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;

      text = limit > 0 ? g_strdup_printf ("%u / %d", count, limit) : g_strdup_printf ("%u", count);
      gtk_label_set_label (header->count, text);

      if (crm_requirement_board_get_wip_exceeded (self, status))
        {
          gtk_widget_add_css_class (header->box, "wip-exceeded");
          accessible = g_strdup_printf (_("%s: %u cards, over the limit of %d"),
                                        crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, status),
                                        count, limit);
        }
      else
        {
          gtk_widget_remove_css_class (header->box, "wip-exceeded");
          accessible = g_strdup_printf (ngettext ("%s: %u card", "%s: %u cards", count),
                                        crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, status),
                                        count);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (header->box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      if (gtk_spin_button_get_value_as_int (header->limit) != limit)
        gtk_spin_button_set_value (header->limit, limit);
    }
}

static void
limit_changed_cb (GtkSpinButton       *spin,
                  CrmRequirementBoard *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ai"));
  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    g_variant_builder_add (&builder, "i", gtk_spin_button_get_value_as_int (self->headers[status].limit));
  g_settings_set_value (self->settings, "requirement-wip-limits", g_variant_builder_end (&builder));
}

static void
build_headers (CrmRequirementBoard *self)
{
  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    {
      Header *header = &self->headers[status];
      GtkWidget *title = gtk_label_new (crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, status));
      GtkWidget *menu = gtk_menu_button_new ();
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *limit_label = gtk_label_new (_("Work-in-progress limit (0: none)"));

      header->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (header->box, "column-header");
      gtk_accessible_update_property (GTK_ACCESSIBLE (header->box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, status), -1);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_box_append (GTK_BOX (header->box), title);

      header->count = GTK_LABEL (gtk_label_new ("0"));
      gtk_widget_add_css_class (GTK_WIDGET (header->count), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (header->count), "dim-label");
      gtk_widget_set_hexpand (GTK_WIDGET (header->count), TRUE);
      gtk_label_set_xalign (header->count, 0);
      gtk_box_append (GTK_BOX (header->box), GTK_WIDGET (header->count));

      header->limit = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 9999, 1));
      gtk_accessible_update_relation (GTK_ACCESSIBLE (header->limit),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, limit_label, NULL, -1);
      g_signal_connect_object (header->limit, "value-changed", G_CALLBACK (limit_changed_cb), self, 0);
      gtk_box_append (GTK_BOX (popover_box), limit_label);
      gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (header->limit));
      gtk_popover_set_child (GTK_POPOVER (popover), popover_box);

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
      gtk_widget_add_css_class (menu, "flat");
      gtk_widget_set_tooltip_text (menu, _("Work-in-progress limit"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Work-in-progress limit"), -1);
      gtk_box_append (GTK_BOX (header->box), menu);

      gtk_box_append (GTK_BOX (self->headers_box), header->box);
    }
}

/* Filters --------------------------------------------------------------- */

static void
fill_filter (CrmRequirementBoard  *self,
             CrmRequirementFilter *filter)
{
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint n_owners = self->owners != NULL ? g_strv_length (self->owners) : 0;
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint quadrant = gtk_drop_down_get_selected (self->quadrant_dropdown);

  *filter = (CrmRequirementFilter) CRM_REQUIREMENT_FILTER_INIT;
  filter->search_text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter->customer_text = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));

  /* Row 0 of every dropdown is "Any". */
  if (owner > 0 && owner <= n_owners)
    filter->owner = self->owners[owner - 1];
  else if (owner == n_owners + 1)
    filter->owner = "";
  /* Tiers: Any, S, A, B, C, Ungraded. */
  if (tier > 0 && tier < 5)
    filter->tier = tier;
  else if (tier == 5)
    filter->tier = CRM_TIER_NONE;
  /* Categories: Any, then the enumeration from "Uncategorised". */
  if (category > 0 && category != GTK_INVALID_LIST_POSITION)
    filter->category = category - 1;
  if (quadrant > 0 && quadrant != GTK_INVALID_LIST_POSITION)
    filter->quadrant = quadrant - 1;
}

static void
apply_filters (CrmRequirementBoard *self)
{
  rebuild_lanes (self);
}

static void
filters_changed_cb (CrmRequirementBoard *self)
{
  apply_filters (self);
}

static GtkDropDown *
add_filter_row (CrmRequirementBoard *self,
                GtkGrid             *grid,
                int                  row,
                const char          *label,
                GtkStringList       *strings)
{
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (strings), NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, dropdown, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (filters_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return GTK_DROP_DOWN (dropdown);
}

static GtkStringList *
enum_strings (CrmRequirementEnum type)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, C_("filter", "Any"));
  for (guint i = 0; i < crm_requirement_enum_n_values (type); i++)
    gtk_string_list_append (strings, crm_requirement_enum_get_label (type, i));

  return strings;
}

static void
reload_owners (CrmRequirementBoard *self)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  guint n_old = self->owners != NULL ? g_strv_length (self->owners) : 0;
  g_autofree char *kept = selected > 0 && selected <= n_old ? g_strdup (self->owners[selected - 1]) : NULL;
  gboolean none = n_old > 0 && selected == n_old + 1;
  guint reselect = 0;

  g_clear_pointer (&self->owners, g_strfreev);
  if (self->store != NULL)
    self->owners = crm_requirement_store_list_owners (self->store);

  gtk_string_list_append (strings, C_("filter", "Any"));
  for (guint i = 0; self->owners != NULL && self->owners[i] != NULL; i++)
    gtk_string_list_append (strings, self->owners[i]);
  gtk_string_list_append (strings, _("No owner"));

  /* The owner chosen before stays chosen while it exists. */
  for (guint i = 0; self->owners != NULL && self->owners[i] != NULL; i++)
    if (g_strcmp0 (self->owners[i], kept) == 0)
      reselect = i + 1;
  if (none)
    reselect = (self->owners != NULL ? g_strv_length (self->owners) : 0) + 1;

  g_signal_handlers_block_by_func (self->owner_dropdown, filters_changed_cb, self);
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->owner_dropdown, reselect);
  g_signal_handlers_unblock_by_func (self->owner_dropdown, filters_changed_cb, self);
  g_object_unref (strings);
}

static void
build_filters (CrmRequirementBoard *self)
{
  GtkGrid *grid = GTK_GRID (gtk_popover_get_child (gtk_menu_button_get_popover (self->filter_button)));
  /* gtk_drop_down_new() takes these. */
  GtkStringList *owners = gtk_string_list_new (NULL);
  GtkStringList *tiers = gtk_string_list_new (NULL);
  GtkStringList *categories = enum_strings (CRM_REQUIREMENT_ENUM_CATEGORY);
  GtkStringList *quadrants = enum_strings (CRM_REQUIREMENT_ENUM_QUADRANT);
  GtkWidget *customer_label = gtk_label_new (_("Customer"));
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));

  gtk_string_list_append (tiers, C_("filter", "Any"));
  for (CrmTier tier = CRM_TIER_S; tier <= CRM_TIER_C; tier++)
    gtk_string_list_append (tiers, crm_tier_get_label (tier));
  gtk_string_list_append (tiers, _("Ungraded"));

  gtk_label_set_xalign (GTK_LABEL (customer_label), 0);
  self->customer_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->customer_entry, _("Part of the name"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->customer_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, customer_label, NULL, -1);
  g_signal_connect_object (self->customer_entry, "changed", G_CALLBACK (filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_grid_attach (grid, customer_label, 0, 0, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (self->customer_entry), 1, 0, 1, 1);

  self->owner_dropdown = add_filter_row (self, grid, 1, _("Owner"), owners);
  self->tier_dropdown = add_filter_row (self, grid, 2, _("Customer tier"), tiers);
  self->category_dropdown = add_filter_row (self, grid, 3, _("Category"), categories);
  self->quadrant_dropdown = add_filter_row (self, grid, 4, _("Quadrant"), quadrants);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "board.clear-filters");
  /* Owners come and go with edits: list them afresh when the filters open. */
  g_signal_connect_object (gtk_menu_button_get_popover (self->filter_button), "show",
                           G_CALLBACK (reload_owners), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (grid, clear, 1, 5, 1, 1);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  CrmRequirementBoard *self = CRM_REQUIREMENT_BOARD (widget);

  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->quadrant_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->customer_entry), "");
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
      g_autofree char *escaped_error = g_markup_escape_text (error->message, -1);

      if (CRM_IS_WINDOW (root))
        {
          toast = adw_toast_new (escaped_error);
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          crm_window_add_toast (CRM_WINDOW (root), toast);
        }
      else
        g_warning ("%s", error->message);
      return;
    }

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
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      if (!CRM_IS_WINDOW (root))
        {
          g_warning ("%s", error->message);
          return;
        }
      toast = adw_toast_new (escaped);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      crm_window_add_toast (CRM_WINDOW (root), toast);
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

/* Lanes ----------------------------------------------------------------- */

static void
list_n_items_cb (CrmRequirementBoard *self)
{
  update_headers (self);
}

static Lane *
add_lane (CrmRequirementBoard        *self,
          const char                 *title,
          const CrmRequirementFilter *filter,
          gboolean                    fill)
{
  Lane *lane = g_new0 (Lane, 1);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  lane->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_widget_set_vexpand (columns, fill);
  gtk_widget_set_vexpand (lane->box, fill);

  if (title != NULL)
    {
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (lane->box), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (lane->box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }

  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    {
      g_autoptr(CrmRequirementList) list = crm_requirement_list_new (self->store, status);
      GtkWidget *column;

      crm_requirement_list_set_filter (list, filter);
      column = crm_requirement_column_new (list);
      gtk_widget_set_size_request (column, 220, fill ? -1 : 260);
      gtk_widget_set_vexpand (column, fill);
      g_signal_connect_object (column, "move-requested", G_CALLBACK (column_move_requested_cb), self, 0);
      g_signal_connect_object (column, "edit-requested", G_CALLBACK (column_edit_requested_cb), self, 0);
      g_signal_connect_object (column, "merge-requested", G_CALLBACK (column_merge_requested_cb), self, 0);
      g_signal_connect_object (list, "notify::n-items", G_CALLBACK (list_n_items_cb), self, G_CONNECT_SWAPPED);
      lane->columns[status] = CRM_REQUIREMENT_COLUMN (column);
      gtk_box_append (GTK_BOX (columns), column);
    }

  gtk_box_append (GTK_BOX (lane->box), columns);
  gtk_box_append (GTK_BOX (self->lanes_box), lane->box);
  g_ptr_array_add (self->lanes, lane);

  return lane;
}

static void
rebuild_lanes (CrmRequirementBoard *self)
{
  CrmRequirementFilter filter;
  Lanes lanes = gtk_drop_down_get_selected (self->lanes_dropdown);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->lanes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->lanes_box), child);
  g_ptr_array_set_size (self->lanes, 0);

  if (self->store == NULL)
    {
      update_headers (self);
      return;
    }

  fill_filter (self, &filter);

  if (lanes == LANES_TIER)
    {
      int wanted = filter.tier;

      for (CrmTier tier = CRM_TIER_S; ; tier = tier == CRM_TIER_C ? CRM_TIER_NONE : tier + 1)
        {
          if (wanted < 0 || wanted == (int)tier)
            {
              g_autofree char *title = tier == CRM_TIER_NONE ? g_strdup (_("Ungraded"))
                /* Translators: a swimlane of customers of one tier; %s is S, A, B or C. */
                : g_strdup_printf (_("Tier %s"), crm_tier_get_label (tier));

              filter.tier = tier;
              add_lane (self, title, &filter, FALSE);
            }
          if (tier == CRM_TIER_NONE)
            break;
        }
    }
  else if (lanes == LANES_OWNER)
    {
      const char *wanted;

      if (self->owners == NULL)
        {
          reload_owners (self);
          fill_filter (self, &filter);
        }
      wanted = filter.owner;

      for (guint i = 0; self->owners != NULL && self->owners[i] != NULL; i++)
        {
          if (wanted != NULL && g_strcmp0 (wanted, self->owners[i]) != 0)
            continue;
          filter.owner = self->owners[i];
          add_lane (self, self->owners[i], &filter, FALSE);
        }
      if (wanted == NULL || wanted[0] == '\0')
        {
          filter.owner = "";
          add_lane (self, _("No owner"), &filter, FALSE);
        }
    }
  else
    {
      add_lane (self, NULL, &filter, TRUE);
    }

  update_headers (self);
}

static void
lanes_changed_cb (CrmRequirementBoard *self)
{
  g_settings_set_string (self->settings, "requirement-lanes",
                         lanes_names[MIN (gtk_drop_down_get_selected (self->lanes_dropdown), 2)]);
  rebuild_lanes (self);
}

static void
search_changed_cb (CrmRequirementBoard *self)
{
  apply_filters (self);
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
  g_clear_pointer (&self->owners, g_strfreev);

  G_OBJECT_CLASS (crm_requirement_board_parent_class)->finalize (object);
}

static void
crm_requirement_board_class_init (CrmRequirementBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_requirement_board_dispose;
  object_class->finalize = crm_requirement_board_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-requirement-board.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, lanes_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, headers_box);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementBoard, lanes_box);

  gtk_widget_class_install_action (widget_class, "board.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "board.clear-filters", NULL, clear_filters_action);
}

static void
crm_requirement_board_init (CrmRequirementBoard *self)
{
  g_autoptr(GtkStringList) lanes = gtk_string_list_new (NULL);
  g_autofree char *lanes_setting = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify)lane_free);
  self->settings = g_settings_new (APP_ID);

  gtk_string_list_append (lanes, _("No Lanes"));
  gtk_string_list_append (lanes, _("Lanes by Tier"));
  gtk_string_list_append (lanes, _("Lanes by Owner"));
  gtk_drop_down_set_model (self->lanes_dropdown, G_LIST_MODEL (lanes));
  lanes_setting = g_settings_get_string (self->settings, "requirement-lanes");
  for (guint i = 0; i < G_N_ELEMENTS (lanes_names); i++)
    if (g_str_equal (lanes_setting, lanes_names[i]))
      gtk_drop_down_set_selected (self->lanes_dropdown, i);

  build_headers (self);
  build_filters (self);

  g_signal_connect_object (self->lanes_dropdown, "notify::selected",
                           G_CALLBACK (lanes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::requirement-wip-limits",
                           G_CALLBACK (update_headers), self, G_CONNECT_SWAPPED);

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
  g_clear_pointer (&self->owners, g_strfreev);
  if (gtk_drop_down_get_selected (self->lanes_dropdown) == LANES_OWNER)
    reload_owners (self);
  rebuild_lanes (self);
}

void
crm_requirement_board_set_search_text (CrmRequirementBoard *self,
                                       const char          *text)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_BOARD (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  apply_filters (self);
}
