package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"newsgraph/doc"
)

// BenchmarkAnalyze runs the whole pipeline over the bundled BBC sample
// (testdata/bbc, MIT licence) and reports words/s on one goroutine.
func BenchmarkAnalyze(b *testing.B) {
	files, _ := filepath.Glob("testdata/bbc/*.txt")
	if len(files) == 0 {
		b.Skip("no testdata/bbc articles")
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	p := New()
	words := 0
	for b.Loop() {
		for _, t := range texts {
			d := &doc.Document{Text: t}
			p.Analyze(d)
			words += Words(d)
		}
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
