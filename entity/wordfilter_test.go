package entity

import "testing"

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
