/* crm-submit-plan.c — what submitting a questionnaire will change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The plan is computed from the template, the answers and the customer as
 * they are, without touching the database, so the manager can read every
 * change before confirming and tests can check the mapping directly. A
 * question's "feeds" say where its answer goes (see crm-questionnaire.h);
 * answers to skipped questions go nowhere.
 */

#define G_LOG_DOMAIN "crm-submit-plan"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-contact.h"
#include "crm-industry.h"
#include "crm-submit-plan.h"

/* Longest tag the database accepts, in characters. */
#define MAX_TAG 30
/* Longest requirement title made from an answer, in characters. */
#define MAX_TITLE 60

struct _CrmSubmitPlan
{
  GObject       parent_instance;

  gboolean      is_new_customer;
  CrmCustomer  *customer;
  GPtrArray    *contacts;
  GStrv         tags;
  GPtrArray    *changes;
  GPtrArray    *missing;
  gboolean      key_follow_up;
};

G_DEFINE_FINAL_TYPE (CrmSubmitPlan, crm_submit_plan, G_TYPE_OBJECT)

static void
change_free (CrmPlanChange *change)
{
  g_free (change->target);
  g_free (change->label);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->question_id);
  g_free (change->evidence);
  g_free (change);
}

static void
crm_submit_plan_finalize (GObject *object)
{
  CrmSubmitPlan *self = (CrmSubmitPlan *)object;

  g_clear_object (&self->customer);
  g_ptr_array_unref (self->contacts);
  g_strfreev (self->tags);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->missing);

  G_OBJECT_CLASS (crm_submit_plan_parent_class)->finalize (object);
}

static void
crm_submit_plan_class_init (CrmSubmitPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_submit_plan_finalize;
}

static void
crm_submit_plan_init (CrmSubmitPlan *self)
{
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);
  self->missing = g_ptr_array_new_with_free_func (g_free);
}

static CrmPlanChange *
add_change (CrmSubmitPlan     *self,
            CrmPlanChangeKind  kind,
            const char        *target,
            const char        *label,
            const char        *old_value,
            const char        *new_value,
            CrmQuestion       *question,
            const char        *answer_text)
{
  CrmPlanChange *change = g_new0 (CrmPlanChange, 1);

  change->kind = kind;
  change->target = g_strdup (target);
  change->label = g_strdup (label);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  if (question != NULL)
    {
      change->question_id = g_strdup (question->id);
      /* Translators: evidence of a change: the question, then the answer. */
      change->evidence = g_strdup_printf (_("“%s”: %s"), question->title, answer_text);
    }
  g_ptr_array_add (self->changes, change);

  return change;
}

/* The answer as a person reads it: option labels, the "other" text. */
static char *
answer_text (CrmQuestion     *question,
             const CrmAnswer *answer,
             GListModel      *industries)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; answer->values != NULL && answer->values[i] != NULL; i++)
    {
      const CrmQuestionOption *option = crm_question_find_option (question, answer->values[i]);
      const char *shown = option != NULL ? option->label : answer->values[i];

      if (g_strcmp0 (question->options_from, "industries") == 0 && industries != NULL)
        {
          for (guint j = 0; j < g_list_model_get_n_items (industries); j++)
            {
              g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, j);

              if (g_strcmp0 (crm_industry_get_code (industry), answer->values[i]) == 0)
                {
                  g_string_append_printf (text, "%s%s", text->len ? _("; ") : "", crm_industry_get_name (industry));
                  shown = NULL;
                }
            }
        }

      if (shown != NULL)
        g_string_append_printf (text, "%s%s", text->len ? _("; ") : "", shown);
    }

  if (answer->other != NULL)
    g_string_append_printf (text, "%s%s", text->len ? _("; ") : "", answer->other);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
clip (const char *text,
      glong       max)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (g_utf8_strlen (stripped, -1) <= max)
    return g_steal_pointer (&stripped);

  return g_utf8_substring (stripped, 0, max);
}

static void
set_field (CrmSubmitPlan *self,
           const char    *property,
           const char    *target,
           const char    *label,
           const char    *value,
           CrmQuestion   *question,
           const char    *shown)
{
  g_autofree char *old = NULL;

  g_object_get (self->customer, property, &old, NULL);
  if (g_strcmp0 (old, value) == 0)
    return;

  g_object_set (self->customer, property, value, NULL);
  add_change (self, CRM_PLAN_CHANGE_FIELD, target, label, old, value, question, shown);
}

