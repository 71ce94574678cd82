package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testPage = `<!DOCTYPE html><html><head><title>Talks stall | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2022-03-30T10:00:00Z">
<link rel="canonical" href="%s/news/talks"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks stall</h1>
<p>Kremlin spokesman Dmitry Peskov on Wednesday warned against excessive optimism about the talks in Istanbul.</p>
<p>"As for the rest, so far, we cannot state anything very promising," Peskov underlined on Wednesday.</p>
<p>Kiev insists the Russian offensive was completely unprovoked and has denied claims it planned an attack.</p>
</article><footer>Copyright Example News</footer></body></html>`

// TestAnalyzeWeb reads an article page three ways (a local .html file, a
// URL and a feed item linking to the same page) and checks that the page's
// metadata lands in the record and that the article reached twice over the
// web is analysed once.
func TestAnalyzeWeb(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case "/news/talks", "/news/talks-amp":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, testPage, srv.URL)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>
<item><title>Talks stall</title><link>%s/news/talks-amp?utm_source=rss</link><pubDate>Wed, 30 Mar 2022 10:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	page := filepath.Join(t.TempDir(), "talks.html")
	local := strings.Replace(fmt.Sprintf(testPage, "https://example.org"), "in Istanbul", "in Istanbul on Tuesday", 1)
	if err := os.WriteFile(page, []byte(local), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"analyze", "--allow-private", "--per-host", "0", "--workers", "1",
		page, srv.URL + "/news/talks", "--feed", srv.URL + "/feed.xml"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d records, want 2 (the file, and the URL once although the feed links to it too):\n%s", len(lines), stdout.String())
	}
	for _, line := range lines {
		var rec struct {
			Title, Site, Published string
			Authors                []string
			Text                   string
			Quotes                 []struct{ Kind string }
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.Title != "Talks stall" || rec.Site != "Example News" || rec.Published != "2022-03-30" || len(rec.Authors) != 1 || rec.Authors[0] != "Jane Smith" {
			t.Errorf("metadata: title %q site %q published %q authors %q", rec.Title, rec.Site, rec.Published, rec.Authors)
		}
		if strings.Contains(rec.Text, "Home") || strings.Contains(rec.Text, "Copyright") {
			t.Errorf("boilerplate in text: %q", rec.Text)
		}
		if len(rec.Quotes) < 3 {
			t.Errorf("got %d statements, want at least 3: %q", len(rec.Quotes), rec.Text)
		}
	}
}

func TestAnalyzeRefusesPrivateURLs(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<p>hi</p>") }))
	defer srv.Close()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"analyze", srv.URL + "/x"}, &stdout, &stderr); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), srv.URL+"/x") {
		t.Errorf("stderr does not name the URL: %s", stderr.String())
	}
}
