/* crm-merge-dialog.c — choosing a duplicate to fold into a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-customer-list.h"
#include "crm-merge-dialog.h"

struct _CrmMergeDialog
{
  AdwWindow           parent_instance;

  CrmCustomerStore   *store;
  gint64              survivor_id;
  char               *survivor_name;
  CrmCustomerList    *list;
  GtkSingleSelection *selection;

  /* The duplicate the confirmation dialog asks about. */
  gint64              duplicate_id;
  char               *duplicate_name;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkLabel           *intro_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (CrmMergeDialog, crm_merge_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SURVIVOR_ID,
  N_PROPS
};

enum {
  MERGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static CrmCustomer *
crm_merge_dialog_get_chosen (CrmMergeDialog *self)
{
  CrmCustomer *customer = gtk_single_selection_get_selected_item (self->selection);

  if (customer == NULL || crm_customer_get_id (customer) == self->survivor_id)
    return NULL;

  return customer;
}

static void
crm_merge_dialog_update_state (CrmMergeDialog *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean complete = crm_customer_list_is_complete (self->list);

  /* Until a broad search has its whole answer, "no match" would be early. */
  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 || !complete ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.confirm",
                                 crm_merge_dialog_get_chosen (self) != NULL);
}

static void
crm_merge_dialog_search_changed_cb (CrmMergeDialog *self,
                                    GtkSearchEntry *entry)
{
  crm_customer_list_set_search_text (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
crm_merge_dialog_setup_item_cb (GtkSignalListItemFactory *factory,
                                GtkListItem              *item,
                                CrmMergeDialog           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
crm_merge_dialog_bind_item_cb (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               CrmMergeDialog           *self)
{
  CrmCustomer *customer = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  gboolean is_survivor = crm_customer_get_id (customer) == self->survivor_id;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *code = crm_customer_get_code (customer);

  if (is_survivor)
    /* Translators: the customer the others would be merged into. */
    g_string_append (text, _("This customer"));
  else if (code != NULL)
    g_string_append (text, code);
  else
    g_string_append (text, crm_review_state_get_label (CRM_REVIEW_STATE_DRAFT));

  if (crm_customer_get_industry_name (customer) != NULL)
    g_string_append_printf (text, " · %s", crm_customer_get_industry_name (customer));
  if (crm_customer_get_owner (customer) != NULL)
    g_string_append_printf (text, " · %s", crm_customer_get_owner (customer));

  gtk_label_set_text (GTK_LABEL (name), crm_customer_get_name (customer));
  gtk_label_set_text (GTK_LABEL (details), text->str);

  /* A customer cannot be merged into itself. */
  gtk_list_item_set_selectable (item, !is_survivor);
  gtk_list_item_set_activatable (item, !is_survivor);
  gtk_widget_set_sensitive (box, !is_survivor);
}

static void
crm_merge_dialog_response_cb (CrmMergeDialog   *self,
                              const char       *response,
                              AdwMessageDialog *message)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "merge") != 0)
    {
      /* Back to choosing. */
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  if (!crm_customer_store_merge (self->store, self->survivor_id, self->duplicate_id, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      gtk_window_present (GTK_WINDOW (self));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  g_signal_emit (self, signals[MERGED], 0, self->duplicate_name);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
crm_merge_dialog_confirm_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  CrmMergeDialog *self = CRM_MERGE_DIALOG (widget);
  CrmCustomer *duplicate = crm_merge_dialog_get_chosen (self);
  const char *duplicate_name;
  GtkWidget *message;

  if (duplicate == NULL)
    return;

  duplicate_name = crm_customer_get_name (duplicate);
  self->duplicate_id = crm_customer_get_id (duplicate);
  g_free (self->duplicate_name);
  self->duplicate_name = g_strdup (duplicate_name);

  /* The confirmation takes the chooser's place above the main window
   * rather than stacking on it: GTK 4.8 does not cope with a transient
   * parent destroyed before its dialog is finalized. */
  message = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)), NULL, NULL);
  gtk_window_set_modal (GTK_WINDOW (message), TRUE);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (message),
                                     /* Translators: the first %s is the duplicate, the second the
                                      * customer it is merged into. */
                                     _("Merge “%s” into “%s”?"),
                                     duplicate_name, self->survivor_name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (message),
                                  /* Translators: %1$s is the duplicate, %2$s the customer kept. */
                                  _("The contacts, cooperation records and tags of “%1$s” move to “%2$s”, "
                                    "and the fields “%2$s” leaves empty are filled from “%1$s”. "
                                    "Then “%1$s” is removed.\n\nYou can undo this."),
                                  duplicate_name, self->survivor_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message),
                                              "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");

  g_signal_connect_object (message, "response",
                           G_CALLBACK (crm_merge_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_window_present (GTK_WINDOW (message));
}

static void
crm_merge_dialog_activate_cb (CrmMergeDialog *self,
                              guint           position,
                              GtkListView    *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "merge.confirm", NULL);
}

