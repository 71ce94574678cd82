package quote_test

import (
	"strings"
	"testing"

	"newsgraph/doc"
	"newsgraph/pipeline"
)

// analyze runs the whole pipeline, as quote extraction depends on tokens,
// sentences and entities.
func analyze(text string) *doc.Document {
	d := &doc.Document{Text: text}
	pipeline.New().Analyze(d)
	return d
}

type want struct{ kind, content, speaker, cue string }

func got(d *doc.Document) []want {
	var out []want
	for _, st := range d.Statements {
		w := want{kind: st.Kind.String(), content: d.Str(st.Content)}
		if st.Cue.Valid() {
			w.cue = d.Str(st.Cue)
		}
		if sp := st.Speaker; sp != nil {
			w.speaker = d.Str(sp.Mention)
			if sp.Entity >= 0 {
				w.speaker = d.EntityName(&d.Entities[sp.Entity])
			}
		}
		out = append(out, w)
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"postposed direct", `"We will win," Dmitry Peskov said.`,
			[]want{{"direct", "We will win,", "Dmitry Peskov", "said"}}},
		{"inverted direct", `"We will win," said Dmitry Peskov.`,
			[]want{{"direct", "We will win,", "Dmitry Peskov", "said"}}},
		{"colon direct", `Dmitry Peskov said: "We will win."`,
			[]want{{"direct", "We will win.", "Dmitry Peskov", "said"}}},
		{"indirect with that", `Kremlin spokesman Dmitry Peskov said that the talks had failed.`,
			[]want{{"indirect", "the talks had failed", "Dmitry Peskov", "said"}}},
		{"mixed", `Igor Konashenkov said the "regrouping is taking place."`,
			[]want{{"mixed", `the "regrouping is taking place."`, "Igor Konashenkov", "said"}}},
		{"postposed indirect", `Troops are regrouping, the Defense Ministry claimed on Wednesday.`,
			[]want{{"indirect", "Troops are regrouping", "Defense Ministry", "claimed"}}},
		{"according to leading", `According to the BBC, the talks failed.`,
			[]want{{"indirect", "the talks failed", "BBC", "According to"}}},
		{"according to trailing", `The talks failed, according to the BBC.`,
			[]want{{"indirect", "The talks failed", "BBC", "according to"}}},
		{"pronoun resolved", `Dmitry Peskov spoke in Moscow. He said the talks had failed.`,
			[]want{{"indirect", "the talks had failed", "Dmitry Peskov", "said"}}},
		{"capital as government", `Kiev insists the offensive was unprovoked and has denied claims it planned an attack.`,
			[]want{{"indirect", "the offensive was unprovoked", "Kiev", "insists"}, {"indirect", "claims it planned an attack", "Kiev", "has denied"}}},
		{"told addressee", `Mark Serwotka told the BBC that a strike was likely.`,
			[]want{{"indirect", "a strike was likely", "Mark Serwotka", "told the BBC"}}},
		{"split quote", `"We will win," Peskov said, "and soon."`,
			[]want{{"direct", "We will win,", "Peskov", "said"}, {"direct", "and soon.", "Peskov", "said"}}},
		{"group speaker", `Analysts say the market will fall.`,
			[]want{{"indirect", "the market will fall", "Analysts", "say"}}},
		{"apposition", `Jean-Marc Ayrault, the foreign minister of France, said the provocation could not go unanswered.`,
			[]want{{"indirect", "the provocation could not go unanswered", "Jean-Marc Ayrault", "said"}}},
		{"party tag in parentheses", `The plan could work, Lindsey Graham (R-S.C.) told The Hill on Tuesday.`,
			[]want{{"indirect", "The plan could work", "Lindsey Graham", "told The Hill"}}},
		{"coordinated second report", `Putney told CNN that the video showed nothing, but he said witnesses saw a gun.`,
			[]want{{"indirect", "the video showed nothing", "Putney", "told CNN"}, {"indirect", "witnesses saw a gun", "Putney", "said"}}},
		{"trailing adverbial after quote", `“It never crossed my mind,” Mary Smith said several months later.`,
			[]want{{"direct", "It never crossed my mind,", "Mary Smith", "said"}}},
		{"cue then quotation in next paragraph", "Donald Trump said:\n\n\"We have a situation in our inner cities.\"",
			[]want{{"direct", "We have a situation in our inner cities.", "Donald Trump", "said"}}},
		{"statement noun", `Tony Blair spoke. If Mr Blair wins, he fulfils his promise to serve a full third term.`,
			[]want{{"indirect", "to serve a full third term", "Tony Blair", "promise"}}},
		{"document source", `A new poll shows Clinton leading by four points.`,
			[]want{{"indirect", "Clinton leading by four points", "A new poll", "shows"}}},
		{"verb and preposition", `The union called for an inquiry into the deaths.`,
			[]want{{"indirect", "an inquiry into the deaths", "The union", "called for"}}},
		{"transcript turn", "Chris Wallace interviewed Mike Pence.\n\nWALLACE: Will you pledge to accept the result of the election tonight?\n\nPENCE: We will accept it.",
			[]want{{"indirect", "Will you pledge to accept the result of the election tonight?", "WALLACE", ""}, {"indirect", "We will accept it", "PENCE", ""}}},
		{"concessive second report", `Loretta Lynch said the work was hard, though she noted clients are beginning to demand diverse teams.`,
			[]want{{"indirect", "the work was hard", "Loretta Lynch", "said"}, {"indirect", "clients are beginning to demand diverse teams", "Loretta Lynch", "noted"}}},
		{"dash apposition", `Kall -- co-editor of a book about the debates -- said the candidate liked announcements.`,
			[]want{{"indirect", "the candidate liked announcements", "Kall", "said"}}},
		{"group by relation", `Those close to him say the governor will pick a woman.`,
			[]want{{"indirect", "the governor will pick a woman", "Those close to him", "say"}}},
		{"parenthetical cue then a second clause", `Only the Liberal Democrats stood against the war, Charles Kennedy said, and they had opposed ID cards.`,
			[]want{{"indirect", "Only the Liberal Democrats stood against the war", "Charles Kennedy", "said"}, {"indirect", "they had opposed ID cards", "Charles Kennedy", "said"}}},
		{"quotation over two paragraphs", "Mr Kennedy said: \"Britain is the fourth-largest economy in the world.\n\n\"So why are pensioners poor?\"",
			[]want{{"direct", "Britain is the fourth-largest economy in the world.", "Kennedy", "said"}, {"direct", "So why are pensioners poor?", "Kennedy", ""}}},
		{"addressee with its programme", `Charles Kennedy told Radio 4's Today programme there was no pact.`,
			[]want{{"indirect", "there was no pact", "Charles Kennedy", "told Radio 4's Today programme"}}},
		{"signed quotation", "Readers sent their views.\n\n\u201cThe most unqualified candidate in history.\u201d \u2014Francisco Herrero",
			[]want{{"direct", "The most unqualified candidate in history.", "Francisco Herrero", ""}}},
		{"place before the comma is no speaker", `Speaking at a forum in Virginia, Donald Trump warned of potential hackers from China.`,
			[]want{{"indirect", "potential hackers from China", "Donald Trump", "warned of"}}},
		{"phrasal verb is no report", `Readers wrote in.`, nil},
		{"speaker qualified by a place", `Frank Field spoke first. "What sort of model does it give?" the Labour MP for Birkenhead asked.`,
			[]want{{"direct", "What sort of model does it give?", "Frank Field", "asked"}}},
		{"title set off by commas", `The book, Brown's Britain, said Tony Blair felt he had lost voters' trust.`,
			[]want{{"indirect", "Tony Blair felt he had lost voters' trust", "The book", "said"}}},
		{"final frame over an inner cue", `Private sector surveys suggest a stronger economy than official estimates, Ms Lomax said.`,
			[]want{{"indirect", "Private sector surveys suggest a stronger economy than official estimates", "Lomax", "said"}}},
		{"noun before of", `The fictional US state of San Andreas is huge.`, nil},
		{"infinitive is no report", `A man in red shorts led employees to believe his girlfriend was on the way.`, nil},
		{"raising verb", `Dick Morris spoke. He appears to believe the party is unreformable.`,
			[]want{{"indirect", "the party is unreformable", "Dick Morris", "appears to believe"}}},
		{"negated cue", `Tony Blair has not confirmed any timing.`, nil},
		{"passive with agent", `The story was first reported by The Washington Post.`, nil},
		{"scare quotes left out", `The so-called "peace plan" was published on Monday.`, nil},
		{"noun use is no cue", `The claims were rejected by the court.`, nil},
		{"quoted transcript turns", "Chris Wallace interviewed Mike Pence. Partial transcript as follows:\n\n\"WALLACE: Will you pledge to accept the \u201cresult\u201d tonight?\n\n\"PENCE: We will accept it, Chris.",
			[]want{{"mixed", "Will you pledge to accept the \u201cresult\u201d tonight?", "WALLACE", ""}, {"indirect", "We will accept it, Chris", "PENCE", ""}}},
		{"headline source and colon", "Pat Caddell: Democrat Voters Worried About Clinton\n\nThe pollster spoke on Monday.",
			[]want{{"indirect", "Democrat Voters Worried About Clinton", "Pat Caddell", ""}}},
		{"headline label is no source", "The Latest: Trump visits Ohio\n\nHe spoke on Monday.", nil},
		{"quoted programme before the speaker", `On the broadcast of "Fox News Sunday," Mike Pence said the tweet was a joke.`,
			[]want{{"indirect", "the tweet was a joke", "Mike Pence", "said"}}},
		{"intention with an infinitive", `Senator John Smith refused to discuss the appointees.`,
			[]want{{"indirect", "to discuss the appointees", "John Smith", "refused"}}},
		{"intention with an object is no report", `Senator John Smith refused the offer.`, nil},
		{"questioned whether", `A memorable Clinton ad in 2008 questioned whether Barack Obama was prepared.`,
			[]want{{"indirect", "whether Barack Obama was prepared", "A memorable Clinton ad", "questioned"}}},
		{"participle clause is the writer's frame", `Donald Trump has repeatedly wondered whether the moderators will be fair to him, engaging in age-old tactics.`,
			[]want{{"indirect", "whether the moderators will be fair to him", "Donald Trump", "has repeatedly wondered"}}},
		{"object with an insertion", `Trump repeatedly accused Rafael Cruz, who was born in Cuba, of associating with Oswald.`,
			[]want{{"indirect", "Rafael Cruz, who was born in Cuba, of associating with Oswald", "Trump", "accused"}}},
		{"cognition with a bare clause", `Donald Trump knows there are people who think in these terms.`,
			[]want{{"indirect", "there are people who think in these terms", "Donald Trump", "knows"}}},
		{"verb form of a statement noun", `Trump claims that he should be the exception.`,
			[]want{{"indirect", "he should be the exception", "Trump", "claims"}}},
		{"participle after a cue", `"We see no link," the mayor said, adding that it would take more hours.`,
			[]want{{"direct", "We see no link,", "the mayor", "said"}, {"indirect", "it would take more hours", "the mayor", "adding"}}},
		{"share of people", `Twelve percent indicated that they were not sure.`,
			[]want{{"indirect", "they were not sure", "Twelve percent", "indicated"}}},
		{"hearer before that", `Donald Trump is warning voters that a Clinton victory would bring scandal back.`,
			[]want{{"indirect", "a Clinton victory would bring scandal back", "Donald Trump", "warning voters"}}},
		{"contracted auxiliary", `Donald Trump spoke. He's claiming that voting fraud is a big problem.`,
			[]want{{"indirect", "voting fraud is a big problem", "Donald Trump", "claiming"}}},
		{"raising verb before the subject's cue", `Critics spoke after he appeared to suggest that veterans are weak.`,
			[]want{{"indirect", "veterans are weak", "he", "appeared to suggest"}}},
		{"coordinated plural subject", `Companies and individuals complain bitterly that taxes are too high.`,
			[]want{{"indirect", "taxes are too high", "Companies and individuals", "complain"}}},
		{"subject after an opening conjunction", `But environmentalists worry that the mine will pollute the river.`,
			[]want{{"indirect", "the mine will pollute the river", "environmentalists", "worry"}}},
		{"possessed subject of a coordinated cue", `His ex-wife agreed, but also contended that she should keep her privacy.`,
			[]want{{"indirect", "she should keep her privacy", "His ex-wife", "contended"}}},
		{"cue in an opening subordinate clause", `When Clinton noted that Trump paid no taxes, Trump boasted, "That makes me smart."`,
			[]want{{"indirect", "Trump paid no taxes", "Clinton", "noted"}, {"direct", "That makes me smart.", "Trump", "boasted"}}},
		{"two verbs of one subject", `Once, I laughed and said, "I don't believe in the devil."`,
			[]want{{"direct", "I don't believe in the devil.", "I", "said"}}},
		{"indefinite speaker", `Then someone asked how Clinton could inspire young people.`,
			[]want{{"indirect", "how Clinton could inspire young people", "someone", "asked"}}},
		{"negated indefinite is no speaker", `But not everybody believes that offshoring is the solution.`, nil},
		{"object ends at a dash", `Laurence Tribe likened the rules to "burning the Constitution" - a charge that stung.`,
			[]want{{"mixed", `the rules to "burning the Constitution"`, "Laurence Tribe", "likened"}}},
		{"plural noun is no cue", `Obama leaves a raft of new emissions rules that promise to transform the economy.`, nil},
		{"participle takes the subject after an opening adverbial", `Meanwhile, it attacked Trump, saying he has offended Hispanics.`,
			[]want{{"indirect", "he has offended Hispanics", "it", "saying"}}},
		{"participle takes a described subject", `In August, several environmental groups granted Mr. Clarke an extension, saying his capital was short.`,
			[]want{{"indirect", "his capital was short", "several environmental groups", "saying"}}},
		{"inverted speaker with a qualifier", `The meeting went badly from there, said one GOP source in the room.`,
			[]want{{"indirect", "The meeting went badly from there", "GOP", "said"}}},
		{"year between relative pronoun and cue", `Obama has a frosty relationship with Mitch McConnell, who in 2010 said the goal was to make Obama a one-term president.`,
			[]want{{"indirect", "the goal was to make Obama a one-term president", "Mitch McConnell", "said"}}},
		{"agreeing to a thing is no report", `Loretta Lynch agreed to a 30-minute interview.`, nil},
		{"people sharing a surname stay apart", `Donald Trump spoke. Ivanka Trump, his daughter, said the plan was fair.`,
			[]want{{"indirect", "the plan was fair", "Ivanka Trump", "said"}}},
		{"as someone put it", `He was seen, as The New Yorker put it in a lengthy expose, "the operator."`,
			[]want{{"direct", "the operator.", "New Yorker", "put it"}}},
		{"putting a thing is no report", `The Treasury put money into the banks.`, nil},
		{"expressed concern", `Senator John Smith expressed concern about the deal.`,
			[]want{{"indirect", "concern about the deal", "John Smith", "expressed"}}},
		{"as reported by", `As reported by The Washington Post, the foundation spent money on a portrait.`,
			[]want{{"indirect", "the foundation spent money on a portrait", "Washington Post", "As reported by"}}},
		{"coordinated cue after a titled name", `Mr. Schultz supported Democrats during his time on MSNBC, and said he did not support Mr. Trump.`,
			[]want{{"indirect", "he did not support Mr. Trump", "Schultz", "said"}}},
		{"the poll as source", `In the latest Washington Post poll, Clinton led Trump by five points.`,
			[]want{{"indirect", "Clinton led Trump by five points", "the latest Washington Post poll", "In"}}},
		{"noun after a possessive and modifier", `Donald Trump is defending his early-morning tweets attacking Alicia Machado.`, nil},
		{"medium between speaker and cue", `Last week John Stumpf in a televised interview appeared to blame low-level workers.`,
			[]want{{"indirect", "low-level workers", "John Stumpf", "appeared to blame"}}},
		{"in the wake of a report is no source", `In the wake of the New York Times report, Trump has portrayed himself as shrewd.`, nil},
		{"block quotation after a colon", "The governor added:\n\nIt's typical of her. She knows nothing at all.\n\nThe debate is on Monday.",
			[]want{{"indirect", "It's typical of her. She knows nothing at all", "The governor", "added"}}},
		{"continued with a quotation", `Tom Smith spoke first. Smith continued: "They are demanding this."`,
			[]want{{"direct", "They are demanding this.", "Tom Smith", "continued"}}},
		{"continuing to rise is no report", `Prices continued to rise in March.`, nil},
		{"signed quotation opened with a closing mark", "Readers sent letters.\n\n\u201dFear. I am truly afraid of this election.\u201d \u2015 Edwin Monroy",
			[]want{{"direct", "Fear. I am truly afraid of this election.", "Edwin Monroy", ""}}},
		{"attitude adjective with a that clause", `Protesters were frustrated that the city released only some of the footage.`,
			[]want{{"indirect", "the city released only some of the footage", "Protesters", "were frustrated"}}},
		{"negated attitude is no report", `She is not sure that it will work.`, nil},
		{"so ... that is no attitude", `The food was so good that we stayed.`, nil},
		{"characterized as", `He characterized Tim Kaine as "a little desperate."`,
			[]want{{"mixed", `Tim Kaine as "a little desperate."`, "He", "characterized"}}},
		{"statement noun with an infinitive", `Tony Blair spoke. The party backed his decision to serve a full term.`,
			[]want{{"indirect", "to serve a full term", "Tony Blair", "decision"}}},
		{"participle after a cue and its place", `"Unity means prosperity," she said in the Oval Office, emphasizing it was time to end the sanctions.`,
			[]want{{"direct", "Unity means prosperity,", "she", "said"}, {"indirect", "it was time to end the sanctions", "she", "emphasizing"}}},
		{"participle after a report's content", `Foreign policy analysts said geopolitical factors helped Burma, citing the strategic importance of the nation.`,
			[]want{{"indirect", "geopolitical factors helped Burma", "Foreign policy analysts", "said"}, {"indirect", "the strategic importance of the nation", "Foreign policy analysts", "citing"}}},
		{"statement noun as a verb after a described subject", `The company claims that the tapes were lost.`,
			[]want{{"indirect", "the tapes were lost", "The company", "claims"}}},
		{"statement noun as an object is no cue", `Booming economic growth drives demand for travel.`, nil},
		{"capitalised cue inside a name", `Shares in American Express rose by 8% on Tuesday.`, nil},
		{"participle qualifying a noun", `Couples from outside Switzerland intending to wed must obtain a visa.`, nil},
		{"record label is no cue", `The band signed to the RCA label in 2003.`, nil},
		{"that after a phrase of setting", `Trump tweeted in the early morning hours that Machado was a con.`,
			[]want{{"indirect", "Machado was a con", "Trump", "tweeted"}}},
		{"talks as a noun", `Jean-Francois Theodore held talks with LSE boss Clara Furse.`, nil},
		{"a place's noun", `The London express came off the tracks at 115 mph.`, nil},
		{"parenthetical inside a subordinate clause", `But although there was no evidence of crime, the bank said, the Secret Service is looking into the loss.`,
			[]want{{"indirect", "there was no evidence of crime", "the bank", "said"}}},
		{"teller as the agent of a passive", `Charles Schumer said he was told by the Senate Rules Committee that the tapes were stolen.`,
			[]want{{"indirect", "he was told by the Senate Rules Committee that the tapes were stolen", "Charles Schumer", "said"}, {"indirect", "the tapes were stolen", "Senate Rules Committee", "was told by"}}},
		{"statement noun made by the subject", `The ministry issued a warning that the dam could fail within days.`,
			[]want{{"indirect", "the dam could fail within days", "The ministry", "issued a warning"}}},
		{"reasons for is a noun", `They give three key reasons for not making the move.`, nil},
		{"adding to is a deed", `The latest triumph adds to the three Grammys won this year.`, nil},
		{"said in a song title", "Busted take a break\n\nTheir singles include Year 3000, You Said No, and Who's David?", nil},
		{"calls for in a headline", `Former DNC chairman calls for Clinton contingency plan`,
			[]want{{"indirect", "Clinton contingency plan", "Former DNC chairman", "calls for"}}},
		{"quotation ending the sentence before its cue", `"Who would have believed it?" Donald Trump said, looking out on the crowd.`,
			[]want{{"direct", "Who would have believed it?", "Donald Trump", "said"}}},
		{"inverted speaker before a participle", `"It was a sad moment for Europe," said Donald Tusk, summing up the talks.`,
			[]want{{"direct", "It was a sad moment for Europe,", "Donald Tusk", "said"}}},
		{"new sentence with its own content after a quotation", `"It is unacceptable." BBC correspondent Stephen Cape said the unions were a formidable force.`,
			[]want{{"indirect", "the unions were a formidable force", "Stephen Cape", "said"}}},
		{"object ends before a new clause", `Barack Obama called for reducing the tax rate to 28 percent, but Mrs. Clinton would leave it at 35.`,
			[]want{{"indirect", "reducing the tax rate to 28 percent", "Barack Obama", "called for"}}},
		{"naming call with a possessive", `At the forum, Hillary Clinton called her vote in favor of the war a mistake.`,
			[]want{{"indirect", "her vote in favor of the war a mistake", "Hillary Clinton", "called"}}},
		{"prepositional content ends at a dash", `Adam Schiff called on Barack Obama to retaliate against Russia -- meddling he said is designed to sow discord.`,
			[]want{{"indirect", "Barack Obama to retaliate against Russia", "Adam Schiff", "called on"}, {"indirect", "is designed to sow discord", "Adam Schiff", "said"}}},
		{"directive with a hearer", `Two Democratic speechwriters implored her to bring it back.`,
			[]want{{"indirect", "to bring it back", "Two Democratic speechwriters", "implored her"}}},
		{"invitation to a place is no report", `She invited him to the party.`, nil},
		{"apposition with including", `Proponents, including the Conference of Mayors, have urged Congress to leave the program intact.`,
			[]want{{"indirect", "to leave the program intact", "Proponents", "have urged Congress"}}},
		{"group before a relative pronoun", `He will not talk, although there are those who believe this could be the election.`,
			[]want{{"indirect", "this could be the election", "those", "believe"}}},
		{"group after a conjunction", `Even while most still believe it is Labour's for the taking.`,
			[]want{{"indirect", "it is Labour's for the taking", "most", "believe"}}},
		{"infinitive content ends at a time adjunct", `The FBI warned state officials to boost their security after hackers targeted two states.`,
			[]want{{"indirect", "to boost their security", "FBI", "warned state officials"}}},
		{"participle qualifying a noun after a comma", `Troops left the Lugansk People's Republics, recognised as independent states by Moscow.`, nil},
		{"inverted speaker with an organisation before the role", `"Pence did all the things right," said MSNBC host Chris Matthews.`,
			[]want{{"direct", "Pence did all the things right,", "Chris Matthews", "said"}}},
		{"age apposition before said as", `"We will not stop," Quina Jones, 25, said as she marched through the city.`,
			[]want{{"direct", "We will not stop,", "Quina Jones", "said"}}},
		{"inverted speaker after a description", `"They are 100 percent wrong," said 9/11 widow Terry Strada.`,
			[]want{{"direct", "They are 100 percent wrong,", "Terry Strada", "said"}}},
		{"inverted speaker with an organisation and a title", `"It was a sad moment," said European Council President Donald Tusk, summing up the talks.`,
			[]want{{"direct", "It was a sad moment,", "Donald Tusk", "said"}}},
		{"heading in capitals is no transcript turn", "Coronavirus.\n\nSTRESS: How to look after your mental health in the lockdown", nil},
		{"date between a cue and its preposition", `Joe Biden called on Thursday for the release of racial data.`,
			[]want{{"indirect", "the release of racial data", "Joe Biden", "called on Thursday for"}}},
		{"swearing in is no report", `The state of Washington has sworn in its first Native American Supreme Court justice.`, nil},
		{"accepting an award is no report", `Phoebe Waller-Bridge accepted the award for best actress.`, nil},
		{"second cue after a comma and a conjunction", `Lindsey Graham urged Republicans to join the believers, and criticized the party's lack of awareness.`,
			[]want{{"indirect", "to join the believers", "Lindsey Graham", "urged Republicans"}, {"indirect", "the party's lack of awareness", "Lindsey Graham", "criticized"}}},
		{"document after an opening adverbial", `In 2013, research conducted by the Center for Media found PolitiFact rated Democrats higher.`,
			[]want{{"indirect", "PolitiFact rated Democrats higher", "research conducted by the Center for Media", "found"}}},
		{"colon quotation then a participle", `In a statement, Peabody said: "Patriot Coal was highly successful," adding that its value quadrupled.`,
			[]want{{"direct", "Patriot Coal was highly successful,", "Peabody", "said"}, {"indirect", "its value quadrupled", "Peabody", "adding"}}},
		{"that as a determiner of the object", `Justice Frank Nervo rejected that argument.`,
			[]want{{"indirect", "that argument", "Frank Nervo", "rejected"}}},
		{"cue-like participle inside the setting phrase", `A senior prison official has said in a sworn affidavit that anyone could escape.`,
			[]want{{"indirect", "anyone could escape", "A senior prison official", "has said"}}},
		{"plural noun object of a verb", `UCLA students raised worries about breaches of privacy.`, nil},
		{"rail as a noun", `Plans for a fast cross-London rail link were approved.`, nil},
		{"putting it up is a deed", `Adam Curry put it up on the net as open source software.`, nil},
		{"expected to is no report", `The election, widely expected to be held on 5 May, is near.`, nil},
		{"suspected as an adjective", `Police arrested suspected sham couples in Leeds.`, nil},
		{"offered to a place is a gift", `The cash offered to Central America was smaller.`, nil},
		{"a lone adverb is no content", `According to MSNBC, basically.`, nil},
		{"expecting something from someone is no report", `The gap between what we expect from Clinton and from Trump is vast.`, nil},
		{"stance with its object", `Ted Cruz endorsed Donald Trump on Friday.`,
			[]want{{"indirect", "Donald Trump on Friday", "Ted Cruz", "endorsed"}}},
		{"naming call", `Democrats called the contempt citation a transparent political ploy.`,
			[]want{{"indirect", "the contempt citation a transparent political ploy", "Democrats", "called"}}},
		{"calling someone is no report", `The neighbours called the police.`, nil},
		{"document qualified up to the cue", `A 2014 study by professor Justin Levitt found 31 incidents of voter impersonation.`,
			[]want{{"indirect", "31 incidents of voter impersonation", "A 2014 study by professor Justin Levitt", "found"}}},
		{"bare document noun", `Video shows that Crutcher had his hands in the air.`,
			[]want{{"indirect", "Crutcher had his hands in the air", "Video", "shows"}}},
		{"point out", `The campaign has pointed out that the tax breaks allowed him to rebound.`,
			[]want{{"indirect", "the tax breaks allowed him to rebound", "The campaign", "has pointed out"}}},
		{"inverted frame after inner commas", `For some, the losses would outstrip the gains, said Batchelder.`,
			[]want{{"indirect", "For some, the losses would outstrip the gains", "Batchelder", "said"}}},
		{"group with a qualifier", `Observers in Virginia and around the country say Scott deserves the seat.`,
			[]want{{"indirect", "Scott deserves the seat", "Observers in Virginia and around the country", "say"}}},
		{"adverb between speaker and cue", `Ted Cruz has long said that he qualifies as a natural-born citizen.`,
			[]want{{"indirect", "he qualifies as a natural-born citizen", "Ted Cruz", "has long said"}}},
		{"coordinated noun phrase is no second report", `Michael Flynn said Trump has respect for the military and his comment was an expression of frustration.`,
			[]want{{"indirect", "Trump has respect for the military and his comment was an expression of frustration", "Michael Flynn", "said"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := got(analyze(tc.text))
			if len(g) != len(tc.want) {
				t.Fatalf("got %d statements %+v, want %d %+v", len(g), g, len(tc.want), tc.want)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("statement %d:\n got %+v\nwant %+v", i, g[i], tc.want[i])
				}
			}
		})
	}
}

func TestContinuation(t *testing.T) {
	text := "Mark Serwotka, the union's general secretary, said the plan was wrong.\n\n\"If you want the pension you were promised, you must work five more years.\""
	d := analyze(text)
	if len(d.Statements) != 2 {
		t.Fatalf("got %+v", got(d))
	}
	st := d.Statements[1]
	if st.Kind != doc.Direct || st.Speaker == nil || st.Speaker.Entity < 0 || d.EntityName(&d.Entities[st.Speaker.Entity]) != "Mark Serwotka" {
		t.Errorf("continuation quote = %+v", got(d)[1])
	}
	if !strings.HasPrefix(d.Str(st.Content), "If you want") {
		t.Errorf("content %q", d.Str(st.Content))
	}
}

func TestCueLexicon(t *testing.T) {
	d := analyze(`Peskov underlined that peace was near. Peskov stressed that it was far. Peskov replied that it was close.`)
	var lemmas []string
	for _, st := range d.Statements {
		lemmas = append(lemmas, st.CueLemma)
	}
	if got := strings.Join(lemmas, ","); got != "underline,stress,reply" {
		t.Errorf("lemmas = %s", got)
	}
}
