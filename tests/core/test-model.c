/* test-model.c — the plain model objects: customer, contact, cooperation,
 * industry, tag, and the customer enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "crm-contact.h"
#include "crm-cooperation.h"
#include "crm-customer.h"
#include "crm-industry.h"
#include "crm-tag.h"

/*
 * The property tests are driven by one table per class. Each row gives two
 * different values of a property (s for strings, n for numbers and
 * enumerations, v for string arrays); the first differs from the default.
 * A class's table must name every property it installs, so a property
 * added later without a row fails the tests instead of going unchecked.
 */
typedef struct
{
  const char         *name;
  const char         *s1;
  const char         *s2;
  gint64              n1;
  gint64              n2;
  const char * const *v1;
  const char * const *v2;
  gboolean            edited;
} PropCase;

static const char * const tags_one[] = { "重点", "华东", NULL };
static const char * const tags_two[] = { "华东", NULL };

static const PropCase customer_cases[] = {
  { "id", .n1 = 42, .n2 = 43 },
  { "code", "2024-TRA-001", "2024-TRA-002" },
  { "name", "上海明远贸易有限公司", "杭州云帆科技有限公司", .edited = TRUE },
  { "kind", .n1 = CRM_CUSTOMER_KIND_INDIVIDUAL, .n2 = CRM_CUSTOMER_KIND_ENTERPRISE, .edited = TRUE },
  { "credit-code", "91310000MA1FL8XQ30", "91330100MA27Y5XX1B", .edited = TRUE },
  { "id-number", "11010519491231002X", "110105194912310021", .edited = TRUE },
  { "founded-on", "2015-06-01", "2016-01-01", .edited = TRUE },
  { "industry-id", .n1 = 6, .n2 = 1, .edited = TRUE },
  { "industry-name", "贸易", "制造业" },
  { "industry-code", "TRA", "MFG" },
  { "employees", .n1 = 120, .n2 = 0, .edited = TRUE },
  { "annual-revenue", .n1 = 50000000, .n2 = 0, .edited = TRUE },
  { "customer-type", .n1 = CRM_CUSTOMER_TYPE_STRATEGIC, .n2 = CRM_CUSTOMER_TYPE_RETURNING, .edited = TRUE },
  { "tier", .n1 = CRM_TIER_S, .n2 = CRM_TIER_C, .edited = TRUE },
  { "province", "上海市", "浙江省", .edited = TRUE },
  { "city", "上海市", "杭州市", .edited = TRUE },
  { "district", "浦东新区", "西湖区", .edited = TRUE },
  { "street", "世纪大道 100 号", "文三路 90 号", .edited = TRUE },
  { "pain-points", "对账周期长", "库存不透明", .edited = TRUE },
  { "decision-chain", "采购经理 → 财务总监 → 总经理", "总经理", .edited = TRUE },
  { "owner", "李娜", "王强", .edited = TRUE },
  { "review-state", .n1 = CRM_REVIEW_STATE_APPROVED, .n2 = CRM_REVIEW_STATE_DRAFT, .edited = TRUE },
  { "notes", "年底有扩产计划", "无", .edited = TRUE },
  { "annual-spend", .n1 = 600000, .n2 = 0, .edited = TRUE },
  { "last-contact-at", "2024-03-01T08:00:00Z", "2024-03-02T08:00:00Z", .edited = TRUE },
  { "created-at", "2024-01-02T03:04:05Z", "2024-01-03T03:04:05Z" },
  { "updated-at", "2024-02-02T03:04:05Z", "2024-02-03T03:04:05Z" },
  { "approved-at", "2024-02-02T03:04:05Z", "2024-02-04T03:04:05Z" },
  { "tags", .v1 = tags_one, .v2 = tags_two, .edited = TRUE },
};

static const PropCase contact_cases[] = {
  { "id", .n1 = 7, .n2 = 8 },
  { "customer-id", .n1 = 42, .n2 = 43 },
  { "name", "张伟", "王芳", .edited = TRUE },
  { "title", "采购经理", "财务总监", .edited = TRUE },
  { "phone", "13812341234", "13900001111", .edited = TRUE },
  { "email", "zhangwei@example.com", "wangfang@example.com", .edited = TRUE },
  { "role", "决策者", "影响者", .edited = TRUE },
  { "preferred-channel", "电话", "邮件", .edited = TRUE },
  { "preferred-frequency", "每周", "每月", .edited = TRUE },
};

static const PropCase cooperation_cases[] = {
  { "id", .n1 = 3, .n2 = 4 },
  { "customer-id", .n1 = 42, .n2 = 43 },
  { "product", "仓储管理系统", "年度运维服务" },
  { "started-on", "2022-01-01", "2023-01-01" },
  { "ended-on", "2022-12-31", "2023-12-31" },
  { "amount", .n1 = 300000, .n2 = 0 },
};

static const PropCase industry_cases[] = {
  { "id", .n1 = 6, .n2 = 7 },
  { "code", "TRA", "OTH" },
  { "name", "贸易", "其他" },
};

static const PropCase tag_cases[] = {
  { "id", .n1 = 5, .n2 = 6 },
  { "name", "重点", "华东" },
  { "n-customers", .n1 = 12, .n2 = 0 },
};

static const PropCase *
find_case (const PropCase *cases,
           guint           n_cases,
           const char     *name)
{
  for (guint i = 0; i < n_cases; i++)
    {
      if (g_str_equal (cases[i].name, name))
        return &cases[i];
    }

  return NULL;
}

