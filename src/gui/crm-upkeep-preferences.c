/* crm-upkeep-preferences.c — follow-up cadence and tier rules in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A page of the Preferences window. The values are edited freely and
 * saved together with "Apply": a cadence change re-plans every customer,
 * so it is one undoable action, not one per click of a spin button.
 * Amounts are shown in 万元 (ten thousand yuan), as sales teams count.
 */

#include <glib/gi18n.h>

#include "crm-follow-up-plan.h"
#include "crm-upkeep-preferences.h"

typedef enum
{
  FIELD_DAYS,
  FIELD_HOURS,
  FIELD_WAN,
  FIELD_YEARS,
} FieldKind;

typedef struct
{
  const char *key;
  const char *title;
  FieldKind   kind;
  int         index;
} Field;

/* Keys name the rows for the tests; titles are marked for translation. */
static const Field fields[] = {
  { "cadence-s", N_("S customers, every (days)"), FIELD_DAYS, CRM_TIER_S },
  { "cadence-a", N_("A customers, every (days)"), FIELD_DAYS, CRM_TIER_A },
  { "cadence-b", N_("B customers, every (days)"), FIELD_DAYS, CRM_TIER_B },
  { "cadence-c", N_("C customers, every (days)"), FIELD_DAYS, CRM_TIER_C },
  { "cadence-none", N_("Customers not graded, every (days)"), FIELD_DAYS, CRM_TIER_NONE },
  { "first-prospect", N_("First contact with a prospect within (hours)"), FIELD_HOURS, 0 },
  { "first-intent", N_("First contact with an intent customer within (hours)"), FIELD_HOURS, 1 },
  { "tier-s-spend", N_("S from (¥10k a year)"), FIELD_WAN, CRM_TIER_S },
  { "tier-s-years", N_("S also needs (years of cooperation)"), FIELD_YEARS, CRM_TIER_S },
  { "tier-a-spend", N_("A from (¥10k a year)"), FIELD_WAN, CRM_TIER_A },
  { "tier-b-spend", N_("B from (¥10k a year); below it, C"), FIELD_WAN, CRM_TIER_B },
};

#define N_CADENCE_FIELDS 7

struct _CrmUpkeepPreferences
{
  AdwPreferencesPage  parent_instance;

  CrmCustomerStore   *store;
  GtkSpinButton      *spins[G_N_ELEMENTS (fields)];
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (CrmUpkeepPreferences, crm_upkeep_preferences, ADW_TYPE_PREFERENCES_PAGE)

static double
read_field (const Field        *field,
            const CrmCadence   *cadence,
            const CrmTierRules *rules)
{
  switch (field->kind)
    {
    case FIELD_DAYS:
      return cadence->interval_days[field->index];
    case FIELD_HOURS:
      return field->index == 0 ? cadence->prospect_hours : cadence->intent_hours;
    case FIELD_YEARS:
      return rules->s_min_years;
    case FIELD_WAN:
    default:
      if (field->index == CRM_TIER_S)
        return rules->s_min_spend / 10000.0;
      if (field->index == CRM_TIER_A)
        return rules->a_min_spend / 10000.0;
      return rules->b_min_spend / 10000.0;
    }
}

static void
write_field (const Field  *field,
             double        value,
             CrmCadence   *cadence,
             CrmTierRules *rules)
{
  switch (field->kind)
    {
    case FIELD_DAYS:
      cadence->interval_days[field->index] = (int)value;
      break;
    case FIELD_HOURS:
      if (field->index == 0)
        cadence->prospect_hours = (int)value;
      else
        cadence->intent_hours = (int)value;
      break;
    case FIELD_YEARS:
      rules->s_min_years = (int)value;
      break;
    case FIELD_WAN:
    default:
      {
        gint64 yuan = (gint64)(value * 10000.0 + 0.5);

        if (field->index == CRM_TIER_S)
          rules->s_min_spend = yuan;
        else if (field->index == CRM_TIER_A)
          rules->a_min_spend = yuan;
        else
          rules->b_min_spend = yuan;
      }
    }
}

static void
load (CrmUpkeepPreferences *self)
{
  CrmCadence cadence;
  CrmTierRules rules;

  if (self->store == NULL)
    return;

  crm_upkeep_rules_load (crm_customer_store_get_database (self->store), &cadence, &rules);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_spin_button_set_value (self->spins[i], read_field (&fields[i], &cadence, &rules));
}

/**
 * crm_upkeep_preferences_apply:
 * @self: a #CrmUpkeepPreferences
 * @error: return location for an error
 *
 * Saves the values shown as one undoable action.
 *
 * Returns: %TRUE when saved
 */
gboolean
crm_upkeep_preferences_apply (CrmUpkeepPreferences  *self,
                              GError               **error)
{
  CrmCadence cadence;
  CrmTierRules rules;

  g_return_val_if_fail (CRM_IS_UPKEEP_PREFERENCES (self), FALSE);

  crm_upkeep_rules_load (crm_customer_store_get_database (self->store), &cadence, &rules);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_spin_button_update (self->spins[i]);
      write_field (&fields[i], gtk_spin_button_get_value (self->spins[i]), &cadence, &rules);
    }

