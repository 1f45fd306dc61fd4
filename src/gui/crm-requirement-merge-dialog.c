/* crm-requirement-merge-dialog.c — choosing the requirement a duplicate merges into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-requirement-list.h"
#include "crm-requirement-merge-dialog.h"

struct _CrmRequirementMergeDialog
{
  AdwMessageDialog    parent_instance;

  gint64              duplicate_id;
  CrmRequirementList *list;
  GtkSingleSelection *selection;
  GtkSearchEntry     *search;
};

G_DEFINE_FINAL_TYPE (CrmRequirementMergeDialog, crm_requirement_merge_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  CrmRequirement *requirement = gtk_list_item_get_item (item);
  const char *customer = crm_requirement_get_customer_name (requirement);
  g_autofree char *text = g_strdup_printf ("%s %s%s%s", crm_requirement_get_code (requirement) ?: "",
                                           crm_requirement_get_title (requirement) ?: "",
                                           customer != NULL ? " · " : "", customer != NULL ? customer : "");

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
selection_changed_cb (CrmRequirementMergeDialog *self)
{
  gint64 survivor = crm_requirement_merge_dialog_get_survivor_id (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge",
                                           survivor > 0 && survivor != self->duplicate_id);
}

static void
search_changed_cb (CrmRequirementMergeDialog *self)
{
  CrmRequirementFilter filter = CRM_REQUIREMENT_FILTER_INIT;

  filter.search_text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  crm_requirement_list_set_filter (self->list, &filter);
  selection_changed_cb (self);
}

static void
crm_requirement_merge_dialog_dispose (GObject *object)
{
  CrmRequirementMergeDialog *self = (CrmRequirementMergeDialog *)object;

  g_clear_object (&self->selection);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (crm_requirement_merge_dialog_parent_class)->dispose (object);
}

static void
crm_requirement_merge_dialog_class_init (CrmRequirementMergeDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crm_requirement_merge_dialog_dispose;
}

static void
crm_requirement_merge_dialog_init (CrmRequirementMergeDialog *self)
{
}

/**
 * crm_requirement_merge_dialog_new:
 * @parent: (nullable): the window to be modal for
 * @store: the requirements
 * @duplicate: the requirement to merge into another
 *
 * Returns: (transfer floating): the dialog, not shown yet
 */
GtkWidget *
crm_requirement_merge_dialog_new (GtkWindow           *parent,
                                  CrmRequirementStore *store,
                                  CrmRequirement      *duplicate)
{
  CrmRequirementMergeDialog *self;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_REQUIREMENT (duplicate), NULL);

  self = g_object_new (CRM_TYPE_REQUIREMENT_MERGE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->duplicate_id = crm_requirement_get_id (duplicate);

  /* Translators: %s is the title of the duplicate requirement. */
  heading = g_strdup_printf (_("Merge “%s” Into…"), crm_requirement_get_title (duplicate));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Choose the requirement to keep. It takes this one’s evidence and customers; "
                                 "this one leaves the board but stays on record."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "merge", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  self->list = crm_requirement_list_new (store, -1);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search requirements"), NULL);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Requirements"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scroller);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  return GTK_WIDGET (self);
}

gint64
crm_requirement_merge_dialog_get_duplicate_id (CrmRequirementMergeDialog *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_MERGE_DIALOG (self), 0);

  return self->duplicate_id;
}

/**
 * crm_requirement_merge_dialog_get_survivor_id:
 *
 * Returns: the requirement chosen to keep, or 0
 */
gint64
crm_requirement_merge_dialog_get_survivor_id (CrmRequirementMergeDialog *self)
{
  guint selected;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_MERGE_DIALOG (self), 0);

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return 0;

  return crm_requirement_list_get_id (self->list, selected);
}

void
crm_requirement_merge_dialog_set_search_text (CrmRequirementMergeDialog *self,
                                              const char                *text)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_MERGE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search), text != NULL ? text : "");
  search_changed_cb (self);
}

/**
 * crm_requirement_merge_dialog_select:
 * @survivor_id: a listed requirement
 *
 * Returns: whether it is listed (and now chosen)
 */
gboolean
crm_requirement_merge_dialog_select (CrmRequirementMergeDialog *self,
                                     gint64                     survivor_id)
{
  guint index;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_MERGE_DIALOG (self), FALSE);

  index = crm_requirement_list_find (self->list, survivor_id);
  if (index == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, index);

  return TRUE;
}
