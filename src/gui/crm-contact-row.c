/* crm-contact-row.c — one contact (联系人) in the customer editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-contact-row.h"
#include "crm-validate.h"

/* How long typing must pause before a field's message comes back. */
#define FIELD_PAUSE_MS 800

/* Field messages --------------------------------------------------------- */

typedef struct
{
  GtkWidget    *row;
  /* Owned by the list box beside the row; weak, as the list box may
   * dispose of it first. */
  GtkWidget    *message_row;
  GtkWidget    *message_icon;
  GtkWidget    *message_label;

  CrmFieldFunc  func;
  gpointer      user_data;

  guint         pause_source;
  gboolean      edited;
  gboolean      shown;
  gboolean      visible;
  CrmFieldState state;
  char         *message;
  char         *save_error;
} FieldData;

static void
field_data_free (gpointer data)
{
  FieldData *fd = data;

  g_clear_handle_id (&fd->pause_source, g_source_remove);
  g_clear_weak_pointer (&fd->message_row);
  g_free (fd->message);
  g_free (fd->save_error);
  g_free (fd);
}

static FieldData *
field_data_get (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "crm-field");
}

static void
field_apply (FieldData *fd)
{
  /* Assistive technologies see the row itself as the text field (its
   * delegate GtkText is not exposed in libadwaita 1.2). */
  GtkAccessible *text = GTK_ACCESSIBLE (fd->row);
  CrmFieldState state = fd->state;
  const char *message = fd->message;
  gboolean visible;

  /* What the core said when saving counts until the user edits the field,
   * unless the field's own check has something to say. */
  if (state == CRM_FIELD_OK && fd->save_error != NULL)
    {
      state = CRM_FIELD_ERROR;
      message = fd->save_error;
    }

  visible = fd->shown && state != CRM_FIELD_OK && message != NULL &&
            gtk_widget_get_visible (fd->row);

  gtk_widget_remove_css_class (fd->row, "error");
  gtk_widget_remove_css_class (fd->row, "warning");

  if (visible)
    {
      GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (fd->row));
      gboolean is_error = state == CRM_FIELD_ERROR;

      if (fd->message_row == NULL && list != NULL)
        {
          GtkWidget *box;
          GtkWidget *row = adw_preferences_row_new ();

          /* Not a stop for the keyboard: the message is read out as the
           * description of the field it belongs to. */
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_widget_set_focusable (row, FALSE);
          gtk_widget_add_css_class (row, "field-message");
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

          box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_widget_set_margin_start (box, 12);
          gtk_widget_set_margin_end (box, 12);
          gtk_widget_set_margin_top (box, 6);
          gtk_widget_set_margin_bottom (box, 6);

          fd->message_icon = gtk_image_new ();
          gtk_widget_set_valign (fd->message_icon, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (box), fd->message_icon);

          fd->message_label = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (fd->message_label), 0);
          gtk_label_set_wrap (GTK_LABEL (fd->message_label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (fd->message_label), PANGO_WRAP_WORD_CHAR);
          gtk_widget_set_hexpand (fd->message_label, TRUE);
          gtk_widget_add_css_class (fd->message_label, "caption");
          gtk_box_append (GTK_BOX (box), fd->message_label);

          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
          gtk_list_box_insert (list, row,
                               gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (fd->row)) + 1);
          g_set_weak_pointer (&fd->message_row, row);
        }

      gtk_widget_add_css_class (fd->row, is_error ? "error" : "warning");

      if (fd->message_row != NULL)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (fd->message_icon),
                                        is_error ? "dialog-error-symbolic"
                                                 : "dialog-warning-symbolic");
          gtk_label_set_text (GTK_LABEL (fd->message_label), message);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fd->message_row), message);
          gtk_widget_remove_css_class (fd->message_row, is_error ? "warning" : "error");
          gtk_widget_add_css_class (fd->message_row, is_error ? "error" : "warning");
          gtk_widget_set_visible (fd->message_row, TRUE);
        }

      gtk_accessible_update_property (text,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      if (is_error)
        gtk_accessible_update_state (text,
                                     GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                     -1);
      else
        gtk_accessible_reset_state (text, GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      if (fd->message_row != NULL)
        gtk_widget_set_visible (fd->message_row, FALSE);

      gtk_accessible_reset_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (text, GTK_ACCESSIBLE_STATE_INVALID);
    }

  fd->visible = visible;
}

