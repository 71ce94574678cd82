// Command nerdev scores the whole analysis pipeline on gold articles with
// each choice of entity recogniser: the rule-based entity.Rules, the trained
// ner model, and the two orders of an entity.Ensemble of both. It is how
// docs/ner.md's dev-gold figures are made, and what the lead can use to pick
// the pipeline's Recognizer.
//
//	go run ./ner/cmd/nerdev --gold /work/shared/corpus/seed/gold.jsonl --gold /work/shared/corpus/bbc-dev/gold.jsonl
package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/spf13/pflag"

	"newsgraph/entity"
	"newsgraph/eval"
	"newsgraph/ner"
	"newsgraph/pipeline"
)

func main() {
	fs := pflag.NewFlagSet("nerdev", pflag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	var golds []string
	fs.StringArrayVar(&golds, "gold", nil, "gold annotations `FILE` (JSON Lines); repeat to pool several")
	errs := fs.Bool("errors", false, "print each configuration's per-article differences")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if len(golds) == 0 {
		fmt.Fprintln(os.Stderr, "nerdev: at least one --gold is required")
		os.Exit(2)
	}
	if err := run(golds, *errs); err != nil {
		fmt.Fprintln(os.Stderr, "nerdev:", err)
		os.Exit(1)
	}
}

func run(golds []string, errs bool) error {
	gold := eval.NewSet()
	for _, g := range golds {
		if err := gold.ReadFile(g); err != nil {
			return err
		}
	}
	m := ner.Default()
	configs := []struct {
		name string
		r    entity.Recognizer
	}{
		{"rules", entity.Rules{}},
		{"ner", m},
		{"ner+rules", entity.Ensemble{m, entity.Rules{}}},
		{"rules+ner", entity.Ensemble{entity.Rules{}, m}},
		{"ner+known", entity.Ensemble{m, entity.Rules{KnownOnly: true}}},
		{"known+ner+rules", entity.Ensemble{entity.Rules{KnownOnly: true}, m, entity.Rules{}}},
	}
	fmt.Printf("%-10s %7s %7s %7s %7s %7s %7s\n", "recogniser", "ent F1", "PER", "ORG", "LOC", "NORP", "Q+S F1")
	for _, c := range configs {
		docs, err := gold.Documents()
		if err != nil {
			return err
		}
		p := pipeline.New()
		p.Recognizer = c.r
		sys := eval.NewSet()
		for _, d := range docs {
			p.Analyze(d)
			if err := sys.AddRecord(d.Record()); err != nil {
				return err
			}
		}
		res, diffs, err := eval.Score(gold, sys)
		if err != nil {
			return err
		}
		e := res.Entities
		fmt.Printf("%-10s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f\n", c.name, e.All.F1, e.Person.F1, e.Org.F1, e.Loc.F1, e.NORP.F1, res.QuoteSpeaker.F1)
		if errs {
			eval.WriteDiffs(os.Stdout, diffs)
			entityDiffs(gold, sys)
		}
	}
	return nil
}

// entityDiffs prints, per article, the (type, name) pairs only one side has,
// with GPE and LOC as one type (as the scorer counts them).
func entityDiffs(gold, sys *eval.Set) {
	names := func(rec map[string]any) map[string]bool {
		out := map[string]bool{}
		es, _ := rec["entities"].([]any)
		for _, e := range es {
			m, _ := e.(map[string]any)
			t, _ := m["type"].(string)
			n, _ := m["name"].(string)
			if t == "GPE" {
				t = "LOC"
			}
			out[t+" "+n] = true
		}
		return out
	}
	for _, id := range gold.IDs() {
		g, s := names(gold.Record(id)), names(sys.Record(id))
		var missed, spurious []string
		for k := range g {
			if !s[k] {
				missed = append(missed, k)
			}
		}
		for k := range s {
			if !g[k] {
				spurious = append(spurious, k)
			}
		}
		sort.Strings(missed)
		sort.Strings(spurious)
		fmt.Printf("%s\n  missed:   %v\n  spurious: %v\n", id, missed, spurious)
	}
}
