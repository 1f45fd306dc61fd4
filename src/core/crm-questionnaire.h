/* crm-questionnaire.h — a questionnaire template (问卷模板)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crm-skip-logic.h"

G_BEGIN_DECLS

/**
 * CrmQuestionKind:
 * @CRM_QUESTION_SINGLE: one of the options.
 * @CRM_QUESTION_MULTIPLE: any of the options, and with allow-other a
 *   typed "other" answer.
 * @CRM_QUESTION_TEXT: free text.
 * @CRM_QUESTION_RATING: a whole number from 1 to 5.
 * @CRM_QUESTION_NUMBER: a number.
 * @CRM_QUESTION_DATE: a date, ISO 8601 ("2024-03-01").
 */
typedef enum
{
  CRM_QUESTION_SINGLE,
  CRM_QUESTION_MULTIPLE,
  CRM_QUESTION_TEXT,
  CRM_QUESTION_RATING,
  CRM_QUESTION_NUMBER,
  CRM_QUESTION_DATE,
} CrmQuestionKind;

const char *crm_question_kind_to_string   (CrmQuestionKind  kind);
gboolean    crm_question_kind_from_string (const char      *text,
                                           CrmQuestionKind *kind);
const char *crm_question_kind_to_label    (CrmQuestionKind  kind);

typedef struct
{
  char *id;
  char *label;
} CrmQuestionOption;

/*
 * A question. @feeds lists what its answer changes when the response is
 * submitted (see crm-submit-plan.h): "customer.industry",
 * "customer.employees", "customer.pain_points", "contact.name",
 * "contact.title", "contact.phone", "tags", "requirement",
 * "satisfaction". @prefill names the customer field the answer starts
 * from ("name", "industry", "employees", "contact.name", …). With
 * @options_from "industries" the options are the database's industries
 * (by code) rather than @options.
 */
typedef struct
{
  char            *id;
  CrmQuestionKind  kind;
  char            *title;
  char            *help;
  gboolean         required;
  gboolean         allow_other;
  GPtrArray       *options;
  char            *options_from;
  GStrv            feeds;
  char            *prefill;
  CrmCondition    *condition;
} CrmQuestion;

typedef struct
{
  char         *id;
  char         *title;
  char         *help;
  CrmCondition *condition;
  GPtrArray    *questions;
} CrmQuestionModule;

CrmQuestion       *crm_question_new          (const char      *id,
                                              CrmQuestionKind  kind,
                                              const char      *title);
void               crm_question_free         (CrmQuestion     *question);
void               crm_question_add_option   (CrmQuestion     *question,
                                              const char      *id,
                                              const char      *label);
void               crm_question_set_option_labels (CrmQuestion        *question,
                                                   const char * const *labels);
const CrmQuestionOption *crm_question_find_option (const CrmQuestion *question,
                                                   const char        *id);
gboolean           crm_question_feeds        (const CrmQuestion *question,
                                              const char        *target);
CrmQuestionModule *crm_question_module_new   (const char      *id,
                                              const char      *title);
void               crm_question_module_free  (CrmQuestionModule *module);

#define CRM_TYPE_QUESTIONNAIRE (crm_questionnaire_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuestionnaire, crm_questionnaire, CRM, QUESTIONNAIRE, GObject)

/*
 * Properties (read-write, explicit notify): id (gint64, 0 until saved),
 * family (string: what the versions of one template share), version
 * (int, from 1), name, builtin (boolean: Rapport's own template, whose
 * texts are translated when read). Module and question ids are unique
 * across the template; answers refer to questions by id, so versions of
 * one family keep the ids of the questions they share.
 */

CrmQuestionnaire  *crm_questionnaire_new           (const char       *name);
CrmQuestionnaire  *crm_questionnaire_copy          (CrmQuestionnaire *self);
gint64             crm_questionnaire_get_id        (CrmQuestionnaire *self);
void               crm_questionnaire_set_id        (CrmQuestionnaire *self,
                                                    gint64            id);
const char        *crm_questionnaire_get_family    (CrmQuestionnaire *self);
void               crm_questionnaire_set_family    (CrmQuestionnaire *self,
                                                    const char       *family);
int                crm_questionnaire_get_version   (CrmQuestionnaire *self);
void               crm_questionnaire_set_version   (CrmQuestionnaire *self,
                                                    int               version);
const char        *crm_questionnaire_get_name      (CrmQuestionnaire *self);
void               crm_questionnaire_set_name      (CrmQuestionnaire *self,
                                                    const char       *name);
gboolean           crm_questionnaire_get_builtin   (CrmQuestionnaire *self);
void               crm_questionnaire_set_builtin   (CrmQuestionnaire *self,
                                                    gboolean          builtin);

GPtrArray         *crm_questionnaire_get_modules   (CrmQuestionnaire *self);
void               crm_questionnaire_add_module    (CrmQuestionnaire *self,
                                                    CrmQuestionModule *module);
guint              crm_questionnaire_get_n_modules (CrmQuestionnaire *self);
CrmQuestionModule *crm_questionnaire_get_module    (CrmQuestionnaire *self,
                                                    guint             index);
int                crm_questionnaire_find_module   (CrmQuestionnaire *self,
                                                    const char       *module_id);
CrmQuestion       *crm_questionnaire_find_question (CrmQuestionnaire *self,
                                                    const char       *question_id,
                                                    CrmQuestionModule **module);
GPtrArray         *crm_questionnaire_list_questions (CrmQuestionnaire *self);
char              *crm_questionnaire_new_item_id   (CrmQuestionnaire *self,
                                                    const char       *prefix);
CrmSkipLogic      *crm_questionnaire_build_skip_logic (CrmQuestionnaire *self);
gboolean           crm_questionnaire_check_conditions (CrmQuestionnaire *self,
                                                       GError          **error);
void               crm_questionnaire_translate     (CrmQuestionnaire *self);

G_END_DECLS
