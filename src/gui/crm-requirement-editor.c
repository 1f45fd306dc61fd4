/* crm-requirement-editor.c — a window to add or edit a requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Every field of a requirement, one row each. The rows are made from the
 * table below rather than written out in the template: there are some
 * thirty, and each is "a label, a kind of input, a property". The editor
 * works on a copy; Save checks and writes it as one undoable action and
 * keeps the window open, with the message naming the field, when the
 * store refuses it, so nothing typed is lost.
 *
 * The customer is chosen from a lazy CrmCustomerList in a popover with a
 * search entry, so the choice stays quick with 100 000 customers.
 */

#include <glib/gi18n.h>

#include "crm-button-names.h"
#include "crm-customer-list.h"
#include "crm-requirement-editor.h"

typedef enum
{
  ROW_ENTRY,
  ROW_TEXT,
  ROW_COMBO,
  ROW_SPIN,
  ROW_AMOUNT,
  ROW_SATISFACTION,
} RowKind;

typedef enum
{
  GROUP_MAIN,
  GROUP_STORY,
  GROUP_CLASS,
  GROUP_CLOSE,
} Group;

typedef struct
{
  const char         *property;
  const char         *label;
  RowKind             kind;
  CrmRequirementEnum  type;
  Group               group;
} RowSpec;

static const RowSpec rows[] = {
  { "title", N_("Title"), ROW_ENTRY, 0, GROUP_MAIN },
  { "status", N_("Status"), ROW_COMBO, CRM_REQUIREMENT_ENUM_STATUS, GROUP_MAIN },
  { "owner", N_("Owner"), ROW_ENTRY, 0, GROUP_MAIN },
  { "due-on", N_("Due date (YYYY-MM-DD)"), ROW_ENTRY, 0, GROUP_MAIN },
  { "description", N_("Description"), ROW_TEXT, 0, GROUP_MAIN },
  { "user-story", N_("User story (As a …, I want … so that …)"), ROW_TEXT, 0, GROUP_STORY },
  { "who", N_("Who"), ROW_ENTRY, 0, GROUP_STORY },
  { "what", N_("What"), ROW_ENTRY, 0, GROUP_STORY },
  { "when", N_("When"), ROW_ENTRY, 0, GROUP_STORY },
  { "where", N_("Where"), ROW_ENTRY, 0, GROUP_STORY },
  { "why", N_("Why"), ROW_ENTRY, 0, GROUP_STORY },
  { "how", N_("How"), ROW_ENTRY, 0, GROUP_STORY },
  { "importance", N_("Importance (1–5)"), ROW_SPIN, 0, GROUP_CLASS },
  { "urgency", N_("Urgency (1–5)"), ROW_SPIN, 0, GROUP_CLASS },
  { "source", N_("Source"), ROW_COMBO, CRM_REQUIREMENT_ENUM_SOURCE, GROUP_CLASS },
  { "nature", N_("Nature"), ROW_COMBO, CRM_REQUIREMENT_ENUM_NATURE, GROUP_CLASS },
  { "category", N_("Category"), ROW_COMBO, CRM_REQUIREMENT_ENUM_CATEGORY, GROUP_CLASS },
  { "kano", N_("Kano class"), ROW_COMBO, CRM_REQUIREMENT_ENUM_KANO, GROUP_CLASS },
  { "relation", N_("Relation to the product"), ROW_COMBO, CRM_REQUIREMENT_ENUM_RELATION, GROUP_CLASS },
  { "moscow", N_("MoSCoW"), ROW_COMBO, CRM_REQUIREMENT_ENUM_MOSCOW, GROUP_CLASS },
  { "value", N_("Value (yuan)"), ROW_AMOUNT, 0, GROUP_CLASS },
  { "cost", N_("Cost (yuan)"), ROW_AMOUNT, 0, GROUP_CLASS },
  { "acceptance", N_("Acceptance criteria"), ROW_TEXT, 0, GROUP_CLOSE },
  { "resolution", N_("Resolution or reason for rejecting"), ROW_TEXT, 0, GROUP_CLOSE },
  { "satisfaction", N_("Customer satisfaction"), ROW_SATISFACTION, 0, GROUP_CLOSE },
};

struct _CrmRequirementEditor
{
  AdwWindow            parent_instance;

  CrmRequirementStore *store;
  CrmCustomerStore    *customer_store;
  CrmRequirement      *requirement;     /* the working copy */
  CrmCustomerList     *customers;
  GtkWidget           *inputs[G_N_ELEMENTS (rows)];
  AdwActionRow        *customer_row;
  GtkMenuButton       *customer_button;
  GtkWidget           *evidence_rows;
  GtkWidget           *history_rows;