static void
feed_industry (CrmSubmitPlan *self,
               CrmQuestion   *question,
               const CrmAnswer *answer,
               GListModel    *industries,
               const char    *shown)
{
  for (guint i = 0; industries != NULL && i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

      if (g_strcmp0 (crm_industry_get_code (industry), answer->values[0]) != 0 &&
          g_strcmp0 (crm_industry_get_name (industry), answer->values[0]) != 0)
        continue;

      if (crm_customer_get_industry_id (self->customer) == crm_industry_get_id (industry))
        return;

      add_change (self, CRM_PLAN_CHANGE_FIELD, "industry", _("Industry"),
                  crm_customer_get_industry_name (self->customer),
                  crm_industry_get_name (industry), question, shown);
      crm_customer_set_industry_id (self->customer, crm_industry_get_id (industry));
      crm_customer_set_industry_name (self->customer, crm_industry_get_name (industry));
      crm_customer_set_industry_code (self->customer, crm_industry_get_code (industry));
      return;
    }
}

static void
feed_employees (CrmSubmitPlan   *self,
                CrmQuestion     *question,
                const CrmAnswer *answer,
                const char      *shown)
{
  char *end = NULL;
  gint64 employees = g_ascii_strtoll (answer->values[0], &end, 10);
  int old = crm_customer_get_employees (self->customer);
  g_autofree char *old_text = old >= 0 ? g_strdup_printf ("%d", old) : NULL;
  g_autofree char *new_text = NULL;

  if (end == answer->values[0] || *end != '\0' || employees < 0 || employees > G_MAXINT || employees == old)
    return;

  new_text = g_strdup_printf ("%" G_GINT64_FORMAT, employees);
  crm_customer_set_employees (self->customer, employees);
  add_change (self, CRM_PLAN_CHANGE_FIELD, "employees", _("Employees"), old_text, new_text, question, shown);
}

static void
feed_pain_points (CrmSubmitPlan *self,
                  CrmQuestion   *question,
                  const char    *shown)
{
  const char *old = crm_customer_get_pain_points (self->customer);
  g_autofree char *value = NULL;

  if (old != NULL && strstr (old, shown) != NULL)
    return;

  /* Pain points gather over visits: the new one is added, none is lost. */
  value = old != NULL ? g_strconcat (old, "\n", shown, NULL) : g_strdup (shown);
  set_field (self, "pain-points", "pain_points", _("Pain points"), value, question, shown);
}

typedef struct
{
  CrmQuestion *question;
  char        *value;
} ContactAnswer;

static void
feed_contact (CrmSubmitPlan *self,
              ContactAnswer  answers[3])
{
  static const char * const properties[] = { "name", "title", "phone" };
  const char *labels[] = { _("Contact name"), _("Contact title"), _("Contact phone") };
  CrmContact *contact = NULL;
  const char *name = answers[0].value;

  if (name == NULL)
    return;

  for (guint i = 0; i < self->contacts->len; i++)
    {
      CrmContact *candidate = g_ptr_array_index (self->contacts, i);

      if (g_strcmp0 (crm_contact_get_name (candidate), name) == 0)
        contact = candidate;
    }

  if (contact == NULL)
    {
      contact = crm_contact_new ();
      crm_contact_set_customer_id (contact, crm_customer_get_id (self->customer));
      g_ptr_array_add (self->contacts, contact);
    }

  for (guint f = 0; f < G_N_ELEMENTS (properties); f++)
    {
      g_autofree char *old = NULL;
      g_autofree char *target = NULL;

      if (answers[f].value == NULL)
        continue;

      g_object_get (contact, properties[f], &old, NULL);
      if (g_strcmp0 (old, answers[f].value) == 0)
        continue;

      g_object_set (contact, properties[f], answers[f].value, NULL);
      target = g_strdup_printf ("contact.%s.%s", name, properties[f]);
      add_change (self, CRM_PLAN_CHANGE_CONTACT, target, labels[f], old, answers[f].value,
                  answers[f].question, answers[f].value);
    }
}

