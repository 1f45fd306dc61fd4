/* crm-customers-page.c — the list of customers beside one customer's detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The list is a CrmCustomerList shown as it is: it searches, filters and
 * sorts in SQL and loads only the rows on screen. Its columns, and how
 * their headers sort it, are in crm-customers-page-columns.c; its filters
 * are in crm-customers-page-filters.c.
 */

#include <glib/gi18n.h>

#include "crm-customer-editor.h"
#include "crm-customers-page-private.h"

G_DEFINE_FINAL_TYPE (CrmCustomersPage, crm_customers_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* State ----------------------------------------------------------------- */

static gboolean
crm_customers_page_is_searching (CrmCustomersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text != NULL && *text != '\0') || crm_customers_page_count_filters (self) > 0;
}

void
crm_customers_page_update_state (CrmCustomersPage *self)
{
  guint n_items = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint n_filters = crm_customers_page_count_filters (self);
  /* A broad search shows its first rows before it has counted the rest
   * (a few milliseconds later): the count waits for the whole answer. */
  gboolean complete = self->list == NULL || crm_customer_list_is_complete (self->list);
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->page_stack,
                                    self->store != NULL && self->total > 0 ? "main" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 || !complete ? "list" : "no-results");
  crm_customers_page_update_filter_button (self, n_filters);

  if (!complete)
    return;

  if (crm_customers_page_is_searching (self))
    /* Translators: how many customers the search and filters leave, of all. */
    count = g_strdup_printf (ngettext ("%u of %u customer", "%u of %u customers", self->total),
                             n_items, self->total);
  else
    count = g_strdup_printf (ngettext ("%u customer", "%u customers", n_items), n_items);
  gtk_label_set_text (self->count_label, count);
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
void
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
void
crm_customers_page_begin_reload (CrmCustomersPage *self)
{
  self->restoring_selection++;

  if (self->selection != NULL &&
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
crm_customers_page_end_reload (CrmCustomersPage *self)
{
  guint found = G_MAXUINT;

  if (self->selected_id > 0 && self->list != NULL)
    found = crm_customer_list_find (self->list, self->selected_id);

  if (found != G_MAXUINT)
    gtk_single_selection_set_selected (self->selection, found);

  self->restoring_selection--;

  /* Gone, or hidden by the search: the detail follows the list. A broad
   * search that holds only its first rows yet looks again when it has
   * them all (crm_customers_page_complete_cb()). */
  if (found == G_MAXUINT && (self->list == NULL || crm_customer_list_is_complete (self->list)))
    crm_customers_page_show_customer (self, 0);
}

static void
crm_customers_page_complete_cb (CrmCustomersPage *self,
                                GParamSpec       *pspec,
                                CrmCustomerList  *list)
{
  if (crm_customer_list_is_complete (list))
    {
      crm_customers_page_begin_reload (self);
      crm_customers_page_end_reload (self);
    }

  crm_customers_page_update_state (self);
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
crm_customers_page_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (crm_customers_page_parent_class)->realize (widget);

  crm_customers_page_watch_layout (CRM_CUSTOMERS_PAGE (widget));
}

static void
crm_customers_page_unrealize (GtkWidget *widget)
{
  crm_customers_page_unwatch_layout (CRM_CUSTOMERS_PAGE (widget));

  GTK_WIDGET_CLASS (crm_customers_page_parent_class)->unrealize (widget);
}

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

static void scroll_to (CrmCustomersPage *self,
                       guint             position);

static void
crm_customers_page_map (GtkWidget *widget)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (widget);

  GTK_WIDGET_CLASS (crm_customers_page_parent_class)->map (widget);

  if (self->model_pending)
    {
      guint selected = gtk_single_selection_get_selected (self->selection);

      self->model_pending = FALSE;
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      if (selected != GTK_INVALID_LIST_POSITION)
        scroll_to (self, selected);
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
  widget_class->map = crm_customers_page_map;
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

  g_type_ensure (CRM_TYPE_AGENDA_VIEW);
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
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, agenda_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, agenda_view);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_agenda_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_customers_page_agenda_activated_cb);
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

  crm_customers_page_setup_filters (self);

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

  crm_customers_page_track_list_width (self);

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
      g_signal_connect_object (self->list, "notify::complete",
                               G_CALLBACK (crm_customers_page_complete_cb),
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

  /* GTK 4.8 builds a long list's first rows as soon as it has a model,
   * mapped or not: a hidden page leaves that to its first showing. */
  self->model_pending = self->selection != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self));
  gtk_column_view_set_model (self->column_view,
                             self->model_pending ? NULL : GTK_SELECTION_MODEL (self->selection));

  crm_customer_detail_set_store (self->detail, store);
  crm_customer_detail_set_customer_id (self->detail, 0);
  crm_agenda_view_set_store (self->agenda_view, store);

  self->updating_filters++;
  crm_customers_page_rebuild_filter_choices (self);
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

static void
scroll_to (CrmCustomersPage *self,
           guint             position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(); its inner list view has
   * an action that does it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }
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
  scroll_to (self, position);

  return TRUE;
}
