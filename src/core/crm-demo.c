/* crm-demo.c — deterministic, realistic sample customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Sample data serves demos, tests and benchmarks, so it must look like a
 * Chinese customer base (company names built the way real ones are,
 * valid credit codes and ID numbers with real region codes and birth
 * dates, mobile numbers with real prefixes, pinyin e-mail addresses) and
 * it must be reproducible: every value comes from one GRand seeded from a
 * constant and the number of customers already in the database, so the
 * same request on the same database gives the same records in the same
 * order. Only dates follow the calendar: cooperation records are placed
 * within the last few years before today, so that annual spend (the last
 * twelve months) keeps matching the tiers whatever day the data is made.
 *
 * The customers are written by a CrmDemoWriter (crm-demo-writer.c), one
 * INSERT each with the derived columns, annual spend, approval, customer
 * code and first contact already in it, computed by the same functions
 * and from the same counters as the customer store's, so they are
 * exactly what the application itself would produce; the search index is
 * built at the commit as for any bulk insert (crm-bulk-insert.c).
 */

#define G_LOG_DOMAIN "crm-demo"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-bulk-insert.h"
#include "crm-demo.h"
#include "crm-demo-writer.h"
#include "crm-pinyin.h"
#include "crm-validate.h"

/* Any constant would do; this one spells "DEMO". */
#define DEMO_SEED 0x44454d4fu

typedef struct
{
  const char *name;
  const char *code;  /* GB/T 2260 county-level code */
} District;

typedef struct
{
  const char *province;
  const char *city;
  const char *prefix;  /* as a company name starts with it */
  District    districts[3];
} City;

static const City cities[] = {
  { "北京市", "北京市", "北京", { { "朝阳区", "110105" }, { "海淀区", "110108" }, { "东城区", "110101" } } },
  { "上海市", "上海市", "上海", { { "浦东新区", "310115" }, { "徐汇区", "310104" }, { "静安区", "310106" } } },
  { "天津市", "天津市", "天津", { { "和平区", "120101" }, { "南开区", "120104" }, { "滨海新区", "120116" } } },
  { "重庆市", "重庆市", "重庆", { { "渝中区", "500103" }, { "江北区", "500105" }, { "渝北区", "500112" } } },
  { "广东省", "广州市", "广州", { { "天河区", "440106" }, { "越秀区", "440104" }, { "海珠区", "440105" } } },
  { "广东省", "深圳市", "深圳", { { "南山区", "440305" }, { "福田区", "440304" }, { "宝安区", "440306" } } },
  { "浙江省", "杭州市", "杭州", { { "西湖区", "330106" }, { "滨江区", "330108" }, { "余杭区", "330110" } } },
  { "浙江省", "宁波市", "宁波", { { "鄞州区", "330212" }, { "海曙区", "330203" }, { "江北区", "330205" } } },
  { "江苏省", "南京市", "南京", { { "鼓楼区", "320106" }, { "玄武区", "320102" }, { "江宁区", "320115" } } },
  { "江苏省", "苏州市", "苏州", { { "姑苏区", "320508" }, { "虎丘区", "320505" }, { "吴中区", "320506" } } },
  { "四川省", "成都市", "成都", { { "武侯区", "510107" }, { "锦江区", "510104" }, { "青羊区", "510105" } } },
  { "湖北省", "武汉市", "武汉", { { "武昌区", "420106" }, { "江汉区", "420103" }, { "洪山区", "420111" } } },
  { "陕西省", "西安市", "西安", { { "雁塔区", "610113" }, { "碑林区", "610103" }, { "未央区", "610112" } } },
  { "湖南省", "长沙市", "长沙", { { "岳麓区", "430104" }, { "芙蓉区", "430102" }, { "天心区", "430103" } } },
  { "山东省", "青岛市", "青岛", { { "市南区", "370202" }, { "崂山区", "370212" }, { "黄岛区", "370211" } } },
  { "山东省", "济南市", "济南", { { "历下区", "370102" }, { "市中区", "370103" }, { "槐荫区", "370104" } } },
  { "福建省", "厦门市", "厦门", { { "思明区", "350203" }, { "湖里区", "350206" }, { "集美区", "350211" } } },
  { "福建省", "福州市", "福州", { { "鼓楼区", "350102" }, { "台江区", "350103" }, { "仓山区", "350104" } } },
  { "安徽省", "合肥市", "合肥", { { "蜀山区", "340104" }, { "包河区", "340111" }, { "庐阳区", "340103" } } },
  { "河南省", "郑州市", "郑州", { { "金水区", "410105" }, { "中原区", "410102" }, { "二七区", "410103" } } },
};

