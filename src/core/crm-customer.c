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

#include "crm-customer.h"
#include "crm-string-field.h"

struct _CrmCustomer
{
  GObject          parent_instance;

  gint64           id;
  char            *code;
  char            *name;
  CrmCustomerKind  kind;
  char            *credit_code;
  char            *id_number;
  char            *founded_on;
  gint64           industry_id;
  char            *industry_name;
  char            *industry_code;
  int              employees;
  gint64           annual_revenue;
  CrmCustomerType  customer_type;
  CrmTier          tier;
  char            *province;
  char            *city;
  char            *district;
  char            *street;
  char            *pain_points;
  char            *decision_chain;
  char            *owner;
  CrmReviewState   review_state;
  char            *notes;
  gint64           annual_spend;
  char            *last_contact_at;
  char            *created_at;
  char            *updated_at;
  char            *approved_at;
  char            *contact_summary;
  char           **tags;
};

G_DEFINE_FINAL_TYPE (CrmCustomer, crm_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_KIND,
  PROP_CREDIT_CODE,
  PROP_ID_NUMBER,
  PROP_FOUNDED_ON,
  PROP_INDUSTRY_ID,
  PROP_INDUSTRY_NAME,
  PROP_INDUSTRY_CODE,
  PROP_EMPLOYEES,
  PROP_ANNUAL_REVENUE,
  PROP_CUSTOMER_TYPE,
  PROP_TIER,
  PROP_PROVINCE,
  PROP_CITY,
  PROP_DISTRICT,
  PROP_STREET,
  PROP_PAIN_POINTS,
  PROP_DECISION_CHAIN,
  PROP_OWNER,
  PROP_REVIEW_STATE,
  PROP_NOTES,
  PROP_ANNUAL_SPEND,
  PROP_LAST_CONTACT_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_APPROVED_AT,
  PROP_CONTACT_SUMMARY,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tags are a set: the empty tag and repeated tags are dropped, first
 * occurrence wins, and no tags at all is NULL. */
static char **
normalize_tags (const char * const *tags)
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
  g_clear_pointer (&self->contact_summary, g_free);
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

    case PROP_CONTACT_SUMMARY:
      g_value_set_string (value, self->contact_summary);
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

    case PROP_CONTACT_SUMMARY:
      crm_customer_set_contact_summary (self, g_value_get_string (value));
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

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      CRM_CUSTOMER_KIND_ENTERPRISE,
                      CRM_CUSTOMER_KIND_INDIVIDUAL,
                      CRM_CUSTOMER_KIND_ENTERPRISE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_CREDIT_CODE] =
    g_param_spec_string ("credit-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ID_NUMBER] =
    g_param_spec_string ("id-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FOUNDED_ON] =
    g_param_spec_string ("founded-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_INDUSTRY_ID] =
    g_param_spec_int64 ("industry-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_INDUSTRY_NAME] =
    g_param_spec_string ("industry-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_INDUSTRY_CODE] =
    g_param_spec_string ("industry-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EMPLOYEES] =
    g_param_spec_int ("employees", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_ANNUAL_REVENUE] =
    g_param_spec_int64 ("annual-revenue", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_TYPE] =
    g_param_spec_int ("customer-type", NULL, NULL,
                      CRM_CUSTOMER_TYPE_NEW,
                      CRM_CUSTOMER_TYPE_STRATEGIC,
                      CRM_CUSTOMER_TYPE_NEW,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_TIER] =
    g_param_spec_int ("tier", NULL, NULL,
                      CRM_TIER_NONE,
                      CRM_TIER_C,
                      CRM_TIER_NONE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_PROVINCE] =
    g_param_spec_string ("province", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STREET] =
    g_param_spec_string ("street", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PAIN_POINTS] =
    g_param_spec_string ("pain-points", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DECISION_CHAIN] =
    g_param_spec_string ("decision-chain", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REVIEW_STATE] =
    g_param_spec_int ("review-state", NULL, NULL,
                      CRM_REVIEW_STATE_DRAFT,
                      CRM_REVIEW_STATE_APPROVED,
                      CRM_REVIEW_STATE_DRAFT,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ANNUAL_SPEND] =
    g_param_spec_int64 ("annual-spend", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_CONTACT_AT] =
    g_param_spec_string ("last-contact-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_APPROVED_AT] =
    g_param_spec_string ("approved-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTACT_SUMMARY] =
    g_param_spec_string ("contact-summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  copy->contact_summary = g_strdup (self->contact_summary);
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

gint64
crm_customer_get_id (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->id;
}

void
crm_customer_set_id (CrmCustomer *self,
                     gint64       id)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
crm_customer_get_code (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->code;
}

void
crm_customer_set_code (CrmCustomer *self,
                       const char  *code)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
crm_customer_get_name (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->name;
}

void
crm_customer_set_name (CrmCustomer *self,
                       const char  *name)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

CrmCustomerKind
crm_customer_get_kind (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_CUSTOMER_KIND_ENTERPRISE);

  return self->kind;
}

void
crm_customer_set_kind (CrmCustomer     *self,
                       CrmCustomerKind  kind)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail ((guint)kind <= CRM_CUSTOMER_KIND_INDIVIDUAL);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
crm_customer_get_credit_code (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->credit_code;
}

void
crm_customer_set_credit_code (CrmCustomer *self,
                              const char  *credit_code)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->credit_code, credit_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDIT_CODE]);
}

const char *
crm_customer_get_id_number (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->id_number;
}

void
crm_customer_set_id_number (CrmCustomer *self,
                            const char  *id_number)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->id_number, id_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID_NUMBER]);
}

const char *
crm_customer_get_founded_on (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->founded_on;
}

void
crm_customer_set_founded_on (CrmCustomer *self,
                             const char  *founded_on)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->founded_on, founded_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOUNDED_ON]);
}

