/* html.c: turns an HTML mail body into plain text for analysis, when a
 * message has no text/plain part (mail.c). gumbo parses; a walk over the
 * tree writes text with the document's paragraph and line structure: block
 * elements start lines, <p> and headings start paragraphs, <br> breaks
 * lines, <blockquote> lines are prefixed "> " (so quote.c sees the quote),
 * <hr> becomes a line of underscores as in Outlook's plain text, and head,
 * style and script vanish. Documents too deep or too large for the tree are
 * stripped of their tags instead, in one linear pass. */
#include "mail.h"

#include <gumbo.h>
#include <stdlib.h>

/* Beyond these, gumbo's recursive clean-up and tree memory are a risk; the
 * linear tag stripper takes over. */
#define HTML_MAX_DEPTH 1500
#define HTML_MAX_BYTES (8u << 20)

typedef struct {
	buf *out;
	int pending;    /* newlines owed before the next text (0..3) */
	int depth;      /* blockquote nesting */
	int gap_depth;  /* blockquote nesting of the owed blank lines */
	int pre;        /* inside <pre> */
	bool started;   /* some text was written */
	bool space;     /* a space is owed before the next text */
	bool line_start;
} render;

static void quote_prefix(render *r, int depth, bool blank)
{
	for (int i = 0; i < depth; i++)
		buf_addc(r->out, '>');
	if (depth && !blank)
		buf_addc(r->out, ' ');
}

/* Write owed newlines (with quote markers on the blank lines), then the
 * line's quote prefix. */
static void settle(render *r)
{
	if (!r->started) {
		r->started = true;
		r->pending = 0;
		r->line_start = true;
	}
	for (int i = 0; i < r->pending; i++) {
		buf_addc(r->out, '\n');
		if (i + 1 < r->pending)
			quote_prefix(r, MIN(r->gap_depth, r->depth), true);
		r->line_start = true;
	}
	if (r->pending)
		r->space = false;
	r->pending = 0;
	if (r->line_start) {
		quote_prefix(r, r->depth, false);
		r->line_start = false;
		r->space = false;
	}
}

static void brk(render *r, int n)
{
	if (!r->started || r->pending >= n)
		return;
	if (!r->pending)
		r->gap_depth = r->depth;
	r->pending = n;
}

static void text(render *r, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool nbsp = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
		if (r->pre) {
			if (c == '\r')
				continue;
			if (c == '\n') {
				if (!r->started)
					r->started = true, r->line_start = true;
				else
					r->pending++;
				continue;
			}
			settle(r);
			buf_addc(r->out, (char)c);
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
			r->space = true;
			if (nbsp)
				i++;
			continue;
		}
		bool space = r->space && !r->line_start && !r->pending;
		settle(r);
		if (space)
			buf_addc(r->out, ' ');
		r->space = false;
		buf_addc(r->out, (char)c);
	}
}

static bool skipped(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_HEAD:
	case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_STYLE:
	case GUMBO_TAG_TITLE:
	case GUMBO_TAG_TEMPLATE:
	case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH:
	case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED:
	case GUMBO_TAG_CANVAS:
	case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_VIDEO:
	case GUMBO_TAG_MAP:
	case GUMBO_TAG_SELECT:
		return true;
	default:
		return false;
	}
}

/* Newlines a tag asks for around itself: 2 paragraph, 1 line, 0 inline. */
static int block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P:
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
	case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_DL:
	case GUMBO_TAG_TABLE:
	case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_FIGURE:
		return 2;
	case GUMBO_TAG_DIV:
	case GUMBO_TAG_LI:
	case GUMBO_TAG_TR:
	case GUMBO_TAG_DT:
	case GUMBO_TAG_DD:
	case GUMBO_TAG_SECTION:
	case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_HEADER:
	case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_NAV:
	case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_MAIN:
	case GUMBO_TAG_FORM:
	case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_CENTER:
	case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_BODY:
	case GUMBO_TAG_HTML:
	case GUMBO_TAG_HR:
		return 1;
	default:
		return 0;
	}
}

static void enter(render *r, GumboNode *n)
{
	GumboTag t = n->v.element.tag;
	brk(r, block(t));
	switch (t) {
	case GUMBO_TAG_BR:
		if (r->started && r->pending < 3)
			brk(r, r->pending + 1);
		else if (!r->started)
			r->line_start = true;
		break;
	case GUMBO_TAG_HR:
		settle(r);
		buf_adds(r->out, "________________________________");
		brk(r, 1);
		break;
	case GUMBO_TAG_BLOCKQUOTE:
		r->depth++;
		break;
	case GUMBO_TAG_PRE:
		r->pre++;
		break;
	case GUMBO_TAG_LI:
		settle(r);
		buf_adds(r->out, "- ");
		break;
	case GUMBO_TAG_TD:
	case GUMBO_TAG_TH:
		r->space = true;
		break;
	default:
		break;
	}
}

static void leave(render *r, GumboNode *n)
{
	GumboTag t = n->v.element.tag;
	if (t == GUMBO_TAG_BLOCKQUOTE && r->depth > 0) {
		r->depth--;
		/* the blank line after a quote must not carry its marker */
		brk(r, 1);
		r->gap_depth = MIN(r->gap_depth, r->depth);
	}
	if (t == GUMBO_TAG_PRE && r->pre > 0)
		r->pre--;
	brk(r, block(t));
}

