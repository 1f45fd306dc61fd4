/* test-text-cell.c — list cells measured without their text, drawn with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>

#include "crm-text-cell.h"
#include "gui-test-util.h"

#define N_ROWS 2000

typedef struct
{
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *list;
} Fixture;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  gtk_list_item_set_child (item, crm_text_cell_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  crm_text_cell_set_text (CRM_TEXT_CELL (gtk_list_item_get_child (item)),
                          gtk_string_object_get_string (string));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("客户 %04u Customer", i);

      gtk_string_list_append (strings, text);
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);

  f->list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&strings)))),
                               factory);
  f->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scrolled), f->list);
  gtk_widget_set_size_request (f->scrolled, 320, 240);

  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->scrolled);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (f->list, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (CRM_IS_TEXT_CELL (widget))
    {
      g_ptr_array_add (cells, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

/* How dark @rect of @surface is: the sum over its pixels of how much
 * darker than white each is. Text on the light style's background makes
 * it large; an empty cell leaves it near 0. */
static guint64
darkness_in (cairo_surface_t       *surface,
             const graphene_rect_t *rect)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int x0 = MAX (0, (int) rect->origin.x);
  int y0 = MAX (0, (int) rect->origin.y);
  int x1 = MIN (cairo_image_surface_get_width (surface), (int) (rect->origin.x + rect->size.width));
  int y1 = MIN (cairo_image_surface_get_height (surface), (int) (rect->origin.y + rect->size.height));
  guint64 darkness = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = ((const guint32 *)(gconstpointer)(data + y * stride))[x];

        darkness += 255 - (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;
      }

  return darkness;
}

/* The cells of rows GTK has placed that lie wholly in view. */
static GPtrArray *
cells_in_view (Fixture *f)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GPtrArray *in_view = g_ptr_array_new ();
  int height = gtk_widget_get_height (f->list);

  collect_cells (f->list, cells);
  /* GTK builds about 200 rows around the one in view. */
  g_assert_cmpuint (cells->len, >, 100);

  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      graphene_rect_t bounds;

      /* GTK 4.8 keeps the rows it does not show unmapped. */
      if (!gtk_widget_get_mapped (cell))
        continue;

      g_assert_true (gtk_widget_compute_bounds (cell, f->list, &bounds));
      if (bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= height)
        g_ptr_array_add (in_view, cell);
    }

  return in_view;
}

/* Every cell wholly in view shows text, as the screen has it. Returns how
 * many cells are in view. */
static guint
assert_cells_in_view_show_text (Fixture *f)
{
  g_autoptr(GPtrArray) in_view = cells_in_view (f);
  cairo_surface_t *surface = draw_widget (f->list, 1.0);

  g_assert_cmpuint (in_view->len, >=, 5);
  for (guint i = 0; i < in_view->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (in_view, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (cell, f->list, &bounds));
      /* Some 15 characters of text: far more than stray pixels. */
      g_assert_cmpuint (darkness_in (surface, &bounds), >, 255 * 100);
    }

  cairo_surface_destroy (surface);

  return in_view->len;
}

static void
scroll_to (Fixture *f,
           double   value)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->list));

  gtk_adjustment_set_value (adjustment, value);
  wait_frames (f->list, 2);
}

static void
test_rows_in_view_show_text (Fixture       *f,
                         gconstpointer  data)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->list));
  double upper, page;
  guint in_view;

  in_view = assert_cells_in_view_show_text (f);
  upper = gtk_adjustment_get_upper (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpfloat (upper, >, 50 * page);

  /* A few rows, as the mouse wheel does. */
  scroll_to (f, page / in_view * 3);
  assert_cells_in_view_show_text (f);

  /* Page by page, as Page Down does. */
  for (guint i = 0; i < 4; i++)
    {
      scroll_to (f, gtk_adjustment_get_value (adjustment) + page);
      assert_cells_in_view_show_text (f);
    }

  /* Back by less than a page: rows drawn before come back. */
  scroll_to (f, gtk_adjustment_get_value (adjustment) - page / 2);
  assert_cells_in_view_show_text (f);

  /* Far jumps, as dragging the scroll bar does, then the ends. */
  scroll_to (f, upper * 0.6);
  assert_cells_in_view_show_text (f);
  scroll_to (f, upper * 0.3);
  assert_cells_in_view_show_text (f);
  scroll_to (f, upper - page);
  assert_cells_in_view_show_text (f);
  scroll_to (f, 0);
  assert_cells_in_view_show_text (f);
}

