/* crm-requirement-board-layout.c — the board's headers, filters and lanes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What the board shows: one header per status with its count and WIP
 * limit, the filters, and the lanes of columns they make. Rebuilding the
 * lanes makes new lists and columns; each column reports to the board
 * (crm_requirement_board_connect_column()).
 */

#include <glib/gi18n.h>

#include "crm-customer-types.h"
#include "crm-requirement-board-private.h"

static const char *lanes_names[] = { "none", "tier", "owner" };

/* Counts and WIP limits ------------------------------------------------- */

/* Whether every list of @status holds all its cards, so that their
 * lengths add up to the column's count: a new list reads the rest of its
 * ids after the first frame (see crm_requirement_list_new_for_board ()). */
static gboolean
count_known (CrmRequirementBoard *self,
             guint                status)
{
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);

      if (!crm_requirement_list_is_complete (crm_requirement_column_get_list (lane->columns[status])))
        return FALSE;
    }

  return TRUE;
}

guint
crm_requirement_board_get_count (CrmRequirementBoard  *self,
                                 CrmRequirementStatus  status)
{
  guint count = 0;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_BOARD (self), 0);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);
      CrmRequirementList *list = crm_requirement_column_get_list (lane->columns[status]);

      crm_requirement_list_complete (list);
      count += g_list_model_get_n_items (G_LIST_MODEL (list));
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

void
crm_requirement_board_update_headers (CrmRequirementBoard *self)
{
  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    {
      Header *header = &self->headers[status];
      gboolean known = count_known (self, status);
      guint count = known ? crm_requirement_board_get_count (self, status) : 0;
      int limit = wip_limit (self, status);
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;

      /* A count not read yet is not shown rather than shown wrong. */
      if (!known)
        text = limit > 0 ? g_strdup_printf ("… / %d", limit) : g_strdup ("…");
      else if (limit > 0)
        text = g_strdup_printf ("%u / %d", count, limit);
      else
        text = g_strdup_printf ("%u", count);
      gtk_label_set_label (header->count, text);

      if (!known)
        {
          gtk_widget_remove_css_class (header->box, "wip-exceeded");
          accessible = g_strdup (crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, status));
        }
      else if (limit > 0 && count > (guint)limit)
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

void
crm_requirement_board_build_headers (CrmRequirementBoard *self)
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

/* The filters chosen, with the search text; the strings belong to the
 * filter box and the search entry. */
static void
fill_filter (CrmRequirementBoard  *self,
             CrmRequirementFilter *filter)
{
  CrmPriorityFilter chosen;

  crm_requirement_filter_box_get_filter (self->filter_box, &chosen);
  *filter = chosen.board;
  filter->search_text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
crm_requirement_board_filters_changed_cb (CrmRequirementBoard *self)
{
  crm_requirement_board_rebuild_lanes (self);
}

/* Lanes ----------------------------------------------------------------- */

static void
list_n_items_cb (CrmRequirementBoard *self)
{
  crm_requirement_board_update_headers (self);
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
      g_autoptr(CrmRequirementList) list = crm_requirement_list_new_for_board (self->store, status, filter);
      GtkWidget *column;

      column = crm_requirement_column_new (list);
      gtk_widget_set_size_request (column, 220, fill ? -1 : 260);
      gtk_widget_set_vexpand (column, fill);
      crm_requirement_board_connect_column (self, CRM_REQUIREMENT_COLUMN (column));
      g_signal_connect_object (list, "notify::n-items", G_CALLBACK (list_n_items_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (list, "notify::complete", G_CALLBACK (list_n_items_cb), self, G_CONNECT_SWAPPED);
      lane->columns[status] = CRM_REQUIREMENT_COLUMN (column);
      gtk_box_append (GTK_BOX (columns), column);
    }

  gtk_box_append (GTK_BOX (lane->box), columns);
  gtk_box_append (GTK_BOX (self->lanes_box), lane->box);
  g_ptr_array_add (self->lanes, lane);

  return lane;
}

void
crm_requirement_board_rebuild_lanes (CrmRequirementBoard *self)
{
  CrmRequirementFilter filter;
  Lanes lanes = gtk_drop_down_get_selected (self->lanes_dropdown);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->lanes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->lanes_box), child);
  g_ptr_array_set_size (self->lanes, 0);

  self->rebuild_pending = self->store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->rebuild_pending)
    return;

  if (self->store == NULL)
    {
      crm_requirement_board_update_headers (self);
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
      const char * const *owners = crm_requirement_filter_box_get_owners (self->filter_box);
      const char *wanted;

      /* Reading the owners may have changed what the owner filter's
       * choice stands for. */
      fill_filter (self, &filter);
      wanted = filter.owner;

      for (guint i = 0; owners != NULL && owners[i] != NULL; i++)
        {
          if (wanted != NULL && g_strcmp0 (wanted, owners[i]) != 0)
            continue;
          filter.owner = owners[i];
          add_lane (self, owners[i], &filter, FALSE);
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

  crm_requirement_board_update_narrow (self);
  crm_requirement_board_update_headers (self);
}

static void
lanes_changed_cb (CrmRequirementBoard *self)
{
  g_settings_set_string (self->settings, "requirement-lanes",
                         lanes_names[MIN (gtk_drop_down_get_selected (self->lanes_dropdown), 2)]);
  crm_requirement_board_rebuild_lanes (self);
}

static void
search_changed_cb (CrmRequirementBoard *self)
{
  crm_requirement_board_rebuild_lanes (self);
}

/**
 * crm_requirement_board_init_layout:
 *
 * Builds the headers, the filters and the lanes menu of a new board.
 */
void
crm_requirement_board_init_layout (CrmRequirementBoard *self)
{
  g_autoptr(GtkStringList) lanes = gtk_string_list_new (NULL);
  g_autofree char *lanes_setting = NULL;

  gtk_string_list_append (lanes, _("No Lanes"));
  gtk_string_list_append (lanes, _("Lanes by Tier"));
  gtk_string_list_append (lanes, _("Lanes by Owner"));
  gtk_drop_down_set_model (self->lanes_dropdown, G_LIST_MODEL (lanes));
  lanes_setting = g_settings_get_string (self->settings, "requirement-lanes");
  for (guint i = 0; i < G_N_ELEMENTS (lanes_names); i++)
    if (g_str_equal (lanes_setting, lanes_names[i]))
      gtk_drop_down_set_selected (self->lanes_dropdown, i);

  crm_requirement_board_build_headers (self);

  g_signal_connect_object (self->lanes_dropdown, "notify::selected",
                           G_CALLBACK (lanes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::requirement-wip-limits",
                           G_CALLBACK (crm_requirement_board_update_headers), self, G_CONNECT_SWAPPED);
}
