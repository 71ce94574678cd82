package quote

import (
	"sort"
	"strings"

	"newsgraph/doc"
	"newsgraph/entity"
)

// Extract finds the document's attributed statements and appends them to
// d.Statements in text order. It needs tokens, sentences, and the entities
// and mentions of package entity; pronoun and description speakers it
// resolves are added to d.Mentions and their entity.
func Extract(d *doc.Document) {
	x := &extractor{d: d, pairs: findPairs(d)}
	x.inQuote = make([]int32, len(d.Tokens))
	for i := range x.inQuote {
		x.inQuote[i] = -1
	}
	for pi, p := range x.pairs {
		for k := p.open; k <= p.close && k < len(d.Tokens); k++ {
			x.inQuote[k] = int32(pi)
		}
	}
	x.mentionAt = make([]int32, len(d.Tokens))
	for i := range x.mentionAt {
		x.mentionAt[i] = -1
	}
	for mi, m := range d.Mentions {
		for k := m.First; k < m.Last; k++ {
			x.mentionAt[k] = int32(mi)
		}
	}
	x.used = make([]bool, len(x.pairs))
	// One lexicon lookup per word: most words are none of cue, statement
	// noun or attitude, and the sentence loop then skips them.
	x.cov = make([]bool, len(d.Tokens))
	x.contents = map[doc.Span]bool{}
	x.kind = make([]uint8, len(d.Tokens))
	for i := range d.Tokens {
		if t := &d.Tokens[i]; t.Kind == doc.Word {
			x.kind[i] = wordKinds[t.Lower]
		}
	}
	for si := range d.Sentences {
		x.sentence(si)
	}
	x.continuations()
	sort.SliceStable(d.Statements, func(a, b int) bool { return d.Statements[a].Content.Start < d.Statements[b].Content.Start })
	x.commitMentions()
}

type extractor struct {
	d         *doc.Document
	pairs     []pair
	inQuote   []int32 // token -> index of the quotation holding it, or -1
	mentionAt []int32 // token -> index of the mention holding it, or -1
	used      []bool  // quotation already part of a statement
	kind      []uint8 // token -> kCue | kNoun | kAttitude bits
	cov       []bool  // token inside a statement's content, cue or speaker
	contents  map[doc.Span]bool
	added     []doc.Mention
}

// sentence finds the statements whose cue lies in sentence si.
func (x *extractor) sentence(si int) {
	d := x.d
	s := d.Sentences[si]
	// A report framing the whole sentence from its end ("…, Ms Lomax
	// said.") goes first: cues inside its content are then reported speech.
	for c := s.Last - 1; c > s.First && c >= s.Last-8; c-- {
		if x.kind[c]&kCue == 0 {
			continue
		}
		if cu := cues[d.Tokens[c].Lower]; !cu.ing && x.finalFrame(s, c) && x.verbUse(s, c, cu) {
			x.verb(s, c, cu)
			break
		}
	}
	if d.Tokens[s.First].Lower == "in" {
		x.inDocument(s)
	}
	if d.Tokens[s.First].Lower == "as" && s.Last-s.First > 6 {
		x.asReported(s)
	}
	for c := s.First; c < s.Last; c++ {
		t := d.Tokens[c]
		if t.Lower == ":" && (x.inQuote[c] < 0 || c >= 2 && x.pairs[x.inQuote[c]].open == c-2) {
			// A colon outside quotations, or right after a quoted paragraph's
			// first word (`"WALLACE: ...`).
			x.colon(s, c)
			continue
		}
		if t.Kind != doc.Word || x.inQuote[c] >= 0 {
			continue
		}
		if x.kind[c] == 0 {
			continue
		}
		if t.Lower == "according" && c+1 < s.Last && d.Tokens[c+1].Lower == "to" {
			if x.according(s, c) {
				c++
			}
			continue
		}
		if x.kind[c]&kNoun != 0 && !x.covered(c) && x.nounCue(s, c, nounCues[t.Lower]) {
			continue // otherwise a verb: "Trump claims that", "is warning voters"
		}
		if x.kind[c]&kAttitude != 0 && !x.covered(c) && x.attitude(s, c) {
			continue
		}
		if x.kind[c]&kCue == 0 {
			continue
		}
		cu, ok := cues[t.Lower]
		if ok && x.covered(c) && c+1 < s.Last && d.Tokens[c+1].Lower == "by" {
			x.passiveAgent(s, c, cu) // "said he was told by X that Y": X's report too
			continue
		}
		if !ok || x.covered(c) || x.mentionAt[c] >= 0 || t.Is(doc.Upper) && !t.Is(doc.SentStart) && !x.capitalCue(s, c, cu) {
			continue // a cue form inside a name ("United States") or a title ("Survey Finds")
		}
		if !x.verbUse(s, c, cu) {
			x.passiveAgent(s, c, cu)
			continue
		}
		x.verb(s, c, cu)
	}
}

// inDocument handles a sentence that opens by naming the poll or study its
// main clause reports: "In the previous Washington Post/ABC News poll,
// conducted in early September, Clinton led Trump by 5 points."
func (x *extractor) inDocument(s doc.Sentence) {
	d := x.d
	head, comma := -1, -1
	for k := s.First + 1; k < s.Last && k-s.First <= 16; k++ {
		t := d.Tokens[k]
		if t.Lower == "of" && head < 0 {
			return // "In the wake of the report, ...": not the report's finding
		}
		if findingNouns[t.Lower] && head < 0 {
			head = k
		}
		if t.Lower == "," && head >= 0 {
			comma = k
			// A participle phrase may qualify the poll: ", conducted in ...,".
			if k+1 < s.Last && strings.HasSuffix(d.Tokens[k+1].Lower, "ed") && d.Tokens[k+1].Is(doc.Lower) {
				for m := k + 2; m < s.Last && m-k <= 10; m++ {
					if d.Tokens[m].Lower == "," {
						comma = m
						break
					}
				}
			}
			break
		}
		if x.inQuote[k] >= 0 || t.Kind == doc.Punct && t.Lower != "/" && t.Lower != "-" {
			return
		}
	}
	if head < 0 || comma < 0 || s.Last-comma < 4 {
		return
	}
	for k := comma + 1; k < s.Last; k++ {
		if cu, ok := cues[d.Tokens[k].Lower]; ok && x.inQuote[k] < 0 && x.verbUse(s, k, cu) {
			return // the main clause reports on its own: "In a poll, most said ..."
		}
	}
	sp := &doc.Speaker{Entity: -1, Mention: doc.Span{Start: d.Tokens[s.First+1].Start, End: d.Tokens[head].End}}
	cueSpan := doc.Span{Start: d.Tokens[s.First].Start, End: d.Tokens[s.First].End}
	content := doc.Span{Start: d.Tokens[comma+1].Start, End: d.Tokens[s.Last-1].End}
	x.add(x.kindOf(content), content, cueSpan, "in", sp, 0.6)
}

