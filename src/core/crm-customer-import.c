/* crm-customer-import.c — importing customers from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The files come from Excel, WPS and other CRMs, so the importer is
 * generous about form and strict about content. Form: UTF-8 with or
 * without a BOM, or GB18030 (what Excel writes on a Chinese Windows);
 * CRLF or LF; quoted fields holding commas, quotes and line breaks (libcsv
 * parses them; a hand-written parser gets these wrong); Chinese or English
 * header names in any order, with units such as "年营收（万元）". Content:
 * every row passes the same checks as the customer form
 * (crm_customer_store_check()) and the same duplicate test
 * (crm_customer_store_find_duplicate()), plus a test against the rows
 * before it in the same file. A row that fails is not imported; it is
 * written, as it was, to FILE.rejected.csv with the reason, and the rest
 * goes in.
 *
 * The whole import is one transaction and one undoable action, so a
 * crash leaves none of it and one undo removes all of it. Rows are parsed,
 * checked and written as the file streams through the parser, so memory
 * does not grow with the file beyond the text itself.
 */

#define G_LOG_DOMAIN "crm-customer-import"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "crm-customer-import.h"
#include "crm-validate.h"

G_DEFINE_QUARK (crm-import-error-quark, crm_import_error)

/* Bytes handed to the parser at a time; progress is reported between. */
#define CHUNK_SIZE (64 * 1024)

/* Beyond these a value is a mistake (a whole document pasted into a cell),
 * not data. */
#define MAX_SHORT_TEXT 100
#define MAX_ADDRESS 500
#define MAX_LONG_TEXT 10000
#define MAX_TAG 30

typedef enum
{
  FIELD_NONE = -1,
  FIELD_IGNORED,        /* recognised but not imported, see below */
  FIELD_NAME,
  FIELD_PERSON_NAME,    /* 姓名: the name, or the contact's when a name column exists */
  FIELD_KIND,
  FIELD_CREDIT_CODE,
  FIELD_ID_NUMBER,
  FIELD_FOUNDED_ON,
  FIELD_INDUSTRY,
  FIELD_EMPLOYEES,
  FIELD_ANNUAL_REVENUE,
  FIELD_TYPE,
  FIELD_TIER,
  FIELD_OWNER,
  FIELD_PROVINCE,
  FIELD_CITY,
  FIELD_DISTRICT,
  FIELD_STREET,
  FIELD_PAIN_POINTS,
  FIELD_DECISION_CHAIN,
  FIELD_NOTES,
  FIELD_TAGS,
  FIELD_CONTACT_NAME,
  FIELD_CONTACT_TITLE,
  FIELD_CONTACT_PHONE,
  FIELD_CONTACT_EMAIL,
  FIELD_CONTACT_ROLE,
  FIELD_CONTACT_CHANNEL,
  FIELD_CONTACT_FREQUENCY,
  N_FIELDS
} Field;

typedef struct
{
  const char *header;
  Field       field;
} Alias;

/*
 * Header names, compared after header_key(): NFKC, case-folded, without
 * spaces, underscores, hyphens, dots, colons, asterisks and anything in
 * brackets (so "年营收（万元）", "*客户名称" and "Credit_Code" match).
 * The first name of each field is the one crm-customer-export.c writes.
 *
 * Recognised but not imported (FIELD_IGNORED): the customer code and the
 * review state, because imported customers are drafts that get a code
 * from the counter when approved; the annual spend, which is computed from
 * cooperation records; the reason column of a rejected-rows file, so a
 * corrected one imports as it is; and row numbers.
 */
