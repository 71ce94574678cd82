package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"newsgraph/doc"
)

// A document analysed with a recycled token array gives the record it gives
// analysed alone.
func TestRecycle(t *testing.T) {
	files, _ := filepath.Glob("testdata/bbc/*.txt")
	if len(files) < 3 {
		t.Fatal("need testdata/bbc articles")
	}
	record := func(p *Pipeline, text string) (*doc.Document, string) {
		d := &doc.Document{Text: text}
		p.Analyze(d)
		b, err := json.Marshal(d.Record())
		if err != nil {
			t.Fatal(err)
		}
		return d, string(b)
	}
	p, fresh := New(), New()
	for _, f := range files[:3] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, got := record(p, string(data))
		_, want := record(fresh, string(data))
		if got != want {
			t.Errorf("%s: record differs after recycling", f)
		}
		p.Recycle(d)
		if d.Tokens != nil {
			t.Errorf("%s: Recycle left the tokens", f)
		}
	}
}