// asReported handles "As reported by the Post, ..." and "As stated in
// Davis' commentary, ...": the source before the comma, the content after.
func (x *extractor) asReported(s doc.Sentence) {
	d := x.d
	c := s.First + 1
	cu, ok := cues[d.Tokens[c].Lower]
	if !ok || !cu.past || (d.Tokens[c+1].Lower != "by" && d.Tokens[c+1].Lower != "in") {
		return
	}
	comma := -1
	for k := c + 2; k < s.Last && k-c <= 12; k++ {
		if d.Tokens[k].Lower == "," {
			comma = k
			break
		}
		if x.inQuote[k] >= 0 || d.Tokens[k].Kind == doc.Punct {
			return
		}
	}
	if comma < c+3 || s.Last-comma < 4 {
		return
	}
	src := np{c + 2, comma}
	if d.Tokens[src.first].Lower == "a" || d.Tokens[src.first].Lower == "an" || d.Tokens[src.first].Lower == "the" {
		if mi := x.mentionAt[src.first+1]; mi >= 0 {
			src.first++
		}
	}
	sp := x.speaker(src, c)
	cueSpan := doc.Span{Start: d.Tokens[s.First].Start, End: d.Tokens[c+1].End}
	content := doc.Span{Start: d.Tokens[comma+1].Start, End: d.Tokens[s.Last-1].End}
	x.add(x.kindOf(content), content, cueSpan, cu.lemma, sp, 0.8)
}

// findingNouns are documents whose findings a sentence may report after
// "In ...,": polls and studies, not interviews or speeches.
var findingNouns = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true, "study": true,
	"studies": true, "report": true, "analysis": true, "census": true, "audit": true, "findings": true}

// attitudes are adjectives that, after a form of "be", report a belief or
// feeling with its content in a "that" clause: "Protesters were frustrated
// that ...", "She is convinced that ...".
var attitudes = map[string]bool{"confident": true, "convinced": true, "sure": true, "certain": true,
	"afraid": true, "worried": true, "concerned": true, "frustrated": true, "angry": true, "upset": true,
	"disappointed": true, "pleased": true, "happy": true, "optimistic": true, "hopeful": true,
	"adamant": true, "aware": true, "furious": true, "glad": true, "fearful": true, "skeptical": true,
	"sceptical": true, "outraged": true, "alarmed": true}

// attitude handles "X was/is/are (adverb) ADJ that ..." at the adjective c.
func (x *extractor) attitude(s doc.Sentence, c int) bool {
	d := x.d
	if c+3 >= s.Last || d.Tokens[c+1].Lower != "that" {
		return false
	}
	b := c - 1
	switch w := d.Tokens[b].Lower; {
	case w == "not" || w == "never" || w == "n't":
		return true // "is not sure that": no belief reported
	case w == "very" || w == "so" || w == "also" || w == "still" || w == "now" || w == "more" || w == "less" || strings.HasSuffix(w, "ly") && len(w) > 4:
		b-- // "is increasingly worried that", "so frustrated that"
	}
	if b <= s.First {
		return false
	}
	switch d.Tokens[b].Lower {
	case "is", "was", "are", "were", "been", "be", "'s", "'re", "remain", "remains", "remained", "became", "seemed", "feel", "felt":
	default:
		return false
	}
	j := x.skipAdverbsLeft(b-1, s.First)
	subj := x.subjectLeft(j, s.First)
	if !subj.ok() || x.negated(b, s.First) {
		return false
	}
	sp := x.speaker(subj, c)
	cueSpan := doc.Span{Start: d.Tokens[b].Start, End: d.Tokens[c].End}
	x.right(s, c+1, cueSpan, cue{lemma: "be " + d.Tokens[c].Lower, belief: true}, sp, 0.6, false)
	return true
}

// passiveAgent handles a report told to someone, with its teller as the
// agent: "he was told by the Senate Rules Committee that the tapes were
// stolen", "we were assured by officials that ...".
func (x *extractor) passiveAgent(s doc.Sentence, c int, cu cue) {
	d := x.d
	if !cu.past || !addressee[cu.lemma] && cu.lemma != "warn" || c+3 >= s.Last || d.Tokens[c+1].Lower != "by" {
		return
	}
	switch d.Tokens[c-1].Lower {
	case "was", "were", "been", "is", "are", "be":
	default:
		return
	}
	that := -1
	for k := c + 2; k < s.Last && k-c <= 10; k++ {
		if d.Tokens[k].Lower == "that" {
			that = k
			break
		}
		if d.Tokens[k].Kind != doc.Word && d.Tokens[k].Lower != "'s" || x.inQuote[k] >= 0 {
			return
		}
	}
	if that < 0 || s.Last-that < 3 {
		return
	}
	agent := np{c + 2, that}
	if l := d.Tokens[agent.first].Lower; l == "the" || l == "a" || l == "an" {
		if x.mentionAt[agent.first+1] >= 0 {
			agent.first++
		}
	}
	cueSpan := doc.Span{Start: d.Tokens[c-1].Start, End: d.Tokens[c+1].End}
	x.right(s, that, cueSpan, cu, x.speaker(agent, c), 0.8, false)
}

// Word kinds, looked up once per token.
const (
	kCue      = 1 << iota // a cue form (cues)
	kNoun                 // a statement noun (nounCues)
	kAttitude             // an attitude adjective (attitudes)
	kOther                // another word the sentence loop tests ("according")
)

var wordKinds = func() map[string]uint8 {
	m := map[string]uint8{"according": kOther}
	for w := range cues {
		m[w] |= kCue
	}
	for w := range nounCues {
		m[w] |= kNoun
	}
	for w := range attitudes {
		m[w] |= kAttitude
	}
	return m
}()

