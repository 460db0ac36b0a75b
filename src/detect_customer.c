/* detect_customer.c: escalation signals in a customer's message. Lexicon
 * matches that the author asserts (context.c) become spans, when they are
 * the author's own moves ("I'm closing my account", not "they closed my
 * account") and not praise ("I'll leave you a 5-star review", "pass my
 * thanks to your manager"). Deadlines (escalation.ultimatum entries of
 * severity info) become ultimatums only when tied to a consequence; legal
 * action ("lawsuit", "small claims") is a span only when it is the
 * author's move, not one threatened, taken or described by someone else.
 * Shouting is measured on the tokens: sustained capitals beyond acronyms
 * and placeholders, and angry runs of '!'. Feeds score.c. */
#include "analyze.h"

#include <pthread.h>
#include <stdlib.h>

/* The labels the detector compares with, looked up once (label_lookup's
 * pointers are stable), not a dozen times a message. */
static struct {
	const char *pos, *neg, *acr, *rep, *ul, *cq, *reg, *repeat, *chb, *lgl;
} lbl;
static pthread_once_t lbl_once = PTHREAD_ONCE_INIT;

static void lbl_init(void)
{
	lbl.pos = label_lookup("cue.positive", 12);
	lbl.neg = label_lookup("cue.negative", 12);
	lbl.acr = label_lookup("cue.acronym", 11);
	lbl.rep = label_lookup("cue.reported", 12);
	lbl.ul = label_lookup("escalation.ultimatum", 20);
	lbl.cq = label_lookup("cue.consequence", 15);
	lbl.reg = label_lookup("escalation.regulator", 20);
	lbl.repeat = label_lookup("escalation.repeat", 17);
	lbl.chb = label_lookup("escalation.chargeback", 21);
	lbl.lgl = label_lookup("escalation.legal", 16);
}

/* A placeholder or mask: one letter repeated ("XXXX" in redacted
 * complaints, "XX/XX"). Not shouting, like an acronym. */
