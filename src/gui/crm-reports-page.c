/* crm-reports-page.c — figures, charts, notes and printing of analysis reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The manager picks a period and a segment, reads the figures and charts,
 * writes a conclusion per section and the execution plan (each edit one
 * undoable action), previews the pages, prints them through the system
 * dialog or saves them as PDF. Preview, print and PDF all draw the
 * CrmReportDocument of src/core, so they show the same pages.
 */

#define G_LOG_DOMAIN "crm-reports-page"

#include <glib/gi18n.h>

#include "crm-report-make.h"
#include "crm-reports-page-private.h"
#include "crm-window.h"

G_DEFINE_FINAL_TYPE (CrmReportsPage, crm_reports_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many quarters back the period list goes. */
#define N_QUARTERS 8

static void crm_reports_page_segment_selected_cb (CrmReportsPage *self);

void
crm_reports_page_show_error (CrmReportsPage *self,
                             const GError   *error)
{
  CrmWindow *window = CRM_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), CRM_TYPE_WINDOW));
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  if (window != NULL)
    crm_window_add_toast (window, adw_toast_new (escaped));
  else
    g_warning ("%s", error->message);
}

static void
fill_periods (CrmReportsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CrmPeriod period;
  int year = g_date_time_get_year (now);

  crm_period_init_current_quarter (&period, now);
  for (guint i = 0; i < N_QUARTERS; i++)
    {
      g_autofree char *label = crm_period_get_label (&period);
      CrmPeriod previous;

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->period_keys, g_strdup (period.key));
      crm_period_previous (&period, &previous);
      period = previous;
    }

  for (int y = year; y >= year - 1; y--)
    {
      g_autofree char *key = g_strdup_printf ("%d", y);
      /* Translators: a whole year as a report period, e.g. "Year 2026". */
      g_autofree char *label = g_strdup_printf (_("Year %d"), y);

      crm_period_parse (&period, key, NULL);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->period_keys, g_strdup (period.key));
    }

  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
  crm_period_parse (&self->period, g_ptr_array_index (self->period_keys, 0), NULL);
}

static void
fill_segments (CrmReportsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *current = crm_segment_to_key (&self->segment);
  static const CrmTier tiers[] = { CRM_TIER_S, CRM_TIER_A, CRM_TIER_B, CRM_TIER_C };
  guint selected = 0;

  g_ptr_array_set_size (self->segment_keys, 0);
  gtk_string_list_append (labels, _("All customers"));
  g_ptr_array_add (self->segment_keys, g_strdup (""));

  if (self->store != NULL)
    {
      GListModel *industries = crm_customer_store_list_industries (self->store);
      g_auto(GStrv) owners = crm_customer_store_list_owners (self->store);

      for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
        {
          g_autoptr(CrmIndustry) industry = g_list_model_get_item (industries, i);
          /* Translators: a report segment: the customers of one industry. */
          g_autofree char *label = g_strdup_printf (_("Industry: %s"), crm_industry_get_name (industry));

          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->segment_keys,
                           g_strdup_printf ("industry:%" G_GINT64_FORMAT, crm_industry_get_id (industry)));
        }

      for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
        {
          /* Translators: a report segment: the customers of one tier. */
          g_autofree char *label = g_strdup_printf (_("Tier: %s"), crm_tier_get_label (tiers[i]));

          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->segment_keys, g_strdup_printf ("tier:%s", crm_tier_to_string (tiers[i])));
        }

      for (guint i = 0; owners != NULL && owners[i] != NULL; i++)
        {
          /* Translators: a report segment: the customers of one account manager. */
          g_autofree char *label = g_strdup_printf (_("Owner: %s"), owners[i]);

          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->segment_keys, g_strdup_printf ("owner:%s", owners[i]));
        }
    }

  for (guint i = 0; i < self->segment_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->segment_keys, i), current) == 0)
      selected = i;

  /* The segment's industry or owner is gone: every customer instead. */
  if (selected == 0 && *current != '\0')
    crm_segment_clear (&self->segment);

  g_signal_handlers_block_by_func (self->segment_dropdown, crm_reports_page_segment_selected_cb, self);
  gtk_drop_down_set_model (self->segment_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->segment_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->segment_dropdown, crm_reports_page_segment_selected_cb, self);
}

/* The report changed (figures, notes, masking): the pages are made again
 * when next needed. */
void
crm_reports_page_notes_changed (CrmReportsPage *self)
{
  g_clear_object (&self->document);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
  if (gtk_widget_get_mapped (GTK_WIDGET (self->preview_area)))
    crm_reports_page_get_document (self);
  crm_reports_page_update_preview_label (self);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GWeakRef, weak_ref_free)

static void
figures_computed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GWeakRef) ref = user_data;
  g_autoptr(CrmReportsPage) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFigureSet) figures = crm_figure_set_compute_finish (result, &error);

  /* The page is gone, or a newer request replaced this one. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  g_set_object (&self->figures, figures);
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  crm_reports_page_show_figures (self);
}

/* The figures are computed in a worker thread on a connection of its
 * own; until they arrive the old ones stay, without Print. */