// finalFrame reports a cue that closes its sentence after a comma and a
// short speaker phrase: "…, Ms Lomax said." / "…, said the minister."
func (x *extractor) finalFrame(s doc.Sentence, c int) bool {
	d := x.d
	if x.inQuote[c] >= 0 || x.mentionAt[c] >= 0 || !x.isEnd(x.skipTrailer(c+1, s.Last), s.Last) && d.Tokens[c-1].Lower != "," {
		return false
	}
	for k := c - 1; k > s.First && c-k <= 6; k-- {
		if t := d.Tokens[k]; t.Lower == "," {
			return x.inQuote[k] < 0 && k > s.First+2
		} else if t.Kind == doc.Quote {
			return false // `"…," she said.` is found in order anyway
		}
	}
	return false
}

// colon handles a quotation introduced by a name and a colon with no
// verb: `Blackburn boss Mark Hughes: "We will progress."`.
func (x *extractor) colon(s doc.Sentence, c int) {
	d := x.d
	if c == s.First || c+1 >= len(d.Tokens) {
		return
	}
	mi := x.mentionAt[c-1]
	pi := x.inQuote[c+1]
	// A turn of a transcript, bare ("PENCE: ...") or opening a quoted
	// paragraph (`"WALLACE: ...`).
	if (pi < 0 || x.pairs[pi].open < c) && x.transcript(s, c) {
		return
	}
	if pi < 0 && x.headline(s, c) {
		return
	}
	if mi < 0 || pi < 0 || x.pairs[pi].open != c+1 || x.used[pi] {
		return
	}
	if m := d.Mentions[mi]; m.Type != doc.Person && m.Type != doc.Org {
		return
	}
	sp := x.speaker(x.subjectLeft(c-1, s.First), c)
	x.add(doc.Direct, x.pairs[pi].content(d), doc.Span{}, "", sp, 0.8)
}

// transcript handles an interview transcript's turn: a paragraph opening
// with a speaker's name in capitals and a colon ("PENCE: Well, look, ...").
// The rest of the paragraph is what they said.
func (x *extractor) transcript(s doc.Sentence, c int) bool {
	d := x.d
	a := c - 1
	for a > s.First && d.Tokens[a-1].Is(doc.AllUpper) {
		a--
	}
	lead := d.Tokens[a].Is(doc.ParaStart) || a > 0 && d.Tokens[a-1].Kind == doc.Quote && d.Tokens[a-1].Is(doc.ParaStart)
	if !lead || !d.Tokens[c-1].Is(doc.AllUpper) || c-a > 3 {
		return false // "PENCE:" or `"WALLACE:` opening a paragraph
	}
	end := c + 1
	for end < len(d.Tokens) && !d.Tokens[end].Is(doc.ParaStart) {
		end++
	}
	if end-c < 3 {
		return false
	}
	// A speaker's name, not a heading in capitals ("STRESS: How to look
	// after your mental health", "LOOK-UP TOOL: ..."): a person the
	// recogniser found, or words that are not common English.
	if mi := x.mentionAt[c-1]; (mi < 0 || d.Mentions[mi].Type != doc.Person) && !x.writtenAsName(c-1) {
		for k := a; k < c; k++ {
			if entity.IsCommonWord(d.Tokens[k].Lower) || strings.ContainsAny(d.Tokens[k].Lower, "-0123456789") {
				return false
			}
		}
	}
	sp := &doc.Speaker{Entity: -1, Kind: doc.PersonSpeaker, Mention: doc.Span{Start: d.Tokens[a].Start, End: d.Tokens[c-1].End}}
	if mi := x.mentionAt[c-1]; mi >= 0 && d.Mentions[mi].Type == doc.Person {
		x.setEntity(sp, d.Mentions[mi].Entity)
	}
	// The turn's own quotation marks (and any inside it) are its, not
	// another speaker's.
	for pi, p := range x.pairs {
		if p.open >= a-1 && p.open < end {
			x.used[pi] = true
		}
	}
	content := doc.Span{Start: d.Tokens[c+1].Start, End: d.Tokens[end-1].End}
	x.add(x.kindOf(content), content, doc.Span{}, "", sp, 0.7)
	return true
}

// headline handles the headline convention "Source: what they said"
// ("Pence: Flowers Won't Be at Debate", "Poll: Clinton and Trump in dead
// heat"): in the article's first line, a short name of a person,
// organisation or document before a colon is the source of the rest of
// the line.
func (x *extractor) headline(s doc.Sentence, c int) bool {
	d := x.d
	if c-s.First > 4 || c-s.First < 1 || d.Tokens[s.First].Start >= len(d.Text) || strings.Contains(d.Text[:d.Tokens[s.First].Start], "\n") {
		return false // not in the first line
	}
	for k := s.First; k < c; k++ {
		if !isCapWord(d.Tokens[k]) {
			return false
		}
	}
	mi := x.mentionAt[c-1]
	person := mi >= 0 && (d.Mentions[mi].Type == doc.Person || d.Mentions[mi].Type == doc.Org) && d.Mentions[mi].First <= s.First
	if !person && !(c-s.First <= 2 && documentNouns[d.Tokens[c-1].Lower]) {
		return false
	}
	end := c + 1
	for end < len(d.Tokens) && !d.Tokens[end].Is(doc.ParaStart) {
		end++
	}
	if end-c < 4 {
		return false
	}
	sp := &doc.Speaker{Entity: -1, Kind: doc.UnknownSpeaker, Mention: doc.Span{Start: d.Tokens[s.First].Start, End: d.Tokens[c-1].End}}
	if person {
		sp = x.speaker(x.subjectLeft(c-1, s.First), c)
	}
	content := doc.Span{Start: d.Tokens[c+1].Start, End: d.Tokens[end-1].End}
	x.add(x.kindOf(content), content, doc.Span{}, "", sp, 0.6)
	return true
}

// writtenAsName reports whether the word of token k appears elsewhere in
// the document in title case, as a name does ("PENCE:" and "Mike Pence").
func (x *extractor) writtenAsName(k int) bool {
	w := x.d.Tokens[k].Lower
	for i := range x.d.Tokens {
		if t := &x.d.Tokens[i]; i != k && t.Lower == w && t.Is(doc.Upper) && !t.Is(doc.AllUpper) && !t.Is(doc.SentStart) {
			return true
		}
	}
	return false
}

