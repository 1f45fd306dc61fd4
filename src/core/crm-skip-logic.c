/* crm-skip-logic.c — which modules and questions a response skips, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * An item is shown when its parent (a question's module) is shown and its
 * own condition holds. A condition on an answer sees only answers to
 * questions that are shown: the answer to a skipped question counts as
 * missing, so skips chain (skipping a module skips whatever depends on its
 * answers). That makes an item depend on the items its condition names;
 * a circle of such dependencies could never be decided, so
 * crm_skip_logic_check() refuses it, naming the circle.
 */

#define G_LOG_DOMAIN "crm-skip-logic"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "crm-skip-logic.h"

G_DEFINE_QUARK (crm-skip-logic-error-quark, crm_skip_logic_error)

G_DEFINE_BOXED_TYPE (CrmCondition, crm_condition, crm_condition_copy, crm_condition_free)

static const char * const op_names[] = {
  [CRM_CONDITION_OP_EQUALS] = "equals",
  [CRM_CONDITION_OP_NOT_EQUALS] = "not-equals",
  [CRM_CONDITION_OP_INCLUDES] = "includes",
  [CRM_CONDITION_OP_ANSWERED] = "answered",
  [CRM_CONDITION_OP_NOT_ANSWERED] = "not-answered",
  [CRM_CONDITION_OP_LESS_THAN] = "less-than",
  [CRM_CONDITION_OP_GREATER_THAN] = "greater-than",
};

CrmCondition *
crm_condition_new (CrmConditionKind  kind,
                   CrmConditionOp    op,
                   const char       *subject,
                   const char       *value)
{
  CrmCondition *self = g_new0 (CrmCondition, 1);

  self->kind = kind;
  self->op = op;
  self->subject = g_strdup (subject);
  self->value = g_strdup (value);
  if (kind == CRM_CONDITION_ALL || kind == CRM_CONDITION_ANY || kind == CRM_CONDITION_NOT)
    self->children = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_condition_free);

  return self;
}

CrmCondition *
crm_condition_copy (const CrmCondition *self)
{
  CrmCondition *copy;

  if (self == NULL)
    return NULL;

  copy = crm_condition_new (self->kind, self->op, self->subject, self->value);
  copy->reason = g_strdup (self->reason);
  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    crm_condition_add_child (copy, crm_condition_copy (g_ptr_array_index (self->children, i)));

  return copy;
}

void
crm_condition_free (CrmCondition *self)
{
  if (self == NULL)
    return;

  g_free (self->subject);
  g_free (self->value);
  g_free (self->reason);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self);
}

/**
 * crm_condition_add_child:
 * @self: an all, any or not condition
 * @child: (transfer full): the condition to add
 */
void
crm_condition_add_child (CrmCondition *self,
                         CrmCondition *child)
{
  g_return_if_fail (self != NULL && self->children != NULL);

  g_ptr_array_add (self->children, child);
}

/**
 * crm_condition_collect_questions:
 * @self: (nullable): a condition
 * @ids: (element-type utf8): where the ids of the questions it names are
 *   added (not copied: they belong to @self)
 */
void
crm_condition_collect_questions (const CrmCondition *self,
                                 GPtrArray          *ids)
{
  if (self == NULL)
    return;

  if (self->kind == CRM_CONDITION_ANSWER && self->subject != NULL)
    g_ptr_array_add (ids, self->subject);

  for (guint i = 0; self->children != NULL && i < self->children->len; i++)
    crm_condition_collect_questions (g_ptr_array_index (self->children, i), ids);
}

const char *
crm_condition_op_to_string (CrmConditionOp op)
{
  g_return_val_if_fail (op < G_N_ELEMENTS (op_names), NULL);

  return op_names[op];
}

