/* crm-customers-page.c — the list of customers beside one customer's detail
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

#include "crm-customer-detail.h"
#include "crm-customer-editor.h"
#include "crm-customer-list.h"
#include "crm-customers-page.h"

typedef enum
{
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_INDUSTRY,
  COLUMN_TIER,
  COLUMN_TYPE,
  COLUMN_OWNER,
  COLUMN_SPEND,
  COLUMN_LAST_CONTACT,
  N_COLUMNS
} Column;

/* How much room the list has; a narrower list keeps fewer columns. */
typedef enum
{
  WIDTH_NARROW,
  WIDTH_MEDIUM,
  WIDTH_WIDE,
} WidthClass;

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

/* The filter choices after "any" (position 0) in their drop-downs. */
static const int tier_values[] = {
  -1, CRM_TIER_S, CRM_TIER_A, CRM_TIER_B, CRM_TIER_C, CRM_TIER_NONE,
};
static const int type_values[] = {
  -1, CRM_CUSTOMER_TYPE_NEW, CRM_CUSTOMER_TYPE_RETURNING, CRM_CUSTOMER_TYPE_STRATEGIC,
};
static const int review_values[] = {
  -1, CRM_REVIEW_STATE_DRAFT, CRM_REVIEW_STATE_APPROVED,
};

typedef struct
{
  CrmCustomersPage *self;
  Column            column;
} ColumnProbe;

struct _CrmCustomersPage
{
  AdwBin               parent_instance;

  CrmCustomerStore    *store;
  CrmCustomerList     *list;
  GtkSingleSelection  *selection;

  /* The customer shown in the detail. It survives reloads of the list,
   * which would otherwise drop the selection whenever anything changed. */
  gint64               selected_id;
  guint                restoring_selection;

  /* Every customer, whatever the search and the filters. */
  guint                total;

  CrmCustomerSort      sort;
  gboolean             sort_descending;
  GtkColumnViewColumn *columns[N_COLUMNS];
  ColumnProbe          probes[N_COLUMNS];
  int                  probed_column;

  WidthClass           width_class;
  WidthClass           pending_width_class;
  gulong               layout_handler_id;

  /* What the filter drop-downs stand for, position by position; position
   * 0 is "any" (0 or NULL). */
  GArray              *industry_ids;
  GArray              *tag_ids;
  GPtrArray           *owners;
  guint                updating_filters;

  /* Template widgets */
  GtkStack            *page_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  AdwButtonContent    *new_button_content;
  GtkStack            *list_stack;
  GtkScrolledWindow   *list_scroller;
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  CrmCustomerDetail   *detail;
  GtkDropDown         *industry_dropdown;
  GtkDropDown         *tier_dropdown;
  GtkDropDown         *type_dropdown;
  GtkDropDown         *tag_dropdown;
  GtkDropDown         *review_dropdown;
  GtkDropDown         *owner_dropdown;
};

G_DEFINE_FINAL_TYPE (CrmCustomersPage, crm_customers_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void crm_customers_page_apply_filters (CrmCustomersPage *self);
static void crm_customers_page_begin_reload  (CrmCustomersPage *self);
static void crm_customers_page_end_reload    (CrmCustomersPage *self);

/* Cells ----------------------------------------------------------------- */

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;

  if (strlen (iso) <= 10)
    return g_strdup (iso);

  time = g_date_time_new_from_iso8601 (iso, NULL);
  if (time == NULL)
    return g_strndup (iso, 10);

  /* Stored in UTC; the day that matters is the user's. */
  local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d");
}

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
      return format_date (crm_customer_get_last_contact_at (customer));

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
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column_info[column].xalign);
  if (column != COLUMN_TIER)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  gtk_list_item_set_child (item, label);
}

