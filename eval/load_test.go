package eval

import (
	"strings"
	"testing"
)

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bad json", "{\"id\": \"a\"}\n{\"id\": \n", "gold.jsonl:2: invalid JSON"},
		{"extra data", `{"id": "a"} {"id": "b"}`, "gold.jsonl:1: invalid JSON: extra data"},
		{"not an object", "\n[1, 2]\n", "gold.jsonl:2: want a JSON object, got a list"},
		{"no id", `{"text": "x"}`, `gold.jsonl:1: record has no "id"`},
		{"number id", `{"id": 7}`, `gold.jsonl:1: "id" must be a string, got a number`},
		{"bad utf-8", "{\"id\": \"a\"}\r\n{\"id\": \"\xff\"}", "gold.jsonl:2: invalid UTF-8"},
		{"nan", `{"id": "a", "v": NaN}`, "gold.jsonl:1: invalid JSON"},
	}
	for _, tt := range tests {
		err := NewSet().Read("gold.jsonl", strings.NewReader(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want prefix %q", tt.name, err, tt.want)
		}
	}
}

func TestReadLines(t *testing.T) {
	// Python's text files end lines at \n, \r\n and \r; blank and
	// white-space lines are skipped; a repeated id replaces the record but
	// keeps its place.
	in := "{\"id\": \"a\", \"n\": 1}\r\n\r\n \u00a0\n{\"id\": \"b\"}\r{\"id\": \"a\", \"n\": 2}\n\t{\"id\": \"c\"}\x1c"
	s := NewSet()
	if err := s.Read("x.jsonl", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.IDs(), ","); got != "a,b,c" {
		t.Errorf("ids %s, want a,b,c", got)
	}
	if n := s.Record("a")["n"]; n == nil || n.(interface{ String() string }).String() != "2" {
		t.Errorf("record a has n = %v, want the later line's 2", n)
	}
}

func TestScoreErrors(t *testing.T) {
	tests := []struct {
		name, gold, sys, want string
	}{
		{"gold quote without content", `{"id": "a", "quotes": [{"kind": "direct"}]}`, `{"id": "a", "quotes": [{"content": "x"}]}`, `gold quotes[0] has no "content"`},
		{"gold quote without kind", `{"id": "a", "quotes": [{"content": "x"}]}`, `{"id": "a"}`, `gold quotes[0] has no "kind"`},
		{"quotes not a list", `{"id": "a"}`, `{"id": "a", "quotes": {"q": 1}}`, "system quotes: want a list, got an object"},
		{"quote not an object", `{"id": "a"}`, `{"id": "a", "quotes": ["x"]}`, "system quotes[0]: want an object, got a string"},
		{"entity type", `{"id": "a"}`, `{"id": "a", "entities": [{"name": "X", "type": 3}]}`, "system entities[0].type: want a string, got a number"},
		{"entity name", `{"id": "a"}`, `{"id": "a", "entities": [{"name": ["X"], "type": "ORG"}]}`, "system entities[0].name: want a string, got a list"},
		{"time text", `{"id": "a", "published": "2024-01-01", "times": [{"text": "in 2024", "value": "2024"}]}`,
			`{"id": "a", "times": [{"text": 5, "value": "2024"}]}`, "system times[0].text: want a string, got a number"},
		{"gold time", `{"id": "a", "published": "2024-01-01", "times": ["x"]}`,
			`{"id": "a", "times": [{"text": "in 2024", "value": "2024"}]}`, "gold times[0]: want an object, got a string"},
		{"gold speaker", `{"id": "a", "quotes": [{"kind": "direct", "content": "x y", "speaker": {"name": "A"}}]}`,
			`{"id": "a", "quotes": [{"content": "x y", "speaker": "A"}]}`, "gold speaker: want a string, got an object"},
	}
	for _, tt := range tests {
		gold, sys := NewSet(), NewSet()
		if err := gold.Read("gold", strings.NewReader(tt.gold)); err != nil {
			t.Fatal(err)
		}
		if err := sys.Read("sys", strings.NewReader(tt.sys)); err != nil {
			t.Fatal(err)
		}
		_, _, err := Score(gold, sys)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), `article "a"`) {
			t.Errorf("%s: error %v, want one naming the article and %q", tt.name, err, tt.want)
		}
	}
}