static void
case_get_value (GObject        *object,
                const PropCase *c,
                gboolean        second,
                GValue         *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), c->name);
  GType type;

  g_assert_nonnull (pspec);
  type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, second ? c->s2 : c->s1);
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, second ? c->n2 : c->n1);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, (int)(second ? c->n2 : c->n1));
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, (guint)(second ? c->n2 : c->n1));
  else if (type == G_TYPE_STRV)
    g_value_set_boxed (value, second ? c->v2 : c->v1);
  else
    g_assert_not_reached ();
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  g_assert_true (type == G_VALUE_TYPE (b));

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  else if (type == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  else if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  else if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  else if (type == G_TYPE_STRV)
    {
      const char * const *va = g_value_get_boxed (a);
      const char * const *vb = g_value_get_boxed (b);

      if (va == NULL || vb == NULL)
        return va == vb;

      return g_strv_equal (va, vb);
    }

  g_assert_not_reached ();
}

static void
set_case (GObject        *object,
          const PropCase *c,
          gboolean        second)
{
  g_auto(GValue) value = G_VALUE_INIT;

  case_get_value (object, c, second, &value);
  g_object_set_property (object, c->name, &value);
}

static void
assert_property_is (GObject        *object,
                    const PropCase *c,
                    gboolean        second)
{
  g_auto(GValue) expected = G_VALUE_INIT;
  g_auto(GValue) actual = G_VALUE_INIT;

  case_get_value (object, c, second, &expected);
  g_value_init (&actual, G_VALUE_TYPE (&expected));
  g_object_get_property (object, c->name, &actual);

  if (!values_equal (&expected, &actual))
    g_error ("%s: property %s does not hold the value set",
             G_OBJECT_TYPE_NAME (object), c->name);
}

static void
set_all (GObject        *object,
         const PropCase *cases,
         guint           n_cases,
         gboolean        second)
{
  for (guint i = 0; i < n_cases; i++)
    set_case (object, &cases[i], second);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Every installed property has a row, and is read-write with explicit
 * notify; and every row names an installed property. */
static void
check_coverage (GObject        *object,
                const PropCase *cases,
                guint           n_cases)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, n_cases);

  for (guint i = 0; i < n_pspecs; i++)
    {
      if (find_case (cases, n_cases, pspecs[i]->name) == NULL)
        g_error ("%s: property %s has no test row",
                 G_OBJECT_TYPE_NAME (object), pspecs[i]->name);

      g_assert_cmpint (pspecs[i]->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);
      g_assert_cmpint (pspecs[i]->flags & G_PARAM_EXPLICIT_NOTIFY, ==, G_PARAM_EXPLICIT_NOTIFY);
    }
}

static void
check_round_trip (GObject        *object,
                  const PropCase *cases,
                  guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      set_case (object, &cases[i], FALSE);
      assert_property_is (object, &cases[i], FALSE);
      set_case (object, &cases[i], TRUE);
      assert_property_is (object, &cases[i], TRUE);
    }

  /* Setting one property leaves the others alone. */
  set_all (object, cases, n_cases, FALSE);
  for (guint i = 0; i < n_cases; i++)
    assert_property_is (object, &cases[i], FALSE);
}

static void
check_notify (GObject        *object,
              const PropCase *cases,
              guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *signal = g_strdup_printf ("notify::%s", cases[i].name);
      guint count = 0;
      gulong handler;

      handler = g_signal_connect (object, signal, G_CALLBACK (count_notify), &count);

      set_case (object, &cases[i], FALSE);
      g_assert_cmpuint (count, ==, 1);
      set_case (object, &cases[i], FALSE);
      g_assert_cmpuint (count, ==, 1);
      set_case (object, &cases[i], TRUE);
      g_assert_cmpuint (count, ==, 2);
      set_case (object, &cases[i], TRUE);
      g_assert_cmpuint (count, ==, 2);

      g_signal_handler_disconnect (object, handler);
    }
}

static void
check_empty_strings (GObject        *object,
                     const PropCase *cases,
                     guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *signal = NULL;
      g_autofree char *text = NULL;
      guint count = 0;
      gulong handler;

      if (cases[i].s1 == NULL)
        continue;

      signal = g_strdup_printf ("notify::%s", cases[i].name);
      set_case (object, &cases[i], FALSE);
      handler = g_signal_connect (object, signal, G_CALLBACK (count_notify), &count);

      g_object_set (object, cases[i].name, "", NULL);
      g_object_get (object, cases[i].name, &text, NULL);
      g_assert_null (text);
      g_assert_cmpuint (count, ==, 1);

      /* "" and NULL are the same value: no change, no notification. */
      g_object_set (object, cases[i].name, "", NULL);
      g_object_set (object, cases[i].name, NULL, NULL);
      g_assert_cmpuint (count, ==, 1);

      g_signal_handler_disconnect (object, handler);
    }
}

typedef GObject *(*MakeObject) (void);

/* Runs each property check on an object of its own, so that one check's
 * values do not hide another's notifications. */
static void
check_properties (MakeObject      make,
                  const PropCase *cases,
                  guint           n_cases)
{
  void (*checks[]) (GObject *, const PropCase *, guint) = {
    check_coverage, check_round_trip, check_notify, check_empty_strings,
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GObject *object = make ();

      checks[i] (object, cases, n_cases);
      g_assert_finalize_object (object);
    }
}

static GObject *
make_contact (void)
{
  return G_OBJECT (crm_contact_new ());
}

