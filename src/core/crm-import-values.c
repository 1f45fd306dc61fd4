/* crm-import-values.c — reading the values of imported cells as people write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Files from other programs write a value many ways: "企业", "公司" and
 * "Company"; "2024年3月1日" and "20240301"; "350万" and "3,500,000元".
 * These turn each into the one value the record keeps, or say it is none.
 */

#define G_LOG_DOMAIN "crm-customer-import"

#include <string.h>
#include <time.h>

#include "crm-import-values.h"
#include "crm-validate.h"

/* Upper-case NFKC without spaces, for matching enumerations. */
static char *
enum_key (const char *text)
{
  g_autofree char *normal = crm_utf8_nfkc (text);
  g_autofree char *upper = g_utf8_strup (normal, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = upper; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static gboolean
key_in (const char         *key,
        const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (key, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* 企业 or 个人, as Chinese and English files call them. */
gboolean
crm_import_parse_kind (const char      *text,
                       CrmCustomerKind *kind)
{
  static const char * const enterprise[] = { "企业", "企业客户", "公司", "单位", "ENTERPRISE",
                                             "COMPANY", "ORGANIZATION", NULL };
  static const char * const individual[] = { "个人", "个人客户", "自然人", "INDIVIDUAL", "PERSON", NULL };
  g_autofree char *key = enum_key (text);

  if (key_in (key, enterprise))
    *kind = CRM_CUSTOMER_KIND_ENTERPRISE;
  else if (key_in (key, individual))
    *kind = CRM_CUSTOMER_KIND_INDIVIDUAL;
  else
    return FALSE;

  return TRUE;
}

/* 新客户, 老客户 or 战略客户, also without 客户 and in English. */
gboolean
crm_import_parse_type (const char      *text,
                       CrmCustomerType *type)
{
  static const char * const new[] = { "新客户", "新", "潜在客户", "NEW", NULL };
  static const char * const returning[] = { "老客户", "老", "RETURNING", "EXISTING", "OLD", NULL };
  static const char * const strategic[] = { "战略客户", "战略", "STRATEGIC", NULL };
  g_autofree char *key = enum_key (text);

  if (key_in (key, new))
    *type = CRM_CUSTOMER_TYPE_NEW;
  else if (key_in (key, returning))
    *type = CRM_CUSTOMER_TYPE_RETURNING;
  else if (key_in (key, strategic))
    *type = CRM_CUSTOMER_TYPE_STRATEGIC;
  else
    return FALSE;

  return TRUE;
}

/* S, A, B or C, also as "S级", "S类" and "S级客户". */
gboolean
crm_import_parse_tier (const char *text,
                       CrmTier    *tier)
{
  g_autofree char *key = enum_key (text);

  if (g_str_has_suffix (key, "客户"))
    key[strlen (key) - strlen ("客户")] = '\0';
  if (g_str_has_suffix (key, "级") || g_str_has_suffix (key, "类"))
    key[strlen (key) - strlen ("级")] = '\0';

  if (strlen (key) != 1 || strchr ("SABC", key[0]) == NULL)
    return FALSE;

  *tier = crm_tier_from_string (key);

  return *tier != CRM_TIER_NONE;
}

/* 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日 and 20240301, with or
 * without a time after it (as Excel writes dates). Returns the date as
 * 2024-03-01, or NULL when it is none or lies in the future. */
char *
crm_import_parse_date (const char *text)
{
  g_autofree char *normal = crm_utf8_nfkc (text);
  guint parts[3] = { 0, 0, 0 };
  guint n_parts = 0;
  guint n_digits = 0;
  const char *p;
  GDate today;

  for (p = normal; *p != '\0' && *p != ' ' && *p != 'T'; p = g_utf8_next_char (p))
    {
      if (g_ascii_isdigit (*p))
        {
          if (n_parts == 3)
            return NULL;
          parts[n_parts] = parts[n_parts] * 10 + (guint) (*p - '0');
          n_digits++;
          if (parts[n_parts] > 99999999)
            return NULL;
          continue;
        }

      if (n_digits == 0)
        return NULL;
      n_parts++;
      n_digits = 0;
    }
  if (n_digits > 0)
    n_parts++;

  if (n_parts == 1 && parts[0] >= 10000000)
    {
      parts[2] = parts[0] % 100;
      parts[1] = parts[0] / 100 % 100;
      parts[0] = parts[0] / 10000;
      n_parts = 3;
    }

  if (n_parts != 3 || parts[0] < 1800 ||
      !g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    return NULL;

  /* GDate reads the local date without making a GTimeZone, which costs
   * more than the rest of this for each row of a large import. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  if (parts[0] * 10000 + parts[1] * 100 + parts[2] >
      (guint) (g_date_get_year (&today) * 10000 + g_date_get_month (&today) * 100 +
               g_date_get_day (&today)))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", parts[0], parts[1], parts[2]);
}

/* A whole number or a decimal, with thousands separators, and an optional
 * unit (元, 万, 万元, 亿, 亿元) that overrides @multiplier. Returns -1 when
 * it is none. */
gint64
crm_import_parse_amount (const char *text,
                         gint64      multiplier,
                         gboolean    whole)
{
  g_autofree char *normal = crm_utf8_nfkc (text);
  g_autoptr(GString) digits = g_string_new (NULL);
  char *end = NULL;
  double value;

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == 0xff0c || g_unichar_isspace (c))
        continue;
      g_string_append_unichar (digits, c);
    }

  if (g_str_has_suffix (digits->str, "人"))
    g_string_truncate (digits, digits->len - strlen ("人"));
  if (g_str_has_suffix (digits->str, "元"))
    {
      g_string_truncate (digits, digits->len - strlen ("元"));
      if (!g_str_has_suffix (digits->str, "万") && !g_str_has_suffix (digits->str, "亿"))
        multiplier = 1;
    }
  if (g_str_has_suffix (digits->str, "万"))
    {
      g_string_truncate (digits, digits->len - strlen ("万"));
      multiplier = 10000;
    }
  else if (g_str_has_suffix (digits->str, "亿"))
    {
      g_string_truncate (digits, digits->len - strlen ("亿"));
      multiplier = 100000000;
    }

  if (digits->len == 0 || !(g_ascii_isdigit (digits->str[0]) || digits->str[0] == '.'))
    return -1;

  if (whole && strspn (digits->str, "0123456789") != digits->len)
    return -1;

  value = g_ascii_strtod (digits->str, &end);
  if (end == NULL || *end != '\0' || !(value >= 0) || value * (double) multiplier > 1e15)
    return -1;

  return (gint64) (value * (double) multiplier + 0.5);
}

/* Adds @piece, without the ASCII white space around it, to @pieces. */
static void
add_piece (GPtrArray  *pieces,
           const char *piece,
           gsize       length,
           gboolean    keep_empty)
{
  while (length > 0 && g_ascii_isspace (*piece))
    {
      piece++;
      length--;
    }
  while (length > 0 && g_ascii_isspace (piece[length - 1]))
    length--;

  if (keep_empty || length > 0)
    g_ptr_array_add (pieces, g_strndup (piece, length));
}

/* Splits a cell holding several values: tags, or one field of several
 * contacts. Empty pieces are kept for contacts, so the third phone stays
 * with the third name. @separators are ASCII; the full-width separators
 * ；，、｜ count as ; , , | (and become them where they do not separate).
 * One pass over the text: this runs eight times for every imported row. */
GStrv
crm_import_split_list (const char *text,
                       const char *separators,
                       gboolean    keep_empty)
{
  static const struct
  {
    const char *wide;
    char        ascii;
  } wide_separators[] = {
    { "；", ';' },
    { "，", ',' },
    { "、", ',' },
    { "｜", '|' },
  };
  g_autoptr(GPtrArray) pieces = g_ptr_array_new ();
  g_autoptr(GString) piece = g_string_new (NULL);
  const char *p = text;

  if (*p == '\0')
    {
      g_ptr_array_add (pieces, NULL);
      return (GStrv) g_ptr_array_free (g_steal_pointer (&pieces), FALSE);
    }

  for (;;)
    {
      char c = *p;
      gsize skip = 1;

      /* ；，｜ start with EF, 、 with E3. */
      if (c == '\xef' || c == '\xe3')
        {
          for (guint i = 0; i < G_N_ELEMENTS (wide_separators); i++)
            {
              gsize n = strlen (wide_separators[i].wide);

              if (strncmp (p, wide_separators[i].wide, n) == 0)
                {
                  c = wide_separators[i].ascii;
                  skip = n;
                  break;
                }
            }
        }

      if (c == '\0' || ((guchar) c < 0x80 && strchr (separators, c) != NULL))
        {
          add_piece (pieces, piece->str, piece->len, keep_empty);
          g_string_truncate (piece, 0);
          if (c == '\0')
            break;
        }
      else
        {
          g_string_append_c (piece, c);
        }
      p += skip;
    }

  /* "张三;" is one contact, not two. */
  while (keep_empty && pieces->len > 0 &&
         *(const char *) g_ptr_array_index (pieces, pieces->len - 1) == '\0')
    g_free (g_ptr_array_steal_index (pieces, pieces->len - 1));

  g_ptr_array_add (pieces, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&pieces), FALSE);
}