// TestScoreLazyErrors: score.py reads gold quote contents and time texts
// only when it compares them, so bad ones that are never compared are no
// error there, and must be none here (outputs checked against score.py).
func TestScoreLazyErrors(t *testing.T) {
	tests := []struct {
		name, gold, sys string
		check           func(*Result) bool
	}{
		{"gold quote without content, no system quotes", `{"id": "a", "quotes": [{"kind": "direct"}]}`, `{"id": "a"}`,
			func(r *Result) bool { return r.Quotes.Gold == 1 && r.Quotes.System == 0 }},
		{"bad system time text, no gold times", `{"id": "a", "published": "2024-01-01"}`, `{"id": "a", "times": [{"text": 5, "value": "2024"}]}`,
			func(r *Result) bool { return r.Times.System == 1 && r.Times.Gold == 0 }},
		{"bad gold time, no system times", `{"id": "a", "published": "2024-01-01", "times": ["x"]}`, `{"id": "a"}`,
			func(r *Result) bool { return r.Times.System == 0 && r.Times.Gold == 1 }},
	}
	for _, tt := range tests {
		gold, sys := NewSet(), NewSet()
		if err := gold.Read("gold", strings.NewReader(tt.gold)); err != nil {
			t.Fatal(err)
		}
		if err := sys.Read("sys", strings.NewReader(tt.sys)); err != nil {
			t.Fatal(err)
		}
		res, _, err := Score(gold, sys)
		if err != nil || !tt.check(res) {
			t.Errorf("%s: %+v, %v", tt.name, res, err)
		}
	}
}

func TestDiffs(t *testing.T) {
	gold, sys := NewSet(), NewSet()
	if err := gold.Read("gold", strings.NewReader(`{"id": "a", "quotes": [`+
		`{"kind": "direct", "content": "we will win the war", "speaker": "Ann Lee"},`+
		`{"kind": "indirect", "content": "taxes will rise next year", "speaker": "Bo Chan"},`+
		`{"kind": "indirect", "content": "nobody knows", "speaker": null}]}`)); err != nil {
		t.Fatal(err)
	}
	if err := sys.Read("sys", strings.NewReader(`{"id": "a", "quotes": [`+
		`{"kind": "direct", "content": "we will win", "speaker": {"name": "he", "mention": {"text": "Lee"}}},`+
		`{"kind": "indirect", "content": "taxes will rise", "speaker": "Ann Lee"},`+
		`{"kind": "indirect", "content": "the sky is green", "speaker": "Bo Chan"}]}`)); err != nil {
		t.Fatal(err)
	}
	_, diffs, err := Score(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) != 1 {
		t.Fatalf("%d diffs, want 1", len(diffs))
	}
	d := diffs[0]
	if len(d.Missed) != 1 || d.Missed[0].Content != "nobody knows" {
		t.Errorf("missed %+v, want the unattributed gold quote", d.Missed)
	}
	if len(d.Spurious) != 1 || d.Spurious[0].Content != "the sky is green" {
		t.Errorf("spurious %+v", d.Spurious)
	}
	if len(d.WrongSpeaker) != 1 || d.WrongSpeaker[0].System.Speaker != "Ann Lee" || d.WrongSpeaker[0].Gold.Speaker != "Bo Chan" {
		t.Errorf("wrong speakers %+v", d.WrongSpeaker)
	}
	var b strings.Builder
	if err := WriteDiffs(&b, diffs); err != nil {
		t.Fatal(err)
	}
	want := `== a: 1 missed, 1 spurious, 1 wrong speaker
  missed   indirect "nobody knows"  <- (none)
  spurious indirect "the sky is green"  <- "Bo Chan"
  speaker  indirect "taxes will rise next year"  <- "Ann Lee", want "Bo Chan"
`
	if b.String() != want {
		t.Errorf("WriteDiffs:\n%s\nwant:\n%s", b.String(), want)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"id": "a", "quotes": [{"kind": "direct", "content": "x", "speaker": {"name": "A", "mention": "a"}}]}`))
	f.Add([]byte("{\"id\": \"a\"}\r\n\r{\"id\": \"b\", \"times\": [{\"text\": \"in 2014\", \"value\": 2014.0}]}"))
	f.Add([]byte(`{"id": "a", "entities": [{"name": "Mr X's", "type": "gpe"}], "published": "2020-01-01"}`))
	f.Add([]byte("[1]\n{\"id\":"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := NewSet()
		err := s.Read("fuzz.jsonl", strings.NewReader(string(data)))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.jsonl") {
				t.Fatalf("error %q does not name the input", err)
			}
			return
		}
		// Whatever was read must score against itself without a panic.
		if _, _, err := Score(s, s); err != nil && !strings.Contains(err.Error(), "article ") {
			t.Fatalf("error %q does not name the article", err)
		}
	})
}

func BenchmarkScore(b *testing.B) {
	gold, sys := NewSet(), NewSet()
	for _, p := range []string{"testdata/gold-seed.jsonl", "testdata/gold-bbc.jsonl"} {
		if err := gold.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	}
	if err := sys.ReadFile("testdata/sys-noisy-1.jsonl"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := Score(gold, sys); err != nil {
			b.Fatal(err)
		}
	}
}
