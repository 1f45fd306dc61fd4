/* crm-requirement.c — one customer requirement (需求)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object, like CrmCustomer: the store fills it from a row and
 * writes it back, editors bind to its properties. A requirement has some
 * thirty fields, so rather than thirty hand-written accessors each field is
 * one line of the table below (its property name, type, limits and the
 * offset of its storage), and get_property, set_property, copy and
 * equal_fields walk the table.
 */

#define G_LOG_DOMAIN "crm-requirement"

#include <string.h>

#include "crm-customer-types.h"
#include "crm-requirement.h"
#include "crm-string-field.h"

struct _CrmRequirement
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *title;
  char    *description;
  char    *user_story;
  char    *who;
  char    *what;
  char    *when;
  char    *where;
  char    *why;
  char    *how;
  int      source;
  int      nature;
  int      category;
  int      kano;
  int      relation;
  int      moscow;
  int      importance;
  int      urgency;
  gint64   value;
  gint64   cost;
  int      status;
  double   position;
  char    *owner;
  char    *due_on;
  char    *acceptance;
  char    *resolution;
  int      satisfaction;
  gint64   customer_id;
  char    *customer_name;
  int      customer_tier;
  char    *created_at;
  char    *updated_at;
};

G_DEFINE_FINAL_TYPE (CrmRequirement, crm_requirement, G_TYPE_OBJECT)

typedef enum
{
  FIELD_STRING,
  FIELD_INT,
  FIELD_INT64,
  FIELD_DOUBLE,
} FieldType;

typedef struct
{
  const char *name;
  FieldType   type;
  glong       offset;
  gint64      min;
  gint64      max;
  gint64      fallback;
  /* Whether a person edits it, for crm_requirement_equal_fields(). */
  gboolean    edited;
} Field;

#define STRING(n, member, edited) { n, FIELD_STRING, G_STRUCT_OFFSET (CrmRequirement, member), 0, 0, 0, edited }
#define INT(n, member, lo, hi, def) { n, FIELD_INT, G_STRUCT_OFFSET (CrmRequirement, member), lo, hi, def, TRUE }
#define INT64(n, member, lo, def, edited) { n, FIELD_INT64, G_STRUCT_OFFSET (CrmRequirement, member), lo, G_MAXINT64, def, edited }

static const Field fields[] = {
  INT64 ("id", id, 0, 0, FALSE),
  STRING ("code", code, FALSE),
  STRING ("title", title, TRUE),
  STRING ("description", description, TRUE),
  STRING ("user-story", user_story, TRUE),
  STRING ("who", who, TRUE),
  STRING ("what", what, TRUE),
  STRING ("when", when, TRUE),
  STRING ("where", where, TRUE),
  STRING ("why", why, TRUE),
  STRING ("how", how, TRUE),
  INT ("source", source, 0, CRM_REQUIREMENT_SOURCE_COMPETITOR_ANALYSIS, 0),
  INT ("nature", nature, 0, CRM_REQUIREMENT_NATURE_PAIN_POINT, 0),
  INT ("category", category, 0, CRM_REQUIREMENT_CATEGORY_PERFORMANCE, 0),
  INT ("kano", kano, 0, CRM_KANO_ATTRACTIVE, 0),
  INT ("relation", relation, 0, CRM_REQUIREMENT_RELATION_REPLACEMENT, 0),
  INT ("moscow", moscow, 0, CRM_MOSCOW_WONT, 0),
  INT ("importance", importance, 1, 5, 3),
  INT ("urgency", urgency, 1, 5, 3),
  INT64 ("value", value, -1, -1, TRUE),
  INT64 ("cost", cost, -1, -1, TRUE),
  INT ("status", status, 0, CRM_REQUIREMENT_STATUS_REJECTED, 0),
  { "position", FIELD_DOUBLE, G_STRUCT_OFFSET (CrmRequirement, position), 0, 0, 0, FALSE },
  STRING ("owner", owner, TRUE),
  STRING ("due-on", due_on, TRUE),
  STRING ("acceptance", acceptance, TRUE),
  STRING ("resolution", resolution, TRUE),
  INT ("satisfaction", satisfaction, 0, 5, 0),
  INT64 ("customer-id", customer_id, 0, 0, TRUE),
  STRING ("customer-name", customer_name, FALSE),
  { "customer-tier", FIELD_INT, G_STRUCT_OFFSET (CrmRequirement, customer_tier), CRM_TIER_NONE, CRM_TIER_C, CRM_TIER_NONE, FALSE },
  STRING ("created-at", created_at, FALSE),
  STRING ("updated-at", updated_at, FALSE),
};

