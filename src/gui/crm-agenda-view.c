/* crm-agenda-view.c — the customers due for a follow-up, by owner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Today's or this week's follow-ups, overdue ones included, grouped by
 * owner: the rows come from a CrmPagedList (crm-agenda.c) that reads a
 * page at a time, and the first row of each owner carries the owner's
 * name as a heading (GTK 4.8 list views have no sections). Overdue rows
 * are red, rows due within two days amber, key follow-ups carry a badge.
 * A row's check button opens the follow-up form prefilled with the
 * planned action: saving it is what marks the follow-up done, and moves
 * the customer's next one.
 *
 * Any change to a customer reads the agenda again (crm-paged-list.c), which
 * hands the list view new items: left alone, it would lose the focused
 * row. The view notes the scroll offset and the focused customer before
 * the list view hears of the change, and gives both back once the new
 * rows are laid out; a customer that left the agenda hands the focus to
 * the row that took its place.
 */

#include <glib/gi18n.h>

#include "crm-agenda.h"
#include "crm-cadence.h"
#include "crm-agenda-export.h"
#include "crm-agenda-view.h"
#include "crm-follow-up-dialog.h"
#include "crm-regrade-dialog.h"
#include "crm-upkeep-format.h"

struct _CrmAgendaView
{
  AdwBin            parent_instance;

  CrmCustomerStore *store;
  CrmPagedList     *agenda;
  GtkNoSelection   *selection;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkToggleButton  *today_button;
  GtkToggleButton  *week_button;
  GtkLabel         *count_label;
  GtkStack         *stack;
  GtkListView      *list_view;

  /* Where the person was when the agenda was read again: a logged
   * follow-up or an edit elsewhere reloads it, and the list is not to
   * jump back to its top (see save_place ()). */
  double            saved_scroll;
  gint64            saved_focus_id;
  guint             saved_focus_position;
  guint             restore_tick;
  guint             restore_frames;
  gboolean          new_range;
};

G_DEFINE_FINAL_TYPE (CrmAgendaView, crm_agenda_view, ADW_TYPE_BIN)

enum {
  CUSTOMER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How far from its old place a focused row is looked for after a change. */
#define FOCUS_SEARCH 64

static GtkWindow *
parent_window (CrmAgendaView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_count (CrmAgendaView *self)
{
  guint n = self->agenda != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->agenda)) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u customer due", "%u customers due", n), n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/**
 * crm_agenda_view_refresh:
 * @self: a #CrmAgendaView
 *
 * Reads the agenda again up to the end of today or of this week, as the
 * toggle says, from the current time.
 */
void
crm_agenda_view_refresh (CrmAgendaView *self)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = NULL;

  g_return_if_fail (CRM_IS_AGENDA_VIEW (self));

  if (self->agenda == NULL)
    return;

  if (gtk_toggle_button_get_active (self->today_button))
    until = crm_cadence_end_of_day (now, zone);
  else
    until = crm_cadence_end_of_week (now, zone);

  /* Another period is another list: it starts at its top. */
  self->new_range = TRUE;
  crm_agenda_set_until (self->agenda, until);
  self->new_range = FALSE;
  update_count (self);
}

/* The agenda item of the row that has the keyboard focus, if any. */
static CrmAgendaItem *
focused_item (CrmAgendaView *self,
              guint         *position)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->list_view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list_view); w = gtk_widget_get_parent (w))
    {
      GtkListItem *list_item;

      /* The row widget's child is the box made in setup_row (). */
      if (gtk_widget_get_parent (w) != GTK_WIDGET (self->list_view))
        continue;
      list_item = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (w)), "list-item");
      if (list_item == NULL || gtk_list_item_get_item (list_item) == NULL)
        return NULL;
      *position = gtk_list_item_get_position (list_item);
      return gtk_list_item_get_item (list_item);
    }

  return NULL;
}

/* Runs before the list view hears of a change, while its rows still show
 * the old items: remembers the scroll offset and the focused customer. */
static void
save_place (CrmAgendaView *self,
            guint          position,
            guint          removed,
            guint          added)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  CrmAgendaItem *item;
  guint focus_position = 0;

  /* A second change before the place was restored keeps the first place. */
  if (self->new_range || self->restore_tick != 0 || removed == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    return;

  self->saved_scroll = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
  item = focused_item (self, &focus_position);
  self->saved_focus_id = item != NULL ? crm_agenda_item_get_customer_id (item) : 0;
  self->saved_focus_position = focus_position;
}

