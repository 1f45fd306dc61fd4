/* crm-validate.c — checks and normal forms of Chinese identifiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every validator first brings the text to one form: valid UTF-8, NFKC
 * (which turns the full-width letters and digits a Chinese input method
 * produces into ASCII), and trimmed. Only then are the rules of the
 * standard applied, so "９１３５…" and "9135…" are judged alike and stored
 * alike.
 *
 * The messages name the field with the label the caller passes: the same
 * check serves the customer form, the contact form and the CSV import,
 * which each call the field differently.
 */

#define G_LOG_DOMAIN "crm-validate"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-validate.h"

G_DEFINE_QUARK (crm-validate-error-quark, crm_validate_error)

/* GB 32100-2015, table 1: the 31 symbols, in the order of their values. */
static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static const guint credit_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

/* GB 32100-2015, table 2: registration authorities. 1 机构编制, 2 外交,
 * 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商, A 中央军委改革和
 * 编制办公室, N 农业, Y 其他. */
static const char credit_authorities[] = "123456789ANY";

static const guint id_weights[17] = {
  7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
};

static const char id_check_digits[] = "10X98765432";

static const char *
label_or (const char *field_label,
          const char *fallback)
{
  return field_label != NULL && *field_label != '\0' ? field_label : fallback;
}

/*
 * Returns the NFKC form of @value without leading and trailing whitespace,
 * or NULL with an EMPTY or CHARACTERS error. Ideographic spaces (U+3000)
 * count as whitespace: NFKC turns them into ASCII spaces.
 */
static char *
prepare (const char  *value,
         const char  *label,
         GError     **error)
{
  g_autofree char *normal = NULL;

  if (!g_utf8_validate (value, -1, NULL))
    {
      /* Translators: in all these messages the first %s is the name of
       * the field, such as “Unified social credit code” or “Phone”. */
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_CHARACTERS,
                   _("%s is not valid text (it is not UTF-8)."), label);
      return NULL;
    }

  normal = crm_utf8_nfkc (value);
  g_strstrip (normal);

  if (*normal == '\0')
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_EMPTY,
                   _("%s is empty."), label);
      return NULL;
    }

  return g_steal_pointer (&normal);
}

/* Drops every whitespace character: codes are sometimes written in
 * groups ("110105 19491231 002X") and the groups carry no meaning. */
static char *
remove_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Quotes the first character of @p for a message, e.g. “I”. */
static char *
dup_char (const char *p)
{
  return g_strndup (p, g_utf8_next_char (p) - p);
}

char
crm_credit_code_check_character (const char *first17)
{
  guint sum = 0;
  guint check;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      const char *found;

      if (first17[i] == '\0' || (found = strchr (credit_alphabet, first17[i])) == NULL)
        return '\0';

      sum += (guint) (found - credit_alphabet) * credit_weights[i];
    }

  check = 31 - sum % 31;

  return credit_alphabet[check == 31 ? 0 : check];
}

char *
crm_validate_credit_code (const char  *value,
                          const char  *field_label,
                          char       **warning,
                          GError     **error)
{
  const char *label = label_or (field_label, _("Unified social credit code"));
  g_autofree char *prepared = NULL;
  g_autofree char *code = NULL;
  glong length;
  char expected;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warning != NULL)
    *warning = NULL;

  if ((prepared = prepare (value, label, error)) == NULL)
    return NULL;

  code = remove_spaces (prepared);
  length = g_utf8_strlen (code, -1);

  if (length != 18)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_LENGTH,
                   _("%s must have 18 characters, not %ld."),
                   label, length);
      return NULL;
    }

  /* Lower-case letters are the same symbols; anything else outside the
   * alphabet is refused, naming the character, because I, O, Z, S and V
   * look like digits and are the usual typing mistakes. */
  for (char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p >= 'a' && *p <= 'z')
        *p = g_ascii_toupper (*p);

      if (*p == '\0' || strchr (credit_alphabet, *p) == NULL)
        {
          g_autofree char *bad = dup_char (p);

          g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_CHARACTERS,
                       _("%s contains “%s”, which is not allowed: only digits and the "
                         "letters A–Y without I, O, S, V and Z are."),
                       label, bad);
          return NULL;
        }
    }

  if (strchr (credit_authorities, code[0]) == NULL)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_REGION,
                   _("%s starts with “%c”, which is not a registration authority "
                     "(1–9, A, N or Y)."),
                   label, code[0]);
      return NULL;
    }

  /* Every organisation type in table 2 of the standard is a digit 1–9. */
  if (code[1] < '1' || code[1] > '9')
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s has “%c” as its second character, which is not an "
                     "organisation type (1–9)."),
                   label, code[1]);
      return NULL;
    }

  for (guint i = 2; i < 8; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        {
          g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_REGION,
                       _("%s must have the six digits of an administrative division "
                         "in characters 3 to 8."),
                       label);
          return NULL;
        }
    }

  expected = crm_credit_code_check_character (code);

  if (code[17] != expected && warning != NULL)
    {
      /* Translators: the first %s is the field name, then come the
       * character found and the one expected. */
      *warning = g_strdup_printf (_("%s ends in “%c”, but its check character should be "
                                    "“%c”. Some early codes are like this, so it was "
                                    "accepted; please make sure it was typed correctly."),
                                  label, code[17], expected);
    }

  return g_steal_pointer (&code);
}

