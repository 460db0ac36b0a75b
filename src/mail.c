/* mail.c: the deferred decode step of the "mbox" and "eml" readers. GMime
 * parses one raw message; this file picks the body (text/plain, else HTML
 * through html.c), undoes the transfer encoding, converts the charset to
 * UTF-8 (undecodable bytes become U+FFFD, with a warning), lists the
 * attachments, fills id/from/to/date/subject/thread, sets the role from the
 * sender and marks quote/signature regions (quote.c). Runs on any thread:
 * GMime is initialised once; each thread keeps its parser, parser options
 * and charset converters (mail_thread), everything else is per call.
 *
 * GMime is loaded (dlopen) by the first message decoded, not linked: it
 * brings GLib, GObject, GIO and eleven more libraries, whose loading and
 * relocations cost every start-up 5.0 M instructions, and most runs read
 * no e-mail. Every GMime and GLib function this file calls is listed in
 * GMIME_FUNCS and called through GM(); the type checks through is_a(). */
#include "mail.h"

#include <dlfcn.h>
#include <errno.h>
#include <gmime/gmime.h>
#include <iconv.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "quote.h"

/* Deeper MIME trees are not walked. GMime stops nesting at about the same
 * depth; the walk recurses, with a small frame per level. */
#define MAX_DEPTH 1024
/* Attachments listed by name; the rest are counted. */
#define MAX_LISTED 100

typedef struct {
	tact_msg *m;
	const reader_opts *o;
	buf body;            /* the UTF-8 text collected so far */
	buf raw;             /* one part's decoded bytes, reused */
	buf utf;             /* one part's text in UTF-8, reused */
	unsigned parser_warn; /* bit per GMimeParserWarning seen */
	size_t parts_unlisted;
	size_t text_parts;
	const char *sender;  /* the From display name (GMime's), or NULL */
	bool deep;           /* a subtree was skipped for depth */
} decoder;

/* Charset converters to UTF-8, a few per thread: iconv_open() goes through
 * the dynamic loader each time, a cost that dominates short messages. */
#define CONVERTERS 32
typedef struct {
	struct {
		char name[48];
		iconv_t cd; /* (iconv_t)-1: the charset is unknown */
	} slot[CONVERTERS];
	unsigned used, next;
} converters;

/* What one thread keeps from message to message: creating a GMime parser
 * costs more than parsing a short message (its 4 kB read buffer goes
 * through malloc each time), and the options are the same for every
 * message. The parser is pointed at each message's stream in turn
 * (g_mime_parser_init_with_stream(), GMime's way to reuse a parser). */
typedef struct {
	converters conv;
	GMimeParser *parser;
	GMimeParserOptions *po;
	GByteArray *lent; /* the last message's array, empty, until the parser lets go of its stream */
	buf body, raw, utf; /* the decoder's buffers, kept unless they grew large */
} mail_thread;

#ifndef GMIME_SONAME
#define GMIME_SONAME "libgmime-3.0.so.0"
#endif

#define GMIME_FUNCS(X) \
	X(g_ascii_strcasecmp) X(g_byte_array_new_take) X(g_byte_array_steal) X(g_byte_array_unref) \
	X(g_free) X(g_mime_charset_iconv_name) X(g_mime_content_disposition_is_attachment) \
	X(g_mime_content_encoding_to_string) X(g_mime_content_type_get_mime_type) \
	X(g_mime_content_type_is_type) X(g_mime_data_wrapper_get_encoding) \
	X(g_mime_data_wrapper_get_stream) X(g_mime_encoding_flush) X(g_mime_encoding_init_decode) \
	X(g_mime_encoding_outlen) X(g_mime_encoding_step) X(g_mime_header_list_get_count) X(g_mime_init) \
	X(g_mime_message_get_from) X(g_mime_message_get_message_id) X(g_mime_message_get_mime_part) \
	X(g_mime_message_get_sender) X(g_mime_message_get_subject) X(g_mime_message_part_get_message) \
	X(g_mime_message_part_get_type) X(g_mime_multipart_encrypted_get_type) \
	X(g_mime_multipart_get_count) X(g_mime_multipart_get_part) X(g_mime_multipart_get_type) \
	X(g_mime_object_get_content_disposition) X(g_mime_object_get_content_disposition_parameter) \
	X(g_mime_object_get_content_type) X(g_mime_object_get_content_type_parameter) \
	X(g_mime_object_get_header) X(g_mime_object_get_header_list) X(g_mime_object_write_to_stream) \
	X(g_mime_parser_construct_message) X(g_mime_parser_init_with_stream) \
	X(g_mime_parser_new_with_stream) X(g_mime_parser_options_free) X(g_mime_parser_options_new) \
	X(g_mime_parser_options_set_address_compliance_mode) \
	X(g_mime_parser_options_set_allow_addresses_without_domain) \
	X(g_mime_parser_options_set_fallback_charsets) \
	X(g_mime_parser_options_set_parameter_compliance_mode) \
	X(g_mime_parser_options_set_rfc2047_compliance_mode) X(g_mime_parser_options_set_warning_callback) \
	X(g_mime_parser_set_format) X(g_mime_parser_set_respect_content_length) X(g_mime_part_get_content) \
	X(g_mime_part_get_content_encoding) X(g_mime_part_get_filename) X(g_mime_part_get_type) \
	X(g_mime_references_free) X(g_mime_references_get_message_id) X(g_mime_references_length) \
	X(g_mime_references_parse) X(g_mime_stream_mem_new_with_buffer) \
	X(g_mime_stream_mem_new_with_byte_array) X(g_mime_stream_mem_set_owner) X(g_mime_stream_null_new) \
	X(g_mime_stream_read) X(g_mime_stream_reset) X(g_mime_utils_header_decode_text) X(g_object_unref) \
	X(g_type_check_instance_is_a) X(internet_address_get_name) X(internet_address_group_get_members) \
	X(internet_address_group_get_type) X(internet_address_list_get_address) \
	X(internet_address_list_length) X(internet_address_mailbox_get_addr) \
	X(internet_address_mailbox_get_type)

