/* test-questionnaire-fixture.h — a database with its customer and questionnaire stores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-questionnaire-store.h"
#include "test-store-fixture.h"

typedef struct
{
  StoreFixture           base;
  CrmQuestionnaireStore *questionnaires;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (&f->base, "questionnaires.db");
  f->questionnaires = crm_questionnaire_store_new (f->base.store);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->questionnaires);
  store_fixture_close (&f->base);
}