char
crm_id_number_check_digit (const char *first17)
{
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';

      sum += (guint) (first17[i] - '0') * id_weights[i];
    }

  return id_check_digits[sum % 11];
}

/* GB/T 2260 provinces, plus 71 (Taiwan), 81 (Hong Kong), 82 (Macao) and
 * 83, which the residence permits for people from Taiwan use. */
static gboolean
is_province_code (guint code)
{
  return (code >= 11 && code <= 15) ||
         (code >= 21 && code <= 23) ||
         (code >= 31 && code <= 37) ||
         (code >= 41 && code <= 46) ||
         (code >= 50 && code <= 54) ||
         (code >= 61 && code <= 65) ||
         code == 71 || code == 81 || code == 82 || code == 83;
}

static guint
parse_digits (const char *p,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (p[i] - '0');

  return value;
}

char *
crm_validate_id_number (const char  *value,
                        const char  *field_label,
                        GError     **error)
{
  const char *label = label_or (field_label, _("ID-card number"));
  g_autofree char *prepared = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GDateTime) now = NULL;
  glong length;
  guint year, month, day;
  char expected;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((prepared = prepare (value, label, error)) == NULL)
    return NULL;

  number = remove_spaces (prepared);
  length = g_utf8_strlen (number, -1);

  if (length == 15 && strspn (number, "0123456789") == 15)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_LENGTH,
                   _("%s has 15 digits: this is an old first-generation number. "
                     "Enter the 18-character number of the current card."),
                   label);
      return NULL;
    }

  if (length != 18)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_LENGTH,
                   _("%s must have 18 characters, not %ld."),
                   label, length);
      return NULL;
    }

  if (number[17] == 'x')
    number[17] = 'X';

  if (strspn (number, "0123456789") < 17 ||
      !(g_ascii_isdigit (number[17]) || number[17] == 'X'))
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_CHARACTERS,
                   _("%s must be 17 digits followed by a digit or X."),
                   label);
      return NULL;
    }

  if (!is_province_code (parse_digits (number, 2)))
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_REGION,
                   _("%s starts with “%.2s”, which is not a province code."),
                   label, number);
      return NULL;
    }

  year = parse_digits (number + 6, 4);
  month = parse_digits (number + 10, 2);
  day = parse_digits (number + 12, 2);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_BIRTH_DATE,
                   _("%s holds the birth date %.4s-%.2s-%.2s, which is not a valid date."),
                   label, number + 6, number + 10, number + 12);
      return NULL;
    }

  if (year < 1900)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_BIRTH_DATE,
                   _("%s holds the birth date %.4s-%.2s-%.2s, which is before 1900."),
                   label, number + 6, number + 10, number + 12);
      return NULL;
    }

  now = g_date_time_new_now_local ();

  if (year * 10000 + month * 100 + day >
      (guint) (g_date_time_get_year (now) * 10000 +
               g_date_time_get_month (now) * 100 +
               g_date_time_get_day_of_month (now)))
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_BIRTH_DATE,
                   _("%s holds the birth date %.4s-%.2s-%.2s, which is in the future."),
                   label, number + 6, number + 10, number + 12);
      return NULL;
    }

  expected = crm_id_number_check_digit (number);

  if (number[17] != expected)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_CHECK_CHARACTER,
                   _("%s does not add up: its last character is “%c” but should be “%c”. "
                     "Please check each digit."),
                   label, number[17], expected);
      return NULL;
    }

  return g_steal_pointer (&number);
}

