package entity

import (
	"slices"
	"strings"

	"newsgraph/doc"
	"newsgraph/geo"
)

// Rules is the lexicon-and-rules recogniser: capitalised token runs typed by
// embedded gazetteers (places, nationalities, organisations), titles, given
// names and organisation head words.
type Rules struct {
	// KnownOnly keeps the names the lexicons, the gazetteer and titles
	// vouch for and drops the guesses from shape and context, for use in
	// front of a trained recogniser in an Ensemble.
	KnownOnly bool

	alone map[string]bool // per document: words written on their own (see aloneWords)
}

// Recognize implements Recognizer.
func (r Rules) Recognize(d *doc.Document) []doc.Mention {
	var ms []doc.Mention
	toks := d.Tokens
	r.alone = aloneWords(d) // r is this call's copy
	for si := range d.Sentences {
		s := d.Sentences[si]
		if isHeadline(d, s) {
			ms = headline(d, s, ms)
			continue
		}
		for i := s.First; i < s.Last; {
			t := &toks[i]
			if t.Kind != doc.Word || !(is(t, doc.Upper) || is(t, doc.AllUpper)) {
				if t.Kind == doc.Word && is(t, doc.HasHyphen) {
					ms = hyphenPrefix(d, i, ms)
				}
				i++
				continue
			}
			if is(t, doc.HasHyphen) && !capitalisedParts(d, i) {
				ms = hyphenPrefix(d, i, ms)
				i++
				continue
			}
			end := runEnd(d, i, s.Last)
			// A known name may go on in lower case: "Time magazine".
			if end < s.Last && is(&toks[end], doc.Lower) {
				if _, ok := lex.orgs[d.Text[t.Start:toks[end].End]]; ok {
					end++
				}
			}
			ms = r.classifyRun(d, i, end, ms)
			i = end
		}
	}
	if r.KnownOnly {
		return ms
	}
	return listMembers(d, ms)
}

// listMembers types unknown capitalised words listed with known names:
// "Unison, the Transport and General Workers' Union and Amicus" are all
// unions. A list shares its members' kind.
func listMembers(d *doc.Document, ms []doc.Mention) []doc.Mention {
	if len(ms) == 0 {
		return ms
	}
	toks := d.Tokens
	// at maps a mention's first and last tokens to the mention's index+1
	// (0: none); a slice because this runs for every token.
	at := make([]int32, len(toks))
	for k, m := range ms {
		at[m.First] = int32(k + 1)
		at[m.Last-1] = int32(k + 1)
	}
	mentionAt := func(i int) (int, bool) { return int(at[i]) - 1, at[i] != 0 }
	n := len(ms)
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		// The word lookups go last: the shape tests reject most tokens.
		if at[i] != 0 || !nameShaped(t) && !is(t, doc.AllUpper) && !is(t, doc.HasDigit) || is(t, doc.SentStart) ||
			isCap(&toks[i-1]) || isCap(&toks[i+1]) || t.Kind != doc.Word || !is(t, doc.Upper) || lex.common[t.Lower] || calendar[t.Lower] {
			continue
		}
		typ := doc.NoType
		if sep := toks[i-1].Lower; (sep == "," || sep == "and" || sep == "or") && i >= 2 {
			if k, ok := mentionAt(i - 2); ok && ms[k].Last == i-1 {
				typ = ms[k].Type
			}
		}
		if sep := toks[i+1].Lower; typ == doc.NoType && (sep == "," || sep == "and" || sep == "or") && i+2 < len(toks) {
			if k, ok := mentionAt(i + 2); ok && ms[k].First == i+2 {
				typ = ms[k].Type
			}
			if typ == doc.NoType && i+3 < len(toks) && toks[i+2].Lower == "the" {
				if k, ok := mentionAt(i + 3); ok && ms[k].First == i+3 {
					typ = ms[k].Type
				}
			}
		}
		if typ == doc.Org || typ == doc.Person || typ == doc.GPE {
			ms = append(ms, mention(d, i, i+1, typ))
		}
	}
	if len(ms) > n {
		slices.SortFunc(ms, byStart) // new members take free tokens: starts stay distinct
	}
	return ms
}

