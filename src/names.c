/* names.c: names of statuses, roles, levels and classes, both ways. The
 * JSON schema and the CLI use exactly these strings. */
#include "tact.h"
#include "util.h"

const char *tact_version(void)
{
	return TACT_VERSION_STRING;
}

const char *tact_status_str(tact_status st)
{
	switch (st) {
	case TACT_OK: return "success";
	case TACT_ERR_IO: return "I/O error";
	case TACT_ERR_UTF8: return "invalid UTF-8";
	case TACT_ERR_LEXICON: return "bad lexicon";
	case TACT_ERR_PATTERN: return "bad pattern";
	case TACT_ERR_DICT: return "dictionary unavailable";
	case TACT_ERR_INPUT: return "bad input record";
	case TACT_ERR_LIMIT: return "limit reached";
	case TACT_ERR_USAGE: return "usage error";
	}
	return "unknown status";
}

static const char *const roles[] = {"unknown", "customer", "agent"};
static const char *const severities[] = {"info", "low", "medium", "high", "critical"};
static const char *const levels[] = {"none", "low", "medium", "high", "critical"};
static const char *const derogs[] = {"none", "profanity", "insult", "identity"};
static const char *const apologies[] = {NULL, "none", "canned", "conditional", "sincere"};
static const char *const recoveries[] = {"ownership", "action", "compensation", "follow_up",
					 "prevention", "gratitude", "empathy"};

#define NAME(tab, i) ((unsigned)(i) < ARRAY_LEN(tab) ? (tab)[i] : NULL)

const char *tact_role_name(tact_role r) { return NAME(roles, r); }
const char *tact_severity_name(tact_severity s) { return NAME(severities, s); }
const char *tact_level_name(tact_level l) { return NAME(levels, l); }
const char *tact_derog_name(tact_derog d) { return NAME(derogs, d); }
const char *tact_apology_name(tact_apology a) { return NAME(apologies, a); }

const char *tact_recovery_name(unsigned bit)
{
	for (unsigned i = 0; i < ARRAY_LEN(recoveries); i++)
		if (bit == 1u << i)
			return recoveries[i];
	return NULL;
}

bool tact_role_parse(const char *s, tact_role *out)
{
	for (unsigned i = 0; i < ARRAY_LEN(roles); i++)
		if (ascii_strieq(s, roles[i])) {
			*out = (tact_role)i;
			return true;
		}
	return false;
}

bool tact_level_parse(const char *s, tact_level *out)
{
	for (unsigned i = 0; i < ARRAY_LEN(levels); i++)
		if (ascii_strieq(s, levels[i]) || ascii_strieq(s, severities[i])) {
			*out = (tact_level)i;
			return true;
		}
	return false;
}
