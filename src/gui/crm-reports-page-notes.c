/* crm-reports-page-notes.c — the conclusions and execution plan on the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A conclusion is saved a moment after typing stops, when its text loses
 * focus, and before anything reads it (preview, print, PDF, another
 * period); each save is one undoable action. A plan field is saved when
 * the user applies it (Enter or the row's apply button). A save that is
 * refused keeps the text as typed and says why under it.
 */

#define G_LOG_DOMAIN "crm-reports-page"

#include <glib/gi18n.h>

#include "crm-reports-page-private.h"

/* Typing pauses this long before a conclusion is saved. */
#define SAVE_DELAY_MS 800

static CrmJournal *
get_journal (CrmReportsPage *self)
{
  return self->store != NULL ? crm_customer_store_get_journal (self->store) : NULL;
}

static CrmReportSection
buffer_section (CrmReportsPage *self,
                GtkTextBuffer  *buffer)
{
  for (guint i = 0; i < CRM_REPORT_N_SECTIONS; i++)
    if (self->buffers[i] == buffer)
      return i;

  return CRM_REPORT_N_SECTIONS;
}

static gboolean
save_section (CrmReportsPage   *self,
              CrmReportSection  section)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gboolean saved;

  g_clear_handle_id (&self->save_ids[section], g_source_remove);

  if (get_journal (self) == NULL)
    return FALSE;

  gtk_text_buffer_get_bounds (self->buffers[section], &start, &end);
  text = gtk_text_buffer_get_text (self->buffers[section], &start, &end, FALSE);

  self->saving = TRUE;
  saved = crm_report_notes_set_conclusion (get_journal (self), &self->period, &self->segment,
                                           section, text, &error);
  self->saving = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->buffer_errors[section]), !saved);
  if (!saved)
    {
      gtk_label_set_text (self->buffer_errors[section], error->message);
      return FALSE;
    }

  crm_reports_page_notes_changed (self);

  return TRUE;
}

static gboolean
save_section_timeout (gpointer user_data)
{
  GtkTextBuffer *buffer = user_data;
  CrmReportsPage *self = g_object_get_data (G_OBJECT (buffer), "crm-reports-page");
  CrmReportSection section = buffer_section (self, buffer);

  self->save_ids[section] = 0;
  save_section (self, section);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (GtkTextBuffer  *buffer,
                   CrmReportsPage *self)
{
  CrmReportSection section = buffer_section (self, buffer);

  g_clear_handle_id (&self->save_ids[section], g_source_remove);
  self->save_ids[section] = g_timeout_add (SAVE_DELAY_MS, save_section_timeout, buffer);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                CrmReportsPage          *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  CrmReportSection section = buffer_section (self, gtk_text_view_get_buffer (view));

  if (self->save_ids[section] != 0)
    save_section (self, section);
}

/**
 * crm_reports_page_flush_notes:
 * @self: a #CrmReportsPage
 *
 * Saves every conclusion typed but not saved yet.
 */
void
crm_reports_page_flush_notes (CrmReportsPage *self)
{
  for (guint i = 0; i < CRM_REPORT_N_SECTIONS; i++)
    if (self->save_ids[i] != 0)
      save_section (self, i);
}

/* Returns: %TRUE when every conclusion is saved (a refused one stays
 * unsaved, with its reason shown). */
gboolean
crm_reports_page_save_conclusions (CrmReportsPage *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; i < CRM_REPORT_N_SECTIONS; i++)
    if (self->save_ids[i] != 0 || gtk_widget_get_visible (GTK_WIDGET (self->buffer_errors[i])))
      ok &= save_section (self, i);

  return ok;
}