/*
 * Phone numbers. The text is reduced to digit groups; the separators a
 * person writes (spaces, hyphens, dots, parentheses) carry no meaning
 * except that a final hyphenated group may be an extension.
 */

typedef struct
{
  GString *digits;        /* All digits of the main number. */
  gsize    last_group;    /* Where the last group starts in digits. */
  guint    n_groups;
  gboolean international; /* Written with +86 or 0086. */
} PhoneParts;

static void
phone_parts_clear (PhoneParts *parts)
{
  if (parts->digits != NULL)
    g_string_free (parts->digits, TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhoneParts, phone_parts_clear)

static gboolean
is_phone_separator (char c)
{
  return c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/';
}

/* Splits @text (already prepared) into groups of digits. Returns FALSE
 * with a CHARACTERS error on anything else. */
static gboolean
split_phone (const char  *text,
             const char  *label,
             PhoneParts  *parts,
             GError     **error)
{
  gboolean in_group = FALSE;
  gboolean seen_digit = FALSE;
  gsize prefix_length = 0;

  parts->digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_ascii_isdigit (*p))
        {
          if (!in_group)
            {
              parts->last_group = parts->digits->len;
              parts->n_groups++;
              in_group = TRUE;
            }
          g_string_append_c (parts->digits, *p);
          seen_digit = TRUE;
        }
      else if (*p == '+' && !seen_digit && !parts->international)
        {
          parts->international = TRUE;
        }
      else if (is_phone_separator (*p))
        {
          in_group = FALSE;
        }
      else
        {
          g_autofree char *bad = dup_char (p);

          g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_CHARACTERS,
                       _("%s contains “%s”, which does not belong in a phone number."),
                       label, bad);
          return FALSE;
        }
    }

  if (parts->digits->len == 0)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_CHARACTERS,
                   _("%s has no digits."), label);
      return FALSE;
    }

  /* A "+" must introduce the country code 86; "0086" is the same written
   * with the international call prefix. Both are dropped here. */
  if (parts->international)
    {
      if (!g_str_has_prefix (parts->digits->str, "86"))
        {
          g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                       _("%s is not a mainland China number (its country code is not +86)."),
                       label);
          return FALSE;
        }
      prefix_length = 2;
    }
  else if (g_str_has_prefix (parts->digits->str, "0086"))
    {
      parts->international = TRUE;
      prefix_length = 4;
    }

  /* The country code may have been its own group or glued to the number. */
  g_string_erase (parts->digits, 0, (gssize) prefix_length);
  parts->last_group = parts->last_group > prefix_length ? parts->last_group - prefix_length : 0;

  return TRUE;
}

static gboolean
mobile_from_parts (PhoneParts  *parts,
                   const char  *label,
                   char       **result,
                   GError     **error)
{
  const char *digits = parts->digits->str;
  gsize length = parts->digits->len;

  /* A bare 86 in front of 11 digits is a country code written without
   * the plus; no mainland mobile number starts with 8. */
  if (!parts->international && length == 13 && g_str_has_prefix (digits, "86"))
    {
      digits += 2;
      length -= 2;
    }

  if (length != 11)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_LENGTH,
                   _("%s must have 11 digits for a mobile number, not %u."),
                   label, (guint) length);
      return FALSE;
    }

  if (digits[0] != '1' || digits[1] < '3' || digits[1] > '9')
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s is not a mobile number: mobile numbers start with 13 to 19."),
                   label);
      return FALSE;
    }

  *result = g_strndup (digits, length);
  return TRUE;
}

char *
crm_validate_mobile (const char  *value,
                     const char  *field_label,
                     GError     **error)
{
  const char *label = label_or (field_label, _("Mobile number"));
  g_autofree char *prepared = NULL;
  g_auto(PhoneParts) parts = { 0 };
  char *result = NULL;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((prepared = prepare (value, label, error)) == NULL ||
      !split_phone (prepared, label, &parts, error) ||
      !mobile_from_parts (&parts, label, &result, error))
    return NULL;

  return result;
}

/*
 * Finds an extension written with a word or sign (转 123, 分机 123,
 * ext. 123, x123, #123): cuts it off @text and returns its digits, or
 * NULL when there is none. Returns FALSE if the extension is malformed.
 */
