package storetest

import (
	"testing"
	"unicode/utf8"
)

// TestRecordSpans checks every span of many records indexes its text.
func TestRecordSpans(t *testing.T) {
	for i := range 500 {
		r := Record(i)
		if !utf8.ValidString(r.Text) {
			t.Fatalf("%s: invalid UTF-8", r.ID)
		}
		check := func(what string, start, end int, text string) {
			if start < 0 || end > len(r.Text) || start > end || (text != "" && r.Text[start:end] != text) {
				t.Fatalf("%s %s: [%d,%d) %q does not match text %q", r.ID, what, start, end, text, r.Text)
			}
		}
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				check(e.ID, m.Start, m.End, m.Text)
			}
		}
		for _, q := range r.Quotes {
			check(q.ID, q.Content.Start, q.Content.End, q.Content.Text)
			check(q.ID+" cue", q.Cue.Start, q.Cue.End, q.Cue.Text)
			check(q.ID+" speaker", q.Speaker.Mention.Start, q.Speaker.Mention.End, q.Speaker.Mention.Text)
		}
		if len(r.Quotes) != 3 || len(r.Entities) != 4 {
			t.Fatalf("%s: %d quotes, %d entities", r.ID, len(r.Quotes), len(r.Entities))
		}
	}
	if a, b := Record(7), Record(7); a.Text != b.Text {
		t.Error("not deterministic")
	}
}
