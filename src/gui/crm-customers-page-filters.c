/* crm-customers-page-filters.c — the filter drop-downs and what they select
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-customers-page-private.h"

/* The filter choices after "any" (position 0) in their drop-downs. */
static const int tier_values[] = {
  -1, CRM_TIER_S, CRM_TIER_A, CRM_TIER_B, CRM_TIER_C, CRM_TIER_NONE,
};
static const int type_values[] = {
  -1, CRM_CUSTOMER_TYPE_NEW, CRM_CUSTOMER_TYPE_RETURNING, CRM_CUSTOMER_TYPE_STRATEGIC,
};
static const int review_values[] = {
  -1, CRM_REVIEW_STATE_DRAFT, CRM_REVIEW_STATE_APPROVED,
};

/* Choices --------------------------------------------------------------- */

static void
crm_customers_page_set_dropdown_strings (CrmCustomersPage *self,
                                         GtkDropDown      *dropdown,
                                         GtkStringList    *strings,
                                         guint             selected)
{
  self->updating_filters++;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters--;
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

static gint64
selected_id_in (GtkDropDown *dropdown,
                GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

static void
crm_customers_page_rebuild_industries (CrmCustomersPage *self)
{
  gint64 current = selected_id_in (self->industry_dropdown, self->industry_ids);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 any = 0;
  guint position;

  g_array_set_size (self->industry_ids, 0);
  gtk_string_list_append (strings, _("All industries"));
  g_array_append_val (self->industry_ids, any);

  if (self->store != NULL)
    {
      GListModel *industries = crm_customer_store_list_industries (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
        {
          g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);
          gint64 id = crm_industry_get_id (industry);

          gtk_string_list_append (strings, crm_industry_get_name (industry));
          g_array_append_val (self->industry_ids, id);
        }
    }

  position = find_id (self->industry_ids, current);
  crm_customers_page_set_dropdown_strings (self, self->industry_dropdown, strings,
                                           position != G_MAXUINT ? position : 0);

  /* The industry filtered by is gone (an undone "add industry"). */
  if (position == G_MAXUINT)
    crm_customers_page_apply_filters (self);
}

static void
crm_customers_page_rebuild_tags (CrmCustomersPage *self)
{
  gint64 current = selected_id_in (self->tag_dropdown, self->tag_ids);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 any = 0;
  guint position;

  g_array_set_size (self->tag_ids, 0);
  gtk_string_list_append (strings, _("All tags"));
  g_array_append_val (self->tag_ids, any);

  if (self->store != NULL)
    {
      GListModel *tags = crm_customer_store_list_tags (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(CrmTag) tag = g_list_model_get_item (tags, i);
          g_autofree char *label = NULL;
          gint64 id = crm_tag_get_id (tag);

          /* Translators: a tag and how many customers carry it, such as “成本优化 (12)”. */
          label = g_strdup_printf (_("%s (%u)"), crm_tag_get_name (tag), crm_tag_get_n_customers (tag));
          gtk_string_list_append (strings, label);
          g_array_append_val (self->tag_ids, id);
        }
    }

  position = find_id (self->tag_ids, current);
  crm_customers_page_set_dropdown_strings (self, self->tag_dropdown, strings,
                                           position != G_MAXUINT ? position : 0);

  if (position == G_MAXUINT)
    crm_customers_page_apply_filters (self);
}

static void
crm_customers_page_rebuild_owners (CrmCustomersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  g_autofree char *current = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_auto(GStrv) owners = NULL;
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->owners->len)
    current = g_strdup (g_ptr_array_index (self->owners, selected));

  g_ptr_array_set_size (self->owners, 0);
  gtk_string_list_append (strings, _("All owners"));
  g_ptr_array_add (self->owners, NULL);

  if (self->store != NULL)
    owners = crm_customer_store_list_owners (self->store);

  for (guint i = 0; owners != NULL && owners[i] != NULL; i++)
    {
      if (g_strcmp0 (owners[i], current) == 0)
        position = self->owners->len;
      gtk_string_list_append (strings, owners[i]);
      g_ptr_array_add (self->owners, g_strdup (owners[i]));
    }

  crm_customers_page_set_dropdown_strings (self, self->owner_dropdown, strings, position);

  if (current != NULL && position == 0)
    crm_customers_page_apply_filters (self);
}

static void
crm_customers_page_fill_fixed_dropdowns (CrmCustomersPage *self)
{
  g_autoptr(GtkStringList) tiers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  gtk_string_list_append (tiers, _("All tiers"));
  for (guint i = 1; i < G_N_ELEMENTS (tier_values); i++)
    gtk_string_list_append (tiers, crm_tier_get_label (tier_values[i]));

  gtk_string_list_append (types, _("All types"));
  for (guint i = 1; i < G_N_ELEMENTS (type_values); i++)
    gtk_string_list_append (types, crm_customer_type_get_label (type_values[i]));

  /* Translators: the review filter: drafts and approved records alike. */
  gtk_string_list_append (states, _("Drafts and approved"));
  for (guint i = 1; i < G_N_ELEMENTS (review_values); i++)
    gtk_string_list_append (states, crm_review_state_get_label (review_values[i]));

  crm_customers_page_set_dropdown_strings (self, self->tier_dropdown, tiers, 0);
  crm_customers_page_set_dropdown_strings (self, self->type_dropdown, types, 0);
  crm_customers_page_set_dropdown_strings (self, self->review_dropdown, states, 0);
}

void
crm_customers_page_rebuild_filter_choices (CrmCustomersPage *self)
{
  crm_customers_page_rebuild_industries (self);
  crm_customers_page_rebuild_tags (self);
  crm_customers_page_rebuild_owners (self);
}

void
crm_customers_page_setup_filters (CrmCustomersPage *self)
{
  /* Long lists of industries, tags and owners can be searched. */
  {
    GtkDropDown *searchable[] = { self->industry_dropdown, self->tag_dropdown, self->owner_dropdown };

    for (guint i = 0; i < G_N_ELEMENTS (searchable); i++)
      {
        gtk_drop_down_set_expression (searchable[i],
                                      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
        gtk_drop_down_set_enable_search (searchable[i], TRUE);
      }
  }

  crm_customers_page_fill_fixed_dropdowns (self);
  crm_customers_page_rebuild_filter_choices (self);
}

/* Applying --------------------------------------------------------------- */

guint
crm_customers_page_count_filters (CrmCustomersPage *self)
{
  GtkDropDown *dropdowns[] = {
    self->industry_dropdown, self->tier_dropdown, self->type_dropdown,
    self->tag_dropdown, self->review_dropdown, self->owner_dropdown,
  };
  guint n_active = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      guint selected = gtk_drop_down_get_selected (dropdowns[i]);

      if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
        n_active++;
    }

  return n_active;
}

/* The filters hide in a popover: its button says when some are on. */
void
crm_customers_page_update_filter_button (CrmCustomersPage *self,
                                         guint             n_filters)
{
  if (n_filters > 0)
    {
      g_autofree char *tooltip = g_strdup_printf (ngettext ("Filters: %u active", "Filters: %u active", n_filters),
                                                  n_filters);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), tooltip);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filters"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
}

