/* crm-questionnaire-builtin.h — Rapport's standard customer questionnaire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-questionnaire.h"

G_BEGIN_DECLS

/* The family of the built-in template's versions. */
#define CRM_QUESTIONNAIRE_BUILTIN_FAMILY "standard"

CrmQuestionnaire *crm_questionnaire_builtin_new (void);

G_END_DECLS
