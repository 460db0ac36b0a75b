/* detect_derog.c: derogatory language in any message. Swearing is
 * profanity; abuse aimed at a person (the reader, staff, someone else) is
 * an insult; slurs and attacks on a group identity are identity attacks.
 *
 * An entry flagged `target` is an insult only when it is aimed at a
 * person, read from the sentence around it (target_of):
 *   - a word that is itself a person reference ("idiot", "moron": a
 *     cue.target match over it) is aimed at that person, unless the writer
 *     links it to themself ("I feel like an idiot", "call me a fool");
 *   - a describing word ("stupid", "useless") is aimed at the person or
 *     thing it describes: the noun after it ("stupid people", "stupid
 *     app"), else the subject of a copula before it ("Kevin was useless",
 *     "it's pathetic", "I feel so stupid"); a capitalized subject is a
 *     name; else the nearest person or self reference in the clause,
 *     within the entry's before=/after= words (default 4 and 3); a
 *     describing word in a clause of its own at the end of a sentence is
 *     called at the reader when the clause before it addresses them ("go
 *     back to school, stupid") or gives them an order ("Read the email,
 *     stupid.").
 *   A degree "that"/"this" is no subject ("are people really that
 *   stupid"), nor is the name after a preposition ("the helmets in Destiny
 *   are trash"); "how stupid can people be" puts the subject after; a
 *   simile is said of the nearest person before it ("makes you look like a
 *   fool"), and of the writer after a past verb with no subject ("bought
 *   the wrong date like an idiot").
 * A name given outright ("you moron", "this idiot", "idiots like you") is
 * not taken back by a negation or "if" elsewhere in its clause
 * (named_outright).
 * Swearing aimed at a person ("f*** you", "fucking moron", "you dumbfuck",
 * a curse opening its clause: "fuck them") is an insult, and a profanity
 * span inside an insult span is dropped (one finding per word); "the fuck
 * you ..." is an intensifier, "fuck you up" harm; a slur called at a person
 * is an identity attack and an insult.
 * Words inside a title or a quoted name ("my copy of The Idiot", "the song
 * 'Fuck You'") are not the writer's: in_title() reads Title Case with a
 * media noun (cue.thing entries of severity low), "by" a name, a verb of
 * buying or playing, or quotation marks around it. The cue words are lexicon entries: cue.target, cue.self,
 * cue.thing and cue.intensifier in lexicons/en/targets.tact; the few
 * grammar words below (copulas, pronouns) are English grammar, not
 * vocabulary. */
#include <pthread.h>

#include "analyze.h"

#include <stdlib.h>

enum target { T_NONE, T_PERSON, T_SELF, T_THING };

typedef struct {
	const char *tgt, *self, *thing, *intens, *prof, *ins, *idn;
} cues;
static cues cue_labels; /* filled once by lists_build() */

/* A fact about one sentence, kept for the last sentence asked: it is
 * asked for every match in the sentence, and reading a long sentence
 * again for each made a message quadratic. */
typedef struct {
	uint32_t sent; /* the sentence val is of; UINT32_MAX: none yet */
	size_t val;
} sent_memo;

/* At most this many words between a person reference and a describing
 * word, by default (an entry's before=N / after=N override). */
#define BACK 4
#define AHEAD 3
/* Matches either side of one that are looked at for its context. */
#define WINDOW 64

/* Verbs linking a subject to what is said of it: "he is", "I feel". */
static const char *const copulas[] = {"is", "are", "was", "were", "be", "been", "being", "am", "seem", "seems",
				      "seemed", "look", "looks", "looked", "sound", "sounds", "sounded", "act",
				      "acts", "acting", "become", "becomes", "became", "remain", "remains", "stay",
				      "get", "gets", "got", "getting", "feel", "feels", "felt", "feeling", "'s",
				      "'re", "'m", "r", NULL};
/* Words that may stand between a copula and what it links ("is just
 * plain stupid", "you are one sick puppy"), besides cue.intensifier. */
static const char *const adverbs[] = {"just", "also", "still", "truly", "clearly", "obviously", "simply", "quite",
				      "pretty", "rather", "too", "even", "always", "plain", "downright", "genuinely",
				      "beyond", "one", "now", "already", "as", "equally", "seriously", "literally",
				      "actually", "certainly", "definitely", "extremely", "all", "both", "not",
				      "kind", "sort", "of", "bit", "little", "being", "getting", "that", "this",
				      "mentally", "morally", "intellectually", "such", "insanely", "unbelievably",
				      "incredibly", "particularly", "especially", "exceptionally", "remarkably",
				      "willfully", "wilfully", "deliberately", "criminally", "dangerously", "and",
				      "or", "either", "like", NULL};
/* Subjects that are not people ("it's pathetic", "that is stupid"). */
static const char *const nonperson[] = {"it", "it's", "its", "this", "that", "that's", "this's", "which", "what",
					"what's", "everything", "something", "nothing", "anything", "there's",
					"here's", NULL};
/* Possessive determiners, which are not subjects ("your ridiculous
 * portal"). */
static const char *const possessives[] = {"your", "ur", "yer", "his", "her", "their", "my", "our", "its", NULL};

/* Words between the writer and a name that link the two ("I'm such an
 * idiot", "I feel like a fool", "call me a moron"), besides intensifiers. */
static const char *const selflink[] = {"am", "was", "were", "be", "been", "being", "feel", "feels", "felt",
				       "feeling", "look", "looks", "looked", "looking", "sound", "sounded", "like",
				       "such", "a", "an", "the", "total", "complete", "absolute", "utter", "bit",
				       "of", "kind", "sort", "made", "make", "makes", "call", "called", "calling",
				       "as", "an", "real", "right", "proper", "bloody", "big", "huge", "massive",
				       "just", "really", "so", "and", "must", "may", "might", "probably", "to",
				       "trying", "try", "mean", "meant", "want", "wanna", "sounding", "seem", "seeming",
				       "for", "acting", "act", NULL};
/* Words after a describing word that are not the noun it describes
 * ("stupid enough to", "dumb as a rock"). */
static const char *const function_words[] = {
	"to", "of", "for", "in", "on", "at", "as", "and", "or", "but", "with", "about", "than", "that", "enough",
	"beyond", "if", "because", "when", "who", "which", "like", "from", "by", "too", "again", "now", "here",
	"there", "then", "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can", "could",
	"should", "must", "do", "does", "did", "i", "you", "he", "she", "they", "we", "it", "me", "him", "her",
	"them", "us", "so", "not", "this", "these", "those", "all", "just", "really", "ever", "anymore", "lol",
	"haha", "though", "tho", "af", "right", "yourself", "yourselves", "himself", "herself", "themselves", "the",
	"a", "an", "my", "your", "his", "their", "our", "its", "u", "ur", "either", "any", "some", "no", "what",
	"how", "why", "where", "while", "until", "since", "after", "before", "up", "out", "off", "down", "over",
	"into", "through", "against", "without", "anyway", "both", "too", "much", "very", NULL};

/* Pronouns and other words that stand for a person without naming one. */
static const char *const pronouns[] = {"he", "she", "they", "him", "her", "them", "his", "their", "theirs", "who",
				       "whom", "whoever", "someone", "somebody", "everyone", "everybody", "anyone",
				       "anybody", "nobody", "he's", "she's", "they're", "theyre", "your", "ur",
				       "you're", "youre", "himself", "herself", "themselves", NULL};

/* Folly only people have, which stands for them ("such stupidity"):
 * the words of target.folly in targets.tact. */
static const char *const folly[] = {"stupidity", "idiocy", "imbecility", "moronity", "cretinism", "stupidities",
				    "hypocrisy",
				    NULL};

/* Verbs that open an order to the reader ("read the email", "don't be
 * late", "try again"): a describing word called after one, in a clause of
 * its own, is a name for the reader ("Read the email, stupid."). */
static const char *const imperatives[] = {
	"don't", "dont", "do", "please", "go", "get", "stop", "quit", "read", "try", "learn", "look", "check", "use",
	"keep", "shut", "grow", "wake", "listen", "think", "leave", "give", "take", "make", "put", "come", "move",
	"educate", "google", "open", "pay", "answer", "spell", "write", "wait", "sit", "calm", "fix", "call", "close",
	"change", "wipe", "clean", "wash", "brush", "zip", "mind", NULL};

/* Endings of describing words ("jihadist", "fascistic", "pompous",
 * "hateful", "spineless", "liberal", "elitish", "abusive", "Nigerian"), for
 * a word we do not know between the reader and a name called at them
 * ("you jihadist puke"); and verbs with those endings, which make the
 * reader a subject instead ("you feed rats", "you sent garbage"). */
static const char *const adj_endings[] = {"ist", "ic", "ous", "ful", "less", "al", "ish", "ive", "ian", NULL};
static const char *const adj_verbs[] = {
	"exist", "insist", "assist", "resist", "persist", "consist", "twist", "enlist", "list", "panic", "mimic",
	"picnic", "traffic", "finish", "publish", "punish", "vanish", "polish", "establish", "cherish", "nourish",
	"perish", "relish", "abolish", "demolish", "diminish", "flourish", "wish", "steal", "deal", "reveal", "heal",
	"seal", "appeal", "conceal", "give", "live", "drive", "arrive", "receive", "forgive", "survive", "thrive",
	"dive", "deprive", "derive", "revive", "contrive", "strive", "bless", "dismiss", "miss", "kiss", "guess",
	"bus", "hiss", "toss", "boss", "pass", "dispatch", "dial", "trial", "install", "recall", "call", "fall",
	"sell", "tell", "smell", "spell", "kill", "fill", "bill", "will", "shall", "all", "still", "until", "fish",
	"dish", "push", "rush", "crush", "brush", "flush", "ship", "equal", "total", "usual", "actual", "normal",
	NULL};

/* How many: after a comma they open a new noun phrase, not a list of
 * describing words ("This is ridiculous, three engineers, three answers"). */
static const char *const counts[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
				     "several", "many", "multiple", "numerous", "countless", "both", "all", "no",
				     "every", "each", NULL};

/* Auxiliaries and adverbs between a subject and its copula ("you can't
 * be that stupid", "old folk can be naive", "you have to be ignorant"). */
static const char *const auxiliaries[] = {
	"to", "have", "has", "had", "can", "can't", "cant", "cannot", "could", "couldn't", "will", "won't", "would",
	"wouldn't", "should", "shouldn't", "must", "might", "may", "do", "does", "did", "don't", "doesn't", "didn't",
	"not", "never", "also", "still", "just", "really", "always", "ever", "even", "sometimes", "often", "usually",
	"clearly", "obviously", "probably", "apparently", "certainly", "definitely", "gonna", "going", "need", "needs",
	"seem", "seems", "seemed", "appear", "appears", "appeared", "is", "are", "was", "were", "be", "been", "being",
	"all", "both", "there", "here", "today", "now", "truly", "simply", "actually", "genuinely", "starting",
	"beginning", "trying", "going", NULL};

/* Words that open a sentence with a capital and are no name ("Sorry",
 * "Honestly"), for is_name(). */
static const char *const openers[] = {
	"sorry", "thanks", "thank", "please", "well", "so", "yes", "no", "oh", "hey", "hi", "hello", "maybe",
	"honestly", "seriously", "really", "ok", "okay", "lol", "wow", "yeah", "yep", "nope", "sure", "also",
	"but", "and", "because", "then", "now", "why", "how", "what", "when", "where", "who", "if", "perhaps",
	"surely", "clearly", "obviously", "apparently", "anyway", "still", "just", "even", "only", NULL};

static bool word_in(const dctx *d, size_t k, const char *const *list)
{
	const token *t = word_tok(d, k);
	return bytes_in(tok_text(d->nt, t), t->nlen, list);
}

/* The lists above that hot paths ask of many words, in one table
 * (wordlists_bits()) built once by detect_derogatory(). */
enum { L_COPULAS, L_ADVERBS, L_NONPERSON, L_POSSESSIVES, L_SELFLINK, L_FUNCTION, L_PRONOUNS, L_IMPERATIVES,
       L_COUNTS, L_AUXILIARIES, L_OPENERS };
static const char *const *const lists[] = {
	[L_COPULAS] = copulas,	     [L_ADVERBS] = adverbs,	    [L_NONPERSON] = nonperson,
	[L_POSSESSIVES] = possessives, [L_SELFLINK] = selflink,	    [L_FUNCTION] = function_words,
	[L_PRONOUNS] = pronouns,     [L_IMPERATIVES] = imperatives, [L_COUNTS] = counts,
	[L_AUXILIARIES] = auxiliaries, [L_OPENERS] = openers};
static wordlists list_set;
static pthread_once_t list_once = PTHREAD_ONCE_INIT;

/* The labels the detector compares with, looked up once with the lists
 * (label_lookup's pointers are stable), not a dozen times a message. */
static struct {
	const char *rep, *hyp, *neg, *ret;
} lab;

static void lists_build(void)
{
	wordlists_build(&list_set, lists, ARRAY_LEN(lists));
	lab.rep = label_lookup("cue.reported", 12);
	lab.hyp = label_lookup("cue.hypothetical", 16);
	lab.neg = label_lookup("cue.negation", 12);
	lab.ret = label_lookup("cue.retraction", 14);
	cue_labels = (cues){label_lookup("cue.target", 10),	      label_lookup("cue.self", 8),
			    label_lookup("cue.thing", 9),	      label_lookup("cue.intensifier", 15),
			    label_lookup("derogatory.profanity", 20), label_lookup("derogatory.insult", 17),
			    label_lookup("derogatory.identity", 19)};
}

/* Is word k in list l (an L_ value)? */
static bool in_list(const dctx *d, size_t k, int l)
{
	const token *t = word_tok(d, k);
	return wordlists_bits(&list_set, tok_text(d->nt, t), t->nlen) >> l & 1;
}

static bool cue_word(const dctx *d, const char *cue, size_t pos)
{
	return cue_at(d, cue, pos, pos + 1);
}

/* Is word k a thing (a cue.thing over it)? Not a person noun of one who
 * does something, found as a thing only by its stem: "worker" (work),
 * "banker" (bank), "waiter" (wait); a longer thing over it stays one
 * ("customer service"), and so does a thing listed in full ("poster",
 * "trainers": thing.object in targets.tact). */
static bool thing_word(const dctx *d, const cues *c, size_t k)
{
	if (!cue_word(d, c->thing, k))
		return false;
	const token *t = word_tok(d, k);
	const char *w = tok_text(d->nt, t);
	size_t n = t->nlen - (t->nlen > 3 && w[t->nlen - 1] == 's');
	if (t->base == t->id || n < 5 || !(!memcmp(w + n - 2, "er", 2) || !memcmp(w + n - 2, "or", 2)) ||
	    !cue_word(d, c->tgt, k))
		return true;
	for (size_t i = matches_near(d, k); i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		if (m->w0 > k)
			break;
		const lex_entry *e = entry_of(d, m);
		if (m->w0 <= k && k < m->w1 && e->label == c->thing && (m->w1 - m->w0 > 1 || !(e->flags & LF_STEM)) &&
		    !(m->why & WHY_REGION))
			return true;
	}
	return false;
}

/* Is word k the reader addressed, "you" or one of its forms (you, u, ya,
 * ye, y'all, yall, ya'll, youse, yourself, thee...): the one list of them
 * is the @class you of lexicons/en/targets.tact, whose entry target.you is
 * the cue.target of severity low. */
static bool addressee(const dctx *d, const cues *c, size_t k)
{
	return cue_sev_at(d, c->tgt, TACT_SEV_LOW, k, k + 1);
}

static bool same_clause(const dctx *d, size_t a, size_t b)
{
	return word_tok(d, a)->clause == word_tok(d, b)->clause;
}

/* Does word k start a sentence, or what follows a colon ("Everyone:
 * Flying sucks"), where any word has a capital? */
static bool starts(const dctx *d, size_t k)
{
	const token *t = word_tok(d, k);
	if (t->flags & TF_SENT_START)
		return true;
	size_t i = d->ts->w[k];
	return i > 0 && d->ts->t[i - 1].kind == TK_PUNCT && d->msg->text.ptr[d->ts->t[i - 1].os] == ':';
}

/* Endings of abstract nouns, which a capital at the start of a sentence
 * does not make a name ("Marriage is worthless", "Slavery is cruel",
 * "Liberalism is a disease"); "-age" and "-ery" only in longer words
 * (not "Page", "Avery"). */