static bool placeholder(const dctx *d, const token *t)
{
	const char *s = tok_text(d->nt, t);
	if (t->kind != TK_WORD || t->nlen < 2)
		return false;
	for (uint32_t i = 1; i < t->nlen; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

static bool word_in(const dctx *d, const token *t, const char *const *list);

/* Words written in capitals that are not acronyms: word positions of
 * acronym cue matches and placeholders are skipped. */
static bool caps_word(const dctx *d, size_t pos, const uint8_t *acro)
{
	const token *t = word_tok(d, pos);
	return t->kind == TK_WORD && (t->flags & TF_ALLCAPS) && t->letters >= 2 && !acro[pos];
}

/* Is the run of words [a, b] written again, word for word, elsewhere in
 * the message? A name in capitals is ("I request that BULLCITY FINANCIAL
 * SOLUTIONS substantiate ... BULLCITY FINANCIAL SOLUTIONS conferred"); a
 * shout rarely is. Looked at only for runs that would shout, and only
 * within RUN_REACH words either side, so that a message of millions of
 * words with many such runs stays linear. */
#define RUN_REACH 4096
static bool run_repeated(const dctx *d, size_t a, size_t b)
{
	size_t n = b - a + 1, nw = d->ts->nw;
	size_t lo = a > RUN_REACH ? a - RUN_REACH : 0, hi = MIN(nw, b + 1 + RUN_REACH);
	for (size_t k = lo; k + n <= hi; k++) {
		if (k + n > a && k <= b)
			continue;
		size_t j = 0;
		while (j < n) {
			const token *x = word_tok(d, a + j), *y = word_tok(d, k + j);
			if (x->nlen != y->nlen || memcmp(tok_text(d->nt, x), tok_text(d->nt, y), x->nlen))
				break;
			j++;
		}
		if (j == n)
			return true;
	}
	return false;
}

/* A happy sentence: a positive mood cue and no negative mood. Mood cues are
 * `info`; cue.negative entries of severity `low` are reported problems
 * ("arrived cracked"), which make a message a complaint (score.c) without
 * setting a sentence's mood. */
static bool happy_sentence(const dctx *d, uint32_t sent)
{
	size_t w0, w1;
	sentence_words(d, sent, &w0, &w1);
	return w0 < w1 && cue_at(d, lbl.pos, w0, w1) && !cue_sev_at(d, lbl.neg, TACT_SEV_INFO, w0, w1);
}

/* Evidence of anger anywhere in the message: a negative cue (mood or a
 * reported problem), a derogatory match, or a span already found. */
static bool angry_message(const dctx *d)
{
	const char *neg = lbl.neg;
	for (size_t i = 0; i < d->msg->nspans; i++)
		if (!strncmp(d->msg->spans[i].label, "escalation.", 11))
			return true;
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const char *l = entry_of(d, m)->label;
		if (!(m->why & WHY_REGION) && (l == neg || (counted(m) && !strncmp(l, "derogatory.", 11))))
			return true;
	}
	return false;
}

/* Does the sentence ask an exasperated question ("why", "where is my")? */
static bool asks_why(const dctx *d, uint32_t sent)
{
	static const char *const wh[] = {"why", "where", "what", "how", "when", "wtf", "seriously", "help", NULL};
	size_t w0, w1;
	sentence_words(d, sent, &w0, &w1);
	for (size_t w = w0; w < w1; w++)
		if (word_in(d, word_tok(d, w), wh))
			return true;
	return false;
}

/* Is run [a, b] of capital words speech, not a heading, a code or a
 * record ("ATTENTION : EXPERIAN DISPUTE DEPARTMENT", "CR PAYEE ACCT",
 * "SOC SEC # XXXX DOB")? It holds a function word, or a '!' follows it
 * in its sentence ("WORST SERVICE EVER!"). */
static bool run_spoken(const dctx *d, size_t a, size_t b)
{
	static const char *const fw[] = {"the", "a", "an", "to", "of", "and", "or", "in", "on", "for", "with", "at",
		"by", "from", "is", "are", "was", "were", "be", "been", "i", "me", "my", "you", "your", "we", "our",
		"they", "their", "it", "this", "that", "not", "no", "have", "has", "had", "do", "did", "will", "can",
		"what", "why", "how", NULL};
	for (size_t w = a; w <= b; w++)
		if (word_in(d, word_tok(d, w), fw))
			return true;
	uint32_t sent = word_tok(d, b)->sent;
	for (size_t k = d->ts->w[b]; k < d->ts->n && d->ts->t[k].sent == sent; k++)
		if (d->ts->t[k].kind == TK_PUNCT && d->nt->out.ptr[d->ts->t[k].ns] == '!')
			return true;
	return false;
}

/* A word in capitals alone in quotation marks is a string or a word
 * talked about ("ABCD" -> ["A","AB"], I typed "STOP"), not a shout, like
 * an acronym. */
static bool quoted_word(const dctx *d, const token *t)
{
	const char *x = d->msg->text.ptr;
	size_t len = d->msg->text.len;
	if (t->os == 0 || t->oe >= len)
		return false;
	char a = x[t->os - 1], b = x[t->oe];
	return (a == '"' && b == '"') || (a == '\'' && b == '\'');
}

/* Code in backticks, inline (`IF X IS NOT = 11`, on one line) or fenced
 * (a line of ``` to the next): a program's words, not a shout, like an
 * acronym. One pass over the text and the words. */
static void code_spans(const dctx *d, uint8_t *acro)
{
	const char *x = d->msg->text.ptr;
	size_t len = d->msg->text.len, nw = d->ts->nw, w = 0;
	for (size_t p = 0; p < len && w < nw; p++) {
		const char *tick = memchr(x + p, '`', len - p);
		if (!tick)
			break;
		p = (size_t)(tick - x);
		size_t q, a = p;
		if (p + 2 < len && x[p + 1] == '`' && x[p + 2] == '`') {
			const char *e = len - p > 3 ? memmem(x + p + 3, len - p - 3, "```", 3) : NULL;
			if (!e)
				break;
			q = (size_t)(e - x) + 2;
		} else {
			for (q = p + 1; q < len && x[q] != '`' && x[q] != '\n'; q++)
				;
			if (q >= len || x[q] != '`') {
				p = q < len ? q : len;
				continue;
			}
		}
		while (w < nw && word_tok(d, w)->os < a)
			w++;
		for (; w < nw && word_tok(d, w)->oe <= q; w++)
			acro[w] = 1;
		p = q;
	}
}

/* A form's field label on its own line, in capitals: "CONTACT:", "PAGE
 * THEY WERE ON:" (one to five words from the line's start to a colon that
 * ends the line). A label, not a shout, like an acronym. */
#define LABEL_MAX_WORDS 5
static void label_lines(const dctx *d, uint8_t *acro)
{
	const char *x = d->msg->text.ptr;
	size_t len = d->msg->text.len, nw = d->ts->nw;
	for (size_t i = 0; i < nw; i++) {
		const token *t = word_tok(d, i);
		if (t->kind != TK_WORD || !(t->flags & TF_ALLCAPS))
			continue;
		size_t p = t->oe;
		while (p < len && (x[p] == ' ' || x[p] == '\t'))
			p++;
		if (p >= len || x[p] != ':')
			continue;
		for (p++; p < len && (x[p] == ' ' || x[p] == '\t' || x[p] == '\r'); p++)
			;
		if (p < len && x[p] != '\n')
			continue;
		size_t k = i;
		while (k > 0 && i - k + 1 < LABEL_MAX_WORDS && !memchr(x + word_tok(d, k - 1)->oe, '\n',
								     word_tok(d, k)->os - word_tok(d, k - 1)->oe))
			k--;
		size_t q = word_tok(d, k)->os;
		while (q > 0 && (x[q - 1] == ' ' || x[q - 1] == '\t'))
			q--;
		if (q > 0 && x[q - 1] != '\n')
			continue;
		bool caps = true;
		for (size_t j = k; j <= i && caps; j++)
			caps = (word_tok(d, j)->flags & TF_ALLCAPS) || word_tok(d, j)->letters <= 1;
		if (caps)
			memset(acro + k, 1, i - k + 1);
	}
}

/* praised: praise_message() with thanks (detect_customer() asks once) */
static void shouting(dctx *d, bool praised)
{
	size_t nw = d->ts->nw;
	if (!nw || praised)
		return; /* "THANK YOU!!! YOU ARE A REAL MVP!!!" */
	const char *acr = lbl.acr;
	uint8_t *acro = xcalloc(nw, 1);
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		if (entry_of(d, m)->label == acr)
			for (uint32_t w = m->w0; w < m->w1; w++)
				acro[w] = 1;
	}
	/* the passes below only excuse words in capitals: most messages have
	 * none, and skip them (they read every byte) */
	bool capitals = false;
	for (size_t i = 0; i < nw && !capitals; i++)
		capitals = (word_tok(d, i)->flags & TF_ALLCAPS) && word_tok(d, i)->letters >= 2;
	for (size_t i = 0; i < nw; i++)
		acro[i] |= placeholder(d, word_tok(d, i)) ||
			   (capitals && (word_tok(d, i)->flags & TF_ALLCAPS) && quoted_word(d, word_tok(d, i)));
	if (capitals) {
		label_lines(d, acro);
		code_spans(d, acro);
	}
	/* share of letters in capitals over words of two letters or more */
	size_t letters = 0, uppers = 0, capwords = 0, caplong = 0, capsents = 0, nwords = 0;
	uint32_t lastsent = UINT32_MAX;
	for (size_t i = 0; i < nw; i++) {
		const token *t = word_tok(d, i);
		if (t->kind != TK_WORD || t->letters < 2 || acro[i] || (t->flags & TF_REGION))
			continue;
		letters += t->letters;
		uppers += t->uppers;
		nwords++;
		if (caps_word(d, i, acro)) {
			capwords++;
			caplong += t->letters >= 3;
			capsents += t->sent != lastsent;
			lastsent = t->sent;
		}
	}
	bool mostly = letters >= 12 && capwords >= 4 && uppers * 10 >= letters * 6;
	/* words stressed in capitals in several sentences of an angry message
	 * ("Delivered to the wrong address AGAIN. This is the THIRD time. I am
	 * SO FED UP"): sustained, though no one run is long; one word in six
	 * or more, not the names and codes of a long letter */
	bool spread = capwords >= 4 && caplong >= 3 && capsents >= 2 && capwords * 6 >= nwords && angry_message(d);
	bool shouted = false;
	/* runs of capital words; single-letter words (I, A) and numbers do not
	 * break a run */
	for (size_t i = 0; i < nw;) {
		if (!caps_word(d, i, acro) || (word_tok(d, i)->flags & TF_REGION)) {
			i++;
			continue;
		}
		size_t j = i, words = 0, caps = 0, longw = 0, last = i;
		while (j < nw) {
			const token *t = word_tok(d, j);
			if (caps_word(d, j, acro)) {
				/* words joined by hyphens are one name or identifier
				 * ("PATH-TO-OPENJPA.jar"), not several shouted words */
				bool glued = j > i && t->os > 0 && d->msg->text.ptr[t->os - 1] == '-' &&
					     word_tok(d, j - 1)->oe == t->os - 1;
				words += !glued;
				caps += t->uppers;
				longw += t->letters >= 3 && !glued;
				last = j;
			} else if (!((t->kind == TK_WORD && t->letters <= 1 && (t->uppers == t->letters)) ||
				     t->kind == TK_NUM || acro[j])) {
				break;
			}
			j++;
		}
		/* a list of codes ("MI, OH, KY, IA") is not shouting, nor is a
		 * happy sentence in capitals ("THANK YOU, YOU ARE A STAR") */
		if (((words >= 3 && caps >= 10) || (mostly && words >= 2)) && longw >= 2 &&
		    !happy_sentence(d, word_tok(d, i)->sent) && (mostly || (!run_repeated(d, i, last) && run_spoken(d, i, last)))) {
			const token *a = word_tok(d, i), *b = word_tok(d, last);
			msg_add_span(d->msg, "escalation.shouting", "shout.caps", TACT_SEV_MEDIUM, a->os, b->oe,
				     "shouting: sustained capitals");
			shouted = true;
		}
		i = j > i ? j : i + 1;
	}
	for (size_t i = 0; spread && !shouted && i < nw; i++) {
		if (!caps_word(d, i, acro) || (word_tok(d, i)->flags & TF_REGION) ||
		    happy_sentence(d, word_tok(d, i)->sent))
			continue;
		size_t j = i;
		while (j + 1 < nw && caps_word(d, j + 1, acro) && !(word_tok(d, j + 1)->flags & TF_REGION))
			j++;
		msg_add_span(d->msg, "escalation.shouting", "shout.spread", TACT_SEV_MEDIUM, word_tok(d, i)->os,
			     word_tok(d, j)->oe, "shouting: capitals in several sentences");
		i = j;
	}
	free(acro);

	/* runs of '!' (three or more, or mixed with '?') that are angry: not
	 * in a happy sentence, and with some anger about: a negative mood or a
	 * reported problem, another signal, swearing, or a question such as
	 * "why" or "where" in the sentence, or words stressed in capitals
	 * ("$3 burritos today!!!" is not shouting) */
	bool angry = capwords >= 2 || angry_message(d);
	size_t pairs = 0; /* runs of exactly "!!" seen */
	for (size_t i = 0; i < d->ts->n;) {
		const token *t = &d->ts->t[i];
		if (t->kind != TK_PUNCT || (d->nt->out.ptr[t->ns] != '!' && d->nt->out.ptr[t->ns] != '?')) {
			i++;
			continue;
		}
		size_t j = i, bangs = 0, n = 0;
		while (j < d->ts->n && d->ts->t[j].kind == TK_PUNCT && d->ts->t[j].os == (j == i ? t->os : d->ts->t[j - 1].oe) &&
		       (d->nt->out.ptr[d->ts->t[j].ns] == '!' || d->nt->out.ptr[d->ts->t[j].ns] == '?')) {
			bangs += d->nt->out.ptr[d->ts->t[j].ns] == '!';
			n++;
			j++;
		}
		if (n >= 3 && bangs >= 1 && !msg_in_region(d->msg, t->os, d->ts->t[j - 1].oe)) {
			if (!happy_sentence(d, t->sent) && (angry || asks_why(d, t->sent)))
				msg_add_span(d->msg, "escalation.shouting", n > bangs ? "shout.interrobang" : "shout.bangs",
					     TACT_SEV_LOW, t->os, d->ts->t[j - 1].oe, "shouting: angry run of '!'");
		} else if (n == 2 && bangs == 2 && !msg_in_region(d->msg, t->os, d->ts->t[j - 1].oe) &&
			   !happy_sentence(d, t->sent)) {
			/* "!!" is one stressed sentence; "!!" again in an angry
			 * message is a run of them ("... and XXXX!! ... makes NO
			 * SENSE!!"): shouting at the second */
			if (pairs++ >= 1 && angry)
				msg_add_span(d->msg, "escalation.shouting", "shout.pairs", TACT_SEV_LOW, t->os,
					     d->ts->t[j - 1].oe, "shouting: '!!' more than once in an angry message");
		}
		i = j;
	}
}

