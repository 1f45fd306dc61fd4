/* crm-mask.h — masking personal data (脱敏) for screen, export and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Each returns a newly allocated masked copy, or NULL for NULL. They work
 * on characters, not bytes, so Chinese text is never cut mid-character.
 */

/* "13812341234" → "138****1234"; "010-12345678" → "010-****5678". */
char *crm_mask_phone     (const char *phone);
/* "张三" → "张*"; "王小明" → "王**"; "Alice" → "A****". */
char *crm_mask_name      (const char *name);
/* "zhang@example.com" → "z***@example.com". */
char *crm_mask_email     (const char *email);
/* "11010519491231002X" → "110105********002X". */
char *crm_mask_id_number (const char *id_number);

G_END_DECLS
