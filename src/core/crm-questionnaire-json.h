/* crm-questionnaire-json.h — questionnaire templates as JSON files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-questionnaire.h"

G_BEGIN_DECLS

/**
 * CrmQuestionnaireError:
 * @CRM_QUESTIONNAIRE_ERROR_TOO_LARGE: the file is larger than a template
 *   can be (1 MiB), or has too many modules, questions or options.
 * @CRM_QUESTIONNAIRE_ERROR_MALFORMED: the file is not JSON; the message
 *   gives the line.
 * @CRM_QUESTIONNAIRE_ERROR_TOO_DEEP: the JSON nests deeper than a template
 *   ever does (a hostile or broken file).
 * @CRM_QUESTIONNAIRE_ERROR_INVALID: a member is missing, of the wrong type
 *   or out of range; the message names where it is and what was expected.
 * @CRM_QUESTIONNAIRE_ERROR_UNKNOWN_KIND: a question kind Rapport does not
 *   know.
 * @CRM_QUESTIONNAIRE_ERROR_DUPLICATE_ID: two modules or questions share an
 *   id.
 * @CRM_QUESTIONNAIRE_ERROR_CONDITION: a skip condition names a missing
 *   question, or conditions go round in a circle.
 *
 * Errors in the `crm-questionnaire-error-quark` domain, from reading a
 * template. A template that fails is not imported at all.
 */
typedef enum
{
  CRM_QUESTIONNAIRE_ERROR_TOO_LARGE,
  CRM_QUESTIONNAIRE_ERROR_MALFORMED,
  CRM_QUESTIONNAIRE_ERROR_TOO_DEEP,
  CRM_QUESTIONNAIRE_ERROR_INVALID,
  CRM_QUESTIONNAIRE_ERROR_UNKNOWN_KIND,
  CRM_QUESTIONNAIRE_ERROR_DUPLICATE_ID,
  CRM_QUESTIONNAIRE_ERROR_CONDITION,
} CrmQuestionnaireError;

#define CRM_QUESTIONNAIRE_ERROR (crm_questionnaire_error_quark ())

/* The value of a template file's "format" member. */
#define CRM_QUESTIONNAIRE_FORMAT "rapport-questionnaire"

/* The largest template file read, in bytes. */
#define CRM_QUESTIONNAIRE_MAX_FILE_SIZE (1024 * 1024)

GQuark            crm_questionnaire_error_quark   (void);
CrmQuestionnaire *crm_questionnaire_from_json     (const char        *text,
                                                   gssize             length,
                                                   GError           **error);
char             *crm_questionnaire_to_json       (CrmQuestionnaire  *self);
CrmQuestionnaire *crm_questionnaire_load_file     (const char        *path,
                                                   GError           **error);
gboolean          crm_questionnaire_save_file     (CrmQuestionnaire  *self,
                                                   const char        *path,
                                                   gboolean           overwrite,
                                                   GError           **error);

G_END_DECLS
