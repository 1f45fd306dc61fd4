/* crm-agenda-item.c — one customer due for a follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object made by CrmAgenda from a customer row: who is due,
 * when, for what, and whether they are flagged for key follow-up.
 */

#define G_LOG_DOMAIN "crm-agenda-item"

#include "crm-agenda-item.h"
#include "crm-string-field.h"

struct _CrmAgendaItem
{
  GObject parent_instance;

  gint64 customer_id;
  char *customer_name;
  char *owner;
  char *tier;
  char *due_at;
  char *next_action;
  char *last_contact_at;
  char *key_reason;
};

G_DEFINE_FINAL_TYPE (CrmAgendaItem, crm_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_OWNER,
  PROP_TIER,
  PROP_DUE_AT,
  PROP_NEXT_ACTION,
  PROP_LAST_CONTACT_AT,
  PROP_KEY_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_agenda_item_finalize (GObject *object)
{
  CrmAgendaItem *self = (CrmAgendaItem *)object;

  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->tier, g_free);
  g_clear_pointer (&self->due_at, g_free);
  g_clear_pointer (&self->next_action, g_free);
  g_clear_pointer (&self->last_contact_at, g_free);
  g_clear_pointer (&self->key_reason, g_free);

  G_OBJECT_CLASS (crm_agenda_item_parent_class)->finalize (object);
}

static void
crm_agenda_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmAgendaItem *self = CRM_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_TIER:
      g_value_set_string (value, self->tier);
      break;

    case PROP_DUE_AT:
      g_value_set_string (value, self->due_at);
      break;

    case PROP_NEXT_ACTION:
      g_value_set_string (value, self->next_action);
      break;

    case PROP_LAST_CONTACT_AT:
      g_value_set_string (value, self->last_contact_at);
      break;

    case PROP_KEY_REASON:
      g_value_set_string (value, self->key_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_agenda_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmAgendaItem *self = CRM_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      crm_agenda_item_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_NAME:
      crm_agenda_item_set_customer_name (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      crm_agenda_item_set_owner (self, g_value_get_string (value));
      break;

    case PROP_TIER:
      crm_agenda_item_set_tier (self, g_value_get_string (value));
      break;

    case PROP_DUE_AT:
      crm_agenda_item_set_due_at (self, g_value_get_string (value));
      break;

    case PROP_NEXT_ACTION:
      crm_agenda_item_set_next_action (self, g_value_get_string (value));
      break;

    case PROP_LAST_CONTACT_AT:
      crm_agenda_item_set_last_contact_at (self, g_value_get_string (value));
      break;

    case PROP_KEY_REASON:
      crm_agenda_item_set_key_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_agenda_item_class_init (CrmAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_agenda_item_finalize;
  object_class->get_property = crm_agenda_item_get_property;
  object_class->set_property = crm_agenda_item_set_property;

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIER] =
    g_param_spec_string ("tier", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DUE_AT] =
    g_param_spec_string ("due-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NEXT_ACTION] =
    g_param_spec_string ("next-action", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_CONTACT_AT] =
    g_param_spec_string ("last-contact-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEY_REASON] =
    g_param_spec_string ("key-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_agenda_item_init (CrmAgendaItem *self)
{
}

CrmAgendaItem *
crm_agenda_item_new (void)
{
  return g_object_new (CRM_TYPE_AGENDA_ITEM, NULL);
}

gint64
crm_agenda_item_get_customer_id (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), 0);

  return self->customer_id;
}

void
crm_agenda_item_set_customer_id (CrmAgendaItem *self,
                                 gint64 customer_id)
{
  g_return_if_fail (CRM_IS_AGENDA_ITEM (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

const char *
crm_agenda_item_get_customer_name (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);

  return self->customer_name;
}

void
crm_agenda_item_set_customer_name (CrmAgendaItem *self,
                                   const char *customer_name)
{
  g_return_if_fail (CRM_IS_AGENDA_ITEM (self));

  if (crm_string_field_set (&self->customer_name, customer_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_NAME]);
}

const char *
crm_agenda_item_get_owner (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);

  return self->owner;
}

void
crm_agenda_item_set_owner (CrmAgendaItem *self,
                           const char *owner)
{
  g_return_if_fail (CRM_IS_AGENDA_ITEM (self));

  if (crm_string_field_set (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
crm_agenda_item_get_tier (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);

  return self->tier;
}

void
crm_agenda_item_set_tier (CrmAgendaItem *self,
                          const char *tier)
{
  g_return_if_fail (CRM_IS_AGENDA_ITEM (self));

  if (crm_string_field_set (&self->tier, tier))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
}

const char *
crm_agenda_item_get_due_at (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);

  return self->due_at;
}

void
crm_agenda_item_set_due_at (CrmAgendaItem *self,
                            const char *due_at)
{
  g_return_if_fail (CRM_IS_AGENDA_ITEM (self));

  if (crm_string_field_set (&self->due_at, due_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_AT]);
}

const char *
crm_agenda_item_get_next_action (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);

  return self->next_action;
}

void
crm_agenda_item_set_next_action (CrmAgendaItem *self,
                                 const char *next_action)
{
  g_return_if_fail (CRM_IS_AGENDA_ITEM (self));

  if (crm_string_field_set (&self->next_action, next_action))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_ACTION]);
}

const char *
crm_agenda_item_get_last_contact_at (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);

  return self->last_contact_at;
}

void
crm_agenda_item_set_last_contact_at (CrmAgendaItem *self,
                                     const char *last_contact_at)
{
  g_return_if_fail (CRM_IS_AGENDA_ITEM (self));

  if (crm_string_field_set (&self->last_contact_at, last_contact_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CONTACT_AT]);
}

const char *
crm_agenda_item_get_key_reason (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);

  return self->key_reason;
}

void
crm_agenda_item_set_key_reason (CrmAgendaItem *self,
                                const char *key_reason)
{
  g_return_if_fail (CRM_IS_AGENDA_ITEM (self));

  if (crm_string_field_set (&self->key_reason, key_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_REASON]);
}