GtkTextBuffer *
crm_reports_page_get_conclusion_buffer (CrmReportsPage   *self,
                                        CrmReportSection  section)
{
  g_return_val_if_fail (CRM_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (section < CRM_REPORT_N_SECTIONS, NULL);

  return self->buffers[section];
}

void
crm_reports_page_init_notes (CrmReportsPage *self)
{
  for (guint i = 0; i < CRM_REPORT_N_SECTIONS; i++)
    {
      GtkWidget *heading = gtk_label_new (crm_report_section_get_title (i));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *error = gtk_label_new (NULL);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_widget_set_size_request (view, -1, 90);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, crm_report_section_get_title (i),
                                      -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);

      gtk_label_set_xalign (GTK_LABEL (error), 0);
      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_widget_add_css_class (error, "error");
      gtk_widget_set_visible (error, FALSE);

      self->buffers[i] = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      self->buffer_errors[i] = GTK_LABEL (error);
      g_object_set_data (G_OBJECT (self->buffers[i]), "crm-reports-page", self);
      g_signal_connect (self->buffers[i], "changed", G_CALLBACK (buffer_changed_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
      gtk_widget_add_controller (view, focus);

      gtk_box_append (self->notes_box, heading);
      gtk_box_append (self->notes_box, frame);
      gtk_box_append (self->notes_box, error);
    }
}

/* Plan --------------------------------------------------------------------- */

typedef enum
{
  FIELD_SEGMENT,
  FIELD_STRATEGY,
  FIELD_MEASURES,
  FIELD_OWNER,
  FIELD_DEADLINE,
  FIELD_EFFECT,
  N_FIELDS
} Field;

static const char *field_titles[N_FIELDS] = {
  N_("Segment"), N_("Strategy"), N_("Measures"), N_("Owner"), N_("Deadline"), N_("Expected effect"),
};

static char **
item_field (CrmPlanItem *item,
            Field        field)
{
  switch (field)
    {
    case FIELD_SEGMENT: return &item->segment;
    case FIELD_STRATEGY: return &item->strategy;
    case FIELD_MEASURES: return &item->measures;
    case FIELD_OWNER: return &item->owner;
    case FIELD_DEADLINE: return &item->deadline;
    case FIELD_EFFECT: return &item->expected_effect;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_row_title (AdwExpanderRow *row,
                  CrmPlanItem    *item)
{
  g_autofree char *subtitle = g_strjoin (" · ", item->owner != NULL ? item->owner : "",
                                         item->deadline != NULL ? item->deadline : "", NULL);
  g_autofree char *title = g_markup_escape_text (item->strategy != NULL && *item->strategy != '\0'
                                                 ? item->strategy : _("New item"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, g_strcmp0 (subtitle, " · ") == 0 ? "" : subtitle);
}

static void
entry_apply_cb (AdwEntryRow    *entry,
                CrmReportsPage *self)
{
  AdwExpanderRow *row = g_object_get_data (G_OBJECT (entry), "crm-plan-row");
  CrmPlanItem *item = g_object_get_data (G_OBJECT (row), "crm-plan-item");
  g_autoptr(CrmPlanItem) edited = crm_plan_item_copy (item);
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "crm-plan-field"));
  g_autoptr(GError) error = NULL;
  char **value = item_field (edited, field);
  gboolean saved;

  g_free (*value);
  *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  self->saving = TRUE;
  saved = get_journal (self) != NULL && crm_report_notes_update_plan_item (get_journal (self), edited, &error);
  self->saving = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->plan_error), !saved && error != NULL);
  if (!saved)
    {
      /* What was typed stays in the field, marked, until it is fixed. */
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      if (error != NULL)
        gtk_label_set_text (self->plan_error, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  g_object_set_data_full (G_OBJECT (row), "crm-plan-item", g_steal_pointer (&edited),
                          (GDestroyNotify)crm_plan_item_free);
  update_row_title (row, g_object_get_data (G_OBJECT (row), "crm-plan-item"));
  crm_reports_page_notes_changed (self);
}

static void
remove_clicked_cb (GtkButton      *button,
                   CrmReportsPage *self)
{
  AdwExpanderRow *row = g_object_get_data (G_OBJECT (button), "crm-plan-row");
  CrmPlanItem *item = g_object_get_data (G_OBJECT (row), "crm-plan-item");
  g_autoptr(GError) error = NULL;

  if (get_journal (self) == NULL)
    return;

  if (!crm_report_notes_remove_plan_item (get_journal (self), item->id, &error))
    crm_reports_page_show_error (self, error);
  /* The journal's "changed" reloads the plan. */
}

static GtkWidget *
make_plan_row (CrmReportsPage    *self,
               const CrmPlanItem *item)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_object_set_data_full (G_OBJECT (row), "crm-plan-item", crm_plan_item_copy (item),
                          (GDestroyNotify)crm_plan_item_free);
  update_row_title (ADW_EXPANDER_ROW (row), (CrmPlanItem *)item);

  for (Field field = 0; field < N_FIELDS; field++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      char **value = item_field ((CrmPlanItem *)item, field);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(field_titles[field]));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (entry), *value != NULL ? *value : "");
      g_object_set_data (G_OBJECT (entry), "crm-plan-row", row);
      g_object_set_data (G_OBJECT (entry), "crm-plan-field", GUINT_TO_POINTER (field));
      g_signal_connect (entry, "apply", G_CALLBACK (entry_apply_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this item"),
                                  -1);
  g_object_set_data (G_OBJECT (remove), "crm-plan-row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  return row;
}

static void
load_plan (CrmReportsPage *self,
           GPtrArray      *plan)
{
  for (guint i = 0; i < self->plan_rows->len; i++)
    adw_preferences_group_remove (self->plan_group, g_ptr_array_index (self->plan_rows, i));
  g_ptr_array_set_size (self->plan_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_error), FALSE);

  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      GtkWidget *row = make_plan_row (self, g_ptr_array_index (plan, i));

      g_ptr_array_add (self->plan_rows, row);
      adw_preferences_group_add (self->plan_group, row);
    }
}

/**
 * crm_reports_page_load_notes:
 * @self: a #CrmReportsPage
 *
 * Shows the conclusions and plan saved for the current period and
 * segment (after an undo, say), keeping what the user is typing.
 */
void
crm_reports_page_load_notes (CrmReportsPage *self)
{
  g_autoptr(CrmReportNotes) notes = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    notes = crm_report_notes_load (crm_customer_store_get_database (self->store),
                                   &self->period, &self->segment, &error);
  if (error != NULL)
    crm_reports_page_show_error (self, error);

  for (guint i = 0; i < CRM_REPORT_N_SECTIONS; i++)
    {
      const char *text = notes != NULL ? crm_report_notes_get_conclusion (notes, i) : NULL;
      g_autofree char *current = NULL;
      GtkTextIter start, end;

      if (self->save_ids[i] != 0)
        continue;

      gtk_text_buffer_get_bounds (self->buffers[i], &start, &end);
      current = gtk_text_buffer_get_text (self->buffers[i], &start, &end, FALSE);
      if (g_strcmp0 (current, text != NULL ? text : "") == 0)
        continue;

      g_signal_handlers_block_by_func (self->buffers[i], buffer_changed_cb, self);
      gtk_text_buffer_set_text (self->buffers[i], text != NULL ? text : "", -1);
      g_signal_handlers_unblock_by_func (self->buffers[i], buffer_changed_cb, self);
      gtk_widget_set_visible (GTK_WIDGET (self->buffer_errors[i]), FALSE);
    }

  load_plan (self, notes != NULL ? crm_report_notes_get_plan (notes) : NULL);
}

void
crm_reports_page_add_plan_item (CrmReportsPage *self)
{
  g_autoptr(CrmPlanItem) item = crm_plan_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (get_journal (self) == NULL)
    return;

  self->saving = TRUE;
  id = crm_report_notes_add_plan_item (get_journal (self), &self->period, &self->segment, item, &error);
  self->saving = FALSE;

  if (id == 0)
    {
      crm_reports_page_show_error (self, error);
      return;
    }

  crm_reports_page_load_notes (self);
  crm_reports_page_notes_changed (self);
  if (self->plan_rows->len > 0)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->plan_rows, self->plan_rows->len - 1);

      adw_expander_row_set_expanded (row, TRUE);
    }
}
