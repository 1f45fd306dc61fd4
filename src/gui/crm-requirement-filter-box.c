/* crm-requirement-filter-box.c — the requirement filters, as one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The filters of the Priorities page and of the board; the board hides
 * the Kano and status rows (its columns are the statuses) and names its
 * owner swimlanes after crm_requirement_filter_box_get_owners().
 *
 * The owners are read when the box is shown (it lives in a popover) or
 * when someone asks for them, not when the store is set: the board and
 * the Priorities page build their first frame without that query.
 */

#include <glib/gi18n.h>

#include "crm-customer-types.h"
#include "crm-requirement-filter-box.h"

/* The status choices after "Open" (the default) and "All". */
#define STATUS_OPEN 0
#define STATUS_ALL 1

struct _CrmRequirementFilterBox
{
  GtkWidget            parent_instance;

  CrmRequirementStore *store;
  GStrv                owners;   /* what owner_dropdown lists after "Any" */
  gboolean             owners_stale;
  guint                updating;
  gboolean             show_status_and_kano;

  /* Template widgets */
  GtkWidget           *grid;
  GtkEntry            *customer_entry;

  GtkDropDown         *owner_dropdown;
  GtkDropDown         *tier_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *quadrant_dropdown;
  GtkDropDown         *kano_dropdown;
  GtkDropDown         *status_dropdown;
};

G_DEFINE_FINAL_TYPE (CrmRequirementFilterBox, crm_requirement_filter_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_STATUS_AND_KANO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The grid rows of the filters. */
enum {
  ROW_CUSTOMER,
  ROW_OWNER,
  ROW_TIER,
  ROW_CATEGORY,
  ROW_QUADRANT,
  ROW_KANO,
  ROW_STATUS,
};

static void
crm_requirement_filter_box_changed_cb (CrmRequirementFilterBox *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* A drop-down of "Any" and then @type's labels, from its NONE value on. */
static GtkStringList *
enum_choices (CrmRequirementEnum type)
{
  GtkStringList *strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, C_("filter", "Any"));
  for (guint i = 0; i < crm_requirement_enum_n_values (type); i++)
    gtk_string_list_append (strings, crm_requirement_enum_get_label (type, i));

  return strings;
}

static GtkDropDown *
attach_choice (CrmRequirementFilterBox *self,
               int                      row,
               const char              *title,
               GtkStringList           *choices)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (choices), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (self->grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), dropdown, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  g_signal_connect_object (dropdown, "notify::selected",
                           G_CALLBACK (crm_requirement_filter_box_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_DROP_DOWN (dropdown);
}

static void
reload_owners (CrmRequirementFilterBox *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  g_autofree char *current = NULL;
  guint n_old = self->owners != NULL ? g_strv_length (self->owners) : 0;
  guint keep = 0;

  if (selected > 0 && selected <= n_old)
    current = g_strdup (self->owners[selected - 1]);

  g_clear_pointer (&self->owners, g_strfreev);
  if (self->store != NULL)
    self->owners = crm_requirement_store_list_owners (self->store);

  gtk_string_list_append (strings, C_("filter", "Any"));
  for (guint i = 0; self->owners != NULL && self->owners[i] != NULL; i++)
    {
      gtk_string_list_append (strings, self->owners[i]);
      if (g_strcmp0 (current, self->owners[i]) == 0)
        keep = i + 1;
    }
  gtk_string_list_append (strings, _("No owner"));
  if (selected == n_old + 1)
    keep = g_list_model_get_n_items (G_LIST_MODEL (strings)) - 1;

  /* The owner chosen stays chosen while the list changes around it. */
  self->updating++;
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->owner_dropdown, keep);
  self->updating--;
  self->owners_stale = FALSE;
}

static void
store_changed_cb (CrmRequirementFilterBox *self)
{
  /* A hidden box reads them when it shows. */
  self->owners_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_owners (self);
}

/**
 * crm_requirement_filter_box_get_owners:
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   owners the owner filter offers after "Any", read now if the store
 *   changed since they were last read
 */
const char * const *
crm_requirement_filter_box_get_owners (CrmRequirementFilterBox *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_FILTER_BOX (self), NULL);

  if (self->owners_stale)
    reload_owners (self);

  return (const char * const *)self->owners;
}

/**
 * crm_requirement_filter_box_get_filter:
 * @filter: (out caller-allocates): the filters chosen; its strings belong
 *   to the box and last until its next change
 */
