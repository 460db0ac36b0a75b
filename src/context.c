/* context.c: the fourth stage of analysis. Only what the author asserts
 * counts: a match inside a quoted earlier message or a signature, under a
 * negation ("I'm not going to cancel"), hypothetical ("I'd never sue"),
 * retraction ("I was about to cancel but"), reported speech ("the driver
 * told me", "my lawyer friend") or an idiom ("this is killing me") is kept
 * with the reason, so detectors skip it. The cues are lexicon entries
 * (lexicons/en/context.tact) with a scope in words: before=N (the cue
 * comes first, the match starts within N words after it), after=N (the
 * cue follows within N words), clause or sentence. A cue that starts
 * before a match and runs into it governs it ("no need to" + "need to get a
 * manager"); one that starts inside it is part of the phrase ("won't
 * renew"). A negation stops at a stop right after it ("No. Give me my money
 * back") and at a first-person subject ("if this isn't fixed I'm
 * cancelling"), so a conditional threat keeps counting: "if" alone is not a
 * cue. cue.unnegate undoes an overlapping negation ("don't make me"), or,
 * with sentence scope, reported speech the author acted on ("...told me to
 * go to the ombudsman, so I have") and a negation it follows in its sentence
 * ("I don't want to get lawyers involved, but I will if I have to"). */
#include "context.h"

/* Is match m in the scope of cue match c (entry cue): same sentence, and
 * within its before=N / after=N words without a clause break, or in its
 * clause or sentence. */
bool context_in_scope(const lex_entry *cue, const match *c, const match *m, const tokens *ts)
{
	const token *ct = &ts->t[ts->w[c->w0]], *mt = &ts->t[ts->w[m->w0]];
	if (ct->sent != mt->sent)
		return false;
	if (cue->flags & LF_SENTENCE)
		return true;
	if (cue->flags & LF_CLAUSE) {
		/* the clause of the cue, which may span the match */
		for (uint32_t w = m->w0; w < m->w1; w++)
			if (ts->t[ts->w[w]].clause == ct->clause)
				return true;
		return false;
	}
	int before = cue->before, after = cue->after;
	if (!before && !after)
		before = 3;
	if (before && m->w0 >= c->w1 && m->w0 - c->w1 < (uint32_t)before) {
		/* same clause; reported speech may also open a clause of its
		 * own right after the verb of saying ("the agent told me: go to
		 * the ombudsman", "he said, sue us") */
		uint32_t clause = ct->clause;
		bool speech = cue->label == label_intern("cue.reported", 12);
		for (uint32_t w = c->w1; w <= m->w0 && w < ts->nw; w++) {
			uint32_t wc = ts->t[ts->w[w]].clause;
			if (wc == clause)
				continue;
			if (!(speech && w == c->w1))
				return false;
			clause = wc;
		}
		return true;
	}
	if (after && c->w0 >= m->w1 && c->w0 - m->w1 < (uint32_t)after) {
		uint32_t mclause = ts->t[ts->w[m->w1 - 1]].clause;
		for (uint32_t w = m->w1; w <= c->w0 && w < ts->nw; w++)
			if (ts->t[ts->w[w]].clause != mclause)
				return false;
		return true;
	}
	return false;
}

/* The word w of the message, lower-cased into lw (curly apostrophes read
 * as straight ones); its length, or 0 when it is longer than cap. */
