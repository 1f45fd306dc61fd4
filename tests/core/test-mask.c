/* test-mask.c — masking personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-mask.h"

typedef char *(*MaskFunc) (const char *);

static void
check (MaskFunc    func,
       const char *input,
       const char *expected)
{
  g_autofree char *masked = func (input);

  g_assert_cmpstr (masked, ==, expected);
}

static void
test_phone (void)
{
  check (crm_mask_phone, "13812341234", "138****1234");
  check (crm_mask_phone, "010-12345678", "010-****5678");
  check (crm_mask_phone, "0755-1234567", "0755-***4567");
  check (crm_mask_phone, "123", "1**");
  check (crm_mask_phone, NULL, NULL);
}

static void
test_name (void)
{
  check (crm_mask_name, "张三", "张*");
  check (crm_mask_name, "王小明", "王**");
  check (crm_mask_name, "欧阳娜娜", "欧***");
  check (crm_mask_name, "Alice", "A****");
  check (crm_mask_name, "张", "*");
}

static void
test_email (void)
{
  check (crm_mask_email, "zhang@example.com", "z***@example.com");
  check (crm_mask_email, "张伟@例子.中国", "张***@例子.中国");
  check (crm_mask_email, "x@example.com", "x***@example.com");
}

static void
test_id_number (void)
{
  check (crm_mask_id_number, "11010519491231002X", "110105********002X");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mask/phone", test_phone);
  g_test_add_func ("/mask/name", test_name);
  g_test_add_func ("/mask/email", test_email);
  g_test_add_func ("/mask/id-number", test_id_number);

  return g_test_run ();
}
