package entity

import (
	"slices"
	"strings"

	"newsgraph/doc"
	"newsgraph/geo"
)

// Resolve groups mentions into entities: spelling variants of one place
// (Kiev, Kyiv), a person's full name, surname and titled forms (Dmitry
// Peskov, Peskov, Mr Peskov), an acronym and its organisation. It adds
// unknown single words that repeat a known surname as person mentions,
// keeps one type per name within the article, and attaches roles.
func Resolve(d *doc.Document, ms []doc.Mention) {
	// Generic abbreviations (MP, TV, CEO) name nothing, whoever found them.
	kept := ms[:0]
	for _, m := range ms {
		if notOrgAcronyms[d.Str(m.Span)] || treatyName(d, &m) {
			continue
		}
		kept = append(kept, m)
	}
	ms = addSurnames(d, kept)
	slices.SortStableFunc(ms, byStart)
	strong := teams(d, ms)
	if isSports(d) {
		clubs(d, ms, strong)
	}
	describedPeople(d, ms, strong)
	oneTypePerName(d, ms, strong)
	d.Mentions = ms
	d.Entities = d.Entities[:0]
	byKey := map[entityKeyT]int{}
	persons := map[string]int{}         // surname -> entity
	nameToks := make([]int, 0, len(ms)) // tokens in each entity's Name, kept as Name changes
	for mi := range d.Mentions {
		m := &d.Mentions[mi]
		key := entityKey(d, m)
		e, ok := byKey[key]
		if !ok && m.Type == doc.Person {
			if e, ok = persons[lastWord(d, m)]; ok && otherFirstName(d, m, &d.Entities[e]) {
				ok = false // "Ivanka Trump" is not "Donald Trump"
			} else if ok {
				byKey[key] = e
			}
		}
		if !ok && m.Type == doc.Org && m.Last-m.First == 1 && is(&d.Tokens[m.First], doc.AllUpper) {
			e, ok = acronymOf(d, d.TokenText(m.First))
		}
		if !ok {
			e = len(d.Entities)
			d.Entities = append(d.Entities, doc.Entity{Type: m.Type, Name: m.Span})
			nameToks = append(nameToks, tokenLen(d, m.Span))
			byKey[key] = e
		}
		m.Entity = e
		ent := &d.Entities[e]
		ent.Mentions = append(ent.Mentions, mi)
		if betterName(d, m, ent, nameToks[e]) {
			ent.Name = m.Span
			nameToks[e] = tokenLen(d, m.Span)
		}
		if m.Type == doc.Person {
			if _, taken := persons[lastWord(d, m)]; !taken {
				persons[lastWord(d, m)] = e
			}
		}
	}
	for mi := range d.Mentions {
		m := d.Mentions[mi]
		if m.Type == doc.Person {
			addRoles(d, m)
		}
	}
}

// otherFirstName reports whether person mention m and entity e give
// different first names for the same surname.
func otherFirstName(d *doc.Document, m *doc.Mention, e *doc.Entity) bool {
	if m.Last-m.First < 2 {
		return false
	}
	a, b := d.TokenAt(e.Name.Start), d.TokenAt(e.Name.End-1)
	if b-a < 1 {
		return false
	}
	first, other := d.Tokens[m.First].Lower, d.Tokens[a].Lower
	if len(first) <= 2 || len(other) <= 2 || strings.HasSuffix(first, ".") || strings.HasSuffix(other, ".") {
		return false // initials: "J. Smith" may be "John Smith"
	}
	return first != other
}

// clauseOpeners are function words that open a clause, capitalised at a
// sentence's start or after an opening quotation mark, never part of a role.
var clauseOpeners = map[string]bool{"but": true, "and": true, "as": true, "because": true, "if": true,
	"when": true, "while": true, "so": true, "yet": true, "although": true, "though": true, "since": true,
	"after": true, "before": true, "then": true, "now": true, "or": true}

// treatyWords follow a place that names an agreement rather than the place:
// "the Minsk agreements", "the Paris accord", "the Kyoto protocol". The
// gold guidelines leave laws (and so treaties) out.
var treatyWords = map[string]bool{"agreement": true, "agreements": true, "accord": true, "accords": true,
	"protocol": true, "treaty": true, "convention": true, "declaration": true}

