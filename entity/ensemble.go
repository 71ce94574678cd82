package entity

import (
	"cmp"
	"slices"

	"newsgraph/doc"
)

// Ensemble runs several recognisers and keeps, for each stretch of text,
// the mention of the first recogniser that found one there: put the most
// trusted first, and the others fill its gaps.
type Ensemble []Recognizer

// GapRecognizer is a Recognizer that can skip the tokens earlier members of
// an Ensemble have named, saving its work for the rest.
type GapRecognizer interface {
	RecognizeGaps(d *doc.Document, taken []bool) []doc.Mention
}

func byStart(a, b doc.Mention) int { return cmp.Compare(a.Start, b.Start) }

// Recognize implements Recognizer.
func (e Ensemble) Recognize(d *doc.Document) []doc.Mention {
	var out []doc.Mention
	taken := make([]bool, len(d.Tokens))
	for i, r := range e {
		var ms []doc.Mention
		if g, ok := r.(GapRecognizer); ok && i > 0 {
			ms = g.RecognizeGaps(d, taken)
		} else {
			ms = r.Recognize(d)
		}
		for _, m := range ms {
			free := true
			for k := m.First; k < m.Last; k++ {
				if taken[k] {
					free = false
					break
				}
			}
			if !free {
				continue
			}
			for k := m.First; k < m.Last; k++ {
				taken[k] = true
			}
			out = append(out, m)
		}
	}
	// Recognisers never share a token, so no two mentions start alike and
	// any sort gives one order; SortFunc saves sort.Slice's reflection.
	slices.SortFunc(out, byStart)
	return out
}