static bool abstract_noun(const dctx *d, size_t k)
{
	static const char *const endings[] = {"tion", "sion", "ment", "ness", "ity", "ism", "ship", "ance", "ence", "hood",
					      NULL};
	const token *t = word_tok(d, k);
	const char *w = tok_text(d->nt, t);
	for (const char *const *e = endings; *e; e++) {
		size_t n = strlen(*e);
		if (t->nlen > n + 2 && !memcmp(w + t->nlen - n, *e, n))
			return true;
	}
	return t->nlen >= 7 && (!memcmp(w + t->nlen - 3, "age", 3) || !memcmp(w + t->nlen - 3, "ery", 3));
}

/* A name: a capitalized word (not a shouted one) that is not a cue or a
 * pronoun ("Kevin was useless", "Trump is so dumb"), nor an abstract noun
 * that has its capital from the start of a sentence. */
static bool is_name(const dctx *d, const cues *c, size_t k)
{
	const token *t = word_tok(d, k);
	return t->kind == TK_WORD && (t->flags & TF_CAPITAL) && !(t->flags & TF_ALLCAPS) && !in_list(d, k, L_NONPERSON) &&
	       !in_list(d, k, L_OPENERS) && !(starts(d, k) && !(t->flags & TF_SENT_START)) &&
	       !((t->flags & TF_SENT_START) && abstract_noun(d, k)) && !thing_word(d, c, k) &&
	       !cue_word(d, c->self, k) && !cue_word(d, c->intens, k);
}

/* "Trump's" */
static bool possessive(const dctx *d, size_t k)
{
	const token *t = word_tok(d, k);
	return t->nlen > 2 && !memcmp(tok_text(d->nt, t) + t->nlen - 2, "'s", 2);
}

/* Is word k a describing word we know only by its ending ("jihadist",
 * "pompous", "spineless"): no cue, no function word, no verb we know? */
static bool adjectival(const dctx *d, const cues *c, size_t k)
{
	const token *t = word_tok(d, k);
	if (t->kind != TK_WORD || t->nlen < 5 || in_list(d, k, L_FUNCTION) || cue_word(d, c->tgt, k) ||
	    thing_word(d, c, k) || cue_word(d, c->self, k) || word_in(d, k, adj_verbs) ||
	    word_in(d, k, (const char *const[]){"unless", NULL}))
		return false;
	const char *w = tok_text(d->nt, t);
	for (const char *const *e = adj_endings; *e; e++) {
		size_t n = strlen(*e);
		if (t->nlen > n + 2 && !memcmp(w + t->nlen - n, *e, n))
			return true;
	}
	return false;
}

/* Does the clause end with "you are" from word k: a name said of the
 * reader or someone with the subject after it ("What a smug basket you
 * are.", "Elitist Pig you are", "narrow minded little fool he is")? */
static bool subject_after(const dctx *d, const cues *c, size_t k)
{
	size_t nw = d->ts->nw;
	if (k + 1 >= nw || !same_clause(d, k, k + 1) ||
	    !(addressee(d, c, k) || word_in(d, k, (const char *const[]){"he", "she", "they", NULL})) ||
	    !word_in(d, k + 1, (const char *const[]){"are", "is", "were", "was", "r", NULL}))
		return false;
	return k + 2 >= nw || !same_clause(d, k + 1, k + 2) || word_tok(d, k + 2)->kind != TK_WORD;
}

static bool modifier(const dctx *d, const cues *c, size_t k);

/* Words that make a kind of animal with the name after them, not a
 * describing word: "a guinea pig", "a lab rat", "a party animal", "a cash
 * cow", "a code monkey". */
static const char *const animal_kinds[] = {
	"guinea", "lab", "pet", "sewer", "baby", "piggy", "pot", "roast", "suckling", "river", "water", "field",
	"farm", "house", "wild", "mini", "teacup", "kitchen", "recycling", "sea", "grass", "garden", "pack", "gym",
	"mall", "rug", "desert", "cash", "sacred", "party", "social", "political", "code", "grease",
	"lone", "church", "city", "country", "barn", "stray", "feral", "rescue", "show", "prize", "dairy", "beef",
	"test", "space", "snow", "spider", "rhesus", "howler", "corn", "garter", "rattle", "king", "milk",
	"team", "brass", "powder", "money", "paper", "street", "alley", "wood", "dumb", NULL};

/* Is word k a describing word before a name for a person only: one we
 * know (an intensifier, a modifier, an insult, an ending like "-ous"), or
 * another word that is no function word, cue, name or kind of animal
 * ("big", "rotten")? *known is set for one we know. */
static bool describing(const dctx *d, const cues *c, size_t k, bool *known)
{
	const token *t = word_tok(d, k);
	if (t->kind != TK_WORD || word_in(d, k, (const char *const[]){"a", "an", "the", "and", NULL}))
		return false;
	if (modifier(d, c, k) || adjectival(d, c, k)) {
		*known = true;
		return true;
	}
	return !in_list(d, k, L_FUNCTION) && !in_list(d, k, L_COPULAS) && !in_list(d, k, L_ADVERBS) &&
	       !in_list(d, k, L_PRONOUNS) && !cue_word(d, c->tgt, k) && !thing_word(d, c, k) &&
	       !cue_word(d, c->self, k) && !is_name(d, c, k) && !word_in(d, k, animal_kinds) &&
	       !(t->nlen > 4 && !memcmp(tok_text(d->nt, t) + t->nlen - 3, "ing", 3));
}

static enum target subject_of(const dctx *d, const cues *c, size_t w0, bool noun, bool *found, size_t *at);

/* A simile says it of the nearest person before it: "you speak like a
 * moron", "makes you look like a fool", "they treat me like an idiot"; an
 * order, of the reader ("stop acting like a fool"); a sentence opening with
 * a past verb, of the writer, unnamed ("bought the wrong date like an
 * idiot"). The target, or -1 when m is no simile or it names nobody; s0 is
 * the sentence's first word. */
static int simile_target(const dctx *d, const cues *c, const match *m, size_t s0)
{
	size_t l = m->w0;
	/* "like a fucking stupid ass", "like a total idiot" */
	while (l > 0 && m->w0 - l < 2 && same_clause(d, l - 1, m->w0) &&
	       (cue_word(d, c->intens, l - 1) || cue_word(d, c->prof, l - 1)))
		l--;
	if (l > 0 && word_in(d, l - 1, (const char *const[]){"a", "an", NULL}))
		l--;
	if (l == 0 || !same_clause(d, l - 1, m->w0) || !word_in(d, l - 1, (const char *const[]){"like", NULL}))
		return -1;
	/* how someone is treated, not what the writer calls them: "stop
	 * treating your customers like morons" */
	for (size_t q = l - 1; q > 0 && same_clause(d, q - 1, m->w0);)
		if (word_in(d, --q, (const char *const[]){"treat", "treats", "treated", "treating", NULL}))
			return T_NONE;
	size_t q = l - 1;
	while (q > 0 && same_clause(d, q - 1, m->w0)) {
		q--;
		if (cue_word(d, c->self, q))
			return T_SELF;
		if (cue_word(d, c->tgt, q))
			return T_PERSON;
	}
	if (in_list(d, q, L_IMPERATIVES))
		return T_PERSON;
	const token *t0 = word_tok(d, s0);
	const char *w = tok_text(d->nt, t0);
	if (q == s0 && ((t0->nlen > 3 && !memcmp(w + t0->nlen - 2, "ed", 2)) ||
			word_in(d, s0, (const char *const[]){"bought", "forgot", "left", "lost", "sent", "put", "got",
							     "made", "did", "went", "took", "paid", "booked", "wrote",
							     "told", "gave", "ran", "ate", "spent", NULL})))
		return T_SELF;
	return -1;
}

/* Is m a swear word the writer says of themself in a simile ("I acted
 * like a stupid ass")? */
static bool self_simile(const dctx *d, const cues *c, const match *m)
{
	size_t s0, s1;
	sentence_words(d, word_tok(d, m->w0)->sent, &s0, &s1);
	return simile_target(d, c, m, s0) == T_SELF;
}

/* Does the writer call themself the word of match m: "I'm fucking
 * retarded", "I am such a faggot lol", "call me a retard" (the writer, or
 * "me", before it with only linking words and intensifiers between; not
 * "my", a possessive: "my nigga" is someone else)? A slur said so is
 * self-deprecation, swearing rather than an attack on a group. */
static bool self_named(const dctx *d, const cues *c, const match *m)
{
	for (size_t k = m->w0, back = 0; k > 0 && back < 5; back++) {
		k--;
		if (!same_clause(d, k, m->w0))
			return false;
		if (cue_word(d, c->self, k))
			return !word_in(d, k, (const char *const[]){"us", "ourselves", NULL});
		if (!cue_word(d, c->intens, k) && !in_list(d, k, L_SELFLINK))
			return false;
	}
	return false;
}

/* Who the writer links a person noun to: T_SELF for "I feel like an
 * idiot", "call me a fool"; T_THING when a copula says it of a thing ("life's
 * a bitch", "the sat nav is a moron"); T_PERSON otherwise. */
static enum target noun_target(const dctx *d, const cues *c, const match *m)
{
	/* the writer names themself right after it: "What an idiot I am",
	 * "idiot me forgot to cancel" */
	size_t nx = m->w1;
	if (nx < d->ts->nw && same_clause(d, m->w0, nx) && cue_word(d, c->self, nx) &&
	    (word_in(d, nx, (const char *const[]){"me", "myself", NULL}) ||
	     (nx + 1 < d->ts->nw && same_clause(d, nx, nx + 1) &&
	      word_in(d, nx + 1, (const char *const[]){"am", "was", "feel", "felt", "been", "must", NULL}))))
		return T_SELF;
	size_t j = m->w0;
	while (j > 0 && m->w0 - j < 4 && same_clause(d, j - 1, m->w0) &&
	       (cue_word(d, c->intens, j - 1) || in_list(d, j - 1, L_ADVERBS)) && !in_list(d, j - 1, L_COPULAS))
		j--;
	bool found;
	size_t subj;
	/* the subject is a thing we know, in lower case ("Cox" may be a
	 * deputy, and "it", "this" may be a person: "it was the jerks behind
	 * this", "this is truly an idiot") */
	if (j > 0 && same_clause(d, j - 1, m->w0) && in_list(d, j - 1, L_COPULAS) &&
	    subject_of(d, c, m->w0, true, &found, &subj) == T_THING && found && subj != SIZE_MAX &&
	    thing_word(d, c, subj) && !in_list(d, subj, L_NONPERSON) &&
	    !((word_tok(d, subj)->flags & TF_CAPITAL) && !(word_tok(d, subj)->flags & TF_SENT_START))) {
		/* unless a person stands earlier in the subject: "whoever
		 * designed your system is a halfwit" */
		size_t k = j - 1;
		while (k > 0 && same_clause(d, k - 1, j - 1) && !cue_word(d, c->tgt, k - 1))
			k--;
		if (!(k > 0 && same_clause(d, k - 1, j - 1) && !cue_word(d, c->self, k - 1)))
			return T_THING;
	}
	static const char *const hedge[] = {"not", "don't", "dont", "didn't", "never", "sorry", "apologize",
					    "apologise", NULL};
	/* a compound: "fool proof", "idiot-proof" */
	if (m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) &&
	    word_in(d, m->w1, (const char *const[]){"proof", "proofed", "proofing", NULL}))
		return T_THING;
	/* the verb: "to fool", "sucker you in", "troll them" */
	const token *t = word_tok(d, m->w0);
	bool plural = tok_text(d->nt, t)[t->nlen - 1] == 's';
	if (m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) && !plural && m->w1 == m->w0 + 1 &&
	    word_in(d, m->w0 - 1, (const char *const[]){"to", NULL}))
		return T_NONE;
	if (m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) &&
	    word_in(d, m->w0, (const char *const[]){"fool", "fools", "troll", "trolls", "sucker", "suckers", "bully",
						      "bullies", "leech", "leeches", "shill", "shills", "creep", "creeps",
						      "stooge", "toady", "perv", "pervs", NULL}) &&
	    (addressee(d, c, m->w1) ||
	     word_in(d, m->w1, (const char *const[]){"me", "him", "her", "them", "us", "people", "everyone", NULL})) &&
	    !(m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) &&
	      (cue_word(d, c->intens, m->w0 - 1) || word_in(d, m->w0 - 1, (const char *const[]){"what", "such", NULL}))))
		return T_NONE;
	/* a name that is also a verb, used as one: after a modal ("I can
	 * troll one day"), or after a subject with an adverb or preposition
	 * after it ("you troll so hard", "you bitch about your taxes"; not
	 * "you bitch!") */
	if (m->w0 > 0 && m->w1 == m->w0 + 1 && same_clause(d, m->w0 - 1, m->w0) &&
	    word_in(d, m->w0, (const char *const[]){"troll", "trolls", "bitch", "bitches", NULL})) {
		if (word_in(d, m->w0 - 1, (const char *const[]){"can", "could", "will", "would", "gonna", "wanna", "should",
								"might", "must", "cannot", "can't", "cant", "won't", "wont",
								"don't", "dont", "didn't", "didnt", "doesn't", "doesnt", NULL}))
			return T_NONE;
		if (m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) &&
		    word_in(d, m->w0 - 1, (const char *const[]){"i", "you", "u", "we", "they", "he", "she", "people",
								"y'all", "yall", NULL}) &&
		    word_in(d, m->w1, (const char *const[]){"about", "like", "so", "at", "on", "and", "too", "harder",
							  "more", "constantly", "around", "hard", "over", "all", NULL}))
			return T_NONE;
	}
	/* "forgive my stupidity", "told my bitch I ..." (but "my idiot
	 * brother" is the brother, and "our idiots in Congress" are people) */
	if (m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) && word_in(d, m->w0 - 1, (const char *const[]){"my", "our", NULL}) &&
	    (m->w1 >= d->ts->nw || !same_clause(d, m->w0, m->w1) || in_list(d, m->w1, L_FUNCTION)) &&
	    (word_in(d, m->w0, folly) || word_in(d, m->w0 - 1, (const char *const[]){"my", NULL})))
		return T_SELF;
	/* a name called with an apology: "Sorry dikhead, we all know you" */
	if (m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) &&
	    word_in(d, m->w0 - 1, (const char *const[]){"sorry", NULL}) &&
	    (m->w0 == 1 || !same_clause(d, m->w0 - 2, m->w0)))
		return T_PERSON;
	/* "my own stupidity" */
	if (m->w0 > 1 && same_clause(d, m->w0 - 2, m->w0) && word_in(d, m->w0 - 1, (const char *const[]){"own", NULL}) &&
	    word_in(d, m->w0 - 2, (const char *const[]){"my", "our", NULL}))
		return T_SELF;
	/* a name as a modifier: "a total muppet moment from me" */
	if (m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) &&
	    word_in(d, m->w1, (const char *const[]){"moment", "moments", NULL}))
		return T_NONE;
	size_t s0, s1;
	sentence_words(d, word_tok(d, m->w0)->sent, &s0, &s1);
	/* "Being an absolute idiot, I've forgotten my key fob": said of the
	 * subject after it */
	if (word_in(d, s0, (const char *const[]){"being", NULL}) && s0 < m->w0) {
		bool lead = true;
		for (size_t q = s0 + 1; q < m->w0 && lead; q++)
			lead = cue_word(d, c->intens, q) || in_list(d, q, L_SELFLINK);
		for (size_t q = m->w1; lead && q < s1 && q < m->w1 + 3; q++) {
			if (cue_word(d, c->self, q))
				return T_SELF;
			if (cue_word(d, c->tgt, q))
				return T_PERSON;
		}
	}
	int sim = simile_target(d, c, m, s0);
	if (sim >= 0)
		return (enum target)sim;
	bool hedged = false;
	size_t k = m->w0;
	/* describing words between an article and the name stand aside: "I'm
	 * a happy idiot", "I am such a lucky bastard" */
	for (size_t q = m->w0; q > 0 && m->w0 - q < 3 && same_clause(d, q - 1, m->w0);) {
		q--;
		if (word_in(d, q, (const char *const[]){"a", "an", NULL})) {
			k = q + 1;
			break;
		}
		if (word_tok(d, q)->kind != TK_WORD || in_list(d, q, L_FUNCTION) || cue_word(d, c->tgt, q) ||
		    cue_word(d, c->self, q) || is_name(d, c, q))
			break;
	}
	for (size_t back = 0; k > 0 && back < 8; back++) {
		k--;
		if (!same_clause(d, k, m->w0))
			return hedged ? T_SELF : T_PERSON;
		if (cue_word(d, c->self, k))
			return T_SELF;
		if (word_in(d, k, hedge)) {
			/* a warning to the reader: "don't be an idiot" */
			if (k + 1 < m->w0 && word_in(d, k, (const char *const[]){"don't", "dont", NULL}) &&
			    word_in(d, k + 1, (const char *const[]){"be", NULL}))
				return T_PERSON;
			hedged = true;
			continue;
		}
		/* "some sort of", "some kind of" link as "a sort of" does:
		 * "like I'm some sort of idiot" (not "made some hoes") */
		bool sort = k + 1 < m->w0 && word_in(d, k, (const char *const[]){"some", NULL}) &&
			    word_in(d, k + 1, (const char *const[]){"sort", "kind", NULL});
		if (cue_word(d, c->tgt, k) || (!cue_word(d, c->intens, k) && !in_list(d, k, L_SELFLINK) && !sort))
			return T_PERSON;
	}
	/* the writer's hedge with no subject: "don't mean to be a jerk" */
	return hedged && k == 0 ? T_SELF : T_PERSON;
}

