/* crm-requirement-board-private.h — what the parts of CrmRequirementBoard share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-requirement-board.h"
#include "crm-requirement-column.h"
#include "crm-requirement-filter-box.h"

G_BEGIN_DECLS

/*
 * CrmRequirementBoard is one class in two files: crm-requirement-board.c
 * moves, merges and edits (everything that changes data), and
 * crm-requirement-board-layout.c builds what is shown (headers, filters,
 * lanes).
 */

typedef enum
{
  LANES_NONE,
  LANES_TIER,
  LANES_OWNER,
} Lanes;

typedef struct
{
  GtkWidget            *box;
  CrmRequirementColumn *columns[CRM_REQUIREMENT_N_STATUSES];
} Lane;

typedef struct
{
  GtkWidget     *box;
  GtkLabel      *count;
  GtkSpinButton *limit;
} Header;

struct _CrmRequirementBoard
{
  AdwBin               parent_instance;

  CrmRequirementStore *store;
  CrmCustomerStore    *customer_store;
  GSettings           *settings;
  GPtrArray           *lanes;       /* Lane */
  Header               headers[CRM_REQUIREMENT_N_STATUSES];
  CrmRequirementCloseDialog *close_dialog;   /* weak */
  CrmRequirementMergeDialog *merge_dialog;   /* weak */

  /* The lanes were to be built while the board was hidden: they are
   * built when it shows, not at start-up behind another page. */
  gboolean             rebuild_pending;

  /* A narrow window: one column at a time (crm-requirement-board-narrow.c). */
  gboolean             narrow;
  gboolean             pending_narrow;
  guint                narrow_status;
  GtkToggleButton     *status_buttons[CRM_REQUIREMENT_N_STATUSES];
  gulong               layout_handler_id;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  CrmRequirementFilterBox *filter_box;
  GtkDropDown         *lanes_dropdown;
  GtkWidget           *status_switcher;
  GtkScrolledWindow   *board_scroller;
  GtkWidget           *headers_box;
  GtkWidget           *lanes_box;
};

void crm_requirement_board_init_layout          (CrmRequirementBoard  *self);
void crm_requirement_board_update_headers       (CrmRequirementBoard  *self);
void crm_requirement_board_build_headers        (CrmRequirementBoard  *self);
void crm_requirement_board_rebuild_lanes        (CrmRequirementBoard  *self);
void crm_requirement_board_filters_changed_cb   (CrmRequirementBoard  *self);
void crm_requirement_board_init_narrow          (CrmRequirementBoard  *self);
void crm_requirement_board_update_narrow        (CrmRequirementBoard  *self);
void crm_requirement_board_follow_status        (CrmRequirementBoard  *self,
                                                 CrmRequirementStatus  status);
void crm_requirement_board_watch_layout         (CrmRequirementBoard  *self);
void crm_requirement_board_unwatch_layout       (CrmRequirementBoard  *self);
void crm_requirement_board_connect_column       (CrmRequirementBoard  *self,
                                                 CrmRequirementColumn *column);

G_END_DECLS
