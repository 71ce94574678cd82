package timex

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"newsgraph/doc"
	"newsgraph/text"
)

// tagText runs the text stages and Tag on one text.
func tagText(txt string, ref time.Time) *doc.Document {
	d := &doc.Document{Text: txt, Published: ref}
	text.NewTokenizer().Tokenize(d)
	text.Segment(d)
	Tag(d)
	return d
}

// describe renders d.Times as "text=value" items (with "@TYPE" for types
// other than DATE) joined by "; ".
func describe(d *doc.Document) string {
	var b strings.Builder
	for i, x := range d.Times {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(d.Str(x.Span))
		b.WriteByte('=')
		b.WriteString(x.Value)
		if x.Type != doc.Date {
			b.WriteByte('@')
			b.WriteString(x.Type.String())
		}
	}
	return b.String()
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// tagCase is one line of testdata/cases.tsv: a sentence with its reference
// date and every expression the tagger must find in it ("" means none).
// known marks a case the tagger gets wrong today: it counts in the scores
// but does not fail TestTag.
type tagCase struct {
	line            int
	ref, text, want string
	known           bool
}

func loadCases(tb testing.TB) []tagCase {
	tb.Helper()
	const path = "testdata/cases.tsv"
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var cases []tagCase
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || len(f) > 4 || len(f) == 4 && f[3] != "known" {
			tb.Fatalf("%s:%d: want ref<TAB>text<TAB>want[<TAB>known], got %q", path, i+1, line)
		}
		if f[0] != "" {
			if _, err := time.Parse("2006-01-02", f[0]); err != nil {
				tb.Fatalf("%s:%d: bad reference date %q", path, i+1, f[0])
			}
		}
		cases = append(cases, tagCase{line: i + 1, ref: f[0], text: f[1], want: f[2], known: len(f) == 4})
	}
	return cases
}

func TestTag(t *testing.T) {
	for _, c := range loadCases(t) {
		got := describe(tagText(c.text, day(c.ref)))
		switch {
		case got != c.want && !c.known:
			t.Errorf("cases.tsv:%d ref %s %q:\n got  %s\n want %s", c.line, c.ref, c.text, got, c.want)
		case got == c.want && c.known:
			t.Logf("cases.tsv:%d known miss now passes, drop its flag: %q", c.line, c.text)
		}
	}
}

// TestTagScores reports value precision, recall and F1 over the table in two
// ways: strict (an expression is correct when its text and value equal an
// expected one) and as the gold scorer matches (its value equals that of an
// expected expression it shares a word with). The known misses are what
// keeps the figures below 100.
func TestTagScores(t *testing.T) {
	cases := loadCases(t)
	var strict, loose, points score
	for _, c := range cases {
		got := splitItems(describe(tagText(c.text, day(c.ref))))
		want := splitItems(c.want)
		strict.add(got, want, func(g, w string) bool { return g == w })
		loose.add(got, want, overlapMatch)
		points.add(onlyPoints(got), onlyPoints(want), overlapMatch)
	}
	t.Logf("table: %d cases, %d expected expressions", len(cases), strict.tp+strict.fn)
	t.Logf("strict text+value: %s", strict)
	t.Logf("word overlap+value: %s", loose)
	t.Logf("points only, word overlap+value: %s", points)
	if p, r := strict.prf(); p < 0.95 || r < 0.95 {
		t.Errorf("table scores fell: %s", strict)
	}
}

// score counts matches of found against expected items; each expected item
// matches at most once.
type score struct{ tp, fp, fn int }

func (s *score) add(got, want []string, match func(g, w string) bool) {
	used := make([]bool, len(want))
	for _, g := range got {
		found := false
		for j, w := range want {
			if !used[j] && match(g, w) {
				used[j], found = true, true
				break
			}
		}
		if found {
			s.tp++
		} else {
			s.fp++
		}
	}
	for _, u := range used {
		if !u {
			s.fn++
		}
	}
}

func (s score) prf() (p, r float64) { return ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn) }

func (s score) String() string {
	p, r := s.prf()
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.1f R %.1f F1 %.1f (tp %d fp %d fn %d)", 100*p, 100*r, 100*f, s.tp, s.fp, s.fn)
}

// onlyPoints keeps the DATE and TIME items with a calendar value: what a
// point-in-time parser such as chrono-node can express (compare.mjs).
func onlyPoints(items []string) []string {
	var out []string
	for _, x := range items {
		_, v, _ := strings.Cut(x, "=")
		if strings.HasSuffix(v, "@DURATION") || strings.HasSuffix(v, "@SET") || strings.HasPrefix(v, "P") || strings.HasSuffix(v, "_REF") {
			continue
		}
		out = append(out, x)
	}
	return out
}

// overlapMatch compares "text=value@TYPE" items the way the gold scorer
// does: same value (the type is not scored) and at least one shared word.
func overlapMatch(g, w string) bool {
	gt, gv, _ := strings.Cut(g, "=")
	wt, wv, _ := strings.Cut(w, "=")
	gv, _, _ = strings.Cut(gv, "@")
	wv, _, _ = strings.Cut(wv, "@")
	if gv != wv {
		return false
	}
	words := strings.Fields(strings.ToLower(wt))
	for _, x := range strings.Fields(strings.ToLower(gt)) {
		for _, y := range words {
			if x == y {
				return true
			}
		}
	}
	return false
}

func splitItems(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "; ")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
