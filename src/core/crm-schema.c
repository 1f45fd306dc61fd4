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
     * Step 7 re-creates it with the arms of requirements and
     * questionnaires; every arm has the same columns: kind, row_id,
     * customer_id, at, actor, title, body, detail, extra. */
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
     * even if that row goes. Kind 'follow_up' takes a follow_up id,
     * 'answer' a questionnaire_response id (a submitted questionnaire adds
     * its draft requirements' evidence in the same action). */
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
  {
    6,
    "questionnaire templates, responses and answers",
    /* One row per version of a template. The definition is the template's
     * JSON (crm-questionnaire-json.c); a built-in template keeps its texts
     * untranslated and is translated when read. Editing a template that
     * has responses adds a row with the next version, so old responses
     * keep the questions they answered. */
    "CREATE TABLE questionnaire_template ("
    "  id         INTEGER PRIMARY KEY,"
    "  family     TEXT NOT NULL,"
    "  version    INTEGER NOT NULL CHECK (version >= 1),"
    "  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),"
    "  builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
    "  definition TEXT NOT NULL,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  UNIQUE (family, version)"
    ");"
    "CREATE TABLE questionnaire_response ("
    "  id             INTEGER PRIMARY KEY,"
    "  template_id    INTEGER NOT NULL REFERENCES questionnaire_template,"
    "  customer_id    INTEGER REFERENCES customer ON DELETE SET NULL,"
    "  prospect_name  TEXT,"
    "  state          TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted')),"
    "  current_module TEXT,"
    "  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  submitted_at   TEXT"
    ");"
    "CREATE INDEX questionnaire_response_template ON questionnaire_response (template_id, state);"
    "CREATE INDEX questionnaire_response_customer ON questionnaire_response (customer_id);"
    /* Written as each answer is given, outside any undoable action, so a
     * crash loses none; submitting is the undoable action. */
    "CREATE TABLE questionnaire_answer ("
    "  response_id INTEGER NOT NULL REFERENCES questionnaire_response ON DELETE CASCADE,"
    "  question_id TEXT NOT NULL,"
    "  value       TEXT NOT NULL,"
    "  other       TEXT,"
    "  PRIMARY KEY (response_id, question_id)"
    ") WITHOUT ROWID;"
  },
  {
    7,
    "requirements and questionnaires on the customer timeline",
    /* The timeline_entry view of step 4 with two more arms, now that their
     * tables exist: every status move of a requirement the customer has
     * (its creation is the move into Pending), and every questionnaire the
     * customer answered. Columns as in step 4. */
    "DROP VIEW timeline_entry;"
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
    "    FROM key_follow_up k WHERE k.cleared_at IS NOT NULL"
    "  UNION ALL"
    "  SELECT 'requirement', s.id, rc.customer_id, s.changed_at, s.changed_by,"
    "         r.code || char (31) || r.title, s.note,"
    "         ifnull (s.from_status, '') || char (31) || s.to_status, r.id"
    "    FROM requirement_customer rc"
    "    JOIN requirement r ON r.id = rc.requirement_id"
    "    JOIN requirement_status_history s ON s.requirement_id = r.id"
    "  UNION ALL"
    "  SELECT 'questionnaire', q.id, q.customer_id, q.submitted_at, NULL, t.name, NULL,"
    "         t.version, NULL"
    "    FROM questionnaire_response q JOIN questionnaire_template t ON t.id = q.template_id"
    "    WHERE q.state = 'submitted' AND q.customer_id IS NOT NULL;"
  },
  {
    8,
    "analysis reports: conclusions and execution plans",
    /* One row per period and segment a manager wrote notes for; the
     * figures themselves are computed, never stored. */
    "CREATE TABLE report ("
    "  id         INTEGER PRIMARY KEY,"
    "  period     TEXT NOT NULL CHECK (length(period) BETWEEN 4 AND 23),"
    "  segment    TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  UNIQUE (period, segment)"
    ");"
    "CREATE TABLE report_conclusion ("
    "  report_id INTEGER NOT NULL REFERENCES report ON DELETE CASCADE,"
    "  section   TEXT NOT NULL"
    "    CHECK (section IN ('status', 'needs', 'problems', 'strategies', 'plan', 'effect')),"
    "  body      TEXT NOT NULL,"
    "  PRIMARY KEY (report_id, section)"
    ") WITHOUT ROWID;"
    "CREATE TABLE report_plan_item ("
    "  id              INTEGER PRIMARY KEY,"
    "  report_id       INTEGER NOT NULL REFERENCES report ON DELETE CASCADE,"
    "  position        INTEGER NOT NULL DEFAULT 0,"
    "  segment         TEXT,"
    "  strategy        TEXT,"
    "  measures        TEXT,"
    "  owner           TEXT,"
    "  deadline        TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),"
    "  expected_effect TEXT"
    ");"
    "CREATE INDEX report_plan_item_report ON report_plan_item (report_id, position);"
    /* The report's figures (see crm-figure-set.c) read these indexes
     * without touching the wide rows: customers by creation date with
     * the segment columns, by annual spend; cooperation records by
     * customer with their dates (wider than cooperation_customer, which
     * it replaces), by start and by end date. */
    "CREATE INDEX customer_report ON customer (created_at, tier, industry_id, owner);"
    /* The same columns in the order of the tier and industry mix, which
     * then needs no temporary b-tree to group. */
    "CREATE INDEX customer_mix ON customer (tier, industry_id, created_at, owner);"
    "CREATE INDEX customer_spend ON customer (annual_spend);"
    /* By id with the segment columns: a customer's industry without
     * reading its wide row. */
    "CREATE INDEX customer_segment ON customer (id, industry_id, tier, owner);"
    "DROP INDEX cooperation_customer;"
    "CREATE INDEX cooperation_period ON cooperation (customer_id, started_on, ended_on);"
    "CREATE INDEX cooperation_started ON cooperation (started_on, customer_id, amount, ended_on);"
    "CREATE INDEX cooperation_ended ON cooperation (ended_on, customer_id);"
  },
  {
    10,
    "indexes for the report's follow-up, tier and requirement figures",
    /* What crm-figure-set-upkeep.c and crm-figure-set-requirements.c read
     * for one period, each narrow so a figure reads the rows of its period
     * and not the wide ones: follow-ups by date (customers followed up)
     * and by next action due (overdue); tier changes by date; requirements
     * in GROUP BY order of category, scores and status, with their date
     * (raised: a scan of this index costs less than sorting a period's
     * requirements, and SQLite has no hash aggregation); closing
     * moves by date; and each requirement's raising time, score and
     * customer by id (closures), which the wide rows would make a page
     * read per requirement. */
    "CREATE INDEX follow_up_happened ON follow_up (happened_at, customer_id);"
    "CREATE INDEX follow_up_due ON follow_up (next_action_due, customer_id, happened_at)"
    "  WHERE next_action_due IS NOT NULL;"
    "CREATE INDEX tier_history_changed ON tier_history (changed_at, customer_id, from_tier, to_tier);"
    "CREATE INDEX requirement_report ON requirement"
    "  (category, importance, urgency, status, created_at, customer_id, merged_into);"
    "CREATE INDEX requirement_closed ON requirement_status_history (changed_at, requirement_id, to_status)"
    "  WHERE to_status IN ('done', 'rejected');"
    "CREATE INDEX requirement_closure ON requirement (id, created_at, satisfaction, customer_id, merged_into);"
  },
  {
    11,
    "a prefix index for searches of one or two letters or digits",
    /* A search for "1" or "ab" asks search_short for words starting with
     * it; without a prefix index FTS5 merges the lists of every such word
     * first (all 300 000 phone numbers for "1": 66 ms on 100 000
     * customers), with one it reads a single list (3 ms). The table is
     * made again from search_source, as the triggers would. */
    "DROP TABLE search_short;"
    "CREATE VIRTUAL TABLE search_short USING fts5 (body, tokenize = 'unicode61', prefix = '1 2');"
    "INSERT INTO search_short (rowid, body)"
    "  SELECT customer_id, crm_cjk_spaced (body) FROM search_source"
    "  WHERE customer_id NOT IN (SELECT customer_id FROM search_pending);"
  },
  {
    21,
    "an index of open requirements by due date",
    /* The check for requirements unresolved past their due date
     * (crm-key-follow-up.c), run each time the window opens a database,
     * reads the overdue open requirements from this index instead of
     * every open requirement's row for its due date. */
    "CREATE INDEX requirement_open_due ON requirement (due_on)"
    "  WHERE merged_into IS NULL AND status IN ('pending', 'in_progress');"
  },
  {
    23,
    "indexes for the report's priority matrix and key follow-ups",
    /* The priority matrix counts the open requirements raised by the end
     * of the period for each of the 25 importance and urgency pairs: with
     * the pair first and the raising time after it, each count is one
     * range of this narrow index, which holds the open ones alone, where
     * a scan read every requirement's wide row. Key follow-ups up at the
     * end of the period are counted from the raising time with the
     * clearing time beside it, and listed in the order of the index,
     * which ends the list at its first rows instead of looking up every
     * flagged customer and sorting them. */
    "CREATE INDEX requirement_open ON requirement (importance, urgency, created_at, customer_id)"
    "  WHERE status IN ('pending', 'in_progress') AND merged_into IS NULL;"
    "CREATE INDEX key_follow_up_raised ON key_follow_up (raised_at, customer_id, cleared_at);"
  },
  {
    24,
    "undo records of bulk inserts; deleted customers leave the search index at the commit",
    /* An action that inserted many new customers (an import, sample data)
     * keeps, instead of every row in its changeset, which rows it added:
     * a JSON object of the root tables' last id before it and how many
     * rows it added (see crm-bulk-insert.c). Its undo deletes them and
     * stores what it deleted as the changeset, so redo works as for any
     * other action. */
    "ALTER TABLE journal ADD COLUMN inserted TEXT;"
    /* A deleted customer's search rows go at the commit too, with every
     * other change (crm_database_commit()), instead of in its own
     * statement: FTS5 writes its pending changes out as a new segment at
     * the end of every statement that touches it, so undoing an import of
     * 100 000 customers, one DELETE per row, made 100 000 segments and
     * took minutes. */
    "DROP TRIGGER search_customer_delete;"
    "CREATE TRIGGER search_customer_delete AFTER DELETE ON customer BEGIN"
    "  INSERT OR IGNORE INTO search_pending VALUES (old.id);"
    "END;"
  },
  {
    25,
    "the short search index reads the text of the trigram index; customer checks without lookup lists",
    /* search_short kept a second copy of every customer's text with a
     * space around each CJK character, made by crm_cjk_spaced() at every
     * flush: for an import of 100 000 customers 28 MB more to write and
     * a tenth of the time of the indexes. Its tokenizer (crm_short, see
     * crm-search-index.c) now cuts the CJK characters out as it
     * reads, which gives the same tokens from the text as it is, so the
     * table reads search_customer's text (an external content table: the
     * table FTS5 keeps it in, search_customer_content, whose column is
     * c0, hence the column's name) and keeps none of its own.
     * crm_database_commit() deletes a changed customer's search_short row
     * before its search_customer row, while the text there is still the
     * one indexed. It is made in one piece, with the buffer of a large
     * flush (see crm_database_commit()): made with the default 1 MB one,
     * the index of 100 000 customers is a pile of segments that a search
     * for "13" reads one by one, twice as slow. */
    "DROP TABLE search_short;"
    "CREATE VIRTUAL TABLE search_short USING fts5 (c0, tokenize = 'crm_short', prefix = '1 2',"
    "  content = 'search_customer_content', content_rowid = 'id');"
    "INSERT INTO search_short (search_short, rank) VALUES ('hashsize', 67108864);"
    "INSERT INTO search_short (search_short) VALUES ('rebuild');"
    "INSERT INTO search_short (search_short, rank) VALUES ('hashsize', 1048576);"
    /* SQLite checks `x IN ('a', 'b', 'c')` with a lookup table of the
     * list when it has more than two values, made again for every
     * execution of the statement: on each customer's INSERT two of them,
     * for customer_type and tier, a quarter of its time (0.3 s of an
     * import of 100 000 customers). The same checks written with OR
     * compare in place. The constraints mean the same, the stored rows do
     * not change, so the table's SQL is edited in place as SQLite
     * describes for such changes (lang_altertable.html, "other kinds of
     * table schema changes"); RESET reloads this connection's schema,
     * and the table made and dropped after it tells other connections to
     * reload theirs. */
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace (replace (sql,"
    "    'CHECK (customer_type IN (''new'', ''returning'', ''strategic''))',"
    "    'CHECK (customer_type = ''new'' OR customer_type = ''returning'' OR customer_type = ''strategic'')'),"
    "    'CHECK (tier IN (''S'', ''A'', ''B'', ''C''))',"
    "    'CHECK (tier = ''S'' OR tier = ''A'' OR tier = ''B'' OR tier = ''C'')')"
    "  WHERE type = 'table' AND name = 'customer';"
    "PRAGMA writable_schema = RESET;"
    "CREATE TABLE schema_changed (x);"
    "DROP TABLE schema_changed;"
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

/**
 * crm_schema_get_bulk_triggers:
 *
 * The triggers that only mark a new customer, contact or tag link for
 * the search index. A bulk insert of new customers (CrmBulkInsert) drops
 * them and marks its customers in one statement instead.
 *
 * Returns: (transfer none): a %NULL-terminated list of trigger names
 */
const char * const *
crm_schema_get_bulk_triggers (void)
{
  static const char * const triggers[] = {
    "search_customer_insert",
    "search_contact_insert",
    "search_tag_insert",
    NULL,
  };

  return triggers;
}

/**
 * crm_schema_get_bulk_tables:
 *
 * The tables a bulk insert of new customers (CrmBulkInsert) writes only
 * by adding rows that belong to the new customers, or tags: those rows go
 * with the customers (ON DELETE CASCADE) or have ids above the largest
 * before it, so the undo record can name them instead of holding them.
 *
 * Returns: (transfer none): a %NULL-terminated list of table names
 */
const char * const *
crm_schema_get_bulk_tables (void)
{
  static const char * const tables[] = {
    "customer", "contact", "cooperation", "customer_tag", "tag", NULL,
  };

  return tables;
}

/**
 * crm_schema_is_bulk_table:
 * @table: a table name
 *
 * Returns: %TRUE for the tables crm_schema_get_bulk_tables() lists
 */
gboolean
crm_schema_is_bulk_table (const char *table)
{
  return table != NULL && g_strv_contains (crm_schema_get_bulk_tables (), table);
}

/**
 * crm_schema_get_bulk_indexes:
 *
 * The indexes that no insert of a new customer needs, to check a
 * constraint or to find a duplicate: a bulk insert that at least doubles
 * the customers may drop them and make them again at the end, which sorts
 * once instead of inserting into them row by row. The unique index of
 * codes and the indexes the duplicate test reads (name key, credit code,
 * ID number) stay.
 *
 * Returns: (transfer none): a %NULL-terminated list of index names
 */
const char * const *
crm_schema_get_bulk_indexes (void)
{
  static const char * const indexes[] = {
    "customer_name",
    "customer_sort",
    "customer_initials",
    "customer_industry",
    "customer_tier",
    "customer_agenda",
    "customer_next_due",
    "contact_customer",
    "customer_tag_tag",
    /* The report's (step 8); cooperation_period stays, since sample data
     * sums each customer's records through it. */
    "customer_report",
    "customer_mix",
    "customer_spend",
    "customer_segment",
    "cooperation_started",
    "cooperation_ended",
    NULL,
  };

  return indexes;
}
