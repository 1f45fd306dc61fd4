/* test-validate.c — checks of credit codes, ID numbers, phones and e-mail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-validate.h"

#define CODE_LABEL  "统一社会信用代码"
#define ID_LABEL    "身份证号"
#define PHONE_LABEL "联系电话"
#define EMAIL_LABEL "电子邮箱"

/* Every refusal must name the field, so a message in an import report
 * ("row 12: …") can be acted on without guessing. */
static void
assert_refused (char       *result,
                GError     *error,
                gint        code,
                const char *label)
{
  g_assert_null (result);
  g_assert_error (error, CRM_VALIDATE_ERROR, code);
  if (strstr (error->message, label) == NULL)
    g_error ("“%s” does not name the field “%s”", error->message, label);
}

static void
assert_credit_code_refused (const char *value,
                            gint        code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  char *result = crm_validate_credit_code (value, CODE_LABEL, &warning, &error);

  g_test_message ("credit code “%s”", value);
  assert_refused (result, error, code, CODE_LABEL);
  g_assert_null (warning);
}

static void
assert_id_refused (const char *value,
                   gint        code)
{
  g_autoptr(GError) error = NULL;
  char *result = crm_validate_id_number (value, ID_LABEL, &error);

  g_test_message ("ID number “%s”", value);
  assert_refused (result, error, code, ID_LABEL);
}

/* Codes of real companies (Tencent, Alibaba, Huawei, Baidu, …): their
 * check characters were not computed by the code under test. */
static const char *const valid_credit_codes[] = {
  "91350100M000100Y43",
  "9144030071526726XG",
  "91330100716105852F",
  "914403001922038216",
  "91110000802100433B",
  "91310000MA1FL1MMXL",
};

static void
test_credit_code_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_credit_codes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;
      g_autofree char *code = NULL;

      code = crm_validate_credit_code (valid_credit_codes[i], CODE_LABEL, &warning, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (code, ==, valid_credit_codes[i]);
      g_assert_null (warning);
    }
}

static void
test_credit_code_normalised (void)
{
  static const char *const inputs[] = {
    "９１３５０１００Ｍ０００１００Ｙ４３",
    "  91350100m000100y43\t",
    "9135 0100 M000 100Y 43",
    "\u300091350100M000100Y43\u3000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;
      g_autofree char *code = NULL;

      code = crm_validate_credit_code (inputs[i], CODE_LABEL, &warning, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (code, ==, "91350100M000100Y43");
      g_assert_null (warning);
    }
}

static void
test_credit_code_check_character_warns (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *code = NULL;

  /* Only the 18th character is wrong: accepted, as some early codes. */
  code = crm_validate_credit_code ("91350100M000100Y44", CODE_LABEL, &warning, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "91350100M000100Y44");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, CODE_LABEL));
  g_assert_nonnull (strstr (warning, "“3”"));

  /* The warning is optional for the caller. */
  g_clear_pointer (&code, g_free);
  code = crm_validate_credit_code ("91110108MA01G0FN2N", CODE_LABEL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "91110108MA01G0FN2N");
}

static void
test_credit_code_length (void)
{
  assert_credit_code_refused ("91350100M000100Y4", CRM_VALIDATE_ERROR_LENGTH);
  assert_credit_code_refused ("91350100M000100Y433", CRM_VALIDATE_ERROR_LENGTH);
  assert_credit_code_refused ("350100M000100", CRM_VALIDATE_ERROR_LENGTH);
}

static void
test_credit_code_forbidden_letters (void)
{
  /* I, O, Z, S and V are left out of the alphabet as look-alikes. */
  assert_credit_code_refused ("91350100M000I00Y43", CRM_VALIDATE_ERROR_CHARACTERS);
  assert_credit_code_refused ("91350100M000O00Y43", CRM_VALIDATE_ERROR_CHARACTERS);
  assert_credit_code_refused ("91350100M000Z00Y43", CRM_VALIDATE_ERROR_CHARACTERS);
  assert_credit_code_refused ("91350100M000S00Y43", CRM_VALIDATE_ERROR_CHARACTERS);
  assert_credit_code_refused ("91350100M000V00Y43", CRM_VALIDATE_ERROR_CHARACTERS);
  assert_credit_code_refused ("91350100M000-00Y43", CRM_VALIDATE_ERROR_CHARACTERS);
  assert_credit_code_refused ("91350100M000中00Y43", CRM_VALIDATE_ERROR_CHARACTERS);
}