gint64
crm_customer_get_industry_id (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->industry_id;
}

void
crm_customer_set_industry_id (CrmCustomer *self,
                              gint64       industry_id)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (industry_id >= 0);

  if (self->industry_id != industry_id)
    {
      self->industry_id = industry_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDUSTRY_ID]);
    }
}

const char *
crm_customer_get_industry_name (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->industry_name;
}

void
crm_customer_set_industry_name (CrmCustomer *self,
                                const char  *industry_name)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->industry_name, industry_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDUSTRY_NAME]);
}

const char *
crm_customer_get_industry_code (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->industry_code;
}

void
crm_customer_set_industry_code (CrmCustomer *self,
                                const char  *industry_code)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->industry_code, industry_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDUSTRY_CODE]);
}

int
crm_customer_get_employees (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->employees;
}

void
crm_customer_set_employees (CrmCustomer *self,
                            int          employees)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (employees >= -1);

  if (self->employees != employees)
    {
      self->employees = employees;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYEES]);
    }
}

gint64
crm_customer_get_annual_revenue (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->annual_revenue;
}

void
crm_customer_set_annual_revenue (CrmCustomer *self,
                                 gint64       annual_revenue)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (annual_revenue >= -1);

  if (self->annual_revenue != annual_revenue)
    {
      self->annual_revenue = annual_revenue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNUAL_REVENUE]);
    }
}

CrmCustomerType
crm_customer_get_customer_type (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_CUSTOMER_TYPE_NEW);

  return self->customer_type;
}

void
crm_customer_set_customer_type (CrmCustomer     *self,
                                CrmCustomerType  customer_type)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail ((guint)customer_type <= CRM_CUSTOMER_TYPE_STRATEGIC);

  if (self->customer_type != customer_type)
    {
      self->customer_type = customer_type;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_TYPE]);
    }
}

CrmTier
crm_customer_get_tier (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_TIER_NONE);

  return self->tier;
}

void
crm_customer_set_tier (CrmCustomer *self,
                       CrmTier      tier)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail ((guint)tier <= CRM_TIER_C);

  if (self->tier != tier)
    {
      self->tier = tier;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
    }
}

const char *
crm_customer_get_province (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->province;
}

void
crm_customer_set_province (CrmCustomer *self,
                           const char  *province)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->province, province))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVINCE]);
}