static GObject *
make_cooperation (void)
{
  return G_OBJECT (crm_cooperation_new ());
}

static GObject *
make_industry (void)
{
  return G_OBJECT (crm_industry_new (0, NULL, NULL));
}

static GObject *
make_tag (void)
{
  return G_OBJECT (crm_tag_new (0, NULL, 0));
}

/* Customer */

static void
test_customer_defaults (void)
{
  CrmCustomer *customer = crm_customer_new ();

  g_assert_cmpint (crm_customer_get_id (customer), ==, 0);
  g_assert_null (crm_customer_get_code (customer));
  g_assert_null (crm_customer_get_name (customer));
  g_assert_cmpint (crm_customer_get_kind (customer), ==, CRM_CUSTOMER_KIND_ENTERPRISE);
  g_assert_cmpint (crm_customer_get_industry_id (customer), ==, 0);
  g_assert_cmpint (crm_customer_get_employees (customer), ==, -1);
  g_assert_cmpint (crm_customer_get_annual_revenue (customer), ==, -1);
  g_assert_cmpint (crm_customer_get_annual_spend (customer), ==, 0);
  g_assert_cmpint (crm_customer_get_customer_type (customer), ==, CRM_CUSTOMER_TYPE_NEW);
  g_assert_cmpint (crm_customer_get_tier (customer), ==, CRM_TIER_NONE);
  g_assert_cmpint (crm_customer_get_review_state (customer), ==, CRM_REVIEW_STATE_DRAFT);
  g_assert_null (crm_customer_get_tags (customer));
  g_assert_null (crm_customer_get_created_at (customer));

  g_assert_finalize_object (customer);
}

static void
test_customer_coverage (void)
{
  CrmCustomer *customer = crm_customer_new ();

  check_coverage (G_OBJECT (customer), customer_cases, G_N_ELEMENTS (customer_cases));

  g_assert_finalize_object (customer);
}

static void
test_customer_round_trip (void)
{
  CrmCustomer *customer = crm_customer_new ();

  check_round_trip (G_OBJECT (customer), customer_cases, G_N_ELEMENTS (customer_cases));

  g_assert_finalize_object (customer);
}

/* Each typed setter writes what its getter and its property read. */
static void
test_customer_accessors (void)
{
  static const char * const tags[] = { "重点", NULL };
  CrmCustomer *customer = crm_customer_new ();
  g_auto(GStrv) tags_out = NULL;
  g_autofree char *name = NULL;
  gint64 annual_revenue = 0;
  int tier = 0;

  crm_customer_set_id (customer, 42);
  crm_customer_set_code (customer, "2024-TRA-001");
  crm_customer_set_name (customer, "上海明远贸易有限公司");
  crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_INDIVIDUAL);
  crm_customer_set_credit_code (customer, "91310000MA1FL8XQ30");
  crm_customer_set_id_number (customer, "11010519491231002X");
  crm_customer_set_founded_on (customer, "2015-06-01");
  crm_customer_set_industry_id (customer, 6);
  crm_customer_set_industry_name (customer, "贸易");
  crm_customer_set_industry_code (customer, "TRA");
  crm_customer_set_employees (customer, 120);
  crm_customer_set_annual_revenue (customer, 50000000);
  crm_customer_set_customer_type (customer, CRM_CUSTOMER_TYPE_RETURNING);
  crm_customer_set_tier (customer, CRM_TIER_A);
  crm_customer_set_province (customer, "上海市");
  crm_customer_set_city (customer, "上海市");
  crm_customer_set_district (customer, "浦东新区");
  crm_customer_set_street (customer, "世纪大道 100 号");
  crm_customer_set_pain_points (customer, "对账周期长");
  crm_customer_set_decision_chain (customer, "总经理");
  crm_customer_set_owner (customer, "李娜");
  crm_customer_set_review_state (customer, CRM_REVIEW_STATE_APPROVED);
  crm_customer_set_notes (customer, "年底有扩产计划");
  crm_customer_set_annual_spend (customer, 600000);
  crm_customer_set_last_contact_at (customer, "2024-03-01T08:00:00Z");
  crm_customer_set_created_at (customer, "2024-01-02T03:04:05Z");
  crm_customer_set_updated_at (customer, "2024-02-02T03:04:05Z");
  crm_customer_set_approved_at (customer, "2024-02-03T03:04:05Z");
  crm_customer_set_tags (customer, tags);

  g_assert_cmpint (crm_customer_get_id (customer), ==, 42);
  g_assert_cmpstr (crm_customer_get_code (customer), ==, "2024-TRA-001");
  g_assert_cmpstr (crm_customer_get_name (customer), ==, "上海明远贸易有限公司");
  g_assert_cmpint (crm_customer_get_kind (customer), ==, CRM_CUSTOMER_KIND_INDIVIDUAL);
  g_assert_cmpstr (crm_customer_get_credit_code (customer), ==, "91310000MA1FL8XQ30");
  g_assert_cmpstr (crm_customer_get_id_number (customer), ==, "11010519491231002X");
  g_assert_cmpstr (crm_customer_get_founded_on (customer), ==, "2015-06-01");
  g_assert_cmpint (crm_customer_get_industry_id (customer), ==, 6);
  g_assert_cmpstr (crm_customer_get_industry_name (customer), ==, "贸易");
  g_assert_cmpstr (crm_customer_get_industry_code (customer), ==, "TRA");
  g_assert_cmpint (crm_customer_get_employees (customer), ==, 120);
  g_assert_cmpint (crm_customer_get_annual_revenue (customer), ==, 50000000);
  g_assert_cmpint (crm_customer_get_customer_type (customer), ==, CRM_CUSTOMER_TYPE_RETURNING);
  g_assert_cmpint (crm_customer_get_tier (customer), ==, CRM_TIER_A);
  g_assert_cmpstr (crm_customer_get_province (customer), ==, "上海市");
  g_assert_cmpstr (crm_customer_get_city (customer), ==, "上海市");
  g_assert_cmpstr (crm_customer_get_district (customer), ==, "浦东新区");
  g_assert_cmpstr (crm_customer_get_street (customer), ==, "世纪大道 100 号");
  g_assert_cmpstr (crm_customer_get_pain_points (customer), ==, "对账周期长");
  g_assert_cmpstr (crm_customer_get_decision_chain (customer), ==, "总经理");
  g_assert_cmpstr (crm_customer_get_owner (customer), ==, "李娜");
  g_assert_cmpint (crm_customer_get_review_state (customer), ==, CRM_REVIEW_STATE_APPROVED);
  g_assert_cmpstr (crm_customer_get_notes (customer), ==, "年底有扩产计划");
  g_assert_cmpint (crm_customer_get_annual_spend (customer), ==, 600000);
  g_assert_cmpstr (crm_customer_get_last_contact_at (customer), ==, "2024-03-01T08:00:00Z");
  g_assert_cmpstr (crm_customer_get_created_at (customer), ==, "2024-01-02T03:04:05Z");
  g_assert_cmpstr (crm_customer_get_updated_at (customer), ==, "2024-02-02T03:04:05Z");
  g_assert_cmpstr (crm_customer_get_approved_at (customer), ==, "2024-02-03T03:04:05Z");
  g_assert_true (g_strv_equal (crm_customer_get_tags (customer), tags));

  /* The properties read the same fields. */
  g_object_get (customer,
                "name", &name,
                "annual-revenue", &annual_revenue,
                "tier", &tier,
                "tags", &tags_out,
                NULL);
  g_assert_cmpstr (name, ==, "上海明远贸易有限公司");
  g_assert_cmpint (annual_revenue, ==, 50000000);
  g_assert_cmpint (tier, ==, CRM_TIER_A);
  g_assert_true (g_strv_equal ((const char * const *)tags_out, tags));

  g_assert_finalize_object (customer);
}