/* Going public to praise: a positive cue and no negative mood in the
 * sentence. Kept for the last sentence asked (memo): every public or
 * manager match of a sentence asks, and looking over its cues for each
 * made a long sentence of them quadratic. */
typedef struct {
	uint32_t sent; /* the sentence val is of; UINT32_MAX: none yet */
	bool val;
} praise_memo;

static bool praise(const dctx *d, praise_memo *memo, const match *m)
{
	uint32_t sent = word_tok(d, m->w0)->sent;
	if (memo->sent != sent) {
		size_t w0, w1;
		sentence_words(d, sent, &w0, &w1);
		memo->sent = sent;
		memo->val = cue_at(d, lbl.pos, w0, w1) && !cue_sev_at(d, lbl.neg, TACT_SEV_INFO, w0, w1);
	}
	return memo->val;
}

/* A message of praise: a positive mood cue somewhere and no negative cue
 * (mood or reported problem) anywhere ("Can you pass this on to the
 * driver's manager? Darren went out of his way... Absolute legend."). A
 * thank-you (severity low) counts only with thanks: it makes capitals
 * glad ("THANK YOU!!! YOU ARE A REAL MVP!!!"), but a request that ends
 * "Thanks." is still a request ("Could you please escalate this to a
 * supervisor? Thanks."). Both answers in one pass: *glad with thanks,
 * *praised without. */
