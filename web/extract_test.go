package web

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestExtractGolden extracts each testdata page and compares the whole
// Article with its .golden JSON (go test -update rewrites them).
func TestExtractGolden(t *testing.T) {
	pages, _ := filepath.Glob("testdata/*.html")
	if len(pages) == 0 {
		t.Fatal("no testdata pages")
	}
	for _, p := range pages {
		t.Run(filepath.Base(p), func(t *testing.T) {
			page, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(page, "", "https://example.org/"+filepath.Base(p))
			var got []byte
			if err != nil {
				got = []byte("error: " + err.Error() + "\n")
			} else {
				got, _ = json.MarshalIndent(a, "", "  ")
				got = append(got, '\n')
			}
			golden := strings.TrimSuffix(p, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from %s:\ngot:\n%s\nwant:\n%s", p, golden, got, want)
			}
		})
	}
}

var glue = regexp.MustCompile(`[a-z][.!?]["”]?[A-Z]`)

func TestExtractArticle(t *testing.T) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	// The same page gzipped must give the same article.
	for _, in := range [][]byte{page, gz(t, page)} {
		a, err := Extract(in, "", "")
		if err != nil {
			t.Fatal(err)
		}
		checks := []struct {
			what string
			ok   bool
		}{
			{"title without site name", a.Title == "Harbour council approves new sea wall"},
			{"author", len(a.Authors) == 1 && a.Authors[0] == "Maria Lindqvist"},
			{"canonical URL", a.URL == "https://gazette.example.org/news/2024/03/05/sea-wall"},
			{"site", a.Site == "Northshore Gazette"},
			{"date", a.Published.Format(time.DateOnly) == "2024-03-05"},
			{"title not in text", !strings.Contains(a.Text, "Harbour council approves")},
			{"blocks separated", strings.Contains(a.Text, "next month.\n\nSimultaneously")},
			{"no glue", !glue.MatchString(a.Text)},
			{"soft hyphen stripped", strings.Contains(a.Text, "government pays")},
			{"caption dropped", !strings.Contains(a.Text, "low tide")},
			{"credit dropped", !strings.Contains(a.Text, "dpa")},
			{"navigation dropped", !strings.Contains(a.Text, "Most read") && !strings.Contains(a.Text, "Privacy")},
			{"script dropped", !strings.Contains(a.Text, "extract me")},
			{"quote kept", strings.Contains(a.Text, "“We cannot wait for the next flood,” said")},
		}
		for _, c := range checks {
			if !c.ok {
				t.Errorf("%s: failed; text:\n%s\narticle: %+v", c.what, a.Text, a)
			}
		}
	}
}

