/* quote.c: marks the parts of a message's text that are not the author's
 * own words: quoted text ("quote" regions) and signatures ("signature"
 * regions). mail.c calls it on every decoded body; it needs nothing but
 * the text (and the From field, when set), so any reader can use it. The
 * analyzer skips the regions and --own-text prints what is left.
 *
 * Method: every line gets a one-letter class computed from a bounded
 * prefix (and suffix) of the line: blank, '>' quoted, header field
 * ("From:", "De :", "Von:"...), separator, original-message marker,
 * signature delimiter, mobile sign-off. Patterns are then matched over the
 * class string with fixed look-behind and look-ahead limits: "On <date>,
 * <name> wrote:" spread over up to three lines, Outlook header blocks,
 * '>' blocks, and at the end of each stretch of own text the signature
 * rules. Each line is looked at a bounded number of times, so the pass is
 * linear even on a million '>' lines or a 50 MB line. */
#include "quote.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define CLASSIFY_MAX 1024 /* longer lines are text or quote, nothing else */
#define HEADER_LINE_MAX 300
#define SIG_LINE_MAX 100

enum {
	C_TEXT = 't',
	C_BLANK = 'e',
	C_QUOTE = '>',
	C_FROM = 'f',   /* From:, De :, Von:, Van:, Da: ... */
	C_HDR = 'h',    /* Sent:, To:, Subject:, Date:, Objet : ... */
	C_FWD = 'm',    /* -----Original Message-----, Begin forwarded message: */
	C_DELIM = 'd',  /* "-- ", "--", "—" */
	C_SEP = 'w',    /* a line of dashes, underscores, '=' ... */
	C_DASHED = 'W', /* "--- some words ---" without a known keyword */
	C_MOBILE = 'p', /* Sent from my iPhone ... */
};

enum {
	L_OWN,
	L_Q_MARKER,
	L_Q_HEADER,
	L_Q_OUTLOOK,
	L_Q_FORWARD,
	L_Q_AFTER_MOBILE,
	L_S_DELIM,
	L_S_MOBILE,
	L_S_SIGNOFF,
	L_S_CONTACT,
	L_S_NAME,
	L_S_DISCLAIMER,
	L_S_PGP,
	L_S_UUE,
	L_S_PATCH,
};

static const struct {
	const char *kind, *rule;
} labels[] = {
	[L_OWN] = {NULL, NULL},
	[L_Q_MARKER] = {"quote", "quote-marker"},
	[L_Q_HEADER] = {"quote", "quote-header"},
	[L_Q_OUTLOOK] = {"quote", "quote-outlook"},
	[L_Q_FORWARD] = {"quote", "quote-forward"},
	[L_Q_AFTER_MOBILE] = {"quote", "quote-after-mobile"},
	[L_S_DELIM] = {"signature", "sig-delimiter"},
	[L_S_MOBILE] = {"signature", "sig-mobile"},
	[L_S_SIGNOFF] = {"signature", "sig-signoff"},
	[L_S_CONTACT] = {"signature", "sig-contact"},
	[L_S_NAME] = {"signature", "sig-name"},
	[L_S_DISCLAIMER] = {"signature", "sig-disclaimer"},
	[L_S_PGP] = {"signature", "sig-pgp"},
	[L_S_UUE] = {"signature", "sig-uuencode"},
	[L_S_PATCH] = {"signature", "sig-patch"},
};

typedef struct {
	const char *p;
	size_t n;
} view;

typedef struct {
	const char *t;
	size_t nl;           /* lines */
	uint32_t *off;       /* nl + 1 line starts; off[nl] is the text length */
	unsigned char *cls;  /* class per line */
	unsigned char *lab;  /* label per line */
	view sender;         /* first word of the From display name */
} doc;

/* ---- small text helpers --------------------------------------------- */

static bool sp(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Line i without its line end. */
static view line(const doc *d, size_t i)
{
	view v = {d->t + d->off[i], d->off[i + 1] - d->off[i]};
	if (v.n && v.p[v.n - 1] == '\n')
		v.n--;
	if (v.n && v.p[v.n - 1] == '\r')
		v.n--;
	return v;
}

/* Trim blanks, including U+00A0 (HTML's &nbsp;), at both ends. */
static view trim(view v)
{
	for (;;) {
		if (v.n && sp((unsigned char)v.p[0])) {
			v.p++, v.n--;
		} else if (v.n >= 2 && (unsigned char)v.p[0] == 0xC2 && (unsigned char)v.p[1] == 0xA0) {
			v.p += 2, v.n -= 2;
		} else {
			break;
		}
	}
	for (;;) {
		if (v.n && sp((unsigned char)v.p[v.n - 1])) {
			v.n--;
		} else if (v.n >= 2 && (unsigned char)v.p[v.n - 2] == 0xC2 && (unsigned char)v.p[v.n - 1] == 0xA0) {
			v.n -= 2;
		} else {
			break;
		}
	}
	return v;
}

static bool starts_ci(view v, const char *s)
{
	return ascii_prefix_ci(v.p, v.n, s);
}

static bool has_digit(view v)
{
	for (size_t i = 0; i < v.n; i++)
		if (ascii_digit((unsigned char)v.p[i]))
			return true;
	return false;
}

static size_t count_digits(view v)
{
	size_t k = 0;
	for (size_t i = 0; i < v.n; i++)
		k += ascii_digit((unsigned char)v.p[i]);
	return k;
}

static size_t count_words(view v)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < v.n; i++) {
		bool s = sp((unsigned char)v.p[i]) || v.p[i] == '\n';
		if (!s && !in)
			w++;
		in = !s;
	}
	return w;
}

/* Is c a letter or digit for word boundaries? Bytes of non-ASCII UTF-8
 * count as letters. */
static bool wordch(unsigned char c)
{
	return ascii_alnum(c) || c >= 0x80 || c == '_';
}

/* A list of lowercase words, indexed by first byte so that a scan looks
 * at each position once with a handful of candidates at most. */
typedef struct {
	const char *const *w;
	size_t n;
	uint8_t len[64];     /* strlen(w[k]) */
	uint64_t first[256]; /* bit k: w[k] starts with this byte */
} wordset;

/* The last occurrence in s (ASCII-lowercased) of a word of ws, on word
 * boundaries (none needed around CJK words); offset or -1, length in *len.
 * Linear in n. */
/* Is s[0..n) one of list? */
static bool in_list(const char *const *list, size_t count, const char *s, size_t n)
{
	for (size_t i = 0; i < count; i++)
		if (n && list[i][0] == s[0] && strlen(list[i]) == n && !memcmp(s, list[i], n))
			return true;
	return false;
}

static long find_last(const wordset *ws, const char *s, size_t n, size_t *len)
{
	long found = -1;
	for (size_t i = 0; i < n; i++) {
		uint64_t m = ws->first[(unsigned char)s[i]];
		if (!m)
			continue;
		/* inside a word only a CJK word (lead byte >= 0xE0) can start */
		if (i && (unsigned char)s[i] < 0xE0 && wordch((unsigned char)s[i - 1]))
			continue;
		for (size_t k = 0; m; k++, m >>= 1) {
			if (!(m & 1))
				continue;
			const char *w = ws->w[k];
			size_t wl = ws->len[k];
			if (i + wl > n || memcmp(s + i, w, wl))
				continue;
			bool cjk = (unsigned char)w[0] >= 0xE0;
			if (!cjk && i && wordch((unsigned char)s[i - 1]))
				continue;
			if (!cjk && i + wl < n && wordch((unsigned char)s[i + wl]))
				continue;
			if (found < 0 || (size_t)found != i || wl > *len) {
				found = (long)i;
				*len = wl;
			}
		}
	}
	return found;
}

static void wordset_init(wordset *ws, const char *const *w, size_t n)
{
	ws->w = w;
	ws->n = MIN(n, 64);
	for (size_t k = 0; k < ws->n; k++) {
		ws->first[(unsigned char)w[k][0]] |= (uint64_t)1 << k;
		ws->len[k] = (uint8_t)MIN(strlen(w[k]), 255u);
	}
}

/* ---- line classes --------------------------------------------------- */

/* Lowercase v into out (v.n + 1 bytes): ASCII, Latin-1 capitals
 * (À..Þ) and Cyrillic capitals (А..Я, Ѐ..Џ), which keeps byte lengths. */