static void
test_customer_notify_name (void)
{
  CrmCustomer *customer = crm_customer_new ();
  guint count = 0;

  g_signal_connect (customer, "notify::name", G_CALLBACK (count_notify), &count);

  crm_customer_set_name (customer, "上海明远贸易有限公司");
  g_assert_cmpuint (count, ==, 1);

  crm_customer_set_name (customer, "上海明远贸易有限公司");
  g_object_set (customer, "name", "上海明远贸易有限公司", NULL);
  g_assert_cmpuint (count, ==, 1);

  g_object_set (customer, "name", "杭州云帆科技有限公司", NULL);
  g_assert_cmpuint (count, ==, 2);

  /* Setting the current value from the getter must neither notify nor
   * read freed memory. */
  crm_customer_set_name (customer, crm_customer_get_name (customer));
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (crm_customer_get_name (customer), ==, "杭州云帆科技有限公司");

  /* Other properties do not notify name. */
  crm_customer_set_owner (customer, "李娜");
  g_assert_cmpuint (count, ==, 2);

  g_assert_finalize_object (customer);
}

static void
test_customer_notify (void)
{
  CrmCustomer *customer = crm_customer_new ();

  check_notify (G_OBJECT (customer), customer_cases, G_N_ELEMENTS (customer_cases));

  g_assert_finalize_object (customer);
}

static void
test_customer_empty_string (void)
{
  CrmCustomer *customer = crm_customer_new ();

  crm_customer_set_name (customer, "");
  g_assert_null (crm_customer_get_name (customer));

  check_empty_strings (G_OBJECT (customer), customer_cases, G_N_ELEMENTS (customer_cases));

  g_assert_finalize_object (customer);
}

static void
test_customer_tags (void)
{
  static const char * const messy[] = { "华东", "", "重点", "华东", NULL };
  static const char * const clean[] = { "华东", "重点", NULL };
  static const char * const empty[] = { NULL };
  static const char * const only_empty[] = { "", NULL };
  CrmCustomer *customer = crm_customer_new ();
  g_auto(GStrv) out = NULL;
  guint count = 0;

  g_signal_connect (customer, "notify::tags", G_CALLBACK (count_notify), &count);

  /* Empty and repeated names are dropped. */
  crm_customer_set_tags (customer, messy);
  g_assert_true (g_strv_equal (crm_customer_get_tags (customer), clean));
  g_assert_cmpuint (count, ==, 1);

  /* The same set after normalisation is no change. */
  crm_customer_set_tags (customer, clean);
  crm_customer_set_tags (customer, messy);
  g_assert_cmpuint (count, ==, 1);

  /* The property hands out a copy. */
  g_object_get (customer, "tags", &out, NULL);
  g_assert_true (g_strv_equal ((const char * const *)out, clean));
  g_assert_true ((const char * const *)out != crm_customer_get_tags (customer));

  /* No tags is NULL, however it is said. */
  crm_customer_set_tags (customer, empty);
  g_assert_null (crm_customer_get_tags (customer));
  g_assert_cmpuint (count, ==, 2);
  crm_customer_set_tags (customer, NULL);
  crm_customer_set_tags (customer, only_empty);
  g_assert_null (crm_customer_get_tags (customer));
  g_assert_cmpuint (count, ==, 2);

  g_assert_finalize_object (customer);
}

