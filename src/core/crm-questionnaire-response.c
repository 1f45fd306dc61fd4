/* crm-questionnaire-response.c — one filled-in questionnaire (问卷答卷)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-questionnaire"

#include "config.h"

#include <json-glib/json-glib.h>

#include "crm-questionnaire-response.h"

struct _CrmQuestionnaireResponse
{
  GObject           parent_instance;

  gint64            id;
  gint64            template_id;
  gint64            customer_id;
  char             *prospect_name;
  char             *customer_name;
  CrmResponseState  state;
  char             *current_module;
  char             *updated_at;
  GHashTable       *answers;
};

G_DEFINE_FINAL_TYPE (CrmQuestionnaireResponse, crm_questionnaire_response, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEMPLATE_ID,
  PROP_CUSTOMER_ID,
  PROP_PROSPECT_NAME,
  PROP_CUSTOMER_NAME,
  PROP_STATE,
  PROP_CURRENT_MODULE,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CrmAnswer *
crm_answer_new (const char * const *values,
                const char         *other)
{
  CrmAnswer *answer = g_new0 (CrmAnswer, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* Empty values are no answer. */
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (values[i][0] != '\0')
      g_strv_builder_add (builder, values[i]);

  answer->values = g_strv_builder_end (builder);
  answer->other = other != NULL && other[0] != '\0' ? g_strdup (other) : NULL;

  return answer;
}

void
crm_answer_free (CrmAnswer *answer)
{
  if (answer == NULL)
    return;

  g_strfreev (answer->values);
  g_free (answer->other);
  g_free (answer);
}

gboolean
crm_answer_is_empty (const CrmAnswer *answer)
{
  return answer == NULL ||
         ((answer->values == NULL || answer->values[0] == NULL) && answer->other == NULL);
}

/**
 * crm_answer_values_to_json:
 *
 * Returns: (transfer full): the values as a JSON array of strings, as the
 *   database keeps them
 */
char *
crm_answer_values_to_json (const char * const *values)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/**
 * crm_answer_values_from_json:
 *
 * Returns: (transfer full): the values of a JSON array of strings;
 *   anything else reads as no values
 */
GStrv
crm_answer_values_from_json (const char *json)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonNode) root = json != NULL ? json_from_string (json, NULL) : NULL;

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
    }

  return g_strv_builder_end (builder);
}

static void
crm_questionnaire_response_finalize (GObject *object)
{
  CrmQuestionnaireResponse *self = (CrmQuestionnaireResponse *)object;

  g_free (self->prospect_name);
  g_free (self->customer_name);
  g_free (self->current_module);
  g_free (self->updated_at);
  g_hash_table_unref (self->answers);

  G_OBJECT_CLASS (crm_questionnaire_response_parent_class)->finalize (object);
}

static void
crm_questionnaire_response_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  CrmQuestionnaireResponse *self = CRM_QUESTIONNAIRE_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_int64 (value, self->template_id);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_PROSPECT_NAME:
      g_value_set_string (value, self->prospect_name);
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_CURRENT_MODULE:
      g_value_set_string (value, self->current_module);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_questionnaire_response_class_init (CrmQuestionnaireResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_questionnaire_response_finalize;
  object_class->get_property = crm_questionnaire_response_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_int64 ("template-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROSPECT_NAME] =
    g_param_spec_string ("prospect-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, CRM_RESPONSE_DRAFT, CRM_RESPONSE_SUBMITTED, CRM_RESPONSE_DRAFT,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_MODULE] =
    g_param_spec_string ("current-module", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_questionnaire_response_init (CrmQuestionnaireResponse *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)crm_answer_free);
}

CrmQuestionnaireResponse *
crm_questionnaire_response_new (gint64            id,
                                gint64            template_id,
                                gint64            customer_id,
                                const char       *prospect_name,
                                const char       *customer_name,
                                CrmResponseState  state,
                                const char       *current_module,
                                const char       *updated_at)
{
  CrmQuestionnaireResponse *self = g_object_new (CRM_TYPE_QUESTIONNAIRE_RESPONSE, NULL);

  self->id = id;
  self->template_id = template_id;
  self->customer_id = customer_id;
  self->prospect_name = g_strdup (prospect_name);
  self->customer_name = g_strdup (customer_name);
  self->state = state;
  self->current_module = g_strdup (current_module);
  self->updated_at = g_strdup (updated_at);

  return self;
}

gint64
crm_questionnaire_response_get_id (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), 0);
  return self->id;
}