static const Alias aliases[] = {
  { "客户名称", FIELD_NAME }, { "名称", FIELD_NAME }, { "客户", FIELD_NAME },
  { "客户全称", FIELD_NAME }, { "公司名称", FIELD_NAME }, { "公司", FIELD_NAME },
  { "企业名称", FIELD_NAME }, { "单位名称", FIELD_NAME }, { "name", FIELD_NAME },
  { "customer", FIELD_NAME }, { "customer name", FIELD_NAME }, { "company", FIELD_NAME },
  { "company name", FIELD_NAME }, { "full name", FIELD_NAME },
  { "姓名", FIELD_PERSON_NAME },
  { "客户类别", FIELD_KIND }, { "类别", FIELD_KIND }, { "主体类型", FIELD_KIND },
  { "客户性质", FIELD_KIND }, { "kind", FIELD_KIND }, { "customer kind", FIELD_KIND },
  { "统一社会信用代码", FIELD_CREDIT_CODE }, { "信用代码", FIELD_CREDIT_CODE },
  { "社会信用代码", FIELD_CREDIT_CODE }, { "纳税人识别号", FIELD_CREDIT_CODE },
  { "税号", FIELD_CREDIT_CODE }, { "credit code", FIELD_CREDIT_CODE },
  { "uscc", FIELD_CREDIT_CODE }, { "unified social credit code", FIELD_CREDIT_CODE },
  { "身份证号", FIELD_ID_NUMBER }, { "身份证号码", FIELD_ID_NUMBER }, { "身份证", FIELD_ID_NUMBER },
  { "证件号码", FIELD_ID_NUMBER }, { "id number", FIELD_ID_NUMBER }, { "id card", FIELD_ID_NUMBER },
  { "id card number", FIELD_ID_NUMBER },
  { "成立日期", FIELD_FOUNDED_ON }, { "成立时间", FIELD_FOUNDED_ON }, { "注册日期", FIELD_FOUNDED_ON },
  { "founded on", FIELD_FOUNDED_ON }, { "founded", FIELD_FOUNDED_ON }, { "founding date", FIELD_FOUNDED_ON },
  { "所属行业", FIELD_INDUSTRY }, { "行业", FIELD_INDUSTRY }, { "行业分类", FIELD_INDUSTRY },
  { "industry", FIELD_INDUSTRY },
  { "员工数", FIELD_EMPLOYEES }, { "员工人数", FIELD_EMPLOYEES }, { "人数", FIELD_EMPLOYEES },
  { "员工规模", FIELD_EMPLOYEES }, { "employees", FIELD_EMPLOYEES }, { "headcount", FIELD_EMPLOYEES },
  { "年营收", FIELD_ANNUAL_REVENUE }, { "年营业额", FIELD_ANNUAL_REVENUE },
  { "营业收入", FIELD_ANNUAL_REVENUE }, { "年收入", FIELD_ANNUAL_REVENUE }, { "营收", FIELD_ANNUAL_REVENUE },
  { "annual revenue", FIELD_ANNUAL_REVENUE }, { "revenue", FIELD_ANNUAL_REVENUE },
  { "客户类型", FIELD_TYPE }, { "类型", FIELD_TYPE }, { "type", FIELD_TYPE },
  { "customer type", FIELD_TYPE },
  { "客户等级", FIELD_TIER }, { "等级", FIELD_TIER }, { "级别", FIELD_TIER }, { "tier", FIELD_TIER },
  { "level", FIELD_TIER }, { "grade", FIELD_TIER },
  { "负责人", FIELD_OWNER }, { "客户经理", FIELD_OWNER }, { "销售", FIELD_OWNER },
  { "销售负责人", FIELD_OWNER }, { "归属人", FIELD_OWNER }, { "owner", FIELD_OWNER },
  { "account manager", FIELD_OWNER },
  { "省份", FIELD_PROVINCE }, { "省", FIELD_PROVINCE }, { "所在省份", FIELD_PROVINCE },
  { "province", FIELD_PROVINCE },
  { "城市", FIELD_CITY }, { "市", FIELD_CITY }, { "所在城市", FIELD_CITY }, { "city", FIELD_CITY },
  { "区县", FIELD_DISTRICT }, { "区", FIELD_DISTRICT }, { "县区", FIELD_DISTRICT },
  { "所在区县", FIELD_DISTRICT }, { "district", FIELD_DISTRICT }, { "county", FIELD_DISTRICT },
  { "地址", FIELD_STREET }, { "街道", FIELD_STREET }, { "详细地址", FIELD_STREET },
  { "街道地址", FIELD_STREET }, { "street", FIELD_STREET }, { "address", FIELD_STREET },
  { "痛点", FIELD_PAIN_POINTS }, { "客户痛点", FIELD_PAIN_POINTS }, { "pain points", FIELD_PAIN_POINTS },
  { "决策链", FIELD_DECISION_CHAIN }, { "决策流程", FIELD_DECISION_CHAIN },
  { "decision chain", FIELD_DECISION_CHAIN },
  { "备注", FIELD_NOTES }, { "说明", FIELD_NOTES }, { "notes", FIELD_NOTES }, { "note", FIELD_NOTES },
  { "remarks", FIELD_NOTES }, { "remark", FIELD_NOTES }, { "comment", FIELD_NOTES },
  { "标签", FIELD_TAGS }, { "tags", FIELD_TAGS }, { "tag", FIELD_TAGS },
  { "联系人", FIELD_CONTACT_NAME }, { "联系人姓名", FIELD_CONTACT_NAME }, { "contact", FIELD_CONTACT_NAME },
  { "contact name", FIELD_CONTACT_NAME }, { "contacts", FIELD_CONTACT_NAME },
  { "职务", FIELD_CONTACT_TITLE }, { "职位", FIELD_CONTACT_TITLE }, { "title", FIELD_CONTACT_TITLE },
  { "job title", FIELD_CONTACT_TITLE }, { "position", FIELD_CONTACT_TITLE },
  { "电话", FIELD_CONTACT_PHONE }, { "手机", FIELD_CONTACT_PHONE }, { "手机号", FIELD_CONTACT_PHONE },
  { "手机号码", FIELD_CONTACT_PHONE }, { "联系电话", FIELD_CONTACT_PHONE },
  { "电话号码", FIELD_CONTACT_PHONE }, { "phone", FIELD_CONTACT_PHONE }, { "mobile", FIELD_CONTACT_PHONE },
  { "tel", FIELD_CONTACT_PHONE }, { "telephone", FIELD_CONTACT_PHONE },
  { "邮箱", FIELD_CONTACT_EMAIL }, { "电子邮箱", FIELD_CONTACT_EMAIL }, { "邮件", FIELD_CONTACT_EMAIL },
  { "电子邮件", FIELD_CONTACT_EMAIL }, { "email", FIELD_CONTACT_EMAIL }, { "e-mail", FIELD_CONTACT_EMAIL },
  { "mail", FIELD_CONTACT_EMAIL },
  { "决策角色", FIELD_CONTACT_ROLE }, { "角色", FIELD_CONTACT_ROLE }, { "role", FIELD_CONTACT_ROLE },
  { "偏好渠道", FIELD_CONTACT_CHANNEL }, { "联系渠道", FIELD_CONTACT_CHANNEL },
  { "首选渠道", FIELD_CONTACT_CHANNEL }, { "channel", FIELD_CONTACT_CHANNEL },
  { "preferred channel", FIELD_CONTACT_CHANNEL },
  { "联系频率", FIELD_CONTACT_FREQUENCY }, { "跟进频率", FIELD_CONTACT_FREQUENCY },
  { "frequency", FIELD_CONTACT_FREQUENCY }, { "preferred frequency", FIELD_CONTACT_FREQUENCY },
  { "客户编号", FIELD_IGNORED }, { "编号", FIELD_IGNORED }, { "code", FIELD_IGNORED },
  { "customer code", FIELD_IGNORED }, { "审核状态", FIELD_IGNORED }, { "review state", FIELD_IGNORED },
  { "年采购额", FIELD_IGNORED }, { "annual spend", FIELD_IGNORED }, { "原因", FIELD_IGNORED },
  { "reason", FIELD_IGNORED }, { "序号", FIELD_IGNORED }, { "行号", FIELD_IGNORED }, { "no", FIELD_IGNORED },
};