static void
crm_customers_page_bind_cell_cb (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  CrmCustomer *customer = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  g_autofree char *tier_class = NULL;
  const char *classes[4] = { NULL, };
  guint n_classes = 0;
  gboolean dim = FALSE;

  text = format_cell (column, customer, &dim);

  if (text == NULL)
    {
      /* An em dash reads as "not recorded" in both languages. */
      g_free (text);
      text = g_strdup ("—");
      dim = TRUE;
    }
  else if (column == COLUMN_TIER)
    {
      tier_class = g_ascii_strdown (text, -1);
      classes[n_classes++] = "tier-badge";
      classes[n_classes++] = tier_class;
    }

  if (column_info[column].numeric)
    classes[n_classes++] = "numeric";
  if (dim)
    classes[n_classes++] = "dim-label";

  gtk_widget_set_css_classes (label, classes);
  gtk_label_set_text (GTK_LABEL (label), text);

  /* The badge is centred in its column, not stretched across it. */
  if (column == COLUMN_TIER)
    gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
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

static void
crm_customers_page_add_columns (CrmCustomersPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (crm_customers_page_setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (crm_customers_page_bind_cell_cb), GUINT_TO_POINTER (i));

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

static void
crm_customers_page_realize (GtkWidget *widget)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (crm_customers_page_parent_class)->realize (widget);

  frame_clock = gtk_widget_get_frame_clock (widget);
  self->layout_handler_id = g_signal_connect_object (frame_clock, "layout",
                                                     G_CALLBACK (crm_customers_page_layout_cb),
                                                     self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (self->pending_width_class != self->width_class)
    gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
crm_customers_page_unrealize (GtkWidget *widget)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  g_clear_signal_handler (&self->layout_handler_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (crm_customers_page_parent_class)->unrealize (widget);
}

/* State ----------------------------------------------------------------- */

static guint
crm_customers_page_count_filters (CrmCustomersPage *self)
{
  GtkDropDown *dropdowns[] = {
    self->industry_dropdown, self->tier_dropdown, self->type_dropdown,
    self->tag_dropdown, self->review_dropdown, self->owner_dropdown,
  };
  guint n_active = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      guint selected = gtk_drop_down_get_selected (dropdowns[i]);

      if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
        n_active++;
    }

  return n_active;
}

static gboolean
crm_customers_page_is_searching (CrmCustomersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text != NULL && *text != '\0') || crm_customers_page_count_filters (self) > 0;
}

static void
crm_customers_page_update_state (CrmCustomersPage *self)
{
  guint n_items = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint n_filters = crm_customers_page_count_filters (self);
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->page_stack,
                                    self->store != NULL && self->total > 0 ? "main" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 ? "list" : "no-results");

  if (crm_customers_page_is_searching (self))
    /* Translators: how many customers the search and filters leave, of all. */
    count = g_strdup_printf (ngettext ("%u of %u customer", "%u of %u customers", self->total),
                             n_items, self->total);
  else
    count = g_strdup_printf (ngettext ("%u customer", "%u customers", n_items), n_items);
  gtk_label_set_text (self->count_label, count);

  if (n_filters > 0)
    {
      g_autofree char *tooltip = g_strdup_printf (ngettext ("Filters: %u active", "Filters: %u active", n_filters),
                                                  n_filters);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), tooltip);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filters"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
}