static void
feed_tags (CrmSubmitPlan   *self,
           GPtrArray       *tags,
           CrmQuestion     *question,
           const CrmAnswer *answer,
           const char      *shown)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; answer->values != NULL && answer->values[i] != NULL; i++)
    {
      const CrmQuestionOption *option = crm_question_find_option (question, answer->values[i]);

      if (option != NULL)
        g_ptr_array_add (names, clip (option->label, MAX_TAG));
    }
  if (answer->other != NULL)
    g_ptr_array_add (names, clip (answer->other, MAX_TAG));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean present = FALSE;

      if (*name == '\0')
        continue;

      for (guint j = 0; j < tags->len && !present; j++)
        present = g_strcmp0 (g_ptr_array_index (tags, j), name) == 0;
      if (present)
        continue;

      g_ptr_array_add (tags, g_strdup (name));
      add_change (self, CRM_PLAN_CHANGE_TAG, name, _("Tag"), NULL, name, question, shown);
    }
}

static void
feed_requirement (CrmSubmitPlan *self,
                  CrmQuestion   *question,
                  const char    *shown)
{
  g_autofree char *title = clip (shown, MAX_TITLE);

  add_change (self, CRM_PLAN_CHANGE_REQUIREMENT, title, _("Draft requirement"), NULL, shown,
              question, shown);
}

static void
feed_satisfaction (CrmSubmitPlan   *self,
                   CrmQuestion     *question,
                   const CrmAnswer *answer,
                   const char      *shown)
{
  int rating = atoi (answer->values[0]);
  g_autofree char *reason = NULL;

  if (rating < 1 || rating >= 3)
    return;

  self->key_follow_up = TRUE;
  reason = g_strdup_printf (_("Satisfaction %d of 5 in a questionnaire"), rating);
  add_change (self, CRM_PLAN_CHANGE_KEY_FOLLOW_UP, "key_follow_up", _("Key follow-up"), NULL, reason,
              question, shown);
}

/**
 * crm_submit_plan_new:
 * @questionnaire: the response's template
 * @response: the answers
 * @customer: (nullable): the customer as stored; %NULL for a new prospect,
 *   who becomes a new customer named by the "customer.name" answer
 * @contacts: (nullable) (element-type CrmContact): the customer's contacts
 * @industries: (nullable): the industries (CrmIndustry), to map an answer
 *   to one
 *
 * Returns: (transfer full): every change submitting @response makes
 */
CrmSubmitPlan *
crm_submit_plan_new (CrmQuestionnaire         *questionnaire,
                     CrmQuestionnaireResponse *response,
                     CrmCustomer              *customer,
                     GPtrArray                *contacts,
                     GListModel               *industries)
{
  CrmSubmitPlan *self = g_object_new (CRM_TYPE_SUBMIT_PLAN, NULL);
  g_autoptr(CrmSkipLogic) logic = crm_questionnaire_build_skip_logic (questionnaire);
  g_autoptr(GHashTable) values = crm_questionnaire_response_dup_values (response);
  g_autoptr(GHashTable) fields = crm_questionnaire_customer_fields (customer);
  g_autoptr(GHashTable) skipped = crm_skip_logic_evaluate (logic, values, fields);
  g_autoptr(GPtrArray) questions = crm_questionnaire_list_questions (questionnaire);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  ContactAnswer contact[3] = { { NULL } };

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (questionnaire), NULL);
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE_RESPONSE (response), NULL);

  self->is_new_customer = customer == NULL;
  if (customer != NULL)
    self->customer = crm_customer_copy (customer);
  else
    {
      self->customer = crm_customer_new ();
      crm_customer_set_name (self->customer, crm_questionnaire_response_get_prospect_name (response));
    }

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    g_ptr_array_add (self->contacts, crm_contact_copy (g_ptr_array_index (contacts, i)));

  for (const char * const *t = crm_customer_get_tags (self->customer); t != NULL && *t != NULL; t++)
    g_ptr_array_add (tags, g_strdup (*t));

  for (guint i = 0; i < questions->len; i++)
    {
      CrmQuestion *question = g_ptr_array_index (questions, i);
      const CrmAnswer *answer = crm_questionnaire_response_get_answer (response, question->id);
      g_autofree char *shown = NULL;

      if (g_hash_table_contains (skipped, question->id))
        continue;

      if (crm_answer_is_empty (answer))
        {
          if (question->required)
            g_ptr_array_add (self->missing, g_strdup (question->title));
          continue;
        }

      shown = answer_text (question, answer, industries);

      if (crm_question_feeds (question, "customer.name") && answer->values[0] != NULL)
        {
          g_autofree char *name = g_strstrip (g_strdup (answer->values[0]));

          set_field (self, "name", "name", _("Name"), name, question, shown);
        }
      if (crm_question_feeds (question, "customer.industry") && answer->values[0] != NULL)
        feed_industry (self, question, answer, industries, shown);
      if (crm_question_feeds (question, "customer.employees") && answer->values[0] != NULL)
        feed_employees (self, question, answer, shown);
      if (crm_question_feeds (question, "customer.pain_points"))
        feed_pain_points (self, question, shown);
      if (crm_question_feeds (question, "contact.name"))
        contact[0] = (ContactAnswer) { question, g_strstrip (g_strdup (shown)) };
      if (crm_question_feeds (question, "contact.title"))
        contact[1] = (ContactAnswer) { question, g_strstrip (g_strdup (shown)) };
      if (crm_question_feeds (question, "contact.phone"))
        contact[2] = (ContactAnswer) { question, g_strstrip (g_strdup (shown)) };
      if (crm_question_feeds (question, "tags"))
        feed_tags (self, tags, question, answer, shown);
      if (crm_question_feeds (question, "requirement"))
        feed_requirement (self, question, shown);
      if (crm_question_feeds (question, "satisfaction") && answer->values[0] != NULL)
        feed_satisfaction (self, question, answer, shown);
    }

  feed_contact (self, contact);
  for (guint i = 0; i < G_N_ELEMENTS (contact); i++)
    g_free (contact[i].value);

  g_ptr_array_add (tags, NULL);
  self->tags = g_strdupv ((char **)tags->pdata);
  crm_customer_set_tags (self->customer, (const char * const *)self->tags);

  return self;
}

