package entity

import (
	"bufio"
	"embed"
	"strings"

	"newsgraph/doc"
)

//go:embed data/*.txt
var dataFS embed.FS

// place is a lexicon place: its type and the index of its canonical entry,
// shared by all its spelling variants (Kiev and Kyiv).
type place struct {
	typ   doc.EntityType
	id    int
	canon string
}

// lexicon holds the embedded word lists, parsed once at start-up (a few
// thousand entries, well under a millisecond).
type lexicon struct {
	places    map[string]place
	demonyms  map[string]string // NORP word -> place canonical name ("" for religions, parties)
	norpCanon map[string]string // NORP word -> the first word of its line (Tories -> Tory)
	orgs      map[string]string // variant -> canonical organisation name
	titles    map[string]bool   // lower case
	roles     map[string]bool
	orgHeads  map[string]bool
	orgPre    map[string]bool
	common    map[string]bool
	first     map[string]bool
	gender    map[string]byte // first name -> 'f' or 'm' where the lists agree
	maxPlaceW int             // most tokens in a multi-word place or org name
	// known is places, orgs and demonyms in one map, to the type lexMatch
	// gives (a place's type before an organisation before NORP): one
	// lookup per candidate span instead of three.
	known map[string]doc.EntityType
}

var lex = loadLexicon()

func lines(name string) []string {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), " \r")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func loadLexicon() *lexicon {
	l := &lexicon{
		places: map[string]place{}, demonyms: map[string]string{}, norpCanon: map[string]string{}, orgs: map[string]string{},
		titles: map[string]bool{}, roles: map[string]bool{}, orgHeads: map[string]bool{},
		orgPre: map[string]bool{}, common: map[string]bool{}, first: map[string]bool{},
	}
	words := func(s string) int { return strings.Count(s, " ") + 1 }
	for id, line := range lines("places.txt") {
		typ, names, _ := strings.Cut(line, "\t")
		vs := strings.Split(names, "|")
		for _, v := range vs {
			l.places[v] = place{typ: doc.ParseEntityType(typ), id: id, canon: vs[0]}
			l.maxPlaceW = max(l.maxPlaceW, words(v))
		}
	}
	for _, line := range lines("demonyms.txt") {
		names, country, _ := strings.Cut(line, "\t")
		vs := strings.Split(names, "|")
		for _, v := range vs {
			l.demonyms[v] = country
			l.norpCanon[v] = vs[0]
		}
	}
	for _, line := range lines("orgs.txt") {
		vs := strings.Split(line, "|")
		for _, v := range vs {
			l.orgs[v] = vs[0]
			l.maxPlaceW = max(l.maxPlaceW, words(v))
		}
	}
	var section map[string]bool
	female, male := map[string]bool{}, map[string]bool{}
	for _, line := range lines("words.txt") {
		switch line {
		case "[female]":
			section = female
		case "[male]":
			section = male
		case "[title]":
			section = l.titles
		case "[role]":
			section = l.roles
		case "[orghead]":
			section = l.orgHeads
		case "[orgpre]":
			section = l.orgPre
		case "[firstname]":
			section = l.first
		default:
			section[line] = true
		}
	}
	for _, w := range lines("common.txt") {
		l.common[w] = true
	}
	for _, w := range lines("firstnames.txt") {
		l.first[w] = true
	}
	l.gender = map[string]byte{}
	for _, g := range []struct {
		file string
		code byte
	}{{"names-female.txt", 'f'}, {"names-male.txt", 'm'}} {
		for _, w := range lines(g.file) {
			l.first[w] = true
			if c, seen := l.gender[w]; seen && c != g.code {
				l.gender[w] = 0 // both: no evidence
			} else if !seen {
				l.gender[w] = g.code
			}
		}
	}
	l.known = make(map[string]doc.EntityType, len(l.places)+len(l.orgs)+len(l.demonyms))
	for v := range l.demonyms {
		l.known[v] = doc.NORP
	}
	for v := range l.orgs {
		l.known[v] = doc.Org
	}
	for v, p := range l.places {
		l.known[v] = p.typ
	}
	// The hand-kept lists settle what the Moby lists leave open or miss.
	for w := range female {
		l.first[w], l.gender[w] = true, 'f'
	}
	for w := range male {
		l.first[w], l.gender[w] = true, 'm'
	}
	return l
}

// honorifics are titles that are not roles: "Mr" says nothing of a job.
var honorifics = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "miss": true,
	"dr": true, "dr.": true, "sir": true, "dame": true, "lord": true, "lady": true, "former": true,
}

// calendar words are capitalised but never names.
var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "april": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "christmas": true, "easter": true,
}

// Gender returns 'f' or 'm' for a person entity whose first name is
// typically female or male, 0 when unknown: it lets "she" skip a man.
func Gender(d *doc.Document, e *doc.Entity) byte {
	if e.Type != doc.Person {
		return 0
	}
	first := d.TokenAt(e.Name.Start)
	if first >= len(d.Tokens) {
		return 0
	}
	return lex.gender[d.TokenText(first)]
}

// IsCommonWord reports whether a lower-cased word is far more often written
// in lower case than capitalised: capitalised, it is most likely a sentence
// opener, not a name.
func IsCommonWord(lower string) bool { return lex.common[lower] }