/* The trade name (字号) is two of these. */
static const char *trade_chars[] = {
  "华", "鑫", "恒", "泰", "瑞", "创", "达", "盛", "信", "诚",
  "汇", "宏", "博", "远", "嘉", "新", "天", "海", "金", "凯",
  "丰", "安", "联", "中", "通", "和", "景", "润", "益", "荣",
  "德", "晟", "腾", "飞", "星", "光", "明", "源", "卓", "越",
};

/* What a company name says about its trade, by the industry code of the
 * seeded industry table. */
typedef struct
{
  const char *code;
  guint       weight;
  const char *words[6];
} Trade;

static const Trade trades[] = {
  { "NET", 20, { "科技", "网络", "信息技术", "软件", "数据", "智能科技" } },
  { "MFG", 22, { "制造", "机械", "电子", "新材料", "精密", "汽车零部件" } },
  { "TRA", 15, { "贸易", "商贸", "进出口", "国际贸易", "供应链", "实业" } },
  { "FIN",  8, { "金融服务", "投资", "资本管理", "融资租赁", "保险代理", "财务咨询" } },
  { "SRV", 17, { "咨询", "物流", "人力资源", "企业管理", "教育科技", "医疗服务" } },
  { "RET", 12, { "零售", "百货", "连锁", "电子商务", "食品", "超市" } },
  { "OTH",  6, { "文化传媒", "建筑工程", "环保科技", "农业发展", "旅游发展", "能源" } },
};

static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
  "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
  "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
  "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈",
  "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊",
  "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史",
  "欧阳", "司马", "上官", "诸葛",
};

static const char *given_chars[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
  "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚",
  "子", "浩", "宇", "轩", "欣", "怡", "梓", "涵", "晨", "思",
  "佳", "嘉", "俊", "文", "博", "雨", "一", "诗", "家", "建",
  "国", "志", "海", "婷", "雪", "春", "燕", "红", "玉", "华",
  "亮", "斌", "鹏", "辉", "丹", "琳", "颖", "晓", "雅", "慧",
};

static const char *streets[] = {
  "中山路", "人民路", "解放路", "建设路", "科技路", "长江路", "文化路", "和平路",
  "新华路", "青年路", "学院路", "工业大道", "创业路", "滨江大道", "高新大道", "世纪大道",
};

static const char *buildings[] = {
  "国际大厦", "科技园", "创新中心", "金融中心", "商务广场", "产业园", "写字楼",
};

static const char *mobile_prefixes[] = {
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
  "150", "151", "152", "153", "155", "156", "157", "158", "159", "166",
  "173", "175", "176", "177", "178", "180", "181", "182", "183", "184",
  "185", "186", "187", "188", "189", "191", "198", "199",
};

static const char *titles[] = {
  "总经理", "副总经理", "财务总监", "采购经理", "IT 经理",
  "技术总监", "运营总监", "市场经理", "行政主管", "项目经理",
};

static const char *roles[] = { "决策者", "影响者", "使用者", "把关者", "采购执行" };
static const char *channels[] = { "电话", "微信", "邮件", "拜访" };
static const char *frequencies[] = { "每周", "每两周", "每月", "每季度" };

