/* crm-questionnaire-builtin.c — Rapport's standard customer questionnaire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The standard customer information questionnaire (客户信息调查问卷), as
 * tables. Its texts are marked with N_() and kept untranslated in the
 * database; crm_questionnaire_translate() translates them when the
 * template is read, so the same template reads in every language.
 */

#define G_LOG_DOMAIN "crm-questionnaire"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-questionnaire-builtin.h"

typedef struct
{
  const char *id;
  const char *label;
} OptionSpec;

typedef struct
{
  const char       *id;
  CrmQuestionKind   kind;
  const char       *title;
  const char       *help;
  gboolean          required;
  gboolean          allow_other;
  const char       *prefill;
  const char       *feeds[3];
  const OptionSpec *options;
} QuestionSpec;

static const OptionSpec concerns[] = {
  { "cost", N_("Cost reduction") },
  { "technology", N_("Technology upgrade") },
  { "market", N_("Market expansion") },
  { "compliance", N_("Compliance") },
  { NULL },
};

static const OptionSpec budgets[] = {
  { "under-50k", N_("Under 50 000 yuan") },
  { "50k-200k", N_("50 000 to 200 000 yuan") },
  { "200k-500k", N_("200 000 to 500 000 yuan") },
  { "over-500k", N_("Over 500 000 yuan") },
  { NULL },
};

static const OptionSpec decision_cycles[] = {
  { "1m", N_("Within a month") },
  { "1-3m", N_("1 to 3 months") },
  { "3-6m", N_("3 to 6 months") },
  { "over-6m", N_("Over 6 months") },
  { NULL },
};

static const OptionSpec durations[] = {
  { "under-1y", N_("Under a year") },
  { "1-3y", N_("1 to 3 years") },
  { "over-3y", N_("Over 3 years") },
  { NULL },
};

static const OptionSpec frequencies[] = {
  { "weekly", N_("Contact weekly") },
  { "monthly", N_("Contact monthly") },
  { "quarterly", N_("Contact quarterly") },
  { NULL },
};

static const OptionSpec channels[] = {
  { "phone", N_("Prefers phone calls") },
  { "visit", N_("Prefers visits") },
  { "email", N_("Prefers e-mail") },
  { "online", N_("Prefers online meetings") },
  { NULL },
};

static const OptionSpec information[] = {
  { "product", N_("Wants product updates") },
  { "industry", N_("Wants industry reports") },
  { "cases", N_("Wants case studies") },
  { "training", N_("Wants training") },
  { NULL },
};

static const QuestionSpec basic_questions[] = {
  { "company", CRM_QUESTION_TEXT, N_("Company name"),
    N_("Starts from the customer record; correct it if it changed."), TRUE, FALSE,
    "name", { "customer.name" } },
  { "industry", CRM_QUESTION_SINGLE, N_("Industry"), NULL, TRUE, FALSE,
    "industry", { "customer.industry" } },
  { "employees", CRM_QUESTION_NUMBER, N_("Number of employees"), NULL, FALSE, FALSE,
    "employees", { "customer.employees" } },
  { "contact", CRM_QUESTION_TEXT, N_("Main contact"),
    N_("The person answering, or the one who decides."), FALSE, FALSE,
    "contact.name", { "contact.name" } },
  { "contact-title", CRM_QUESTION_TEXT, N_("Contact's title"), NULL, FALSE, FALSE,
    "contact.title", { "contact.title" } },
  { "contact-phone", CRM_QUESTION_TEXT, N_("Contact's phone"), NULL, FALSE, FALSE,
    "contact.phone", { "contact.phone" } },
  { NULL },
};

static const QuestionSpec needs_questions[] = {
  { "concerns", CRM_QUESTION_MULTIPLE, N_("Core concerns"),
    N_("Choose every one that applies; add others in “Other”."), TRUE, TRUE,
    NULL, { "tags" }, concerns },
  { "pain-point", CRM_QUESTION_TEXT, N_("Main pain point"),
    N_("In the customer's own words: what goes wrong, how often, and what it costs."), FALSE, FALSE,
    NULL, { "customer.pain_points", "requirement" } },
  { "budget", CRM_QUESTION_SINGLE, N_("Budget"), NULL, FALSE, FALSE,
    NULL, { NULL }, budgets },
  { "decision-cycle", CRM_QUESTION_SINGLE, N_("Decision cycle"), NULL, FALSE, FALSE,
    NULL, { NULL }, decision_cycles },
  { NULL },
};

static const QuestionSpec history_questions[] = {
  { "duration", CRM_QUESTION_SINGLE, N_("How long have you worked with us?"), NULL, FALSE, FALSE,
    NULL, { NULL }, durations },
  { "products", CRM_QUESTION_TEXT, N_("Products and services used"), NULL, FALSE, FALSE },
  { "satisfaction", CRM_QUESTION_RATING, N_("Overall satisfaction"),
    N_("1 is very dissatisfied, 5 very satisfied. Below 3 flags the customer for key follow-up."),
    TRUE, FALSE, NULL, { "satisfaction" } },
  { "improve", CRM_QUESTION_TEXT, N_("What should we improve?"), NULL, FALSE, FALSE },
  { "not-renewing", CRM_QUESTION_TEXT, N_("Reasons for not renewing"), NULL, FALSE, FALSE },
  { NULL },
};