// isHeadline reports a title-case sentence ("Clinton Hid Past Health
// Problems From Public"), where capitals say nothing about names.
func isHeadline(d *doc.Document, s doc.Sentence) bool {
	words, caps := 0, 0
	for i := s.First; i < s.Last; i++ {
		t := &d.Tokens[i]
		if !headlineWord(t) {
			continue // short function words stay lower case in titles
		}
		words++
		if is(t, doc.Upper) || is(t, doc.AllUpper) {
			caps++
		} else if lower := words - caps; 4*lower > caps+(s.Last-i-1) {
			// Four capitals to each lower-case word are needed and not
			// enough tokens are left: most sentences stop here.
			return false
		}
	}
	if words < 5 || caps*5 < words*4 {
		return false // most sentences: no lexicon lookups
	}
	commonCaps := 0
	for i := s.First + 1; i < s.Last; i++ {
		t := &d.Tokens[i]
		if headlineWord(t) && (is(t, doc.Upper) || is(t, doc.AllUpper)) && lex.common[t.Lower] {
			commonCaps++ // "Hid", "Past", "Problems": capitals no name explains
		}
	}
	return commonCaps >= 3
}

// headlineWord reports a word that title case would capitalise.
func headlineWord(t *doc.Token) bool {
	return t.Kind == doc.Word && (len(t.Lower) > 3 || is(t, doc.Upper))
}

// headline finds names in a title-case sentence from knowledge alone: the
// lexicons, the gazetteer, and a given name followed by a surname.
func headline(d *doc.Document, s doc.Sentence, ms []doc.Mention) []doc.Mention {
	toks := d.Tokens
	for i := s.First; i < s.Last; {
		if !isCap(&toks[i]) {
			i++
			continue
		}
		end := min(s.Last, i+lex.maxPlaceW)
		if n, m, ok := lexMatch(d, i, end); ok {
			ms = append(ms, m)
			i += n
			continue
		}
		if lex.first[d.TokenText(i)] && i+1 < s.Last && isCap(&toks[i+1]) && !lex.common[toks[i+1].Lower] {
			ms = append(ms, mention(d, i, i+2, doc.Person))
			i += 2
			continue
		}
		if t := gazetteerType(d, i, i+1); t != doc.NoType && !lex.common[toks[i].Lower] {
			ms = append(ms, mention(d, i, i+1, t))
		}
		i++
	}
	return ms
}

// hyphenPrefix finds a place or nationality before a hyphen inside a
// token: "US-led", "Russian-backed", "Kiev-based".
func hyphenPrefix(d *doc.Document, i int, ms []doc.Mention) []doc.Mention {
	t := &d.Tokens[i]
	w := d.Text[t.Start:t.End]
	h := strings.IndexByte(w, '-')
	if h <= 0 {
		return ms
	}
	pre := w[:h]
	first, start := i, t.Start
	// "North Carolina-based": the place may begin in the word before.
	if i > 0 && isCap(&d.Tokens[i-1]) && d.Tokens[i-1].End+1 == t.Start {
		two := d.Text[d.Tokens[i-1].Start : t.Start+h]
		if _, ok := lex.places[two]; ok || geo.Likely(two) != nil {
			first, start, pre = i-1, d.Tokens[i-1].Start, two
		}
	}
	typ := doc.NoType
	if p, ok := lex.places[pre]; ok {
		typ = p.typ
	} else if _, ok := lex.demonyms[pre]; ok {
		typ = doc.NORP
	} else if first < i {
		if p := geo.Likely(pre); p != nil {
			typ = p.Type()
		}
	}
	if typ != doc.NoType {
		ms = append(ms, doc.Mention{Span: doc.Span{Start: start, End: t.Start + h}, First: first, Last: i + 1, Type: typ, Entity: -1})
	}
	return ms
}

// capitalisedParts reports a hyphenated token whose every part is
// capitalised, a name ("Jean-Marc", "Kilroy-Silk"), not a compound
// ("US-led").
func capitalisedParts(d *doc.Document, i int) bool {
	w := d.TokenText(i)
	for _, part := range strings.Split(w, "-") {
		if part == "" || !(part[0] >= 'A' && part[0] <= 'Z' || part[0] >= 0x80) {
			return false
		}
	}
	return true
}