static void
test_credit_code_authority (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  assert_credit_code_refused ("B1350100M000100Y43", CRM_VALIDATE_ERROR_REGION);
  assert_credit_code_refused ("01350100M000100Y43", CRM_VALIDATE_ERROR_REGION);

  /* 5 (民政) is an authority of the standard too; its check character is
   * wrong here, which only warns. */
  code = crm_validate_credit_code ("52100000500021675C", CODE_LABEL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_credit_code_structure (void)
{
  /* The organisation type is a digit 1–9 … */
  assert_credit_code_refused ("9A350100M000100Y43", CRM_VALIDATE_ERROR_FORMAT);
  assert_credit_code_refused ("90350100M000100Y43", CRM_VALIDATE_ERROR_FORMAT);
  /* … and characters 3–8 are an administrative division. */
  assert_credit_code_refused ("91AB0100M000100Y43", CRM_VALIDATE_ERROR_REGION);
}

static void
test_credit_code_empty (void)
{
  assert_credit_code_refused ("", CRM_VALIDATE_ERROR_EMPTY);
  assert_credit_code_refused (" \t\u3000", CRM_VALIDATE_ERROR_EMPTY);
}

static void
test_credit_code_check_character (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_credit_codes); i++)
    g_assert_cmpint (crm_credit_code_check_character (valid_credit_codes[i]), ==,
                     valid_credit_codes[i][17]);

  /* A check value of 31 is written 0. */
  g_assert_cmpint (crm_credit_code_check_character ("00000000000000000"), ==, '0');
  g_assert_cmpint (crm_credit_code_check_character ("9135010"), ==, '\0');
  g_assert_cmpint (crm_credit_code_check_character ("91350100M000I00Y4"), ==, '\0');
}

