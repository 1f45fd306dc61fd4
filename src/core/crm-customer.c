/* crm-customer.c — one customer record (客户)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object: it knows nothing of the database. The store fills
 * it from a row and writes it back; editors bind to its properties. Every
 * setter notifies only when the value really changes, so a view bound to a
 * customer does not redraw, and an editor does not believe it has unsaved
 * changes, when the same value is set again.
 *
 * An empty string is stored as NULL, so "unset" has one representation
 * and a field cleared in an entry compares equal to a field never set.
 */

#define G_LOG_DOMAIN "crm-customer"

#include "crm-customer-private.h"

G_DEFINE_FINAL_TYPE (CrmCustomer, crm_customer, G_TYPE_OBJECT)

GParamSpec *crm_customer_properties[N_PROPS];

/* Tags are a set: the empty tag and repeated tags are dropped, first
 * occurrence wins, and no tags at all is NULL. */
char **
crm_customer_normalize_tags (const char * const *tags)
{
  GPtrArray *array;

  if (tags == NULL)
    return NULL;

  array = g_ptr_array_new ();

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (tags[i][0] == '\0')
        continue;

      if (g_ptr_array_find_with_equal_func (array, tags[i], g_str_equal, NULL))
        continue;

      g_ptr_array_add (array, g_strdup (tags[i]));
    }

  if (array->len == 0)
    {
      g_ptr_array_unref (array);
      return NULL;
    }

  g_ptr_array_add (array, NULL);

  return (char **)g_ptr_array_free (array, FALSE);
}

/* Both sides are normalised, so the same length and every tag of @a in @b
 * means the same set, whatever the order. */
static gboolean
tags_equal (char **a,
            char **b)
{
  guint length = a != NULL ? g_strv_length (a) : 0;

  if (length != (b != NULL ? g_strv_length (b) : 0))
    return FALSE;

  for (guint i = 0; i < length; i++)
    {
      if (!g_strv_contains ((const char * const *)b, a[i]))
        return FALSE;
    }

  return TRUE;
}

