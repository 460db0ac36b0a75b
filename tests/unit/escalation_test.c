/* escalation_test.c: the customer detector (detect_customer.c) and the
 * context cues (context.c, lexicons/en/context.tact) on the bundled
 * lexicons: whose move a legal or regulator mention is (the author's
 * threat or complaint, not one the author suffers, reports or describes),
 * reported speech that stops at the author's own move, and repeat contact
 * in its many wordings. Each row says whether a label is present; a second
 * table gives the level of messages with no signal. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "bundled.h"
#include "testing.h"

static const struct {
	int line;
	const char *in, *label;
	bool want;
} cases[] = {
	/* legal action named by a noun: the author's move */
	{__LINE__, "see you in small claims court", "escalation.legal", true},
	{__LINE__, "Delete the entries this week or litigation will follow.", "escalation.legal", true},
	{__LINE__, "This email is my last step before legal action begins.", "escalation.legal", true},
	{__LINE__, "You'll be facing legal action", "escalation.legal", true},
	{__LINE__, "I'll keep pushing this to the point of legal action", "escalation.legal", true},
	{__LINE__, "I'll sue you friend", "escalation.legal", true},
	/* ... or one the author suffers or describes */
	{__LINE__, "The agency keeps threatening legal action.", "escalation.legal", false},
	{__LINE__, "they keep threatening me with court action", "escalation.legal", false},
	{__LINE__, "the agency has started a claim against me in the county court", "escalation.legal", false},
	{__LINE__, "I found out XXXX was facing several lawsuits", "escalation.legal", false},
	{__LINE__, "My father had a lawsuit running against his old bank", "escalation.legal", false},
	{__LINE__, "The lender has to bring a separate lawsuit within ninety days", "escalation.legal", false},
	{__LINE__, "the refund is on hold as part of a lawsuit", "escalation.legal", false},
	{__LINE__, "Keep in mind that I opted out of arbitration when I signed up.", "escalation.legal", false},
	{__LINE__, "the collector said they'd start suing me", "escalation.legal", false},
	{__LINE__, "The parking charge notice mentions court action.", "escalation.legal", false},
	{__LINE__, "I mentioned legal action to your colleague last week and I meant it.", "escalation.legal", true},
	/* a request to disregard an earlier message is no repeat contact; a
	 * thing done twice at once is no failure come again */
	{__LINE__, "Ignore my last email about going to the ombudsman, the refund has landed.", "escalation.repeat",
	 false},
	{__LINE__, "Barclays continues to ignore my requests.", "escalation.repeat", true},
	{__LINE__, "Payroll ran twice this month.", "escalation.repeat", false},
	{__LINE__, "It has crashed twice this month.", "escalation.repeat", true},
	{__LINE__, "I was charged twice this month.", "escalation.repeat", false},
	{__LINE__, "Twice now the engineer has not turned up.", "escalation.repeat", true},
	/* a laugh takes back a move said in jest, not a fact the author
	 * reports; "just kidding" takes back anything */
	{__LINE__, "I'm gonna sue you lol", "escalation.legal", false},
	{__LINE__, "I'm cancelling my account lol", "escalation.cancel", false},
	{__LINE__, "I've called 5 times lol", "escalation.repeat", true},
	{__LINE__, "I have emailed you three times haha and nothing", "escalation.repeat", true},
	{__LINE__, "I've called you 5 times jk", "escalation.repeat", false},
	{__LINE__, "this app is broken again lmao", "escalation.repeat", true},
	/* the evidence for a complaint is a span of its own */
	{__LINE__, "The charger died after a week", "complaint", true},
	{__LINE__, "this stupid app won't open", "complaint", true},
	/* a harsh word said of nobody in particular; not a name that needs a
	 * person near to be an insult */
	{__LINE__, "Utterly moronic.", "complaint", true},
	{__LINE__, "Should I wear an inflatable cow costume to the store?", "complaint", false},
	{__LINE__, "I still can't join \U0001F624", "complaint", true},
	{__LINE__, "What time does the Leeds branch open on Saturday?", "complaint", false},
	{__LINE__, "its not working again", "escalation.repeat", true},
	{__LINE__, "im cancelling my account", "escalation.cancel", true},
	{__LINE__, "That's ok I will fly with @JetBlue from now on.", "escalation.cancel", true},
	{__LINE__, "I'll only book with you from now on, great service!", "escalation.cancel", false},
	{__LINE__, "@Tesco You've lost me as a customer", "escalation.cancel", true},
	{__LINE__, "You've called me 14 times today about a debt that isn't mine.", "escalation.repeat", false},
	{__LINE__, "I've called you 14 times today about this debt.", "escalation.repeat", true},
	/* "without" negates a verb after it, not a noun */
	{__LINE__, "I left without leaving a review.", "escalation.public", false},
	{__LINE__, "Three weeks without internet, so I'm leaving a review on Trustpilot.", "escalation.public", true},
	/* capitals stressed in several sentences of an angry message shout */
	{__LINE__, "Delivered to the wrong address AGAIN. This is the THIRD time. I am SO FED UP with this.",
	 "escalation.shouting", true},
	{__LINE__, "Please send it to the NHS office. The PIN is for the ATM. The HDMI one is WRONG.", "escalation.shouting",
	 false},
	/* an account closed on someone's behalf, asked by the author */
	{__LINE__, "I am writing on behalf of my late mother. Please close her account.", "escalation.cancel", true},
	{__LINE__, "Do you realize you guys deactivated her account?", "escalation.cancel", false},
	/* leaving named by the rival's handle, a customer declared lost */
	{__LINE__, "looks like I'm going back to @delta", "escalation.cancel", true},
	{__LINE__, "I am considering switching to @Delta even if it means longer flights", "escalation.cancel", true},
	{__LINE__, "Just switched to @SkyHelp from you lot, thanks for the help", "escalation.cancel", false},
	{__LINE__, "Today is the day that @AmericanAir lost my business.", "escalation.cancel", true},
	{__LINE__, "I lost my business in the pandemic, can I pause my plan?", "escalation.cancel", false},
	{__LINE__, "I'm so done with Amazon!", "escalation.cancel", true},
	{__LINE__, "I'm done with the form, what happens next?", "escalation.cancel", false},
	/* no move of the author's: a fault-finding step, a mistake, someone else's */
	{__LINE__, "doesn't work and i even tried deleting the app", "escalation.cancel", false},
	{__LINE__, "I accidentally canceled my Apple TV subscription today.", "escalation.cancel", false},
	{__LINE__, "got an email that @youtube suspended/terminated my account", "escalation.cancel", false},
	{__LINE__, "I'm closing/cancelling my account today", "escalation.cancel", true},
	/* a name in capitals written twice is no shout; a shout said twice is */
	{__LINE__, "I request that BULLCITY FINANCIAL SOLUTIONS formally substantiate the account data that BULLCITY "
		   "FINANCIAL SOLUTIONS conferred to the major credit bureaus for me.",
	 "escalation.shouting", false},
	{__LINE__, "STOP CALLING ME. STOP CALLING ME.", "escalation.shouting", true},
	/* headings, codes and records in capitals are not speech */
	{__LINE__, "They never answered. ATTENTION : EXPERIAN DISPUTE DEPARTMENT. Please remove the account.",
	 "escalation.shouting", false},
	{__LINE__, "My details: SOC SEC # XXXX DOB XX/XX/XXXX ADDRESS on file. They ignore me.", "escalation.shouting",
	 false},
	{__LINE__, "Delivered to the wrong house. WORST DELIVERY SERVICE EVER!", "escalation.shouting", true},
	/* a form's field labels in capitals, each alone on its line, are labels */
	{__LINE__, "Name: Ann\nCONTACT:\n\nCOMMENT:\nPAGE THEY WERE ON:\nhttps://example.com/help", "escalation.shouting",
	 false},
	{__LINE__, "REFUND:\nWHERE IS MY MONEY YOU THIEVES", "escalation.shouting", true},
	/* code in backticks is a program's words */
	{__LINE__, "This line looks odd to me: `IF ORDER-DATE-REQUESTED IS NOT = 11 OR 12` in the batch job.",
	 "escalation.shouting", false},
	{__LINE__, "The script:\n```\nSELECT NAME FROM USERS WHERE ACTIVE = 1\n```\nreturns nothing.", "escalation.shouting",
	 false},
	{__LINE__, "`ok` I SAID STOP SENDING ME THESE EMAILS", "escalation.shouting", true},
	/* strings in quotes and hyphen-joined identifiers are no shout */
	{__LINE__, "Do you mean all substrings, as in \"ABCD\" -> [\"AB\",\"BC\",\"CD\",\"ABC\",\"BCD\"]?", "escalation.shouting",
	 false},
	{__LINE__, "Which jar is it, PATH-TO-OPENJPA.jar or the other one?", "escalation.shouting", false},
	{__LINE__, "I AM SICK-AND-TIRED OF WAITING FOR MY REFUND", "escalation.shouting", true},
	/* going to court as the author's intent, not as a past step */
	{__LINE__, "I recorded everything i will go to court.", "escalation.legal", true},
	{__LINE__, "I was forced at great expense to go to court to stop the eviction.", "escalation.legal", false},
	{__LINE__, "Need corporate involved.", "escalation.manager", true},
	{__LINE__, "I want a corporate account for my team", "escalation.manager", false},
	{__LINE__, "I upgraded to iOS 11.1 and it still crashes", "escalation.repeat", true},
	{__LINE__, "your site still says next day delivery", "escalation.repeat", false},
	/* a demand said one word at a time */
	{__LINE__, "GET. ME. A. MANAGER.", "escalation.manager", true},
	/* a one-word verdict is a move; a flight cancelled is not */
	{__LINE__, "Thanks for nothing. Cancelled.", "escalation.cancel", true},
	{__LINE__, "My flight was cancelled.", "escalation.cancel", false},
	/* "if you want" ending its clause is polite; "if you want to keep my business" a condition */
	{__LINE__, "If you want to keep my business, you'll match the price.", "escalation.cancel", true},
	{__LINE__, "I'll cancel it now if you want, no problem.", "escalation.cancel", false},
	/* the author's own lawyer advising the author is the author's move; contacting the author is not */
	{__LINE__, "My solicitor has advised me to sue for the full amount if this isn't resolved.", "escalation.legal",
	 true},
	{__LINE__, "My solicitor will contact me about the lease.", "escalation.legal", false},
	/* a negation taken back later in the sentence */
	{__LINE__, "I don't want to get lawyers involved, but I will if I have to.", "escalation.legal", true},
	{__LINE__, "I don't want to get lawyers involved, I just want it fixed.", "escalation.legal", false},
	/* someone the author knows is not the author */
	{__LINE__, "My neighbour sued you last year and won, just saying.", "escalation.legal", false},
	{__LINE__, "A friend of mine sued you last year.", "escalation.legal", false},
	{__LINE__, "My friend and I will sue you.", "escalation.legal", true},
	{__LINE__, "I mailed the collector a cease and desist letter", "escalation.legal", false},
	{__LINE__, "we signed up for debt counseling last year", "escalation.legal", false},
	{__LINE__, "the FDCPA requires collectors to validate the debt", "escalation.legal", false},
	/* a complaint to a regulator, made or threatened, is the author's */
	{__LINE__, "I filed a complaint with the CFPB last year", "escalation.regulator", true},
	{__LINE__, "I'll be reporting you to Trading Standards", "escalation.regulator", true},
	{__LINE__, "a police report listing the fraud and my FTC affidavit went with the letters", "escalation.regulator",
	 false},
	{__LINE__, "I read about the actions taken by the CFPB against this lender", "escalation.regulator", false},
	{__LINE__, "my first complaint was closed by the CFPB in a week", "escalation.regulator", false},
	{__LINE__, "I rang PRA and they said the debt was sold to them", "escalation.regulator", false},
	/* reported speech and relatives stop at the author's own move */
	{__LINE__, "My sister is a solicitor and I'm taking you to court", "escalation.legal", true},
	{__LINE__, "I'm cancelling the contract my wife signed", "escalation.cancel", true},
	{__LINE__, "My brother is a lawyer and he says I could sue", "escalation.legal", false},
	{__LINE__, "my lawyer friend recommended you", "escalation.legal", false},
	/* a negation in the condition does not reach the move after it, with
	 * or without a comma; a verb of thinking carries it on */
	{__LINE__, "If it's not sorted I'm leaving.", "escalation.cancel", true},
	{__LINE__, "If this isn't fixed, I'm cancelling.", "escalation.cancel", true},
	{__LINE__, "If this isn't fixed by Friday I'll cancel.", "escalation.cancel", true},
	{__LINE__, "I'm not cancelling.", "escalation.cancel", false},
	{__LINE__, "I don't think I'll cancel my account over this", "escalation.cancel", false},
	{__LINE__, "I'm not sure if I'll cancel my account yet", "escalation.cancel", false},
	/* a past that did not happen, not an obligation still to come */
	{__LINE__, "If anything had happened to him I would have sued.", "escalation.legal", false},
	{__LINE__, "If this isn't fixed I would have to take legal action.", "escalation.legal", true},
	/* repeat contact */
	{__LINE__, "this is the third time I'm writing", "escalation.repeat", true},
	{__LINE__, "I've emailed four times now", "escalation.repeat", true},
	{__LINE__, "still no reply to my last three messages", "escalation.repeat", true},
	{__LINE__, "I've lost count of how many times I've called", "escalation.repeat", true},
	{__LINE__, "I've called you every day this week", "escalation.repeat", true},
	{__LINE__, "Again, my order hasn't arrived.", "escalation.repeat", true},
	{__LINE__, "Haven't heard back from my email last Tuesday", "escalation.repeat", true},
	{__LINE__, "No reply to my letter dated 3 March", "escalation.repeat", true},
	{__LINE__, "I've spoken to 4 different agents", "escalation.repeat", true},
	{__LINE__, "I've been passed around 5 departments", "escalation.repeat", true},
	{__LINE__, "Same issue as before - texts not going through", "escalation.repeat", true},
	{__LINE__, "I first notified you of this claim on 9 January", "escalation.repeat", true},
	{__LINE__, "the instructor has now cancelled four of the last six classes", "escalation.repeat", true},
	{__LINE__, "Again, thanks for all your help!", "escalation.repeat", false},
	{__LINE__, "thank you very much once again for sorting it", "escalation.repeat", false},
	{__LINE__, "we get to do the whole holiday all over again", "escalation.repeat", false},
	{__LINE__, "I reinstalled it back again", "escalation.repeat", false},
	{__LINE__, "moved behind yet another paywall", "escalation.repeat", false},
	{__LINE__, "I've spoken to two people about the job", "escalation.repeat", false},
	/* a complaint to a regulator or a card dispute is the move, not
	 * contact again, unless it counts the contacts */
	{__LINE__, "I have lodged a complaint with the Financial Ombudsman", "escalation.repeat", false},
	{__LINE__, "I sent a formal complaint to Ofcom this morning", "escalation.repeat", false},
	{__LINE__, "I raised a dispute with Visa", "escalation.repeat", false},
	{__LINE__, "This is my third complaint to the CFPB about you.", "escalation.repeat", true},
	{__LINE__, "This is my third complaint to the CFPB about you.", "escalation.regulator", true},
	{__LINE__, "I have now raised a dispute with Visa again", "escalation.chargeback", true},
	/* escalating to a regulator is not asking for a manager */
	{__LINE__, "I'll escalate this to the ombudsman", "escalation.manager", false},
	{__LINE__, "I'll escalate this to the ombudsman", "escalation.regulator", true},
	{__LINE__, "please escalate this to your manager and the ombudsman", "escalation.manager", true},
	{__LINE__, "which led to escalating this matter to the Consumer Financial Protection Bureau", "escalation.manager", false},
	/* last-chance words right after the consequence they are tied to */
	{__LINE__, "I will be pursuing legal action. This is my final attempt!", "escalation.ultimatum", true},
	{__LINE__, "This is my final attempt to reach you. Thanks for your help so far.", "escalation.ultimatum", false},
	/* "no" as an answer before a clause of its own: "it" is its subject */
	{__LINE__, "@AdobeCare no its still broken.", "escalation.repeat", true},
	{__LINE__, "no luck it keeps asking for the code", "escalation.repeat", true},
	{__LINE__, "There is no way it's still broken.", "escalation.repeat", false},
	{__LINE__, "I want to escalate this to a supervisor or the CFPB", "escalation.manager", true},
	/* a contraction split off by a space (CFPB's "wife 's") opens no
	 * quotation that would make the rest reported speech */
	{__LINE__, "my wife 's payment doubled. I contacted them three times. They said \" no '' again.", "escalation.repeat",
	 true},
	{__LINE__, "my 'case ' was sent on. I have filed a complaint with the CFPB.", "escalation.regulator", true},
	/* an earlier contact told in the story is repeat contact; one with a
	 * regulator or a card issuer is that move alone */
	{__LINE__, "I called customer service and they were no help at all.", "escalation.repeat", true},
	{__LINE__, "I disputed this account with Experian and nothing changed.", "escalation.repeat", true},
	{__LINE__, "I have contacted the state insurance commissioner about these charges.", "escalation.repeat", false},
	{__LINE__, "I have contacted the state insurance commissioner about these charges.", "escalation.regulator", true},
	{__LINE__, "I have raised a formal dispute with Visa for the transaction.", "escalation.repeat", false},
	{__LINE__, "This is my fourth complaint and I'm filing it with CISAS now.", "escalation.repeat", true},
	{__LINE__, "I called my bank to report the card stolen.", "escalation.repeat", false},
	{__LINE__, "Company sent me a letter they where canceling my policy.", "escalation.cancel", false},
	{__LINE__, "i dont understand why if they are gon na be closing my account why they deny me access", "escalation.cancel",
	 false},
	{__LINE__, "I'm gonna be closing my account tomorrow.", "escalation.cancel", true},
	{__LINE__, "I asked to speak to their lawyer team and was refused.", "escalation.legal", false},
	{__LINE__, "I will speak to my lawyer about this.", "escalation.legal", true},
	{__LINE__, "I will sue your company.", "escalation.legal", true},
	/* a threat of harm */
	{__LINE__, "I will slit your throat if you come back", "escalation.threat", true},
	{__LINE__, "Someone is going to get hurt if you don't fix that loose railing.", "escalation.threat", false},
	{__LINE__, "Next time I'm at your desk someone is going to get hurt, I promise you that.", "escalation.threat",
	 true},
	/* praise takes a request for a manager back; a closing thank-you does not */
	{__LINE__, "Could you please escalate this to a supervisor? Thanks.", "escalation.manager", true},
	{__LINE__, "Can you pass this on to the driver's manager? Darren went out of his way. Absolute legend.",
	 "escalation.manager", false},
	{__LINE__, "THANK YOU!!! @ASKPAYPAL YOU ARE A REAL MVP!!!", "escalation.shouting", false},
	{__LINE__, "Can I speak to a manager to compliment Tom?", "escalation.manager", false},
	/* a legal word that is no move of the author's: a case done before,
	 * one that exists, a word describing another, the author sued */
	{__LINE__, "Court action was filed in May and I never got the papers.", "escalation.legal", false},
	{__LINE__, "I found out a court case was entered against my name.", "escalation.legal", false},
	{__LINE__, "I am also aware of the ongoing lawsuit against this servicer.", "escalation.legal", false},
	{__LINE__, "The arbitration organization will apply its own rules.", "escalation.legal", false},
	{__LINE__, "The judge dismisses the lawsuit.", "escalation.legal", false},
	{__LINE__, "They claim that I will be sued if I don't pay.", "escalation.legal", false},
	{__LINE__, "This is my next step before legal action is taken.", "escalation.legal", true},
	{__LINE__, "I am filing a lawsuit against my bank.", "escalation.legal", true},
	{__LINE__, "I will be suing you.", "escalation.legal", true},
	/* a deadline set by a law, or someone else's threat, is no ultimatum
	 * of the author's */
	{__LINE__, "By law they were supposed to be deleted if not verified in 30 days.", "escalation.ultimatum", false},
	{__LINE__, "The creditor must reply within 30 days or the charge is void.", "escalation.ultimatum", false},
	{__LINE__, "The driver threatened me: cancel the booking or else!", "escalation.ultimatum", false},
	{__LINE__, "Remove it within 30 days or I will file suit.", "escalation.ultimatum", true},
	/* reported speech: the author's own words, told by the author, are
	 * the author's; someone else's may follow a colon */
	{__LINE__, "I told them I'm cancelling.", "escalation.cancel", true},
	{__LINE__, "I asked them to escalate it to a manager.", "escalation.manager", true},
	{__LINE__, "I warned them I would go to the ombudsman.", "escalation.regulator", true},
	{__LINE__, "I was told to complain to the ombudsman.", "escalation.regulator", false},
	{__LINE__, "The agent told me: complain to the ombudsman if you want.", "escalation.regulator", false},
	/* "why" asks about their move; "why don't you" asks for one */
	{__LINE__, "I asked them why they cancelled my account.", "escalation.cancel", false},
	{__LINE__, "Why don't you get me a manager?", "escalation.manager", true},
	/* not going back, as a verdict */
	{__LINE__, "Cold food, rude staff. I'm never going back.", "escalation.cancel", true},
	{__LINE__, "Not going back ever again.", "escalation.cancel", true},
	{__LINE__, "I won't be back until 6pm, can the driver leave it next door?", "escalation.cancel", false},
	{__LINE__, "I'm never going back to the old version, this one is great", "escalation.cancel", false},
};

