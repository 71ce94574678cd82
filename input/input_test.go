package input

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readAll runs Read over args and returns the items.
func readAll(t *testing.T, r *Reader, args ...string) []Item {
	t.Helper()
	ch := make(chan Item)
	go r.Read(context.Background(), args, ch)
	var items []Item
	for it := range ch {
		items = append(items, it)
	}
	return items
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/1.txt", "Headline here\n\nBody text. More.")
	write(t, dir, "a/2.txt", "\xff\xfe bad")
	write(t, dir, "a/3.txt", "")
	write(t, dir, "a/4.txt", "bin\x00ary")
	write(t, dir, "a/skip.bin", "not read in directories")
	write(t, dir, "b.jsonl", `{"id":"x","text":"Hello world.","published":"2022-03-30","title":"T"}`+"\n"+
		"{broken\n\n"+`{"id":"y","title":"no text"}`+"\n"+`{"id":"z","text":"Later.","published":"2022-03-30T23:10:00+03:00"}`+"\n")
	r := &Reader{Published: time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)}
	items := readAll(t, r, filepath.Join(dir, "a"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "missing.txt"))

	type want struct {
		name, err, title, text, published string
	}
	wants := []want{
		{"a/1.txt", "", "Headline here", "\nBody text. More.", "2005-01-01"},
		{"a/2.txt", "invalid UTF-8 at byte 0", "", "", ""},
		{"a/3.txt", "empty text", "", "", ""},
		{"a/4.txt", "binary data", "", "", ""},
		{"b.jsonl:1", "", "T", "Hello world.", "2022-03-30"},
		{"b.jsonl:2", "bad JSON", "", "", ""},
		{"b.jsonl:4", `no "text" field`, "", "", ""},
		{"b.jsonl:5", "", "", "Later.", "2022-03-30"},
		{"missing.txt", "no such file", "", "", ""},
	}
	if len(items) != len(wants) {
		for _, it := range items {
			t.Logf("%s %v", it.Name, it.Err)
		}
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		if !strings.HasSuffix(it.Name, w.name) {
			t.Errorf("item %d name %q, want suffix %q", i, it.Name, w.name)
		}
		if w.err != "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("%s: err %v, want %q", w.name, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: unexpected error %v", w.name, it.Err)
			continue
		}
		if it.Doc.Title != w.title || it.Doc.Text != w.text || it.Doc.Published.Format("2006-01-02") != w.published {
			t.Errorf("%s: got title %q text %q published %s", w.name, it.Doc.Title, it.Doc.Text, it.Doc.Published.Format("2006-01-02"))
		}
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct{ in, title string }{
		{"Kennedy looks to election gains\n\nThey may not know.", "Kennedy looks to election gains"},
		{"UKIP's secret weapon?\n\nBy any measure.", "UKIP's secret weapon?"},
		{"© Stringer / Anadolu Agency via Getty Images\n\nRussian troops.", ""},
		{"This is a full sentence.\n\nAnother.", ""},
		{"No blank line\nafter it.", ""},
	}
	for _, tc := range tests {
		title, _, _ := splitHeadline(tc.in)
		if title != tc.title {
			t.Errorf("splitHeadline(%q) title = %q, want %q", tc.in, title, tc.title)
		}
	}
}

func TestStdin(t *testing.T) {
	Stdin = strings.NewReader("  \n{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n")
	defer func() { Stdin = os.Stdin }()
	items := readAll(t, &Reader{}, "-")
	if len(items) != 2 || items[0].Name != "stdin:1" || items[1].Doc.Text != "Two." {
		t.Fatalf("stdin JSONL items: %+v", items)
	}
	Stdin = strings.NewReader("Plain text article.")
	items = readAll(t, &Reader{}, "-")
	if len(items) != 1 || items[0].Err != nil || items[0].Doc.Text != "Plain text article." {
		t.Fatalf("stdin text items: %+v", items)
	}
}

// FuzzJSONL feeds arbitrary bytes as a JSON Lines input: every line is an
// article or an error naming its line, never a panic.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"x","text":"Hello."}`))
	f.Add([]byte("{\n}\n\xff"))
	f.Add([]byte(`{"text":"a","published":"2022-13-45"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		Stdin = strings.NewReader("{" + string(data))
		defer func() { Stdin = os.Stdin }()
		for _, it := range readAll(t, &Reader{}, "-") {
			if it.Err == nil && (it.Doc == nil || strings.TrimSpace(it.Doc.Text) == "") {
				t.Fatalf("item %s has no error and no text", it.Name)
			}
			if !strings.HasPrefix(it.Name, "stdin") {
				t.Fatalf("item name %q", it.Name)
			}
		}
	})
}

// FuzzText feeds arbitrary bytes as a plain-text file.
func FuzzText(f *testing.F) {
	f.Add([]byte("Title\n\nBody."))
	f.Add([]byte("\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := (&Reader{}).plain("f.txt", data)
		if err == nil && (d == nil || strings.TrimSpace(d.Text) == "") {
			t.Fatal("no error and no text")
		}
	})
}