// is is doc.Token.Is without copying the token, which a call on a value
// receiver did in every per-token loop.
func is(t *doc.Token, f uint16) bool { return t.Flags&f == f }

func isCap(t *doc.Token) bool {
	return t.Kind == doc.Word && (is(t, doc.Upper) || is(t, doc.AllUpper)) && t.Lower != "'s"
}

// connectors may join capitalised words inside one name: "Bank of America",
// "Public and Commercial Services Union", "Charles de Gaulle".
var connectors = map[string]bool{"of": true, "and": true, "&": true, "de": true, "du": true, "da": true,
	"van": true, "von": true, "der": true, "al": true, "bin": true, "la": true, "le": true, "for": true, "the": true}

// runEnd returns the end of the capitalised run starting at i: capitalised
// words, joined by connectors where a capitalised word follows and the
// joined name is plausible as one entity.
func runEnd(d *doc.Document, i, limit int) int {
	toks := d.Tokens
	j := i + 1
	for j < limit {
		t := &toks[j]
		if isCap(t) && !calendar[t.Lower] && (!is(t, doc.HasHyphen) || capitalisedParts(d, j)) {
			j++
			continue
		}
		if t.Kind == doc.Number && j+1 <= limit && len(t.Lower) <= 4 && !is(t, doc.HasHyphen) && !yearLike(t.Lower) &&
			(j+1 == limit || !isCap(&toks[j+1]) && toks[j+1].Kind != doc.Number) {
			j++ // "Radio 4", "Andre 3000": a number ends the name
			break
		}
		if namePossessive(toks, j, limit) {
			j++ // a plural possessive inside a name: "Transport and General Workers' Union"
			continue
		}
		if connectors[t.Lower] && j+1 < limit && isCap(&toks[j+1]) {
			// Join only where the left part asks for a complement ("Bank of",
			// "Minister of") or the right part ends in an organisation word.
			left := toks[j-1].Lower
			k := j + 1
			for k < limit && (isCap(&toks[k]) || namePossessive(toks, k, limit) || connectors[toks[k].Lower] && k+1 < limit && isCap(&toks[k+1])) {
				k++
			}
			if t.Lower == "of" && (lex.orgPre[left] || lex.orgHeads[left] || lex.titles[left] || lex.roles[left] || left == "republic" || left == "republics") ||
				(t.Lower == "and" || t.Lower == "&" || t.Lower == "for" || t.Lower == "of") && lex.orgHeads[toks[k-1].Lower] && !isKnownName(d, i, j) ||
				(t.Lower == "de" || t.Lower == "van" || t.Lower == "von" || t.Lower == "al" || t.Lower == "bin" || t.Lower == "der" || t.Lower == "da" || t.Lower == "du") {
				j = k
				continue
			}
		}
		break
	}
	return j
}

// yearLike reports a four-digit number that reads as a year.
func yearLike(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20"))
}

// namePossessive reports a plural possessive apostrophe that belongs to a
// name: "Workers' Union", where an organisation word follows.
func namePossessive(toks []doc.Token, j, limit int) bool {
	t := &toks[j]
	return t.Lower == "'s" && t.End-t.Start < 4 && j+1 < limit && isCap(&toks[j+1]) && lex.orgHeads[toks[j+1].Lower]
}

// isKnownName reports whether tokens [i,j) form a lexicon place or
// organisation, which a following "and X Union" must not swallow.
func isKnownName(d *doc.Document, i, j int) bool {
	s := d.Text[d.Tokens[i].Start:d.Tokens[j-1].End]
	_, p := lex.places[s]
	_, o := lex.orgs[s]
	return p || o
}