static void
crm_merge_dialog_constructed (GObject *object)
{
  CrmMergeDialog *self = (CrmMergeDialog *)object;
  g_autoptr(CrmCustomer) survivor = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autofree char *intro = NULL;

  G_OBJECT_CLASS (crm_merge_dialog_parent_class)->constructed (object);

  survivor = crm_customer_store_get (self->store, self->survivor_id, NULL);
  self->survivor_name = g_strdup (survivor != NULL ? crm_customer_get_name (survivor) : "");

  intro = g_strdup_printf (/* Translators: %s is the customer that is kept. */
                           _("Choose the duplicate of “%s”. Its contacts, cooperation records "
                             "and tags move here, and the duplicate is removed."),
                           self->survivor_name);
  gtk_label_set_text (self->intro_label, intro);

  /* A list of its own: searching here must not filter the page behind. */
  self->list = crm_customer_list_new (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (crm_merge_dialog_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::n-items",
                           G_CALLBACK (crm_merge_dialog_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::complete",
                           G_CALLBACK (crm_merge_dialog_update_state),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (crm_merge_dialog_setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (crm_merge_dialog_bind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  crm_merge_dialog_update_state (self);

  /* Finding the duplicate starts with typing its name. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
crm_merge_dialog_dispose (GObject *object)
{
  CrmMergeDialog *self = (CrmMergeDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_MERGE_DIALOG);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->survivor_name, g_free);
  g_clear_pointer (&self->duplicate_name, g_free);

  G_OBJECT_CLASS (crm_merge_dialog_parent_class)->dispose (object);
}

static void
crm_merge_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmMergeDialog *self = CRM_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SURVIVOR_ID:
      g_value_set_int64 (value, self->survivor_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_merge_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmMergeDialog *self = CRM_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SURVIVOR_ID:
      self->survivor_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_merge_dialog_class_init (CrmMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_merge_dialog_constructed;
  object_class->dispose = crm_merge_dialog_dispose;
  object_class->get_property = crm_merge_dialog_get_property;
  object_class->set_property = crm_merge_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_CUSTOMER_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SURVIVOR_ID] =
    g_param_spec_int64 ("survivor-id", NULL, NULL,
                        1, G_MAXINT64, 1,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmMergeDialog::merged:
   * @duplicate_name: the name of the customer that was merged and removed
   */
  signals[MERGED] =
    g_signal_new ("merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmMergeDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmMergeDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, CrmMergeDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmMergeDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmMergeDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, crm_merge_dialog_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, crm_merge_dialog_activate_cb);

  gtk_widget_class_install_action (widget_class, "merge.confirm", NULL, crm_merge_dialog_confirm_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_merge_dialog_init (CrmMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crm_merge_dialog_new:
 * @parent: (nullable): the window to keep the dialog above
 * @store: the customers' store
 * @survivor_id: the customer to keep
 *
 * Returns: (transfer none): a new dialog, owned by GTK until it is
 *   destroyed
 */
CrmMergeDialog *
crm_merge_dialog_new (GtkWindow        *parent,
                      CrmCustomerStore *store,
                      gint64            survivor_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), NULL);
  g_return_val_if_fail (survivor_id > 0, NULL);

  return g_object_new (CRM_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "survivor-id", survivor_id,
                       NULL);
}

gint64
crm_merge_dialog_get_survivor_id (CrmMergeDialog *self)
{
  g_return_val_if_fail (CRM_IS_MERGE_DIALOG (self), 0);

  return self->survivor_id;
}
