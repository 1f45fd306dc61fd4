/* test-questionnaire-cli.c — the questionnaire verbs of the real binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "test-rapport.h"
#include "test-util.h"

static void
test_export_import_and_refusals (void)
{
  g_autofree char *db = test_tmp_path ("cli.db");
  g_autofree char *json = test_tmp_path ("standard.json");
  g_autofree char *bad = test_tmp_path ("bad.json");
  g_autofree char *csv = test_tmp_path ("responses.csv");
  g_autofree char *checksum = NULL;
  g_auto(Run) run = { 0 };

  run_rapport (&run, "--database", db, "questionnaire", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "1\tCustomer information questionnaire\tversion 1\n"));

  run_rapport (&run, "--database", db, "questionnaire", "export", "1", "-o", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (json, G_FILE_TEST_EXISTS));

  /* Never overwritten without --force. */
  checksum = test_checksum_file (json);
  run_rapport (&run, "--database", db, "questionnaire", "export", "1", "-o", json, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "--force"));
  {
    g_autofree char *after = test_checksum_file (json);

    g_assert_cmpstr (after, ==, checksum);
  }

  run_rapport (&run, "--database", db, "questionnaire", "import", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported the template"));

  /* A hostile file: a clear error naming the file, nothing imported. */
  g_assert_true (g_file_set_contents (bad, "{\"format\":\"rapport-questionnaire\",\"name\":\"x\","
                                           "\"modules\":[{\"id\":\"m\",\"title\":\"M\",\"questions\":"
                                           "[{\"id\":\"q\",\"kind\":\"slider\",\"title\":\"Q\"}]}]}", -1, NULL));
  run_rapport (&run, "--database", db, "questionnaire", "import", bad, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "bad.json"));
  g_assert_nonnull (strstr (run.err, "slider"));
  run_rapport (&run, "--database", db, "questionnaire", "list", NULL);
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);

    /* Two templates and the empty piece after the last newline. */
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }

  run_rapport (&run, "--database", db, "export", "responses", "1", "-o", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Exported 0 responses"));

  run_rapport (&run, "--database", db, "export", "responses", NULL);
  g_assert_cmpint (run.status, ==, 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/questionnaire/cli/export-import-and-refusals", test_export_import_and_refusals);

  return g_test_run ();
}
