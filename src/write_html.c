/* write_html.c: the "html" format (`tact report`), one self-contained page
 * for reviewers, fed one analysed message at a time by writer.c.
 *
 * Streaming, bounded memory: the page head (CSS, no external resource) is
 * written at open, each message as an <article> as it arrives, and the
 * summary panel, charts and filter bar at the end, from the counts that
 * write_summary.c keeps for every message. CSS `order` puts the summary
 * and filters above the messages, so nothing has to be held back. What is
 * kept across messages is the summary (bounded by distinct labels, rules
 * and SUMMARY_MAX_AGENTS agents), a few counters and up to MAX_SOURCES
 * source names. Limits on the page itself: the first MAX_LISTED messages
 * are listed (the summary and charts count all of them, and the page says
 * so), MAX_TEXT bytes of a message's text are shown, MAX_FINDINGS findings
 * are listed per message.
 *
 * Threads: messages with the same `thread` field are grouped by the page's
 * script, which moves them under one collapsible group at the place of the
 * thread's first message (input order kept inside). The C side keeps no
 * per-thread state, so grouping costs nothing however many threads there
 * are; without JavaScript the messages stay in input order, each showing
 * its thread.
 *
 * Safety: every piece of message text, field, label and rule is escaped
 * for HTML text and for double-quoted attributes (& < > " '); control
 * characters and bidi overrides are shown as visible tokens (^[ , <U+202E>)
 * instead of acting on the page. No message data goes into a <script>: the
 * script is a constant and reads data attributes and DOM text only. The
 * page's Content-Security-Policy allows no network access at all, no
 * inline event handlers, and only the page's own script, by its SHA-256
 * hash, so even a missed escape could not run injected code.
 *
 * Highlights: spans may nest or overlap, so the text is cut at every span
 * and region boundary into flat segments; a segment covered by findings
 * becomes one <mark> coloured by the highest severity, whose data-tip
 * lists every covering finding (label, rule, explanation), shown as a
 * tooltip by the script. Quote and signature regions are dimmed. */
#include "writer.h"

#include <stdint.h>
#include <stdlib.h>

#define MAX_LISTED 10000     /* messages listed in full */
#define MAX_TEXT (64 * 1024) /* bytes of one message's text shown */
#define MAX_FINDINGS 200     /* findings listed per message */
#define MAX_TIP 6            /* findings named in one tooltip */
#define MAX_SOURCES 8        /* source names named in the header */
#define CHART_LABELS 15      /* bars in the labels chart */
#define CHART_AGENTS 12      /* rows in the apology-per-agent chart */

typedef struct {
	size_t listed, agent_flagged;
	char *sources[MAX_SOURCES];
	size_t nsources, more_sources;
	char *other; /* the last source past MAX_SOURCES */
} html_state;

/* ---- SHA-256 (FIPS 180-4), for the script's CSP hash ---------------- */

static const uint32_t sha_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], v[8];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
		       p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	memcpy(v, h, sizeof v);
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = v[7] + (ROR(v[4], 6) ^ ROR(v[4], 11) ^ ROR(v[4], 25)) + ((v[4] & v[5]) ^ (~v[4] & v[6])) +
			      sha_k[i] + w[i];
		uint32_t t2 = (ROR(v[0], 2) ^ ROR(v[0], 13) ^ ROR(v[0], 22)) +
			      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof *v);
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (int i = 0; i < 8; i++)
		h[i] += v[i];
}

static void sha256(const void *data, size_t n, unsigned char out[32])
{
	uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	const unsigned char *p = data;
	size_t left = n;
	for (; left >= 64; left -= 64, p += 64)
		sha256_block(h, p);
	unsigned char last[128] = {0};
	memcpy(last, p, left);
	last[left] = 0x80;
	size_t blocks = left + 9 > 64 ? 2 : 1;
	uint64_t bits = (uint64_t)n * 8;
	for (int i = 0; i < 8; i++)
		last[blocks * 64 - 1 - i] = (unsigned char)(bits >> (8 * i));
	for (size_t i = 0; i < blocks; i++)
		sha256_block(h, last + 64 * i);
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++)
			out[4 * i + j] = (unsigned char)(h[i] >> (24 - 8 * j));
}

static void base64(buf *b, const unsigned char *p, size_t n)
{
	static const char d[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
		buf_addc(b, d[v >> 18 & 63]);
		buf_addc(b, d[v >> 12 & 63]);
		buf_addc(b, i + 1 < n ? d[v >> 6 & 63] : '=');
		buf_addc(b, i + 2 < n ? d[v & 63] : '=');
	}
}

/* ---- the page's constant parts -------------------------------------- */

