/* crm-requirement-card.c — one requirement as a card on a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-requirement-card.h"
#include "crm-requirement-drag.h"

struct _CrmRequirementCard
{
  GtkWidget       parent_instance;

  CrmRequirement *requirement;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkMenuButton  *menu_button;
  GtkLabel       *customer_label;
  GtkLabel       *quadrant_label;
  GtkLabel       *owner_label;
  GtkLabel       *due_label;
};

G_DEFINE_FINAL_TYPE (CrmRequirementCard, crm_requirement_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REQUIREMENT,
  N_PROPS
};

enum {
  MOVE_REQUESTED,
  EDIT_REQUESTED,
  MERGE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Today's date for the overdue mark; tests pin it. */
static char *today;

static const char *quadrant_classes[] = { "do-now", "plan", "standardise", "defer" };

/**
 * crm_requirement_card_set_today:
 * @today: (nullable): the date cards compare due dates with, "2024-03-01";
 *   %NULL for the real date
 */
void
crm_requirement_card_set_today (const char *date)
{
  g_free (today);
  today = g_strdup (date);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static void
update (CrmRequirementCard *self)
{
  CrmRequirement *requirement = self->requirement;
  g_autofree char *date = dup_today ();
  g_autofree char *accessible = NULL;
  g_autofree char *due_text = NULL;
  const char *customer;
  const char *owner;
  const char *due_on;
  CrmQuadrant quadrant;
  gboolean overdue;

  if (requirement == NULL)
    return;

  customer = crm_requirement_get_customer_name (requirement);
  owner = crm_requirement_get_owner (requirement);
  due_on = crm_requirement_get_due_on (requirement);
  quadrant = crm_requirement_get_quadrant (requirement);
  overdue = crm_requirement_is_overdue (requirement, date);

  gtk_label_set_label (self->title_label, crm_requirement_get_title (requirement));
  gtk_label_set_label (self->customer_label, customer != NULL ? customer : _("No customer"));
  gtk_label_set_label (self->quadrant_label,
                       crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_QUADRANT, quadrant));
  for (guint i = 0; i < G_N_ELEMENTS (quadrant_classes); i++)
    {
      if (i == quadrant)
        gtk_widget_add_css_class (GTK_WIDGET (self->quadrant_label), quadrant_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->quadrant_label), quadrant_classes[i]);
    }
  gtk_label_set_label (self->owner_label, owner != NULL ? owner : "");
  gtk_widget_set_visible (GTK_WIDGET (self->owner_label), owner != NULL);

  if (due_on != NULL)
    /* Translators: a card's due date; %s is a date such as 2024-03-31. */
    due_text = overdue ? g_strdup_printf (_("Overdue %s"), due_on) : g_strdup (due_on);
  gtk_label_set_label (self->due_label, due_text != NULL ? due_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due_on != NULL);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");

  /* A screen reader reads the whole card as one sentence. */
  accessible = g_strdup_printf ("%s %s, %s, %s%s%s%s%s",
                                crm_requirement_get_code (requirement) ?: "",
                                crm_requirement_get_title (requirement) ?: "",
                                customer != NULL ? customer : _("No customer"),
                                crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_QUADRANT, quadrant),
                                owner != NULL ? ", " : "", owner != NULL ? owner : "",
                                due_text != NULL ? ", " : "", due_text != NULL ? due_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_signal_emit (widget, signals[MOVE_REQUESTED], 0, g_variant_get_int32 (param), 0);
}

static void
move_by_column_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CrmRequirementCard *self = CRM_REQUIREMENT_CARD (widget);
  int status;

  if (self->requirement == NULL)
    return;

  status = (int)crm_requirement_get_status (self->requirement) + g_variant_get_int32 (param);
  if (status < 0 || status >= CRM_REQUIREMENT_N_STATUSES)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_signal_emit (widget, signals[MOVE_REQUESTED], 0, status, 0);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_signal_emit (widget, signals[MOVE_REQUESTED], 0, -1, -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_signal_emit (widget, signals[MOVE_REQUESTED], 0, -1, 1);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[EDIT_REQUESTED], 0);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals[MERGE_REQUESTED], 0);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_menu_button_popup (CRM_REQUIREMENT_CARD (widget)->menu_button);
}