func treatyName(d *doc.Document, m *doc.Mention) bool {
	return (m.Type == doc.GPE || m.Type == doc.Loc) && m.Last < len(d.Tokens) && treatyWords[d.Tokens[m.Last].Lower] &&
		m.First > 0 && d.Tokens[m.First-1].Lower == "the"
}

// betterName reports whether mention m names its entity better than the
// current name: the fullest name the article gives, by tokens then
// characters; an acronym never replaces a spelled-out name. nameToks is
// tokenLen(d, e.Name), which the caller keeps rather than search for twice
// per mention.
func betterName(d *doc.Document, m *doc.Mention, e *doc.Entity, nameToks int) bool {
	text, cur := d.Str(m.Span), d.Str(e.Name)
	if m.Last-m.First == 1 && is(&d.Tokens[m.First], doc.AllUpper) && strings.Contains(cur, " ") {
		return false
	}
	if n, c := m.Last-m.First, nameToks; n != c {
		return n > c
	}
	return len(text) > len(cur)
}

func tokenLen(d *doc.Document, s doc.Span) int {
	return d.TokenAt(s.End-1) - d.TokenAt(s.Start) + 1
}

func lastWord(d *doc.Document, m *doc.Mention) string { return d.Tokens[m.Last-1].Lower }

// teams retypes a place that takes a plural verb as the team or body named
// after it: "Burnley are resolute", "England have won".
func teams(d *doc.Document, ms []doc.Mention) (retyped []bool) {
	retyped = make([]bool, len(ms))
	for k := range ms {
		m := &ms[k]
		if m.Type != doc.GPE || m.Last >= len(d.Tokens) {
			continue
		}
		if _, country := lex.places[d.Str(m.Span)]; country {
			continue // "Russia have" is rare; "America are" is usually the people
		}
		switch d.Tokens[m.Last].Lower {
		case "are", "were", "have":
			m.Type = doc.Org
			retyped[k] = true
		}
	}
	return retyped
}

// sportsWords are frequent in match reports and previews.
var sportsWords = map[string]bool{"match": true, "game": true, "goal": true, "goals": true,
	"goalless": true, "league": true, "cup": true, "striker": true, "midfielder": true,
	"defender": true, "goalkeeper": true, "midfield": true, "fans": true, "season": true,
	"quarter-finals": true, "semi-final": true, "semi-finals": true, "final": true,
	"fixture": true, "tie": true, "squad": true, "injury": true, "manager": true,
	"coach": true, "boss": true, "kick-off": true, "premiership": true, "championship": true,
	"draw": true, "win": true, "scored": true, "penalty": true, "referee": true, "v": true}

var sportsFilter = newWordFilter(sportsWords)

// isSports reports a match report or preview: many distinct sports words.
func isSports(d *doc.Document) bool {
	seen := map[string]bool{}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		// Only words can be sports words, and few have their first letter
		// and length: skip the lookup for the rest.
		if t.Kind == doc.Word && sportsFilter.has(t.Lower) && sportsWords[t.Lower] {
			seen[t.Lower] = true
			if len(seen) >= 6 {
				return true
			}
		}
	}
	return false
}

// clubs retypes towns as the clubs named after them in a sports story
// ("Burnley", "Leicester"); countries, and places after "in" or "at", stay places.
func clubs(d *doc.Document, ms []doc.Mention, strong []bool) {
	for k := range ms {
		m := &ms[k]
		if m.Type != doc.GPE {
			continue
		}
		if m.First > 0 {
			switch d.Tokens[m.First-1].Lower {
			case "in", "at", "near", "from", "outside":
				continue
			}
		}
		p := geo.Likely(d.Str(m.Span))
		if p == nil || p.IsCountry() || !strings.HasPrefix(p.Feature, "PPL") {
			continue
		}
		m.Type = doc.Org
		strong[k] = true
	}
}

// describedPeople types as a person any name that an apposition or a role
// word describes as one ("G Money, a presenter on ...", "boss Mark Hughes"),
// whatever a recogniser guessed: the text's own description is strong evidence.
func describedPeople(d *doc.Document, ms []doc.Mention, strong []bool) {
	for k := range ms {
		m := &ms[k]
		if m.Type == doc.NORP || m.Type == doc.Person {
			continue
		}
		if _, known := lex.orgs[d.Str(m.Span)]; known {
			continue
		}
		if _, known := lex.places[d.Str(m.Span)]; known {
			continue
		}
		if personApposition(d, m.Last) || m.First > 0 && (lex.roles[d.Tokens[m.First-1].Lower] && !orgDescriptors[d.Tokens[m.First-1].Lower]) {
			m.Type = doc.Person
			strong[k] = true
		}
	}
}

