/* crm-questionnaire.c — a questionnaire template (问卷模板)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-questionnaire"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crm-questionnaire.h"

struct _CrmQuestionnaire
{
  GObject    parent_instance;

  gint64     id;
  char      *family;
  int        version;
  char      *name;
  gboolean   builtin;
  GPtrArray *modules;
};

G_DEFINE_FINAL_TYPE (CrmQuestionnaire, crm_questionnaire, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FAMILY,
  PROP_VERSION,
  PROP_NAME,
  PROP_BUILTIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() arrived in GLib 2.76. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  return TRUE;
}

static const struct {
  const char *name;
  const char *label;
} kinds[] = {
  [CRM_QUESTION_SINGLE] = { "single", N_("Single choice") },
  [CRM_QUESTION_MULTIPLE] = { "multiple", N_("Multiple choice") },
  [CRM_QUESTION_TEXT] = { "text", N_("Free text") },
  [CRM_QUESTION_RATING] = { "rating", N_("Rating 1–5") },
  [CRM_QUESTION_NUMBER] = { "number", N_("Number") },
  [CRM_QUESTION_DATE] = { "date", N_("Date") },
};

const char *
crm_question_kind_to_string (CrmQuestionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind].name;
}

gboolean
crm_question_kind_from_string (const char      *text,
                               CrmQuestionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (text, kinds[i].name) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
crm_question_kind_to_label (CrmQuestionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return _(kinds[kind].label);
}

static void
option_free (CrmQuestionOption *option)
{
  g_free (option->id);
  g_free (option->label);
  g_free (option);
}

CrmQuestion *
crm_question_new (const char      *id,
                  CrmQuestionKind  kind,
                  const char      *title)
{
  CrmQuestion *question = g_new0 (CrmQuestion, 1);

  question->id = g_strdup (id);
  question->kind = kind;
  question->title = g_strdup (title);
  question->options = g_ptr_array_new_with_free_func ((GDestroyNotify)option_free);

  return question;
}

void
crm_question_free (CrmQuestion *question)
{
  if (question == NULL)
    return;

  g_free (question->id);
  g_free (question->title);
  g_free (question->help);
  g_ptr_array_unref (question->options);
  g_free (question->options_from);
  g_strfreev (question->feeds);
  g_free (question->prefill);
  crm_condition_free (question->condition);
  g_free (question);
}

void
crm_question_add_option (CrmQuestion *question,
                         const char  *id,
                         const char  *label)
{
  CrmQuestionOption *option = g_new0 (CrmQuestionOption, 1);

  option->id = g_strdup (id);
  option->label = g_strdup (label);
  g_ptr_array_add (question->options, option);
}

const CrmQuestionOption *
crm_question_find_option (const CrmQuestion *question,
                          const char        *id)
{
  for (guint i = 0; i < question->options->len; i++)
    {
      CrmQuestionOption *option = g_ptr_array_index (question->options, i);

      if (g_strcmp0 (option->id, id) == 0)
        return option;
    }

  return NULL;
}

/**
 * crm_question_set_option_labels:
 * @labels: the options' texts, in order; empty ones are dropped
 *
 * Replaces the options. An option whose text is kept keeps its id, so
 * answers and conditions that name it keep working; a new text gets an
 * id no option had.
 */
void
crm_question_set_option_labels (CrmQuestion        *question,
                                const char * const *labels)
{
  g_autoptr(GPtrArray) old = question->options;
  guint next = 1;

  question->options = g_ptr_array_new_with_free_func ((GDestroyNotify)option_free);

  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    {
      g_autofree char *label = g_strstrip (g_strdup (labels[i]));
      g_autofree char *id = NULL;

      if (*label == '\0')
        continue;

      for (guint j = 0; j < old->len && id == NULL; j++)
        {
          CrmQuestionOption *option = g_ptr_array_index (old, j);

          if (g_strcmp0 (option->label, label) == 0 && crm_question_find_option (question, option->id) == NULL)
            id = g_strdup (option->id);
        }

      while (id == NULL)
        {
          g_autofree char *candidate = g_strdup_printf ("o%u", next++);
          gboolean used = crm_question_find_option (question, candidate) != NULL;

          for (guint j = 0; j < old->len && !used; j++)
            used = g_strcmp0 (((CrmQuestionOption *)g_ptr_array_index (old, j))->id, candidate) == 0;
          if (!used)
            id = g_steal_pointer (&candidate);
        }

      crm_question_add_option (question, id, label);
    }
}