static gboolean
field_pause_cb (gpointer data)
{
  FieldData *fd = data;

  fd->pause_source = 0;
  fd->shown = TRUE;
  fd->func (fd->row, FALSE, fd->user_data);

  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (GtkEditable *editable,
                  FieldData   *fd)
{
  /* Hide the message while the user types; it returns after a pause. */
  fd->edited = TRUE;
  fd->shown = FALSE;
  g_clear_pointer (&fd->save_error, g_free);

  g_clear_handle_id (&fd->pause_source, g_source_remove);
  fd->pause_source = g_timeout_add (FIELD_PAUSE_MS, field_pause_cb, fd);

  fd->func (fd->row, TRUE, fd->user_data);
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller,
                      FieldData               *fd)
{
  /* Leaving an untouched field says nothing: an empty required field is
   * only pointed out once the user tries to save. */
  if (!fd->edited || fd->shown)
    return;

  g_clear_handle_id (&fd->pause_source, g_source_remove);
  fd->shown = TRUE;
  fd->func (fd->row, FALSE, fd->user_data);
}

static void
field_visible_cb (GtkWidget  *row,
                  GParamSpec *pspec,
                  FieldData  *fd)
{
  field_apply (fd);
}

/**
 * crm_field_watch:
 * @row: an #AdwEntryRow inside a #GtkListBox
 * @func: called when the user edits the row, or its message should change
 * @user_data: data for @func
 *
 * Starts following @row.
 */
void
crm_field_watch (GtkWidget    *row,
                 CrmFieldFunc  func,
                 gpointer      user_data)
{
  GtkEventController *controller;
  FieldData *fd;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (func != NULL);

  fd = g_new0 (FieldData, 1);
  fd->row = row;
  fd->func = func;
  fd->user_data = user_data;
  g_object_set_data_full (G_OBJECT (row), "crm-field", fd, field_data_free);

  g_signal_connect (row, "changed", G_CALLBACK (field_changed_cb), fd);
  g_signal_connect (row, "notify::visible", G_CALLBACK (field_visible_cb), fd);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (field_focus_leave_cb), fd);
  gtk_widget_add_controller (row, controller);
}

/**
 * crm_field_reset:
 * @row: a watched row
 * @shown: whether its message shows at once
 *
 * Forgets that the row was edited, after its text was set by the program.
 */
void
crm_field_reset (GtkWidget *row,
                 gboolean   shown)
{
  FieldData *fd = field_data_get (row);

  g_return_if_fail (fd != NULL);

  g_clear_handle_id (&fd->pause_source, g_source_remove);
  g_clear_pointer (&fd->save_error, g_free);
  fd->edited = FALSE;
  fd->shown = shown;
  field_apply (fd);
}

/**
 * crm_field_set_shown:
 * @row: a watched row
 * @shown: whether its message shows
 *
 * Shows the message of a row whatever the user did, say when they try to
 * save. Call crm_field_update() after.
 */
void
crm_field_set_shown (GtkWidget *row,
                     gboolean   shown)
{
  FieldData *fd = field_data_get (row);

  g_return_if_fail (fd != NULL);

  if (shown)
    g_clear_handle_id (&fd->pause_source, g_source_remove);
  fd->shown = shown;
}

/**
 * crm_field_set_save_error:
 * @row: a watched row
 * @message: why saving refused the field's value
 *
 * Shows @message under the row until the user edits it.
 */
void
crm_field_set_save_error (GtkWidget  *row,
                          const char *message)
{
  FieldData *fd = field_data_get (row);

  g_return_if_fail (fd != NULL);

  g_free (fd->save_error);
  fd->save_error = g_strdup (message);
  fd->shown = TRUE;
  field_apply (fd);
}

/**
 * crm_field_update:
 * @row: a watched row
 * @state: the result of checking its value
 * @message: (nullable): what is wrong, naming the field
 *
 * Records the result of checking the row, and shows it if the time has
 * come.
 */
void
crm_field_update (GtkWidget     *row,
                  CrmFieldState  state,
                  const char    *message)
{
  FieldData *fd = field_data_get (row);

  g_return_if_fail (fd != NULL);

  fd->state = state;
  if (g_strcmp0 (fd->message, message) != 0)
    {
      g_free (fd->message);
      fd->message = g_strdup (message);
    }
  field_apply (fd);
}

/**
 * crm_field_get_message:
 * @row: a watched row
 *
 * Returns: (nullable): the message shown under @row, if one is
 */
const char *
crm_field_get_message (GtkWidget *row)
{
  FieldData *fd = field_data_get (row);

  g_return_val_if_fail (fd != NULL, NULL);

  if (!fd->visible)
    return NULL;

  return fd->state == CRM_FIELD_OK ? fd->save_error : fd->message;
}

/**
 * crm_field_get_done:
 * @row: a watched row
 *
 * Returns: whether the user edited @row and then left it or paused, so
 *   its message is due
 */