static void utf8_lower_into(char *out, view v)
{
	for (size_t i = 0; i < v.n; i++) {
		unsigned char c = (unsigned char)v.p[i];
		out[i] = (char)ascii_tolower(c);
		if (i + 1 >= v.n)
			continue;
		unsigned char d = (unsigned char)v.p[i + 1];
		if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) {
			out[i] = (char)c;
			out[++i] = (char)(d + 0x20);
		} else if (c == 0xD0 && d >= 0x90 && d <= 0x9F) {
			out[i] = (char)c;
			out[++i] = (char)(d + 0x20);
		} else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {
			out[i] = (char)0xD1;
			out[++i] = (char)(d - 0x20);
		} else if (c == 0xD0 && d >= 0x80 && d <= 0x8F) {
			out[i] = (char)0xD1;
			out[++i] = (char)(d + 0x10);
		}
	}
	out[v.n] = '\0';
}

/* Header field names of quoted-message header blocks, as mail clients
 * write them in many languages. From-like names start a block. */
static const char *const from_keys[] = {
	"from", "de", "von", "da", "van", "fra", "från", "od", "от", "lähettäjä", "feladó", "kimden",
	"frá", "absender", "afzender", "expéditeur", "remitente", "remetente", "mittente", "寄件者",
	"发件人", "差出人", "보낸 사람", "nadawca", "odesílatel",
};
static const char *const other_keys[] = {
	"sent", "date", "to", "cc", "bcc", "subject", "reply-to", "envoyé le", "envoyé", "date d'envoi",
	"à", "a", "objet", "sujet", "copie à", "message du", "gesendet", "datum", "an", "betreff", "kopie",
	"cc", "inviato", "data", "oggetto", "enviado el", "enviado em", "enviado", "enviada em", "fecha",
	"para", "asunto", "assunto", "verzonden", "aan", "onderwerp", "verstuurd", "sendt", "til", "emne",
	"dato", "skickat", "till", "ämne", "wysłano", "do", "temat", "отправлено", "кому", "тема", "дата",
	"lähetetty", "vastaanottaja", "aihe", "päivämäärä", "küldve", "címzett", "tárgy", "gönderildi",
	"kime", "konu", "odesláno", "komu", "předmět", "发送时间", "收件人", "主题", "日期", "送信日時",
	"宛先", "件名", "날짜", "받는 사람", "제목", "on behalf of",
};

/* "*From:*", "From :", "De : " -> the key matched (0 none, 1 from-like,
 * 2 other). v is trimmed (classify()). */
static int header_key(view v)
{
	while (v.n && v.p[0] == '*')
		v.p++, v.n--;
	if (!v.n || v.n > CLASSIFY_MAX)
		return 0;
	/* the key ends at the first ':' (or full-width '：'), within 24 bytes;
	 * most lines have neither byte there (memchr() is cheaper than the
	 * loop below) */
	size_t lim = MIN(v.n, 24);
	if (!memchr(v.p, ':', lim) && !memchr(v.p, 0xEF, lim))
		return 0;
	size_t colon = lim;
	size_t clen = 1;
	for (size_t i = 0; i < lim; i++) {
		if (v.p[i] == ':') {
			colon = i;
			break;
		}
		if ((unsigned char)v.p[i] == 0xEF && i + 2 < v.n && !memcmp(v.p + i, "\xEF\xBC\x9A", 3)) {
			colon = i;
			clen = 3;
			break;
		}
	}
	(void)clen;
	if (colon == lim)
		return 0;
	view k = {v.p, colon};
	while (k.n && (k.p[k.n - 1] == '*' || sp((unsigned char)k.p[k.n - 1])))
		k.n--;
	if (k.n >= 2 && (unsigned char)k.p[k.n - 2] == 0xC2 && (unsigned char)k.p[k.n - 1] == 0xA0)
		k.n -= 2;
	while (k.n && sp((unsigned char)k.p[k.n - 1]))
		k.n--;
	if (!k.n)
		return 0;
	if (k.n > 24)
		return 0;
	char low[25];
	utf8_lower_into(low, k);
	if (in_list(from_keys, ARRAY_LEN(from_keys), low, k.n))
		return 1;
	if (in_list(other_keys, ARRAY_LEN(other_keys), low, k.n))
		return 2;
	return 0;
}

/* Words that make a dashed line an original/forwarded message marker. */
static const char *const fwd_words[] = {
	"original", "origine", "originale", "ursprüngliche", "oprindelig", "opprinnelig", "ursprungligt",
	"oorspronkelijk", "forwarded", "weitergeleitete", "transféré", "inoltrato", "reenviado",
	"encaminhada", "reencaminhada", "doorgestuurd", "videresendt", "vidarebefordrat", "alkuperäinen",
	"välitetty", "oryginalna", "przekazana", "исходное", "Исходное", "пересылаемое", "Пересылаемое",
	"původní", "eredeti", "原始邮件", "转发", "元のメッセージ", "전달된", "원본",
};
/* Whole-line forward markers without dashes (lowercase prefixes). */
static const char *const fwd_lines[] = {
	"begin forwarded message", "anfang der weitergeleiteten nachricht", "début du message réexpédié",
	"début du message transféré", "inizio messaggio inoltrato", "comienzo del mensaje reenviado",
	"início da mensagem reencaminhada", "begin doorgestuurd bericht", "forwarded message:",
	"original message:",
};

/* Mobile and app sign-offs that start a line (lowercase). */
static const char *const mobile_starts[] = {
	"sent from my ", "sent from ", "sent via ", "sent with ", "sent using ", "sent on my ",
	"get outlook for ", "download outlook for ", "envoyé de mon ", "envoyé depuis ",
	"envoyé à partir de ", "envoyé avec ", "von meinem ", "gesendet von ", "gesendet mit ",
	"enviado desde ", "enviado do meu ", "enviado de meu ", "enviado de mi ", "enviado a partir do ",
	"enviado com ", "inviato da ", "inviato dal mio ", "verzonden vanaf ", "verstuurd vanaf ",
	"verzonden met ", "skickat från ", "sendt fra ", "lähetetty ", "wysłane z ", "отправлено с ",
	"enviat des de ", "envoyé de ",
};

static bool sep_char_run(view v)
{
	/* 3+ of one of - _ = * ~ or the UTF-8 dashes/box lines; "__" too */
	switch (v.n ? (unsigned char)v.p[0] : 0) { /* not strchr(): most lines fail here */
	case '-': case '_': case '=': case '*': case '~': case 0xE2:
		break;
	default:
		return false;
	}
	static const char *const units[] = {"-", "_", "=", "*", "~", "\xE2\x80\x94", "\xE2\x80\x93",
					    "\xE2\x94\x80", "\xE2\x94\x81"};
	for (size_t u = 0; u < ARRAY_LEN(units); u++) {
		size_t ul = strlen(units[u]);
		size_t k = 0, i = 0;
		while (i + ul <= v.n && !memcmp(v.p + i, units[u], ul))
			i += ul, k++;
		if (i == v.n && (k >= 3 || (k == 2 && units[u][0] == '_')))
			return true;
	}
	return false;
}

/* Lowercase the ASCII letters of v into out (size >= v.n + 1). */
static void lower_into(char *out, view v)
{
	for (size_t i = 0; i < v.n; i++)
		out[i] = (char)ascii_tolower((unsigned char)v.p[i]);
	out[v.n] = '\0';
}

/* The first bytes of mobile_starts and fwd_lines: most lines start with
 * none of them and need no closer look (filled by sets_init()). */
static bool mobile_first[256], fwd_first[256];

static void first_bytes(bool *first, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		first[(unsigned char)list[i][0]] = true;
}

static bool mobile_line(view t)
{
	unsigned char c0 = ascii_tolower((unsigned char)t.p[0]);
	if (t.n > 120 || !mobile_first[c0])
		return false;
	bool hit = false;
	for (size_t i = 0; i < ARRAY_LEN(mobile_starts) && !hit; i++)
		hit = (unsigned char)mobile_starts[i][0] == c0 && starts_ci(t, mobile_starts[i]);
	if (!hit)
		return false;
	/* "Sent from my desk, is much easier than my phone." is a sentence */
	size_t w = count_words(t);
	if (w > 10 || memchr(t.p, ',', t.n))
		return false;
	if (t.p[t.n - 1] == '.' && w > 6)
		return false;
	return true;
}

static wordset verb_set, fwd_set;