/* the level of a message with no signal: a complaint is low, a question or
 * praise none (score.c) */
static const struct {
	int line;
	const char *in;
	tact_level want;
} levels[] = {
	{__LINE__, "this stupid app won't let me change my payment method", TACT_LEVEL_LOW},
	{__LINE__, "Whose dumb idea was it to move the volume setting?", TACT_LEVEL_LOW},
	{__LINE__, "Stupid me, I forgot to add the voucher code!", TACT_LEVEL_NONE},
	{__LINE__, "I'm not going to cancel my account over this, but please fix it.", TACT_LEVEL_LOW},
	{__LINE__, "What time does the Leeds branch open on Saturday?", TACT_LEVEL_NONE},
	{__LINE__, "This account does not belong to me.", TACT_LEVEL_LOW},
	/* a complaint retracted is none; one told of another party, a question
	 * that is a complaint and a thing the author cannot do are low */
	{__LINE__, "I was going to complain but honestly the refund came through so fast. Thank you!", TACT_LEVEL_NONE},
	{__LINE__, "I sent the letter in March and they never replied.", TACT_LEVEL_LOW},
	{__LINE__, "Why can't I order online?", TACT_LEVEL_LOW},
	{__LINE__, "Why is the sky blue?", TACT_LEVEL_NONE},
	{__LINE__, "ive been unable to access gta online for the past few weeks", TACT_LEVEL_LOW},
	{__LINE__, "Can't wait to use it on holiday!", TACT_LEVEL_NONE},
	{__LINE__, "Same problem on both boxes", TACT_LEVEL_LOW},
	{__LINE__, "No problem, thanks for the quick reply!", TACT_LEVEL_NONE},
	{__LINE__, "It's been about a week now.", TACT_LEVEL_LOW},
	{__LINE__, "It has been 3 years since we moved here and we love the service.", TACT_LEVEL_NONE},
	{__LINE__, "Trying to book a flight and an error comes up, is LAX busy?", TACT_LEVEL_NONE},
	/* an emoji of frustration; a happy one is not */
	{__LINE__, "Bruh can someone get back to me on my DMs \U0001F612\U0001F612", TACT_LEVEL_LOW},
	{__LINE__, "I love the new menu \U0001F60D", TACT_LEVEL_NONE},
	/* and a frown in punctuation; a smile is not */
	{__LINE__, "its a bit concerning :(", TACT_LEVEL_LOW},
	{__LINE__, "pls add it im tryna add to my playlist >:(", TACT_LEVEL_LOW},
	{__LINE__, "got my order, thanks :)", TACT_LEVEL_NONE},
	/* a thing hard to use, a fault again and again, no word given, others
	 * hit by the same, paying for what is not had */
	{__LINE__, "your website is too confusing", TACT_LEVEL_LOW},
	{__LINE__, "The steps were not confusing at all, thanks.", TACT_LEVEL_NONE},
	{__LINE__, "my music keeps pausing on my phone", TACT_LEVEL_LOW},
	{__LINE__, "we have been sitting at the gate without any updates", TACT_LEVEL_LOW},
	{__LINE__, "Is the app down for anyone else??", TACT_LEVEL_LOW},
	{__LINE__, "Does anyone else have a spare ticket for Friday?", TACT_LEVEL_NONE},
	{__LINE__, "I pay a monthly fee and yet there are adverts.", TACT_LEVEL_LOW},
	{__LINE__, "12 hours without internet. That's what I'm paying for?", TACT_LEVEL_LOW},
	{__LINE__, "Fast, friendly and cheap: that's what I'm paying for!", TACT_LEVEL_NONE},
	{__LINE__, "Thanks for fixing the issue so quickly!", TACT_LEVEL_NONE},
	{__LINE__, "Why is my order not showing in the app?", TACT_LEVEL_LOW},
	/* what the author or a device cannot do; not delight, thanks, memory,
	 * a search, or a question that proposes */
	{__LINE__, "After a reboot I can't even reconnect in launcher.", TACT_LEVEL_LOW},
	{__LINE__, "My modem cannot hold a connection for more than an hour.", TACT_LEVEL_LOW},
	{__LINE__, "We can't wait!", TACT_LEVEL_NONE},
	{__LINE__, "I can't thank you enough for sorting this out.", TACT_LEVEL_NONE},
	{__LINE__, "Could you email me a copy of my policy? I can't find it in the app.", TACT_LEVEL_NONE},
	{__LINE__, "Can't you just send it by post instead?", TACT_LEVEL_NONE},
	{__LINE__, "I can't get enough of the new menu!", TACT_LEVEL_NONE},
	/* a fault said outright, what no longer works, a complaint tagged */
	{__LINE__, "I did cancel within 24 hours. Your computer system messed up.", TACT_LEVEL_LOW},
	{__LINE__, "they forgot to put the chips in my bag", TACT_LEVEL_LOW},
	{__LINE__, "When will you fix this?", TACT_LEVEL_LOW},
	{__LINE__, "Don't forget to grab your voucher today!", TACT_LEVEL_NONE},
	{__LINE__, "The buttons on my headphones don't pause my music anymore.", TACT_LEVEL_LOW},
	{__LINE__, "I don't need the spare charger anymore, thanks.", TACT_LEVEL_NONE},
	{__LINE__, "Is the Echo Show no longer supported?", TACT_LEVEL_LOW},
	{__LINE__, "Speed test shows 0.02 Mbps #centurylinksucks", TACT_LEVEL_LOW},
	{__LINE__, "The scampi was lovely.", TACT_LEVEL_NONE},
	/* an idiom unmakes a complaint cue as it does a signal; a thing done
	 * twice at once is a complaint, not a repeat */
	{__LINE__, "The new spin studio is brilliant, the instructor smashed it.", TACT_LEVEL_NONE},
	{__LINE__, "I was charged twice for the same scan. Please refund the second payment.", TACT_LEVEL_LOW},
	/* a contraction written without its apostrophe */
	{__LINE__, "but i havent received it yet", TACT_LEVEL_LOW},
	{__LINE__, "i ordered the pack 48 hours ago and didnt get anything", TACT_LEVEL_LOW},
	/* a problem of one's own named, put right, and what is not coming */
	{__LINE__, "thoughts on my screen issue? Laptop barely two years old.", TACT_LEVEL_LOW},
	{__LINE__, "Thank you for resolving my issue so quickly!! You are the best", TACT_LEVEL_NONE},
	{__LINE__, "Seems like my problem has been resolved, the technicians were great.", TACT_LEVEL_NONE},
	{__LINE__, "Will keep calling until this issue is fixed.", TACT_LEVEL_LOW},
	{__LINE__, "I'm not getting a password reset email when I request one.", TACT_LEVEL_LOW},
	{__LINE__, "7 hour flight and no seat back screens.. c'mon", TACT_LEVEL_LOW},
	/* a why-question about the author's things or the company's doing;
	 * not one that asks for a reason in order to help */
	{__LINE__, "@AppleSupport why is my battery life short?", TACT_LEVEL_LOW},
	{__LINE__, "Why does your coffee taste like chemicals?", TACT_LEVEL_LOW},
	{__LINE__, "That's why I ordered it.", TACT_LEVEL_NONE},
	{__LINE__, "Out of curiosity, why do you want to group them by colour?", TACT_LEVEL_NONE},
	/* a fault that stays after what was tried */
	{__LINE__, "I plugged the adapter straight in and it still didn't charge.", TACT_LEVEL_LOW},
	{__LINE__, "How come none of the deals are working??", TACT_LEVEL_LOW},
	{__LINE__, "Can I still preorder it on the store?", TACT_LEVEL_NONE},
	{__LINE__, "Still can't believe how fast the new fibre is.", TACT_LEVEL_NONE},
	/* the wrong thing sent, not chosen; a thing that broke early */
	{__LINE__, "They sent me the wrong size again.", TACT_LEVEL_LOW},
	{__LINE__, "Please cancel my order #1234, I ordered the wrong size.", TACT_LEVEL_NONE},
	{__LINE__, "The charger died after a week", TACT_LEVEL_LOW},
	/* what a lender, bureau or collector does to the author's money and
	 * records */
	{__LINE__, "The credit union raised my interest rate and changed the payment.", TACT_LEVEL_LOW},
	{__LINE__, "No method of verification was provided.", TACT_LEVEL_LOW},
	{__LINE__, "They raised my credit limit, thank you!", TACT_LEVEL_NONE},
	/* more of what goes wrong, told in general forms */
	{__LINE__, "all of my videos dont seem to be getting any views", TACT_LEVEL_LOW},
	{__LINE__, "Look what @AmericanAir did to my bag.", TACT_LEVEL_LOW},
	{__LINE__, "Look what you did to my heart, best gift ever", TACT_LEVEL_NONE},
	{__LINE__, "It seems to work fine now, thanks!", TACT_LEVEL_NONE},
	{__LINE__, "My MacBook screen went totally black but everything still works.", TACT_LEVEL_LOW},
	{__LINE__, "you guys call this chicken?", TACT_LEVEL_LOW},
	{__LINE__, "Maybe you should try the other store, it opens earlier.", TACT_LEVEL_NONE},
	{__LINE__, "My laptop will not turn on.", TACT_LEVEL_LOW},
	{__LINE__, "it used to work fine before", TACT_LEVEL_LOW},
};

int main(void)
{
	bundled b;
	if (!bundled_open(&b, "escalation_test"))
		return 1;
	for (size_t i = 0; i < sizeof levels / sizeof *levels; i++) {
		const tact_msg *m = bundled_analyze(&b, levels[i].in, TACT_ROLE_CUSTOMER);
		tact_level got = tact_msg_escalation(m, NULL);
		CHECK(got == levels[i].want, levels[i].line, "\"%s\": level %s, want %s", levels[i].in,
		      tact_level_name(got), tact_level_name(levels[i].want));
	}
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const tact_msg *m = bundled_analyze(&b, cases[i].in, TACT_ROLE_CUSTOMER);
		bool got = has_span(m, cases[i].label, strlen(cases[i].label));
		CHECK(got == cases[i].want, cases[i].line, "\"%s\": %s %s, want %s", cases[i].in, cases[i].label,
		      got ? "present" : "absent", cases[i].want ? "present" : "absent");
	}
	bundled_close(&b);
	return TEST_END("escalation_test");
}
