/* check_draft.c: check a draft reply before it is sent, in-process with
 * libtact. Build: cc check_draft.c $(pkg-config --cflags --libs tact)
 * Usage: check_draft "I'm sorry if you feel that way."
 * Prints each finding and exits 1 when the draft should not go out
 * (derogatory language, a conditional non-apology, or any agent.* flag:
 * argument, blame, hiding behind policy, deflection). */
#include <stdio.h>
#include <string.h>
#include <tact.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: check_draft TEXT\n");
		return 2;
	}
	tact_config *cfg = tact_config_new();
	tact_engine *eng;
	char *err = NULL;
	if (tact_engine_new(cfg, &eng, &err) != TACT_OK) {
		fprintf(stderr, "check_draft: %s\n", err);
		tact_config_free(cfg);
		return 2;
	}
	tact_analyzer *an = tact_analyzer_new(eng);
	tact_msg *m = tact_msg_new();
	tact_msg_set_text(m, argv[1], strlen(argv[1]));
	tact_msg_set_role(m, TACT_ROLE_AGENT);
	tact_analyze(an, m);

	int fail = 0;
	size_t len;
	const char *text = tact_msg_text(m, &len);
	for (size_t i = 0; i < tact_msg_span_count(m); i++) {
		const tact_span *s = tact_msg_span(m, i);
		printf("%s\t%s\t%.*s\n", s->label, tact_severity_name(s->severity), (int)(s->end - s->start),
		       text + s->start);
		if (!strncmp(s->label, "derogatory.", 11) || !strcmp(s->label, "apology.conditional") ||
		    !strncmp(s->label, "agent.", 6))
			fail = 1;
	}
	int score;
	unsigned rec = tact_msg_recovery(m, &score);
	printf("apology %s, recovery score %d (%u elements)\n", tact_apology_name(tact_msg_apology(m)), score,
	       (unsigned)__builtin_popcount(rec));
	tact_msg_free(m);
	tact_analyzer_free(an);
	tact_engine_free(eng);
	tact_config_free(cfg);
	return fail;
}
