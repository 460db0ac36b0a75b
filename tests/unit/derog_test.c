/* derog_test.c: the derogatory detector (detect_derog.c) on the bundled
 * lexicons: who an insulting word is aimed at (a person, the writer, a
 * thing), swearing at a person, what context cancels (reported speech,
 * negated insults, names the writer denies calling someone) and what it
 * does not (negated swearing, a message that is all quotation, a relative
 * or a report after the insult), names, titles and masks that are not
 * swearing, masks with dashes that are, footnote stars after a word, and
 * the span a finding marks. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "bundled.h"
#include "testing.h"

static const struct {
	int line;
	const char *in;
	tact_derog want;
	const char *span; /* text of the first derogatory span, or NULL */
} cases[] = {
	/* a name for a person is aimed at one; not when the writer means themself */
	{__LINE__, "you are an idiot", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "What a complete idiot.", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "Trump is an idiot.", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "the idiot who designed this form should be fired", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "I feel like such an idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "I am such a lucky bastard.", TACT_DEROG_PROFANITY, "bastard"},
	{__LINE__, "I'm a happy idiot today.", TACT_DEROG_NONE, NULL},
	{__LINE__, "You are a lucky bastard.", TACT_DEROG_INSULT, "bastard"},
	{__LINE__, "Parcels can get lost in the post.", TACT_DEROG_NONE, NULL},
	{__LINE__, "Get lost, you muppet.", TACT_DEROG_INSULT, "Get lost"},
	{__LINE__, "they treat me like an idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "Stop treating your customers like morons.", TACT_DEROG_NONE, NULL}, /* how they are treated */
	{__LINE__, "your staff are brilliant, no idea why people call them useless", TACT_DEROG_NONE, NULL},
	{__LINE__, "I call them idiots", TACT_DEROG_INSULT, "idiots"},
	{__LINE__, "Don't mean to be a jerk, but the update broke it", TACT_DEROG_NONE, NULL},
	{__LINE__, "this setup is fool proof", TACT_DEROG_NONE, NULL},
	{__LINE__, "What an idiot I am, I booked the wrong day.", TACT_DEROG_NONE, NULL}, /* the writer, after it */
	{__LINE__, "Idiot me forgot to cancel the free trial.", TACT_DEROG_NONE, NULL},
	{__LINE__, "You idiot I asked for a refund", TACT_DEROG_INSULT, "idiot"},
	/* a doubled letter does not hide a word; a dictionary word or a name
	 * that would read as one is not it */
	{__LINE__, "you biitch", TACT_DEROG_INSULT, "biitch"},
	{__LINE__, "shut the fuuk up", TACT_DEROG_INSULT, "shut the fuuk up"},
	{__LINE__, "this is shiit", TACT_DEROG_PROFANITY, "shiit"},
	/* drawn out in two places, the doubled letters squeezed too */
	{__LINE__, "fuuckkk youuu", TACT_DEROG_INSULT, "fuuckkk youuu"},
	{__LINE__, "sooo gooood, thanks a lot", TACT_DEROG_NONE, NULL},
	{__LINE__, "the pollack fillet was off", TACT_DEROG_NONE, NULL},
	{__LINE__, "the fit is looser than last year", TACT_DEROG_NONE, NULL},
	{__LINE__, "we saw the band Ratt live", TACT_DEROG_NONE, NULL},
	/* a name the reader is called between the subject and its verb */
	{__LINE__, "You, sir, are a dick", TACT_DEROG_INSULT, "dick"},
	/* a name for a person only, qualifying a noun after it, calls no one
	 * that name; before a word for a person or a thing it still does */
	{__LINE__, "my uncle is a pig farmer", TACT_DEROG_NONE, NULL},
	{__LINE__, "the trash collector came late again", TACT_DEROG_NONE, NULL},
	{__LINE__, "another terrorist attack on the news", TACT_DEROG_NONE, NULL},
	{__LINE__, "he is a pig", TACT_DEROG_INSULT, "pig"},
	{__LINE__, "you garbage human", TACT_DEROG_INSULT, "garbage"},
	{__LINE__, "they are a terrorist group", TACT_DEROG_INSULT, "terrorist"},
	{__LINE__, "You my friend are clueless.", TACT_DEROG_INSULT, "clueless"},
	{__LINE__, "My friend and I are clueless about routers", TACT_DEROG_NONE, NULL},
	/* a describing word is aimed at what it describes */
	{__LINE__, "this stupid app keeps crashing", TACT_DEROG_NONE, NULL},
	{__LINE__, "stupid people everywhere", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "Kevin was useless and rude", TACT_DEROG_INSULT, "useless"},
	{__LINE__, "you stupid and lazy idiots", TACT_DEROG_INSULT, "stupid"},
	/* ... not the noun phrase joined on after it */
	{__LINE__, "Your returns policy is a joke and your CEO should be ashamed.", TACT_DEROG_NONE, NULL},
	/* "a piece of" does not hide who is called the name */
	{__LINE__, "you are a sick piece of garbage", TACT_DEROG_INSULT, "garbage"},
	{__LINE__, "this app is a piece of garbage", TACT_DEROG_NONE, NULL},
	/* said again of a person with "and so are" (not of a thing) */
	{__LINE__, "Your chatbot is useless and so are the people behind it.", TACT_DEROG_INSULT, "useless"},
	{__LINE__, "ur servers r trash and so is ur support lmao", TACT_DEROG_NONE, NULL},
	/* a curse on "your" + a thing is swearing; on a person an insult */
	{__LINE__, "F*** your ads. I pay for premium.", TACT_DEROG_PROFANITY, "F***"},
	{__LINE__, "fuck your company", TACT_DEROG_PROFANITY, "fuck"},
	{__LINE__, "fuck your mum", TACT_DEROG_INSULT, "fuck"},
	{__LINE__, "screw your useless staff", TACT_DEROG_INSULT, "screw"},
	/* a masked or mild swear word between "a" and the name it intensifies */
	{__LINE__, "you're a f-ing joke", TACT_DEROG_INSULT, "f-ing"},
	{__LINE__, "this is a f-ing joke", TACT_DEROG_PROFANITY, "f-ing"},
	/* text-speak "r" links a subject */
	{__LINE__, "U guys r actually a joke.", TACT_DEROG_INSULT, "joke"},
	{__LINE__, "ur servers r a joke", TACT_DEROG_NONE, NULL},
	/* an insult the author reports */
	{__LINE__, "The meter reader called my wife a stupid cow.", TACT_DEROG_NONE, NULL},
	/* a count after a comma opens a new noun phrase, not a list of describing words */
	{__LINE__, "This is ridiculous, three engineers, three different answers.", TACT_DEROG_NONE, NULL},
	{__LINE__, "stupid, arrogant guys", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "Comcast is useless", TACT_DEROG_NONE, NULL},
	{__LINE__, "The staff in your Leeds store are lazy and rude.", TACT_DEROG_INSULT, "lazy"}, /* a person before a place */
	{__LINE__, "the manager at the Main Street branch was useless", TACT_DEROG_INSULT, "useless"},
	{__LINE__, "the chat in your app is useless", TACT_DEROG_NONE, NULL},
	{__LINE__, "because of some dumb \"Anti Malware\" thing", TACT_DEROG_NONE, NULL},
	{__LINE__, "that stupid Kevin guy hung up", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "it's pathetic that this is still broken", TACT_DEROG_NONE, NULL},
	{__LINE__, "I feel so stupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "He's stupid, ignorant and lazy", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "sold by stupid, arrogant guys", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "old folk can be slow and stupid", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "you're such a joke", TACT_DEROG_INSULT, "joke"},
	{__LINE__, "people that are stupid", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "a policy which is stupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "you should read the manual first, stupid.", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "religion is a crutch for the ignorant", TACT_DEROG_INSULT, "ignorant"},
	{__LINE__, "I think Trump sucks", TACT_DEROG_INSULT, "sucks"},
	{__LINE__, "this sucks", TACT_DEROG_NONE, NULL},
	/* "sucks" is a verb, not a name: a person right before it is its
	 * subject (not a compound, as in "installer garbage") */
	{__LINE__, "he sucks", TACT_DEROG_INSULT, "sucks"},
	{__LINE__, "She sucks.", TACT_DEROG_INSULT, "sucks"},
	{__LINE__, "well he sucks", TACT_DEROG_INSULT, "sucks"},
	{__LINE__, "You suck.", TACT_DEROG_INSULT, "suck"},
	{__LINE__, "Your manager sucks", TACT_DEROG_INSULT, "sucks"},
	{__LINE__, "The delivery driver sucks!", TACT_DEROG_INSULT, "sucks"},
	{__LINE__, "it sucks", TACT_DEROG_NONE, NULL},
	{__LINE__, "the app sucks", TACT_DEROG_NONE, NULL},
	{__LINE__, "Your app sucks", TACT_DEROG_NONE, NULL},
	{__LINE__, "Comcast sucks", TACT_DEROG_NONE, NULL},
	{__LINE__, "his phone sucks", TACT_DEROG_NONE, NULL},
	{__LINE__, "Being a girl sucks.", TACT_DEROG_NONE, NULL}, /* a person after a gerund or preposition */
	{__LINE__, "talking to your agents sucks", TACT_DEROG_NONE, NULL},
	{__LINE__, "all of them suck", TACT_DEROG_INSULT, "suck"},
	{__LINE__, "the thief opened a card in my name", TACT_DEROG_NONE, NULL},
	{__LINE__, "you're a bunch of thieves", TACT_DEROG_INSULT, "thieves"},
	{__LINE__, "Your ridiculous online payment portal rejects my card", TACT_DEROG_NONE, NULL},
	{__LINE__, "YOUR COUNTER STAFF AT HEATHROW ARE RUDE AND USELESS", TACT_DEROG_INSULT, "USELESS"},
	{__LINE__, "Your receptionist is a condescending cow.", TACT_DEROG_INSULT, "cow"},
	{__LINE__, "Useless, the lot of you.", TACT_DEROG_INSULT, "Useless"},
	/* swearing, and swearing at someone */
	{__LINE__, "get me a bloody manager", TACT_DEROG_PROFANITY, "bloody"},
	{__LINE__, "the fucking adjuster is an absolute moron", TACT_DEROG_INSULT, "fucking"},
	{__LINE__, "this is not fucking fair", TACT_DEROG_PROFANITY, "fucking"},
	{__LINE__, "are you fucking kidding me", TACT_DEROG_PROFANITY, "fucking"},
	{__LINE__, "fuck you", TACT_DEROG_INSULT, "fuck you"}, /* a curse keeps whom it curses */
	{__LINE__, "what the hell", TACT_DEROG_PROFANITY, "hell"},
	{__LINE__, "daylight saving is kicking my ass y'all", TACT_DEROG_PROFANITY, "ass"}, /* owned: a noun */
	{__LINE__, "get lost you dumbfuck", TACT_DEROG_INSULT, "get lost"},
	{__LINE__, "you asshole", TACT_DEROG_INSULT, "asshole"},
	{__LINE__, "f*cking hell, it broke again", TACT_DEROG_PROFANITY, "f*cking"},
	{__LINE__, "you are an 1d10t", TACT_DEROG_INSULT, "1d10t"},
	{__LINE__, "you are a m\xd0\xbe" "ron", TACT_DEROG_INSULT, "m\xd0\xbe" "ron"}, /* Cyrillic o */
	{__LINE__, "what a sh!tshow", TACT_DEROG_PROFANITY, "sh!tshow"},
	{__LINE__, "this is sh^t, it broke again", TACT_DEROG_PROFANITY, "sh^t"}, /* a caret masks a letter too */
	{__LINE__, "x^2 + y^2 = r^2 ^_^", TACT_DEROG_NONE, NULL},
	{__LINE__, "We can look into this for you. ^AG", TACT_DEROG_NONE, NULL}, /* initials, not a mask */
	{__LINE__, "you hoe^^", TACT_DEROG_INSULT, "hoe"}, /* carets at the ends: punctuation */
	{__LINE__, "you are such a pun.k", TACT_DEROG_INSULT, "pun.k"}, /* a word split by a dot */
	{__LINE__, "what a s.t.u.p.i.d policy", TACT_DEROG_NONE, NULL}, /* its "u" is no "you" */
	/* an l among capitals or an I among small letters stands for the other */
	{__LINE__, "what a FUCKlNG mess", TACT_DEROG_PROFANITY, "FUCKlNG"},
	{__LINE__, "you are a fooI", TACT_DEROG_INSULT, "fooI"},
	{__LINE__, "you IDlOT", TACT_DEROG_INSULT, "IDlOT"},
	{__LINE__, "the WlFl is down again, my iPhone too", TACT_DEROG_NONE, NULL},
	{__LINE__, "you are s.t.u.p.i.d", TACT_DEROG_INSULT, "s.t.u.p.i.d"},
	/* the letters of a spelled-out word are no words of their own: not "f u" */
	{__LINE__, "f.u.c.k.i.n.g useless service", TACT_DEROG_PROFANITY, "f.u.c.k.i.n.g"},
	{__LINE__, "you are a f.u.c.k.i.n.g idiot", TACT_DEROG_INSULT, "f.u.c.k.i.n.g"},
	/* ... the article before letters spaced out is read both ways */
	{__LINE__, "you are a b i t c h", TACT_DEROG_INSULT, "b i t c h"},
	{__LINE__, "you are a m o r o n", TACT_DEROG_INSULT, "m o r o n"},
	{__LINE__, "Racist a s s hole.", TACT_DEROG_PROFANITY, "s s"},
	/* a swear word for a person that the reader is said to be */
	{__LINE__, "you're a fcker", TACT_DEROG_INSULT, "fcker"},
	{__LINE__, "you are a dumbfuck", TACT_DEROG_INSULT, "dumbfuck"},
	{__LINE__, "you're a fucking genius", TACT_DEROG_PROFANITY, "fucking"},
	{__LINE__, "they're a fcker", TACT_DEROG_PROFANITY, "fcker"},
	/* a describing word before a name is aimed where the name is */
	{__LINE__, "I am such a stupid idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "stop treating me like I'm some sort of idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "your stupid idiot manager", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "your moms a wh.ore", TACT_DEROG_INSULT, "wh.ore"},
	{__LINE__, "shut the fu.ck up", TACT_DEROG_INSULT, "shut the fu.ck up"},
	{__LINE__, "My email is at pun.k.example.org", TACT_DEROG_NONE, NULL},
	/* a word split by a space: the second half a word no lexicon knows */
	{__LINE__, "you are an id iot", TACT_DEROG_INSULT, "id iot"},
	{__LINE__, "Fu ck you too", TACT_DEROG_INSULT, "Fu ck you"},
	{__LINE__, "Fu ck them", TACT_DEROG_INSULT, "Fu ck"}, /* a curse read through the run keeps its target */
	{__LINE__, "f.u.c.k them", TACT_DEROG_INSULT, "f.u.c.k"},
	{__LINE__, "such a bi tch", TACT_DEROG_INSULT, "bi tch"},
	{__LINE__, "the pen is mightier than the sword", TACT_DEROG_NONE, NULL},
	{__LINE__, "my friend Cu Nt is here", TACT_DEROG_NONE, NULL}, /* a name */
	{__LINE__, "You are too_stupid to breathe!", TACT_DEROG_INSULT, "too_stupid"}, /* underscores for spaces */
	{__LINE__, "You are a certified_moron", TACT_DEROG_INSULT, "certified_moron"},
	{__LINE__, "ask SC_Troll, he knows", TACT_DEROG_NONE, NULL}, /* mixed case: a handle */
	{__LINE__, "an idiot_proof design", TACT_DEROG_NONE, NULL},
	{__LINE__, "rot in he11", TACT_DEROG_INSULT, "rot in he11"}, /* '1' as 'l' when 'i' is no word */
	{__LINE__, "you jer*k", TACT_DEROG_INSULT, "jer*k"}, /* a mask inserted, not put for a letter */
	{__LINE__, "a dou*che*bag like you", TACT_DEROG_INSULT, "dou*che*bag"},
	{__LINE__, "call 1-800 or use code b1ll", TACT_DEROG_NONE, NULL},
	/* whose words */
	{__LINE__, "the driver said \"you are a stupid idiot\" to me", TACT_DEROG_NONE, NULL},
	{__LINE__, "\"you idiots\"", TACT_DEROG_INSULT, "idiots"},
	{__LINE__, "My brother is a fucking pussy.", TACT_DEROG_INSULT, "fucking"},
	{__LINE__, "he's not a liar", TACT_DEROG_NONE, NULL},
	{__LINE__, "you absolute idiot lol", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "you must think we're stupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "Sorry to be daft, but where is the wiki?", TACT_DEROG_NONE, NULL},
	{__LINE__, "why does the app sucker you in with a promise", TACT_DEROG_NONE, NULL},
	{__LINE__, "trying to fool your readers?", TACT_DEROG_NONE, NULL},
	{__LINE__, "what an idiot you are", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "the pedals spin like crazy", TACT_DEROG_NONE, NULL},
	{__LINE__, "Will you fix Zoo Tycoon: Ultimate Animal Collection?", TACT_DEROG_NONE, NULL},
	{__LINE__, "I said it as a passing joke", TACT_DEROG_NONE, NULL},
	{__LINE__, "Crooked Hillary lost", TACT_DEROG_INSULT, "Crooked"},
	{__LINE__, "Everyone: Flying sucks on halloween.", TACT_DEROG_NONE, NULL},
	{__LINE__, "Forgive my stupidity, the link is fine", TACT_DEROG_NONE, NULL},
	{__LINE__, "april fools jokes should not disrupt the wiki", TACT_DEROG_NONE, NULL},
	{__LINE__, "we had deplorable customer service from the bank", TACT_DEROG_NONE, NULL},
	{__LINE__, "deleting installer garbage if anyone is curious", TACT_DEROG_NONE, NULL},
	{__LINE__, "pigs like you", TACT_DEROG_INSULT, "pigs"},
	/* a relative or a report after the insult does not make it reported speech */
	{__LINE__, "your incompetent colleague told me to wait", TACT_DEROG_INSULT, "incompetent"},
	{__LINE__, "your idiot brother told me", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "he called me an idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "my dad said your staff are morons", TACT_DEROG_NONE, NULL},
	/* the one told is the writer's word, what they were told is not */
	{__LINE__, "Told my bitch I don't wanna eat", TACT_DEROG_PROFANITY, "bitch"},
	{__LINE__, "I told my idiot manager to call them", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "he told her fuck off", TACT_DEROG_NONE, NULL},
	{__LINE__, "the driver told me to f*** off", TACT_DEROG_NONE, NULL},
	/* a describing word called after an order to the reader */
	{__LINE__, "don't be late, stupid", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "Read the email, stupid.", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "Please fix this, ridiculous.", TACT_DEROG_NONE, NULL},
	{__LINE__, "Crashed again, pathetic.", TACT_DEROG_NONE, NULL},
	{__LINE__, "Read the terms, silly me.", TACT_DEROG_NONE, NULL},
	{__LINE__, "Keep it simple, stupid", TACT_DEROG_NONE, NULL},
	/* ... also with the line broken after the comma, with or without a
	 * run of one-word sentences elsewhere ("Worst. Service. Ever.") */
	{__LINE__, "Read the email,\nstupid.", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "Worst. Service. Ever.\nRead the email,\nstupid.", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "you never listen,\nstupid", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "Worst. Service. Ever.\nyou never listen,\nstupid", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "Useless,\nthe lot of you", TACT_DEROG_INSULT, "Useless"},
	{__LINE__, "Worst. Service. Ever.\nUseless,\nthe lot of you", TACT_DEROG_INSULT, "Useless"},
	{__LINE__, "Keep it simple,\nstupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "Worst. Service. Ever.\nKeep it simple,\nstupid", TACT_DEROG_NONE, NULL},
	/* dismissals of the reader; "shit" said of the reader */
	{__LINE__, "go back to school and learn to read", TACT_DEROG_INSULT, "go back to school"},
	{__LINE__, "my son went back to school today", TACT_DEROG_NONE, NULL},
	{__LINE__, "Come back when you grow up.", TACT_DEROG_INSULT, "Come back when you grow up"},
	{__LINE__, "you're shit at this", TACT_DEROG_INSULT, "shit"},
	{__LINE__, "your shit arrived broken", TACT_DEROG_PROFANITY, "shit"},
	/* "ho", "hos" after a determiner; not the laugh or the call */
	{__LINE__, "that ho was lying", TACT_DEROG_PROFANITY, "ho"},
	{__LINE__, "all these hos want is money", TACT_DEROG_PROFANITY, "hos"},
	{__LINE__, "you ho", TACT_DEROG_INSULT, "ho"},
	{__LINE__, "Ho ho ho, merry Christmas to all", TACT_DEROG_NONE, NULL},
	{__LINE__, "hi ho, hi ho, it's off to work we go", TACT_DEROG_NONE, NULL},
	{__LINE__, "the queue is slow as hell", TACT_DEROG_PROFANITY, "hell"},
	/* "cracker" and "queer" as names for a person, not the biscuit or the adjective */
	{__LINE__, "shut up you creepy ass cracker", TACT_DEROG_IDENTITY, NULL},
	{__LINE__, "graham crackers and coffee", TACT_DEROG_NONE, NULL},
	{__LINE__, "you're a queer", TACT_DEROG_IDENTITY, "queer"},
	{__LINE__, "a queer actor got the lead role", TACT_DEROG_NONE, NULL},
	{__LINE__, "all these rednecks", TACT_DEROG_INSULT, "rednecks"},
	/* a name the writer denies calling someone; a warning is not a denial */
	{__LINE__, "I'd never call you an idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "I'm not saying your staff are useless", TACT_DEROG_NONE, NULL},
	/* a negated verb of knowing or believing before an exclamation does
	 * not negate it */
	{__LINE__, "You really do not realize how ignorant you are", TACT_DEROG_INSULT, "ignorant"},
	{__LINE__, "I can't believe what an idiot he is", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "you are not stupid", TACT_DEROG_NONE, NULL},
	/* "No" as an interjection before a name called: no negation */
	{__LINE__, "No idiot, it's murder.", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "No moron! Read it again.", TACT_DEROG_INSULT, "moron"},
	{__LINE__, "No Kim you are a failure", TACT_DEROG_INSULT, "failure"},
	{__LINE__, "No idiot would do that.", TACT_DEROG_NONE, NULL},
	{__LINE__, "No stupid people here.", TACT_DEROG_NONE, NULL},
	{__LINE__, "There was no idiot, only a mistake.", TACT_DEROG_NONE, NULL},
	{__LINE__, "you're an idiot, I'd never say that to a friend", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "Don't be an idiot.", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "don't be so stupid", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "no wonder your idiots can't find the parcel.", TACT_DEROG_INSULT, "idiots"},
	{__LINE__, "Your manager is not only a fool but a liar too", TACT_DEROG_INSULT, "fool"},
	/* masks with dashes */
	{__LINE__, "f--k this", TACT_DEROG_PROFANITY, "f--k"},
	{__LINE__, "this s--t again", TACT_DEROG_PROFANITY, "s--t"},
	{__LINE__, "what a load of bulls--t", TACT_DEROG_PROFANITY, "bulls--t"},
	{__LINE__, "you a--hole", TACT_DEROG_INSULT, "a--hole"},
	{__LINE__, "you are such an A-HOLE", TACT_DEROG_INSULT, "A-HOLE"},
	{__LINE__, "the F-22 is a plane", TACT_DEROG_NONE, NULL},
	{__LINE__, "a hole in the roof", TACT_DEROG_NONE, NULL},
	/* a star after a word is a footnote, unless the word needs it */
	{__LINE__, "what a bunch of morons*", TACT_DEROG_INSULT, "morons*"}, /* "a bunch of" is framing */
	{__LINE__, "you idiots*", TACT_DEROG_INSULT, "idiots*"},
	{__LINE__, "you are an a**", TACT_DEROG_INSULT, "a**"},
	{__LINE__, "what a load of bulls***", TACT_DEROG_PROFANITY, "bulls***"},
	{__LINE__, "free shipping* on all orders", TACT_DEROG_NONE, NULL},
	/* titles and quoted names */
	{__LINE__, "my copy of The Idiot by Dostoevsky arrived damaged", TACT_DEROG_NONE, NULL},
	{__LINE__, "the song 'Fuck You' by CeeLo Green won't play", TACT_DEROG_NONE, NULL},
	/* an apostrophe that elides ('bout, 'em, 'cause) opens no quotation */
	{__LINE__, "I ain't worried 'bout you, you idiot", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "tell 'em they are useless morons", TACT_DEROG_INSULT, "useless"},
	{__LINE__, "'cause you are a moron", TACT_DEROG_INSULT, "moron"},
	{__LINE__, "the driver said 'you idiot' and drove off", TACT_DEROG_NONE, NULL},
	{__LINE__, "'em boxes were crushed.\nHe yelled 'you moron' at me", TACT_DEROG_NONE, NULL},
	/* a quotation opened by an @name and a colon is a repost, the poster's
	 * as "RT @name:" is; other quotations stay reported speech */
	{__LINE__, "\"@jo_b: you are all useless idiots\" so true", TACT_DEROG_INSULT, "useless"},
	{__LINE__, "\u201c@jo_b: this damn bus is late again\u201d same here", TACT_DEROG_PROFANITY, "damn"},
	{__LINE__, "@jo_b said \"you are all useless idiots\" to the staff", TACT_DEROG_NONE, NULL},
	{__LINE__, "\"@jo_b you are all useless idiots\" is what he wrote", TACT_DEROG_NONE, NULL},
	{__LINE__, "my daughter loves the song Stupid Cupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "Jackass Forever wont stream", TACT_DEROG_NONE, NULL},
	{__LINE__, "I bought Shit My Dad Says and it never came", TACT_DEROG_NONE, NULL},
	{__LINE__, "Your Agent Is A Moron and I want a refund", TACT_DEROG_INSULT, "Moron"},
	{__LINE__, "your managers are S T U P I D", TACT_DEROG_INSULT, "S T U P I D"},
	/* a copula says a name of a thing; a person in the subject still counts */
	{__LINE__, "the sat nav in this car is a moron", TACT_DEROG_NONE, NULL},
	{__LINE__, "karma is a bitch", TACT_DEROG_PROFANITY, "bitch"},
	{__LINE__, "whoever designed your fraud-block system is a halfwit", TACT_DEROG_INSULT, "halfwit"},
	{__LINE__, "Honestly, this is an idiot of the first order", TACT_DEROG_INSULT, "idiot"},
	/* swearing before an insult that is not aimed at a person */
	{__LINE__, "I nearly went fucking crazy waiting", TACT_DEROG_PROFANITY, "fucking"},
	{__LINE__, "you fucking idiot", TACT_DEROG_INSULT, "fucking"},
	{__LINE__, "honestly you are idiot you know", TACT_DEROG_INSULT, "idiot"},
	/* a slur called at staff is also an insult */
	{__LINE__, "the dev team is obviously a bunch of r*tards", TACT_DEROG_IDENTITY, "r*tards"},
	/* a slur the writer calls themself is swearing, not an attack on a
	 * group; "my" is someone else, and the reader is still attacked */
	{__LINE__, "i'm fucking retarded.", TACT_DEROG_PROFANITY, "fucking"},
	{__LINE__, "I'm such a retard sometimes.", TACT_DEROG_PROFANITY, "retard"},
	{__LINE__, "you're a retard", TACT_DEROG_IDENTITY, "retard"},
	{__LINE__, "he is retarded", TACT_DEROG_IDENTITY, "retarded"},
	/* doubted or questioned, a name is not the writer's claim */
	{__LINE__, "I doubt he's a murderer.", TACT_DEROG_NONE, NULL},
	{__LINE__, "Where did you read they were rapists?", TACT_DEROG_NONE, NULL},
	{__LINE__, "Where did you get this rubbish idea, you idiot?", TACT_DEROG_INSULT, "idiot"},
	/* every form of "you" is the reader: one list (targets.tact, @class you) */
	{__LINE__, "yall trash", TACT_DEROG_INSULT, "trash"},
	{__LINE__, "ya'll are pigs", TACT_DEROG_INSULT, "pigs"},
	{__LINE__, "fuck yall", TACT_DEROG_INSULT, "fuck"},
	{__LINE__, "fuck youse", TACT_DEROG_INSULT, "fuck"},
	/* "your"/"ur" for "you're" before an article */
	{__LINE__, "your a dick", TACT_DEROG_INSULT, "dick"},
	{__LINE__, "ur a dick", TACT_DEROG_INSULT, "dick"},
	{__LINE__, "ur an idiot", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "your dick pics", TACT_DEROG_PROFANITY, "dick"},
	/* a name called in a clause of its own is not under an earlier clause's
	 * negation or retraction; a negated name in its clause stays negated */
	{__LINE__, "Don't watch it, loser.", TACT_DEROG_INSULT, "loser"},
	{__LINE__, "Never mind, idiot.", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "no need now, you absolute clown", TACT_DEROG_INSULT, "clown"},
	{__LINE__, "you're not an idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "I'm not calling you an idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "I feel like a petulant kid", TACT_DEROG_NONE, NULL},
	/* the writer likened to a person noun described: said of the writer */
	{__LINE__, "I feel like a stupid child", TACT_DEROG_NONE, NULL},
	{__LINE__, "he behaves like a stupid child", TACT_DEROG_INSULT, "stupid"},
	/* a person noun of one who does something is no thing found by its
	 * stem ("worker": work), but a thing listed in full stays one */
	{__LINE__, "she is a stupid worker", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "a lazy employee", TACT_DEROG_INSULT, "lazy"},
	{__LINE__, "what a useless banker", TACT_DEROG_INSULT, "useless"},
	{__LINE__, "the stupid work never ends", TACT_DEROG_NONE, NULL},
	{__LINE__, "this stupid poster fell off the wall", TACT_DEROG_NONE, NULL},
	/* a pronoun after a describing word starts a clause of its own */
	{__LINE__, "this is ridiculous nobody knows", TACT_DEROG_NONE, NULL},
	{__LINE__, "you are a ridiculous nobody", TACT_DEROG_INSULT, "ridiculous"},
	/* swearing at a person: "you" before a name made of a swear word, "fuck
	 * all of you", a curse on someone opening its clause; not "the fuck"
	 * as an intensifier, nor swearing at a company */
	{__LINE__, "Before making a comment....you dumbfuck......try looking", TACT_DEROG_INSULT, "dumbfuck"},
	{__LINE__, "you fucked up my order", TACT_DEROG_PROFANITY, "fucked"},
	{__LINE__, "FUCK ALLA YALL", TACT_DEROG_INSULT, "FUCK"},
	{__LINE__, "Fuck them today, fuck them tomorrow", TACT_DEROG_INSULT, "Fuck"},
	{__LINE__, "@USER Fuck Alan I'm sorry", TACT_DEROG_INSULT, "Fuck"},
	{__LINE__, "I'd fuck her", TACT_DEROG_PROFANITY, "fuck"},
	{__LINE__, "fuck Comcast", TACT_DEROG_PROFANITY, "fuck"},
	{__LINE__, "Fucking BullShit! How did that happen", TACT_DEROG_PROFANITY, "Fucking"}, /* a swear word is no name */
	{__LINE__, "why the fuck you employ people who can't read", TACT_DEROG_PROFANITY, "fuck"},
	{__LINE__, "f*** you", TACT_DEROG_INSULT, "f*** you"},
	/* swearing the writer uses to describe what was said is theirs */
	{__LINE__, "you keep saying different shit to people", TACT_DEROG_PROFANITY, "shit"},
	{__LINE__, "one of your sales reps called me an asshole", TACT_DEROG_NONE, NULL},
	/* a name given outright is not taken back by a negation elsewhere */
	{__LINE__, "I am not dude....you moron! Go back", TACT_DEROG_INSULT, "moron"},
	{__LINE__, "Then don't watch it loser.", TACT_DEROG_INSULT, "loser"},
	{__LINE__, "I can't stand idiots like you.", TACT_DEROG_INSULT, "idiots"},
	{__LINE__, "if these clowns would fix the router", TACT_DEROG_INSULT, "clowns"},
	{__LINE__, "I want a manager and not whatever clueless kid this is", TACT_DEROG_INSULT, "clueless"},
	{__LINE__, "I'm not an idiot like you think", TACT_DEROG_NONE, NULL},
	{__LINE__, "I don't hire idiots.", TACT_DEROG_NONE, NULL},
	{__LINE__, "no idiot would go there", TACT_DEROG_NONE, NULL},
	{__LINE__, "Sorry dikhead, we all know you", TACT_DEROG_INSULT, "dikhead"},
	{__LINE__, "But our idiots in Congress want single payer.", TACT_DEROG_INSULT, "idiots"},
	/* who a describing word is said of: degree words, questions, lists,
	 * relative clauses */
	{__LINE__, "Are people really that stupid?", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "is that stupid?", TACT_DEROG_NONE, NULL},
	{__LINE__, "Someone this stupid can't tie their shoes", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "How stupid can people be?", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "how stupid do you think we are", TACT_DEROG_NONE, NULL},
	{__LINE__, "How dumb do you think I am", TACT_DEROG_NONE, NULL},
	{__LINE__, "How dumb do I think you are", TACT_DEROG_INSULT, "dumb"}, /* the writer judges */
	{__LINE__, "How stupid is this app", TACT_DEROG_NONE, NULL},
	{__LINE__, "I forget how profoundly stupid this woman is", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "how truly stupid this app is", TACT_DEROG_NONE, NULL},
	{__LINE__, "A dumb crude guy in a dumb crude sport", TACT_DEROG_INSULT, "dumb"},
	{__LINE__, "time to deport ignorant sheep like you", TACT_DEROG_INSULT, "ignorant"},
	{__LINE__, "caused great embarrassment - landlord will no longer take a check", TACT_DEROG_NONE, NULL},
	{__LINE__, "she is nothing more than a liar", TACT_DEROG_INSULT, "liar"},
	{__LINE__, "People that run out of fuel are STUPID.", TACT_DEROG_INSULT, "STUPID"},
	{__LINE__, "the app that people use is stupid", TACT_DEROG_NONE, NULL},
	/* the writer: a name as a modifier, "Being an idiot, I", a simile
	 * after a past verb; a simile is said of the nearest person */
	{__LINE__, "Total muppet moment from me, I left my passport", TACT_DEROG_NONE, NULL},
	{__LINE__, "Being an absolute idiot I've forgotten my key fob again", TACT_DEROG_NONE, NULL},
	{__LINE__, "bought tix for the wrong date like an idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "Calling me names just makes you look like a fool.", TACT_DEROG_INSULT, "fool"},
	{__LINE__, "stop acting like a fool", TACT_DEROG_INSULT, "fool"},
	/* a swear word the writer says of themself in a simile is swearing */
	{__LINE__, "I feel like a stupid ass", TACT_DEROG_PROFANITY, "stupid ass"},
	{__LINE__, "I slept in like a fucking stupid ass", TACT_DEROG_PROFANITY, "fucking"},
	{__LINE__, "you look like a stupid ass", TACT_DEROG_INSULT, "stupid ass"},
	{__LINE__, "you look like a fucking idiot", TACT_DEROG_INSULT, "fucking"},
	/* "sucks" is said of its subject; with an object it is another verb */
	{__LINE__, "Losing sucks...but you can't beat it", TACT_DEROG_NONE, NULL},
	{__LINE__, "Is it gay if you tried to suck your own dick?", TACT_DEROG_PROFANITY, "dick"},
	{__LINE__, "there are lots of animals in trouble", TACT_DEROG_NONE, NULL},
	{__LINE__, "get him some crayons and animal crackers", TACT_DEROG_NONE, NULL},
	{__LINE__, "Delusional teabagger thinks he can stop it", TACT_DEROG_NONE, NULL},
	{__LINE__, "Any dose of either could fuck you up", TACT_DEROG_PROFANITY, "fuck"},
	{__LINE__, "that just annoys lil sensitive pussies like you", TACT_DEROG_INSULT, "pussies"},
	{__LINE__, "you're just a broke ass..", TACT_DEROG_INSULT, "broke ass"},
	{__LINE__, "We are starting to see your ignorance.", TACT_DEROG_INSULT, "ignorance"},
	{__LINE__, "forgive my ignorance, where is the invoice?", TACT_DEROG_NONE, NULL},
	/* "queer" called at someone last in a sentence, never said of oneself */
	{__LINE__, "Smh queer", TACT_DEROG_IDENTITY, "queer"},
	{__LINE__, "I'm queer.", TACT_DEROG_NONE, NULL},
	{__LINE__, "my friend is non-binary and queer", TACT_DEROG_NONE, NULL},
	/* other senses of slurs and names: a car's transmission, a British
	 * cigarette, country music, trash talk */
	{__LINE__, "the garage says the tranny fluid is burnt", TACT_DEROG_NONE, NULL},
	{__LINE__, "only bought 20 fags this weekend", TACT_DEROG_NONE, NULL},
	{__LINE__, "that honky-tonk in the sky", TACT_DEROG_NONE, NULL},
	{__LINE__, "he talks a lot of trash, you can tell he loves the game", TACT_DEROG_NONE, NULL},
	{__LINE__, "Royal city of the Kushite kings", TACT_DEROG_NONE, NULL},
	/* how someone was treated is no name for them; a name after a
	 * preposition is not the subject */
	{__LINE__, "your staff treated us like animals at the gate", TACT_DEROG_NONE, NULL},
	{__LINE__, "All the helmets in Destiny are trash.", TACT_DEROG_NONE, NULL},
	{__LINE__, "the agents in Leeds are useless", TACT_DEROG_INSULT, "useless"},
	{__LINE__, "not in Florida retard", TACT_DEROG_IDENTITY, "retard"},
	/* "scratch that" takes back only as a sentence of its own */
	{__LINE__, "the guy was a complete a$$ about a scratch that was already there", TACT_DEROG_INSULT,
	 "complete a$$"},
	/* "colored" said of people */
	{__LINE__, "Y'all hire colored folk?", TACT_DEROG_IDENTITY, "colored folk"},
	{__LINE__, "the colored pencils arrived broken", TACT_DEROG_NONE, NULL},
	/* not swearing */
	{__LINE__, "Del Negro kept his job", TACT_DEROG_NONE, NULL},
	/* a capitalized word after a possessive is no second name */
	{__LINE__, "along with all of Obama's Clowns", TACT_DEROG_INSULT, "Clowns"},
	{__LINE__, "along with all of Obama’s Clowns", TACT_DEROG_INSULT, "Clowns"},
	/* a negated verb does not take back a name in its definite object */
	{__LINE__, "don't let the trolls win", TACT_DEROG_INSULT, "trolls"},
	{__LINE__, "he is not the idiot here", TACT_DEROG_NONE, NULL},
	{__LINE__, "I didn't hire an idiot", TACT_DEROG_NONE, NULL},
	{__LINE__, "I'd never call him the idiot", TACT_DEROG_NONE, NULL},
	/* ... nor a describing word before the noun of a bare object */
	{__LINE__, "We don't want stupid dishonest people like this here", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "he is not stupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "you are not stupid people", TACT_DEROG_NONE, NULL},
	{__LINE__, "I don't want to look stupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "I don't think stupid people should vote", TACT_DEROG_NONE, NULL},
	/* the writer as the one who judges, not the one judged */
	{__LINE__, "that idiot lied to me", TACT_DEROG_INSULT, "idiot"},
	{__LINE__, "I was so stupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "we adopted a Maine coon kitten", TACT_DEROG_NONE, NULL},
	{__LINE__, "*is* this the right way to do it?", TACT_DEROG_NONE, NULL},
	{__LINE__, "our assessed tax was wrong", TACT_DEROG_NONE, NULL},
	{__LINE__, "stop harrassing me about the bill", TACT_DEROG_NONE, NULL},
	{__LINE__, "I visited Scunthorpe last week", TACT_DEROG_NONE, NULL},
	/* words run together are no compound: "was hit" is not searched inside
	 * them, a hashtag of a few words still is (pattern.c SUB_MAX_BYTES) */
	{__LINE__, "Ifinancedatruckandmycreditreportwashitwithfifteeninquiries", TACT_DEROG_NONE, NULL},
	{__LINE__, "#thisisbullshitverizon", TACT_DEROG_PROFANITY, "thisisbullshitverizon"},
	/* in a message written in another language, a swear word inside a
	 * word is that language's word; a whole swear word still counts */
	{__LINE__, "Ich glaube, dass das nicht stimmt.", TACT_DEROG_NONE, NULL},
	{__LINE__, "Ich glaube, dass das nicht stimmt. Fuck.", TACT_DEROG_PROFANITY, "Fuck"},
	/* a name for a person only, called at the reader with a describing
	 * word we know by its ending between (not a verb, nor "you" as an
	 * object) */
	{__LINE__, "You don't laugh at anything you jihadist puke.", TACT_DEROG_INSULT, "puke"},
	{__LINE__, "go away you communist rat", TACT_DEROG_INSULT, "rat"},
	{__LINE__, "I feed you organic pigs", TACT_DEROG_NONE, NULL},
	{__LINE__, "did you feed the pigs", TACT_DEROG_NONE, NULL},
	/* ... or at the end of an order about the reader's own thing */
	{__LINE__, "CLOSE YOUR MOUTH CHIMP", TACT_DEROG_INSULT, "CHIMP"},
	{__LINE__, "Go change your tampon maggot!", TACT_DEROG_INSULT, "maggot"},
	{__LINE__, "Please check your guinea pig", TACT_DEROG_NONE, NULL},
	{__LINE__, "Go take out the trash", TACT_DEROG_NONE, NULL},
	/* the subject after the name, at the end of its clause */
	{__LINE__, "What a smug basket you are.", TACT_DEROG_INSULT, "smug"},
	{__LINE__, "Elitist Pig you are....", TACT_DEROG_INSULT, "Pig"},
	{__LINE__, "What a great idea you are", TACT_DEROG_NONE, NULL},
	{__LINE__, "what a stupid question you are asking", TACT_DEROG_NONE, NULL},
	/* a bare name after "you're not" is called, not denied */
	{__LINE__, "no your not dickhead.", TACT_DEROG_INSULT, "dickhead"},
	{__LINE__, "you're not an idiot.", TACT_DEROG_NONE, NULL},
	{__LINE__, "you're not idiots", TACT_DEROG_NONE, NULL},
	/* ... with other describing words between ("you fat pig") */
	{__LINE__, "you fat pig", TACT_DEROG_INSULT, "pig"},
	{__LINE__, "thank you lovely pigs", TACT_DEROG_NONE, NULL},
	/* ... up to two describing words, one we know; after an article too */
	{__LINE__, "you dirty rotten pig", TACT_DEROG_INSULT, "pig"},
	{__LINE__, "he is a big fat pig", TACT_DEROG_INSULT, "pig"},
	{__LINE__, "you raise fat pigs", TACT_DEROG_NONE, NULL},
	{__LINE__, "he is a guinea pig", TACT_DEROG_NONE, NULL},
	{__LINE__, "he is a party animal", TACT_DEROG_NONE, NULL},
	{__LINE__, "the pig farm is closed", TACT_DEROG_NONE, NULL},
	/* ... and what a "piece of" is made of ("you fat piece of gutter trash") */
	{__LINE__, "sit down, you fat piece of gutter trash", TACT_DEROG_INSULT, "trash"},
	{__LINE__, "I sent you a piece of broken trash", TACT_DEROG_NONE, NULL},
	/* a describing word called at the end of an order without a comma,
	 * after a word it cannot describe */
	{__LINE__, "don't be late stupid", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "Spell it right next time dopey.", TACT_DEROG_INSULT, "dopey"},
	{__LINE__, "Read the page about the time stupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "Make it less ridiculous", TACT_DEROG_NONE, NULL},
	{__LINE__, "read the email stupid", TACT_DEROG_NONE, NULL},
	{__LINE__, "Don't be a corporate greed monster!", TACT_DEROG_NONE, NULL},
	/* a name for a person only, before a person noun, is a compound */
	{__LINE__, "I'm putting my cow girl boots on", TACT_DEROG_NONE, NULL},
	{__LINE__, "Thanks to the snake handler guy", TACT_DEROG_NONE, NULL},
	{__LINE__, "ignorant sheep like you", TACT_DEROG_INSULT, "ignorant"},
	/* a noun we do not know that the reader is said to be names them */
	{__LINE__, "You are some stupid broad.", TACT_DEROG_INSULT, "stupid"},
	{__LINE__, "you are a useless provider", TACT_DEROG_NONE, NULL},
	{__LINE__, "you are a useless company", TACT_DEROG_NONE, NULL},
	{__LINE__, "stupid emoticons everywhere", TACT_DEROG_NONE, NULL},
	/* a laugh before a name does not take it back */
	{__LINE__, "lmao you're a fool man lol", TACT_DEROG_INSULT, "fool"},
	/* ... and so does one called at the reader at the end of its clause */
	{__LINE__, "aww, you poor little cowardly redneck", TACT_DEROG_INSULT, "cowardly"},
	{__LINE__, "thank you stupid app", TACT_DEROG_NONE, NULL},
	/* names someone is said to call someone are theirs, not the writer's;
	 * a name called at the reader after the report is the writer's */
	{__LINE__, "the agent was calling me a liar", TACT_DEROG_NONE, NULL},
	{__LINE__, "you just called your mom a whore", TACT_DEROG_NONE, NULL},
	{__LINE__, "stop calling me, you idiots", TACT_DEROG_INSULT, "idiots"},
	/* an abstract noun is no name at the start of a sentence */
	{__LINE__, "Marriage is a worthless ceremony.", TACT_DEROG_NONE, NULL},
	{__LINE__, "Kevin is worthless.", TACT_DEROG_INSULT, "worthless"},
	/* swearing before a "you" that is the subject is an interjection;
	 * after a determiner, a noun */
	{__LINE__, "damn you look good", TACT_DEROG_PROFANITY, "damn"},
	{__LINE__, "Damn you!", TACT_DEROG_INSULT, "Damn"},
	{__LINE__, "think of all the other shit you could do", TACT_DEROG_PROFANITY, "shit"},
	{__LINE__, "it will piss you off", TACT_DEROG_PROFANITY, "piss"},
	/* names used as verbs */
	{__LINE__, "you troll so hard", TACT_DEROG_NONE, NULL},
	{__LINE__, "you fuck with people's heads", TACT_DEROG_PROFANITY, "fuck"},
	/* "ain't" negates, but "ain't shit" is the put-down */
	{__LINE__, "You ain't a troll bro", TACT_DEROG_NONE, NULL},
	{__LINE__, "you ain't shit", TACT_DEROG_INSULT, "ain't shit"},
	/* the reader's mother: put-downs, not an account holder */
	{__LINE__, "Your mother is the primary account holder.", TACT_DEROG_NONE, NULL},
	{__LINE__, "your mama is so fat", TACT_DEROG_INSULT, "mama is so fat"},
};

int main(void)
{
	bundled b;
	if (!bundled_open(&b, "derog_test"))
		return 1;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const tact_msg *m = bundled_analyze(&b, cases[i].in, TACT_ROLE_CUSTOMER);
		tact_derog got = tact_msg_derogatory(m);
		CHECK(got == cases[i].want, cases[i].line, "\"%s\": derogatory %s, want %s", cases[i].in,
		      tact_derog_name(got), tact_derog_name(cases[i].want));
		const tact_span *first = NULL;
		for (size_t k = 0; k < tact_msg_span_count(m) && !first; k++)
			if (!strncmp(tact_msg_span(m, k)->label, "derogatory.", 11))
				first = tact_msg_span(m, k);
		if (cases[i].span) {
			char got_span[128] = "(none)";
			if (first)
				snprintf(got_span, sizeof got_span, "%.*s", (int)(first->end - first->start),
					 cases[i].in + first->start);
			CHECK_STR(got_span, cases[i].span, cases[i].line);
		}
	}
	/* one finding per word: "asshole" is an insult, not also profanity */
	const tact_msg *m = bundled_analyze(&b, "you asshole", TACT_ROLE_CUSTOMER);
	CHECK(tact_msg_span_count(m) == 1, __LINE__, "\"you asshole\": %zu spans, want 1", tact_msg_span_count(m));
	/* a span inside a longer one of the same or a stronger kind is that
	 * span: "lazy ass", not also "lazy"; "fuck you" once */
	static const struct {
		int line;
		const char *in;
		size_t spans;
	} one[] = {{__LINE__, "you lazy ass", 1}, {__LINE__, "lazy ass", 1}, {__LINE__, "fuck you", 1}};
	for (size_t i = 0; i < sizeof one / sizeof *one; i++) {
		m = bundled_analyze(&b, one[i].in, TACT_ROLE_CUSTOMER);
		CHECK(tact_msg_span_count(m) == one[i].spans, one[i].line, "\"%s\": %zu spans, want %zu", one[i].in,
		      tact_msg_span_count(m), one[i].spans);
	}
	/* a slur called at staff is an insult too: both labels, one span each */
	const char *slur = "the dev team is obviously a bunch of r*tards";
	m = bundled_analyze(&b, slur, TACT_ROLE_CUSTOMER);
	bool idn = has_span(m, "derogatory.identity", 19), ins = has_span(m, "derogatory.insult", 17);
	CHECK(idn && ins, __LINE__, "\"%s\": identity %d insult %d, want both", slur, idn, ins);
	/* whom an insult is aimed at: the reader, or someone else */
	static const struct {
		int line;
		const char *in, *word, *target;
	} aimed[] = {
		{__LINE__, "you idiot", "idiot", "reader"},
		{__LINE__, "is he really that stupid?", "stupid", "other"}, /* the subject after its verb */
		{__LINE__, "are you really that stupid?", "stupid", "reader"},
		{__LINE__, "fuck you", "fuck you", "reader"},
		{__LINE__, "idiots like you", "idiots", "reader"},
		{__LINE__, "you guys are idiots", "idiots", "reader"},
		{__LINE__, "Your a retard, go away", "retard", "reader"},
		{__LINE__, "Still waiting for you to pay up, coward.", "coward", "reader"},
		{__LINE__, "My bag is lost. Idiots!", "Idiots", "reader"},
		{__LINE__, "Take your ignorant ass somewhere else", "ignorant ass", "reader"},
		{__LINE__, "Stop acting like a bitch.", "bitch", "reader"},
		{__LINE__, "he is an idiot", "idiot", "other"},
		{__LINE__, "your agent is a moron", "moron", "other"},
		{__LINE__, "these guys are idiots", "idiots", "other"},
		{__LINE__, "that idiot Kevin lost my bag", "idiot", "other"},
		{__LINE__, "Kevin was useless", "useless", "other"},
		{__LINE__, "are you really that stupid?", "stupid", "reader"},
		{__LINE__, "You can't be that dense.", "dense", "reader"},
		{__LINE__, "he sucks", "sucks", "other"},
		{__LINE__, "Your manager sucks", "sucks", "other"},
		{__LINE__, "You suck.", "suck", "reader"},
		{__LINE__, "He lost my order. What a moron.", "moron", "other"},
		{__LINE__, "his stupidity is amazing", "stupidity", "other"},
		{__LINE__, "I was stuck on the phone with a bitch for an hour", "bitch", "other"},
		{__LINE__, "I was served by a rude moron", "moron", "other"},
		{__LINE__, "I forgot I was talking to an idiot", "idiot", "reader"},
		{__LINE__, "You are an @ssclown", "@ssclown", "reader"}, /* an @ for an "a" makes a handle */
		{__LINE__, "@sshole you lost my bag", "@sshole", "reader"},
		{__LINE__, "Go talk to a doctor, you idiot", "idiot", "reader"},
	};
	for (size_t i = 0; i < sizeof aimed / sizeof *aimed; i++) {
		m = bundled_analyze(&b, aimed[i].in, TACT_ROLE_CUSTOMER);
		const char *got = "(no insult span)";
		for (size_t k = 0; k < tact_msg_span_count(m); k++) {
			const tact_span *sp = tact_msg_span(m, k);
			if (!strcmp(sp->label, "derogatory.insult") && sp->end - sp->start == strlen(aimed[i].word) &&
			    !memcmp(aimed[i].in + sp->start, aimed[i].word, sp->end - sp->start))
				got = sp->target ? sp->target : "(null)";
		}
		CHECK_STR(got, aimed[i].target, aimed[i].line);
	}
	/* a word of contempt whatever it names (flag harsh) is a harsh word
	 * about a thing when no person is near; a name that needs a person,
	 * or a machine that sucks something in, is not */
	static const struct {
		int line;
		const char *in, *word; /* word: the harsh word's span, or NULL for none */
	} harsh[] = {
		{__LINE__, "What garbage.", "garbage"},
		{__LINE__, "The opposition bench is a joke.", "joke"},
		{__LINE__, "utter nonsense from start to finish", "nonsense"},
		{__LINE__, "the thief opened a card in my name", NULL},
		{__LINE__, "the vacuum sucks up water fine", NULL},
		/* a negated verb's bare object, the writer as judge */
		{__LINE__, "Don't do idiotic things like this in public.", "idiotic"},
		{__LINE__, "This strikes me as idiotic.", "idiotic"},
		{__LINE__, "Equating him to Hitler is, to me, idiotic.", "idiotic"},
		{__LINE__, "Seems pretty short-sighted and hypocritical to me.", "hypocritical"},
		{__LINE__, "I feel so stupid", NULL},
	};
	for (size_t i = 0; i < sizeof harsh / sizeof *harsh; i++) {
		m = bundled_analyze(&b, harsh[i].in, TACT_ROLE_CUSTOMER);
		char got[64] = "(none)";
		for (size_t k = 0; k < tact_msg_span_count(m); k++) {
			const tact_span *sp = tact_msg_span(m, k);
			if (!strcmp(sp->label, "complaint") && !strncmp(sp->rule, "insult.", 7))
				snprintf(got, sizeof got, "%.*s", (int)(sp->end - sp->start), harsh[i].in + sp->start);
		}
		CHECK_STR(got, harsh[i].word ? harsh[i].word : "(none)", harsh[i].line);
	}
	CHECK(tact_msg_derogatory(bundled_analyze(&b, "What garbage.", TACT_ROLE_CUSTOMER)) == TACT_DEROG_NONE,
	      __LINE__, "a harsh word about a thing is no insult");
	/* only insults have a target */
	m = bundled_analyze(&b, "this damn router", TACT_ROLE_CUSTOMER);
	CHECK(tact_msg_span_count(m) == 1 && !tact_msg_span(m, 0)->target, __LINE__, "profanity has no target");
	bundled_close(&b);
	return TEST_END("derog_test");
}
