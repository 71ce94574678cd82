package ner

import (
	"reflect"
	"testing"

	"newsgraph/entity"
)

// TestRecognizeGapsProps checks that computing token properties only near
// the stretches left to score gives the same mentions as computing them
// for every token.
func TestRecognizeGapsProps(t *testing.T) {
	docs, _ := bbcDocs(t)
	m := Default()
	for _, d := range docs {
		taken := make([]bool, len(d.Tokens))
		for _, mn := range (entity.Rules{}).Recognize(d) {
			for k := mn.First; k < mn.Last; k++ {
				taken[k] = true
			}
		}
		got := m.RecognizeGaps(d, taken)
		allProps = true
		want := m.RecognizeGaps(d, taken)
		allProps = false
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%.40q: pruned properties give %v, all properties %v", d.Text, got, want)
		}
	}
}