static int classify(view raw)
{
	view t = trim(raw);
	if (!t.n)
		return C_BLANK;
	/* quoted: '>' after at most three spaces; ">:" alone is the tail of
	 * a wrapped "... <addr\n>:" header line, not a quote */
	size_t lead = 0;
	while (lead < raw.n && lead < 4 && raw.p[lead] == ' ')
		lead++;
	if (lead < raw.n && lead < 4 && raw.p[lead] == '>') {
		view r = t;
		r.p++, r.n--;
		r = trim(r);
		if (r.n == 1 && r.p[0] == ':')
			return C_TEXT;
		return C_QUOTE;
	}
	if (t.n > CLASSIFY_MAX)
		return C_TEXT;
	view r = raw; /* right-trimmed only, for the delimiter */
	while (r.n && sp((unsigned char)r.p[r.n - 1]))
		r.n--;
	if (r.n >= 2 && (unsigned char)r.p[r.n - 2] == 0xC2 && (unsigned char)r.p[r.n - 1] == 0xA0)
		r.n -= 2;
	while (r.n && sp((unsigned char)r.p[r.n - 1]))
		r.n--;
	if ((r.n == 2 && !memcmp(r.p, "--", 2)) || (r.n == 3 && !memcmp(r.p, "\xE2\x80\x94", 3)) ||
	    (r.n == 3 && !memcmp(r.p, "\xE2\x80\x93", 3)) || (r.n == 6 && !memcmp(r.p, "\xE2\x80\x94\xE2\x80\x94", 6)))
		return C_DELIM;
	if (sep_char_run(t))
		return C_SEP;
	unsigned char c0 = ascii_tolower((unsigned char)t.p[0]);
	if (t.n <= 120 && (c0 == '-' || fwd_first[c0])) {
		for (size_t i = 0; i < ARRAY_LEN(fwd_lines); i++)
			if ((unsigned char)fwd_lines[i][0] == c0 && starts_ci(t, fwd_lines[i]))
				return C_FWD;
		/* "----- Original Message -----", "-----Ursprüngliche Nachricht-----" */
		if (t.n >= 6 && t.p[0] == '-' && t.p[1] == '-') {
			char low[128];
			lower_into(low, t);
			size_t a = 0, b = t.n;
			while (a < b && (t.p[a] == '-' || t.p[a] == ' '))
				a++;
			while (b > a && (t.p[b - 1] == '-' || t.p[b - 1] == ' ' || t.p[b - 1] == ':'))
				b--;
			if (b > a && b - a <= 60 && t.n - b >= 1) {
				size_t wl;
				if (find_last(&fwd_set, low + a, b - a, &wl) >= 0 ||
				    find_last(&fwd_set, t.p + a, b - a, &wl) >= 0)
					return C_FWD;
				if (t.p[t.n - 1] == '-' && count_words((view){t.p + a, b - a}) <= 5 &&
				    find_last(&verb_set, low + a, b - a, &wl) < 0)
					return C_DASHED;
			}
		}
	}
	if (mobile_line(t))
		return C_MOBILE;
	int k = header_key(t);
	if (k)
		return k == 1 ? C_FROM : C_HDR;
	return C_TEXT;
}

/* ---- "On <date>, <name> wrote:" ------------------------------------- */

/* Verbs of attribution lines, lowercase, as they end the line or precede
 * the sender's name. */
static const char *const verbs[] = {
	"wrote", "writes", "a écrit", "escribió", "escribio", "escreveu", "schrieb", "geschrieben",
	"ha scritto", "scrisse", "schreef", "geschreven", "skrev", "kirjoitti", "napisał", "napisała",
	"napisal", "napsal", "napsala", "написал", "написала", "написал(а)", "написав", "написа",
	"пише", "írta", "yazdı", "έγραψε", "a scris", "kirjutas", "rašė", "rakstīja", "va escriure",
	"napisao", "napisala", "skrifaði", "het volgende geschreven", "写道", "寫道", "書きました",
	"のメッセージ", "작성", "écrit", "scritto",
};

static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

/* The verbs grouped by last byte: those ending in byte c are
 * by_last[last_at[c] .. last_at[c + 1]) (filled by sets_init()). A line
 * ending in none of them ends in no verb; most lines ending in a verb's
 * last letter ("thanks" and "writes") are told apart by one or two
 * compares, not a word search. */
static struct {
	const char *w;
	size_t len;
} by_last[ARRAY_LEN(verbs)];
static uint16_t last_at[257];
static void valedictions_init(void);

static void verbs_init(void)
{
	for (size_t k = 0; k < ARRAY_LEN(verbs); k++)
		last_at[(unsigned char)verbs[k][strlen(verbs[k]) - 1] + 1]++;
	for (size_t c = 0; c < 256; c++)
		last_at[c + 1] += last_at[c];
	uint16_t next[256];
	memcpy(next, last_at, sizeof next);
	for (size_t k = 0; k < ARRAY_LEN(verbs); k++) {
		size_t l = strlen(verbs[k]), at = next[(unsigned char)verbs[k][l - 1]]++;
		by_last[at].w = verbs[k];
		by_last[at].len = l;
	}
}

/* Does the lowercased s[0..n) end with a verb (on any boundary)? */
static bool ends_with_verb(const char *s, size_t n)
{
	if (!n)
		return false;
	unsigned char c = (unsigned char)s[n - 1];
	for (size_t i = last_at[c]; i < last_at[c + 1]; i++) {
		size_t l = by_last[i].len;
		if (l <= n && s[n - l] == by_last[i].w[0] && !memcmp(s + n - l, by_last[i].w, l))
			return true;
	}
	return false;
}

static void sets_init(void)
{
	wordset_init(&verb_set, verbs, ARRAY_LEN(verbs));
	verbs_init();
	valedictions_init();
	wordset_init(&fwd_set, fwd_words, ARRAY_LEN(fwd_words));
	first_bytes(mobile_first, mobile_starts, ARRAY_LEN(mobile_starts));
	first_bytes(fwd_first, fwd_lines, ARRAY_LEN(fwd_lines));
}

/* Words that open an attribution line in the major languages. */
static const char *const openers[] = {
	"on ", "le ", "el ", "am ", "il ", "em ", "op ", "den ", "dne ", "w dniu ", "dnia ", "in data ",
	"pada ", "vào ", "na ", "kl. ", "---- on ", "--- on ", "-- on ", "el día ",
};

static bool opener(view t)
{
	t = trim(t);
	if (t.n && ascii_digit((unsigned char)t.p[0]))
		return true;
	for (size_t i = 0; i < ARRAY_LEN(openers); i++)
		if (starts_ci(t, openers[i]))
			return true;
	return false;
}

/* Is the joined text j (ASCII-lowercased copy low) an attribution line? */
static bool attribution(const char *j, const char *low, size_t n)
{
	/* strip dashes around "---- On ... wrote ----" */
	size_t a = 0, b = n;
	while (a < b && (j[a] == '-' || sp((unsigned char)j[a])))
		a++;
	while (b > a && (j[b - 1] == '-' || sp((unsigned char)j[b - 1])))
		b--;
	if (b - a < 6)
		return false;
	view v = {j + a, b - a};
	bool digit = has_digit(v);
	bool at = memchr(v.p, '@', v.n) != NULL;
	bool colon = j[b - 1] == ':' || (b - a >= 3 && !memcmp(j + b - 3, "\xEF\xBC\x9A", 3));
	size_t end = colon ? (j[b - 1] == ':' ? b - 1 : b - 3) : b;
	while (end > a && sp((unsigned char)j[end - 1]))
		end--;
	/* "... <addr>:" with a date: the name-and-address form */
	if (colon && end > a && (j[end - 1] == '>' || j[end - 1] == ')') && at && digit)
		return true;
	size_t vl = 0;
	long at_v = find_last(&verb_set, low + a, end - a, &vl);
	if (at_v >= 0) {
		size_t ve = a + (size_t)at_v + vl;
		view rest = {j + ve, end - ve};
		/* "(a)" after napisał */
		rest = trim(rest);
		if (rest.n >= 3 && !memcmp(rest.p, "(a)", 3))
			rest.p += 3, rest.n -= 3;
		rest = trim(rest);
		if (!rest.n) /* the verb ends the line */
			return colon ? digit || at : at;
		/* "Am 3.4.2012 schrieb Bob <bob@x>:": a name after the verb */
		if (colon && digit && opener(v) && count_words(rest) <= 6 &&
		    (memchr(rest.p, '@', rest.n) || ascii_upper((unsigned char)rest.p[0]) ||
		     rest.p[0] == '"' || (unsigned char)rest.p[0] >= 0x80))
			return true;
	}
	return false;
}

static bool paragraph_start(const doc *d, size_t i)
{
	return i == 0 || d->cls[i - 1] != C_TEXT || d->lab[i - 1] != L_OWN;
}

/* Does an attribution end at line i? Returns its first line, or -1. The
 * line may be wrapped over up to three lines (Gmail wraps the address
 * onto its own line, Apple Mail breaks after the date). */
