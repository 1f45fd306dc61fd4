/* crm-regrade-dialog.c — the quarterly re-grade, confirmed by the manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The proposals are computed in a worker thread on a connection of its
 * own (a re-grade reads every customer's cooperation records), so the
 * window stays responsive; the manager then unticks what they do not
 * accept, gives a reason and applies the rest as one undoable action.
 */

#include <glib/gi18n.h>

#include "crm-regrade.h"
#include "crm-regrade-dialog.h"
#include "crm-tier-rules.h"
#include "crm-upkeep-format.h"

struct _CrmRegradeDialog
{
  AdwWindow         parent_instance;

  CrmCustomerStore *store;
  GListModel       *proposals;
  GCancellable     *cancellable;
  char             *quarter;

  /* Template widgets */
  AdwEntryRow      *quarter_row;
  GtkLabel         *summary_label;
  GtkStack         *stack;
  GtkSpinner       *spinner;
  GtkListView      *list_view;
  AdwEntryRow      *reason_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (CrmRegradeDialog, crm_regrade_dialog, ADW_TYPE_WINDOW)

static void
show_error (CrmRegradeDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_actions (CrmRegradeDialog *self)
{
  gboolean any = self->proposals != NULL && g_list_model_get_n_items (self->proposals) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regrade.apply", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regrade.accept-all", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regrade.accept-none", any);
}

static void
show_proposals (CrmRegradeDialog *self,
                GListModel       *proposals)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  guint n = g_list_model_get_n_items (proposals);
  guint up = 0, down = 0, first = 0;
  g_autofree char *summary = NULL;

  g_set_object (&self->proposals, proposals);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmRegradeProposal) p = g_list_model_get_item (proposals, i);
      CrmTier from = crm_tier_from_string (crm_regrade_proposal_get_from_tier (p));
      CrmTier to = crm_tier_from_string (crm_regrade_proposal_get_to_tier (p));

      if (from == CRM_TIER_NONE)
        first++;
      else if (crm_tier_compare (to, from) > 0)
        up++;
      else
        down++;
    }

  /* Translators: %s is a quarter such as 2026Q3; then counts of tier
   * changes proposed. */
  summary = g_strdup_printf (_("%s: %u upgrades, %u downgrades and %u first grades proposed. "
                               "Untick what you do not accept."),
                             self->quarter, up, down, first);
  gtk_label_set_text (self->summary_label, summary);

  selection = gtk_no_selection_new (g_object_ref (proposals));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_spinner_stop (self->spinner);
  update_actions (self);
}

static void
propose_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char * const *args = task_data;
  g_autoptr(CrmDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *proposals;

  /* A connection of its own: statements are not shared across threads. */
  db = crm_database_open_reader (args[0], &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  proposals = crm_regrade_propose (db, args[1], &error);
  if (proposals == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, proposals, g_object_unref);
}

static void
propose_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CrmRegradeDialog *self = CRM_REGRADE_DIALOG (source);
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GError) error = NULL;

  proposals = g_task_propagate_pointer (G_TASK (result), &error);
  if (proposals == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "list");
      show_error (self, error->message);
      return;
    }

  show_proposals (self, proposals);
}

/**
 * crm_regrade_dialog_propose:
 * @self: a #CrmRegradeDialog
 * @quarter: the quarter, such as "2026Q3"
 *
 * Computes the proposals in a worker thread and shows them.
 */
void
crm_regrade_dialog_propose (CrmRegradeDialog *self,
                            const char       *quarter)
{
  g_autoptr(GTask) task = NULL;
  char **args;

  g_return_if_fail (CRM_IS_REGRADE_DIALOG (self));

  show_error (self, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_free (self->quarter);
  self->quarter = g_strstrip (g_strdup (quarter));

  args = g_new0 (char *, 3);
  args[0] = g_strdup (crm_database_get_path (crm_customer_store_get_database (self->store)));
  args[1] = g_strdup (self->quarter);

  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, propose_done, NULL);
  g_task_set_task_data (task, args, (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, propose_thread);
}

static void
crm_regrade_dialog_propose_cb (CrmRegradeDialog *self)
{
  crm_regrade_dialog_propose (self, gtk_editable_get_text (GTK_EDITABLE (self->quarter_row)));
}

static void
set_all (CrmRegradeDialog *self,
         gboolean          accepted)
{
  guint n = self->proposals != NULL ? g_list_model_get_n_items (self->proposals) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmRegradeProposal) p = g_list_model_get_item (self->proposals, i);

      crm_regrade_proposal_set_accepted (p, accepted);
    }
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  set_all (CRM_REGRADE_DIALOG (widget), TRUE);
}

