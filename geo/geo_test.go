package geo

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/s2"

	"newsgraph/doc"
)

func ids(ps []*Place) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want int // a GeoNames id the name must find
	}{
		{"Kiev", 703448}, {"Kyiv", 703448}, {"Kiew", 703448},
		{"Chernigov", 710735}, {"Chernihiv", 710735},
		{"Lugansk", 702658}, {"Luhansk", 702658},
		{"Kharkov", 706483}, {"Kharkiv", 706483},
		{"Odessa", 698740}, {"Odesa", 698740},
		{"Donetsk", 709717}, {"Dnipro", 709930}, {"Dnepropetrovsk", 709930},
		{"US", 6252001}, {"U.S.", 6252001}, {"America", 6252001}, {"United States", 6252001}, {"USA", 6252001},
		{"Ukraine", 690791}, {"Russia", 2017370}, {"Moscow", 524901}, {"Istanbul", 745044},
		{"Britain", 2635167}, {"UK", 2635167}, {"England", 6269131},
		{"Donbass", -1}, {"Donbas", -1}, {"eastern Ukraine", -2}, {"Dnieper", -5}, {"Europe", 6255148},
		{"Paris", 2988507}, {"Paris", 4717560},
	}
	for _, tt := range tests {
		got := ids(Lookup(tt.name))
		if !slices.Contains(got, tt.want) {
			t.Errorf("Lookup(%q) = %v, want it to contain %d", tt.name, got, tt.want)
		}
	}
	for _, miss := range []string{"", "Xyzzyville", "kiev", "KIEV", "PAR", "WAS", "Stalin", "ji fu"} {
		if got := Lookup(miss); got != nil {
			t.Errorf("Lookup(%q) = %v, want nil", miss, ids(got))
		}
	}
}

// Lookup lists the likeliest place first, so a caller taking the head
// gets the context-free reading.
func TestLookupOrder(t *testing.T) {
	for _, tt := range []struct {
		name  string
		first int
	}{{"Paris", 2988507}, {"Washington", 4140963}, {"Odessa", 698740}, {"Kharkov", 706483}, {"Kiev", 703448}, {"Georgia", 614540}} {
		ps := Lookup(tt.name)
		if len(ps) == 0 || ps[0].ID != tt.first {
			t.Errorf("Lookup(%q)[0] = %v, want %d", tt.name, ids(ps), tt.first)
		}
		for i := 1; i < len(ps); i++ {
			if prior(ps[i]) > prior(ps[i-1]) {
				t.Errorf("Lookup(%q): %s (%.2f) after %s (%.2f)", tt.name, ps[i].Name, prior(ps[i]), ps[i-1].Name, prior(ps[i-1]))
			}
		}
	}
}

