/* crm-preferences-window.c — the preferences of Rapport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-preferences-window.h"

struct _CrmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkSwitch            *mask_switch;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
crm_preferences_window_dispose (GObject *object)
{
  CrmPreferencesWindow *self = (CrmPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->dispose (object);
}

static void
crm_preferences_window_class_init (CrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, mask_switch);
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
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
 *
 * Returns: (transfer none): a new preferences window, owned by GTK until
 *   it is destroyed
 */
CrmPreferencesWindow *
crm_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CRM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
