// Package geo puts places on the map: an embedded compact gazetteer
// (GeoNames cities500, countries, first-level subdivisions and a hand-kept
// alias table), exact-name lookup, demonyms, and context-based resolution of
// a document's GPE and LOC entities to one gazetteer entry each.
//
// The gazetteer is decoded once, lazily, on first use; see DATA.md for its
// sources, licences and what the build drops.
package geo

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"newsgraph/doc"
)

// Place is one gazetteer entry. Strings share the decoded gazetteer's
// memory; callers must treat a *Place as read-only.
type Place struct {
	// ID is the GeoNames id, or a negative id of this package's own for
	// regions and subdivisions that carry no GeoNames id in the sources.
	ID      int    `json:"geonameid"`
	Name    string `json:"name"`    // preferred English name
	Country string `json:"country"` // ISO 3166-1 alpha-2 code; empty for continents and seas
	// Feature is the GeoNames feature code: PCLI (country), ADM1, PPLC
	// (capital), PPLA (first-level seat), PPL, RGN, CONT, STM, SEA, ...
	Feature string `json:"feature"`
	// Admin1 is the GeoNames first-level admin code the place lies in
	// (TX for Paris, Texas; 05 for Donetsk, Ukraine); for an ADM1 entry, its
	// own code.
	Admin1     string  `json:"admin1,omitempty"`
	Population int     `json:"population"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
}

// Doc converts the entry to the document model's Place.
func (p *Place) Doc() *doc.Place {
	return &doc.Place{GeoNameID: p.ID, Name: p.Name, Country: p.Country, Feature: p.Feature, Lat: p.Lat, Lon: p.Lon}
}

// Type is the entity type a mention of the place takes: GPE for countries,
// subdivisions and populated places (places with a government), LOC for
// the rest (continents, seas, rivers, regions, streets, stadiums).
func (p *Place) Type() doc.EntityType {
	if p.IsCountry() || strings.HasPrefix(p.Feature, "ADM") || strings.HasPrefix(p.Feature, "PPL") {
		return doc.GPE
	}
	return doc.Loc
}

// IsCountry reports whether the entry is a country or dependency.
func (p *Place) IsCountry() bool { return len(p.Feature) >= 3 && p.Feature[:3] == "PCL" }

// Notable reports whether the place is prominent enough that a bare
// capitalised mention of one of its names probably means it: a country,
// continent, ocean or entry of the hand-kept alias table (seas, regions), a
// capital, or a place or subdivision of at least 100,000 people.
func (p *Place) Notable() bool {
	switch {
	case p.IsCountry(), p.Feature == "PPLC", p.Feature == "CONT", p.Feature == "OCN":
		return true
	case p.ID < 0 && p.ID > -1_000_000: // alias table entries
		return true
	}
	return p.Population >= 100_000
}

// Gazetteer is a decoded gazetteer: names, places and demonyms.
type Gazetteer struct {
	raw   string   // the decoded file; every name and code is a substring
	feats []string // feature codes
	recs  []placeRec
	// placePtrs holds each place's *Place once a lookup has made it, so
	// that a place has one identity whatever name found it.
	placePtrs []atomic.Pointer[Place]
	// names finds a name's index i; refs[nameStart[i]:nameStart[i+1]] are
	// its places (indexes of recs), likeliest first.
	names     *nameTable
	nameStart []uint32
	common    []bool // the name is also a common English word (March, Bath, Police)
	refs      []uint32
	lookups   []atomic.Pointer[[]*Place] // Lookup's answer per name, once made
	demonyms  map[string]string          // "Ukrainian" -> "UA"
	countries map[string]*Place          // "UA" -> Ukraine
	// smallAdmin1s holds the first-level subdivisions with less than half
	// their country's people (Texas, not England).
	smallAdmin1s map[admin1Key]bool
}

// admin1Key is a country code and a first-level subdivision code.
type admin1Key struct{ country, code string }

func (g *Gazetteer) str(r strRef) string { return g.raw[r.off : r.off+r.n] }

// place returns place i, making its Place on first use. The places are
// made lazily because most are never asked for, and a table of Places
// (five strings each) cost decoding time and every garbage collection a
// scan of 20 MB.
func (g *Gazetteer) place(i int) *Place {
	if p := g.placePtrs[i].Load(); p != nil {
		return p
	}
	r := &g.recs[i]
	p := &Place{ID: r.id, Name: g.str(r.name), Country: g.str(r.country), Feature: g.feats[r.feature], Admin1: g.str(r.admin1),
		Population: r.population, Lat: float64(r.lat) / 1e5, Lon: float64(r.lon) / 1e5}
	if g.placePtrs[i].CompareAndSwap(nil, p) {
		return p
	}
	return g.placePtrs[i].Load() // another goroutine made it first
}

// placesOf returns the places of name i, likeliest first.
func (g *Gazetteer) placesOf(i int) []*Place {
	if ps := g.lookups[i].Load(); ps != nil {
		return *ps
	}
	refs := g.refs[g.nameStart[i]:g.nameStart[i+1]]
	ps := make([]*Place, len(refs))
	for k, r := range refs {
		ps[k] = g.place(int(r))
	}
	if g.lookups[i].CompareAndSwap(nil, &ps) {
		return ps
	}
	return *g.lookups[i].Load()
}

// smallAdmin1 reports whether subdivision code of country cc is known to be
// a minor part of it, so that naming it says something about where in the
// country an article is.
func (g *Gazetteer) smallAdmin1(cc, code string) bool {
	return g.smallAdmin1s[admin1Key{cc, code}]
}

// Lookup returns the places known by exactly name (case-sensitive),
// likeliest first by feature rank and population (the order Resolve uses
// before context: Kyiv the capital before Kyiv Oblast, Paris, France before
// Paris, Texas), or nil. The slice is shared: do not modify it. Lookup
// allocates only the first time a name is asked for. It is safe for
// concurrent use.
func (g *Gazetteer) Lookup(name string) []*Place {
	i, ok := g.names.find(name)
	if !ok {
		return nil
	}
	return g.placesOf(i)
}

// Common reports whether name is also a common English word ("March",
// "Bath", "Police", "Of"): a capitalised occurrence is weak evidence of a
// place, so callers should ask for more (a large population, a country
// name, or context) before typing it as one. Country names are never common.
func (g *Gazetteer) Common(name string) bool {
	i, ok := g.names.find(name)
	return ok && g.common[i]
}

// Likely returns the likeliest notable place a capitalised name denotes
// when nothing else is known, or nil where the name is better left to the
// recogniser: no notable place has it (Blair, Howard and Taylor are small US
// towns), it is a nationality word (English, Welsh), or it is a common
// English word (March, North, Bath) and no country, continent, ocean or city
// of a million has it. As in Resolve, a town beats the same-named
// subdivision it lies in. It is meant for typing a candidate span GPE or LOC;
// Resolve picks the place in context.
func (g *Gazetteer) Likely(name string) *Place {
	// One hash probe: most names asked about are in no gazetteer.
	i, ok := g.names.find(name)
	if !ok {
		return nil
	}
	if _, ok := g.demonyms[name]; ok {
		return nil
	}
	common := g.common[i]
	cands := g.placesOf(i)
	for _, p := range cands {
		if !p.Notable() || p.Feature == "ADM1" && hasSeat(cands, p, []string{name}) {
			continue
		}
		if common && !p.IsCountry() && p.Feature != "CONT" && p.Feature != "OCN" && !(p.Population >= 1_000_000 && strings.HasPrefix(p.Feature, "PPL")) {
			continue
		}
		return p
	}
	return nil
}

// Demonym returns the country code of a nationality adjective or noun
// ("Russian" -> RU, "American" -> US).
func (g *Gazetteer) Demonym(word string) (country string, ok bool) {
	country, ok = g.demonyms[word]
	return country, ok
}

// Country returns the country entry of an ISO 3166-1 alpha-2 code.
func (g *Gazetteer) Country(code string) (*Place, bool) {
	p, ok := g.countries[code]
	return p, ok
}

// Len is the number of places.
func (g *Gazetteer) Len() int { return len(g.recs) }

// NumNames is the number of distinct names.
func (g *Gazetteer) NumNames() int { return len(g.names.keys) }

//go:embed gazetteer.bin.s2
var embedded []byte

var (
	once     sync.Once
	deflt    *Gazetteer
	deflterr error
)

// Default returns the embedded gazetteer, decoding it on first use.
func Default() *Gazetteer {
	once.Do(func() { deflt, deflterr = Decode(embedded) })
	if deflterr != nil {
		// The embedded file is built and tested with the package: failing
		// to decode it is a build defect, not bad input.
		panic(fmt.Sprintf("geo: embedded gazetteer: %v", deflterr))
	}
	return deflt
}

// Lookup looks name up in the embedded gazetteer; see Gazetteer.Lookup.
func Lookup(name string) []*Place { return Default().Lookup(name) }

// Demonym looks word up in the embedded gazetteer; see Gazetteer.Demonym.
func Demonym(word string) (country string, ok bool) { return Default().Demonym(word) }

// Likely returns the likeliest place of a bare name; see Gazetteer.Likely.
func Likely(name string) *Place { return Default().Likely(name) }

// Common reports whether name is a common English word; see Gazetteer.Common.
func Common(name string) bool { return Default().Common(name) }