static const char css[] =
	":root{--bg:#f5f6f8;--panel:#fff;--ink:#1d2330;--muted:#667085;--line:#e3e6eb;--accent:#2f5fd0;--dim:#8a93a3;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,\"DejaVu Sans Mono\",\"Liberation Mono\",monospace;\n"
	"--s0:#1e7b34;--s0b:#e5f4ea;--s1:#1d6fb8;--s1b:#e4f0fb;--s2:#a86400;--s2b:#fff1d2;--s3:#c4301f;--s3b:#fde3df;--s4:#8a0d0d;--s4b:#f7c8c4}\n"
	"*{box-sizing:border-box}\n"
	"html{background:var(--bg)}\n"
	"body{margin:0;color:var(--ink);font:14px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",sans-serif}\n"
	"#page{display:flex;flex-direction:column;max-width:1180px;margin:0 auto;padding:0 20px 40px}\n"
	"#top{order:0;display:flex;align-items:baseline;gap:12px;flex-wrap:wrap;padding:22px 0 10px}\n"
	"#top h1{font-size:22px;margin:0;letter-spacing:-.01em}\n"
	"#top .sub{color:var(--muted)}\n"
	"#summary{order:1}\n"
	"#filters{order:2}\n"
	"#msgs{order:3}\n"
	".panel{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:0 0 14px}\n"
	"h2{font-size:15px;margin:0 0 10px}\n"
	"h3{font-size:13px;margin:0 0 6px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}\n"
	".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin-bottom:14px}\n"
	".card{border:1px solid var(--line);border-radius:8px;padding:10px 12px}\n"
	".card b{display:block;font-size:22px;line-height:1.2}\n"
	".card span{color:var(--muted);font-size:12px}\n"
	".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:14px}\n"
	".chart{border:1px solid var(--line);border-radius:8px;padding:10px 12px;min-width:0}\n"
	".chart svg{width:100%;height:auto;display:block}\n"
	".chart svg text{font:11px system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;fill:var(--ink)}\n"
	".chart svg .num{fill:var(--muted)}\n"
	".chart .clk{cursor:pointer}\n"
	".chart .clk:hover{opacity:.8}\n"
	".legend{display:flex;gap:12px;flex-wrap:wrap;font-size:12px;color:var(--muted);margin:0 0 6px}\n"
	".legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}\n"
	".empty{color:var(--muted);font-style:italic}\n"
	"table.t{border-collapse:collapse;width:100%;font-size:13px}\n"
	"table.t th,table.t td{padding:4px 6px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}\n"
	"table.t th:first-child,table.t td:first-child{text-align:left;white-space:normal;overflow-wrap:anywhere;min-width:12em}\n"
	"table.t th{color:var(--muted);font-weight:600}\n"
	".tables{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:18px;margin-top:14px}\n"
	"@media (max-width:860px){.tables{grid-template-columns:minmax(0,1fr)}}\n"
	".tables>div{min-width:0;overflow-x:auto}\n"
	".note{color:var(--muted);font-size:12px;margin:8px 0 0}\n"
	"#filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;padding:10px 14px;background:rgba(255,255,255,.96);backdrop-filter:blur(4px)}\n"
	"#filters label{display:flex;align-items:center;gap:6px;font-size:13px;color:var(--muted)}\n"
	"#filters select{max-width:190px}\n"
	"#filters select,#filters input[type=search]{font:inherit;font-size:13px;padding:4px 6px;border:1px solid #cdd2da;border-radius:6px;background:#fff;color:var(--ink)}\n"
	"#filters input[type=search]{width:200px}\n"
	"#filters button{font:inherit;font-size:13px;padding:4px 10px;border:1px solid #cdd2da;border-radius:6px;background:#fff;cursor:pointer}\n"
	"#filters button:hover{background:#f0f2f5}\n"
	"#count{margin-left:auto;font-size:13px;color:var(--muted)}\n"
	"details.thread{background:var(--panel);border:1px solid var(--line);border-radius:10px;margin:0 0 14px;padding:0 14px 4px}\n"
	"details.thread>summary{cursor:pointer;padding:10px 0;font-weight:600;list-style-position:outside;display:flex;gap:10px;align-items:center;flex-wrap:wrap}\n"
	"details.thread>summary .tn{color:var(--muted);font-weight:400}\n"
	"details.thread>article.msg{border:0;border-top:1px solid var(--line);border-radius:0;margin:0;padding:12px 0 12px 10px}\n"
	"article.msg{content-visibility:auto;contain-intrinsic-size:auto 320px;background:var(--panel);border:1px solid var(--line);border-left:4px solid transparent;border-radius:10px;margin:0 0 14px;padding:12px 16px}\n"
	"details.thread>article.msg{border-left:4px solid transparent}\n"
	"article.msg.l1,details.thread>article.msg.l1{border-left-color:var(--s1)}\n"
	"article.msg.l2,details.thread>article.msg.l2{border-left-color:var(--s2)}\n"
	"article.msg.l3,details.thread>article.msg.l3{border-left-color:var(--s3)}\n"
	"article.msg.l4,details.thread>article.msg.l4{border-left-color:var(--s4)}\n"
	"article.msg.agent.flag,details.thread>article.msg.agent.flag{border-left-color:#8e44ad}\n"
	".mh{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:baseline}\n"
	".idx{color:var(--muted);font-variant-numeric:tabular-nums}\n"
	".who{font-weight:600;overflow-wrap:anywhere}\n"
	".subj{color:var(--ink);overflow-wrap:anywhere}\n"
	".meta{color:var(--muted);font-size:12px;margin-top:2px;overflow-wrap:anywhere}\n"
	".pill{display:inline-block;font-size:11.5px;line-height:18px;padding:0 7px;border-radius:9px;background:#eef0f4;color:#404a5c;white-space:nowrap}\n"
	".pill.customer{background:#e6eefc;color:#24479a}\n"
	".pill.agent{background:#efe6f7;color:#6a2f8f}\n"
	".pill.lv1{background:var(--s1b);color:var(--s1)}\n"
	".pill.lv2{background:var(--s2b);color:var(--s2)}\n"
	".pill.lv3{background:var(--s3b);color:var(--s3)}\n"
	".pill.lv4{background:var(--s4);color:#fff}\n"
	".pill.derog{background:var(--s4b);color:var(--s4)}\n"
	".pill.ap-sincere{background:#e3f5ea;color:#1e7b34}\n"
	".pill.ap-canned{background:#fff1d2;color:#a86400}\n"
	".pill.ap-conditional{background:#fde3df;color:#c4301f}\n"
	".pill.err{background:#c4301f;color:#fff}\n"
	".labels{margin-top:6px;display:flex;flex-wrap:wrap;gap:4px}\n"
	".labels code{font:11.5px var(--mono);padding:0 5px;border-radius:4px;background:#f0f2f5;color:#404a5c}\n"
	"pre.text{font:14px/1.6 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",sans-serif;white-space:pre-wrap;overflow-wrap:anywhere;margin:10px 0 0;padding:10px 12px;background:#fafbfc;border:1px solid var(--line);border-radius:6px;max-height:36em;overflow:auto}\n"
	"pre.text .q,pre.text .sig{color:var(--dim)}\n"
	"pre.text .sig{font-style:italic}\n"
	"mark{color:inherit;border-radius:2px;padding:0 1px;cursor:help}\n"
	"mark.s0{background:var(--s0b);box-shadow:inset 0 -2px var(--s0)}\n"
	"mark.s1{background:var(--s1b);box-shadow:inset 0 -2px var(--s1)}\n"
	"mark.s2{background:var(--s2b);box-shadow:inset 0 -2px var(--s2)}\n"
	"mark.s3{background:var(--s3b);box-shadow:inset 0 -2px var(--s3)}\n"
	"mark.s4{background:var(--s4b);box-shadow:inset 0 -2px var(--s4)}\n"
	"mark.multi{outline:1px dashed rgba(0,0,0,.35);outline-offset:-1px}\n"
	"mark.q,mark.sig{opacity:.6}\n"
	".ctl{font-size:10px;padding:0 2px;border-radius:3px;background:#3b4252;color:#fff;vertical-align:1px}\n"
	".trunc{color:var(--muted);font-style:italic}\n"
	"ul.find{list-style:none;margin:8px 0 0;padding:0;font-size:13px}\n"
	"ul.find li{padding:2px 0;display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}\n"
	"ul.find .sev{font-size:11px;font-weight:700;text-transform:uppercase;min-width:58px}\n"
	"ul.find .sv0{color:var(--s0)}ul.find .sv1{color:var(--s1)}ul.find .sv2{color:var(--s2)}ul.find .sv3{color:var(--s3)}ul.find .sv4{color:var(--s4)}\n"
	"ul.find code{font:12px var(--mono);color:#404a5c}\n"
	"ul.find .rule{color:var(--muted);font:11.5px var(--mono)}\n"
	"ul.find q{color:var(--ink);font-style:italic;overflow-wrap:anywhere}\n"
	".warn{color:#a86400;font-size:13px;margin-top:6px}\n"
	".error{color:#c4301f;font-size:13px;margin-top:6px;font-weight:600}\n"
	".att{color:var(--muted);font-size:12px;margin-top:4px}\n"
	".hidden{display:none!important}\n"
	"#tip{position:fixed;z-index:10;max-width:420px;padding:7px 9px;border-radius:6px;background:#1d2330;color:#fff;font-size:12.5px;line-height:1.45;white-space:pre-line;pointer-events:none;box-shadow:0 4px 14px rgba(0,0,0,.25)}\n"
	"#none{color:var(--muted);text-align:center;padding:30px}\n"
	"noscript p{color:var(--muted)}\n"
	"@media print{#filters{display:none}pre.text{max-height:none}}\n";

