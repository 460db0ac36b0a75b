/* quote_test.c: quote and signature regions (quote.c) on small replies
 * written for this test in the styles of many mail clients and languages:
 * each case gives the text, the sender's name and the author's own words
 * that must remain; then hostile inputs that must stay linear. */
#include <stdlib.h>
#include <time.h>

#include "message.h"
#include "quote.h"
#include "testing.h"

/* The text without its regions, blank runs squeezed, ends trimmed. */
static char *own(const tact_msg *m)
{
	buf b = {0};
	const char *t = m->text.ptr ? m->text.ptr : "";
	for (size_t i = 0; i < m->text.len; i++) {
		bool in = false;
		for (size_t r = 0; r < m->nregions && !in; r++)
			in = i >= m->regions[r].start && i < m->regions[r].end;
		if (in)
			continue;
		char c = ascii_space((unsigned char)t[i]) ? ' ' : t[i];
		if (c == ' ' && (!b.len || b.ptr[b.len - 1] == ' '))
			continue;
		buf_addc(&b, c);
	}
	while (b.len && b.ptr[b.len - 1] == ' ')
		b.ptr[--b.len] = '\0';
	return buf_steal(&b);
}

/* The region kinds in text order, "q" and "s", e.g. "qs"; regions of one
 * kind with only blanks between them count once. */
static char *kinds(const tact_msg *m)
{
	buf b = {0};
	for (size_t r = 0; r < m->nregions; r++) {
		if (r && m->regions[r].kind == m->regions[r - 1].kind) {
			bool blank = true;
			for (size_t i = m->regions[r - 1].end; i < m->regions[r].start; i++)
				blank &= ascii_space((unsigned char)m->text.ptr[i]);
			if (blank)
				continue;
		}
		buf_addc(&b, m->regions[r].kind[0]);
	}
	return buf_steal(&b);
}