typedef struct
{
  CrmCustomerStore      *store;
  CrmImportFlags         flags;
  CrmImportProgressFunc  progress;
  gpointer               progress_data;

  char                  *basename;      /* for messages */
  const char            *text;          /* UTF-8, without a BOM */
  gsize                  length;

  /* Parser state: the cells of the row being read, the spreadsheet row
   * number of the next row, and how the last row ended (for CRLF). */
  GPtrArray             *cells;
  guint                  row;
  int                    last_terminator;

  /* The header: its cells, which column holds each field, and whether
   * the revenue column is in 万元. */
  GPtrArray             *header;
  int                    columns[N_FIELDS];
  gboolean               revenue_in_wan;

  GHashTable            *industries;    /* name or code → id */
  GHashTable            *seen;          /* "n:name key", "c:code", "i:id" → row */
  GString               *rejected;
  GStrvBuilder          *warnings;
  CrmImportSummary      *summary;
  char                  *rejected_path;
  int                    last_percent;

  GError                *error;         /* a failure that stops the import */
} Import;

static void
reset_summary (CrmImportSummary *summary)
{
  g_free (summary->rejected_path);
  g_free (summary->encoding);
  g_strfreev (summary->warnings);
  memset (summary, 0, sizeof *summary);
}

/**
 * crm_import_summary_clear:
 * @summary: a summary filled in by crm_customer_import_run()
 *
 * Frees what @summary holds (not @summary itself) and zeroes it.
 */
void
crm_import_summary_clear (CrmImportSummary *summary)
{
  g_return_if_fail (summary != NULL);

  reset_summary (summary);
}

/**
 * crm_customer_import_dup_rejected_path:
 * @path: the file imported
 *
 * Returns: (transfer full): where its rejected rows go: "客户.csv" gives
 *   "客户.rejected.csv", any other name gets ".rejected.csv" appended
 */
char *
crm_customer_import_dup_rejected_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - 4);

      return g_strconcat (stem, ".rejected.csv", NULL);
    }

  return g_strconcat (path, ".rejected.csv", NULL);
}

/* Reading the file ------------------------------------------------------ */

/* Spreadsheet column letters, for messages: 0 → A, 26 → AA. */
static char *
column_letters (guint index)
{
  char buffer[8];
  int pos = G_N_ELEMENTS (buffer) - 1;

  buffer[pos] = '\0';
  do
    {
      buffer[--pos] = (char) ('A' + index % 26);
      index = index / 26;
    }
  while (index-- > 0 && pos > 0);

  return g_strdup (buffer + pos);
}

/*
 * Decodes the file into UTF-8 without a BOM: UTF-8 when it is valid UTF-8,
 * else GB18030. Files that are no text at all (spreadsheets, UTF-16,
 * anything with NUL bytes) are refused with a message that says what to do.
 * Takes @data; UTF-8 is decoded in place, so a large file is not held
 * twice.
 */
static char *
decode (const char  *path,
        char        *data,
        gsize        length,
        char       **encoding,
        GError     **error)
{
  g_autofree char *owned = data;
  g_autofree char *basename = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  const char *text = data;
  gsize text_length = length;

  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                   _("“%s” is UTF-16 text; save it as “CSV UTF-8” and import that."), basename);
      return NULL;
    }

  if (length >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "\xd0\xcf\x11\xe0", 4) == 0))
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                   _("“%s” is a spreadsheet, not a CSV file; save it as “CSV UTF-8” and import that."),
                   basename);
      return NULL;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                   _("“%s” is not a text file, so it cannot be a CSV file."), basename);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      text_length -= 3;
    }

  if (g_utf8_validate (text, text_length, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      memmove (owned, text, text_length);
      owned[text_length] = '\0';
      converted = g_steal_pointer (&owned);
    }
  else
    {
      gsize read = 0;

      /* With bytes_read given, g_convert() takes an incomplete sequence at
       * the end for a short read rather than an error. */
      converted = g_convert (text, text_length, "UTF-8", "GB18030", &read, NULL, &local_error);
      if (converted == NULL || read < text_length)
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                       _("“%s” is neither UTF-8 nor GB18030 text (unreadable bytes at "
                         "offset %lu)."),
                       basename, (unsigned long)read);
          return NULL;
        }
      *encoding = g_strdup ("GB18030");
    }

  /* Text decodes from random bytes more often than one would think; other
   * control characters than tabs and line ends give a binary file away. */
  for (const char *p = converted; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\r' && *p != '\n')
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                       _("“%s” is not a text file, so it cannot be a CSV file."), basename);
          return NULL;
        }
    }

  return g_steal_pointer (&converted);
}

