/* crm-questionnaire-store-private.h — what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-questionnaire-store.h"

G_BEGIN_DECLS

struct _CrmQuestionnaireStore
{
  GObject           parent_instance;

  CrmCustomerStore *customers;
  CrmDatabase      *database;
  CrmJournal       *journal;
  GListStore       *templates;
  GListStore       *drafts;
  /* Inside an action of our own, which announces itself when done. */
  guint             recording;
};

const char *crm_questionnaire_store_column_text  (sqlite3_stmt          *stmt,
                                                  int                    column);
gint64      crm_questionnaire_store_query_id     (CrmDatabase           *db,
                                                  const char            *sql,
                                                  gint64                 argument);
sqlite3_stmt *crm_questionnaire_store_select_row (CrmDatabase        *db,
                                                  const char         *sql,
                                                  gint64              id,
                                                  const char         *not_found,
                                                  GError            **error);
gboolean    crm_questionnaire_store_check_draft  (CrmDatabase           *db,
                                                  gint64                 response_id,
                                                  GError               **error);
void        crm_questionnaire_store_emit_changed (CrmQuestionnaireStore *self);

G_END_DECLS