static const char script[] =
	"(function () {\n"
	"\t'use strict';\n"
	"\tvar doc = document;\n"
	"\tvar list = doc.getElementById('msgs');\n"
	"\tvar msgs = Array.prototype.slice.call(list.querySelectorAll('article.msg'));\n"
	"\tvar levels = ['none', 'low', 'medium', 'high', 'critical'];\n"
	"\n"
	"\t/* Threads: messages that share a thread key move under one group, at\n"
	"\t * the place of the thread's first message; input order is kept inside\n"
	"\t * a group. A thread of one message stays ungrouped. */\n"
	"\tvar groups = new Map();\n"
	"\tmsgs.forEach(function (a) {\n"
	"\t\tvar t = a.getAttribute('data-thread');\n"
	"\t\tif (!t) return;\n"
	"\t\tvar g = groups.get(t);\n"
	"\t\tif (!g) {\n"
	"\t\t\tg = { el: doc.createElement('details'), n: 0, lvl: 0, roles: {} };\n"
	"\t\t\tg.el.className = 'thread';\n"
	"\t\t\tg.el.open = true;\n"
	"\t\t\tlist.insertBefore(g.el, a);\n"
	"\t\t\tgroups.set(t, g);\n"
	"\t\t}\n"
	"\t\tg.el.appendChild(a);\n"
	"\t\tg.n++;\n"
	"\t\tg.lvl = Math.max(g.lvl, +a.getAttribute('data-level') || 0);\n"
	"\t});\n"
	"\tgroups.forEach(function (g, t) {\n"
	"\t\tif (g.n < 2) {\n"
	"\t\t\tlist.insertBefore(g.el.firstChild, g.el);\n"
	"\t\t\tlist.removeChild(g.el);\n"
	"\t\t\treturn;\n"
	"\t\t}\n"
	"\t\tvar s = doc.createElement('summary');\n"
	"\t\tvar name = doc.createElement('span');\n"
	"\t\tname.textContent = 'Thread ' + t;\n"
	"\t\tvar n = doc.createElement('span');\n"
	"\t\tn.className = 'tn';\n"
	"\t\tn.textContent = g.n + ' messages';\n"
	"\t\ts.appendChild(name);\n"
	"\t\ts.appendChild(n);\n"
	"\t\tif (g.lvl > 0) {\n"
	"\t\t\tvar p = doc.createElement('span');\n"
	"\t\t\tp.className = 'pill lv' + g.lvl;\n"
	"\t\t\tp.textContent = 'peak escalation ' + levels[g.lvl];\n"
	"\t\t\ts.appendChild(p);\n"
	"\t\t}\n"
	"\t\tg.el.insertBefore(s, g.el.firstChild);\n"
	"\t});\n"
	"\n"
	"\t/* Filters over data attributes; free text over the message's text. */\n"
	"\tvar f = {\n"
	"\t\trole: doc.getElementById('f-role'),\n"
	"\t\tlabel: doc.getElementById('f-label'),\n"
	"\t\tlevel: doc.getElementById('f-level'),\n"
	"\t\tapology: doc.getElementById('f-apology'),\n"
	"\t\ttext: doc.getElementById('f-text'),\n"
	"\t\tfound: doc.getElementById('f-found')\n"
	"\t};\n"
	"\tvar count = doc.getElementById('count');\n"
	"\tvar hay = new WeakMap();\n"
	"\tfunction text(a) {\n"
	"\t\tvar h = hay.get(a);\n"
	"\t\tif (h === undefined) {\n"
	"\t\t\th = a.textContent.toLowerCase();\n"
	"\t\t\thay.set(a, h);\n"
	"\t\t}\n"
	"\t\treturn h;\n"
	"\t}\n"
	"\tfunction hasLabel(a, want) {\n"
	"\t\tvar ls = (a.getAttribute('data-labels') || '').split(' ');\n"
	"\t\tfor (var i = 0; i < ls.length; i++)\n"
	"\t\t\tif (ls[i] === want || (want.slice(-1) === '.' && ls[i].indexOf(want) === 0))\n"
	"\t\t\t\treturn true;\n"
	"\t\treturn false;\n"
	"\t}\n"
	"\tfunction apply() {\n"
	"\t\tvar role = f.role.value, label = f.label.value, level = +f.level.value;\n"
	"\t\tvar apology = f.apology.value, q = f.text.value.trim().toLowerCase();\n"
	"\t\tvar found = f.found.checked, shown = 0;\n"
	"\t\tmsgs.forEach(function (a) {\n"
	"\t\t\tvar ok = (!role || a.getAttribute('data-role') === role) &&\n"
	"\t\t\t\t(!label || hasLabel(a, label)) &&\n"
	"\t\t\t\t(!level || (+a.getAttribute('data-level') || 0) >= level) &&\n"
	"\t\t\t\t(!apology || a.getAttribute('data-apology') === apology) &&\n"
	"\t\t\t\t(!found || +a.getAttribute('data-n') > 0) &&\n"
	"\t\t\t\t(!q || text(a).indexOf(q) >= 0);\n"
	"\t\t\ta.classList.toggle('hidden', !ok);\n"
	"\t\t\tif (ok) shown++;\n"
	"\t\t});\n"
	"\t\tgroups.forEach(function (g) {\n"
	"\t\t\tif (g.n < 2) return;\n"
	"\t\t\tg.el.classList.toggle('hidden', !g.el.querySelector('article.msg:not(.hidden)'));\n"
	"\t\t});\n"
	"\t\tcount.textContent = 'Showing ' + shown + ' of ' + msgs.length + ' messages';\n"
	"\t}\n"
	"\t['role', 'label', 'level', 'apology', 'found'].forEach(function (k) {\n"
	"\t\tf[k].addEventListener('change', apply);\n"
	"\t});\n"
	"\tf.text.addEventListener('input', apply);\n"
	"\tdoc.getElementById('f-reset').addEventListener('click', function () {\n"
	"\t\tf.role.value = f.label.value = f.level.value = f.apology.value = f.text.value = '';\n"
	"\t\tf.found.checked = false;\n"
	"\t\tapply();\n"
	"\t});\n"
	"\tdoc.getElementById('f-fold').addEventListener('click', function () {\n"
	"\t\tvar open = false;\n"
	"\t\tgroups.forEach(function (g) { if (g.n > 1 && !g.el.open) open = true; });\n"
	"\t\tgroups.forEach(function (g) { if (g.n > 1) g.el.open = open; });\n"
	"\t});\n"
	"\t/* Chart bars set a filter. */\n"
	"\tdoc.getElementById('summary').addEventListener('click', function (e) {\n"
	"\t\tvar el = e.target.closest ? e.target.closest('[data-f]') : null;\n"
	"\t\tif (!el || !f[el.getAttribute('data-f')]) return;\n"
	"\t\tf[el.getAttribute('data-f')].value = el.getAttribute('data-v');\n"
	"\t\tapply();\n"
	"\t\tf.role.scrollIntoView({ block: 'nearest' });\n"
	"\t\tdoc.getElementById('filters').scrollIntoView();\n"
	"\t});\n"
	"\n"
	"\t/* Tooltips for highlighted spans: label, rule and explanation. */\n"
	"\tvar tip = doc.getElementById('tip');\n"
	"\tfunction place(e) {\n"
	"\t\tvar x = e.clientX + 12, y = e.clientY + 16, r = tip.getBoundingClientRect();\n"
	"\t\tif (x + r.width > window.innerWidth - 8) x = Math.max(8, window.innerWidth - r.width - 8);\n"
	"\t\tif (y + r.height > window.innerHeight - 8) y = Math.max(8, e.clientY - r.height - 10);\n"
	"\t\ttip.style.left = x + 'px';\n"
	"\t\ttip.style.top = y + 'px';\n"
	"\t}\n"
	"\tdoc.addEventListener('mouseover', function (e) {\n"
	"\t\tvar m = e.target.closest ? e.target.closest('mark[data-tip]') : null;\n"
	"\t\tif (!m) return;\n"
	"\t\ttip.textContent = m.getAttribute('data-tip');\n"
	"\t\ttip.hidden = false;\n"
	"\t\tplace(e);\n"
	"\t});\n"
	"\tdoc.addEventListener('mousemove', function (e) {\n"
	"\t\tif (!tip.hidden) place(e);\n"
	"\t});\n"
	"\tdoc.addEventListener('mouseout', function (e) {\n"
	"\t\tvar m = e.target.closest ? e.target.closest('mark[data-tip]') : null;\n"
	"\t\tif (m && !m.contains(e.relatedTarget)) tip.hidden = true;\n"
	"\t});\n"
	"\tapply();\n"
	"\tdoc.documentElement.setAttribute('data-ready', '1');\n"
	"})();\n";

