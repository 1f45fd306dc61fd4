/* test-pinyin.c — pinyin for search and pinyin order for lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-pinyin.h"

static void
assert_full (const char *text,
             const char *expected)
{
  g_autofree char *full = crm_pinyin_full (text);

  g_assert_cmpstr (full, ==, expected);
}

static void
assert_initials (const char *text,
                 const char *expected)
{
  g_autofree char *initials = crm_pinyin_initials (text);

  g_assert_cmpstr (initials, ==, expected);
}

/* SQLite orders BLOBs with memcmp() and then by length: so must we. */
static int
compare_keys (GBytes *a,
              GBytes *b)
{
  gsize a_size, b_size;
  const guint8 *a_data = g_bytes_get_data (a, &a_size);
  const guint8 *b_data = g_bytes_get_data (b, &b_size);
  int result = memcmp (a_data, b_data, MIN (a_size, b_size));

  if (result != 0)
    return result;

  return a_size < b_size ? -1 : a_size > b_size ? 1 : 0;
}

static void
assert_sorted (const char        *locale,
               const char *const *names,
               gsize              n_names)
{
  for (gsize i = 0; i + 1 < n_names; i++)
    {
      g_autoptr(GBytes) a = crm_collation_key (names[i], locale);
      g_autoptr(GBytes) b = crm_collation_key (names[i + 1], locale);

      if (compare_keys (a, b) >= 0)
        g_error ("under %s, “%s” does not sort before “%s”", locale, names[i], names[i + 1]);
    }
}

static void
test_full (void)
{
  assert_full ("北京科技有限公司", "bei jing ke ji you xian gong si");
  assert_full ("张三", "zhang san");
  assert_full ("", "");
  /* Traditional characters have pinyin too. */
  assert_full ("臺灣銀行", "tai wan yin hang");
}

static void
test_initials (void)
{
  assert_initials ("北京科技有限公司", "bjkjyxgs");
  assert_initials ("张三", "zs");
  assert_initials ("", "");
}

static void
test_mixed_ascii (void)
{
  assert_full ("ABC科技", "abc ke ji");
  assert_initials ("ABC科技", "abckj");
  assert_full ("3M中国有限公司", "3m zhong guo you xian gong si");
  assert_initials ("3M中国有限公司", "3mzgyxgs");
  /* Full-width letters are the same letters. */
  assert_initials ("ＡＢＣ科技", "abckj");
}

static void
test_punctuation_separates (void)
{
  assert_full ("北京（ABC）科技·集团", "bei jing abc ke ji ji tuan");
  assert_initials ("北京（ABC）科技·集团", "bjabckjjt");
  assert_full ("IBM China  Ltd.", "ibm china ltd");
}

static void
test_phrases (void)
{
  /* Readings that differ from the character alone. */
  assert_full ("招商银行深圳分行", "zhao shang yin hang shen zhen fen hang");
  assert_full ("厦门航空", "xia men hang kong");
  assert_full ("重庆长安汽车", "chong qing chang an qi che");
  assert_initials ("长城汽车", "ccqc");
  /* Without the context, the common reading. */
  assert_full ("行", "xing");
}

static void
test_person_names (void)
{
  g_autofree char *shan = crm_pinyin_full_for_person ("单田芳");
  g_autofree char *dan = crm_pinyin_full ("单田芳");
  g_autofree char *zeng = crm_pinyin_initials_for_person ("曾国藩");
  g_autofree char *yuchi = crm_pinyin_full_for_person ("尉迟恭");
  g_autofree char *zhang = crm_pinyin_full_for_person ("张三");
  g_autofree char *given = crm_pinyin_full_for_person ("张单");

  g_assert_cmpstr (shan, ==, "shan tian fang");
  g_assert_cmpstr (dan, ==, "dan tian fang");
  g_assert_cmpstr (zeng, ==, "zgf");
  g_assert_cmpstr (yuchi, ==, "yu chi gong");
  g_assert_cmpstr (zhang, ==, "zhang san");
  /* Only the surname is read as a surname. */
  g_assert_cmpstr (given, ==, "zhang dan");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *full = crm_pinyin_full ("北京\xff科技");
  g_autofree char *initials = crm_pinyin_initials ("北京\xff科技");

  g_assert_cmpstr (full, ==, "bei jing ke ji");
  g_assert_cmpstr (initials, ==, "bjkj");
}

static void
test_initials_query (void)
{
  g_assert_true (crm_pinyin_is_initials_query ("bjkj"));
  g_assert_true (crm_pinyin_is_initials_query ("ZS"));
  g_assert_false (crm_pinyin_is_initials_query ("b"));
  g_assert_false (crm_pinyin_is_initials_query (""));
  g_assert_false (crm_pinyin_is_initials_query ("bj kj"));
  g_assert_false (crm_pinyin_is_initials_query ("3m"));
  g_assert_false (crm_pinyin_is_initials_query ("北京"));
  g_assert_false (crm_pinyin_is_initials_query ("ｂｊ"));
}

static void
test_collation_surnames (void)
{
  static const char *const names[] = { "李", "张" };

  assert_sorted ("zh_CN", names, G_N_ELEMENTS (names));
  assert_sorted ("zh_CN.UTF-8", names, G_N_ELEMENTS (names));
}