/* The header ------------------------------------------------------------ */

/* See the comment above aliases[]. */
static char *
header_key (const char *header,
            gboolean   *in_wan)
{
  g_autofree char *normal = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (normal, -1);
  GString *key = g_string_new (NULL);
  int depth = 0;

  if (in_wan != NULL)
    *in_wan = strstr (folded, "万") != NULL;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[' || c == 0x3010 /* 【 */)
        depth++;
      else if ((c == ')' || c == ']' || c == 0x3011 /* 】 */) && depth > 0)
        depth--;
      else if (depth > 0 || g_unichar_isspace (c) || c == 0xfeff)
        continue;
      else if (c < 0x80 && strchr ("_-.*:/#", (int) c) != NULL)
        continue;
      else
        g_string_append_unichar (key, c);
    }

  /* "年营收万元" and "年营收(万元)" alike. */
  if (g_str_has_suffix (key->str, "万元"))
    g_string_truncate (key, key->len - strlen ("万元"));
  else if (g_str_has_suffix (key->str, "元"))
    g_string_truncate (key, key->len - strlen ("元"));

  return g_string_free (key, FALSE);
}

static Field
field_for_header (const char *header,
                  gboolean   *in_wan)
{
  g_autofree char *key = header_key (header, in_wan);

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_autofree char *alias = header_key (aliases[i].header, NULL);

      if (strcmp (key, alias) == 0)
        return aliases[i].field;
    }

  return FIELD_NONE;
}

static void
add_warning (Import     *self,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_warning (Import     *self,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strv_builder_add (self->warnings, message);
}

static gboolean
read_header (Import  *self,
             GError **error)
{
  int person_column = -1;

  for (guint i = 0; i < N_FIELDS; i++)
    self->columns[i] = -1;

  for (guint i = 0; i < self->header->len; i++)
    {
      const char *text = g_ptr_array_index (self->header, i);
      g_autofree char *letters = column_letters (i);
      gboolean in_wan = FALSE;
      Field field;

      if (*text == '\0')
        continue;

      field = field_for_header (text, &in_wan);

      if (field == FIELD_NONE)
        {
          add_warning (self, _("Column %s, “%s”, is not a field Rapport knows; it was ignored."),
                       letters, text);
          continue;
        }

      if (field == FIELD_IGNORED)
        continue;

      if (field == FIELD_PERSON_NAME)
        {
          person_column = i;
          continue;
        }

      if (self->columns[field] >= 0)
        {
          const char *first = g_ptr_array_index (self->header, self->columns[field]);

          add_warning (self, _("Column %s, “%s”, holds the same field as “%s”; it was ignored."),
                       letters, text, first);
          continue;
        }

      self->columns[field] = i;
      if (field == FIELD_ANNUAL_REVENUE)
        self->revenue_in_wan = in_wan;
    }

  /* 姓名 is the customer's name in a list of people, and the contact's
   * name next to a company name. */
  if (person_column >= 0)
    {
      if (self->columns[FIELD_NAME] < 0)
        self->columns[FIELD_NAME] = person_column;
      else if (self->columns[FIELD_CONTACT_NAME] < 0)
        self->columns[FIELD_CONTACT_NAME] = person_column;
    }

  if (self->columns[FIELD_NAME] < 0)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_NAME_COLUMN,
                   _("The header of “%s” (row %u) has no column for the customer’s name; "
                     "call one of its columns “客户名称” or “name”."),
                   self->basename, self->row);
      return FALSE;
    }

  return TRUE;
}

/* Values ---------------------------------------------------------------- */

/* The trimmed text of @field in @cells, "" when absent. A leading
 * apostrophe before = + - @ is the guard spreadsheets (and our export) put
 * against formulas, not data. */
static char *
cell (Import    *self,
      GPtrArray *cells,
      Field      field)
{
  int column = self->columns[field];
  const char *text;
  char *value;

  if (column < 0 || (guint) column >= cells->len)
    return g_strdup ("");

  text = g_ptr_array_index (cells, column);
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@", text[1]) != NULL)
    text++;

  /* A line break inside a quoted cell is LF in Excel's files and CRLF in
   * some others; the record keeps it one way. */
  if (strchr (text, '\r') != NULL)
    {
      g_autoptr(GString) unified = g_string_new (text);

      g_string_replace (unified, "\r\n", "\n", 0);
      value = g_string_free (g_steal_pointer (&unified), FALSE);
    }
  else
    value = g_strdup (text);

  return g_strstrip (value);
}

static const char *
header_of (Import *self,
           Field   field)
{
  return g_ptr_array_index (self->header, self->columns[field]);
}

