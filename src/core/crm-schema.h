/* crm-schema.h — the schema of a Rapport database, as ordered migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * CrmSchemaStep:
 * @version: the `PRAGMA user_version` the database has after this step
 * @summary: what the step adds, for logs and `rapport db check`
 * @sql: the statements of the step, run inside one `BEGIN IMMEDIATE`
 *
 * A step is never edited once released: a new schema is a new step, so a
 * database of any older Rapport can be brought forward one step at a time.
 */
typedef struct
{
  guint       version;
  const char *summary;
  const char *sql;
} CrmSchemaStep;

const CrmSchemaStep *crm_schema_get_steps   (guint *n_steps);
guint                crm_schema_get_latest  (void);
gboolean             crm_schema_is_journaled (const char *table);
const char * const  *crm_schema_get_bulk_triggers (void);
const char * const  *crm_schema_get_bulk_indexes  (void);
const char * const  *crm_schema_get_bulk_tables   (void);
gboolean             crm_schema_is_bulk_table     (const char *table);

G_END_DECLS
