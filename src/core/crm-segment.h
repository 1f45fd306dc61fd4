/* crm-segment.h — the customers a report covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "crm-customer-types.h"

G_BEGIN_DECLS

/**
 * CrmSegmentKind:
 * @CRM_SEGMENT_ALL: every customer.
 * @CRM_SEGMENT_INDUSTRY: the customers of one industry.
 * @CRM_SEGMENT_TIER: the customers of one tier.
 * @CRM_SEGMENT_OWNER: the customers of one account manager.
 */
typedef enum
{
  CRM_SEGMENT_ALL,
  CRM_SEGMENT_INDUSTRY,
  CRM_SEGMENT_TIER,
  CRM_SEGMENT_OWNER,
} CrmSegmentKind;

/**
 * CrmSegment:
 * @kind: which customers
 * @industry_id: the industry, for %CRM_SEGMENT_INDUSTRY
 * @tier: the tier, for %CRM_SEGMENT_TIER
 * @owner: the account manager, for %CRM_SEGMENT_OWNER
 *
 * Stored as its key: "" (all), "industry:3", "tier:S", "owner:张三".
 */
typedef struct
{
  CrmSegmentKind  kind;
  gint64          industry_id;
  CrmTier         tier;
  char           *owner;
} CrmSegment;

void      crm_segment_init_all   (CrmSegment       *segment);
void      crm_segment_clear      (CrmSegment       *segment);
gboolean  crm_segment_parse      (CrmSegment       *segment,
                                  const char       *key);
char     *crm_segment_to_key     (const CrmSegment *segment);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmSegment, crm_segment_clear)

G_END_DECLS