static void
refresh (CrmReportsPage *self)
{
  CrmDatabase *database = crm_reports_page_get_database (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (database == NULL)
    {
      g_clear_object (&self->figures);
      crm_reports_page_show_figures (self);
      return;
    }

  self->refresh_pending = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->refresh_pending)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", FALSE);
  {
    /* Weak: a page closed meanwhile must not be kept alive (with its
     * store and journal) by the worker. */
    GWeakRef *ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (ref, self);
    crm_figure_set_compute_async (crm_database_get_path (database), &self->period, &self->segment,
                                  self->cancellable, figures_computed_cb, ref);
  }
}

static gboolean
refresh_idle (gpointer user_data)
{
  CrmReportsPage *self = user_data;

  self->refresh_id = 0;
  /* Customers changed: an industry or an owner may have come or gone. */
  fill_segments (self);
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (CrmReportsPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

static void
crm_reports_page_period_selected_cb (CrmReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (selected >= self->period_keys->len)
    return;

  /* Notes typed for the old period are saved with it. */
  crm_reports_page_flush_notes (self);
  crm_period_parse (&self->period, g_ptr_array_index (self->period_keys, selected), NULL);
  crm_reports_page_load_notes (self);
  schedule_refresh (self);
}

static void
crm_reports_page_segment_selected_cb (CrmReportsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->segment_dropdown);

  if (selected >= self->segment_keys->len)
    return;

  crm_reports_page_flush_notes (self);
  crm_segment_parse (&self->segment, g_ptr_array_index (self->segment_keys, selected));
  crm_reports_page_load_notes (self);
  schedule_refresh (self);
}

static void
crm_reports_page_view_changed_cb (CrmReportsPage *self)
{
  /* Leaving the notes saves what was typed, so the preview shows it. */
  crm_reports_page_flush_notes (self);
  crm_reports_page_update_preview_label (self);
}

static void
add_plan_item_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  crm_reports_page_add_plan_item (CRM_REPORTS_PAGE (widget));
}

/* Store and journal --------------------------------------------------------- */

static void
on_store_changed (CrmReportsPage *self)
{
  /* Our own notes change no figure. */
  if (self->saving)
    return;

  schedule_refresh (self);
}

static void
on_journal_changed (CrmReportsPage *self)
{
  /* Our own edits are already on screen; an undo or redo is not. */
  if (self->saving)
    return;

  crm_reports_page_load_notes (self);
  crm_reports_page_notes_changed (self);
}

static void
on_mask_changed (CrmReportsPage *self)
{
  crm_reports_page_notes_changed (self);
}

/**
 * crm_reports_page_set_store:
 * @self: a #CrmReportsPage
 * @store: (nullable): the customers (and through them the database and
 *   its journal), or %NULL
 */
void
crm_reports_page_set_store (CrmReportsPage   *self,
                            CrmCustomerStore *store)
{
  g_return_if_fail (CRM_IS_REPORTS_PAGE (self));
  g_return_if_fail (store == NULL || CRM_IS_CUSTOMER_STORE (store));

  if (self->store == store)
    return;

  crm_reports_page_flush_notes (self);
  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
  g_signal_group_set_target (self->journal_signals, store != NULL ? crm_customer_store_get_journal (store) : NULL);

  fill_segments (self);
  crm_reports_page_load_notes (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static gboolean
select_key (GtkDropDown *dropdown,
            GPtrArray   *keys,
            const char  *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (keys, i), key) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }

  return FALSE;
}

/**
 * crm_reports_page_set_period:
 * @self: a #CrmReportsPage
 * @period_key: a period as crm_period_parse() reads it
 *
 * Selects the period, also one that the period list does not offer.
 *
 * Returns: %TRUE when @period_key is a period
 */
gboolean
crm_reports_page_set_period (CrmReportsPage *self,
                             const char     *period_key)
{
  CrmPeriod period;

  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), FALSE);

  if (!crm_period_parse (&period, period_key, NULL))
    return FALSE;

  if (!select_key (self->period_dropdown, self->period_keys, period.key))
    {
      g_autofree char *label = crm_period_get_label (&period);

      g_ptr_array_add (self->period_keys, g_strdup (period.key));
      gtk_string_list_append (GTK_STRING_LIST (gtk_drop_down_get_model (self->period_dropdown)), label);
      select_key (self->period_dropdown, self->period_keys, period.key);
    }

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);

  return TRUE;
}

/* Returns: %TRUE when @segment_key is one of the listed segments. */
gboolean
crm_reports_page_set_segment (CrmReportsPage *self,
                              const char     *segment_key)
{
  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), FALSE);

  if (!select_key (self->segment_dropdown, self->segment_keys, segment_key))
    return FALSE;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);

  return TRUE;
}

