/* crm-cooperation.c — a cooperation record (合作记录)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object, filled and saved by the store. An empty string is
 * stored as NULL (so ended-on is NULL while the cooperation runs), and
 * setters notify only when the value changes.
 */

#define G_LOG_DOMAIN "crm-cooperation"

#include "crm-cooperation.h"
#include "crm-string-field.h"

struct _CrmCooperation
{
  GObject  parent_instance;

  gint64   id;
  gint64   customer_id;
  char    *product;
  char    *started_on;
  char    *ended_on;
  gint64   amount;
};

G_DEFINE_FINAL_TYPE (CrmCooperation, crm_cooperation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_PRODUCT,
  PROP_STARTED_ON,
  PROP_ENDED_ON,
  PROP_AMOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_cooperation_finalize (GObject *object)
{
  CrmCooperation *self = (CrmCooperation *)object;

  g_clear_pointer (&self->product, g_free);
  g_clear_pointer (&self->started_on, g_free);
  g_clear_pointer (&self->ended_on, g_free);

  G_OBJECT_CLASS (crm_cooperation_parent_class)->finalize (object);
}

static void
crm_cooperation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmCooperation *self = CRM_COOPERATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_PRODUCT:
      g_value_set_string (value, self->product);
      break;

    case PROP_STARTED_ON:
      g_value_set_string (value, self->started_on);
      break;

    case PROP_ENDED_ON:
      g_value_set_string (value, self->ended_on);
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_cooperation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmCooperation *self = CRM_COOPERATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_cooperation_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_ID:
      crm_cooperation_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_PRODUCT:
      crm_cooperation_set_product (self, g_value_get_string (value));
      break;

    case PROP_STARTED_ON:
      crm_cooperation_set_started_on (self, g_value_get_string (value));
      break;

    case PROP_ENDED_ON:
      crm_cooperation_set_ended_on (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT:
      crm_cooperation_set_amount (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_cooperation_class_init (CrmCooperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_cooperation_finalize;
  object_class->get_property = crm_cooperation_get_property;
  object_class->set_property = crm_cooperation_set_property;

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

  properties[PROP_PRODUCT] =
    g_param_spec_string ("product", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STARTED_ON] =
    g_param_spec_string ("started-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ENDED_ON] =
    g_param_spec_string ("ended-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_cooperation_init (CrmCooperation *self)
{
}

/**
 * crm_cooperation_new:
 *
 * Returns: (transfer full): a new, empty #CrmCooperation, not saved yet
 */
CrmCooperation *
crm_cooperation_new (void)
{
  return g_object_new (CRM_TYPE_COOPERATION, NULL);
}

gint64
crm_cooperation_get_id (CrmCooperation *self)
{
  g_return_val_if_fail (CRM_IS_COOPERATION (self), 0);

  return self->id;
}

void
crm_cooperation_set_id (CrmCooperation *self,
                        gint64          id)
{
  g_return_if_fail (CRM_IS_COOPERATION (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
crm_cooperation_get_customer_id (CrmCooperation *self)
{
  g_return_val_if_fail (CRM_IS_COOPERATION (self), 0);

  return self->customer_id;
}

void
crm_cooperation_set_customer_id (CrmCooperation *self,
                                 gint64          customer_id)
{
  g_return_if_fail (CRM_IS_COOPERATION (self));
  g_return_if_fail (customer_id >= 0);

  if (self->customer_id != customer_id)
    {
      self->customer_id = customer_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
    }
}

const char *
crm_cooperation_get_product (CrmCooperation *self)
{
  g_return_val_if_fail (CRM_IS_COOPERATION (self), NULL);

  return self->product;
}

void
crm_cooperation_set_product (CrmCooperation *self,
                             const char     *product)
{
  g_return_if_fail (CRM_IS_COOPERATION (self));

  if (crm_string_field_set (&self->product, product))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT]);
}

const char *
crm_cooperation_get_started_on (CrmCooperation *self)
{
  g_return_val_if_fail (CRM_IS_COOPERATION (self), NULL);

  return self->started_on;
}

void
crm_cooperation_set_started_on (CrmCooperation *self,
                                const char     *started_on)
{
  g_return_if_fail (CRM_IS_COOPERATION (self));

  if (crm_string_field_set (&self->started_on, started_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_ON]);
}

const char *
crm_cooperation_get_ended_on (CrmCooperation *self)
{
  g_return_val_if_fail (CRM_IS_COOPERATION (self), NULL);

  return self->ended_on;
}

void
crm_cooperation_set_ended_on (CrmCooperation *self,
                              const char     *ended_on)
{
  g_return_if_fail (CRM_IS_COOPERATION (self));

  if (crm_string_field_set (&self->ended_on, ended_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED_ON]);
}

gint64
crm_cooperation_get_amount (CrmCooperation *self)
{
  g_return_val_if_fail (CRM_IS_COOPERATION (self), 0);

  return self->amount;
}

void
crm_cooperation_set_amount (CrmCooperation *self,
                            gint64          amount)
{
  g_return_if_fail (CRM_IS_COOPERATION (self));
  g_return_if_fail (amount >= 0);

  if (self->amount != amount)
    {
      self->amount = amount;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT]);
    }
}
