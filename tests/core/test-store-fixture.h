/* test-store-fixture.h — a database with its journal and customer store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"
#include "test-util.h"

typedef struct
{
  char             *path;
  CrmDatabase      *db;
  CrmJournal       *journal;
  CrmCustomerStore *store;
} StoreFixture;

/* Opens (creating it) the database @name in the test's data folder. */
static inline void
store_fixture_open (StoreFixture *f,
                    const char   *name)
{
  g_autoptr(GError) error = NULL;

  f->path = test_tmp_path (name);
  f->db = crm_database_open (f->path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);
  f->store = crm_customer_store_new (f->journal);
}

/* Closes it, asserting nothing else still holds the objects. */
static inline void
store_fixture_close (StoreFixture *f)
{
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);
  g_free (f->path);
}