/* The row showing @position, if the list view has made it. */
static GtkWidget *
row_at (CrmAgendaView *self,
        guint          position)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkListItem *list_item = box != NULL ? g_object_get_data (G_OBJECT (box), "list-item") : NULL;

      if (list_item != NULL && gtk_widget_get_visible (row) &&
          gtk_list_item_get_item (list_item) != NULL &&
          gtk_list_item_get_position (list_item) == position)
        return row;
    }

  return NULL;
}

/* The focused customer's new place: near the old one, as a change moves a
 * row by a few places at most; if it left the agenda, the row that took
 * its place, and @left is set. Only rows near the old place are read. */
static guint
find_focus_position (CrmAgendaView *self,
                     guint          n_items,
                     gboolean      *left)
{
  guint from = self->saved_focus_position > FOCUS_SEARCH ? self->saved_focus_position - FOCUS_SEARCH : 0;
  guint to = MIN (n_items, self->saved_focus_position + FOCUS_SEARCH);

  *left = FALSE;
  for (guint i = from; i < to; i++)
    {
      g_autoptr(CrmAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (crm_agenda_item_get_customer_id (item) == self->saved_focus_id)
        return i;
    }

  *left = TRUE;
  return MIN (self->saved_focus_position, n_items - 1);
}

/* Whether the person put the focus somewhere else since the change: then
 * it stays there. */
static gboolean
focus_moved_away (CrmAgendaView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->list_view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         focus != GTK_WIDGET (self->list_view) &&
         !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));
}

static gboolean
restore_place (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CrmAgendaView *self = CRM_AGENDA_VIEW (user_data);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position;
  gboolean left;
  GtkWidget *row;

  /* The first frame lays out the new rows; the scroll offset is given
   * back once the list knows its new height. */
  if (self->restore_frames++ == 0)
    return G_SOURCE_CONTINUE;

  gtk_adjustment_set_value (adjustment, self->saved_scroll);
  if (self->saved_focus_id == 0 || n_items == 0)
    goto done;

  /* When the focused customer left the agenda, its row went with the
   * focus, and GTK may have handed the focus to the window's first
   * widget (which one, and when, depends on the window manager's timing):
   * it goes to the row that took its place. A customer still in the
   * agenda keeps the focus only if the person did not put it elsewhere. */
  position = find_focus_position (self, n_items, &left);
  if (!left && focus_moved_away (self))
    goto done;
  row = row_at (self, position);
  if (row == NULL && self->restore_frames < 10)
    {
      /* Not made yet: bring it into view and look again next frame. */
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      return G_SOURCE_CONTINUE;
    }
  if (row != NULL)
    gtk_widget_grab_focus (row);

done:
  self->restore_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Runs after the list view took the change in. */
static void
restore_place_later (CrmAgendaView *self,
                     guint          position,
                     guint          removed,
                     guint          added)
{
  /* An empty agenda shows its status page instead, and the list, no
   * longer mapped, would draw no frame to restore the place in. */
  if (self->new_range || removed == 0 || self->restore_tick != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->list_view)) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  self->restore_frames = 0;
  self->restore_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), restore_place, self, NULL);
}

/* Hidden before the place was restored: there is no place to keep. */
static void
forget_place (CrmAgendaView *self)
{
  if (self->restore_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->restore_tick);
      self->restore_tick = 0;
    }
}

static void
crm_agenda_view_range_toggled_cb (CrmAgendaView   *self,
                                  GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    crm_agenda_view_refresh (self);
}

