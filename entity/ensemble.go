package entity

import (
	"sort"

	"newsgraph/doc"
)

// Ensemble runs several recognisers and keeps, for each stretch of text,
// the mention of the first recogniser that found one there: put the most
// trusted first, and the others fill its gaps.
type Ensemble []Recognizer

// Recognize implements Recognizer.
func (e Ensemble) Recognize(d *doc.Document) []doc.Mention {
	var out []doc.Mention
	taken := make([]bool, len(d.Tokens))
	for _, r := range e {
		for _, m := range r.Recognize(d) {
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
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}
