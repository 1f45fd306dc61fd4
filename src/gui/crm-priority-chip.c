/* crm-priority-chip.c — one requirement as a small card in a priority matrix cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-priority-chip.h"
#include "crm-requirement-drag.h"

struct _CrmPriorityChip
{
  GtkWidget       parent_instance;

  CrmRequirement *requirement;
  GtkWidget      *kano_label;
  GtkWidget      *title_label;
};

G_DEFINE_FINAL_TYPE (CrmPriorityChip, crm_priority_chip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REQUIREMENT,
  N_PROPS
};

enum {
  MOVE_REQUESTED,
  OPEN_REQUESTED,
  DRAGGING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *kano_classes[] = { NULL, "must-be", "performance", "attractive" };

static void
update (CrmPriorityChip *self)
{
  g_autofree char *accessible = NULL;
  int kano = CRM_KANO_NONE;
  int importance, urgency;

  if (self->requirement == NULL)
    return;

  g_object_get (self->requirement, "kano", &kano, NULL);
  importance = crm_requirement_get_importance (self->requirement);
  urgency = crm_requirement_get_urgency (self->requirement);

  gtk_label_set_label (GTK_LABEL (self->title_label), crm_requirement_get_title (self->requirement));
  gtk_widget_set_visible (self->kano_label, kano != CRM_KANO_NONE);
  gtk_label_set_label (GTK_LABEL (self->kano_label),
                       crm_requirement_enum_get_label (CRM_REQUIREMENT_ENUM_KANO, kano));
  for (guint i = 1; i < G_N_ELEMENTS (kano_classes); i++)
    {
      if ((int)i == kano)
        gtk_widget_add_css_class (self->kano_label, kano_classes[i]);
      else
        gtk_widget_remove_css_class (self->kano_label, kano_classes[i]);
    }

  /* Translators: how a screen reader reads a card of the priority
   * matrix: code, title, importance and urgency. */
  accessible = g_strdup_printf (_("%s %s, importance %d, urgency %d"),
                                crm_requirement_get_code (self->requirement) ?: "",
                                crm_requirement_get_title (self->requirement) ?: "",
                                importance, urgency);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* The title as a tooltip, made when the pointer rests on the card:
 * gtk_widget_set_tooltip_text() asks the X server where the pointer is,
 * a round trip for every card made. */
static gboolean
crm_priority_chip_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_tooltip,
                                 GtkTooltip *tooltip)
{
  CrmPriorityChip *self = CRM_PRIORITY_CHIP (widget);
  const char *title = self->requirement != NULL ? crm_requirement_get_title (self->requirement) : NULL;

  if (title == NULL || title[0] == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, title);

  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CrmPriorityChip       *self)
{
  int rows = 0;
  int columns = 0;

  /* With a modifier the key belongs to someone else (Ctrl+Z, Alt+1 …). */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      rows = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      rows = 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      columns = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      columns = 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      g_signal_emit (self, signals[OPEN_REQUESTED], 0);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* The move refills the matrix, which drops this card: keep it alive
   * until the emission is over. */
  g_object_ref (self);
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, rows, columns);
  g_object_unref (self);

  return GDK_EVENT_STOP;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CrmPriorityChip *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press == 2)
    g_signal_emit (self, signals[OPEN_REQUESTED], 0);
}

static void
drag_begin_cb (CrmPriorityChip *self)
{
  g_signal_emit (self, signals[DRAGGING], 0, TRUE);
}

static void
drag_end_cb (CrmPriorityChip *self)
{
  g_signal_emit (self, signals[DRAGGING], 0, FALSE);
}

static void
crm_priority_chip_dispose (GObject *object)
{
  CrmPriorityChip *self = (CrmPriorityChip *)object;

  g_clear_pointer (&self->title_label, gtk_widget_unparent);
  g_clear_pointer (&self->kano_label, gtk_widget_unparent);
  g_clear_object (&self->requirement);

  G_OBJECT_CLASS (crm_priority_chip_parent_class)->dispose (object);
}

static void
crm_priority_chip_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmPriorityChip *self = CRM_PRIORITY_CHIP (object);

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
crm_priority_chip_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmPriorityChip *self = CRM_PRIORITY_CHIP (object);

  switch (prop_id)
    {
    case PROP_REQUIREMENT:
      crm_priority_chip_set_requirement (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_priority_chip_class_init (CrmPriorityChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_priority_chip_dispose;
  object_class->get_property = crm_priority_chip_get_property;
  object_class->set_property = crm_priority_chip_set_property;
  widget_class->query_tooltip = crm_priority_chip_query_tooltip;

  properties[PROP_REQUIREMENT] =
    g_param_spec_object ("requirement", NULL, NULL, CRM_TYPE_REQUIREMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DRAGGING] =
    g_signal_new ("dragging", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "prioritychip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
crm_priority_chip_init (CrmPriorityChip *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 4);
  gtk_widget_add_css_class (widget, "card");

  /* The title first: it is what a person scans a cell for. */
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (self->title_label), 4);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_widget_set_parent (self->title_label, widget);

  self->kano_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->kano_label, "kano-badge");
  gtk_widget_set_valign (self->kano_label, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->kano_label, widget);

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, keys);

  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  source = crm_requirement_drag_source_add (widget, (CrmRequirementGetter)crm_priority_chip_get_requirement);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
crm_priority_chip_new (CrmRequirement *requirement)
{
  return g_object_new (CRM_TYPE_PRIORITY_CHIP, "requirement", requirement, NULL);
}

CrmRequirement *
crm_priority_chip_get_requirement (CrmPriorityChip *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_CHIP (self), NULL);

  return self->requirement;
}

void
crm_priority_chip_set_requirement (CrmPriorityChip *self,
                                   CrmRequirement  *requirement)
{
  g_return_if_fail (CRM_IS_PRIORITY_CHIP (self));
  g_return_if_fail (requirement == NULL || CRM_IS_REQUIREMENT (requirement));

  if (!g_set_object (&self->requirement, requirement))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENT]);
}

gint64
crm_priority_chip_get_id (CrmPriorityChip *self)
{
  g_return_val_if_fail (CRM_IS_PRIORITY_CHIP (self), 0);

  return self->requirement != NULL ? crm_requirement_get_id (self->requirement) : 0;
}