gboolean
crm_question_feeds (const CrmQuestion *question,
                    const char        *target)
{
  return question->feeds != NULL && g_strv_contains ((const char * const *)question->feeds, target);
}

static CrmQuestion *
question_copy (const CrmQuestion *question)
{
  CrmQuestion *copy = crm_question_new (question->id, question->kind, question->title);

  copy->help = g_strdup (question->help);
  copy->required = question->required;
  copy->allow_other = question->allow_other;
  copy->options_from = g_strdup (question->options_from);
  copy->feeds = g_strdupv (question->feeds);
  copy->prefill = g_strdup (question->prefill);
  copy->condition = crm_condition_copy (question->condition);
  for (guint i = 0; i < question->options->len; i++)
    {
      CrmQuestionOption *option = g_ptr_array_index (question->options, i);

      crm_question_add_option (copy, option->id, option->label);
    }

  return copy;
}

CrmQuestionModule *
crm_question_module_new (const char *id,
                         const char *title)
{
  CrmQuestionModule *module = g_new0 (CrmQuestionModule, 1);

  module->id = g_strdup (id);
  module->title = g_strdup (title);
  module->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_question_free);

  return module;
}

void
crm_question_module_free (CrmQuestionModule *module)
{
  if (module == NULL)
    return;

  g_free (module->id);
  g_free (module->title);
  g_free (module->help);
  crm_condition_free (module->condition);
  g_ptr_array_unref (module->questions);
  g_free (module);
}

static void
crm_questionnaire_finalize (GObject *object)
{
  CrmQuestionnaire *self = (CrmQuestionnaire *)object;

  g_free (self->family);
  g_free (self->name);
  g_ptr_array_unref (self->modules);

  G_OBJECT_CLASS (crm_questionnaire_parent_class)->finalize (object);
}

static void
crm_questionnaire_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmQuestionnaire *self = CRM_QUESTIONNAIRE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FAMILY:
      g_value_set_string (value, self->family);
      break;
    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_questionnaire_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmQuestionnaire *self = CRM_QUESTIONNAIRE (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_questionnaire_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_FAMILY:
      crm_questionnaire_set_family (self, g_value_get_string (value));
      break;
    case PROP_VERSION:
      crm_questionnaire_set_version (self, g_value_get_int (value));
      break;
    case PROP_NAME:
      crm_questionnaire_set_name (self, g_value_get_string (value));
      break;
    case PROP_BUILTIN:
      crm_questionnaire_set_builtin (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_questionnaire_class_init (CrmQuestionnaireClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_questionnaire_finalize;
  object_class->get_property = crm_questionnaire_get_property;
  object_class->set_property = crm_questionnaire_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY] =
    g_param_spec_string ("family", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_questionnaire_init (CrmQuestionnaire *self)
{
  self->version = 1;
  self->modules = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_question_module_free);
}

CrmQuestionnaire *
crm_questionnaire_new (const char *name)
{
  return g_object_new (CRM_TYPE_QUESTIONNAIRE, "name", name, NULL);
}

/**
 * crm_questionnaire_copy:
 * @self: a template
 *
 * Returns: (transfer full): a deep copy, which the template editor changes
 */
CrmQuestionnaire *
crm_questionnaire_copy (CrmQuestionnaire *self)
{
  CrmQuestionnaire *copy;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), NULL);

  copy = g_object_new (CRM_TYPE_QUESTIONNAIRE,
                       "id", self->id,
                       "family", self->family,
                       "version", self->version,
                       "name", self->name,
                       "builtin", self->builtin,
                       NULL);

  for (guint i = 0; i < self->modules->len; i++)
    {
      CrmQuestionModule *module = g_ptr_array_index (self->modules, i);
      CrmQuestionModule *module_copy = crm_question_module_new (module->id, module->title);

      module_copy->help = g_strdup (module->help);
      module_copy->condition = crm_condition_copy (module->condition);
      for (guint j = 0; j < module->questions->len; j++)
        g_ptr_array_add (module_copy->questions, question_copy (g_ptr_array_index (module->questions, j)));
      g_ptr_array_add (copy->modules, module_copy);
    }

  return copy;
}