static gboolean
take_extension (char        *text,
                const char  *label,
                char       **extension,
                GError     **error)
{
  static const char *const markers[] = { "转", "分机", "ext", "x", "#" };
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *tail = NULL;
  gsize cut = 0;

  *extension = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *found = strstr (lower, markers[i]);

      if (found != NULL)
        {
          cut = (gsize) (found - lower);
          tail = text + cut + strlen (markers[i]);
          break;
        }
    }

  if (tail == NULL)
    return TRUE;

  /* "ext." and "ext:" are common spellings too. */
  while (*tail == '.' || *tail == ':' || *tail == ' ')
    tail++;

  if (*tail == '\0' || strlen (tail) > 6 || strspn (tail, "0123456789") != strlen (tail))
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s has an extension that is not 1 to 6 digits."), label);
      return FALSE;
    }

  *extension = g_strdup (tail);
  text[cut] = '\0';
  g_strchomp (text);

  return TRUE;
}

static gboolean
landline_from_parts (PhoneParts  *parts,
                     const char  *extension,
                     const char  *label,
                     char       **result,
                     GError     **error)
{
  g_autofree char *ext = g_strdup (extension);
  g_autoptr(GString) digits = g_string_new (parts->digits->str);
  gsize area_length;
  gsize local_length;

  /* Written internationally the trunk prefix 0 is left out: +86 10 … */
  if (parts->international)
    {
      g_string_prepend_c (digits, '0');
      parts->last_group++;
    }

  if (digits->str[0] != '0')
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s needs an area code starting with 0, such as 010 or 0755."),
                   label);
      return FALSE;
    }

  /* 010 and 020–029 are the three-digit area codes; all others have
   * four digits. There are no area codes 00 or 011–019. */
  if (digits->str[1] == '2' || (digits->str[1] == '1' && digits->str[2] == '0'))
    area_length = 3;
  else if (digits->str[1] >= '3' && digits->str[1] <= '9')
    area_length = 4;
  else
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s does not start with a valid area code."), label);
      return FALSE;
    }

  local_length = digits->len > area_length ? digits->len - area_length : 0;

  /* "010-12345678-123": a separate last group that makes the number too
   * long is the extension. */
  if (ext == NULL && (local_length < 7 || local_length > 8) &&
      parts->n_groups > 1 && parts->last_group > area_length)
    {
      gsize without_last = parts->last_group - area_length;
      gsize ext_length = digits->len - parts->last_group;

      if (without_last >= 7 && without_last <= 8 && ext_length <= 6)
        {
          ext = g_strdup (digits->str + parts->last_group);
          g_string_truncate (digits, parts->last_group);
          local_length = without_last;
        }
    }

  if (local_length < 7 || local_length > 8)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_LENGTH,
                   _("%s must have 7 or 8 digits after the area code %.*s."),
                   label, (int) area_length, digits->str);
      return FALSE;
    }

  /* A local number starting with 0 is a trunk prefix typed twice. */
  if (digits->str[area_length] == '0')
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s is not a landline number: after the area code it cannot "
                     "start with 0."),
                   label);
      return FALSE;
    }

  *result = g_strdup_printf ("%.*s-%s%s%s",
                             (int) area_length, digits->str,
                             digits->str + area_length,
                             ext != NULL ? "-" : "",
                             ext != NULL ? ext : "");
  return TRUE;
}

char *
crm_validate_landline (const char  *value,
                       const char  *field_label,
                       GError     **error)
{
  const char *label = label_or (field_label, _("Landline number"));
  g_autofree char *prepared = NULL;
  g_autofree char *extension = NULL;
  g_auto(PhoneParts) parts = { 0 };
  char *result = NULL;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((prepared = prepare (value, label, error)) == NULL ||
      !take_extension (prepared, label, &extension, error) ||
      !split_phone (prepared, label, &parts, error) ||
      !landline_from_parts (&parts, extension, label, &result, error))
    return NULL;

  return result;
}

