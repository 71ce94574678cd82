package ner

import (
	"strings"
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

func TestOrgEvidence(t *testing.T) {
	lx, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		word      string
		name, ctx uint8
	}
	tests := []struct {
		words []string
		want  []want
	}{
		{[]string{"Amicus", "Trade", "Union", "said"},
			[]want{{"Amicus", orgBefore, 0}, {"Trade", orgBefore, 0}, {"Union", orgIsHead, 0}, {"said", 0, 0}}},
		{[]string{"the", "Bank", "of", "England", "raised", "rates"},
			[]want{{"the", 0, 0}, {"Bank", orgIsHead, 0}, {"of", orgAfter, 0}, {"England", orgAfter, 0}}},
		{[]string{"Manchester", "United", "won"},
			[]want{{"Manchester", orgBefore, 0}, {"United", orgIsHead, 0}}},
		// A head word inside a name, not before "of", is no evidence.
		{[]string{"United", "States", "troops"},
			[]want{{"United", 0, 0}, {"States", 0, 0}}},
		// "and" joins two names as often as it joins one.
		{[]string{"Kennedy", "and", "Labour", "Party"},
			[]want{{"Kennedy", 0, 0}, {"Labour", orgBefore, 0}, {"Party", orgIsHead, 0}}},
		{[]string{"an", "analyst", "at", "Ovum", "said"},
			[]want{{"analyst", 0, 0}, {"Ovum", 0, orgRoleBefore}}},
		{[]string{"Ofcom", "'s", "chief", "executive"},
			[]want{{"Ofcom", 0, orgRoleAfter}, {"'s", 0, 0}}},
		{[]string{"Chelsea", "manager", "Jose", "Mourinho"},
			[]want{{"Chelsea", 0, orgRoleAfter}, {"Jose", 0, 0}}},
		{[]string{"the", "BBC", "and", "I", "saw", "GOVERNMENT"},
			[]want{{"BBC", 0, orgAcronym}, {"I", 0, 0}, {"GOVERNMENT", 0, 0}}},
	}
	for _, tt := range tests {
		d := corpus.Doc([]corpus.Sentence{{Words: tt.words}})
		p := make([]props, len(d.Tokens))
		lx.computeProps(d, p)
		for _, w := range tt.want {
			i := -1
			for j := range d.Tokens {
				if d.TokenText(j) == w.word {
					i = j
				}
			}
			if i < 0 {
				t.Fatalf("%v: no token %q", tt.words, w.word)
			}
			if p[i].orgName != w.name || p[i].orgCtx != w.ctx {
				t.Errorf("%v: %q: orgName %03b orgCtx %03b, want %03b %03b", tt.words, w.word, p[i].orgName, p[i].orgCtx, w.name, w.ctx)
			}
		}
	}
}

func TestReadOrgWordsErrors(t *testing.T) {
	for _, in := range []string{"bank\n", "bank\tplace\n", "\thead\n", "trade union\thead\n"} {
		lx := &lexicon{words: newHashTable[wordInfo](4), phrases: newHashTable[uint8](4)}
		if err := lx.readOrgWords(strings.NewReader(in)); err == nil {
			t.Errorf("readOrgWords(%q): no error", in)
		}
	}
}