static bool is_insult(const dctx *d, const cues *c, size_t k)
{
	return cue_word(d, c->ins, k);
}

/* Is the writer at word k the one who judges, not the one judged: "to
 * me" ("idiotic, to me", "ridiculous to me"), "strikes me as idiotic"? */
static bool judge_self(const dctx *d, size_t k)
{
	if (!word_in(d, k, (const char *const[]){"me", "us", NULL}))
		return false;
	if (k > 0 && word_in(d, k - 1, (const char *const[]){"to", NULL}) &&
	    !(k > 1 && word_in(d, k - 2, (const char *const[]){"happened", "happens", "happen", "done", "do", "did",
								 "does", "said", "say", "says", "talk", "talking",
								 "talked", "speak", "spoke", "speaking", "lie", "lied",
								 "lying", "rude", "mean", "nasty", NULL})))
		return true;
	return k > 0 && k + 1 < d->ts->nw && word_in(d, k + 1, (const char *const[]){"as", NULL}) &&
	       word_in(d, k - 1, (const char *const[]){"strike", "strikes", "struck", "striking", NULL});
}

/* The subject of a copula before word w0: "Kevin was (really) useless",
 * "He's stupid, ignorant", "I feel so stupid", "Trump sucks". T_NONE
 * with *found false when there is none. */
static enum target subject_of(const dctx *d, const cues *c, size_t w0, bool noun, bool *found, size_t *at)
{
	*found = false;
	if (at)
		*at = SIZE_MAX;
	size_t k = w0;
	/* a name for a person only after up to two describing words (two
	 * with one we know) and an article: "he is a big fat pig", "she's
	 * such a greedy pig" (not "a guinea pig": animal_kinds; not "a
	 * corporate greed monster") */
	if (noun && w0 > 1 && !word_in(d, w0 - 1, animal_kinds)) {
		size_t v = w0;
		bool known = false;
		while (v > 0 && w0 - v < 2 && same_clause(d, v - 1, w0) && describing(d, c, v - 1, &known))
			v--;
		if (v < w0 && v > 0 && same_clause(d, v - 1, w0) && word_in(d, v - 1, (const char *const[]){"a", "an", NULL}) &&
		    (known || w0 - v == 1))
			k = v;
	}
	/* skip the words between copula and predicate; a list of insults
	 * may run over commas */
	while (k > 0 && w0 - k < 6) {
		size_t j = k - 1;
		/* "that" and "this" as degree words: "are people really that
		 * stupid", "you are this dumb" (not "is that stupid?") */
		if (j > 0 && word_in(d, j, (const char *const[]){"that", "this", NULL}) && same_clause(d, j - 1, w0) &&
		    (in_list(d, j - 1, L_ADVERBS) || cue_word(d, c->intens, j - 1) ||
		     (cue_word(d, c->tgt, j - 1) && !cue_word(d, c->self, j - 1) &&
		      !word_in(d, j - 1, (const char *const[]){"who", "whom", NULL})) ||
		     (in_list(d, j - 1, L_COPULAS) && j > 1 && same_clause(d, j - 2, w0))) &&
		    !word_in(d, j - 1, (const char *const[]){"that", "this", "like", "and", "or", "of", "a", "an", "the",
							     NULL})) {
			bool direct = true;
			for (size_t q = j + 1; q < w0; q++)
				direct = direct && cue_word(d, c->intens, q);
			if (direct) {
				k = j;
				continue;
			}
		}
		/* "she is nothing more than a liar", "nothing but trash" */
		if (j > 0 && word_in(d, j, (const char *const[]){"than", "but", NULL})) {
			size_t q = j - 1;
			if (q > 0 && word_in(d, q, (const char *const[]){"more", "less", "better", NULL}))
				q--;
			if (word_in(d, q, (const char *const[]){"nothing", NULL}) && same_clause(d, q, w0)) {
				k = q;
				continue;
			}
		}
		if (in_list(d, j, L_COPULAS) || cue_word(d, c->tgt, j) || cue_word(d, c->self, j) ||
		    in_list(d, j, L_NONPERSON))
			break;
		/* "kind of", "sort of", but not "lots of animals": the head of
		 * a partitive is not the subject */
		if (word_in(d, j, (const char *const[]){"of", NULL}) &&
		    !(j > 0 && word_in(d, j - 1, (const char *const[]){"kind", "sort", "bit", "little", "one", "all", "both",
									"each", "any", "some", "none", "bunch", "pack",
									"gang", "band", "couple", "pair", "load", "full",
									"nothing", "piece", "sack", "bag", "heap", "pile",
									"lump", NULL})))
			break;
		/* a list of predicates over commas: "Trump looked weak,
		 * stupid, inept", "he is arrogant, lazy, stupid" */
		if (!same_clause(d, j, k) && word_tok(d, j)->kind == TK_WORD && !in_list(d, j, L_FUNCTION) &&
		    d->msg->text.ptr[word_tok(d, j)->oe] == ',' && j > 0 &&
		    (!same_clause(d, j - 1, j) || (in_list(d, j - 1, L_COPULAS) && j > 1 && same_clause(d, j - 2, j))) &&
		    !cue_word(d, c->tgt, j) && !thing_word(d, c, j) && !is_name(d, c, j)) {
			k = j;
			continue;
		}
		/* "naive and stupid": another predicate coordinated with it */
		bool coord = j + 1 < w0 && word_in(d, j + 1, (const char *const[]){"and", "or", NULL});
		/* "is a condescending cow": a describing word after an article */
		coord = coord || (j > 0 && j + 1 == w0 && word_in(d, j - 1, (const char *const[]){"a", "an", NULL}) &&
				  !(noun && word_in(d, j, animal_kinds)));
		/* "you are some sort of dumb racist" */
		coord = coord || (word_in(d, j, (const char *const[]){"some", NULL}) && j + 1 < w0 &&
				  word_in(d, j + 1, (const char *const[]){"sort", "kind", NULL}));
		if (!(cue_word(d, c->intens, j) || in_list(d, j, L_ADVERBS) || is_insult(d, c, j) || coord))
			break; /* the subject, or nothing we know */
		if (!same_clause(d, j, k) && !is_insult(d, c, j))
			return T_NONE;
		k = j;
	}
	if (k == 0 || w0 - k >= 6)
		return T_NONE;
	size_t s = k - 1; /* the copula, or a subject with it ("he's", "it's") */
	if (!same_clause(d, s, k) && !is_insult(d, c, k))
		return T_NONE;
	if (cue_word(d, c->self, s) && judge_self(d, s)) /* "strikes me as idiotic", "is, to me, idiotic" */
		return T_NONE;
	bool cop = in_list(d, s, L_COPULAS);
	if (cop) {
		/* an imperative says it of the reader: "don't be so stupid",
		 * "stop being pathetic" */
		size_t b = s;
		while (b > 0 && same_clause(d, b - 1, s) &&
		       word_in(d, b - 1, (const char *const[]){"don't", "dont", "never", "please", "just", "stop", "quit",
								 NULL}))
			b--;
		if (b < s && (b == 0 || !same_clause(d, b - 1, s)) &&
		    word_in(d, s, (const char *const[]){"be", "being", NULL})) {
			*found = true;
			return T_PERSON;
		}
		/* back over auxiliaries to the subject */
		size_t n = 0;
		do {
			/* over a name the reader is called between commas: "You,
			 * sir, are a dick" */
			if (s >= 2 && !same_clause(d, s - 1, s) && !same_clause(d, s - 2, s - 1) &&
			    word_in(d, s - 1, (const char *const[]){"sir", "madam", "mate", "pal", "buddy", "dude", "bro",
								     NULL})) {
				s -= 2;
				continue;
			}
			/* or "my friend" after "you", with or without the commas:
			 * "You my friend are delusional" */
			if (s >= 3 && word_in(d, s - 1, (const char *const[]){"friend", "friends", NULL}) &&
			    word_in(d, s - 2, (const char *const[]){"my", NULL}) && addressee(d, c, s - 3) &&
			    word_tok(d, s - 3)->sent == word_tok(d, s)->sent) {
				s -= 3;
				continue;
			}
			if (s == 0 || !same_clause(d, s - 1, s))
				return T_NONE;
			s--;
		} while (in_list(d, s, L_AUXILIARIES) && ++n < 4);
	} else if (noun && s + 1 == w0 && cue_word(d, c->tgt, s) &&
		   !memchr(tok_text(d->nt, word_tok(d, s)), '\'', word_tok(d, s)->nlen) &&
		   !addressee(d, c, s)) {
		/* a noun right after a person noun is a compound: what is said
		 * of the pair is said of its subject ("you are human garbage",
		 * not "installer garbage") */
		return subject_of(d, c, s, false, found, at);
	} else if (word_in(d, s, (const char *const[]){"your", "ur", NULL}) && s + 1 < w0 &&
		   word_in(d, s + 1, (const char *const[]){"a", "an", NULL})) {
		/* "your a dick", "ur an idiot": "your" for "you're" before an
		 * article is no possessive (a determiner takes no article) */
		*found = true;
		if (at)
			*at = s;
		return T_PERSON;
	} else if (in_list(d, s, L_POSSESSIVES) ||
		   (!cue_word(d, c->tgt, s) && !cue_word(d, c->self, s) && !in_list(d, s, L_NONPERSON) &&
		    !(is_name(d, c, s) && !(word_tok(d, s)->flags & TF_SENT_START) && w0 - k <= 1 &&
		      (k == w0 || in_list(d, k, L_ADVERBS))))) {
		/* no copula and no subject we know: "your stupid portal",
		 * "Trump sucks" at a sentence start (where any word has a
		 * capital); "he sucks", "it sucks", "honestly Trump sucks" go on */
		return T_NONE;
	}
	/* the head of "staff at the airport are useless", "the helmets in
	 * Destiny are trash" (a name after a preposition is not the subject) */
	if (!cue_word(d, c->tgt, s) && !cue_word(d, c->self, s) && !thing_word(d, c, s) &&
	    !in_list(d, s, L_NONPERSON) &&
	    (!is_name(d, c, s) ||
	     (cop && s > 1 && same_clause(d, s - 2, s) &&
	      word_in(d, s - 1, (const char *const[]){"at", "in", "from", "of", "on", "with", "for", NULL})))) {
		size_t h = s;
		while (h > 0 && s - h < 3 && same_clause(d, h - 1, s) &&
		       word_in(d, h - 1, (const char *const[]){"the", "a", "an", "my", "your", "our", "their", "this", "that",
								 NULL}))
			h--;
		if (h > 1 && same_clause(d, h - 2, s) &&
		    word_in(d, h - 1, (const char *const[]){"at", "in", "from", "of", "on", "with", "for", NULL}))
			s = h - 2;
		/* the head of a subject with a relative clause: "people that
		 * run out of fuel are stupid", "the app that people use is
		 * stupid" */
		for (size_t q = s, n = 0; q > 1 && n < 8 && same_clause(d, q - 1, s) && !cue_word(d, c->tgt, s) &&
					  !thing_word(d, c, s);
		     n++) {
			q--;
			if (in_list(d, q, L_COPULAS))
				break;
			if (word_in(d, q, (const char *const[]){"who", "that", "which", NULL}) && same_clause(d, q - 1, q) &&
			    (cue_word(d, c->tgt, q - 1) || thing_word(d, c, q - 1)) && !cue_word(d, c->self, q - 1)) {
				s = q - 1;
				break;
			}
		}
	}
	/* a person before a place or thing: "the staff in your Leeds store
	 * are lazy", "the manager at the Main Street branch was useless" */
	if (!cue_word(d, c->tgt, s) && !cue_word(d, c->self, s) && !in_list(d, s, L_NONPERSON)) {
		static const char *const preps[] = {"at", "in", "from", "of", "on", NULL};
		static const char *const dets[] = {"the", "a", "an", "my", "your", "our", "their", "this", "that", NULL};
		size_t h = s;
		while (h > 0 && s - h < 4 && same_clause(d, h - 1, s) && (word_in(d, h - 1, dets) || is_name(d, c, h - 1)))
			h--;
		if (h > 1 && h < s && same_clause(d, h - 2, s) && word_in(d, h - 1, preps) && cue_word(d, c->tgt, h - 2) &&
		    !cue_word(d, c->self, h - 2))
			s = h - 2;
	}
	*found = true;
	if (at)
		*at = s;
	if (cue_word(d, c->self, s))
		return T_SELF;
	/* a relative pronoun stands for the noun before it: "people that
	 * are stupid", "a policy which is stupid" */
	if ((word_in(d, s, (const char *const[]){"that", "which", NULL})) && s > 0 && same_clause(d, s - 1, s))
		return cue_word(d, c->tgt, s - 1) ? T_PERSON : T_THING;
	if (cue_word(d, c->tgt, s))
		return T_PERSON;
	if (thing_word(d, c, s) || in_list(d, s, L_NONPERSON))
		return T_THING;
	if (is_name(d, c, s))
		return T_PERSON;
	return T_NONE; /* a noun we do not know to be a person */
}

/* Is the word at k one that may stand between a describing word and the
 * noun it describes ("stupid fucking app", "useless lazy staff")? */
static bool modifier(const dctx *d, const cues *c, size_t k)
{
	return cue_word(d, c->intens, k) || cue_word(d, c->prof, k) || cue_word(d, c->ins, k) ||
	       word_in(d, k, (const char *const[]){"and", "old", "little", "fat", "lazy", "rude", "ass", "arse", NULL});
}

/* Is the name for a person only at match m the first half of a compound,
 * qualifying the noun right after it: a thing it is no harsh word for
 * ("terrorist attack", "garbage bin", "monster truck") or one whose job it
 * names ("pig farmer", "trash collector", "snake charmer")? Then it calls
 * no one that name. Not a person noun ("garbage human" calls one garbage),
 * a thing it is said of ("garbage logic": a harsh word, found after), a
 * body the subject is said to be ("Antifa is a terrorist group" calls them
 * terrorists), a way of addressing ("you're a joke mate"), a name or a
 * verb's -ing form ("a terrorist waiting to strike"). */
static bool compound_head(const dctx *d, const cues *c, const match *m)
{
	static const char *const heads[] = {"attack", "attacks", "threat", "threats", "farm", "farms", "truck", "trucks", "costume",
					    "costumes", "bin", "bins", "can", "cans", "bag", "bags", "disposal",
					    "removal", "collection", "pickup", "trap", "traps", "poison", NULL};
	static const char *const agentless[] = {"ever", "never", "other", "others", "over", "after", "under", "either",
						"neither", "rather", "whether", "together", "later", "better", "faster",
						"sooner", "further", "however", "whenever", "wherever", "whoever",
						"whatever", "mister", "sister", "brother", "mother", "father", "daughter",
						"lover", "partner", "member", "forever", "anymore", NULL};
	size_t k = m->w1;
	if (m->w1 != m->w0 + 1 || k >= d->ts->nw || !same_clause(d, m->w0, k))
		return false;
	const token *t = word_tok(d, k);
	if (t->kind != TK_WORD || (t->flags & TF_CAPITAL) || in_list(d, k, L_FUNCTION) || in_list(d, k, L_ADVERBS) ||
	    in_list(d, k, L_PRONOUNS) || in_list(d, k, L_COPULAS) || addressee(d, c, k) || cue_word(d, c->self, k) ||
	    is_insult(d, c, k))
		return false;
	const char *w = tok_text(d->nt, t);
	if (t->nlen > 4 && !memcmp(w + t->nlen - 3, "ing", 3))
		return false;
	if (thing_word(d, c, k) || cue_word(d, c->tgt, k))
		return false;
	if (word_in(d, k, heads))
		return true;
	/* a noun of one who does something: "farmer", "catchers", "collector" */
	size_t n = t->nlen - (w[t->nlen - 1] == 's');
	return n >= 6 && (!memcmp(w + n - 2, "er", 2) || !memcmp(w + n - 2, "or", 2)) && !word_in(d, k, agentless);
}