  /* Template widgets */
  AdwPreferencesGroup *main_group;
  AdwPreferencesGroup *story_group;
  AdwPreferencesGroup *class_group;
  AdwPreferencesGroup *close_group;
  AdwPreferencesGroup *evidence_group;
  AdwPreferencesGroup *history_group;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (CrmRequirementEditor, crm_requirement_editor, ADW_TYPE_WINDOW)

static AdwPreferencesGroup *
group_for (CrmRequirementEditor *self,
           Group                 group)
{
  switch (group)
    {
    case GROUP_MAIN: return self->main_group;
    case GROUP_STORY: return self->story_group;
    case GROUP_CLASS: return self->class_group;
    case GROUP_CLOSE: return self->close_group;
    default: g_assert_not_reached ();
    }
}

/* Building rows --------------------------------------------------------- */

static GtkWidget *
make_row (CrmRequirementEditor *self,
          const RowSpec        *spec)
{
  AdwPreferencesGroup *group = group_for (self, spec->group);
  const char *label = _(spec->label);
  GtkWidget *input = NULL;

  switch (spec->kind)
    {
    case ROW_ENTRY:
    case ROW_AMOUNT:
      input = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (input), label);
      if (spec->kind == ROW_AMOUNT)
        gtk_editable_set_max_width_chars (GTK_EDITABLE (input), 15);
      adw_preferences_group_add (group, input);
      break;

    case ROW_TEXT:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *title = gtk_label_new (label);
        GtkWidget *frame = gtk_frame_new (NULL);

        input = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (input), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (input), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (input), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (input), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (input), 6);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (input), 6);
        gtk_widget_set_size_request (input, -1, 64);
        gtk_label_set_xalign (GTK_LABEL (title), 0);
        gtk_widget_add_css_class (title, "dim-label");
        gtk_accessible_update_relation (GTK_ACCESSIBLE (input),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
        gtk_frame_set_child (GTK_FRAME (frame), input);
        gtk_box_append (GTK_BOX (box), title);
        gtk_box_append (GTK_BOX (box), frame);
        gtk_widget_set_margin_top (box, 6);
        adw_preferences_group_add (group, box);
      }
      break;

    case ROW_COMBO:
    case ROW_SATISFACTION:
      {
        g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

        if (spec->kind == ROW_SATISFACTION)
          {
            gtk_string_list_append (strings, _("Not rated"));
            for (guint i = 1; i <= 5; i++)
              {
                g_autofree char *text = g_strdup_printf ("%u", i);

                gtk_string_list_append (strings, text);
              }
          }
        else
          {
            for (guint i = 0; i < crm_requirement_enum_n_values (spec->type); i++)
              gtk_string_list_append (strings, crm_requirement_enum_get_label (spec->type, i));
          }
        input = adw_combo_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (input), label);
        adw_combo_row_set_model (ADW_COMBO_ROW (input), G_LIST_MODEL (strings));
        adw_preferences_group_add (group, input);
      }
      break;

    case ROW_SPIN:
      {
        GtkWidget *row = adw_action_row_new ();

        input = gtk_spin_button_new_with_range (1, 5, 1);
        gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (input),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
        adw_preferences_group_add (group, row);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return input;
}

/* Between the record and the rows ---------------------------------------- */

static char *
text_view_dup (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
load (CrmRequirementEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const RowSpec *spec = &rows[i];
      GtkWidget *input = self->inputs[i];

      switch (spec->kind)
        {
        case ROW_ENTRY:
          gtk_editable_set_text (GTK_EDITABLE (input),
                                 crm_requirement_get_string (self->requirement, spec->property) ?: "");
          break;
        case ROW_TEXT:
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)),
                                    crm_requirement_get_string (self->requirement, spec->property) ?: "", -1);
          break;
        case ROW_AMOUNT:
          {
            gint64 amount = crm_requirement_get_number (self->requirement, spec->property);
            g_autofree char *text = amount >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, amount) : g_strdup ("");

            gtk_editable_set_text (GTK_EDITABLE (input), text);
          }
          break;
        case ROW_COMBO:
        case ROW_SATISFACTION:
          adw_combo_row_set_selected (ADW_COMBO_ROW (input),
                                      crm_requirement_get_number (self->requirement, spec->property));
          break;
        case ROW_SPIN:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (input),
                                     crm_requirement_get_number (self->requirement, spec->property));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Reads the rows into the copy; FALSE with the message when an amount is
 * not a number. */