void
crm_requirement_filter_box_get_filter (CrmRequirementFilterBox *self,
                                       CrmPriorityFilter       *filter)
{
  guint n_owners;
  guint owner, tier, category, quadrant, kano, status;

  g_return_if_fail (CRM_IS_REQUIREMENT_FILTER_BOX (self));

  *filter = (CrmPriorityFilter) CRM_PRIORITY_FILTER_INIT;
  n_owners = self->owners != NULL ? g_strv_length (self->owners) : 0;
  owner = gtk_drop_down_get_selected (self->owner_dropdown);
  tier = gtk_drop_down_get_selected (self->tier_dropdown);
  category = gtk_drop_down_get_selected (self->category_dropdown);
  quadrant = gtk_drop_down_get_selected (self->quadrant_dropdown);
  kano = gtk_drop_down_get_selected (self->kano_dropdown);
  status = gtk_drop_down_get_selected (self->status_dropdown);

  filter->board.customer_text = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));

  /* Position 0 of every drop-down is "Any". */
  if (owner > 0 && owner <= n_owners)
    filter->board.owner = self->owners[owner - 1];
  else if (owner == n_owners + 1)
    filter->board.owner = "";
  /* Tiers: Any, S, A, B, C, Ungraded. */
  if (tier >= CRM_TIER_S && tier <= CRM_TIER_C)
    filter->board.tier = tier;
  else if (tier == CRM_TIER_C + 1)
    filter->board.tier = CRM_TIER_NONE;
  if (category > 0 && category != GTK_INVALID_LIST_POSITION)
    filter->board.category = category - 1;
  if (quadrant > 0 && quadrant != GTK_INVALID_LIST_POSITION)
    filter->board.quadrant = quadrant - 1;
  if (kano > 0 && kano != GTK_INVALID_LIST_POSITION)
    filter->kano = kano - 1;
  /* Statuses: Open, All, then each one. */
  if (status == STATUS_ALL)
    filter->statuses = CRM_PRIORITY_ALL_STATUSES;
  else if (status > STATUS_ALL && status != GTK_INVALID_LIST_POSITION)
    filter->statuses = 1u << (status - 2);
}

/**
 * crm_requirement_filter_box_is_default:
 *
 * Returns: whether every filter shows its default (any, open
 *   requirements), for the filter button's look
 */
gboolean
crm_requirement_filter_box_is_default (CrmRequirementFilterBox *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_FILTER_BOX (self), TRUE);

  return gtk_drop_down_get_selected (self->owner_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->tier_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->category_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->quadrant_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->kano_dropdown) == 0 &&
         gtk_drop_down_get_selected (self->status_dropdown) == STATUS_OPEN &&
         gtk_entry_get_text_length (self->customer_entry) == 0;
}

/**
 * crm_requirement_filter_box_clear:
 *
 * Sets every filter back to its default, announcing one change.
 */
void
crm_requirement_filter_box_clear (CrmRequirementFilterBox *self)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_FILTER_BOX (self));

  self->updating++;
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->quadrant_dropdown, 0);
  gtk_drop_down_set_selected (self->kano_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, STATUS_OPEN);
  gtk_editable_set_text (GTK_EDITABLE (self->customer_entry), "");
  self->updating--;

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
crm_requirement_filter_box_map (GtkWidget *widget)
{
  CrmRequirementFilterBox *self = CRM_REQUIREMENT_FILTER_BOX (widget);

  /* Owners come and go with edits: the list is current when it shows. */
  if (self->owners_stale)
    reload_owners (self);

  GTK_WIDGET_CLASS (crm_requirement_filter_box_parent_class)->map (widget);
}

static void
set_row_visible (CrmRequirementFilterBox *self,
                 int                      row,
                 gboolean                 visible)
{
  for (int column = 0; column < 2; column++)
    gtk_widget_set_visible (gtk_grid_get_child_at (GTK_GRID (self->grid), column, row), visible);
}

/**
 * crm_requirement_filter_box_set_show_status_and_kano:
 * @show: whether the Kano class and status filters are offered; hidden,
 *   they are set back to their defaults (any class, open requirements)
 */
void
crm_requirement_filter_box_set_show_status_and_kano (CrmRequirementFilterBox *self,
                                                     gboolean                 show)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_FILTER_BOX (self));

  show = !!show;
  if (self->show_status_and_kano == show)
    return;

  self->show_status_and_kano = show;
  set_row_visible (self, ROW_KANO, show);
  set_row_visible (self, ROW_STATUS, show);
  if (!show)
    {
      self->updating++;
      gtk_drop_down_set_selected (self->kano_dropdown, 0);
      gtk_drop_down_set_selected (self->status_dropdown, STATUS_OPEN);
      self->updating--;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_STATUS_AND_KANO]);
}

