/* crm-pinyin.c — pinyin of Chinese names, for search and sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * ICU's Han-Latin transliterator reads each character on its own (its
 * rules know four two-character contexts, which the phrase table below
 * repeats), and running it costs about 5 µs per character: 100 000
 * company names would take several seconds. So each distinct character is
 * transliterated once and its syllable cached; a name then costs a few
 * hash lookups. Transliterators are not thread-safe and take ~70 ms to
 * open, so one is opened lazily and used only under the cache lock.
 */

#define G_LOG_DOMAIN "crm-pinyin"

#include <locale.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "crm-pinyin.h"
#include "crm-validate.h"

typedef struct
{
  const char *text;         /* One or two characters, UTF-8. */
  const char *readings[2];
  gunichar    chars[2];     /* Filled in from text on first use. */
} Reading;

/* Words in company and place names whose characters read differently
 * than alone: Han-Latin gives 行 "xing", 长 "zhang", 厦 "sha", and so on. */
static Reading phrases[] = {
  { "重庆", { "chong", "qing" } },
  { "沈阳", { "shen", "yang" } },
  { "秘鲁", { "bi", "lu" } },
  { "藏文", { "zang", "wen" } },
  { "西藏", { "xi", "zang" } },
  { "厦门", { "xia", "men" } },
  { "长沙", { "chang", "sha" } },
  { "长春", { "chang", "chun" } },
  { "长江", { "chang", "jiang" } },
  { "长城", { "chang", "cheng" } },
  { "长安", { "chang", "an" } },
  { "长虹", { "chang", "hong" } },
  { "长治", { "chang", "zhi" } },
  { "蚌埠", { "beng", "bu" } },
  { "六安", { "lu", "an" } },
  { "乐清", { "yue", "qing" } },
  { "番禺", { "pan", "yu" } },
  { "音乐", { "yin", "yue" } },
  { "银行", { "yin", "hang" } },
  { "支行", { "zhi", "hang" } },
  { "分行", { "fen", "hang" } },
  { "总行", { "zong", "hang" } },
  { "商行", { "shang", "hang" } },
  { "行业", { "hang", "ye" } },
  { "会计", { "kuai", "ji" } },
  /* The same in traditional characters, for zh_TW users. */
  { "重慶", { "chong", "qing" } },
  { "瀋陽", { "shen", "yang" } },
  { "廈門", { "xia", "men" } },
  { "長沙", { "chang", "sha" } },
  { "長春", { "chang", "chun" } },
  { "長江", { "chang", "jiang" } },
  { "長城", { "chang", "cheng" } },
  { "長安", { "chang", "an" } },
  { "銀行", { "yin", "hang" } },
  { "總行", { "zong", "hang" } },
  { "行業", { "hang", "ye" } },
  { "會計", { "kuai", "ji" } },
};

/* Surnames read differently from the character's common reading. Only
 * the start of a person's name is looked up here. */
static Reading surnames[] = {
  { "尉迟", { "yu", "chi" } },
  { "万俟", { "mo", "qi" } },
  { "单于", { "chan", "yu" } },
  { "澹台", { "tan", "tai" } },
  { "单", { "shan" } },
  { "曾", { "zeng" } },
  { "解", { "xie" } },
  { "区", { "ou" } },
  { "仇", { "qiu" } },
  { "朴", { "piao" } },
  { "查", { "zha" } },
  { "盖", { "ge" } },
  { "乐", { "yue" } },
  { "翟", { "zhai" } },
  { "缪", { "miao" } },
  { "覃", { "qin" } },
  { "种", { "chong" } },
  { "秘", { "bi" } },
  { "召", { "shao" } },
  { "员", { "yun" } },
  { "繁", { "po" } },
  { "黑", { "he" } },
  { "能", { "nai" } },
  { "隗", { "wei" } },
  { "阚", { "kan" } },
  { "句", { "gou" } },
  { "卜", { "bu" } },
  { "薄", { "bo" } },
  { "郇", { "xun" } },
  { "佴", { "nai" } },
  { "折", { "she" } },
};

/* Guards syllables and transliterator, which ICU does not allow two
 * threads to use at once. */
static GMutex lock;
static GHashTable *syllables;
static UTransliterator *transliterator;
static gboolean transliterator_failed;

static void
init_readings (Reading *table,
               gsize    n)
{
  for (gsize i = 0; i < n; i++)
    {
      const char *p = table[i].text;

      table[i].chars[0] = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      table[i].chars[1] = *p != '\0' ? g_utf8_get_char (p) : 0;
    }
}

static void
ensure_tables (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      init_readings (phrases, G_N_ELEMENTS (phrases));
      init_readings (surnames, G_N_ELEMENTS (surnames));
      g_once_init_leave (&initialized, 1);
    }
}

/* Returns the syllable of @c, or "" if ICU has none. Call with the lock
 * held. The strings are interned and live as long as the process. */
