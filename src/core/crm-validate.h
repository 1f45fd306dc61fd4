/* crm-validate.h — checks and normal forms of Chinese identifiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CrmValidateError:
 * @CRM_VALIDATE_ERROR_EMPTY: the value is empty or only whitespace.
 * @CRM_VALIDATE_ERROR_LENGTH: the value has the wrong number of characters
 *   or digits (this includes old 15-digit ID-card numbers).
 * @CRM_VALIDATE_ERROR_CHARACTERS: the value holds characters the format
 *   does not allow, or is not valid UTF-8.
 * @CRM_VALIDATE_ERROR_CHECK_CHARACTER: the check character or digit does
 *   not match the rest of the value.
 * @CRM_VALIDATE_ERROR_BIRTH_DATE: the birth date inside an ID-card number
 *   is not a real date, lies in the future or before 1900.
 * @CRM_VALIDATE_ERROR_REGION: the region or registration-authority code
 *   is not one the standard defines.
 * @CRM_VALIDATE_ERROR_FORMAT: any other structural problem.
 *
 * Errors in the `crm-validate-error-quark` domain. Every message names
 * the field (the label passed in) and says what is wrong, so it can be
 * shown as is, e.g. after "row 12:" in an import report.
 */
typedef enum
{
  CRM_VALIDATE_ERROR_EMPTY,
  CRM_VALIDATE_ERROR_LENGTH,
  CRM_VALIDATE_ERROR_CHARACTERS,
  CRM_VALIDATE_ERROR_CHECK_CHARACTER,
  CRM_VALIDATE_ERROR_BIRTH_DATE,
  CRM_VALIDATE_ERROR_REGION,
  CRM_VALIDATE_ERROR_FORMAT,
} CrmValidateError;

#define CRM_VALIDATE_ERROR (crm_validate_error_quark ())

/**
 * CrmPhoneKind:
 * @CRM_PHONE_KIND_INVALID: not a phone number.
 * @CRM_PHONE_KIND_MOBILE: a mainland mobile number, normalised to 11 digits.
 * @CRM_PHONE_KIND_LANDLINE: a mainland landline, normalised to
 *   `010-12345678` or `010-12345678-123` with an extension.
 */
typedef enum
{
  CRM_PHONE_KIND_INVALID,
  CRM_PHONE_KIND_MOBILE,
  CRM_PHONE_KIND_LANDLINE,
} CrmPhoneKind;

GQuark crm_validate_error_quark (void);

/*
 * All validators share one shape: they take the user's text and the
 * display name of the field (NULL gives a generic name), and return the
 * normalised value (newly allocated) or NULL with @error set. An empty
 * value is an error (CRM_VALIDATE_ERROR_EMPTY): callers of optional fields
 * skip validation of empty text themselves. Full-width characters and
 * surrounding whitespace are accepted everywhere.
 */

/* GB 32100-2015. A code whose only fault is its check character (18th) is
 * accepted, since some early codes were issued that way: the normalised
 * code is returned and @warning (optional) receives a message to show.
 * On success without a warning, *warning is set to NULL. */
char         *crm_validate_credit_code        (const char    *value,
                                               const char    *field_label,
                                               char         **warning,
                                               GError       **error);

/* GB 11643-1999, 18 characters; a wrong check digit is an error. The
 * result ends in an upper-case X where the check digit is ten. */
char         *crm_validate_id_number          (const char    *value,
                                               const char    *field_label,
                                               GError       **error);

/* Accepts +86 / 0086 / 86 prefixes and space or hyphen grouping. */
char         *crm_validate_mobile             (const char    *value,
                                               const char    *field_label,
                                               GError       **error);

/* Area code required; extension after 转, 分机, ext, x, # or a final
 * hyphenated group. */
char         *crm_validate_landline           (const char    *value,
                                               const char    *field_label,
                                               GError       **error);

/* Either a mobile or a landline; @kind (optional) says which. */
char         *crm_validate_phone              (const char    *value,
                                               const char    *field_label,
                                               CrmPhoneKind  *kind,
                                               GError       **error);

/* local@domain.tld, at most 254 bytes; UTF-8 (internationalised) local
 * parts and domains are allowed. The domain is returned in lower case. */
char         *crm_validate_email              (const char    *value,
                                               const char    *field_label,
                                               GError       **error);

/* The check character for the first 17 characters of a credit code (which
 * must be upper-case symbols of the code's alphabet), or '\0' if they are
 * not. Meant for generating sample data as much as for checking. */
char          crm_credit_code_check_character (const char    *first17);

/* The check digit ('0'–'9' or 'X') for the first 17 digits of an ID-card
 * number, or '\0' if they are not 17 digits. */
char          crm_id_number_check_digit       (const char    *first17);

/* The form of a customer name used to find duplicates: NFKC (so full-width
 * and half-width agree), case-folded, without whitespace or punctuation.
 * "北京 科技（集团）有限公司" and "北京科技(集团)有限公司" give the same
 * result. Never NULL. */
char         *crm_normalize_name              (const char    *name);

/* g_utf8_normalize (@text, -1, G_NORMALIZE_NFKC), without its cost for
 * text NFKC leaves as it is: ASCII, as most cells of an import (phones,
 * e-mail addresses, codes, amounts, dates) are, and common Chinese text
 * (CJK unified ideographs and CJK punctuation). */
char         *crm_utf8_nfkc                   (const char    *text);

G_END_DECLS