static void
test_customer_invalid_numbers (void)
{
  CrmCustomer *customer = crm_customer_new ();

  crm_customer_set_employees (customer, 10);

  g_test_expect_message ("crm-customer", G_LOG_LEVEL_CRITICAL, "*employees >= -1*");
  crm_customer_set_employees (customer, -2);
  g_test_assert_expected_messages ();
  g_assert_cmpint (crm_customer_get_employees (customer), ==, 10);

  g_test_expect_message ("crm-customer", G_LOG_LEVEL_CRITICAL, "*id >= 0*");
  crm_customer_set_id (customer, -1);
  g_test_assert_expected_messages ();
  g_assert_cmpint (crm_customer_get_id (customer), ==, 0);

  g_test_expect_message ("crm-customer", G_LOG_LEVEL_CRITICAL, "*tier*");
  crm_customer_set_tier (customer, (CrmTier)99);
  g_test_assert_expected_messages ();
  g_assert_cmpint (crm_customer_get_tier (customer), ==, CRM_TIER_NONE);

  g_assert_finalize_object (customer);
}

static void
test_customer_copy (void)
{
  CrmCustomer *customer = crm_customer_new ();
  CrmCustomer *copy;

  set_all (G_OBJECT (customer), customer_cases, G_N_ELEMENTS (customer_cases), FALSE);

  copy = crm_customer_copy (customer);
  g_assert_true (copy != customer);

  for (guint i = 0; i < G_N_ELEMENTS (customer_cases); i++)
    assert_property_is (G_OBJECT (copy), &customer_cases[i], FALSE);

  g_assert_true (crm_customer_equal_fields (customer, copy));
  g_assert_true (crm_customer_equal_fields (copy, customer));
  g_assert_true (crm_customer_equal_fields (customer, customer));

  /* The copy owns its strings. */
  crm_customer_set_name (customer, "杭州云帆科技有限公司");
  g_assert_cmpstr (crm_customer_get_name (copy), ==, "上海明远贸易有限公司");

  g_assert_finalize_object (copy);
  g_assert_finalize_object (customer);
}

static void
test_customer_copy_empty (void)
{
  CrmCustomer *customer = crm_customer_new ();
  CrmCustomer *copy = crm_customer_copy (customer);

  g_assert_true (crm_customer_equal_fields (customer, copy));
  g_assert_cmpint (crm_customer_get_employees (copy), ==, -1);
  g_assert_null (crm_customer_get_tags (copy));

  g_assert_finalize_object (copy);
  g_assert_finalize_object (customer);
}

static void
test_customer_equal_fields_edited (void)
{
  CrmCustomer *customer = crm_customer_new ();

  set_all (G_OBJECT (customer), customer_cases, G_N_ELEMENTS (customer_cases), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (customer_cases); i++)
    {
      CrmCustomer *copy;

      if (!customer_cases[i].edited)
        continue;

      copy = crm_customer_copy (customer);
      set_case (G_OBJECT (copy), &customer_cases[i], TRUE);

      if (crm_customer_equal_fields (customer, copy))
        g_error ("equal_fields misses a change of %s", customer_cases[i].name);
      g_assert_false (crm_customer_equal_fields (copy, customer));

      g_assert_finalize_object (copy);
    }

  g_assert_finalize_object (customer);
}

static void
test_customer_equal_fields_ignored (void)
{
  CrmCustomer *customer = crm_customer_new ();
  CrmCustomer *copy;

  set_all (G_OBJECT (customer), customer_cases, G_N_ELEMENTS (customer_cases), FALSE);
  copy = crm_customer_copy (customer);

  /* The id, the code, the timestamps and what comes from other tables
   * change without the person editing anything. */
  for (guint i = 0; i < G_N_ELEMENTS (customer_cases); i++)
    {
      if (!customer_cases[i].edited)
        set_case (G_OBJECT (copy), &customer_cases[i], TRUE);
    }

  g_assert_true (crm_customer_equal_fields (customer, copy));

  crm_customer_set_id (copy, 0);
  crm_customer_set_code (copy, NULL);
  crm_customer_set_created_at (copy, NULL);
  g_assert_true (crm_customer_equal_fields (customer, copy));

  g_assert_finalize_object (copy);
  g_assert_finalize_object (customer);
}

static void
test_customer_equal_fields_tag_order (void)
{
  static const char * const forward[] = { "重点", "华东", NULL };
  static const char * const backward[] = { "华东", "重点", NULL };
  static const char * const subset[] = { "华东", NULL };
  static const char * const other[] = { "华东", "华南", NULL };
  CrmCustomer *a = crm_customer_new ();
  CrmCustomer *b = crm_customer_new ();

  crm_customer_set_tags (a, forward);
  crm_customer_set_tags (b, backward);
  g_assert_true (crm_customer_equal_fields (a, b));

  crm_customer_set_tags (b, subset);
  g_assert_false (crm_customer_equal_fields (a, b));
  g_assert_false (crm_customer_equal_fields (b, a));

  crm_customer_set_tags (b, other);
  g_assert_false (crm_customer_equal_fields (a, b));

  crm_customer_set_tags (b, NULL);
  g_assert_false (crm_customer_equal_fields (a, b));
  crm_customer_set_tags (a, NULL);
  g_assert_true (crm_customer_equal_fields (a, b));

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
}

