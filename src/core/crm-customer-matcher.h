/* crm-customer-matcher.h — which customers a search text finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

/*
 * A CrmCustomerMatcher answers "does customer N match this search text?"
 * for the customer list. It reads the matching ids from the full-text
 * indexes in steps that can stop at a deadline and go on later, and
 * meanwhile it can test a single customer with an indexed probe, so the
 * list can show its first screen before a broad search has read all its
 * matches. It is not a GObject: the list owns one per search.
 */
typedef struct _CrmCustomerMatcher CrmCustomerMatcher;

CrmCustomerMatcher *crm_customer_matcher_new      (CrmDatabase        *database,
                                                   const char         *search_text,
                                                   gint64              max_id);
gboolean            crm_customer_matcher_scan     (CrmCustomerMatcher *self,
                                                   gint64              deadline);
gboolean            crm_customer_matcher_is_done  (CrmCustomerMatcher *self);
gboolean            crm_customer_matcher_test     (CrmCustomerMatcher *self,
                                                   gint64              id);
void                crm_customer_matcher_free     (CrmCustomerMatcher *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCustomerMatcher, crm_customer_matcher_free)

G_END_DECLS
