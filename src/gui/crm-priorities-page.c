/* crm-priorities-page.c — the priorities page: matrices and the ranked list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One CrmPriorityModel feeds both halves of the page: the matrix places
 * its entries in cells, the ranked list shows its rows in rank order
 * (crm_priority_compare(), whose rule the list's caption states). The
 * search entry and the filter popover set the model's filter; the view
 * buttons switch the matrix between the quadrant, value–cost and MoSCoW
 * views.
 */

#include <glib/gi18n.h>

#include "crm-priorities-page.h"
#include "crm-ranked-row.h"
#include "crm-requirement-editor.h"
#include "crm-requirement-filter-box.h"
#include "crm-window.h"

struct _CrmPrioritiesPage
{
  AdwBin               parent_instance;

  CrmRequirementStore *store;
  CrmPriorityModel    *model;
  /* The store came while the page was hidden: its model is built when
   * the page first shows, not at start-up. */
  gboolean             load_pending;

  /* Template widgets */
  GtkToggleButton     *quadrant_button;
  GtkToggleButton     *value_cost_button;
  GtkToggleButton     *moscow_button;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  CrmRequirementFilterBox *filter_box;
  CrmPriorityMatrix   *matrix;
  GtkLabel            *unplaced_label;
  GtkListView         *ranked_view;
  AdwFlap             *flap;
};

G_DEFINE_FINAL_TYPE (CrmPrioritiesPage, crm_priorities_page, ADW_TYPE_BIN)

/* The ranked list ---------------------------------------------------------- */

static void
ranked_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_list_item_set_child (item, crm_ranked_row_new ());
}

static void
ranked_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  CrmRequirement *requirement = gtk_list_item_get_item (item);
  const char *due_on = crm_requirement_get_due_on (requirement);
  g_autofree char *rank = g_strdup_printf ("%u", gtk_list_item_get_position (item) + 1);
  g_autofree char *details = NULL;
  int kano = CRM_KANO_NONE;

  g_object_get (requirement, "kano", &kano, NULL);

  if (due_on != NULL)
    /* Translators: a row of the ranked list: importance, urgency, due
     * date, e.g. "I 5 · U 4 · due 2024-03-01". */
    details = g_strdup_printf (_("I %d · U %d · due %s"),
                               crm_requirement_get_importance (requirement),
                               crm_requirement_get_urgency (requirement), due_on);
  else
    /* Translators: a row of the ranked list without a due date. */
    details = g_strdup_printf (_("I %d · U %d · no due date"),
                               crm_requirement_get_importance (requirement),
                               crm_requirement_get_urgency (requirement));
  if (kano != CRM_KANO_NONE)
    {
      char *with_kano = g_strdup_printf ("%s · %s", details,
                                         crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_KANO, kano));

      g_free (details);
      details = with_kano;
    }

  crm_ranked_row_set_text (CRM_RANKED_ROW (gtk_list_item_get_child (item)),
                           rank, crm_requirement_get_title (requirement), details);
}

/* Opening a requirement ----------------------------------------------------- */

static void
open_requirement (CrmPrioritiesPage *self,
                  gint64             id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(CrmRequirement) requirement = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  if (self->store == NULL)
    return;

  /* The model's rows carry only what the page shows: the editor gets the
   * whole record. */
  requirement = crm_requirement_store_get (self->store, id, &error);
  if (requirement == NULL)
    {
      if (CRM_IS_WINDOW (root))
        crm_window_add_toast (CRM_WINDOW (root), adw_toast_new (error->message));
      return;
    }

  editor = crm_requirement_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store,
                                       CRM_IS_WINDOW (root) ? crm_window_get_customer_store (CRM_WINDOW (root)) : NULL,
                                       requirement, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
crm_priorities_page_open_requested_cb (CrmPrioritiesPage *self,
                                       gint64             id)
{
  open_requirement (self, id);
}

static void
crm_priorities_page_ranked_activate_cb (CrmPrioritiesPage *self,
                                        guint              position)
{
  g_autoptr(CrmRequirement) requirement = NULL;

  if (self->model == NULL)
    return;

  requirement = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (requirement != NULL)
    open_requirement (self, crm_requirement_get_id (requirement));
}

/* Filters and views ---------------------------------------------------------- */

static void
update_unplaced (CrmPrioritiesPage *self)
{
  CrmPriorityView view = crm_priority_matrix_get_view (self->matrix);
  const CrmPriorityEntry *entries;
  guint n_entries = 0;
  guint unplaced = 0;

  if (self->model != NULL)
    {
      entries = crm_priority_model_get_entries (self->model, &n_entries);
      for (guint i = 0; i < n_entries; i++)
        {
          guint row, column;

          if (!crm_priority_cell_of (view, &entries[i].scores, &row, &column))
            unplaced++;
        }
    }

  if (unplaced > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: under the value–cost matrix. */
      text = g_strdup_printf (ngettext ("%u requirement without both a value and a cost estimate is not on this matrix; it is in the ranked list.",
                                        "%u requirements without both a value and a cost estimate are not on this matrix; they are in the ranked list.",
                                        unplaced),
                              unplaced);
      gtk_label_set_label (self->unplaced_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_label), unplaced > 0);
}

static void
crm_priorities_page_filters_changed_cb (CrmPrioritiesPage *self)
{
  CrmPriorityFilter filter;

  crm_requirement_filter_box_get_filter (self->filter_box, &filter);
  filter.board.search_text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (crm_requirement_filter_box_is_default (self->filter_box))
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "suggested-action");

  if (self->model != NULL)
    crm_priority_model_set_filter (self->model, &filter);
}

