package timex

// Clock times: 3pm, 9.30am, 15:00 GMT, at noon, 3pm on Tuesday.

import (
	"strings"

	"newsgraph/doc"
)

// isAmPm matches am, pm, a.m., p.m. and "am." where a sentence-final full
// stop stuck to the token.
func isAmPm(s string) bool {
	switch s {
	case "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "am.", "pm.":
		return true
	}
	return false
}

// parseClock reads a clock time starting at number token j: 3pm, 3 pm,
// 3.30pm, 15:00 (with a time-zone word or am/pm), 3 o'clock. It returns the
// 24-hour time and the token after it.
func (t *tagger) parseClock(j int) (hr, mi, end int, ok bool) {
	w := t.toks[j].Lower
	num, suf := splitNum(w)
	pm := false
	switch {
	case isAmPm(suf):
		end, pm = j+1, suf[0] == 'p'
	case suf == "" && isAmPm(t.next(j, 1)):
		end, pm = j+2, t.next(j, 1)[0] == 'p'
	case suf == "" && t.next(j, 1) == ":" && j+2 < len(t.toks) && t.toks[j+2].Kind == doc.Number:
		m2, suf2 := splitNum(t.toks[j+2].Lower)
		h, ok1 := atoi(num)
		mm, ok2 := atoi(m2)
		if !ok1 || !ok2 || len(m2) != 2 || h > 24 || mm > 59 {
			return 0, 0, 0, false
		}
		end = j + 3
		switch {
		case isAmPm(suf2):
			return to24(h, mm, suf2[0] == 'p', end)
		case suf2 != "":
			return 0, 0, 0, false
		case isAmPm(t.next(j+2, 1)):
			return to24(h, mm, t.next(j+2, 1)[0] == 'p', end+1)
		case zones[t.next(j+2, 1)]:
			return h, mm, end + 1, true
		case clockPreps[t.prev(j, 1)]:
			return h, mm, end, true
		}
		return 0, 0, 0, false
	case suf == "" && (t.next(j, 1) == "o'clock" || t.next(j, 1) == "o’clock"):
		h, ok := atoi(num)
		return h, 0, j + 2, ok && h >= 1 && h <= 12
	case suf == "" && len(num) == 4 && zones[t.next(j, 1)]:
		h, _ := atoi(num[:2])
		mm, _ := atoi(num[2:])
		return h, mm, j + 2, h < 24 && mm < 60
	default:
		return 0, 0, 0, false
	}
	hs, ms := num, "00"
	if k := strings.IndexAny(num, ".:"); k > 0 {
		hs, ms = num[:k], num[k+1:]
	}
	h, ok1 := atoi(hs)
	mm, ok2 := atoi(ms)
	if !ok1 || !ok2 || len(ms) != 2 || h < 1 || h > 12 || mm > 59 {
		return 0, 0, 0, false
	}
	return to24(h, mm, pm, end)
}

func to24(h, m int, pm bool, end int) (int, int, int, bool) {
	if h < 1 || h > 12 {
		return 0, 0, 0, false
	}
	if pm && h != 12 {
		h += 12
	} else if !pm && h == 12 {
		h = 0
	}
	return h, m, end, true
}

var zones = map[string]bool{"gmt": true, "bst": true, "utc": true, "cet": true, "et": true, "est": true, "edt": true, "pst": true, "pdt": true, "hrs": true, "local": true, "msk": true}

// clockPreps make a bare "15:00" a time rather than a score or ratio.
var clockPreps = map[string]bool{"at": true, "by": true, "from": true, "until": true, "till": true, "before": true, "after": true, "around": true, "about": true, "since": true}

// clockFrom tags a clock time at token i, on the day named right after it
// ("3pm on Tuesday", "3pm yesterday") or else the reference day.
func (t *tagger) clockFrom(i int) (match, bool) {
	hr, mi, end, ok := t.parseClock(i)
	if !ok {
		return match{}, false
	}
	return t.clockAt(i, end, hr, mi)
}

func (t *tagger) clockAt(s, e, hr, mi int) (match, bool) {
	day, known := t.ref, t.hasRef
	// A day after the time: "3pm on Tuesday", "3pm yesterday".
	j := e
	if t.next(e-1, 1) == "on" {
		j++
	}
	if j < len(t.toks) && t.next(e-1, j-e+1) != "" {
		savedStart, savedEnd := t.lastStart, t.lastEnd
		t.lastStart, t.lastEnd = j, j // the day must not reach back over the time
		var m match
		var ok bool
		switch tk := &t.toks[j]; {
		case tk.Kind == doc.Word:
			// "3pm on Tuesday", "3pm yesterday", "midnight on January 1"
			if h, found := heads[tk.Lower]; found && (h.kind == hWeekday || h.kind == hMonth || h.kind == hDeictic && h.n != 100) {
				m, ok = t.word(j, h)
			}
		case tk.Kind == doc.Number:
			if d, isDay := dayOf(tk.Lower); isDay { // "midnight on 1 January"
				m, ok = t.dayThenMonth(j, d)
			}
		}
		t.lastStart, t.lastEnd = savedStart, savedEnd
		if d, isDay := dayValue(m.value); ok && isDay && m.s == j && m.typ == doc.Date {
			day, known, e = d, true, m.e
		}
	}
	if !known {
		return match{s, e, doc.Time, ""}, true
	}
	return match{s, e, doc.Time, fmtTime(day, hr, mi, "")}, true
}

// ---- hyphenated tokens ----