static void
test_collation_companies (void)
{
  static const char *const names[] = { "阿里巴巴", "百度", "腾讯" };

  assert_sorted ("zh_CN", names, G_N_ELEMENTS (names));
  /* Every Chinese locale sorts by pinyin, like the search. */
  assert_sorted ("zh_TW.UTF-8", names, G_N_ELEMENTS (names));
  assert_sorted ("zh", names, G_N_ELEMENTS (names));
}

static void
test_collation_memcmp_order (void)
{
  static const char *const expected[] = {
    "阿里巴巴", "百度", "北京科技", "北京科技有限公司", "李四", "腾讯", "王五", "张三",
  };
  static const char *const shuffled[] = {
    "张三", "北京科技有限公司", "腾讯", "阿里巴巴", "王五", "北京科技", "百度", "李四",
  };
  GBytes *keys[G_N_ELEMENTS (shuffled)];
  const char *sorted[G_N_ELEMENTS (shuffled)];

  /* Sort with memcmp() of the keys alone, as an ORDER BY on the BLOB. */
  for (guint i = 0; i < G_N_ELEMENTS (shuffled); i++)
    {
      keys[i] = crm_collation_key (shuffled[i], "zh_CN");
      sorted[i] = shuffled[i];
    }

  for (guint i = 1; i < G_N_ELEMENTS (shuffled); i++)
    for (guint j = i; j > 0 && compare_keys (keys[j - 1], keys[j]) > 0; j--)
      {
        GBytes *key = keys[j];
        const char *name = sorted[j];

        keys[j] = keys[j - 1];
        sorted[j] = sorted[j - 1];
        keys[j - 1] = key;
        sorted[j - 1] = name;
      }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (sorted[i], ==, expected[i]);
      g_bytes_unref (keys[i]);
    }
}

static void
test_collation_key_stable (void)
{
  g_autoptr(GBytes) a = crm_collation_key ("腾讯", "zh_CN");
  g_autoptr(GBytes) b = crm_collation_key ("腾讯", "zh_CN.UTF-8");
  g_autoptr(GBytes) empty = crm_collation_key ("", "zh_CN");
  gsize size;
  const guint8 *data = g_bytes_get_data (a, &size);

  g_assert_true (g_bytes_equal (a, b));
  g_assert_cmpuint (size, >, 0);
  /* No zero bytes, so SQLite and C string functions agree on it. */
  g_assert_null (memchr (data, 0, size));
  g_assert_cmpint (compare_keys (empty, a), <, 0);
}

static void
test_collation_numeric (void)
{
  static const char *const names[] = { "第2分公司", "第10分公司" };

  assert_sorted ("zh_CN", names, G_N_ELEMENTS (names));
}

static void
test_collation_root (void)
{
  static const char *const names[] = { "apple", "Banana", "cherry" };

  assert_sorted ("en_US.UTF-8", names, G_N_ELEMENTS (names));
  assert_sorted ("C", names, G_N_ELEMENTS (names));
  assert_sorted ("zh_CN", names, G_N_ELEMENTS (names));
}

static void
test_collation_version (void)
{
  g_autofree char *zh = crm_collation_version ("zh_CN.UTF-8");
  g_autofree char *tw = crm_collation_version ("zh_TW");
  g_autofree char *en = crm_collation_version ("en_GB");

  g_assert_true (g_str_has_prefix (zh, "zh-"));
  g_assert_cmpstr (zh, ==, tw);
  g_assert_true (g_str_has_prefix (en, "root-"));
}

static gpointer
initials_thread (gpointer data)
{
  static const char *const names[] = {
    "北京科技有限公司", "深圳市腾讯计算机系统有限公司", "阿里巴巴（中国）有限公司",
    "华为技术有限公司", "招商银行股份有限公司", "厦门航空有限公司",
  };
  static const char *const expected[] = {
    "bjkjyxgs", "szstxjsjxtyxgs", "albbzgyxgs", "hwjsyxgs", "zsyhgfyxgs", "xmhkyxgs",
  };

  for (guint round = 0; round < 500; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *initials = crm_pinyin_initials (names[i]);
          g_autoptr(GBytes) key = crm_collation_key (names[i], "zh_CN");

          if (g_strcmp0 (initials, expected[i]) != 0 || g_bytes_get_size (key) == 0)
            return GINT_TO_POINTER (FALSE);
        }
    }

  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *threads[8];

  /* The transliterator and collators are shared: they must be guarded. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("pinyin", initials_thread, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pinyin/full", test_full);
  g_test_add_func ("/pinyin/initials", test_initials);
  g_test_add_func ("/pinyin/mixed-ascii", test_mixed_ascii);
  g_test_add_func ("/pinyin/punctuation-separates", test_punctuation_separates);
  g_test_add_func ("/pinyin/phrases", test_phrases);
  g_test_add_func ("/pinyin/person-names", test_person_names);
  g_test_add_func ("/pinyin/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pinyin/initials-query", test_initials_query);
  g_test_add_func ("/pinyin/threads", test_threads);
  g_test_add_func ("/collation/surnames", test_collation_surnames);
  g_test_add_func ("/collation/companies", test_collation_companies);
  g_test_add_func ("/collation/memcmp-order", test_collation_memcmp_order);
  g_test_add_func ("/collation/key-stable", test_collation_key_stable);
  g_test_add_func ("/collation/numeric", test_collation_numeric);
  g_test_add_func ("/collation/root", test_collation_root);
  g_test_add_func ("/collation/version", test_collation_version);

  return g_test_run ();
}
