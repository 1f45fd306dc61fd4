/* crm-follow-up.c — one follow-up with a customer (跟进记录)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object, filled and saved by CrmFollowUpStore. Times are
 * UTC text as stored ("2026-03-01T08:00:00Z"); an empty string is stored
 * as NULL, and setters notify only when the value changes.
 */

#define G_LOG_DOMAIN "crm-follow-up"

#include "crm-follow-up.h"
#include "crm-string-field.h"

struct _CrmFollowUp
{
  GObject parent_instance;

  gint64 id;
  gint64 customer_id;
  char *happened_at;
  char *owner;
  char *channel;
  char *content;
  char *feedback;
  char *refusal_reason;
  char *next_action;
  char *next_action_due;
};

G_DEFINE_FINAL_TYPE (CrmFollowUp, crm_follow_up, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_HAPPENED_AT,
  PROP_OWNER,
  PROP_CHANNEL,
  PROP_CONTENT,
  PROP_FEEDBACK,
  PROP_REFUSAL_REASON,
  PROP_NEXT_ACTION,
  PROP_NEXT_ACTION_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_follow_up_finalize (GObject *object)
{
  CrmFollowUp *self = (CrmFollowUp *)object;

  g_clear_pointer (&self->happened_at, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->feedback, g_free);
  g_clear_pointer (&self->refusal_reason, g_free);
  g_clear_pointer (&self->next_action, g_free);
  g_clear_pointer (&self->next_action_due, g_free);

  G_OBJECT_CLASS (crm_follow_up_parent_class)->finalize (object);
}

static void
crm_follow_up_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmFollowUp *self = CRM_FOLLOW_UP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_HAPPENED_AT:
      g_value_set_string (value, self->happened_at);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;

    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;

    case PROP_FEEDBACK:
      g_value_set_string (value, self->feedback);
      break;

    case PROP_REFUSAL_REASON:
      g_value_set_string (value, self->refusal_reason);
      break;

    case PROP_NEXT_ACTION:
      g_value_set_string (value, self->next_action);
      break;

    case PROP_NEXT_ACTION_DUE:
      g_value_set_string (value, self->next_action_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_follow_up_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrmFollowUp *self = CRM_FOLLOW_UP (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_follow_up_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_ID:
      crm_follow_up_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_HAPPENED_AT:
      crm_follow_up_set_happened_at (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      crm_follow_up_set_owner (self, g_value_get_string (value));
      break;

    case PROP_CHANNEL:
      crm_follow_up_set_channel (self, g_value_get_string (value));
      break;

    case PROP_CONTENT:
      crm_follow_up_set_content (self, g_value_get_string (value));
      break;

    case PROP_FEEDBACK:
      crm_follow_up_set_feedback (self, g_value_get_string (value));
      break;

    case PROP_REFUSAL_REASON:
      crm_follow_up_set_refusal_reason (self, g_value_get_string (value));
      break;

    case PROP_NEXT_ACTION:
      crm_follow_up_set_next_action (self, g_value_get_string (value));
      break;

    case PROP_NEXT_ACTION_DUE:
      crm_follow_up_set_next_action_due (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_follow_up_class_init (CrmFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_follow_up_finalize;
  object_class->get_property = crm_follow_up_get_property;
  object_class->set_property = crm_follow_up_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAPPENED_AT] =
    g_param_spec_string ("happened-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FEEDBACK] =
    g_param_spec_string ("feedback", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REFUSAL_REASON] =
    g_param_spec_string ("refusal-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NEXT_ACTION] =
    g_param_spec_string ("next-action", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NEXT_ACTION_DUE] =
    g_param_spec_string ("next-action-due", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_follow_up_init (CrmFollowUp *self)
{
}

CrmFollowUp *
crm_follow_up_new (void)
{
  return g_object_new (CRM_TYPE_FOLLOW_UP, NULL);
}

gint64
crm_follow_up_get_id (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), 0);

  return self->id;
}

void
crm_follow_up_set_id (CrmFollowUp *self,
                      gint64 id)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
crm_follow_up_get_customer_id (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), 0);

  return self->customer_id;
}

void
crm_follow_up_set_customer_id (CrmFollowUp *self,
                               gint64 customer_id)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

const char *
crm_follow_up_get_happened_at (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), NULL);

  return self->happened_at;
}

void
crm_follow_up_set_happened_at (CrmFollowUp *self,
                               const char *happened_at)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (crm_string_field_set (&self->happened_at, happened_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAPPENED_AT]);
}

const char *
crm_follow_up_get_owner (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), NULL);

  return self->owner;
}

void
crm_follow_up_set_owner (CrmFollowUp *self,
                         const char *owner)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (crm_string_field_set (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
crm_follow_up_get_channel (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), NULL);

  return self->channel;
}

void
crm_follow_up_set_channel (CrmFollowUp *self,
                           const char *channel)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (crm_string_field_set (&self->channel, channel))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

const char *
crm_follow_up_get_content (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), NULL);

  return self->content;
}

void
crm_follow_up_set_content (CrmFollowUp *self,
                           const char *content)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (crm_string_field_set (&self->content, content))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

const char *
crm_follow_up_get_feedback (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), NULL);

  return self->feedback;
}

void
crm_follow_up_set_feedback (CrmFollowUp *self,
                            const char *feedback)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (crm_string_field_set (&self->feedback, feedback))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK]);
}

const char *
crm_follow_up_get_refusal_reason (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), NULL);

  return self->refusal_reason;
}

void
crm_follow_up_set_refusal_reason (CrmFollowUp *self,
                                  const char *refusal_reason)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (crm_string_field_set (&self->refusal_reason, refusal_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSAL_REASON]);
}

const char *
crm_follow_up_get_next_action (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), NULL);

  return self->next_action;
}

void
crm_follow_up_set_next_action (CrmFollowUp *self,
                               const char *next_action)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (crm_string_field_set (&self->next_action, next_action))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_ACTION]);
}

const char *
crm_follow_up_get_next_action_due (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), NULL);

  return self->next_action_due;
}

void
crm_follow_up_set_next_action_due (CrmFollowUp *self,
                                   const char *next_action_due)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP (self));

  if (crm_string_field_set (&self->next_action_due, next_action_due))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_ACTION_DUE]);
}