const char *
crm_customer_get_city (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->city;
}

void
crm_customer_set_city (CrmCustomer *self,
                       const char  *city)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->city, city))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}

const char *
crm_customer_get_district (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->district;
}

void
crm_customer_set_district (CrmCustomer *self,
                           const char  *district)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->district, district))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
}

const char *
crm_customer_get_street (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->street;
}

void
crm_customer_set_street (CrmCustomer *self,
                         const char  *street)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->street, street))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREET]);
}

const char *
crm_customer_get_pain_points (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->pain_points;
}

void
crm_customer_set_pain_points (CrmCustomer *self,
                              const char  *pain_points)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->pain_points, pain_points))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_POINTS]);
}

const char *
crm_customer_get_decision_chain (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->decision_chain;
}

void
crm_customer_set_decision_chain (CrmCustomer *self,
                                 const char  *decision_chain)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->decision_chain, decision_chain))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION_CHAIN]);
}

const char *
crm_customer_get_owner (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->owner;
}

void
crm_customer_set_owner (CrmCustomer *self,
                        const char  *owner)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

CrmReviewState
crm_customer_get_review_state (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_REVIEW_STATE_DRAFT);

  return self->review_state;
}

void
crm_customer_set_review_state (CrmCustomer    *self,
                               CrmReviewState  review_state)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail ((guint)review_state <= CRM_REVIEW_STATE_APPROVED);

  if (self->review_state != review_state)
    {
      self->review_state = review_state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_STATE]);
    }
}

const char *
crm_customer_get_notes (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->notes;
}

void
crm_customer_set_notes (CrmCustomer *self,
                        const char  *notes)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gint64
crm_customer_get_annual_spend (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->annual_spend;
}

void
crm_customer_set_annual_spend (CrmCustomer *self,
                               gint64       annual_spend)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (annual_spend >= 0);

  if (self->annual_spend != annual_spend)
    {
      self->annual_spend = annual_spend;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNUAL_SPEND]);
    }
}

const char *
crm_customer_get_last_contact_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->last_contact_at;
}

void
crm_customer_set_last_contact_at (CrmCustomer *self,
                                  const char  *last_contact_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->last_contact_at, last_contact_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CONTACT_AT]);
}

const char *
crm_customer_get_created_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->created_at;
}

void
crm_customer_set_created_at (CrmCustomer *self,
                             const char  *created_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
crm_customer_get_updated_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->updated_at;
}

void
crm_customer_set_updated_at (CrmCustomer *self,
                             const char  *updated_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

const char *
crm_customer_get_approved_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->approved_at;
}

void
crm_customer_set_approved_at (CrmCustomer *self,
                              const char  *approved_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->approved_at, approved_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED_AT]);
}

const char *
crm_customer_get_contact_summary (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->contact_summary;
}

void
crm_customer_set_contact_summary (CrmCustomer *self,
                                  const char  *contact_summary)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->contact_summary, contact_summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_SUMMARY]);
}

/**
 * crm_customer_get_tags:
 * @self: a #CrmCustomer
 *
 * Returns: (nullable) (transfer none): the names of the customer's tags,
 *   or %NULL when it has none
 */
const char * const *
crm_customer_get_tags (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return (const char * const *)self->tags;
}

/**
 * crm_customer_set_tags:
 * @self: a #CrmCustomer
 * @tags: (nullable) (array zero-terminated=1): tag names
 *
 * Sets the tags. Empty names and repeated names are dropped; an empty list
 * is stored as %NULL.
 */
void
crm_customer_set_tags (CrmCustomer        *self,
                       const char * const *tags)
{
  char **normalized;

  g_return_if_fail (CRM_IS_CUSTOMER (self));

  normalized = normalize_tags (tags);

  if (normalized == NULL && self->tags == NULL)
    return;

  if (normalized != NULL && self->tags != NULL &&
      g_strv_equal ((const char * const *)normalized, (const char * const *)self->tags))
    {
      g_strfreev (normalized);
      return;
    }

  g_strfreev (self->tags);
  self->tags = normalized;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}
