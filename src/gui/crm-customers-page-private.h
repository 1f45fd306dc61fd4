/* crm-customers-page-private.h — what the parts of CrmCustomersPage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-detail.h"
#include "crm-customer-list.h"
#include "crm-customers-page.h"
#include "crm-text-cell.h"
#include "crm-agenda-view.h"

G_BEGIN_DECLS

/*
 * CrmCustomersPage is one class in three files, split by responsibility:
 * crm-customers-page.c is the page (its state, selection, actions and
 * store), crm-customers-page-columns.c sets up the list's columns, their
 * cells and sorting, and which of them the list's width has room for, and
 * crm-customers-page-filters.c fills the filter drop-downs and applies
 * what they select.
 */

typedef enum
{
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_INDUSTRY,
  COLUMN_TIER,
  COLUMN_TYPE,
  COLUMN_OWNER,
  COLUMN_SPEND,
  COLUMN_LAST_CONTACT,
  N_COLUMNS
} Column;

/* How much room the list has; a narrower list keeps fewer columns. */
typedef enum
{
  WIDTH_NARROW,
  WIDTH_MEDIUM,
  WIDTH_WIDE,
} WidthClass;

typedef struct
{
  CrmCustomersPage *self;
  Column            column;
} ColumnProbe;

struct _CrmCustomersPage
{
  AdwBin               parent_instance;

  CrmCustomerStore    *store;
  CrmCustomerList     *list;
  GtkSingleSelection  *selection;
  /* The list came while the page was hidden: the column view gets it,
   * and builds its rows, when the page first shows. */
  gboolean             model_pending;

  /* The customer shown in the detail. It survives reloads of the list,
   * which would otherwise drop the selection whenever anything changed. */
  gint64               selected_id;
  guint                restoring_selection;

  /* Every customer, whatever the search and the filters. */
  guint                total;

  CrmCustomerSort      sort;
  gboolean             sort_descending;
  GtkColumnViewColumn *columns[N_COLUMNS];
  ColumnProbe          probes[N_COLUMNS];
  int                  probed_column;

  WidthClass           width_class;
  WidthClass           pending_width_class;
  gulong               layout_handler_id;

  /* What the filter drop-downs stand for, position by position; position
   * 0 is "any" (0 or NULL). */
  GArray              *industry_ids;
  GArray              *tag_ids;
  GPtrArray           *owners;
  guint                updating_filters;

  /* Template widgets */
  GtkStack            *page_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  AdwButtonContent    *new_button_content;
  GtkStack            *list_stack;
  GtkScrolledWindow   *list_scroller;
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  CrmCustomerDetail   *detail;
  GtkDropDown         *industry_dropdown;
  GtkDropDown         *tier_dropdown;
  GtkDropDown         *type_dropdown;
  GtkDropDown         *tag_dropdown;
  GtkDropDown         *review_dropdown;
  GtkDropDown         *owner_dropdown;
  GtkToggleButton     *agenda_button;
  CrmAgendaView       *agenda_view;
};

/* crm-customers-page.c */
void     crm_customers_page_begin_reload              (CrmCustomersPage *self);
void     crm_customers_page_end_reload                (CrmCustomersPage *self);
void     crm_customers_page_update_state              (CrmCustomersPage *self);

void     crm_customers_page_show_customer             (CrmCustomersPage *self,
                                                       gint64            customer_id);

/* crm-customers-page-agenda.c */
void     crm_customers_page_agenda_toggled_cb         (CrmCustomersPage *self,
                                                       GtkToggleButton  *button);
void     crm_customers_page_agenda_activated_cb       (CrmCustomersPage *self,
                                                       gint64            customer_id,
                                                       CrmAgendaView    *view);
void     crm_customers_page_mark_key_follow_up        (CrmCustomersPage *self,
                                                       CrmCustomer      *customer,
                                                       CrmTextCell      *label);

/* crm-customers-page-columns.c */
void     crm_customers_page_add_columns               (CrmCustomersPage *self);
void     crm_customers_page_track_list_width          (CrmCustomersPage *self);
void     crm_customers_page_watch_layout              (CrmCustomersPage *self);
void     crm_customers_page_unwatch_layout            (CrmCustomersPage *self);

/* crm-customers-page-filters.c */
void     crm_customers_page_setup_filters             (CrmCustomersPage *self);
void     crm_customers_page_rebuild_filter_choices    (CrmCustomersPage *self);
guint    crm_customers_page_count_filters             (CrmCustomersPage *self);
void     crm_customers_page_update_filter_button      (CrmCustomersPage *self,
                                                       guint             n_filters);
void     crm_customers_page_apply_filters             (CrmCustomersPage *self);
void     crm_customers_page_clear_filters             (CrmCustomersPage *self);
void     crm_customers_page_filter_changed_cb         (CrmCustomersPage *self,
                                                       GParamSpec       *pspec,
                                                       GtkDropDown      *dropdown);
void     crm_customers_page_filter_popover_show_cb    (CrmCustomersPage *self,
                                                       GtkPopover       *popover);
void     crm_customers_page_industries_changed_cb     (CrmCustomersPage *self,
                                                       guint             position,
                                                       guint             removed,
                                                       guint             added,
                                                       GListModel       *industries);
void     crm_customers_page_tags_changed_cb           (CrmCustomersPage *self,
                                                       guint             position,
                                                       guint             removed,
                                                       guint             added,
                                                       GListModel       *tags);

G_END_DECLS