static long attribution_start(const doc *d, size_t i, size_t lo)
{
	if (d->cls[i] != C_TEXT)
		return -1;
	view li = trim(line(d, i));
	if (!li.n || li.n > HEADER_LINE_MAX)
		return -1;
	/* cheap filter: the line ends with ':' or with a letter of a verb,
	 * possibly followed by dashes */
	view tail = li;
	while (tail.n && (tail.p[tail.n - 1] == '-' || sp((unsigned char)tail.p[tail.n - 1])))
		tail.n--;
	if (!tail.n)
		return -1;
	unsigned char last = (unsigned char)tail.p[tail.n - 1];
	if (last != ':' && !ascii_alpha(last) && last < 0x80)
		return -1;
	if (last != ':' && !(tail.n >= 3 && !memcmp(tail.p + tail.n - 3, "\xEF\xBC\x9A", 3))) {
		/* no colon: the line must end with a verb ("... wrote") */
		if (last_at[ascii_tolower(last)] == last_at[ascii_tolower(last) + 1])
			return -1;
		char lt[32];
		view tv = {tail.p + tail.n - MIN(tail.n, 24), MIN(tail.n, 24)};
		lower_into(lt, tv);
		if (!ends_with_verb(lt, tv.n)) /* then no verb found below ends it */
			return -1;
		size_t vl = 0;
		long at = find_last(&verb_set, lt, tv.n, &vl);
		if (at < 0 || (size_t)at + vl != tv.n)
			return -1;
	}

	char j[3 * (HEADER_LINE_MAX + 1)], low[3 * (HEADER_LINE_MAX + 1)];
	/* candidates: the line alone when it opens a paragraph or reads as
	 * an attribution opening, then one or two lines up, then alone */
	long order[4];
	size_t no = 0;
	if (opener(li) || paragraph_start(d, i))
		order[no++] = (long)i;
	for (size_t k = 1; k <= 2; k++) {
		if (i < lo + k)
			break;
		size_t s = i - k;
		bool ok = true;
		for (size_t q = s; q < i; q++)
			if (d->cls[q] != C_TEXT || d->lab[q] != L_OWN ||
			    trim(line(d, q)).n > HEADER_LINE_MAX)
				ok = false;
		if (!ok)
			break;
		if (opener(line(d, s)) || paragraph_start(d, s))
			order[no++] = (long)s;
	}
	order[no++] = (long)i;
	for (size_t c = 0; c < no; c++) {
		size_t s = (size_t)order[c], n = 0;
		for (size_t q = s; q <= i; q++) {
			view v = trim(line(d, q));
			if (n)
				j[n++] = ' ';
			memcpy(j + n, v.p, v.n);
			n += v.n;
		}
		view jv = {j, n};
		lower_into(low, jv);
		if (attribution(j, low, n))
			return (long)s;
	}
	return -1;
}

static size_t next_nonblank(const doc *d, size_t i, size_t max_skip)
{
	size_t k = i;
	while (k < d->nl && d->cls[k] == C_BLANK && k - i < max_skip)
		k++;
	return k;
}

/* Outlook-style header block starting at line i: a From-like field and at
 * least one other field among the next lines, values possibly wrapped. */
static bool header_block(const doc *d, size_t i)
{
	if (d->cls[i] != C_FROM && d->cls[i] != C_HDR)
		return false;
	if (d->cls[i] == C_HDR && !paragraph_start(d, i) && d->cls[i - 1] != C_SEP)
		return false;
	bool from = false, other = false;
	size_t cont = 0;
	for (size_t j = i; j < d->nl && j < i + 10; j++) {
		int c = d->cls[j];
		if (c == C_FROM)
			from = true;
		else if (c == C_HDR)
			other = true;
		else if (c == C_BLANK)
			break;
		else if (++cont > 2)
			break;
		if (from && other)
			return true;
	}
	return false;
}

/* The end of the '>' block starting at i: '>' lines, blank lines between
 * them, and lines an old client re-wrapped without the marker (a short
 * lowercase continuation right after a long quoted line). */
static size_t quote_block_end(const doc *d, size_t i)
{
	size_t last = i;
	for (size_t j = i + 1; j < d->nl; j++) {
		int c = d->cls[j];
		if (c == C_QUOTE) {
			last = j;
			continue;
		}
		if (c == C_BLANK)
			continue;
		if (c == C_TEXT && j == last + 1 && line(d, last).n >= 60) {
			view v = trim(line(d, j));
			bool next_ok = j + 1 >= d->nl || d->cls[j + 1] == C_QUOTE || d->cls[j + 1] == C_BLANK;
			if (v.n && ascii_lower((unsigned char)v.p[0]) && next_ok) {
				last = j;
				continue;
			}
		}
		break;
	}
	return last + 1;
}

static void label(doc *d, size_t a, size_t b, int l)
{
	for (size_t i = a; i < b; i++)
		d->lab[i] = (unsigned char)l;
}

static void find_quotes(doc *d)
{
	size_t lo = 0; /* lines before lo belong to an earlier region */
	size_t i = 0;
	while (i < d->nl) {
		int c = d->cls[i];
		if (c == C_QUOTE) {
			size_t e = quote_block_end(d, i);
			label(d, i, e, L_Q_MARKER);
			i = lo = e;
			continue;
		}
		if (c == C_BLANK) {
			i++;
			continue;
		}
		long s = attribution_start(d, i, lo);
		if (s < 0 && c == C_TEXT) {
			/* "<anything with a date>:" right above a '>' block */
			view v = trim(line(d, i));
			size_t k = next_nonblank(d, i + 1, 1);
			if (v.n && v.n <= 200 && v.p[v.n - 1] == ':' && has_digit(v) && k < d->nl &&
			    d->cls[k] == C_QUOTE)
				s = (long)i;
		}
		if (s >= 0) {
			size_t k = next_nonblank(d, i + 1, 2);
			if (k < d->nl && d->cls[k] == C_QUOTE) {
				label(d, (size_t)s, i + 1, L_Q_HEADER);
				i = lo = i + 1;
				continue;
			}
			label(d, (size_t)s, d->nl, L_Q_HEADER); /* unmarked quote to the end */
			return;
		}
		if (header_block(d, i)) {
			size_t s2 = i;
			/* take the separator line above it along */
			size_t up = i;
			while (up > lo && up > i - MIN(i, 2) && d->cls[up - 1] == C_BLANK)
				up--;
			if (up > lo && (d->cls[up - 1] == C_SEP || d->cls[up - 1] == C_DASHED ||
					d->cls[up - 1] == C_FWD))
				s2 = up - 1;
			label(d, s2, d->nl, L_Q_OUTLOOK);
			return;
		}
		if (c == C_FWD) {
			label(d, i, d->nl, L_Q_FORWARD);
			return;
		}
		i++;
	}
}

/* ---- signatures ----------------------------------------------------- */

static bool is_contact(view v)
{
	v = trim(v);
	if (!v.n)
		return false;
	char low[SIG_LINE_MAX + 1];
	if (v.n > SIG_LINE_MAX)
		return false;
	lower_into(low, v);
	view lv = {low, v.n};
	if (memmem(low, v.n, "http://", 7) || memmem(low, v.n, "https://", 8) || memmem(low, v.n, "www.", 4))
		return true;
	for (size_t i = 0; i < v.n; i++) {
		if (v.p[i] != '@')
			continue;
		bool before = i > 0 && wordch((unsigned char)v.p[i - 1]);
		bool after = i + 1 < v.n && wordch((unsigned char)v.p[i + 1]);
		if (after && (before || i == 0 || sp((unsigned char)v.p[i - 1])))
			return true; /* user@host or @handle */
	}
	static const char *const prefixes[] = {"tel", "phone", "mobile", "mob:", "mob.", "cell", "fax",
					       "skype", "t.", "f.", "m.", "p:", "t:", "m:", "e:", "w:",
					       "linkedin", "twitter"};
	for (size_t i = 0; i < ARRAY_LEN(prefixes); i++)
		if (starts_ci(lv, prefixes[i]))
			return true;
	size_t digits = count_digits(v), letters = 0;
	for (size_t i = 0; i < v.n; i++)
		letters += ascii_alpha((unsigned char)v.p[i]);
	return digits >= 7 && letters <= 12;
}

static bool is_particle(view w)
{
	static const char *const p[] = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la",
					"le", "bin", "al", "y", "e", "dos", "das"};
	return in_list(p, ARRAY_LEN(p), w.p, w.n);
}

/* Does v mention the sender's first name as a word? */
static bool has_sender(const doc *d, view v)
{
	if (d->sender.n < 2 || v.n > SIG_LINE_MAX)
		return false;
	for (size_t i = 0; i + d->sender.n <= v.n; i++)
		if (ascii_memieq(v.p + i, d->sender.p, d->sender.n) &&
		    (i == 0 || !wordch((unsigned char)v.p[i - 1])) &&
		    (i + d->sender.n == v.n || !wordch((unsigned char)v.p[i + d->sender.n])))
			return true;
	return false;
}

