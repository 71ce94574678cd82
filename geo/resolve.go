package geo

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"newsgraph/doc"
)

// Resolve sets Geo on every GPE and LOC entity of d using the embedded
// gazetteer; see Gazetteer.Resolve.
func Resolve(d *doc.Document) { Default().Resolve(d) }

// Resolve sets Geo on every GPE and LOC entity of d that the gazetteer
// knows, choosing among same-named places by a score of feature rank
// (country > capital > subdivision > admin seat > town), population, and the
// article's context: the countries and subdivisions its other places and
// nationality words (NORP entities) point to. "Donetsk" in a Ukraine story is
// Donetsk, Ukraine; "Paris" next to "Texas" is Paris, Texas. Entities the
// gazetteer does not know keep Geo nil.
func (g *Gazetteer) Resolve(d *doc.Document) {
	type ent struct {
		idx   int
		cands []*Place
		names []string // the names looked up
		admin bool     // the text says "X region/oblast/province": prefer subdivisions
		pick  *Place
	}
	var ents []ent
	var ctx context
	for i := range d.Entities {
		e := &d.Entities[i]
		switch e.Type {
		case doc.NORP:
			if cc, ok := g.Demonym(d.EntityName(e)); ok {
				ctx.add(-1, cc, "", 1)
			}
			continue
		case doc.GPE, doc.Loc:
		default:
			continue
		}
		en := ent{idx: i}
		owned := false // en.cands may be the gazetteer's own slice until we copy it
		addName := func(name string) {
			name, admin := g.trimName(name)
			en.admin = en.admin || admin
			ps := g.Lookup(name)
			if len(ps) > 0 && !slices.Contains(en.names, name) {
				en.names = append(en.names, name)
			}
			if en.cands == nil {
				en.cands = ps
				return
			}
			for _, p := range ps {
				if !slices.Contains(en.cands, p) {
					if !owned {
						en.cands, owned = slices.Clone(en.cands), true
					}
					en.cands = append(en.cands, p)
				}
			}
		}
		addName(d.EntityName(e))
		for _, m := range e.Mentions {
			if m < 0 || m >= len(d.Mentions) {
				continue
			}
			mn := d.Mentions[m]
			if mn.Pronoun || mn.Start < 0 || mn.End > len(d.Text) || mn.Start > mn.End {
				continue
			}
			addName(d.Str(mn.Span))
			if w := adminWordAfter(d.Text[mn.End:]); w != "" {
				// "Donetsk region": the subdivision is listed under its
				// own name (Donetsk Oblast), not the seat's.
				en.admin = true
				addName(d.Str(mn.Span) + " " + w)
				addName(d.Str(mn.Span) + " Oblast")
			}
		}
		if len(en.cands) > 0 {
			ents = append(ents, en)
		}
	}

	// Pass 1 picks each entity's place on its own merits; its picks are the
	// context for pass 2, each entity scored without its own contribution so
	// an ambiguous name cannot vote for itself.
	for k := range ents {
		ents[k].pick = best(ents[k].cands, ents[k].names, ents[k].admin, nil, -1)
		p := ents[k].pick
		w := 1.0
		if p.IsCountry() {
			w = 2
		}
		// Naming a town or subdivision points at its subdivision only where
		// that is a small part of the country: Texas is, England is not
		// (London must not pull every English village called Wales).
		a1 := p.Admin1
		if !g.smallAdmin1(p.Country, a1) {
			a1 = ""
		}
		ctx.add(k, p.Country, a1, w)
	}
	for k := range ents {
		en := &ents[k]
		if len(en.cands) > 1 {
			en.pick = best(en.cands, en.names, en.admin, &ctx, k)
		}
		if !g.commonOK(en.names, en.pick) {
			continue
		}
		d.Entities[en.idx].Geo = en.pick.Doc()
	}
}