char *
crm_validate_phone (const char    *value,
                    const char    *field_label,
                    CrmPhoneKind  *kind,
                    GError       **error)
{
  const char *label = label_or (field_label, _("Phone number"));
  g_autofree char *prepared = NULL;
  g_autoptr(GError) mobile_error = NULL;
  g_autoptr(GError) landline_error = NULL;
  g_autoptr(GString) digits = NULL;
  gboolean international;
  char *result;
  const char *p;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind != NULL)
    *kind = CRM_PHONE_KIND_INVALID;

  if ((prepared = prepare (value, label, error)) == NULL)
    return NULL;

  if ((result = crm_validate_mobile (prepared, label, &mobile_error)) != NULL)
    {
      if (kind != NULL)
        *kind = CRM_PHONE_KIND_MOBILE;
      return result;
    }

  if ((result = crm_validate_landline (prepared, label, &landline_error)) != NULL)
    {
      if (kind != NULL)
        *kind = CRM_PHONE_KIND_LANDLINE;
      return result;
    }

  /* Both failed: report the error of the kind the number was meant to
   * be. Without the country code, a number starting with 0 or as short
   * as a local number is a landline, and one starting with 1 a mobile
   * (after +86 the landline's 0 is gone, so 13–19 tell a mobile). */
  international = strchr (prepared, '+') != NULL;
  digits = g_string_new (NULL);
  for (p = prepared; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }

  if (international && g_str_has_prefix (digits->str, "86"))
    g_string_erase (digits, 0, 2);
  else if (!international && g_str_has_prefix (digits->str, "0086"))
    {
      international = TRUE;
      g_string_erase (digits, 0, 4);
    }
  else if (international)
    {
      /* Not +86: both validators said so, in the same words. */
      g_propagate_error (error, g_steal_pointer (&mobile_error));
      return NULL;
    }

  if (digits->len == 0 || mobile_error->code == CRM_VALIDATE_ERROR_CHARACTERS)
    g_propagate_error (error, g_steal_pointer (&mobile_error));
  else if (international)
    g_propagate_error (error, digits->str[0] == '1' && digits->str[1] >= '3'
                              ? g_steal_pointer (&mobile_error)
                              : g_steal_pointer (&landline_error));
  else if (digits->str[0] == '0' || digits->len == 7 || digits->len == 8)
    g_propagate_error (error, g_steal_pointer (&landline_error));
  else if (digits->str[0] == '1')
    g_propagate_error (error, g_steal_pointer (&mobile_error));
  else
    g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                 _("%s is neither a mobile number (11 digits starting with 1) nor a "
                   "landline with an area code (such as 010-12345678)."),
                 label);

  return NULL;
}

/* RFC 5322 "atext", plus the dot between atoms, plus any non-ASCII
 * character (RFC 6531 allows UTF-8 in local parts). */
static gboolean
is_local_char (gunichar c)
{
  if (c >= 0x80)
    return g_unichar_isgraph (c);

  return g_ascii_isalnum ((char) c) || strchr ("!#$%&'*+/=?^_`{|}~-.", (int) c) != NULL;
}

static gboolean
is_domain_label_valid (const char *start,
                       gsize       length)
{
  if (length == 0 || length > 63 || start[0] == '-' || start[length - 1] == '-')
    return FALSE;

  for (const char *p = start; p < start + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 ? !g_unichar_isalnum (c) && g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK
                    : !(g_ascii_isalnum ((char) c) || c == '-'))
        return FALSE;
    }

  return TRUE;
}