gboolean
crm_condition_op_from_string (const char     *text,
                              CrmConditionOp *op)
{
  for (guint i = 0; i < G_N_ELEMENTS (op_names); i++)
    {
      if (g_strcmp0 (text, op_names[i]) == 0)
        {
          *op = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The engine ------------------------------------------------------------ */

typedef struct
{
  char         *id;
  char         *parent_id;
  char         *title;
  CrmCondition *condition;
} Item;

struct _CrmSkipLogic
{
  GPtrArray  *items;
  GHashTable *by_id;
};

static void
item_free (Item *item)
{
  g_free (item->id);
  g_free (item->parent_id);
  g_free (item->title);
  crm_condition_free (item->condition);
  g_free (item);
}

CrmSkipLogic *
crm_skip_logic_new (void)
{
  CrmSkipLogic *self = g_new0 (CrmSkipLogic, 1);

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

void
crm_skip_logic_free (CrmSkipLogic *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->items);
  g_free (self);
}

/**
 * crm_skip_logic_add_item:
 * @self: the engine
 * @id: the item's id, unique among modules and questions
 * @parent_id: (nullable): its module, for a question
 * @title: what a person calls it, for messages
 * @condition: (nullable): when it is shown; copied
 */
void
crm_skip_logic_add_item (CrmSkipLogic       *self,
                         const char         *id,
                         const char         *parent_id,
                         const char         *title,
                         const CrmCondition *condition)
{
  Item *item = g_new0 (Item, 1);

  item->id = g_strdup (id);
  item->parent_id = g_strdup (parent_id);
  item->title = g_strdup (title);
  item->condition = crm_condition_copy (condition);
  g_ptr_array_add (self->items, item);
  g_hash_table_replace (self->by_id, item->id, item);
}

static GPtrArray *
item_dependencies (Item *item)
{
  GPtrArray *deps = g_ptr_array_new ();

  if (item->parent_id != NULL)
    g_ptr_array_add (deps, item->parent_id);
  crm_condition_collect_questions (item->condition, deps);

  return deps;
}

enum { WHITE, GREY, BLACK };

static gboolean
visit (CrmSkipLogic  *self,
       Item          *item,
       GHashTable    *colour,
       GPtrArray     *path,
       GError       **error)
{
  g_autoptr(GPtrArray) deps = item_dependencies (item);

  g_hash_table_insert (colour, item->id, GINT_TO_POINTER (GREY));
  g_ptr_array_add (path, item);

  for (guint i = 0; i < deps->len; i++)
    {
      Item *dep = g_hash_table_lookup (self->by_id, g_ptr_array_index (deps, i));
      int state;

      if (dep == NULL)
        {
          g_set_error (error, CRM_SKIP_LOGIC_ERROR, CRM_SKIP_LOGIC_ERROR_UNKNOWN_QUESTION,
                       _("The condition of “%s” refers to “%s”, which is not a question of this template."),
                       item->title, (const char *)g_ptr_array_index (deps, i));
          return FALSE;
        }

      state = GPOINTER_TO_INT (g_hash_table_lookup (colour, dep->id));
      if (state == GREY)
        {
          g_autoptr(GString) circle = g_string_new (NULL);
          guint start = 0;

          while (start < path->len && g_ptr_array_index (path, start) != dep)
            start++;
          for (guint j = start; j < path->len; j++)
            g_string_append_printf (circle, "“%s” → ", ((Item *)g_ptr_array_index (path, j))->title);
          g_string_append_printf (circle, "“%s”", dep->title);

          g_set_error (error, CRM_SKIP_LOGIC_ERROR, CRM_SKIP_LOGIC_ERROR_CYCLE,
                       _("The skip conditions go round in a circle (%s), so they can never be decided."),
                       circle->str);
          return FALSE;
        }

      if (state == WHITE && !visit (self, dep, colour, path, error))
        return FALSE;
    }

  g_ptr_array_remove_index (path, path->len - 1);
  g_hash_table_insert (colour, item->id, GINT_TO_POINTER (BLACK));

  return TRUE;
}

/**
 * crm_skip_logic_check:
 * @self: the engine with every item added
 * @error: return location for a #CrmSkipLogicError
 *
 * Returns: %TRUE when every condition names an existing question and no
 *   conditions depend on each other in a circle
 */
gboolean
crm_skip_logic_check (CrmSkipLogic  *self,
                      GError       **error)
{
  g_autoptr(GHashTable) colour = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (GPOINTER_TO_INT (g_hash_table_lookup (colour, item->id)) == WHITE &&
          !visit (self, item, colour, path, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  CrmSkipLogic *self;
  GHashTable   *answers;
  GHashTable   *customer;
  GHashTable   *reasons;   /* id → reason, for skipped items */
  GHashTable   *decided;   /* id → TRUE once decided */
} Evaluation;

static gboolean item_is_shown (Evaluation *ev, Item *item);

static const char * const *
shown_answer (Evaluation *ev,
              const char *question_id)
{
  Item *item = g_hash_table_lookup (ev->self->by_id, question_id);
  const char * const *values;

  if (item == NULL || !item_is_shown (ev, item))
    return NULL;

  values = g_hash_table_lookup (ev->answers, question_id);
  if (values == NULL || values[0] == NULL)
    return NULL;

  return values;
}

static gboolean
compare_number (const char     *text,
                const char     *value,
                CrmConditionOp  op)
{
  char *end = NULL;
  double a, b;

  if (text == NULL || value == NULL)
    return FALSE;

  a = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  b = g_ascii_strtod (value, NULL);

  return op == CRM_CONDITION_OP_LESS_THAN ? a < b : a > b;
}

static gboolean
compare (const char * const *values,
         CrmConditionOp      op,
         const char         *value)
{
  gboolean answered = values != NULL && values[0] != NULL && values[0][0] != '\0';

  switch (op)
    {
    case CRM_CONDITION_OP_ANSWERED:
      return answered;
    case CRM_CONDITION_OP_NOT_ANSWERED:
      return !answered;
    case CRM_CONDITION_OP_EQUALS:
    case CRM_CONDITION_OP_INCLUDES:
      return answered && g_strv_contains (values, value != NULL ? value : "");
    case CRM_CONDITION_OP_NOT_EQUALS:
      return answered && !g_strv_contains (values, value != NULL ? value : "");
    case CRM_CONDITION_OP_LESS_THAN:
    case CRM_CONDITION_OP_GREATER_THAN:
      return answered && compare_number (values[0], value, op);
    default:
      return FALSE;
    }
}

static gboolean
condition_holds (Evaluation         *ev,
                 const CrmCondition *condition)
{
  switch (condition->kind)
    {
    case CRM_CONDITION_ALL:
      for (guint i = 0; i < condition->children->len; i++)
        if (!condition_holds (ev, g_ptr_array_index (condition->children, i)))
          return FALSE;
      return TRUE;

    case CRM_CONDITION_ANY:
      for (guint i = 0; i < condition->children->len; i++)
        if (condition_holds (ev, g_ptr_array_index (condition->children, i)))
          return TRUE;
      return FALSE;

    case CRM_CONDITION_NOT:
      return condition->children->len > 0 &&
             !condition_holds (ev, g_ptr_array_index (condition->children, 0));

    case CRM_CONDITION_ANSWER:
      return compare (shown_answer (ev, condition->subject), condition->op, condition->value);

    case CRM_CONDITION_CUSTOMER:
      {
        const char *field = ev->customer != NULL ? g_hash_table_lookup (ev->customer, condition->subject) : NULL;
        const char *values[] = { field, NULL };

        return compare (field != NULL ? values : NULL, condition->op, condition->value);
      }

    default:
      return FALSE;
    }
}

static char *
describe_skip (Evaluation         *ev,
               const CrmCondition *condition)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (condition->reason != NULL && condition->reason[0] != '\0')
    return g_strdup (condition->reason);

  crm_condition_collect_questions (condition, ids);
  if (ids->len > 0)
    {
      Item *about = g_hash_table_lookup (ev->self->by_id, g_ptr_array_index (ids, 0));

      return g_strdup_printf (_("Skipped because of the answer to “%s”."),
                              about != NULL ? about->title : (const char *)g_ptr_array_index (ids, 0));
    }

  return g_strdup (_("Skipped for this customer."));
}

static gboolean
item_is_shown (Evaluation *ev,
               Item       *item)
{
  char *reason = NULL;

  if (g_hash_table_contains (ev->decided, item->id))
    return !g_hash_table_contains (ev->reasons, item->id);

  /* Marked before recursing; crm_skip_logic_check() refused circles, and
   * this keeps an unchecked graph from recursing forever. */
  g_hash_table_add (ev->decided, item->id);

  if (item->parent_id != NULL)
    {
      Item *parent = g_hash_table_lookup (ev->self->by_id, item->parent_id);

      if (parent != NULL && !item_is_shown (ev, parent))
        reason = g_strdup (g_hash_table_lookup (ev->reasons, parent->id));
    }

  if (reason == NULL && item->condition != NULL && !condition_holds (ev, item->condition))
    reason = describe_skip (ev, item->condition);

  if (reason != NULL)
    g_hash_table_insert (ev->reasons, item->id, reason);

  return reason == NULL;
}

/**
 * crm_skip_logic_evaluate:
 * @self: the engine
 * @answers: (element-type utf8 GStrv): question id → the answer's values
 *   (chosen option ids, or the one typed value)
 * @customer: (nullable) (element-type utf8 utf8): customer field → value
 *
 * Returns: (transfer full) (element-type utf8 utf8): the id of every
 *   skipped item → why it is skipped, as a sentence to show; items shown
 *   are absent. The ids belong to @self.
 */
GHashTable *
crm_skip_logic_evaluate (CrmSkipLogic *self,
                         GHashTable   *answers,
                         GHashTable   *customer)
{
  Evaluation ev = { self, answers, customer, NULL, NULL };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  ev.reasons = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ev.decided = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->items->len; i++)
    item_is_shown (&ev, g_ptr_array_index (self->items, i));

  g_hash_table_unref (ev.decided);

  return ev.reasons;
}