/* Property ids are the index in fields[] plus one. */
static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

#define FIELD_PTR(self, field) ((gpointer)((guint8 *)(self) + (field)->offset))

static void
crm_requirement_finalize (GObject *object)
{
  CrmRequirement *self = (CrmRequirement *)object;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i].type == FIELD_STRING)
        g_clear_pointer ((char **)FIELD_PTR (self, &fields[i]), g_free);
    }

  G_OBJECT_CLASS (crm_requirement_parent_class)->finalize (object);
}

static void
crm_requirement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmRequirement *self = CRM_REQUIREMENT (object);
  const Field *field;

  if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &fields[prop_id - 1];
  switch (field->type)
    {
    case FIELD_STRING:
      g_value_set_string (value, *(char **)FIELD_PTR (self, field));
      break;
    case FIELD_INT:
      g_value_set_int (value, *(int *)FIELD_PTR (self, field));
      break;
    case FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *)FIELD_PTR (self, field));
      break;
    case FIELD_DOUBLE:
      g_value_set_double (value, *(double *)FIELD_PTR (self, field));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
crm_requirement_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmRequirement *self = CRM_REQUIREMENT (object);
  const Field *field;
  gboolean changed = FALSE;

  if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &fields[prop_id - 1];
  switch (field->type)
    {
    case FIELD_STRING:
      changed = crm_string_field_set ((char **)FIELD_PTR (self, field), g_value_get_string (value));
      break;
    case FIELD_INT:
      {
        int *slot = FIELD_PTR (self, field);

        changed = *slot != g_value_get_int (value);
        *slot = g_value_get_int (value);
      }
      break;
    case FIELD_INT64:
      {
        gint64 *slot = FIELD_PTR (self, field);

        changed = *slot != g_value_get_int64 (value);
        *slot = g_value_get_int64 (value);
      }
      break;
    case FIELD_DOUBLE:
      {
        double *slot = FIELD_PTR (self, field);

        changed = *slot != g_value_get_double (value);
        *slot = g_value_get_double (value);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
crm_requirement_class_init (CrmRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crm_requirement_finalize;
  object_class->get_property = crm_requirement_get_property;
  object_class->set_property = crm_requirement_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *field = &fields[i];

      switch (field->type)
        {
        case FIELD_STRING:
          properties[i + 1] = g_param_spec_string (field->name, NULL, NULL, NULL, flags);
          break;
        case FIELD_INT:
          properties[i + 1] = g_param_spec_int (field->name, NULL, NULL,
                                                field->min, field->max, field->fallback, flags);
          break;
        case FIELD_INT64:
          properties[i + 1] = g_param_spec_int64 (field->name, NULL, NULL,
                                                  field->min, field->max, field->fallback, flags);
          break;
        case FIELD_DOUBLE:
          properties[i + 1] = g_param_spec_double (field->name, NULL, NULL,
                                                   -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_object_class_install_properties (object_class, G_N_ELEMENTS (properties), properties);
}

static void
crm_requirement_init (CrmRequirement *self)
{
  self->importance = 3;
  self->urgency = 3;
  self->value = -1;
  self->cost = -1;
}

CrmRequirement *
crm_requirement_new (void)
{
  return g_object_new (CRM_TYPE_REQUIREMENT, NULL);
}

/**
 * crm_requirement_copy:
 *
 * Returns: (transfer full): a new object with the same fields as @self
 */
CrmRequirement *
crm_requirement_copy (CrmRequirement *self)
{
  CrmRequirement *copy;

  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), NULL);

  copy = crm_requirement_new ();
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *field = &fields[i];

      if (field->type == FIELD_STRING)
        *(char **)FIELD_PTR (copy, field) = g_strdup (*(char **)FIELD_PTR (self, field));
      else if (field->type == FIELD_INT)
        *(int *)FIELD_PTR (copy, field) = *(int *)FIELD_PTR (self, field);
      else if (field->type == FIELD_INT64)
        *(gint64 *)FIELD_PTR (copy, field) = *(gint64 *)FIELD_PTR (self, field);
      else
        *(double *)FIELD_PTR (copy, field) = *(double *)FIELD_PTR (self, field);
    }

  return copy;
}

/**
 * crm_requirement_equal_fields:
 *
 * Returns: whether the fields a person edits are equal (not the id, code,
 *   status, position, the customer's name and tier, or the times)
 */
gboolean
crm_requirement_equal_fields (CrmRequirement *self,
                              CrmRequirement *other)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), FALSE);
  g_return_val_if_fail (CRM_IS_REQUIREMENT (other), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *field = &fields[i];

      if (!field->edited || g_str_equal (field->name, "status"))
        continue;

      if (field->type == FIELD_STRING &&
          g_strcmp0 (*(char **)FIELD_PTR (self, field), *(char **)FIELD_PTR (other, field)) != 0)
        return FALSE;
      if (field->type == FIELD_INT &&
          *(int *)FIELD_PTR (self, field) != *(int *)FIELD_PTR (other, field))
        return FALSE;
      if (field->type == FIELD_INT64 &&
          *(gint64 *)FIELD_PTR (self, field) != *(gint64 *)FIELD_PTR (other, field))
        return FALSE;
    }

  return TRUE;
}