/* Capitalised words that start sentences, not names. */
static bool not_a_name(view w)
{
	static const char *const words[] = {
		"please", "help", "thank", "thanks", "hi", "hello", "hey", "dear", "i", "the", "my", "your",
		"we", "it", "this", "that", "what", "why", "how", "when", "where", "who", "yes", "no", "ok",
		"okay", "note", "ps", "p.s.", "urgent", "important", "sorry", "again", "call", "reply",
		"contact", "order", "ticket", "account", "refund", "cancel", "stop", "now", "today",
		"tomorrow", "done", "agreed", "sure", "great", "perfect", "fine", "good", "nice", "cool",
		"awesome", "excellent", "noted", "understood", "confirmed", "see", "attached", "attachment",
		"update", "regards", "best", "cheers", "not", "never", "all", "any", "still", "waiting",
		"asap", "fyi", "re", "fw", "fwd", "lol", "wow", "oh", "ah", "hmm", "test", "testing",
		"hola", "bonjour", "hallo", "ciao", "merci", "danke", "gracias", "grazie", "obrigado",
	};
	char low[16];
	if (w.n >= sizeof low)
		return false;
	for (size_t i = 0; i < w.n; i++)
		low[i] = (char)ascii_tolower((unsigned char)w.p[i]);
	while (w.n && strchr(",.!", low[w.n - 1]))
		w.n--;
	return in_list(words, ARRAY_LEN(words), low, w.n);
}

/* A person's name: 1-4 capitalised words ("John E. Doe, Ph.D.",
 * "Ludwig van Beethoven"), no digits, possibly after a dash ("-Abhishek"). */
static bool name_like(const doc *d, view v)
{
	v = trim(v);
	while (v.n && (v.p[0] == '-' || v.p[0] == '~'))
		v.p++, v.n--;
	if (v.n >= 3 && (!memcmp(v.p, "\xE2\x80\x94", 3) || !memcmp(v.p, "\xE2\x80\x93", 3)))
		v.p += 3, v.n -= 3;
	v = trim(v);
	if (!v.n || v.n > 40)
		return false;
	if (has_sender(d, v))
		return true;
	char c = v.p[v.n - 1];
	if (c == '?' || c == '!' || c == ':' || c == ';' || has_digit(v))
		return false;
	size_t words = 0;
	for (size_t i = 0; i < v.n;) {
		while (i < v.n && sp((unsigned char)v.p[i]))
			i++;
		if (i >= v.n)
			break;
		size_t s = i;
		while (i < v.n && !sp((unsigned char)v.p[i]))
			i++;
		view w = {v.p + s, i - s};
		words++;
		unsigned char f = (unsigned char)w.p[0];
		if (!(ascii_upper(f) || f >= 0x80 || is_particle(w)) || not_a_name(w))
			return false;
		for (size_t k = 0; k < w.n; k++) {
			unsigned char ch = (unsigned char)w.p[k];
			if (!(ascii_alpha(ch) || ch >= 0x80 || ch == '.' || ch == ',' || ch == '\'' || ch == '-'))
				return false;
		}
	}
	return words >= 1 && words <= 4;
}

/* A short line that could be part of a signature block. */
static bool sig_line(view v)
{
	v = trim(v);
	if (v.n > SIG_LINE_MAX)
		return false;
	size_t w = count_words(v);
	if (w > 9)
		return false;
	if (v.n && (v.p[v.n - 1] == '.' || v.p[v.n - 1] == '?') && w >= 5)
		return false;
	return true;
}

static const char *const valedictions[] = {
	"thanks and regards", "thanks & regards", "thanks again", "thanks so much", "thanks a lot",
	"many thanks", "thank you so much", "thank you very much", "thank you", "thanks", "thx", "ty",
	"cheers", "best regards", "best wishes", "best", "kind regards", "kindest regards", "warm regards",
	"warmest regards", "warm wishes", "regards", "rgds", "br", "sincerely", "yours sincerely",
	"sincerely yours", "yours truly", "yours faithfully", "yours", "respectfully", "all the best",
	"take care", "talk soon", "love", "with thanks", "with best regards", "with kind regards",
	"cordially", "greetings", "have a nice day", "have a great day", "cordialement",
	"bien cordialement", "bien à vous", "merci beaucoup", "merci", "salutations", "amitiés",
	"bonne journée", "à bientôt", "mit freundlichen grüßen", "mit freundlichen grüssen",
	"freundliche grüße", "freundliche grüsse", "viele grüße", "viele grüsse", "liebe grüße",
	"liebe grüsse", "beste grüße", "beste grüsse", "herzliche grüße", "schöne grüße", "grüße",
	"gruß", "mfg", "lg", "vg", "danke", "vielen dank", "saludos cordiales", "saludos", "un saludo",
	"atentamente", "cordialmente", "muchas gracias", "gracias", "un abrazo", "cordiali saluti",
	"distinti saluti", "saluti", "un saluto", "grazie mille", "grazie", "a presto",
	"atenciosamente", "abraços", "um abraço", "obrigado", "obrigada", "cumprimentos", "att",
	"saudações", "met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet",
	"hartelijke groet", "groeten", "groet", "mvg", "bedankt", "med vennlig hilsen", "med venlig hilsen",
	"vennlig hilsen", "venlig hilsen", "hilsen", "mvh", "vänliga hälsningar", "med vänliga hälsningar",
	"hälsningar", "pozdrawiam", "z poważaniem", "с уважением", "С уважением", "спасибо", "Спасибо",
	"ystävällisin terveisin", "terveisin", "üdvözlettel", "saygılarımla",
};

/* A closing line: "Thanks,", "Best regards", "Cheers 🎉", "Thanks, Alex".
 * Sets *named when a name follows on the same line. */
/* The valedictions grouped by first byte, in list order within a group
 * (a longer closing is listed before its prefix): those starting with
 * byte c are by_first[first_at[c] .. first_at[c + 1]). Filled by
 * sets_init(), so that a line is compared with its few candidates, not
 * the whole list (most lines start with a letter some closing starts
 * with). */
static const char *by_first[ARRAY_LEN(valedictions)];
static uint16_t first_at[257];

static void valedictions_init(void)
{
	for (size_t i = 0; i < ARRAY_LEN(valedictions); i++)
		first_at[(unsigned char)valedictions[i][0] + 1]++;
	for (size_t c = 0; c < 256; c++)
		first_at[c + 1] += first_at[c];
	uint16_t next[256];
	memcpy(next, first_at, sizeof next);
	for (size_t i = 0; i < ARRAY_LEN(valedictions); i++)
		by_first[next[(unsigned char)valedictions[i][0]]++] = valedictions[i];
}

static bool valediction(view v, bool *named)
{
	v = trim(v);
	*named = false;
	if (!v.n || v.n > 60)
		return false;
	unsigned char c0 = ascii_tolower((unsigned char)v.p[0]);
	if (first_at[c0] == first_at[c0 + 1])
		return false;
	char low[64];
	lower_into(low, v);
	for (size_t i = first_at[c0]; i < first_at[c0 + 1]; i++) {
		const char *vd = by_first[i];
		size_t l = strlen(vd);
		if (l > v.n || memcmp(low, vd, l))
			continue;
		if (l < v.n && wordch((unsigned char)low[l]) && ascii_alnum((unsigned char)low[l]))
			continue; /* "Bestellung", "Thanksgiving" */
		view rest = {v.p + l, v.n - l};
		/* punctuation, then optionally a name, then symbols */
		size_t k = 0;
		while (k < rest.n && (sp((unsigned char)rest.p[k]) || strchr(",.!-:;", rest.p[k])))
			k++;
		view name = {rest.p + k, rest.n - k};
		name = trim(name);
		if (!name.n)
			return true;
		/* letters-free tail: emoji, symbols */
		bool letters = false;
		for (size_t q = 0; q < name.n; q++)
			if (ascii_alpha((unsigned char)name.p[q]))
				letters = true;
		if (!letters && !memchr(name.p, '\xC3', name.n))
			return true;
		/* ", Alex" / " Bob!" : capitalised words only */
		if (k > 0 && count_words(name) <= 3 && ascii_upper((unsigned char)name.p[0])) {
			bool ok = true;
			for (size_t q = 0; q < name.n; q++) {
				unsigned char ch = (unsigned char)name.p[q];
				if (!(ascii_alpha(ch) || ch >= 0x80 || sp(ch) || strchr(".!-'", ch)))
					ok = false;
			}
			if (ok) {
				*named = true;
				return true;
			}
		}
		return false;
	}
	return false;
}

static size_t trim_blank_end(const doc *d, size_t a, size_t b)
{
	while (b > a && d->cls[b - 1] == C_BLANK)
		b--;
	return b;
}