gboolean
crm_field_get_done (GtkWidget *row)
{
  FieldData *fd = field_data_get (row);

  g_return_val_if_fail (fd != NULL, FALSE);

  return fd->edited && fd->shown;
}

/* The contact row -------------------------------------------------------- */

struct _CrmContactRow
{
  AdwExpanderRow  parent_instance;

  gint64          contact_id;

  /* Template widgets */
  AdwEntryRow    *name_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *role_row;
  AdwEntryRow    *channel_row;
  AdwEntryRow    *frequency_row;
};

G_DEFINE_FINAL_TYPE (CrmContactRow, crm_contact_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields in the order of the variant a draft keeps. */
static const char * const field_keys[] = {
  "name", "title", "phone", "email", "role", "preferred-channel", "preferred-frequency",
};

static AdwEntryRow **
crm_contact_row_get_fields (CrmContactRow *self,
                            AdwEntryRow   *fields[7])
{
  fields[0] = self->name_row;
  fields[1] = self->title_row;
  fields[2] = self->phone_row;
  fields[3] = self->email_row;
  fields[4] = self->role_row;
  fields[5] = self->channel_row;
  fields[6] = self->frequency_row;

  return fields;
}

/* The text of @row without surrounding whitespace; NULL when empty. */
static char *
dup_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
crm_contact_row_update_title (CrmContactRow *self)
{
  g_autofree char *name = dup_text (self->name_row);
  g_autofree char *title = dup_text (self->title_row);
  g_autofree char *phone = dup_text (self->phone_row);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 name != NULL ? name : _("New contact"));

  if (title != NULL)
    g_string_append (subtitle, title);
  if (phone != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, phone);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : _("New contact"),
                                  -1);
}

static void
crm_contact_row_field_cb (GtkWidget *row,
                          gboolean   edited,
                          gpointer   user_data)
{
  CrmContactRow *self = user_data;

  if (edited)
    crm_contact_row_update_title (self);

  g_signal_emit (self, signals[CHANGED], 0, edited);
}

static void
crm_contact_row_remove_clicked_cb (CrmContactRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
crm_contact_row_class_init (CrmContactRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmContactRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmContactRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, CrmContactRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CrmContactRow, email_row);
  gtk_widget_class_bind_template_child (widget_class, CrmContactRow, role_row);
  gtk_widget_class_bind_template_child (widget_class, CrmContactRow, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrmContactRow, frequency_row);
  gtk_widget_class_bind_template_callback (widget_class, crm_contact_row_remove_clicked_cb);
}

static void
crm_contact_row_init (CrmContactRow *self)
{
  AdwEntryRow *fields[7];

  gtk_widget_init_template (GTK_WIDGET (self));

  crm_contact_row_get_fields (self, fields);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    crm_field_watch (GTK_WIDGET (fields[i]), crm_contact_row_field_cb, self);

  crm_contact_row_update_title (self);
}

static void
crm_contact_row_set_texts (CrmContactRow      *self,
                           const char * const  texts[7])
{
  AdwEntryRow *fields[7];

  crm_contact_row_get_fields (self, fields);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (fields[i]), texts[i] != NULL ? texts[i] : "");
      /* A value that came from the record or a draft shows its problems at
       * once; an empty one waits for the user. */
      crm_field_reset (GTK_WIDGET (fields[i]), texts[i] != NULL && *texts[i] != '\0');
    }

  crm_contact_row_update_title (self);
}

/**
 * crm_contact_row_new:
 * @contact: (nullable): the contact to show, or %NULL for a new one
 *
 * Returns: (transfer floating): a new row
 */
CrmContactRow *
crm_contact_row_new (CrmContact *contact)
{
  CrmContactRow *self;

  g_return_val_if_fail (contact == NULL || CRM_IS_CONTACT (contact), NULL);

  self = g_object_new (CRM_TYPE_CONTACT_ROW, NULL);

  if (contact != NULL)
    {
      const char *texts[7] = {
        crm_contact_get_name (contact),
        crm_contact_get_title (contact),
        crm_contact_get_phone (contact),
        crm_contact_get_email (contact),
        crm_contact_get_role (contact),
        crm_contact_get_preferred_channel (contact),
        crm_contact_get_preferred_frequency (contact),
      };

      self->contact_id = crm_contact_get_id (contact);
      crm_contact_row_set_texts (self, texts);
    }

  return self;
}

/**
 * crm_contact_row_new_from_variant:
 * @variant: a `a{sv}` from crm_contact_row_to_variant()
 *
 * Returns: (transfer floating): a new row showing what the variant holds
 */
