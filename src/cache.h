/* cache.h: compiled lexicons kept on disk. Compiling the bundled lexicons
 * into the matcher and vocabulary is most of tact's start-up (some 80 M
 * instructions); the result depends only on the loaded entries and on this
 * build of tact, so it is saved once under a key made of both and mapped
 * read-only by later runs. Private to libtact.
 *
 * The cache is never needed and never trusted beyond a check: a missing,
 * stale, short or damaged file (its payload has a checksum), or one not
 * owned by the user or writable by others, is ignored and
 * the lexicons are compiled as if there were none; a directory that cannot
 * be written is not an error. Files are written whole under a temporary
 * name and renamed, so concurrent runs see either nothing or a complete
 * file. The directory keeps the newest CACHE_KEEP files.
 *
 * Where: the setting cache-dir, else $XDG_CACHE_HOME/tact, else
 * $HOME/.cache/tact; the setting cache=no turns it off. */
#ifndef TACT_CACHE_H
#define TACT_CACHE_H

#include "pattern.h"

enum { CACHE_KEEP = 8 };

/* The cache directory cfg asks for (malloc'd), or NULL when off. */
char *cache_dir(const tact_config *cfg);
/* Fill m and v from the file for lx in dir. False (m, v untouched) when
 * there is no valid one. On success m owns the mapping (matcher_free). */
bool cache_load(const char *dir, const lexicon *lx, matcher *m, vocab *v);
/* Save m and v, just compiled from lx, into dir; silent on failure. */
void cache_save(const char *dir, const lexicon *lx, const matcher *m, const vocab *v);

#endif
