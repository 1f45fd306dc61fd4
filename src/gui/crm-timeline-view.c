/* crm-timeline-view.c — a customer's timeline in its detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Above the timeline: when the next follow-up is due, and whether the
 * customer is flagged for key follow-up (重点跟进), with a button to flag
 * or clear it with a reason. The timeline itself is a CrmPagedList
 * (crm-timeline.c) seen through a GtkSliceListModel: the list box makes
 * rows for the first PAGE entries only, and "Show More" widens the slice,
 * so a customer with years of history opens as fast as a new one. A
 * follow-up's row opens it for editing.
 */

#include <glib/gi18n.h>

#include "crm-button-names.h"
#include "crm-cadence.h"
#include "crm-follow-up-dialog.h"
#include "crm-follow-up-plan.h"
#include "crm-key-follow-up.h"
#include "crm-requirement-types.h"
#include "crm-timeline.h"
#include "crm-timeline-view.h"
#include "crm-upkeep-format.h"

/* Entries shown at first and added by each "Show More". */
#define PAGE 20

struct _CrmTimelineView
{
  AdwBin               parent_instance;

  CrmCustomerStore    *store;
  CrmPagedList        *timeline;
  GtkSliceListModel   *slice;
  gint64               customer_id;

  /* Template widgets */
  AdwActionRow        *next_due_row;
  AdwActionRow        *key_row;
  GtkButton           *key_button;
  GtkListBox          *list_box;
  GtkLabel            *empty_label;
  GtkButton           *more_button;
};

G_DEFINE_FINAL_TYPE (CrmTimelineView, crm_timeline_view, ADW_TYPE_BIN)

static GtkWindow *
parent_window (CrmTimelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
split_part (const char *text,
            guint       index)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return NULL;

  parts = g_strsplit (text, "\x1f", -1);
  if (index >= g_strv_length (parts) || *parts[index] == '\0')
    return NULL;

  return g_strdup (parts[index]);
}

