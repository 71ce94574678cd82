// Package timex finds time expressions in English news text and resolves
// them to TIMEX3-style values against the article's publication date.
//
// Tag is token-driven: a bit-filter lets about one word in twenty through to
// a small trigger table (month and weekday names, calendar units, "today",
// "annually", ...), and digits are inspected only on number tokens; the full
// parse around a trigger runs only where one fires, so the stage allocates
// only for the expressions it finds.
//
// Underspecified dates are resolved the way a news reader does:
//   - a bare weekday ("on Wednesday") is the most recent such day, the
//     reference day included, unless the sentence's nearest tense marker is
//     future ("will", "due", "next", ...), then it is the next such day
//     (reference day included); "last Friday" is strictly before, "next
//     Friday" strictly after the reference day;
//   - a bare month ("in March") is the nearest such month not after the
//     reference month, or not before it in a future sentence; a month and
//     day ("March 3") likewise, except that a date up to 60 days ahead in a
//     sentence without tense marker stays in the reference year;
//   - "last month" is the calendar month before the reference month.
package timex

import (
	"strings"

	"newsgraph/doc"
)

// Tag finds the time expressions of d and appends them to d.Times in text
// order. d must be tokenised (and should be sentence-split, which bounds the
// context each expression looks at). With d.Published zero, relative
// expressions get an empty Value while absolute ones are still resolved.
func Tag(d *doc.Document) {
	t := tagger{d: d, toks: d.Tokens}
	if !d.Published.IsZero() {
		t.ref, t.hasRef = civil(d.Published), true
	}
	for i := 0; i < len(t.toks); i++ {
		tk := &t.toks[i]
		var m match
		var ok bool
		switch tk.Kind {
		case doc.Number:
			m, ok = t.number(i)
		case doc.Word:
			if !maybeHead(tk.Lower) {
				if tk.Flags&doc.HasHyphen != 0 {
					m, ok = t.hyphen(i)
				}
			} else if h, found := heads[tk.Lower]; found {
				m, ok = t.word(i, h)
			} else if tk.Flags&doc.HasHyphen != 0 {
				m, ok = t.hyphen(i)
			}
		}
		if !ok || m.e <= i {
			continue
		}
		if p := t.prev(m.s, 1); preps[p] && m.typ != doc.Set && !isModifier(t.toks[m.s].Lower) {
			if m.typ == doc.Duration && p != "on" && p != "at" || m.typ != doc.Duration && p != "for" {
				m.s--
			}
		}
		d.Times = append(d.Times, doc.Timex{
			Span:  doc.Span{Start: t.toks[m.s].Start, End: t.toks[m.e-1].End},
			Type:  m.typ,
			Value: m.value,
		})
		t.lastStart, t.lastEnd = m.s, m.e
		if d, ok := dayValue(m.value); ok && m.typ != doc.Duration && m.typ != doc.Set {
			t.lastDay.d, t.lastDay.valid, t.lastDayAt = d, true, m.e
		}
		i = m.e - 1
	}
}

// modifiers open an expression whose span the gold starts without the
// preposition before it ("in late February" is tagged "late February").
var modifiers = map[string]bool{"early": true, "late": true, "mid": true, "earlier": true, "later": true}

// isModifier reports a modifier word or a hyphenated one: mid-March, end-2022.
func isModifier(w string) bool {
	if a, _, ok := strings.Cut(w, "-"); ok {
		return modifiers[a] || a == "end"
	}
	return modifiers[w]
}

type tagger struct {
	d       *doc.Document
	toks    []doc.Token
	ref     date
	hasRef  bool
	lastEnd int // first token after the last emitted expression
	// lastStart is where the last emitted expression begins: its words
	// ("next year") are not tense markers for the next one.
	lastStart int
	// lastDay is the last day-level date tagged, at token lastDayAt: the
	// anchor of "the previous day".
	lastDay struct {
		d     date
		valid bool
	}
	lastDayAt int
}

// match is an expression over tokens [s, e).
type match struct {
	s, e  int
	typ   doc.TimeType
	value string
}

