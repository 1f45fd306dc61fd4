/* crm-industry.c — an industry (所属行业) with its code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object, filled by the store. The store checks the code;
 * this object only holds it. An empty string is stored as NULL, and
 * setters notify only when the value changes.
 */

#define G_LOG_DOMAIN "crm-industry"

#include "crm-industry.h"
#include "crm-string-field.h"

struct _CrmIndustry
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *name;
};

G_DEFINE_FINAL_TYPE (CrmIndustry, crm_industry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_industry_finalize (GObject *object)
{
  CrmIndustry *self = (CrmIndustry *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (crm_industry_parent_class)->finalize (object);
}

static void
crm_industry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmIndustry *self = CRM_INDUSTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_industry_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CrmIndustry *self = CRM_INDUSTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_industry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      crm_industry_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      crm_industry_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_industry_class_init (CrmIndustryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_industry_finalize;
  object_class->get_property = crm_industry_get_property;
  object_class->set_property = crm_industry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_industry_init (CrmIndustry *self)
{
}

/**
 * crm_industry_new:
 * @id: the row id, or 0 when not saved
 * @code: (nullable): three capital letters, e.g. "TRA"
 * @name: (nullable): the name shown, e.g. "贸易"
 *
 * Returns: (transfer full): a new #CrmIndustry
 */
CrmIndustry *
crm_industry_new (gint64      id,
                  const char *code,
                  const char *name)
{
  g_return_val_if_fail (id >= 0, NULL);

  return g_object_new (CRM_TYPE_INDUSTRY,
                       "id", id,
                       "code", code,
                       "name", name,
                       NULL);
}

gint64
crm_industry_get_id (CrmIndustry *self)
{
  g_return_val_if_fail (CRM_IS_INDUSTRY (self), 0);

  return self->id;
}

void
crm_industry_set_id (CrmIndustry *self,
                     gint64       id)
{
  g_return_if_fail (CRM_IS_INDUSTRY (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
crm_industry_get_code (CrmIndustry *self)
{
  g_return_val_if_fail (CRM_IS_INDUSTRY (self), NULL);

  return self->code;
}

void
crm_industry_set_code (CrmIndustry *self,
                       const char  *code)
{
  g_return_if_fail (CRM_IS_INDUSTRY (self));

  if (crm_string_field_set (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
crm_industry_get_name (CrmIndustry *self)
{
  g_return_val_if_fail (CRM_IS_INDUSTRY (self), NULL);

  return self->name;
}

void
crm_industry_set_name (CrmIndustry *self,
                       const char  *name)
{
  g_return_if_fail (CRM_IS_INDUSTRY (self));

  if (crm_string_field_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