gint64
crm_questionnaire_response_get_template_id (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), 0);
  return self->template_id;
}

gint64
crm_questionnaire_response_get_customer_id (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), 0);
  return self->customer_id;
}

const char *
crm_questionnaire_response_get_prospect_name (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), NULL);
  return self->prospect_name;
}

const char *
crm_questionnaire_response_get_customer_name (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), NULL);
  return self->customer_name;
}

CrmResponseState
crm_questionnaire_response_get_state (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), CRM_RESPONSE_DRAFT);
  return self->state;
}

const char *
crm_questionnaire_response_get_current_module (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), NULL);
  return self->current_module;
}

const char *
crm_questionnaire_response_get_updated_at (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), NULL);
  return self->updated_at;
}

/**
 * crm_questionnaire_response_get_answers:
 *
 * Returns: (transfer none) (element-type utf8 CrmAnswer): question id →
 *   answer
 */
GHashTable *
crm_questionnaire_response_get_answers (CrmQuestionnaireResponse *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), NULL);
  return self->answers;
}

const CrmAnswer *
crm_questionnaire_response_get_answer (CrmQuestionnaireResponse *self,
                                       const char               *question_id)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self), NULL);
  return g_hash_table_lookup (self->answers, question_id);
}

/**
 * crm_questionnaire_response_take_answer:
 * @answer: (transfer full) (nullable): the answer; %NULL or empty removes it
 *
 * Changes the snapshot only; crm_questionnaire_store_set_answer() saves.
 */
void
crm_questionnaire_response_take_answer (CrmQuestionnaireResponse *self,
                                        const char               *question_id,
                                        CrmAnswer                *answer)
{
  g_return_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (self));

  if (crm_answer_is_empty (answer))
    {
      g_hash_table_remove (self->answers, question_id);
      crm_answer_free (answer);
    }
  else
    g_hash_table_replace (self->answers, g_strdup (question_id), answer);
}

/**
 * crm_questionnaire_response_dup_values:
 *
 * Returns: (transfer full) (element-type utf8 GStrv): question id → the
 *   answer's values, what crm_skip_logic_evaluate() reads; an "other"
 *   fill-in counts as the value "other"
 */
GHashTable *
crm_questionnaire_response_dup_values (CrmQuestionnaireResponse *self)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CrmAnswer *answer = value;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **)answer->values);
      if (answer->other != NULL)
        g_strv_builder_add (builder, "other");
      g_hash_table_insert (values, g_strdup (key), g_strv_builder_end (builder));
    }

  return values;
}

/**
 * crm_questionnaire_customer_fields:
 * @customer: (nullable): the customer; %NULL for a new prospect
 *
 * Returns: (transfer full) (element-type utf8 utf8): the customer fields
 *   skip conditions may test: customer_type, tier, industry (its code),
 *   kind and employees. A prospect is a new customer.
 */
GHashTable *
crm_questionnaire_customer_fields (CrmCustomer *customer)
{
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (customer == NULL)
    {
      g_hash_table_insert (fields, "customer_type", g_strdup ("new"));
      return fields;
    }

  g_hash_table_insert (fields, "customer_type",
                       g_strdup (crm_customer_type_to_string (crm_customer_get_customer_type (customer))));
  g_hash_table_insert (fields, "kind",
                       g_strdup (crm_customer_kind_to_string (crm_customer_get_kind (customer))));
  if (crm_tier_to_string (crm_customer_get_tier (customer)) != NULL)
    g_hash_table_insert (fields, "tier", g_strdup (crm_tier_to_string (crm_customer_get_tier (customer))));
  if (crm_customer_get_industry_code (customer) != NULL)
    g_hash_table_insert (fields, "industry", g_strdup (crm_customer_get_industry_code (customer)));
  if (crm_customer_get_employees (customer) >= 0)
    g_hash_table_insert (fields, "employees", g_strdup_printf ("%d", crm_customer_get_employees (customer)));

  return fields;
}