static void praise_message(const dctx *d, bool *glad, bool *praised)
{
	const char *pos = lbl.pos, *neg = lbl.neg;
	bool happy = false, thanked = false;
	*glad = *praised = false;
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		if (m->why & WHY_REGION)
			continue;
		if (e->label == neg)
			return;
		if (e->label == pos) {
			thanked = true;
			happy |= e->sev == TACT_SEV_INFO;
		}
	}
	*glad = thanked;
	*praised = happy;
}

/* Is w one of the words in list (NULL-terminated), on normalized text? */
static bool word_in(const dctx *d, const token *t, const char *const *list)
{
	return bytes_in(tok_text(d->nt, t), t->nlen, list);
}

/* Whose move is it? A move (cancel, legal, regulator, public, manager,
 * chargeback) counts only as the author's own. Looking back from the match
 * over light words ("have", "just", "illegally") in its clause: a subject
 * that is someone else ("they closed my account", "Capital One closed my
 * account", "XXXX deleted the accounts", "who closed") or, for legal
 * action only, a passive ("I was being sued", "got sued") makes it someone
 * else's move. Imperatives, requests ("can you pass this to a manager")
 * and first-person subjects, or nothing found, leave it the author's. */
static bool others_move(const dctx *d, const match *m, bool legal)
{
	static const char *const light[] = {"have", "has", "had", "just", "already", "then", "also", "now", "simply",
					    "was", "were", "is", "are", "be", "been", "being", "get", "got", "will",
					    "would", "can", "could", "may", "might", "should", "must", "did", "do",
					    "does", "never", "even", "still", "'ve", "'ll", "'d",
					    "where", /* for "were": "they where canceling my policy" */
					    "gonna", /* "they're gonna close my account" */
					    NULL};
	static const char *const passive[] = {"been", "being", "get", "got", NULL};
	static const char *const others[] = {"you", "they", "he", "she", "u", "ya", "y'all", "someone",
					     "somebody", "who", "which", "company", "bank", "lender", "creditor",
					     "collector", "agency", "bureau", "bureaus", "they've", "you've", "he's",
					     "she's", "they're", "you're", "they'd", "you'd", "they'll",
					     "you'll", NULL};
	static const char *const self[] = {"i", "i'm", "im", "i've", "ive", "i'll", "ill", "i'd", "we", "we're",
					   "we've", "we'll", "we'd", "me", "us", "my", "our", NULL};
	/* "why" is no request: "why you cancelled my account" asks about
	 * their move; "why won't you", "why don't you" ask for one */
	static const char *const ask[] = {"can", "could", "would", "will", "please", "pls", "plz", "kindly",
					  "won't", "can't", "couldn't", "wouldn't", "don't", "dont", NULL};
	static const char *const conj[] = {"or", "otherwise", "else", "then", "and", "but", "so", NULL};
	const token *first = word_tok(d, m->w0);
	if (word_in(d, first, conj))
		return false; /* "sort it or I'm switching": the subject is inside */
	if (word_in(d, first, others) || first->kind == TK_HANDLE)
		return false; /* "@Tesco You've lost me as a customer": the entry names its subject */
	if (word_in(d, first, (const char *const[]){"cc", "cc'd", "cced", NULL}))
		return false; /* a letter's copy line ("XXXX CC : Consumer Financial Protection Bureau") has no subject */
	/* a move told as a gerund whose doer is named before it: "of them
	 * closing my accounts", or that is the means of the clause's subject:
	 * "They have hurt my credit score by closing this account" (the doer
	 * opens the clause); but "by closing my account I saved money" */
	size_t fl = first->nlen;
	if (m->w0 > 0 && fl > 4 && !memcmp(tok_text(d->nt, first) + fl - 3, "ing", 3)) {
		const token *p = word_tok(d, m->w0 - 1);
		if (p->sent == first->sent && p->clause == first->clause &&
		    word_in(d, p, (const char *const[]){"them", "their", "him", "his", "her", "its", NULL}))
			return true;
		if (p->sent == first->sent && p->clause == first->clause &&
		    word_in(d, p, (const char *const[]){"by", NULL})) {
			size_t w = m->w0 - 1;
			while (w > 0 && word_tok(d, w - 1)->sent == first->sent && word_tok(d, w - 1)->clause == first->clause)
				w--;
			const token *s = word_tok(d, w);
			if (w + 1 < m->w0 - 1 && word_in(d, s, conj))
				s = word_tok(d, w + 1);
			if (word_in(d, s, others) || s->kind == TK_HANDLE || placeholder(d, s))
				return true;
		}
	}
	for (size_t k = 0, w = m->w0; k < 4 && w > 0; k++) {
		const token *t = word_tok(d, --w);
		if (t->sent != first->sent || t->clause != first->clause)
			return false;
		/* "gonna" split in two (CFPB's "they are gon na be closing"):
		 * one light word */
		if (w > 0 && word_in(d, t, (const char *const[]){"na", NULL}) &&
		    word_in(d, word_tok(d, w - 1), (const char *const[]){"gon", NULL}) &&
		    word_tok(d, w - 1)->clause == t->clause) {
			w--;
			continue;
		}
		if (word_in(d, t, self))
			return false;
		/* "can you pass this to a manager" is the author's request */
		if (w > 0 && word_in(d, t, others) && word_in(d, word_tok(d, w - 1), ask) &&
		    word_tok(d, w - 1)->sent == first->sent)
			return false;
		/* an @name right before "not" or "never" is whom the author
		 * addresses ("@Delta not going back ever again"): a subject
		 * would need a verb */
		if (t->kind == TK_HANDLE && word_in(d, first, (const char *const[]){"not", "never", NULL}))
			continue;
		if (t->kind == TK_HANDLE || word_in(d, t, others))
			return true;
		if (legal && word_in(d, t, passive))
			return true; /* "I was being sued"; but "my complaint is being referred" */
		if (legal && word_in(d, first, (const char *const[]){"sued", NULL}) &&
		    word_in(d, t, (const char *const[]){"be", "was", "were", "is", "are", NULL}))
			return true; /* "they claim that I will be sued" */
		size_t n = t->nlen;
		bool adverb = n >= 5 && !memcmp(tok_text(d->nt, t) + n - 2, "ly", 2);
		/* a verb given with its alternative: "YouTube suspended/terminated my account" */
		const token *nx = word_tok(d, w + 1);
		bool slashed = d->msg->text.ptr && nx->os == t->oe + 1 && d->msg->text.ptr[t->oe] == '/';
		if (word_in(d, t, light) || adverb || slashed)
			continue;
		/* a name that is not the first word of the sentence, or a
		 * redaction placeholder */
		bool opens = w == 0 || word_tok(d, w - 1)->sent != t->sent; /* "- Numerous complaints ..." */
		if (t->kind == TK_WORD && (((t->flags & TF_CAPITAL) && !(t->flags & (TF_SENT_START | TF_ALLCAPS)) && !opens) ||
					   placeholder(d, t)))
			return true;
		return false;
	}
	return false;
}

