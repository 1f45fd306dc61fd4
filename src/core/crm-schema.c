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
  {
    3,
    "customer records, contacts, cooperation, tags, industries and search",
    "CREATE TABLE industry ("
    "  id       INTEGER PRIMARY KEY,"
    "  code     TEXT NOT NULL UNIQUE CHECK (code GLOB '[A-Z][A-Z][A-Z]'),"
    "  name     TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),"
    "  position INTEGER NOT NULL DEFAULT 0"
    ");"
    "INSERT INTO industry (code, name, position) VALUES"
    "  ('MFG', '制造业', 1), ('RET', '零售业', 2), ('NET', '互联网', 3),"
    "  ('FIN', '金融业', 4), ('SRV', '服务业', 5), ('TRA', '贸易', 6), ('OTH', '其他', 7);"
    "ALTER TABLE customer ADD COLUMN code TEXT;"
    "ALTER TABLE customer ADD COLUMN kind TEXT NOT NULL DEFAULT 'enterprise'"
    "  CHECK (kind IN ('enterprise', 'individual'));"
    "ALTER TABLE customer ADD COLUMN credit_code TEXT;"
    "ALTER TABLE customer ADD COLUMN id_number TEXT;"
    "ALTER TABLE customer ADD COLUMN founded_on TEXT;"
    "ALTER TABLE customer ADD COLUMN industry_id INTEGER REFERENCES industry;"
    "ALTER TABLE customer ADD COLUMN employees INTEGER CHECK (employees >= 0);"
    "ALTER TABLE customer ADD COLUMN annual_revenue INTEGER CHECK (annual_revenue >= 0);"
    "ALTER TABLE customer ADD COLUMN customer_type TEXT NOT NULL DEFAULT 'new'"
    "  CHECK (customer_type IN ('new', 'returning', 'strategic'));"
    "ALTER TABLE customer ADD COLUMN tier TEXT CHECK (tier IN ('S', 'A', 'B', 'C'));"
    "ALTER TABLE customer ADD COLUMN province TEXT;"
    "ALTER TABLE customer ADD COLUMN city TEXT;"
    "ALTER TABLE customer ADD COLUMN district TEXT;"
    "ALTER TABLE customer ADD COLUMN street TEXT;"
    "ALTER TABLE customer ADD COLUMN pain_points TEXT;"
    "ALTER TABLE customer ADD COLUMN decision_chain TEXT;"
    "ALTER TABLE customer ADD COLUMN owner TEXT;"
    "ALTER TABLE customer ADD COLUMN review_state TEXT NOT NULL DEFAULT 'draft'"
    "  CHECK (review_state IN ('draft', 'approved'));"
    "ALTER TABLE customer ADD COLUMN notes TEXT;"
    "ALTER TABLE customer ADD COLUMN annual_spend INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE customer ADD COLUMN last_contact_at TEXT;"
    "ALTER TABLE customer ADD COLUMN approved_at TEXT;"
    /* Derived from the name by the store, for duplicates, pinyin search and
     * pinyin order; never typed by the user. */
    "ALTER TABLE customer ADD COLUMN name_key TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE customer ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE customer ADD COLUMN sort_key BLOB NOT NULL DEFAULT x'';"
    "CREATE UNIQUE INDEX customer_code ON customer (code) WHERE code IS NOT NULL;"
    "CREATE INDEX customer_sort ON customer (sort_key, id);"
    "CREATE INDEX customer_name_key ON customer (name_key);"
    "CREATE INDEX customer_initials ON customer (name_initials);"
    "CREATE INDEX customer_credit_code ON customer (credit_code) WHERE credit_code IS NOT NULL;"
    "CREATE INDEX customer_id_number ON customer (id_number) WHERE id_number IS NOT NULL;"
    "CREATE INDEX customer_industry ON customer (industry_id);"
    "CREATE TABLE contact ("
    "  id                  INTEGER PRIMARY KEY,"
    "  customer_id         INTEGER NOT NULL REFERENCES customer ON DELETE CASCADE,"
    "  name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),"
    "  title               TEXT,"
    "  phone               TEXT,"
    "  email               TEXT,"
    "  role                TEXT,"
    "  preferred_channel   TEXT,"
    "  preferred_frequency TEXT,"
    "  position            INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX contact_customer ON contact (customer_id, position);"
    "CREATE TABLE cooperation ("
    "  id          INTEGER PRIMARY KEY,"
    "  customer_id INTEGER NOT NULL REFERENCES customer ON DELETE CASCADE,"
    "  product     TEXT NOT NULL,"
    "  started_on  TEXT NOT NULL,"
    "  ended_on    TEXT,"
    "  amount      INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0)"
    ");"
    "CREATE INDEX cooperation_customer ON cooperation (customer_id, started_on);"
    "CREATE TABLE tag ("
    "  id   INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 30)"
    ");"
    "CREATE TABLE customer_tag ("
    "  customer_id INTEGER NOT NULL REFERENCES customer ON DELETE CASCADE,"
    "  tag_id      INTEGER NOT NULL REFERENCES tag ON DELETE CASCADE,"
    "  PRIMARY KEY (customer_id, tag_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX customer_tag_tag ON customer_tag (tag_id, customer_id);"
    /* One counter per (year, industry code). It is outside the undo journal,
     * so undoing an approval or a delete never hands a code out twice. */
    "CREATE TABLE code_counter ("
    "  year          INTEGER NOT NULL,"
    "  industry_code TEXT NOT NULL,"
    "  last_seq      INTEGER NOT NULL,"
    "  PRIMARY KEY (year, industry_code)"
    ") WITHOUT ROWID;"
    /* The searchable text of each customer: name, code, notes, contacts'
     * names, phones and e-mails, and tags. Trigram FTS answers queries of
     * three or more characters; search_short holds the same text with each
     * CJK character as a token of its own, for one- and two-character
     * queries. Triggers keep both current, also while the journal applies
     * an undo, which is why they are search_* tables (see crm-journal.c). */
    "CREATE VIEW search_source AS"
    "  SELECT c.id AS customer_id,"
    "         c.name || ' ' || ifnull (c.code, '') || ' ' || ifnull (c.notes, '') || ' ' ||"
    "         ifnull ((SELECT group_concat (k.name || ' ' || ifnull (k.phone, '') || ' ' ||"
    "                                       ifnull (k.email, ''), ' ')"
    "                  FROM contact k WHERE k.customer_id = c.id), '') || ' ' ||"
    "         ifnull ((SELECT group_concat (t.name, ' ')"
    "                  FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id"
    "                  WHERE ct.customer_id = c.id), '') AS body"
    "  FROM customer c;"
    "CREATE VIRTUAL TABLE search_customer USING fts5 (body, tokenize = 'trigram');"
    "CREATE VIRTUAL TABLE search_short USING fts5 (body, tokenize = 'unicode61');"
    "CREATE TABLE search_pending (customer_id INTEGER PRIMARY KEY);"
    "CREATE TRIGGER search_customer_insert AFTER INSERT ON customer BEGIN"
    "  INSERT OR IGNORE INTO search_pending VALUES (new.id);"
    "END;"
    "CREATE TRIGGER search_customer_update AFTER UPDATE OF name, code, notes ON customer BEGIN"
    "  INSERT OR IGNORE INTO search_pending VALUES (new.id);"
    "END;"
    "CREATE TRIGGER search_customer_delete AFTER DELETE ON customer BEGIN"
    "  DELETE FROM search_customer WHERE rowid = old.id;"
    "  DELETE FROM search_short WHERE rowid = old.id;"
    "END;"
    "CREATE TRIGGER search_contact_insert AFTER INSERT ON contact BEGIN"
    "  INSERT OR IGNORE INTO search_pending VALUES (new.customer_id);"
    "END;"
    "CREATE TRIGGER search_contact_update AFTER UPDATE ON contact BEGIN"
    "  INSERT OR IGNORE INTO search_pending VALUES (old.customer_id);"
    "  INSERT OR IGNORE INTO search_pending VALUES (new.customer_id);"
    "END;"
    "CREATE TRIGGER search_contact_delete AFTER DELETE ON contact BEGIN"
    "  INSERT OR IGNORE INTO search_pending VALUES (old.customer_id);"
    "END;"
    "CREATE TRIGGER search_tag_insert AFTER INSERT ON customer_tag BEGIN"
    "  INSERT OR IGNORE INTO search_pending VALUES (new.customer_id);"
    "END;"
    "CREATE TRIGGER search_tag_delete AFTER DELETE ON customer_tag BEGIN"
    "  INSERT OR IGNORE INTO search_pending VALUES (old.customer_id);"
    "END;"
    "CREATE TRIGGER search_tag_rename AFTER UPDATE OF name ON tag BEGIN"
    "  INSERT OR IGNORE INTO search_pending SELECT customer_id FROM customer_tag WHERE tag_id = new.id;"
    "END;"
    /* Unsaved editor input, written as the user types so that a crash
     * loses nothing; outside the undo journal. */
    "CREATE TABLE draft ("
    "  key        TEXT PRIMARY KEY,"
    "  value      TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ");"
    /* Customers of schema 2 get indexed at the first commit after this. */
    "INSERT INTO search_pending SELECT id FROM customer;"
  },
  {
    4,
    "follow-ups, cadence, tier history and key follow-ups",
    /* 跟进记录. Times are UTC ("2026-03-01T08:00:00Z"); the next action's
     * due time wins over the cadence until a later follow-up is logged. */
    "CREATE TABLE follow_up ("
    "  id              INTEGER PRIMARY KEY,"
    "  customer_id     INTEGER NOT NULL REFERENCES customer ON DELETE CASCADE,"
    "  happened_at     TEXT NOT NULL,"
    "  owner           TEXT,"
    "  channel         TEXT NOT NULL CHECK (channel IN ('phone', 'visit', 'email', 'meeting')),"
    "  content         TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 5000),"
    "  feedback        TEXT NOT NULL DEFAULT 'pending'"
    "    CHECK (feedback IN ('clear-need', 'pending', 'refused')),"
    "  refusal_reason  TEXT,"
    "  next_action     TEXT,"
    "  next_action_due TEXT"
    ");"
    "CREATE INDEX follow_up_customer ON follow_up (customer_id, happened_at, id);"
    /* When the customer is next due for a follow-up, written by
     * crm_follow_up_store_replan() in the same action as whatever moved it
     * (a follow-up, a tier change, a key flag, a cadence change), so undo
     * restores it with the rest. The agenda reads it through these indexes. */
    "ALTER TABLE customer ADD COLUMN next_due_at TEXT;"
    "ALTER TABLE customer ADD COLUMN next_action TEXT;"
    "CREATE INDEX customer_agenda ON customer (owner, next_due_at) WHERE next_due_at IS NOT NULL;"
    "CREATE INDEX customer_next_due ON customer (next_due_at) WHERE next_due_at IS NOT NULL;"
    /* The quarterly re-grade reads every customer's tier from it. */
    "CREATE INDEX customer_tier ON customer (tier);"
    /* Every tier change with its reason (quarterly re-grade, 季度复评). */
    "CREATE TABLE tier_history ("
    "  id            INTEGER PRIMARY KEY,"
    "  customer_id   INTEGER NOT NULL REFERENCES customer ON DELETE CASCADE,"
    "  changed_at    TEXT NOT NULL,"
    "  from_tier     TEXT CHECK (from_tier IN ('S', 'A', 'B', 'C')),"
    "  to_tier       TEXT CHECK (to_tier IN ('S', 'A', 'B', 'C')),"
    "  reason        TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),"
    "  changed_by    TEXT,"
    "  quarter       TEXT,"
    "  annual_spend  INTEGER,"
    "  years         INTEGER"
    ");"
    "CREATE INDEX tier_history_customer ON tier_history (customer_id, changed_at, id);"
    /* 重点跟进: open while cleared_at is NULL; at most one open per customer. */
    "CREATE TABLE key_follow_up ("
    "  id           INTEGER PRIMARY KEY,"
    "  customer_id  INTEGER NOT NULL REFERENCES customer ON DELETE CASCADE,"
    "  reason       TEXT NOT NULL,"
    "  raised_at    TEXT NOT NULL,"
    "  cleared_at   TEXT,"
    "  clear_reason TEXT,"
    "  cleared_by   TEXT"
    ");"
    "CREATE UNIQUE INDEX key_follow_up_open ON key_follow_up (customer_id) WHERE cleared_at IS NULL;"
    "CREATE INDEX key_follow_up_customer ON key_follow_up (customer_id, raised_at);"
    /* Cadence and tier rules as edited in Preferences; a key missing here
     * has its default (crm-cadence.c, crm-tier-rules.c). Journaled: a
     * cadence change re-plans every customer in the same undoable action. */
    "CREATE TABLE upkeep_rule ("
    "  key   TEXT PRIMARY KEY,"
    "  value INTEGER NOT NULL"
    ");"
    /* One row per event on a customer's timeline, newest first by `at`.
     * MERGE: requirements and questionnaire responses add their own
     * UNION ALL arms here (a later step drops and re-creates the view),
     * with the same columns: kind, row_id, customer_id, at, actor,
     * title, body, detail, extra. */
    "CREATE VIEW timeline_entry AS"
    "  SELECT 'follow-up' AS kind, f.id AS row_id, f.customer_id, f.happened_at AS at,"
    "         f.owner AS actor, f.channel AS title, f.content AS body,"
    "         f.feedback || char (31) || ifnull (f.refusal_reason, '') AS detail,"
    "         ifnull (f.next_action, '') || char (31) || ifnull (f.next_action_due, '') AS extra"
    "    FROM follow_up f"
    "  UNION ALL"
    "  SELECT 'tier', h.id, h.customer_id, h.changed_at, h.changed_by,"
    "         ifnull (h.from_tier, '') || char (31) || ifnull (h.to_tier, ''), h.reason,"
    "         ifnull (h.quarter, ''), ifnull (h.annual_spend, '')"
    "    FROM tier_history h"
    "  UNION ALL"
    "  SELECT 'key-raised', k.id, k.customer_id, k.raised_at, NULL, NULL, k.reason, NULL, NULL"
    "    FROM key_follow_up k"
    "  UNION ALL"
    "  SELECT 'key-cleared', k.id, k.customer_id, k.cleared_at, k.cleared_by, NULL,"
    "         k.clear_reason, NULL, NULL"
    "    FROM key_follow_up k WHERE k.cleared_at IS NOT NULL;"
    "CREATE INDEX key_follow_up_cleared ON key_follow_up (customer_id, cleared_at) WHERE cleared_at IS NOT NULL;"
    /* Customers of earlier versions are planned with the default cadence
     * (crm_cadence_init_defaults()); SQLite adds the days in UTC, which
     * differs from the local-calendar arithmetic only across a daylight
     * saving change. A never-contacted draft is a prospect (24 h), an
     * approved record an intent customer (48 h). */
    "UPDATE customer SET next_due_at = CASE"
    "  WHEN last_contact_at IS NULL THEN strftime ('%Y-%m-%dT%H:%M:%SZ', created_at,"
    "    CASE review_state WHEN 'draft' THEN '+24 hours' ELSE '+48 hours' END)"
    "  ELSE strftime ('%Y-%m-%dT%H:%M:%SZ', last_contact_at, CASE tier"
    "    WHEN 'S' THEN '+7 days' WHEN 'A' THEN '+14 days' WHEN 'C' THEN '+90 days'"
    "    ELSE '+30 days' END) END;"
  },
};

const CrmSchemaStep *
crm_schema_get_steps (guint *n_steps)
{
  if (n_steps != NULL)
    *n_steps = G_N_ELEMENTS (steps);

  return steps;
}

/**
 * crm_schema_is_journaled:
 * @table: a table name
 *
 * Whether the undo journal records changes to @table. Left out: the
 * journal itself, settings, drafts, the customer-code counters (so an undo
 * never hands a code out twice) and the search tables, which triggers
 * rebuild.
 *
 * Returns: %TRUE when changes to @table are undoable
 */
gboolean
crm_schema_is_journaled (const char *table)
{
  return g_strcmp0 (table, "journal") != 0 &&
         g_strcmp0 (table, "setting") != 0 &&
         g_strcmp0 (table, "code_counter") != 0 &&
         g_strcmp0 (table, "draft") != 0 &&
         !g_str_has_prefix (table, "search_");
}

guint
crm_schema_get_latest (void)
{
  return steps[G_N_ELEMENTS (steps) - 1].version;
}
