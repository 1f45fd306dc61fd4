/* crm-customers-page-columns.c — the list's columns, cells, sorting and width classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The list is a CrmCustomerList shown as it is: it searches, filters and
 * sorts in SQL and loads only the rows on screen, so it is never wrapped
 * in a GtkFilterListModel or GtkSortListModel, which would read every
 * record. The column headers still sort: each column has a sorter that
 * only tells which column the column view sorts by (see
 * crm_customers_page_sorter_changed_cb()), and the list is told to sort
 * by it.
 */

#include <string.h>

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-customers-page-private.h"

/* The widths of the list, in logical pixels, from which the medium and
 * the wide set of columns fit without scrolling sideways. */
#define MEDIUM_LIST_WIDTH 570
#define WIDE_LIST_WIDTH   890

typedef struct
{
  const char      *title;
  CrmCustomerSort  sort;
  WidthClass       shown_from;
  int              fixed_width;
  float            xalign;
  gboolean         numeric;
} ColumnInfo;

static const ColumnInfo column_info[N_COLUMNS] = {
  /* Translators: the column of customer codes (客户编号), such as 2026-TRA-001. */
  [COLUMN_CODE] = { N_("Code"), CRM_CUSTOMER_SORT_CODE, WIDTH_MEDIUM, 128, 0.0, TRUE },
  /* Translators: the column of customer names (客户名称). */
  [COLUMN_NAME] = { N_("Name"), CRM_CUSTOMER_SORT_NAME, WIDTH_NARROW, -1, 0.0, FALSE },
  [COLUMN_INDUSTRY] = { N_("Industry"), CRM_CUSTOMER_SORT_INDUSTRY, WIDTH_MEDIUM, 84, 0.0, FALSE },
  /* Translators: the column of customer tiers (客户等级): S, A, B or C. */
  [COLUMN_TIER] = { N_("Tier"), CRM_CUSTOMER_SORT_TIER, WIDTH_NARROW, 56, 0.5, FALSE },
  /* Translators: the column of customer types (客户类型): new, returning, strategic. */
  [COLUMN_TYPE] = { N_("Type"), CRM_CUSTOMER_SORT_TYPE, WIDTH_WIDE, 140, 0.0, FALSE },
  /* Translators: the column of account managers (负责人). */
  [COLUMN_OWNER] = { N_("Owner"), CRM_CUSTOMER_SORT_OWNER, WIDTH_WIDE, 84, 0.0, FALSE },
  /* Translators: what the customer bought over the last twelve months, in
   * units of ten thousand yuan: 年采购额（万元）. */
  [COLUMN_SPEND] = { N_("Annual Spend (¥10k)"), CRM_CUSTOMER_SORT_ANNUAL_SPEND, WIDTH_NARROW, 168, 1.0, TRUE },
  [COLUMN_LAST_CONTACT] = { N_("Last Contact"), CRM_CUSTOMER_SORT_LAST_CONTACT, WIDTH_WIDE, 104, 0.0, TRUE },
};

/* Cells ----------------------------------------------------------------- */

/* Returns the text of @column for @customer, or NULL for an unknown value;
 * @dim is set for a value that stands in for a missing one. */
