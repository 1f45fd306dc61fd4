/* test-report-fixture.h — customers and cooperation records with known figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/*
 * Six customers and seven cooperation records, the figures of 2026Q3
 * (2026-07-01 to 2026-09-30) worked out by hand:
 *
 *   c1 甲 MFG S 王 created 2026-07-15       k1 2026-08-01 → running   500 000  deal
 *   c2 乙 MFG A 李 created 2026-02-10       k2 2025-01-01 → 2026-08-31 300 000 churned
 *   c3 丙 RET B 王 created 2026-09-30 23:59 k3 2026-09-30 → running   100 000  deal
 *   c4 丁 RET C 李 created 2026-10-01 00:00 k4 2026-10-02 → running    20 000  (after Q3)
 *   c5 戊 NET - 王 created 2025-12-31       k5 2025-03-01 → 2026-07-10 50 000,
 *                                           k6 2026-09-01 → 2026-12-31 80 000 deal, renewed
 *   c6 己 NET B 李 created 2025-06-01       k7 2025-01-01 → 2026-06-30 40 000  churned in Q2
 *
 *   new customers 2 (c1, c3; c4 is a second late); customers 5; active 4
 *   (c1, c2, c3, c5; c6 ended the day before); deals 3 (c1, c3, c5) worth
 *   680 000; churned 1 (c2; c5 renewed); churn rate 1/4.
 */
static const char * const fixture_sql =
  "INSERT INTO customer (id, name, industry_id, tier, owner, created_at, annual_spend) VALUES"
  "  (1, '甲公司', (SELECT id FROM industry WHERE code = 'MFG'), 'S', '王', '2026-07-15T08:00:00Z', 600000),"
  "  (2, '乙公司', (SELECT id FROM industry WHERE code = 'MFG'), 'A', '李', '2026-02-10T08:00:00Z', 300000),"
  "  (3, '丙公司', (SELECT id FROM industry WHERE code = 'RET'), 'B', '王', '2026-09-30T23:59:59Z', 100000),"
  "  (4, '丁公司', (SELECT id FROM industry WHERE code = 'RET'), 'C', '李', '2026-10-01T00:00:00Z', 20000),"
  "  (5, '戊公司', (SELECT id FROM industry WHERE code = 'NET'), NULL, '王', '2025-12-31T12:00:00Z', 130000),"
  "  (6, '己公司', (SELECT id FROM industry WHERE code = 'NET'), 'B', '李', '2025-06-01T12:00:00Z', 0);"
  "INSERT INTO contact (customer_id, name, phone, position) VALUES"
  "  (1, '张三', '13812345678', 0), (1, '李四', '13900001111', 1), (2, '王五', '13698765432', 0);"
  "INSERT INTO cooperation (customer_id, product, started_on, ended_on, amount) VALUES"
  "  (1, '云平台', '2026-08-01', NULL, 500000),"
  "  (2, '咨询', '2025-01-01', '2026-08-31', 300000),"
  "  (3, '培训', '2026-09-30', NULL, 100000),"
  "  (4, '培训', '2026-10-02', NULL, 20000),"
  "  (5, '维保', '2025-03-01', '2026-07-10', 50000),"
  "  (5, '维保', '2026-09-01', '2026-12-31', 80000),"
  "  (6, '咨询', '2025-01-01', '2026-06-30', 40000);";
