/* crm-import-header-map.h — which column of an imported CSV file holds which field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CrmImportField:
 * @CRM_IMPORT_FIELD_NONE: a header name that is no field
 * @CRM_IMPORT_FIELD_IGNORED: recognised but not imported (the customer
 *   code, the review state, the annual spend, a rejected-rows file's
 *   reason, row numbers)
 * @CRM_IMPORT_FIELD_PERSON_NAME: 姓名, the customer's name in a list of
 *   people, the contact's name next to a company name
 *
 * The fields a column of an imported file can hold; the others are named
 * after the customer or contact property they fill.
 */
typedef enum
{
  CRM_IMPORT_FIELD_NONE = -1,
  CRM_IMPORT_FIELD_IGNORED,
  CRM_IMPORT_FIELD_NAME,
  CRM_IMPORT_FIELD_PERSON_NAME,
  CRM_IMPORT_FIELD_KIND,
  CRM_IMPORT_FIELD_CREDIT_CODE,
  CRM_IMPORT_FIELD_ID_NUMBER,
  CRM_IMPORT_FIELD_FOUNDED_ON,
  CRM_IMPORT_FIELD_INDUSTRY,
  CRM_IMPORT_FIELD_EMPLOYEES,
  CRM_IMPORT_FIELD_ANNUAL_REVENUE,
  CRM_IMPORT_FIELD_TYPE,
  CRM_IMPORT_FIELD_TIER,
  CRM_IMPORT_FIELD_OWNER,
  CRM_IMPORT_FIELD_PROVINCE,
  CRM_IMPORT_FIELD_CITY,
  CRM_IMPORT_FIELD_DISTRICT,
  CRM_IMPORT_FIELD_STREET,
  CRM_IMPORT_FIELD_PAIN_POINTS,
  CRM_IMPORT_FIELD_DECISION_CHAIN,
  CRM_IMPORT_FIELD_NOTES,
  CRM_IMPORT_FIELD_TAGS,
  CRM_IMPORT_FIELD_CONTACT_NAME,
  CRM_IMPORT_FIELD_CONTACT_TITLE,
  CRM_IMPORT_FIELD_CONTACT_PHONE,
  CRM_IMPORT_FIELD_CONTACT_EMAIL,
  CRM_IMPORT_FIELD_CONTACT_ROLE,
  CRM_IMPORT_FIELD_CONTACT_CHANNEL,
  CRM_IMPORT_FIELD_CONTACT_FREQUENCY,
  CRM_IMPORT_N_FIELDS
} CrmImportField;

/*
 * CrmImportHeaderMap: the header row of an imported file, and which of its
 * columns holds each field. Built from the header by matching its names
 * against the Chinese and English names Rapport knows; it then reads the
 * cells of the rows below by field.
 */
typedef struct _CrmImportHeaderMap CrmImportHeaderMap;

CrmImportHeaderMap *crm_import_header_map_new                (GPtrArray          *header,
                                                              GStrvBuilder       *warnings);
void                crm_import_header_map_free               (CrmImportHeaderMap *self);
GPtrArray          *crm_import_header_map_get_header         (CrmImportHeaderMap *self);
gboolean            crm_import_header_map_has_field          (CrmImportHeaderMap *self,
                                                              CrmImportField      field);
const char         *crm_import_header_map_get_title          (CrmImportHeaderMap *self,
                                                              CrmImportField      field);
gboolean            crm_import_header_map_get_revenue_in_wan (CrmImportHeaderMap *self);
char               *crm_import_header_map_dup_cell           (CrmImportHeaderMap *self,
                                                              GPtrArray          *cells,
                                                              CrmImportField      field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportHeaderMap, crm_import_header_map_free)

G_END_DECLS