// nounCues are nouns of statements whose content follows as a clause:
// "his claim that ...", "Russia's demand that ...", "her promise to ...".
var nounCues = map[string]string{"claim": "claim", "claims": "claim", "assertion": "assert",
	"insistence": "insist", "warning": "warn", "warnings": "warn", "promise": "promise",
	"pledge": "pledge", "demand": "demand", "demands": "demand", "denial": "deny",
	"allegation": "allege", "allegations": "allege", "admission": "admit", "suggestion": "suggest",
	"announcement": "announce", "prediction": "predict", "threat": "threaten", "vow": "vow",
	"conclusion": "conclude", "acknowledgment": "acknowledge", "acknowledgement": "acknowledge",
	"emphasis": "emphasise", "argument": "argue", "belief": "believe", "contention": "contend",
	"assessment": "assess", "determination": "determine", "decision": "decide", "proposal": "propose",
	"accusation": "accuse", "fear": "fear", "fears": "fear", "hope": "hope", "hopes": "hope",
	"complaint": "complain", "recommendation": "recommend", "request": "request", "view": "view",
	"observation": "observe", "assurance": "assure", "assurances": "assure", "expectation": "expect"}

// issueVerbs make a statement noun their object: "offer a pledge that".
var issueVerbs = map[string]bool{"offer": true, "offered": true, "offers": true, "issue": true, "issued": true,
	"issues": true, "give": true, "gave": true, "given": true, "gives": true, "make": true, "made": true, "makes": true,
	"repeat": true, "repeated": true, "repeats": true, "renew": true, "renewed": true, "renews": true,
	"deliver": true, "delivered": true, "delivers": true, "sound": true, "sounded": true, "sounds": true}

// infinitiveNouns take their content as an infinitive: "his promise to
// serve", "its decision to withdraw".
var infinitiveNouns = map[string]bool{"promise": true, "pledge": true, "threaten": true, "vow": true,
	"determine": true, "decide": true, "propose": true, "request": true, "demand": true}

// nounCue handles a statement noun with its owner before it ("his",
// "Russia's") and its content after it ("that ...", "to ...").
// It reports whether the word was a noun here.
func (x *extractor) nounCue(s doc.Sentence, c int, lemma string) bool {
	d := x.d
	if c == s.First || c+2 >= s.Last {
		return false
	}
	next := d.Tokens[c+1].Lower
	if next != "that" && !(next == "to" && infinitiveNouns[lemma]) {
		return false
	}
	var owner np
	switch p := d.Tokens[c-1].Lower; {
	case (p == "a" || p == "an") && c-2 > s.First && issueVerbs[d.Tokens[c-2].Lower]:
		// "offered a pledge that", "issued a warning that": the subject of
		// the verb made the statement.
		subj := x.clauseSubject(s, c-1)
		if !subj.ok() {
			return false
		}
		sp := x.speaker(subj, c)
		cueSpan := doc.Span{Start: d.Tokens[c-2].Start, End: d.Tokens[c].End}
		k := c + 1
		if next == "that" {
			k++
		}
		e := k
		for e < s.Last && d.Tokens[e].Lower != ";" && !(d.Tokens[e].Kind == doc.Punct && d.Tokens[e].Lower == ".") {
			e++
		}
		if e-k >= 3 {
			content := doc.Span{Start: d.Tokens[k].Start, End: d.Tokens[e-1].End}
			x.add(x.kindOf(content), content, cueSpan, lemma, sp, 0.7)
		}
		return true
	case p == "his" || p == "her" || p == "their" || p == "its":
		owner = np{c - 1, c}
	case p == "'s" && c-2 >= s.First && x.mentionAt[c-2] >= 0:
		m := d.Mentions[x.mentionAt[c-2]]
		owner = np{max(m.First, s.First), m.Last}
	default:
		return false
	}
	if owner.first == s.First {
		// The noun phrase is the sentence's subject; its clause ends at a
		// main verb we cannot find without a parser ("Russia's demand that
		// Ukraine disarm was rejected").
		return true
	}
	sp := x.possessor(owner, c)
	if sp == nil {
		return true
	}
	cueSpan := doc.Span{Start: d.Tokens[c].Start, End: d.Tokens[c].End}
	k := c + 1
	if next == "that" {
		k++
	}
	e := k
	for e < s.Last && d.Tokens[e].Lower != "," && d.Tokens[e].Lower != ";" && !(d.Tokens[e].Kind == doc.Punct && d.Tokens[e].Lower == ".") {
		e++
	}
	if e-k < 3 {
		return true
	}
	content := doc.Span{Start: d.Tokens[k].Start, End: d.Tokens[e-1].End}
	x.add(x.kindOf(content), content, cueSpan, lemma, sp, 0.75)
	return true
}

// possessor resolves the owner of a statement noun: a possessive pronoun
// stands for the person or organisation in focus, a name for itself.
func (x *extractor) possessor(owner np, c int) *doc.Speaker {
	d := x.d
	if mi := x.mentionAt[owner.first]; mi >= 0 {
		return x.speaker(owner, c)
	}
	sp := &doc.Speaker{Entity: -1, Mention: doc.Span{Start: d.Tokens[owner.first].Start, End: d.Tokens[owner.last-1].End}}
	var e int
	switch d.Tokens[owner.first].Lower {
	case "his":
		e = x.antecedentFor(c, "he")
	case "her":
		e = x.antecedentFor(c, "she")
	case "its":
		e = x.byOrgNoun(c, "company")
	default:
		return nil // "their": too vague to attribute
	}
	if e < 0 {
		return nil
	}
	x.link(sp, e, owner)
	return sp
}

// covered reports whether token c lies inside a statement already found,
// whose content may hold reported speech of its own ("X said Y claimed").
func (x *extractor) covered(c int) bool { return x.cov[c] }

