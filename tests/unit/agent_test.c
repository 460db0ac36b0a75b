/* agent_test.c: the rules of the agent detector (detect_agent.c) on the
 * bundled lexicons, one reply per row: the apology class, and labels the
 * reply must and must not carry. Covers what lexicon examples cannot: a
 * failure told before a bare apology word, a failure that is the
 * customer's, a remedy refused in its own clause, a policy under "if",
 * a hand-over that is not a fix, a system change that is prevention, and
 * the warm transfer. doc/recovery.md describes the rules. */
#include <stdio.h>
#include <stdlib.h>

#include "bundled.h"
#include "testing.h"

static const struct {
	int line;
	const char *in;
	tact_apology want;
	const char *has, *hasnt; /* space-separated labels */
} cases[] = {
	/* the failure told before the apology: same sentence, the sentence before, or after a lone apology */
	{__LINE__, "The courier dropped the box down the stairs - I'm so sorry.", TACT_APOLOGY_SINCERE,
	 "recovery.ownership", ""},
	{__LINE__, "Our installer drilled through your cable and we're sorry.", TACT_APOLOGY_SINCERE, "", ""},
	{__LINE__, "Our billing system applied the old tariff to your account. We apologise.", TACT_APOLOGY_SINCERE, "",
	 ""},
	{__LINE__, "Sorry! Our courier left it at the wrong house.", TACT_APOLOGY_SINCERE, "", ""},
	{__LINE__, "We sent you a DM. Sorry!", TACT_APOLOGY_CANNED, "", "recovery.ownership"},
	/* ... and after it: a message to the customer is no failure, whichever way it is found */
	{__LINE__, "Sorry! We sent you a DM.", TACT_APOLOGY_CANNED, "", "recovery.ownership"},
	{__LINE__, "Sorry about that! We sent you a DM with the details.", TACT_APOLOGY_CANNED, "",
	 "recovery.ownership"},
	{__LINE__, "I'm so sorry. We've sent you an email with the tracking link.", TACT_APOLOGY_CANNED, "",
	 "recovery.ownership"},
	{__LINE__, "Sorry! We sent you the wrong charger.", TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	{__LINE__, "I'm sorry we sent you a bill twice.", TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	{__LINE__, "I checked your account this morning. Sorry.", TACT_APOLOGY_CANNED, "", ""},
	{__LINE__, "Your parcel arrived late, sorry about that.", TACT_APOLOGY_CANNED, "", ""},
	{__LINE__, "I have let my manager know. Sorry I couldn't be of more help!", TACT_APOLOGY_CANNED, "", ""},
	{__LINE__, "We received your email yesterday. Sorry for the wait.", TACT_APOLOGY_CANNED, "", ""},
	/* a formula that points back at a failure owned in the reply is
	 * sincere; hedged with "any" or "may" it stays canned */
	{__LINE__, "Due to a system error your readings were not applied. I am sorry for the trouble this has caused.",
	 TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	{__LINE__, "Due to a system error your readings were not applied. We apologise for any trouble this may have caused.",
	 TACT_APOLOGY_CANNED, "recovery.ownership", ""},
	{__LINE__, "We regret the inconvenience this has caused. Could you tell us which lights are on?", TACT_APOLOGY_CANNED,
	 "", "recovery.ownership"},
	/* an action told again after "as I mentioned" was done before this reply */
	{__LINE__, "As I mentioned, the engineer is booked for Thursday.", TACT_APOLOGY_NONE, "agent.argumentative",
	 "recovery.action"},
	{__LINE__, "Good news: the engineer is booked for Thursday.", TACT_APOLOGY_NONE, "recovery.action", ""},
	/* a limit that waits on the customer's verification is no policy */
	{__LINE__, "I'm unable to give out any details without security verification.", TACT_APOLOGY_NONE, "",
	 "agent.policy"},
	{__LINE__, "As I said, I'm unable to give out any details.", TACT_APOLOGY_NONE, "agent.policy", ""},
	/* the agent's own handling in the next sentence is no failure owned */
	{__LINE__, "I'm sorry you've had a break-in. I've requested the CCTV for your corridor.", TACT_APOLOGY_CANNED,
	 "", "recovery.ownership"},
	/* a formula that says what it is for, and our staff named without "our" */
	{__LINE__, "Please accept our apologies that housekeeping entered your room.", TACT_APOLOGY_SINCERE,
	 "recovery.ownership", ""},
	{__LINE__, "Please accept our apologies that your parcel hasn't arrived.", TACT_APOLOGY_CANNED, "",
	 "recovery.ownership"},
	{__LINE__, "I'm sorry that reception didn't call you back.", TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	/* what should have been done is no change made, but owns the failure */
	{__LINE__, "The sheets should have been changed.", TACT_APOLOGY_NONE, "recovery.ownership", "recovery.action"},
	{__LINE__, "It should have been fixed by the latest update, can you try again?", TACT_APOLOGY_NONE, "",
	 "recovery.action recovery.ownership"},
	/* a notice of regret with a refusal is no apology */
	{__LINE__, "We regret that we are unable to assist further with your claim.", TACT_APOLOGY_NONE, "agent.policy",
	 ""},
	/* putting something back is a fix, not what went wrong */
	{__LINE__, "Sorry about that! I've switched your roaming back on.", TACT_APOLOGY_CANNED, "recovery.action",
	 "recovery.ownership"},
	{__LINE__, "I'm sorry, we turned your line off by mistake.", TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	/* a failure told in the next sentence by us, with the apology's own clause saying something else */
	{__LINE__, "I'm sorry it wasn't the night you planned. You asked for a quiet room and we didn't give you one.",
	 TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	{__LINE__, "Thank you for writing, and I'm sorry. The wardrobe arrived damaged, the crew didn't take it upstairs.",
	 TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	{__LINE__, "I'm sorry about the wait times. I looked into it and it was delivered yesterday.",
	 TACT_APOLOGY_CANNED, "", "recovery.ownership"},
	{__LINE__, "I'm sorry it's been a long week. We sent you a replacement on Monday.", TACT_APOLOGY_CANNED, "",
	 "recovery.ownership"},
	/* "that" naming the thing, and what should not have happened */
	{__LINE__, "I'm sorry, that leg should never have got past our quality check.", TACT_APOLOGY_SINCERE,
	 "recovery.ownership", ""},
	{__LINE__, "Sorry, that shouldn't have happened.", TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	{__LINE__, "Sorry that the parcel was late.", TACT_APOLOGY_CANNED, "", "recovery.ownership"},
	/* a bare apology in a reply that owns a failure elsewhere; a formula stays canned */
	{__LINE__, "You're right, and I should have checked before replying. The outage was confirmed. Sorry for the "
		   "copy-and-paste answer.",
	 TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	{__LINE__, "That was our mistake. The new card is on its way. We apologise for any inconvenience.",
	 TACT_APOLOGY_CANNED, "recovery.ownership", ""},
	/* a failure that is the customer's is not owned */
	{__LINE__, "You entered the wrong address, sorry.", TACT_APOLOGY_CANNED, "agent.blame", "recovery.ownership"},
	/* "sorry, but <policy>" in one clause, the refusal after "but" or
	 * running through it */
	{__LINE__, "I'm sorry, but we have a policy against refunds after 30 days.", TACT_APOLOGY_CONDITIONAL,
	 "agent.policy", ""},
	{__LINE__, "Sorry, but you can not do that.", TACT_APOLOGY_CONDITIONAL, "agent.policy", ""},
	/* only a refusal the reply is flagged for undercuts: a limit of this
	 * channel is none, nor is "Sorry," cushioning a refusal without "but" */
	{__LINE__, "I'm sorry but we cannot provide any account information here.", TACT_APOLOGY_CANNED, "",
	 "agent.policy apology.conditional"},
	{__LINE__, "I'm sorry but we cannot provide any account information.", TACT_APOLOGY_CONDITIONAL,
	 "agent.policy", ""},
	{__LINE__, "Sorry, the lens was returned with a cracked filter, so the repair fee stands.", TACT_APOLOGY_CANNED,
	 "agent.blame agent.policy", ""},
	{__LINE__, "Sorry for the wait. Unfortunately we have a rule that tickets cannot be transferred.",
	 TACT_APOLOGY_CANNED, "agent.policy", ""},
	{__LINE__, "We have a policy of matching any lower price, so I've refunded the difference.", TACT_APOLOGY_NONE,
	 "recovery.action", "agent.policy"},
	/* up the line, unless the agent comes back with the answer */
	{__LINE__, "I'm going to escalate this to my supervisor.", TACT_APOLOGY_NONE, "agent.deflect", ""},
	{__LINE__, "I'm going to escalate this to my supervisor and I'll call you back tomorrow with her answer.",
	 TACT_APOLOGY_NONE, "recovery.follow_up", "agent.deflect"},
	/* a failure in the customer's view is not owned */
	{__LINE__, "I'm sorry you feel that our service let you down.", TACT_APOLOGY_CONDITIONAL, "",
	 "recovery.ownership"},
	/* ... nor the customer's act the agent sees or thinks of */
	{__LINE__, "Honestly, I think you misunderstood how the permissions work.", TACT_APOLOGY_NONE, "agent.blame",
	 "recovery.ownership"},
	{__LINE__, "I can see you ordered the wrong size, sorry.", TACT_APOLOGY_CANNED, "", "recovery.ownership"},
	{__LINE__, "I think we sent you the wrong size, sorry.", TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	/* a remedy refused in its clause is no remedy, and grants nothing */
	{__LINE__, "A partial refund isn't something we can offer.", TACT_APOLOGY_NONE, "agent.policy",
	 "recovery.compensation"},
	{__LINE__, "The storm was outside our control, but I've moved you to Thursday's sailing.", TACT_APOLOGY_NONE,
	 "recovery.action", "agent.policy"},
	/* a hope holds back only the remedy in its own clause */
	{__LINE__, "That's not the standard we expect, and I've arranged for a cleaner to come tomorrow.",
	 TACT_APOLOGY_NONE, "recovery.action", ""},
	{__LINE__, "We hope the new router has fixed it.", TACT_APOLOGY_NONE, "", "recovery.action"},
	/* ... and so does a check to come, in its clause */
	{__LINE__, "I'll call you on Friday to confirm the engineer has been and everything is working.",
	 TACT_APOLOGY_NONE, "recovery.follow_up", "recovery.action"},
	{__LINE__, "I called the courier to check, and it's now fixed.", TACT_APOLOGY_NONE, "recovery.action", ""},
	/* a condition is not a refusal */
	{__LINE__, "If your item is not eligible for a replacement, you can still return it.", TACT_APOLOGY_NONE, "",
	 "agent.policy"},
	{__LINE__, "Your ticket isn't eligible for a refund after departure.", TACT_APOLOGY_NONE, "agent.policy", ""},
	/* hand-overs, messages and system changes are not fixes */
	{__LINE__, "I've booked you a call with our billing team for 3pm.", TACT_APOLOGY_NONE, "", "recovery.action"},
	{__LINE__, "I'll send you an update each morning until it's fixed.", TACT_APOLOGY_NONE, "recovery.follow_up",
	 "recovery.action"},
	{__LINE__, "We've fixed the sync so cancellations show straight away.", TACT_APOLOGY_NONE,
	 "recovery.prevention", "recovery.action"},
	{__LINE__, "I'll email you with what we've changed by Friday.", TACT_APOLOGY_NONE, "recovery.follow_up",
	 "recovery.action"},
	{__LINE__, "It must be. I've refunded your order.", TACT_APOLOGY_NONE, "recovery.action", ""},
	/* deflection, and the warm transfer that keeps the case */
	{__LINE__, "That's a matter for your bank.", TACT_APOLOGY_NONE, "agent.deflect", ""},
	{__LINE__, "That's one for our claims team, so I've passed them your photos and I'll call you on Thursday.",
	 TACT_APOLOGY_NONE, "recovery.follow_up", "agent.deflect"},
	{__LINE__, "I've passed this to our product team so the checkout bug gets fixed and doesn't happen to anyone else.",
	 TACT_APOLOGY_NONE, "recovery.prevention", "agent.deflect"}, /* a hand-over that fixes the system */
	{__LINE__, "I've passed your complaint to the relevant team.", TACT_APOLOGY_NONE, "agent.deflect", ""},
	/* a referral offered only in case the reply's own help fails */
	{__LINE__, "Have you tried restarting it? If nothing helps, we'd recommend getting in touch with our live support team.",
	 TACT_APOLOGY_NONE, "", "agent.deflect"},
	{__LINE__, "We'd recommend getting in touch with our live support team.", TACT_APOLOGY_NONE, "agent.deflect", ""},
	/* the customer's wish under "if" is no failing help: the referral stands */
	{__LINE__, "Some locations charge for these. If you do not want to pay, you can ask them to remove these for you.",
	 TACT_APOLOGY_NONE, "agent.deflect", ""},
	{__LINE__, "If it does not help, you can ask them to check the order.", TACT_APOLOGY_NONE, "", "agent.deflect"},
	/* a remedy is no failure; a failure may be told with a gerund */
	{__LINE__, "I'm sorry about that. I've booked you in for Monday.", TACT_APOLOGY_CANNED, "recovery.action",
	 "recovery.ownership"},
	{__LINE__, "I apologise for our engineer missing the appointment window yesterday.", TACT_APOLOGY_SINCERE,
	 "recovery.ownership", ""},
	{__LINE__, "Our records indicate that you did not return the item within 30 days.", TACT_APOLOGY_NONE,
	 "agent.blame", ""},
	{__LINE__, "This is the third time I've had to explain this to you.", TACT_APOLOGY_NONE, "agent.argumentative", ""},
	/* agreeing the customer is right about what went wrong owns it */
	{__LINE__, "You're right: the senior exemption wasn't applied in April. Please tell her we're sorry.",
	 TACT_APOLOGY_SINCERE, "recovery.ownership", ""},
	{__LINE__, "You're right that the app didn't exist back then.", TACT_APOLOGY_NONE, "", "recovery.ownership"},
	/* an apology word in a gift is compensation, not an apology */
	{__LINE__, "As an apology we've upgraded you to the premium plan for three months at no cost.",
	 TACT_APOLOGY_NONE, "recovery.compensation", "apology.canned"},
	{__LINE__, "We've identified the bug that caused the double charge and our engineers have deployed a fix.",
	 TACT_APOLOGY_NONE, "recovery.ownership recovery.action", ""},
	{__LINE__, "Your feedback has been passed on to the relevant department.", TACT_APOLOGY_NONE, "agent.deflect", ""},
	/* disowning the failure */
	{__LINE__, "That's not our fault, the courier lost it.", TACT_APOLOGY_NONE, "agent.argumentative", ""},
	{__LINE__, "It's not your fault at all, and I've refunded it.", TACT_APOLOGY_NONE, "recovery.action",
	 "agent.argumentative"},
	/* thanks through a negation, a replacement posted, feelings tied to what happened */
	{__LINE__, "I can't thank you enough for your patience.", TACT_APOLOGY_NONE, "recovery.gratitude", ""},
	{__LINE__, "I've posted the right one today by express.", TACT_APOLOGY_NONE, "recovery.action", ""},
	{__LINE__, "We've posted guidance on our website.", TACT_APOLOGY_NONE, "", "recovery.action"},
	{__LINE__, "I understand how frustrating that must be after waiting all week.", TACT_APOLOGY_NONE, "recovery.empathy",
	 ""},
	/* one remedy read as action and as compensation: the reading that says more wins, compensation a tie;
	 * neither hides a match that stands in its own clause */
	{__LINE__, "I've added the 4,200 points manually.", TACT_APOLOGY_NONE, "recovery.action", "recovery.compensation"},
	{__LINE__, "I've added the 4,200 points manually, plus 1,000 bonus points for the trouble.", TACT_APOLOGY_NONE,
	 "recovery.action recovery.compensation", ""},
	{__LINE__, "I've added them manually, plus 500 bonus points for the wait.", TACT_APOLOGY_NONE,
	 "recovery.action recovery.compensation", ""},
	{__LINE__, "I've refunded your shipping.", TACT_APOLOGY_NONE, "recovery.compensation", "recovery.action"},
	{__LINE__, "I've waived the redelivery fee.", TACT_APOLOGY_NONE, "recovery.compensation", "recovery.action"},
	/* money wrongly charged, given back, is action */
	{__LINE__, "I've issued a £38.20 credit for the overcharge.", TACT_APOLOGY_NONE, "recovery.action",
	 "recovery.compensation"},
	{__LINE__, "I've waived the late payment charges that built up as a result.", TACT_APOLOGY_NONE, "recovery.action",
	 "recovery.compensation"},
	/* "should have ..., and it didn't" concedes a specific failure */
	{__LINE__, "Sorry, your parcel should have arrived yesterday, and it didn't.", TACT_APOLOGY_SINCERE,
	 "recovery.ownership", ""},
	{__LINE__, "Sorry your parcel hasn't arrived yet.", TACT_APOLOGY_CANNED, "", "recovery.ownership"},
	/* a DM keeps the case; another party does not */
	{__LINE__, "Please DM us your order number and we'll take a look.", TACT_APOLOGY_NONE, "", "agent.deflect"},
	{__LINE__, "It would be best to reach out to them.", TACT_APOLOGY_NONE, "agent.deflect", ""},
};

/* Check each label in the space-separated list is present (want) or absent. */
static void check_labels(const tact_msg *m, const char *list, bool want, int line, const char *in)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, " ");
		if (n)
			CHECK(has_span(m, p, n) == want, line, "\"%s\": %.*s %s", in, (int)n, p,
			      want ? "missing" : "not wanted");
		p += n;
		while (*p == ' ')
			p++;
	}
}

int main(void)
{
	bundled b;
	if (!bundled_open(&b, "agent_test"))
		return 1;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const tact_msg *m = bundled_analyze(&b, cases[i].in, TACT_ROLE_AGENT);
		tact_apology got = tact_msg_apology(m);
		CHECK(got == cases[i].want, cases[i].line, "\"%s\": apology %s, want %s", cases[i].in,
		      tact_apology_name(got), tact_apology_name(cases[i].want));
		check_labels(m, cases[i].has, true, cases[i].line, cases[i].in);
		check_labels(m, cases[i].hasnt, false, cases[i].line, cases[i].in);
	}
	bundled_close(&b);
	return TEST_END("agent_test");
}