/* Upper-case NFKC without spaces, for matching enumerations. */
static char *
enum_key (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
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

static gboolean
parse_kind (const char      *text,
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

static gboolean
parse_type (const char      *text,
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

static gboolean
parse_tier (const char *text,
            CrmTier    *tier)
{
  g_autofree char *key = enum_key (text);

  /* "S", "S级", "S类", "S级客户". */
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
 * without a time after it (as Excel writes dates). */
static char *
parse_date (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  guint parts[3] = { 0, 0, 0 };
  guint n_parts = 0;
  guint n_digits = 0;
  const char *p;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

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

  if (parts[0] * 10000 + parts[1] * 100 + parts[2] >
      (guint) (g_date_time_get_year (now) * 10000 + g_date_time_get_month (now) * 100 +
               g_date_time_get_day_of_month (now)))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", parts[0], parts[1], parts[2]);
}

/* A whole number or a decimal, with thousands separators, and an optional
 * unit (元, 万, 万元, 亿, 亿元) that overrides @multiplier. Returns -1 when
 * it is none. */
static gint64
parse_amount (const char *text,
              gint64      multiplier,
              gboolean    whole)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
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

/* Splits a cell holding several values: tags, or one field of several
 * contacts. Empty pieces are kept for contacts, so the third phone stays
 * with the third name. */
static GStrv
split_list (const char *text,
            const char *separators,
            gboolean    keep_empty)
{
  g_autoptr(GString) unified = g_string_new (text);
  g_auto(GStrv) pieces = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* Full-width separators become the first ASCII one, since the split
   * works on bytes. */
  g_string_replace (unified, "；", ";", 0);
  g_string_replace (unified, "，", ",", 0);
  g_string_replace (unified, "、", ",", 0);
  g_string_replace (unified, "｜", "|", 0);

  pieces = g_strsplit_set (unified->str, separators, -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_strstrip (pieces[i]);
      if (keep_empty || *pieces[i] != '\0')
        g_strv_builder_add (builder, pieces[i]);
    }

  /* "张三;" is one contact, not two. */
  if (keep_empty)
    {
      g_auto(GStrv) all = g_strv_builder_end (builder);
      guint n = g_strv_length (all);

      while (n > 0 && *all[n - 1] == '\0')
        g_free (g_steal_pointer (&all[--n]));

      return g_steal_pointer (&all);
    }

  return g_strv_builder_end (builder);
}

static gboolean
check_length (Import      *self,
              Field        field,
              const char  *value,
              glong        limit,
              char       **reason)
{
  if (g_utf8_strlen (value, -1) <= limit)
    return TRUE;

  *reason = g_strdup_printf (_("%s: at most %ld characters."), header_of (self, field), limit);

  return FALSE;
}

/* Rows ------------------------------------------------------------------ */

static void
append_csv_row (GString   *out,
                GPtrArray *cells,
                guint      n_cells,
                const char *extra)
{
  for (guint i = 0; i < n_cells || (i == n_cells && extra != NULL); i++)
    {
      const char *text = i < n_cells ? (i < cells->len ? g_ptr_array_index (cells, i) : "") : extra;
      gsize length = strlen (text);
      gsize needed;

      if (i > 0)
        g_string_append_c (out, ',');

      /* csv_write() quotes the field and doubles its quotes; it says how
       * much room that takes, at most twice the text and two quotes. */
      g_string_set_size (out, out->len + 2 * length + 2);
      needed = csv_write (out->str + out->len - (2 * length + 2), 2 * length + 2, text, length);
      g_string_truncate (out, out->len - (2 * length + 2) + needed);
    }
  g_string_append (out, "\r\n");
}

static void
reject (Import     *self,
        GPtrArray  *cells,
        const char *reason)
{
  g_autofree char *message = g_strdup_printf (_("Row %u: %s"), self->row, reason);

  if (self->rejected->len == 0)
    {
      g_string_append (self->rejected, "\xef\xbb\xbf");
      append_csv_row (self->rejected, self->header, self->header->len, "原因");
    }

  append_csv_row (self->rejected, cells, MAX (cells->len, self->header->len), message);
  self->summary->n_rejected++;
}

/* Looks for an earlier row of the file with the same name, credit code or
 * ID number. */
static gboolean
find_in_file (Import       *self,
              CrmCustomer  *customer,
              char        **reason)
{
  g_autofree char *name_key = crm_normalize_name (crm_customer_get_name (customer));
  const char *credit_code = crm_customer_get_credit_code (customer);
  const char *id_number = crm_customer_get_id_number (customer);
  char *keys[3];
  gboolean found = FALSE;

  keys[0] = credit_code != NULL ? g_strconcat ("c:", credit_code, NULL) : NULL;
  keys[1] = id_number != NULL ? g_strconcat ("i:", id_number, NULL) : NULL;
  keys[2] = g_strconcat ("n:", name_key, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys) && !found; i++)
    {
      gpointer row;

      if (keys[i] == NULL || !g_hash_table_lookup_extended (self->seen, keys[i], NULL, &row))
        continue;

      switch (i)
        {
        case 0:
          *reason = g_strdup_printf (_("Row %u of this file has the same unified social credit code."),
                                     GPOINTER_TO_UINT (row));
          break;
        case 1:
          *reason = g_strdup_printf (_("Row %u of this file has the same ID card number."),
                                     GPOINTER_TO_UINT (row));
          break;
        default:
          *reason = g_strdup_printf (_("Row %u of this file has the same name."),
                                     GPOINTER_TO_UINT (row));
          break;
        }
      found = TRUE;
    }

  if (!found)
    {
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          if (keys[i] != NULL)
            g_hash_table_insert (self->seen, g_steal_pointer (&keys[i]), GUINT_TO_POINTER (self->row));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_free (keys[i]);

  return found;
}

/* Builds the contacts from the contact columns; several contacts are
 * separated by semicolons in each (as crm-customer-export.c writes them). */
static gboolean
read_contacts (Import       *self,
               GPtrArray    *cells,
               CrmCustomer  *customer,
               GPtrArray    *contacts,
               char        **reason)
{
  static const struct
  {
    Field       field;
    const char *property;
    glong       limit;
  } columns[] = {
    { FIELD_CONTACT_NAME, "name", MAX_SHORT_TEXT },
    { FIELD_CONTACT_TITLE, "title", MAX_SHORT_TEXT },
    { FIELD_CONTACT_PHONE, "phone", MAX_SHORT_TEXT },
    { FIELD_CONTACT_EMAIL, "email", 254 },
    { FIELD_CONTACT_ROLE, "role", MAX_SHORT_TEXT },
    { FIELD_CONTACT_CHANNEL, "preferred-channel", MAX_SHORT_TEXT },
    { FIELD_CONTACT_FREQUENCY, "preferred-frequency", MAX_SHORT_TEXT },
  };
  GStrv values[G_N_ELEMENTS (columns)] = { NULL, };
  guint n_contacts = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *text = cell (self, cells, columns[i].field);

      values[i] = split_list (text, ";", TRUE);
      n_contacts = MAX (n_contacts, g_strv_length (values[i]));
    }

  for (guint n = 0; n < n_contacts && ok; n++)
    {
      CrmContact *contact = crm_contact_new ();

      g_ptr_array_add (contacts, contact);
      for (guint i = 0; i < G_N_ELEMENTS (columns) && ok; i++)
        {
          const char *value = n < g_strv_length (values[i]) ? values[i][n] : "";

          if (*value == '\0')
            continue;
          ok = check_length (self, columns[i].field, value, columns[i].limit, reason);
          g_object_set (contact, columns[i].property, value, NULL);
        }

      if (!ok || crm_contact_get_name (contact) != NULL)
        continue;

      /* A list of people has their phone beside their name: the customer
       * is their own contact. A company's phone needs a person. */
      if (crm_customer_get_kind (customer) == CRM_CUSTOMER_KIND_INDIVIDUAL)
        crm_contact_set_name (contact, crm_customer_get_name (customer));
      else
        {
          *reason = g_strdup_printf (_("Contact %u has a phone, e-mail or title but no name; "
                                       "put the name in the “%s” column."),
                                     n + 1,
                                     self->columns[FIELD_CONTACT_NAME] >= 0
                                     ? header_of (self, FIELD_CONTACT_NAME) : "联系人");
          ok = FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_strfreev (values[i]);

  return ok;
}

/* Turns the cells into a customer; FALSE with @reason when a value is not
 * one the field takes. */
static gboolean
read_customer (Import       *self,
               GPtrArray    *cells,
               CrmCustomer  *customer,
               GPtrArray    *contacts,
               GStrv        *tags,
               char        **reason)
{
  static const struct
  {
    Field       field;
    const char *property;
    glong       limit;
  } texts[] = {
    { FIELD_NAME, "name", G_MAXLONG },  /* crm_customer_store_check() judges it */
    { FIELD_CREDIT_CODE, "credit-code", MAX_SHORT_TEXT },
    { FIELD_ID_NUMBER, "id-number", MAX_SHORT_TEXT },
    { FIELD_OWNER, "owner", MAX_SHORT_TEXT },
    { FIELD_PROVINCE, "province", MAX_SHORT_TEXT },
    { FIELD_CITY, "city", MAX_SHORT_TEXT },
    { FIELD_DISTRICT, "district", MAX_SHORT_TEXT },
    { FIELD_STREET, "street", MAX_ADDRESS },
    { FIELD_PAIN_POINTS, "pain-points", MAX_LONG_TEXT },
    { FIELD_DECISION_CHAIN, "decision-chain", MAX_LONG_TEXT },
    { FIELD_NOTES, "notes", MAX_LONG_TEXT },
  };
  g_autofree char *value = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (value);
      value = cell (self, cells, texts[i].field);
      if (*value == '\0')
        continue;
      if (!check_length (self, texts[i].field, value, texts[i].limit, reason))
        return FALSE;
      g_object_set (customer, texts[i].property, value, NULL);
    }

  g_free (value);
  value = cell (self, cells, FIELD_KIND);
  if (*value != '\0')
    {
      CrmCustomerKind kind;

      if (!parse_kind (value, &kind))
        {
          *reason = g_strdup_printf (_("%s: “%s” is neither 企业 (enterprise) nor 个人 (individual)."),
                                     header_of (self, FIELD_KIND), value);
          return FALSE;
        }
      crm_customer_set_kind (customer, kind);
    }
  else if (crm_customer_get_id_number (customer) != NULL &&
           crm_customer_get_credit_code (customer) == NULL)
    {
      /* A person is known by an ID number, an organisation by a credit code. */
      crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_INDIVIDUAL);
    }

  g_free (value);
  value = cell (self, cells, FIELD_FOUNDED_ON);
  if (*value != '\0')
    {
      g_autofree char *date = parse_date (value);

      if (date == NULL)
        {
          *reason = g_strdup_printf (_("%s: “%s” is not a past date such as 2024-03-01."),
                                     header_of (self, FIELD_FOUNDED_ON), value);
          return FALSE;
        }
      crm_customer_set_founded_on (customer, date);
    }

  g_free (value);
  value = cell (self, cells, FIELD_INDUSTRY);
  if (*value != '\0')
    {
      g_autofree char *upper = g_ascii_strup (value, -1);
      gpointer id = g_hash_table_lookup (self->industries, value);

      if (id == NULL)
        id = g_hash_table_lookup (self->industries, upper);
      if (id == NULL)
        {
          GListModel *industries = crm_customer_store_list_industries (self->store);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *list = NULL;

          for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
            {
              g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);

              g_ptr_array_add (names, g_strdup (crm_industry_get_name (industry)));
            }
          g_ptr_array_add (names, NULL);
          list = g_strjoinv ("、", (char **) names->pdata);

          *reason = g_strdup_printf (_("%s: “%s” is not an industry of this database (%s)."),
                                     header_of (self, FIELD_INDUSTRY), value, list);
          return FALSE;
        }
      crm_customer_set_industry_id (customer, GPOINTER_TO_SIZE (id));
    }

  g_free (value);
  value = cell (self, cells, FIELD_EMPLOYEES);
  if (*value != '\0')
    {
      gint64 employees = parse_amount (value, 1, TRUE);

      if (employees < 0 || employees > G_MAXINT)
        {
          *reason = g_strdup_printf (_("%s: “%s” is not a number of people."),
                                     header_of (self, FIELD_EMPLOYEES), value);
          return FALSE;
        }
      crm_customer_set_employees (customer, (int) employees);
    }

  g_free (value);
  value = cell (self, cells, FIELD_ANNUAL_REVENUE);
  if (*value != '\0')
    {
      gint64 revenue = parse_amount (value, self->revenue_in_wan ? 10000 : 1, FALSE);

      if (revenue < 0)
        {
          *reason = g_strdup_printf (_("%s: “%s” is not an amount."),
                                     header_of (self, FIELD_ANNUAL_REVENUE), value);
          return FALSE;
        }
      crm_customer_set_annual_revenue (customer, revenue);
    }

  g_free (value);
  value = cell (self, cells, FIELD_TYPE);
  if (*value != '\0')
    {
      CrmCustomerType type;

      if (!parse_type (value, &type))
        {
          *reason = g_strdup_printf (_("%s: “%s” is not one of 新客户, 老客户 and 战略客户 "
                                       "(new, returning, strategic)."),
                                     header_of (self, FIELD_TYPE), value);
          return FALSE;
        }
      crm_customer_set_customer_type (customer, type);
    }

  g_free (value);
  value = cell (self, cells, FIELD_TIER);
  if (*value != '\0')
    {
      CrmTier tier;

      if (!parse_tier (value, &tier))
        {
          *reason = g_strdup_printf (_("%s: “%s” is not one of S, A, B and C."),
                                     header_of (self, FIELD_TIER), value);
          return FALSE;
        }
      crm_customer_set_tier (customer, tier);
    }

  g_free (value);
  value = cell (self, cells, FIELD_TAGS);
  *tags = split_list (value, ";,|", FALSE);
  for (guint i = 0; (*tags)[i] != NULL; i++)
    {
      if (!check_length (self, FIELD_TAGS, (*tags)[i], MAX_TAG, reason))
        return FALSE;
    }

  return read_contacts (self, cells, customer, contacts, reason);
}

static gboolean
process_row (Import     *self,
             GPtrArray  *cells,
             GError    **error)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CrmCustomer) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *reason = NULL;

  self->summary->n_rows++;

  /* Extra cells beyond the header usually mean an unquoted comma shifted
   * the row: the values would land in the wrong fields. */
  for (guint i = self->header->len; i < cells->len; i++)
    {
      if (*(const char *) g_ptr_array_index (cells, i) != '\0')
        {
          reject (self, cells,
                  _("The row has more cells than the header; is a comma missing its quotes?"));
          return TRUE;
        }
    }

  if (!read_customer (self, cells, customer, contacts, &tags, &reason))
    {
      reject (self, cells, reason);
      return TRUE;
    }

  if (!crm_customer_store_check (self->store, customer, contacts, &warnings, &local_error))
    {
      reject (self, cells, local_error->message);
      return TRUE;
    }

  if (find_in_file (self, customer, &reason))
    {
      reject (self, cells, reason);
      return TRUE;
    }

  existing = crm_customer_store_find_duplicate (self->store, customer, &reason);
  if (existing != NULL)
    {
      reject (self, cells, reason);
      return TRUE;
    }

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    add_warning (self, _("Row %u: %s"), self->row, warnings[i]);

  if (!(self->flags & CRM_IMPORT_DRY_RUN) &&
      crm_customer_store_write (self->store, customer, contacts,
                                (const char * const *) tags, error) == 0)
    {
      g_prefix_error (error, _("Row %u: "), self->row);
      return FALSE;
    }

  self->summary->n_imported++;

  return TRUE;
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  Import *self = user_data;

  if (self->error != NULL)
    return;

  g_ptr_array_add (self->cells, data != NULL ? g_strndup (data, length) : g_strdup (""));
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      if (*(const char *) g_ptr_array_index (cells, i) != '\0')
        return FALSE;
    }

  return TRUE;
}

