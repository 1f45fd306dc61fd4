/* crm-contact.c — a customer's contact person (联系人)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object, filled and saved by the store. An empty string is
 * stored as NULL, and setters notify only when the value changes.
 */

#define G_LOG_DOMAIN "crm-contact"

#include "crm-contact.h"
#include "crm-string-field.h"

struct _CrmContact
{
  GObject  parent_instance;

  gint64   id;
  gint64   customer_id;
  char    *name;
  char    *title;
  char    *phone;
  char    *email;
  char    *role;
  char    *preferred_channel;
  char    *preferred_frequency;
};

G_DEFINE_FINAL_TYPE (CrmContact, crm_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ROLE,
  PROP_PREFERRED_CHANNEL,
  PROP_PREFERRED_FREQUENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_contact_finalize (GObject *object)
{
  CrmContact *self = (CrmContact *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->preferred_channel, g_free);
  g_clear_pointer (&self->preferred_frequency, g_free);

  G_OBJECT_CLASS (crm_contact_parent_class)->finalize (object);
}

static void
crm_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmContact *self = CRM_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_PREFERRED_CHANNEL:
      g_value_set_string (value, self->preferred_channel);
      break;

    case PROP_PREFERRED_FREQUENCY:
      g_value_set_string (value, self->preferred_frequency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmContact *self = CRM_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_ID:
      crm_contact_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      crm_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      crm_contact_set_title (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      crm_contact_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      crm_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      crm_contact_set_role (self, g_value_get_string (value));
      break;

    case PROP_PREFERRED_CHANNEL:
      crm_contact_set_preferred_channel (self, g_value_get_string (value));
      break;

    case PROP_PREFERRED_FREQUENCY:
      crm_contact_set_preferred_frequency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_contact_class_init (CrmContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_contact_finalize;
  object_class->get_property = crm_contact_get_property;
  object_class->set_property = crm_contact_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PREFERRED_CHANNEL] =
    g_param_spec_string ("preferred-channel", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PREFERRED_FREQUENCY] =
    g_param_spec_string ("preferred-frequency", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_contact_init (CrmContact *self)
{
}

/**
 * crm_contact_new:
 *
 * Returns: (transfer full): a new, empty #CrmContact, not saved yet
 */
CrmContact *
crm_contact_new (void)
{
  return g_object_new (CRM_TYPE_CONTACT, NULL);
}

/**
 * crm_contact_copy:
 * @self: a #CrmContact
 *
 * Copies every field, the ids included.
 *
 * Returns: (transfer full): a new #CrmContact
 */
CrmContact *
crm_contact_copy (CrmContact *self)
{
  CrmContact *copy;

  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  copy = crm_contact_new ();
  copy->id = self->id;
  copy->customer_id = self->customer_id;
  copy->name = g_strdup (self->name);
  copy->title = g_strdup (self->title);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->role = g_strdup (self->role);
  copy->preferred_channel = g_strdup (self->preferred_channel);
  copy->preferred_frequency = g_strdup (self->preferred_frequency);

  return copy;
}

/**
 * crm_contact_equal_fields:
 * @self: a #CrmContact
 * @other: another #CrmContact
 *
 * Compares the fields a person edits (all but id and customer-id), to tell
 * whether an editor has unsaved changes.
 *
 * Returns: %TRUE if the edited fields are equal
 */
gboolean
crm_contact_equal_fields (CrmContact *self,
                          CrmContact *other)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (CRM_IS_CONTACT (other), FALSE);

  return g_strcmp0 (self->name, other->name) == 0 &&
         g_strcmp0 (self->title, other->title) == 0 &&
         g_strcmp0 (self->phone, other->phone) == 0 &&
         g_strcmp0 (self->email, other->email) == 0 &&
         g_strcmp0 (self->role, other->role) == 0 &&
         g_strcmp0 (self->preferred_channel, other->preferred_channel) == 0 &&
         g_strcmp0 (self->preferred_frequency, other->preferred_frequency) == 0;
}

gint64
crm_contact_get_id (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), 0);

  return self->id;
}

void
crm_contact_set_id (CrmContact *self,
                    gint64      id)
{
  g_return_if_fail (CRM_IS_CONTACT (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
crm_contact_get_customer_id (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), 0);

  return self->customer_id;
}

void
crm_contact_set_customer_id (CrmContact *self,
                             gint64      customer_id)
{
  g_return_if_fail (CRM_IS_CONTACT (self));
  g_return_if_fail (customer_id >= 0);

  if (self->customer_id != customer_id)
    {
      self->customer_id = customer_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
    }
}

const char *
crm_contact_get_name (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->name;
}

void
crm_contact_set_name (CrmContact *self,
                      const char *name)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (crm_string_field_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
crm_contact_get_title (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->title;
}

void
crm_contact_set_title (CrmContact *self,
                       const char *title)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (crm_string_field_set (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
crm_contact_get_phone (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->phone;
}

void
crm_contact_set_phone (CrmContact *self,
                       const char *phone)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (crm_string_field_set (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
crm_contact_get_email (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->email;
}

void
crm_contact_set_email (CrmContact *self,
                       const char *email)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (crm_string_field_set (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
crm_contact_get_role (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->role;
}

void
crm_contact_set_role (CrmContact *self,
                      const char *role)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (crm_string_field_set (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
crm_contact_get_preferred_channel (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->preferred_channel;
}

void
crm_contact_set_preferred_channel (CrmContact *self,
                                   const char *preferred_channel)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (crm_string_field_set (&self->preferred_channel, preferred_channel))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED_CHANNEL]);
}

const char *
crm_contact_get_preferred_frequency (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->preferred_frequency;
}

void
crm_contact_set_preferred_frequency (CrmContact *self,
                                     const char *preferred_frequency)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (crm_string_field_set (&self->preferred_frequency, preferred_frequency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED_FREQUENCY]);
}