static struct {
#define FIELD(f) __typeof__(f) *f;
	GMIME_FUNCS(FIELD)
#undef FIELD
} gm;
#define GM(f) (gm.f)

static char *gmime_error; /* why GMime could not be loaded, or NULL */
static pthread_once_t gmime_once = PTHREAD_ONCE_INIT;
static pthread_key_t thread_key;

/* Whether the GObject @p obj is a @p type (GMime's GMIME_IS_ macros). */
static bool is_a(const void *obj, GType (*type)(void))
{
	return obj && GM(g_type_check_instance_is_a)((GTypeInstance *)obj, type());
}

/* dlsym() on the handle finds GLib's functions too: GMime's dependencies. */
static bool gmime_load(void)
{
	void *lib = dlopen(GMIME_SONAME, RTLD_NOW | RTLD_LOCAL);
	bool ok = lib;
#define LOAD(f) ok = ok && dl_sym(lib, #f, &gm.f, sizeof gm.f);
	GMIME_FUNCS(LOAD)
#undef LOAD
	if (!ok) {
		const char *e = dlerror();
		gmime_error = xasprintf("cannot load GMime: %s", e ? e : "a function is missing");
	}
	return ok;
}

static void mail_thread_free(void *p)
{
	mail_thread *t = p;
	for (unsigned i = 0; i < t->conv.used; i++)
		if (t->conv.slot[i].cd != (iconv_t)-1)
			iconv_close(t->conv.slot[i].cd);
	if (t->parser)
		GM(g_object_unref)(t->parser);
	if (t->lent)
		GM(g_byte_array_unref)(t->lent);
	if (t->po)
		GM(g_mime_parser_options_free)(t->po);
	buf_free(&t->body);
	buf_free(&t->raw);
	buf_free(&t->utf);
	free(t);
}

/* g_mime_init() starts gpgme, which sets SIGPIPE to be ignored for its
 * pipes to gpg. We never use crypto, and a filter whose reader went away
 * (`tact inbox.mbox | head -1`) must end by SIGPIPE, not with a write
 * error; a program linking libtact keeps its own disposition too. */
static void gmime_setup(void)
{
	if (!gmime_load())
		return;
	struct sigaction pipe_was;
	sigaction(SIGPIPE, NULL, &pipe_was);
	GM(g_mime_init)();
	sigaction(SIGPIPE, &pipe_was, NULL);
	pthread_key_create(&thread_key, mail_thread_free);
}

static mail_thread *this_thread(void)
{
	mail_thread *t = pthread_getspecific(thread_key);
	if (t)
		return t;
	t = xcalloc(1, sizeof *t);
	t->po = GM(g_mime_parser_options_new)();
	static const char *fallback[] = {"UTF-8", "windows-1252", NULL};
	GM(g_mime_parser_options_set_fallback_charsets)(t->po, fallback);
	GM(g_mime_parser_options_set_rfc2047_compliance_mode)(t->po, GMIME_RFC_COMPLIANCE_LOOSE);
	GM(g_mime_parser_options_set_address_compliance_mode)(t->po, GMIME_RFC_COMPLIANCE_LOOSE);
	GM(g_mime_parser_options_set_parameter_compliance_mode)(t->po, GMIME_RFC_COMPLIANCE_LOOSE);
	GM(g_mime_parser_options_set_allow_addresses_without_domain)(t->po, TRUE);
	pthread_setspecific(thread_key, t);
	return t;
}

/* This thread's converter from charset name to UTF-8, reset to its
 * initial state; (iconv_t)-1 when iconv does not know the name. Owned by
 * the cache: do not close it. */
static iconv_t converter(const char *name)
{
	converters *c = &this_thread()->conv;
	for (unsigned i = 0; i < c->used; i++)
		if (ascii_strieq(c->slot[i].name, name)) {
			if (c->slot[i].cd != (iconv_t)-1)
				iconv(c->slot[i].cd, NULL, NULL, NULL, NULL);
			return c->slot[i].cd;
		}
	if (strlen(name) >= sizeof c->slot[0].name)
		return (iconv_t)-1; /* a charset name that long is made up */
	iconv_t cd = iconv_open("UTF-8", name);
	unsigned k = c->used < CONVERTERS ? c->used++ : c->next++ % CONVERTERS;
	if (k < c->used && c->slot[k].name[0] && c->slot[k].cd != (iconv_t)-1)
		iconv_close(c->slot[k].cd);
	snprintf(c->slot[k].name, sizeof c->slot[k].name, "%s", name);
	c->slot[k].cd = cd;
	return cd;
}

static void on_parser_warning(gint64 offset, GMimeParserWarning code, const gchar *item, gpointer user)
{
	(void)offset;
	(void)item;
	decoder *d = user;
	if (code < 32)
		d->parser_warn |= 1u << code;
}

/* Parser warnings worth telling the user: the message may not have been
 * read as its author meant. Duplicated headers, bare 8-bit headers and the
 * like are everyday mail and stay silent. */
static void report_parser_warnings(decoder *d)
{
	static const struct {
		GMimeParserWarning code;
		const char *text;
	} warns[] = {
		{GMIME_WARN_TRUNCATED_MESSAGE, "the message is truncated"},
		{GMIME_WARN_MALFORMED_MULTIPART, "a multipart has no parts"},
		{GMIME_WARN_MALFORMED_MESSAGE, "the message is malformed"},
		{GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY, "a multipart has no boundary"},
		{GMIME_CRIT_NESTING_OVERFLOW, "MIME nesting too deep: inner parts ignored"},
		{GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT, "a MIME part has neither headers nor content"},
		{GMIME_CRIT_INVALID_HEADER_NAME, "invalid header name: part of the message may be skipped"},
	};
	for (size_t i = 0; i < ARRAY_LEN(warns); i++)
		if (d->parser_warn & (1u << warns[i].code))
			tact_msg_add_warning(d->m, "MIME: %s", warns[i].text);
}

