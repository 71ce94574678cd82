package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParse(t *testing.T) {
	type want struct {
		title, link string
		published   time.Time
		authors     string
		content     string
	}
	tests := []struct {
		file, base, feedTitle string
		items                 []want
	}{
		{"rss2.xml", "https://gazette.example.org/feed.xml", "Northshore Gazette", []want{
			{"Sea wall approved", "https://gazette.example.org/news/sea-wall", date("2024-03-05T09:30:00+01:00"), "Maria Lindqvist", "<p>The council voted.</p><p>Work starts next month.</p>"},
			{"Odd date", "https://gazette.example.org/news/odd-date", date("2024-03-06T14:02:11Z"), "", "<p>Escaped HTML summary.</p>"},
			{"No date, no link", "", time.Time{}, "", "Only text."},
		}},
		{"rss091.xml", "", "Alte Zeitung", []want{
			{"Bürger klagen", "http://zeitung.example.de/artikel/1", time.Time{}, "", "Lärm an der Baustelle."},
		}},
		{"rss090.rdf", "", "Old Portal", []want{
			{"First story", "http://portal.example.com/story/1", time.Time{}, "", ""},
			{"Second story", "http://portal.example.com/story/2", time.Time{}, "", ""},
		}},
		{"atom.xml", "https://blog.example.net/atom.xml", "Example Blog", []want{
			{"Atom entry", "https://blog.example.net/posts/atom-entry", date("2024-03-04T08:00:00+02:00"), "Jo Smith", "<p>Entry body.</p>"},
			{"Updated only", "https://blog.example.net/posts/updated", date("2024-03-07T10:00:00Z"), "", "Summary only."},
		}},
		{"feed.json", "https://json.example.com/feed.json", "JSON News", []want{
			{"JSON item", "https://json.example.com/a", date("2024-03-05T09:30:00Z"), "Ann Lee", "<p>JSON body.</p>"},
			{"Relative", "https://json.example.com/b", date("2024-03-06T09:30:00+01:00"), "", "Plain body."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(read(t, tt.file), tt.base)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.feedTitle {
				t.Errorf("feed title %q, want %q", f.Title, tt.feedTitle)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("%d items, want %d: %+v", len(f.Items), len(tt.items), f.Items)
			}
			for i, w := range tt.items {
				it := f.Items[i]
				if it.Title != w.title || it.Link != w.link || !it.Published.Equal(w.published) ||
					strings.Join(it.Authors, "; ") != w.authors || strings.TrimSpace(it.Content) != w.content {
					t.Errorf("item %d:\n got %q %q %v %q %q\nwant %q %q %v %q %q", i,
						it.Title, it.Link, it.Published, it.Authors, it.Content,
						w.title, w.link, w.published, w.authors, w.content)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"html page", "<!DOCTYPE html><html><body><p>not a feed</p></body></html>"},
		{"empty", ""},
		{"json that is not a feed", `{"hello": "world"}`},
		{"truncated rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.in), "")
			if err == nil {
				t.Fatalf("no error, got %+v", f)
			}
			if tt.name != "truncated rss" && !errors.Is(err, ErrNotFeed) {
				t.Errorf("err = %v, want ErrNotFeed", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, n := range []string{"rss2.xml", "rss091.xml", "rss090.rdf", "atom.xml", "feed.json"} {
		f.Add(read(f, n))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := Parse(data, "https://example.org/feed")
		if err != nil {
			return
		}
		for _, it := range fd.Items {
			if it.Link != "" && !strings.Contains(it.Link, ":") {
				t.Errorf("relative link %q left unresolved", it.Link)
			}
		}
	})
}