static const char *owners[] = { "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "周杰" };

static const char *tags[] = {
  "成本优化", "技术升级", "市场拓展", "合规", "重点客户", "续约风险", "数字化转型", "价格敏感",
};

static const char *pain_points[] = {
  "客户数据分散在多个表格里，难以统一管理",
  "销售线索跟进不及时，转化率偏低",
  "报表靠手工汇总，耗时且容易出错",
  "老客户续约缺少提醒，流失率偏高",
  "采购审批环节多，周期长",
  "现有系统与 ERP 不打通，数据重复录入",
  "售后响应慢，客户满意度下降",
  "外勤人员没有移动端，拜访记录补录困难",
  "数据安全与合规要求越来越高",
  "业务扩张快，现有系统性能跟不上",
};

static const char *decision_chains[] = {
  "总经理拍板，财务总监审核预算，IT 经理负责技术评估",
  "采购部牵头，使用部门提需求，分管副总审批",
  "董事会决策，信息中心执行",
  "老板一人决策，行政负责对接",
  "技术总监选型，总经理审批，财务付款",
};

static const char *notes[] = {
  NULL, NULL, NULL,
  "展会上结识，对数据分析模块感兴趣",
  "老客户转介绍",
  "官网咨询线索",
  "年底有预算，可重点跟进",
  "竞品合同明年到期",
};

static const char *products[] = {
  "CRM 标准版", "CRM 企业版", "数据分析平台", "云服务器年费",
  "技术支持服务", "定制开发", "培训服务", "运维外包",
};

typedef struct
{
  CrmCustomerStore *store;
  CrmDemoWriter    *writer;  /* while generating */
  GRand            *rand;
  GHashTable       *used;  /* name keys, credit codes and ID numbers in use */
  gint64            industry_ids[G_N_ELEMENTS (trades)];
  GDate             today;
  guint             n_customers;
  CrmDemoSummary    summary;
} Demo;

#define PICK(demo, array) ((array)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (array))])

static guint
range (Demo *demo,
       guint low,
       guint high)
{
  return (guint) g_rand_int_range (demo->rand, (gint32) low, (gint32) high + 1);
}

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

/* Marks @key as used; FALSE when it was already. */
static gboolean
claim (Demo       *demo,
       const char *key)
{
  if (g_hash_table_contains (demo->used, key))
    return FALSE;

  g_hash_table_add (demo->used, g_strdup (key));

  return TRUE;
}

static char *
person_name (Demo *demo)
{
  const char *surname = PICK (demo, surnames);

  if (chance (demo, 0.3))
    return g_strconcat (surname, PICK (demo, given_chars), NULL);

  return g_strconcat (surname, PICK (demo, given_chars), PICK (demo, given_chars), NULL);
}

/* "张伟" → "zhang.wei", "欧阳子涵" → "ouyang.zihan": ASCII only, so the
 * address passes every mail system; ü and tone marks cannot occur after
 * the decomposition below. */
static char *
email_local_part (const char *name)
{
  g_autofree char *pinyin = crm_pinyin_full_for_person (name);
  g_autofree char *ascii = g_utf8_normalize (pinyin, -1, G_NORMALIZE_NFD);
  g_auto(GStrv) syllables = NULL;
  guint n_surname;
  GString *out = g_string_new (NULL);

  /* The compound surnames in the table are its two-character ones. */
  n_surname = 1;
  for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      if (g_utf8_strlen (surnames[i], -1) == 2 && g_str_has_prefix (name, surnames[i]) &&
          g_utf8_strlen (name, -1) >= 3)
        n_surname = 2;
    }

  syllables = g_strsplit (ascii, " ", -1);
  for (guint i = 0; syllables[i] != NULL; i++)
    {
      if (i == n_surname)
        g_string_append_c (out, '.');
      for (const char *p = syllables[i]; *p != '\0'; p++)
        {
          if (g_ascii_isalnum (*p))
            g_string_append_c (out, g_ascii_tolower (*p));
        }
    }

  return g_string_free (out, FALSE);
}

static char *
mobile_number (Demo *demo)
{
  return g_strdup_printf ("%s%04u%04u", PICK (demo, mobile_prefixes),
                          range (demo, 0, 9999), range (demo, 0, 9999));
}

/* GB 32100-2015: registration authority 9 (市场监管) and type 1 (company),
 * the region, a GB 11714 organisation code with its own check character,
 * and the check character of the whole. */
static char *
credit_code (Demo       *demo,
             const char *region)
{
  static const guint weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  char code[19];
  guint sum = 0;
  guint check;

  memcpy (code, "91", 2);
  memcpy (code + 2, region, 6);
  for (guint i = 0; i < 8; i++)
    {
      guint digit = range (demo, 0, 9);

      code[8 + i] = (char) ('0' + digit);
      sum += digit * weights[i];
    }
  check = 11 - sum % 11;
  code[16] = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  code[17] = crm_credit_code_check_character (code);
  code[18] = '\0';

  return g_strdup (code);
}