/* ---- charsets ------------------------------------------------------- */

/* Labels whose real-world use is a superset: the WHATWG Encoding Standard
 * decodes them so, and mail clients write the superset's characters under
 * the narrower label. Keys are GMime's iconv names, lower case. */
static const char *superset(const char *cs)
{
	static const struct {
		const char *from, *to;
	} map[] = {
		{"us-ascii", "WINDOWS-1252"},  {"ascii", "WINDOWS-1252"},
		{"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
		{"iso-8859-9", "WINDOWS-1254"}, {"iso-8859-11", "CP874"},
		{"tis-620", "CP874"},          {"gb2312", "GB18030"},
		{"gbk", "GB18030"},            {"euc-cn", "GB18030"},
		{"x-gbk", "GB18030"},          {"shift_jis", "CP932"},
		{"shift-jis", "CP932"},        {"sjis", "CP932"},
		{"x-sjis", "CP932"},           {"windows-31j", "CP932"},
		{"ks_c_5601-1987", "CP949"},   {"euc-kr", "CP949"},
		{"ks_c_5601", "CP949"},        {"ksc5601", "CP949"},
		{"big5", "BIG5-HKSCS"},        {"x-unknown", NULL},
	};
	for (size_t i = 0; i < ARRAY_LEN(map); i++)
		if (ascii_strieq(cs, map[i].from))
			return map[i].to;
	return cs;
}

/* Charsets in which ASCII bytes mean ASCII characters, so pure-ASCII input
 * can be copied as it is. */
static bool ascii_compatible(const char *cs)
{
	static const char *const not[] = {"utf-7", "utf7", "iso-2022", "utf-16", "utf-32", "ucs", "hz",
					  "unicode-1-1-utf-7", "csiso2022"};
	for (size_t i = 0; i < ARRAY_LEN(not); i++)
		if (ascii_prefix_ci(cs, strlen(cs), not[i]))
			return false;
	return true;
}

static bool is_utf8_name(const char *cs)
{
	return ascii_strieq(cs, "utf-8") || ascii_strieq(cs, "utf8") || ascii_strieq(cs, "unicode-1-1-utf-8");
}

static bool all_ascii(const char *p, size_t n)
{
	size_t i = 0;
	for (uint64_t w; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ULL)
			return false;
	}
	for (; i < n; i++)
		if ((unsigned char)p[i] >= 0x80)
			return false;
	return true;
}

/* Append p[0..n) converted by cd to out; each byte sequence iconv cannot
 * convert becomes U+FFFD. Returns the number of replacements. */
