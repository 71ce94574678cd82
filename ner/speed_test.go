package ner

import (
	"os"
	"path/filepath"
	"testing"

	"newsgraph/doc"
	"newsgraph/text"
)

// bbcDocs tokenises the BBC sample (testdata/bbc, MIT licence) with the
// project's own tokeniser, as the pipeline would.
func bbcDocs(b *testing.B) ([]*doc.Document, int) {
	files, _ := filepath.Glob("testdata/bbc/*.txt")
	if len(files) == 0 {
		b.Fatal("no testdata/bbc articles")
	}
	tz := text.NewTokenizer()
	var docs []*doc.Document
	tokens := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := &doc.Document{Text: text.Clean(string(data))}
		tz.Tokenize(d)
		text.Segment(d)
		docs = append(docs, d)
		tokens += len(d.Tokens)
	}
	return docs, tokens
}

// BenchmarkRecognizeBBC reports the recogniser's throughput in tokens/s on
// news text, one goroutine.
func BenchmarkRecognizeBBC(b *testing.B) {
	docs, tokens := bbcDocs(b)
	m := Default()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			m.Recognize(d)
		}
		n += tokens
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}
