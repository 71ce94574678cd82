package fetch

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/input"
)

func TestFeed(t *testing.T) {
	srv, mux := site(t, "User-agent: *\nDisallow: /blocked\n")
	mux.HandleFunc("/news/one", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("Story one", "First story."))
	})
	mux.HandleFunc("/news/copy", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("Story one", "First story."))
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>`+srv.URL+`/</link>
<item><title>One</title><link>/news/one</link><pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate></item>
<item><title>One again</title><link>/news/one?utm_source=rss&amp;fbclid=x</link></item>
<item><title>Same text elsewhere</title><link>/news/copy</link></item>
<item><title>Gone</title><link>/news/gone</link><pubDate>2024-03-06 10:00</pubDate><description>&lt;p&gt;The page is gone.&lt;/p&gt;&lt;p&gt;The summary stays.&lt;/p&gt;</description></item>
<item><title>Blocked</title><link>/blocked/x</link></item>
<item><title>Text only</title><description>A feed item with its own text and no link.</description></item>
</channel></rss>`)
	})
	var items []input.Item
	var progress bytes.Buffer
	o := testOpts()
	o.Retries = -1
	o.Progress = &progress
	err := New(o).Feed(context.Background(), srv.URL+"/feed.xml", func(it input.Item) { items = append(items, it) })
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		name, title, text, err string
	}
	wants := []want{
		{srv.URL + "/news/one", "Story one", "First story.", ""},
		{srv.URL + "/news/gone", "Gone", "The page is gone.\n\nThe summary stays.", ""},
		{srv.URL + "/blocked/x", "", "", "robots.txt"},
		{srv.URL + "/feed.xml#item6", "Text only", "A feed item with its own text and no link.", ""},
	}
	if len(items) != len(wants) {
		for _, it := range items {
			t.Logf("%s %v", it.Name, it.Err)
		}
		t.Fatalf("%d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		if it.Name != w.name {
			t.Errorf("item %d: name %q, want %q", i, it.Name, w.name)
		}
		if w.err != "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("item %d: err %v, want %q", i, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("item %d: %v", i, it.Err)
			continue
		}
		if it.Doc.Title != w.title || !strings.HasPrefix(it.Doc.Text, w.text) {
			t.Errorf("item %d: title %q text %q", i, it.Doc.Title, it.Doc.Text)
		}
	}
	if d := items[1].Doc; d.Published.Format("2006-01-02") != "2024-03-06" {
		t.Errorf("fallback item date %v", d.Published)
	}
	if !strings.Contains(progress.String(), "6/6") {
		t.Errorf("progress bar output %q", progress.String())
	}
}

func TestFeedFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "feed.json")
	os.WriteFile(name, []byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"Local","content_text":"Local text of the item."}]}`), 0o644)
	var items []input.Item
	if err := New(Options{}).Feed(context.Background(), name, func(it input.Item) { items = append(items, it) }); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Err != nil || items[0].Doc.Text != "Local text of the item." {
		t.Fatalf("items %+v", items)
	}
	bad := filepath.Join(dir, "page.html")
	os.WriteFile(bad, []byte("<html><body>not a feed</body></html>"), 0o644)
	if err := New(Options{}).Feed(context.Background(), bad, func(input.Item) {}); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("non-feed file: err = %v", err)
	}
	if err := New(Options{}).Feed(context.Background(), filepath.Join(dir, "missing.xml"), func(input.Item) {}); err == nil {
		t.Error("missing file: no error")
	}
}