/* libcsv reports every unquoted CR and LF as the end of a row
 * (CSV_REPALL_NL), so blank lines count as spreadsheet rows do; the LF of
 * a CRLF pair ends an empty row, which is not one. */
static void
on_row (int   terminator,
        void *user_data)
{
  Import *self = user_data;
  g_autoptr(GPtrArray) cells = NULL;

  if (self->error != NULL)
    return;

  if (terminator == '\n' && self->last_terminator == '\r' && self->cells->len == 0)
    {
      self->last_terminator = terminator;
      return;
    }
  self->last_terminator = terminator;

  cells = g_steal_pointer (&self->cells);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->row++;

  if (row_is_blank (cells))
    return;

  if (self->header == NULL)
    {
      self->header = g_steal_pointer (&cells);
      read_header (self, &self->error);
      return;
    }

  process_row (self, cells, &self->error);
}

static void
report_progress (Import *self,
                 double  fraction)
{
  int percent = (int) (fraction * 100);

  if (self->progress == NULL || percent == self->last_percent)
    return;

  self->last_percent = percent;
  self->progress (fraction, self->progress_data);
}

static gboolean
write_rejected (Import  *self,
                GError **error)
{
  if (self->summary->n_rejected == 0)
    return TRUE;

  if (!g_file_set_contents (self->rejected_path, self->rejected->str, self->rejected->len, error))
    {
      g_prefix_error (error, _("The rejected rows could not be written: "));
      return FALSE;
    }

  self->summary->rejected_path = g_strdup (self->rejected_path);

  return TRUE;
}