static const char *
channel_icon (const char *channel)
{
  if (g_strcmp0 (channel, "phone") == 0)
    return "call-start-symbolic";
  if (g_strcmp0 (channel, "visit") == 0)
    return "mark-location-symbolic";
  if (g_strcmp0 (channel, "meeting") == 0)
    return "camera-web-symbolic";

  return "mail-send-symbolic";
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CrmTimelineEntry *entry = item;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *when = crm_time_format_local (crm_timeline_entry_get_at (entry), zone, TRUE);
  const char *kind = crm_timeline_entry_get_kind (entry);
  const char *actor = crm_timeline_entry_get_actor (entry);
  const char *body = crm_timeline_entry_get_body (entry);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  if (g_strcmp0 (kind, "follow-up") == 0)
    {
      g_autofree char *feedback = split_part (crm_timeline_entry_get_detail (entry), 0);
      g_autofree char *refusal = split_part (crm_timeline_entry_get_detail (entry), 1);
      g_autofree char *next = split_part (crm_timeline_entry_get_extra (entry), 0);
      g_autofree char *next_due_utc = split_part (crm_timeline_entry_get_extra (entry), 1);
      g_autofree char *next_due = crm_time_format_local (next_due_utc, zone, FALSE);

      g_string_append (title, crm_follow_up_channel_get_label (crm_timeline_entry_get_title (entry)));
      g_string_append_printf (subtitle, "%s", body != NULL ? body : "");
      g_string_append_c (subtitle, '\n');
      /* Translators: the customer's feedback in a follow-up (客户反馈). */
      g_string_append_printf (subtitle, _("Feedback: %s"), crm_follow_up_feedback_get_label (feedback));
      if (refusal != NULL)
        g_string_append_printf (subtitle, " (%s)", refusal);
      if (next != NULL && next_due != NULL)
        {
          g_string_append_c (subtitle, '\n');
          /* Translators: the next action planned and its due date. */
          g_string_append_printf (subtitle, _("Next: %s, due %s"), next, next_due);
        }
      else if (next != NULL)
        {
          g_string_append_c (subtitle, '\n');
          /* Translators: the next action planned. */
          g_string_append_printf (subtitle, _("Next: %s"), next);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (channel_icon (crm_timeline_entry_get_title (entry))));
    }
  else if (g_strcmp0 (kind, "tier") == 0)
    {
      g_autofree char *from = split_part (crm_timeline_entry_get_title (entry), 0);
      g_autofree char *to = split_part (crm_timeline_entry_get_title (entry), 1);

      /* Translators: a tier change, such as "Tier B → A". */
      g_string_append_printf (title, _("Tier %s → %s"),
                              from != NULL ? from : crm_tier_get_label (CRM_TIER_NONE),
                              to != NULL ? to : crm_tier_get_label (CRM_TIER_NONE));
      g_string_append (subtitle, body != NULL ? body : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("starred-symbolic"));
    }
  else if (g_strcmp0 (kind, "key-raised") == 0)
    {
      g_string_append (title, _("Flagged for key follow-up"));
      g_string_append (subtitle, body != NULL ? body : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
    }
  else if (g_strcmp0 (kind, "key-cleared") == 0)
    {
      g_string_append (title, _("Key follow-up cleared"));
      g_string_append (subtitle, body != NULL ? body : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
    }
  else if (g_strcmp0 (kind, "requirement") == 0)
    {
      g_autofree char *code = split_part (crm_timeline_entry_get_title (entry), 0);
      g_autofree char *name = split_part (crm_timeline_entry_get_title (entry), 1);
      g_autofree char *from = split_part (crm_timeline_entry_get_detail (entry), 0);
      g_autofree char *to = split_part (crm_timeline_entry_get_detail (entry), 1);
      int to_status = crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_STATUS, to);
      const char *to_label = crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, to_status);

      if (from == NULL)
        /* Translators: a requirement was recorded; %s is its code, such as REQ-0012. */
        g_string_append_printf (title, _("Requirement %s recorded"), code != NULL ? code : "");
      else
        /* Translators: a requirement's status changed; the first %s is its
         * code, the second the new status, such as "Requirement REQ-0012: Done". */
        g_string_append_printf (title, _("Requirement %s: %s"), code != NULL ? code : "", to_label);
      g_string_append (subtitle, name != NULL ? name : "");
      if (body != NULL && *body != '\0')
        g_string_append_printf (subtitle, "\n%s", body);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("view-list-bullet-symbolic"));
    }
  else if (g_strcmp0 (kind, "questionnaire") == 0)
    {
      /* Translators: %s is a questionnaire's name. */
      g_string_append_printf (title, _("Questionnaire answered: %s"),
                              crm_timeline_entry_get_title (entry) != NULL ? crm_timeline_entry_get_title (entry) : "");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
    }
  else
    {
      g_string_append (title, kind != NULL ? kind : "");
      g_string_append (subtitle, body != NULL ? body : "");
    }

  g_string_append_printf (title, " · %s", when != NULL ? when : "");
  if (actor != NULL)
    g_string_append_printf (title, " · %s", actor);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "crm-entry", g_object_ref (entry), g_object_unref);

  return row;
}

static void
update_plan (CrmTimelineView *self)
{
  g_autofree char *due_utc = NULL;
  g_autofree char *next_action = NULL;
  g_autofree char *due = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  CrmDatabase *db;
  const char *css_class = NULL;

  if (self->store == NULL || self->customer_id == 0)
    return;

  db = crm_customer_store_get_database (self->store);
  crm_follow_up_read_plan (db, self->customer_id, &due_utc, &next_action);
  due = crm_format_due (due_utc, now, &css_class);
  if (next_action != NULL && due != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s — %s", due, next_action);

      adw_action_row_set_subtitle (self->next_due_row, joined);
    }
  else
    adw_action_row_set_subtitle (self->next_due_row, due != NULL ? due : "");

  gtk_widget_remove_css_class (GTK_WIDGET (self->next_due_row), "overdue");
  gtk_widget_remove_css_class (GTK_WIDGET (self->next_due_row), "due-soon");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->next_due_row), css_class);

  reason = crm_key_follow_up_dup_reason (db, self->customer_id);
  if (reason != NULL)
    {
      adw_action_row_set_subtitle (self->key_row, reason);
      gtk_button_set_label (self->key_button, _("_Clear…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->key_button), "timeline.clear-flag");
      gtk_widget_add_css_class (GTK_WIDGET (self->key_row), "key-follow-up");
    }
  else
    {
      adw_action_row_set_subtitle (self->key_row, _("Not flagged"));
      gtk_button_set_label (self->key_button, _("_Flag…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->key_button), "timeline.flag");
      gtk_widget_remove_css_class (GTK_WIDGET (self->key_row), "key-follow-up");
    }
  gtk_button_set_use_underline (self->key_button, TRUE);
  crm_button_names_fix (GTK_WIDGET (self->key_button));
}

static void
update_more (CrmTimelineView *self)
{
  guint total = self->timeline != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) : 0;
  guint shown = gtk_slice_list_model_get_size (self->slice);

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), total > shown);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), total == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), total > 0);
}

