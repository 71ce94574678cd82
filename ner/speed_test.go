package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/zstd"

	"newsgraph/doc"
	"newsgraph/text"
)

// bbcDocs tokenises the BBC sample (testdata/bbc, MIT licence) with the
// project's own tokeniser, as the pipeline would.
func bbcDocs(b testing.TB) ([]*doc.Document, int) {
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

// BenchmarkRecognizeBBC reports the recogniser's throughput on news text,
// one goroutine: tokens per wall-clock second and, since the machine is
// shared, tokens per second of this process's CPU time (run with
// GOMAXPROCS=1 so that the garbage collector's CPU time is not spread).
func BenchmarkRecognizeBBC(b *testing.B) {
	docs, tokens := bbcDocs(b)
	m := Default()
	n := 0
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			m.Recognize(d)
		}
		n += tokens
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkStartup measures the first call of Default in a fresh process's
// terms: lexicon and model decoding, in CPU time.
func BenchmarkStartup(b *testing.B) {
	cpu0 := cpuTime()
	for b.Loop() {
		lx, err := loadLexicon()
		if err != nil {
			b.Fatal(err)
		}
		zr, _ := zstd.NewReader(bytes.NewReader(modelZst), zstd.WithDecoderConcurrency(1))
		_, err = readModel(zr, lx)
		zr.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// FuzzRecognize: any text, tokenised as the pipeline does, gives mentions
// that are in order, inside the text, on token boundaries and disjoint.
func FuzzRecognize(f *testing.F) {
	f.Add("Russian President Vladimir Putin met Olaf Scholz in «Kyiv» on Tuesday.")
	f.Add("THE UNITED NATIONS SAID: \"NATO's US-led...\" Mr. O'Neill, Zürich’s É.")
	f.Add("")
	m := Default()
	tz := text.NewTokenizer()
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{Text: text.Clean(s)}
		tz.Tokenize(d)
		text.Segment(d)
		last := 0
		for _, mn := range m.Recognize(d) {
			if mn.First < last || mn.First >= mn.Last || mn.Last > len(d.Tokens) {
				t.Fatalf("mention tokens [%d,%d) after %d of %d", mn.First, mn.Last, last, len(d.Tokens))
			}
			if mn.Start != d.Tokens[mn.First].Start || mn.End != d.Tokens[mn.Last-1].End || mn.Type == doc.NoType {
				t.Fatalf("mention %+v does not match its tokens", mn)
			}
			last = mn.Last
		}
	})
}