static void
crm_agenda_view_activate_cb (CrmAgendaView *self,
                             guint          position)
{
  g_autoptr(CrmAgendaItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    g_signal_emit (self, signals[CUSTOMER_ACTIVATED], 0, crm_agenda_item_get_customer_id (item));
}

static void
on_done_clicked (GtkButton     *button,
                 CrmAgendaView *self)
{
  CrmAgendaItem *item = g_object_get_data (G_OBJECT (button), "crm-item");
  g_autoptr(CrmFollowUpStore) store = NULL;
  g_autoptr(CrmFollowUp) follow_up = NULL;

  if (item == NULL || self->store == NULL)
    return;

  store = crm_follow_up_store_new (self->store);
  follow_up = crm_follow_up_new ();
  crm_follow_up_set_customer_id (follow_up, crm_agenda_item_get_customer_id (item));
  crm_follow_up_set_owner (follow_up, crm_agenda_item_get_owner (item));
  crm_follow_up_set_channel (follow_up, "phone");
  crm_follow_up_set_feedback (follow_up, "pending");
  crm_follow_up_set_content (follow_up, crm_agenda_item_get_next_action (item));

  gtk_window_present (GTK_WINDOW (crm_follow_up_dialog_new (parent_window (self), store, follow_up)));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CrmAgendaView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *owner = gtk_label_new (NULL);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (_("Key"));
  GtkWidget *done = gtk_button_new_from_icon_name ("object-select-symbolic");
  GtkWidget *due = gtk_label_new (NULL);

  /* A little air between rows: the due line belongs to the name above it. */
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  gtk_label_set_xalign (GTK_LABEL (owner), 0);
  gtk_widget_add_css_class (owner, "agenda-owner");
  gtk_widget_add_css_class (owner, "heading");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_tooltip_text (badge, _("Key follow-up"));
  gtk_widget_add_css_class (badge, "key-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (done, "flat");
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (done, _("Log the Follow-up"));
  g_signal_connect (done, "clicked", G_CALLBACK (on_done_clicked), self);

  gtk_label_set_xalign (GTK_LABEL (due), 0);
  gtk_label_set_ellipsize (GTK_LABEL (due), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (due), FALSE);
  gtk_widget_add_css_class (due, "caption");

  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), badge);
  gtk_box_append (GTK_BOX (line), done);
  gtk_box_append (GTK_BOX (box), owner);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), due);

  g_object_set_data (G_OBJECT (box), "owner", owner);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "badge", badge);
  g_object_set_data (G_OBJECT (box), "done", done);
  g_object_set_data (G_OBJECT (box), "due", due);
  g_object_set_data (G_OBJECT (box), "list-item", list_item);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CrmAgendaView            *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  CrmAgendaItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  GtkWidget *owner = g_object_get_data (G_OBJECT (box), "owner");
  GtkWidget *name = g_object_get_data (G_OBJECT (box), "name");
  GtkWidget *badge = g_object_get_data (G_OBJECT (box), "badge");
  GtkWidget *done = g_object_get_data (G_OBJECT (box), "done");
  GtkWidget *due = g_object_get_data (G_OBJECT (box), "due");
  const char *owner_name = crm_agenda_item_get_owner (item);
  const char *next_action = crm_agenda_item_get_next_action (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *due_text = NULL;
  g_autofree char *done_label = NULL;
  const char *css_class = NULL;
  gboolean first_of_owner = TRUE;

  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(CrmAgendaItem) previous = g_list_model_get_item (G_LIST_MODEL (self->selection), position - 1);

      first_of_owner = previous == NULL || g_strcmp0 (crm_agenda_item_get_owner (previous), owner_name) != 0;
    }

  gtk_label_set_text (GTK_LABEL (owner), owner_name != NULL ? owner_name : _("No Owner"));
  gtk_widget_set_visible (owner, first_of_owner);
  gtk_label_set_text (GTK_LABEL (name), crm_agenda_item_get_customer_name (item));
  gtk_widget_set_visible (badge, crm_agenda_item_get_key_reason (item) != NULL);
  if (crm_agenda_item_get_key_reason (item) != NULL)
    {
      /* The tooltip is for the mouse; a screen reader hears the reason too. */
      gtk_widget_set_tooltip_text (badge, crm_agenda_item_get_key_reason (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      crm_agenda_item_get_key_reason (item), -1);
    }

  due_text = crm_format_due (crm_agenda_item_get_due_at (item), now, &css_class);
  if (next_action != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s — %s", due_text, next_action);

      gtk_label_set_text (GTK_LABEL (due), joined);
    }
  else
    gtk_label_set_text (GTK_LABEL (due), due_text);
  gtk_widget_remove_css_class (due, "overdue");
  gtk_widget_remove_css_class (due, "due-soon");
  gtk_widget_remove_css_class (due, "dim-label");
  gtk_widget_add_css_class (due, css_class != NULL ? css_class : "dim-label");

  /* Translators: %s is a customer name; the button that logs its
   * follow-up from the agenda. */
  done_label = g_strdup_printf (_("Log follow-up for %s"), crm_agenda_item_get_customer_name (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);
  g_object_set_data_full (G_OBJECT (done), "crm-item", g_object_ref (item), g_object_unref);
}

static void
on_regrade_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CrmAgendaView *self = CRM_AGENDA_VIEW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (crm_regrade_dialog_new (parent_window (self), self->store)));
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    CrmAgendaView   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = g_date_time_add_days (now, CRM_AGENDA_EXPORT_DEFAULT_DAYS);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  /* The file chooser has asked before replacing a file. */
  if (!crm_agenda_export_ics (crm_customer_store_get_database (self->store), until, path, TRUE, &n, &error))
    crm_show_toast (parent_window (self), error->message, FALSE);
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Exported %u follow-up to “%s”",
                                                         "Exported %u follow-ups to “%s”", n),
                                               n, path);

      crm_show_toast (parent_window (self), text, FALSE);
    }