static const struct {
	int line;
	const char *sender, *text, *own, *kinds;
} cases[] = {
	/* attribution lines, one per language, wrapped or not */
	{__LINE__, NULL, "Thanks, that works.\n\nOn Mon, Jun 3, 2024 at 10:15 AM Jane Doe <jane@example.com> wrote:\n> It is broken.\n",
	 "Thanks, that works.", "q"},
	{__LINE__, NULL, "Fixed now.\n\nOn Mon, Jun 3, 2024 at 10:15 AM Jane Doe <\njane@example.com> wrote:\n\n> It is broken.\n",
	 "Fixed now.", "q"},
	{__LINE__, NULL, "Fixed now.\n\nOn Mon, Jun 3, 2024 at 10:15 AM, Jane Doe\n<jane@example.com>\nwrote:\n\n> It is broken.\n",
	 "Fixed now.", "q"},
	{__LINE__, NULL, "Gracias.\n\nEl lun, 3 jun 2024 a las 10:15, Ana Ruiz (<ana@example.es>) escribió:\n> No funciona.\n",
	 "Gracias.", "q"},
	{__LINE__, NULL, "Merci.\n\nLe lun. 3 juin 2024 à 10:15, Paul Martin <paul@example.fr> a écrit :\n> Ça ne marche pas.\n",
	 "Merci.", "q"},
	{__LINE__, NULL, "Danke.\n\nAm 03.06.2024 um 10:15 schrieb Hans Meier <hans@example.de>:\n> Es geht nicht.\n",
	 "Danke.", "q"},
	{__LINE__, NULL, "Grazie.\n\nIl giorno lun 3 giu 2024 alle ore 10:15 Marco Rossi <marco@example.it> ha scritto:\n> Non funziona.\n",
	 "Grazie.", "q"},
	{__LINE__, NULL, "Obrigado.\n\nEm seg., 3 de jun. de 2024 às 10:15, João Silva <joao@example.pt> escreveu:\n> Não funciona.\n",
	 "Obrigado.", "q"},
	{__LINE__, NULL, "Bedankt.\n\nOp ma 3 jun 2024 om 10:15 schreef Jan de Vries <jan@example.nl>:\n> Het werkt niet.\n",
	 "Bedankt.", "q"},
	{__LINE__, NULL, "Tack.\n\nDen 3 juni 2024 kl. 10:15 skrev Sven <sven@example.se>:\n> Det fungerar inte.\n",
	 "Tack.", "q"},
	{__LINE__, NULL, "OK.\n\n3 июня 2024 г., в 10:15, Иван <ivan@example.ru> написал(а):\n> Не работает.\n",
	 "OK.", "q"},
	{__LINE__, NULL, "Yes.\n\n---- On Mon, 03 Jun 2024 10:15:00 +0200 jane@example.com wrote ----\n\nIt is broken.\n",
	 "Yes.", "q"},
	/* unmarked quotes run to the end */
	{__LINE__, NULL, "My answer.\n\nOn Nov 26, 2013 you wrote:\n\nYour question.\n", "My answer.", "q"},
	/* Outlook and friends */
	{__LINE__, NULL, "Done.\n\n-----Original Message-----\nFrom: Jane <jane@example.com>\nSent: Monday, June 3, 2024 10:15 AM\nTo: Support\nSubject: Help\n\nIt is broken.\n",
	 "Done.", "q"},
	{__LINE__, NULL, "Done.\n\nFrom: Jane Doe [mailto:jane@example.com]\nSent: Monday, June 3, 2024 10:15 AM\nTo: Support\nSubject: Help\n\nIt is broken.\n",
	 "Done.", "q"},
	{__LINE__, NULL, "Erledigt.\n________________________________\nVon: Jane <jane@example.com>\nGesendet: Montag, 3. Juni 2024 10:15\nAn: Support\nBetreff: Hilfe\n\nEs geht nicht.\n",
	 "Erledigt.", "q"},
	{__LINE__, NULL, "C'est fait.\n\nDe : Jane <jane@example.com>\nEnvoyé : lundi 3 juin 2024 10:15\nÀ : Support\nObjet : Aide\n\nÇa ne marche pas.\n",
	 "C'est fait.", "q"},
	{__LINE__, NULL, "Listo.\n\n*De:* Ana <ana@example.es>\n*Enviado el:* lunes, 3 de junio de 2024 10:15\n*Para:* Soporte\n*Asunto:* Ayuda\n\nNo funciona.\n",
	 "Listo.", "q"},
	{__LINE__, NULL, "See below.\n\n---------- Forwarded message ---------\nFrom: Jane <jane@example.com>\nDate: Mon, Jun 3, 2024\nSubject: Help\n\nIt is broken.\n",
	 "See below.", "q"},
	{__LINE__, NULL, "FYI\n\nBegin forwarded message:\n\nFrom: Jane <jane@example.com>\nSubject: Help\n\nIt is broken.\n", "FYI", "q"},
	{__LINE__, NULL, "Siehe unten.\n\n-----Ursprüngliche Nachricht-----\nVon: Jane\nAn: Support\n\nEs geht nicht.\n", "Siehe unten.", "q"},
	/* signatures */
	{__LINE__, NULL, "The refund is on its way.\n\n-- \nSam Agent\nAcme Support\n", "The refund is on its way.", "s"},
	/* a legal disclaimer, after a signature or on its own, above a quote too */
	{__LINE__, "Bob Smith", "Could you resend invoice 5521?\n\nBob Smith | Procurement\nCorp Ltd\nDISCLAIMER: This email is "
			 "confidential. If you are not the intended recipient, unauthorised use may result in legal action.\n",
	 "Could you resend invoice 5521?", "s"},
	{__LINE__, NULL, "Thanks for the quick fix.\n\nCONFIDENTIALITY NOTICE: This e-mail is intended only for the "
			 "named recipient.\nWe reserve the right to take legal action.\n\nOn Mon, Jun 3, 2024 at 10:15 AM "
			 "Jane <jane@example.com> wrote:\n> Fixed?\n",
	 "Thanks for the quick fix.", "sq"},
	{__LINE__, NULL, "Thanks.\n\n*** This message and any attachments may be privileged. If received in error, "
			 "delete it. ***\n",
	 "Thanks.", "s"},
	/* ... not the author's own words that open like one */
	{__LINE__, NULL, "Hello,\n\nDisclaimer: I'm not a lawyer, but this charge looks wrong to me.\n",
	 "Hello, Disclaimer: I'm not a lawyer, but this charge looks wrong to me.", ""},
	{__LINE__, NULL, "Hello,\n\nThis email is to complain about the intended delivery date.\n",
	 "Hello, This email is to complain about the intended delivery date.", ""},
	{__LINE__, NULL, "The refund is on its way.\n\nSent from my iPhone\n", "The refund is on its way.", "s"},
	{__LINE__, NULL, "Die Erstattung ist unterwegs.\n\nVon meinem iPhone gesendet\n", "Die Erstattung ist unterwegs.", "s"},
	{__LINE__, NULL, "Le remboursement arrive.\n\nEnvoyé de mon iPhone\n", "Le remboursement arrive.", "s"},
	{__LINE__, NULL, "Ok.\n\nGet Outlook for Android\n", "Ok.", "s"},
	{__LINE__, NULL, "The refund is on its way.\n\nBest regards,\nJohn Smith\nSupport Lead, Acme Inc.\n+1 555 123 4567\n",
	 "The refund is on its way.", "s"},
	{__LINE__, NULL, "Die Erstattung ist unterwegs.\n\nMit freundlichen Grüßen\nHans Müller\n", "Die Erstattung ist unterwegs.", "s"},
	{__LINE__, NULL, "Le remboursement arrive.\n\nCordialement,\nMarie Dupont\n", "Le remboursement arrive.", "s"},
	{__LINE__, NULL, "El reembolso está en camino.\n\nSaludos,\nAna\n", "El reembolso está en camino.", "s"},
	{__LINE__, NULL, "Il rimborso è in arrivo.\n\nCordiali saluti,\nMarco Rossi\n", "Il rimborso è in arrivo.", "s"},
	{__LINE__, NULL, "O reembolso está a caminho.\n\nAtenciosamente,\nJoão\n", "O reembolso está a caminho.", "s"},
	{__LINE__, NULL, "De terugbetaling komt eraan.\n\nMet vriendelijke groet,\nJan de Vries\n", "De terugbetaling komt eraan.", "s"},
	{__LINE__, NULL, "All set.\n\nGina Lopez\ngina@example.com\n(555) 346-9947\nwww.example.com\n", "All set.", "s"},
	{__LINE__, "Stavros Papadopoulos", "I can't go any higher.\n\nStavros Papadopoulos\nvia mobile\n", "I can't go any higher.", "s"},
	{__LINE__, NULL, "Works for me.\n\n-Abhishek\n", "Works for me.", "s"},
	{__LINE__, NULL, "Thanks for the update!\n\nCheers 🎉\nSarah\n\n—————\nSarah Johnson\nProduct Manager\nsarah@example.com\n",
	 "Thanks for the update!", "s"},
	/* an OpenPGP signature, and the header of a clearsigned text; an
	 * unterminated BEGIN line is the author's */
	{__LINE__, NULL, "My order never arrived.\n\n-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEEkO7DM2DHzFOTKCZA\n"
			 "=AB3C\n-----END PGP SIGNATURE-----\n",
	 "My order never arrived.", "s"},
	{__LINE__, NULL, "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nMy order never arrived.\n\n"
			 "-----BEGIN PGP SIGNATURE-----\niQEzBAEBCAAdFiEE\n-----END PGP SIGNATURE-----\n",
	 "My order never arrived.", "ss"},
	{__LINE__, NULL, "Paste:\n-----BEGIN PGP SIGNATURE-----\nthen nothing\n",
	 "Paste: -----BEGIN PGP SIGNATURE----- then nothing", ""},
	/* a uuencoded attachment; a begin line with no end is the author's */
	{__LINE__, NULL, "The logo is below.\n\nbegin 644 logo.gif\nM1TE&.#=A$P`3`*$``/___P```(\"`@,#`P\"P`````$P`3\n`\nend\n",
	 "The logo is below.", "s"},
	{__LINE__, NULL, "Steps:\nbegin 644 with the form\nTHEN CALL US\n", "Steps: begin 644 with the form THEN CALL US", ""},
	/* a patch: diffstat, file headers, hunks as long as their headers
	 * count (a blank is an empty context line); the words after it are
	 * the author's again, and nothing without a hunk header is a patch */
	{__LINE__, NULL, "Fixes the crash I reported twice.\n---\n lib/messages.c |    2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n\n"
			 "diff --git a/lib/messages.c b/lib/messages.c\nindex 436dacf..96aaa73 100644\n--- a/lib/messages.c\n+++ b/lib/messages.c\n"
			 "@@ -618,4 +665,4 @@ messages. Each time you navigate away\n context\n-old line again\n+new line still\n\n"
			 "Still broken for me after this, though.\n",
	 "Fixes the crash I reported twice. --- Still broken for me after this, though.", "s"},
	{__LINE__, NULL, "Patch below.\n\nIndex: src/main.c\n===================================================================\n"
			 "--- src/main.c\t(revision 12)\n+++ src/main.c\t(working copy)\n@@ -1 +1,2 @@\n-int x;\n+int y;\n+int z;\n\\ No newline at end of file\n",
	 "Patch below.", "s"},
	{__LINE__, NULL, "Two files.\n\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\n c\n--- a/y\n+++ b/y\n@@ -3 +3 @@\n-d\n+e\n",
	 "Two files.", "s"},
	{__LINE__, NULL, "Cut short:\n@@ -1,5 +1,5 @@\n-a\n+b\nI called three times about this.\n",
	 "Cut short: I called three times about this.", "s"},
	{__LINE__, NULL, "My list:\n--- first\n+++ second\n- third\n+ fourth\n @@ not a hunk\n",
	 "My list: --- first +++ second - third + fourth @@ not a hunk", ""},
	{__LINE__, NULL, "Totals:\n a | b\n 3 files changed\n", "Totals: a | b 3 files changed", ""},
	/* both, and the agent quoting an insult: the insult is not own text */
	{__LINE__, NULL, "I am sorry to hear that.\n\nKind regards,\nSam\n\nOn Mon, 3 Jun 2024 at 10:15, Jane <jane@example.com> wrote:\n> You are all useless idiots.\n",
	 "I am sorry to hear that.", "sq"},
	{__LINE__, NULL, "Hello\n\nSent from my iPhone\n\nOn Apr 3, 2012, at 4:19 PM, bob <bob@example.com> wrote:\n\n> Hi\n", "Hello", "sq"},
	/* interleaved replies keep every own line */
	{__LINE__, NULL, "On Dec 15, 2024, at 2:00 PM, Jane <jane@example.com> wrote:\n> Option A?\n\nYes.\n\n> Option B?\n\nNo.\n",
	 "Yes. No.", "qq"},
	{__LINE__, NULL, "> first quoted\n> second quoted\nlate reply\n", "late reply", "q"},
	/* a long quoted line re-wrapped without its marker stays quoted */
	{__LINE__, NULL, "Reply.\n\nOn Mon, 3 Jun 2024 at 10:15, Jane <jane@example.com> wrote:\n> This quoted line is long enough that an old client wrapped it here\nand the rest landed unmarked\n> end\n",
	 "Reply.", "q"},
	/* things that are not quotes or signatures */
	{__LINE__, NULL, "On the other hand, I wrote:\n\nnothing else.\n", "On the other hand, I wrote: nothing else.", ""},
	{__LINE__, NULL, "On Thursday:\n\nWe ship.\n", "On Thursday: We ship.", ""},
	{__LINE__, NULL, "Thanks for your help!\n", "Thanks for your help!", ""},
	{__LINE__, NULL, "It arrived. Thanks!\n\nThanks!\n", "It arrived. Thanks! Thanks!", ""},
	{__LINE__, NULL, "The notification was sent from my iPhone app.\n", "The notification was sent from my iPhone app.", ""},
	{__LINE__, NULL, "Sent from my desk, is much easier than my phone.\n", "Sent from my desk, is much easier than my phone.", ""},
	{__LINE__, NULL, "A fix -- not a signature.\n\n-- first point\n-- second point\n",
	 "A fix -- not a signature. -- first point -- second point", ""},
	{__LINE__, NULL, "## Points\n----\n\n1. Faster\n\n----\n\nThe dashes are formatting, not a signature.\n",
	 "## Points ---- 1. Faster ---- The dashes are formatting, not a signature.", ""},
	{__LINE__, NULL, "I need emails from: john@example.com and from: jane@example.com\n",
	 "I need emails from: john@example.com and from: jane@example.com", ""},
	{__LINE__, NULL, "Please Help\nASAP\n", "Please Help ASAP", ""},
	/* "-- " over a whole message is a separator; over contact lines alone,
	 * a signature */
	{__LINE__, NULL, "-- \nYou charged me twice. I'm cancelling.\n", "-- You charged me twice. I'm cancelling.", ""},
	{__LINE__, NULL, "-- \nSam Agent\nAcme Support\nTel: +1 555 0100\n", "", "s"},
	{__LINE__, NULL, "", "", ""},
	{__LINE__, NULL, "\n\n\n", "", ""},
	{__LINE__, NULL, "> only a quote", "", "q"},
	{__LINE__, NULL, "no newline at the end\n-- \nsig", "no newline at the end", "s"},
	{__LINE__, NULL, "crlf line ends\r\n\r\n-- \r\nsig\r\n", "crlf line ends", "s"},
};