gboolean
crm_submit_plan_is_new_customer (CrmSubmitPlan *self)
{
  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), FALSE);
  return self->is_new_customer;
}

/**
 * crm_submit_plan_get_customer:
 *
 * Returns: (transfer none): the customer as it will be
 */
CrmCustomer *
crm_submit_plan_get_customer (CrmSubmitPlan *self)
{
  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), NULL);
  return self->customer;
}

/**
 * crm_submit_plan_get_contacts:
 *
 * Returns: (transfer none) (element-type CrmContact): the contacts as
 *   they will be
 */
GPtrArray *
crm_submit_plan_get_contacts (CrmSubmitPlan *self)
{
  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), NULL);
  return self->contacts;
}

const char * const *
crm_submit_plan_get_tags (CrmSubmitPlan *self)
{
  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), NULL);
  return (const char * const *)self->tags;
}

/**
 * crm_submit_plan_get_changes:
 *
 * Returns: (transfer none) (element-type CrmPlanChange): every change, in
 *   the order of the questions
 */
GPtrArray *
crm_submit_plan_get_changes (CrmSubmitPlan *self)
{
  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), NULL);
  return self->changes;
}

guint
crm_submit_plan_count (CrmSubmitPlan     *self,
                       CrmPlanChangeKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), 0);

  for (guint i = 0; i < self->changes->len; i++)
    if (((CrmPlanChange *)g_ptr_array_index (self->changes, i))->kind == kind)
      n++;

  return n;
}

const CrmPlanChange *
crm_submit_plan_find (CrmSubmitPlan     *self,
                      CrmPlanChangeKind  kind,
                      const char        *target)
{
  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      CrmPlanChange *change = g_ptr_array_index (self->changes, i);

      if (change->kind == kind && g_strcmp0 (change->target, target) == 0)
        return change;
    }

  return NULL;
}

gboolean
crm_submit_plan_get_key_follow_up (CrmSubmitPlan *self)
{
  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), FALSE);
  return self->key_follow_up;
}

/**
 * crm_submit_plan_dup_missing:
 *
 * Returns: (transfer full): the titles of required questions, shown to
 *   this customer, that have no answer; empty when it can be submitted
 */
GStrv
crm_submit_plan_dup_missing (CrmSubmitPlan *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CRM_IS_SUBMIT_PLAN (self), NULL);

  for (guint i = 0; i < self->missing->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->missing, i));

  return g_strv_builder_end (builder);
}