/* "suck"/"sucks" of a machine drawing something in ("sucks up the water",
 * "sucks in air"; not "suck it up"): no contempt, so no harsh word either */
static bool sucks_in(const dctx *d, const match *m)
{
	return m->w1 == m->w0 + 1 && word_in(d, m->w0, (const char *const[]){"suck", "sucks", NULL}) &&
	       m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) &&
	       word_in(d, m->w1, (const char *const[]){"up", "in", "out", "dry", "through", "air", "dust", "dirt",
							"water", NULL});
}

/* Is word k one of the two words after "piece of", "sack of" and the like,
 * which say what the piece is made of ("you fat piece of gutter trash",
 * "a sack of human garbage")? */
static bool piece_of(const dctx *d, size_t k)
{
	for (size_t q = k; q > 1 && k - q < 2; q--)
		if (same_clause(d, q - 2, k) && word_in(d, q - 1, (const char *const[]){"of", NULL}) &&
		    word_in(d, q - 2, (const char *const[]){"piece", "pieces", "sack", "bag", "pile", "heap", "lump",
							     "load", NULL}))
			return true;
	return false;
}

/* Is word k an adverb by its ending ("profoundly", "truly")? */
static bool ly_word(const dctx *d, size_t k)
{
	const token *t = word_tok(d, k);
	return t->kind == TK_WORD && t->nlen > 4 && !memcmp(tok_text(d->nt, t) + t->nlen - 2, "ly", 2);
}

static enum target target_of(const dctx *d, const cues *c, const match *m, const lex_entry *e)
{
	size_t nw = d->ts->nw;
	size_t back = e->before ? (size_t)e->before : BACK, ahead = e->after ? (size_t)e->after : AHEAD;
	/* a word that is itself a person reference */
	if (cue_at(d, c->tgt, m->w0, m->w1)) {
		return noun_target(d, c, m);
	}
	if (e->before && compound_head(d, c, m))
		return T_NONE;
	/* "sucks" is said of its subject only: "Trump sucks", "you suck",
	 * "he sucks", "your manager sucks" (a verb: a person right before it
	 * is its subject, not the first half of a compound as before a name
	 * for a person only, "installer garbage"); with an object it is
	 * another verb ("suck your own", "suck America dry"), and a person
	 * after it is not its subject ("Losing sucks ... but you") */
	bool verb = m->w1 == m->w0 + 1 && word_in(d, m->w0, (const char *const[]){"suck", "sucks", NULL});
	if (verb && m->w1 < nw && same_clause(d, m->w0, m->w1) &&
	    (word_tok(d, m->w1)->kind == TK_WORD || word_tok(d, m->w1)->kind == TK_HANDLE) &&
	    !word_in(d, m->w1, (const char *const[]){"and", "but", "so", "too", "anyway", "though", "tho", "lol", "big",
						      "bad", "badly", "at", "balls", "ass", "as", "now", "again", "all",
						      "still", "even", "more", "less", "hard", "haha", NULL}))
		return T_NONE;
	if (verb)
		ahead = 0;
	/* the noun it describes: "stupid people", "stupid, arrogant guys",
	 * "stupid fucking app", "how stupid Trump is" */
	uint32_t sent = word_tok(d, m->w0)->sent;
	/* other describing words we do not know may stand between: "a dumb
	 * crude guy", "ignorant, bullying narcissist", "ignorant sheep like
	 * you" */
	size_t unknown = 0;
	for (size_t k = m->w1; k < nw && k < m->w1 + MIN(ahead, 3) && word_tok(d, k)->sent == sent; k++) {
		bool other = word_tok(d, k)->kind == TK_WORD && !in_list(d, k, L_FUNCTION) && !is_name(d, c, k) &&
			     !cue_word(d, c->self, k);
		/* a list of describing words over a comma: the next one is not
		 * what the first describes ("great embarrassment - landlord") */
		if (!same_clause(d, k - 1, k) && !is_insult(d, c, k) &&
		    !(k == m->w1 && other && !cue_word(d, c->tgt, k) && !thing_word(d, c, k) &&
		      !in_list(d, k, L_COUNTS) && k + 1 < nw &&
		      same_clause(d, k, k + 1) &&
		      d->msg->text.ptr[word_tok(d, k - 1)->oe] == ','))
			break;
		if (thing_word(d, c, k)) /* "customer service" before "customer" */
			return T_THING;
		/* a new noun phrase joined on: "a joke and your CEO should be
		 * ashamed" (not "stupid and lazy guys") */
		if (k + 1 < nw && word_in(d, k, (const char *const[]){"and", "or", "but", NULL}) &&
		    word_in(d, k + 1, (const char *const[]){"your", "the", "his", "her", "their", "my", "our", "this", "that",
							 "these", "those", "a", "an", NULL}))
			break;
		/* a name for a person only, before a person noun, is a
		 * compound: "cow girl boots", "the snake handler guy" */
		if (e->before && k == m->w1 && cue_word(d, c->tgt, k) && !addressee(d, c, k) &&
		    !in_list(d, k, L_PRONOUNS) && !is_insult(d, c, k))
			break;
		/* a describing word does not describe a pronoun after it, which
		 * starts a clause of its own: "this is ridiculous nobody knows"
		 * (but "a ridiculous nobody" is a noun, and a name for a person
		 * only is said of the pronoun: "like the weak punks they are lol") */
		if (!e->before && k == m->w1 && word_in(d, k, (const char *const[]){"nobody", "somebody", "someone", "everyone", "anyone",
								     "everybody", "anybody", "noone", "he", "she",
								     "they", "whoever", NULL}) &&
		    k + 1 < nw && same_clause(d, k, k + 1) && word_tok(d, k + 1)->kind == TK_WORD && !subject_after(d, c, k) &&
		    !(m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) &&
		      word_in(d, m->w0 - 1, (const char *const[]){"a", "an", "such", "some", NULL})))
			break;
		/* the subject after it, at the end of the clause: "What a smug
		 * basket you are." */
		if (unknown && subject_after(d, c, k))
			return T_PERSON;
		/* over words we do not know, a noun, not a pronoun ("Delusional
		 * teabagger thinks he ...") */
		if (cue_word(d, c->tgt, k) && !cue_word(d, c->self, k) &&
		    (!unknown || (!addressee(d, c, k) && !in_list(d, k, L_PRONOUNS)))) {
			/* a name for a person is aimed where that name is: "I am
			 * such a stupid idiot" calls the writer one */
			match n = *m;
			n.w0 = (uint32_t)k;
			n.w1 = (uint32_t)k + 1;
			if (is_insult(d, c, k))
				return noun_target(d, c, &n);
			/* a person the writer likens themself to: "I feel like a
			 * stupid child" is said of the writer, not of a child */
			size_t s0, s1;
			sentence_words(d, sent, &s0, &s1);
			if (simile_target(d, c, &n, s0) == T_SELF)
				return T_SELF;
			return T_PERSON;
		}
		if (k == m->w1 && is_name(d, c, k) && !(word_tok(d, k)->flags & TF_SENT_START)) {
			/* unless the name only qualifies a thing after it: "some
			 * dumb "Anti Malware" thing", "stupid Comcast Xfinity box" */
			size_t j = k + 1;
			while (j < nw && j < k + 3 && same_clause(d, k, j) && (word_tok(d, j)->flags & TF_CAPITAL))
				j++;
			return j < nw && same_clause(d, k, j) && thing_word(d, c, j) ? T_THING : T_PERSON;
		}
		if (k > m->w1 && k + 1 < nw && same_clause(d, k, k + 1) && word_in(d, k, (const char *const[]){"like", NULL}) &&
		    cue_word(d, c->tgt, k + 1) && !cue_word(d, c->self, k + 1))
			return T_PERSON;
		if (!modifier(d, c, k)) {
			if (!other || ++unknown > 2)
				break;
		}
	}
	/* a question or exclamation that puts the subject after: "How
	 * stupid can people be?", "how dumb are these people", "how stupid do
	 * you think we are" (the writer); a degree word may stand between:
	 * "how profoundly stupid this woman is" */
	size_t how = m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) && m->w0 >= 2 && same_clause(d, m->w0 - 2, m->w0) &&
			     (in_list(d, m->w0 - 1, L_ADVERBS) || ly_word(d, m->w0 - 1))
			 ? m->w0 - 2
			 : m->w0 - 1;
	if (m->w0 > 0 && same_clause(d, how, m->w0) && word_in(d, how, (const char *const[]){"how", NULL})) {
		static const char *const skip[] = {"is", "are", "was", "were", "can", "could", "must", "do", "does", "did",
						   "would", "will", "am", "the", "these", "those", "some", "such", "a",
						   "an", "your", "his", "her", "their", "our", "my", "all", "most",
						   "think", "thinks", "believe", "believes", "take", "takes", NULL};
		for (size_t k = m->w1, n = 0; k < nw && n < 6 && same_clause(d, m->w0, k); k++, n++) {
			bool thinker = k + 1 < nw && same_clause(d, k, k + 1) &&
				       word_in(d, k + 1, (const char *const[]){"think", "thinks", "believe", "believes",
										 "take", "takes", NULL});
			/* the writer who thinks is the judge, not the one judged:
			 * "how dumb do I think you are" */
			if (cue_word(d, c->self, k) && !thinker)
				return T_SELF;
			if (!thinker && cue_word(d, c->tgt, k) && !thing_word(d, c, k))
				return T_PERSON;
			if (!thinker && is_name(d, c, k))
				return T_PERSON;
			/* "this", "that" as the determiner of a person: "how stupid
			 * this woman is" */
			if (word_in(d, k, (const char *const[]){"this", "that", NULL}) && k + 1 < nw &&
			    same_clause(d, k, k + 1) && cue_word(d, c->tgt, k + 1) && !cue_word(d, c->self, k + 1) &&
			    !thing_word(d, c, k + 1))
				continue;
			if (thing_word(d, c, k) || in_list(d, k, L_NONPERSON))
				return T_THING;
			if (!thinker && !word_in(d, k, skip))
				break;
		}
	}
	/* said again of a person: "Your chatbot is useless and so are the
	 * people behind it" */
	for (size_t k = m->w1; k + 3 < nw && k < m->w1 + 2 && same_clause(d, m->w0, k); k++)
		if (word_in(d, k, (const char *const[]){"and", NULL}) && word_in(d, k + 1, (const char *const[]){"so", NULL}) &&
		    word_in(d, k + 2, (const char *const[]){"is", "are", "was", "were", NULL}))
			for (size_t q = k + 3; q < nw && q < k + 6; q++) {
				if (thing_word(d, c, q) || cue_word(d, c->self, q) || in_list(d, q, L_NONPERSON))
					break;
				if (cue_word(d, c->tgt, q) && !in_list(d, q, L_POSSESSIVES))
					return T_PERSON;
			}
	/* "sucks" right after a pronoun for a thing or a situation: that is
	 * its subject, not a person before it ("man that sucks", "dude this
	 * sucks") */
	if (verb && m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) &&
	    word_in(d, m->w0 - 1, (const char *const[]){"this", "that", "it", "which", NULL}))
		return T_THING;
	/* what a copula before it says it of: "Kevin was useless" */
	bool found;
	size_t at;
	enum target t = subject_of(d, c, m->w0, e->before != 0 && !verb, &found, &at);
	/* a person after a gerund or a preposition is not what sucks: "Being
	 * a girl sucks", "talking to your agents sucks" (a situation) */
	if (found && verb && t == T_PERSON && at != SIZE_MAX) {
		size_t h = at;
		while (h > 0 && at - h < 2 && same_clause(d, h - 1, at) &&
		       (in_list(d, h - 1, L_POSSESSIVES) ||
			word_in(d, h - 1, (const char *const[]){"a", "an", "the", "this", "that", "these", "those", NULL})))
			h--;
		const token *g = h > 0 ? word_tok(d, h - 1) : NULL;
		if (g && same_clause(d, h - 1, at) &&
		    (word_in(d, h - 1, (const char *const[]){"to", "with", "for", "at", "about", "from", "on", "by",
							      "against", "being", "having", NULL}) ||
		     (h < at && g->nlen > 4 && !memcmp(tok_text(d->nt, g) + g->nlen - 3, "ing", 3))))
			return T_THING;
	}
	if (found) {
		return t;
	}
	bool end = m->w1 >= nw || !same_clause(d, m->w0, m->w1);
	/* said of a noun we do not know: "stupid emoticons"; but a noun
	 * phrase that the reader is said to be names them: "You are some
	 * stupid broad.", "you're a delusional lebrick" (not "you are a
	 * useless company", a thing) */
	if (!end && word_tok(d, m->w1)->kind == TK_WORD && !in_list(d, m->w1, L_FUNCTION) &&
	    !cue_word(d, c->tgt, m->w1)) {
		size_t k = m->w1;
		while (k < nw && k < m->w1 + 2 && same_clause(d, m->w0, k) && word_tok(d, k)->kind == TK_WORD &&
		       !in_list(d, k, L_FUNCTION) && !thing_word(d, c, k) && !cue_word(d, c->tgt, k) &&
		       !is_name(d, c, k))
			k++;
		size_t v = m->w0;
		while (v > 0 && m->w0 - v < 4 && same_clause(d, v - 1, m->w0) &&
		       (cue_word(d, c->intens, v - 1) || is_insult(d, c, v - 1) ||
			word_in(d, v - 1, (const char *const[]){"some", "one", NULL})) &&
		       !in_list(d, v - 1, L_COPULAS))
			v--;
		bool closed = k > m->w1 && (k >= nw || !same_clause(d, m->w0, k));
		bool article = v < m->w0 && word_in(d, v, (const char *const[]){"a", "an", "some", "one", "such", NULL});
		if (closed && article && v > 0 && same_clause(d, v - 1, m->w0) &&
		    (word_in(d, v - 1, (const char *const[]){"you're", "youre", NULL}) ||
		     (v > 1 && same_clause(d, v - 2, m->w0) &&
		      word_in(d, v - 1, (const char *const[]){"are", "r", "were", NULL}) && addressee(d, c, v - 2))))
			return T_PERSON;
		/* or called at the reader, "you" opening the clause or after an
		 * order's particle: "aww, you poor little cowardly redneck",
		 * "shut up you ignorant hick" (not "thank you stupid app") */
		size_t u = m->w0;
		while (u > 0 && m->w0 - u < 4 && same_clause(d, u - 1, m->w0) && !addressee(d, c, u - 1) &&
		       (modifier(d, c, u - 1) || adjectival(d, c, u - 1) ||
			word_in(d, u - 1, (const char *const[]){"poor", "sad", "big", "dumb", "silly", NULL})))
			u--;
		if (closed && u > 0 && addressee(d, c, u - 1) && same_clause(d, u - 1, m->w0) &&
		    (u == 1 || !same_clause(d, u - 2, u - 1) ||
		     word_in(d, u - 2, (const char *const[]){"up", "off", "out", "away", "down", "hey", "oh", "aww", "now",
							      "please", "lol", NULL})))
			return T_PERSON;
		return T_NONE;
	}
	if (m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0)) {
		/* the describing word as a noun: "a crutch for the ignorant" */
		if (!e->before && !e->after && (end || in_list(d, m->w1, L_FUNCTION)) &&
		    word_in(d, m->w0 - 1, (const char *const[]){"the", NULL}))
			return T_PERSON;
		/* called without a comma at the end of an order, after a word
		 * it cannot describe: "Try to write in English next time
		 * dopey.", "don't be late stupid" (a describing word: not "read
		 * the email stupid", "make it less stupid"; a noun there is what
		 * the order is about: "don't be a greed monster") */
		size_t w0, w1;
		sentence_words(d, sent, &w0, &w1);
		size_t v = w0;
		while (v + 1 < m->w0 &&
		       word_in(d, v, (const char *const[]){"just", "please", "now", "so", "and", "pls", NULL}))
			v++;
		size_t p = m->w0 - 1;
		/* a time said when, which the word cannot describe: "next time",
		 * "this time" (not "the time", "a long time") */
		bool when = p > 0 && same_clause(d, p - 1, p) &&
			    word_in(d, p, (const char *const[]){"time", "week", "day", NULL}) &&
			    word_in(d, p - 1, (const char *const[]){"next", "this", "last", "every", NULL});
		if (!e->before && m->w1 == w1 && v + 1 < m->w0 && same_clause(d, v, m->w0) && in_list(d, v, L_IMPERATIVES) &&
		    !word_in(d, v, (const char *const[]){"do", "please", NULL}) && word_tok(d, p)->kind == TK_WORD &&
		    !in_list(d, p, L_FUNCTION) && !modifier(d, c, p) && (!thing_word(d, c, p) || when) &&
		    !cue_word(d, c->tgt, p) && !cue_word(d, c->self, p) && !in_list(d, p, L_NONPERSON) &&
		    !in_list(d, p, L_COPULAS) && !in_list(d, p, L_ADVERBS) && !is_name(d, c, p) &&
		    !word_in(d, p, (const char *const[]){"less", "more", "most", "least", "enough", "lot", "way", "far",
							  "kinda", "sorta", "pretty", "real", "dead", "damn", NULL}) &&
		    !(word_tok(d, p)->nlen > 3 && !memcmp(tok_text(d->nt, word_tok(d, p)) + word_tok(d, p)->nlen - 2, "ly", 2)))
			return T_PERSON;
	} else if (end) {
		/* a clause of its own beside one that addresses the reader: "go
		 * back to school, stupid", "Useless, the lot of you". The
		 * clauses beside it are those of the words either side of it,
		 * not the numbers either side of its own: a line that ends
		 * after a comma leaves a number unused ("school,\nstupid") */
		size_t w0, w1;
		sentence_words(d, sent, &w0, &w1);
		for (size_t k = w0; k < w1; k++) {
			bool beside = k < m->w0 ? same_clause(d, k, m->w0 - 1) : k >= m->w1 && same_clause(d, k, m->w1);
			if (beside && cue_word(d, c->tgt, k) && !cue_word(d, c->self, k))
				return T_PERSON;
		}
		/* or called after an order to the reader, at the end of the
		 * sentence: "Read the email, stupid.", "don't be late, stupid"
		 * (an order starts the sentence with its verb) */
		if (m->w1 == w1 && w0 < m->w0 && same_clause(d, w0, m->w0 - 1) && in_list(d, w0, L_IMPERATIVES))
			return T_PERSON;
	}
	/* the nearest person or self reference before it, in the clause */
	for (size_t k = m->w0, b = 0; k > 0 && b < back; b++) {
		k--;
		if (!same_clause(d, k, m->w0))
			break;
		if (cue_word(d, c->self, k) && judge_self(d, k))
			continue;
		if (cue_word(d, c->self, k))
			return T_SELF;
		/* "someone this stupid", "people that dumb": a degree word */
		if (k + 1 == m->w0 && k > 0 && same_clause(d, k - 1, k) &&
		    word_in(d, k, (const char *const[]){"this", "that", NULL}) && cue_word(d, c->tgt, k - 1) &&
		    !cue_word(d, c->self, k - 1) && !word_in(d, k - 1, (const char *const[]){"who", NULL}))
			return T_PERSON;
		if (thing_word(d, c, k) || in_list(d, k, L_NONPERSON))
			return T_THING;
		/* a noun that is a name only for a person ("pig") takes "you"
		 * before it, not a compound ("installer garbage") */
		if (e->before && !verb && cue_word(d, c->tgt, k) && !addressee(d, c, k))
			return T_NONE;
		if (cue_word(d, c->tgt, k) || (b == 0 && is_name(d, c, k) && possessive(d, k))) {
			return T_PERSON;
		}
	}
	/* or just after, addressed or compared: "idiots like you", "shame on
	 * you", "stupid of them" (not "garbage, if anyone asks") */
	for (size_t k = m->w1, a = 0; k < nw && a < ahead; k++, a++) {
		if (!same_clause(d, k, m->w1 - 1))
			break;
		if (cue_word(d, c->self, k) && judge_self(d, k))
			continue;
		if (cue_word(d, c->self, k))
			return T_SELF;
		if (cue_word(d, c->tgt, k) &&
		    (addressee(d, c, k) || word_in(d, k, (const char *const[]){"them", "him", "her", NULL}) ||
		     word_in(d, k - 1, (const char *const[]){"like", "as", NULL})))
			return T_PERSON;
	}
	if (e->before && end && m->w0 >= 2 && same_clause(d, m->w0 - 2, m->w0)) {
		/* a name for a person only, called at the reader at the end of
		 * its clause with describing words between (one we know by its
		 * ending, or a modifier): "you jihadist puke", "you fat pig", "go away you communist rat", "you
		 * fat piece of gutter trash" (not "you feed rats", "I feed you
		 * organic pigs") */
		size_t v = m->w0;
		bool adj = false;
		while (v > 0 && m->w0 - v < 6 && same_clause(d, v - 1, m->w0) && !addressee(d, c, v - 1)) {
			v--;
			if (adjectival(d, c, v) ||
			    (modifier(d, c, v) && !word_in(d, v, (const char *const[]){"a", "an", "the", "and", NULL})))
				adj = true;
			else if (!modifier(d, c, v) &&
				 !word_in(d, v, (const char *const[]){"of", "piece", "pieces", "sack", "bag", "pile",
								       "heap", "lump", "load", NULL}) &&
				 !piece_of(d, v)) {
				v++; /* not "you raise fat pigs" */
				break;
			}
		}
		/* or up to two describing words with one we know: "you dirty
		 * rotten pig", "you big fat pig" (a word we do not know right
		 * after "you" may be a verb: then only before one: not "you
		 * raise fat pigs") */
		if (!adj) {
			const token *h = word_tok(d, m->w0);
			bool one = tok_text(d->nt, h)[h->nlen - 1] != 's';
			bool known = false;
			v = m->w0;
			while (v > 0 && m->w0 - v < 2 && same_clause(d, v - 1, m->w0) && !addressee(d, c, v - 1) &&
			       describing(d, c, v - 1, &known))
				v--;
			bool first = v < m->w0 && (modifier(d, c, v) || adjectival(d, c, v) || one);
			adj = known && first && !word_in(d, m->w0 - 1, animal_kinds);
		}
		if (adj && v > 0 && same_clause(d, v - 1, m->w0) && addressee(d, c, v - 1) &&
		    !(v > 1 && same_clause(d, v - 2, m->w0) &&
		      word_in(d, v - 2, (const char *const[]){"give", "gave", "given", "send", "sent", "sell", "sold",
							   "feed", "fed", "offer", "offered", "show", "showed", "bring",
							   "brought", "buy", "bought", "get", "got", "serve", "served",
							   "make", "made", "call", "called", "find", "found", "owe", "owed",
							   "ship", "shipped", "pay", "paid", "charge", "charged", "cook",
							   "cooked", "leave", "left", "let", "lend", "lent", "hand",
							   "handed", "thank", "thanks", NULL})))
			return T_PERSON;
		/* or called after an order about the reader's own thing, at the
		 * end of the sentence: "CLOSE YOUR MOUTH CHIMP", "Go change your
		 * tampon maggot!" (not "check your guinea pig", "take out the
		 * trash") */
		size_t s0, s1;
		sentence_words(d, sent, &s0, &s1);
		const token *o = word_tok(d, m->w0 - 1);
		if (m->w1 == s1 && word_in(d, m->w0 - 2, (const char *const[]){"your", "ur", "yer", NULL}) &&
		    o->kind == TK_WORD && !in_list(d, m->w0 - 1, L_FUNCTION) && !cue_word(d, c->intens, m->w0 - 1) &&
		    !cue_word(d, c->tgt, m->w0 - 1) && !thing_word(d, c, m->w0 - 1) &&
		    !word_in(d, m->w0 - 1, (const char *const[]){"guinea", "lab", "pet", "sewer", "baby", "piggy", "pot",
								   "roast", "suckling", "river", "water", "field", "farm",
								   "house", "wild", "mini", "teacup", "little", "big",
								   "old", "own", "new", "kitchen", "recycling", NULL})) {
			size_t q = m->w0 - 2;
			while (q > s0 && same_clause(d, q - 1, m->w0))
				q--;
			while (q + 1 < m->w0 - 2 &&
			       word_in(d, q, (const char *const[]){"just", "please", "now", "so", "and", "go", "pls", NULL}))
				q++;
			if (q < m->w0 - 2 && in_list(d, q, L_IMPERATIVES) &&
			    !word_in(d, q, (const char *const[]){"don't", "dont", "do", "please", NULL}))
				return T_PERSON;
		}
	}
	return T_NONE;
}

