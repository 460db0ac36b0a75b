/* config.c: one key/value store for every stage, so a command-line option,
 * a line of a config file and an API call are the same thing. Values are
 * validated when set, so later stages can trust them. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

enum kind { K_BOOL, K_STR, K_LIST, K_ENUM, K_SIZE };

static const struct key {
	const char *name;
	enum kind kind;
	const char *def;
	const char *choices; /* K_ENUM: "|a|b|c|" */
} keys[] = {
	{"lexicons", K_LIST, NULL, NULL},
	{"default-lexicons", K_BOOL, "yes", NULL},
	{"lang", K_STR, "en", NULL},
	{"cache", K_BOOL, "yes", NULL},
	{"cache-dir", K_STR, NULL, NULL},
	{"spell", K_BOOL, "no", NULL},
	{"suggest", K_BOOL, "yes", NULL},
	{"dict", K_STR, "en_US", NULL},
	{"dict-extra", K_LIST, NULL, NULL},
	{"input-format", K_ENUM, "auto", "|auto|text|transcript|jsonl|csv|mbox|eml|"},
	{"role", K_ENUM, NULL, "|customer|agent|unknown|"},
	{"id-field", K_STR, "id", NULL},
	{"role-field", K_STR, "role", NULL},
	{"text-field", K_STR, "text", NULL},
	{"thread-field", K_STR, "thread", NULL},
	{"customer-name", K_LIST, NULL, NULL},
	{"agent-name", K_LIST, NULL, NULL},
	{"agent-domain", K_LIST, NULL, NULL},
	{"agent-address", K_LIST, NULL, NULL},
	{"max-message-bytes", K_SIZE, "16M", NULL},
	{"format", K_ENUM, "jsonl", "|jsonl|text|tsv|summary|html|"},
	{"color", K_ENUM, "auto", "|auto|always|never|"},
	{"text", K_BOOL, "no", NULL},
	{"own-text", K_BOOL, "no", NULL},
	{"summary", K_BOOL, "no", NULL},
	{"positions", K_BOOL, "yes", NULL},
	{"explain", K_BOOL, "no", NULL},
};

struct tact_config {
	struct kv {
		const struct key *key;
		char *value;
	} *kv;
	size_t n, cap;
};

static const struct key *find_key(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(keys); i++)
		if (!strcmp(keys[i].name, name))
			return &keys[i];
	return NULL;
}

tact_config *tact_config_new(void)
{
	return xcalloc(1, sizeof(tact_config));
}

void tact_config_free(tact_config *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < cfg->n; i++)
		free(cfg->kv[i].value);
	free(cfg->kv);
	free(cfg);
}

static bool parse_bool(const char *v, bool *out)
{
	static const char *yes[] = {"yes", "true", "on", "1"}, *no[] = {"no", "false", "off", "0"};
	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (ascii_strieq(v, yes[i])) {
			*out = true;
			return true;
		}
		if (ascii_strieq(v, no[i])) {
			*out = false;
			return true;
		}
	}
	return false;
}

tact_status tact_config_set(tact_config *cfg, const char *name, const char *value, char **err)
{
	const struct key *k = find_key(name);
	if (!k) {
		set_err(err, "unknown setting '%s'", name);
		return TACT_ERR_USAGE;
	}
	if (!value) {
		set_err(err, "setting '%s' needs a value", name);
		return TACT_ERR_USAGE;
	}
	bool b;
	size_t sz;
	switch (k->kind) {
	case K_BOOL:
		if (!parse_bool(value, &b)) {
			set_err(err, "setting '%s': '%s' is not yes or no", name, value);
			return TACT_ERR_USAGE;
		}
		value = b ? "yes" : "no";
		break;
	case K_ENUM: {
		size_t n = strlen(value);
		const char *p = strstr(k->choices, value);
		if (!n || !p || p[-1] != '|' || p[n] != '|') {
			char *c = xstrndup(k->choices + 1, strlen(k->choices) - 2);
			set_err(err, "setting '%s': '%s' is not one of %s", name, value, c);
			free(c);
			return TACT_ERR_USAGE;
		}
		break;
	}
	case K_SIZE:
		if (!parse_size(value, &sz) || sz == 0) {
			set_err(err, "setting '%s': '%s' is not a size (like 16M)", name, value);
			return TACT_ERR_USAGE;
		}
		break;
	case K_STR:
	case K_LIST:
		if (!*value && k->kind == K_LIST) {
			set_err(err, "setting '%s' needs a non-empty value", name);
			return TACT_ERR_USAGE;
		}
		break;
	}
	VEC_RESERVE(cfg->kv, cfg->cap, cfg->n + 1);
	cfg->kv[cfg->n++] = (struct kv){k, xstrdup(value)};
	return TACT_OK;
}

static char *trim(char *s)
{
	while (ascii_space((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && ascii_space((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

tact_status tact_config_load(tact_config *cfg, const char *path, char **err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		set_err(err, "%s: %s", path, strerror(errno));
		return TACT_ERR_IO;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	tact_status st = TACT_OK;
	while (getline(&line, &cap, f) != -1) {
		lineno++;
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			set_err(err, "%s:%zu: expected 'key = value'", path, lineno);
			st = TACT_ERR_USAGE;
			break;
		}
		*eq = '\0';
		char *e2 = NULL;
		st = tact_config_set(cfg, trim(s), trim(eq + 1), err ? &e2 : NULL);
		if (st) {
			set_err(err, "%s:%zu: %s", path, lineno, e2 ? e2 : "bad setting");
			free(e2);
			break;
		}
	}
	if (!st && ferror(f)) {
		set_err(err, "%s: %s", path, strerror(errno));
		st = TACT_ERR_IO;
	}
	free(line);
	fclose(f);
	return st;
}

const char *tact_config_get(const tact_config *cfg, const char *name)
{
	for (size_t i = cfg->n; i-- > 0;)
		if (!strcmp(cfg->kv[i].key->name, name))
			return cfg->kv[i].value;
	return NULL;
}

const char *config_str(const tact_config *cfg, const char *name)
{
	const char *v = tact_config_get(cfg, name);
	if (v)
		return v;
	const struct key *k = find_key(name);
	return k ? k->def : NULL;
}

bool config_bool(const tact_config *cfg, const char *name)
{
	const char *v = config_str(cfg, name);
	return v && !strcmp(v, "yes");
}

size_t config_size(const tact_config *cfg, const char *name)
{
	size_t sz = 0;
	const char *v = config_str(cfg, name);
	if (!v || !parse_size(v, &sz))
		return 0;
	return sz;
}

void config_each(const tact_config *cfg, const char *name, void (*fn)(const char *, void *), void *data)
{
	for (size_t i = 0; i < cfg->n; i++)
		if (!strcmp(cfg->kv[i].key->name, name))
			fn(cfg->kv[i].value, data);
}

size_t config_count(const tact_config *cfg, const char *name)
{
	size_t n = 0;
	for (size_t i = 0; i < cfg->n; i++)
		n += !strcmp(cfg->kv[i].key->name, name);
	return n;
}

const char *config_nth(const tact_config *cfg, const char *name, size_t k)
{
	for (size_t i = 0; i < cfg->n; i++)
		if (!strcmp(cfg->kv[i].key->name, name) && k-- == 0)
			return cfg->kv[i].value;
	return NULL;
}
