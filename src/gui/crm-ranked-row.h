/* crm-ranked-row.h — one row of the priorities page's ranked list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_RANKED_ROW (crm_ranked_row_get_type ())

G_DECLARE_FINAL_TYPE (CrmRankedRow, crm_ranked_row, CRM, RANKED_ROW, GtkWidget)

/*
 * A rank, a title and a line of details under it, drawn by one widget.
 * GTK 4.8's list view builds and measures about 200 rows however few it
 * shows; three labels in two boxes per row made the ranked list the
 * costliest part of the page's first frame. Every row has the same
 * height, taken from the font and not from the text, so measuring a row
 * lays out no text: only the rows on screen shape theirs, when drawn.
 * The accessible label reads the whole row.
 */

GtkWidget  *crm_ranked_row_new          (void);
void        crm_ranked_row_set_text     (CrmRankedRow *self,
                                         const char   *rank,
                                         const char   *title,
                                         const char   *details);
const char *crm_ranked_row_get_rank     (CrmRankedRow *self);
const char *crm_ranked_row_get_title    (CrmRankedRow *self);
const char *crm_ranked_row_get_details  (CrmRankedRow *self);

G_END_DECLS
