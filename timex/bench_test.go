package timex

import (
	"path/filepath"
	"testing"
	"time"

	"newsgraph/doc"
)

// BenchmarkTag runs Tag over 50 tokenised BBC articles and reports words
// (word and number tokens) per second on one core.
func BenchmarkTag(b *testing.B) {
	files, err := filepath.Glob("testdata/bbc/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no benchmark articles in testdata/bbc: %v", err)
	}
	ref := time.Date(2005, 3, 16, 0, 0, 0, 0, time.UTC)
	docs := make([]*doc.Document, len(files))
	words := 0
	for i, f := range files {
		docs[i] = loadDoc(b, f, ref)
		for _, tk := range docs[i].Tokens {
			if tk.Kind == doc.Word || tk.Kind == doc.Number {
				words++
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Times = d.Times[:0]
			Tag(d)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