/* ---- escaping ------------------------------------------------------- */

/* Append s for HTML text or a double-quoted attribute value: & < > " '
 * as references; C0 controls (but tab and newline), DEL, C1 controls and
 * bidi embeddings, overrides and isolates as visible notation (^[ , <U+202E>,
 * as on a terminal), in a <span class="ctl"> when markup, else as plain
 * text. A CR before LF is dropped. s is valid UTF-8. */
static void esc(buf *b, const char *s, size_t n, bool markup)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];
		const char *ent = NULL;
		size_t skip = 1;
		switch (c) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		case '\t':
		case '\n':
			continue;
		case '\r':
			if (i + 1 < n && u[i + 1] == '\n') {
				ent = "";
				break;
			}
			/* fall through */
		default:
			if (c >= 0x20 && c != 0x7F && c != 0xC2 && c != 0xE2)
				continue;
			if (c == 0xC2 && !(i + 1 < n && u[i + 1] < 0xA0))
				continue;
			if (c == 0xE2 && !(i + 2 < n && ((u[i + 1] == 0x80 && u[i + 2] >= 0xAA && u[i + 2] <= 0xAE) ||
							 (u[i + 1] == 0x81 && u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9))))
				continue;
			skip = c == 0xC2 ? 2 : c == 0xE2 ? 3 : 1;
		}
		buf_add(b, s + run, i - run);
		if (ent) {
			buf_adds(b, ent);
		} else {
			buf t = {0};
			safe_text(&t, s + i, skip, false); /* "^[", "<U+202E>" */
			if (markup)
				buf_adds(b, "<span class=\"ctl\">");
			esc(b, t.ptr, t.len, false);
			if (markup)
				buf_adds(b, "</span>");
			buf_free(&t);
		}
		i += skip - 1;
		run = i + 1;
	}
	buf_add(b, s + run, n - run);
}

static void escs(buf *b, const char *s)
{
	esc(b, s, strlen(s), true);
}

static void attr(buf *b, const char *name, const char *s)
{
	buf_printf(b, " %s=\"", name);
	esc(b, s, strlen(s), false);
	buf_addc(b, '"');
}

