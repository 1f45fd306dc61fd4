/* crm-mask.c — masking personal data (脱敏) for screen, export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-mask.h"

/* Keeps the first @head and last @tail characters and stars the rest; a
 * value too short to keep both is starred but for its first character. */
static char *
mask_middle (const char *text,
             guint       head,
             guint       tail)
{
  glong length = g_utf8_strlen (text, -1);
  GString *out = g_string_new (NULL);
  glong i = 0;

  if (length <= (glong)(head + tail))
    {
      head = length > 1 ? 1 : 0;
      tail = 0;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if (i < (glong)head || i >= length - (glong)tail)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else
        g_string_append_c (out, '*');
    }

  return g_string_free (out, FALSE);
}

char *
crm_mask_phone (const char *phone)
{
  const char *hyphen;

  if (phone == NULL)
    return NULL;

  /* A landline keeps its area code and the last four digits. */
  hyphen = strchr (phone, '-');
  if (hyphen != NULL && phone[0] == '0')
    {
      g_autofree char *area = g_strndup (phone, hyphen - phone + 1);
      g_autofree char *number = mask_middle (hyphen + 1, 0, 4);

      return g_strconcat (area, number, NULL);
    }

  return mask_middle (phone, 3, 4);
}

char *
crm_mask_name (const char *name)
{
  if (name == NULL)
    return NULL;

  return mask_middle (name, 1, 0);
}

char *
crm_mask_email (const char *email)
{
  const char *at;

  if (email == NULL)
    return NULL;

  at = strrchr (email, '@');
  if (at == NULL || at == email)
    return mask_middle (email, 1, 0);

  {
    g_autofree char *local = g_strndup (email, at - email);
    g_autofree char *first = g_utf8_substring (local, 0, 1);

    return g_strconcat (first, "***", at, NULL);
  }
}

char *
crm_mask_id_number (const char *id_number)
{
  if (id_number == NULL)
    return NULL;

  return mask_middle (id_number, 6, 4);
}