// oneTypePerName gives every mention of a name the type most of its
// mentions have, so a name keeps one type within an article; a type read
// from context (strong) outweighs one from the lexicons alone.
func oneTypePerName(d *doc.Document, ms []doc.Mention, strong []bool) {
	votes := map[string]*[6]int{}
	for k, m := range ms {
		v := votes[d.Str(m.Span)]
		if v == nil {
			v = new([6]int)
			votes[d.Str(m.Span)] = v
		}
		v[m.Type]++
		if strong[k] {
			v[m.Type] += 2
		}
	}
	for k := range ms {
		v := votes[d.Str(ms[k].Span)]
		best := ms[k].Type
		for t := range v {
			if v[t] > v[best] {
				best = doc.EntityType(t)
			}
		}
		ms[k].Type = best
	}
}

// entityKeyT is an entity key: a kind (P for places, O for lexicon
// organisations, N for nationalities, else the type's name) and a name. A
// struct rather than kind+":"+name saves an allocation per mention.
type entityKeyT struct{ kind, name string }

// entityKey is what makes two mentions one entity before surname and
// acronym matching: the lexicon's canonical entry, else the type and text.
func entityKey(d *doc.Document, m *doc.Mention) entityKeyT {
	s := d.Str(m.Span)
	switch m.Type {
	case doc.GPE, doc.Loc:
		if p, ok := lex.places[s]; ok {
			return entityKeyT{"P", p.canon}
		}
		if p := geo.Likely(s); p != nil {
			return entityKeyT{"P", p.Name} // spelling variants share the gazetteer's name
		}
		return entityKeyT{"P", s}
	case doc.Org:
		if c, ok := lex.orgs[s]; ok {
			return entityKeyT{"O", c}
		}
	case doc.NORP:
		if c, ok := lex.norpCanon[s]; ok {
			return entityKeyT{"N", c}
		}
		return entityKeyT{"N", strings.TrimSuffix(s, "s")}
	}
	return entityKeyT{m.Type.String(), s}
}

// acronymOf finds an organisation entity whose initials spell a (BT is not
// found here; "PCS" is for "Public and Commercial Services").
func acronymOf(d *doc.Document, a string) (int, bool) {
	for e := range d.Entities {
		ent := &d.Entities[e]
		if ent.Type != doc.Org {
			continue
		}
		var b strings.Builder
		for _, w := range strings.Fields(d.Str(ent.Name)) {
			if w[0] >= 'A' && w[0] <= 'Z' {
				b.WriteByte(w[0])
			}
		}
		if b.Len() >= 2 && b.String() == a {
			return e, true
		}
	}
	return 0, false
}

// addSurnames finds capitalised words the recogniser left untyped that
// repeat the last word of a person's name ("Konashenkov underlined").
func addSurnames(d *doc.Document, ms []doc.Mention) []doc.Mention {
	surnames := map[string]bool{}
	var maybe wordFilter                   // rules most tokens out before the map
	covered := make([]bool, len(d.Tokens)) // a slice: it is read for every token
	for _, m := range ms {
		if m.Type == doc.Person && m.Last-m.First >= 1 {
			surnames[d.TokenText(m.Last-1)] = true
			maybe.add(d.TokenText(m.Last - 1))
		}
		for k := m.First; k < m.Last; k++ {
			covered[k] = true
		}
	}
	if len(surnames) == 0 {
		return ms
	}
	// A surname the gazetteer took for a town ("Morris") is the person.
	for k := range ms {
		m := &ms[k]
		if (m.Type == doc.GPE || m.Type == doc.Loc) && m.Last-m.First == 1 && surnames[d.TokenText(m.First)] {
			if _, known := lex.places[d.TokenText(m.First)]; !known {
				m.Type = doc.Person
			}
		}
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if !isCap(t) || covered[i] || !maybe.has(d.TokenText(i)) || !surnames[d.TokenText(i)] {
			continue
		}
		if i+1 < len(d.Tokens) && isCap(&d.Tokens[i+1]) && !covered[i+1] {
			continue // part of another name
		}
		start := i
		if i > 0 && lex.titles[d.Tokens[i-1].Lower] && honorifics[d.Tokens[i-1].Lower] {
			start = i // "Mr Peskov": the mention is the surname; the title is no role
		}
		ms = append(ms, doc.Mention{Span: doc.Span{Start: d.Tokens[start].Start, End: t.End}, First: start, Last: i + 1, Type: doc.Person, Entity: -1})
	}
	return ms
}

