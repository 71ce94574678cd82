package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// WriteText writes the report as score.py prints it.
func WriteText(w io.Writer, r *Result) error {
	var b strings.Builder
	line := func(label string, p PRF) {
		fmt.Fprintf(&b, "%s P %s  R %s  F1 %s  (sys %d, gold %d)\n",
			label, formatRate(p.Precision), formatRate(p.Recall), formatRate(p.F1), p.System, p.Gold)
	}
	fmt.Fprintf(&b, "%-24s %d\n", "articles", r.Articles)
	line(fmt.Sprintf("%-24s", "quotes"), r.Quotes)
	line(fmt.Sprintf("%-24s", "direct_quotes"), r.DirectQuotes)
	line(fmt.Sprintf("%-24s", "quote_speaker"), r.QuoteSpeaker)
	fmt.Fprintf(&b, "%-24s %s\n", "attribution_accuracy", formatRate(r.AttributionAccuracy))
	for _, e := range []struct {
		name string
		p    PRF
	}{{"ALL", r.Entities.All}, {"PERSON", r.Entities.Person}, {"ORG", r.Entities.Org}, {"LOC", r.Entities.Loc}, {"NORP", r.Entities.NORP}} {
		line(fmt.Sprintf("entities %-15s", e.name), e.p)
	}
	line(fmt.Sprintf("%-24s", "times"), r.Times)
	_, err := io.WriteString(w, b.String())
	return err
}

// formatRate is Python's f"{r:.3f}"; both round the exact binary value
// half to even.
func formatRate(r Rate) string { return fmt.Sprintf("%.3f", float64(r)) }

// WriteJSON writes the report as `score.py --json` prints it.
func WriteJSON(w io.Writer, r *Result) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteDiffs lists, per article with errors, the missed and spurious quotes
// and the matched quotes with a wrong speaker.
func WriteDiffs(w io.Writer, diffs []Diff) error {
	var b strings.Builder
	for _, d := range diffs {
		if d.Empty() {
			continue
		}
		fmt.Fprintf(&b, "== %s: %d missed, %d spurious, %d wrong speaker\n", d.ID, len(d.Missed), len(d.Spurious), len(d.WrongSpeaker))
		for _, q := range d.Missed {
			fmt.Fprintf(&b, "  missed   %-8s %s  <- %s\n", q.Kind, clip(q.Content), speakerText(q))
		}
		for _, q := range d.Spurious {
			fmt.Fprintf(&b, "  spurious %-8s %s  <- %s\n", q.Kind, clip(q.Content), speakerText(q))
		}
		for _, p := range d.WrongSpeaker {
			fmt.Fprintf(&b, "  speaker  %-8s %s  <- %s, want %s\n", p.System.Kind, clip(p.Gold.Content), speakerText(p.System), speakerText(p.Gold))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func speakerText(q Quote) string {
	s := fmt.Sprintf("%q", q.Speaker)
	if q.Speaker == "" {
		s = "(none)"
	}
	if q.Mention != "" && q.Mention != q.Speaker {
		s += fmt.Sprintf(" as %q", q.Mention)
	}
	return s
}

// clip quotes a content, shortened so that one error stays on one line.
func clip(s string) string {
	const max = 120
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
