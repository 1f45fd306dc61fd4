/* crm-industry.h — an industry (所属行业) with its code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_INDUSTRY (crm_industry_get_type ())

G_DECLARE_FINAL_TYPE (CrmIndustry, crm_industry, CRM, INDUSTRY, GObject)

/*
 * Properties (read-write, explicit notify): id (gint64), code (three
 * capital letters, e.g. "TRA", used in customer codes), name ("贸易").
 */

CrmIndustry *crm_industry_new      (gint64       id,
                                    const char  *code,
                                    const char  *name);
gint64       crm_industry_get_id   (CrmIndustry *self);
void         crm_industry_set_id   (CrmIndustry *self,
                                    gint64       id);
const char  *crm_industry_get_code (CrmIndustry *self);
void         crm_industry_set_code (CrmIndustry *self,
                                    const char  *code);
const char  *crm_industry_get_name (CrmIndustry *self);
void         crm_industry_set_name (CrmIndustry *self,
                                    const char  *name);

G_END_DECLS
