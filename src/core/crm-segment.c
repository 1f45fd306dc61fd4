/* crm-segment.c — the customers a report covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-segment.h"

void
crm_segment_init_all (CrmSegment *segment)
{
  memset (segment, 0, sizeof *segment);
  segment->kind = CRM_SEGMENT_ALL;
}

void
crm_segment_clear (CrmSegment *segment)
{
  g_clear_pointer (&segment->owner, g_free);
  crm_segment_init_all (segment);
}

/* Returns: %FALSE (leaving every customer) for a key it does not know. */
gboolean
crm_segment_parse (CrmSegment *segment,
                   const char *key)
{
  crm_segment_clear (segment);

  if (key == NULL || *key == '\0')
    return TRUE;

  if (g_str_has_prefix (key, "industry:"))
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (key + 9, 10, 1, G_MAXINT64, &id, NULL))
        return FALSE;
      segment->kind = CRM_SEGMENT_INDUSTRY;
      segment->industry_id = (gint64)id;
      return TRUE;
    }

  if (g_str_has_prefix (key, "tier:"))
    {
      CrmTier tier = crm_tier_from_string (key + 5);

      if (tier == CRM_TIER_NONE)
        return FALSE;
      segment->kind = CRM_SEGMENT_TIER;
      segment->tier = tier;
      return TRUE;
    }

  if (g_str_has_prefix (key, "owner:") && key[6] != '\0')
    {
      segment->kind = CRM_SEGMENT_OWNER;
      segment->owner = g_strdup (key + 6);
      return TRUE;
    }

  return FALSE;
}

char *
crm_segment_to_key (const CrmSegment *segment)
{
  switch (segment->kind)
    {
    case CRM_SEGMENT_INDUSTRY:
      return g_strdup_printf ("industry:%" G_GINT64_FORMAT, segment->industry_id);
    case CRM_SEGMENT_TIER:
      return g_strdup_printf ("tier:%s", crm_tier_to_string (segment->tier));
    case CRM_SEGMENT_OWNER:
      return g_strdup_printf ("owner:%s", segment->owner);
    case CRM_SEGMENT_ALL:
    default:
      return g_strdup ("");
    }
}