// verbUse tells a reporting verb from the same form used as a noun ("the
// claims", "his warning") or a passive ("was told to").
func (x *extractor) verbUse(s doc.Sentence, c int, cu cue) bool {
	d := x.d
	if !x.usableForm(s, c, cu) {
		return false
	}
	if c == s.First {
		return cu.ing // "Saying ..." opens a participle clause; "Said" alone is odd
	}
	prev := d.Tokens[c-1].Lower
	switch prev {
	case "'s":
		if c-2 < s.First || !pronouns[d.Tokens[c-2].Lower] && d.Tokens[c-2].Lower != "who" && d.Tokens[c-2].Lower != "that" {
			return false // a possessive; but "He's claiming" is "he is"
		}
	case "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "such", "of", "no", "any":
		return false
	case "to":
		// An infinitive reports nothing yet ("led them to believe", "declined
		// to say"), except after a raising verb ("appears to believe").
		if c < 2 || !raising[d.Tokens[c-2].Lower] {
			return false
		}
	case "was", "were", "been", "being", "be", "is", "are":
		return cu.ing // "was saying" is active; "was told", "is expected" are not
	}
	// After a number or "each", "every": a noun ("one tweet", "every claim").
	if p := d.Tokens[c-1]; p.Kind == doc.Number && !(c-2 >= s.First && (d.Tokens[c-2].Lower == "in" || d.Tokens[c-2].Lower == "since")) ||
		p.Lower == "one" || p.Lower == "each" || p.Lower == "every" || p.Lower == "another" {
		return false
	}
	// A base form after a name that follows an article: "the New York
	// Times report", "a Clinton campaign statement".
	if mi := x.mentionAt[c-1]; mi >= 0 && d.Tokens[c].Lower == cu.lemma && cu.lemma != "put" {
		if m := d.Mentions[mi]; m.Type != doc.NORP && m.First > s.First && (d.Tokens[m.First-1].Lower == "the" || d.Tokens[m.First-1].Lower == "a" || d.Tokens[m.First-1].Lower == "an") {
			return false // also "the London express"
		}
	}
	// "held talks with": the plural noun, unless a subject stands before it.
	if d.Tokens[c].Lower == "talks" && !(pronouns[prev] || x.mentionAt[c-1] >= 0 && x.mentionAt[c-1] != x.mentionAt[c]) {
		return false
	}
	// An "-s" form two words after a possessive: "his early-morning tweets".
	if w := d.Tokens[c].Lower; w != cu.lemma && strings.HasSuffix(w, "s") && !cu.past && !cu.ing && c-2 >= s.First {
		switch d.Tokens[c-2].Lower {
		case "his", "her", "their", "its", "my", "our", "your":
			if d.Tokens[c-1].Is(doc.Lower) {
				return false
			}
		}
	}
	// A third-person "-s" form after a plural or a quantifier is a plural
	// noun: "new emissions rules that", "the many reasons that".
	if w := d.Tokens[c].Lower; w != "says" && w != cu.lemma && strings.HasSuffix(w, "s") && !cu.past && !cu.ing {
		if p := d.Tokens[c-1]; p.Kind == doc.Word && p.Is(doc.Lower) && (isPlural(p.Lower) && !pronouns[p.Lower] && x.mentionAt[c-1] < 0 || quantifiers[p.Lower]) &&
			!documentNouns[p.Lower] && !x.documentOpening(s, c-1).ok() {
			return false // but "a study by researchers shows"
		}
	}
	// A passive behind adverbs: "was first reported by".
	for k := c - 1; k >= s.First && k >= c-3 && adverbs[d.Tokens[k].Lower]; k-- {
		switch d.Tokens[k].Lower {
		case "was", "were", "been", "being", "be", "is", "are":
			if !cu.ing {
				return false
			}
		}
	}
	if c+1 < s.Last {
		next := d.Tokens[c+1].Lower
		// A participle with its agent is a passive: "reported by the Post".
		if cu.past && next == "by" {
			return false
		}
		// A plural noun, not a verb: "the swing states of Ohio", "the claims were".
		if w := d.Tokens[c].Lower; (strings.HasSuffix(w, "s") || w == cu.lemma) && w != "says" && !prepCues[cu.lemma+" "+next] {
			// A noun, not a verb: "the swing states of Ohio", "the claims
			// were", "the US state of San Andreas".
			switch next {
			case "of", "were", "are", "have", "had", "'s":
				return false
			case "was", "is":
				// "his comment was", but not "which he believes is".
				if w == cu.lemma && !pronouns[prev] && !adverbs[prev] {
					return false
				}
			}
		}
		// A belief about a thing is no statement: "hopes for an outcome".
		if cu.belief && (next == "for" || next == "about" || next == "of" || next == "in" || next == "on" || next == "so" || next == "from") {
			return false
		}
		// "agreed to an interview" is a deed; "agreed to step down" a statement.
		if cu.lemma == "agree" && next == "to" && c+2 < s.Last && (determiners[d.Tokens[c+2].Lower] || d.Tokens[c+2].Kind == doc.Number) {
			return false
		}
		// "offered a genuine alternative" is a deed; "offered to cut" a statement.
		if (cu.lemma == "offer" || cu.lemma == "promise") && next != "to" && next != "that" && d.Tokens[c+1].Kind != doc.Quote {
			return false
		}
		if (cu.lemma == "offer" || cu.lemma == "promise") && next == "to" && (c+2 >= s.Last || !d.Tokens[c+2].Is(doc.Lower) || determiners[d.Tokens[c+2].Lower]) {
			return false // "the cash offered to Central America": a gift, not a promise
		}
	}
	// A base form after "the growing" is a noun: "the growing demand for".
	if d.Tokens[c].Lower == cu.lemma && c-2 >= s.First && determiners[d.Tokens[c-2].Lower] {
		if p := d.Tokens[c-1]; p.Kind == doc.Word && p.Is(doc.Lower) && !strings.HasSuffix(p.Lower, "s") && !adverbs[p.Lower] && !x.qualifiedGroup(s, c-1).ok() {
			return false // but "observers around the country say", "most still believe"
		}
	}
	if c+1 < s.Last && prepCues[cu.lemma+" "+d.Tokens[c+1].Lower] {
		return true // "called for calm", "talked about the economy"
	}
	if x.documentSubject(s, c) {
		return true // "a poll shows Clinton leading", "the study found"
	}
	if cu.lemma == "call" && x.namingCall(s, c) {
		return true // "Trump has called climate change a hoax"
	}
	if cu.lemma == "call" && x.quoteAhead(c, s.Last) {
		return true // naming: `Clinton called them "deplorables"`
	}
	// Verbs that report only with a clause after them: "showed that", not
	// "showed the way".
	if cu.lemma == "question" && c+1 < s.Last && (d.Tokens[c].Lower == "questioned" || d.Tokens[c].Lower == "questioning" || whWords[d.Tokens[c+1].Lower] ||
		d.Tokens[c].Lower == "question" && determiners[d.Tokens[c+1].Lower] && x.pluralSubject(s, c)) {
		return true // "questioned whether", "questioned Europe's reliance"
	}
	if cu.belief && c+1 < s.Last && (subjectPronouns[d.Tokens[c+1].Lower] || whWords[d.Tokens[c+1].Lower]) {
		return true // "I know they are audited", "voters should know what those questions are"
	}
	if clauseOnly[cu.lemma] && (c+1 >= s.Last || d.Tokens[c+1].Lower != "that") {
		return false
	}

	return true
}