static size_t iconv_into(iconv_t cd, buf *out, const char *p, size_t n)
{
	size_t bad = 0;
	char *in = (char *)p;
	size_t inleft = n;
	iconv(cd, NULL, NULL, NULL, NULL);
	while (inleft) {
		buf_reserve(out, inleft * 2 + 64);
		char *o = out->ptr + out->len;
		size_t oleft = out->cap - out->len - 1;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		out->len = (size_t)(o - out->ptr);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ: skip one byte; EINVAL: the input ends mid-sequence */
		buf_add(out, "\xEF\xBF\xBD", 3);
		bad++;
		if (errno == EINVAL)
			break;
		in++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* flush a stateful encoding's pending shift */
	buf_reserve(out, 16);
	char *o = out->ptr + out->len;
	size_t oleft = out->cap - out->len - 1;
	iconv(cd, NULL, NULL, &o, &oleft);
	out->len = (size_t)(o - out->ptr);
	out->ptr[out->len] = '\0';
	return bad;
}

/* Append n bytes in charset cs (NULL when undeclared) to out as UTF-8,
 * warning about unknown charsets and undecodable bytes. */
static void to_utf8(decoder *d, buf *out, const char *cs, const char *p, size_t n)
{
	if (cs && !*cs)
		cs = NULL;
	if ((!cs || ascii_compatible(cs)) && all_ascii(p, n)) {
		buf_add(out, p, n);
		return;
	}
	if (!cs || is_utf8_name(cs)) {
		size_t v = utf8_valid_prefix(p, n);
		if (v == n) {
			buf_add(out, p, n);
			return;
		}
		if (cs) {
			size_t bad = utf8_sanitize_into(out, p, n);
			tact_msg_add_warning(d->m, "charset utf-8: %zu invalid sequence%s replaced by U+FFFD", bad,
					     bad == 1 ? "" : "s");
			return;
		}
		cs = "windows-1252"; /* undeclared 8-bit text: the usual Western default */
	}
	const char *name = superset(GM(g_mime_charset_iconv_name)(cs));
	iconv_t cd = name ? converter(name) : (iconv_t)-1;
	if (cd == (iconv_t)-1 && name)
		cd = converter(cs);
	if (cd == (iconv_t)-1) {
		/* Unknown charset: UTF-8 when it is valid, else windows-1252,
		 * which has a character for almost every byte. */
		if (utf8_valid_prefix(p, n) == n) {
			tact_msg_add_warning(d->m, "unknown charset '%s': read as UTF-8", cs);
			buf_add(out, p, n);
			return;
		}
		tact_msg_add_warning(d->m, "unknown charset '%s': read as windows-1252", cs);
		cd = converter("WINDOWS-1252");
		if (cd == (iconv_t)-1) {
			utf8_sanitize_into(out, p, n);
			return;
		}
	}
	size_t bad = iconv_into(cd, out, p, n);
	if (bad)
		tact_msg_add_warning(d->m, "charset %s: %zu undecodable sequence%s replaced by U+FFFD", cs, bad,
				     bad == 1 ? "" : "s");
}

/* ---- parts ---------------------------------------------------------- */

/* Undo the transfer encoding of a leaf part into out (when not NULL);
 * returns the decoded size. Sets *truncated when base64 or uuencoded
 * content stops in the middle of a group. */
static size_t part_bytes(GMimePart *part, buf *out, bool *truncated)
{
	*truncated = false;
	GMimeDataWrapper *dw = GM(g_mime_part_get_content)(part);
	if (!dw)
		return 0;
	GMimeStream *s = GM(g_mime_data_wrapper_get_stream)(dw);
	if (!s)
		return 0;
	GMimeContentEncoding enc = GM(g_mime_data_wrapper_get_encoding)(dw);
	bool decode = enc == GMIME_CONTENT_ENCODING_BASE64 || enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
		      enc == GMIME_CONTENT_ENCODING_UUENCODE;
	GMimeEncoding state;
	if (decode)
		GM(g_mime_encoding_init_decode)(&state, enc);
	char in[16384];
	char scratch[sizeof in + 64];
	size_t total = 0;
	ssize_t n;
	GM(g_mime_stream_reset)(s);
	while ((n = GM(g_mime_stream_read)(s, in, sizeof in)) > 0) {
		if (!decode) {
			if (out)
				buf_add(out, in, (size_t)n);
			total += (size_t)n;
			continue;
		}
		char *dst = scratch;
		if (out) {
			buf_reserve(out, GM(g_mime_encoding_outlen)(&state, (size_t)n));
			dst = out->ptr + out->len;
		}
		size_t k = GM(g_mime_encoding_step)(&state, in, (size_t)n, dst);
		if (out) {
			out->len += k;
			out->ptr[out->len] = '\0';
		}
		total += k;
	}
	if (decode) {
		char *dst = scratch;
		if (out) {
			buf_reserve(out, 64);
			dst = out->ptr + out->len;
		}
		size_t k = GM(g_mime_encoding_flush)(&state, "", 0, dst);
		if (out) {
			out->len += k;
			out->ptr[out->len] = '\0';
		}
		total += k;
		if (enc == GMIME_CONTENT_ENCODING_BASE64 && state.state > 0) {
			/* unpadded or cut: keep the whole bytes of the partial
			 * group (GMime drops them) */
			char tail[2];
			size_t k2 = 0;
			if (state.state == 2) {
				tail[k2++] = (char)(state.save >> 4);
			} else if (state.state == 3) {
				tail[k2++] = (char)(state.save >> 10);
				tail[k2++] = (char)(state.save >> 2);
			}
			if (out)
				buf_add(out, tail, k2);
			total += k2;
			*truncated = true;
		}
		if (enc == GMIME_CONTENT_ENCODING_UUENCODE && !(state.state & GMIME_UUDECODE_STATE_END))
			*truncated = true;
	}
	GM(g_mime_stream_reset)(s);
	return total;
}

static void list_attachment(decoder *d, GMimeObject *obj, const char *name, size_t size)
{
	tact_msg *m = d->m;
	if (m->nattachments >= MAX_LISTED) {
		d->parts_unlisted++;
		return;
	}
	GMimeContentType *ct = GM(g_mime_object_get_content_type)(obj);
	char *type = ct ? GM(g_mime_content_type_get_mime_type)(ct) : NULL;
	buf b = {0};
	utf8_sanitize_into(&b, name && *name ? name : "unnamed", strlen(name && *name ? name : "unnamed"));
	buf_printf(&b, " (%s, %zu bytes)", type ? type : "application/octet-stream", size);
	GM(g_free)(type);
	VEC_RESERVE(m->attachments, m->capattachments, m->nattachments + 1);
	m->attachments[m->nattachments++] = buf_steal(&b);
}

/* A charset named in an HTML document's <meta>, for parts without one. */
static char *html_meta_charset(const char *p, size_t n)
{
	n = MIN(n, 2048);
	for (size_t i = 0; i + 8 < n; i++) {
		if (!ascii_prefix_ci(p + i, n - i, "charset="))
			continue;
		size_t j = i + 8;
		while (j < n && (p[j] == '"' || p[j] == '\'' || p[j] == ' '))
			j++;
		size_t k = j;
		while (k < n && (ascii_alnum((unsigned char)p[k]) || p[k] == '-' || p[k] == '_' || p[k] == ':' ||
				 p[k] == '.'))
			k++;
		if (k > j && k - j < 40)
			return xstrndup(p + j, k - j);
		return NULL;
	}
	return NULL;
}

/* Separate the text of consecutive body parts by a blank line. */
static void part_break(buf *b)
{
	if (!b->len)
		return;
	if (b->ptr[b->len - 1] != '\n')
		buf_addc(b, '\n');
	buf_addc(b, '\n');
}

static bool blank_text(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_space((unsigned char)p[i]))
			return false;
	return true;
}

/* Decode a text part (plain, or HTML when html) and add it to the body. */
static void add_text_part(decoder *d, GMimePart *part, bool html)
{
	bool truncated;
	buf_clear(&d->raw);
	part_bytes(part, &d->raw, &truncated);
	if (truncated)
		tact_msg_add_warning(d->m, "%s content ends in the middle of a group (truncated?)",
				     GM(g_mime_content_encoding_to_string)(GM(g_mime_part_get_content_encoding)(part)));
	const char *cs = GM(g_mime_object_get_content_type_parameter)((GMimeObject *)part, "charset");
	char *meta = NULL;
	if (html && (!cs || !*cs))
		cs = meta = html_meta_charset(d->raw.ptr ? d->raw.ptr : "", d->raw.len);
	buf *utf = &d->utf;
	buf_clear(utf);
	to_utf8(d, utf, cs, d->raw.ptr ? d->raw.ptr : "", d->raw.len);
	free(meta);
	d->text_parts++;
	if (blank_text(utf->ptr ? utf->ptr : "", utf->len))
		return;
	part_break(&d->body);
	if (html)
		html_to_text(&d->body, utf->ptr, utf->len);
	else
		buf_add(&d->body, utf->ptr, utf->len);
}