/* GB 11643-1999: region, a real birth date between 1960 and 2000, a
 * sequence number and the check digit. */
static char *
id_number (Demo       *demo,
           const char *region)
{
  GDate birth;
  char number[19];

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, 1, 1960);
  g_date_add_days (&birth, range (demo, 0, 41 * 365 - 1));
  g_snprintf (number, sizeof number, "%s%04u%02u%02u%03u", region,
              g_date_get_year (&birth), g_date_get_month (&birth), g_date_get_day (&birth),
              range (demo, 1, 999));
  number[17] = crm_id_number_check_digit (number);
  number[18] = '\0';

  return g_strdup (number);
}

static char *
date_days_ago (Demo  *demo,
               guint  days)
{
  GDate date = demo->today;
  char text[16];

  g_date_subtract_days (&date, days);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));

  return g_strdup (text);
}

static CrmContact *
make_contact (Demo       *demo,
              const char *name,
              const char *title,
              const char *domain,
              guint       index,
              GHashTable *locals)
{
  g_autofree char *local = email_local_part (name);
  g_autofree char *email = NULL;
  g_autofree char *phone = mobile_number (demo);
  const char *frequency, *channel;
  CrmContact *contact;

  /* Two contacts of one company with the same name get distinct
   * addresses, as a mail server would insist. */
  if (!g_hash_table_add (locals, g_strdup (local)))
    {
      for (guint n = 2; ; n++)
        {
          g_autofree char *numbered = g_strdup_printf ("%s%u", local, n);

          if (g_hash_table_add (locals, g_strdup (numbered)))
            {
              g_free (local);
              local = g_steal_pointer (&numbered);
              break;
            }
        }
    }
  email = g_strdup_printf ("%s@%s", local, domain);

  contact = crm_contact_new ();
  crm_contact_set_name (contact, name);
  crm_contact_set_title (contact, title);
  crm_contact_set_phone (contact, phone);
  crm_contact_set_email (contact, email);
  /* Drawn last first, as the arguments of the g_object_new() call these
   * setters replaced were evaluated, so that the data stays the same. */
  frequency = PICK (demo, frequencies);
  channel = PICK (demo, channels);
  crm_contact_set_role (contact, index == 0 ? "决策者" : PICK (demo, roles));
  crm_contact_set_preferred_channel (contact, channel);
  crm_contact_set_preferred_frequency (contact, frequency);

  return contact;
}

static guint
pick_trade (Demo *demo)
{
  guint total = 0;
  guint value;

  for (guint i = 0; i < G_N_ELEMENTS (trades); i++)
    total += trades[i].weight;

  value = range (demo, 0, total - 1);
  for (guint i = 0; i < G_N_ELEMENTS (trades); i++)
    {
      if (value < trades[i].weight)
        return i;
      value -= trades[i].weight;
    }

  return 0;
}

/* The tier follows the customer type, and the cooperation records then
 * follow the tier's rule (S ≥ 50万 a year over two years or more, A 20–50万,
 * B 5–20万, C < 5万), so re-grading the sample data keeps its tiers. */
static CrmTier
pick_tier (Demo            *demo,
           CrmCustomerType  type)
{
  guint value = range (demo, 0, 99);

  switch (type)
    {
    case CRM_CUSTOMER_TYPE_STRATEGIC:
      return value < 45 ? CRM_TIER_S : value < 90 ? CRM_TIER_A : CRM_TIER_B;
    case CRM_CUSTOMER_TYPE_RETURNING:
      return value < 5 ? CRM_TIER_S : value < 25 ? CRM_TIER_A : value < 70 ? CRM_TIER_B : CRM_TIER_C;
    case CRM_CUSTOMER_TYPE_NEW:
    default:
      return value < 5 ? CRM_TIER_A : value < 30 ? CRM_TIER_B : value < 80 ? CRM_TIER_C : CRM_TIER_NONE;
    }
}