// prev is the lower-cased token k places before i, or "" when that crosses
// a sentence start or the previous expression.
func (t *tagger) prev(i, k int) string {
	j := i - k
	if j < t.lastEnd || j < 0 {
		return ""
	}
	for x := j + 1; x <= i && x < len(t.toks); x++ {
		if t.toks[x].Flags&doc.SentStart != 0 {
			return ""
		}
	}
	return t.toks[j].Lower
}

// next is the lower-cased token k places after i, or "" past the sentence.
func (t *tagger) next(i, k int) string {
	j := i + k
	if j >= len(t.toks) {
		return ""
	}
	for x := i + 1; x <= j; x++ {
		if t.toks[x].Flags&doc.SentStart != 0 {
			return ""
		}
	}
	return t.toks[j].Lower
}

func (t *tagger) isHead(i int, k headKind) (head, bool) {
	if i < 0 || i >= len(t.toks) || t.toks[i].Kind != doc.Word {
		return head{}, false
	}
	h, ok := heads[t.toks[i].Lower]
	return h, ok && h.kind == k
}

// word dispatches a trigger word.
func (t *tagger) word(i int, h head) (match, bool) {
	switch h.kind {
	case hMonth:
		return t.month(i, h.n, i, i+1)
	case hWeekday:
		return t.weekday(i)
	case hUnit:
		return t.unit(i, h)
	case hSeason:
		return t.season(i, h.n)
	case hPartOfDay:
		return t.partOfDay(i, h.n)
	case hDeictic:
		return t.deictic(i, h.n)
	case hPresent:
		return t.present(i)
	case hSetAdverb:
		return t.setAdverb(i, h)
	case hHoliday:
		return t.holiday(i, h.n)
	case hQuarterTok:
		return t.quarter(i, i, i+1, h.n)
	case hRef:
		return t.pastFuture(i, h.n)
	case hDecadeWord:
		if t.prev(i, 1) == "the" {
			return match{i - 1, i + 1, doc.Date, "19" + string(rune('0'+h.n))}, true
		}
	case hNoon:
		if t.prev(i, 1) == "at" || t.prev(i, 1) == "by" || t.prev(i, 1) == "until" || t.prev(i, 1) == "before" {
			return t.clockAt(i, i+1, h.n%24, 0)
		}
	}
	return match{}, false
}

// ---- numbers ----

