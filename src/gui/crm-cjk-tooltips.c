/* crm-cjk-tooltips.c — tooltips as wide as their Chinese text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * GTK 4.8 gives a tooltip's label a maximum width of as many characters
 * as its text has, counted in the width of a Latin character. A Chinese
 * character is about twice as wide, so "筛选需求" came out as two lines
 * of two characters each. Every window's tooltip is a child widget of
 * the window (a GtkTooltipWindow, CSS name "tooltip", holding a box with
 * an image and a label); this watches each window's children for it and
 * counts the label's maximum width in columns instead, wide characters
 * counting two, up to GTK's own limit for long tooltips.
 */

#define G_LOG_DOMAIN "crm-cjk-tooltips"

#include "crm-cjk-tooltips.h"
#include "crm-gui-util.h"

/* GTK 4.8 wraps long tooltips at this many characters. */
#define TOOLTIP_MAX_COLUMNS 50

#define WATCHED_KEY "crm-cjk-tooltips-watched"

/**
 * crm_cjk_tooltips_text_columns:
 * @text: UTF-8 text
 *
 * Returns: how many columns @text takes in a terminal-like grid: two for
 *   each wide (CJK) character, one for any other.
 */
int
crm_cjk_tooltips_text_columns (const char *text)
{
  int columns = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;

  return columns;
}

static void
fit_label (GtkLabel *label)
{
  int columns = crm_cjk_tooltips_text_columns (gtk_label_get_text (label));
  int wanted = MIN (columns, TOOLTIP_MAX_COLUMNS);

  /* Only ever wider than GTK's own choice; setting the same value again
   * would not notify, so this ends after one round. */
  if (wanted > gtk_label_get_max_width_chars (label))
    gtk_label_set_max_width_chars (label, wanted);
}

/**
 * crm_cjk_tooltips_watch_label:
 * @label: the label of a tooltip
 *
 * Keeps @label's maximum width counted in columns whenever its text or
 * GTK's maximum width for it changes.
 */
void
crm_cjk_tooltips_watch_label (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_object_get_data (G_OBJECT (label), WATCHED_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (label), WATCHED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (label, "notify::label", G_CALLBACK (fit_label), NULL);
  g_signal_connect (label, "notify::max-width-chars", G_CALLBACK (fit_label), NULL);
  fit_label (label);
}

static void
watch_labels_below (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        crm_cjk_tooltips_watch_label (GTK_LABEL (child));
      else
        watch_labels_below (child);
    }
}

static void
window_children_changed_cb (GListModel *children,
                            guint       position,
                            guint       removed,
                            guint       added,
                            gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) child = g_list_model_get_item (children, i);

      if (g_str_equal (gtk_widget_get_css_name (child), "tooltip"))
        watch_labels_below (child);
    }
}

static void
watch_window (GtkWidget *window)
{
  GListModel *children;

  if (g_object_get_data (G_OBJECT (window), WATCHED_KEY) != NULL)
    return;

  children = gtk_widget_observe_children (window);
  g_signal_connect (children, "items-changed", G_CALLBACK (window_children_changed_cb), NULL);
  window_children_changed_cb (children, 0, 0, g_list_model_get_n_items (children), NULL);
  g_object_set_data_full (G_OBJECT (window), WATCHED_KEY, children, g_object_unref);
}

/**
 * crm_cjk_tooltips_install:
 *
 * Makes the tooltips of every window, present and future, as wide as
 * their text. Call once, after gtk_init().
 */
void
crm_cjk_tooltips_install (void)
{
  static gboolean installed;

  if (installed)
    return;
  installed = TRUE;

  crm_gui_watch_windows (watch_window);
}
