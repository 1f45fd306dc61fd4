/* crm-timeline-entry.c — one event on a customer's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object made by CrmTimeline from a row of the
 * timeline_entry view. Its fields keep the view's generic columns so that
 * a new kind of event (a requirement, a questionnaire) needs no new class:
 * crm_timeline_entry_get_kind() says how to read them.
 */

#define G_LOG_DOMAIN "crm-timeline-entry"

#include "crm-timeline-entry.h"
#include "crm-string-field.h"

struct _CrmTimelineEntry
{
  GObject parent_instance;

  char *kind;
  gint64 row_id;
  gint64 customer_id;
  char *at;
  char *actor;
  char *title;
  char *body;
  char *detail;
  char *extra;
};

G_DEFINE_FINAL_TYPE (CrmTimelineEntry, crm_timeline_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ROW_ID,
  PROP_CUSTOMER_ID,
  PROP_AT,
  PROP_ACTOR,
  PROP_TITLE,
  PROP_BODY,
  PROP_DETAIL,
  PROP_EXTRA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_timeline_entry_finalize (GObject *object)
{
  CrmTimelineEntry *self = (CrmTimelineEntry *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->extra, g_free);

  G_OBJECT_CLASS (crm_timeline_entry_parent_class)->finalize (object);
}

static void
crm_timeline_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmTimelineEntry *self = CRM_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ROW_ID:
      g_value_set_int64 (value, self->row_id);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    case PROP_EXTRA:
      g_value_set_string (value, self->extra);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_timeline_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmTimelineEntry *self = CRM_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      crm_timeline_entry_set_kind (self, g_value_get_string (value));
      break;

    case PROP_ROW_ID:
      crm_timeline_entry_set_row_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_ID:
      crm_timeline_entry_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_AT:
      crm_timeline_entry_set_at (self, g_value_get_string (value));
      break;

    case PROP_ACTOR:
      crm_timeline_entry_set_actor (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      crm_timeline_entry_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      crm_timeline_entry_set_body (self, g_value_get_string (value));
      break;

    case PROP_DETAIL:
      crm_timeline_entry_set_detail (self, g_value_get_string (value));
      break;

    case PROP_EXTRA:
      crm_timeline_entry_set_extra (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_timeline_entry_class_init (CrmTimelineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_timeline_entry_finalize;
  object_class->get_property = crm_timeline_entry_get_property;
  object_class->set_property = crm_timeline_entry_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXTRA] =
    g_param_spec_string ("extra", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_timeline_entry_init (CrmTimelineEntry *self)
{
}

CrmTimelineEntry *
crm_timeline_entry_new (void)
{
  return g_object_new (CRM_TYPE_TIMELINE_ENTRY, NULL);
}

const char *
crm_timeline_entry_get_kind (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->kind;
}

void
crm_timeline_entry_set_kind (CrmTimelineEntry *self,
                             const char *kind)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (crm_string_field_set (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
crm_timeline_entry_get_row_id (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), 0);

  return self->row_id;
}

void
crm_timeline_entry_set_row_id (CrmTimelineEntry *self,
                               gint64 row_id)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (self->row_id == row_id)
    return;

  self->row_id = row_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_ID]);
}

gint64
crm_timeline_entry_get_customer_id (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), 0);

  return self->customer_id;
}

void
crm_timeline_entry_set_customer_id (CrmTimelineEntry *self,
                                    gint64 customer_id)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

const char *
crm_timeline_entry_get_at (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->at;
}

void
crm_timeline_entry_set_at (CrmTimelineEntry *self,
                           const char *at)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (crm_string_field_set (&self->at, at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

const char *
crm_timeline_entry_get_actor (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->actor;
}

void
crm_timeline_entry_set_actor (CrmTimelineEntry *self,
                              const char *actor)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (crm_string_field_set (&self->actor, actor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

const char *
crm_timeline_entry_get_title (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->title;
}

void
crm_timeline_entry_set_title (CrmTimelineEntry *self,
                              const char *title)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (crm_string_field_set (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
crm_timeline_entry_get_body (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->body;
}

void
crm_timeline_entry_set_body (CrmTimelineEntry *self,
                             const char *body)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (crm_string_field_set (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
crm_timeline_entry_get_detail (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->detail;
}

void
crm_timeline_entry_set_detail (CrmTimelineEntry *self,
                               const char *detail)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (crm_string_field_set (&self->detail, detail))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

const char *
crm_timeline_entry_get_extra (CrmTimelineEntry *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->extra;
}

void
crm_timeline_entry_set_extra (CrmTimelineEntry *self,
                              const char *extra)
{
  g_return_if_fail (CRM_IS_TIMELINE_ENTRY (self));

  if (crm_string_field_set (&self->extra, extra))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