static const QuestionSpec relationship_questions[] = {
  { "frequency", CRM_QUESTION_SINGLE, N_("Preferred contact frequency"), NULL, FALSE, FALSE,
    NULL, { "tags" }, frequencies },
  { "channel", CRM_QUESTION_SINGLE, N_("Preferred channel"), NULL, FALSE, FALSE,
    NULL, { "tags" }, channels },
  { "information", CRM_QUESTION_MULTIPLE, N_("Information wanted"), NULL, FALSE, TRUE,
    NULL, { "tags" }, information },
  { NULL },
};

static const QuestionSpec expansion_questions[] = {
  { "plans", CRM_QUESTION_TEXT, N_("Plans for the next 6 to 12 months"),
    N_("New sites, products, markets or teams."), FALSE, FALSE,
    NULL, { "requirement" } },
  { "support", CRM_QUESTION_TEXT, N_("Support needed from us"), NULL, FALSE, FALSE,
    NULL, { "requirement" } },
  { NULL },
};

static const QuestionSpec other_questions[] = {
  { "remarks", CRM_QUESTION_TEXT, N_("Other remarks"), NULL, FALSE, FALSE },
  { NULL },
};

static const struct {
  const char         *id;
  const char         *title;
  const char         *help;
  const QuestionSpec *questions;
} modules[] = {
  { "basic", N_("Basic information"),
    N_("Confirm the customer's details; the answers start from the record."), basic_questions },
  { "needs", N_("Current business needs"), NULL, needs_questions },
  { "history", N_("Cooperation history"), NULL, history_questions },
  { "relationship", N_("Relationship maintenance"), N_("How the customer wants to hear from us."),
    relationship_questions },
  { "expansion", N_("Expansion plans"), NULL, expansion_questions },
  { "other", N_("Other"), NULL, other_questions },
};

static CrmQuestion *
question_from_spec (const QuestionSpec *spec)
{
  CrmQuestion *question = crm_question_new (spec->id, spec->kind, spec->title);
  g_autoptr(GStrvBuilder) feeds = g_strv_builder_new ();

  question->help = g_strdup (spec->help);
  question->required = spec->required;
  question->allow_other = spec->allow_other;
  question->prefill = g_strdup (spec->prefill);
  for (guint i = 0; i < G_N_ELEMENTS (spec->feeds) && spec->feeds[i] != NULL; i++)
    g_strv_builder_add (feeds, spec->feeds[i]);
  question->feeds = g_strv_builder_end (feeds);
  for (guint i = 0; spec->options != NULL && spec->options[i].id != NULL; i++)
    crm_question_add_option (question, spec->options[i].id, spec->options[i].label);

  return question;
}

/**
 * crm_questionnaire_builtin_new:
 *
 * Returns: (transfer full): the standard customer questionnaire, with its
 *   texts untranslated (see crm_questionnaire_translate())
 */
CrmQuestionnaire *
crm_questionnaire_builtin_new (void)
{
  CrmQuestionnaire *self = crm_questionnaire_new (N_("Customer information questionnaire"));
  CrmQuestion *question;
  CrmCondition *condition;

  crm_questionnaire_set_family (self, CRM_QUESTIONNAIRE_BUILTIN_FAMILY);
  crm_questionnaire_set_builtin (self, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (modules); i++)
    {
      CrmQuestionModule *module = crm_question_module_new (modules[i].id, modules[i].title);

      module->help = g_strdup (modules[i].help);
      for (guint j = 0; modules[i].questions[j].id != NULL; j++)
        g_ptr_array_add (module->questions, question_from_spec (&modules[i].questions[j]));
      crm_questionnaire_add_module (self, module);
    }

  /* A new customer has no cooperation history to ask about. */
  condition = crm_condition_new (CRM_CONDITION_CUSTOMER, CRM_CONDITION_OP_NOT_EQUALS, "customer_type", "new");
  condition->reason = g_strdup (N_("Skipped: a new customer has no cooperation history yet."));
  crm_questionnaire_get_module (self, crm_questionnaire_find_module (self, "history"))->condition = condition;

  question = crm_questionnaire_find_question (self, "industry", NULL);
  question->options_from = g_strdup ("industries");

  /* Reasons for not renewing are asked of customers who are not happy. */
  question = crm_questionnaire_find_question (self, "not-renewing", NULL);
  question->condition = crm_condition_new (CRM_CONDITION_ANSWER, CRM_CONDITION_OP_LESS_THAN, "satisfaction", "4");
  question->condition->reason = g_strdup (N_("Skipped: asked only when satisfaction is below 4."));

  return self;
}