/* Is a legal match ("lawsuit", "small claims", "contact my lawyer") the
 * author's move? Not when someone else threatens or mentions it ("they are
 * threatening legal action", "threatening me with a lawsuit", "the notice
 * mentions court action"), it is against the
 * author ("filed a claim against me"), someone else faces it ("XXXX was facing lawsuits";
 * but "you'll be facing legal action" is the author's threat), or it is
 * the object of a preposition, a mention ("part of a lawsuit", "during the
 * class action", "opted out of arbitration"; but "see you in court"). The
 * nearest subject before it in its clause decides the rest: someone else
 * ("the lender must file a separate lawsuit", "My Mother had a lawsuit")
 * makes it theirs; the author, the reader or no subject at all ("or
 * litigation may follow") leaves it the author's. */
static bool authors_legal(const dctx *d, const match *m)
{
	static const char *const threaten[] = {"threaten", "threatens", "threatened", "threatening", "threat",
					       "threats", "mention", "mentions", "mentioned", "mentioning",
					       "warn", "warns", "warned", "warning", NULL};
	static const char *const face[] = {"face", "faces", "faced", "facing", NULL};
	static const char *const prep[] = {"in", "during", "of", "on", "after", "from", "since", "under", "regarding",
					   "about", "re", "at", "over", "following", NULL};
	static const char *const det[] = {"the", "a", "an", "this", "that", "these", "those", "any", "such", "some",
					  "several", "its", "their", "his", "her", NULL};
	/* words that make it an existing case, not a move: "aware of the
	 * ongoing lawsuit against this servicer" */
	static const char *const known[] = {"ongoing", "existing", "previous", "prior", "separate", "earlier",
					    "same", NULL};
	static const char *const file[] = {"file", "filing", "lodge", "lodging", "issue", "issuing", "submit",
					   "submitting", "bring", "bringing", "pursue", "pursuing", "start", "starting", NULL};
	static const char *const first[] = {"i", "i'm", "im", "i'll", "ill", "i've", "ive", "i'd", "we", "we're",
					    "we'll", "we've", "we'd", "my", "our", "me", "us", NULL};
	static const char *const reader[] = {"you", "you'll", "you're", "you've", "you'd", "your", "u", NULL};
	static const char *const third[] = {"they", "he", "she", "they're", "they've", "they'll", "he's", "she's",
					    "them", "company", "bank", "lender", "creditor", "collector", "agency",
					    "bureau", "bureaus", "firm", "mother", "father", "mom", "mum", "dad",
					    "husband", "wife", "brother", "sister", "son", "daughter", "parents", "partner",
					    "friend", "friends", "mine", "neighbour", "neighbor", "cousin", "colleague",
					    "boss", "landlord", "someone", "somebody", "judge", "judges", "law", "laws",
					    "statute", "servicer", "rep", "representative", NULL};
	static const char *const head[] = {"organization", "organisation", "organizations", "award", "awards",
					   "provision", "provisions", "clause", "clauses", "agreement", "rules", "fee",
					   "fees", "forum", "department", "dept", "process", NULL};
	static const char *const done[] = {"filed", "entered", "issued", "served", "brought", "dismissed", "started",
					   "commenced", "initiated", NULL};
	const token *first_tok = word_tok(d, m->w0);
	/* a word that only describes another ("the arbitration organization",
	 * "an arbitration clause", "the Litigation Department") */
	if (m->w1 < d->ts->nw && word_tok(d, m->w1)->clause == first_tok->clause &&
	    word_in(d, word_tok(d, m->w1), head))
		return false;
	/* someone else's lawyers, asked for: "I asked to speak to their
	 * lawyer team", "I'll forward this to your legal department"; but
	 * "I will sue your company" */
	for (size_t w = m->w0 + 1; w < m->w1 && w + 1 < d->ts->nw; w++)
		if (word_in(d, word_tok(d, w), (const char *const[]){"their", "his", "her", "its", "your", NULL}) &&
		    word_in(d, word_tok(d, w + 1),
			    (const char *const[]){"lawyer", "lawyers", "attorney", "attorneys", "solicitor", "solicitors",
						  "counsel", "legal", "barrister", "barristers", NULL}))
			return false;
	/* "against me" after it in its clause, or a past passive: something
	 * done before, not a move threatened ("a court case was entered
	 * against my name", "Court action was filed in May") */
	for (size_t w = m->w1; w + 1 < d->ts->nw && w < m->w1 + 6; w++) {
		const token *t = word_tok(d, w);
		if (t->clause != first_tok->clause)
			break;
		const token *nx = word_tok(d, w + 1);
		if (word_in(d, t, (const char *const[]){"against", NULL}) &&
		    (word_in(d, nx, (const char *const[]){"me", "us", "myself", NULL}) ||
		     (word_in(d, nx, (const char *const[]){"my", NULL}) && w + 2 < d->ts->nw &&
		      word_in(d, word_tok(d, w + 2), (const char *const[]){"name", NULL}))))
			return false;
		if (w == m->w1 && word_in(d, t, (const char *const[]){"was", "were", "had", NULL}) &&
		    (word_in(d, nx, done) || (word_in(d, nx, (const char *const[]){"been", NULL}) && w + 2 < d->ts->nw &&
					      word_in(d, word_tok(d, w + 2), done))))
			return false;
	}
	/* a preposition right before it, over determiners; but not the
	 * place of a claim being filed ("filing a claim in the small claims
	 * court") */
	size_t w = m->w0;
	while (w > 0 && word_tok(d, w - 1)->clause == first_tok->clause &&
	       (word_in(d, word_tok(d, w - 1), det) || word_in(d, word_tok(d, w - 1), known)))
		w--;
	if (w > 1 && word_in(d, word_tok(d, w - 1), (const char *const[]){"going", NULL}) &&
	    word_in(d, word_tok(d, w - 2), (const char *const[]){"on", NULL}))
		w -= 2; /* "the on going lawsuit" */
	while (w > 0 && word_tok(d, w - 1)->clause == first_tok->clause && word_in(d, word_tok(d, w - 1), det))
		w--;
	bool filed = false;
	for (size_t k = w > 1 ? w - 1 : 0; k > 0 && k + 5 > w && word_tok(d, k - 1)->clause == first_tok->clause; k--)
		filed = filed || word_in(d, word_tok(d, k - 1), file);
	if (!filed && w > 0 && word_tok(d, w - 1)->clause == first_tok->clause && word_in(d, word_tok(d, w - 1), prep) &&
	    !(w > 2 && word_in(d, word_tok(d, w - 1), (const char *const[]){"in", NULL}) &&
	      word_in(d, word_tok(d, w - 2), (const char *const[]){"you", "u", NULL}) &&
	      word_in(d, word_tok(d, w - 3), (const char *const[]){"see", NULL})) &&
	    !(w > 1 && word_in(d, word_tok(d, w - 1), (const char *const[]){"of", NULL}) &&
	      word_in(d, word_tok(d, w - 2), (const char *const[]){"point", "brink", "verge", NULL})))
		return false; /* but "see you in court", "to the point of legal action" */
	/* back through the clause: a threat or a verb of facing, then the
	 * nearest subject */
	bool faced = false;
	for (size_t k = 0, v = m->w0; k < 6 && v > 0; k++) {
		const token *t = word_tok(d, --v);
		if (t->clause != first_tok->clause)
			break;
		if (word_in(d, t, threaten) || word_in(d, t, face)) {
			faced = faced || word_in(d, t, face);
			/* "I'm threatening legal action" is the author's, as is
			 * "you will be facing legal action" */
			size_t j = v;
			while (j > 0 && word_tok(d, j - 1)->clause == first_tok->clause &&
			       word_in(d, word_tok(d, j - 1), (const char *const[]){"am", "are", "is", "be", "will", "'ll",
									       "now", "still", "also", "already", NULL}))
				j--;
			if (j > 0 && word_tok(d, j - 1)->clause == first_tok->clause) {
				const token *s = word_tok(d, j - 1);
				if (word_in(d, s, first) && !faced)
					return true;
				if (word_in(d, s, reader) && faced)
					return true;
			}
			return false;
		}
		/* "threatening me with": the threat came first, above */
		if (word_in(d, t, first) && word_in(d, t, (const char *const[]){"me", "us", NULL}) && v > 0 &&
		    word_in(d, word_tok(d, v - 1), threaten))
			continue;
		if (word_in(d, t, first) || word_in(d, t, reader))
			return true;
		/* a possessive is not the subject: "the company's address" */
		bool poss = v + 1 < m->w0 && word_in(d, word_tok(d, v + 1), (const char *const[]){"'s", "s", NULL});
		if (!poss && (word_in(d, t, third) || t->kind == TK_HANDLE || placeholder(d, t) ||
			      ((t->flags & TF_CAPITAL) && !(t->flags & (TF_SENT_START | TF_ALLCAPS)))))
			return false;
	}
	return true;
}