out:
  g_clear_object (&self->chooser);
}

static void
on_export_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CrmAgendaView *self = CRM_AGENDA_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Follow-ups to Calendar"),
                                               parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the default name of the exported calendar file. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("follow-ups.ics"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
crm_agenda_view_map (GtkWidget *widget)
{
  CrmAgendaView *self = CRM_AGENDA_VIEW (widget);

  GTK_WIDGET_CLASS (crm_agenda_view_parent_class)->map (widget);

  /* "Today" moves on while the window stays open. */
  crm_agenda_view_refresh (self);

  /* GTK 4.8 builds up to 205 rows of a list view as soon as it has a
   * model, mapped or not, and each row's tooltips ask the X server where
   * the pointer is: the list gets its rows when the agenda first shows,
   * not while the window opens on another page. */
  if (gtk_list_view_get_model (self->list_view) == NULL)
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
crm_agenda_view_dispose (GObject *object)
{
  CrmAgendaView *self = (CrmAgendaView *)object;

  forget_place (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_AGENDA_VIEW);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->agenda);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_agenda_view_parent_class)->dispose (object);
}

static void
crm_agenda_view_class_init (CrmAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_agenda_view_dispose;
  widget_class->map = crm_agenda_view_map;

  signals[CUSTOMER_ACTIVATED] =
    g_signal_new ("customer-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmAgendaView, today_button);
  gtk_widget_class_bind_template_child (widget_class, CrmAgendaView, week_button);
  gtk_widget_class_bind_template_child (widget_class, CrmAgendaView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmAgendaView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmAgendaView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, crm_agenda_view_range_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_agenda_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "agenda.regrade", NULL, on_regrade_action);
  gtk_widget_class_install_action (widget_class, "agenda.export", NULL, on_export_action);
}

static void
crm_agenda_view_init (CrmAgendaView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);

  /* The list view gets this model when it first maps. */
  self->selection = gtk_no_selection_new (NULL);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (restore_place_later),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->list_view, "unmap", G_CALLBACK (forget_place),
                           self, G_CONNECT_SWAPPED);
  update_count (self);
}

GtkWidget *
crm_agenda_view_new (void)
{
  return g_object_new (CRM_TYPE_AGENDA_VIEW, NULL);
}

/**
 * crm_agenda_view_set_store:
 * @store: (nullable): the customer store
 */
void
crm_agenda_view_set_store (CrmAgendaView    *self,
                           CrmCustomerStore *store)
{
  g_return_if_fail (CRM_IS_AGENDA_VIEW (self));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  g_clear_object (&self->agenda);
  if (store != NULL)
    {
      self->agenda = crm_agenda_new (store);
      /* Before the selection model connects: the rows still show the old items. */
      g_signal_connect_object (self->agenda, "items-changed", G_CALLBACK (save_place),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->agenda, "items-changed", G_CALLBACK (update_count),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->agenda));
  /* A hidden agenda is read when it shows (crm_agenda_view_map ()): its
   * rows are not made behind the customer list at start-up. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    crm_agenda_view_refresh (self);
  update_count (self);
}

/**
 * crm_agenda_view_get_model:
 *
 * Returns: (transfer none) (nullable): the agenda's items
 */
GListModel *
crm_agenda_view_get_model (CrmAgendaView *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_VIEW (self), NULL);

  return self->agenda != NULL ? G_LIST_MODEL (self->agenda) : NULL;
}
