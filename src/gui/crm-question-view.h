/* crm-question-view.h — one question being answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "crm-questionnaire.h"
#include "crm-questionnaire-response.h"

G_BEGIN_DECLS

#define CRM_TYPE_QUESTION_VIEW (crm_question_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuestionView, crm_question_view, CRM, QUESTION_VIEW, GtkWidget)

/*
 * Signal "changed" (no arguments): the person changed the answer; read it
 * with crm_question_view_dup_answer().
 */

GtkWidget   *crm_question_view_new          (CrmQuestionnaire  *questionnaire,
                                             CrmQuestion       *question,
                                             const CrmAnswer   *answer,
                                             GListModel        *industries);
const char  *crm_question_view_get_question_id (CrmQuestionView *self);
CrmAnswer   *crm_question_view_dup_answer   (CrmQuestionView   *self);
void         crm_question_view_set_skipped  (CrmQuestionView   *self,
                                             const char        *reason);
void         crm_question_view_set_error    (CrmQuestionView   *self,
                                             const char        *message);

G_END_DECLS
