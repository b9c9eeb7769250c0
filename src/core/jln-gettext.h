/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Jalons' own strings, looked up in its catalogue by gettext itself, in
 * place of <glib/gi18n-lib.h>: GLib's g_dgettext(), which that header's
 * _() and C_() call, decides once per process whether to translate at
 * all, from the catalogue of the language of its first lookup, and keeps
 * that answer. A program started in English (which has no catalogue)
 * would then keep these strings in English after the interface's
 * language changes while it runs, beside French ones from gettext().
 * Include this header in .c files only, after config.h. */

#include <libintl.h>
#include <glib.h>

#define _(String) ((char *) dgettext (GETTEXT_PACKAGE, String))
#define N_(String) (String)
/* Context and string are one key of the catalogue, joined by EOT. */
#define C_(Context, String) jln_pgettext (Context "\004" String, sizeof (Context))
#define NC_(Context, String) (String)

G_BEGIN_DECLS

const char *jln_pgettext  (const char *context_id,
                           gsize       msgid_offset) G_GNUC_FORMAT (1);
const char *jln_pgettext2 (const char *context,
                           const char *msgid) G_GNUC_FORMAT (2);

G_END_DECLS