// commonOK reports whether pick may stand for an entity all of whose names
// are common English words ("the West", "South"): only if it is a country,
// continent, ocean, alias-table entry or city of a million. The recogniser
// types such words as places more often than news means a village.
func (g *Gazetteer) commonOK(names []string, pick *Place) bool {
	for _, n := range names {
		if !g.Common(n) {
			return true
		}
	}
	return pick.IsCountry() || pick.Feature == "CONT" || pick.Feature == "OCN" || pick.ID < 0 && pick.ID > -1_000_000 ||
		strings.HasPrefix(pick.Feature, "PPL") && pick.Population >= 1_000_000
}

// context tallies the countries and first-level subdivisions an article
// points to, remembering who contributed what.
type context struct {
	votes []vote
}

type vote struct {
	from            int // entity index in Resolve's list; -1 for NORP words
	country, admin1 string
	w               float64
}

func (c *context) add(from int, country, admin1 string, w float64) {
	if country != "" {
		c.votes = append(c.votes, vote{from, country, admin1, w})
	}
}

// weights returns the weight of p's country and of its subdivision in the
// context, leaving out entity self's votes.
func (c *context) weights(p *Place, self int) (country, admin float64) {
	for _, v := range c.votes {
		if v.from == self && self >= 0 || v.country != p.Country {
			continue
		}
		country += v.w
		if v.admin1 != "" && v.admin1 == p.Admin1 {
			admin += v.w
		}
	}
	return country, admin
}

// featureRank orders feature codes: country > continent, ocean > capital,
// sea > street, region > river > admin seats > subdivision > town. Seats of
// different levels sit close together: population, not the level of the
// seat, separates Frankfurt from Frankfort.
func featureRank(f string) float64 {
	switch f {
	case "PCLI":
		return 10
	case "CONT", "OCN":
		return 9
	case "PCLD", "PCLS", "PCLF", "PCLIX", "TERR":
		return 8
	case "PPLC", "SEA":
		return 7
	case "RGN", "ST":
		return 6
	case "STM", "PEN":
		return 5
	case "PPLA":
		return 4
	case "PPLA2":
		return 3.5
	case "ADM1", "PPLA3", "PPLG":
		return 3
	case "PPLA4", "PPLA5":
		return 2.5
	case "PPLX":
		return 1
	case "PPLH", "PPLQ", "PPLW":
		return 0
	}
	return 2
}

// Weights of the score. Population counts 1.5 per tenfold; context is
// strong only at subdivision level: a country named in the article helps its
// towns a little (a US story still means Sydney, Australia), a subdivision
// named helps its towns a lot (Paris next to Texas).
const (
	popWeight     = 1.5
	nameBonus     = 1   // the mention is the place's main name, or its head (Frankfurt am Main)
	countryBonus  = 1.5 // plus 0.25 per vote, up to 4 votes
	admin1Bonus   = 6   // the article names the place's subdivision or a town in it
	homeADM1Bonus = 6   // a subdivision of a country the article keeps naming, against a foreign country
	unpopulated   = 6.0 // the log-population given oceans, seas and hand-kept regions
)

// prior is a place's score before any context: feature rank and
// population. Lookup lists places by it.
func prior(p *Place) float64 {
	s := featureRank(p.Feature)
	if p.Population == 0 && s >= 5 && !strings.HasPrefix(p.Feature, "PPL") {
		// Oceans, seas and hand-kept regions have no population, yet are
		// as well known as a city of a million: the alias table lists only
		// places news names.
		return s + popWeight*unpopulated
	}
	return s + popWeight*math.Log10(1+float64(p.Population))
}

// score ranks candidate p of an entity known by names among cands.
func score(p *Place, names []string, cands []*Place, ctx *context, self int) float64 {
	s := prior(p)
	for _, n := range names {
		if sameName(p.Name, n) {
			s += nameBonus
			break
		}
	}
	if ctx != nil {
		c, a := ctx.weights(p, self)
		if c > 0 {
			s += countryBonus + 0.25*math.Min(c, 4)
		}
		if c >= 2 && p.Feature == "ADM1" && slices.ContainsFunc(cands, func(q *Place) bool { return q.IsCountry() && q.Country != p.Country }) {
			// Georgia in a US story.
			s += homeADM1Bonus
		}
		if a > 0 {
			s += admin1Bonus
		}
	}
	return s
}

