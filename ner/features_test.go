package ner

import (
	"testing"

	"newsgraph/doc"
	"newsgraph/ner/corpus"
)

func TestShape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Peskov", "Xx"},
		{"U.S.", "X.X."},
		{"McDonald", "XxXx"},
		{"1990s", "dx"},
		{"NATO", "X"},
		{"US-led", "X-x"},
		{"Zürich", "Xx"},
		{"Ünal", "Xx"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(shape(tt.in, nil)); got != tt.want {
			t.Errorf("shape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGazetteerProps(t *testing.T) {
	lx, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	d := corpus.Doc([]corpus.Sentence{{Words: []string{"Iraqi", "troops", "left", "the", "United", "States", "for", "Africa"}}})
	p := make([]props, len(d.Tokens))
	lx.computeProps(d, p)
	tests := []struct {
		i    int
		want uint8
	}{
		{0, gazDemonym},
		{1, 0},
		{4, gazCountry},
		{5, gazCountry | gazInner},
		{7, gazRegion},
	}
	for _, tt := range tests {
		if got := p[tt.i].gaz; got != tt.want {
			t.Errorf("token %d (%s): gaz %06b, want %06b", tt.i, d.TokenText(tt.i), got, tt.want)
		}
	}
	if p[0].fine == 0 || p[0].rank == 0 {
		t.Errorf("\"iraqi\" has no word cluster: %+v", p[0])
	}
}

func TestPlaceType(t *testing.T) {
	tests := []struct {
		words []string
		want  doc.EntityType
	}{
		{[]string{"Kiev"}, doc.GPE},
		{[]string{"Middle", "East"}, doc.Loc},
		{[]string{"Africa"}, doc.Loc},
		{[]string{"Nile", "River"}, doc.Loc},
		{[]string{"United", "States"}, doc.GPE},
	}
	for _, tt := range tests {
		if got := PlaceType(tt.words); got != tt.want {
			t.Errorf("PlaceType(%v) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

func TestFeaturesDeterministicAndInRange(t *testing.T) {
	lx, _ := sharedLexicon()
	d := corpus.Doc([]corpus.Sentence{{Words: []string{"Mr.", "Peskov", "said"}}})
	p := make([]props, len(d.Tokens))
	lx.computeProps(d, p)
	var a, b [numFeatures]uint32
	features(p, 0, 3, 1, 16, a[:])
	features(p, 0, 3, 1, 16, b[:])
	if a != b {
		t.Fatal("features differ between calls")
	}
	seen := map[uint32]bool{}
	for _, r := range a {
		if r >= 1<<16 {
			t.Fatalf("row %d outside a 2^16 table", r)
		}
		seen[r] = true
	}
	if len(seen) < numFeatures-2 {
		t.Errorf("only %d distinct rows for %d features: templates collide", len(seen), numFeatures)
	}
}

func TestIsCandidate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Kyiv", true}, {"iPhone", true}, {"NATO", true}, {"Ünal", true}, {"zürich", false},
		{"the", false}, {"’s", false}, {"'s", false}, {"2022", false}, {"", false},
	}
	for _, tt := range tests {
		if got := isCandidate(tt.in); got != tt.want {
			t.Errorf("isCandidate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