/* Cut n to at most max bytes at a character boundary. */
static size_t clip(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

static bool is_region(const tact_span *s)
{
	return !strcmp(s->label, "quote") || !strcmp(s->label, "signature");
}

static bool flags_agent(const char *label)
{
	return !strncmp(label, "agent.", 6) || !strncmp(label, "derogatory.", 11) ||
	       !strcmp(label, "apology.conditional");
}

/* ---- the page head -------------------------------------------------- */

static tact_status html_open(tact_writer *w, char **err)
{
	(void)err;
	w->state = xcalloc(1, sizeof(html_state));
	buf *b = &w->ob;
	unsigned char h[32];
	sha256(script, sizeof script - 1, h);
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		    "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
		    "script-src 'sha256-");
	base64(b, h, sizeof h);
	buf_adds(b, "'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
	buf_printf(b, "<meta name=\"generator\" content=\"tact %s\">\n", TACT_VERSION_STRING);
	buf_adds(b, "<title>tact review report</title>\n<style>\n");
	buf_adds(b, css);
	buf_adds(b, "</style>\n<noscript><style>#filters{display:none}</style></noscript>\n</head>\n<body>\n<div id=\"page\">\n"
		    "<header id=\"top\"><h1>Review report</h1><span class=\"sub\">tact " TACT_VERSION_STRING
		    "</span></header>\n"
		    "<noscript><p>Filters, thread grouping and tooltips need JavaScript; messages are listed "
		    "in input order.</p></noscript>\n"
		    "<main id=\"msgs\">\n");
	return TACT_OK;
}

/* ---- one message ---------------------------------------------------- */

static void pill(buf *b, const char *cls, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void pill(buf *b, const char *cls, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_printf(b, "<span class=\"pill %s\">", cls);
	escs(b, s);
	buf_adds(b, "</span>");
	free(s);
}

static void tip_line(buf *b, const tact_span *s)
{
	esc(b, s->label, strlen(s->label), false);
	if (strcmp(s->rule, s->label)) {
		buf_adds(b, " (");
		esc(b, s->rule, strlen(s->rule), false);
		buf_addc(b, ')');
	}
	buf_printf(b, " \xC2\xB7 %s: ", tact_severity_name(s->severity));
	esc(b, s->message, strlen(s->message), false);
}

static int size_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The text [0, len) with findings as <mark> and regions dimmed; spans
 * may nest and overlap, so the text is cut into flat segments. */
static void highlighted(buf *b, const tact_msg *m, size_t len)
{
	const char *t = m->text.ptr;
	size_t *cuts = xmalloc((2 * m->nspans + 2) * sizeof *cuts);
	size_t ncuts = 0;
	cuts[ncuts++] = 0;
	cuts[ncuts++] = len;
	for (size_t i = 0; i < m->nspans; i++) {
		const tact_span *s = &m->spans[i];
		if (s->start >= s->end || s->start >= len)
			continue;
		cuts[ncuts++] = s->start;
		cuts[ncuts++] = MIN(s->end, len);
	}
	qsort(cuts, ncuts, sizeof *cuts, size_cmp);
	size_t *active = xmalloc((m->nspans + 1) * sizeof *active);
	size_t nactive = 0, next = 0;
	for (size_t c = 0; c + 1 < ncuts; c++) {
		size_t p = cuts[c], q = cuts[c + 1];
		if (p == q)
			continue;
		/* spans ending at or before p leave; spans starting at p join */
		size_t k = 0;
		for (size_t i = 0; i < nactive; i++)
			if (m->spans[active[i]].end > p)
				active[k++] = active[i];
		nactive = k;
		for (; next < m->nspans && m->spans[next].start <= p; next++)
			if (m->spans[next].end > p && m->spans[next].start < m->spans[next].end)
				active[nactive++] = next;
		int sev = -1;
		size_t nf = 0;
		const char *reg = NULL;
		for (size_t i = 0; i < nactive; i++) {
			const tact_span *s = &m->spans[active[i]];
			if (is_region(s)) {
				if (!reg || s->label[0] == 's')
					reg = s->label[0] == 's' ? "sig" : "q";
			} else {
				nf++;
				sev = MAX(sev, (int)s->severity);
			}
		}
		if (nf) {
			buf_printf(b, "<mark class=\"s%d%s%s%s\" data-tip=\"", sev, nf > 1 ? " multi" : "",
				   reg ? " " : "", reg ? reg : "");
			size_t named = 0;
			for (size_t i = 0; i < nactive; i++) {
				const tact_span *s = &m->spans[active[i]];
				if (is_region(s))
					continue;
				if (named == MAX_TIP) {
					buf_printf(b, "\n+%zu more", nf - named);
					break;
				}
				if (named++)
					buf_addc(b, '\n');
				tip_line(b, s);
			}
			if (reg)
				buf_adds(b, reg[0] == 's' ? "\n(in the signature)" : "\n(in quoted text)");
			buf_adds(b, "\">");
			esc(b, t + p, q - p, true);
			buf_adds(b, "</mark>");
		} else if (reg) {
			buf_printf(b, "<span class=\"%s\">", reg);
			esc(b, t + p, q - p, true);
			buf_adds(b, "</span>");
		} else {
			esc(b, t + p, q - p, true);
		}
	}
	free(active);
	free(cuts);
}

/* Sources arrive one after the other: count each change of source past
 * the first MAX_SOURCES named ones. */
static void note_source(html_state *st, const char *src)
{
	for (size_t i = 0; i < st->nsources; i++)
		if (!strcmp(st->sources[i], src))
			return;
	if (st->nsources < MAX_SOURCES) {
		st->sources[st->nsources++] = xstrdup(src);
	} else if (!st->other || strcmp(st->other, src)) {
		free(st->other);
		st->other = xstrdup(src);
		st->more_sources++;
	}
}

static void html_write(tact_writer *w, const tact_msg *m)
{
	html_state *st = w->state;
	buf *b = &w->ob;
	const char *src = m->fields[TACT_FIELD_SOURCE] ? m->fields[TACT_FIELD_SOURCE] : "-";
	note_source(st, src);
	bool flagged = false;
	for (size_t i = 0; i < m->nlabels; i++)
		flagged |= flags_agent(m->labels[i]);
	if (m->role == TACT_ROLE_AGENT && flagged)
		st->agent_flagged++;
	if (st->listed >= MAX_LISTED)
		return;
	st->listed++;

	size_t nfind = 0;
	for (size_t i = 0; i < m->nspans; i++)
		nfind += !is_region(&m->spans[i]);
	const char *role = tact_role_name(m->role);
	buf_printf(b, "<article class=\"msg %s l%d%s\" id=\"m%zu\" data-role=\"%s\" data-level=\"%d\" data-n=\"%zu\"",
		   role, (int)m->level, m->role == TACT_ROLE_AGENT && flagged ? " flag" : "", m->index, role,
		   (int)m->level, nfind);
	attr(b, "data-apology", m->apology == TACT_APOLOGY_NA ? "" : tact_apology_name(m->apology));
	buf_adds(b, " data-labels=\"");
	for (size_t i = 0; i < m->nlabels; i++) {
		if (i)
			buf_addc(b, ' ');
		esc(b, m->labels[i], strlen(m->labels[i]), false);
	}
	buf_addc(b, '"');
	if (m->fields[TACT_FIELD_THREAD])
		attr(b, "data-thread", m->fields[TACT_FIELD_THREAD]);
	buf_adds(b, ">\n");

	/* header: who and the verdicts */
	buf_printf(b, "<div class=\"mh\"><span class=\"idx\">#%zu</span>", m->index);
	pill(b, role, "%s", role);
	if (m->fields[TACT_FIELD_FROM]) {
		buf_adds(b, "<span class=\"who\">");
		escs(b, m->fields[TACT_FIELD_FROM]);
		buf_adds(b, "</span>");
	}
	if (m->fields[TACT_FIELD_SUBJECT]) {
		buf_adds(b, "<span class=\"subj\">");
		escs(b, m->fields[TACT_FIELD_SUBJECT]);
		buf_adds(b, "</span>");
	}
	if (m->role != TACT_ROLE_AGENT || m->level) {
		char cls[8];
		snprintf(cls, sizeof cls, "lv%d", (int)m->level);
		pill(b, cls, "escalation %s \xC2\xB7 %d", tact_level_name(m->level), m->score);
	}
	if (m->derog)
		pill(b, "derog", "derogatory: %s", tact_derog_name(m->derog));
	if (m->apology != TACT_APOLOGY_NA) {
		char cls[32];
		snprintf(cls, sizeof cls, "ap-%s", tact_apology_name(m->apology));
		pill(b, cls, "apology: %s", tact_apology_name(m->apology));
	}
	if (m->recovery_score >= 0)
		pill(b, "rec", "recovery %d/100", m->recovery_score);
	if (m->error)
		pill(b, "err", "error");
	buf_adds(b, "</div>\n<div class=\"meta\">");
	char tmp[32];
	const char *id = msg_id(m, tmp);
	buf_adds(b, "id ");
	escs(b, id);
	if (m->fields[TACT_FIELD_THREAD]) {
		buf_adds(b, " \xC2\xB7 thread ");
		escs(b, m->fields[TACT_FIELD_THREAD]);
	}
	if (m->fields[TACT_FIELD_DATE]) {
		buf_adds(b, " \xC2\xB7 ");
		escs(b, m->fields[TACT_FIELD_DATE]);
	}
	if (m->fields[TACT_FIELD_TO]) {
		buf_adds(b, " \xC2\xB7 to ");
		escs(b, m->fields[TACT_FIELD_TO]);
	}
	buf_adds(b, " \xC2\xB7 ");
	escs(b, src);
	if (m->line)
		buf_printf(b, ":%zu", m->line);
	buf_adds(b, "</div>\n");
	if (m->nlabels) {
		buf_adds(b, "<div class=\"labels\">");
		for (size_t i = 0; i < m->nlabels; i++) {
			buf_adds(b, "<code>");
			escs(b, m->labels[i]);
			buf_adds(b, "</code>");
		}
		buf_adds(b, "</div>\n");
	}
	if (m->error) {
		buf_adds(b, "<div class=\"error\">");
		escs(b, m->error);
		buf_adds(b, "</div>\n");
	}
	for (size_t i = 0; i < m->nwarnings; i++) {
		buf_adds(b, "<div class=\"warn\">warning: ");
		escs(b, m->warnings[i]);
		buf_adds(b, "</div>\n");
	}
	for (size_t i = 0; i < m->nattachments; i++) {
		buf_adds(b, "<div class=\"att\">attachment: ");
		escs(b, m->attachments[i]);
		buf_adds(b, "</div>\n");
	}

	/* the text */
	if (m->text.len) {
		size_t len = clip(m->text.ptr, m->text.len, MAX_TEXT);
		buf_adds(b, "<pre class=\"text\">");
		highlighted(b, m, len);
		if (len < m->text.len)
			buf_printf(b, "<span class=\"trunc\">\n[%zu more bytes not shown]</span>", m->text.len - len);
		buf_adds(b, "</pre>\n");
	}

	/* the findings, in text order */
	if (nfind) {
		buf_adds(b, "<ul class=\"find\">");
		size_t n = 0;
		for (size_t i = 0; i < m->nspans; i++) {
			const tact_span *s = &m->spans[i];
			if (is_region(s))
				continue;
			if (n++ == MAX_FINDINGS) {
				buf_printf(b, "<li>\xE2\x80\xA6 %zu more</li>", nfind - MAX_FINDINGS);
				break;
			}
			buf_printf(b, "<li><span class=\"sev sv%d\">%s</span><code>", (int)s->severity,
				   tact_severity_name(s->severity));
			escs(b, s->label);
			buf_adds(b, "</code><span>");
			escs(b, s->message);
			buf_adds(b, "</span>");
			if (strcmp(s->rule, s->label)) {
				buf_adds(b, "<span class=\"rule\">");
				escs(b, s->rule);
				buf_adds(b, "</span>");
			}
			if (s->end > s->start && s->end <= m->text.len) {
				buf_adds(b, "<q>");
				size_t l = clip(m->text.ptr + s->start, s->end - s->start, 200);
				esc(b, m->text.ptr + s->start, l, true);
				if (l < s->end - s->start)
					buf_adds(b, "\xE2\x80\xA6");
				buf_adds(b, "</q>");
			}
			if (s->detail) {
				buf_adds(b, "<span class=\"rule\">suggestions: ");
				for (const char *p = s->detail; *p; p++)
					if (*p == '\n')
						buf_adds(b, ", ");
					else
						esc(b, p, 1, true);
				buf_adds(b, "</span>");
			}
			buf_adds(b, "</li>");
		}
		buf_adds(b, "</ul>\n");
	}
	buf_adds(b, "</article>\n");
}

/* ---- the summary panel and charts ----------------------------------- */

static const char *const level_color[5] = {"#9aa4b1", "#4f8fd6", "#f0a431", "#e05a3a", "#9b1414"};
static const char *const apology_color[5] = {"#ccc", "#c3cad5", "#f0a431", "#e05a3a", "#2e9e5b"};

static const char *family_color(const char *label)
{
	static const struct {
		const char *prefix, *color;
	} fam[] = {
		{"escalation.", "#e05a3a"}, {"derogatory.", "#9b1414"}, {"agent.", "#8e44ad"},
		{"apology.", "#f0a431"},    {"recovery.", "#2e9e5b"},
	};
	for (size_t i = 0; i < ARRAY_LEN(fam); i++)
		if (!strncmp(label, fam[i].prefix, strlen(fam[i].prefix)))
			return fam[i].color;
	return "#5c6b7a";
}

static void card(buf *b, size_t value, const char *what, const char *detail)
{
	buf_printf(b, "<div class=\"card\"><b>%zu</b>%s<br><span>%s</span></div>\n", value, what, detail);
}

/* Vertical bars: escalation levels of customer (and unknown) messages. */
static void chart_levels(buf *b, const struct summary *s)
{
	size_t max = 1;
	for (int l = 0; l < 5; l++)
		max = MAX(max, s->level[l]);
	buf_adds(b, "<div class=\"chart\" id=\"chart-levels\"><h3>Escalation levels</h3>\n"
		    "<svg viewBox=\"0 0 360 190\" role=\"img\" aria-label=\"Escalation levels\">\n"
		    "<line x1=\"20\" y1=\"160\" x2=\"350\" y2=\"160\" stroke=\"#d5d9e0\"/>\n");
	for (int l = 0; l < 5; l++) {
		double h = 130.0 * (double)s->level[l] / (double)max;
		int x = 30 + l * 64;
		buf_printf(b, "<g class=\"clk\" data-f=\"level\" data-v=\"%d\"><title>%s: %zu messages</title>", l,
			   tact_level_name((tact_level)l), s->level[l]);
		buf_printf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"44\" height=\"%.1f\" rx=\"3\" fill=\"%s\"/>", x,
			   160 - h, h, level_color[l]);
		buf_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" class=\"num\">%zu</text>", x + 22,
			   160 - h - 5, s->level[l]);
		buf_printf(b, "<text x=\"%d\" y=\"177\" text-anchor=\"middle\">%s</text></g>\n", x + 22,
			   tact_level_name((tact_level)l));
	}
	buf_adds(b, "</svg></div>\n");
}