#define DEFINE_STRING_SETTER(field, prop)                                   \
  void                                                                       \
  crm_questionnaire_set_##field (CrmQuestionnaire *self,                     \
                                 const char       *value)                    \
  {                                                                          \
    g_return_if_fail (CRM_IS_QUESTIONNAIRE (self));                          \
    if (set_str (&self->field, value))                                     \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);          \
  }                                                                          \
  const char *                                                               \
  crm_questionnaire_get_##field (CrmQuestionnaire *self)                     \
  {                                                                          \
    g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), NULL);                \
    return self->field;                                                      \
  }

DEFINE_STRING_SETTER (family, PROP_FAMILY)
DEFINE_STRING_SETTER (name, PROP_NAME)

gint64
crm_questionnaire_get_id (CrmQuestionnaire *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), 0);

  return self->id;
}

void
crm_questionnaire_set_id (CrmQuestionnaire *self,
                          gint64            id)
{
  g_return_if_fail (CRM_IS_QUESTIONNAIRE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

int
crm_questionnaire_get_version (CrmQuestionnaire *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), 0);

  return self->version;
}

void
crm_questionnaire_set_version (CrmQuestionnaire *self,
                               int               version)
{
  g_return_if_fail (CRM_IS_QUESTIONNAIRE (self));

  if (self->version == version)
    return;
  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gboolean
crm_questionnaire_get_builtin (CrmQuestionnaire *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), FALSE);

  return self->builtin;
}

void
crm_questionnaire_set_builtin (CrmQuestionnaire *self,
                               gboolean          builtin)
{
  g_return_if_fail (CRM_IS_QUESTIONNAIRE (self));

  builtin = !!builtin;
  if (self->builtin == builtin)
    return;
  self->builtin = builtin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
}

/**
 * crm_questionnaire_get_modules:
 *
 * Returns: (transfer none) (element-type CrmQuestionModule): the modules,
 *   in order; the template editor changes this array in place
 */
GPtrArray *
crm_questionnaire_get_modules (CrmQuestionnaire *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), NULL);

  return self->modules;
}

/**
 * crm_questionnaire_add_module:
 * @module: (transfer full): the module to append
 */
void
crm_questionnaire_add_module (CrmQuestionnaire  *self,
                              CrmQuestionModule *module)
{
  g_return_if_fail (CRM_IS_QUESTIONNAIRE (self));

  g_ptr_array_add (self->modules, module);
}

guint
crm_questionnaire_get_n_modules (CrmQuestionnaire *self)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), 0);

  return self->modules->len;
}

CrmQuestionModule *
crm_questionnaire_get_module (CrmQuestionnaire *self,
                              guint             index)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), NULL);
  g_return_val_if_fail (index < self->modules->len, NULL);

  return g_ptr_array_index (self->modules, index);
}

int
crm_questionnaire_find_module (CrmQuestionnaire *self,
                               const char       *module_id)
{
  for (guint i = 0; i < self->modules->len; i++)
    if (g_strcmp0 (((CrmQuestionModule *)g_ptr_array_index (self->modules, i))->id, module_id) == 0)
      return i;

  return -1;
}

/**
 * crm_questionnaire_find_question:
 * @module: (out) (optional) (transfer none): its module
 *
 * Returns: (transfer none) (nullable): the question with @question_id
 */
CrmQuestion *
crm_questionnaire_find_question (CrmQuestionnaire   *self,
                                 const char         *question_id,
                                 CrmQuestionModule **module)
{
  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), NULL);

  for (guint i = 0; i < self->modules->len; i++)
    {
      CrmQuestionModule *m = g_ptr_array_index (self->modules, i);

      for (guint j = 0; j < m->questions->len; j++)
        {
          CrmQuestion *question = g_ptr_array_index (m->questions, j);

          if (g_strcmp0 (question->id, question_id) == 0)
            {
              if (module != NULL)
                *module = m;
              return question;
            }
        }
    }

  return NULL;
}

