/* config.h: the key/value configuration shared by engine, readers, writers.
 * Private to libtact; the public view is tact_config_* in tact.h. */
#ifndef TACT_CONFIG_H
#define TACT_CONFIG_H

#include "tact.h"
#include "util.h"

/* config.c */
/* Call fn for every value of a repeatable key, in the order given. */
void config_each(const tact_config *cfg, const char *key, void (*fn)(const char *value, void *data), void *data);
/* Count the values of a key. */
size_t config_count(const tact_config *cfg, const char *key);
/* The i-th value of a key (0-based), NULL past the end. */
const char *config_nth(const tact_config *cfg, const char *key, size_t i);
/* A boolean key's value (with its default when unset). */
bool config_bool(const tact_config *cfg, const char *key);
/* A size key's value (with its default when unset). */
size_t config_size(const tact_config *cfg, const char *key);
/* A string key's value, or its default (never NULL for keys with one). */
const char *config_str(const tact_config *cfg, const char *key);

#endif
