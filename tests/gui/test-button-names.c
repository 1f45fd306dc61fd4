/* test-button-names.c — buttons with a mnemonic named once for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>

#include "crm-button-names.h"
#include "gui-test-util.h"

static gboolean
has_label_property (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
test_fix (void)
{
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWidget *mnemonic = gtk_button_new_with_mnemonic ("_Save");
  GtkWidget *plain = gtk_button_new_with_label ("Close");
  GtkWidget *icon = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add", -1);
  gtk_box_append (GTK_BOX (box), mnemonic);
  gtk_box_append (GTK_BOX (box), plain);
  gtk_box_append (GTK_BOX (box), icon);

  /* GTK 4.8 gives the mnemonic button its label as written, which joins
   * the name its inner label gives it. */
  g_assert_true (has_label_property (mnemonic));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (mnemonic), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_button_get_child (GTK_BUTTON (mnemonic)), NULL);

  crm_button_names_fix (box);

  /* Named by the label it shows only. */
  g_assert_false (has_label_property (mnemonic));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (mnemonic), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_button_get_child (GTK_BUTTON (mnemonic)), NULL);
  /* Buttons whose accessible label is their only name keep it. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plain), GTK_ACCESSIBLE_PROPERTY_LABEL, "Close");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add");

  g_object_unref (box);
}

static void
test_new_windows (void)
{
  GtkWidget *window;
  GtkWidget *button;

  crm_button_names_install ();

  /* A window made later, its buttons added before it is shown, as
   * libadwaita adds a message dialog's responses. */
  window = gtk_window_new ();
  button = gtk_button_new_with_mnemonic ("_Apply");
  gtk_window_set_child (GTK_WINDOW (window), button);
  g_assert_true (has_label_property (button));

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (button, 1);
  g_assert_false (has_label_property (button));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps what the widgets tell assistive technologies
   * (the other GUI tests turn accessibility off). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/button-names/fix", test_fix);
  g_test_add_func ("/button-names/new-windows", test_new_windows);

  return g_test_run ();
}