static bool is_type(GMimeObject *obj, const char *type, const char *subtype)
{
	GMimeContentType *ct = GM(g_mime_object_get_content_type)(obj);
	return ct && GM(g_mime_content_type_is_type)(ct, type, subtype);
}

/* Is this leaf part body text (as opposed to an attachment)? The JMAP
 * rule (RFC 8621, 4.1.4): text/plain or text/html, not disposed as an
 * attachment, and, when it has a file name, the first part of its
 * multipart. Other text types (calendars, vCards, enriched text, header
 * dumps) are attachments. Sets *html. */
static bool body_part(GMimeObject *obj, bool first, bool *html)
{
	*html = is_type(obj, "text", "html");
	if (!*html && !is_type(obj, "text", "plain"))
		return false;
	GMimeContentDisposition *disp = GM(g_mime_object_get_content_disposition)(obj);
	if (disp && GM(g_mime_content_disposition_is_attachment)(disp))
		return false;
	return first || !GM(g_mime_part_get_filename)((GMimePart *)obj);
}

/* Does this subtree hold non-blank text of the wanted kind? Used to choose
 * among the parts of a multipart/alternative. */
static bool has_text(decoder *d, GMimeObject *obj, bool first, bool want_html, int depth)
{
	if (depth > MAX_DEPTH)
		return false;
	if (is_a(obj, GM(g_mime_multipart_get_type))) {
		GMimeMultipart *mp = (GMimeMultipart *)obj;
		int n = GM(g_mime_multipart_get_count)(mp);
		if (is_type(obj, "multipart", "related"))
			n = MIN(n, 1);
		for (int i = 0; i < n; i++)
			if (has_text(d, GM(g_mime_multipart_get_part)(mp, i), i == 0, want_html, depth + 1))
				return true;
		return false;
	}
	bool html;
	if (!is_a(obj, GM(g_mime_part_get_type)) || !body_part(obj, first, &html) || html != want_html)
		return false;
	bool truncated;
	buf_clear(&d->raw);
	part_bytes((GMimePart *)obj, &d->raw, &truncated);
	return !blank_text(d->raw.ptr ? d->raw.ptr : "", d->raw.len);
}

static void walk(decoder *d, GMimeObject *obj, int depth, bool first, bool attach);

/* multipart/alternative: the plain-text version when there is one with
 * text in it, else the HTML one, else the last part. The others are the
 * same message in another form, not attachments. */
static void walk_alternative(decoder *d, GMimeMultipart *mp, int depth)
{
	int n = GM(g_mime_multipart_get_count)(mp);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++) {
			GMimeObject *c = GM(g_mime_multipart_get_part)(mp, i);
			if (has_text(d, c, true, pass == 1, depth + 1)) {
				walk(d, c, depth + 1, true, false);
				return;
			}
		}
	if (n)
		walk(d, GM(g_mime_multipart_get_part)(mp, n - 1), depth + 1, true, false);
}

/* Add obj's body text and list its attachments. first: obj is the first
 * part of its multipart; attach: everything below is an attachment (the
 * resources of a multipart/related). */
static void walk(decoder *d, GMimeObject *obj, int depth, bool first, bool attach)
{
	if (!obj)
		return;
	if (depth > MAX_DEPTH) {
		d->deep = true;
		return;
	}
	if (is_a(obj, GM(g_mime_multipart_encrypted_get_type))) {
		list_attachment(d, obj, "encrypted", 0);
		return;
	}
	if (is_a(obj, GM(g_mime_multipart_get_type))) {
		GMimeMultipart *mp = (GMimeMultipart *)obj;
		if (!attach && is_type(obj, "multipart", "alternative")) {
			walk_alternative(d, mp, depth);
			return;
		}
		bool related = is_type(obj, "multipart", "related");
		for (int i = 0; i < GM(g_mime_multipart_get_count)(mp); i++)
			walk(d, GM(g_mime_multipart_get_part)(mp, i), depth + 1, i == 0, attach || (related && i > 0));
		return;
	}
	if (is_a(obj, GM(g_mime_message_part_get_type))) {
		/* a forwarded or bounced message: listed, not read */
		GMimeMessage *inner = GM(g_mime_message_part_get_message)((GMimeMessagePart *)obj);
		const char *name = GM(g_mime_object_get_content_disposition_parameter)(obj, "filename");
		if (!name && inner)
			name = GM(g_mime_message_get_subject)(inner);
		GMimeStream *null = GM(g_mime_stream_null_new)();
		if (inner)
			GM(g_mime_object_write_to_stream)((GMimeObject *)inner, NULL, null);
		list_attachment(d, obj, name, ((GMimeStreamNull *)null)->written);
		GM(g_object_unref)(null);
		return;
	}
	if (!is_a(obj, GM(g_mime_part_get_type))) {
		list_attachment(d, obj, NULL, 0);
		return;
	}
	GMimePart *part = (GMimePart *)obj;
	bool html;
	if (!attach && body_part(obj, first, &html)) {
		add_text_part(d, part, html);
		return;
	}
	bool truncated;
	size_t size = part_bytes(part, NULL, &truncated);
	list_attachment(d, obj, GM(g_mime_part_get_filename)(part), size);
}

/* ---- header fields -------------------------------------------------- */

