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
    5,
    "requirements, their customers, evidence and status history",
    /* A requirement (需求). Its position orders the cards of one board
     * column: sparse values, so moving a card writes only that card (see
     * crm-requirement-store-move.c). A merged duplicate is kept, pointing
     * at the requirement it was merged into, and leaves every list. */
    "CREATE TABLE requirement ("
    "  id           INTEGER PRIMARY KEY,"
    "  code         TEXT NOT NULL UNIQUE,"
    "  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),"
    "  description  TEXT,"
    "  user_story   TEXT,"
    "  who          TEXT,"
    "  what         TEXT,"
    "  when_        TEXT,"
    "  where_       TEXT,"
    "  why          TEXT,"
    "  how          TEXT,"
    "  source       TEXT CHECK (source IN ('interview', 'survey', 'support', 'sales',"
    "                                      'industry_report', 'competitor_analysis')),"
    "  nature       TEXT CHECK (nature IN ('explicit', 'implicit', 'pain_point')),"
    "  category     TEXT CHECK (category IN ('functional', 'service', 'experience',"
    "                                        'commercial', 'performance')),"
    "  kano         TEXT CHECK (kano IN ('must_be', 'performance', 'attractive')),"
    "  relation     TEXT CHECK (relation IN ('new', 'enhancement', 'replacement')),"
    "  importance   INTEGER NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),"
    "  urgency      INTEGER NOT NULL DEFAULT 3 CHECK (urgency BETWEEN 1 AND 5),"
    "  moscow       TEXT CHECK (moscow IN ('must', 'should', 'could', 'wont')),"
    "  value        INTEGER CHECK (value >= 0),"
    "  cost         INTEGER CHECK (cost >= 0),"
    "  status       TEXT NOT NULL DEFAULT 'pending'"
    "               CHECK (status IN ('pending', 'in_progress', 'done', 'rejected')),"
    "  position     REAL NOT NULL DEFAULT 0,"
    "  owner        TEXT,"
    "  due_on       TEXT,"
    "  acceptance   TEXT,"
    "  resolution   TEXT,"
    "  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),"
    "  customer_id  INTEGER REFERENCES customer ON DELETE SET NULL,"
    "  merged_into  INTEGER REFERENCES requirement,"
    "  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ");"
    "CREATE INDEX requirement_column ON requirement (status, position, id)"
    "  WHERE merged_into IS NULL;"
    "CREATE INDEX requirement_customer_main ON requirement (customer_id);"
    "CREATE INDEX requirement_owner ON requirement (owner);"
    /* Every customer a requirement belongs to, the main one included: a
     * merge gives the survivor the duplicate's customers. */
    "CREATE TABLE requirement_customer ("
    "  requirement_id INTEGER NOT NULL REFERENCES requirement ON DELETE CASCADE,"
    "  customer_id    INTEGER NOT NULL REFERENCES customer ON DELETE CASCADE,"
    "  PRIMARY KEY (requirement_id, customer_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX requirement_customer_by_customer ON requirement_customer (customer_id, requirement_id);"
    /* Where a requirement was heard. The follow-ups and questionnaire
     * answers it points at live in tables of their own; kind + source_id
     * name the row without a foreign key, and the excerpt keeps the words
     * even if that row goes.
     * MERGE: kind 'follow_up' takes the id of the follow-ups branch's
     * follow-up table and 'answer' that of the questionnaires branch's
     * answer table; those branches add evidence with
     * crm_requirement_store_write_evidence() inside their own actions. */
    "CREATE TABLE requirement_evidence ("
    "  id             INTEGER PRIMARY KEY,"
    "  requirement_id INTEGER NOT NULL REFERENCES requirement ON DELETE CASCADE,"
    "  kind           TEXT NOT NULL CHECK (kind IN ('note', 'follow_up', 'answer')),"
    "  source_id      INTEGER,"
    "  excerpt        TEXT NOT NULL DEFAULT '',"
    "  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ");"
    "CREATE INDEX requirement_evidence_requirement ON requirement_evidence (requirement_id);"
    "CREATE INDEX requirement_evidence_source ON requirement_evidence (kind, source_id);"
    /* Every status move with its time and who made it, for lead and cycle
     * times. Journaled: an undone move did not happen. */
    "CREATE TABLE requirement_status_history ("
    "  id             INTEGER PRIMARY KEY,"
    "  requirement_id INTEGER NOT NULL REFERENCES requirement ON DELETE CASCADE,"
    "  from_status    TEXT,"
    "  to_status      TEXT NOT NULL,"
    "  changed_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
    "  changed_by     TEXT,"
    "  note           TEXT"
    ");"
    "CREATE INDEX requirement_status_history_requirement"
    "  ON requirement_status_history (requirement_id, id);"
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