// TestEdgeSpaces checks that the space between two sentences survives when
// it sits at the edge of an inline element, which trafilatura trims.
func TestEdgeSpaces(t *testing.T) {
	body := strings.Repeat("<p>Filler sentence that makes this page long enough to be an article for the extractor.</p>", 4)
	tests := []struct{ name, para, want string }{
		{"space inside em", `<p><em>Diálogo. </em>Larreta y Bullrich se reunieron en secreto para bajar la tensión.</p>`, "Diálogo. Larreta"},
		{"space after strong", `<p>Auch wenn der Gesetzgeber es nicht explizit benennt, ging es um das Ansehen. <strong>Die Beschneidung ist in keinem Staat untersagt. Das ist somit selbsterklärend.</strong> Der damit einhergehende Ansehensverlust war groß.</p>`, "selbsterklärend. Der"},
		{"space between inline elements", `<p><b>First part ends here.</b> <i>Second part starts here and goes on.</i></p>`, "here. Second"},
		{"no-break space after span", "<p><span>Vaccine for children</span>. <span>Am J Epidemiol</span> 2005 and more text here.</p>", "children. Am J"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body><article>" + tt.para + body + "</article></body></html>"
			a, err := Extract([]byte(page), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, tt.want) || strings.ContainsRune(a.Text, spaceMark) {
				t.Errorf("text %q does not contain %q", a.Text, tt.want)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		page []byte
		want error
	}{
		{"navigation only", mustRead(t, "testdata/nav.html"), ErrNoArticle},
		{"empty", nil, ErrNoArticle},
		{"not HTML", []byte("\x00\x01\x02 binary junk"), ErrNoArticle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(tt.page, "", "")
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if _, err := Extract([]byte{0x1f, 0x8b, 0, 0}, "", ""); err == nil || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("bad gzip: err = %v", err)
	}
	if _, err := HTML("broken.html.gz", []byte{0x1f, 0x8b, 1}); err == nil || !strings.Contains(err.Error(), "broken.html.gz") {
		t.Errorf("HTML error does not name the input: %v", err)
	}
}

func TestHTMLDocument(t *testing.T) {
	d, err := HTML("latin1.html", mustRead(t, "testdata/latin1.html"))
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "latin1.html" || d.URL != "" || !d.Published.IsZero() {
		t.Errorf("ID %q URL %q Published %v", d.ID, d.URL, d.Published)
	}
	if !strings.Contains(d.Text, "Müllerstraße") || d.Title != "Bürger klagen über Lärm an der Baustelle" {
		t.Errorf("charset not decoded: %q / %q", d.Title, d.Text)
	}
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func FuzzExtract(f *testing.F) {
	for _, p := range []string{"testdata/article.html", "testdata/latin1.html", "testdata/linebreaks.html", "testdata/nav.html"} {
		f.Add(mustRead(f, p))
	}
	f.Add([]byte("<p>a<br></p>"))
	f.Add([]byte{0x1f, 0x8b, 8, 0})
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := Extract(page, "", "")
		if err != nil {
			return
		}
		if strings.ContainsRune(a.Text, '\u00ad') || strings.Contains(a.Text, "\n\n\n") {
			t.Errorf("untidy text %q", a.Text)
		}
	})
}

func FuzzFragmentText(f *testing.F) {
	f.Add("<p>First.</p><p>Second.</p>")
	f.Add("plain")
	f.Add("<table><tr><td>x")
	f.Fuzz(func(t *testing.T, s string) {
		out := FragmentText(s)
		if strings.Contains(out, "\n\n\n") || strings.HasPrefix(out, " ") {
			t.Errorf("untidy text %q", out)
		}
	})
}

// BenchmarkExtract measures extraction of the testdata pages; pages/s is
// reported as a metric.
func BenchmarkExtract(b *testing.B) {
	pages, _ := filepath.Glob("testdata/*.html")
	var data [][]byte
	for _, p := range pages {
		data = append(data, mustRead(b, p))
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, p := range data {
			Extract(p, "", "")
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

func TestMarkEdgeSpaces(t *testing.T) {
	const m = string(spaceMark)
	tests := []struct{ in, want string }{
		{`<p><em>Diálogo. </em>Larreta</p>`, `<p><em>Diálogo.` + m + `</em>Larreta</p>`},
		{`<p><strong>a.</strong> Der</p>`, `<p><strong>a.</strong>` + m + `Der</p>`},
		{`<p><b>x</b> <i>y</i></p>`, `<p><b>x</b>` + m + `<i>y</i></p>`},
		{"<p>  plain  </p>", "<p>  plain  </p>"},
		{"<pre><b>x</b> y</pre>", "<pre><b>x</b> y</pre>"},
	}
	for _, tt := range tests {
		root, _ := html.Parse(strings.NewReader(tt.in))
		markEdgeSpaces(root)
		var b strings.Builder
		body := root.FirstChild.LastChild // <html><head/><body>
		for c := body.FirstChild; c != nil; c = c.NextSibling {
			html.Render(&b, c)
		}
		if b.String() != tt.want {
			t.Errorf("markEdgeSpaces(%q) = %q, want %q", tt.in, b.String(), tt.want)
		}
	}
}