static void set_field(tact_msg *m, tact_field f, const char *s)
{
	if (!s)
		return;
	while (ascii_space((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && ascii_space((unsigned char)s[n - 1]))
		n--;
	if (n)
		tact_msg_set_field(m, f, s, n);
}

/* An address header as written, encoded words decoded ("José <j@x>").
 * Cheaper than formatting GMime's parsed list, which converts every
 * domain to IDN. */
static void set_address_field(tact_msg *m, tact_field f, GMimeMessage *msg, const char *name,
			      GMimeParserOptions *po)
{
	const char *v = GM(g_mime_object_get_header)((GMimeObject *)msg, name);
	if (!v)
		return;
	char *s = GM(g_mime_utils_header_decode_text)(po, v);
	set_field(m, f, s);
	GM(g_free)(s);
}

/* The first mailbox in list (inside a group too). */
static InternetAddress *first_mailbox(InternetAddressList *list)
{
	if (!list)
		return NULL;
	for (int i = 0; i < GM(internet_address_list_length)(list); i++) {
		InternetAddress *ia = GM(internet_address_list_get_address)(list, i);
		if (is_a(ia, GM(internet_address_mailbox_get_type)))
			return ia;
		if (is_a(ia, GM(internet_address_group_get_type))) {
			InternetAddress *a = first_mailbox(GM(internet_address_group_get_members)((InternetAddressGroup *)ia));
			if (a)
				return a;
		}
	}
	return NULL;
}

/* Strip "Name <addr>" and surrounding blanks from a configured address. */
static void bare_address(const char *s, const char **p, size_t *n)
{
	const char *lt = strrchr(s, '<');
	if (lt) {
		const char *gt = strchr(lt, '>');
		*p = lt + 1;
		*n = gt ? (size_t)(gt - lt - 1) : strlen(lt + 1);
		return;
	}
	while (ascii_space((unsigned char)*s))
		s++;
	size_t l = strlen(s);
	while (l && ascii_space((unsigned char)s[l - 1]))
		l--;
	*p = s;
	*n = l;
}

tact_role mail_sender_role(const reader_opts *o, const char *addr)
{
	if (!addr || !*addr)
		return TACT_ROLE_CUSTOMER;
	size_t alen = strlen(addr);
	for (size_t i = 0; i < o->nagent_addresses; i++) {
		const char *p;
		size_t n;
		bare_address(o->agent_addresses[i], &p, &n);
		if (n == alen && ascii_memieq(addr, p, n))
			return TACT_ROLE_AGENT;
	}
	const char *at = strrchr(addr, '@');
	if (!at)
		return TACT_ROLE_CUSTOMER;
	const char *dom = at + 1;
	size_t dlen = strlen(dom);
	for (size_t i = 0; i < o->nagent_domains; i++) {
		const char *p = o->agent_domains[i];
		while (*p == '@' || *p == '.' || ascii_space((unsigned char)*p))
			p++;
		size_t n = strlen(p);
		while (n && ascii_space((unsigned char)p[n - 1]))
			n--;
		if (!n)
			continue;
		/* the domain itself or a subdomain of it */
		if (dlen == n && ascii_memieq(dom, p, n))
			return TACT_ROLE_AGENT;
		if (dlen > n && dom[dlen - n - 1] == '.' && ascii_memieq(dom + dlen - n, p, n))
			return TACT_ROLE_AGENT;
	}
	return TACT_ROLE_CUSTOMER;
}

/* thread = the root of the References chain, else the parent, else the
 * message itself: every message of a conversation shares its root. */
static void set_thread(tact_msg *m, GMimeMessage *msg, GMimeParserOptions *po)
{
	static const char *const hdrs[] = {"References", "In-Reply-To"};
	for (size_t i = 0; i < ARRAY_LEN(hdrs); i++) {
		const char *v = GM(g_mime_object_get_header)((GMimeObject *)msg, hdrs[i]);
		if (!v)
			continue;
		GMimeReferences *r = GM(g_mime_references_parse)(po, v);
		bool found = r && GM(g_mime_references_length)(r) > 0;
		if (found)
			set_field(m, TACT_FIELD_THREAD, GM(g_mime_references_get_message_id)(r, 0));
		if (r)
			GM(g_mime_references_free)(r);
		if (found)
			return;
	}
	set_field(m, TACT_FIELD_THREAD, GM(g_mime_message_get_message_id)(msg));
}

/* Headers GMime found at all; a message without any is not e-mail. */
static int header_count(GMimeObject *obj)
{
	GMimeHeaderList *h = obj ? GM(g_mime_object_get_header_list)(obj) : NULL;
	return h ? GM(g_mime_header_list_get_count)(h) : 0;
}

/* Mostly not text: more than one byte in ten is a control character or
 * part of an invalid UTF-8 sequence (in the first 64 kB). */
static bool binary(const char *p, size_t n)
{
	n = MIN(n, 65536);
	size_t bad = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)p[i];
		if (c < 0x80) {
			bad += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
			i++;
			continue;
		}
		int32_t cp;
		int k = utf8_decode((const unsigned char *)p + i, n - i, &cp);
		bad += cp < 0 ? (size_t)k : 0;
		i += (size_t)k;
	}
	return bad * 10 > n;
}

/* CRLF line ends to LF, in place: the text's line structure is the same
 * and every later stage sees one convention. */
static void unix_newlines(buf *b)
{
	char *p = b->ptr;
	if (!p || !memchr(p, '\r', b->len))
		return;
	size_t j = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (p[i] == '\r' && i + 1 < b->len && p[i + 1] == '\n')
			continue;
		p[j++] = p[i];
	}
	b->len = j;
	p[j] = '\0';
}

