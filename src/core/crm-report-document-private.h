/* crm-report-document-private.h — the blocks of a report and their pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "crm-report-document.h"

G_BEGIN_DECLS

/* Page geometry, in points. */
#define CRM_REPORT_MARGIN_X      56.7
#define CRM_REPORT_MARGIN_TOP    70.0
#define CRM_REPORT_MARGIN_BOTTOM 64.0
#define CRM_REPORT_CELL_PAD       3.0

typedef enum
{
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_TABLE,
  BLOCK_CHARTS,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind     kind;
  guint         level;          /* headings */
  CrmReportTextStyle style;     /* text */
  char         *text;           /* headings, text */
  PangoLayout  *layout;         /* headings, text: laid out by paginate */
  guint         n_columns;      /* tables */
  GStrv         headers;
  double       *widths;         /* fractions of the text width */
  GPtrArray    *rows;           /* GStrv */
  GArray       *row_heights;    /* double; [0] is the header row */
  CrmChartData *charts[2];
  double        height;         /* charts */
} Block;

/* One piece of a block on a page: all of it, some lines of a text or some
 * rows of a table (under a repeated header row). */
typedef struct
{
  Block  *block;
  double  y;
  guint   first;   /* first line or row */
  guint   end;     /* one past the last */
  double  offset;  /* text: y of the first line inside its layout */
  double  height;
} Placement;

struct _CrmReportDocument
{
  GObject       parent_instance;

  char         *title;
  char         *subtitle;
  GPtrArray    *title_lines;    /* char * */
  char         *font_family;
  GPtrArray    *blocks;         /* Block * */
  GPtrArray    *pages;          /* GArray of Placement; [0] is the title page */
  PangoContext *context;
};

PangoLayout *crm_report_document_layout (CrmReportDocument *self,
                                         const char        *text,
                                         double             size,
                                         gboolean           bold,
                                         double             width);
double       crm_report_layout_height   (PangoLayout       *layout);
void         crm_report_block_free      (Block             *block);

G_END_DECLS
