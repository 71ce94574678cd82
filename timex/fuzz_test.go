package timex

import (
	"testing"
	"time"
	"unicode/utf8"

	"newsgraph/doc"
	"newsgraph/text"
)

// FuzzTag checks that any text, with or without a reference date, never
// panics and yields expressions in text order that start and end on token
// boundaries, with a value shaped like TIMEX3 or empty.
func FuzzTag(f *testing.F) {
	for _, c := range loadCases(f) {
		var unix int64
		if c.ref != "" {
			unix = day(c.ref).Unix()
		}
		f.Add(c.text, unix)
	}
	f.Add("on 31/02/2022 at 25:61pm, mid-Foo, the 0s, 9999-99-99, 1.2.3, 12-13 March", int64(1648598400))
	f.Add("Wednesday, Sunday March 32nd, every 0 years, 1e9 years ago, the 0th century", int64(-62135596800))
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		if !utf8.ValidString(s) {
			s = text.Clean(s)
		}
		var ref time.Time
		if unix != 0 {
			ref = time.Unix(unix%(1<<40), 0).UTC()
		}
		d := &doc.Document{Text: s, Published: ref}
		text.NewTokenizer().Tokenize(d)
		text.Segment(d)
		Tag(d)
		starts, ends := map[int]bool{}, map[int]bool{}
		for _, tk := range d.Tokens {
			starts[tk.Start], ends[tk.End] = true, true
		}
		last := 0
		for _, x := range d.Times {
			if !x.Valid() || x.Start < last || x.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", x.Span, last, s)
			}
			if !starts[x.Start] || !ends[x.End] {
				t.Fatalf("span %v %q is not on token boundaries", x.Span, d.Str(x.Span))
			}
			for _, c := range []byte(x.Value) {
				if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '-' || c == ':' || c == '.' || c == '_') {
					t.Fatalf("value %q of %q has a stray character", x.Value, d.Str(x.Span))
				}
			}
			last = x.End
		}
	})
}
