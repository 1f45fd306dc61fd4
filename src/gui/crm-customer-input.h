/* crm-customer-input.h — what is typed into the customer editor, read and parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "crm-contact-row.h"

G_BEGIN_DECLS

/*
 * The editor keeps what the user typed as typed (a draft must hold input
 * that does not pass its checks yet); these read it from the rows and
 * turn it into the values a customer holds. A parser returns
 * %CRM_FIELD_ERROR with a message naming the field when the text is no
 * such value; an empty field is %CRM_FIELD_OK with no value.
 */

char          *crm_customer_input_dup_entry_text        (AdwEntryRow  *row);
char          *crm_customer_input_dup_view_text         (GtkTextView  *view);
char          *crm_customer_input_dup_view_text_or_null (GtkTextView  *view);

CrmFieldState  crm_customer_input_parse_founded         (const char   *text,
                                                         char        **iso,
                                                         char        **message);
CrmFieldState  crm_customer_input_parse_employees       (const char   *text,
                                                         int          *employees,
                                                         char        **message);
CrmFieldState  crm_customer_input_parse_revenue         (const char   *text,
                                                         gint64       *yuan,
                                                         char        **message);
char          *crm_customer_input_format_revenue        (gint64        yuan);
CrmFieldState  crm_customer_input_parse_tags            (const char   *text,
                                                         GStrv        *tags,
                                                         char        **message);

G_END_DECLS