/* Draws the customer's cooperation records into @records. */
static void
draw_cooperations (Demo       *demo,
                   CrmTier     tier,
                   gboolean    is_new,
                   GPtrArray  *records)
{
  guint64 low, high, target;
  guint n_recent, n_older;

  switch (tier)
    {
    case CRM_TIER_S: low = 500000; high = 2000000; break;
    case CRM_TIER_A: low = 200000; high = 499900; break;
    case CRM_TIER_B: low = 50000; high = 199900; break;
    case CRM_TIER_C: low = 5000; high = 49900; break;
    case CRM_TIER_NONE:
    default:
      return;
    }

  /* In whole hundreds, so the recent parts add up to it exactly. */
  target = (low + (guint64) (g_rand_double (demo->rand) * (double) (high - low))) / 100 * 100;
  n_recent = range (demo, 1, 3);
  /* S needs two years of cooperation; other customers that are not new
   * have a history too. */
  n_older = tier == CRM_TIER_S ? range (demo, 2, 4) : is_new ? 0 : range (demo, 0, 3);

  for (guint i = 0; i < n_recent + n_older; i++)
    {
      g_autofree char *started_on = NULL;
      CrmCooperation *record;
      g_autofree char *ended_on = NULL;
      guint64 amount;
      guint days;

      if (i < n_recent)
        {
          guint64 part = target / n_recent / 100 * 100;

          amount = i + 1 < n_recent ? part : target - part * (n_recent - 1);
          days = range (demo, 15, 350);
        }
      else
        {
          amount = (low + (guint64) (g_rand_double (demo->rand) * (double) (high - low))) / 100 * 100;
          /* The oldest record of an S customer is over two years old. */
          days = i == n_recent && tier == CRM_TIER_S ? range (demo, 740, 1400) : range (demo, 380, 1400);
        }

      started_on = date_days_ago (demo, days);
      if (days > 365)
        ended_on = date_days_ago (demo, days - 365);

      record = crm_cooperation_new ();
      crm_cooperation_set_product (record, PICK (demo, products));
      crm_cooperation_set_started_on (record, started_on);
      crm_cooperation_set_ended_on (record, ended_on);
      crm_cooperation_set_amount (record, (gint64) amount);
      g_ptr_array_add (records, record);
    }
}