func (t *tagger) weekday(i int) (match, bool) {
	tk := t.toks[i]
	h := heads[tk.Lower]
	if tk.Flags&doc.Upper == 0 {
		return match{}, false
	}
	// A date after the weekday: let the month parser take it all.
	j := i + 1
	if t.next(i, 1) == "," {
		j++
	}
	if j < len(t.toks) && t.next(i, j-i) != "" {
		if _, ok := t.isHead(j, hMonth); ok {
			if m, ok := t.month(j, heads[t.toks[j].Lower].n, j, j+1); ok && m.s <= i {
				return m, true
			}
		} else if d, ok := dayOf(t.toks[j].Lower); ok && t.toks[j].Kind == doc.Number {
			if m, ok := t.dayThenMonth(j, d); ok && m.s <= i {
				return m, true
			}
		}
	}
	if h.abbr {
		return match{}, false
	}
	if t.prev(i, 1) == "good" && h.n == 5 && t.toks[i-1].Flags&doc.Upper != 0 {
		if !t.hasRef {
			return match{i - 1, i + 1, doc.Date, ""}, true
		}
		return t.holidayValue(i-1, i+1, holiday{word: "easter"}, 0, -2, 0) // Good Friday
	}
	if namedDays[t.prev(i, 1)] {
		return match{}, false // Sheffield Wednesday, Super Tuesday, Bloody Sunday
	}
	if n := i + 1; n < len(t.toks) && t.toks[n].Kind == doc.Word && t.toks[n].Flags&(doc.Upper|doc.SentStart) == doc.Upper {
		if _, isTime := heads[t.toks[n].Lower]; !isTime {
			return match{}, false // the Sunday Times, Super Tuesday
		}
	}
	s, e := i, i+1
	p := t.prev(i, 1)
	if h.plural {
		if p == "on" {
			return match{i - 1, i + 1, doc.Set, "XXXX-WXX-" + string(rune('0'+h.n))}, true
		}
		return match{}, false
	}
	if p == "every" || p == "each" {
		return match{i - 1, i + 1, doc.Set, "XXXX-WXX-" + string(rune('0'+h.n))}, true
	}
	if p == "early" || p == "late" { // "early Wednesday (morning)"
		s, p = i-1, t.prev(i, 2)
	}
	rel := 0
	switch {
	case p == "last" || p == "past":
		rel, s = -1, s-1
	case p == "next":
		rel, s = 1, s-1
	case p == "coming" && t.prev(s, 2) == "this":
		rel, s = 1, s-2
	case p == "this" || p == "coming":
		rel, s = 2, s-1
	}
	// "Monday next week", "Friday last week"
	week := 0
	if u := t.next(i, 2); u == "week" {
		switch t.next(i, 1) {
		case "next":
			week, e = 1, i+3
		case "last":
			week, e = -1, i+3
		case "this":
			week, e = 2, i+3
		}
	}
	if !t.hasRef {
		return t.withPart(match{s, e, doc.Date, ""}, date{}, false)
	}
	r := t.ref
	wd := r.weekday()
	var v date
	switch {
	case week != 0:
		base := r.addDays(1 - wd) // Monday of the reference week
		if week != 2 {
			base = base.addDays(7 * week)
		}
		v = base.addDays(h.n - 1)
	case rel == -1:
		back := (wd - h.n + 7) % 7
		if back == 0 {
			back = 7
		}
		v = r.addDays(-back)
	case rel == 1:
		fwd := (h.n - wd + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		v = r.addDays(fwd)
	default:
		dir, dist := t.tenseDist(s, e)
		if rel == 2 && dir == 0 {
			dir = 1
		}
		back, fwd := (wd-h.n+7)%7, (h.n-wd+7)%7
		// A possessive names an event ("Monday's debate"), usually the
		// nearest one: from a Sunday, the next day's rather than last
		// week's, unless a tense marker sits right next to it.
		if rel == 0 && (dist == 0 || dist > 2) && t.possessive(e) && fwd > 0 && 2*fwd < back {
			dir = 1
		}
		if dir > 0 {
			v = r.addDays(fwd)
		} else {
			v = r.addDays(-back)
		}
	}
	return t.withPart(match{s, e, doc.Date, ""}, v, true)
}

// namedDays are words that make a weekday part of a name or of another
// day: a football club, primaries, a massacre, church days.
var namedDays = map[string]bool{
	"sheffield": true, "black": true, "good": true, "bloody": true, "super": true, "cyber": true,
	"palm": true, "holy": true, "ash": true, "shrove": true, "blue": true, "easter": true,
	"whit": true, "mothering": true, "maundy": true, "low": true, "great": true, "giving": true,
}

// possessive reports "'s" after token e-1, or after a part of day there
// ("Monday night's debate").
func (t *tagger) possessive(e int) bool {
	n := t.next(e-1, 1)
	if _, ok := t.isHead(e, hPartOfDay); ok && n != "" {
		n = t.next(e, 1)
	}
	return n == "'s" || n == "’s"
}

// withPart extends a day by a following part of day ("Wednesday morning")
// or clock time and sets its value.
func (t *tagger) withPart(m match, v date, known bool) (match, bool) {
	if h, ok := t.isHead(m.e, hPartOfDay); ok && t.next(m.e-1, 1) != "" && t.toks[m.e].Lower != "overnight" {
		m.e++
		m.typ = doc.Time
		if known {
			m.value = fmtTime(v, 0, 0, partCodes[h.n])
		}
		return m, true
	}
	if !known {
		return m, true
	}
	return t.withClock(m, v)
}

// withClock sets a day's value, extended by "at 3pm" / "3pm" after it.
func (t *tagger) withClock(m match, v date) (match, bool) {
	j := m.e
	if t.next(m.e-1, 1) == "at" || t.next(m.e-1, 1) == "," && t.next(m.e-1, 2) == "at" {
		j = m.e + 1
		if t.next(m.e-1, 1) == "," {
			j++
		}
	}
	if j < len(t.toks) && t.next(m.e-1, j-m.e+1) != "" && t.toks[j].Kind == doc.Number {
		if hr, mi, end, ok := t.parseClock(j); ok {
			m.e = end
			m.typ = doc.Time
			m.value = fmtTime(v, hr, mi, "")
			return m, true
		}
	}
	m.value = fmtDay(v)
	return m, true
}

// ---- clock times ----