/* Horizontal bars: the most frequent labels, coloured by family. */
static void chart_labels(buf *b, const struct summary *s)
{
	buf_adds(b, "<div class=\"chart\" id=\"chart-labels\"><h3>Labels, by messages</h3>\n");
	if (!s->labels.n) {
		buf_adds(b, "<p class=\"empty\">No findings.</p></div>\n");
		return;
	}
	summary_entry **v = summary_sorted(&s->labels);
	size_t n = MIN(s->labels.n, (size_t)CHART_LABELS), max = v[0]->total ? v[0]->total : 1;
	buf_printf(b, "<svg viewBox=\"0 0 420 %zu\" role=\"img\" aria-label=\"Labels by count\">\n", n * 20 + 6);
	for (size_t i = 0; i < n; i++) {
		double w = 220.0 * (double)v[i]->total / (double)max;
		size_t y = 4 + i * 20;
		buf_adds(b, "<g class=\"clk\" data-f=\"label\"");
		attr(b, "data-v", v[i]->key);
		buf_adds(b, "><title>");
		escs(b, v[i]->key);
		buf_printf(b, ": %zu messages (%zu customer, %zu agent, %zu unknown)</title>", v[i]->total,
			   v[i]->count[TACT_ROLE_CUSTOMER], v[i]->count[TACT_ROLE_AGENT], v[i]->count[TACT_ROLE_UNKNOWN]);
		buf_printf(b, "<text x=\"150\" y=\"%zu\" text-anchor=\"end\">", y + 12);
		escs(b, v[i]->key);
		buf_printf(b, "</text><rect x=\"156\" y=\"%zu\" width=\"%.1f\" height=\"14\" rx=\"2\" fill=\"%s\"/>", y + 2,
			   w < 1 ? 1 : w, family_color(v[i]->key));
		buf_printf(b, "<text x=\"%.1f\" y=\"%zu\" class=\"num\">%zu</text></g>\n", 160 + (w < 1 ? 1 : w), y + 12,
			   v[i]->total);
	}
	buf_adds(b, "</svg>");
	if (s->labels.n > n)
		buf_printf(b, "<p class=\"note\">%zu more labels in the filter list.</p>", s->labels.n - n);
	buf_adds(b, "</div>\n");
	free(v);
}