static size_t nonblank_between(const doc *d, size_t a, size_t b)
{
	size_t k = 0;
	for (size_t i = a; i < b; i++)
		k += d->cls[i] != C_BLANK;
	return k;
}

/* Own words before line i in [a, i)? (Or anywhere earlier: own_before.) */
static bool own_text_before(const doc *d, size_t a, size_t i, bool own_before)
{
	if (own_before)
		return true;
	for (size_t q = a; q < i; q++)
		if (d->cls[q] != C_BLANK)
			return true;
	return false;
}

/* A signature block remainder after a weak separator: short lines, at
 * least one with contact details. */
static bool sig_block(const doc *d, size_t a, size_t b, size_t max_lines)
{
	size_t lines = 0, contact = 0;
	for (size_t i = a; i < b; i++) {
		if (d->cls[i] == C_BLANK)
			continue;
		view v = line(d, i);
		if (!sig_line(v))
			return false;
		lines++;
		contact += is_contact(v);
	}
	return lines && lines <= max_lines && contact;
}

/* Does v hold s, ignoring ASCII case? */
static bool contains_ci(view v, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= v.n; i++)
		if (ascii_tolower((unsigned char)v.p[i]) == (unsigned char)s[0] && ascii_prefix_ci(v.p + i, v.n - i, s))
			return true;
	return false;
}

/* Line p opens a legal disclaimer or confidentiality notice: it starts like
 * one ("DISCLAIMER:", "This e-mail and any attachments ...", "*** Legal
 * notice") and its paragraph (up to a blank line, at most 15 lines) uses a
 * word of the trade ("confidential", "intended recipient", "privileged").
 * "Disclaimer: I'm not a lawyer, but ..." is the author's own text. */
static bool disclaimer_at(const doc *d, size_t p, size_t b)
{
	static const char *const starts[] = {"disclaimer", "confidential", "privileged", "legal notice",
		"important notice", "notice:", "this e-mail", "this email", "this message", "this communication",
		"this transmission", "the information contained", "the information in this", "the contents of this",
		"the content of this", "if you are not the intended", "if you have received this", "any views or opinions"};
	static const char *const words[] = {"confidential", "intended recipient", "intended only", "intended solely",
		"privileged", "addressee", "in error"};
	view t = trim(line(d, p));
	if (t.n > CLASSIFY_MAX)
		return false;
	while (t.n && (t.p[0] == '*' || t.p[0] == '_' || t.p[0] == '-' || t.p[0] == '=' || t.p[0] == '[' ||
		       t.p[0] == '(' || t.p[0] == ' '))
		t.p++, t.n--;
	bool opens = false;
	unsigned char c0 = t.n ? ascii_tolower((unsigned char)t.p[0]) : 0;
	for (size_t i = 0; i < ARRAY_LEN(starts) && !opens; i++)
		opens = (unsigned char)starts[i][0] == c0 && starts_ci(t, starts[i]);
	if (!opens)
		return false;
	for (size_t q = p; q < b && q < p + 15 && d->cls[q] != C_BLANK; q++) {
		view v = line(d, q);
		v.n = MIN(v.n, CLASSIFY_MAX); /* bounded, as every look at a line */
		for (size_t i = 0; i < ARRAY_LEN(words); i++)
			if (contains_ci(v, words[i]))
				return true;
	}
	return false;
}

/* The signature rules, applied at the end of one stretch of own text
 * [a, e) (e excludes trailing blank lines); quoted says whether a quote
 * follows it. */
static void find_signature(doc *d, size_t a, size_t e, bool quoted, bool own_before)
{
	size_t b = trim_blank_end(d, a, e);
	if (b <= a)
		return;
	size_t orig_b = b;
	/* One line of text and no own words before it (a tweet, a chat turn):
	 * every rule but the mobile sign-off needs own text above what it
	 * marks (own_text_before(), or the lines of a sig_block() after a
	 * delimiter), so only that one can apply. */
	bool lone = !own_before && nonblank_between(d, a, b) == 1;

	/* 0. a legal disclaimer, among the last 40 lines, to the end */
	for (size_t p = b > a + 40 ? b - 40 : a; p < b && !lone; p++) {
		if (d->cls[p] != C_TEXT || !own_text_before(d, a, p, own_before) || !disclaimer_at(d, p, b))
			continue;
		label(d, p, b, L_S_DISCLAIMER);
		b = trim_blank_end(d, a, p);
		orig_b = b;
		break;
	}
	if (b <= a)
		return;

	/* 1. mobile sign-off; text after it is the quoted original */
	for (size_t p = a; p < b; p++) {
		if (d->cls[p] != C_MOBILE)
			continue;
		size_t after = next_nonblank(d, p + 1, SIZE_MAX);
		if (after < b) {
			label(d, p, p + 1, L_S_MOBILE);
			label(d, after, b, L_Q_AFTER_MOBILE);
		} else {
			label(d, p, b, L_S_MOBILE);
		}
		b = trim_blank_end(d, a, p);
		break;
	}
	if (lone)
		return;
	/* "Sent a magnificent torch of pixels" right above a quote */
	if (b == orig_b && quoted && b > a) {
		view v = trim(line(d, b - 1));
		if (starts_ci(v, "sent ") && v.n <= 60 && count_words(v) <= 8 && !memchr(v.p, ',', v.n) &&
		    v.p[v.n - 1] != '.' && own_text_before(d, a, b - 1, own_before)) {
			label(d, b - 1, b, L_S_MOBILE);
			b = trim_blank_end(d, a, b - 1);
		}
	}
	if (b <= a)
		return;

	/* 2. "-- " delimiter (with nothing of the author's above it, only
	 * before what looks like a signature: "-- " over a whole message is
	 * a separator); then a weak separator before a contact block */
	for (size_t p = a; p < b; p++) {
		if (d->cls[p] != C_DELIM)
			continue;
		if (nonblank_between(d, p + 1, b) <= 60 &&
		    (own_text_before(d, a, p, own_before) || sig_block(d, p + 1, b, 15))) {
			label(d, p, b, L_S_DELIM);
			b = trim_blank_end(d, a, p);
		}
		break;
	}
	{
		size_t seen = 0;
		for (size_t p = b; p > a && seen < 20; p--) {
			size_t q = p - 1;
			if (d->cls[q] == C_BLANK)
				continue;
			seen++;
			if ((d->cls[q] == C_SEP || d->cls[q] == C_DASHED) && sig_block(d, q + 1, b, 15) &&
			    own_text_before(d, a, q, own_before)) {
				label(d, q, b, L_S_DELIM);
				b = trim_blank_end(d, a, q);
				break;
			}
		}
	}
	if (b <= a)
		return;

	/* 3. a contact/name block: the last paragraph (and the name paragraph
	 * above it) */
	for (int round = 0; round < 2 && b > a; round++) {
		size_t ps = b;
		while (ps > a && d->cls[ps - 1] != C_BLANK && b - ps < 9)
			ps--;
		if (ps > a && d->cls[ps - 1] != C_BLANK)
			break; /* paragraph too long */
		if (!own_text_before(d, a, ps, own_before))
			break;
		size_t lines = 0, contact = 0;
		bool short_lines = true, ok = true;
		for (size_t q = ps; q < b; q++) {
			view v = line(d, q);
			if (!sig_line(v) || d->cls[q] != C_TEXT) {
				ok = false;
				break;
			}
			lines++;
			contact += is_contact(v);
			view t = trim(v);
			if (t.n > 40 || count_words(t) > 5 || (t.n && (t.p[t.n - 1] == '.' || t.p[t.n - 1] == '?')))
				short_lines = false;
		}
		view first = line(d, ps);
		bool name = ok && name_like(d, first);
		bool sig = ok && (contact >= 2 || (contact >= 1 && name) ||
				  (name && has_sender(d, trim(first))) ||
				  (round == 0 && name && lines >= 2 && lines <= 4 && short_lines) ||
				  (round == 1 && name && lines <= 3 && short_lines));
		if (!sig)
			break;
		label(d, ps, b, L_S_CONTACT);
		b = trim_blank_end(d, a, ps);
	}
	if (b <= a)
		return;

	/* 4. a closing ("Best regards,") with at most a few short lines after */
	for (size_t v = b > a + 6 ? b - 6 : a; v < b; v++) {
		bool named;
		if (d->cls[v] != C_TEXT || !valediction(line(d, v), &named))
			continue;
		size_t after = nonblank_between(d, v + 1, b);
		bool short_after = true;
		for (size_t q = v + 1; q < b; q++) {
			view t = trim(line(d, q));
			bool brief = t.n <= 60 && count_words(t) <= 6;
			if (!(brief || (is_contact(t) && sig_line(t))) || (d->cls[q] != C_TEXT && d->cls[q] != C_BLANK))
				short_after = false;
		}
		if (after > 6 || !short_after)
			continue;
		if (!(after >= 1 || named || b < orig_b))
			continue;
		if (!own_text_before(d, a, v, own_before))
			continue;
		label(d, v, b, L_S_SIGNOFF);
		b = trim_blank_end(d, a, v);
		return;
	}

	/* 5. a lone name: "-Abhishek Kona", or a name right above a quote or
	 * the rest of a signature */
	if (b > a) {
		view v = trim(line(d, b - 1));
		bool dash = v.n > 1 && v.p[0] == '-' && v.p[1] != '-' && v.p[1] != ' ';
		if (d->cls[b - 1] == C_TEXT && (dash || quoted || b < orig_b || has_sender(d, v)) &&
		    count_words(v) <= 3 && name_like(d, v) && own_text_before(d, a, b - 1, own_before))
			label(d, b - 1, b, L_S_NAME);
	}
}