/* Does the regulator in match m act rather than receive: the last of
 * "to", "with", "through", "by" in the match is "by" ("taken by CFPB",
 * "reports generated by the FTC")? */
static bool regulator_acts(const dctx *d, const match *m)
{
	for (size_t w = m->w1; w > m->w0 + 1;) {
		const token *t = word_tok(d, --w);
		/* but a complaint neglected by the body it went to was made to
		 * it: "my complaints were ignored by the BBB" */
		if (word_in(d, t, (const char *const[]){"by", NULL}))
			return !word_in(d, word_tok(d, w - 1),
					(const char *const[]){"ignored", "dismissed", "disregarded", "unanswered", NULL});
		if (word_in(d, t, (const char *const[]){"to", "with", "through", "via", NULL}))
			return false;
	}
	return false;
}

/* Labels that are the author's moves (see others_move()). */
static bool move_label(const char *l)
{
	static const char *const moves[] = {"escalation.cancel", "escalation.legal", "escalation.regulator",
					    "escalation.public", "escalation.manager", "escalation.chargeback"};
	for (size_t i = 0; i < ARRAY_LEN(moves); i++)
		if (!strcmp(l, moves[i]))
			return true;
	return false;
}

/* Does a counted match of label lab other than m share a word with words
 * [w0, w1)? Matches are sorted by start: such a match is a near
 * neighbour of m. */
