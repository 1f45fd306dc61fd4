/* crm-timeline-entry.h — one event on a customer's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_TIMELINE_ENTRY (crm_timeline_entry_get_type ())

G_DECLARE_FINAL_TYPE (CrmTimelineEntry, crm_timeline_entry, CRM, TIMELINE_ENTRY, GObject)

/*
 * Properties (read-write, explicit notify): kind ("follow-up", "tier",
 * "key-raised", "key-cleared", "requirement", "questionnaire"), row-id (the id in the kind's own table), customer-id, at
 * (UTC time), actor (who), title, body, detail, extra. For a follow-up
 * title is the channel, body the content, detail "feedback\x1freason" and
 * extra "next action\x1fdue"; for a tier change title is "from\x1fto",
 * body the reason, detail the quarter; for a key follow-up body is the
 * reason; for a requirement (one row per status move) title is
 * "code\x1ftitle", body the note, detail "from\x1fto" (statuses as in the
 * schema) and extra the requirement's id; for a questionnaire title is
 * the template's name and detail its version.
 */

CrmTimelineEntry *crm_timeline_entry_new             (void);
const char *crm_timeline_entry_get_kind        (CrmTimelineEntry *self);
void        crm_timeline_entry_set_kind        (CrmTimelineEntry *self,
                                                const char *kind);
gint64      crm_timeline_entry_get_row_id      (CrmTimelineEntry *self);
void        crm_timeline_entry_set_row_id      (CrmTimelineEntry *self,
                                                gint64 row_id);
gint64      crm_timeline_entry_get_customer_id (CrmTimelineEntry *self);
void        crm_timeline_entry_set_customer_id (CrmTimelineEntry *self,
                                                gint64 customer_id);
const char *crm_timeline_entry_get_at          (CrmTimelineEntry *self);
void        crm_timeline_entry_set_at          (CrmTimelineEntry *self,
                                                const char *at);
const char *crm_timeline_entry_get_actor       (CrmTimelineEntry *self);
void        crm_timeline_entry_set_actor       (CrmTimelineEntry *self,
                                                const char *actor);
const char *crm_timeline_entry_get_title       (CrmTimelineEntry *self);
void        crm_timeline_entry_set_title       (CrmTimelineEntry *self,
                                                const char *title);
const char *crm_timeline_entry_get_body        (CrmTimelineEntry *self);
void        crm_timeline_entry_set_body        (CrmTimelineEntry *self,
                                                const char *body);
const char *crm_timeline_entry_get_detail      (CrmTimelineEntry *self);
void        crm_timeline_entry_set_detail      (CrmTimelineEntry *self,
                                                const char *detail);
const char *crm_timeline_entry_get_extra       (CrmTimelineEntry *self);
void        crm_timeline_entry_set_extra       (CrmTimelineEntry *self,
                                                const char *extra);

G_END_DECLS