// addRoles attaches the role phrases written around a person mention:
// a title run inside the capitalised name ("Russian Deputy Minister of
// Defense Alexander Fomin"), a role noun phrase before it ("Kremlin
// spokesman Dmitry Peskov") and appositions ("its spokesperson, Major
// General Igor Konashenkov,"; "Mark Serwotka, the union's general secretary,").
func addRoles(d *doc.Document, m doc.Mention) {
	toks := d.Tokens
	e := &d.Entities[m.Entity]
	add := func(a, b int) {
		for a < b && (toks[a].Lower == "'s" || toks[a].Lower == "of") {
			a++ // "the owner's son": the role is "son", not "'s son"
		}
		if a < b {
			sp := doc.Span{Start: toks[a].Start, End: toks[b-1].End}
			for _, r := range e.Roles {
				if d.Str(r) == d.Str(sp) {
					return
				}
			}
			e.Roles = append(e.Roles, sp)
		}
	}
	// Role words right before the name: capitalised titles and lower-case
	// role nouns, with their capitalised modifiers (Kremlin, Russian).
	a := m.First
	hasRole := false
	for a > 0 {
		t := &toks[a-1]
		if t.Kind != doc.Word || t.Lower == "'s" {
			break
		}
		switch {
		case lex.titles[t.Lower] || lex.roles[t.Lower]:
			if !honorifics[t.Lower] {
				hasRole = true
			}
		case t.Lower == "of" && hasRole:
		case isCap(t) && (hasRole || lex.roles[toks[a].Lower] || lex.titles[toks[a].Lower]) &&
			!(is(t, doc.SentStart) && lex.common[t.Lower] && !lex.titles[t.Lower] && !lex.roles[t.Lower]) && !clauseOpeners[t.Lower]:
			// a capitalised modifier, but not a sentence's opening word ("But Vice-President")
		default:
			goto done
		}
		a--
	}
done:
	for a < m.First && (honorifics[toks[a].Lower] || toks[a].Lower == "of") {
		a++
	}
	if hasRole && a < m.First && !(m.First-a == 1 && honorifics[toks[a].Lower]) {
		if _, isNorp := lex.demonyms[d.TokenText(a)]; !(isNorp && m.First-a == 1) {
			add(a, m.First)
		}
	}
	// Apposition before: "ROLE, NAME" where the role phrase ends in a role noun.
	if a >= 2 && toks[a-1].Lower == "," && lex.roles[toks[a-2].Lower] {
		b := a - 1
		k := b - 1
		for k > 0 && b-k < 5 && roleWord(&toks[k-1]) {
			k--
		}
		add(k, b) // "its spokesperson, Igor ...": the role without its determiner
	}
	// Apposition after: "NAME, the|a|its ROLE ...,"
	if m.Last+1 < len(toks) && toks[m.Last].Lower == "," && isDeterminer(toks[m.Last+1].Lower) {
		k := m.Last + 2
		if k < len(toks) && toks[k].Lower == "'s" {
			k++
		}
		start := k
		hasNoun := false
		for k < len(toks) && k-start < 8 && toks[k].Kind == doc.Word && toks[k].Lower != "who" && toks[k].Lower != "said" {
			if lex.roles[toks[k].Lower] {
				hasNoun = true
			}
			k++
		}
		if hasNoun && k < len(toks) && (toks[k].Lower == "," || toks[k].Lower == ".") {
			add(m.Last+1, k)
		}
	}
}

// roleWord reports a token that can be part of a role phrase: a
// capitalised word, a role or title word, "of", or a possessive.
func roleWord(t *doc.Token) bool {
	if t.Kind != doc.Word || isDeterminer(t.Lower) {
		return false
	}
	return isCap(t) || lex.roles[t.Lower] || lex.titles[t.Lower] || t.Lower == "of" || t.Lower == "'s"
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "its", "his", "her", "their", "our":
		return true
	}
	return false
}