static const Field *
find_field (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].name, property))
        return &fields[i];
    }

  return NULL;
}

/**
 * crm_requirement_get_string:
 * @property: the name of a string property, such as "user-story"
 *
 * Returns: (nullable): its value
 */
const char *
crm_requirement_get_string (CrmRequirement *self,
                            const char     *property)
{
  const Field *field;

  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), NULL);

  field = find_field (property);
  g_return_val_if_fail (field != NULL && field->type == FIELD_STRING, NULL);

  return *(char **)FIELD_PTR (self, field);
}

/**
 * crm_requirement_get_number:
 * @property: the name of an integer property, such as "cost"
 *
 * Returns: its value
 */
gint64
crm_requirement_get_number (CrmRequirement *self,
                            const char     *property)
{
  const Field *field;

  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), 0);

  field = find_field (property);
  g_return_val_if_fail (field != NULL, 0);

  if (field->type == FIELD_INT)
    return *(int *)FIELD_PTR (self, field);
  g_return_val_if_fail (field->type == FIELD_INT64, 0);

  return *(gint64 *)FIELD_PTR (self, field);
}

gint64
crm_requirement_get_id (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), 0);
  return self->id;
}

const char *
crm_requirement_get_code (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), NULL);
  return self->code;
}

const char *
crm_requirement_get_title (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), NULL);
  return self->title;
}

void
crm_requirement_set_title (CrmRequirement *self,
                           const char     *title)
{
  g_return_if_fail (CRM_IS_REQUIREMENT (self));
  g_object_set (self, "title", title, NULL);
}

CrmRequirementStatus
crm_requirement_get_status (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), 0);
  return self->status;
}

int
crm_requirement_get_importance (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), 0);
  return self->importance;
}

int
crm_requirement_get_urgency (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), 0);
  return self->urgency;
}

CrmQuadrant
crm_requirement_get_quadrant (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), CRM_QUADRANT_DEFER);
  return crm_quadrant_for (self->importance, self->urgency);
}

const char *
crm_requirement_get_owner (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), NULL);
  return self->owner;
}

const char *
crm_requirement_get_due_on (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), NULL);
  return self->due_on;
}

/**
 * crm_requirement_is_overdue:
 * @today: today's date, "2024-03-01"
 *
 * Returns: whether the requirement is still open (pending or in progress)
 *   and its due date lies before @today
 */
gboolean
crm_requirement_is_overdue (CrmRequirement *self,
                            const char     *today)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), FALSE);

  if (self->due_on == NULL || today == NULL)
    return FALSE;
  if (self->status == CRM_REQUIREMENT_STATUS_DONE || self->status == CRM_REQUIREMENT_STATUS_REJECTED)
    return FALSE;

  return strcmp (self->due_on, today) < 0;
}

gint64
crm_requirement_get_customer_id (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), 0);
  return self->customer_id;
}

void
crm_requirement_set_customer_id (CrmRequirement *self,
                                 gint64          customer_id)
{
  g_return_if_fail (CRM_IS_REQUIREMENT (self));
  g_object_set (self, "customer-id", customer_id, NULL);
}

const char *
crm_requirement_get_customer_name (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), NULL);
  return self->customer_name;
}

int
crm_requirement_get_customer_tier (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), CRM_TIER_NONE);
  return self->customer_tier;
}

double
crm_requirement_get_position (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), 0);
  return self->position;
}

int
crm_requirement_get_satisfaction (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), 0);
  return self->satisfaction;
}

const char *
crm_requirement_get_resolution (CrmRequirement *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT (self), NULL);
  return self->resolution;
}