// pluralSubject reports a plural speaker right before the cue at c, past
// adverbs and a parenthetical "however": "Some Democrats, however, question".
func (x *extractor) pluralSubject(s doc.Sentence, c int) bool {
	d := x.d
	j := x.skipAdverbsLeft(c-1, s.First)
	if j-2 > s.First && d.Tokens[j].Lower == "," && d.Tokens[j-2].Lower == "," {
		j -= 3
	}
	if j < s.First {
		return false
	}
	w := d.Tokens[j].Lower
	return pronouns[w] && w != "he" && w != "she" && w != "it" || groupWords[w] || isPlural(w) && !pronouns[w]
}

// namingCall reports "call" used to judge: "called X a Y" with an object
// and then an indefinite noun phrase before the clause ends ("Democrats
// called the citation a political ploy"), not "called a meeting" or
// "called the police".
func (x *extractor) namingCall(s doc.Sentence, c int) bool {
	d := x.d
	if w := d.Tokens[c].Lower; w == "call" || c+2 >= s.Last {
		return false // the base form is mostly a noun or an infinitive
	}
	switch d.Tokens[c+1].Lower {
	case "her":
		if n := d.Tokens[c+2]; n.Kind != doc.Word || !n.Is(doc.Lower) || stopWords[n.Lower] {
			return false // "called her", but "called her vote a mistake"
		}
	case "a", "an", "for", "on", "off", "up", "in", "out", "back", "it", "him", "them", "me", "us":
		if d.Tokens[c+1].Lower != "it" || c+3 >= s.Last || d.Tokens[c+2].Lower != "a" && d.Tokens[c+2].Lower != "an" {
			return false
		}
	}
	for k := c + 2; k < s.Last && k < c+14; k++ {
		t := d.Tokens[k]
		if t.Kind == doc.Punct || t.Kind == doc.Quote || stopWords[t.Lower] && t.Lower != "of" && t.Lower != "and" && t.Lower != "in" {
			return false
		}
		if (t.Lower == "a" || t.Lower == "an") && k > c+1 {
			return true
		}
	}
	return false
}

// subjectPronouns open a clause: after a cognition verb they start its
// content ("knows he is right"), where "you" and "it" may be objects.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "there": true}

// capitalCue reports whether a capitalised cue inside a sentence is a verb
// of a title-case headline (the first line) ("Obama Says ...", "Lindsey Graham Says") rather than a
// word of a name or title ("American Express", "You Said No").
func (x *extractor) capitalCue(s doc.Sentence, c int, cu cue) bool {
	headline := x.titleCase(s) && !strings.Contains(x.d.Text[:x.d.Tokens[s.First].Start], "\n")
	mi := x.mentionAt[c-1]
	if mi < 0 {
		return cu.lemma == "say" && headline // "..., Former White House Doctor Says."
	}
	return headline || x.d.Mentions[mi].Type != doc.NORP
}

// titleCase reports a headline written in title case: most of its words
// capitalised ("Obama Says African-American Museum Will Tell ...").
func (x *extractor) titleCase(s doc.Sentence) bool {
	words, caps := 0, 0
	for k := s.First; k < s.Last; k++ {
		if t := x.d.Tokens[k]; t.Kind == doc.Word {
			words++
			if t.Is(doc.Upper) {
				caps++
			}
		}
	}
	return words > 0 && caps*10 >= words*6
}