static void
test_customer_equal_fields_empty_string (void)
{
  CrmCustomer *a = crm_customer_new ();
  CrmCustomer *b = crm_customer_new ();

  /* An entry cleared by the user is the same as one never filled in. */
  crm_customer_set_notes (a, "");
  g_assert_true (crm_customer_equal_fields (a, b));

  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
}

/* Enumerations */

static void
test_customer_kind_strings (void)
{
  for (CrmCustomerKind kind = CRM_CUSTOMER_KIND_ENTERPRISE; kind <= CRM_CUSTOMER_KIND_INDIVIDUAL; kind++)
    g_assert_cmpint (crm_customer_kind_from_string (crm_customer_kind_to_string (kind)), ==, kind);

  g_assert_cmpstr (crm_customer_kind_to_string (CRM_CUSTOMER_KIND_ENTERPRISE), ==, "enterprise");
  g_assert_cmpstr (crm_customer_kind_to_string (CRM_CUSTOMER_KIND_INDIVIDUAL), ==, "individual");
  g_assert_cmpint (crm_customer_kind_from_string ("company"), ==, CRM_CUSTOMER_KIND_ENTERPRISE);
  g_assert_cmpint (crm_customer_kind_from_string ("Individual"), ==, CRM_CUSTOMER_KIND_ENTERPRISE);
  g_assert_cmpint (crm_customer_kind_from_string (""), ==, CRM_CUSTOMER_KIND_ENTERPRISE);
  g_assert_cmpint (crm_customer_kind_from_string (NULL), ==, CRM_CUSTOMER_KIND_ENTERPRISE);
}

static void
test_customer_type_strings (void)
{
  for (CrmCustomerType type = CRM_CUSTOMER_TYPE_NEW; type <= CRM_CUSTOMER_TYPE_STRATEGIC; type++)
    g_assert_cmpint (crm_customer_type_from_string (crm_customer_type_to_string (type)), ==, type);

  g_assert_cmpstr (crm_customer_type_to_string (CRM_CUSTOMER_TYPE_NEW), ==, "new");
  g_assert_cmpstr (crm_customer_type_to_string (CRM_CUSTOMER_TYPE_RETURNING), ==, "returning");
  g_assert_cmpstr (crm_customer_type_to_string (CRM_CUSTOMER_TYPE_STRATEGIC), ==, "strategic");
  g_assert_cmpint (crm_customer_type_from_string ("vip"), ==, CRM_CUSTOMER_TYPE_NEW);
  g_assert_cmpint (crm_customer_type_from_string (""), ==, CRM_CUSTOMER_TYPE_NEW);
  g_assert_cmpint (crm_customer_type_from_string (NULL), ==, CRM_CUSTOMER_TYPE_NEW);
}

static void
test_tier_strings (void)
{
  for (CrmTier tier = CRM_TIER_NONE; tier <= CRM_TIER_C; tier++)
    g_assert_cmpint (crm_tier_from_string (crm_tier_to_string (tier)), ==, tier);

  g_assert_null (crm_tier_to_string (CRM_TIER_NONE));
  g_assert_cmpstr (crm_tier_to_string (CRM_TIER_S), ==, "S");
  g_assert_cmpstr (crm_tier_to_string (CRM_TIER_A), ==, "A");
  g_assert_cmpstr (crm_tier_to_string (CRM_TIER_B), ==, "B");
  g_assert_cmpstr (crm_tier_to_string (CRM_TIER_C), ==, "C");
  g_assert_cmpint (crm_tier_from_string (NULL), ==, CRM_TIER_NONE);
  g_assert_cmpint (crm_tier_from_string (""), ==, CRM_TIER_NONE);
  g_assert_cmpint (crm_tier_from_string ("D"), ==, CRM_TIER_NONE);
  g_assert_cmpint (crm_tier_from_string ("s"), ==, CRM_TIER_NONE);
  g_assert_cmpint (crm_tier_from_string ("SA"), ==, CRM_TIER_NONE);
}

static void
test_review_state_strings (void)
{
  for (CrmReviewState state = CRM_REVIEW_STATE_DRAFT; state <= CRM_REVIEW_STATE_APPROVED; state++)
    g_assert_cmpint (crm_review_state_from_string (crm_review_state_to_string (state)), ==, state);

  g_assert_cmpstr (crm_review_state_to_string (CRM_REVIEW_STATE_DRAFT), ==, "draft");
  g_assert_cmpstr (crm_review_state_to_string (CRM_REVIEW_STATE_APPROVED), ==, "approved");
  g_assert_cmpint (crm_review_state_from_string ("archived"), ==, CRM_REVIEW_STATE_DRAFT);
  g_assert_cmpint (crm_review_state_from_string (""), ==, CRM_REVIEW_STATE_DRAFT);
  g_assert_cmpint (crm_review_state_from_string (NULL), ==, CRM_REVIEW_STATE_DRAFT);
}