CrmContactRow *
crm_contact_row_new_from_variant (GVariant *variant)
{
  CrmContactRow *self;
  g_autoptr(GVariantDict) dict = NULL;
  const char *texts[7] = { NULL, };

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE_VARDICT), NULL);

  self = g_object_new (CRM_TYPE_CONTACT_ROW, NULL);
  dict = g_variant_dict_new (variant);

  if (!g_variant_dict_lookup (dict, "id", "x", &self->contact_id))
    self->contact_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (field_keys); i++)
    g_variant_dict_lookup (dict, field_keys[i], "&s", &texts[i]);

  crm_contact_row_set_texts (self, texts);

  return self;
}

gint64
crm_contact_row_get_contact_id (CrmContactRow *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT_ROW (self), 0);

  return self->contact_id;
}

/**
 * crm_contact_row_is_empty:
 * @self: a #CrmContactRow
 *
 * Returns: whether the user left every field blank; such a row is not
 *   saved
 */
gboolean
crm_contact_row_is_empty (CrmContactRow *self)
{
  AdwEntryRow *fields[7];

  g_return_val_if_fail (CRM_IS_CONTACT_ROW (self), TRUE);

  crm_contact_row_get_fields (self, fields);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = dup_text (fields[i]);

      if (text != NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_contact_row_to_variant:
 * @self: a #CrmContactRow
 *
 * Returns: (transfer floating): the row's text as typed, as `a{sv}`
 */
GVariant *
crm_contact_row_to_variant (CrmContactRow *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  AdwEntryRow *fields[7];

  g_return_val_if_fail (CRM_IS_CONTACT_ROW (self), NULL);

  g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_int64 (self->contact_id));

  crm_contact_row_get_fields (self, fields);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_variant_builder_add (&builder, "{sv}", field_keys[i],
                           g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (fields[i]))));

  return g_variant_builder_end (&builder);
}

/**
 * crm_contact_row_dup_contact:
 * @self: a #CrmContactRow
 *
 * Returns: (transfer full): a contact with the row's values, trimmed; the
 *   store checks and normalises them when saving
 */
CrmContact *
crm_contact_row_dup_contact (CrmContactRow *self)
{
  CrmContact *contact;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *role = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *frequency = NULL;

  g_return_val_if_fail (CRM_IS_CONTACT_ROW (self), NULL);

  name = dup_text (self->name_row);
  title = dup_text (self->title_row);
  phone = dup_text (self->phone_row);
  email = dup_text (self->email_row);
  role = dup_text (self->role_row);
  channel = dup_text (self->channel_row);
  frequency = dup_text (self->frequency_row);

  contact = crm_contact_new ();
  crm_contact_set_id (contact, self->contact_id);
  crm_contact_set_name (contact, name);
  crm_contact_set_title (contact, title);
  crm_contact_set_phone (contact, phone);
  crm_contact_set_email (contact, email);
  crm_contact_set_role (contact, role);
  crm_contact_set_preferred_channel (contact, channel);
  crm_contact_set_preferred_frequency (contact, frequency);

  return contact;
}

/* The label validators put in front of their messages, the same the core
 * uses when it checks a contact, so one translation serves both. */
static char *
dup_field_label (CrmContactRow *self,
                 guint          position,
                 AdwEntryRow   *row)
{
  g_autofree char *name = dup_text (self->name_row);

  if (name == NULL)
    return g_strdup_printf (_("Contact %u"), position);

  if (row == self->phone_row)
    return g_strdup_printf (_("%s’s phone"), name);

  return g_strdup_printf (_("%s’s e-mail"), name);
}

/**
 * crm_contact_row_check:
 * @self: a #CrmContactRow
 * @position: the row's place among the contacts, from 1
 * @first_error: (out) (optional) (transfer full): the first message that
 *   blocks saving, shown or not yet
 *
 * Checks the fields that have rules, and shows what is wrong with those
 * the user is done with.
 *
 * Returns: %FALSE when a field blocks saving
 */