// usableForm applies the restrictions of cues with commoner other senses,
// whatever their position: they hold before every other test.
func (x *extractor) usableForm(s doc.Sentence, c int, cu cue) bool {
	d := x.d
	next := ""
	if c+1 < s.Last {
		next = d.Tokens[c+1].Lower
	}
	prev := ""
	if c > s.First {
		prev = d.Tokens[c-1].Lower
	}
	switch {
	case cu.lemma == "continue":
		// `Limbaugh continued: "..."`, not "continued to rise".
		return cu.past && (next == ":" || next == "," || c+1 < s.Last && d.Tokens[c+1].Is(doc.OpenQuote))
	case cu.lemma == "put":
		// "as she put it," reports a wording; "put money", "put it up on
		// the net" do not.
		if next != "it" {
			return false
		}
		if c+2 < s.Last {
			n := d.Tokens[c+2]
			if n.Lower == "in" && c+4 < s.Last && x.mediumEnd(c+4, s.Last) > 0 {
				return true // "put it in a lengthy expose"
			}
			if n.Kind == doc.Word && (particles[n.Lower] || n.Lower == "to" || n.Lower == "into" || n.Is(doc.Lower) && !strings.HasSuffix(n.Lower, "ly")) {
				return false
			}
		}
		return true
	case cu.lemma == "rail":
		return next == "against" // "rail link" is a noun
	case cu.past && cu.belief && next == "to":
		return false // "is expected to be held", "thought to be": no one's thought is reported
	case (cu.lemma == "suspect" || cu.lemma == "allege") && cu.past && next != "that" && !determiners[next] && !pronouns[next] && c+1 < s.Last && d.Tokens[c+1].Is(doc.Lower):
		return false // "suspected sham marriages", "alleged abuses": adjectives
	case cu.lemma == "label":
		return cu.past || cu.ing && prev != "" && !x.d.Tokens[c-1].Is(doc.Upper) // not "the record label"
	case cu.lemma == "oppose" && cu.past && next == "to":
		return false // "opposed to a ban": an adjective
	case directiveOnly[cu.lemma]:
		// Only "X to do": "invited her to the party" is no report.
		for k := c + 1; k < s.Last && k <= c+7; k++ {
			if d.Tokens[k].Lower == "to" {
				n := d.Tokens[min(k+1, s.Last-1)]
				return k > c+1 && k+1 < s.Last && n.Kind == doc.Word && n.Is(doc.Lower) && !determiners[n.Lower] && !stopWords[n.Lower]
			}
			if d.Tokens[k].Kind != doc.Word {
				return false
			}
		}
		return false
	case strings.HasSuffix(d.Tokens[c].Lower, "s") && d.Tokens[c].Lower != cu.lemma && !cu.past && !cu.ing &&
		len(prev) > 4 && strings.HasSuffix(prev, "ed") && x.d.Tokens[c-1].Is(doc.Lower) && !adverbs[prev]:
		return false // "raised worries about", "voiced concerns": the object of a verb
	case cu.lemma == "swear" && next == "in":
		return false // "has sworn in its first justice": a ceremony
	case cu.lemma == "accept" && next != "that":
		return false // "accepted the award" is a deed; "accepted that" a statement
	case cu.lemma == "add" && next == "to":
		return false // "adds to the three Grammys": a deed
	case strings.HasSuffix(d.Tokens[c].Lower, "s") && d.Tokens[c].Lower != cu.lemma && (next == "for" || next == "behind" || next == "why") &&
		!prepCues[cu.lemma+" "+next] && !(pronouns[prev] || c > s.First && x.mentionAt[c-1] >= 0):
		return false // "three key reasons for", "the reports behind"
	case nounCues[d.Tokens[c].Lower] != "" && !cu.ing:
		// A word that is also a statement noun ("claims", "demand", "hope")
		// is a verb only after a subject or an auxiliary, and not before
		// "for", "of" or the sentence's end: "global demand for travel".
		if next == "for" || next == "of" || next == "" || c+1 < s.Last && d.Tokens[c+1].Kind == doc.Punct {
			return false
		}
		if c == s.First {
			return false
		}
		p := d.Tokens[c-1]
		if w := d.Tokens[c].Lower; (cu.past || strings.HasSuffix(w, "s")) && c-2 >= s.First && determiners[d.Tokens[c-2].Lower] && p.Is(doc.Lower) {
			return true // "the company claims that"
		}
		return pronouns[p.Lower] || x.mentionAt[c-1] >= 0 || adverbs[p.Lower] || groupWords[p.Lower] || indefinites[p.Lower] ||
			isPlural(p.Lower) && p.Is(doc.Lower) || p.Lower == "who" || p.Lower == "which" || p.Lower == "that" || p.Lower == "," || p.Lower == "and" || p.Lower == "but"
	case infinitiveOnly[cu.lemma]:
		if c+2 >= s.Last || next != "to" || d.Tokens[c+2].Kind != doc.Word {
			return false
		}
		// "couples intending to wed": a participle qualifying a noun.
		if cu.ing && prev != "," && prev != "is" && prev != "was" && prev != "are" && prev != "were" && prev != "been" && prev != "be" {
			return false
		}
	}
	return true
}

// directiveOnly cues report only a hearer and an infinitive.
var directiveOnly = map[string]bool{"implore": true, "press": true, "invite": true, "beg": true}

// quantifiers come before plural nouns ("many reasons", "some claims").
var quantifiers = map[string]bool{"many": true, "some": true, "several": true, "few": true, "other": true,
	"all": true, "both": true, "most": true, "numerous": true, "various": true}

// whWords open an embedded question, the content of "asked", "wondered",
// "questioned".
var whWords = map[string]bool{"whether": true, "why": true, "how": true, "if": true, "what": true, "who": true, "when": true, "where": true}

// raising verbs take a cue in the infinitive: "appears to believe".
var raising = map[string]bool{"appears": true, "appear": true, "appeared": true, "seems": true,
	"seem": true, "seemed": true, "continues": true, "continued": true, "went": true}

// clauseOnly are cue verbs with other, far commoner senses: they report
// only when a "that" clause follows.
var clauseOnly = map[string]bool{"rule": true, "call": true, "order": true, "point": true, "show": true,
	"find": true, "hold": true, "charge": true, "question": true, "learn": true, "hear": true,
	"quote": true, "welcome": true, "brief": true, "project": true, "object": true, "figure": true,
	"understand": true, "know": true, "answer": true, "counter": true, "speak": true, "detail": true,
	"request": true, "state": true}

// infinitiveOnly are cues of intention: they report only with an
// infinitive after them ("refused to testify", not "refused the offer").
var infinitiveOnly = map[string]bool{"want": true, "intend": true, "seek": true,
	"refuse": true, "decline": true}

// prepCues are verbs whose prepositional object is what was said: the
// preposition belongs to the cue ("called for"), the object is the content.
var prepCues = map[string]bool{
	"call for": true, "talk about": true, "speak about": true, "speak of": true, "speak on": true,
	"ask about": true, "ask for": true, "warn of": true, "warn about": true,
	"complain about": true, "complain of": true, "write about": true, "write of": true,
	"comment on": true, "testify about": true, "boast about": true, "boast of": true, "brag about": true,
	"joke about": true, "argue for": true, "argue against": true, "push for": true, "appeal for": true,
	"plead for": true, "lobby for": true, "vouch for": true, "call on": true, "point to": true,
	"wonder about": true, "worry about": true, "speak out": true, "rail against": true, "point out": true, "put it": true,
}

// documentNouns are sources that are documents or data rather than people.
var documentNouns = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true,
	"study": true, "studies": true, "report": true, "reports": true, "data": true, "figures": true,
	"research": true, "analysis": true, "statement": true, "memo": true, "letter": true,
	"document": true, "documents": true, "records": true, "filing": true, "filings": true,
	"transcript": true, "review": true, "audit": true, "investigation": true, "census": true,
	"statistics": true, "estimates": true, "average": true, "averages": true, "slide": true, "video": true,
	"videos": true, "footage": true, "analyses": true, "findings": true, "results": true, "numbers": true,
	"emails": true, "email": true, "photos": true, "tally": true, "ad": true, "ads": true,
	"advert": true, "advertisement": true}

// documentSubject reports a cue whose subject is a document: "the poll
// shows", "a new study found".
func (x *extractor) documentSubject(s doc.Sentence, c int) bool {
	j := x.skipAdverbsLeft(c-1, s.First)
	return j >= s.First && documentNouns[x.d.Tokens[j].Lower] || x.documentOpening(s, j).ok()
}