static void
crm_requirement_filter_box_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  CrmRequirementFilterBox *self = CRM_REQUIREMENT_FILTER_BOX (object);

  switch (prop_id)
    {
    case PROP_SHOW_STATUS_AND_KANO:
      g_value_set_boolean (value, self->show_status_and_kano);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_filter_box_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  CrmRequirementFilterBox *self = CRM_REQUIREMENT_FILTER_BOX (object);

  switch (prop_id)
    {
    case PROP_SHOW_STATUS_AND_KANO:
      crm_requirement_filter_box_set_show_status_and_kano (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_filter_box_dispose (GObject *object)
{
  CrmRequirementFilterBox *self = (CrmRequirementFilterBox *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REQUIREMENT_FILTER_BOX);

  G_OBJECT_CLASS (crm_requirement_filter_box_parent_class)->dispose (object);
}

static void
crm_requirement_filter_box_finalize (GObject *object)
{
  CrmRequirementFilterBox *self = (CrmRequirementFilterBox *)object;

  g_strfreev (self->owners);

  G_OBJECT_CLASS (crm_requirement_filter_box_parent_class)->finalize (object);
}

static void
crm_requirement_filter_box_class_init (CrmRequirementFilterBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_requirement_filter_box_dispose;
  object_class->finalize = crm_requirement_filter_box_finalize;
  object_class->get_property = crm_requirement_filter_box_get_property;
  object_class->set_property = crm_requirement_filter_box_set_property;
  widget_class->map = crm_requirement_filter_box_map;

  /**
   * CrmRequirementFilterBox:show-status-and-kano:
   *
   * Whether the Kano class and status filters are offered.
   */
  properties[PROP_SHOW_STATUS_AND_KANO] =
    g_param_spec_boolean ("show-status-and-kano", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rapportcrm/Rapport/crm-requirement-filter-box.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementFilterBox, grid);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementFilterBox, customer_entry);
  gtk_widget_class_bind_template_callback (widget_class, crm_requirement_filter_box_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_requirement_filter_box_clear);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
crm_requirement_filter_box_init (CrmRequirementFilterBox *self)
{
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tiers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (tiers, C_("filter", "Any"));
  for (CrmTier tier = CRM_TIER_S; tier <= CRM_TIER_C; tier++)
    gtk_string_list_append (tiers, crm_tier_get_label (tier));
  gtk_string_list_append (tiers, _("Ungraded"));

  gtk_string_list_append (statuses, _("Open (not Done or Rejected)"));
  gtk_string_list_append (statuses, _("All statuses"));
  for (guint status = 0; status < CRM_REQUIREMENT_N_STATUSES; status++)
    gtk_string_list_append (statuses, crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, status));

  self->show_status_and_kano = TRUE;
  self->updating++;
  self->owner_dropdown = attach_choice (self, ROW_OWNER, _("Owner"), g_object_ref (owners));
  self->tier_dropdown = attach_choice (self, ROW_TIER, _("Customer tier"), g_object_ref (tiers));
  self->category_dropdown = attach_choice (self, ROW_CATEGORY, _("Category"), enum_choices (CRM_REQUIREMENT_ENUM_CATEGORY));
  self->quadrant_dropdown = attach_choice (self, ROW_QUADRANT, _("Quadrant"), enum_choices (CRM_REQUIREMENT_ENUM_QUADRANT));
  self->kano_dropdown = attach_choice (self, ROW_KANO, _("Kano class"), enum_choices (CRM_REQUIREMENT_ENUM_KANO));
  self->status_dropdown = attach_choice (self, ROW_STATUS, _("Status"), g_object_ref (statuses));
  reload_owners (self);
  self->updating--;
}

GtkWidget *
crm_requirement_filter_box_new (void)
{
  return g_object_new (CRM_TYPE_REQUIREMENT_FILTER_BOX, NULL);
}

/**
 * crm_requirement_filter_box_set_store:
 * @store: (nullable): where the owners to choose from come from
 */
void
crm_requirement_filter_box_set_store (CrmRequirementFilterBox *self,
                                      CrmRequirementStore     *store)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_FILTER_BOX (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  store_changed_cb (self);
}
