package pipeline

import (
	"testing"

	"newsgraph/doc"
)

// BenchmarkStartup measures the first analysis in a fresh process's life:
// what decoding the gazetteer, the model and the lexicons costs. Run it
// with -benchtime 1x -count N; later iterations reuse the decoded data.
func BenchmarkStartup(b *testing.B) {
	for b.Loop() {
		d := &doc.Document{Text: "Kremlin spokesman Dmitry Peskov said talks in Kiev had stalled."}
		New().Analyze(d)
	}
}
