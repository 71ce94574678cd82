package entity_test

import (
	"os"
	"path/filepath"
	"testing"

	"newsgraph/doc"
	"newsgraph/entity"
	"newsgraph/text"
)

// BenchmarkRulesArticles runs the rules and Resolve over the pipeline's
// BBC sample (MIT licence), tokenised beforehand: a news vocabulary, where
// BenchmarkRules repeats one sentence. Resolve is given copies of the
// mentions, as it keeps them.
func BenchmarkRulesArticles(b *testing.B) {
	files, _ := filepath.Glob("../pipeline/testdata/bbc/*.txt")
	if len(files) == 0 {
		b.Skip("no ../pipeline/testdata/bbc articles")
	}
	tz := text.NewTokenizer()
	var docs []*doc.Document
	words := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := &doc.Document{Text: text.Clean(string(data))}
		tz.Tokenize(d)
		text.Segment(d)
		docs = append(docs, d)
		words += len(d.Tokens)
	}
	for b.Loop() {
		for _, d := range docs {
			entity.Resolve(d, entity.Rules{}.Recognize(d))
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "tokens/s")
}