/* main() runs in the C locale, so labels are the untranslated strings. */
static void
test_labels (void)
{
  g_assert_cmpstr (crm_customer_kind_get_label (CRM_CUSTOMER_KIND_ENTERPRISE), ==, "Enterprise");
  g_assert_cmpstr (crm_customer_kind_get_label (CRM_CUSTOMER_KIND_INDIVIDUAL), ==, "Individual");
  g_assert_cmpstr (crm_customer_type_get_label (CRM_CUSTOMER_TYPE_NEW), ==, "New customer");
  g_assert_cmpstr (crm_customer_type_get_label (CRM_CUSTOMER_TYPE_RETURNING), ==, "Returning customer");
  g_assert_cmpstr (crm_customer_type_get_label (CRM_CUSTOMER_TYPE_STRATEGIC), ==, "Strategic customer");
  g_assert_cmpstr (crm_review_state_get_label (CRM_REVIEW_STATE_DRAFT), ==, "Draft");
  g_assert_cmpstr (crm_review_state_get_label (CRM_REVIEW_STATE_APPROVED), ==, "Approved");
  g_assert_cmpstr (crm_tier_get_label (CRM_TIER_NONE), ==, "Not graded");
  g_assert_cmpstr (crm_tier_get_label (CRM_TIER_S), ==, "S");
  g_assert_cmpstr (crm_tier_get_label (CRM_TIER_A), ==, "A");
  g_assert_cmpstr (crm_tier_get_label (CRM_TIER_B), ==, "B");
  g_assert_cmpstr (crm_tier_get_label (CRM_TIER_C), ==, "C");
}

static void
test_enum_out_of_range (void)
{
  g_test_expect_message ("crm-customer-types", G_LOG_LEVEL_CRITICAL, "*should not be reached*");
  g_assert_null (crm_customer_kind_to_string ((CrmCustomerKind)99));
  g_test_assert_expected_messages ();

  g_test_expect_message ("crm-customer-types", G_LOG_LEVEL_CRITICAL, "*should not be reached*");
  g_assert_null (crm_tier_to_string ((CrmTier)99));
  g_test_assert_expected_messages ();
}

/* Contact */

static void
test_contact_new (void)
{
  CrmContact *contact = crm_contact_new ();

  g_assert_cmpint (crm_contact_get_id (contact), ==, 0);
  g_assert_cmpint (crm_contact_get_customer_id (contact), ==, 0);
  g_assert_null (crm_contact_get_name (contact));
  g_assert_null (crm_contact_get_phone (contact));

  crm_contact_set_id (contact, 7);
  crm_contact_set_customer_id (contact, 42);
  crm_contact_set_name (contact, "张伟");
  crm_contact_set_title (contact, "采购经理");
  crm_contact_set_phone (contact, "13812341234");
  crm_contact_set_email (contact, "zhangwei@example.com");
  crm_contact_set_role (contact, "决策者");
  crm_contact_set_preferred_channel (contact, "电话");
  crm_contact_set_preferred_frequency (contact, "每周");

  g_assert_cmpint (crm_contact_get_id (contact), ==, 7);
  g_assert_cmpint (crm_contact_get_customer_id (contact), ==, 42);
  g_assert_cmpstr (crm_contact_get_name (contact), ==, "张伟");
  g_assert_cmpstr (crm_contact_get_title (contact), ==, "采购经理");
  g_assert_cmpstr (crm_contact_get_phone (contact), ==, "13812341234");
  g_assert_cmpstr (crm_contact_get_email (contact), ==, "zhangwei@example.com");
  g_assert_cmpstr (crm_contact_get_role (contact), ==, "决策者");
  g_assert_cmpstr (crm_contact_get_preferred_channel (contact), ==, "电话");
  g_assert_cmpstr (crm_contact_get_preferred_frequency (contact), ==, "每周");

  g_assert_finalize_object (contact);
}

static void
test_contact_properties (void)
{
  check_properties (make_contact, contact_cases, G_N_ELEMENTS (contact_cases));
}

static void
test_contact_copy (void)
{
  CrmContact *contact = crm_contact_new ();
  CrmContact *copy;

  set_all (G_OBJECT (contact), contact_cases, G_N_ELEMENTS (contact_cases), FALSE);
  copy = crm_contact_copy (contact);

  for (guint i = 0; i < G_N_ELEMENTS (contact_cases); i++)
    assert_property_is (G_OBJECT (copy), &contact_cases[i], FALSE);
  g_assert_true (crm_contact_equal_fields (contact, copy));

  for (guint i = 0; i < G_N_ELEMENTS (contact_cases); i++)
    {
      CrmContact *changed = crm_contact_copy (contact);

      set_case (G_OBJECT (changed), &contact_cases[i], TRUE);

      if (crm_contact_equal_fields (contact, changed) == contact_cases[i].edited)
        g_error ("crm_contact_equal_fields is wrong about %s", contact_cases[i].name);

      g_assert_finalize_object (changed);
    }

  g_assert_finalize_object (copy);
  g_assert_finalize_object (contact);
}

/* Cooperation */

static void
test_cooperation_new (void)
{
  CrmCooperation *cooperation = crm_cooperation_new ();

  g_assert_cmpint (crm_cooperation_get_id (cooperation), ==, 0);
  g_assert_cmpint (crm_cooperation_get_amount (cooperation), ==, 0);
  g_assert_null (crm_cooperation_get_ended_on (cooperation));

  crm_cooperation_set_id (cooperation, 3);
  crm_cooperation_set_customer_id (cooperation, 42);
  crm_cooperation_set_product (cooperation, "仓储管理系统");
  crm_cooperation_set_started_on (cooperation, "2022-01-01");
  crm_cooperation_set_ended_on (cooperation, "2022-12-31");
  crm_cooperation_set_amount (cooperation, 300000);

  g_assert_cmpint (crm_cooperation_get_id (cooperation), ==, 3);
  g_assert_cmpint (crm_cooperation_get_customer_id (cooperation), ==, 42);
  g_assert_cmpstr (crm_cooperation_get_product (cooperation), ==, "仓储管理系统");
  g_assert_cmpstr (crm_cooperation_get_started_on (cooperation), ==, "2022-01-01");
  g_assert_cmpstr (crm_cooperation_get_ended_on (cooperation), ==, "2022-12-31");
  g_assert_cmpint (crm_cooperation_get_amount (cooperation), ==, 300000);

  /* A running cooperation has no end. */
  crm_cooperation_set_ended_on (cooperation, "");
  g_assert_null (crm_cooperation_get_ended_on (cooperation));

  g_assert_finalize_object (cooperation);
}