static size_t word_lower(const tokens *ts, const tact_msg *msg, uint32_t w, char *lw, size_t cap)
{
	const token *t = &ts->t[ts->w[w]];
	size_t n = 0;
	for (uint32_t k = t->os; k < t->oe; k++) {
		if (n == cap)
			return 0;
		unsigned char ch = (unsigned char)msg->text.ptr[k];
		if (ch == 0xE2 && k + 2 < t->oe && (unsigned char)msg->text.ptr[k + 1] == 0x80 &&
		    (unsigned char)msg->text.ptr[k + 2] == 0x99) { /* U+2019 */
			lw[n++] = '\'';
			k += 2;
			continue;
		}
		lw[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	return n;
}

static bool word_is(const char *lw, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && !memcmp(list[i], lw, n))
			return true;
	return false;
}

/* Does a first-person subject ("I'm", "we'll") or "it", "this" or
 * "that's" stand in words [from, to)? It opens a new clause: in "if this isn't fixed I'm
 * cancelling" the negation belongs to the condition, not to the move, and
 * in "no its still broken" the "no" is an answer. Not after a verb of
 * thinking, "if" or "no way" that the negation governs with its clause:
 * "I don't think I'll cancel", "I'm not sure if I'll renew", "no way it's
 * still broken". */
static bool subject_between(const tokens *ts, const tact_msg *msg, uint32_t from, uint32_t to)
{
	static const char *const subj[] = {"i", "i'm", "im", "i'll", "ill", "i've", "ive", "i'd", "we", "we're",
					   "we'll", "we've", "we'd", "it's", "its", "it", "this", "that's"};
	static const char *const raise[] = {"think", "believe", "expect", "suppose", "imagine", "reckon", "guess",
					    "feel", "say", "saying", "mean", "know", "sure", "if", "whether", "that",
					    "thought", "said", "knew", "expected", "way"};
	for (uint32_t w = from; w < to && w < ts->nw; w++) {
		char lw[8], pw[10];
		size_t n = word_lower(ts, msg, w, lw, sizeof lw);
		if (!n || !word_is(lw, n, subj, ARRAY_LEN(subj)))
			continue;
		size_t pn = w > 0 ? word_lower(ts, msg, w - 1, pw, sizeof pw) : 0;
		if (pn && word_is(pw, pn, raise, ARRAY_LEN(raise)))
			continue;
		return true;
	}
	return false;
}

/* Does an exclamation open between the negation and the match: "you don't
 * know how stupid you are", "I can't believe what an idiot he is": the
 * negation is of knowing or believing, the words after "how" or "what a"
 * are said outright. */
static bool exclamation_between(const tokens *ts, const tact_msg *msg, uint32_t from, uint32_t to)
{
	for (uint32_t w = from; w < to && w < ts->nw; w++) {
		char lw[8], nw[4];
		size_t n = word_lower(ts, msg, w, lw, sizeof lw);
		if (n == 3 && !memcmp(lw, "how", 3))
			return true;
		if (n == 4 && !memcmp(lw, "what", 4) && w + 1 < to) {
			size_t k = word_lower(ts, msg, w + 1, nw, sizeof nw);
			if ((k == 1 && nw[0] == 'a') || (k == 2 && !memcmp(nw, "an", 2)))
				return true;
		}
	}
	return false;
}

/* Is the cue followed at once by a stop (". , ; : ! ?"): "No. Give me my
 * money back" is an interjection, not a negation of what follows. */
static bool ends_in_stop(const tokens *ts, const tact_msg *msg, const match *c)
{
	uint32_t e = ts->t[ts->w[c->w1 - 1]].oe;
	if (e >= msg->text.len)
		return false;
	char ch = msg->text.ptr[e];
	return ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '!' || ch == '?';
}

/* Is negation cue c the interjection "No" before a derogatory match m: a
 * lone "No" opening its sentence, then the name called and a comma or "!"
 * ("No idiot, it's murder."), or a clause of its own with a subject of the
 * second or third person before m ("No Kim you are a failure", "no he is
 * a liar")? "No idiot would do that" and "No need to be an idiot" stay
 * negated. */
static bool no_interjection(const tokens *ts, const tact_msg *msg, const match *c, const match *m, const char *label)
{
	static const char *const subj[] = {"you", "you're", "youre", "ur", "u", "he", "he's", "she", "she's", "they",
					   "they're", "theyre"};
	char lw[8];
	if (strncmp(label, "derogatory.", 11) || c->w1 != c->w0 + 1 || m->w0 < c->w1 ||
	    (c->w0 > 0 && ts->t[ts->w[c->w0 - 1]].sent == ts->t[ts->w[c->w0]].sent))
		return false;
	if (word_lower(ts, msg, c->w0, lw, sizeof lw) != 2 || memcmp(lw, "no", 2))
		return false;
	if (m->w0 == c->w1 && m->w1 == m->w0 + 1) {
		uint32_t e = ts->t[ts->w[m->w0]].oe;
		if (e < msg->text.len && (msg->text.ptr[e] == ',' || msg->text.ptr[e] == '!'))
			return true;
	}
	/* the subject right after "No", or after a name: a capitalized word */
	uint32_t w = c->w1;
	if (w < m->w0 && msg->text.ptr && ascii_upper((unsigned char)msg->text.ptr[ts->t[ts->w[w]].os]))
		w++;
	size_t n = w <= m->w0 && w < ts->nw ? word_lower(ts, msg, w, lw, sizeof lw) : 0;
	return n && word_is(lw, n, subj, ARRAY_LEN(subj));
}

/* Is the author the one who speaks in reported-speech cue c: "I told them
 * I'm cancelling", "we've already asked them to escalate it", "I warned
 * them: ombudsman next"? The author's words, reported by the author, are
 * the author's. Not a passive ("I was told to complain"), where the author
 * is the one spoken to. */
static bool authors_speech(const tokens *ts, const tact_msg *msg, const match *c)
{
	static const char *const subj[] = {"i", "we", "i've", "ive", "we've", "i'd", "we'd", "i'll", "ill", "we'll"};
	static const char *const light[] = {"have", "had", "already", "just", "also", "then", "again", "even",
					    "clearly", "explicitly", "repeatedly", "specifically", "did"};
	static const char *const passive[] = {"was", "were", "got", "been", "being", "is", "am", "are", "get"};
	char lw[16];
	size_t n = word_lower(ts, msg, c->w0, lw, sizeof lw);
	if (!msg->text.ptr || (n && word_is(lw, n, passive, ARRAY_LEN(passive))))
		return false;
	uint32_t sent = ts->t[ts->w[c->w0]].sent;
	for (uint32_t k = 0, w = c->w0; k < 3 && w > 0; k++) {
		if (ts->t[ts->w[--w]].sent != sent)
			return false;
		n = word_lower(ts, msg, w, lw, sizeof lw);
		if (!n)
			return false;
		if (word_is(lw, n, subj, ARRAY_LEN(subj)))
			return true;
		if (!word_is(lw, n, light, ARRAY_LEN(light)))
			return false;
	}
	return false;
}

static bool overlaps(const match *a, const match *b)
{
	return a->w0 < b->w1 && b->w0 < a->w1;
}

/* Is cue match j undone by a cue.unnegate? Without a scope flag an unnegate
 * cue undoes a negation it overlaps ("don't make me"); with `sentence` it
 * undoes reported speech anywhere in its sentence (the author acted on what
 * was reported: "so that's what I've done"). */
static bool unnegated(const lexicon *lx, const match_scratch *s, size_t j, bool sentence, const tokens *ts)
{
	const char *unneg = label_intern("cue.unnegate", 12);
	const match *c = &s->m[j];
	uint32_t sent = ts->t[ts->w[c->w0]].sent;
	size_t span = sentence ? 64 : 8;
	for (size_t k = j > span ? j - span : 0; k < MIN(s->n, j + span + 1); k++) {
		const lex_entry *ue = &lx->e[s->m[k].entry];
		if (ue->label != unneg || (s->m[k].why & WHY_REGION))
			continue;
		if (!sentence && !(ue->flags & LF_SENTENCE) && overlaps(&s->m[k], c))
			return true;
		/* a negation taken back later in its sentence: "I don't want to
		 * get lawyers involved, but I will if I have to" */
		if (!sentence && (ue->flags & LF_SENTENCE) && s->m[k].w0 >= c->w1 &&
		    ts->t[ts->w[s->m[k].w0]].sent == sent)
			return true;
		if (sentence && (ue->flags & LF_SENTENCE) && ts->t[ts->w[s->m[k].w0]].sent == sent)
			return true;
	}
	return false;
}

/* Is the quotation holding word w a retweet: one that opens with an @name
 * and a colon ("“@name: ...” lol"), the old way of reposting a tweet? A
 * repost is the poster's to answer for, as "RT @name: ..." is, not speech
 * reported. The quotation last looked at is kept in q (matches come in
 * order), so a long one is walked once. */
typedef struct {
	uint32_t q0, q1; /* its words [q0, q1); q1 == 0: none yet */
	bool retweet;
} quote_memo;

static bool retweet_quote(const tokens *ts, const tact_msg *msg, uint32_t w, quote_memo *q)
{
	if (q->q1 && w >= q->q0 && w < q->q1)
		return q->retweet;
	uint32_t a = w, b = w + 1;
	while (a > 0 && (ts->t[ts->w[a - 1]].flags & TF_QUOTED))
		a--;
	while (b < ts->nw && (ts->t[ts->w[b]].flags & TF_QUOTED))
		b++;
	const token *t = &ts->t[ts->w[a]];
	*q = (quote_memo){a, b, t->kind == TK_HANDLE && msg->text.ptr && t->oe < msg->text.len &&
					 msg->text.ptr[t->oe] == ':'};
	return q->retweet;
}

void context_judge(const lexicon *lx, const tokens *ts, const tact_msg *msg, match_scratch *s)
{
	const char *neg = label_intern("cue.negation", 12);
	const char *hyp = label_intern("cue.hypothetical", 16), *ret = label_intern("cue.retraction", 14);
	const char *rep = label_intern("cue.reported", 12), *idiom = label_intern("cue.idiom", 9);
	const char *negcue = label_intern("cue.negative", 12), *repeat = label_intern("escalation.repeat", 17);
	quote_memo qm = {0, 0, false};
	for (size_t i = 0; i < s->n; i++) {
		match *m = &s->m[i];
		const lex_entry *e = &lx->e[m->entry];
		m->why = 0;
		if (msg->nregions && msg_in_region(msg, m->os, m->oe))
			m->why |= WHY_REGION;
		/* cues are not judged, except a complaint's (cue.negative): one
		 * retracted or reported is no complaint of the author's (score.c) */
		if ((label_is_cue(e->label) && e->label != negcue) || (e->flags & LF_ANY))
			continue;
		/* cues are near: look at the neighbouring matches only, so a
		 * hostile message of a million cue words stays linear */
		size_t lo = i > 64 ? i - 64 : 0, hi = MIN(s->n, i + 65);
		for (size_t j = lo; j < hi; j++) {
			const match *c = &s->m[j];
			const lex_entry *ce = &lx->e[c->entry];
			const char *l = ce->label;
			if (j == i || !label_is_cue(l))
				continue;
			if (l == idiom) {
				if (overlaps(c, m))
					m->why |= WHY_IDIOM;
				continue;
			}
			unsigned bit = l == neg ? WHY_NEGATED : l == hyp ? WHY_HYPOTHETICAL :
				       l == ret ? WHY_RETRACTED : l == rep ? WHY_REPORTED : 0;
			if (!bit || (bit == WHY_RETRACTED && e->label == negcue && (ce->flags & LF_SENTENCE)))
				continue; /* "Nevermind, I'll be out of internet til Saturday": resigned, not taken back */
			/* a cue of moves (a laugh) takes back what the author does
			 * ("I'm gonna sue you lol"), not what the author reports,
			 * which is so joked about or not: "I've called 5 times lol" */
			if ((ce->flags & LF_MOVES) && (e->label == repeat || e->label == negcue))
				continue;
			/* a cue that starts inside the match is part of the phrase
			 * ("won't renew"); one that starts before it and runs into
			 * it governs it ("no need to" + "need to get a manager") */
			if (overlaps(c, m) ? c->w0 >= m->w0 : !context_in_scope(ce, c, m, ts))
				continue;
			if (bit == WHY_NEGATED && c->w1 <= m->w0 && msg->text.ptr &&
			    (subject_between(ts, msg, c->w1, m->w0 + 1) || ends_in_stop(ts, msg, c) ||
			     exclamation_between(ts, msg, c->w1, m->w0)))
				continue; /* "if this isn't fixed I'm cancelling", "No. Give me my money back",
					     "you don't know how stupid you are" */
			if (bit == WHY_NEGATED && msg->text.ptr && no_interjection(ts, msg, c, m, e->label))
				continue; /* "No idiot, it's murder.", "No Kim you are a failure" */
			if (bit == WHY_NEGATED && unnegated(lx, s, j, false, ts))
				continue; /* "don't make me", "not afraid to" */
			if (bit == WHY_REPORTED && authors_speech(ts, msg, c))
				continue; /* "I told them I'm cancelling" */
			if (bit == WHY_REPORTED && unnegated(lx, s, j, true, ts))
				continue; /* "... told me to go to the ombudsman, so I have" */
			m->why |= (uint16_t)bit;
		}
		/* reported speech in quotation marks: a match that starts inside
		 * a quoted stretch of three words or more; one or two are scare
		 * quotes ("your 'agent'"), and a match that only runs through a
		 * quoted name ("disputed the 'admin fee' with Amex") is the
		 * author's own */
		if ((m->flags & MF_QUOTED) && !(m->why & WHY_REGION) &&
		    (ts->t[ts->w[m->w0]].flags & TF_QUOTED)) {
			size_t a = m->w0, b = m->w0 + 1; /* three words tell: no further */
			while (a > 0 && b - a < 3 && (ts->t[ts->w[a - 1]].flags & TF_QUOTED))
				a--;
			while (b < ts->nw && b - a < 3 && (ts->t[ts->w[b]].flags & TF_QUOTED))
				b++;
			if ((b - a >= 3 || (e->flags & LF_NOQUOTE)) && !retweet_quote(ts, msg, m->w0, &qm))
				m->why |= WHY_QUOTED;
		}
	}
}

const char *context_why_name(unsigned why)
{
	static const char *const names[] = {"in a quoted message or signature", "negated", "hypothetical",
					    "retracted", "reported speech", "quoted", "idiom", "innocent word"};
	for (unsigned i = 0; i < 8; i++)
		if (why & (1u << i))
			return names[i];
	return NULL;
}