static void
on_items_changed (CrmTimelineView *self)
{
  update_more (self);
  update_plan (self);
}

static void
on_store_changed (CrmTimelineView *self,
                  gint64           customer_id)
{
  if (customer_id == 0 || customer_id == self->customer_id)
    update_plan (self);
}

static void
rebuild (CrmTimelineView *self)
{
  g_clear_object (&self->timeline);

  if (self->store != NULL && self->customer_id > 0)
    self->timeline = crm_timeline_new (self->store, self->customer_id);

  gtk_slice_list_model_set_model (self->slice, G_LIST_MODEL (self->timeline));
  gtk_slice_list_model_set_size (self->slice, PAGE);
  if (self->timeline != NULL)
    g_signal_connect_object (self->timeline, "items-changed", G_CALLBACK (on_items_changed),
                             self, G_CONNECT_SWAPPED);
  update_more (self);
  update_plan (self);
}

static CrmFollowUpStore *
follow_up_store (CrmTimelineView *self)
{
  return crm_follow_up_store_new (self->store);
}

static void
crm_timeline_view_log_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);
  g_autoptr(CrmFollowUpStore) store = NULL;
  g_autoptr(CrmFollowUp) follow_up = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *next_due = NULL;
  g_autofree char *next_action = NULL;

  if (self->store == NULL || self->customer_id == 0)
    return;

  store = follow_up_store (self);
  customer = crm_customer_store_get (self->store, self->customer_id, NULL);
  follow_up = crm_follow_up_new ();
  crm_follow_up_set_customer_id (follow_up, self->customer_id);
  crm_follow_up_set_channel (follow_up, "phone");
  crm_follow_up_set_feedback (follow_up, "pending");
  if (customer != NULL)
    crm_follow_up_set_owner (follow_up, crm_customer_get_owner (customer));
  /* The action planned last time is what this follow-up is likely about. */
  crm_follow_up_read_plan (crm_customer_store_get_database (self->store), self->customer_id,
                           &next_due, &next_action);
  crm_follow_up_set_content (follow_up, next_action);

  gtk_window_present (GTK_WINDOW (crm_follow_up_dialog_new (parent_window (self), store, follow_up)));
}

static void
crm_timeline_view_row_activated_cb (CrmTimelineView *self,
                                    GtkListBoxRow   *row)
{
  CrmTimelineEntry *entry = g_object_get_data (G_OBJECT (row), "crm-entry");
  g_autoptr(CrmFollowUpStore) store = NULL;
  g_autoptr(CrmFollowUp) follow_up = NULL;

  if (entry == NULL || g_strcmp0 (crm_timeline_entry_get_kind (entry), "follow-up") != 0)
    return;

  store = follow_up_store (self);
  follow_up = crm_follow_up_store_get (store, crm_timeline_entry_get_row_id (entry), NULL);
  if (follow_up != NULL)
    gtk_window_present (GTK_WINDOW (crm_follow_up_dialog_new (parent_window (self), store, follow_up)));
}

static void
crm_timeline_view_show_more_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  CrmTimelineView *self = CRM_TIMELINE_VIEW (widget);

  gtk_slice_list_model_set_size (self->slice, gtk_slice_list_model_get_size (self->slice) + PAGE);
  update_more (self);
}

typedef struct
{
  CrmTimelineView *self;
  gboolean         clear;
} FlagRequest;

static void
flag_request_free (gpointer data)
{
  FlagRequest *request = data;

  g_object_unref (request->self);
  g_free (request);
}

