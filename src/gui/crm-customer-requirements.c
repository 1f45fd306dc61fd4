/* crm-customer-requirements.c — a customer's requirements, in its detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-customer-requirements.h"
#include "crm-requirement-editor.h"
#include "crm-requirement-list.h"
#include "crm-window.h"

struct _CrmCustomerRequirements
{
  AdwBin               parent_instance;

  gint64               customer_id;
  CrmRequirementStore *store;
  CrmRequirementList  *list;
  AdwPreferencesGroup *group;
  GtkListBox          *rows;
  GtkWidget           *empty_label;
};

G_DEFINE_FINAL_TYPE (CrmCustomerRequirements, crm_customer_requirements, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CrmRequirement *requirement = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s %s", crm_requirement_get_code (requirement) ?: "",
                                            crm_requirement_get_title (requirement) ?: "");
  /* Translators: under a requirement in a customer's detail: its status and quadrant. */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                               crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS,
                                                                               crm_requirement_get_status (requirement)),
                                               crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_QUADRANT,
                                                                               crm_requirement_get_quadrant (requirement)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "crm-requirement", g_object_ref (requirement), g_object_unref);

  return row;
}

static void
open_editor (CrmCustomerRequirements *self,
             CrmRequirement          *requirement)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  if (self->store == NULL || !CRM_IS_WINDOW (root))
    return;

  editor = crm_requirement_editor_new (GTK_WINDOW (root), self->store,
                                       crm_window_get_customer_store (CRM_WINDOW (root)),
                                       requirement, self->customer_id);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (GtkListBox              *box,
                  GtkListBoxRow           *row,
                  CrmCustomerRequirements *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "crm-requirement"));
}

static void
add_clicked_cb (CrmCustomerRequirements *self)
{
  open_editor (self, NULL);
}

static void
update_empty (CrmCustomerRequirements *self)
{
  gboolean empty = self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;

  gtk_widget_set_visible (self->empty_label, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->rows), !empty);
}

static void
rebuild (CrmCustomerRequirements *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CrmRequirementStore *store = CRM_IS_WINDOW (root) ? crm_window_get_requirement_store (CRM_WINDOW (root)) : NULL;
  CrmRequirementFilter filter = CRM_REQUIREMENT_FILTER_INIT;

  g_set_object (&self->store, store);
  g_clear_object (&self->list);

  if (store != NULL && self->customer_id > 0)
    {
      self->list = crm_requirement_list_new (store, -1);
      filter.customer_id = self->customer_id;
      crm_requirement_list_set_filter (self->list, &filter);
      g_signal_connect_object (self->list, "notify::n-items", G_CALLBACK (update_empty),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_list_box_bind_model (self->rows, self->list != NULL ? G_LIST_MODEL (self->list) : NULL,
                           create_row, self, NULL);
  update_empty (self);
}

static void
crm_customer_requirements_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (crm_customer_requirements_parent_class)->root (widget);

  rebuild (CRM_CUSTOMER_REQUIREMENTS (widget));
}

static void
crm_customer_requirements_dispose (GObject *object)
{
  CrmCustomerRequirements *self = (CrmCustomerRequirements *)object;

  if (self->rows != NULL)
    gtk_list_box_bind_model (self->rows, NULL, NULL, NULL, NULL);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_customer_requirements_parent_class)->dispose (object);
}

static void
crm_customer_requirements_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CrmCustomerRequirements *self = CRM_CUSTOMER_REQUIREMENTS (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_requirements_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CrmCustomerRequirements *self = CRM_CUSTOMER_REQUIREMENTS (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      crm_customer_requirements_set_customer_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_requirements_class_init (CrmCustomerRequirementsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customer_requirements_dispose;
  object_class->get_property = crm_customer_requirements_get_property;
  object_class->set_property = crm_customer_requirements_set_property;
  widget_class->root = crm_customer_requirements_root;

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_customer_requirements_init (CrmCustomerRequirements *self)
{
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Requirements"));

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add Requirement"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Requirement"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (self->group, add);

  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Requirements"), -1);
  g_signal_connect_object (self->rows, "row-activated", G_CALLBACK (row_activated_cb), self, 0);

  self->empty_label = gtk_label_new (_("No requirements recorded for this customer yet."));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rows));
  gtk_box_append (GTK_BOX (box), self->empty_label);
  adw_preferences_group_add (self->group, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
  update_empty (self);
}

GtkWidget *
crm_customer_requirements_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMER_REQUIREMENTS, NULL);
}

gint64
crm_customer_requirements_get_customer_id (CrmCustomerRequirements *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_REQUIREMENTS (self), 0);

  return self->customer_id;
}

void
crm_customer_requirements_set_customer_id (CrmCustomerRequirements *self,
                                           gint64                   customer_id)
{
  g_return_if_fail (CRM_IS_CUSTOMER_REQUIREMENTS (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

/**
 * crm_customer_requirements_get_n_shown:
 *
 * Returns: how many requirements are listed
 */
guint
crm_customer_requirements_get_n_shown (CrmCustomerRequirements *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_REQUIREMENTS (self), 0);

  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}