/* Returns: %TRUE while figures are being computed */
gboolean
crm_reports_page_is_busy (CrmReportsPage *self)
{
  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), FALSE);

  return self->cancellable != NULL || self->refresh_id != 0;
}

/* Returns: (transfer none) (nullable): the figures shown */
CrmFigureSet *
crm_reports_page_get_figures (CrmReportsPage *self)
{
  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), NULL);

  return self->figures;
}

/**
 * crm_reports_page_get_document:
 * @self: a #CrmReportsPage
 *
 * The report as previewed, printed and saved, with the notes typed so
 * far and masking as set in Preferences.
 *
 * Returns: (transfer none) (nullable): the report, or %NULL without a
 *   database or while the first figures are computed
 */
CrmReportDocument *
crm_reports_page_get_document (CrmReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  CrmDatabase *database;

  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), NULL);

  database = crm_reports_page_get_database (self);
  if (self->document != NULL || database == NULL || self->figures == NULL)
    return self->document;

  crm_reports_page_flush_notes (self);
  self->document = crm_report_make_with_figures (database, self->figures,
                                                 g_settings_get_boolean (self->settings, "mask-personal-data"),
                                                 &error);
  if (self->document == NULL)
    crm_reports_page_show_error (self, error);
  crm_reports_page_update_preview_label (self);

  return self->document;
}

/* Object -------------------------------------------------------------------- */

static void
crm_reports_page_dispose (GObject *object)
{
  CrmReportsPage *self = (CrmReportsPage *)object;

  crm_reports_page_flush_notes (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->journal_signals != NULL)
    g_signal_group_set_target (self->journal_signals, NULL);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REPORTS_PAGE);

  g_clear_object (&self->figures);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->journal_signals);
  g_clear_object (&self->store_signals);
  g_clear_pointer (&self->period_keys, g_ptr_array_unref);
  g_clear_pointer (&self->segment_keys, g_ptr_array_unref);
  g_clear_pointer (&self->plan_rows, g_ptr_array_unref);
  crm_segment_clear (&self->segment);

  G_OBJECT_CLASS (crm_reports_page_parent_class)->dispose (object);
}

static void
crm_reports_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_reports_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_reports_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_reports_page_map (GtkWidget *widget)
{
  CrmReportsPage *self = CRM_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (crm_reports_page_parent_class)->map (widget);

  if (self->refresh_pending)
    refresh (self);
}

static void
crm_reports_page_class_init (CrmReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_reports_page_dispose;
  widget_class->map = crm_reports_page_map;
  object_class->get_property = crm_reports_page_get_property;
  object_class->set_property = crm_reports_page_set_property;

  /**
   * CrmReportsPage:store:
   *
   * The customers to report on, or %NULL when no database is open.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_CUSTOMER_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, notes_box);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, plan_error);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, preview_area);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, preview_label);
  gtk_widget_class_bind_template_child (widget_class, CrmReportsPage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, crm_reports_page_period_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_reports_page_segment_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_reports_page_view_changed_cb);

  gtk_widget_class_install_action (widget_class, "reports.print", NULL, crm_reports_page_print_action);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", NULL, crm_reports_page_save_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.previous-page", NULL, crm_reports_page_turn_page_action);
  gtk_widget_class_install_action (widget_class, "reports.next-page", NULL, crm_reports_page_turn_page_action);
  gtk_widget_class_install_action (widget_class, "reports.add-plan-item", NULL, add_plan_item_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "reports.print", NULL);
}

static void
crm_reports_page_init (CrmReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->period_keys = g_ptr_array_new_with_free_func (g_free);
  self->segment_keys = g_ptr_array_new_with_free_func (g_free);
  self->plan_rows = g_ptr_array_new ();
  crm_segment_init_all (&self->segment);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::mask-personal-data",
                           G_CALLBACK (on_mask_changed), self, G_CONNECT_SWAPPED);

  self->store_signals = g_signal_group_new (CRM_TYPE_CUSTOMER_STORE);
  g_signal_group_connect_object (self->store_signals, "changed", G_CALLBACK (on_store_changed),
                                 self, G_CONNECT_SWAPPED);
  self->journal_signals = g_signal_group_new (CRM_TYPE_JOURNAL);
  g_signal_group_connect_object (self->journal_signals, "changed", G_CALLBACK (on_journal_changed),
                                 self, G_CONNECT_SWAPPED);

  gtk_drawing_area_set_draw_func (self->preview_area, crm_reports_page_draw_preview, self, NULL);

  /* Before the lists: selecting a period loads its notes. */
  crm_reports_page_init_notes (self);
  fill_periods (self);
  fill_segments (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  crm_reports_page_update_preview_label (self);
}

GtkWidget *
crm_reports_page_new (void)
{
  return g_object_new (CRM_TYPE_REPORTS_PAGE, NULL);
}
