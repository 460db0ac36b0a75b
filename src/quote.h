/* quote.h: finding quoted text and signatures in a message's text, so
 * that detectors judge only the author's own words. Works on any text (an
 * e-mail body, a pasted reply in a JSONL ticket), not only on mail.
 * Private to libtact. */
#ifndef TACT_QUOTE_H
#define TACT_QUOTE_H

#include "message.h"

/* quote.c */
/* Add "quote" and "signature" regions for msg->text (msg_add_region_rule,
 * rule names "quote-marker", "quote-header", "quote-outlook",
 * "quote-forward", "quote-after-mobile", "sig-delimiter", "sig-mobile",
 * "sig-signoff", "sig-contact", "sig-name", "sig-disclaimer", "sig-pgp",
 * "sig-uuencode", "sig-patch"). The From
 * field, when set, helps recognise the sender's name in a sign-off.
 * Linear in the text: each line is classified once from a bounded prefix
 * and suffix, and every pattern looks at a bounded number of lines. Adds nothing to an empty
 * text; adds at most QUOTE_MAX_REGIONS regions (then a warning). */
void quote_mark(tact_msg *msg);
/* The same with the sender's display name given ("Joe Doe"; NULL when
 * unknown) instead of taken from the From field. Runs once per text: later
 * calls of either function do nothing until the message is reset. */
void quote_mark_sender(tact_msg *msg, const char *name);

#define QUOTE_MAX_REGIONS 4096

#endif
