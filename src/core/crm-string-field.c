/* crm-string-field.c — storing a string field of a record object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-string-field.h"

/**
 * crm_string_field_set:
 * @field: the record's string
 * @value: (nullable): the new value
 *
 * Stores a copy of @value in @field, with "" stored as %NULL, so that
 * "unset" has one form in every record object.
 *
 * Returns: whether the field changed, so the caller knows whether to notify
 */
gboolean
crm_string_field_set (char       **field,
                      const char  *value)
{
  char *copy;

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  /* Copy before freeing: @value may point into the old string. */
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;

  return TRUE;
}