static void
test_cooperation_properties (void)
{
  check_properties (make_cooperation, cooperation_cases, G_N_ELEMENTS (cooperation_cases));
}

/* Industry */

static void
test_industry_new (void)
{
  CrmIndustry *industry = crm_industry_new (6, "TRA", "贸易");
  CrmIndustry *unsaved = crm_industry_new (0, NULL, "");

  g_assert_cmpint (crm_industry_get_id (industry), ==, 6);
  g_assert_cmpstr (crm_industry_get_code (industry), ==, "TRA");
  g_assert_cmpstr (crm_industry_get_name (industry), ==, "贸易");

  g_assert_cmpint (crm_industry_get_id (unsaved), ==, 0);
  g_assert_null (crm_industry_get_code (unsaved));
  g_assert_null (crm_industry_get_name (unsaved));

  crm_industry_set_code (unsaved, "OTH");
  crm_industry_set_name (unsaved, "其他");
  crm_industry_set_id (unsaved, 7);
  g_assert_cmpint (crm_industry_get_id (unsaved), ==, 7);
  g_assert_cmpstr (crm_industry_get_code (unsaved), ==, "OTH");
  g_assert_cmpstr (crm_industry_get_name (unsaved), ==, "其他");

  g_assert_finalize_object (industry);
  g_assert_finalize_object (unsaved);
}

static void
test_industry_properties (void)
{
  check_properties (make_industry, industry_cases, G_N_ELEMENTS (industry_cases));
}

/* Tag */

static void
test_tag_new (void)
{
  CrmTag *tag = crm_tag_new (5, "重点", 12);

  g_assert_cmpint (crm_tag_get_id (tag), ==, 5);
  g_assert_cmpstr (crm_tag_get_name (tag), ==, "重点");
  g_assert_cmpuint (crm_tag_get_n_customers (tag), ==, 12);

  crm_tag_set_id (tag, 6);
  crm_tag_set_name (tag, "华东");
  crm_tag_set_n_customers (tag, 0);
  g_assert_cmpint (crm_tag_get_id (tag), ==, 6);
  g_assert_cmpstr (crm_tag_get_name (tag), ==, "华东");
  g_assert_cmpuint (crm_tag_get_n_customers (tag), ==, 0);

  g_assert_finalize_object (tag);
}

static void
test_tag_properties (void)
{
  check_properties (make_tag, tag_cases, G_N_ELEMENTS (tag_cases));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Labels are compared with their untranslated text. */
  setlocale (LC_ALL, "C");

  g_test_add_func ("/model/customer/defaults", test_customer_defaults);
  g_test_add_func ("/model/customer/coverage", test_customer_coverage);
  g_test_add_func ("/model/customer/round-trip", test_customer_round_trip);
  g_test_add_func ("/model/customer/accessors", test_customer_accessors);
  g_test_add_func ("/model/customer/notify-name", test_customer_notify_name);
  g_test_add_func ("/model/customer/notify", test_customer_notify);
  g_test_add_func ("/model/customer/empty-string", test_customer_empty_string);
  g_test_add_func ("/model/customer/tags", test_customer_tags);
  g_test_add_func ("/model/customer/invalid-numbers", test_customer_invalid_numbers);
  g_test_add_func ("/model/customer/copy", test_customer_copy);
  g_test_add_func ("/model/customer/copy-empty", test_customer_copy_empty);
  g_test_add_func ("/model/customer/equal-fields/edited", test_customer_equal_fields_edited);
  g_test_add_func ("/model/customer/equal-fields/ignored", test_customer_equal_fields_ignored);
  g_test_add_func ("/model/customer/equal-fields/tag-order", test_customer_equal_fields_tag_order);
  g_test_add_func ("/model/customer/equal-fields/empty-string", test_customer_equal_fields_empty_string);
  g_test_add_func ("/model/types/kind", test_customer_kind_strings);
  g_test_add_func ("/model/types/customer-type", test_customer_type_strings);
  g_test_add_func ("/model/types/tier", test_tier_strings);
  g_test_add_func ("/model/types/review-state", test_review_state_strings);
  g_test_add_func ("/model/types/labels", test_labels);
  g_test_add_func ("/model/types/out-of-range", test_enum_out_of_range);
  g_test_add_func ("/model/contact/new", test_contact_new);
  g_test_add_func ("/model/contact/properties", test_contact_properties);
  g_test_add_func ("/model/contact/copy", test_contact_copy);
  g_test_add_func ("/model/cooperation/new", test_cooperation_new);
  g_test_add_func ("/model/cooperation/properties", test_cooperation_properties);
  g_test_add_func ("/model/industry/new", test_industry_new);
  g_test_add_func ("/model/industry/properties", test_industry_properties);
  g_test_add_func ("/model/tag/new", test_tag_new);
  g_test_add_func ("/model/tag/properties", test_tag_properties);

  return g_test_run ();
}