// classifyRun splits a capitalised run into mentions: a sentence opener that
// is a common word, nationality adjectives and titles before a name, then
// the name itself, typed by lexicon and shape.
func (r Rules) classifyRun(d *doc.Document, i, end int, ms []doc.Mention) []doc.Mention {
	toks := d.Tokens
	// A capitalised common word opening a sentence is not a name ("Some",
	// "Therefore"), unless the lexicons know the run.
	for i < end && (is(&toks[i], doc.SentStart) || i > 0 && toks[i-1].Kind == doc.Quote && is(&toks[i-1], doc.SentStart)) &&
		lex.common[toks[i].Lower] && !lexKnown(d, i, end) {
		i++
	}
	for i < end && (calendar[toks[i].Lower] || toks[i].Lower == "may" || toks[i].Lower == "march") {
		i++ // "May" opening a run is the month; "Theresa May" keeps it
	}
	if i >= end {
		return ms
	}
	// Try the longest lexicon match at each position first: "New York",
	// "Bank of England", "South Africa".
	titled := false
	for i < end {
		if n, m, ok := lexMatch(d, i, end); ok && !titled {
			switch {
			case m.Type == doc.Org && i+n < end && end-(i+n) <= 2 && placeOrHead(d, i+n, end):
				// An organisation named with a place or unit: "ITV Wales", "BBC News".
				return append(ms, mention(d, i, end, doc.Org))
			case i+n == end || m.Type == doc.NORP || !lex.orgHeads[toks[end-1].Lower]:
				// A lexicon name followed by more name words that make an
				// organisation ("Bank of England Museum") stays whole below.
				ms = append(ms, m)
				i += n
				continue
			}
		}
		t := &toks[i]
		if !titled && end-i >= 2 && lex.orgHeads[toks[end-1].Lower] && toks[end-2].Lower == "'s" {
			return append(ms, mention(d, i, end, doc.Org)) // "General Workers' Union": not a general
		}
		if titled && !lex.titles[t.Lower] {
			break // "Lord Liverpool": after a title comes the name, whatever else it names
		}
		if _, ok := lex.demonyms[d.TokenText(i)]; ok && i+1 < end && (lex.titles[toks[i+1].Lower] || lex.roles[toks[i+1].Lower]) {
			ms = append(ms, mention(d, i, i+1, doc.NORP))
			i++
			continue
		}
		if lex.titles[t.Lower] && i+1 == end && titled {
			return ms // titles and no name: "the Prime Minister"
		}
		if lex.titles[t.Lower] && i+1 < end {
			titled = true
			i++
			// "Minister of Defense Alexander Fomin": the complement of a
			// title belongs to it while a two-word name remains.
			if i < end && toks[i].Lower == "of" {
				i++
				for i < end && end-i > 2 && !lex.first[d.TokenText(i)] {
					i++
				}
				if i < end && end-i <= 2 && !lex.first[d.TokenText(i)] && end-i > 1 {
					i++
				}
			}
			continue
		}
		break
	}
	if i >= end {
		return ms
	}
	// A title inside the run before a given name starts a person's name:
	// "Council President Donald Tusk" is the council, then the president.
	if !titled {
		for p := i + 1; p+1 < end; p++ {
			if lex.titles[toks[p].Lower] && lex.first[d.TokenText(p+1)] {
				ms = r.classifyRun(d, i, p, ms)
				return r.classifyRun(d, p, end, ms)
			}
		}
	}
	// A known name later in the run ends the unknown part before it:
	// "Blair Labour" is Blair, then Labour.
	if !titled {
		for p := i + 1; p < end; p++ {
			if _, _, ok := lexMatch(d, p, end); ok && !lex.orgHeads[toks[p].Lower] && !(connectors[toks[p-1].Lower] && p-2 >= i && (lex.orgPre[toks[p-2].Lower] || lex.orgHeads[toks[p-2].Lower])) {
				ms = r.classifyRun(d, i, p, ms)
				return r.classifyRun(d, p, end, ms)
			}
		}
	}
	for end-i > 1 && postnominals[d.TokenText(end-1)] {
		end--
	}
	typ := typeOf(d, i, end, titled, r.alone)
	if r.KnownOnly && !known(d, i, end, titled, typ) {
		return ms
	}
	if typ == doc.NoType && end-i >= 3 && !r.KnownOnly {
		// A role run ending in a name: "Majority Leader Mitch McConnell".
		for p := i + 1; p < end-1; p++ {
			if lex.first[d.TokenText(p)] && end-p <= 3 && allNameWords(d, p, end) {
				return append(ms, mention(d, p, end, doc.Person))
			}
		}
	}
	if typ == doc.NoType {
		return ms
	}
	if typ == doc.Person && end-i == 1 && i > 0 && peerage[toks[i-1].Lower] {
		i-- // a peer is known by the title: "Lord Kinnock"
	}
	return append(ms, mention(d, i, end, typ))
}

