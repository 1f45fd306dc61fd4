/* crm-import-header-map.c — which column of an imported CSV file holds which field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-customer-import"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-import-header-map.h"

struct _CrmImportHeaderMap
{
  GPtrArray *header;
  /* The column of each field, -1 when no column holds it. */
  int        columns[CRM_IMPORT_N_FIELDS];
  /* Whether the revenue column is in 万元, as its name says. */
  gboolean   revenue_in_wan;
};

/*
 * Header names, compared after header_key(): NFKC, case-folded, without
 * spaces, underscores, hyphens, dots, colons, asterisks and anything in
 * brackets (so "年营收（万元）", "*客户名称" and "Credit_Code" match).
 * The first name of each field is the one crm-customer-export.c writes.
 *
 * Recognised but not imported (CRM_IMPORT_FIELD_IGNORED): the customer
 * code and the review state, because imported customers are drafts that
 * get a code from the counter when approved; the annual spend, which is
 * computed from cooperation records; the reason column of a rejected-rows
 * file, so a corrected one imports as it is; and row numbers.
 */
static const struct
{
  CrmImportField  field;
  const char     *names[16];    /* NULL-terminated */
} aliases[] = {
  { CRM_IMPORT_FIELD_NAME,
    { "客户名称", "名称", "客户", "客户全称", "公司名称", "公司", "企业名称", "单位名称", "name", "customer",
      "customer name", "company", "company name", "full name" } },
  { CRM_IMPORT_FIELD_PERSON_NAME, { "姓名" } },
  { CRM_IMPORT_FIELD_KIND, { "客户类别", "类别", "主体类型", "客户性质", "kind", "customer kind" } },
  { CRM_IMPORT_FIELD_CREDIT_CODE,
    { "统一社会信用代码", "信用代码", "社会信用代码", "纳税人识别号", "税号", "credit code", "uscc",
      "unified social credit code" } },
  { CRM_IMPORT_FIELD_ID_NUMBER,
    { "身份证号", "身份证号码", "身份证", "证件号码", "id number", "id card", "id card number" } },
  { CRM_IMPORT_FIELD_FOUNDED_ON,
    { "成立日期", "成立时间", "注册日期", "founded on", "founded", "founding date" } },
  { CRM_IMPORT_FIELD_INDUSTRY, { "所属行业", "行业", "行业分类", "industry" } },
  { CRM_IMPORT_FIELD_EMPLOYEES, { "员工数", "员工人数", "人数", "员工规模", "employees", "headcount" } },
  { CRM_IMPORT_FIELD_ANNUAL_REVENUE,
    { "年营收", "年营业额", "营业收入", "年收入", "营收", "annual revenue", "revenue" } },
  { CRM_IMPORT_FIELD_TYPE, { "客户类型", "类型", "type", "customer type" } },
  { CRM_IMPORT_FIELD_TIER, { "客户等级", "等级", "级别", "tier", "level", "grade" } },
  { CRM_IMPORT_FIELD_OWNER, { "负责人", "客户经理", "销售", "销售负责人", "归属人", "owner", "account manager" } },
  { CRM_IMPORT_FIELD_PROVINCE, { "省份", "省", "所在省份", "province" } },
  { CRM_IMPORT_FIELD_CITY, { "城市", "市", "所在城市", "city" } },
  { CRM_IMPORT_FIELD_DISTRICT, { "区县", "区", "县区", "所在区县", "district", "county" } },
  { CRM_IMPORT_FIELD_STREET, { "地址", "街道", "详细地址", "街道地址", "street", "address" } },
  { CRM_IMPORT_FIELD_PAIN_POINTS, { "痛点", "客户痛点", "pain points" } },
  { CRM_IMPORT_FIELD_DECISION_CHAIN, { "决策链", "决策流程", "decision chain" } },
  { CRM_IMPORT_FIELD_NOTES, { "备注", "说明", "notes", "note", "remarks", "remark", "comment" } },
  { CRM_IMPORT_FIELD_TAGS, { "标签", "tags", "tag" } },
  { CRM_IMPORT_FIELD_CONTACT_NAME, { "联系人", "联系人姓名", "contact", "contact name", "contacts" } },
  { CRM_IMPORT_FIELD_CONTACT_TITLE, { "职务", "职位", "title", "job title", "position" } },
  { CRM_IMPORT_FIELD_CONTACT_PHONE,
    { "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "phone", "mobile", "tel", "telephone" } },
  { CRM_IMPORT_FIELD_CONTACT_EMAIL, { "邮箱", "电子邮箱", "邮件", "电子邮件", "email", "e-mail", "mail" } },
  { CRM_IMPORT_FIELD_CONTACT_ROLE, { "决策角色", "角色", "role" } },
  { CRM_IMPORT_FIELD_CONTACT_CHANNEL, { "偏好渠道", "联系渠道", "首选渠道", "channel", "preferred channel" } },
  { CRM_IMPORT_FIELD_CONTACT_FREQUENCY, { "联系频率", "跟进频率", "frequency", "preferred frequency" } },
  { CRM_IMPORT_FIELD_IGNORED,
    { "客户编号", "编号", "code", "customer code", "审核状态", "review state", "年采购额", "annual spend", "原因",
      "reason", "序号", "行号", "no" } },
};

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

static CrmImportField
field_for_header (const char *header,
                  gboolean   *in_wan)
{
  g_autofree char *key = header_key (header, in_wan);

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      for (guint j = 0; aliases[i].names[j] != NULL; j++)
        {
          g_autofree char *alias = header_key (aliases[i].names[j], NULL);

          if (strcmp (key, alias) == 0)
            return aliases[i].field;
        }
    }

  return CRM_IMPORT_FIELD_NONE;
}

/**
 * crm_import_header_map_new:
 * @header: the cells of the header row; the map keeps a reference
 * @warnings: where to add a message for each column that is not used
 *
 * Finds the field of each column. A column whose name is no field, and a
 * second column of one field, are left out with a warning: the rest of the
 * file can still be imported.
 *
 * Returns: (transfer full): the map; whether it found the customer's name
 *   is for the caller to check with crm_import_header_map_has_field()
 */
CrmImportHeaderMap *
crm_import_header_map_new (GPtrArray    *header,
                           GStrvBuilder *warnings)
{
  g_autoptr(CrmImportHeaderMap) self = g_new0 (CrmImportHeaderMap, 1);
  int person_column = -1;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (warnings != NULL, NULL);

  self->header = g_ptr_array_ref (header);

  for (guint i = 0; i < CRM_IMPORT_N_FIELDS; i++)
    self->columns[i] = -1;

  for (guint i = 0; i < header->len; i++)
    {
      const char *text = g_ptr_array_index (header, i);
      g_autofree char *letters = column_letters (i);
      gboolean in_wan = FALSE;
      CrmImportField field;

      if (*text == '\0')
        continue;

      field = field_for_header (text, &in_wan);

      if (field == CRM_IMPORT_FIELD_NONE)
        {
          g_autofree char *message =
            g_strdup_printf (_("Column %s, “%s”, is not a field Rapport knows; it was ignored."),
                             letters, text);

          g_strv_builder_add (warnings, message);
          continue;
        }

      if (field == CRM_IMPORT_FIELD_IGNORED)
        continue;

      if (field == CRM_IMPORT_FIELD_PERSON_NAME)
        {
          person_column = i;
          continue;
        }

      if (self->columns[field] >= 0)
        {
          const char *first = g_ptr_array_index (header, self->columns[field]);
          g_autofree char *message =
            g_strdup_printf (_("Column %s, “%s”, holds the same field as “%s”; it was ignored."),
                             letters, text, first);

          g_strv_builder_add (warnings, message);
          continue;
        }

      self->columns[field] = i;
      if (field == CRM_IMPORT_FIELD_ANNUAL_REVENUE)
        self->revenue_in_wan = in_wan;
    }

  /* 姓名 is the customer's name in a list of people, and the contact's
   * name next to a company name. */
  if (person_column >= 0)
    {
      if (self->columns[CRM_IMPORT_FIELD_NAME] < 0)
        self->columns[CRM_IMPORT_FIELD_NAME] = person_column;
      else if (self->columns[CRM_IMPORT_FIELD_CONTACT_NAME] < 0)
        self->columns[CRM_IMPORT_FIELD_CONTACT_NAME] = person_column;
    }

  return g_steal_pointer (&self);
}

void
crm_import_header_map_free (CrmImportHeaderMap *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_free (self);
}

/**
 * crm_import_header_map_get_header:
 * @self: a header map
 *
 * Returns: (transfer none): the cells of the header row
 */
GPtrArray *
crm_import_header_map_get_header (CrmImportHeaderMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->header;
}

gboolean
crm_import_header_map_has_field (CrmImportHeaderMap *self,
                                 CrmImportField      field)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field > CRM_IMPORT_FIELD_NONE && field < CRM_IMPORT_N_FIELDS, FALSE);

  return self->columns[field] >= 0;
}