/* Is swearing aimed at a person: "f*** you", or called to the reader at
 * the end of a clause ("you dumbfuck!")? ("fucking moron" is decided
 * with the insult after it, in detect_derogatory.) */
/* Is the reader at word k the subject of what follows it, so that a swear
 * word before is an interjection, not a curse on them: "damn you look
 * good", "fuck you mean", "Damn you mad son" (not "fuck you too", "damn
 * you all")? */
static bool subject_next(const dctx *d, const cues *c, size_t k)
{
	static const char *const pred[] = {"mean", "think", "thinking", "talking", "talkin", "saying", "sayin",
					   "doing", "doin", "want", "wanna", "need", "got", "gotta", "gonna", "look",
					   "looks", "looking", "lookin", "are", "r", "is", "was", "were", "be", "mad",
					   "fine", "did", "do", "does", "can", "could", "should", "would", "will",
					   "must", "know", "see", "say", "said", "sound", "sounding", NULL};
	/* not over a closing quote: ",' f*ck you' is a compliment" */
	char after = d->msg->text.ptr[word_tok(d, k)->oe];
	return k + 1 < d->ts->nw && addressee(d, c, k) && same_clause(d, k, k + 1) && word_in(d, k + 1, pred) &&
	       after != '\'' && after != '"' && (unsigned char)after != 0xE2;
}

static bool swearing_at(const dctx *d, const cues *c, const match *m)
{
	size_t nw = d->ts->nw;
	bool before = m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) && addressee(d, c, m->w0 - 1);
	/* "why the fuck you ...", "what the hell you ...": an intensifier */
	if (m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) &&
	    word_in(d, m->w0 - 1, (const char *const[]){"the", "da", "tha", NULL}))
		return false;
	/* a swear word someone owns is a noun, not a curse: "is kicking my
	 * ass y'all"; so is one after a determiner: "all the other shit you
	 * could do" */
	bool owned = m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) &&
		     (in_list(d, m->w0 - 1, L_POSSESSIVES) ||
		      word_in(d, m->w0 - 1, (const char *const[]){"a", "an", "some", "this", "that", "any", "no", "other",
								  "more", "such", "much", "enough", NULL}));
	if (m->w1 < nw && same_clause(d, m->w0, m->w1) && !owned) {
		/* "f*** you", "fuck all of you", "fuck alla yall" (not harm
		 * or annoyance done: "fuck you up", "piss you off") */
		size_t k = m->w1;
		while (k + 1 < nw && k < m->w1 + 2 && same_clause(d, k, k + 1) &&
		       word_in(d, k, (const char *const[]){"all", "alla", "of", "both", NULL}))
			k++;
		if (addressee(d, c, k) && same_clause(d, m->w0, k) && !subject_next(d, c, k) &&
		    !(k + 1 < nw && same_clause(d, k, k + 1) &&
		      word_in(d, k + 1, (const char *const[]){"up", "over", "off", NULL})))
			return true;
		/* one of a kind shown: "sensitive pussies like you" (not "like
		 * you said") */
		if (k + 1 < nw && same_clause(d, k, k + 1) && word_in(d, k, (const char *const[]){"like", NULL}) &&
		    addressee(d, c, k + 1) && !subject_next(d, c, k + 1))
			return true;
		/* a name for a person made of a swear word, after "you": "you
		 * dumbfuck ... try", "you wankers" (but not "you fucking
		 * kidding", "you fucked up") */
		const token *t = word_tok(d, m->w1 - 1);
		const char *s = tok_text(d->nt, t);
		bool noun = (m->flags & MF_SUB) ||
			    (t->nlen > 3 && (!memcmp(s + t->nlen - 2, "er", 2) || !memcmp(s + t->nlen - 3, "ers", 3)));
		return before && noun && !cue_word(d, c->intens, m->w0);
	}
	/* a name made of a swear word that the reader is said to be: "you're
	 * a fcker", "you are a dumbfuck" (not "you're a fucking genius") */
	if (m->w0 > 1 && same_clause(d, m->w0 - 2, m->w0) &&
	    word_in(d, m->w0 - 1, (const char *const[]){"a", "an", NULL}) &&
	    (word_in(d, m->w0 - 2, (const char *const[]){"you're", "youre", NULL}) ||
	     (m->w0 > 2 && same_clause(d, m->w0 - 3, m->w0) &&
	      word_in(d, m->w0 - 2, (const char *const[]){"are", "r", NULL}) && addressee(d, c, m->w0 - 3)))) {
		const token *t = word_tok(d, m->w1 - 1);
		const char *s = tok_text(d->nt, t);
		if ((m->flags & MF_SUB) ||
		    (t->nlen > 3 && (!memcmp(s + t->nlen - 2, "er", 2) || !memcmp(s + t->nlen - 3, "ers", 3))))
			return !cue_word(d, c->intens, m->w0);
	}
	return before;
}

/* Is word k one whose de-obfuscated form (or plain form) is in list? A
 * word that starts a run read as one ("f u c k", "Fu ck") is read as the
 * run. */
static bool deob_in(const dctx *d, size_t k, const char *const *list)
{
	const token *t = word_tok(d, k);
	if (t->alt >= 0) {
		const token *v = &d->ts->t[t->alt];
		if (v->dlen && bytes_in(d->ms->dbuf.ptr + v->doff, v->dlen, list))
			return true;
	}
	if (t->dlen && bytes_in(d->ms->dbuf.ptr + t->doff, t->dlen, list))
		return true;
	return bytes_in(tok_text(d->nt, t), t->nlen, list);
}

/* Swear words that curse someone when they open a clause ("fuck them");
 * never part of a name. */
static const char *const curses[] = {"fuck", "f", "fk", "fuk", "fuq", "fck", "fcuk", "phuck", "feck", "screw", NULL};

/* Is word k a curse: one of curses[], or a word that a profanity entry
 * with flag curse matches on its own (masked forms of "fuck": "f***",
 * "f--k")? */
static bool curse_word(const dctx *d, size_t k)
{
	if (deob_in(d, k, curses))
		return true;
	const char *prof = cue_labels.prof;
	for (size_t i = matches_near(d, k); i < d->ms->n && d->ms->m[i].w0 <= k; i++) {
		const match *o = &d->ms->m[i];
		const lex_entry *e = entry_of(d, o);
		if (o->w0 == k && o->w1 == k + 1 && e->label == prof && (e->flags & LF_CURSE))
			return true;
	}
	return false;
}

/* A curse on someone by name or pronoun, opening its clause: "fuck
 * them", "screw him", "Fuck Trump", "I say fuck them" (not "I'd fuck
 * her", nor "fuck Comcast", a company, nor a capitalized swear word after
 * it, "Fucking BullShit!", which is no name). */
static bool curse_on(const dctx *d, const cues *c, const match *m)
{
	static const char *const opener[] = {"and", "so", "oh", "well", "lol", "lmao", "just", "then", "now", "also",
					     "seriously", "honestly", "ok", "okay", "yeah", "nah", "say", "said", NULL};
	size_t nw = d->ts->nw;
	const token *t = word_tok(d, m->w0); /* one word, or one run read as a word ("f.u.c.k") */
	bool one = m->w1 == m->w0 + 1 || (t->alt >= 0 && d->ts->t[t->alt].next == m->w1);
	if (!one || m->w1 >= nw || !same_clause(d, m->w0, m->w1) || !curse_word(d, m->w0))
		return false;
	for (size_t k = m->w0; k > 0 && same_clause(d, k - 1, m->w0); k--) {
		bool say = k < m->w0 && word_in(d, k, (const char *const[]){"say", "said", NULL});
		if (!word_in(d, k - 1, opener) && word_tok(d, k - 1)->kind != TK_HANDLE &&
		    !(say && word_in(d, k - 1, (const char *const[]){"i", NULL})))
			return false;
	}
	size_t k = m->w1;
	if (word_in(d, k, (const char *const[]){"him", "her", "them", "em", "'em", NULL}))
		return true;
	return is_name(d, c, k) && !thing_word(d, c, k) && !cue_word(d, c->prof, k) &&
	       !(word_tok(d, k)->flags & TF_SENT_START);
}

