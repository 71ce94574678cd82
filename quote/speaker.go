package quote

import (
	"slices"
	"sort"
	"strings"

	"newsgraph/doc"
	"newsgraph/entity"
)

// orgNouns are heads of descriptions that stand for an organisation named
// earlier ("the ministry", "the firm").
var orgNouns = map[string]bool{"ministry": true, "firm": true, "company": true, "bank": true, "union": true,
	"party": true, "group": true, "agency": true, "department": true, "council": true, "regulator": true,
	"club": true, "organisation": true, "organization": true, "commission": true, "committee": true,
	"corporation": true, "newspaper": true, "paper": true, "campaign": true, "network": true, "court": true,
	"board": true, "association": true, "operator": true, "carrier": true, "airline": true, "retailer": true,
	"broadcaster": true, "watchdog": true, "charity": true, "alliance": true, "bloc": true,
	"monopoly": true, "giant": true, "incumbent": true, "manufacturer": true, "maker": true,
	"provider": true, "supplier": true, "lender": true, "insurer": true, "publisher": true}

// genericOrgNouns describe any company: "the firm" is the company in focus
// whatever its name.
var genericOrgNouns = map[string]bool{"firm": true, "company": true, "group": true, "corporation": true,
	"operator": true, "carrier": true, "monopoly": true, "giant": true, "incumbent": true,
	"manufacturer": true, "maker": true, "provider": true, "supplier": true, "lender": true,
	"insurer": true, "publisher": true, "retailer": true}

// roleSynonyms fold role nouns that describe the same job.
var roleSynonyms = map[string]string{"spokeswoman": "spokesman", "spokesperson": "spokesman"}

func isRoleNoun(w string) bool {
	switch w {
	case "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "chancellor",
		"leader", "chief", "chairman", "chairwoman", "director", "executive", "boss", "head", "official",
		"governor", "mayor", "senator", "ambassador", "envoy", "general", "commander", "analyst",
		"economist", "expert", "professor", "lawyer", "attorney", "judge", "prosecutor", "adviser",
		"advisor", "aide", "deputy", "manager", "coach", "source", "candidate", "founder", "premier",
		"correspondent", "reporter", "editor":
		return true
	}
	return false
}

// personNouns describe a person already named: "the singer", "the DJ".
var personNouns = map[string]bool{"dj": true, "presenter": true, "singer": true, "actor": true,
	"actress": true, "star": true, "striker": true, "midfielder": true, "defender": true,
	"goalkeeper": true, "player": true, "veteran": true, "politician": true, "musician": true,
	"rapper": true, "author": true, "writer": true, "businessman": true, "businesswoman": true,
	"entrepreneur": true, "campaigner": true, "activist": true, "mp": true, "peer": true, "man": true,
	"woman": true, "pensioner": true, "teenager": true, "footballer": true, "senator": true}

func isPersonNoun(h string) bool {
	return personNouns[h] || strings.HasSuffix(h, "-old") || isRoleNoun(h) && h != "source" && h != "official"
}