static gboolean
generate_one (Demo    *demo,
              GError **error)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) locals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) chosen_tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) cooperations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *name = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *street = NULL;
  g_autofree char *identifier = NULL;
  const City *city = &PICK (demo, cities);
  const District *district = &city->districts[range (demo, 0, 2)];
  gboolean enterprise = chance (demo, 0.9);
  guint trade = pick_trade (demo);
  CrmCustomerType type;
  CrmTier tier;
  guint n_contacts;
  gboolean approve;

  if (enterprise)
    {
      static const char *suffixes[] = { "有限公司", "有限公司", "有限公司", "有限公司", "有限公司",
                                        "有限公司", "股份有限公司", "股份有限公司", "有限责任公司" };
      g_autofree char *trade_name = NULL;
      g_autofree char *key = NULL;

      /* Draw again on a clash, so names stay unique within the database. */
      do
        {
          guint first = range (demo, 0, G_N_ELEMENTS (trade_chars) - 1);
          guint second = (first + range (demo, 1, G_N_ELEMENTS (trade_chars) - 1)) % G_N_ELEMENTS (trade_chars);

          g_free (trade_name);
          g_free (name);
          g_free (key);
          trade_name = g_strconcat (trade_chars[first], trade_chars[second], NULL);
          name = g_strconcat (city->prefix, trade_name,
                              trades[trade].words[range (demo, 0, G_N_ELEMENTS (trades[trade].words) - 1)],
                              PICK (demo, suffixes), NULL);
          key = crm_normalize_name (name);
        }
      while (!claim (demo, key));

      do
        {
          g_free (identifier);
          identifier = credit_code (demo, district->code);
        }
      while (!claim (demo, identifier));

      {
        /* "鑫泰" → "xintai.example.cn". */
        g_autofree char *pinyin = crm_pinyin_full (trade_name);
        g_auto(GStrv) parts = g_strsplit (pinyin, " ", -1);
        g_autofree char *joined = g_strjoinv ("", parts);

        domain = g_strdup_printf ("%s.example.cn", joined);
      }

      {
        g_autofree char *founded_on = date_days_ago (demo, range (demo, 3 * 365, 30 * 365));
        int employees;

        switch (range (demo, 0, 9))
          {
          case 0: employees = (int) range (demo, 1000, 20000); break;
          case 1: case 2: employees = (int) range (demo, 200, 999); break;
          case 3: case 4: case 5: employees = (int) range (demo, 50, 199); break;
          default: employees = (int) range (demo, 5, 49); break;
          }

        crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_ENTERPRISE);
        crm_customer_set_credit_code (customer, identifier);
        crm_customer_set_founded_on (customer, founded_on);
        crm_customer_set_employees (customer, employees);
        /* 20万 to 120万 of revenue per employee, in whole 万. */
        crm_customer_set_annual_revenue (customer, (gint64) employees * range (demo, 20, 120) * 10000);
      }
    }
  else
    {
      g_autofree char *key = NULL;

      do
        {
          g_free (name);
          g_free (key);
          name = person_name (demo);
          key = crm_normalize_name (name);
        }
      while (!claim (demo, key));

      do
        {
          g_free (identifier);
          identifier = id_number (demo, district->code);
        }
      while (!claim (demo, identifier));

      domain = g_strdup ("example.cn");
      crm_customer_set_kind (customer, CRM_CUSTOMER_KIND_INDIVIDUAL);
      crm_customer_set_id_number (customer, identifier);
    }

  {
    guint value = range (demo, 0, 99);

    type = value < 35 ? CRM_CUSTOMER_TYPE_NEW : value < 85 ? CRM_CUSTOMER_TYPE_RETURNING
                                                           : CRM_CUSTOMER_TYPE_STRATEGIC;
  }
  tier = pick_tier (demo, type);

  street = chance (demo, 0.5)
    ? g_strdup_printf ("%s%u号%s%u层", PICK (demo, streets), range (demo, 1, 999),
                       PICK (demo, buildings), range (demo, 2, 30))
    : g_strdup_printf ("%s%u号", PICK (demo, streets), range (demo, 1, 999));

  crm_customer_set_name (customer, name);
  crm_customer_set_industry_id (customer, demo->industry_ids[trade]);
  crm_customer_set_customer_type (customer, type);
  crm_customer_set_tier (customer, tier);
  crm_customer_set_province (customer, city->province);
  crm_customer_set_city (customer, city->city);
  crm_customer_set_district (customer, district->name);
  crm_customer_set_street (customer, street);
  /* Drawn last first, as the arguments of the g_object_set() call these
   * setters replaced were evaluated, so that the data stays the same. */
  crm_customer_set_notes (customer, PICK (demo, notes));
  crm_customer_set_decision_chain (customer, enterprise && chance (demo, 0.6) ? PICK (demo, decision_chains) : NULL);
  crm_customer_set_pain_points (customer, chance (demo, 0.7) ? PICK (demo, pain_points) : NULL);
  crm_customer_set_owner (customer, PICK (demo, owners));

  /* One to four contacts, about three on average; an individual customer
   * is their own first contact. */
  {
    guint value = range (demo, 0, 99);

    n_contacts = value < 10 ? 1 : value < 25 ? 2 : value < 60 ? 3 : 4;
    if (!enterprise)
      n_contacts = MIN (n_contacts, 2);
  }
  for (guint i = 0; i < n_contacts; i++)
    {
      gboolean self_contact = i == 0 && !enterprise;
      g_autofree char *contact_name = self_contact ? g_strdup (name) : person_name (demo);
      const char *title = self_contact ? NULL : i == 0 ? "总经理" : PICK (demo, titles);

      g_ptr_array_add (contacts, make_contact (demo, contact_name, title, domain, i, locals));
    }

  if (tier == CRM_TIER_S || tier == CRM_TIER_A)
    {
      if (chance (demo, 0.6))
        g_ptr_array_add (chosen_tags, (gpointer) "重点客户");
    }
  for (guint i = range (demo, 0, 2); i > 0; i--)
    g_ptr_array_add (chosen_tags, (gpointer) PICK (demo, tags));
  g_ptr_array_add (chosen_tags, NULL);

  draw_cooperations (demo, tier, type == CRM_CUSTOMER_TYPE_NEW, cooperations);

  /* Most graded customers have been reviewed; many small ones wait. */
  approve = demo->industry_ids[trade] > 0 &&
            chance (demo, tier == CRM_TIER_S || tier == CRM_TIER_A ? 0.85 : tier == CRM_TIER_B ? 0.6 : 0.35);

  if (crm_demo_writer_add (demo->writer, customer, contacts,
                           (const char * const *) chosen_tags->pdata,
                           cooperations, approve, error) == 0)
    return FALSE;

  demo->summary.n_customers++;
  demo->summary.n_contacts += contacts->len;
  demo->summary.n_cooperations += cooperations->len;
  if (approve)
    demo->summary.n_approved++;

  return TRUE;
}