static void
test_taller_view (Fixture       *f,
                  gconstpointer  data)
{
  guint in_view = assert_cells_in_view_show_text (f);

  /* A taller window shows rows that were drawn out of view. */
  gtk_widget_set_size_request (f->scrolled, 320, 600);
  /* The window grows when the X server says so, frames later. */
  for (guint i = 0; i < 500 && gtk_widget_get_height (f->list) < 590; i++)
    wait_frames (f->list, 1);
  g_assert_cmpint (gtk_widget_get_height (f->list), >=, 590);
  wait_frames (f->list, 2);
  g_assert_cmpuint (assert_cells_in_view_show_text (f), >, 2 * in_view);
}

static void
test_new_text_in_view (Fixture       *f,
                       gconstpointer  data)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (f->list));
  GListModel *strings = gtk_no_selection_get_model (GTK_NO_SELECTION (selection));
  const char *replacement[] = { "替换后的第二行，比原来的长得多", NULL };
  g_autoptr(GPtrArray) in_view = cells_in_view (f);
  GtkWidget *second = g_ptr_array_index (in_view, 1);
  cairo_surface_t *surface;
  graphene_rect_t bounds;
  guint64 before, after;

  g_assert_true (gtk_widget_compute_bounds (second, f->list, &bounds));
  surface = draw_widget (f->list, 1.0);
  before = darkness_in (surface, &bounds);
  cairo_surface_destroy (surface);

  /* A row replaced on screen draws its new text. */
  gtk_string_list_splice (GTK_STRING_LIST (strings), 1, 1, replacement);
  wait_frames (f->list, 2);
  assert_cells_in_view_show_text (f);

  g_clear_pointer (&in_view, g_ptr_array_unref);
  in_view = cells_in_view (f);
  g_assert_cmpstr (crm_text_cell_get_text (g_ptr_array_index (in_view, 1)), ==, replacement[0]);
  surface = draw_widget (f->list, 1.0);
  after = darkness_in (surface, &bounds);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (after, >, before);
}

static void
test_size_does_not_follow_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cells[3];
  const char *texts[] = { "Latin text", "中文客户名称", NULL };
  int first_width = -1, first_height = -1;

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i] = crm_text_cell_new ();
      crm_text_cell_set_text (CRM_TEXT_CELL (cells[i]), texts[i]);
      gtk_box_append (GTK_BOX (box), cells[i]);
    }
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (box, 2);

  /* One line of the font, whatever the text: binding a row never
   * resizes the list. */
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      int min_width, nat_width, min_height, nat_height;

      gtk_widget_measure (cells[i], GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
      gtk_widget_measure (cells[i], GTK_ORIENTATION_VERTICAL, -1, &min_height, &nat_height, NULL, NULL);
      g_assert_cmpint (min_width, ==, nat_width);
      g_assert_cmpint (min_height, ==, nat_height);
      g_assert_cmpint (min_height, >, 8);
      if (i == 0)
        {
          first_width = min_width;
          first_height = min_height;
        }
      g_assert_cmpint (min_width, ==, first_width);
      g_assert_cmpint (min_height, ==, first_height);
    }

  /* Wider as asked, in characters. */
  crm_text_cell_set_width_chars (CRM_TEXT_CELL (cells[0]), 6);
  {
    int width;

    gtk_widget_measure (cells[0], GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
    g_assert_cmpint (width, ==, 2 * first_width);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/text-cell/rows-in-view-show-text", Fixture, NULL, fixture_set_up, test_rows_in_view_show_text, fixture_tear_down);
  g_test_add ("/text-cell/taller-view", Fixture, NULL, fixture_set_up, test_taller_view, fixture_tear_down);
  g_test_add ("/text-cell/new-text-in-view", Fixture, NULL, fixture_set_up, test_new_text_in_view, fixture_tear_down);
  g_test_add_func ("/text-cell/size-does-not-follow-text", test_size_does_not_follow_text);

  return g_test_run ();
}