static gboolean
import_rows (CrmDatabase  *db,
             gpointer      user_data,
             GError      **error)
{
  Import *self = user_data;
  struct csv_parser parser;
  gboolean ok = TRUE;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
    g_error ("Out of memory");

  for (gsize offset = 0; offset < self->length && self->error == NULL; offset += CHUNK_SIZE)
    {
      gsize size = MIN (CHUNK_SIZE, self->length - offset);

      if (csv_parse (&parser, self->text + offset, size, on_field, on_row, self) != size)
        {
          if (self->error == NULL)
            g_set_error (&self->error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MALFORMED,
                         _("“%s”, row %u, is not valid CSV: a quote inside a field that does "
                           "not start with one, or text after a closing quote."),
                         self->basename, self->row + 1);
          break;
        }

      report_progress (self, (double) (offset + size) / (double) self->length);
    }

  if (self->error == NULL && csv_fini (&parser, on_field, on_row, self) != 0)
    g_set_error (&self->error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_MALFORMED,
                 _("“%s”, row %u, is not valid CSV: a quoted field is never closed."),
                 self->basename, self->row + 1);
  csv_free (&parser);

  if (self->error == NULL && self->header == NULL)
    g_set_error (&self->error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_EMPTY,
                 _("“%s” is empty."), self->basename);
  else if (self->error == NULL && self->summary->n_rows == 0)
    g_set_error (&self->error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_EMPTY,
                 _("“%s” has a header but no rows below it."), self->basename);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      ok = FALSE;
    }

  /* Written before the commit, so an import never lands without the
   * list of what it left out. */
  return ok && write_rejected (self, error);
}