static gboolean
generate_in_transaction (CrmDatabase  *db,
                         gpointer      user_data,
                         GError      **error)
{
  Demo *demo = user_data;
  g_autoptr(CrmBulkInsert) bulk = NULL;
  g_autoptr(CrmDemoWriter) writer = NULL;
  sqlite3_stmt *stmt;

  /* Names and identifiers already in the database are taken. */
  stmt = crm_database_prepare (db, "SELECT name_key, credit_code, id_number FROM customer", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 3; i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          if (value != NULL)
            claim (demo, value);
        }
    }
  sqlite3_reset (stmt);

  bulk = crm_bulk_insert_begin (db, demo->n_customers, error);
  if (bulk == NULL)
    return FALSE;

  writer = crm_demo_writer_new (db, error);
  if (writer == NULL)
    return FALSE;
  demo->writer = writer;

  for (guint i = 0; i < demo->n_customers; i++)
    {
      if (!generate_one (demo, error))
        return FALSE;
    }

  return crm_bulk_insert_end (g_steal_pointer (&bulk), error);
}

/**
 * crm_demo_generate:
 * @store: the store to add the customers to
 * @n_customers: how many
 * @summary: (out) (optional): what was added
 * @error: return location for an error
 *
 * Adds @n_customers sample customers (90% enterprises, 10% individuals)
 * with contacts, cooperation records, tags and approvals, in one
 * transaction: one undoable action ("Add sample customers") up to
 * %CRM_DEMO_UNDO_LIMIT customers, a plain transaction beyond. The same
 * @n_customers on a database with the same number of customers gives the
 * same records (and, on the same day, the same dates).
 *
 * Returns: %TRUE when the customers were added; on failure nothing is
 */
gboolean
crm_demo_generate (CrmCustomerStore  *store,
                   guint              n_customers,
                   CrmDemoSummary    *summary,
                   GError           **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *industries;
  Demo demo = { 0 };
  guint32 seed[2];
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (summary != NULL)
    memset (summary, 0, sizeof *summary);

  /* A second run on the same database continues the sequence instead of
   * repeating the first run's customers. */
  seed[0] = DEMO_SEED;
  seed[1] = crm_customer_store_count (store);

  demo.store = store;
  demo.rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  demo.used = used;
  demo.n_customers = n_customers;
  g_date_clear (&demo.today, 1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_date_set_dmy (&demo.today, g_date_time_get_day_of_month (now),
                    g_date_time_get_month (now), g_date_time_get_year (now));
  }

  industries = crm_customer_store_list_industries (store);
  for (guint i = 0; i < G_N_ELEMENTS (trades); i++)
    {
      for (guint j = 0; j < g_list_model_get_n_items (industries); j++)
        {
          g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, j);

          if (g_strcmp0 (crm_industry_get_code (industry), trades[i].code) == 0)
            demo.industry_ids[i] = crm_industry_get_id (industry);
        }
    }

  /* Sample data is one undoable action ("Add sample customers") up to
   * CRM_DEMO_UNDO_LIMIT customers. Beyond that the undo record costs more
   * than it is worth: measured for 100 000 customers, the session
   * extension holds every row in memory (33 MB → 390 MB resident), the
   * stored changeset adds 100 MB to a 245 MB database and the run takes a
   * quarter longer, for data that exists to fill a benchmark database.
   * Such runs are one plain transaction that the store does not announce:
   * they are for `rapport demo` on the command line, not for an open
   * window. */
  if (n_customers <= CRM_DEMO_UNDO_LIMIT)
    ok = crm_customer_store_record (store, N_("Add sample customers"),
                                    generate_in_transaction, &demo, error);
  else
    ok = crm_database_transaction (crm_customer_store_get_database (store),
                                   generate_in_transaction, &demo, error);

  g_rand_free (demo.rand);

  if (ok && summary != NULL)
    *summary = demo.summary;

  return ok;
}