gboolean
crm_contact_row_check (CrmContactRow  *self,
                       guint           position,
                       char          **first_error)
{
  g_autofree char *name = NULL;
  g_autofree char *name_message = NULL;
  gboolean ok = TRUE;
  AdwEntryRow *validated[] = { self->phone_row, self->email_row };

  g_return_val_if_fail (CRM_IS_CONTACT_ROW (self), FALSE);

  name = dup_text (self->name_row);
  if (name == NULL && !crm_contact_row_is_empty (self))
    {
      AdwEntryRow *fields[7];

      name_message = g_strdup_printf (_("Contact %u: enter a name."), position);

      /* A missing name is due once the user is done with any other field
       * of the contact: until then they may still be on their way to it. */
      crm_contact_row_get_fields (self, fields);
      for (guint i = 1; i < G_N_ELEMENTS (fields); i++)
        {
          if (crm_field_get_done (GTK_WIDGET (fields[i])))
            crm_field_set_shown (GTK_WIDGET (self->name_row), TRUE);
        }
    }
  else if (name != NULL && g_utf8_strlen (name, -1) > 100)
    name_message = g_strdup_printf (_("Contact %u: the name has more than 100 characters."), position);

  crm_field_update (GTK_WIDGET (self->name_row),
                    name_message != NULL ? CRM_FIELD_ERROR : CRM_FIELD_OK,
                    name_message);
  if (first_error != NULL)
    *first_error = g_strdup (name_message);
  ok &= name_message == NULL;

  for (guint i = 0; i < G_N_ELEMENTS (validated); i++)
    {
      g_autofree char *text = dup_text (validated[i]);
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;
      g_autoptr(GError) error = NULL;

      if (text != NULL)
        {
          label = dup_field_label (self, position, validated[i]);
          if (validated[i] == self->phone_row)
            value = crm_validate_phone (text, label, NULL, &error);
          else
            value = crm_validate_email (text, label, &error);
        }

      crm_field_update (GTK_WIDGET (validated[i]),
                        error != NULL ? CRM_FIELD_ERROR : CRM_FIELD_OK,
                        error != NULL ? error->message : NULL);
      if (error != NULL && first_error != NULL && *first_error == NULL)
        *first_error = g_strdup (error->message);
      ok &= error == NULL;
    }

  /* A message inside a folded row would go unseen. */
  if (crm_field_get_message (GTK_WIDGET (self->name_row)) != NULL ||
      crm_field_get_message (GTK_WIDGET (self->phone_row)) != NULL ||
      crm_field_get_message (GTK_WIDGET (self->email_row)) != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);

  return ok;
}

/**
 * crm_contact_row_show_all_messages:
 * @self: a #CrmContactRow
 *
 * Shows the messages of every field, edited or not, as when the user
 * tries to save. Call crm_contact_row_check() after.
 */
void
crm_contact_row_show_all_messages (CrmContactRow *self)
{
  AdwEntryRow *fields[7];

  g_return_if_fail (CRM_IS_CONTACT_ROW (self));

  crm_contact_row_get_fields (self, fields);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    crm_field_set_shown (GTK_WIDGET (fields[i]), TRUE);
}

/**
 * crm_contact_row_show_save_error:
 * @self: a #CrmContactRow
 * @position: the row's place among the contacts, from 1
 * @message: an error from saving the customer
 *
 * Shows @message under the field it names, if it names one of this row's.
 *
 * Returns: whether the message was about this row
 */
gboolean
crm_contact_row_show_save_error (CrmContactRow *self,
                                 guint          position,
                                 const char    *message)
{
  AdwEntryRow *validated[] = { self->phone_row, self->email_row };
  g_autofree char *contact_label = NULL;

  g_return_val_if_fail (CRM_IS_CONTACT_ROW (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (validated); i++)
    {
      g_autofree char *label = dup_field_label (self, position, validated[i]);

      if (g_str_has_prefix (message, label))
        {
          crm_field_set_save_error (GTK_WIDGET (validated[i]), message);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
          return TRUE;
        }
    }

  contact_label = g_strdup_printf (_("Contact %u"), position);
  if (g_str_has_prefix (message, contact_label))
    {
      crm_field_set_save_error (GTK_WIDGET (self->name_row), message);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
      return TRUE;
    }

  return FALSE;
}

/**
 * crm_contact_row_focus_name:
 * @self: a #CrmContactRow
 *
 * Unfolds the row and puts the keyboard focus in the name field.
 */
void
crm_contact_row_focus_name (CrmContactRow *self)
{
  g_return_if_fail (CRM_IS_CONTACT_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * crm_contact_row_get_first_error:
 * @self: a #CrmContactRow
 *
 * Returns: (transfer none) (nullable): the first field that shows an
 *   error, to move the focus to
 */
GtkWidget *
crm_contact_row_get_first_error (CrmContactRow *self)
{
  AdwEntryRow *fields[7];

  g_return_val_if_fail (CRM_IS_CONTACT_ROW (self), NULL);

  crm_contact_row_get_fields (self, fields);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (crm_field_get_message (GTK_WIDGET (fields[i])) != NULL &&
          gtk_widget_has_css_class (GTK_WIDGET (fields[i]), "error"))
        return GTK_WIDGET (fields[i]);
    }

  return NULL;
}