// speaker resolves the speaker phrase n, written near the cue at token c.
func (x *extractor) speaker(n np, c int) *doc.Speaker {
	d := x.d
	sp := &doc.Speaker{Entity: -1, Mention: doc.Span{Start: d.Tokens[n.first].Start, End: d.Tokens[n.last-1].End}}
	head := n.last - 1
	if n.first+1 < n.last && x.documentOpening(doc.Sentence{First: n.first, Last: n.last + 1}, n.last-1) == n {
		return sp // a document, whoever wrote it: "A study by Justin Levitt"
	}
	// The head comes before a qualifying phrase: "the Labour MP for
	// Birkenhead" (but "Minister of Defense Alexander Fomin" ends in a name).
	lastPerson := x.mentionAt[head] >= 0 && d.Mentions[x.mentionAt[head]].Type == doc.Person
	for k := n.first + 1; k < n.last && !lastPerson; k++ {
		if l := d.Tokens[k].Lower; (l == "for" || l == "of" || l == "at" || l == "from" || l == "in") && x.mentionAt[k-1] < 0 {
			head = k - 1
			break
		}
	}
	// A named entity in the phrase, the head's first; a nationality only
	// when it is the head ("the Democrat senator" is a senator).
	for k := head; k >= n.first; k-- {
		if mi := x.mentionAt[k]; mi >= 0 {
			m := d.Mentions[mi]
			if m.Type == doc.NORP && m.Last < n.last {
				continue
			}
			if m.Type != doc.Person && m.First-1 > n.first && x.prepositionObject(mi) {
				continue // "the Labour MP for Birkenhead": the MP, not the town
			}
			if m.Last < n.last && isPersonNoun(d.Tokens[head].Lower) && m.Type != doc.Person {
				break // "the Lib Dem chief executive" is a person, not the party
			}
			sp.Mention = m.Span
			x.setEntity(sp, m.Entity)
			return sp
		}
	}
	h := d.Tokens[head].Lower
	if (h == "who" || h == "which") && n.last-n.first == 1 && head >= 2 {
		// The relative pronoun is the mention; it stands for the name before the comma.
		if mi := x.mentionAt[head-2]; mi >= 0 {
			m := d.Mentions[mi]
			x.setEntity(sp, m.Entity)
			if sp.Entity >= 0 {
				x.added = append(x.added, doc.Mention{Span: sp.Mention, First: n.first, Last: n.last,
					Type: d.Entities[sp.Entity].Type, Entity: sp.Entity, Pronoun: true})
			}
		}
		return sp
	}
	switch {
	case n.last-n.first == 1 && (h == "he" || h == "she"):
		if e := x.antecedentFor(c, h); e >= 0 {
			x.link(sp, e, n)
		} else {
			sp.Kind = doc.PersonSpeaker
		}
		return sp
	case n.last-n.first == 1 && h == "it":
		if e := x.byOrgNoun(c, "company"); e >= 0 {
			x.link(sp, e, n)
		} else {
			sp.Kind = doc.UnknownSpeaker
		}
		return sp
	case n.last-n.first == 1 && (h == "they" || h == "we"):
		sp.Kind = doc.GroupSpeaker
		return sp
	case h == "government" || h == "administration" || h == "kremlin":
		sp.Kind = doc.GovernmentSpeaker
		return sp
	}
	definite := false
	switch d.Tokens[n.first].Lower {
	case "the", "our", "its", "his", "her", "their":
		definite = true // "our correspondent", "its spokesman"
	}
	if r, ok := roleSynonyms[h]; ok {
		h = r
	}
	if definite && isRoleNoun(h) {
		// "the ministry spokesman": the person the article gave that role.
		if e := x.byRole(c, h); e >= 0 {
			x.link(sp, e, n)
			return sp
		}
	}
	if definite && isPersonNoun(h) && (n.last-n.first <= 2 || !isRoleNoun(h)) {
		// "says the DJ", "the 51-year-old said": the person in focus. A
		// longer role description ("the Lib Dem chief executive") may name
		// someone not met yet, so it stays as written.
		if e := x.antecedent(c, doc.Person); e >= 0 {
			x.link(sp, e, n)
			return sp
		}
	}
	if definite && orgNouns[h] {
		if e := x.byOrgNoun(c, h); e >= 0 {
			x.link(sp, e, n)
			return sp
		}
		sp.Kind = doc.OrgSpeaker
		return sp
	}
	switch {
	case groupWords[h] || isPlural(h):
		sp.Kind = doc.GroupSpeaker
	case isRoleNoun(h) || h == "source":
		sp.Kind = doc.PersonSpeaker
	}
	return sp
}

func (x *extractor) setEntity(sp *doc.Speaker, e int) {
	if e < 0 {
		return
	}
	sp.Entity = e
	ent := &x.d.Entities[e]
	switch ent.Type {
	case doc.Person:
		sp.Kind = doc.PersonSpeaker
	case doc.Org:
		sp.Kind = doc.OrgSpeaker
	case doc.GPE, doc.Loc:
		sp.Kind = doc.GovernmentSpeaker
		ent.Government = true
	case doc.NORP:
		sp.Kind = doc.GroupSpeaker
	}
}

// link resolves a pronoun or description to entity e and records it as a
// mention of e.
func (x *extractor) link(sp *doc.Speaker, e int, n np) {
	x.setEntity(sp, e)
	x.added = append(x.added, doc.Mention{Span: sp.Mention, First: n.first, Last: n.last,
		Type: x.d.Entities[e].Type, Entity: e, Pronoun: true})
}

// antecedent finds the entity of the given type mentioned last before token
// c, outside quotations, within the last few sentences; the speaker of the
// latest statement wins ties, as news reports keep their current speaker.
func (x *extractor) antecedent(c int, typ doc.EntityType) int {
	d := x.d
	limit := x.window(c)
	off := d.Tokens[c].Start
	if typ == doc.Person {
		// News keeps its current speaker: "he said" after a person's
		// statement in the last sentences is that person.
		for i := len(d.Statements) - 1; i >= 0; i-- {
			st := d.Statements[i]
			if st.Content.Start >= off || st.Speaker == nil || st.Speaker.Entity < 0 {
				continue
			}
			if d.Entities[st.Speaker.Entity].Type == doc.Person && d.TokenAt(st.Content.Start) >= limit {
				return st.Speaker.Entity
			}
			break
		}
	}
	best := x.recentMention(c, typ, nil)
	if typ == doc.Person {
		// Prefer the latest person speaker when the last person named sits in
		// a different paragraph than the cue.
		if sp := x.lastSpeaker(); sp != nil && sp.Entity >= 0 && d.Entities[sp.Entity].Type == doc.Person && best < 0 {
			return sp.Entity
		}
	}
	return best
}

