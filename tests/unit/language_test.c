/* language_test.c: the warning for a message written in another language
 * than the lexicons' (language.c, lexicons/en/language.tact), on the
 * bundled lexicons: another script, function words of other languages,
 * and English that merely holds a foreign name or phrase. A message
 * analysed twice keeps one warning. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "bundled.h"
#include "testing.h"

static const struct {
	int line;
	const char *in;
	bool want;
} cases[] = {
	/* another script */
	{__LINE__, "アカウントにログインできません。助けてください", true},
	{__LINE__, "Не могу войти в свой аккаунт уже три дня", true},
	{__LINE__, "मेरा ऑर्डर अभी तक नहीं आया है", true},
	/* function words of other languages */
	{__LINE__, "Hola, necesito ayuda con mi cuenta, no puedo entrar desde ayer", true},
	{__LINE__, "Warum ist es mir nicht möglich per Bankeinzug zu bezahlen?", true},
	{__LINE__, "Je ne comprends pas pourquoi ma commande n'est pas arrivée", true},
	{__LINE__, "Olá, meu pedido não chegou até agora", true},
	/* German of long compound nouns: a fifth of its words are function
	 * words, not a quarter */
	{__LINE__, "Sehr geehrte Damen und Herren, meine Bestellnummer ist seit drei Wochen unterwegs, "
		   "Sendungsverfolgung zeigt Zustellversuch, Rückerstattung bitte veranlassen. Vielen Dank", true},
	/* English, with a name, a phrase or a word from elsewhere */
	{__LINE__, "I love De La Soul and my order from El Paso never arrived", false},
	{__LINE__, "The café in Zürich charged me twice, this is déjà vu", false},
	{__LINE__, "Gracias for nothing, my refund is still missing", false},
	{__LINE__, "My account was locked again and nobody answers the phone", false},
	/* too short to judge */
	{__LINE__, "Vamos a ver", false},
	{__LINE__, "ok", false},
};

static bool warned(const tact_msg *m)
{
	for (size_t k = 0; k < tact_msg_warning_count(m); k++)
		if (strstr(tact_msg_warning(m, k), "another language"))
			return true;
	return false;
}

int main(void)
{
	bundled b;
	if (!bundled_open(&b, "language_test"))
		return 1;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const tact_msg *m = bundled_analyze(&b, cases[i].in, TACT_ROLE_CUSTOMER);
		CHECK(warned(m) == cases[i].want, cases[i].line, "\"%s\": %s, want %s", cases[i].in,
		      warned(m) ? "warned" : "no warning", cases[i].want ? "warned" : "no warning");
	}
	/* analysed again: the warning is not listed twice */
	tact_msg *m = bundled_analyze(&b, cases[3].in, TACT_ROLE_AGENT);
	tact_analyze(b.an, m);
	CHECK(tact_msg_warning_count(m) == 1, __LINE__, "%zu warnings after two analyses, want 1",
	      tact_msg_warning_count(m));
	bundled_close(&b);
	return TEST_END("language_test");
}
