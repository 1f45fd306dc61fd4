/* crm-button-names.c — buttons with a mnemonic named once for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * GTK 4.8 names a button with a mnemonic twice on AT-SPI: by its
 * accessible label, which GtkButton sets to its label as written
 * ("_Save"), and by the label widget inside it, which labels it for the
 * mnemonic ("Save"). Orca reads "_Save Save", and in Chinese
 * "保存(_S) 保存(S)". Dropping the accessible label leaves the name the
 * button shows.
 *
 * Widgets built from templates call crm_button_names_fix() once built;
 * crm_button_names_install() does it for every window when it is mapped,
 * which covers the response buttons libadwaita makes for an
 * AdwMessageDialog.
 */

#define G_LOG_DOMAIN "crm-button-names"

#include "crm-button-names.h"
#include "crm-gui-util.h"

/**
 * crm_button_names_fix:
 * @widget: a widget whose children are built, or a button
 *
 * Drops the accessible label of every button at or under @widget that
 * has a mnemonic label, so each is named once, by the text it shows. A
 * button whose label changes later needs this again.
 */
void
crm_button_names_fix (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget) &&
      gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    crm_button_names_fix (child);
}

static void
watch_window (GtkWidget *window)
{
  g_signal_connect (window, "map", G_CALLBACK (crm_button_names_fix), NULL);
}

/**
 * crm_button_names_install:
 *
 * Names the mnemonic buttons of every window, present and future, once,
 * when the window is mapped. Call once, after gtk_init().
 */
void
crm_button_names_install (void)
{
  static gboolean installed;

  if (installed)
    return;
  installed = TRUE;

  crm_gui_watch_windows (watch_window);
}