// documentOpening finds a document named at the start of the sentence and
// qualified up to the cue, the whole phrase being the subject: "A 2014
// study by Loyola Law School professor Justin Levitt found", "The Real
// Clear Politics average of polls taken over the past two weeks shows".
func (x *extractor) documentOpening(s doc.Sentence, j int) np {
	d := x.d
	if j < s.First || j-s.First > 24 {
		return np{}
	}
	if t := d.Tokens[s.First].Lower; leadPrepositions[t] || openers[t] {
		// Past an opening adverbial: "In 2013, research conducted by ... found".
		for k := s.First + 1; k < j && k-s.First <= 6; k++ {
			if d.Tokens[k].Lower == "," {
				s.First = k + 1
				break
			}
		}
	}
	head := -1
	for k := s.First; k <= j && k < s.First+6; k++ {
		t := d.Tokens[k]
		if documentNouns[t.Lower] {
			head = k
			break
		}
		if t.Kind == doc.Punct || t.Kind == doc.Quote || stopWords[t.Lower] && !determiners[t.Lower] {
			return np{}
		}
	}
	if head < 0 {
		return np{}
	}
	if head == j {
		if head == s.First {
			return np{} // a bare noun: subjectLeft has it
		}
		return np{s.First, j + 1} // "A memorable Clinton ad (in 2008) questioned"
	}
	switch d.Tokens[head+1].Lower {
	case "of", "by", "from", "in", "on", "for", "conducted", "released", "published", "taken", "commissioned", "being", "that", "which", ",":
	default:
		return np{}
	}
	for k := head + 1; k <= j; k++ {
		if _, cue := cues[d.Tokens[k].Lower]; cue && d.Tokens[k].Lower != "released" {
			return np{} // another report between them
		}
	}
	return np{s.First, j + 1}
}

// quoteAhead reports a quotation opening later in the sentence.
func (x *extractor) quoteAhead(c, last int) bool {
	for k := c + 1; k < last; k++ {
		if pi := x.inQuote[k]; pi >= 0 && x.pairs[pi].open == k {
			return true
		}
	}
	return false
}

// statement records one statement; content is trimmed of edge punctuation
// and a leading "that".
func (x *extractor) add(kind doc.QuoteKind, content doc.Span, cueSpan doc.Span, lemma string, sp *doc.Speaker, conf float64) {
	if kind != doc.Direct {
		content = x.trim(content)
	}
	if !content.Valid() {
		return
	}
	if a := x.d.TokenAt(content.Start); a+1 == x.d.TokenAt(content.End) && (particles[x.d.Tokens[a].Lower] || strings.HasSuffix(x.d.Tokens[a].Lower, "ly") && x.d.Tokens[a].Is(doc.Lower)) {
		return // "wrote in", "spoke out": a phrasal verb; "according to MSNBC, basically": nothing reported
	}
	if x.contents[content] {
		return // found already by another cue: `"…," he said, adding …`
	}
	x.contents[content] = true
	x.d.Statements = append(x.d.Statements, doc.Statement{
		Kind: kind, Content: content, Cue: cueSpan, CueLemma: lemma, Speaker: sp, Confidence: conf,
	})
	// The tokens of the statement are covered: cues among them report
	// inside it. Quotations the content overlaps are accounted for.
	x.cover(content)
	x.cover(cueSpan)
	if sp != nil {
		x.cover(sp.Mention)
	}
	for k := x.d.TokenAt(content.Start); k < len(x.d.Tokens) && x.d.Tokens[k].Start < content.End; k++ {
		if pi := x.inQuote[k]; pi >= 0 {
			x.used[pi] = true
			if pi > 0 && x.pairs[pi-1].close == k {
				x.used[pi-1] = true // a quotation closed at a paragraph's end, by the next one's mark
			}
		}
	}
}

// cover marks the tokens that start inside span as part of a statement.
func (x *extractor) cover(span doc.Span) {
	if !span.Valid() {
		return
	}
	for k := x.d.TokenAt(span.Start); k < len(x.d.Tokens) && x.d.Tokens[k].Start < span.End; k++ {
		if x.d.Tokens[k].Start >= span.Start {
			x.cov[k] = true
		}
	}
}

// particles complete phrasal verbs ("wrote in", "spoke up"); alone after a
// cue they are no content.
var particles = map[string]bool{"in": true, "out": true, "up": true, "back": true, "off": true,
	"on": true, "down": true, "away": true, "again": true, "so": true}

// kindOf says whether a content span holds quotation marks.
func (x *extractor) kindOf(sp doc.Span) doc.QuoteKind {
	a, b := x.d.TokenAt(sp.Start), x.d.TokenAt(sp.End)
	for k := a; k < b && k < len(x.d.Tokens); k++ {
		if x.d.Tokens[k].Kind == doc.Quote && isDouble(x.d, x.d.Tokens[k]) {
			return doc.Mixed
		}
	}
	return doc.Indirect
}

// trim drops a leading "that", and leading or trailing commas, colons and
// full stops outside quotation marks.
func (x *extractor) trim(sp doc.Span) doc.Span {
	d := x.d
	a, b := d.TokenAt(sp.Start), d.TokenAt(sp.End)
	for b > a && d.Tokens[b-1].Start >= sp.End {
		b--
	}
	for b > a {
		t := d.Tokens[b-1]
		if t.Kind == doc.Punct && (t.Lower == "," || t.Lower == "." || t.Lower == ":" || t.Lower == ";" || t.Lower == "-" || t.Lower == "—" || t.Lower == "–") {
			b--
			continue
		}
		break
	}
	// A leading "that" goes when a clause follows it (two words at least):
	// "that argument" keeps it as a determiner.
	for a < b {
		t := d.Tokens[a]
		if t.Lower == "that" && b-a > 2 || t.Kind == doc.Punct && (t.Lower == "," || t.Lower == ":" || t.Lower == "-" || t.Lower == "—" || t.Lower == "–") {
			a++
			continue
		}
		break
	}
	if a >= b {
		return doc.Span{}
	}
	start, end := d.Tokens[a].Start, d.Tokens[b-1].End
	if start < sp.Start {
		start = sp.Start
	}
	if end > sp.End {
		end = sp.End
	}
	return doc.Span{Start: start, End: end}
}