// window returns the first token of the sentences a pronoun at token c may
// reach back to: its own and the four before.
func (x *extractor) window(c int) int {
	if si := x.d.SentenceOf(c); si >= 4 {
		return x.d.Sentences[si-4].First
	}
	return 0
}

// recentMention returns the entity of the latest mention of type typ
// before token c, outside quotations and within the window, that keep
// accepts (nil keeps all); -1 when there is none.
func (x *extractor) recentMention(c int, typ doc.EntityType, keep func(int) bool) int {
	d := x.d
	off, limit := d.Tokens[c].Start, x.window(c)
	for mi := len(d.Mentions) - 1; mi >= 0; mi-- {
		m := d.Mentions[mi]
		if m.Start >= off {
			continue
		}
		if m.First < limit {
			break
		}
		if m.Type == typ && m.Entity >= 0 && x.inQuote[m.First] < 0 && (keep == nil || keep(m.Entity)) {
			return m.Entity
		}
	}
	return -1
}

// antecedentFor resolves "he" or "she": the person in focus whose first
// name does not say the other gender.
func (x *extractor) antecedentFor(c int, pronoun string) int {
	want := byte('m')
	if pronoun == "she" {
		want = 'f'
	}
	ok := func(e int) bool {
		g := entity.Gender(x.d, &x.d.Entities[e])
		return g == 0 || g == want
	}
	if e := x.antecedent(c, doc.Person); e >= 0 && ok(e) {
		return e
	}
	// The latest person of the right gender mentioned in the last sentences.
	if e := x.recentMention(c, doc.Person, ok); e >= 0 {
		return e
	}
	d := x.d
	off := d.Tokens[c].Start
	// Last, the article's main person so far: a profile keeps saying "he".
	count := map[int]int{}
	best := -1
	for _, m := range d.Mentions {
		if m.Start >= off {
			break
		}
		if m.Type == doc.Person && m.Entity >= 0 && !m.Pronoun && ok(m.Entity) {
			count[m.Entity]++
			if best < 0 || count[m.Entity] > count[best] {
				best = m.Entity
			}
		}
	}
	if best >= 0 && count[best] >= 2 {
		return best
	}
	return -1
}

// byRole finds the latest person whose roles include the role noun.
func (x *extractor) byRole(c int, role string) int {
	d := x.d
	off := d.Tokens[c].Start
	best, bestAt := -1, -1
	for e := range d.Entities {
		ent := &d.Entities[e]
		if ent.Type != doc.Person {
			continue
		}
		match := false
		for _, r := range ent.Roles {
			for _, w := range strings.Fields(strings.ToLower(d.Str(r))) {
				if s, ok := roleSynonyms[w]; ok {
					w = s
				}
				if w == role {
					match = true
				}
			}
		}
		if !match {
			continue
		}
		for _, mi := range ent.Mentions {
			if at := d.Mentions[mi].Start; at < off && at > bestAt {
				best, bestAt = e, at
			}
		}
	}
	return best
}

// byOrgNoun finds the latest organisation whose name holds the noun, or for
// generic nouns (firm, company) the latest organisation.
func (x *extractor) byOrgNoun(c int, noun string) int {
	d := x.d
	off := d.Tokens[c].Start
	generic := genericOrgNouns[noun]
	// The most mentioned matching organisation so far; the latest on ties.
	count := map[int]int{}
	best := -1
	for _, m := range d.Mentions {
		if m.Start >= off {
			break
		}
		if m.Type != doc.Org || m.Entity < 0 {
			continue
		}
		name := strings.ToLower(d.EntityName(&d.Entities[m.Entity]))
		if generic || strings.Contains(name, noun) {
			count[m.Entity]++
			if best < 0 || count[m.Entity] >= count[best] {
				best = m.Entity
			}
		}
	}
	return best
}

// lastSpeaker is the speaker of the latest statement found so far.
func (x *extractor) lastSpeaker() *doc.Speaker {
	for i := len(x.d.Statements) - 1; i >= 0; i-- {
		if sp := x.d.Statements[i].Speaker; sp != nil {
			return sp
		}
	}
	return nil
}

