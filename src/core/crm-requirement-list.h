/* crm-requirement-list.h — a lazy, filtered list of requirements (a board column)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-requirement-store.h"

G_BEGIN_DECLS

/**
 * CrmRequirementFilter:
 * @customer_id: only requirements of this customer (any of their
 *   customers), 0 for any
 * @owner: (nullable): only this owner; "" for requirements without one;
 *   %NULL for any
 * @tier: only requirements whose main customer has this tier (a CrmTier;
 *   CRM_TIER_NONE for ungraded or no customer), -1 for any
 * @category: a CrmRequirementCategory, -1 for any
 * @quadrant: a CrmQuadrant, -1 for any
 * @search_text: (nullable): words that the code, title, description or
 *   customer name must contain
 * @customer_text: (nullable): part of the main customer's name
 *
 * What a board shows; every column of a board shares one.
 */
typedef struct
{
  gint64      customer_id;
  const char *owner;
  int         tier;
  int         category;
  int         quadrant;
  const char *search_text;
  const char *customer_text;
} CrmRequirementFilter;

#define CRM_REQUIREMENT_FILTER_INIT { 0, NULL, -1, -1, -1, NULL, NULL }

#define CRM_TYPE_REQUIREMENT_LIST (crm_requirement_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementList, crm_requirement_list, CRM, REQUIREMENT_LIST, GObject)

/*
 * A GListModel of CrmRequirement: the cards of one status in board order
 * (or, with status -1, every requirement by status, then board order). It
 * holds the ids and positions of the matching requirements and loads the
 * records a page at a time as a view asks for them, so a column of 100 000
 * cards costs what one screen of cards costs. A change to one requirement
 * is applied in place (one row removed and one inserted), without running
 * the column's query again.
 *
 * Properties: store (construct-only), status (int, construct-only, -1 =
 * all), for-board (construct-only), n-items (read-only, notified),
 * complete (read-only, notified: FALSE while a board's list holds only
 * its first rows).
 */

CrmRequirementList *crm_requirement_list_new        (CrmRequirementStore        *store,
                                                     int                         status);
CrmRequirementStore *crm_requirement_list_get_store (CrmRequirementList         *self);
int                 crm_requirement_list_get_status (CrmRequirementList         *self);
void                crm_requirement_list_set_filter (CrmRequirementList         *self,
                                                     const CrmRequirementFilter *filter);
CrmRequirementList *crm_requirement_list_new_for_board (CrmRequirementStore        *store,
                                                        int                         status,
                                                        const CrmRequirementFilter *filter);
gboolean            crm_requirement_list_is_complete (CrmRequirementList        *self);
void                crm_requirement_list_complete   (CrmRequirementList         *self);
guint               crm_requirement_list_find       (CrmRequirementList         *self,
                                                     gint64                      id);
gint64              crm_requirement_list_get_id     (CrmRequirementList         *self,
                                                     guint                       position);

G_END_DECLS
