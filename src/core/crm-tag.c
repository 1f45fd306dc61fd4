/* crm-tag.c — a tag customers carry (标签)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object, filled by the store. An empty name is stored as
 * NULL, and setters notify only when the value changes.
 */

#define G_LOG_DOMAIN "crm-tag"

#include "crm-tag.h"
#include "crm-string-field.h"

struct _CrmTag
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  guint    n_customers;
};

G_DEFINE_FINAL_TYPE (CrmTag, crm_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_N_CUSTOMERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_tag_finalize (GObject *object)
{
  CrmTag *self = (CrmTag *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (crm_tag_parent_class)->finalize (object);
}

static void
crm_tag_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CrmTag *self = CRM_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_N_CUSTOMERS:
      g_value_set_uint (value, self->n_customers);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_tag_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  CrmTag *self = CRM_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_tag_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      crm_tag_set_name (self, g_value_get_string (value));
      break;

    case PROP_N_CUSTOMERS:
      crm_tag_set_n_customers (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_tag_class_init (CrmTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_tag_finalize;
  object_class->get_property = crm_tag_get_property;
  object_class->set_property = crm_tag_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
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

  properties[PROP_N_CUSTOMERS] =
    g_param_spec_uint ("n-customers", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_tag_init (CrmTag *self)
{
}

/**
 * crm_tag_new:
 * @id: the row id, or 0 when not saved
 * @name: (nullable): the tag's name
 * @n_customers: how many customers carry the tag
 *
 * Returns: (transfer full): a new #CrmTag
 */
CrmTag *
crm_tag_new (gint64      id,
             const char *name,
             guint       n_customers)
{
  g_return_val_if_fail (id >= 0, NULL);

  return g_object_new (CRM_TYPE_TAG,
                       "id", id,
                       "name", name,
                       "n-customers", n_customers,
                       NULL);
}

gint64
crm_tag_get_id (CrmTag *self)
{
  g_return_val_if_fail (CRM_IS_TAG (self), 0);

  return self->id;
}

void
crm_tag_set_id (CrmTag *self,
                gint64  id)
{
  g_return_if_fail (CRM_IS_TAG (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
crm_tag_get_name (CrmTag *self)
{
  g_return_val_if_fail (CRM_IS_TAG (self), NULL);

  return self->name;
}

void
crm_tag_set_name (CrmTag     *self,
                  const char *name)
{
  g_return_if_fail (CRM_IS_TAG (self));

  if (crm_string_field_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

guint
crm_tag_get_n_customers (CrmTag *self)
{
  g_return_val_if_fail (CRM_IS_TAG (self), 0);

  return self->n_customers;
}

void
crm_tag_set_n_customers (CrmTag *self,
                         guint   n_customers)
{
  g_return_if_fail (CRM_IS_TAG (self));

  if (self->n_customers != n_customers)
    {
      self->n_customers = n_customers;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CUSTOMERS]);
    }
}