static void apology_bar(buf *b, const char *name, const size_t ap[5], size_t y, bool is_all)
{
	size_t total = ap[1] + ap[2] + ap[3] + ap[4];
	buf_printf(b, "<text x=\"150\" y=\"%zu\" text-anchor=\"end\"%s>", y + 12,
		   is_all ? " font-weight=\"600\"" : "");
	/* cut long names at a character boundary */
	size_t l = strlen(name), c = clip(name, l, 22);
	esc(b, name, c, false);
	if (c < l)
		buf_adds(b, "\xE2\x80\xA6");
	buf_adds(b, "<title>");
	esc(b, name, l, false);
	buf_adds(b, "</title></text>");
	static const int order[4] = {TACT_APOLOGY_SINCERE, TACT_APOLOGY_CANNED, TACT_APOLOGY_CONDITIONAL,
				     TACT_APOLOGY_NONE};
	double x = 156;
	for (int k = 0; k < 4; k++) {
		int a = order[k];
		if (!ap[a])
			continue;
		double w = 220.0 * (double)ap[a] / (double)(total ? total : 1);
		buf_printf(b, "<rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" height=\"14\" fill=\"%s\"><title>", x, y + 2, w,
			   apology_color[a]);
		esc(b, name, l, false);
		buf_printf(b, ": %zu %s of %zu</title></rect>", ap[a], tact_apology_name((tact_apology)a), total);
		x += w;
	}
	buf_printf(b, "<text x=\"382\" y=\"%zu\" class=\"num\">%zu</text>\n", y + 12, total);
}

/* 100% stacked bars: apology classes of each agent's replies. */
static void chart_agents(buf *b, const struct summary *s)
{
	buf_adds(b, "<div class=\"chart\" id=\"chart-apology\"><h3>Apology classes per agent</h3>\n"
		    "<div class=\"legend\">");
	static const int order[4] = {TACT_APOLOGY_SINCERE, TACT_APOLOGY_CANNED, TACT_APOLOGY_CONDITIONAL,
				     TACT_APOLOGY_NONE};
	for (int k = 0; k < 4; k++)
		buf_printf(b, "<span class=\"clk\" data-f=\"apology\" data-v=\"%s\"><i style=\"background:%s\"></i>%s</span>",
			   tact_apology_name((tact_apology)order[k]), apology_color[order[k]],
			   tact_apology_name((tact_apology)order[k]));
	buf_adds(b, "</div>\n");
	size_t replies = s->apology[1] + s->apology[2] + s->apology[3] + s->apology[4];
	if (!replies) {
		buf_adds(b, "<p class=\"empty\">No agent replies.</p></div>\n");
		return;
	}
	summary_entry **v = summary_sorted(&s->agents);
	size_t n = MIN(s->agents.n, (size_t)CHART_AGENTS);
	buf_printf(b, "<svg viewBox=\"0 0 420 %zu\" role=\"img\" aria-label=\"Apology classes per agent\">\n",
		   (n + 1) * 20 + 6);
	apology_bar(b, "All agent replies", s->apology, 4, true);
	for (size_t i = 0; i < n; i++)
		apology_bar(b, v[i]->key, v[i]->apology, 4 + (i + 1) * 20, false);
	buf_adds(b, "</svg>");
	if (!s->agents.n)
		buf_adds(b, "<p class=\"note\">No agent is known by name or address.</p>");
	else if (s->agents.n > n)
		buf_printf(b, "<p class=\"note\">%zu more agents in the table below.</p>", s->agents.n - n);
	buf_adds(b, "</div>\n");
	free(v);
}

static void tables(buf *b, const struct summary *s)
{
	buf_adds(b, "<div class=\"tables\">\n<div><h3>Top rules</h3>");
	summary_entry **v = summary_sorted(&s->rules);
	if (!s->rules.n)
		buf_adds(b, "<p class=\"empty\">No rule matched.</p>");
	else
		buf_adds(b, "<table class=\"t\" id=\"rules\"><tr><th>rule</th><th>spans</th></tr>\n");
	for (size_t i = 0; i < s->rules.n && i < 10; i++) {
		buf_adds(b, "<tr><td><code>");
		escs(b, v[i]->key);
		buf_printf(b, "</code></td><td>%zu</td></tr>\n", v[i]->total);
	}
	if (s->rules.n)
		buf_adds(b, "</table>");
	free(v);
	buf_adds(b, "</div>\n<div><h3>Agents</h3>");
	v = summary_sorted(&s->agents);
	if (!s->agents.n)
		buf_adds(b, "<p class=\"empty\">No agent is known by name or address (see --agent-domain, "
			    "--agent-address, --agent-name).</p>");
	else
		buf_adds(b, "<table class=\"t\" id=\"agents\"><tr><th>agent</th><th>replies</th><th>sincere</th>"
			    "<th>canned</th><th>condit.</th><th>none</th><th>flagged</th><th>recovery</th></tr>\n");
	for (size_t i = 0; i < s->agents.n; i++) {
		const summary_entry *a = v[i];
		buf_adds(b, "<tr><td>");
		escs(b, a->key);
		buf_printf(b, "</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td><td>%.0f</td></tr>\n",
			   a->total, a->apology[TACT_APOLOGY_SINCERE], a->apology[TACT_APOLOGY_CANNED],
			   a->apology[TACT_APOLOGY_CONDITIONAL], a->apology[TACT_APOLOGY_NONE], a->flagged,
			   a->total ? (double)a->recovery_sum / (double)a->total : 0.0);
	}
	if (s->agents.n)
		buf_adds(b, "</table>");
	free(v);
	buf_adds(b, "</div>\n</div>\n");
}