static bool counted_near(const dctx *d, const match *m, const char *lab, size_t w0, size_t w1)
{
	size_t at = (size_t)(m - d->ms->m);
	for (size_t i = at > 64 ? at - 64 : 0; i < MIN(d->ms->n, at + 65); i++) {
		const match *o = &d->ms->m[i];
		if (o != m && counted(o) && entry_of(d, o)->label == lab && o->w0 < w1 && w0 < o->w1)
			return true;
	}
	return false;
}

/* Does a counted match of label lab hold m's last word ("contact the
 * attorney general" is a regulator, not a lawyer)? */
static bool covered_by(const dctx *d, const match *m, const char *lab)
{
	return counted_near(d, m, lab, m->w1 - 1, m->w1);
}

/* Is word w "to", or "to" after at most three words naming what is
 * escalated or how far ("escalating this matter to the CFPB", "escalate
 * this right to the point of legal action")? */
static bool to_after(const dctx *d, size_t w)
{
	static const char *const what[] = {"this", "it", "matter", "my", "the", "complaint", "case", "issue",
					   "dispute", "further", "right", "straight", NULL};
	for (size_t k = w; k < d->ts->nw && k < w + 4; k++) {
		if (word_in(d, word_tok(d, k), (const char *const[]){"to", NULL}))
			return true;
		if (!word_in(d, word_tok(d, k), what))
			return false;
	}
	return false;
}

/* Does a counted match of label lab share words with m? */
static bool overlaps(const dctx *d, const match *m, const char *lab)
{
	return counted_near(d, m, lab, m->w0, m->w1);
}

/* Does m count or repeat the contact with words of its own, beyond the
 * counted matches of labels a and b that share words with it? "my third
 * complaint to the CFPB" does; "I have lodged a complaint with the
 * ombudsman" and "I sent a formal complaint to Ofcom" are the move alone. */
static bool counts_beyond(const dctx *d, const match *m, const char *a, const char *b)
{
	static const char *const marker[] = {"second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th",
					     "5th", "6th", "again", "another", "twice", "more", "repeated", NULL};
	size_t at = (size_t)(m - d->ms->m);
	for (size_t k = m->w0; k < m->w1; k++) {
		if (!word_in(d, word_tok(d, k), marker))
			continue;
		bool held = false;
		for (size_t i = at > 64 ? at - 64 : 0; i < MIN(d->ms->n, at + 65) && !held; i++) {
			const match *o = &d->ms->m[i];
			const char *l = entry_of(d, o)->label;
			held = o != m && (l == a || l == b) && counted(o) && o->w0 <= k && k < o->w1;
		}
		if (!held)
			return true;
	}
	return false;
}

/* Signals that can be the consequence of an ultimatum: moves the author
 * threatens, not repeat contact, shouting or another ultimatum. */
static bool consequence_label(const char *l)
{
	static const char *const ok[] = {"escalation.cancel", "escalation.legal", "escalation.regulator",
					 "escalation.public", "escalation.manager", "escalation.chargeback",
					 "escalation.threat"};
	for (size_t i = 0; i < ARRAY_LEN(ok); i++)
		if (!strcmp(l, ok[i]))
			return true;
	return false;
}

/* A deadline the author reports rather than sets: a promise, a rule, a
 * threat or a failure just before it ("was told I'd get a call back within
 * two days", "they were supposed to be deleted if not verified in 30 days",
 * "the creditor must acknowledge your complaint within 30 days", "you
 * failed to respond within 8 weeks", "he threatened me: cancel the booking
 * or else"), or a reported-speech cue earlier in its sentence. */
static bool someone_elses_deadline(const dctx *d, const match *m, size_t sent_w0)
{
	static const char *const told[] = {"supposed", "promised", "told", "said", "says", "stated", "advised",
					   "failed", "required", "requires", "require", "must", "obligated", "obliged",
					   "mandated", "entitled", "would", "could", "meant", "assured", "claimed",
					   "should've", "threaten", "threatened", "threatening", "threatens", NULL};
	for (size_t k = 0, w = m->w0; k < 8 && w > sent_w0; k++)
		if (word_in(d, word_tok(d, --w), told))
			return true;
	const char *rep = lbl.rep;
	size_t at = (size_t)(m - d->ms->m);
	for (size_t i = at > 64 ? at - 64 : 0; i < at; i++) {
		const match *c = &d->ms->m[i];
		if (entry_of(d, c)->label == rep && !(c->why & WHY_REGION) && c->w0 >= sent_w0 && c->w1 <= m->w0)
			return true;
	}
	return false;
}

