/* crm-gui-util.h — toasts, file choosers and window watching the pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * CrmFileChosenFunc:
 * @path: the file the person chose
 * @user_data: closure data
 */
typedef void (*CrmFileChosenFunc) (const char *path,
                                   gpointer    user_data);

/**
 * CrmWindowFunc:
 * @window: a toplevel window
 */
typedef void (*CrmWindowFunc) (GtkWidget *window);

void crm_gui_watch_windows (CrmWindowFunc       func);
void crm_gui_toast       (GtkWidget            *widget,
                          const char           *text,
                          gboolean              undoable);
void crm_gui_choose_file (GtkWidget            *widget,
                          const char           *title,
                          GtkFileChooserAction  action,
                          const char           *accept_label,
                          const char           *suggested_name,
                          const char           *filter_name,
                          const char           *pattern,
                          CrmFileChosenFunc     func,
                          gpointer              user_data,
                          GDestroyNotify        destroy);

G_END_DECLS