static gboolean
read_rows (CrmRequirementEditor  *self,
           char                 **message)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const RowSpec *spec = &rows[i];
      GtkWidget *input = self->inputs[i];

      switch (spec->kind)
        {
        case ROW_ENTRY:
          g_object_set (self->requirement, spec->property, gtk_editable_get_text (GTK_EDITABLE (input)), NULL);
          break;
        case ROW_TEXT:
          {
            g_autofree char *text = text_view_dup (input);

            g_object_set (self->requirement, spec->property, text, NULL);
          }
          break;
        case ROW_AMOUNT:
          {
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (input))));
            gint64 amount = -1;

            if (text[0] != '\0' && !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &amount, NULL))
              {
                /* Translators: %s names a field such as “Value (yuan)”. */
                *message = g_strdup_printf (_("%s: enter a whole number of yuan, such as 50000."),
                                            _(spec->label));
                return FALSE;
              }
            g_object_set (self->requirement, spec->property, amount, NULL);
          }
          break;
        case ROW_COMBO:
        case ROW_SATISFACTION:
          g_object_set (self->requirement, spec->property,
                        (int)adw_combo_row_get_selected (ADW_COMBO_ROW (input)), NULL);
          break;
        case ROW_SPIN:
          g_object_set (self->requirement, spec->property,
                        gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (input)), NULL);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

static void
show_error (CrmRequirementEditor *self,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Customer --------------------------------------------------------------- */

static void
update_customer_row (CrmRequirementEditor *self)
{
  gint64 id = crm_requirement_get_customer_id (self->requirement);
  g_autoptr(CrmCustomer) customer = NULL;

  if (id > 0 && self->customer_store != NULL)
    customer = crm_customer_store_get (self->customer_store, id, NULL);

  adw_action_row_set_subtitle (self->customer_row,
                               customer != NULL ? crm_customer_get_name (customer) : _("No customer"));
}

static void
customer_activated_cb (GtkListView          *view,
                       guint                 position,
                       CrmRequirementEditor *self)
{
  crm_requirement_set_customer_id (self->requirement, crm_customer_list_get_id (self->customers, position));
  update_customer_row (self);
  gtk_menu_button_popdown (self->customer_button);
}

static void
no_customer_clicked_cb (CrmRequirementEditor *self)
{
  crm_requirement_set_customer_id (self->requirement, 0);
  update_customer_row (self);
  gtk_menu_button_popdown (self->customer_button);
}

static void
customer_search_cb (GtkSearchEntry       *entry,
                    CrmRequirementEditor *self)
{
  crm_customer_list_set_search_text (self->customers, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
customer_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
customer_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       crm_customer_get_name (gtk_list_item_get_item (item)));
}

static void
build_customer_row (CrmRequirementEditor *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *none = gtk_button_new_with_label (_("No customer"));
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view;

  self->customer_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row), _("Customer"));
  self->customer_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->customer_button, _("Choose…"));
  gtk_widget_set_valign (GTK_WIDGET (self->customer_button), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->customer_row, GTK_WIDGET (self->customer_button));
  adw_preferences_group_add (self->main_group, GTK_WIDGET (self->customer_row));

  if (self->customer_store == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->customer_button), FALSE);
      return;
    }

  self->customers = crm_customer_list_new (self->customer_store);
  g_signal_connect (factory, "setup", G_CALLBACK (customer_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (customer_bind_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->customers)))),
                            factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customers"), -1);
  g_signal_connect_object (view, "activate", G_CALLBACK (customer_activated_cb), self, 0);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (customer_search_cb), self, 0);
  g_signal_connect_object (none, "clicked", G_CALLBACK (no_customer_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), none);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (self->customer_button, popover);
}

/* Evidence and history --------------------------------------------------- */

static void
reload_evidence_and_history (CrmRequirementEditor *self)
{
  gint64 id = crm_requirement_get_id (self->requirement);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->evidence_rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->evidence_rows), child);
  while ((child = gtk_widget_get_first_child (self->history_rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->history_rows), child);

  if (id <= 0)
    return;

  evidence = crm_requirement_store_list_evidence (self->store, id);
  for (guint i = 0; i < evidence->len; i++)
    {
      CrmEvidence *item = g_ptr_array_index (evidence, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->excerpt);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_EVIDENCE_KIND, item->kind));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_box_append (GTK_BOX (self->evidence_rows), row);
    }

  history = crm_requirement_store_list_history (self->store, id);
  for (guint i = 0; i < history->len; i++)
    {
      CrmStatusChange *change = g_ptr_array_index (history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      title = change->from_status < 0
        ? g_strdup (crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, change->to_status))
        /* Translators: a status move, “Pending → In Progress”. */
        : g_strdup_printf (_("%s → %s"),
                           crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, change->from_status),
                           crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_STATUS, change->to_status));
      subtitle = g_strjoin (" · ", change->changed_at, change->changed_by ?: "", change->note, NULL);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_box_append (GTK_BOX (self->history_rows), row);
    }
}