static const char *
lookup_syllable (gunichar c)
{
  const char *syllable;
  UChar buffer[64];
  char utf8[128];
  int32_t length = 0;
  int32_t limit;
  UErrorCode status = U_ZERO_ERROR;
  GString *clean;

  if (syllables == NULL)
    syllables = g_hash_table_new (NULL, NULL);

  syllable = g_hash_table_lookup (syllables, GUINT_TO_POINTER (c));
  if (syllable != NULL)
    return syllable;

  if (transliterator == NULL && !transliterator_failed)
    {
      static const char id[] = "Han-Latin; Latin-ASCII";
      UChar uid[G_N_ELEMENTS (id)];

      u_uastrcpy (uid, id);
      transliterator = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);

      if (U_FAILURE (status))
        {
          g_warning ("Cannot open the ICU transliterator “%s”: %s; pinyin is unavailable",
                     id, u_errorName (status));
          transliterator = NULL;
          transliterator_failed = TRUE;
        }
      status = U_ZERO_ERROR;
    }

  if (transliterator != NULL)
    {
      U16_APPEND_UNSAFE (buffer, length, c);
      limit = length;
      utrans_transUChars (transliterator, buffer, &length, G_N_ELEMENTS (buffer),
                          0, &limit, &status);
      if (U_SUCCESS (status))
        u_strToUTF8 (utf8, sizeof utf8, NULL, buffer, length, &status);
    }

  /* Han-Latin pads syllables with spaces; a result that is not plain
   * letters means ICU did not know the character. */
  clean = g_string_new (NULL);
  if (transliterator != NULL && U_SUCCESS (status))
    {
      for (const char *p = utf8; *p != '\0'; p++)
        {
          if (g_ascii_isalpha (*p))
            g_string_append_c (clean, g_ascii_tolower (*p));
          else if (*p != ' ')
            {
              g_string_truncate (clean, 0);
              break;
            }
        }
    }

  syllable = g_intern_string (clean->str);
  g_string_free (clean, TRUE);
  g_hash_table_insert (syllables, GUINT_TO_POINTER (c), (gpointer) syllable);

  return syllable;
}

static const Reading *
match_reading (const Reading  *table,
               gsize           n,
               const gunichar *chars,
               glong           remaining)
{
  for (gsize i = 0; i < n; i++)
    {
      if (table[i].chars[0] != chars[0])
        continue;

      if (table[i].chars[1] == 0)
        return &table[i];

      if (remaining > 1 && table[i].chars[1] == chars[1])
        return &table[i];
    }

  return NULL;
}

typedef struct
{
  GString  *out;
  gboolean  initials;
  gboolean  in_word;
} Writer;

/* A syllable, or an unknown Chinese character, is a word of its own. */
static void
write_syllable (Writer     *writer,
                const char *syllable,
                gsize       length)
{
  if (writer->initials)
    g_string_append_len (writer->out, syllable, g_utf8_next_char (syllable) - syllable);
  else
    {
      if (writer->out->len > 0)
        g_string_append_c (writer->out, ' ');
      g_string_append_len (writer->out, syllable, (gssize) length);
    }

  writer->in_word = FALSE;
}

/* Letters and digits of other scripts run together into words. */
static void
write_letter (Writer   *writer,
              gunichar  c)
{
  if (!writer->initials && !writer->in_word && writer->out->len > 0)
    g_string_append_c (writer->out, ' ');

  g_string_append_unichar (writer->out, g_unichar_tolower (c));
  writer->in_word = TRUE;
}

static void
write_reading (Writer        *writer,
               const Reading *reading)
{
  for (guint i = 0; i < G_N_ELEMENTS (reading->readings) && reading->readings[i] != NULL; i++)
    write_syllable (writer, reading->readings[i], strlen (reading->readings[i]));
}

static char *
convert (const char *utf8,
         gboolean    initials,
         gboolean    person)
{
  g_autofree char *valid = g_utf8_make_valid (utf8, -1);
  g_autofree char *normal = crm_utf8_nfkc (valid);
  g_autofree gunichar *chars = NULL;
  Writer writer = { NULL, initials, FALSE };
  glong n = 0;

  ensure_tables ();

  chars = g_utf8_to_ucs4_fast (normal, -1, &n);
  writer.out = g_string_sized_new ((gsize) n * (initials ? 1 : 5));

  g_mutex_lock (&lock);

  for (glong i = 0; i < n; i++)
    {
      gunichar c = chars[i];
      const Reading *reading = NULL;

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        {
          const char *syllable;

          if (person && i == 0)
            reading = match_reading (surnames, G_N_ELEMENTS (surnames), chars, n);
          if (reading == NULL)
            reading = match_reading (phrases, G_N_ELEMENTS (phrases), chars + i, n - i);

          if (reading != NULL)
            {
              write_reading (&writer, reading);
              i += reading->chars[1] != 0 ? 1 : 0;
              continue;
            }

          syllable = lookup_syllable (c);
          if (*syllable != '\0')
            write_syllable (&writer, syllable, strlen (syllable));
          else
            {
              char buffer[8];
              gint length = g_unichar_to_utf8 (c, buffer);

              write_syllable (&writer, buffer, (gsize) length);
            }
        }
      else if (g_unichar_isalnum (c))
        write_letter (&writer, c);
      else
        writer.in_word = FALSE;
    }

  g_mutex_unlock (&lock);

  return g_string_free (writer.out, FALSE);
}