static void find_signatures(doc *d)
{
	bool own_before = false;
	size_t i = 0;
	while (i < d->nl) {
		if (d->lab[i] != L_OWN) {
			i++;
			continue;
		}
		size_t a = i;
		while (i < d->nl && d->lab[i] == L_OWN)
			i++;
		find_signature(d, a, i, i < d->nl && labels[d->lab[i]].kind[0] == 'q', own_before);
		for (size_t q = a; q < i && !own_before; q++)
			own_before = d->lab[q] == L_OWN && d->cls[q] != C_BLANK;
	}
}

/* An OpenPGP signature: the armored block from "-----BEGIN PGP
 * SIGNATURE-----" to its END line, and the "-----BEGIN PGP SIGNED
 * MESSAGE-----" line with its "Hash:" lines that open a clearsigned text.
 * Its base64 is no one's words (in capitals it read as shouting). Only
 * lines no quote claimed; a BEGIN line without an END within PGP_MAX_LINES
 * is left alone. */
#define PGP_MAX_LINES 200

static void find_pgp(doc *d)
{
	/* one pass: the open BEGIN line, and the latest BEGIN after it, which
	 * takes over when the first one's window has passed (a text of a
	 * million BEGIN lines stays linear) */
	size_t begin = SIZE_MAX, latest = SIZE_MAX;
	for (size_t i = 0; i < d->nl; i++) {
		if (d->lab[i] != L_OWN) {
			begin = latest = SIZE_MAX;
			continue;
		}
		if (begin != SIZE_MAX && i - begin > PGP_MAX_LINES) {
			begin = latest != SIZE_MAX && i - latest <= PGP_MAX_LINES ? latest : SIZE_MAX;
			latest = SIZE_MAX;
		}
		view t = line(d, i); /* armor lines start in the first column (RFC 4880) */
		if (!t.n || t.p[0] != '-')
			continue;
		if (starts_ci(t, "-----BEGIN PGP SIGNED MESSAGE-----")) {
			d->lab[i] = L_S_PGP;
			while (i + 1 < d->nl && d->lab[i + 1] == L_OWN && starts_ci(line(d, i + 1), "Hash:"))
				d->lab[++i] = L_S_PGP;
		} else if (starts_ci(t, "-----BEGIN PGP SIGNATURE-----")) {
			if (begin == SIZE_MAX)
				begin = i;
			else
				latest = i;
		} else if (begin != SIZE_MAX && starts_ci(t, "-----END PGP SIGNATURE-----")) {
			memset(d->lab + begin, L_S_PGP, i - begin + 1);
			begin = latest = SIZE_MAX;
		}
	}
}

/* A uuencoded attachment pasted in the text: a "begin 644 name" line (mode
 * of three or four octal digits; the name may be missing), lines of the encoding (characters from
 * space to '`' only, no small letters, at most 62 of them: "M1TE&.#=A..."),
 * and its "end" line. Its capitals are no one's words (they read as
 * shouting). Only lines no quote claimed; each line is looked at once, and a
 * begin line whose body is not followed by "end" is left alone. */
static bool uue_begin(view t)
{
	if (t.n < 9 || memcmp(t.p, "begin ", 6))
		return false;
	size_t k = 6, o = 0;
	while (k < t.n && t.p[k] >= '0' && t.p[k] <= '7')
		k++, o++;
	return (o == 3 || o == 4) && (k == t.n || t.p[k] == ' ');
}

static bool uue_body(view t)
{
	if (!t.n || t.n > 62)
		return false;
	for (size_t k = 0; k < t.n; k++)
		if ((unsigned char)t.p[k] < 0x20 || (unsigned char)t.p[k] > 0x60)
			return false;
	return true;
}

static void find_uuencode(doc *d)
{
	for (size_t i = 0; i < d->nl; i++) {
		view r = line(d, i); /* most lines: not a "begin" line, no trim needed */
		if (d->lab[i] != L_OWN || !r.n || (r.p[0] != 'b' && r.p[0] != ' ' && r.p[0] != '\t') ||
		    !uue_begin(trim(r)))
			continue;
		size_t j = i + 1;
		while (j < d->nl && d->lab[j] == L_OWN && uue_body(trim(line(d, j))) &&
		       !(trim(line(d, j)).n == 3 && !memcmp(trim(line(d, j)).p, "end", 3)))
			j++;
		view e = j < d->nl && d->lab[j] == L_OWN ? trim(line(d, j)) : (view){NULL, 0};
		if (j > i + 1 && e.n == 3 && !memcmp(e.p, "end", 3)) {
			memset(d->lab + i, L_S_UUE, j - i + 1);
			i = j;
		} else {
			i = j - 1;
		}
	}
}

/* A patch pasted in the text (git format-patch, git send-email, svn diff,
 * diff -u): its file header lines ("diff --git a/x b/x", "index ...",
 * "--- a/x", "+++ b/x", "Index: x" and its "====" rule, mode and rename
 * lines), its hunks, each a "@@ -1,4 +1,5 @@" line and as many ' ', '-'
 * and '+' lines as the header counts (a blank line stands for an empty
 * context line whose space a mailer dropped; "\ No newline at end of
 * file"), and the diffstat before it (" lib/x.c |  2 +-" lines ending
 * with " 3 files changed, 5 insertions(+)"). Code, not anyone's words:
 * "@@ -618,8 +665,9 @@ messages" read as repeat contact. Nothing without a
 * hunk header is a patch, and a hunk ends where its counts do, so the
 * author's words after a patch are the author's again. Only lines no quote
 * claimed; a line is looked at a bounded number of times. */
#define PATCH_HEADER_MAX 12 /* file header lines before a hunk header */

/* "@@ -a[,b] +c[,d] @@...": the old and new line counts (1 when left out). */
static bool hunk_header(view t, size_t *old, size_t *new)
{
	if (t.n < 11 || memcmp(t.p, "@@ -", 4))
		return false;
	size_t k = 4, cnt[2];
	for (int side = 0; side < 2; side++) {
		if (side) {
			if (k + 1 >= t.n || t.p[k] != ' ' || t.p[k + 1] != '+')
				return false;
			k += 2;
		}
		size_t digits = 0;
		while (k < t.n && ascii_digit((unsigned char)t.p[k]))
			k++, digits++;
		if (!digits)
			return false;
		cnt[side] = 1;
		if (k < t.n && t.p[k] == ',') {
			size_t v = 0;
			digits = 0;
			for (k++; k < t.n && ascii_digit((unsigned char)t.p[k]); k++, digits++)
				v = v < 100000000 ? v * 10 + (size_t)(t.p[k] - '0') : v;
			if (!digits)
				return false;
			cnt[side] = v;
		}
	}
	if (k + 3 > t.n || memcmp(t.p + k, " @@", 3))
		return false;
	*old = cnt[0];
	*new = cnt[1];
	return true;
}

/* A line of a patch's file header. */
static bool patch_file_line(view t)
{
	static const char *const starts[] = {"diff --git ", "diff -", "index ", "--- ", "+++ ", "Index: ",
					     "new file mode ", "deleted file mode ", "old mode ", "new mode ",
					     "similarity index ", "dissimilarity index ", "rename from ", "rename to ",
					     "copy from ", "copy to ", "Binary files ", "RCS file: ",
					     "retrieving revision ", "==================="};
	if (!t.n || !strchr("dirn+-IBsRcD=", t.p[0]))
		return false;
	for (size_t i = 0; i < ARRAY_LEN(starts); i++)
		if (t.n >= strlen(starts[i]) && !memcmp(t.p, starts[i], strlen(starts[i])))
			return true;
	return false;
}

