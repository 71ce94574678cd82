package ner

import (
	"fmt"
	"io"

	"newsgraph/doc"
	"newsgraph/entity"
)

// Counts are exact-span match counts for one entity type.
type Counts struct{ TP, FP, FN int }

func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }
func (c Counts) Recall() float64    { return ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are counts per entity type (indexed by doc.EntityType; index
// NoType holds the micro-averaged total).
type Scores [numTypes + 1]Counts

// Evaluate recognises every example with r and matches the mentions against
// the gold chunks by exact token span and type. fold maps both gold and
// predicted types onto what the corpus distinguishes (GPE and LOC onto LOC
// for a corpus with one place type); a type folded to doc.NoType is ignored.
func Evaluate(r entity.Recognizer, examples []Example, fold func(doc.EntityType) doc.EntityType) Scores {
	var s Scores
	type key struct {
		first, last int
		typ         doc.EntityType
	}
	for _, ex := range examples {
		gold := map[key]bool{}
		for _, c := range ex.Chunks {
			if t := fold(c.Type); t != doc.NoType {
				gold[key{c.First, c.Last, t}] = true
			}
		}
		for _, mn := range r.Recognize(ex.Doc) {
			t := fold(mn.Type)
			if t == doc.NoType {
				continue
			}
			k := key{mn.First, mn.Last, t}
			if gold[k] {
				s[t].TP++
				delete(gold, k)
			} else {
				s[t].FP++
			}
		}
		for k := range gold {
			s[k.typ].FN++
		}
	}
	for t := doc.Person; t <= doc.NORP; t++ {
		s[0].TP += s[t].TP
		s[0].FP += s[t].FP
		s[0].FN += s[t].FN
	}
	return s
}

// Write prints a per-type table of the types that occur.
func (s Scores) Write(w io.Writer) {
	fmt.Fprintf(w, "%-7s %6s %6s %6s %6s %6s\n", "type", "gold", "P", "R", "F1", "pred")
	for t := doc.Person; t <= doc.NORP; t++ {
		c := s[t]
		if c.TP+c.FP+c.FN == 0 {
			continue
		}
		fmt.Fprintf(w, "%-7s %6d %6.3f %6.3f %6.3f %6d\n", t, c.TP+c.FN, c.Precision(), c.Recall(), c.F1(), c.TP+c.FP)
	}
	c := s[0]
	fmt.Fprintf(w, "%-7s %6d %6.3f %6.3f %6.3f %6d\n", "all", c.TP+c.FN, c.Precision(), c.Recall(), c.F1(), c.TP+c.FP)
}
