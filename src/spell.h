/* spell.h: spelling with hunspell, behind a per-thread verdict cache.
 * Private to libtact. */
#ifndef TACT_SPELL_H
#define TACT_SPELL_H

#include "tact.h"
#include "util.h"

struct spell;
struct spell_cache;

/* spell.c */
/* Open the dictionary named by cfg "dict" (a name looked up in the usual
 * hunspell directories, or a path without .aff/.dic) and the extra word
 * lists of "dict-extra". */
tact_status spell_open(const tact_config *cfg, struct spell **out, char **err);
void spell_close(struct spell *sp);
/* Is word (UTF-8, n bytes) spelled correctly? When not and sugg is not
 * NULL, *sugg gets up to three suggestions separated by '\n' (borrowed from
 * the cache, valid until the next call) or NULL; NULL too when the setting
 * "suggest" is off. Suggesting costs hunspell milliseconds: pass sugg only
 * for a word that will be reported. */
bool spell_check(struct spell *sp, struct spell_cache **cache, const char *word, size_t n, const char **sugg);
void spell_cache_free(struct spell_cache *c);
/* Is word (NUL-terminated) in the dictionary? No cache, no suggestions. */
bool spell_known(struct spell *sp, const char *word);
/* The .dic file opened, for tools that read its words. */
const char *spell_dic_path(const struct spell *sp);

#endif