static void
add_note_applied_cb (AdwEntryRow          *row,
                     CrmRequirementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    return;

  if (crm_requirement_store_add_evidence (self->store, crm_requirement_get_id (self->requirement),
                                          CRM_EVIDENCE_KIND_NOTE, 0, text, &error) == 0)
    {
      show_error (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  reload_evidence_and_history (self);
}

static void
build_evidence_and_history (CrmRequirementEditor *self)
{
  GtkWidget *note = adw_entry_row_new ();

  self->evidence_rows = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->evidence_rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->evidence_rows, "boxed-list");
  self->evidence_rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->evidence_rows, "card");
  adw_preferences_group_add (self->evidence_group, self->evidence_rows);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Add a note as evidence"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note), TRUE);
  g_signal_connect_object (note, "apply", G_CALLBACK (add_note_applied_cb), self, 0);
  adw_preferences_group_add (self->evidence_group, note);

  self->history_rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->history_rows, "card");
  adw_preferences_group_add (self->history_group, self->history_rows);

  /* Evidence and history belong to a saved requirement. */
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), crm_requirement_get_id (self->requirement) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), crm_requirement_get_id (self->requirement) > 0);
}

/* Saving ----------------------------------------------------------------- */

/**
 * crm_requirement_editor_save:
 *
 * Checks and saves the requirement; shows the reason and keeps the window
 * open when it cannot be saved.
 *
 * Returns: whether it was saved
 */
gboolean
crm_requirement_editor_save (CrmRequirementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_EDITOR (self), FALSE);

  if (!read_rows (self, &message))
    {
      show_error (self, message);
      return FALSE;
    }

  if (crm_requirement_store_save (self->store, self->requirement, &error) == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  if (crm_requirement_editor_save (CRM_REQUIREMENT_EDITOR (widget)))
    gtk_window_destroy (GTK_WINDOW (widget));
}

/* GObject ---------------------------------------------------------------- */

static void
crm_requirement_editor_dispose (GObject *object)
{
  CrmRequirementEditor *self = (CrmRequirementEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REQUIREMENT_EDITOR);
  g_clear_object (&self->customers);
  g_clear_object (&self->requirement);
  g_clear_object (&self->store);
  g_clear_object (&self->customer_store);

  G_OBJECT_CLASS (crm_requirement_editor_parent_class)->dispose (object);
}

static void
crm_requirement_editor_class_init (CrmRequirementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_requirement_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-requirement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementEditor, main_group);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementEditor, story_group);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementEditor, class_group);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementEditor, close_group);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementEditor, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementEditor, error_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_requirement_editor_init (CrmRequirementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_button_names_fix (GTK_WIDGET (self));
}

/**
 * crm_requirement_editor_new:
 * @parent: (nullable): the window to be modal for
 * @store: the requirements
 * @customer_store: (nullable): the customers to choose from
 * @requirement: (nullable): the requirement to edit, %NULL for a new one
 * @customer_id: for a new requirement, its customer (0 for none)
 *
 * Returns: (transfer none): the editor, owned by GTK until closed
 */
GtkWidget *
crm_requirement_editor_new (GtkWindow           *parent,
                            CrmRequirementStore *store,
                            CrmCustomerStore    *customer_store,
                            CrmRequirement      *requirement,
                            gint64               customer_id)
{
  CrmRequirementEditor *self;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_REQUIREMENT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->customer_store = customer_store != NULL ? g_object_ref (customer_store) : NULL;

  /* A fresh copy from the store: the card's object may be older. */
  if (requirement != NULL)
    self->requirement = crm_requirement_store_get (store, crm_requirement_get_id (requirement), NULL);
  if (self->requirement == NULL)
    {
      self->requirement = crm_requirement_new ();
      crm_requirement_set_customer_id (self->requirement, customer_id);
    }

  gtk_window_set_title (GTK_WINDOW (self),
                        crm_requirement_get_id (self->requirement) > 0
                        ? crm_requirement_get_code (self->requirement) : _("New Requirement"));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      self->inputs[i] = make_row (self, &rows[i]);
      if (i == 0)
        build_customer_row (self);
    }
  build_evidence_and_history (self);
  load (self);
  update_customer_row (self);
  reload_evidence_and_history (self);

  return GTK_WIDGET (self);
}

/**
 * crm_requirement_editor_get_requirement:
 *
 * Returns: (transfer none): the working copy the editor saves
 */
CrmRequirement *
crm_requirement_editor_get_requirement (CrmRequirementEditor *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_EDITOR (self), NULL);

  return self->requirement;
}