static void
crm_customer_finalize (GObject *object)
{
  CrmCustomer *self = (CrmCustomer *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->credit_code, g_free);
  g_clear_pointer (&self->id_number, g_free);
  g_clear_pointer (&self->founded_on, g_free);
  g_clear_pointer (&self->industry_name, g_free);
  g_clear_pointer (&self->industry_code, g_free);
  g_clear_pointer (&self->province, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->street, g_free);
  g_clear_pointer (&self->pain_points, g_free);
  g_clear_pointer (&self->decision_chain, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->last_contact_at, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->approved_at, g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (crm_customer_parent_class)->finalize (object);
}

static void
crm_customer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmCustomer *self = CRM_CUSTOMER (object);

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

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_CREDIT_CODE:
      g_value_set_string (value, self->credit_code);
      break;

    case PROP_ID_NUMBER:
      g_value_set_string (value, self->id_number);
      break;

    case PROP_FOUNDED_ON:
      g_value_set_string (value, self->founded_on);
      break;

    case PROP_INDUSTRY_ID:
      g_value_set_int64 (value, self->industry_id);
      break;

    case PROP_INDUSTRY_NAME:
      g_value_set_string (value, self->industry_name);
      break;

    case PROP_INDUSTRY_CODE:
      g_value_set_string (value, self->industry_code);
      break;

    case PROP_EMPLOYEES:
      g_value_set_int (value, self->employees);
      break;

    case PROP_ANNUAL_REVENUE:
      g_value_set_int64 (value, self->annual_revenue);
      break;

    case PROP_CUSTOMER_TYPE:
      g_value_set_int (value, self->customer_type);
      break;

    case PROP_TIER:
      g_value_set_int (value, self->tier);
      break;

    case PROP_PROVINCE:
      g_value_set_string (value, self->province);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;

    case PROP_STREET:
      g_value_set_string (value, self->street);
      break;

    case PROP_PAIN_POINTS:
      g_value_set_string (value, self->pain_points);
      break;

    case PROP_DECISION_CHAIN:
      g_value_set_string (value, self->decision_chain);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_REVIEW_STATE:
      g_value_set_int (value, self->review_state);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ANNUAL_SPEND:
      g_value_set_int64 (value, self->annual_spend);
      break;

    case PROP_LAST_CONTACT_AT:
      g_value_set_string (value, self->last_contact_at);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_APPROVED_AT:
      g_value_set_string (value, self->approved_at);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CrmCustomer *self = CRM_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_customer_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      crm_customer_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      crm_customer_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      crm_customer_set_kind (self, g_value_get_int (value));
      break;

    case PROP_CREDIT_CODE:
      crm_customer_set_credit_code (self, g_value_get_string (value));
      break;

    case PROP_ID_NUMBER:
      crm_customer_set_id_number (self, g_value_get_string (value));
      break;

    case PROP_FOUNDED_ON:
      crm_customer_set_founded_on (self, g_value_get_string (value));
      break;

    case PROP_INDUSTRY_ID:
      crm_customer_set_industry_id (self, g_value_get_int64 (value));
      break;

    case PROP_INDUSTRY_NAME:
      crm_customer_set_industry_name (self, g_value_get_string (value));
      break;

    case PROP_INDUSTRY_CODE:
      crm_customer_set_industry_code (self, g_value_get_string (value));
      break;

    case PROP_EMPLOYEES:
      crm_customer_set_employees (self, g_value_get_int (value));
      break;

    case PROP_ANNUAL_REVENUE:
      crm_customer_set_annual_revenue (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_TYPE:
      crm_customer_set_customer_type (self, g_value_get_int (value));
      break;

    case PROP_TIER:
      crm_customer_set_tier (self, g_value_get_int (value));
      break;

    case PROP_PROVINCE:
      crm_customer_set_province (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      crm_customer_set_city (self, g_value_get_string (value));
      break;

    case PROP_DISTRICT:
      crm_customer_set_district (self, g_value_get_string (value));
      break;

    case PROP_STREET:
      crm_customer_set_street (self, g_value_get_string (value));
      break;

    case PROP_PAIN_POINTS:
      crm_customer_set_pain_points (self, g_value_get_string (value));
      break;

    case PROP_DECISION_CHAIN:
      crm_customer_set_decision_chain (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      crm_customer_set_owner (self, g_value_get_string (value));
      break;

    case PROP_REVIEW_STATE:
      crm_customer_set_review_state (self, g_value_get_int (value));
      break;

    case PROP_NOTES:
      crm_customer_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ANNUAL_SPEND:
      crm_customer_set_annual_spend (self, g_value_get_int64 (value));
      break;

    case PROP_LAST_CONTACT_AT:
      crm_customer_set_last_contact_at (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      crm_customer_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      crm_customer_set_updated_at (self, g_value_get_string (value));
      break;

    case PROP_APPROVED_AT:
      crm_customer_set_approved_at (self, g_value_get_string (value));
      break;

    case PROP_TAGS:
      crm_customer_set_tags (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_class_init (CrmCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_customer_finalize;
  object_class->get_property = crm_customer_get_property;
  object_class->set_property = crm_customer_set_property;

  crm_customer_properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      CRM_CUSTOMER_KIND_ENTERPRISE,
                      CRM_CUSTOMER_KIND_INDIVIDUAL,
                      CRM_CUSTOMER_KIND_ENTERPRISE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_CREDIT_CODE] =
    g_param_spec_string ("credit-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_ID_NUMBER] =
    g_param_spec_string ("id-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_FOUNDED_ON] =
    g_param_spec_string ("founded-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_INDUSTRY_ID] =
    g_param_spec_int64 ("industry-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_INDUSTRY_NAME] =
    g_param_spec_string ("industry-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_INDUSTRY_CODE] =
    g_param_spec_string ("industry-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_EMPLOYEES] =
    g_param_spec_int ("employees", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_ANNUAL_REVENUE] =
    g_param_spec_int64 ("annual-revenue", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_CUSTOMER_TYPE] =
    g_param_spec_int ("customer-type", NULL, NULL,
                      CRM_CUSTOMER_TYPE_NEW,
                      CRM_CUSTOMER_TYPE_STRATEGIC,
                      CRM_CUSTOMER_TYPE_NEW,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_TIER] =
    g_param_spec_int ("tier", NULL, NULL,
                      CRM_TIER_NONE,
                      CRM_TIER_C,
                      CRM_TIER_NONE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_PROVINCE] =
    g_param_spec_string ("province", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_STREET] =
    g_param_spec_string ("street", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_PAIN_POINTS] =
    g_param_spec_string ("pain-points", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_DECISION_CHAIN] =
    g_param_spec_string ("decision-chain", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_REVIEW_STATE] =
    g_param_spec_int ("review-state", NULL, NULL,
                      CRM_REVIEW_STATE_DRAFT,
                      CRM_REVIEW_STATE_APPROVED,
                      CRM_REVIEW_STATE_DRAFT,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_ANNUAL_SPEND] =
    g_param_spec_int64 ("annual-spend", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_LAST_CONTACT_AT] =
    g_param_spec_string ("last-contact-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_APPROVED_AT] =
    g_param_spec_string ("approved-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  crm_customer_properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, crm_customer_properties);
}

static void
crm_customer_init (CrmCustomer *self)
{
  self->kind = CRM_CUSTOMER_KIND_ENTERPRISE;
  self->employees = -1;
  self->annual_revenue = -1;
  self->customer_type = CRM_CUSTOMER_TYPE_NEW;
  self->tier = CRM_TIER_NONE;
  self->review_state = CRM_REVIEW_STATE_DRAFT;
}

/**
 * crm_customer_new:
 *
 * Creates an empty customer, not saved yet: id 0, a draft enterprise of
 * type new, not graded, unknown size.
 *
 * Returns: (transfer full): a new #CrmCustomer
 */
CrmCustomer *
crm_customer_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMER, NULL);
}

/**
 * crm_customer_copy:
 * @self: a #CrmCustomer
 *
 * Copies every field, including the id, the code and the timestamps. An
 * editor works on a copy and compares it with the original through
 * crm_customer_equal_fields().
 *
 * Returns: (transfer full): a new #CrmCustomer
 */
CrmCustomer *
crm_customer_copy (CrmCustomer *self)
{
  CrmCustomer *copy;

  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  copy = crm_customer_new ();

  /* The copy is not shared yet, so the fields are set directly, without
   * notifications nobody can be listening to. */
  copy->id = self->id;
  copy->code = g_strdup (self->code);
  copy->name = g_strdup (self->name);
  copy->kind = self->kind;
  copy->credit_code = g_strdup (self->credit_code);
  copy->id_number = g_strdup (self->id_number);
  copy->founded_on = g_strdup (self->founded_on);
  copy->industry_id = self->industry_id;
  copy->industry_name = g_strdup (self->industry_name);
  copy->industry_code = g_strdup (self->industry_code);
  copy->employees = self->employees;
  copy->annual_revenue = self->annual_revenue;
  copy->customer_type = self->customer_type;
  copy->tier = self->tier;
  copy->province = g_strdup (self->province);
  copy->city = g_strdup (self->city);
  copy->district = g_strdup (self->district);
  copy->street = g_strdup (self->street);
  copy->pain_points = g_strdup (self->pain_points);
  copy->decision_chain = g_strdup (self->decision_chain);
  copy->owner = g_strdup (self->owner);
  copy->review_state = self->review_state;
  copy->notes = g_strdup (self->notes);
  copy->annual_spend = self->annual_spend;
  copy->last_contact_at = g_strdup (self->last_contact_at);
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  copy->approved_at = g_strdup (self->approved_at);
  copy->tags = g_strdupv (self->tags);

  return copy;
}

/**
 * crm_customer_equal_fields:
 * @self: a #CrmCustomer
 * @other: another #CrmCustomer
 *
 * Compares the fields a person edits, to tell whether an editor has unsaved
 * changes. The id, the code, the timestamps (created, updated, approved)
 * and what is read from other tables (industry name and code, contact
 * summary) are not compared. Tags compare as a set.
 *
 * Returns: %TRUE if the edited fields are equal
 */
gboolean
crm_customer_equal_fields (CrmCustomer *self,
                           CrmCustomer *other)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), FALSE);
  g_return_val_if_fail (CRM_IS_CUSTOMER (other), FALSE);

  if (self == other)
    return TRUE;

  return g_strcmp0 (self->name, other->name) == 0 &&
         self->kind == other->kind &&
         g_strcmp0 (self->credit_code, other->credit_code) == 0 &&
         g_strcmp0 (self->id_number, other->id_number) == 0 &&
         g_strcmp0 (self->founded_on, other->founded_on) == 0 &&
         self->industry_id == other->industry_id &&
         self->employees == other->employees &&
         self->annual_revenue == other->annual_revenue &&
         self->customer_type == other->customer_type &&
         self->tier == other->tier &&
         g_strcmp0 (self->province, other->province) == 0 &&
         g_strcmp0 (self->city, other->city) == 0 &&
         g_strcmp0 (self->district, other->district) == 0 &&
         g_strcmp0 (self->street, other->street) == 0 &&
         g_strcmp0 (self->pain_points, other->pain_points) == 0 &&
         g_strcmp0 (self->decision_chain, other->decision_chain) == 0 &&
         g_strcmp0 (self->owner, other->owner) == 0 &&
         self->review_state == other->review_state &&
         g_strcmp0 (self->notes, other->notes) == 0 &&
         self->annual_spend == other->annual_spend &&
         g_strcmp0 (self->last_contact_at, other->last_contact_at) == 0 &&
         tags_equal (self->tags, other->tags);
}