/* Ultimatums: a deadline ("by Friday", "you have 48 hours"), which the
 * lexicon marks as an escalation.ultimatum entry of severity info, tied to
 * a consequence in the same sentence: a consequence cue ("or I'll",
 * "otherwise", "if ... I'm cancelling") or a signal the author asserts ("by
 * the 15th I'll be claiming it under Section 75"); or a consequence cue
 * opening the next sentence ("You have until Friday. After that I'm
 * leaving."). Bare urgency ("today please") has no consequence. One span per
 * sentence, over the deadline, with its entry id. conseq[] marks sentences
 * holding a consequence signal; it has d->ts->nsent entries. */
static void ultimatums(dctx *d, const uint8_t *conseq)
{
	const char *ul = lbl.ul, *cq = lbl.cq;
	uint32_t done = UINT32_MAX;
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		if (e->label != ul || e->sev != TACT_SEV_INFO || !counted(m))
			continue;
		uint32_t sent = word_tok(d, m->w0)->sent;
		if (sent == done || sent >= d->ts->nsent)
			continue;
		size_t w0, w1, n0, n1;
		sentence_words(d, sent, &w0, &w1);
		if (someone_elses_deadline(d, m, w0))
			continue;
		/* the consequence in its sentence, at the start of the next, or
		 * in the sentence before it ("... before pursuing legal action.
		 * This is my final attempt!") */
		bool tied = conseq[sent] || cue_at(d, cq, w0, w1) || (sent > 0 && conseq[sent - 1]);
		if (!tied && sent + 1 < d->ts->nsent) {
			sentence_words(d, sent + 1, &n0, &n1);
			tied = n0 < n1 && cue_at(d, cq, n0, MIN(n0 + 2, n1));
		}
		if (!tied)
			continue;
		span_from_match(d, m, NULL, TACT_SEV_MEDIUM, "ultimatum: a deadline tied to a consequence");
		done = sent;
	}
}

void detect_customer(dctx *d)
{
	/* most messages have a few sentences: their marks fit on the stack */
	uint8_t conseq_small[64];
	size_t nconseq = d->ts->nsent + 1;
	uint8_t *conseq = nconseq <= sizeof conseq_small ? memset(conseq_small, 0, nconseq) : xcalloc(nconseq, 1);
	pthread_once(&lbl_once, lbl_init);
	const char *reg = lbl.reg, *rep = lbl.repeat, *chb = lbl.chb, *lgl = lbl.lgl;
	bool glad, praise_msg;
	praise_message(d, &glad, &praise_msg);
	praise_memo praised = {UINT32_MAX, false};
	bool moves = false; /* a regulator or chargeback match: repeat contact may be one of them */
	for (size_t i = 0; i < d->ms->n && !moves; i++)
		moves = entry_of(d, &d->ms->m[i])->label == reg || entry_of(d, &d->ms->m[i])->label == chb;
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		if (!counted(m) || strncmp(e->label, "escalation.", 11))
			continue;
		tact_severity sev = e->sev;
		bool legal = !strcmp(e->label, "escalation.legal");
		if (legal && !authors_legal(d, m))
			continue; /* "they are threatening legal action" */
		if (sev == TACT_SEV_INFO)
			continue; /* evidence for a rule below (a deadline), not a signal */
		/* the author is its object: "proceed with suing me"; but the
		 * author's own lawyer advising the author is a move ("my
		 * solicitor has advised me to sue") */
		if (legal && m->w1 < d->ts->nw && word_tok(d, m->w1)->clause == word_tok(d, m->w1 - 1)->clause &&
		    word_in(d, word_tok(d, m->w1), (const char *const[]){"me", "us", "myself", NULL}) &&
		    !(word_in(d, word_tok(d, m->w0), (const char *const[]){"my", "our", NULL}) && m->w1 + 1 < d->ts->nw &&
		      word_in(d, word_tok(d, m->w1 + 1), (const char *const[]){"to", "that", NULL})))
			continue;
		/* a regulator that acts ("actions taken by the CFPB", "the
		 * complaint is closed by CFPB") is not the author's complaint */
		if (e->label == reg && regulator_acts(d, m))
			continue;
		if ((!strcmp(e->label, "escalation.public") || !strcmp(e->label, "escalation.manager")) &&
		    (praise(d, &praised, m) || praise_msg))
			continue; /* "I'll leave you a 5-star review!", "pass my thanks to your manager" */
		if (move_label(e->label) && others_move(d, m, legal))
			continue; /* "they closed my account", "I was being sued" */
		if (legal && covered_by(d, m, reg))
			continue; /* "the attorney general" */
		/* "escalate this (matter) to the ombudsman" goes to a regulator,
		 * "to my attorney" or "right to the point of legal action" to a
		 * lawyer or a court, not up the line */
		if (!strcmp(e->label, "escalation.manager") && to_after(d, m->w1) &&
		    (covered_by(d, m, reg) || covered_by(d, m, lgl)))
			continue;
		/* words that are a move to a regulator or a card issuer are not
		 * also contact with the company again ("I have lodged a
		 * complaint with the Financial Ombudsman", "I raised a dispute
		 * with Visa"), unless they count the contacts ("my third
		 * complaint to the CFPB") */
		if (e->label == rep && moves && (overlaps(d, m, reg) || overlaps(d, m, chb)) &&
		    !counts_beyond(d, m, reg, chb))
			continue;
		if (!strcmp(e->label, "escalation.threat"))
			sev = TACT_SEV_CRITICAL; /* harm to people is always critical */
		span_from_match(d, m, NULL, sev, NULL);
		if (consequence_label(e->label)) {
			uint32_t sent = word_tok(d, m->w0)->sent;
			if (sent < d->ts->nsent)
				conseq[sent] = 1;
		}
	}
	ultimatums(d, conseq);
	if (conseq != conseq_small)
		free(conseq);
	shouting(d, glad);
}