/**
 * crm_import_header_map_get_title:
 * @self: a header map
 * @field: a field some column holds
 *
 * Returns: (transfer none): the header of the column holding @field, as
 *   the file writes it, for messages that name the column
 */
const char *
crm_import_header_map_get_title (CrmImportHeaderMap *self,
                                 CrmImportField      field)
{
  g_return_val_if_fail (crm_import_header_map_has_field (self, field), NULL);

  return g_ptr_array_index (self->header, self->columns[field]);
}

/* Whether the annual revenue column gives its amounts in 万元. */
gboolean
crm_import_header_map_get_revenue_in_wan (CrmImportHeaderMap *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->revenue_in_wan;
}

/**
 * crm_import_header_map_dup_cell:
 * @self: a header map
 * @cells: the cells of a row below the header
 * @field: a field
 *
 * A leading apostrophe before = + - @ is the guard spreadsheets (and our
 * export) put against formulas, not data: it is left out.
 *
 * Returns: (transfer full): the trimmed text of @field in @cells, "" when
 *   no column holds it or the row is too short to reach it
 */
char *
crm_import_header_map_dup_cell (CrmImportHeaderMap *self,
                                GPtrArray          *cells,
                                CrmImportField      field)
{
  int column;
  const char *text;
  char *value;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (cells != NULL, NULL);
  g_return_val_if_fail (field > CRM_IMPORT_FIELD_NONE && field < CRM_IMPORT_N_FIELDS, NULL);

  column = self->columns[field];
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
