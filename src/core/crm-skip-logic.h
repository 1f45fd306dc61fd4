/* crm-skip-logic.h — which modules and questions a response skips, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CrmConditionKind:
 * @CRM_CONDITION_ALL: true when every child is true.
 * @CRM_CONDITION_ANY: true when at least one child is true.
 * @CRM_CONDITION_NOT: true when its one child is false.
 * @CRM_CONDITION_ANSWER: compares the answer to the question @subject.
 * @CRM_CONDITION_CUSTOMER: compares the customer field @subject
 *   (customer_type, tier, industry, kind or employees).
 */
typedef enum
{
  CRM_CONDITION_ALL,
  CRM_CONDITION_ANY,
  CRM_CONDITION_NOT,
  CRM_CONDITION_ANSWER,
  CRM_CONDITION_CUSTOMER,
} CrmConditionKind;

/**
 * CrmConditionOp:
 * @CRM_CONDITION_OP_EQUALS: the value (or one chosen option) is @value.
 * @CRM_CONDITION_OP_NOT_EQUALS: it is answered and is not @value.
 * @CRM_CONDITION_OP_INCLUDES: one of the chosen options is @value.
 * @CRM_CONDITION_OP_ANSWERED: there is an answer.
 * @CRM_CONDITION_OP_NOT_ANSWERED: there is no answer (or it was skipped).
 * @CRM_CONDITION_OP_LESS_THAN: the number is below @value.
 * @CRM_CONDITION_OP_GREATER_THAN: the number is above @value.
 */
typedef enum
{
  CRM_CONDITION_OP_EQUALS,
  CRM_CONDITION_OP_NOT_EQUALS,
  CRM_CONDITION_OP_INCLUDES,
  CRM_CONDITION_OP_ANSWERED,
  CRM_CONDITION_OP_NOT_ANSWERED,
  CRM_CONDITION_OP_LESS_THAN,
  CRM_CONDITION_OP_GREATER_THAN,
} CrmConditionOp;

/*
 * A condition on earlier answers or on customer fields; a module or a
 * question with a condition is shown only while its condition holds.
 * @reason, when set, is what the person filling in reads when the
 * condition skips the item ("New customer: no cooperation history yet").
 */
typedef struct _CrmCondition CrmCondition;

struct _CrmCondition
{
  CrmConditionKind  kind;
  CrmConditionOp    op;
  char             *subject;
  char             *value;
  char             *reason;
  GPtrArray        *children;
};

#define CRM_TYPE_CONDITION (crm_condition_get_type ())

GType           crm_condition_get_type      (void) G_GNUC_CONST;
CrmCondition   *crm_condition_new           (CrmConditionKind  kind,
                                             CrmConditionOp    op,
                                             const char       *subject,
                                             const char       *value);
CrmCondition   *crm_condition_copy          (const CrmCondition *self);
void            crm_condition_free          (CrmCondition     *self);
void            crm_condition_add_child     (CrmCondition     *self,
                                             CrmCondition     *child);
void            crm_condition_collect_questions (const CrmCondition *self,
                                                 GPtrArray          *ids);
const char     *crm_condition_op_to_string  (CrmConditionOp    op);
gboolean        crm_condition_op_from_string (const char      *text,
                                              CrmConditionOp  *op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCondition, crm_condition_free)

/**
 * CrmSkipLogicError:
 * @CRM_SKIP_LOGIC_ERROR_UNKNOWN_QUESTION: a condition names a question the
 *   template does not have.
 * @CRM_SKIP_LOGIC_ERROR_CYCLE: conditions depend on each other in a circle,
 *   so no order of answering could decide them; the message names the
 *   circle.
 */
typedef enum
{
  CRM_SKIP_LOGIC_ERROR_UNKNOWN_QUESTION,
  CRM_SKIP_LOGIC_ERROR_CYCLE,
} CrmSkipLogicError;

#define CRM_SKIP_LOGIC_ERROR (crm_skip_logic_error_quark ())

GQuark crm_skip_logic_error_quark (void);

/*
 * The engine works on a graph of items (modules and questions, by id),
 * each with an optional condition and an optional parent (a question's
 * module). It is pure: it reads no database and keeps no state beyond
 * the graph, so tests drive it directly.
 */
typedef struct _CrmSkipLogic CrmSkipLogic;

CrmSkipLogic *crm_skip_logic_new       (void);
void          crm_skip_logic_free      (CrmSkipLogic        *self);
void          crm_skip_logic_add_item  (CrmSkipLogic        *self,
                                        const char          *id,
                                        const char          *parent_id,
                                        const char          *title,
                                        const CrmCondition  *condition);
gboolean      crm_skip_logic_check     (CrmSkipLogic        *self,
                                        GError             **error);
GHashTable   *crm_skip_logic_evaluate  (CrmSkipLogic        *self,
                                        GHashTable          *answers,
                                        GHashTable          *customer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmSkipLogic, crm_skip_logic_free)

G_END_DECLS
