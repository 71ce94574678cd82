package doc

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestRecordOffsets checks the contract's code-point offsets on text with
// multi-byte characters before and inside the spans.
func TestRecordOffsets(t *testing.T) {
	text := "«Ça va», dit Zoë Müller à Kyiv le 30 mars."
	span := func(s string) Span {
		for i := 0; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return Span{Start: i, End: i + len(s)}
			}
		}
		t.Fatalf("%q not in text", s)
		return Span{}
	}
	d := &Document{ID: "x", Text: text, Published: time.Date(2022, 3, 30, 0, 0, 0, 0, time.UTC)}
	d.Mentions = []Mention{{Span: span("Zoë Müller"), Type: Person, Entity: 0}, {Span: span("Kyiv"), Type: GPE, Entity: 1}}
	d.Entities = []Entity{{Type: Person, Name: span("Zoë Müller"), Mentions: []int{0}}, {Type: GPE, Name: span("Kyiv"), Mentions: []int{1}}}
	d.Statements = []Statement{{Kind: Direct, Content: span("Ça va"), Cue: span("dit"), CueLemma: "dire",
		Speaker: &Speaker{Mention: span("Zoë Müller"), Entity: 0, Kind: PersonSpeaker}, Confidence: 0.9}}
	d.Times = []Timex{{Span: span("30 mars"), Type: Date, Value: "2022-03-30"}}
	rec := d.Record()
	runes := []rune(text)
	cut := func(s RecordSpan) string { return string(runes[s.Start:s.End]) }
	tests := []struct {
		what string
		got  RecordSpan
		want string
	}{
		{"mention", rec.Entities[0].Mentions[0], "Zoë Müller"},
		{"place", rec.Entities[1].Mentions[0], "Kyiv"},
		{"content", rec.Quotes[0].Content, "Ça va"},
		{"speaker", rec.Quotes[0].Speaker.Mention, "Zoë Müller"},
		{"cue", RecordSpan{Start: rec.Quotes[0].Cue.Start, End: rec.Quotes[0].Cue.End}, "dit"},
		{"time", RecordSpan{Start: rec.Times[0].Start, End: rec.Times[0].End}, "30 mars"},
	}
	for _, tc := range tests {
		if cut(tc.got) != tc.want {
			t.Errorf("%s: offsets [%d,%d) cut %q, want %q", tc.what, tc.got.Start, tc.got.End, cut(tc.got), tc.want)
		}
	}
	if rec.Quotes[0].Speaker.Name != "Zoë Müller" || *rec.Quotes[0].Speaker.Entity != "E1" || rec.Quotes[0].Speaker.Kind != "person" {
		t.Errorf("speaker = %+v", rec.Quotes[0].Speaker)
	}
	if rec.Published == nil || *rec.Published != "2022-03-30" || rec.Title != nil {
		t.Errorf("published %v title %v", rec.Published, rec.Title)
	}
	if _, err := json.Marshal(rec); err != nil {
		t.Fatal(err)
	}
}

// runeTable is the table runeIndex replaced, one entry per byte: the
// reference for its offsets.
func runeTable(s string) []int {
	pos := make([]int, len(s)+1)
	n := 0
	for i := 0; i < len(s); i++ {
		if !utf8.RuneStart(s[i]) {
			pos[i] = n - 1 // inside a rune: round down to its start
			continue
		}
		pos[i] = n
		n++
	}
	pos[len(s)] = n
	return pos
}

func checkRuneIndex(t *testing.T, s string) {
	t.Helper()
	ri := newRuneIndex(s)
	for b, want := range runeTable(s) {
		if got := ri.at(b); got != want {
			t.Fatalf("%q: at(%d) = %d, want %d", s, b, got, want)
		}
	}
}

func TestRuneIndex(t *testing.T) {
	for _, s := range []string{"", "ascii only", "é", "«Ça va», dit Zoë", "£5bn 😀 x", "\xff\x80\x80a\xc3", "日本語のテキスト"} {
		checkRuneIndex(t, s)
	}
}

func FuzzRuneIndex(f *testing.F) {
	f.Add("«Ça va», dit Zoë")
	f.Add("\xff\x80a")
	f.Fuzz(checkRuneIndex)
}

func BenchmarkRecord(b *testing.B) {
	text := strings.Repeat("Kremlin spokesman Dmitry Peskov said “talks” on £5bn aid had stalled. ", 40)
	d := &Document{ID: "x", Text: text}
	for i := 0; i+70 <= len(text); i += 70 {
		d.Sentences = append(d.Sentences, Sentence{Span: Span{Start: i, End: i + 70}})
		d.Mentions = append(d.Mentions, Mention{Span: Span{Start: i + 18, End: i + 31}, Type: Person, Entity: 0})
	}
	ms := make([]int, len(d.Mentions))
	for i := range ms {
		ms[i] = i
	}
	d.Entities = []Entity{{Type: Person, Name: d.Mentions[0].Span, Mentions: ms}}
	b.ReportAllocs()
	for b.Loop() {
		d.Record()
	}
}