static void
test_id_number_valid (void)
{
  static const char *const numbers[] = {
    "11010519491231002X",
    "440301198001010018",
    "310101199003071230",
    "110105200002290013", /* 2000 is a leap year. */
    "510107190001010025", /* The first day allowed. */
    "810000198512123459", /* Hong Kong. */
    "710000197006150026", /* Taiwan. */
    "830000198808080033", /* Residence permit for people from Taiwan. */
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *number = crm_validate_id_number (numbers[i], ID_LABEL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (number, ==, numbers[i]);
    }
}

static void
test_id_number_normalised (void)
{
  static const char *const inputs[] = {
    "11010519491231002x",
    " 110105 19491231 002X ",
    "１１０１０５１９４９１２３１００２Ｘ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *number = crm_validate_id_number (inputs[i], ID_LABEL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (number, ==, "11010519491231002X");
    }
}

static void
test_id_number_check_digit (void)
{
  g_autoptr(GError) error = NULL;

  /* Unlike credit codes, a wrong check digit is an error. */
  assert_id_refused ("110105194912310021", CRM_VALIDATE_ERROR_CHECK_CHARACTER);
  assert_id_refused ("440301198001010019", CRM_VALIDATE_ERROR_CHECK_CHARACTER);

  g_assert_cmpint (crm_id_number_check_digit ("11010519491231002"), ==, 'X');
  g_assert_cmpint (crm_id_number_check_digit ("44030119800101001"), ==, '8');
  g_assert_cmpint (crm_id_number_check_digit ("4403011980010100"), ==, '\0');
  g_assert_cmpint (crm_id_number_check_digit ("4403011980010100A"), ==, '\0');
}

static void
test_id_number_birth_date (void)
{
  /* Each of these has a correct check digit: the date alone is wrong. */
  assert_id_refused ("110105199902300015", CRM_VALIDATE_ERROR_BIRTH_DATE); /* 30 Feb */
  assert_id_refused ("110105199902290013", CRM_VALIDATE_ERROR_BIRTH_DATE); /* 1999 not leap */
  assert_id_refused ("110105199013010018", CRM_VALIDATE_ERROR_BIRTH_DATE); /* month 13 */
  assert_id_refused ("110105189912310015", CRM_VALIDATE_ERROR_BIRTH_DATE); /* before 1900 */
  assert_id_refused ("110105209912310010", CRM_VALIDATE_ERROR_BIRTH_DATE); /* 2099 */
}

static void
test_id_number_future (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *first17 = NULL;
  g_autofree char *number = NULL;
  g_autofree char *today_number = NULL;
  g_autofree char *valid = NULL;
  g_autoptr(GError) error = NULL;

  first17 = g_date_time_format (tomorrow, "110105%Y%m%d001");
  number = g_strdup_printf ("%s%c", first17, crm_id_number_check_digit (first17));
  assert_id_refused (number, CRM_VALIDATE_ERROR_BIRTH_DATE);

  /* A child born today may already have a number. */
  g_clear_pointer (&first17, g_free);
  first17 = g_date_time_format (now, "110105%Y%m%d001");
  today_number = g_strdup_printf ("%s%c", first17, crm_id_number_check_digit (first17));
  valid = crm_validate_id_number (today_number, ID_LABEL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (valid, ==, today_number);
}

static void
test_id_number_region (void)
{
  assert_id_refused ("990105194912310023", CRM_VALIDATE_ERROR_REGION);
  assert_id_refused ("000105194912310023", CRM_VALIDATE_ERROR_REGION);
  assert_id_refused ("160105194912310023", CRM_VALIDATE_ERROR_REGION);
}

static void
test_id_number_old_fifteen_digits (void)
{
  g_autoptr(GError) error = NULL;
  char *result = crm_validate_id_number ("110105491231002", ID_LABEL, &error);

  /* The message must tell the user what to enter instead. */
  assert_refused (result, error, CRM_VALIDATE_ERROR_LENGTH, ID_LABEL);
  g_assert_nonnull (strstr (error->message, "18"));
}

static void
test_id_number_malformed (void)
{
  assert_id_refused ("", CRM_VALIDATE_ERROR_EMPTY);
  assert_id_refused ("1101051949123100", CRM_VALIDATE_ERROR_LENGTH);
  assert_id_refused ("11010519491231002X1", CRM_VALIDATE_ERROR_LENGTH);
  assert_id_refused ("11010519491231002Y", CRM_VALIDATE_ERROR_CHARACTERS);
  assert_id_refused ("1101051949123100X2", CRM_VALIDATE_ERROR_CHARACTERS);
  assert_id_refused ("11010519491231-02X", CRM_VALIDATE_ERROR_CHARACTERS);
}

static void
test_mobile_valid (void)
{
  static const char *const inputs[] = {
    "13800138000",
    "138 0013 8000",
    "138-0013-8000",
    "+86 138 0013 8000",
    "+86-13800138000",
    "(+86) 138 0013 8000",
    "008613800138000",
    "8613800138000",
    "１３８００１３８０００",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *mobile = crm_validate_mobile (inputs[i], PHONE_LABEL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (mobile, ==, "13800138000");
    }

  for (char second = '3'; second <= '9'; second++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *input = g_strdup_printf ("1%c912345678", second);
      g_autofree char *mobile = crm_validate_mobile (input, PHONE_LABEL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (mobile, ==, input);
    }
}

static void
test_mobile_invalid (void)
{
  static const struct {
    const char *input;
    gint        code;
  } cases[] = {
    { "", CRM_VALIDATE_ERROR_EMPTY },
    { "1380013800", CRM_VALIDATE_ERROR_LENGTH },
    { "138001380001", CRM_VALIDATE_ERROR_LENGTH },
    { "12800138000", CRM_VALIDATE_ERROR_FORMAT },
    { "23800138000", CRM_VALIDATE_ERROR_FORMAT },
    { "+1 138 0013 8000", CRM_VALIDATE_ERROR_FORMAT },
    { "138o0138000", CRM_VALIDATE_ERROR_CHARACTERS },
    { "1380013+8000", CRM_VALIDATE_ERROR_CHARACTERS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char *mobile = crm_validate_mobile (cases[i].input, PHONE_LABEL, &error);

      g_test_message ("mobile “%s”", cases[i].input);
      assert_refused (mobile, error, cases[i].code, PHONE_LABEL);
    }
}

static void
test_landline_valid (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "010-12345678", "010-12345678" },
    { "(010) 1234-5678", "010-12345678" },
    { "（010）12345678", "010-12345678" },
    { "01012345678", "010-12345678" },
    { "020 8888 6666", "020-88886666" },
    { "0755-8888888", "0755-8888888" },
    { "0755 8888 8888", "0755-88888888" },
    { "075588888888", "0755-88888888" },
    { "010-12345678-123", "010-12345678-123" },
    { "010-12345678 转 123", "010-12345678-123" },
    { "010-12345678转123", "010-12345678-123" },
    { "010 12345678 分机 8", "010-12345678-8" },
    { "010-12345678 ext. 45", "010-12345678-45" },
    { "010-12345678 EXT 45", "010-12345678-45" },
    { "010-12345678 x45", "010-12345678-45" },
    { "+86 10 12345678", "010-12345678" },
    { "0086-755-88888888", "0755-88888888" },
    { "０１０－１２３４５６７８", "010-12345678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *landline = crm_validate_landline (cases[i].input, PHONE_LABEL, &error);

      g_test_message ("landline “%s”", cases[i].input);
      g_assert_no_error (error);
      g_assert_cmpstr (landline, ==, cases[i].expected);
    }
}

static void
test_landline_invalid (void)
{
  static const struct {
    const char *input;
    gint        code;
  } cases[] = {
    { "12345678", CRM_VALIDATE_ERROR_FORMAT },          /* no area code */
    { "0012345678", CRM_VALIDATE_ERROR_FORMAT },        /* no area code 00 */
    { "0112345678", CRM_VALIDATE_ERROR_FORMAT },        /* no area code 011 */
    { "010-123456", CRM_VALIDATE_ERROR_LENGTH },        /* too short */
    { "010-123456789", CRM_VALIDATE_ERROR_LENGTH },     /* too long */
    { "010-02345678", CRM_VALIDATE_ERROR_FORMAT },      /* trunk prefix twice */
    { "010-12345678 转", CRM_VALIDATE_ERROR_FORMAT },   /* empty extension */
    { "010-12345678 转 1234567", CRM_VALIDATE_ERROR_FORMAT },
    { "010-1234a678", CRM_VALIDATE_ERROR_CHARACTERS },
    { "", CRM_VALIDATE_ERROR_EMPTY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char *landline = crm_validate_landline (cases[i].input, PHONE_LABEL, &error);

      g_test_message ("landline “%s”", cases[i].input);
      assert_refused (landline, error, cases[i].code, PHONE_LABEL);
    }
}

static void
test_phone_kind (void)
{
  static const struct {
    const char   *input;
    const char   *expected;
    CrmPhoneKind  kind;
  } cases[] = {
    { "138 0013 8000", "13800138000", CRM_PHONE_KIND_MOBILE },
    { "+86 138 0013 8000", "13800138000", CRM_PHONE_KIND_MOBILE },
    { "(010) 1234-5678", "010-12345678", CRM_PHONE_KIND_LANDLINE },
    { "0755-88888888 转 6", "0755-88888888-6", CRM_PHONE_KIND_LANDLINE },
    { "+86 10 12345678", "010-12345678", CRM_PHONE_KIND_LANDLINE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CrmPhoneKind kind = CRM_PHONE_KIND_INVALID;
      g_autofree char *phone = crm_validate_phone (cases[i].input, PHONE_LABEL, &kind, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (phone, ==, cases[i].expected);
      g_assert_cmpint (kind, ==, cases[i].kind);
    }
}

static void
test_phone_invalid_explains (void)
{
  static const struct {
    const char *input;
    gint        code;
    const char *hint;
  } cases[] = {
    /* A short number is a landline without its area code … */
    { "12345678", CRM_VALIDATE_ERROR_FORMAT, "010" },
    /* … a long one starting with 1 a mobile with a digit too few … */
    { "1380013800", CRM_VALIDATE_ERROR_LENGTH, "11" },
    /* … and one starting with 0 a landline. */
    { "010-123", CRM_VALIDATE_ERROR_LENGTH, "010" },
    { "phone", CRM_VALIDATE_ERROR_CHARACTERS, "“p”" },
    { "+44 20 7946 0958", CRM_VALIDATE_ERROR_FORMAT, "+86" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CrmPhoneKind kind = CRM_PHONE_KIND_MOBILE;
      char *phone = crm_validate_phone (cases[i].input, PHONE_LABEL, &kind, &error);

      g_test_message ("phone “%s”", cases[i].input);
      assert_refused (phone, error, cases[i].code, PHONE_LABEL);
      g_assert_nonnull (strstr (error->message, cases[i].hint));
      g_assert_cmpint (kind, ==, CRM_PHONE_KIND_INVALID);
    }
}

static void
test_email_valid (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "zhang.san@example.com", "zhang.san@example.com" },
    { "  Zhang.San@Example.COM ", "Zhang.San@example.com" },
    { "sales+crm@mail.example.com.cn", "sales+crm@mail.example.com.cn" },
    { "o'brien@example.ie", "o'brien@example.ie" },
    { "张三@例子.中国", "张三@例子.中国" },
    { "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zhang@example.com" },
    { "zhang@example。com", "zhang@example.com" },
    { "a@b-c.io", "a@b-c.io" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *email = crm_validate_email (cases[i].input, EMAIL_LABEL, &error);

      g_test_message ("e-mail “%s”", cases[i].input);
      g_assert_no_error (error);
      g_assert_cmpstr (email, ==, cases[i].expected);
    }
}

static void
test_email_invalid (void)
{
  static const struct {
    const char *input;
    gint        code;
  } cases[] = {
    { "", CRM_VALIDATE_ERROR_EMPTY },
    { "zhang.example.com", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang@@example.com", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang@san@example.com", CRM_VALIDATE_ERROR_FORMAT },
    { "@example.com", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang@", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang@localhost", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang san@example.com", CRM_VALIDATE_ERROR_CHARACTERS },
    { "zhang@exam ple.com", CRM_VALIDATE_ERROR_CHARACTERS },
    { "zhang..san@example.com", CRM_VALIDATE_ERROR_FORMAT },
    { ".zhang@example.com", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang.@example.com", CRM_VALIDATE_ERROR_FORMAT },
    { "zh<ang>@example.com", CRM_VALIDATE_ERROR_CHARACTERS },
    { "zhang@-example.com", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang@example-.com", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang@example..com", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang@exa_mple.com", CRM_VALIDATE_ERROR_FORMAT },
    { "zhang@192.168.0.1", CRM_VALIDATE_ERROR_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char *email = crm_validate_email (cases[i].input, EMAIL_LABEL, &error);

      g_test_message ("e-mail “%s”", cases[i].input);
      assert_refused (email, error, cases[i].code, EMAIL_LABEL);
    }
}

static void
test_email_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *local = g_strnfill (65, 'a');
  g_autofree char *label = g_strnfill (61, 'b');
  g_autofree char *domain = g_strdup_printf ("%s.%s.%s.com", label, label, label);
  g_autofree char *longest = g_strdup_printf ("%.64s@%s", local, domain);
  g_autofree char *too_long = g_strdup_printf ("%.64s@e%s", local, domain);
  g_autofree char *local_too_long = g_strdup_printf ("%s@example.com", local);
  g_autofree char *result = NULL;

  /* 64 + 1 + 189 = 254 bytes is the most allowed. */
  g_assert_cmpuint (strlen (longest), ==, 254);
  result = crm_validate_email (longest, EMAIL_LABEL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, longest);

  g_clear_pointer (&result, g_free);
  result = crm_validate_email (too_long, EMAIL_LABEL, &error);
  assert_refused (result, error, CRM_VALIDATE_ERROR_LENGTH, EMAIL_LABEL);
  g_clear_error (&error);

  /* The part before the "@" has at most 64. */
  result = crm_validate_email (local_too_long, EMAIL_LABEL, &error);
  assert_refused (result, error, CRM_VALIDATE_ERROR_FORMAT, EMAIL_LABEL);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  char *result;

  result = crm_validate_email ("zhang\xff@example.com", EMAIL_LABEL, &error);
  assert_refused (result, error, CRM_VALIDATE_ERROR_CHARACTERS, EMAIL_LABEL);
  g_clear_error (&error);

  result = crm_validate_credit_code ("\xc3\x28", CODE_LABEL, NULL, &error);
  assert_refused (result, error, CRM_VALIDATE_ERROR_CHARACTERS, CODE_LABEL);
}

static void
test_default_label (void)
{
  g_autoptr(GError) error = NULL;

  /* Without a label the message still says which kind of value it is. */
  g_assert_null (crm_validate_id_number ("123", NULL, &error));
  g_assert_error (error, CRM_VALIDATE_ERROR, CRM_VALIDATE_ERROR_LENGTH);
  g_assert_true (g_str_has_prefix (error->message, "ID-card number"));
}

static void
test_normalize_name (void)
{
  static const struct {
    const char *a;
    const char *b;
  } same[] = {
    { "北京 科技（集团）有限公司", "北京科技(集团)有限公司" },
    { "北京科技（集团）有限公司", "北京科技集团有限公司" },
    { "ＡＢＣ科技有限公司", "abc科技 有限公司" },
    { "阿卜杜拉·买买提", "阿卜杜拉买买提" },
    { "华为、荣耀“联合”实验室。", "华为荣耀联合实验室" },
    { "腾讯\u200b科技\u3000（深圳）", "腾讯科技(深圳)" },
    { "Ｏ’Ｂｒｉｅｎ－Ｍｃ", "obrien mc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = crm_normalize_name (same[i].a);
      g_autofree char *b = crm_normalize_name (same[i].b);

      g_assert_cmpstr (a, ==, b);
    }
}

static void
test_normalize_name_keeps_meaning (void)
{
  g_autofree char *name = crm_normalize_name ("北京 科技（集团）有限公司");
  g_autofree char *symbol = crm_normalize_name ("A+B 咨询");
  g_autofree char *plain = crm_normalize_name ("AB 咨询");
  g_autofree char *empty = crm_normalize_name ("（）· ");

  g_assert_cmpstr (name, ==, "北京科技集团有限公司");
  /* Symbols tell names apart, unlike punctuation. */
  g_assert_cmpstr (symbol, ==, "a+b咨询");
  g_assert_cmpstr (symbol, !=, plain);
  g_assert_cmpstr (empty, ==, "");
}

/* The characters NFKC and case folding leave alone (ASCII but capitals,
 * CJK ideographs and punctuation) take a shorter way through
 * crm_utf8_nfkc() and crm_normalize_name(); it must give what the full
 * way gives. A zero-width space, which the name key drops, sends the same
 * text the full way. */
static void
test_normalize_name_short_way (void)
{
  static const gunichar ranges[][2] = {
    { 0x01, 0x7f },
    { 0x3001, 0x3011 },
    { 0x4e00, 0x9fff },
  };
  static const char *names[] = {
    "北京科技（集团）有限公司",
    "ABC Trading Co., Ltd.",
    "《华为》、荣耀【联合】实验室。",
    "ＡＢＣ科技",
    "A+B 咨询",
  };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
        {
          char text[8] = { 0 };
          g_autofree char *nfkc = NULL;
          g_autofree char *expected_nfkc = NULL;
          g_autofree char *key = NULL;
          g_autofree char *slow = NULL;
          g_autofree char *expected_key = NULL;

          g_unichar_to_utf8 (c, text);
          nfkc = crm_utf8_nfkc (text);
          expected_nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
          g_assert_cmpstr (nfkc, ==, expected_nfkc);

          key = crm_normalize_name (text);
          slow = g_strconcat (text, "\u200b", NULL);
          expected_key = crm_normalize_name (slow);
          g_assert_cmpstr (key, ==, expected_key);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = crm_normalize_name (names[i]);
      g_autofree char *slow = g_strconcat (names[i], "\u200b", NULL);
      g_autofree char *expected = crm_normalize_name (slow);

      g_assert_cmpstr (key, ==, expected);
    }

  /* Invalid UTF-8 (a cut sequence, a surrogate) is never taken for
   * stable text: GLib says what becomes of it. */
  {
    static const char *invalid[] = { "\xe4\xb8", "a\xed\xa0\x80", "\xe4\xb8\xe4\xb8\x80" };

    for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
      {
        g_autofree char *nfkc = crm_utf8_nfkc (invalid[i]);
        g_autofree char *expected = g_utf8_normalize (invalid[i], -1, G_NORMALIZE_NFKC);

        g_assert_cmpstr (nfkc, ==, expected);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/credit-code/valid", test_credit_code_valid);
  g_test_add_func ("/validate/credit-code/normalised", test_credit_code_normalised);
  g_test_add_func ("/validate/credit-code/check-character-warns", test_credit_code_check_character_warns);
  g_test_add_func ("/validate/credit-code/length", test_credit_code_length);
  g_test_add_func ("/validate/credit-code/forbidden-letters", test_credit_code_forbidden_letters);
  g_test_add_func ("/validate/credit-code/authority", test_credit_code_authority);
  g_test_add_func ("/validate/credit-code/structure", test_credit_code_structure);
  g_test_add_func ("/validate/credit-code/empty", test_credit_code_empty);
  g_test_add_func ("/validate/credit-code/check-character", test_credit_code_check_character);
  g_test_add_func ("/validate/id-number/valid", test_id_number_valid);
  g_test_add_func ("/validate/id-number/normalised", test_id_number_normalised);
  g_test_add_func ("/validate/id-number/check-digit", test_id_number_check_digit);
  g_test_add_func ("/validate/id-number/birth-date", test_id_number_birth_date);
  g_test_add_func ("/validate/id-number/future", test_id_number_future);
  g_test_add_func ("/validate/id-number/region", test_id_number_region);
  g_test_add_func ("/validate/id-number/old-fifteen-digits", test_id_number_old_fifteen_digits);
  g_test_add_func ("/validate/id-number/malformed", test_id_number_malformed);
  g_test_add_func ("/validate/mobile/valid", test_mobile_valid);
  g_test_add_func ("/validate/mobile/invalid", test_mobile_invalid);
  g_test_add_func ("/validate/landline/valid", test_landline_valid);
  g_test_add_func ("/validate/landline/invalid", test_landline_invalid);
  g_test_add_func ("/validate/phone/kind", test_phone_kind);
  g_test_add_func ("/validate/phone/invalid-explains", test_phone_invalid_explains);
  g_test_add_func ("/validate/email/valid", test_email_valid);
  g_test_add_func ("/validate/email/invalid", test_email_invalid);
  g_test_add_func ("/validate/email/length", test_email_length);
  g_test_add_func ("/validate/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/validate/default-label", test_default_label);
  g_test_add_func ("/validate/normalize-name/equal", test_normalize_name);
  g_test_add_func ("/validate/normalize-name/keeps-meaning", test_normalize_name_keeps_meaning);
  g_test_add_func ("/validate/normalize-name/short-way", test_normalize_name_short_way);

  return g_test_run ();
}