/* Is a curse on "your" aimed at a thing of the reader's: "F*** your ads",
 * "screw your app" (but "fuck your mum", "screw your useless staff")? The
 * first noun we know within three words after "your" decides. */
static bool curse_thing(const dctx *d, const cues *c, const match *m)
{
	size_t nw = d->ts->nw;
	if (m->w1 < m->w0 + 2 || !curse_word(d, m->w0) ||
	    !word_in(d, m->w1 - 1, (const char *const[]){"your", "ur", "yer", "yo", NULL}))
		return false;
	for (size_t k = m->w1; k < nw && k < m->w1 + 3 && same_clause(d, m->w0, k); k++) {
		if (cue_word(d, c->tgt, k))
			return false;
		if (thing_word(d, c, k))
			return true;
	}
	return false;
}

/* Is a slur called at a person: "you" right before it, "a bunch of" or
 * "pack of" before it, or a copula saying it of a person ("the dev team
 * is a bunch of ...", "he's a ...")? */
static bool slur_at_person(const dctx *d, const cues *c, const match *m)
{
	if (swearing_at(d, c, m))
		return true;
	if (m->w0 >= 2 && same_clause(d, m->w0 - 2, m->w0) && word_in(d, m->w0 - 1, (const char *const[]){"of", NULL}) &&
	    word_in(d, m->w0 - 2, (const char *const[]){"bunch", "pack", "load", "lot", "gang", "band", NULL}))
		return true;
	bool found;
	return subject_of(d, c, m->w0, true, &found, NULL) == T_PERSON && found;
}

/* Is the whole message a quotation, with nothing of the writer's own
 * around it but handles, links, emoji and a retweet mark ('"RT @x:
 * you idiot"')? Then the quotation is what the writer says. */
static bool all_quoted(const dctx *d)
{
	bool any = false;
	for (size_t k = 0; k < d->ts->nw; k++) {
		const token *t = word_tok(d, k);
		if (t->kind != TK_WORD && t->kind != TK_VIRTUAL && t->kind != TK_NUM)
			continue;
		if (t->flags & TF_QUOTED)
			any = true;
		else if (!word_in(d, k, (const char *const[]){"rt", NULL}))
			return false;
	}
	return any;
}

/* Is match m reported speech: a cue.reported with a verb of saying that
 * comes before it and governs it ("the driver told me to f*** off", "he
 * called me an idiot")? A mention of a friend or relative ("my brother is
 * a ...", "my lawyer friend") marks escalation as second-hand, but abuse
 * the writer types is theirs, and so is an insult in the subject of a
 * report ("your incompetent colleague told me to wait"). */
static bool said_by_other(const dctx *d, const cues *cu, size_t i)
{
	const match *m = &d->ms->m[i];
	static const char *const saying[] = {"said", "says", "say", "saying", "told", "tell", "tells", "called", "calls", "call", "calling",
					     "asked", "replied", "responded", "wrote", "shouted", "yelled", "screamed",
					     "advised", "warned", "instructed", "suggested", "recommended", NULL};
	const char *rep = lab.rep;
	uint32_t sent = word_tok(d, m->w0)->sent;
	/* swearing the writer uses to describe what was said or done: "you
	 * keep saying different shit", "saying Fuck Russ don't know a damn
	 * thing" */
	if (entry_of(d, m)->label == cu->prof && m->w0 > 0 && m->w1 == m->w0 + 1 &&
	    same_clause(d, m->w0 - 1, m->w0) && !(word_tok(d, m->w0)->flags & TF_QUOTED) &&
	    deob_in(d, m->w0, (const char *const[]){"shit", "crap", "bullshit", "horseshit", "crappy", "shitty", "damn",
						    "damned", "fucking", "bloody", "freaking", "bs", NULL}) &&
	    word_in(d, m->w0 - 1, (const char *const[]){"a", "an", "the", "some", "this", "that", "more", "such", "any",
							"no", "different", "same", "much", "your", "his", "their", "her",
							"of", NULL}))
		return false;
	/* cues are near: the neighbouring matches only, so a message of a
	 * million swear words stays linear (as in context.c) */
	for (size_t j = i > WINDOW ? i - WINDOW : 0; j < MIN(d->ms->n, i + WINDOW + 1); j++) {
		const match *c = &d->ms->m[j];
		if (entry_of(d, c)->label != rep || word_tok(d, c->w0)->sent != sent || c->w0 >= m->w0 ||
		    (c->w1 > m->w0 ? false : !context_in_scope(entry_of(d, c), c, m, d->ts)))
			continue;
		/* the one told, not what they were told: "told my bitch I'm
		 * not eating", "asked our idiot manager to call" (the name
		 * right after the possessive that ends the cue) */
		if (c->w1 > c->w0 && m->w0 >= c->w1 && m->w0 <= c->w1 + 1 &&
		    word_in(d, c->w1 - 1, (const char *const[]){"my", "our", "his", "their", NULL}) &&
		    (m->w0 == c->w1 || cue_word(d, cu->intens, c->w1) ||
		     cue_word(d, cu->ins, c->w1)))
			continue;
		/* a name called at the reader after a report that has its
		 * object: "stop calling me, you idiots" (a vocative, the
		 * writer's own; not "she said you a ...") */
		bool called_at = false;
		for (size_t k = c->w1; k < m->w0 && !called_at && !word_in(d, c->w1 - 1, saying); k++)
			called_at = addressee(d, cu, k);
		if (called_at)
			continue;
		for (size_t k = c->w0; k < c->w1; k++)
			if (word_in(d, k, saying))
				return true;
	}
	return false;
}

/* Is a one-word match part of a name of two capitalized words ("Del
 * Negro", "Dick Cheney")? */
/* In Title Case Every Word Looks Like A Name: does a capitalized "Are"
 * or "The" inside sentence sent give it away? */
static bool title_case(const dctx *d, sent_memo *memo, uint32_t sent)
{
	if (memo->sent == sent)
		return memo->val;
	size_t w0, w1;
	sentence_words(d, sent, &w0, &w1);
	memo->sent = sent;
	memo->val = false;
	for (size_t k = w0; k < w1 && !memo->val; k++) {
		unsigned fl = word_tok(d, k)->flags;
		memo->val = (fl & TF_CAPITAL) && !(fl & TF_ALLCAPS) && !starts(d, k) && in_list(d, k, L_FUNCTION) &&
			    !word_in(d, k, (const char *const[]){"i", "will", "may", "can", "us", NULL});
	}
	return memo->val;
}

/* The swearing intensifier, which no name or title opens with: "I just
 * want to watch Fucking Harry Potter" is not a name "Fucking Harry". */
static const char *const swear_ing[] = {"fucking", "fuckin", "effing", NULL};

static bool in_name(const dctx *d, const cues *c, sent_memo *titled, const match *m, bool describing)
{
	if (m->w1 != m->w0 + 1 || starts(d, m->w0) || (word_tok(d, m->w0)->flags & TF_ALLCAPS) ||
	    word_in(d, m->w0, swear_ing) ||
	    !(word_tok(d, m->w0)->flags & TF_CAPITAL) || title_case(d, titled, word_tok(d, m->w0)->sent))
		return false;
	/* a name is not said of the reader: "Elitist Pig you are" */
	if (m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) && subject_after(d, c, m->w1))
		return false;
	/* a describing word before a name is said of it: "Crooked Hillary";
	 * a capitalized word after a possessive is no second name of one
	 * person: "Obama's Clowns" */
	return (m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) && is_name(d, c, m->w0 - 1) &&
		!possessive(d, m->w0 - 1)) ||
	       (!describing && !deob_in(d, m->w0, curses) && m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) &&
		is_name(d, c, m->w1) &&
		!cue_at(d, c->ins, m->w1, m->w1 + 1) && !cue_at(d, c->idn, m->w1, m->w1 + 1));
}

/* Are words k and k + 1 one written word ("a--hole", "f--k"): nothing but
 * punctuation between them? */
static bool joined(const dctx *d, size_t k)
{
	if (k + 1 >= d->ts->nw)
		return false;
	uint32_t a = word_tok(d, k)->oe, b = word_tok(d, k + 1)->os;
	for (uint32_t i = a; i < b; i++) {
		unsigned char ch = (unsigned char)d->msg->text.ptr[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch >= 0x80)
			return false;
	}
	return b > a;
}

/* Is word k a media noun ("film", "song", "book"): a cue.thing entry of
 * severity low (targets.tact, thing.media)? */
static bool media_word(const dctx *d, const cues *c, size_t k)
{
	for (size_t i = matches_near(d, k); i < d->ms->n && d->ms->m[i].w0 <= k; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		if (m->w0 <= k && k < m->w1 && e->label == c->thing && e->sev == TACT_SEV_LOW)
			return true;
	}
	return false;
}

/* Is a match part of a title or a quoted name: a film, book, song or show
 * ("my copy of The Idiot arrived damaged", "the song 'Fuck You' won't
 * play", "Jackass Forever won't stream")? The words around it are in Title
 * Case, in a sentence that is not, and either quoted (two words or more),
 * or a media noun stands just before or after the run, or "by" and a name,
 * or a verb of playing ("won't stream") follows it. */
static const char *const title_small[] = {"a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "with",
					  "at", "by", "from", "is", "it", "my", "your", "not", "as", "but", "vs",
					  "n", NULL};
#define TITLED(k) ((word_tok(d, k)->flags & TF_CAPITAL) && !(word_tok(d, k)->flags & TF_ALLCAPS))
/* A title reaches this many words at most either side of its match: a
 * longer run of capitals is looked at no further (once for each match of
 * it, a run of thousands was quadratic). */
#define TITLE_MAX 16

/* Is word k plain text: a word in neither Title Case nor capitals, nor a
 * small word a title keeps in lower case? */
static bool plain_word(const dctx *d, size_t k)
{
	return word_tok(d, k)->kind == TK_WORD && !TITLED(k) && !(word_tok(d, k)->flags & TF_ALLCAPS) &&
	       !word_in(d, k, title_small);
}

/* The plain words of sentence sent. */
static size_t plain_words(const dctx *d, sent_memo *memo, uint32_t sent)
{
	if (memo->sent != sent) {
		size_t s0, s1;
		sentence_words(d, sent, &s0, &s1);
		memo->sent = sent;
		memo->val = 0;
		for (size_t k = s0; k < s1; k++)
			memo->val += plain_word(d, k);
	}
	return memo->val;
}

static bool in_title(const dctx *d, const cues *c, sent_memo *plains, const match *m)
{
	const char *const *small = title_small;
	static const char *const buy[] = {"bought", "ordered", "read", "reading", "watched", "watching", "streamed",
					  "rented", "downloaded", "return", "returned", "returning", "preordered",
					  "pre-ordered", NULL};
	static const char *const play[] = {"stream", "streams", "streaming", "play", "plays", "playing", "download",
					   "downloads", "downloading", "load", "loads", "loading", "buffer",
					   "buffers", "buffering", "skip", "skips", "skipping", NULL};
	size_t nw = d->ts->nw;
	uint32_t sent = word_tok(d, m->w0)->sent;
	if (!TITLED(m->w0))
		return false;
	for (size_t k = m->w0; k < m->w1; k++)
		if ((!TITLED(k) && !word_in(d, k, small) && !joined(d, k) && !(k > m->w0 && joined(d, k - 1))) ||
		    word_tok(d, k)->kind == TK_VIRTUAL || (word_tok(d, k)->letters < 2 && !joined(d, k)))
			return false;
	size_t a = m->w0, b = m->w1;
	while (a > 0 && m->w0 - a < TITLE_MAX && same_clause(d, a - 1, m->w0) &&
	       (TITLED(a - 1) || word_in(d, a - 1, small)) && !(word_tok(d, a - 1)->flags & TF_SENT_START && !TITLED(a - 1)))
		a--;
	while (a < m->w0 && !TITLED(a))
		a++;
	while (b < nw && b - m->w1 < TITLE_MAX && same_clause(d, b, m->w1 - 1) && (TITLED(b) || word_in(d, b, small)))
		b++;
	while (b > m->w1 && !TITLED(b - 1))
		b--;
	/* a swear word opening the run, before a name of two words or more,
	 * is the writer's intensifier, not part of the title: "I just want to
	 * watch Fucking Harry Potter" (but "the song Fucking Perfect") */
	if (a == m->w0 && m->w1 - m->w0 == 1 && b - m->w1 >= 2 && word_in(d, m->w0, swear_ing))
		return false;
	/* a sentence in Title Case throughout is not a title in a sentence:
	 * a plain word outside the run is needed */
	size_t s0, s1;
	sentence_words(d, sent, &s0, &s1);
	size_t inside = 0;
	for (size_t k = a; k < b; k++)
		inside += plain_word(d, k);
	if (plain_words(d, plains, sent) <= inside)
		return false;
	/* the reader is not a title: "You Idiot" */
	for (size_t k = a; k < b; k++)
		if (cue_word(d, c->tgt, k) && !cue_word(d, c->ins, k) && !cue_at(d, c->prof, k, k + 1) &&
		    !thing_word(d, c, k))
			return false;
	/* a quoted name of two words or more in Title Case: the quotation
	 * holding the match */
	if (word_tok(d, m->w0)->flags & TF_QUOTED) {
		size_t q0 = m->w0, q1 = m->w0 + 1;
		while (q0 > a && (word_tok(d, q0 - 1)->flags & TF_QUOTED))
			q0--;
		while (q1 < b && (word_tok(d, q1)->flags & TF_QUOTED))
			q1++;
		if (q1 - q0 >= 2 && TITLED(q0) && (q0 == 0 || !(word_tok(d, q0 - 1)->flags & TF_QUOTED)) &&
		    (q1 >= nw || !(word_tok(d, q1)->flags & TF_QUOTED)))
			return true;
	}

	/* a media noun before ("the film", "my copy of"), or after ("box set",
	 * "by Green Day", "won't stream") */
	for (size_t k = a, n = 0; k > s0 && n < 3; n++) {
		k--;
		if (b - a >= 2 && word_in(d, k, buy))
			return true;
		if (media_word(d, c, k))
			return b - a >= 2 || k + 1 == a || (k + 2 == a && word_in(d, k + 1, small));
		if (!word_in(d, k, small))
			break;
	}
	for (size_t k = b, n = 0; k < s1 && n < 3 && b - a >= 2; k++, n++) {
		if (media_word(d, c, k) || word_in(d, k, play))
			return true;
		if (word_in(d, k, (const char *const[]){"by", NULL}) && k + 1 < s1 && TITLED(k + 1))
			return true;
		if (!word_in(d, k, (const char *const[]){"won't", "wont", "will", "not", "doesn't", "didn't", "keeps",
							     "is", "isn't", "wasn't", "the", "season", NULL}))
			break;
	}
	return false;
}
#undef TITLED
#undef TITLE_MAX

/* A masked word must show its first letter and no more masks than
 * letters plus two ("f***", "sh*t", "c**t"): "*is*" is emphasis and
 * "p*******" could be anything. */
static bool bad_mask(const dctx *d, const match *m)
{
	for (size_t k = m->w0; k < m->w1; k++) {
		const token *t = word_tok(d, k);
		const unsigned char *s = (const unsigned char *)d->msg->text.ptr + t->os;
		size_t n = t->oe - t->os, masks = 0, letters = 0;
		for (size_t i = 0; i < n; i++) {
			if (strchr("*#_%?", s[i]))
				masks++;
			else if (s[i] >= 0x80 || ascii_alpha(s[i]))
				letters++;
		}
		if (masks && (strchr("*#_%?", s[0]) || masks > letters + 2))
			return true;
	}
	return false;
}

/* Is the only hypothetical around match m a laugh ("you idiot lol",
 * "lmao you idiot")? Laughing does not take the name back. */