  return crm_upkeep_rules_save (self->store, &cadence, &rules, error);
}

/**
 * crm_upkeep_preferences_set_value:
 * @self: a #CrmUpkeepPreferences
 * @key: a field's key, such as "cadence-b"
 * @value: the value to show, as the user would type it
 *
 * For the tests: sets a field as typing would.
 */
void
crm_upkeep_preferences_set_value (CrmUpkeepPreferences *self,
                                  const char           *key,
                                  double                value)
{
  g_return_if_fail (CRM_IS_UPKEEP_PREFERENCES (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].key, key) == 0)
        gtk_spin_button_set_value (self->spins[i], value);
    }
}

static void
on_apply_clicked (CrmUpkeepPreferences *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!crm_upkeep_preferences_apply (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root),
                                      adw_toast_new (_("Follow-up rules saved; Ctrl+Z in the main window undoes it")));
}

static GtkWidget *
make_row (CrmUpkeepPreferences *self,
          guint                 i)
{
  const Field *field = &fields[i];
  GtkWidget *row = adw_action_row_new ();
  GtkAdjustment *adjustment;
  GtkWidget *spin;

  switch (field->kind)
    {
    case FIELD_DAYS:
      adjustment = gtk_adjustment_new (7, 1, 366, 1, 7, 0);
      break;
    case FIELD_HOURS:
      adjustment = gtk_adjustment_new (24, 1, 720, 1, 24, 0);
      break;
    case FIELD_YEARS:
      adjustment = gtk_adjustment_new (2, 0, 50, 1, 1, 0);
      break;
    case FIELD_WAN:
    default:
      adjustment = gtk_adjustment_new (5, 0, 100000, 1, 10, 0);
      break;
    }

  spin = gtk_spin_button_new (adjustment, 1, field->kind == FIELD_WAN ? 1 : 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_name (spin, field->key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->title), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  self->spins[i] = GTK_SPIN_BUTTON (spin);

  return row;
}

static void
crm_upkeep_preferences_dispose (GObject *object)
{
  CrmUpkeepPreferences *self = (CrmUpkeepPreferences *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_upkeep_preferences_parent_class)->dispose (object);
}

static void
crm_upkeep_preferences_class_init (CrmUpkeepPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_upkeep_preferences_dispose;
}

static void
crm_upkeep_preferences_init (CrmUpkeepPreferences *self)
{
  AdwPreferencesGroup *cadence = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *tiers = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *apply = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Apply"));
  GtkWidget *error = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Follow-ups"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "x-office-calendar-symbolic");

  adw_preferences_group_set_title (cadence, _("Follow-up Cadence"));
  adw_preferences_group_set_description (cadence,
                                         _("How often each tier is followed up, counted from the last real contact. "
                                           "Key follow-ups use the shortest interval."));
  adw_preferences_group_set_title (tiers, _("Tier Rules"));
  adw_preferences_group_set_description (tiers,
                                         _("Purchases over the last twelve months and full years of cooperation, "
                                           "as the quarterly re-grade reads them."));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    adw_preferences_group_add (i < N_CADENCE_FIELDS ? cadence : tiers, make_row (self, i));

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_apply_clicked), self);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  self->error_label = GTK_LABEL (error);
  adw_preferences_group_add (apply, error);
  adw_preferences_group_add (apply, button);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), cadence);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), tiers);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), apply);
}

/**
 * crm_upkeep_preferences_new:
 * @store: the customer store
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
crm_upkeep_preferences_new (CrmCustomerStore *store)
{
  CrmUpkeepPreferences *self;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_UPKEEP_PREFERENCES, NULL);
  self->store = g_object_ref (store);
  /* An undo in the main window puts the old values back here too. */
  g_signal_connect_object (store, "changed", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  load (self);

  return GTK_WIDGET (self);
}