static void test_cases(void)
{
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		tact_msg *m = tact_msg_new();
		tact_msg_set_text(m, cases[i].text, strlen(cases[i].text));
		quote_mark_sender(m, cases[i].sender);
		char *o = own(m), *k = kinds(m);
		CHECK_STR(o, cases[i].own, cases[i].line);
		CHECK_STR(k, cases[i].kinds, cases[i].line);
		for (size_t r = 0; r < m->nregions; r++)
			CHECK(m->regions[r].start < m->regions[r].end && m->regions[r].end <= m->text.len &&
				      (r == 0 || m->regions[r].start >= m->regions[r - 1].end),
			      cases[i].line, "region %zu out of order or range", r);
		/* a second call adds nothing */
		size_t n = m->nregions;
		quote_mark(m);
		CHECK(m->nregions == n, cases[i].line, "quote_mark ran twice");
		free(o);
		free(k);
		tact_msg_free(m);
	}
}

/* The From field gives the sender's name when none is passed. */
static void test_from_field(void)
{
	tact_msg *m = tact_msg_new();
	const char *t = "I can't go any higher.\n\nStavros Papadopoulos\nvia mobile\n";
	tact_msg_set_text(m, t, strlen(t));
	tact_msg_set_field(m, TACT_FIELD_FROM, "Stavros Papadopoulos <s@example.gr>", (size_t)-1);
	quote_mark(m);
	char *o = own(m);
	CHECK_STR(o, "I can't go any higher.", __LINE__);
	free(o);
	tact_msg_free(m);
}

