/* crm-schema.c — the schema of a Rapport database, as ordered migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-schema.h"

static const CrmSchemaStep steps[] = {
  {
    1,
    "settings and the undo journal",
    "CREATE TABLE setting ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ");"
    /* One row per user action. The changeset is what the action did; undo
     * applies its inverse. A row with undone = 1 is on the redo stack. */
    "CREATE TABLE journal ("
    "  id         INTEGER PRIMARY KEY,"
    "  label      TEXT NOT NULL,"
    "  changeset  BLOB NOT NULL,"
    "  undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ");"
  },
  {
    2,
    "customers",
    "CREATE TABLE customer ("
    "  id         INTEGER PRIMARY KEY,"
    "  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ");"
    "CREATE INDEX customer_name ON customer (name);"
  },
};

const CrmSchemaStep *
crm_schema_get_steps (guint *n_steps)
{
  if (n_steps != NULL)
    *n_steps = G_N_ELEMENTS (steps);

  return steps;
}

guint
crm_schema_get_latest (void)
{
  return steps[G_N_ELEMENTS (steps) - 1].version;
}