// peerage titles are part of the name they precede when no given name
// follows: "Lord Rennard", "Baroness Thatcher".
var peerage = map[string]bool{"lord": true, "lady": true, "baroness": true, "baron": true}

func mention(d *doc.Document, i, j int, typ doc.EntityType) doc.Mention {
	return doc.Mention{Span: doc.Span{Start: d.Tokens[i].Start, End: d.Tokens[j-1].End}, First: i, Last: j, Type: typ, Entity: -1}
}

// lexKnown reports whether the run from i is a lexicon name.
func lexKnown(d *doc.Document, i, end int) bool {
	_, _, ok := lexMatch(d, i, end)
	return ok
}

// lexMatch finds the longest place, organisation or nationality name in
// the lexicons starting at token i, within [i, end).
func lexMatch(d *doc.Document, i, end int) (int, doc.Mention, bool) {
	for n := min(end-i, lex.maxPlaceW); n >= 1; n-- {
		s := d.Text[d.Tokens[i].Start:d.Tokens[i+n-1].End]
		if typ, ok := lex.known[s]; ok {
			return n, mention(d, i, i+n, typ), true
		}
	}
	return 0, doc.Mention{}, false
}

// typeOf types a name that no lexicon knows, from its shape and words.
func typeOf(d *doc.Document, i, end int, titled bool, alone map[string]bool) doc.EntityType {
	toks := d.Tokens
	last := toks[end-1].Lower
	first := d.TokenText(i)
	switch {
	case lex.orgHeads[last] && end-i > 1, lex.orgPre[toks[i].Lower] && end-i > 2:
		return doc.Org
	case toks[i].Lower == "the" || toks[i].Lower == "a":
		return doc.NoType // the title of a work: The Love Below
	case end-i > 1 && miscHeads[last]:
		return doc.NoType // laws, plans, prizes and events: "Marshall Plan", "Brit Awards"
	case titled:
		return doc.Person
	case lex.first[first] && end-i > 1:
		return doc.Person
	case end-i == 1 && is(&toks[i], doc.HasDot) && isDomainName(first):
		return doc.Org // Plus.net, Amazon.com
	case end-i == 1 && is(&toks[i], doc.AllUpper) && len(first) <= 6:
		if notOrgAcronyms[first] || partyTag(first) {
			return doc.NoType
		}
		return doc.Org
	case end-i >= 2 && locHeads[last]:
		return doc.Loc
	case end-i >= 2 && compass[toks[i].Lower]:
		return doc.GPE
	}
	if t := gazetteerType(d, i, end); t != doc.NoType {
		return t
	}
	switch {
	case end-i >= 2 && end-i <= 4 && allNameWords(d, i, end) && (end-i == 2 && alone[d.TokenText(end-1)] || hasPersonContext(d, i) || personApposition(d, end)):
		return doc.Person
	case end-i == 2 && !is(&toks[i], doc.SentStart) && (personApposition(d, end) || speechAfter(d, end)) && !lex.orgHeads[last] &&
		nameShaped(&toks[i]) && nameShaped(&toks[i+1]):
		return doc.Person // "G Money, a presenter", "G Money says"
	case end-i == 1:
		// A lone unknown capitalised word: a person when it repeats a
		// surname, resolved later; after "in"/"at"/"near" a place; after
		// a describing noun its kind ("analysts Ovum", "regulator Ofcom").
		if i > 0 {
			switch p := toks[i-1].Lower; {
			case p == "in" || p == "at" || p == "near" || p == "from" || p == "outside":
				return doc.GPE
			case orgDescriptors[p]:
				return doc.Org
			}
		}
		return doc.NoType
	}
	return doc.NoType
}

// isDomainName reports a company named by its web domain.
func isDomainName(w string) bool {
	for _, tld := range []string{".com", ".net", ".org", ".co.uk", ".io"} {
		if strings.HasSuffix(strings.ToLower(w), tld) && len(w) > len(tld)+1 {
			return true
		}
	}
	return false
}