/* Walk the tree without recursion (an explicit stack of positions). */
static void walk(render *r, GumboNode *root)
{
	typedef struct {
		GumboNode *node;
		unsigned next;
	} frame;
	frame *stack = xmalloc(64 * sizeof *stack);
	size_t cap = 64, top = 0;
	stack[top++] = (frame){root, 0};
	while (top) {
		frame *f = &stack[top - 1];
		GumboNode *n = f->node;
		GumboVector *kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
				    : (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
					    ? &n->v.element.children
					    : NULL;
		if (!kids || f->next >= kids->length) {
			if (n->type == GUMBO_NODE_ELEMENT && n != root)
				leave(r, n);
			top--;
			continue;
		}
		GumboNode *c = kids->data[f->next++];
		switch (c->type) {
		case GUMBO_NODE_TEXT:
		case GUMBO_NODE_CDATA:
		case GUMBO_NODE_WHITESPACE:
			text(r, c->v.text.text, strlen(c->v.text.text));
			break;
		case GUMBO_NODE_ELEMENT:
			if (skipped(c->v.element.tag))
				break;
			enter(r, c);
			if (top == cap) {
				cap *= 2;
				stack = xreallocarray(stack, cap, sizeof *stack);
			}
			stack[top++] = (frame){c, 0};
			break;
		default:
			break;
		}
	}
	free(stack);
}

/* ---- the fallback: strip tags in one pass --------------------------- */

static bool void_or_optional(const char *name, size_t n)
{
	static const char *const tags[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
					   "link", "meta", "param", "source", "track", "wbr", "p", "li",
					   "td", "tr", "th", "option", "dt", "dd", "tbody", "thead",
					   "tfoot", "colgroup", "rp", "rt", "optgroup"};
	for (size_t i = 0; i < ARRAY_LEN(tags); i++)
		if (strlen(tags[i]) == n && ascii_memieq(name, tags[i], n))
			return true;
	return false;
}

/* An upper bound on the element nesting the parser would build. */
static size_t nesting_estimate(const char *s, size_t n, size_t stop)
{
	size_t depth = 0, max = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '<' || i + 1 >= n)
			continue;
		if (s[i + 1] == '/') {
			if (depth)
				depth--;
			continue;
		}
		if (!ascii_alpha((unsigned char)s[i + 1]))
			continue;
		size_t k = i + 1;
		while (k < n && (ascii_alnum((unsigned char)s[k]) || s[k] == '-' || s[k] == ':'))
			k++;
		bool optional = void_or_optional(s + i + 1, k - i - 1);
		const char *gt = memchr(s + k, '>', n - k);
		size_t e = gt ? (size_t)(gt - s) : n;
		bool self_closing = e > i && s[e - 1] == '/';
		if (!optional && !self_closing && ++depth > max) {
			max = depth;
			if (max > stop)
				return max;
		}
		i = e ? e - 1 : e;
	}
	return max;
}

static void strip_tags(render *r, const char *s, size_t n)
{
	static const struct {
		const char *name, *text;
	} ents[] = {{"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"quot;", "\""}, {"apos;", "'"},
		    {"nbsp;", " "}, {"#39;", "'"}};
	for (size_t i = 0; i < n;) {
		if (s[i] == '<') {
			const char *gt = memchr(s + i, '>', n - i);
			size_t e = gt ? (size_t)(gt - s) + 1 : n;
			size_t k = i + 1 + (i + 1 < n && s[i + 1] == '/');
			size_t ne = k;
			while (ne < e && ascii_alpha((unsigned char)s[ne]))
				ne++;
			{
				/* drop script and style bodies */
				bool closing = s[i + 1] == '/';
				if (!closing && ((ne - k == 6 && ascii_memieq(s + k, "script", 6)) ||
						 (ne - k == 5 && ascii_memieq(s + k, "style", 5)))) {
					const char *endtag = ne - k == 6 ? "</script" : "</style";
					size_t el = strlen(endtag);
					size_t q = e;
					while (q + el <= n && !ascii_memieq(s + q, endtag, el))
						q++;
					const char *g2 = q < n ? memchr(s + q, '>', n - q) : NULL;
					i = g2 ? (size_t)(g2 - s) + 1 : n;
					continue;
				}
			}
			size_t nl = ne - k;
			if ((nl == 2 && ascii_memieq(s + k, "br", 2)))
				brk(r, r->pending + 1 > 3 ? 3 : r->pending + 1);
			else if ((nl == 1 && ascii_memieq(s + k, "p", 1)) || (nl == 3 && ascii_memieq(s + k, "div", 3)) ||
				 (nl == 2 && (ascii_memieq(s + k, "li", 2) || ascii_memieq(s + k, "tr", 2))))
				brk(r, nl == 1 ? 2 : 1);
			i = e;
			continue;
		}
		if (s[i] == '&') {
			bool done = false;
			for (size_t k = 0; k < ARRAY_LEN(ents); k++) {
				size_t l = strlen(ents[k].name);
				if (i + 1 + l <= n && !memcmp(s + i + 1, ents[k].name, l)) {
					text(r, ents[k].text, strlen(ents[k].text));
					i += 1 + l;
					done = true;
					break;
				}
			}
			if (done)
				continue;
		}
		size_t j = i + 1;
		while (j < n && s[j] != '<' && s[j] != '&')
			j++;
		text(r, s + i, j - i);
		i = j;
	}
}

void html_to_text(buf *out, const char *html, size_t len)
{
	render r = {.out = out, .line_start = true};
	if (len > HTML_MAX_BYTES || nesting_estimate(html, len, HTML_MAX_DEPTH) > HTML_MAX_DEPTH) {
		strip_tags(&r, html, len);
		return;
	}
	GumboOptions opts = kGumboDefaultOptions;
	opts.max_errors = 0;
	GumboOutput *g = gumbo_parse_with_options(&opts, html, len);
	if (!g) {
		strip_tags(&r, html, len);
		return;
	}
	walk(&r, g->document);
	gumbo_destroy_output(&opts, g);
}