/* The raw message as a GMime stream. GMime reads the message's own buffer
 * where it can (no copy of a 16 MB message); give it back with
 * close_stream() once the parse tree is gone. */
typedef struct {
	GMimeStream *s;
	GByteArray *ba; /* msg->raw's bytes, lent to GMime */
	size_t cap;
} raw_stream;

static void open_stream(raw_stream *rs, tact_msg *m, size_t skip)
{
	*rs = (raw_stream){0};
	if (skip || !m->raw.ptr || !m->raw.len) {
		rs->s = GM(g_mime_stream_mem_new_with_buffer)(m->raw.ptr ? m->raw.ptr + skip : "", m->raw.len - skip);
		return;
	}
	/* glib allocates with malloc() (2.46 and later), so the buffer can
	 * pass to a GByteArray and back */
	rs->cap = m->raw.cap;
	rs->ba = GM(g_byte_array_new_take)((guint8 *)m->raw.ptr, m->raw.len);
	m->raw = (buf){0};
	rs->s = GM(g_mime_stream_mem_new_with_byte_array)(rs->ba);
	GM(g_mime_stream_mem_set_owner)((GMimeStreamMem *)rs->s, FALSE);
}

/* Take the bytes back. The thread's parser still holds the stream (until
 * it is given the next one), so the emptied array it points to is kept
 * alive as long. */
static void close_stream(raw_stream *rs, tact_msg *m, mail_thread *t)
{
	GM(g_object_unref)(rs->s);
	if (!rs->ba)
		return;
	gsize len;
	guint8 *data = GM(g_byte_array_steal)(rs->ba, &len);
	t->lent = rs->ba;
	buf_free(&m->raw);
	m->raw = (buf){(char *)data, len, rs->cap};
}

/* Header fields of the message's own header block that decode_message()
 * reads, directly or through GMime's message object: the rest (Received,
 * DKIM-Signature, List-*, X-*: two thirds of the header bytes of real mail)
 * would cost GMime a header object each, and, with a warning callback set,
 * an RFC 2047 decode each, for nothing. */
static bool field_read(const char *p, size_t n)
{
#define NAME(s) {s, sizeof s - 1}
	static const struct {
		const char *s;
		size_t n;
	} names[] = {NAME("from"),       NAME("sender"),     NAME("to"),
		     NAME("subject"),    NAME("date"),       NAME("message-id"),
		     NAME("references"), NAME("in-reply-to"), NAME("mime-version")};
#undef NAME
	if (n > 8 && ascii_memieq(p, "content-", 8))
		return true;
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (names[i].n == n && ascii_memieq(p, names[i].s, n))
			return true;
	return false;
}

/* The length of a header field name at the start of p[0..n) when the line
 * is a well-formed field ("Name:", printable ASCII other than ':' in the
 * name), else 0. GMime reads every such line as a field. */
static size_t field_name(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && p[i] > ' ' && p[i] < 0x7F && p[i] != ':')
		i++;
	return i && i < n && p[i] == ':' ? i : 0;
}

/* Open a converter for each charset named by an encoded word ("=?cs?")
 * in the header block at p[0..n): GMime decodes those words with an
 * iconv of its own that it closes again, and glibc unloads a charset's
 * module when no converter holds it, to load it again for the next mail
 * (real.mbox: ISO-8859-1 248 times). The thread's converters hold them. */
static void hold_header_charsets(const char *p, size_t n)
{
	const char *end = p + n;
	for (const char *q = p; (q = memmem(q, (size_t)(end - q), "=?", 2)) != NULL;) {
		q += 2;
		size_t k = 0;
		char cs[48];
		while (q + k < end && k + 1 < sizeof cs && (ascii_alnum((unsigned char)q[k]) || strchr("-_:.", q[k])) &&
		       q[k])
			k++;
		if (!k || q + k >= end || (q[k] != '?' && q[k] != '*'))
			continue;
		memcpy(cs, q, k);
		cs[k] = '\0';
		const char *name = GM(g_mime_charset_iconv_name)(cs);
		if (name && !is_utf8_name(name) && GM(g_ascii_strcasecmp)(name, "us-ascii"))
			converter(name);
	}
}

/* Drop the header fields nobody reads from the top-level header block of
 * p[0..n), in place; returns the new length, and in *hdr the length of the
 * header block left (0 when it was left as it was). Conservative, so that GMime
 * sees the same message otherwise (the same fields read, the same
 * warnings): the block's first line must be a well-formed field, which is
 * kept, and the block must end with an empty line; a field goes with its
 * folded continuation lines, and any line that is not a well-formed field
 * or a continuation stays. */