// partyTag reports a US party-and-state tag such as "R-S.C." or "D-Wis.".
func partyTag(w string) bool {
	return len(w) > 2 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-'
}

// miscHeads end names of laws, plans, prizes and events, which are no
// entities of ours.
var miscHeads = map[string]bool{"plan": true, "act": true, "bill": true, "treaty": true,
	"agreement": true, "agreements": true, "accord": true, "accords": true, "award": true,
	"awards": true, "prize": true, "cup": true, "games": true, "olympics": true, "war": true,
	"summit": true, "day": true, "festival": true, "protocol": true, "doctrine": true,
	"championships": true, "trophy": true, "tour": true, "budget": true, "report": true}

// postnominals follow a name without being part of it: "Frank Field MP".
var postnominals = map[string]bool{"MP": true, "MEP": true, "MSP": true, "QC": true, "AM": true,
	"Jr": true, "Jr.": true, "Sr.": true, "PhD": true, "OBE": true, "MBE": true, "CBE": true}

// notOrgAcronyms are capitalised abbreviations that name no organisation.
var notOrgAcronyms = map[string]bool{"TV": true, "CD": true, "CDs": true, "DVD": true, "DJ": true,
	"IT": true, "ID": true, "PM": true, "HQ": true, "GMT": true, "BST": true, "CCTV": true, "MP": true,
	"MPs": true, "MEP": true, "MEPs": true, "CEO": true, "PC": true, "PR": true, "AM": true, "FM": true,
	"OK": true, "GDP": true, "VAT": true, "AIDS": true, "HIV": true, "SMS": true, "PDF": true, "URL": true,
	"CV": true, "ISP": true, "ISPs": true, "VIP": true, "DNA": true, "GP": true, "GPs": true, "PhD": true,
	"UFO": true, "USB": true, "PIN": true, "ATM": true, "SUV": true, "TB": true, "IVF": true, "MRI": true,
	"PREM": true, "MBA": true, "FAQ": true, "CO2": true, "AI": true, "VR": true, "PS2": true, "PSP": true,
	"I": true, "A": true, "AND": true, "THE": true, "OF": true, "KEY": true, "NEW": true}

// locHeads end names of places that are not states: "Ewood Park", "Wall Street".
var locHeads = map[string]bool{"park": true, "moor": true, "street": true, "square": true, "stadium": true,
	"road": true, "bridge": true, "lane": true, "avenue": true, "valley": true, "island": true,
	"islands": true, "mountains": true, "river": true, "lake": true, "bay": true, "coast": true,
	"forest": true, "hills": true, "airport": true, "sea": true, "ocean": true, "gulf": true,
	"peninsula": true, "desert": true, "strait": true, "canal": true, "arena": true, "field": true}

// compass words open region names: "South Yorkshire", "East Lancashire".
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "north-east": true,
	"north-west": true, "south-east": true, "south-west": true}

// placeOrHead reports whether tokens [i,end) are a place name or an
// organisation word, completing an organisation's name.
func placeOrHead(d *doc.Document, i, end int) bool {
	s := d.Text[d.Tokens[i].Start:d.Tokens[end-1].End]
	if p, ok := lex.places[s]; ok && p.typ == doc.GPE {
		return true
	}
	return end-i == 1 && lex.orgHeads[d.Tokens[i].Lower]
}

// gazetteerType types an unknown name found in the GeoNames gazetteer:
// a state, region or country, or a town large enough that a capitalised
// mention of it is most likely the place.
func gazetteerType(d *doc.Document, i, end int) doc.EntityType {
	s := d.Text[d.Tokens[i].Start:d.Tokens[end-1].End]
	if end-i == 1 && lex.first[s] {
		return doc.NoType // "David" is a man before it is a town
	}
	if p := geo.Likely(s); p != nil {
		return p.Type()
	}
	return doc.NoType
}

