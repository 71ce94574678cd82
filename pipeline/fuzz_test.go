package pipeline

import (
	"encoding/json"
	"testing"
	"time"

	"newsgraph/doc"
)

// FuzzAnalyze runs the whole pipeline on any text and checks the record's
// contract: it marshals, and every span's code-point offsets cut its own
// text out of the record's text.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		`"We will win," Peskov said on Wednesday.`,
		"Kiev insists the offensive was unprovoked and has denied claims.\n\n\"A\" \"B",
		"According to the BBC, Mr. Smith – “who” – said: ‘no’ last month.The end.",
		"Ünïcödé names: José Müller said “naïve” things in São Paulo in 2014.",
		"\xff\x00", "", "\"", "He said:\n\n\"",
	} {
		f.Add(s)
	}
	p := New()
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{Text: s, Published: time.Date(2022, 3, 30, 0, 0, 0, 0, time.UTC)}
		p.Analyze(d)
		rec := d.Record()
		if _, err := json.Marshal(rec); err != nil {
			t.Fatalf("marshal: %v", err)
		}
		runes := []rune(rec.Text)
		check := func(what string, start, end int, text string) {
			if start < 0 || end > len(runes) || start > end {
				t.Fatalf("%s span [%d,%d) outside text of %d code points", what, start, end, len(runes))
			}
			if text != "" && string(runes[start:end]) != text {
				t.Fatalf("%s span [%d,%d) is %q, record says %q", what, start, end, string(runes[start:end]), text)
			}
		}
		for _, e := range rec.Entities {
			for _, m := range e.Mentions {
				check("mention", m.Start, m.End, m.Text)
			}
		}
		for _, q := range rec.Quotes {
			check("content", q.Content.Start, q.Content.End, q.Content.Text)
			if q.Cue != nil {
				check("cue", q.Cue.Start, q.Cue.End, q.Cue.Text)
			}
			if q.Speaker != nil {
				check("speaker", q.Speaker.Mention.Start, q.Speaker.Mention.End, q.Speaker.Mention.Text)
			}
		}
		for _, tm := range rec.Times {
			check("time", tm.Start, tm.End, tm.Text)
		}
	})
}