char *
crm_pinyin_full (const char *utf8)
{
  g_return_val_if_fail (utf8 != NULL, NULL);

  return convert (utf8, FALSE, FALSE);
}

char *
crm_pinyin_initials (const char *utf8)
{
  g_return_val_if_fail (utf8 != NULL, NULL);

  return convert (utf8, TRUE, FALSE);
}

char *
crm_pinyin_full_for_person (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return convert (name, FALSE, TRUE);
}

char *
crm_pinyin_initials_for_person (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return convert (name, TRUE, TRUE);
}

gboolean
crm_pinyin_is_initials_query (const char *query)
{
  gsize length = 0;

  g_return_val_if_fail (query != NULL, FALSE);

  for (const char *p = query; *p != '\0'; p++, length++)
    {
      if (!g_ascii_isalpha (*p))
        return FALSE;
    }

  return length >= 2;
}

/*
 * Collation. Every Chinese locale sorts by pinyin (ICU's default for
 * zh_TW and zh_HK is stroke order, but the lists must agree with the
 * pinyin search), every other locale by the root order, so two collators
 * serve all. ICU does not promise that one collator may make sort keys in
 * two threads at once, so they are used under a lock; making a key costs
 * about a microsecond.
 */

enum {
  COLLATOR_ROOT,
  COLLATOR_PINYIN,
  N_COLLATORS
};

static GMutex collator_lock;
static UCollator *collators[N_COLLATORS];

static guint
collator_for_locale (const char *locale)
{
  if (locale == NULL)
    locale = setlocale (LC_COLLATE, NULL);

  if (locale != NULL &&
      g_ascii_strncasecmp (locale, "zh", 2) == 0 &&
      (locale[2] == '\0' || strchr ("_-.@", locale[2]) != NULL))
    return COLLATOR_PINYIN;

  return COLLATOR_ROOT;
}

/* Call with collator_lock held. Returns NULL if ICU has no collation
 * data, which a Debian install always has. */
static UCollator *
ensure_collator (guint which)
{
  UErrorCode status = U_ZERO_ERROR;

  if (collators[which] != NULL)
    return collators[which];

  collators[which] = ucol_open (which == COLLATOR_PINYIN ? "zh@collation=pinyin" : "", &status);

  if (U_FAILURE (status))
    {
      g_warning ("Cannot open the ICU collator: %s", u_errorName (status));
      collators[which] = NULL;
      return NULL;
    }

  /* "第2分公司" before "第10分公司", as people expect. */
  ucol_setAttribute (collators[which], UCOL_NUMERIC_COLLATION, UCOL_ON, &status);

  return collators[which];
}

GBytes *
crm_collation_key (const char *utf8,
                   const char *locale)
{
  g_autofree UChar *text = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator;
  uint8_t stack_key[256];
  uint8_t *key = stack_key;
  int32_t text_length = 0;
  int32_t key_length;
  GBytes *bytes;

  g_return_val_if_fail (utf8 != NULL, NULL);

  /* Invalid UTF-8 sorts with U+FFFD in place of the bad bytes. */
  u_strFromUTF8WithSub (NULL, 0, &text_length, utf8, -1, 0xFFFD, NULL, &status);
  status = U_ZERO_ERROR;
  text = g_new (UChar, text_length + 1);
  u_strFromUTF8WithSub (text, text_length + 1, &text_length, utf8, -1, 0xFFFD, NULL, &status);

  g_mutex_lock (&collator_lock);

  collator = ensure_collator (collator_for_locale (locale));

  if (collator == NULL)
    {
      g_mutex_unlock (&collator_lock);
      return g_bytes_new (utf8, strlen (utf8));
    }

  key_length = ucol_getSortKey (collator, text, text_length, key, sizeof stack_key);

  if (key_length > (int32_t) sizeof stack_key)
    {
      key = g_malloc (key_length);
      key_length = ucol_getSortKey (collator, text, text_length, key, key_length);
    }

  g_mutex_unlock (&collator_lock);

  /* The key ends in a zero byte that exists for strcmp(); no other byte
   * of it is zero, so leaving it out keeps the memcmp order. */
  bytes = g_bytes_new (key, key_length > 0 ? key_length - 1 : 0);

  if (key != stack_key)
    g_free (key);

  return bytes;
}

char *
crm_collation_version (const char *locale)
{
  UVersionInfo version;
  char text[U_MAX_VERSION_STRING_LENGTH];
  guint which = collator_for_locale (locale);
  UCollator *collator;

  g_mutex_lock (&collator_lock);
  collator = ensure_collator (which);
  if (collator != NULL)
    ucol_getVersion (collator, version);
  g_mutex_unlock (&collator_lock);

  if (collator == NULL)
    return g_strdup (which == COLLATOR_PINYIN ? "zh-none" : "root-none");

  u_versionToString (version, text);

  return g_strdup_printf ("%s-%s", which == COLLATOR_PINYIN ? "zh" : "root", text);
}