// aloneWords collects the words that appear on their own somewhere in the
// document, capitalised and not opening a sentence: a surname used again
// ("Ben Verwaayen" ... "Mr Verwaayen") is one. A word inside a longer name
// is never on its own there, so a name's last word is "alone elsewhere"
// exactly when it is in this set. One pass per document, not one per name.
func aloneWords(d *doc.Document) map[string]bool {
	var alone map[string]bool
	for j := range d.Tokens {
		t := &d.Tokens[j]
		if t.Kind != doc.Word || !isCap(t) || is(t, doc.SentStart) {
			continue
		}
		prevCap := j > 0 && isCap(&d.Tokens[j-1]) && !lex.titles[d.Tokens[j-1].Lower]
		nextCap := j+1 < len(d.Tokens) && isCap(&d.Tokens[j+1])
		if !prevCap && !nextCap {
			if alone == nil {
				alone = map[string]bool{}
			}
			alone[d.TokenText(j)] = true
		}
	}
	return alone
}

// hasPersonContext reports a role noun or title right before token i
// ("boss Mark Hughes", "analyst Tony Lavender").
func hasPersonContext(d *doc.Document, i int) bool {
	if i == 0 {
		return false
	}
	p := d.Tokens[i-1].Lower
	return lex.roles[p] || lex.titles[p] || p == "by" || p == "said" || p == "says"
}

// personApposition reports a role phrase set off after a name: "Jean-Marc
// Ayrault, the foreign minister of France, ...".
func personApposition(d *doc.Document, end int) bool {
	toks := d.Tokens
	if end+2 >= len(toks) || toks[end].Lower != "," {
		return false
	}
	switch toks[end+1].Lower {
	case "the", "a", "an", "its", "his", "her", "their":
	default:
		return false
	}
	for k := end + 2; k < len(toks) && k < end+8 && toks[k].Kind == doc.Word; k++ {
		if lex.roles[toks[k].Lower] {
			return true
		}
	}
	return false
}

// nameShaped reports a capitalised word with no digits and not in capitals
// throughout: a name part, not "ISP" or "Freedom2surf".
func nameShaped(t *doc.Token) bool {
	return is(t, doc.Upper) && !is(t, doc.AllUpper) && !is(t, doc.HasDigit)
}

// speechAfter reports a speech verb right after a name ("G Money says"):
// people speak far more often than two-word things do.
func speechAfter(d *doc.Document, end int) bool {
	if end >= len(d.Tokens) {
		return false
	}
	switch d.Tokens[end].Lower {
	case "said", "says", "told", "added", "explained", "insisted":
		return true
	}
	return false
}

// orgDescriptors are lower-case nouns written before an organisation's
// name: "telecom regulator Ofcom", "IT firm Dimension Data".
var orgDescriptors = map[string]bool{"firm": true, "company": true, "regulator": true, "analysts": true,
	"group": true, "provider": true, "operator": true, "carrier": true, "giant": true, "maker": true,
	"bank": true, "insurer": true, "retailer": true, "broadcaster": true, "newspaper": true,
	"agency": true, "watchdog": true, "charity": true, "label": true, "club": true, "band": true,
	"rivals": true, "consultancy": true, "airline": true, "network": true, "station": true, "party": true}

// known reports whether a typed run rests on knowledge rather than
// shape: a title before a person, an organisation word ending the name, or
// the gazetteer.
func known(d *doc.Document, i, end int, titled bool, typ doc.EntityType) bool {
	switch {
	case typ == doc.NoType:
		return false
	case typ == doc.Person && titled:
		return true
	case typ == doc.Org && end-i > 1 && lex.orgHeads[d.Tokens[end-1].Lower]:
		return true
	case typ == doc.Person && end-i > 1 && lex.first[d.TokenText(i)]:
		return true
	case typ == doc.GPE || typ == doc.Loc:
		return gazetteerType(d, i, end) != doc.NoType || locHeads[d.Tokens[end-1].Lower]
	}
	return false
}

// allNameWords reports whether every token in [i,end) looks like a name
// part: a capitalised word that is not a common lower-case word.
func allNameWords(d *doc.Document, i, end int) bool {
	for k := i; k < end; k++ {
		t := &d.Tokens[k]
		if !is(t, doc.Upper) || is(t, doc.AllUpper) || is(t, doc.HasDigit) || lex.common[t.Lower] && !lex.first[d.TokenText(k)] || lex.orgHeads[t.Lower] {
			return false
		}
	}
	return true
}