static int
value_at (const int   *values,
          guint        n_values,
          GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= n_values)
    return -1;

  return values[selected];
}

/* Sets only what changed: each property of the list that changes runs
 * its query again. */
void
crm_customers_page_apply_filters (CrmCustomersPage *self)
{
  guint owner_position = gtk_drop_down_get_selected (self->owner_dropdown);
  const char *owner = NULL;

  if (owner_position != GTK_INVALID_LIST_POSITION && owner_position < self->owners->len)
    owner = g_ptr_array_index (self->owners, owner_position);

  if (self->list != NULL)
    {
      crm_customers_page_begin_reload (self);
      g_object_set (self->list,
                    "industry-id", selected_id_in (self->industry_dropdown, self->industry_ids),
                    "tier", value_at (tier_values, G_N_ELEMENTS (tier_values), self->tier_dropdown),
                    "customer-type", value_at (type_values, G_N_ELEMENTS (type_values), self->type_dropdown),
                    "tag-id", selected_id_in (self->tag_dropdown, self->tag_ids),
                    "review-state", value_at (review_values, G_N_ELEMENTS (review_values), self->review_dropdown),
                    "owner", owner,
                    NULL);
      crm_customers_page_end_reload (self);
    }

  crm_customers_page_update_state (self);
}

void
crm_customers_page_filter_changed_cb (CrmCustomersPage *self,
                                      GParamSpec       *pspec,
                                      GtkDropDown      *dropdown)
{
  if (self->updating_filters > 0)
    return;

  crm_customers_page_apply_filters (self);
}

void
crm_customers_page_filter_popover_show_cb (CrmCustomersPage *self,
                                           GtkPopover       *popover)
{
  /* Owners are not a model of the store: read them when they are shown. */
  crm_customers_page_rebuild_owners (self);
}

void
crm_customers_page_clear_filters (CrmCustomersPage *self)
{
  GtkDropDown *dropdowns[] = {
    self->industry_dropdown, self->tier_dropdown, self->type_dropdown,
    self->tag_dropdown, self->review_dropdown, self->owner_dropdown,
  };

  self->updating_filters++;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    gtk_drop_down_set_selected (dropdowns[i], 0);
  self->updating_filters--;

  crm_customers_page_apply_filters (self);
}

void
crm_customers_page_industries_changed_cb (CrmCustomersPage *self,
                                          guint             position,
                                          guint             removed,
                                          guint             added,
                                          GListModel       *industries)
{
  crm_customers_page_rebuild_industries (self);
}

void
crm_customers_page_tags_changed_cb (CrmCustomersPage *self,
                                    guint             position,
                                    guint             removed,
                                    guint             added,
                                    GListModel       *tags)
{
  crm_customers_page_rebuild_tags (self);
}