/* " path/to/file.c |   12 +++---", " x.png | Bin 0 -> 1234 bytes" */
static bool diffstat_line(view r)
{
	view t = trim(r);
	const char *bar = t.n ? memchr(t.p, '|', t.n) : NULL;
	if (!bar || bar == t.p || !r.n || r.p[0] != ' ')
		return false;
	for (const char *p = t.p; p < bar; p++)
		if (sp((unsigned char)*p) && p + 1 < bar && !sp((unsigned char)p[1]))
			return false; /* one path, then blanks */
	view v = trim((view){bar + 1, (size_t)(t.p + t.n - bar - 1)});
	if (starts_ci(v, "Bin"))
		return true;
	size_t k = 0;
	while (k < v.n && ascii_digit((unsigned char)v.p[k]))
		k++;
	if (!k)
		return false;
	while (k < v.n && (v.p[k] == ' ' || v.p[k] == '+' || v.p[k] == '-'))
		k++;
	return k == v.n;
}

/* " 3 files changed, 5 insertions(+), 2 deletions(-)" */
static bool diffstat_total(view r)
{
	view t = trim(r);
	size_t k = 0;
	while (k < t.n && ascii_digit((unsigned char)t.p[k]))
		k++;
	view rest = {t.p + k, t.n - k};
	return k && (starts_ci(rest, " files changed") || starts_ci(rest, " file changed"));
}

/* Can t hold a patch: a hunk header ("@@ -1,4 +1,5 @@") or a diffstat
 * (its file lines have a '|')? Most texts have neither and skip the scan
 * (memchr is fast where memmem with a short needle is not). */
static bool may_hold_patch(const char *t, size_t n)
{
	if (memchr(t, '|', n))
		return true;
	for (const char *p = t, *e = t + n; (p = memchr(p, '@', (size_t)(e - p))) && p + 1 < e; p++)
		if (p[1] == '@')
			return true;
	return false;
}

static void find_patches(doc *d)
{
	size_t i = 0;
	while (i < d->nl) {
		view r = d->lab[i] == L_OWN ? line(d, i) : (view){NULL, 0};
		if (!r.n) {
			i++;
			continue;
		}
		/* a diffstat: its file lines up to the total (and git's "create
		 * mode" lines after it) */
		if (r.p[0] == ' ' && diffstat_line(r)) {
			size_t j = i;
			while (j < d->nl && d->lab[j] == L_OWN && diffstat_line(line(d, j)))
				j++;
			if (j < d->nl && d->lab[j] == L_OWN && diffstat_total(line(d, j))) {
				j++;
				while (j < d->nl && d->lab[j] == L_OWN &&
				       (starts_ci(line(d, j), " create mode ") || starts_ci(line(d, j), " delete mode ") ||
					starts_ci(line(d, j), " rename ") || starts_ci(line(d, j), " mode change ")))
					j++;
				label(d, i, j, L_S_PATCH);
			}
			i = j;
			continue;
		}
		/* file header lines, then a hunk header */
		size_t k = i, old, new;
		while (k < d->nl && k - i < PATCH_HEADER_MAX && d->lab[k] == L_OWN && patch_file_line(line(d, k)))
			k++;
		if (!(k < d->nl && d->lab[k] == L_OWN && hunk_header(line(d, k), &old, &new))) {
			i = k > i ? k : i + 1;
			continue;
		}
		/* hunks, and further files' headers followed by hunks */
		size_t end = k;
		while (k < d->nl && d->lab[k] == L_OWN) {
			if (hunk_header(line(d, k), &old, &new)) {
				for (k++; k < d->nl && d->lab[k] == L_OWN && (old || new); k++) {
					view h = line(d, k);
					char c = h.n ? h.p[0] : ' ';
					if (c == ' ' && old && new)
						old--, new--;
					else if (c == '-' && old)
						old--;
					else if (c == '+' && new)
						new--;
					else if (c != '\\')
						break;
				}
				if (k < d->nl && d->lab[k] == L_OWN && line(d, k).n && line(d, k).p[0] == '\\')
					k++; /* "\ No newline at end of file" after the last line */
				end = k;
				if (old || new)
					break; /* cut short: what follows is text */
				continue;
			}
			size_t h = k;
			while (h < d->nl && h - k < PATCH_HEADER_MAX && d->lab[h] == L_OWN && patch_file_line(line(d, h)))
				h++;
			if (h == k || !(h < d->nl && d->lab[h] == L_OWN && hunk_header(line(d, h), &old, &new)))
				break;
			k = h;
		}
		label(d, i, end, L_S_PATCH);
		i = end > i ? end : i + 1;
	}
}

/* ---- driver --------------------------------------------------------- */

/* The first word of a display name ("Joe" of "Joe Doe"), or of the name
 * part of a From field ("Joe Doe <j@x>"). */
static view first_name(const char *f, bool field)
{
	view v = {NULL, 0};
	if (!f)
		return v;
	const char *lt = field ? strchr(f, '<') : NULL;
	size_t n = lt ? (size_t)(lt - f) : strlen(f);
	if (field && !lt && memchr(f, '@', n))
		return v; /* a bare address has no name */
	size_t i = 0;
	while (i < n && (sp((unsigned char)f[i]) || f[i] == '"' || f[i] == '\''))
		i++;
	size_t s = i;
	while (i < n && !sp((unsigned char)f[i]) && f[i] != '"' && f[i] != ',' && f[i] != '@')
		i++;
	if (i - s >= 2 && !(i < n && f[i] == '@')) {
		v.p = f + s;
		v.n = i - s;
	}
	return v;
}

static void mark(tact_msg *m, view sender);

/* The number of lines of t[0..n) (the last one may lack its '\n'); the
 * start of each of the first max of them goes to off. */
static size_t line_starts(const char *t, size_t n, uint32_t *off, size_t max)
{
	size_t nl = 0;
	for (size_t pos = 0; pos < n; nl++) {
		if (nl < max)
			off[nl] = (uint32_t)pos;
		const char *e = memchr(t + pos, '\n', n - pos);
		pos = e ? (size_t)(e - t) + 1 : n;
	}
	return nl;
}

/* Line tables of texts up to this many lines live on the stack. */
#define SMALL_DOC 256

void quote_mark(tact_msg *m)
{
	if (!m->regions_marked)
		mark(m, first_name(m->fields[TACT_FIELD_FROM], true));
}

void quote_mark_sender(tact_msg *m, const char *name)
{
	if (!m->regions_marked)
		mark(m, first_name(name, false));
}

static void mark(tact_msg *m, view sender)
{
	pthread_once(&sets_once, sets_init);
	m->regions_marked = true;
	const char *t = m->text.ptr;
	size_t n = m->text.len;
	if (!t || !n || n >= UINT32_MAX)
		return;
	/* most texts are short: their line tables fit on the stack, and the
	 * line starts go there as the lines are counted */
	uint32_t off_small[SMALL_DOC + 1];
	unsigned char cls_small[SMALL_DOC], lab_small[SMALL_DOC];
	size_t nl = line_starts(t, n, off_small, SMALL_DOC);
	doc d = {.t = t, .nl = nl, .sender = sender};
	bool small = nl <= SMALL_DOC;
	d.off = small ? off_small : xmalloc((nl + 1) * sizeof *d.off);
	d.cls = small ? cls_small : xmalloc(nl);
	d.lab = small ? memset(lab_small, 0, nl) : xcalloc(nl, 1);
	if (!small)
		line_starts(t, n, d.off, nl);
	d.off[nl] = (uint32_t)n;
	for (size_t i = 0; i < nl; i++)
		d.cls[i] = (unsigned char)classify(line(&d, i));

	find_quotes(&d);
	find_pgp(&d);
	find_uuencode(&d);
	if (may_hold_patch(t, n))
		find_patches(&d);
	find_signatures(&d);

	/* lines with the same label become one region; blank lines between
	 * two lines of one region belong to it */
	size_t added = 0;
	for (size_t i = 0; i < nl;) {
		int l = d.lab[i];
		if (l == L_OWN) {
			i++;
			continue;
		}
		size_t j = i + 1;
		size_t last = i;
		while (j < nl && (d.lab[j] == l || (d.cls[j] == C_BLANK && d.lab[j] == L_OWN))) {
			if (d.lab[j] == l)
				last = j;
			j++;
		}
		if (added == QUOTE_MAX_REGIONS) {
			tact_msg_add_warning(m, "more than %d quote and signature regions: the rest is judged as own text",
					     QUOTE_MAX_REGIONS);
			break;
		}
		size_t start = d.off[i], end = d.off[last + 1];
		/* the region ends with its last line's text, not its newline */
		while (end > start && (t[end - 1] == '\n' || t[end - 1] == '\r'))
			end--;
		msg_add_region_rule(m, labels[l].kind, labels[l].rule, start, end);
		added++;
		i = last + 1;
	}
	if (!small) {
		free(d.off);
		free(d.cls);
		free(d.lab);
	}
}