static char *
format_cell (Column       column,
             CrmCustomer *customer,
             gboolean    *dim)
{
  *dim = FALSE;

  switch (column)
    {
    case COLUMN_CODE:
      if (crm_customer_get_code (customer) != NULL)
        return g_strdup (crm_customer_get_code (customer));
      /* Drafts get their code when approved. */
      *dim = TRUE;
      return g_strdup (crm_review_state_get_label (CRM_REVIEW_STATE_DRAFT));

    case COLUMN_NAME:
      return g_strdup (crm_customer_get_name (customer));

    case COLUMN_INDUSTRY:
      return g_strdup (crm_customer_get_industry_name (customer));

    case COLUMN_TIER:
      return g_strdup (crm_tier_to_string (crm_customer_get_tier (customer)));

    case COLUMN_TYPE:
      return g_strdup (crm_customer_type_get_label (crm_customer_get_customer_type (customer)));

    case COLUMN_OWNER:
      return g_strdup (crm_customer_get_owner (customer));

    case COLUMN_SPEND:
      /* 万元 with one decimal, the unit Chinese sales teams count in. */
      return g_strdup_printf ("%'.1f", crm_customer_get_annual_spend (customer) / 10000.0);

    case COLUMN_LAST_CONTACT:
      return crm_format_local_date (crm_customer_get_last_contact_at (customer));

    case N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
crm_customers_page_setup_cell_cb (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell = crm_text_cell_new ();

  /* Text cells are measured without shaping their text: at a jump GTK 4.8
   * binds and measures some 200 rows, of which about 20 are drawn. */
  crm_text_cell_set_xalign (CRM_TEXT_CELL (cell), column_info[column].xalign);
  crm_text_cell_set_tabular (CRM_TEXT_CELL (cell), column_info[column].numeric);

  /* The tier is a badge as wide as its letter, centred in its column. */
  if (column == COLUMN_TIER)
    {
      crm_text_cell_set_width_chars (CRM_TEXT_CELL (cell), 1);
      gtk_widget_set_halign (cell, GTK_ALIGN_CENTER);
    }

  gtk_list_item_set_child (item, cell);
}

/* Adds or removes @css_class only if that changes anything: a change of
 * classes restyles the cell, and a jump through the list rebinds about
 * 200 rows of cells, most of them keeping their classes. */
static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static const char * const tier_classes[] = { "s", "a", "b", "c" };

static void
crm_customers_page_bind_cell_cb (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  CrmCustomer *customer = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  gboolean dim = FALSE;

  text = format_cell (column, customer, &dim);

  if (text == NULL)
    {
      /* An em dash reads as "not recorded" in both languages. */
      text = g_strdup ("—");
      dim = TRUE;
    }

  set_css_class (cell, "dim-label", dim);

  if (column == COLUMN_TIER)
    {
      set_css_class (cell, "tier-badge", !dim);
      for (guint i = 0; i < G_N_ELEMENTS (tier_classes); i++)
        set_css_class (cell, tier_classes[i], !dim && g_ascii_strcasecmp (text, tier_classes[i]) == 0);
      /* A letter, or an em dash as wide as two. */
      crm_text_cell_set_width_chars (CRM_TEXT_CELL (cell), dim ? 2 : 1);
    }

  crm_text_cell_set_text (CRM_TEXT_CELL (cell), text);

  if (column == COLUMN_NAME)
    crm_customers_page_mark_key_follow_up (g_object_get_data (G_OBJECT (factory), "crm-page"),
                                           customer, CRM_TEXT_CELL (cell));
}

/* Sorting --------------------------------------------------------------- */

/* GtkColumnViewSorter has no public way in GTK 4.8 to say which column it
 * sorts by (that arrives in 4.10). Comparing two items through it asks the
 * primary column's sorter first: that sorter notes its column and answers
 * "smaller", which the column view turns into "larger" when the column is
 * sorted in descending order. */
static int
crm_customers_page_probe_compare (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data)
{
  ColumnProbe *probe = user_data;

  if (probe->self->probed_column < 0)
    probe->self->probed_column = probe->column;

  return -1;
}

static void
crm_customers_page_sorter_changed_cb (CrmCustomersPage *self,
                                      GtkSorterChange   change,
                                      GtkSorter        *sorter)
{
  static const char probe_items[2];
  GtkOrdering ordering;

  /* Two different items: gtk_sorter_compare() calls no sorter at all to
   * compare an item with itself. The probe never looks at them. */
  self->probed_column = -1;
  ordering = gtk_sorter_compare (sorter, (gpointer)&probe_items[0], (gpointer)&probe_items[1]);

  if (self->probed_column >= 0)
    {
      self->sort = column_info[self->probed_column].sort;
      self->sort_descending = ordering == GTK_ORDERING_LARGER;
    }
  else
    {
      self->sort = CRM_CUSTOMER_SORT_NAME;
      self->sort_descending = FALSE;
    }

  if (self->list != NULL)
    {
      crm_customers_page_begin_reload (self);
      crm_customer_list_set_sort (self->list, self->sort, self->sort_descending);
      crm_customers_page_end_reload (self);
    }
}

void
crm_customers_page_add_columns (CrmCustomersPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (crm_customers_page_setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (crm_customers_page_bind_cell_cb), GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (factory), "crm-page", self);

      self->probes[i].self = self;
      self->probes[i].column = i;
      sorter = GTK_SORTER (gtk_custom_sorter_new (crm_customers_page_probe_compare, &self->probes[i], NULL));

      column = gtk_column_view_column_new (_(column_info[i].title), g_steal_pointer (&factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (column_info[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, column_info[i].fixed_width);
      else
        gtk_column_view_column_set_expand (column, TRUE);

      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (crm_customers_page_sorter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);
}

/* Width ----------------------------------------------------------------- */

static void
crm_customers_page_apply_width_class (CrmCustomersPage *self)
{
  self->width_class = self->pending_width_class;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gboolean visible = self->width_class >= column_info[i].shown_from;

      gtk_column_view_column_set_visible (self->columns[i], visible);

      /* GTK 4.8 still counts the fixed width of a hidden column when it
       * shares out the list's width, which leaves a blank strip on the
       * right instead of widening the names: a hidden column is 0 wide. */
      if (column_info[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (self->columns[i], visible ? column_info[i].fixed_width : 0);
    }

  /* The button keeps its icon, tooltip and accessible name. */
  adw_button_content_set_label (self->new_button_content,
                                self->width_class == WIDTH_NARROW ? "" : _("_New Customer"));
}

/* The scroller's page size is the width the list really has, folded or
 * not. It is set while GTK allocates, and changing the columns then would
 * ask for another allocation in the middle of this one: they change just
 * after it, in crm_customers_page_layout_cb(). */
static void
crm_customers_page_list_width_cb (CrmCustomersPage *self,
                                  GParamSpec       *pspec,
                                  GtkAdjustment    *adjustment)
{
  double width = gtk_adjustment_get_page_size (adjustment);
  WidthClass width_class;

  if (width <= 0)
    return;

  if (width >= WIDE_LIST_WIDTH)
    width_class = WIDTH_WIDE;
  else if (width >= MEDIUM_LIST_WIDTH)
    width_class = WIDTH_MEDIUM;
  else
    width_class = WIDTH_NARROW;

  self->pending_width_class = width_class;
  if (width_class != self->width_class && gtk_widget_get_realized (GTK_WIDGET (self)))
    gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                   GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* Runs after the window's own layout handler (G_CONNECT_AFTER), in the
 * frame that found the new width. The new columns ask for another
 * allocation, which the frame clock makes before it paints: no frame is
 * painted with the old columns only to be laid out again in the next one.
 * (Hiding or showing a column removes or makes its cell in each of the up
 * to 200 rows the list view keeps; on a long list that relayout alone
 * took about a frame's time.) */
static void
crm_customers_page_layout_cb (CrmCustomersPage *self,
                              GdkFrameClock    *frame_clock)
{
  if (self->pending_width_class != self->width_class)
    crm_customers_page_apply_width_class (self);
}

/* Called once the page is realized: the columns change in the frame
 * clock's layout phase, see crm_customers_page_layout_cb(). */
void
crm_customers_page_watch_layout (CrmCustomersPage *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->layout_handler_id = g_signal_connect_object (frame_clock, "layout",
                                                     G_CALLBACK (crm_customers_page_layout_cb),
                                                     self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (self->pending_width_class != self->width_class)
    gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* Called before the page is unrealized, while it still has its clock. */
void
crm_customers_page_unwatch_layout (CrmCustomersPage *self)
{
  g_clear_signal_handler (&self->layout_handler_id, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
}

void
crm_customers_page_track_list_width (CrmCustomersPage *self)
{
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->list_scroller),
                           "notify::page-size",
                           G_CALLBACK (crm_customers_page_list_width_cb),
                           self, G_CONNECT_SWAPPED);
}
