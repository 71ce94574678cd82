package entity

import (
	"testing"

	"newsgraph/doc"
)

func TestWordFilter(t *testing.T) {
	set := map[string]bool{"match": true, "v": true, "quarter-finals": true, "": true,
		"a-word-of-more-than-sixty-three-bytes-which-all-share-the-last-bit-of-the-mask": true}
	f := newWordFilter(set)
	for w := range set {
		if !f.has(w) {
			t.Errorf("has(%q) = false for a member", w)
		}
	}
	for _, w := range []string{"Match", "matches", "x", "vv", "quarter-final"} {
		if f.has(w) {
			t.Errorf("has(%q) = true; no member has its first byte and length", w)
		}
	}
	if g := newWordFilter(map[string]bool{"a": true}); g.has("") {
		t.Error(`has("") = true for a set without ""`)
	}
}

// Every sports word passes the filter isSports puts before the map.
func TestSportsFilter(t *testing.T) {
	for w := range sportsWords {
		if !sportsFilter.has(w) {
			t.Errorf("sportsFilter rejects %q", w)
		}
	}
}

// lex.known must be the union of the three lexicons lexMatch used to ask in
// turn, with the first one's answer.
func TestKnownIsTheLexicons(t *testing.T) {
	want := map[string]doc.EntityType{}
	for w := range lex.demonyms {
		want[w] = doc.NORP
	}
	for w := range lex.orgs {
		want[w] = doc.Org
	}
	for w, p := range lex.places {
		want[w] = p.typ
	}
	if len(want) != len(lex.known) {
		t.Errorf("known has %d names, the lexicons %d", len(lex.known), len(want))
	}
	for w, typ := range want {
		if got, ok := lex.known[w]; !ok || got != typ {
			t.Errorf("known[%q] = %v, %v; want %v", w, got, ok, typ)
		}
	}
}
