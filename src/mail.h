/* mail.h: e-mail decoding shared by the "mbox" and "eml" readers. The
 * readers only split the stream; mail_decode() is the deferred decode step
 * that turns one raw RFC 5322 message into text, fields, attachments,
 * warnings, role, thread and quote/signature regions. Private to libtact;
 * the only file that sees GMime and GLib is mail.c, which loads them at
 * run time (dlopen). */
#ifndef TACT_MAIL_H
#define TACT_MAIL_H

#include "reader.h"

/* mail.c */
/* The msg_decoder for e-mail; ctx is the reader's reader_opts. Safe to
 * run on several threads at once, each with its own message. */
void mail_decode(tact_msg *msg, const void *ctx);
/* The role of a sender address ("user@example.com") under the reader's
 * agent-domain and agent-address lists: agent or customer. */
tact_role mail_sender_role(const reader_opts *o, const char *addr);

/* html.c */
/* Append a plain-text rendering of the UTF-8 HTML document @p html to
 * @p out: block elements start lines, <p> and headings paragraphs, <br>
 * breaks lines, blockquote lines are prefixed "> ", script, style and head
 * are dropped, entities decoded. Linear in the input; documents nested
 * deeper than the renderer accepts are stripped of tags instead. */
void html_to_text(buf *out, const char *html, size_t len);

#endif