func TestCountryEntry(t *testing.T) {
	p, ok := Default().Country("UA")
	if !ok || p.ID != 690791 || p.Name != "Ukraine" || p.Feature != "PCLI" {
		t.Fatalf("Country(UA) = %+v, %v", p, ok)
	}
	if _, ok := Default().Country("ZZ"); ok {
		t.Error("Country(ZZ) found")
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct{ word, want string }{
		{"Russian", "RU"}, {"Russians", "RU"}, {"Ukrainian", "UA"}, {"Ukrainians", "UA"},
		{"American", "US"}, {"British", "GB"}, {"French", "FR"}, {"German", "DE"},
		{"Israeli", "IL"}, {"Israelis", "IL"}, {"Chinese", "CN"},
		{"Table", ""}, {"russian", ""},
	}
	for _, tt := range tests {
		got, ok := Demonym(tt.word)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Demonym(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
}

func TestCommon(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"March", true}, {"Police", true}, {"Of", true}, {"Bath", true}, {"Police", true},
		{"Turkey", false}, {"Chad", false}, {"Ukraine", false}, {"Kyiv", false}, {"Paris", false},
		{"Xyzzyville", false},
	}
	for _, tt := range tests {
		if got := Common(tt.name); got != tt.want {
			t.Errorf("Common(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestType(t *testing.T) {
	tests := []struct {
		name string
		want doc.EntityType
	}{
		{"Ukraine", doc.GPE}, {"Kiev", doc.GPE}, {"Texas", doc.GPE}, {"Crimea", doc.GPE},
		{"Donbass", doc.Loc}, {"Europe", doc.Loc}, {"Atlantic", doc.Loc}, {"Anfield", doc.Loc}, {"Dnieper", doc.Loc},
	}
	for _, tt := range tests {
		p := Likely(tt.name)
		if p == nil || p.Type() != tt.want {
			t.Errorf("Likely(%q).Type() = %v (place %+v), want %v", tt.name, typeOf(p), p, tt.want)
		}
	}
}

func typeOf(p *Place) doc.EntityType {
	if p == nil {
		return doc.NoType
	}
	return p.Type()
}

func TestLikely(t *testing.T) {
	tests := []struct {
		name string
		want int // 0: nil
	}{
		{"Ukraine", 690791}, {"US", 6252001}, {"Kiev", 703448}, {"London", 2643743}, {"Texas", -1004170},
		{"Atlantic", -33}, {"Europe", 6255148}, {"Donbass", -1}, {"Turkey", 298795}, {"Dnepropetrovsk", 709930},
		{"Blair", 0}, {"Howard", 0}, {"Police", 0}, {"March", 0}, {"Of", 0}, {"North", 0}, {"Bath", 0},
		{"English", 0}, {"Russian", 0}, {"Twickenham", 0}, {"Sam", 0}, {"Stalin", 0}, {"Xyzzyville", 0},
	}
	for _, tt := range tests {
		got := Likely(tt.name)
		if tt.want == 0 && got != nil || tt.want != 0 && (got == nil || got.ID != tt.want) {
			t.Errorf("Likely(%q) = %+v, want id %d", tt.name, got, tt.want)
		}
	}
}

// newDoc makes a document whose entities are the given names, each with a
// mention at every whole-word occurrence in text.
func newDoc(t testing.TB, text string, ents ...struct {
	name string
	typ  doc.EntityType
}) *doc.Document {
	d := &doc.Document{Text: text}
	for _, e := range ents {
		ent := doc.Entity{Type: e.typ}
		for off := 0; ; {
			i := strings.Index(text[off:], e.name)
			if i < 0 {
				break
			}
			s, end := off+i, off+i+len(e.name)
			off = end
			if s > 0 && isLetter(text[s-1]) || end < len(text) && isLetter(text[end]) {
				continue
			}
			if len(ent.Mentions) == 0 {
				ent.Name = doc.Span{Start: s, End: end}
			}
			ent.Mentions = append(ent.Mentions, len(d.Mentions))
			d.Mentions = append(d.Mentions, doc.Mention{Span: doc.Span{Start: s, End: end}, Type: e.typ, Entity: len(d.Entities)})
		}
		if len(ent.Mentions) == 0 {
			t.Fatalf("%q not in text", e.name)
		}
		d.Entities = append(d.Entities, ent)
	}
	return d
}

type ne = struct {
	name string
	typ  doc.EntityType
}

func TestResolve(t *testing.T) {
	tests := []struct {
		text  string
		ents  []ne
		check string // the entity whose place is checked
		want  int
	}{
		{"Shelling hit Donetsk, Ukraine's army said.", []ne{{"Donetsk", doc.GPE}, {"Ukraine", doc.GPE}}, "Donetsk", 709717},
		{"Ukrainian troops left Donetsk as Russian forces advanced.", []ne{{"Ukrainian", doc.NORP}, {"Donetsk", doc.GPE}, {"Russian", doc.NORP}}, "Donetsk", 709717},
		{"The fair in Paris, Texas drew crowds.", []ne{{"Paris", doc.GPE}, {"Texas", doc.GPE}}, "Paris", 4717560},
		{"Fashion week opened in Paris on Monday.", []ne{{"Paris", doc.GPE}}, "Paris", 2988507},
		{"Macron spoke in Paris about France.", []ne{{"Paris", doc.GPE}, {"France", doc.GPE}}, "Paris", 2988507},
		{"Troops near Kiev regrouped.", []ne{{"Kiev", doc.GPE}}, "Kiev", 703448},
		{"Troops in the Kiev region regrouped.", []ne{{"Kiev", doc.GPE}}, "Kiev", -1004014},
		{"Shelling in the Donetsk region went on.", []ne{{"Donetsk", doc.GPE}}, "Donetsk", -1004008},
		{"Crimea was annexed.", []ne{{"Crimea", doc.GPE}}, "Crimea", -1004017},
		{"Kyiv said talks went on.", []ne{{"Kyiv", doc.GPE}}, "Kyiv", 703448},
		{"Officials in Chernigov and Lugansk said so.", []ne{{"Chernigov", doc.GPE}, {"Lugansk", doc.GPE}}, "Lugansk", 702658},
		{"Fighting in the Donbass went on.", []ne{{"Donbass", doc.Loc}}, "Donbass", -1},
		{"The US and America's allies met.", []ne{{"US", doc.GPE}, {"America", doc.GPE}}, "America", 6252001},
		{"Tbilisi says Georgia will not join.", []ne{{"Tbilisi", doc.GPE}, {"Georgia", doc.GPE}}, "Georgia", 614540},
		{"Atlanta is the capital of Georgia, in the United States.", []ne{{"Atlanta", doc.GPE}, {"Georgia", doc.GPE}, {"United States", doc.GPE}}, "Georgia", -1004134},
		{"He flew to Odessa, Texas and Midland.", []ne{{"Odessa", doc.GPE}, {"Texas", doc.GPE}, {"Midland", doc.GPE}}, "Odessa", 5527554},
		{"The US duo from Georgia topped the US charts; American fans cheered.", []ne{{"US", doc.GPE}, {"Georgia", doc.GPE}, {"American", doc.NORP}}, "Georgia", -1004134},
		{"Boats crossed the Atlantic, the US said.", []ne{{"Atlantic", doc.Loc}, {"US", doc.GPE}}, "Atlantic", -33},
		{"Washington warned Moscow.", []ne{{"Washington", doc.GPE}, {"Moscow", doc.GPE}}, "Washington", 4140963},
		{"Fires spread in Washington state.", []ne{{"Washington", doc.GPE}}, "Washington", -1004176},
		{"The US team flew to Sydney; American fans cheered.", []ne{{"US", doc.GPE}, {"Sydney", doc.GPE}, {"American", doc.NORP}}, "Sydney", 2147714},
		{"England beat Wales in London.", []ne{{"England", doc.GPE}, {"Wales", doc.GPE}, {"London", doc.GPE}}, "Wales", 2634895},
		{"MPs at Westminster voted, the UK said.", []ne{{"Westminster", doc.GPE}, {"UK", doc.GPE}}, "Westminster", 2634341},
		{"Talks in Frankfurt ended.", []ne{{"Frankfurt", doc.GPE}}, "Frankfurt", 2925533},
		{"Dallas and Paris are in Texas.", []ne{{"Dallas", doc.GPE}, {"Paris", doc.GPE}}, "Paris", 4717560},
		{"Oklahoma voted for him; the US watched.", []ne{{"Oklahoma", doc.GPE}, {"US", doc.GPE}}, "Oklahoma", -1004162},
		{"He flew to New York; the US watched.", []ne{{"New York", doc.GPE}, {"US", doc.GPE}}, "New York", 5128581},
		{"He won Va. and Ohio.", []ne{{"Va.", doc.GPE}, {"Ohio", doc.GPE}}, "Va.", -1004173},
		{"Shelling hit Odessa, Ukraine's port.", []ne{{"Odessa", doc.GPE}, {"Ukraine", doc.GPE}}, "Odessa", 698740},
	}
	for _, tt := range tests {
		d := newDoc(t, tt.text, tt.ents...)
		Resolve(d)
		for i, e := range tt.ents {
			got := d.Entities[i].Geo
			if e.typ == doc.NORP {
				if got != nil {
					t.Errorf("%q: NORP %q got a place", tt.text, e.name)
				}
				continue
			}
			if e.name != tt.check {
				continue
			}
			if got == nil || got.GeoNameID != tt.want {
				t.Errorf("%q: %s = %+v, want id %d", tt.text, e.name, got, tt.want)
			}
		}
	}
}

// Entities the gazetteer does not know, pronoun mentions and bad spans are
// left alone rather than guessed or panicked on.
func TestResolveUnknown(t *testing.T) {
	d := newDoc(t, "Xyzzyville and Ruritania met in Kyiv, as the West and March wished.", ne{"Xyzzyville", doc.GPE}, ne{"Ruritania", doc.Loc}, ne{"Kyiv", doc.Person},
		ne{"West", doc.Loc}, ne{"March", doc.GPE})
	d.Mentions = append(d.Mentions, doc.Mention{Span: doc.Span{Start: 30, End: 999}})
	d.Entities[0].Mentions = append(d.Entities[0].Mentions, len(d.Mentions)-1, -5, 1<<20)
	Resolve(d)
	for i, e := range d.Entities {
		if e.Geo != nil {
			t.Errorf("entity %d (%s) got %+v, want nil", i, d.EntityName(&d.Entities[i]), e.Geo)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	recs := []Record{
		{Place: Place{ID: 703448, Name: "Kyiv", Country: "UA", Feature: "PPLC", Admin1: "12", Population: 2797553, Lat: 50.45466, Lon: 30.5238}, Names: []string{"Kiev", "Kyiv", "Kiew"}},
		{Place: Place{ID: 690791, Name: "Ukraine", Country: "UA", Feature: "PCLI", Population: 45415596, Lat: 49, Lon: 32}},
		{Place: Place{ID: -1, Name: "Donbas", Country: "UA", Feature: "RGN", Lat: 48, Lon: -38.5}, Names: []string{"Donbass"}},
		{Place: Place{ID: 1, Name: "Kiev", Country: "ZZ", Feature: "PPL", Population: 10}},
	}
	var buf bytes.Buffer
	if err := Encode(&buf, recs, map[string]bool{"Donbass": true}, map[string]string{"Ukrainian": "UA"}); err != nil {
		t.Fatal(err)
	}
	g, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 4 || g.NumNames() != 6 {
		t.Errorf("Len, NumNames = %d, %d; want 4, 6", g.Len(), g.NumNames())
	}
	if got := ids(g.Lookup("Kiev")); !slices.Equal(got, []int{703448, 1}) {
		t.Errorf("Lookup(Kiev) = %v", got)
	}
	if got := g.Lookup("Donbass"); len(got) != 1 || *got[0] != recs[2].Place {
		t.Errorf("Lookup(Donbass) = %+v, want %+v", got, recs[2].Place)
	}
	if !g.Common("Donbass") || g.Common("Donbas") {
		t.Error("common flags lost")
	}
	if cc, _ := g.Demonym("Ukrainian"); cc != "UA" {
		t.Errorf("Demonym(Ukrainian) = %q", cc)
	}
	if p, ok := g.Country("UA"); !ok || p.ID != 690791 {
		t.Errorf("Country(UA) = %+v", p)
	}
	if err := Encode(&buf, append(recs, recs[0]), nil, nil); err == nil {
		t.Error("Encode accepted a duplicate id")
	}
}

func TestDecodeErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := Encode(&buf, []Record{{Place: Place{ID: 5, Name: "X", Feature: "PPL"}}}, nil, nil); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	raw, _ := encodeRaw([]Record{{Place: Place{ID: 5, Name: "X", Feature: "PPL"}}}, nil, nil)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "gazetteer"},
		{"not s2", []byte("hello"), "gazetteer"},
		{"truncated s2", good[:len(good)/2], "gazetteer"},
		{"huge decoded size", []byte{0xff, 0xff, 0xff, 0xff, 0x0f}, "exceeds"},
		{"bad magic", gz(t, []byte("newsgraph-geo\x09rest")), "bad magic"},
		{"truncated body", gz(t, raw[:len(raw)-3]), "truncated"},
		{"trailing bytes", gz(t, append(append([]byte{}, raw...), 0)), "trailing"},
		{"huge count", gz(t, append([]byte(magic), 0xff, 0xff, 0xff, 0xff, 0x0f)), "exceeds"},
	}
	for _, tt := range tests {
		_, err := Decode(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
}

func gz(t testing.TB, raw []byte) []byte { return s2.Encode(nil, raw) }

func TestVariant(t *testing.T) {
	tests := []struct {
		a, n string
		want bool
	}{
		{"Kiev", "Kyiv", true}, {"Lugansk", "Luhansk", true}, {"Chernigov", "Chernihiv", true},
		{"Odessa", "Odesa", true}, {"Twickenham", "Huntsville", false}, {"Greenwood", "Kansas City", false},
		{"Sydney", "Sidney", true}, {"", "Paris", false}, {"Oklahoma", "Oklahoma City", false},
	}
	for _, tt := range tests {
		if got := Variant(tt.a, tt.n); got != tt.want {
			t.Errorf("Variant(%q, %q) = %v", tt.a, tt.n, got)
		}
	}
}