static void
on_reason (const char *reason,
           gpointer    user_data)
{
  FlagRequest *request = user_data;
  CrmTimelineView *self = request->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->store == NULL)
    return;

  if (request->clear)
    ok = crm_key_follow_up_clear (self->store, self->customer_id, reason, &error);
  else
    ok = crm_key_follow_up_mark (self->store, self->customer_id, reason, &error);

  if (!ok)
    crm_show_toast (parent_window (self), error->message, FALSE);
  else
    crm_show_toast (parent_window (self),
                    request->clear ? _("Key follow-up cleared") : _("Flagged for key follow-up"), TRUE);
}

static void
ask_flag (CrmTimelineView *self,
          gboolean         clear)
{
  FlagRequest *request = g_new0 (FlagRequest, 1);

  request->self = g_object_ref (self);
  request->clear = clear;

  if (clear)
    crm_ask_reason (parent_window (self),
                    _("Clear Key Follow-up?"),
                    _("The customer goes back to the follow-up cadence of its tier. The reason is kept in its timeline."),
                    /* Translators: the mnemonic must differ from the one of Cancel. */
                    _("C_lear Flag"),
                    on_reason, request, flag_request_free);
  else
    crm_ask_reason (parent_window (self),
                    _("Flag for Key Follow-up?"),
                    _("The customer is followed up at the shortest interval until the flag is cleared."),
                    _("_Flag"),
                    on_reason, request, flag_request_free);
}

static void
crm_timeline_view_flag_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  ask_flag (CRM_TIMELINE_VIEW (widget), FALSE);
}

static void
crm_timeline_view_clear_flag_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  ask_flag (CRM_TIMELINE_VIEW (widget), TRUE);
}

static void
crm_timeline_view_dispose (GObject *object)
{
  CrmTimelineView *self = (CrmTimelineView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TIMELINE_VIEW);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->slice);
  g_clear_object (&self->timeline);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_timeline_view_parent_class)->dispose (object);
}

static void
crm_timeline_view_class_init (CrmTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_timeline_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineView, next_due_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineView, key_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineView, key_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineView, list_box);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTimelineView, more_button);
  gtk_widget_class_bind_template_callback (widget_class, crm_timeline_view_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "timeline.log-follow-up", NULL, crm_timeline_view_log_action);
  gtk_widget_class_install_action (widget_class, "timeline.show-more", NULL, crm_timeline_view_show_more_action);
  gtk_widget_class_install_action (widget_class, "timeline.flag", NULL, crm_timeline_view_flag_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-flag", NULL, crm_timeline_view_clear_flag_action);
}

static void
crm_timeline_view_init (CrmTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_button_names_fix (GTK_WIDGET (self));

  adw_action_row_set_subtitle_lines (self->next_due_row, 0);
  adw_action_row_set_subtitle_lines (self->key_row, 0);

  self->slice = gtk_slice_list_model_new (NULL, 0, PAGE);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->slice), create_row, self, NULL);
  g_signal_connect_object (self->slice, "items-changed", G_CALLBACK (update_more),
                           self, G_CONNECT_SWAPPED);
  update_more (self);
}

GtkWidget *
crm_timeline_view_new (void)
{
  return g_object_new (CRM_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * crm_timeline_view_set_store:
 * @store: (nullable): the customer store
 */
void
crm_timeline_view_set_store (CrmTimelineView  *self,
                             CrmCustomerStore *store)
{
  g_return_if_fail (CRM_IS_TIMELINE_VIEW (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                             self, G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * crm_timeline_view_set_customer_id:
 * @customer_id: the customer whose timeline to show, or 0
 */
void
crm_timeline_view_set_customer_id (CrmTimelineView *self,
                                   gint64           customer_id)
{
  g_return_if_fail (CRM_IS_TIMELINE_VIEW (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  rebuild (self);
}

gint64
crm_timeline_view_get_customer_id (CrmTimelineView *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), 0);

  return self->customer_id;
}

/**
 * crm_timeline_view_get_model:
 *
 * Returns: (transfer none): the entries shown (a slice of the timeline)
 */
GListModel *
crm_timeline_view_get_model (CrmTimelineView *self)
{
  g_return_val_if_fail (CRM_IS_TIMELINE_VIEW (self), NULL);

  return G_LIST_MODEL (self->slice);
}