static bool only_joking(const dctx *d, size_t i)
{
	const match *m = &d->ms->m[i];
	const char *hyp = lab.hyp;
	uint32_t sent = word_tok(d, m->w0)->sent;
	for (size_t j = i > WINDOW ? i - WINDOW : 0; j < MIN(d->ms->n, i + WINDOW + 1); j++) {
		const match *c = &d->ms->m[j];
		/* a laugh before it does not take it back either: "lmao you're
		 * a fool man lol" */
		if (entry_of(d, c)->label == hyp && word_tok(d, c->w0)->sent == sent && c->w0 < m->w1 &&
		    !(c->w1 == c->w0 + 1 &&
		      word_in(d, c->w0, (const char *const[]){"lol", "haha", "hahaha", "lmao", "lmfao", "rofl", NULL})))
			return false;
	}
	return true;
}

/* Is match m a name called to the reader in a clause of its own ("Never
 * mind, idiot.", "no need now, you clown"): a person noun with nothing
 * else in its clause but "you" and intensifiers? Then a negation or
 * retraction in an earlier clause is about that clause, not the name
 * ("you're not an idiot", "I'm not calling you an idiot" keep one clause). */
static bool vocative(const dctx *d, const cues *c, const match *m)
{
	if (!cue_at(d, c->tgt, m->w0, m->w1))
		return false;
	uint32_t cl = word_tok(d, m->w0)->clause;
	if (word_tok(d, m->w1 - 1)->clause != cl)
		return false;
	size_t k = m->w0;
	for (; k > 0 && word_tok(d, k - 1)->clause == cl; k--)
		if (!addressee(d, c, k - 1) && !cue_word(d, c->intens, k - 1))
			return false;
	/* another clause of the sentence comes before it */
	if (k == 0 || word_tok(d, k - 1)->sent != word_tok(d, m->w0)->sent)
		return false;
	for (k = m->w1; k < d->ts->nw && word_tok(d, k)->clause == cl; k++)
		if (word_tok(d, k)->kind == TK_WORD)
			return false;
	return true;
}

/* Are the negation and retraction cues over match i all in clauses before
 * its own? */
static bool cues_before(const dctx *d, size_t i)
{
	const match *m = &d->ms->m[i];
	const char *neg = lab.neg, *ret = lab.ret;
	uint32_t sent = word_tok(d, m->w0)->sent, cl = word_tok(d, m->w0)->clause;
	for (size_t j = i > WINDOW ? i - WINDOW : 0; j < MIN(d->ms->n, i + WINDOW + 1); j++) {
		const match *o = &d->ms->m[j];
		const char *l = entry_of(d, o)->label;
		if ((l == neg || l == ret) && word_tok(d, o->w0)->sent == sent && word_tok(d, o->w1 - 1)->clause >= cl)
			return false;
	}
	return true;
}

/* Do the words from w0 to end show one of a kind, "like" and a person
 * after them ("idiots like you", "a pig like you", "a fool like Sanders";
 * not "like you think")? */
static bool kind_shown(const dctx *d, const cues *c, size_t w0, size_t end)
{
	size_t nw = d->ts->nw;
	return end + 1 < nw && same_clause(d, w0, end + 1) && word_in(d, end, (const char *const[]){"like", NULL}) &&
	       (word_in(d, end + 1, (const char *const[]){"you", "u", "him", "her", "them", "yourself", "yourselves",
							  "yall", "y'all", NULL}) ||
		is_name(d, c, end + 1)) &&
	       !(end + 2 < nw && same_clause(d, end + 1, end + 2) &&
		 word_in(d, end + 2, (const char *const[]){"think", "thought", "say", "said", "seem", "claim", "want",
							   "do", "did", "are", "were", NULL}));
}

/* Is match m a name the writer gives someone outright, which a negation,
 * retraction or "if" elsewhere in the clause does not take back:
 *   - called at the reader: "you moron" ("I don't care, you moron";
 *     not "call you moron");
 *   - a way of pointing at someone: "this idiot", "those clowns", "your
 *     idiot manager", "the moron who ..." ("don't let this idiot near
 *     it"; not "he's not that idiot", "not the idiot here");
 *   - one of a kind shown: "idiots like you", "a fool like Sanders"
 *     ("I can't stand idiots like you"; not "like you think");
 *   - called after an order's object: "don't watch it, loser" without
 *     the comma, "shut up idiot".
 * A name after "a" or "an" ("not an idiot", "if you were a moron") stays
 * in the scope. */
static bool named_outright(const dctx *d, const cues *c, const match *m)
{
	static const char *const point[] = {"this", "that", "these", "those", "your", "ur", "our", "their", "his",
					    "the", "whatever", "whichever", NULL};
	static const char *const undo[] = {"not", "no", "never", "is", "are", "was", "were", "be", "been", "'s",
					   "'re", "am", "call", "calling", "called", "name", "named", NULL};
	size_t nw = d->ts->nw;
	/* a describing word before a person noun stands for the pair:
	 * "not whatever clueless kid this is" */
	bool noun = cue_at(d, c->tgt, m->w0, m->w1) && !cue_at(d, c->self, m->w0, m->w1);
	/* any name for the kind shown: "I can't stand pigs like you" */
	if (kind_shown(d, c, m->w0, m->w1))
		return true;
	if (!noun && !(m->w1 < nw && same_clause(d, m->w0, m->w1) && cue_word(d, c->tgt, m->w1) &&
		       !cue_word(d, c->self, m->w1) && !thing_word(d, c, m->w1) && !addressee(d, c, m->w1)))
		return false;
	size_t end = noun ? m->w1 : m->w1 + 1; /* after the noun */
	size_t k = m->w0; /* back over describing words: "you stupid idiot" */
	while (k > 0 && m->w0 - k < 3 && same_clause(d, k - 1, m->w0) &&
	       (cue_word(d, c->intens, k - 1) || is_insult(d, c, k - 1)) &&
	       !word_in(d, k - 1, (const char *const[]){"a", "an", "the", "such", NULL}))
		k--;
	if (k > 0 && same_clause(d, k - 1, m->w0)) {
		size_t p = k - 1;
		bool before_ok = p == 0 || !same_clause(d, p - 1, p) || !word_in(d, p - 1, undo) ||
				 word_in(d, p, (const char *const[]){"whatever", "whichever", NULL});
		if (addressee(d, c, p) && before_ok)
			return true;
		/* "the" only with a relative after: "the idiot who ..." */
		if (word_in(d, p, point) && before_ok &&
		    (!word_in(d, p, (const char *const[]){"the", NULL}) ||
		     (end < nw && same_clause(d, m->w0, end) &&
		      word_in(d, end, (const char *const[]){"who", "that", "whose", NULL}))))
			return true;
	}
	if (kind_shown(d, c, m->w0, end))
		return true;
	/* the last word of its sentence, right after an order's object or
	 * particle */
	size_t s0, s1;
	sentence_words(d, word_tok(d, m->w0)->sent, &s0, &s1);
	if (noun && m->w1 == s1 && m->w0 == k && m->w0 > s0 + 1 && same_clause(d, m->w0 - 1, m->w0) &&
	    word_in(d, m->w0 - 1, (const char *const[]){"it", "me", "him", "her", "them", "us", "up", "out", "off",
							"away", "already", "again", "please", "lol", NULL}))
		return true;
	/* a bare name after "you're not" at the end of its sentence is called
	 * at the reader, not denied (that takes an article: "you're not an
	 * idiot", or a plural: "you're not idiots"): "no your not dickhead." */
	const token *t = word_tok(d, m->w0);
	if (noun && m->w1 == s1 && m->w0 == k && m->w1 == m->w0 + 1 && m->w0 >= 2 && same_clause(d, m->w0 - 2, m->w0) &&
	    tok_text(d->nt, t)[t->nlen - 1] != 's' && word_in(d, m->w0 - 1, (const char *const[]){"not", NULL}) &&
	    word_in(d, m->w0 - 2, (const char *const[]){"you're", "youre", "your", "ur", "are", "r", NULL}))
		return true;
	return false;
}

/* Is a name or describing word part of the object of a verb, which a
 * negation of the verb, or an "if" or "should have" around it, does not
 * take back: "we don't want to see that idiotic grin again", "don't let
 * the trolls win", "I don't want his garbage comments", "she should have
 * confronted the stupid bully"? A definite determiner or someone else's
 * possessive before it (over describing words), which says the one named
 * is there ("I didn't hire an idiot" may deny there is one; "her" may be
 * whom a word is said of), and before that a verb: not a copula ("he is
 * not the idiot here"), not a person it is said of ("I'd never call him
 * the idiot"). */
static bool in_object(const dctx *d, const cues *c, const match *m)
{
	static const char *const dets[] = {"the", "that", "this", "these", "those", "his", "their", "your", "ur",
					   "its", NULL};
	size_t k = m->w0;
	while (k > 0 && m->w0 - k < 2 && same_clause(d, k - 1, m->w0) &&
	       (is_insult(d, c, k - 1) || cue_word(d, c->intens, k - 1)) && !word_in(d, k - 1, dets))
		k--;
	/* or a describing word, with no determiner, before the noun it
	 * describes: "we don't want stupid dishonest people here", "don't do
	 * idiotic things" (a bare noun phrase said to be there, not what is
	 * denied: not "he is not stupid", "not stupid people") */
	bool bare = k >= 1 && same_clause(d, k - 1, m->w0) && !word_in(d, k - 1, dets) &&
		    !cue_at(d, c->tgt, m->w0, m->w1) && m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) &&
		    word_tok(d, m->w1)->kind == TK_WORD && !in_list(d, m->w1, L_FUNCTION) &&
		    !in_list(d, m->w1, L_ADVERBS) && !in_list(d, m->w1, L_AUXILIARIES) && !in_list(d, m->w1, L_COPULAS) &&
		    !in_list(d, m->w1, L_PRONOUNS) && !cue_word(d, c->self, m->w1) &&
		    !word_in(d, k - 1, (const char *const[]){"not", "never", "a", "an", "so", "too", "as", "how", NULL});
	if (!bare && (k < 2 || !same_clause(d, k - 2, m->w0) || !word_in(d, k - 1, dets)))
		return false;
	size_t v = bare ? k - 1 : k - 2;
	const token *t = word_tok(d, v);
	/* a verb that takes an object, not one that links a describing word
	 * to its subject ("don't look stupid", "never got stupid") */
	static const char *const takes[] = {"do", "does", "did", "doing", "want", "wants", "wanted", "need", "needs",
					    "needed", "have", "has", "had", NULL};
	static const char *const links[] = {"look", "looks", "looked", "looking", "feel", "feels", "felt", "feeling",
					    "sound", "sounds", "sounded", "seem", "seems", "seemed", "act", "acts",
					    "acted", "acting", "get", "gets", "got", "getting", "become", "becomes",
					    "became", "play", "plays", "played", "playing", "make", "makes", "made", NULL};
	if (bare && word_in(d, v, takes))
		return true;
	if (bare && (word_in(d, v, links) || in_list(d, v, L_SELFLINK)))
		return false;
	return t->kind == TK_WORD && !in_list(d, v, L_COPULAS) && !in_list(d, v, L_AUXILIARIES) &&
	       !in_list(d, v, L_FUNCTION) && !cue_word(d, c->tgt, v) && !cue_word(d, c->self, v) &&
	       !in_list(d, v, L_PRONOUNS) && !is_name(d, c, v) && !in_list(d, v, L_SELFLINK) &&
	       !word_in(d, v, (const char *const[]){"no", "nor", "hardly", "isn't", "isnt", "aren't", "arent", "wasn't",
						      "wasnt", "weren't", "werent", "ain't", "aint", "call", "calling",
						      "called", "consider", "considered", "think", "thought", "find",
						      "found", NULL});
}

typedef struct {
	size_t i;
	const char *label, *msg;
	tact_severity sev;
} finding;

/* The cues at_reader() asks of the words around an insult, read in one
 * walk over the matches instead of a search for each word and cue. */
enum { P_TGT = 1, P_YOU = 2, P_SELF = 4, P_INS = 8, P_WIN = 64 };
typedef struct {
	size_t lo, hi; /* the words [lo, hi) */
	uint8_t f[P_WIN];
} people;

static void people_read(const dctx *d, const cues *c, people *p, size_t lo, size_t hi)
{
	p->lo = lo;
	p->hi = MIN(hi, lo + P_WIN);
	memset(p->f, 0, sizeof p->f);
	for (size_t i = matches_near(d, lo); i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		if (m->w0 >= p->hi)
			break;
		if (m->w1 <= p->lo || (m->why & WHY_REGION))
			continue;
		const lex_entry *e = entry_of(d, m);
		uint8_t bit = e->label == c->tgt ? (e->sev == TACT_SEV_LOW ? P_TGT | P_YOU : P_TGT)
			      : e->label == c->self ? P_SELF
			      : e->label == c->ins  ? P_INS
						    : 0;
		for (size_t k = MAX(m->w0, p->lo); bit && k < MIN(m->w1, p->hi); k++)
			p->f[k - p->lo] |= bit;
	}
}

/* Those cues of word k: from the window, else asked one by one. */
static unsigned people_at(const dctx *d, const cues *c, const people *p, size_t k)
{
	if (k >= p->lo && k < p->hi)
		return p->f[k - p->lo];
	return (cue_word(d, c->tgt, k) ? P_TGT : 0) | (addressee(d, c, k) ? P_YOU : 0) |
	       (cue_word(d, c->self, k) ? P_SELF : 0) | (is_insult(d, c, k) ? P_INS : 0);
}

/* Whom word k refers to, for at_reader(): 1 the reader ("you", "you're",
 * "sir", "mate"), -1 someone else (he, they, staff, a name), 0 neither
 * (the writer, a name called). A possessive counts only where poss is
 * set: "your" is the reader's, "his" someone else's. */
static int person_at(const dctx *d, const cues *c, const people *pp, size_t k, bool poss)
{
	static const char *const reader[] = {"you're", "youre", "you've", "you'll", "you'd", "sir", "madam", "mate",
					     "pal", "buddy", "dude", "bro", NULL};
	static const char *const yours[] = {"your", "ur", "yer", "yo", "yours", NULL};
	if (word_tok(d, k)->kind != TK_WORD)
		return 0;
	unsigned f = people_at(d, c, pp, k);
	if ((f & P_YOU) || word_in(d, k, reader))
		return 1;
	if (word_in(d, k, yours))
		return poss;
	if (in_list(d, k, L_POSSESSIVES))
		return poss ? -1 : 0;
	if (!(f & P_TGT) && !is_name(d, c, k))
		return 0;
	if (f & (P_SELF | P_INS))
		return 0;
	/* a capital that starts a sentence is a name only before a copula
	 * ("Kevin was useless", not "Stop acting like a ...") */
	return (f & P_TGT) || !(word_tok(d, k)->flags & TF_SENT_START) ||
		       (k + 1 < d->ts->nw && word_in(d, k + 1, (const char *const[]){"is", "was", "are", "were", NULL}))
		   ? -1
		   : 0;
}

/* Whom sentence sent spoke of, for at_reader(): 1 the reader (a "you"
 * word), -1 only someone else (he, they...), 0 nobody. The verdict of the
 * last sentence asked is kept: every insult of a sentence asks it of the
 * one before, and reading a long one for each made a message quadratic. */
typedef struct {
	uint32_t sent; /* the sentence *who is of; UINT32_MAX: none yet */
	int who;
} spoken;

static int spoken_of(const dctx *d, spoken *prev, uint32_t sent)
{
	/* cues are matched only where a finding needs them: words */
	static const char *const you[] = {"you", "u", "ya", "you're", "youre", "your", "ur", "y'all", "yall", NULL};
	static const char *const third[] = {"he", "she", "they", "him", "her", "them", "he's", "she's", "they're",
					    NULL};
	if (prev->sent == sent)
		return prev->who;
	size_t p0, p1;
	sentence_words(d, sent, &p0, &p1);
	int who = 0;
	for (size_t k = p0; k < p1 && who <= 0; k++)
		if (word_in(d, k, you))
			who = 1;
		else if (word_in(d, k, third))
			who = -1;
	prev->sent = sent;
	prev->who = who;
	return who;
}

/* Is an insult aimed at the reader rather than at someone else? A person
 * in its words decides ("fuck you", "your lazy ass", "he is a fraud"),
 * then the possessive right before it ("your stupidity"), then what a
 * copula says it of ("you are an idiot", "your a dick", "your agent is a
 * moron"); a name called in a clause of its own is called at the reader
 * ("Moron, the Latinos are...", "..., coward."); else the nearest person
 * in its clause, then in its sentence, up to 16 words away ("idiots like
 * you", "that idiot Kevin"), then anyone in the sentence before; with
 * nobody around, the reader ("Morons!"). */