/**
 * crm_customer_import_run:
 * @store: the store to import into; in an application, one on its own
 *   connection, since the import may take seconds (run it in a GTask
 *   worker thread)
 * @path: a CSV file
 * @flags: whether to change anything
 * @progress: (nullable) (scope call): called as the file is read
 * @progress_data: data for @progress
 * @summary: (out caller-allocates): what happened
 * @error: return location for a #CrmImportError, a #GFileError or a
 *   database error
 *
 * Imports the valid rows of @path as one transaction and one undoable
 * action ("Import customers"), and writes the rejected rows with their
 * reasons to crm_customer_import_dup_rejected_path(), UTF-8 with a BOM.
 *
 * Returns: %TRUE when the file was read through; %FALSE with @error set
 *   when it could not be, and then nothing was changed
 */
gboolean
crm_customer_import_run (CrmCustomerStore       *store,
                         const char             *path,
                         CrmImportFlags          flags,
                         CrmImportProgressFunc   progress,
                         gpointer                progress_data,
                         CrmImportSummary       *summary,
                         GError                **error)
{
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) industries = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GString) rejected = NULL;
  g_autoptr(GStrvBuilder) warnings = NULL;
  g_autofree char *rejected_path = NULL;
  GListModel *industry_list;
  Import self = { 0 };
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;

  text = decode (path, g_steal_pointer (&data), length, &summary->encoding, error);
  if (text == NULL)
    return FALSE;

  industries = g_hash_table_new (g_str_hash, g_str_equal);
  industry_list = crm_customer_store_list_industries (store);
  for (guint i = 0; i < g_list_model_get_n_items (industry_list); i++)
    {
      /* The model holds the industries, so their strings outlive the table. */
      g_autoptr(CrmIndustry) industry = g_list_model_get_item (industry_list, i);
      gpointer id = GSIZE_TO_POINTER ((gsize) crm_industry_get_id (industry));

      g_hash_table_insert (industries, (gpointer) crm_industry_get_name (industry), id);
      g_hash_table_insert (industries, (gpointer) crm_industry_get_code (industry), id);
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rejected = g_string_new (NULL);
  warnings = g_strv_builder_new ();
  rejected_path = crm_customer_import_dup_rejected_path (path);

  self.store = store;
  self.flags = flags;
  self.progress = progress;
  self.progress_data = progress_data;
  self.text = text;
  self.length = strlen (text);
  self.cells = g_ptr_array_new_with_free_func (g_free);
  self.last_terminator = -1;
  self.industries = industries;
  self.seen = seen;
  self.rejected = rejected;
  self.warnings = warnings;
  self.summary = summary;
  self.rejected_path = rejected_path;
  self.last_percent = -1;
  self.basename = g_filename_display_basename (path);

  if (flags & CRM_IMPORT_DRY_RUN)
    ok = import_rows (crm_customer_store_get_database (store), &self, error);
  else
    ok = crm_customer_store_record (store, N_("Import customers"), import_rows, &self, error);

  g_ptr_array_unref (self.cells);
  g_free (self.basename);
  g_clear_pointer (&self.header, g_ptr_array_unref);
  g_clear_error (&self.error);

  summary->warnings = g_strv_builder_end (warnings);

  if (!ok)
    {
      reset_summary (summary);
      return FALSE;
    }

  report_progress (&self, 1.0);

  return TRUE;
}