/* A board holds hundreds of cards while only a few menus are ever opened:
 * the menu is made when first asked for, not with every card (building a
 * popover menu per card made a board of 200 000 requirements take a
 * second longer to appear). */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  CrmRequirementCard *self = user_data;
  GMenuModel *menu;
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/org/rapportcrm/Rapport/crm-requirement-card-menu.ui");
  menu = G_MENU_MODEL (gtk_builder_get_object (builder, "card_menu"));
  gtk_menu_button_set_menu_model (button, menu);
  (void)self;
}

/* What crm_requirement_drag_source_add() drags. */
static CrmRequirement *
card_requirement (GtkWidget *widget)
{
  return crm_requirement_card_get_requirement (CRM_REQUIREMENT_CARD (widget));
}

static void
crm_requirement_card_dispose (GObject *object)
{
  CrmRequirementCard *self = (CrmRequirementCard *)object;

  g_clear_object (&self->requirement);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_REQUIREMENT_CARD);

  G_OBJECT_CLASS (crm_requirement_card_parent_class)->dispose (object);
}

static void
crm_requirement_card_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrmRequirementCard *self = CRM_REQUIREMENT_CARD (object);

  switch (prop_id)
    {
    case PROP_REQUIREMENT:
      g_value_set_object (value, self->requirement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_card_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrmRequirementCard *self = CRM_REQUIREMENT_CARD (object);

  switch (prop_id)
    {
    case PROP_REQUIREMENT:
      crm_requirement_card_set_requirement (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_requirement_card_class_init (CrmRequirementCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_requirement_card_dispose;
  object_class->get_property = crm_requirement_card_get_property;
  object_class->set_property = crm_requirement_card_set_property;

  properties[PROP_REQUIREMENT] =
    g_param_spec_object ("requirement", NULL, NULL, CRM_TYPE_REQUIREMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmRequirementCard::move-requested:
   * @status: the column to move to, or -1 to move within the column
   * @delta: with a status of -1, -1 for up and 1 for down
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[EDIT_REQUESTED] =
    g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MERGE_REQUESTED] =
    g_signal_new ("merge-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rapportcrm/Rapport/crm-requirement-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCard, box);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCard, customer_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCard, quadrant_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCard, owner_label);
  gtk_widget_class_bind_template_child (widget_class, CrmRequirementCard, due_label);

  gtk_widget_class_install_action (widget_class, "card.move-to", "i", move_to_action);
  gtk_widget_class_install_action (widget_class, "card.move-by-column", "i", move_by_column_action);
  gtk_widget_class_install_action (widget_class, "card.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "card.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "card.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "card.merge", NULL, merge_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "requirementcard");
}

static void
crm_requirement_card_init (CrmRequirementCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  crm_requirement_drag_source_add (GTK_WIDGET (self), card_requirement);
}

GtkWidget *
crm_requirement_card_new (void)
{
  return g_object_new (CRM_TYPE_REQUIREMENT_CARD, NULL);
}

CrmRequirement *
crm_requirement_card_get_requirement (CrmRequirementCard *self)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_CARD (self), NULL);

  return self->requirement;
}

void
crm_requirement_card_set_requirement (CrmRequirementCard *self,
                                      CrmRequirement     *requirement)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_CARD (self));
  g_return_if_fail (requirement == NULL || CRM_IS_REQUIREMENT (requirement));

  if (!g_set_object (&self->requirement, requirement))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENT]);
}

/**
 * crm_requirement_card_set_drop_mark:
 * @mark: CRM_DROP_MARK_BEFORE or _AFTER to show where a dragged card
 *   would land, CRM_DROP_MARK_NONE to hide it
 */
void
crm_requirement_card_set_drop_mark (CrmRequirementCard *self,
                                    int                 mark)
{
  g_return_if_fail (CRM_IS_REQUIREMENT_CARD (self));

  if (mark == CRM_DROP_MARK_BEFORE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-before");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-before");

  if (mark == CRM_DROP_MARK_AFTER)
    gtk_widget_add_css_class (GTK_WIDGET (self), "drop-after");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-after");
}