char *
crm_validate_email (const char  *value,
                    const char  *field_label,
                    GError     **error)
{
  const char *label = label_or (field_label, _("E-mail address"));
  g_autofree char *prepared = NULL;
  g_autofree char *domain = NULL;
  g_autoptr(GString) dotted = NULL;
  const char *at;
  const char *label_start;
  gsize local_length;
  gboolean all_digits = TRUE;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((prepared = prepare (value, label, error)) == NULL)
    return NULL;

  if (strlen (prepared) > 254)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_LENGTH,
                   _("%s is too long: an e-mail address has at most 254 characters."),
                   label);
      return NULL;
    }

  for (const char *p = prepared; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_CHARACTERS,
                       _("%s contains a space."), label);
          return NULL;
        }
    }

  at = strchr (prepared, '@');

  if (at == NULL || strchr (at + 1, '@') != NULL)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s must contain exactly one “@”, as in name@example.com."),
                   label);
      return NULL;
    }

  local_length = (gsize) (at - prepared);

  if (local_length == 0 || local_length > 64 ||
      prepared[0] == '.' || at[-1] == '.' ||
      g_strstr_len (prepared, (gssize) local_length, "..") != NULL)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s has an invalid name before the “@”."), label);
      return NULL;
    }

  for (const char *p = prepared; p < at; p = g_utf8_next_char (p))
    {
      if (!is_local_char (g_utf8_get_char (p)))
        {
          g_autofree char *bad = dup_char (p);

          g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_CHARACTERS,
                       _("%s contains “%s”, which is not allowed in an e-mail address."),
                       label, bad);
          return NULL;
        }
    }

  /* Chinese input methods type the ideographic full stop, which IDNA
   * treats as a dot between domain labels anyway. */
  dotted = g_string_new (at + 1);
  g_string_replace (dotted, "。", ".", 0);
  domain = g_utf8_strdown (dotted->str, -1);

  if (strchr (domain, '.') == NULL)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s needs a full domain after the “@”, such as example.com."),
                   label);
      return NULL;
    }

  label_start = domain;
  for (const char *p = domain; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (!is_domain_label_valid (label_start, (gsize) (p - label_start)))
            {
              g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                           _("%s has an invalid domain after the “@”."), label);
              return NULL;
            }

          if (*p == '\0')
            break;

          label_start = p + 1;
        }
    }

  /* The last label is the top-level domain, which is never numeric: this
   * refuses bare IP addresses, which no customer uses for mail. */
  for (const char *p = label_start; *p != '\0'; p++)
    all_digits = all_digits && g_ascii_isdigit (*p);

  if (all_digits)
    {
      g_set_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_FORMAT,
                   _("%s has an invalid domain after the “@”."), label);
      return NULL;
    }

  return g_strdup_printf ("%.*s@%s", (int) local_length, prepared, domain);
}

/* Whether @text is valid UTF-8 made only of characters that NFKC and
 * case folding leave as they are, apart from ASCII upper-case letters:
 * ASCII, the CJK unified ideographs U+4E00–U+9FFF and the CJK punctuation
 * U+3001–U+3011 (、。〃〄々〆〇〈〉《》「」『』【】). Chinese names and cells are
 * mostly these, and g_utf8_normalize() costs more than the rest of an
 * imported row's checks. */
static gboolean
is_nfkc_stable (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x80)
        continue;

      /* Three bytes: 1110xxxx 10xxxxxx 10xxxxxx. */
      if ((*p & 0xf0) != 0xe0 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
        return FALSE;

      {
        gunichar c = ((gunichar) (*p & 0x0f) << 12) | ((gunichar) (p[1] & 0x3f) << 6) | (p[2] & 0x3f);

        if (!(c >= 0x4e00 && c <= 0x9fff) && !(c >= 0x3001 && c <= 0x3011))
          return FALSE;
      }
      p += 2;
    }

  return TRUE;
}

char *
crm_utf8_nfkc (const char *text)
{
  if (!is_nfkc_stable (text))
    return g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  return g_strdup (text);
}

char *
crm_normalize_name (const char *name)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (name != NULL, NULL);

  /* NFKC maps "（" to "(" and full-width letters to ASCII; case folding
   * then makes "ABC" and "abc" one name. */
  if (is_nfkc_stable (name))
    {
      /* Valid, and NFKC and case folding change only ASCII capitals. */
      folded = g_ascii_strdown (name, -1);
    }
  else
    {
      valid = g_utf8_make_valid (name, -1);
      nfkc = crm_utf8_nfkc (valid);
      folded = g_utf8_casefold (nfkc, -1);
    }
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        /* Spaces, punctuation (brackets, 、, ·, dashes, quotes) and invisible
         * format characters such as zero-width spaces do not tell two
         * names apart. Symbols (+, ＄, ©) are kept: "A+B" is not "AB". */
        case G_UNICODE_SPACE_SEPARATOR:
        case G_UNICODE_LINE_SEPARATOR:
        case G_UNICODE_PARAGRAPH_SEPARATOR:
        case G_UNICODE_CONTROL:
        case G_UNICODE_FORMAT:
        case G_UNICODE_CONNECT_PUNCTUATION:
        case G_UNICODE_DASH_PUNCTUATION:
        case G_UNICODE_OPEN_PUNCTUATION:
        case G_UNICODE_CLOSE_PUNCTUATION:
        case G_UNICODE_INITIAL_PUNCTUATION:
        case G_UNICODE_FINAL_PUNCTUATION:
        case G_UNICODE_OTHER_PUNCTUATION:
          break;

        default:
          g_string_append_unichar (out, c);
          break;
        }
    }

  return g_string_free (out, FALSE);
}
