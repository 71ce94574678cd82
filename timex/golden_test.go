package timex

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"newsgraph/doc"
	"newsgraph/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// loadDoc reads an article as the pipeline would: cleaned, tokenised and
// sentence-split.
func loadDoc(tb testing.TB, path string, ref time.Time) *doc.Document {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	d := &doc.Document{ID: filepath.Base(path), Text: text.Clean(string(b)), Published: ref}
	text.NewTokenizer().Tokenize(d)
	text.Segment(d)
	return d
}

// seedGold is the times part of the seed article's gold record
// (corpus/seed/gold.jsonl).
type seedGold struct {
	Published string `json:"published"`
	Times     []struct {
		Text  string `json:"text"`
		Value string `json:"value"`
	} `json:"times"`
}

// TestSeedGolden checks the seed article against its hand gold (every value
// must come out, nothing extra) and against the golden record of our own
// output, which pins spans, types and code-point offsets.
func TestSeedGolden(t *testing.T) {
	var gold seedGold
	b, err := os.ReadFile("testdata/seed.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("testdata/seed.gold.json: %v", err)
	}
	d := loadDoc(t, "testdata/russia-regrouping-2022-03-30.txt", day(gold.Published))
	Tag(d)
	rec := d.Record()
	if len(rec.Times) != len(gold.Times) {
		t.Errorf("found %d times, gold has %d", len(rec.Times), len(gold.Times))
	}
	for i, g := range gold.Times {
		if i >= len(rec.Times) {
			t.Errorf("missing %q = %s", g.Text, g.Value)
			continue
		}
		r := rec.Times[i]
		if r.Text != g.Text || r.Value == nil || *r.Value != g.Value {
			v := "<nil>"
			if r.Value != nil {
				v = *r.Value
			}
			t.Errorf("time %d: got %q = %s, gold %q = %s", i, r.Text, v, g.Text, g.Value)
		}
	}
	got, err := json.MarshalIndent(rec.Times, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/seed.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("seed record differs from %s:\n got %s\nwant %s", golden, got, want)
	}
}