// continuations attributes quotations that stand alone as a sentence or
// paragraph, with no cue of their own, to the speaker of the statement
// just before them: news reports run a speaker's quotes on.
func (x *extractor) continuations() {
	d := x.d
	byStart := func(a, b int) bool { return d.Statements[a].Content.Start < d.Statements[b].Content.Start }
	sort.SliceStable(d.Statements, byStart)
	unsorted := false // signed quotations are appended at the end
	for pi, p := range x.pairs {
		if x.used[pi] || p.words(d) < 4 {
			continue
		}
		if sp := x.signature(p); sp != nil {
			// `"…" — Carla Sanchez`: a quotation signed with a dash.
			d.Statements = append(d.Statements, doc.Statement{Kind: doc.Direct, Content: p.content(d), Speaker: sp, Confidence: 0.8})
			x.used[pi] = true
			unsorted = true
			continue
		}
		t := d.Tokens[p.open]
		if !t.Is(doc.SentStart) && !t.Is(doc.ParaStart) {
			continue
		}
		if unsorted {
			sort.SliceStable(d.Statements, byStart)
			unsorted = false
		}
		// The latest statement before the quotation, within two paragraphs:
		// the last, in text order, that ends before it. Statements from
		// the quotation's start on cannot end before it.
		var prev *doc.Statement
		for i := sort.Search(len(d.Statements), func(i int) bool { return d.Statements[i].Content.Start >= t.Start }) - 1; i >= 0; i-- {
			if d.Statements[i].Content.End <= t.Start {
				prev = &d.Statements[i]
				break
			}
		}
		var sp doc.Speaker
		switch {
		case prev != nil && prev.Speaker != nil && prev.Speaker.Entity >= 0 && paragraphsBetween(d, prev.Content.End, t.Start) <= 2,
			prev != nil && prev.Speaker != nil && prev.Speaker.Kind == doc.PersonSpeaker && d.SentenceOf(d.TokenAt(prev.Content.End)) >= d.SentenceOf(p.open)-2:
			sp = *prev.Speaker
		default:
			// Otherwise the person named last before the quotation.
			e := x.antecedent(p.open, doc.Person)
			if e < 0 {
				continue
			}
			sp = doc.Speaker{Entity: e, Kind: doc.PersonSpeaker, Mention: d.Mentions[d.Entities[e].Mentions[0]].Span}
		}
		// Into its place in text order (after equal starts, as a stable sort puts it).
		st := doc.Statement{Kind: doc.Direct, Content: p.content(d), Speaker: &sp, Confidence: 0.6}
		at := sort.Search(len(d.Statements), func(i int) bool { return d.Statements[i].Content.Start > st.Content.Start })
		d.Statements = slices.Insert(d.Statements, at, st)
		x.used[pi] = true
	}
}

// signature finds the name a quotation is signed with: a dash after the
// closing mark, then a person's name (`"…" —Carla Sanchez`).
func (x *extractor) signature(p pair) *doc.Speaker {
	d := x.d
	k := p.close + 1
	if p.close >= len(d.Tokens) || k+1 >= len(d.Tokens) {
		return nil
	}
	switch d.Tokens[k].Lower {
	case "—", "―", "–", "-", "--":
	default:
		return nil
	}
	mi := x.mentionAt[k+1]
	if mi < 0 || d.Mentions[mi].Type != doc.Person {
		return nil
	}
	m := d.Mentions[mi]
	sp := &doc.Speaker{Entity: -1, Kind: doc.PersonSpeaker, Mention: m.Span}
	x.setEntity(sp, m.Entity)
	return sp
}

func paragraphsBetween(d *doc.Document, a, b int) int {
	return strings.Count(d.Text[a:b], "\n")
}

// commitMentions adds the pronoun and description mentions that speaker
// resolution linked, keeping mentions and entity mention lists in order.
func (x *extractor) commitMentions() {
	if len(x.added) == 0 {
		return
	}
	d := x.d
	seen := map[doc.Span]bool{}
	for _, m := range d.Mentions {
		seen[m.Span] = true
	}
	for _, m := range x.added {
		if !seen[m.Span] {
			seen[m.Span] = true
			d.Mentions = append(d.Mentions, m)
		}
	}
	sort.SliceStable(d.Mentions, func(a, b int) bool { return d.Mentions[a].Start < d.Mentions[b].Start })
	for e := range d.Entities {
		d.Entities[e].Mentions = d.Entities[e].Mentions[:0]
	}
	for mi, m := range d.Mentions {
		if m.Entity >= 0 {
			d.Entities[m.Entity].Mentions = append(d.Entities[m.Entity].Mentions, mi)
		}
	}
}