static void
crm_priorities_page_view_toggled_cb (CrmPrioritiesPage *self,
                                     GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->value_cost_button)
    crm_priority_matrix_set_view (self->matrix, CRM_PRIORITY_VIEW_VALUE_COST);
  else if (button == self->moscow_button)
    crm_priority_matrix_set_view (self->matrix, CRM_PRIORITY_VIEW_MOSCOW);
  else
    crm_priority_matrix_set_view (self->matrix, CRM_PRIORITY_VIEW_QUADRANT);

  update_unplaced (self);
}

/* In a narrow window the ranked list folds over the matrix: it starts
 * hidden there, and its button shows it. */
static void
crm_priorities_page_folded_cb (CrmPrioritiesPage *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void crm_priorities_page_load (CrmPrioritiesPage *self);

static void
crm_priorities_page_map (GtkWidget *widget)
{
  CrmPrioritiesPage *self = CRM_PRIORITIES_PAGE (widget);

  GTK_WIDGET_CLASS (crm_priorities_page_parent_class)->map (widget);

  if (self->load_pending)
    crm_priorities_page_load (self);

  /* A window that opens narrow has folded the flap before it showed. */
  crm_priorities_page_folded_cb (self);
}

/* GObject --------------------------------------------------------------------- */

static void
crm_priorities_page_dispose (GObject *object)
{
  CrmPrioritiesPage *self = (CrmPrioritiesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_PRIORITIES_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_priorities_page_parent_class)->dispose (object);
}

static void
crm_priorities_page_class_init (CrmPrioritiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_priorities_page_dispose;
  widget_class->map = crm_priorities_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-priorities-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, quadrant_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, value_cost_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, moscow_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, matrix);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, unplaced_label);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, ranked_view);
  gtk_widget_class_bind_template_child (widget_class, CrmPrioritiesPage, flap);
  gtk_widget_class_bind_template_callback (widget_class, crm_priorities_page_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_priorities_page_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_priorities_page_open_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_priorities_page_ranked_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_priorities_page_folded_cb);
}

static void
crm_priorities_page_init (CrmPrioritiesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_type_ensure (CRM_TYPE_PRIORITY_MATRIX);
  g_type_ensure (CRM_TYPE_REQUIREMENT_FILTER_BOX);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (ranked_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (ranked_bind_cb), NULL);
  gtk_list_view_set_factory (self->ranked_view, factory);
}

GtkWidget *
crm_priorities_page_new (void)
{
  return g_object_new (CRM_TYPE_PRIORITIES_PAGE, NULL);
}

/**
 * crm_priorities_page_set_store:
 * @store: (nullable): the requirements to show; %NULL empties the page
 */
static void
crm_priorities_page_load (CrmPrioritiesPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->load_pending = FALSE;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_unplaced, self);
  g_clear_object (&self->model);
  if (self->store != NULL)
    {
      self->model = crm_priority_model_new (self->store);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_unplaced),
                               self, G_CONNECT_SWAPPED);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
    }
  crm_requirement_filter_box_set_store (self->filter_box, self->store);
  crm_priority_matrix_set_model (self->matrix, self->model);
  gtk_list_view_set_model (self->ranked_view, GTK_SELECTION_MODEL (selection));
  /* A new model shows the open requirements already: query again only
   * for filters the user set. */
  if (!crm_requirement_filter_box_is_default (self->filter_box) ||
      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    crm_priorities_page_filters_changed_cb (self);
  update_unplaced (self);
}

/**
 * crm_priorities_page_set_store:
 * @store: (nullable): the requirements to show; %NULL empties the page
 *
 * A hidden page only keeps @store: it reads the requirements when it
 * first shows, so that pages nobody looks at cost nothing at start-up.
 */
void
crm_priorities_page_set_store (CrmPrioritiesPage   *self,
                               CrmRequirementStore *store)
{
  g_return_if_fail (CRM_IS_PRIORITIES_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;

  if (store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Drop a model of the old store now; the new one comes on map. */
      if (self->model != NULL)
        g_signal_handlers_disconnect_by_func (self->model, update_unplaced, self);
      g_clear_object (&self->model);
      crm_priority_matrix_set_model (self->matrix, NULL);
      gtk_list_view_set_model (self->ranked_view, NULL);
      self->load_pending = TRUE;
      return;
    }

  crm_priorities_page_load (self);
}

CrmPriorityMatrix *
crm_priorities_page_get_matrix (CrmPrioritiesPage *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITIES_PAGE (self), NULL);

  return self->matrix;
}

CrmPriorityModel *
crm_priorities_page_get_model (CrmPrioritiesPage *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITIES_PAGE (self), NULL);

  return self->model;
}

/**
 * crm_priorities_page_set_view:
 *
 * Shows matrix @view, as its button does.
 */
void
crm_priorities_page_set_view (CrmPrioritiesPage *self,
                              CrmPriorityView    view)
{
  g_return_if_fail (CRM_IS_PRIORITIES_PAGE (self));

  switch (view)
    {
    case CRM_PRIORITY_VIEW_QUADRANT:
      gtk_toggle_button_set_active (self->quadrant_button, TRUE);
      break;
    case CRM_PRIORITY_VIEW_VALUE_COST:
      gtk_toggle_button_set_active (self->value_cost_button, TRUE);
      break;
    case CRM_PRIORITY_VIEW_MOSCOW:
      gtk_toggle_button_set_active (self->moscow_button, TRUE);
      break;
    default:
      g_return_if_reached ();
    }
}