static size_t drop_unread_fields(char *p, size_t n, size_t *hdr)
{
	*hdr = 0;
	size_t first = field_name(p, n);
	if (!first)
		return n;
	/* find the end of the block: an empty line ("\n" or "\r\n") */
	size_t end = 0;
	for (size_t i = 0; i < n;) {
		if (p[i] == '\n' || (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')) {
			end = i;
			break;
		}
		const char *nl = memchr(p + i, '\n', n - i);
		if (!nl)
			return n; /* the block runs to the end: leave it */
		i = (size_t)(nl - p) + 1;
	}
	if (!end)
		return n;
	size_t out = 0;
	bool drop = false;
	for (size_t i = 0; i < end;) {
		const char *nl = memchr(p + i, '\n', end - i);
		size_t len = (size_t)(nl - (p + i)) + 1; /* the block ends with '\n' */
		if (p[i] == ' ' || p[i] == '\t') {
			/* a continuation goes with its field */
		} else {
			size_t k = i ? field_name(p + i, len) : first;
			drop = k && i && !field_read(p + i, k);
		}
		if (!drop) {
			if (out != i)
				memmove(p + out, p + i, len);
			out += len;
		}
		i += len;
	}
	*hdr = out;
	if (out == end)
		return n;
	memmove(p + out, p + end, n - end);
	return out + (n - end);
}

/* A record without any header field: the whole of it is body text
 * (mime4j reads it so too), unless it is empty or binary. */
static void headerless(decoder *d, const char *p, size_t n)
{
	tact_msg *m = d->m;
	if (!m->role_forced)
		m->role = TACT_ROLE_CUSTOMER;
	if (!n) {
		tact_msg_set_error(m, "empty message");
		return;
	}
	if (binary(p, n)) {
		tact_msg_set_error(m, "not an e-mail message: no header fields, binary content");
		return;
	}
	tact_msg_add_warning(m, "no header fields: the whole message is read as text");
	to_utf8(d, &d->body, NULL, p, n);
	unix_newlines(&d->body);
	msg_set_text_sanitized(m, d->body.ptr ? d->body.ptr : "", d->body.len);
	quote_mark_sender(m, NULL);
}

/* Fields, role and body of a parsed message. */
static void decode_message(decoder *d, GMimeMessage *msg, GMimeParserOptions *po)
{
	tact_msg *m = d->m;
	set_field(m, TACT_FIELD_ID, GM(g_mime_message_get_message_id)(msg));
	set_address_field(m, TACT_FIELD_FROM, msg, "From", po);
	set_address_field(m, TACT_FIELD_TO, msg, "To", po);
	set_field(m, TACT_FIELD_DATE, GM(g_mime_object_get_header)((GMimeObject *)msg, "Date"));
	set_field(m, TACT_FIELD_SUBJECT, GM(g_mime_message_get_subject)(msg));
	set_thread(m, msg, po);
	InternetAddress *ia = first_mailbox(GM(g_mime_message_get_from)(msg));
	if (!ia)
		ia = first_mailbox(GM(g_mime_message_get_sender)(msg));
	d->sender = ia ? GM(internet_address_get_name)(ia) : NULL;
	if (!m->role_forced) {
		const char *addr = ia ? GM(internet_address_mailbox_get_addr)((InternetAddressMailbox *)ia) : NULL;
		m->role = mail_sender_role(d->o, addr);
	}

	walk(d, GM(g_mime_message_get_mime_part)(msg), 0, true, false);
	report_parser_warnings(d);
	if (d->deep)
		tact_msg_add_warning(m, "MIME nesting deeper than %d levels: inner parts ignored", MAX_DEPTH);
	if (d->parts_unlisted)
		tact_msg_add_warning(m, "%zu more attachments not listed", d->parts_unlisted);
	if (blank_text(d->body.ptr ? d->body.ptr : "", d->body.len))
		tact_msg_add_warning(m, d->text_parts ? "the message body is empty"
						      : "no text part: the message has no body to analyse");
	unix_newlines(&d->body);
	msg_set_text_sanitized(m, d->body.ptr ? d->body.ptr : "", d->body.len);
	quote_mark_sender(m, d->sender);
}

/* A buffer to keep for the next message, or an empty one when it grew
 * past 1 MB: memory stays bounded by one large message, not kept after it. */
static buf keep(buf b)
{
	if (b.cap > (1u << 20))
		buf_free(&b);
	return b;
}

void mail_decode(tact_msg *m, const void *ctx)
{
	pthread_once(&gmime_once, gmime_setup);
	if (gmime_error) {
		tact_msg_set_error(m, "%s", gmime_error);
		return;
	}
	mail_thread *t = this_thread();
	decoder d = {.m = m, .o = ctx, .body = t->body, .raw = t->raw, .utf = t->utf};
	buf_clear(&d.body);
	GMimeParserOptions *po = t->po;
	GM(g_mime_parser_options_set_warning_callback)(po, on_parser_warning, &d);

	/* whitespace-only lines before the headers (some exports pad the
	 * file) would end the header block before it starts */
	size_t skip = 0;
	for (size_t i = 0; i < m->raw.len; i++) {
		if (m->raw.ptr[i] == '\n')
			skip = i + 1;
		else if (m->raw.ptr[i] != ' ' && m->raw.ptr[i] != '\t' && m->raw.ptr[i] != '\r')
			break;
	}
	if (m->raw.ptr) {
		size_t hdr;
		m->raw.len = skip + drop_unread_fields(m->raw.ptr + skip, m->raw.len - skip, &hdr);
		m->raw.ptr[m->raw.len] = '\0';
		hold_header_charsets(m->raw.ptr + skip, hdr);
	}
	raw_stream rs;
	open_stream(&rs, m, skip);
	if (!t->parser) {
		t->parser = GM(g_mime_parser_new_with_stream)(rs.s);
		GM(g_mime_parser_set_format)(t->parser, GMIME_FORMAT_MESSAGE);
		GM(g_mime_parser_set_respect_content_length)(t->parser, FALSE);
	} else {
		GM(g_mime_parser_init_with_stream)(t->parser, rs.s);
	}
	if (t->lent) { /* the parser has let go of the last message's stream */
		GM(g_byte_array_unref)(t->lent);
		t->lent = NULL;
	}
	GMimeMessage *msg = GM(g_mime_parser_construct_message)(t->parser, po);

	if (!msg || (!header_count((GMimeObject *)msg) && !header_count(GM(g_mime_message_get_mime_part)(msg)))) {
		if (msg)
			GM(g_object_unref)(msg);
		close_stream(&rs, m, t);
		headerless(&d, m->raw.ptr ? m->raw.ptr + skip : "", m->raw.len - skip);
	} else {
		decode_message(&d, msg, po);
		GM(g_object_unref)(msg);
		close_stream(&rs, m, t);
	}
	t->body = keep(d.body);
	t->raw = keep(d.raw);
	t->utf = keep(d.utf);
	GM(g_mime_parser_options_set_warning_callback)(po, NULL, NULL);
}
