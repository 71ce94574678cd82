package extracteval

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"newsgraph/pipeline"
	"newsgraph/web"
)

var update = flag.Bool("update", false, "rewrite testdata/report.golden")

// TestRun scores the small corpus in testdata (pages written for the web
// package's tests) and compares the whole report with its golden file.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := Run("testdata", &b); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		os.WriteFile(golden, b.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("report:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestScore(t *testing.T) {
	entries, err := Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string]*Entry{}
	for i := range entries {
		byFile[entries[i].File] = &entries[i]
	}
	page, _ := os.ReadFile("testdata/html/article.html.gz")
	got := Score(byFile["article.html"], page)
	want := Result{Pages: 1, TP: 3, TN: 3, Titles: 1, TitleOK: 1, Authors: 1, AuthorOK: 1, Dates: 1, DateOK: 1, Words: got.Words}
	if got != want {
		t.Errorf("article: got %+v, want %+v", got, want)
	}
	if got.Words < 100 {
		t.Errorf("article: %d words", got.Words)
	}
	// A page with no article counts every "with" segment as missed.
	nav, _ := os.ReadFile("testdata/html/nav.html.gz")
	if r := Score(byFile["nav.html"], nav); r.Failed != 1 || r.FN != 1 || r.TN != 1 {
		t.Errorf("nav: %+v", r)
	}
}

func TestGoldAuthor(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"Jane Doe", "Jane Doe"},
		{[]any{"A", "B"}, "A; B"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := (&Entry{Author: tt.in}).GoldAuthor(); got != tt.want {
			t.Errorf("GoldAuthor(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGlues(t *testing.T) {
	tests := []struct {
		text, src string
		want      []string
	}{
		{"It rained all month.Simultaneously rivers rose.", "<p>It rained all month.</p><p>Simultaneously</p>", []string{"h.S"}},
		{"He said “no.”Then left.", "", []string{"o.”T"}},
		{"See example.Com for details.", "visit example.Com today", nil}, // the source has it
		{"U.S. troops. Then more.", "", nil},
		{"Clean text. Nothing glued!", "", nil},
	}
	for _, tt := range tests {
		if got := Glues(tt.text, tt.src); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Glues(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil {
		t.Error("missing evaldata.json: no error")
	}
	os.WriteFile(filepath.Join(dir, "evaldata.json"), []byte("{not json"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "evaldata.json") {
		t.Errorf("bad JSON: err = %v", err)
	}
	os.WriteFile(filepath.Join(dir, "evaldata.json"), []byte(`{"u": {"file": "missing.html", "with": ["x"]}}`), 0o644)
	if err := Run(dir, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "missing.html") {
		t.Errorf("missing page: err = %v", err)
	}
}

// TestCorpusReport prints the scores on the corpus named by
// $NEWSGRAPH_EXTRACTION_EVAL; it is skipped when the variable is not set.
//
//	NEWSGRAPH_EXTRACTION_EVAL=/path/to/trafilatura-eval go test ./web/extracteval -run CorpusReport -v
func TestCorpusReport(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_EXTRACTION_EVAL")
	if dir == "" {
		t.Skip("NEWSGRAPH_EXTRACTION_EVAL not set")
	}
	var b bytes.Buffer
	if err := Run(dir, &b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
}

// BenchmarkCorpus extracts and analyses every page of the corpus named by
// $NEWSGRAPH_EXTRACTION_EVAL (the trafilatura-eval directory) and reports
// pages/s; it is skipped when the variable is not set, so tests never need
// the shared data.
//
//	NEWSGRAPH_EXTRACTION_EVAL=/path/to/trafilatura-eval go test ./web/extracteval -run - -bench Corpus -benchtime 1x
func BenchmarkCorpus(b *testing.B) {
	dir := os.Getenv("NEWSGRAPH_EXTRACTION_EVAL")
	if dir == "" {
		b.Skip("NEWSGRAPH_EXTRACTION_EVAL not set")
	}
	entries, err := Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	pages := make([][]byte, len(entries))
	for i, e := range entries {
		if pages[i], err = os.ReadFile(filepath.Join(dir, "html", e.File+".gz")); err != nil {
			b.Fatal(err)
		}
	}
	for _, analyse := range []bool{false, true} {
		name := "extract"
		if analyse {
			name = "extract+analyze"
		}
		b.Run(name, func(b *testing.B) {
			p := pipeline.New()
			n := 0
			for b.Loop() {
				for i, page := range pages {
					a, err := web.Extract(page, "", entries[i].URL)
					n++
					if err != nil || !analyse {
						continue
					}
					p.Analyze(a.Document(entries[i].File))
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