/* quote_mark() on a message of b's text; the seconds it took in *s. */
static tact_msg *mark_timed(const buf *b, double *s)
{
	tact_msg *m = tact_msg_new();
	tact_msg_set_text(m, b->ptr, b->len);
	clock_t c = clock();
	quote_mark(m);
	*s = (double)(clock() - c) / CLOCKS_PER_SEC;
	return m;
}

/* Hostile inputs: linear time, bounded regions. */
static void test_hostile(void)
{
	/* a million quoted lines: one region */
	buf b = {0};
	for (int i = 0; i < 1000000; i++)
		buf_add(&b, ">\n", 2);
	double s;
	tact_msg *m = mark_timed(&b, &s);
	CHECK(m->nregions == 1 && m->regions[0].start == 0, __LINE__, "1M '>' lines: %zu regions", m->nregions);
	CHECK(s < 5.0, __LINE__, "1M '>' lines took %.2f s", s);
	tact_msg_free(m);

	/* a 50 MB line, and one with a header-looking end */
	buf_clear(&b);
	buf_reserve(&b, 50u << 20);
	memset(b.ptr, 'a', 50u << 20);
	b.len = 50u << 20;
	memcpy(b.ptr + b.len - 7, " wrote:", 7);
	m = mark_timed(&b, &s);
	CHECK(m->nregions == 0, __LINE__, "50 MB line: %zu regions", m->nregions);
	CHECK(s < 5.0, __LINE__, "50 MB line took %.2f s", s);
	tact_msg_free(m);

	/* alternating quote and own lines: capped, with a warning */
	buf_clear(&b);
	for (int i = 0; i < 20000; i++)
		buf_adds(&b, "> quoted\nown words\n");
	m = mark_timed(&b, &s);
	CHECK(m->nregions == QUOTE_MAX_REGIONS, __LINE__, "alternating: %zu regions", m->nregions);
	CHECK(m->nwarnings == 1, __LINE__, "alternating: %zu warnings", m->nwarnings);
	CHECK(s < 5.0, __LINE__, "alternating lines took %.2f s", s);
	tact_msg_free(m);

	/* many short lines that all look like attribution candidates */
	buf_clear(&b);
	for (int i = 0; i < 200000; i++)
		buf_adds(&b, "On 1 Jan, x\n");
	m = mark_timed(&b, &s);
	CHECK(s < 5.0, __LINE__, "candidate lines took %.2f s", s);
	tact_msg_free(m);

	/* lines ending with ':' full of one-letter words: every one is
	 * joined with its neighbours and searched for a verb */
	buf_clear(&b);
	for (int i = 0; i < 100000; i++)
		buf_adds(&b, "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a 1:\n");
	m = mark_timed(&b, &s);
	CHECK(m->nregions == 0, __LINE__, "colon lines: %zu regions", m->nregions);
	CHECK(s < 5.0, __LINE__, "colon lines took %.2f s", s);
	tact_msg_free(m);

	/* a huge patch: one hunk of a million lines, then a million hunk
	 * headers whose counts are never met, then a million file header
	 * lines with no hunk after them */
	buf_clear(&b);
	buf_adds(&b, "Patch:\n@@ -1,1000000 +1,1000000 @@\n");
	for (int i = 0; i < 1000000; i++)
		buf_adds(&b, " context line\n");
	for (int i = 0; i < 1000000; i++)
		buf_adds(&b, "@@ -1,9 +1,9 @@\n");
	for (int i = 0; i < 1000000; i++)
		buf_adds(&b, "--- a/x\n");
	m = mark_timed(&b, &s);
	CHECK(m->nregions >= 1 && m->regions[0].start == 7, __LINE__, "huge patch: %zu regions", m->nregions);
	CHECK(s < 5.0, __LINE__, "huge patch took %.2f s", s);
	tact_msg_free(m);
	buf_free(&b);
}

int main(void)
{
	test_cases();
	test_from_field();
	test_hostile();
	return TEST_END("quote");
}
