package dedup

import (
	"testing"

	"newsgraph/doc"
)

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.Example.com/news/story?utm_source=x&utm_medium=y&fbclid=z#top", "//example.com/news/story"},
		{"http://example.com:80/news/story/", "//example.com/news/story"},
		{"https://example.com:8443/a", "//example.com:8443/a"},
		{"https://example.com/news/story/amp", "//example.com/news/story"},
		{"https://example.com/news/story/amp/", "//example.com/news/story"},
		{"https://example.com/amp/news/story", "//example.com/news/story"},
		{"https://example.com/news/story.amp", "//example.com/news/story"},
		{"https://amp.example.com/news/story?amp=1", "//example.com/news/story"},
		{"https://example.com/a?b=2&a=1&gclid=x", "//example.com/a?a=1&b=2"},
		{"https://example.com/article?id=42", "//example.com/article?id=42"},
		{"https://example.com/", "//example.com/"},
		{"https://example.com", "//example.com/"},
		{"ftp://example.com/a", ""},
		{"/relative/path", ""},
		{"", ""},
		{"http://[::1", ""},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSet(t *testing.T) {
	var s Set
	steps := []struct {
		name string
		d    doc.Document
		via  []string
		want bool
	}{
		{"first", doc.Document{ID: "https://example.com/a", URL: "https://example.com/a", Text: "Text A."}, nil, false},
		{"tracking copy", doc.Document{URL: "https://example.com/a?utm_campaign=feed", Text: "Text A, reworded."}, nil, true},
		{"amp copy", doc.Document{URL: "https://example.com/a/amp", Text: "Other text."}, nil, true},
		{"same text elsewhere", doc.Document{URL: "https://mirror.example.org/x", Text: "text  A."}, nil, true},
		{"new article", doc.Document{URL: "https://example.com/b", Text: "Text B."}, []string{"https://t.co/abc"}, false},
		{"reached by the short link again", doc.Document{URL: "https://example.com/b2", Text: "Text B2."}, []string{"https://t.co/abc"}, true},
		{"no URL, empty text", doc.Document{ID: "file.html"}, nil, false},
		{"no URL, empty text again", doc.Document{ID: "other.html"}, nil, false},
	}
	for _, st := range steps {
		if got := s.Seen(&st.d, st.via...); got != st.want {
			t.Errorf("%s: Seen = %v, want %v", st.name, got, st.want)
		}
	}
	if !s.HasURL("http://www.example.com/b?fbclid=1") || s.HasURL("https://example.com/c") {
		t.Error("HasURL wrong")
	}
}

func FuzzCanonical(f *testing.F) {
	f.Add("https://www.example.com/a/amp?utm_source=x&b=1#f")
	f.Add("http://[::1]:80/%zz")
	f.Fuzz(func(t *testing.T, u string) {
		c := Canonical(u)
		if c == "" {
			return
		}
		// Canonical is idempotent on its own output.
		if again := Canonical("https:" + c); again != c {
			t.Errorf("Canonical(%q) = %q, then %q", u, c, again)
		}
	})
}