static bool at_reader(const dctx *d, const cues *c, spoken *prev, const match *m)
{
	size_t w0, w1;
	sentence_words(d, word_tok(d, m->w0)->sent, &w0, &w1);
	people pp;
	people_read(d, c, &pp, MAX(w0, m->w0 > 20 ? m->w0 - 20 : 0), MIN(w1, (size_t)m->w1 + 20));
	/* in its words only a pronoun counts, not a noun of the phrase
	 * ("a bunch of crooks") */
	static const char *const third[] = {"he", "she", "they", "he's", "she's", "they're", "hes", "shes", "theyre",
					    NULL};
	for (size_t k = m->w0; k < m->w1; k++) {
		int p = person_at(d, c, &pp, k, true);
		if (p > 0 || (p < 0 && (in_list(d, k, L_PRONOUNS) || in_list(d, k, L_POSSESSIVES))))
			return p > 0;
		if (word_in(d, k, third)) /* "is he really that stupid?" */
			return false;
	}
	if (m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) && in_list(d, m->w0 - 1, L_POSSESSIVES) &&
	    person_at(d, c, &pp, m->w0 - 1, true))
		return person_at(d, c, &pp, m->w0 - 1, true) > 0;
	/* a name with a determiner is someone spoken of: "these idiots told
	 * me", "all bullies" (describing words may stand between: "the
	 * cheeky bastard", "the only thugs"), unless the reader is named
	 * before it ("you, the idiot") */
	static const char *const dets[] = {"the", "these", "those", "this", "that", "all", "some", "such", NULL};
	for (size_t q = m->w0, skipped = 0; q > 0 && same_clause(d, q - 1, m->w0) && skipped < 3; q--, skipped++) {
		/* someone met, not addressed: "stuck on the phone with a bitch",
		 * "served by a moron" (not "to" or "from": "I forgot I was talking
		 * to an idiot", "coming from a fat bitch" are said to the reader) */
		if (q > 1 && word_in(d, q - 1, (const char *const[]){"a", "an", NULL}) && same_clause(d, q - 2, q - 1) &&
		    word_in(d, q - 2, (const char *const[]){"with", "by", "behind", "beside", NULL}))
			return false;
		if (word_in(d, q - 1, dets)) {
			if (!(q > 1 && same_clause(d, q - 2, q - 1) && person_at(d, c, &pp, q - 2, false) > 0))
				return false;
			break;
		}
		if (person_at(d, c, &pp, q - 1, true) || word_tok(d, q - 1)->kind != TK_WORD ||
		    in_list(d, q - 1, L_FUNCTION))
			break;
	}
	bool found;
	size_t at;
	subject_of(d, c, m->w0, entry_of(d, m)->before != 0, &found, &at);
	/* "you are a bunch of crooks": the subject of the head */
	if (found && at != SIZE_MAX && at + 1 < m->w0 && word_in(d, at + 1, (const char *const[]){"of", NULL}))
		subject_of(d, c, at, false, &found, &at);
	if (found && at != SIZE_MAX) {
		int p = person_at(d, c, &pp, at, true);
		/* "you guys are idiots", "you libs really are dumb" */
		if (p < 0 && at > 0 && same_clause(d, at - 1, at) && addressee(d, c, at - 1))
			p = 1;
		if (p)
			return p > 0;
	}
	/* the clause around it, two words out at most on each side: only a
	 * clause of the match and one word more is called, and walking a
	 * long clause for every match made a clause of insults quadratic */
	size_t c0 = m->w0, c1 = m->w1;
	while (c0 > w0 && m->w0 - c0 < 2 && same_clause(d, c0 - 1, m->w0))
		c0--;
	while (c1 < w1 && c1 - m->w1 < 2 && same_clause(d, c1, m->w0))
		c1++;
	if (c1 - c0 - (m->w1 - m->w0) <= 1 && (c0 == w0 || c1 == w1) && w1 - w0 > c1 - c0)
		return true;
	for (int wide = 0; wide < 2; wide++)
		for (size_t dist = 1; dist < w1 - w0 && dist <= 16; dist++)
			for (int side = 0; side < 2; side++) {
				if (side ? m->w1 - 1 + dist >= w1 : m->w0 < w0 + dist)
					continue;
				size_t k = side ? m->w1 - 1 + dist : m->w0 - dist;
				if (wide == same_clause(d, k, m->w0))
					continue; /* the clause first, then the rest */
				int p = person_at(d, c, &pp, k, false);
				if (p)
					return p > 0;
			}
	/* nobody in its sentence: whom the sentence before spoke of ("He
	 * lost my bag. What a moron.", "You lost my bag. Morons!") */
	uint32_t sent = word_tok(d, m->w0)->sent;
	return sent == 0 || spoken_of(d, prev, sent - 1) >= 0;
}

/* The span of a match: its abusive words, without the frame around them
 * ("fuck you" marks "fuck", "what the hell" marks "hell", "are they really
 * that stupid" marks "stupid", "an ass" marks "ass"). */
static void abusive_words(const dctx *d, const cues *c, const match *m, size_t *os, size_t *oe)
{
	static const char *const frame[] = {"the", "a", "an", "your", "my", "this", "that", "of", "to", "like",
					    "such", "what", "so", "are", "is", "you're", "youre", "ur", "r", "were",
					    "as", "bunch", "load", "pack", "just", "really", "truly", "actually",
					    "honestly", "seriously", "still", "even", "he", "she", "they", "he's",
					    "she's", "they're", "be", "can't", "cannot", "couldn't", NULL};
	size_t a = m->w0, b = m->w1;
	bool plain = true; /* one token per word: no spelled-out run */
	for (size_t k = a; k < b; k++)
		plain = plain && word_tok(d, k)->os >= m->os && word_tok(d, k)->oe <= m->oe;
	while (plain && b - a > 1 && (word_in(d, a, frame) || addressee(d, c, a)) && !joined(d, a))
		a++;
	/* a curse keeps whom it curses: "fuck you", "screw you" */
	bool curse = curse_word(d, a);
	while (plain && b - a > 1 && (word_in(d, b - 1, frame) || (addressee(d, c, b - 1) && !curse)) &&
	       !joined(d, b - 2))
		b--;
	*os = a > m->w0 ? word_tok(d, a)->os : m->os;
	*oe = b < m->w1 ? word_tok(d, b - 1)->oe : m->oe;
}

void detect_derogatory(dctx *d)
{
	pthread_once(&list_once, lists_build);
	const cues *c = &cue_labels;
	tact_derog worst = TACT_DEROG_NONE;
	finding *f = NULL;
	size_t nf = 0, capf = 0;
	size_t *harsh = NULL, nh = 0, caph = 0; /* matches of harsh words said of things */
	int quoted = -1; /* all_quoted(), when first needed */
	spoken prev = {UINT32_MAX, 0}; /* at_reader(): the sentence before an insult */
	sent_memo titled = {UINT32_MAX, 0}, plains = {UINT32_MAX, 0}; /* in_name(), in_title() */
	for (size_t i = 0; i < d->ms->n; i++) {
		const match *m = &d->ms->m[i];
		const lex_entry *e = entry_of(d, m);
		if (e->label != c->prof && e->label != c->ins && e->label != c->idn)
			continue;
		if ((m->why & WHY_QUOTED) && quoted < 0)
			quoted = all_quoted(d);
		/* swearing and slurs are in the words whether or not the move
		 * is negated ("not fucking fair", "never happen, f*ggot") or
		 * joking; an insult or a claim about a group is not */
		unsigned why = m->why;
		if (e->label == c->prof || (e->label == c->idn && m->w1 == m->w0 + 1))
			why &= ~(unsigned)(WHY_NEGATED | WHY_HYPOTHETICAL | WHY_RETRACTED);
		if ((why & WHY_HYPOTHETICAL) && only_joking(d, i))
			why &= ~(unsigned)WHY_HYPOTHETICAL;
		if ((why & WHY_REPORTED) && !said_by_other(d, c, i))
			why &= ~(unsigned)WHY_REPORTED;
		if ((why & (WHY_NEGATED | WHY_RETRACTED)) && vocative(d, c, m) && cues_before(d, i))
			why &= ~(unsigned)(WHY_NEGATED | WHY_RETRACTED);
		if ((why & (WHY_NEGATED | WHY_RETRACTED | WHY_HYPOTHETICAL)) && e->label == c->ins &&
		    named_outright(d, c, m))
			why &= ~(unsigned)(WHY_NEGATED | WHY_RETRACTED | WHY_HYPOTHETICAL);
		if ((why & (WHY_NEGATED | WHY_HYPOTHETICAL)) && e->label == c->ins && (e->flags & LF_TARGET) &&
		    in_object(d, c, m))
			why &= ~(unsigned)(WHY_NEGATED | WHY_HYPOTHETICAL);
		if (why && !(why == WHY_QUOTED && quoted == 1))
			continue;
		bool describing = e->label == c->ins && (e->flags & LF_TARGET) && !e->before && !cue_at(d, c->tgt, m->w0, m->w1);
		/* "why the fuck you ...": the swearing is an intensifier, "you"
		 * the subject, not whom it curses */
		if (e->label == c->ins && m->w0 > 0 && same_clause(d, m->w0 - 1, m->w0) && curse_word(d, m->w0) &&
		    word_in(d, m->w0 - 1, (const char *const[]){"the", "da", "tha", NULL}))
			continue;
		/* "fuck you mean", "fuck you looking at": "you" the subject
		 * of the question the swearing stands for */
		if (e->label == c->ins && curse_word(d, m->w0) && m->w0 + 1 < d->ts->nw &&
		    same_clause(d, m->w0, m->w0 + 1) && subject_next(d, c, m->w0 + 1))
			continue;
		/* "could fuck you up", "screwed you over": harm done, not a
		 * curse */
		if (e->label == c->ins && curse_word(d, m->w0) && m->w1 < d->ts->nw && same_clause(d, m->w0, m->w1) &&
		    addressee(d, c, m->w1 - 1) && word_in(d, m->w1, (const char *const[]){"up", "over", NULL}))
			continue;
		if (in_name(d, c, &titled, m, describing) || in_title(d, c, &plains, m) || ((m->flags & MF_OBF) && bad_mask(d, m)))
			continue;
		finding x = {i, e->label, NULL, e->sev};
		if (e->label == c->ins && (e->flags & LF_TARGET)) {
			enum target t = target_of(d, c, m, e);
			/* "this stupid app", "it's just stupid": a complaint; not a
			 * name that needs a person near to be one ("the thief",
			 * "a cow costume") when nothing is near, unless the word is
			 * harsh whatever it names ("what garbage", "the left is a
			 * joke": flag harsh) */
			if ((t == T_THING ||
			     (t == T_NONE && (((e->flags & LF_HARSH) && !sucks_in(d, m)) || (!e->before && !e->after)))) &&
			    d->msg->role != TACT_ROLE_AGENT) {
				VEC_RESERVE(harsh, caph, nh + 1);
				harsh[nh++] = i;
			}
			if (t != T_PERSON)
				continue; /* self-deprecation, a thing, or nobody */
		}
		if (e->label == c->prof && (swearing_at(d, c, m) || curse_on(d, c, m))) {
			x.label = c->ins;
			x.sev = MAX(x.sev, TACT_SEV_HIGH);
		}
		if (x.label == c->ins && e->label == c->prof)
			x.msg = "swearing aimed at a person";
		if (e->label == c->ins && !(e->flags & LF_TARGET) && curse_thing(d, c, m)) {
			x.label = c->prof; /* "F*** your ads": swearing at a thing */
			x.msg = "swearing at a thing";
		}
		if (e->label == c->ins && !(e->flags & LF_TARGET) && self_simile(d, c, m)) {
			x.label = c->prof; /* "I feel like a stupid ass": self-deprecation */
			x.msg = "swearing about oneself";
		}
		if (e->label == c->idn && m->w1 == m->w0 + 1 && self_named(d, c, m)) {
			x.label = c->prof; /* "I'm fucking retarded": self-deprecation */
			x.msg = "swearing about oneself";
		}
		VEC_RESERVE(f, capf, nf + 2);
		f[nf++] = x;
		/* a slur called at a person is also an insult: "you r*tards",
		 * "the dev team is a bunch of r*tards" */
		if (e->label == c->idn && m->w1 == m->w0 + 1 && slur_at_person(d, c, m))
			f[nf++] = (finding){i, c->ins, "slur aimed at a person", MAX(e->sev, TACT_SEV_HIGH)};
	}
	/* swearing at the person an insult in its clause is about: "the
	 * fucking adjuster is a moron"; or right before an insult that is
	 * aimed at a person: "you fucking idiot", "fucking useless staff" (but
	 * "I went fucking crazy" is not) */
	for (size_t j = 0; j < nf; j++) {
		const match *m = &d->ms->m[f[j].i];
		if (f[j].label != c->prof || m->w1 >= d->ts->nw || !same_clause(d, m->w0, m->w1) ||
		    cue_word(d, c->self, m->w1))
			continue;
		bool person = cue_word(d, c->tgt, m->w1);
		for (size_t k = j > WINDOW ? j - WINDOW : 0; k < MIN(nf, j + WINDOW + 1); k++)
			if (f[k].label == c->ins && same_clause(d, d->ms->m[f[k].i].w0, m->w0) &&
			    (person || (d->ms->m[f[k].i].w0 == m->w1))) {
				f[j].label = c->ins;
				f[j].msg = "swearing aimed at a person";
				f[j].sev = MAX(f[j].sev, TACT_SEV_HIGH);
				break;
			}
	}
#define KIND(l) ((l) == c->idn ? TACT_DEROG_IDENTITY : (l) == c->ins ? TACT_DEROG_INSULT : TACT_DEROG_PROFANITY)
	for (size_t j = 0; j < nf; j++) {
		const match *m = &d->ms->m[f[j].i];
		/* one finding per word: a span wholly inside another of the same
		 * or a stronger kind is that span ("asshole", "piece of shit",
		 * "lazy" in "you lazy ass"); of two with the same words the
		 * first is kept. A slur called at a person keeps both its
		 * labels (one match, two findings). */
		bool dup = false;
		for (size_t k = j > WINDOW ? j - WINDOW : 0; k < MIN(nf, j + WINDOW + 1) && !dup; k++) {
			const match *o = &d->ms->m[f[k].i];
			if (k == j || o->os > m->os || o->oe < m->oe || KIND(f[k].label) < KIND(f[j].label) ||
			    (f[k].i == f[j].i && f[k].label != f[j].label))
				continue;
			bool same = o->os == m->os && o->oe == m->oe;
			dup = !same || k < j || KIND(f[k].label) > KIND(f[j].label);
		}
		if (dup)
			continue;
		const lex_entry *e = entry_of(d, m);
		size_t os, oe;
		abusive_words(d, c, m, &os, &oe);
		tact_span *sp = msg_add_span(d->msg, f[j].label, e->id, f[j].sev, os, oe,
					     f[j].msg ? f[j].msg : label_message(f[j].label));
		if (f[j].label == c->ins)
			sp->target = at_reader(d, c, &prev, m) ? "reader" : "other";
		tact_derog k = KIND(f[j].label);
		if (k > worst)
			worst = k;
	}
#undef KIND
	/* a harsh word said of a thing is a complaint, unless it is part of
	 * an abusive span ("lazy" in "lazy ass"); both lists are in match
	 * order, so the findings near each word are a window */
	for (size_t h = 0, p = 0; h < nh; h++) {
		const match *m = &d->ms->m[harsh[h]];
		while (p < nf && f[p].i + WINDOW < harsh[h])
			p++;
		bool inside = false;
		for (size_t k = p; k < nf && f[k].i <= harsh[h] + WINDOW && !inside; k++) {
			const match *o = &d->ms->m[f[k].i];
			inside = o->os <= m->os && m->oe <= o->oe;
		}
		if (inside)
			continue;
		d->harsh_things++;
		size_t os, oe;
		abusive_words(d, c, m, &os, &oe);
		msg_add_span(d->msg, "complaint", entry_of(d, m)->id, TACT_SEV_LOW, os, oe, "harsh word about a thing");
	}
	free(harsh);
	free(f);
	if (worst > d->msg->derog) /* the strongest of every window */
		d->msg->derog = worst;
}