// best picks the highest-scoring candidate. A subdivision that shares its
// name with a town inside it (Luhansk, Odesa, Donetsk oblasts) yields to the
// town unless the text says "region" or the like (admin), and then only
// subdivisions and regions compete, if there are any.
func best(cands []*Place, names []string, admin bool, ctx *context, self int) *Place {
	if admin && !slices.ContainsFunc(cands, isRegion) {
		admin = false
	}
	var b *Place
	bs := math.Inf(-1)
	for _, p := range cands {
		if admin && !isRegion(p) || !admin && (p.Feature == "ADM1" && hasSeat(cands, p, names) || p.Feature == "ADM2" && hasTown(cands, p)) {
			continue
		}
		if s := score(p, names, cands, ctx, self); s > bs {
			b, bs = p, s
		}
	}
	return b
}

func isRegion(p *Place) bool { return p.Feature == "ADM1" || p.Feature == "RGN" }

// hasTown reports whether a town in adm's country shares a candidate's
// name with the finer subdivision adm: Liverpool the city, not the district.
func hasTown(cands []*Place, adm *Place) bool {
	for _, p := range cands {
		if strings.HasPrefix(p.Feature, "PPL") && p.Country == adm.Country {
			return true
		}
	}
	return false
}

// sameName reports whether a mention n names place name as its main name:
// equal up to accents (Geneva is not, Zurich is Zürich) or its head
// (Frankfurt of Frankfurt am Main, Newcastle of Newcastle upon Tyne; not
// Oklahoma of Oklahoma City).
func sameName(name, n string) bool {
	if !isASCII(name) {
		name = foldAccents(name)
	}
	if name == n {
		return true
	}
	// The head of "Oklahoma City" or "Kuwait City" is its state or
	// country, not the city.
	rest, ok := strings.CutPrefix(name, n+" ")
	return ok && rest != "City"
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldAccents strips combining marks after canonical decomposition: Zürich
// becomes Zurich, Genève Geneve.
func foldAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasSeat reports whether a town inside subdivision adm is also a
// candidate and is what the name means: its name is a spelling of one of
// the names (Odesa for Odessa; not Oklahoma City for Oklahoma), or it is a
// city of a million (New York City for New York).
func hasSeat(cands []*Place, adm *Place, names []string) bool {
	for _, p := range cands {
		if strings.HasPrefix(p.Feature, "PPL") && p.Country == adm.Country && p.Admin1 == adm.Admin1 &&
			(p.Population >= 1_000_000 || slices.ContainsFunc(names, func(n string) bool { return Variant(n, p.Name) })) {
			return true
		}
	}
	return false
}

var adminWords = []string{"region", "Region", "oblast", "Oblast", "province", "Province", "state", "State", "county", "County"}

// adminWordAfter returns the subdivision word that text (what follows a
// mention) starts with, if any: "Kiev region", "Washington state".
func adminWordAfter(text string) string {
	text = strings.TrimLeft(text, " ")
	for _, w := range adminWords {
		if strings.HasPrefix(text, w) && (len(text) == len(w) || !isLetter(text[len(w)])) {
			return w
		}
	}
	return ""
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// trimName strips what a mention may carry around a gazetteer name: a
// leading "the", a possessive, and a trailing subdivision word (then it
// reports admin). A name the gazetteer knows whole ("the Gulf", "Kiev
// Oblast"?) is kept whole.
func (g *Gazetteer) trimName(name string) (string, bool) {
	if _, ok := g.names.find(name); ok {
		return name, false
	}
	for _, p := range []string{"the ", "The "} {
		if strings.HasPrefix(name, p) {
			name = name[len(p):]
			break
		}
	}
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(name, s) {
			name = name[:len(name)-len(s)]
			break
		}
	}
	if _, ok := g.names.find(name); ok {
		return name, false
	}
	for _, w := range adminWords {
		if base, ok := strings.CutSuffix(name, " "+w); ok {
			if _, known := g.names.find(base); known {
				return base, true
			}
		}
	}
	return name, false
}