static void
accept_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  set_all (CRM_REGRADE_DIALOG (widget), FALSE);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CrmRegradeDialog *self = CRM_REGRADE_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  guint applied = 0;

  if (self->proposals == NULL)
    return;

  if (!crm_regrade_apply (self->store, self->proposals, self->quarter,
                          gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                          &applied, &error))
    {
      show_error (self, error->message);
      return;
    }

  {
    g_autofree char *text = g_strdup_printf (ngettext ("Changed %u tier", "Changed %u tiers", applied), applied);

    crm_show_toast (parent, text, TRUE);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *figures = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (figures), 0);
  gtk_widget_add_css_class (figures, "dim-label");
  gtk_widget_add_css_class (figures, "numeric");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), figures);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), labels);

  g_object_set_data (G_OBJECT (box), "check", check);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "figures", figures);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  CrmRegradeProposal *p = gtk_list_item_get_item (list_item);
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
  const char *from = crm_regrade_proposal_get_from_tier (p);
  g_autofree char *figures = NULL;
  GBinding *binding;

  gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (box), "name")),
                      crm_regrade_proposal_get_customer_name (p));
  /* Translators: a proposed tier change and its figures: old tier → new
   * tier, purchases over the year in 万元 (ten thousand yuan), full years
   * of cooperation. */
  figures = g_strdup_printf (_("%s → %s · %.1f万 in the year · %d years of cooperation"),
                             from != NULL ? from : crm_tier_get_label (CRM_TIER_NONE),
                             crm_regrade_proposal_get_to_tier (p),
                             crm_regrade_proposal_get_annual_spend (p) / 10000.0,
                             crm_regrade_proposal_get_years (p));
  gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (box), "figures")), figures);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  crm_regrade_proposal_get_customer_name (p), -1);

  binding = g_object_bind_property (p, "accepted", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (box), "binding", binding);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_get_data (G_OBJECT (box), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (box), "binding", NULL);
}

static void
crm_regrade_dialog_dispose (GObject *object)
{
  CrmRegradeDialog *self = (CrmRegradeDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REGRADE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->proposals);
  g_clear_object (&self->store);
  g_clear_pointer (&self->quarter, g_free);

  G_OBJECT_CLASS (crm_regrade_dialog_parent_class)->dispose (object);
}

static void
crm_regrade_dialog_class_init (CrmRegradeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_regrade_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-regrade-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRegradeDialog, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRegradeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRegradeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmRegradeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmRegradeDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrmRegradeDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRegradeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, crm_regrade_dialog_propose_cb);

  gtk_widget_class_install_action (widget_class, "regrade.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "regrade.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "regrade.accept-none", NULL, accept_none_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_regrade_dialog_init (CrmRegradeDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  update_actions (self);
}

/**
 * crm_regrade_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the customer store
 *
 * Opens on the last quarter that has ended and starts proposing.
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
CrmRegradeDialog *
crm_regrade_dialog_new (GtkWindow        *parent,
                        CrmCustomerStore *store)
{
  CrmRegradeDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *quarter = NULL;
  GDate date;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_REGRADE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_subtract_months (&date, 3);
  quarter = crm_quarter_for_date (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->quarter_row), quarter);
  crm_regrade_dialog_propose (self, quarter);

  return self;
}

/**
 * crm_regrade_dialog_get_proposals:
 *
 * Returns: (transfer none) (nullable): the proposals shown, once computed
 */
GListModel *
crm_regrade_dialog_get_proposals (CrmRegradeDialog *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_DIALOG (self), NULL);

  return self->proposals;
}