static void
crm_customers_page_update_actions (CrmCustomersPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean in_detail = adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->detail);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.new", self->store != NULL);
  /* Folded, the list selects the row under the pointer: Delete acts only
   * on the customer the user opened. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.delete",
                                 self->selected_id > 0 && (!folded || in_detail));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.back", folded && in_detail);
}

static void
crm_customers_page_show_list (CrmCustomersPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Shows @customer_id in the detail, or nothing for 0. */
static void
crm_customers_page_show_customer (CrmCustomersPage *self,
                                  gint64            customer_id)
{
  if (self->selected_id != customer_id)
    {
      self->selected_id = customer_id;
      crm_customer_detail_set_customer_id (self->detail, customer_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
    }

  /* A folded page must not be left showing an empty detail. */
  if (customer_id == 0 && adw_leaflet_get_folded (self->leaflet))
    crm_customers_page_show_list (self);

  crm_customers_page_update_actions (self);
}

static void
crm_customers_page_selection_changed_cb (CrmCustomersPage   *self,
                                         GParamSpec         *pspec,
                                         GtkSingleSelection *selection)
{
  CrmCustomer *customer;

  /* While the list reloads, the selection model drops and re-adds rows;
   * the selection is put back afterwards. */
  if (self->restoring_selection > 0)
    return;

  customer = gtk_single_selection_get_selected_item (selection);
  crm_customers_page_show_customer (self, customer != NULL ? crm_customer_get_id (customer) : 0);
}

/* GtkSingleSelection, when the selected row is among the rows a list
 * replaces, looks for it among the new ones, loading each: after a
 * reload of 100 000 rows that would read them all. So nothing is selected
 * while the list reloads, and the customer is selected again by its id
 * afterwards. Every reload happens between these two calls: the store's
 * "changed" is handled before and after the list's own handler, and the
 * page's own changes of search, filters and sort are wrapped in them. */
static void
crm_customers_page_begin_reload (CrmCustomersPage *self)
{
  self->restoring_selection++;

  if (self->selection != NULL &&
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
crm_customers_page_end_reload (CrmCustomersPage *self)
{
  guint found = G_MAXUINT;

  if (self->selected_id > 0 && self->list != NULL)
    found = crm_customer_list_find (self->list, self->selected_id);

  if (found != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, found);

  self->restoring_selection--;

  /* Gone, or hidden by the search: the detail follows the list. */
  if (found == G_MAXUINT)
    crm_customers_page_show_customer (self, 0);
}

static void
crm_customers_page_n_items_cb (CrmCustomersPage *self,
                               GParamSpec       *pspec,
                               CrmCustomerList  *list)
{
  crm_customers_page_update_state (self);
}

static void
crm_customers_page_store_changing_cb (CrmCustomersPage *self,
                                      gint64            customer_id,
                                      CrmCustomerStore *store)
{
  crm_customers_page_begin_reload (self);
}

static void
crm_customers_page_store_changed_cb (CrmCustomersPage *self,
                                     gint64            customer_id,
                                     CrmCustomerStore *store)
{
  crm_customers_page_end_reload (self);

  self->total = crm_customer_store_count (store);
  crm_customers_page_update_state (self);
}

/* Filters --------------------------------------------------------------- */

static void
crm_customers_page_set_dropdown_strings (CrmCustomersPage *self,
                                         GtkDropDown      *dropdown,
                                         GtkStringList    *strings,
                                         guint             selected)
{
  self->updating_filters++;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters--;
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

static gint64
selected_id_in (GtkDropDown *dropdown,
                GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

static void
crm_customers_page_rebuild_industries (CrmCustomersPage *self)
{
  gint64 current = selected_id_in (self->industry_dropdown, self->industry_ids);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 any = 0;
  guint position;

  g_array_set_size (self->industry_ids, 0);
  gtk_string_list_append (strings, _("All industries"));
  g_array_append_val (self->industry_ids, any);

  if (self->store != NULL)
    {
      GListModel *industries = crm_customer_store_list_industries (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
        {
          g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);
          gint64 id = crm_industry_get_id (industry);

          gtk_string_list_append (strings, crm_industry_get_name (industry));
          g_array_append_val (self->industry_ids, id);
        }
    }

  position = find_id (self->industry_ids, current);
  crm_customers_page_set_dropdown_strings (self, self->industry_dropdown, strings,
                                           position != G_MAXUINT ? position : 0);

  /* The industry filtered by is gone (an undone "add industry"). */
  if (position == G_MAXUINT)
    crm_customers_page_apply_filters (self);
}

static void
crm_customers_page_rebuild_tags (CrmCustomersPage *self)
{
  gint64 current = selected_id_in (self->tag_dropdown, self->tag_ids);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 any = 0;
  guint position;

  g_array_set_size (self->tag_ids, 0);
  gtk_string_list_append (strings, _("All tags"));
  g_array_append_val (self->tag_ids, any);

  if (self->store != NULL)
    {
      GListModel *tags = crm_customer_store_list_tags (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
        {
          g_autoptr(CrmTag) tag = g_list_model_get_item (tags, i);
          g_autofree char *label = NULL;
          gint64 id = crm_tag_get_id (tag);

          /* Translators: a tag and how many customers carry it, such as “成本优化 (12)”. */
          label = g_strdup_printf (_("%s (%u)"), crm_tag_get_name (tag), crm_tag_get_n_customers (tag));
          gtk_string_list_append (strings, label);
          g_array_append_val (self->tag_ids, id);
        }
    }

  position = find_id (self->tag_ids, current);
  crm_customers_page_set_dropdown_strings (self, self->tag_dropdown, strings,
                                           position != G_MAXUINT ? position : 0);

  if (position == G_MAXUINT)
    crm_customers_page_apply_filters (self);
}

static void
crm_customers_page_rebuild_owners (CrmCustomersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  g_autofree char *current = NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_auto(GStrv) owners = NULL;
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->owners->len)
    current = g_strdup (g_ptr_array_index (self->owners, selected));

  g_ptr_array_set_size (self->owners, 0);
  gtk_string_list_append (strings, _("All owners"));
  g_ptr_array_add (self->owners, NULL);

  if (self->store != NULL)
    owners = crm_customer_store_list_owners (self->store);

  for (guint i = 0; owners != NULL && owners[i] != NULL; i++)
    {
      if (g_strcmp0 (owners[i], current) == 0)
        position = self->owners->len;
      gtk_string_list_append (strings, owners[i]);
      g_ptr_array_add (self->owners, g_strdup (owners[i]));
    }

  crm_customers_page_set_dropdown_strings (self, self->owner_dropdown, strings, position);

  if (current != NULL && position == 0)
    crm_customers_page_apply_filters (self);
}

static void
crm_customers_page_fill_fixed_dropdowns (CrmCustomersPage *self)
{
  g_autoptr(GtkStringList) tiers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  gtk_string_list_append (tiers, _("All tiers"));
  for (guint i = 1; i < G_N_ELEMENTS (tier_values); i++)
    gtk_string_list_append (tiers, crm_tier_get_label (tier_values[i]));

  gtk_string_list_append (types, _("All types"));
  for (guint i = 1; i < G_N_ELEMENTS (type_values); i++)
    gtk_string_list_append (types, crm_customer_type_get_label (type_values[i]));

  /* Translators: the review filter: drafts and approved records alike. */
  gtk_string_list_append (states, _("Drafts and approved"));
  for (guint i = 1; i < G_N_ELEMENTS (review_values); i++)
    gtk_string_list_append (states, crm_review_state_get_label (review_values[i]));

  crm_customers_page_set_dropdown_strings (self, self->tier_dropdown, tiers, 0);
  crm_customers_page_set_dropdown_strings (self, self->type_dropdown, types, 0);
  crm_customers_page_set_dropdown_strings (self, self->review_dropdown, states, 0);
}

static int
value_at (const int   *values,
          guint        n_values,
          GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= n_values)
    return -1;

  return values[selected];
}

/* Sets only what changed: each property of the list that changes runs
 * its query again. */
static void
crm_customers_page_apply_filters (CrmCustomersPage *self)
{
  guint owner_position = gtk_drop_down_get_selected (self->owner_dropdown);
  const char *owner = NULL;

  if (owner_position != GTK_INVALID_LIST_POSITION && owner_position < self->owners->len)
    owner = g_ptr_array_index (self->owners, owner_position);

  if (self->list != NULL)
    {
      crm_customers_page_begin_reload (self);
      g_object_set (self->list,
                    "industry-id", selected_id_in (self->industry_dropdown, self->industry_ids),
                    "tier", value_at (tier_values, G_N_ELEMENTS (tier_values), self->tier_dropdown),
                    "customer-type", value_at (type_values, G_N_ELEMENTS (type_values), self->type_dropdown),
                    "tag-id", selected_id_in (self->tag_dropdown, self->tag_ids),
                    "review-state", value_at (review_values, G_N_ELEMENTS (review_values), self->review_dropdown),
                    "owner", owner,
                    NULL);
      crm_customers_page_end_reload (self);
    }

  crm_customers_page_update_state (self);
}

static void
crm_customers_page_filter_changed_cb (CrmCustomersPage *self,
                                      GParamSpec       *pspec,
                                      GtkDropDown      *dropdown)
{
  if (self->updating_filters > 0)
    return;

  crm_customers_page_apply_filters (self);
}

static void
crm_customers_page_filter_popover_show_cb (CrmCustomersPage *self,
                                           GtkPopover       *popover)
{
  /* Owners are not a model of the store: read them when they are shown. */
  crm_customers_page_rebuild_owners (self);
}

static void
crm_customers_page_clear_filters (CrmCustomersPage *self)
{
  GtkDropDown *dropdowns[] = {
    self->industry_dropdown, self->tier_dropdown, self->type_dropdown,
    self->tag_dropdown, self->review_dropdown, self->owner_dropdown,
  };

  self->updating_filters++;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    gtk_drop_down_set_selected (dropdowns[i], 0);
  self->updating_filters--;

  crm_customers_page_apply_filters (self);
}

static void
crm_customers_page_industries_changed_cb (CrmCustomersPage *self,
                                          guint             position,
                                          guint             removed,
                                          guint             added,
                                          GListModel       *industries)
{
  crm_customers_page_rebuild_industries (self);
}

static void
crm_customers_page_tags_changed_cb (CrmCustomersPage *self,
                                    guint             position,
                                    guint             removed,
                                    guint             added,
                                    GListModel       *tags)
{
  crm_customers_page_rebuild_tags (self);
}

/* Signals of the template ------------------------------------------------ */

static void
crm_customers_page_search_changed_cb (CrmCustomersPage *self,
                                      GtkSearchEntry   *entry)
{
  if (self->list != NULL)
    {
      crm_customers_page_begin_reload (self);
      crm_customer_list_set_search_text (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
      crm_customers_page_end_reload (self);
    }

  crm_customers_page_update_state (self);
}

static void
crm_customers_page_stop_search_cb (CrmCustomersPage *self,
                                   GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
crm_customers_page_activate_cb (CrmCustomersPage *self,
                                guint             position,
                                GtkColumnView    *column_view)
{
  gtk_single_selection_set_selected (self->selection, position);

  if (adw_leaflet_get_folded (self->leaflet) && self->selected_id > 0)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
crm_customers_page_update_back_action (CrmCustomersPage *self,
                                       GParamSpec       *pspec,
                                       AdwLeaflet       *leaflet)
{
  crm_customers_page_update_actions (self);
}

static void
crm_customers_page_folded_cb (CrmCustomersPage *self,
                              GParamSpec       *pspec,
                              AdwLeaflet       *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  /* Folded, the list is all there is: one click opens a customer, as on a
   * phone. Side by side, a click selects and the detail follows. */
  gtk_column_view_set_single_click_activate (self->column_view, folded);

  if (folded && self->selected_id == 0)
    crm_customers_page_show_list (self);

  crm_customers_page_update_actions (self);
}

/* Actions --------------------------------------------------------------- */

static void
crm_customers_page_editor_saved_cb (CrmCustomersPage *self,
                                    gint64            customer_id,
                                    GtkWidget        *editor)
{
  /* The new customer is what the user wants to see next, if the search
   * and the filters let it be listed. */
  crm_customers_page_select_customer (self, customer_id);
}

static void
crm_customers_page_new_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *editor;

  if (self->store == NULL)
    return;

  editor = crm_customer_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, 0);
  g_signal_connect_object (editor, "saved",
                           G_CALLBACK (crm_customers_page_editor_saved_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
crm_customers_page_search_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  crm_customers_page_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
crm_customers_page_back_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  crm_customers_page_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
crm_customers_page_delete_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  if (self->selected_id == 0)
    return;

  /* The detail shows the selected customer and owns deleting it, with
   * the toast that undoes it. */
  gtk_widget_activate_action (GTK_WIDGET (self->detail), "customer.delete", NULL);
}

static void
crm_customers_page_clear_filters_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  crm_customers_page_clear_filters (CRM_CUSTOMERS_PAGE (widget));
}

static void
crm_customers_page_reset_filters_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* Not waiting for the entry's delay: the user asked for the list back. */
  if (self->list != NULL)
    {
      crm_customers_page_begin_reload (self);
      crm_customer_list_set_search_text (self->list, NULL);
      crm_customers_page_end_reload (self);
    }
  crm_customers_page_clear_filters (self);
}

/* GObject --------------------------------------------------------------- */

static void
crm_customers_page_disconnect_store (CrmCustomersPage *self)
{
  if (self->store == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->store, self);
  g_signal_handlers_disconnect_by_data (crm_customer_store_list_industries (self->store), self);
  g_signal_handlers_disconnect_by_data (crm_customer_store_list_tags (self->store), self);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
}

static void
crm_customers_page_dispose (GObject *object)
{
  CrmCustomersPage *self = (CrmCustomersPage *)object;

  if (self->column_view != NULL)
    crm_customers_page_disconnect_store (self);

  /* The bin's child is a template child too: disposing the template
   * unparents it behind AdwBin's back, which would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CUSTOMERS_PAGE);

  g_clear_object (&self->store);
  g_clear_pointer (&self->industry_ids, g_array_unref);
  g_clear_pointer (&self->tag_ids, g_array_unref);
  g_clear_pointer (&self->owners, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_customers_page_parent_class)->dispose (object);
}

static void
crm_customers_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customers_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_customers_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customers_page_class_init (CrmCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customers_page_dispose;
  object_class->get_property = crm_customers_page_get_property;
  object_class->set_property = crm_customers_page_set_property;

  widget_class->realize = crm_customers_page_realize;
  widget_class->unrealize = crm_customers_page_unrealize;

  /**
   * CrmCustomersPage:store:
   *
   * The customers to list, or %NULL when no database is open; the page
   * is then empty and insensitive.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_CUSTOMER_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * CrmCustomersPage:selected-id:
   *
   * The customer selected in the list and shown in the detail, or 0.
   */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, new_button_content);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, detail);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, industry_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, review_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, owner_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_update_back_action);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_filter_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "customers.new", NULL, crm_customers_page_new_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, crm_customers_page_search_action);
  gtk_widget_class_install_action (widget_class, "customers.back", NULL, crm_customers_page_back_action);
  gtk_widget_class_install_action (widget_class, "customers.delete", NULL, crm_customers_page_delete_action);
  gtk_widget_class_install_action (widget_class, "customers.clear-filters", NULL, crm_customers_page_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "customers.reset-filters", NULL, crm_customers_page_reset_filters_action);

  /* Local to the page: Delete in the search entry deletes text, Escape
   * in it stops the search. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "customers.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "customers.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customers.back", NULL);
}

static void
crm_customers_page_init (CrmCustomersPage *self)
{
  GtkEventController *shortcuts;

  g_type_ensure (CRM_TYPE_CUSTOMER_DETAIL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->industry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owners = g_ptr_array_new_with_free_func (g_free);
  self->sort = CRM_CUSTOMER_SORT_NAME;
  self->width_class = WIDTH_WIDE;
  self->pending_width_class = WIDTH_WIDE;

  crm_customers_page_add_columns (self);

  /* Long lists of industries, tags and owners can be searched. */
  {
    GtkDropDown *searchable[] = { self->industry_dropdown, self->tag_dropdown, self->owner_dropdown };

    for (guint i = 0; i < G_N_ELEMENTS (searchable); i++)
      {
        gtk_drop_down_set_expression (searchable[i],
                                      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
        gtk_drop_down_set_enable_search (searchable[i], TRUE);
      }
  }

  crm_customers_page_fill_fixed_dropdowns (self);
  crm_customers_page_rebuild_industries (self);
  crm_customers_page_rebuild_tags (self);
  crm_customers_page_rebuild_owners (self);

  /* No key capture from the list into the search entry: the entry would
   * take Enter, Delete and Escape too, which open, delete and go back
   * here. Ctrl+F searches. */

  /* Ctrl+F works wherever the focus is in the window, but only while the
   * page is shown: a managed controller skips unmapped widgets. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("customers.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->list_scroller),
                           "notify::page-size",
                           G_CALLBACK (crm_customers_page_list_width_cb),
                           self, G_CONNECT_SWAPPED);

  crm_customers_page_set_store (self, NULL);
  crm_customers_page_update_state (self);
  crm_customers_page_update_actions (self);
}

/**
 * crm_customers_page_new:
 *
 * Returns: (transfer floating): a page without customers until it gets a
 *   store
 */
GtkWidget *
crm_customers_page_new (void)
{
  return g_object_new (CRM_TYPE_CUSTOMERS_PAGE, NULL);
}

/**
 * crm_customers_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store listed
 */
CrmCustomerStore *
crm_customers_page_get_store (CrmCustomersPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), NULL);

  return self->store;
}

/**
 * crm_customers_page_set_store:
 * @store: (nullable): the customers to list, or %NULL for none
 *
 * Lists the customers of @store, with the search and the filters cleared:
 * a store of another database has other industries, tags and owners.
 */
void
crm_customers_page_set_store (CrmCustomersPage *self,
                              CrmCustomerStore *store)
{
  gboolean changed;

  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));
  g_return_if_fail (store == NULL || CRM_IS_CUSTOMER_STORE (store));

  changed = self->store != store;
  if (!changed && store != NULL)
    return;

  crm_customers_page_disconnect_store (self);
  g_set_object (&self->store, store);

  self->selected_id = 0;
  self->total = 0;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (store != NULL)
    {
      /* Before the list connects its own handler, which reloads it. */
      g_signal_connect_object (store, "changed",
                               G_CALLBACK (crm_customers_page_store_changing_cb),
                               self, G_CONNECT_SWAPPED);

      self->list = crm_customer_list_new (store);
      crm_customer_list_set_sort (self->list, self->sort, self->sort_descending);

      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

      g_signal_connect_object (self->list, "notify::n-items",
                               G_CALLBACK (crm_customers_page_n_items_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->selection, "notify::selected",
                               G_CALLBACK (crm_customers_page_selection_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed",
                               G_CALLBACK (crm_customers_page_store_changed_cb),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (crm_customer_store_list_industries (store), "items-changed",
                               G_CALLBACK (crm_customers_page_industries_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (crm_customer_store_list_tags (store), "items-changed",
                               G_CALLBACK (crm_customers_page_tags_changed_cb),
                               self, G_CONNECT_SWAPPED);

      self->total = crm_customer_store_count (store);
    }

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  crm_customer_detail_set_store (self->detail, store);
  crm_customer_detail_set_customer_id (self->detail, 0);

  self->updating_filters++;
  crm_customers_page_rebuild_industries (self);
  crm_customers_page_rebuild_tags (self);
  crm_customers_page_rebuild_owners (self);
  self->updating_filters--;
  crm_customers_page_clear_filters (self);

  crm_customers_page_show_list (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);
  crm_customers_page_update_state (self);
  crm_customers_page_update_actions (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * crm_customers_page_get_selected_id:
 *
 * Returns: the customer shown in the detail, or 0
 */
gint64
crm_customers_page_get_selected_id (CrmCustomersPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), 0);

  return self->selected_id;
}

/**
 * crm_customers_page_select_customer:
 * @customer_id: a customer
 *
 * Selects the customer and shows it in the detail, if the search and the
 * filters let it be listed.
 *
 * Returns: %TRUE when it is selected
 */
gboolean
crm_customers_page_select_customer (CrmCustomersPage *self,
                                    gint64            customer_id)
{
  guint position;

  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;

  position = crm_customer_list_find (self->list, customer_id);
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);

  /* GTK 4.8 has no gtk_column_view_scroll_to(); its inner list view has
   * an action that does it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }

  return TRUE;
}
