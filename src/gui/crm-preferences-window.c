/* crm-preferences-window.c — the preferences of Rapport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-preferences-window.h"
#include "crm-upkeep-preferences.h"

struct _CrmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  CrmCustomerStore     *store;
  /* The rows of industries_group, one per industry, to remove on reload. */
  GPtrArray            *industry_rows;

  /* Template widgets */
  GtkSwitch            *mask_switch;
  AdwPreferencesPage   *industries_page;
  AdwPreferencesGroup  *industries_group;
  AdwEntryRow          *new_code_row;
  AdwEntryRow          *new_name_row;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (CrmPreferencesWindow *self,
            const GError         *error)
{
  /* libadwaita 1.2 reads toast titles as markup. */
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
on_industry_apply (AdwEntryRow          *row,
                   CrmPreferencesWindow *self)
{
  CrmIndustry *industry = g_object_get_data (G_OBJECT (row), "crm-industry");
  g_autoptr(GError) error = NULL;

  if (!crm_customer_store_rename_industry (self->store, crm_industry_get_id (industry),
                                           gtk_editable_get_text (GTK_EDITABLE (row)),
                                           &error))
    {
      /* The name stays as it was in the database; the row says so too. */
      show_error (self, error);
      gtk_editable_set_text (GTK_EDITABLE (row), crm_industry_get_name (industry));
    }
}

static void
reload_industries (CrmPreferencesWindow *self)
{
  GListModel *industries;

  for (guint i = 0; i < self->industry_rows->len; i++)
    adw_preferences_group_remove (self->industries_group,
                                  g_ptr_array_index (self->industry_rows, i));
  g_ptr_array_set_size (self->industry_rows, 0);

  if (self->store == NULL)
    return;

  industries = crm_customer_store_list_industries (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_industry_get_code (industry));
      gtk_editable_set_text (GTK_EDITABLE (row), crm_industry_get_name (industry));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "crm-industry",
                              g_object_ref (industry), g_object_unref);
      g_signal_connect (row, "apply", G_CALLBACK (on_industry_apply), self);

      adw_preferences_group_add (self->industries_group, row);
      g_ptr_array_add (self->industry_rows, row);
    }
}

static void
crm_preferences_window_add_industry (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (widget);
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  code = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->new_code_row)), -1);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row))));

  /* What was typed stays in the rows when it is refused, to be corrected. */
  if (crm_customer_store_add_industry (self->store, g_strstrip (code), name, &error) == 0)
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
}

static void
crm_preferences_window_add_activated_cb (CrmPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "preferences.add-industry", NULL);
}

static void
crm_preferences_window_set_store (CrmPreferencesWindow *self,
                                  CrmCustomerStore     *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (crm_customer_store_list_industries (self->store), self);

  g_set_object (&self->store, store);

  if (self->store != NULL)
    g_signal_connect_swapped (crm_customer_store_list_industries (self->store), "items-changed",
                              G_CALLBACK (reload_industries), self);

  /* Without a database there are no industries to edit. */
  gtk_widget_set_visible (GTK_WIDGET (self->industries_page), self->store != NULL);
  reload_industries (self);

  /* Follow-up cadence and tier rules (crm-upkeep-preferences.c). */
  if (self->store != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (crm_upkeep_preferences_new (self->store)));
}

static void
crm_preferences_window_dispose (GObject *object)
{
  CrmPreferencesWindow *self = (CrmPreferencesWindow *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (crm_customer_store_list_industries (self->store), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->industry_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->dispose (object);
}

static void
crm_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_preferences_window_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_preferences_window_class_init (CrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_window_dispose;
  object_class->get_property = crm_preferences_window_get_property;
  object_class->set_property = crm_preferences_window_set_property;

  /**
   * CrmPreferencesWindow:store:
   *
   * The customers' store, whose industries the Industries page edits;
   * %NULL when no database is open, and the page is hidden.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_CUSTOMER_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, industries_page);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, industries_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, new_code_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, new_name_row);
  gtk_widget_class_bind_template_callback (widget_class, crm_preferences_window_add_activated_cb);

  gtk_widget_class_install_action (widget_class, "preferences.add-industry", NULL,
                                   crm_preferences_window_add_industry);
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
  self->industry_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Bound both ways, so a change made elsewhere (another window, or
   * gsettings on the command line) shows here at once, and the switch
   * takes effect without an Apply button. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "mask-personal-data",
                   self->mask_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * crm_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 * @store: (nullable): the customers' store, for the Industries page
 *
 * Returns: (transfer none): a new preferences window, owned by GTK until
 *   it is destroyed
 */
CrmPreferencesWindow *
crm_preferences_window_new (GtkWindow        *parent,
                            CrmCustomerStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || CRM_IS_CUSTOMER_STORE (store), NULL);

  return g_object_new (CRM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

CrmCustomerStore *
crm_preferences_window_get_store (CrmPreferencesWindow *self)
{
  g_return_val_if_fail (CRM_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}