/**
 * crm_questionnaire_list_questions:
 *
 * Returns: (transfer container) (element-type CrmQuestion): every
 *   question, in order
 */
GPtrArray *
crm_questionnaire_list_questions (CrmQuestionnaire *self)
{
  GPtrArray *questions = g_ptr_array_new ();

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), questions);

  for (guint i = 0; i < self->modules->len; i++)
    {
      CrmQuestionModule *m = g_ptr_array_index (self->modules, i);

      for (guint j = 0; j < m->questions->len; j++)
        g_ptr_array_add (questions, g_ptr_array_index (m->questions, j));
    }

  return questions;
}

static gboolean
has_item_id (CrmQuestionnaire *self,
             const char       *id)
{
  return crm_questionnaire_find_module (self, id) >= 0 ||
         crm_questionnaire_find_question (self, id, NULL) != NULL;
}

/**
 * crm_questionnaire_new_item_id:
 * @prefix: "m" for a module, "q" for a question
 *
 * Returns: (transfer full): an id no module or question has yet
 */
char *
crm_questionnaire_new_item_id (CrmQuestionnaire *self,
                               const char       *prefix)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, n);

      if (!has_item_id (self, id))
        return g_steal_pointer (&id);
    }
}

/**
 * crm_questionnaire_build_skip_logic:
 *
 * Returns: (transfer full): the skip-logic engine over the template's
 *   modules and questions
 */
CrmSkipLogic *
crm_questionnaire_build_skip_logic (CrmQuestionnaire *self)
{
  CrmSkipLogic *logic = crm_skip_logic_new ();

  for (guint i = 0; i < self->modules->len; i++)
    {
      CrmQuestionModule *m = g_ptr_array_index (self->modules, i);

      crm_skip_logic_add_item (logic, m->id, NULL, m->title, m->condition);
      for (guint j = 0; j < m->questions->len; j++)
        {
          CrmQuestion *question = g_ptr_array_index (m->questions, j);

          crm_skip_logic_add_item (logic, question->id, m->id, question->title, question->condition);
        }
    }

  return logic;
}

/**
 * crm_questionnaire_check_conditions:
 * @error: return location for a #CrmSkipLogicError
 *
 * Returns: %TRUE when the skip conditions name existing questions and do
 *   not go round in a circle
 */
gboolean
crm_questionnaire_check_conditions (CrmQuestionnaire  *self,
                                    GError           **error)
{
  g_autoptr(CrmSkipLogic) logic = NULL;

  g_return_val_if_fail (CRM_IS_QUESTIONNAIRE (self), FALSE);

  logic = crm_questionnaire_build_skip_logic (self);

  return crm_skip_logic_check (logic, error);
}

static void
translate (char **text)
{
  if (*text != NULL && **text != '\0')
    set_str (text, _(*text));
}

static void
translate_condition (CrmCondition *condition)
{
  if (condition == NULL)
    return;

  translate (&condition->reason);
  for (guint i = 0; condition->children != NULL && i < condition->children->len; i++)
    translate_condition (g_ptr_array_index (condition->children, i));
}

/**
 * crm_questionnaire_translate:
 *
 * Replaces every text of a built-in template (stored untranslated) by its
 * translation in the current locale.
 */
void
crm_questionnaire_translate (CrmQuestionnaire *self)
{
  g_return_if_fail (CRM_IS_QUESTIONNAIRE (self));

  translate (&self->name);
  for (guint i = 0; i < self->modules->len; i++)
    {
      CrmQuestionModule *m = g_ptr_array_index (self->modules, i);

      translate (&m->title);
      translate (&m->help);
      translate_condition (m->condition);
      for (guint j = 0; j < m->questions->len; j++)
        {
          CrmQuestion *question = g_ptr_array_index (m->questions, j);

          translate (&question->title);
          translate (&question->help);
          translate_condition (question->condition);
          for (guint k = 0; k < question->options->len; k++)
            translate (&((CrmQuestionOption *)g_ptr_array_index (question->options, k))->label);
        }
    }
}