static void summary_panel(tact_writer *w, const struct summary *s)
{
	html_state *st = w->state;
	buf *b = &w->ob;
	buf_adds(b, "<section id=\"summary\" class=\"panel\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
	char d[160];
	snprintf(d, sizeof d, "%zu customer \xC2\xB7 %zu agent \xC2\xB7 %zu unknown", s->by_role[TACT_ROLE_CUSTOMER],
		 s->by_role[TACT_ROLE_AGENT], s->by_role[TACT_ROLE_UNKNOWN]);
	card(b, s->msgs, " messages", d);
	snprintf(d, sizeof d, "%zu high \xC2\xB7 %zu critical", s->level[TACT_LEVEL_HIGH], s->level[TACT_LEVEL_CRITICAL]);
	card(b, s->level[TACT_LEVEL_HIGH] + s->level[TACT_LEVEL_CRITICAL], " escalated", d);
	snprintf(d, sizeof d, "%zu profanity \xC2\xB7 %zu insult \xC2\xB7 %zu identity", s->derog[TACT_DEROG_PROFANITY],
		 s->derog[TACT_DEROG_INSULT], s->derog[TACT_DEROG_IDENTITY]);
	card(b, s->derog[1] + s->derog[2] + s->derog[3], " derogatory", d);
	snprintf(d, sizeof d, "%zu sincere \xC2\xB7 %zu canned \xC2\xB7 %zu conditional", s->apology[TACT_APOLOGY_SINCERE],
		 s->apology[TACT_APOLOGY_CANNED], s->apology[TACT_APOLOGY_CONDITIONAL]);
	card(b, s->by_role[TACT_ROLE_AGENT], " agent replies", d);
	card(b, st->agent_flagged, " flagged replies", "argument, blame, policy, conditional apology");
	card(b, s->errors, s->errors == 1 ? " error" : " errors", "records not analysed completely");
	buf_adds(b, "</div>\n<div class=\"charts\">\n");
	chart_levels(b, s);
	chart_labels(b, s);
	chart_agents(b, s);
	buf_adds(b, "</div>\n");
	tables(b, s);
	buf_printf(b, "<p class=\"note\">%zu source%s: ", st->nsources + st->more_sources,
		   st->nsources + st->more_sources == 1 ? "" : "s");
	for (size_t i = 0; i < st->nsources; i++) {
		if (i)
			buf_adds(b, ", ");
		escs(b, st->sources[i]);
	}
	if (!st->nsources)
		buf_adds(b, "none");
	if (st->more_sources)
		buf_printf(b, " and %zu more", st->more_sources);
	buf_adds(b, ".");
	if (s->msgs > st->listed)
		buf_printf(b, " <strong>Listed: the first %zu of %zu messages</strong>; the summary and charts "
			      "count all of them.",
			   st->listed, s->msgs);
	buf_adds(b, "</p>\n</section>\n");
}

static int entry_key_cmp(const void *a, const void *b)
{
	return strcmp((*(summary_entry *const *)a)->key, (*(summary_entry *const *)b)->key);
}

static void filters(tact_writer *w, const struct summary *s)
{
	buf *b = &w->ob;
	buf_adds(b, "<nav id=\"filters\" class=\"panel\" aria-label=\"Filters\">\n"
		    "<label>Role <select id=\"f-role\"><option value=\"\">all</option>"
		    "<option>customer</option><option>agent</option><option>unknown</option></select></label>\n"
		    "<label>Label <select id=\"f-label\"><option value=\"\">all</option>");
	summary_entry **v = summary_sorted(&s->labels);
	qsort(v, s->labels.n, sizeof *v, entry_key_cmp);
	/* one group per family ("escalation"), led by a "family.*" choice */
	for (size_t i = 0, j; i < s->labels.n; i = j) {
		const char *k = v[i]->key, *dot = strchr(k, '.');
		size_t fl = dot ? (size_t)(dot - k) + 1 : strlen(k);
		for (j = i + 1; j < s->labels.n && dot && !strncmp(v[j]->key, k, fl); j++)
			;
		buf_adds(b, "<optgroup label=\"");
		esc(b, k, dot ? fl - 1 : fl, false);
		buf_adds(b, "\">");
		if (dot && j - i > 1) {
			buf_adds(b, "<option value=\"");
			esc(b, k, fl, false);
			buf_adds(b, "\">");
			esc(b, k, fl, true);
			buf_adds(b, "* (any)</option>");
		}
		for (size_t x = i; x < j; x++) {
			buf_adds(b, "<option");
			attr(b, "value", v[x]->key);
			buf_adds(b, ">");
			escs(b, v[x]->key);
			buf_printf(b, " (%zu)</option>", v[x]->total);
		}
		buf_adds(b, "</optgroup>");
	}
	free(v);
	buf_adds(b, "</select></label>\n"
		    "<label>Escalation <select id=\"f-level\"><option value=\"\">any</option>"
		    "<option value=\"1\">low or above</option><option value=\"2\">medium or above</option>"
		    "<option value=\"3\">high or above</option><option value=\"4\">critical</option></select></label>\n"
		    "<label>Apology <select id=\"f-apology\"><option value=\"\">any</option>"
		    "<option>sincere</option><option>canned</option><option>conditional</option>"
		    "<option>none</option></select></label>\n"
		    "<label><input type=\"search\" id=\"f-text\" placeholder=\"Search text, sender, id\" "
		    "aria-label=\"Search\"></label>\n"
		    "<label><input type=\"checkbox\" id=\"f-found\"> with findings</label>\n"
		    "<button type=\"button\" id=\"f-reset\">Reset</button>"
		    "<button type=\"button\" id=\"f-fold\">Fold threads</button>\n"
		    "<span id=\"count\"></span>\n</nav>\n");
}

static void html_finish(tact_writer *w)
{
	const struct summary *s = w->summary;
	buf *b = &w->ob;
	html_state *st = w->state;
	if (!st->listed)
		buf_adds(b, "<p id=\"none\">No messages.</p>\n");
	buf_adds(b, "</main>\n");
	summary_panel(w, s);
	filters(w, s);
	buf_adds(b, "<div id=\"tip\" role=\"tooltip\" hidden></div>\n</div>\n<script>");
	buf_adds(b, script);
	buf_adds(b, "</script>\n</body>\n</html>\n");
}

static void html_close(tact_writer *w)
{
	html_state *st = w->state;
	if (!st)
		return;
	for (size_t i = 0; i < st->nsources; i++)
		free(st->sources[i]);
	free(st->other);
	free(st);
	w->state = NULL;
}

const struct writer_fmt write_html_fmt = {
	.name = "html",
	.open = html_open,
	.write = html_write,
	.finish = html_finish,
	.close = html_close,
};
