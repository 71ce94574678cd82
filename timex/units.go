package timex

import (
	"strings"

	"newsgraph/doc"
)

// quantity reads the number before token i: "8", "eight", "1.5", "a",
// "several", "a few", "a couple of", "twenty-five". It returns the number
// (-1 for a vague one) and the index of its first token.
func (t *tagger) quantity(i int) (n float64, s int, ok bool) {
	p := t.prev(i, 1)
	if p == "" {
		return 0, i, false
	}
	// "18 consecutive months", "two more years": count past the adjective.
	if countAdjectives[p] {
		if n, s, ok := t.quantity(i - 1); ok && n > 1 {
			return n, s, true
		}
		return 0, i, false
	}
	tk := &t.toks[i-1]
	if tk.Kind == doc.Number {
		if tk.Flags&doc.HasHyphen != 0 {
			return 0, i, false
		}
		v, ok := quantityNum(p)
		return v, i - 1, ok && v > 0
	}
	if p == "of" && t.prev(i, 2) == "couple" {
		s = i - 2
		if t.prev(i, 3) == "a" {
			s--
		}
		return 2, s, true
	}
	if p == "some" && !unitPrepsA[t.prev(i, 2)] {
		return 0, i, false // "some days that happens"
	}
	if p == "few" {
		s = i - 1
		if q := t.prev(i, 2); q == "a" || q == "the" {
			s--
		}
		return -1, s, true
	}
	v, found := numberWords[p]
	if !found {
		v, found = compoundNumber(p)
	}
	if !found || v == -2 || p == "couple" || p == "hundred" || p == "dozen" && t.prev(i, 2) != "a" {
		return 0, i, false
	}
	s = i - 1
	if p == "dozen" {
		s--
	}
	if (p == "a" || p == "an") && t.prev(i, 2) == "half" { // "a year and a half" is not handled; "half a year" is
		return 0.5, i - 2, true
	}
	return float64(v), s, true
}

// countAdjectives may stand between a number and its unit.
var countAdjectives = map[string]bool{
	"consecutive": true, "straight": true, "successive": true, "more": true, "further": true,
	"additional": true, "full": true, "whole": true, "long": true,
}

// unitPrepsA are the words before "a year"/"an hour" that make it a span of
// time rather than an article-plus-noun ("a day of mourning").
var unitPrepsA = map[string]bool{
	"for": true, "over": true, "in": true, "within": true, "after": true, "about": true,
	"nearly": true, "almost": true, "than": true, "just": true, "only": true, "around": true,
	"under": true, "least": true, "barely": true, "roughly": true, "some": true,
}

// setBefore are words before "a year"/"per week" that make a frequency:
// "twice a year", "£5m a year".
var setBefore = map[string]bool{"once": true, "twice": true, "times": true, "thrice": true}

// unit handles the calendar-unit words: year, month, week, day, decade,
// century, quarter, half, weekend, hour, minute, second.
func (t *tagger) unit(i int, h head) (match, bool) {
	p := t.prev(i, 1)
	w := t.toks[i].Lower
	switch h.u {
	case uQuarter, uHalf:
		if h.plural {
			return match{}, false
		}
		return t.quarterWord(i, h.u)
	case uCentury:
		if m, ok := t.century(i); ok {
			return m, ok
		}
	}
	// "New Year", "New Year's Day/Eve"
	if h.u == uYear && !h.plural && t.toks[i].Flags&doc.Upper != 0 && p == "new" && t.toks[i-1].Flags&doc.Upper != 0 {
		md, e := 101, i+1
		if t.next(i, 1) == "'s" {
			switch t.next(i, 2) {
			case "eve":
				md, e = 1231, i+3
			case "day":
				e = i + 3
			}
		}
		return t.fixedDay(i-1, e, md/100, md%100)
	}
	// "these days": now.
	if w == "days" && p == "these" {
		return match{i - 1, i + 1, doc.Date, "PRESENT_REF"}, true
	}
	if m, ok, done := t.unitSet(i, h, p); done {
		return m, ok
	}
	if m, ok, done := t.unitRelative(i, h, p); done {
		return m, ok
	}
	if m, ok, done := t.unitVague(i, h, p); done {
		return m, ok
	}
	return t.unitCounted(i, h, p)
}

// unitSet handles frequencies; done reports that it decided the unit.
func (t *tagger) unitSet(i int, h head, p string) (m match, ok, done bool) {
	// Frequencies: "every week", "every two years", "each year", "twice a year", "per day".
	// A money rate ("£50,000 a year", "$2 per day") names no time: the gold
	// counts only expressions that name a point or period, so it is left out.
	if p == "per" && !t.isAmountBefore(i-1) || p == "every" || p == "each" || p == "a" && setBefore[t.prev(i, 2)] && !relWord[t.next(i, 1)] {
		if h.plural && p != "every" || h.u == uWeekend {
			return match{}, false, true
		}
		if t.next(i, 1) == "of" && p != "a" {
			return match{}, false, true // "every minute of practice"
		}
		if p == "per" && h.u >= uHour {
			return match{}, false, true // "gigabits per second", "miles per hour" are rates
		}
		if h.u == uSecond && i+1 < len(t.toks) && t.toks[i+1].Kind == doc.Word && t.toks[i+1].Flags&doc.SentStart == 0 {
			return match{}, false, true // "every second year" is "every other year"
		}

		s := i - 1
		if p == "a" && setBefore[t.prev(i, 2)] {
			s = i - 2
		}
		return match{s, i + 1, doc.Set, fmtDuration(float64(max(h.n, 1)), h.u)}, true, true
	}
	if n, s, ok := t.quantity(i); ok && t.prev(s, 1) == "every" {
		if p == "a" || p == "an" {
			return match{}, false, true
		}
		if h.n > 0 && n > 0 {
			n *= float64(h.n)
		}
		if n < 0 {
			return match{}, false, true
		}
		return match{s - 1, i + 1, doc.Set, fmtDuration(n, h.u)}, true, true
	}
	if p == "all" && !h.plural && h.u >= uYear && h.u <= uDay && h.u != uQuarter && h.u != uHalf {
		return match{i - 1, i + 1, doc.Duration, fmtDuration(float64(max(h.n, 1)), h.u)}, true, true // "all week"
	}
	if p == "other" && t.prev(i, 2) == "every" {
		return match{i - 2, i + 1, doc.Set, fmtDuration(2*float64(max(h.n, 1)), h.u)}, true, true
	}
	return match{}, false, false
}

// unitRelative handles a singular unit after last/this/next and the
// other determiners that anchor it.
func (t *tagger) unitRelative(i int, h head, p string) (m match, ok, done bool) {
	// Relative: "last year", "this month", "next week", "last weekend",
	// "earlier this month", "later this year".
	if !h.plural {
		rel, s := 0, i-1
		switch p {
		case "last", "previous", "past":
			rel = -1
		case "this", "current":
			rel = 2
		case "next", "coming", "following":
			rel = 1
		}
		if rel != 0 && t.prev(i, 2) == "the" {
			if h.u == uDay && (p == "previous" || p == "following" || p == "next") {
				k := 1
				if p == "previous" {
					k = -1
				}
				m, ok = t.dayAfter(i-2, i+1, k)
				return m, ok, true
			}
			// "the last year", "the past week", "the coming year": a span
			// of time ending or starting now.
			if p == "following" || p == "previous" || h.u == uWeekend {
				return match{}, false, true
			}
			if rel == 2 {
				return match{}, false, true
			}
			n := float64(max(h.n, 1))
			if h.u == uHour || h.u == uMinute || h.u == uSecond || h.u == uDay {
				return match{}, false, true
			}
			return match{i - 2, i + 1, doc.Duration, fmtDuration(n, h.u)}, true, true
		}
		if rel != 0 && p != "following" && p != "previous" {
			if p == "past" {
				if t.prev(i, 2) != "this" {
					return match{}, false, true
				}
				s = i - 2 // "this past weekend"
			}
			if q := t.prev(i, 2); rel == 2 && (q == "earlier" || q == "later") {
				s = i - 2
			}
			m, ok = t.relative(s, i+1, h.u, rel)
			return m, ok, true
		}
		// "the same day", "that day": the day last named.
		if h.u == uDay && p == "same" && t.prev(i, 2) == "the" {
			m, ok = t.dayAfter(i-2, i+1, 0)
			return m, ok, true
		}
		if h.u == uDay && p == "that" && t.tense(i-1, i+1) <= 0 { // "that day will come" is no date
			m, ok = t.dayAfter(i-1, i+1, 0)
			return m, ok, true
		}
		// "the weekend", "at the weekend", "over the weekend"
		if h.u == uWeekend && p == "the" {
			m, ok = t.relative(i-1, i+1, uWeekend, 0)
			return m, ok, true
		}
		// "end of the year", "later in the month": the reference unit.
		if p == "the" && (h.u == uYear || h.u == uMonth || h.u == uWeek) {
			if q := t.prev(i, 2); q == "of" || q == "in" {
				switch t.prev(i, 3) {
				case "earlier", "later":
					m, ok = t.relative(i-3, i+1, h.u, 2)
					return m, ok, true
				case "end", "start", "beginning", "middle", "rest", "remainder", "course", "close", "turn", "half":
					m, ok = t.relative(i-1, i+1, h.u, 2)
					return m, ok, true
				}
			}
		}
		// "the year 2000"
		if h.u == uYear && p == "the" {
			if y, ok := t.yearOf(i + 1); ok && t.next(i, 1) != "" {
				return match{i - 1, i + 2, doc.Date, fmtYear(y)}, true, true
			}
		}
	}
	return match{}, false, false
}

// unitVague handles plurals without a number: "recent years", "the coming
// weeks", "over the years".
func (t *tagger) unitVague(i int, h head, p string) (m match, ok, done bool) {
	// "recent years", "in recent days": the recent past; "the coming weeks": the near future.
	if h.plural {
		switch p {
		case "recent":
			s := i - 1
			if t.prev(i, 2) == "the" {
				s--
			}
			return match{s, i + 1, doc.Date, "PAST_REF"}, true, true
		case "coming", "next", "past", "last", "previous":
			if t.prev(i, 2) == "the" || t.prev(i, 2) == "in" || t.prev(i, 2) == "over" {
				if p == "coming" {
					return match{i - 2, i + 1, doc.Date, "FUTURE_REF"}, true, true
				}
				if p == "previous" {
					return match{}, false, true
				}
				s := i - 1
				if t.prev(i, 2) == "the" {
					s--
				}
				return match{s, i + 1, doc.Duration, fmtDuration(-1, h.u)}, true, true
			}
		}
	}
	// "over the years", "down the decades": an open span.
	if h.plural && p == "the" && (t.prev(i, 2) == "over" || t.prev(i, 2) == "down" || t.prev(i, 2) == "through") && h.u <= uWeek && h.u != uQuarter && h.u != uHalf {
		return match{i - 2, i + 1, doc.Duration, fmtDuration(-1, h.u)}, true, true
	}
	return match{}, false, false
}

// unitCounted handles a number and a unit: "eight years", "three months
// ago", "a year", "two decades", "for years".
func (t *tagger) unitCounted(i int, h head, p string) (match, bool) {
	// Counted: "eight years", "three months ago", "a year", "two decades".
	n, s, ok := t.quantity(i)
	if !ok {
		// A bare plural after "for"/"over": "for years", "for decades".
		if h.plural && (p == "for" || p == "over" || p == "within" || p == "in") && h.u != uWeekend {
			return match{i - 1, i + 1, doc.Duration, fmtDuration(-1, h.u)}, true
		}
		if h.plural && p == "decades" || h.plural && (p == "many" || p == "several") {
			return match{}, false
		}
		// "years ago": the past.
		if h.plural && t.next(i, 1) == "ago" {
			return match{i, i + 2, doc.Date, "PAST_REF"}, true
		}
		return match{}, false
	}
	if h.u == uWeekend {
		return match{}, false
	}
	if h.u == uSecond && !h.plural && t.toks[s].Kind != doc.Number {
		return match{}, false // "a second year", "one second-hand car"
	}
	a := t.toks[s].Lower
	if (a == "a" || a == "an" || a == "one" && h.u == uDay) && n == 1 && s == i-1 {
		q := t.prev(s, 1)
		nx := t.next(i, 1)
		if !unitPrepsA[q] && nx != "ago" && nx != "later" && nx != "earlier" && !(nx == "from" && t.next(i, 2) == "now") && nx != "'" && nx != "’" {
			return match{}, false
		}
	}
	// The plural must agree: "one years" is a typo, "two year" an adjective ("a two year deal").
	if n > 1 && !h.plural {
		if t.next(i, 1) != "'s" {
			return match{}, false
		}
	}
	if h.n > 0 && n > 0 {
		n *= float64(h.n)
	}
	e := i + 1
	switch nx := t.next(i, 1); nx {
	case "ago":
		return t.ago(s, i+2, n, h.u, -1)
	case "from":
		if t.next(i, 2) == "now" {
			return t.ago(s, i+3, n, h.u, 1)
		}
	case "'", "’":
		if t.next(i, 2) == "time" { // "in two years' time"
			if t.prev(s, 1) == "in" {
				s--
			}
			return t.ago(s, i+3, n, h.u, 1)
		}
	case "'s", "’s":
		if t.next(i, 2) == "time" {
			if t.prev(s, 1) == "in" {
				s--
			}
			return t.ago(s, i+3, n, h.u, 1)
		}
	}
	// "the last three months of 2004", "the first three months of the
	// year": a quarter, not a span.
	if h.u == uMonth && n == 3 && t.next(i, 1) == "of" && t.prev(s, 2) == "the" {
		if q := ordinals[t.prev(s, 1)]; q == 1 || q == 4 && t.prev(s, 1) != "fourth" {
			if m, ok := t.quarter(i, s-2, i+1, q); ok && m.e > i+1 {
				return m, true
			}
		}
	}
	// "the past four months", "the next five years", "the first two weeks"
	switch t.prev(s, 1) {
	case "past", "last", "next", "first", "coming", "previous", "final":
		if t.prev(s, 2) == "the" {
			s -= 2
		}
	case "the":
		s--
	}
	return match{s, e, doc.Duration, fmtDuration(n, h.u)}, true
}

// relWord after "a year" makes it a span back or forward in time, not a
// rate: "$1.4bn a year earlier".
var relWord = map[string]bool{"earlier": true, "later": true, "ago": true, "before": true, "after": true, "on": true}

// dayAfter resolves "the previous day", "the next day" against the last
// day-level date tagged shortly before: the narrative's anchor, which is
// what a reader uses. With none in reach it tags nothing, rather than guess
// the publication date.
func (t *tagger) dayAfter(s, e, k int) (match, bool) {
	// The anchor must be the expression just before, and near: "the
	// game in October ... that day" must not reach back to an older day.
	if !t.lastDay.valid || t.lastDayAt != t.lastEnd || s-t.lastDayAt > 40 {
		return match{}, false
	}
	return match{s, e, doc.Date, fmtDay(t.lastDay.d.addDays(k))}, true
}

// isAmountBefore reports whether token j is preceded by an amount, making
// "per year" a money rate: "£5m per year", "30,000 per year".
func (t *tagger) isAmountBefore(j int) bool {
	if j-1 < t.lastEnd || j-1 < 0 || t.prev(j, 1) == "" {
		return false
	}
	k := t.toks[j-1]
	switch k.Kind {
	case doc.Number:
		return true
	case doc.Punct:
		return k.Lower == ")" // "10 million euros (US$13 million) a year"
	case doc.Word:
		return k.Lower == "m" || k.Lower == "bn" || k.Lower == "million" || k.Lower == "billion" || k.Lower == "pounds" || k.Lower == "dollars" || k.Lower == "euros" || k.Lower == "times" || strings.HasPrefix(k.Lower, "£")
	}
	return false
}

// ago resolves "n units ago" (dir -1) or "n units from now" (dir 1).
func (t *tagger) ago(s, e int, n float64, u unit, dir int) (match, bool) {
	if n < 0 {
		if dir < 0 {
			return match{s, e, doc.Date, "PAST_REF"}, true
		}
		return match{s, e, doc.Date, "FUTURE_REF"}, true
	}
	if !t.hasRef || n != float64(int(n)) {
		return match{s, e, doc.Date, ""}, true
	}
	k := int(n) * dir
	r := t.ref
	switch u {
	case uCentury:
		return match{s, e, doc.Date, itoa((r.y + 100*k) / 100)}, true
	case uDecade:
		return match{s, e, doc.Date, fmtYear(r.y + 10*k)}, true
	case uYear:
		return match{s, e, doc.Date, fmtYear(r.y + k)}, true
	case uMonth:
		y, m := addMonths(r.y, r.m, k)
		return match{s, e, doc.Date, fmtMonth(y, m)}, true
	case uWeek:
		return match{s, e, doc.Date, fmtWeek(r.addDays(7*k), "")}, true
	case uDay:
		return match{s, e, doc.Date, fmtDay(r.addDays(k))}, true
	case uHour, uMinute, uSecond:
		return match{s, e, doc.Time, fmtDay(r)}, true
	}
	return match{}, false
}

// relative resolves "last/this/next <unit>" (rel -1, 2, 1) and, with rel 0,
// "the weekend" by tense.
func (t *tagger) relative(s, e int, u unit, rel int) (match, bool) {
	if !t.hasRef {
		return match{s, e, doc.Date, ""}, true
	}
	r := t.ref
	k := rel
	if rel == 2 {
		k = 0
	}
	switch u {
	case uYear:
		return match{s, e, doc.Date, fmtYear(r.y + k)}, true
	case uMonth:
		y, m := addMonths(r.y, r.m, k)
		return match{s, e, doc.Date, fmtMonth(y, m)}, true
	case uWeek:
		return match{s, e, doc.Date, fmtWeek(r.addDays(7*k), "")}, true
	case uDecade:
		return match{s, e, doc.Date, itoa(r.y/10 + k)}, true
	case uCentury:
		return match{s, e, doc.Date, itoa(r.y/100 + k)}, true
	case uQuarter:
		q := (r.m-1)/3 + k
		y := r.y + floorDiv(q, 4)
		q -= floorDiv(q, 4) * 4
		return match{s, e, doc.Date, fmtYear(y) + "-Q" + string(rune('1'+q))}, true
	case uWeekend:
		wd := r.weekday()
		var base date
		switch {
		case rel == -1:
			base = r.addDays(-7)
			if wd < 6 {
				base = r.addDays(-wd) // the Sunday just past
			}
		case rel == 1:
			base = r.addDays(7)
		case rel == 2:
			base = r
			// Early in the week a past sentence means the weekend just gone;
			// later, "this weekend('s game)" is nearly always the coming one.
			if wd <= 2 && t.tense(s, e) < 0 {
				base = r.addDays(-wd)
			}
		default: // "the weekend": just past unless the sentence looks ahead
			base = r
			if wd < 6 && t.tense(s, e) <= 0 {
				base = r.addDays(-wd)
			}
		}
		return match{s, e, doc.Date, fmtWeek(base, "-WE")}, true
	}
	return match{}, false // "next day", "last hour": anchored on the narrative
}

// century handles "the 20th century", "the twentieth century", "this/last
// century".
func (t *tagger) century(i int) (match, bool) {
	p := t.prev(i, 1)
	n := 0
	if v, ok := ordinals[p]; ok && p != "last" && p != "final" {
		n = v
	} else if num, suf := splitNum(p); suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
		n, _ = atoi(num)
	}
	if n == 0 {
		return match{}, false
	}
	s := i - 1
	if t.prev(i, 2) == "the" {
		s--
	}
	if p2 := t.prev(s, 1); modifiers[p2] && p2 != "earlier" && p2 != "later" {
		s--
	}
	var buf [4]byte
	return match{s, i + 1, doc.Date, string(pad(buf[:0], n-1, 2))}, true
}

// quarterWord handles "the third quarter (of 2022)", "last quarter", "the
// first half of the year".
func (t *tagger) quarterWord(i int, u unit) (match, bool) {
	p := t.prev(i, 1)
	if u == uQuarter {
		switch p {
		case "last", "previous", "this", "next", "current":
			if t.prev(i, 2) == "the" && p != "last" {
				break
			}
			if p == "last" && t.next(i, 1) == "of" {
				break // "the last quarter of 2004" is the fourth
			}
			rel := 1
			switch p {
			case "last", "previous":
				rel = -1
			case "this", "current":
				rel = 2
			}
			return t.relative(i-1, i+1, uQuarter, rel)
		}
	}
	n, ok := ordinals[p]
	if !ok {
		return match{}, false
	}
	if u == uHalf && n > 2 || u == uQuarter && n > 4 {
		return match{}, false
	}
	if u == uHalf {
		// "the second half" of a match, "the first half of our fiscal
		// year": only calendar halves.
		n1, n2 := t.next(i, 2), t.next(i, 3)
		if t.next(i, 1) != "of" || !(isYearTok(t, i+2) && n1 != "" || n2 == "year" && (n1 == "the" || n1 == "last" || n1 == "this" || n1 == "next")) {
			return match{}, false
		}
	}
	s := i - 1
	if t.prev(i, 2) == "the" {
		s--
	}
	if u == uHalf {
		n *= 10 // quarter takes halves as 10 and 20
	}
	return t.quarter(i, s, i+1, n)
}

// quarter finishes a quarter or half (n 1-4, or 10/20 for halves) with its
// year: "of 2022", "2022", "of last year", "of the year", or by tense.
func (t *tagger) quarter(i, s, e, n int) (match, bool) {
	y, yearKnown := 0, false
	if t.next(e-1, 1) == "of" {
		switch {
		case t.next(e, 1) != "" && isYearTok(t, e+1):
			y, _ = t.yearOf(e + 1)
			e, yearKnown = e+2, true
		case t.next(e, 1) == "the" && t.next(e, 2) == "year":
			y, e, yearKnown = t.ref.y, e+3, t.hasRef
		case t.next(e, 1) == "last" && t.next(e, 2) == "year":
			y, e, yearKnown = t.ref.y-1, e+3, t.hasRef
		case t.next(e, 1) == "this" && t.next(e, 2) == "year":
			y, e, yearKnown = t.ref.y, e+3, t.hasRef
		case t.next(e, 1) == "next" && t.next(e, 2) == "year":
			y, e, yearKnown = t.ref.y+1, e+3, t.hasRef
		}
	} else if t.next(e-1, 1) != "" && isYearTok(t, e) {
		y, _ = t.yearOf(e)
		e, yearKnown = e+1, true
	}
	if !yearKnown {
		if !t.hasRef {
			return match{s, e, doc.Date, ""}, true
		}
		r := t.ref
		cur := (r.m-1)/3 + 1
		q := n
		if n >= 10 { // halves
			cur = (r.m-1)/6 + 1
			q = n / 10
		}
		y = r.y
		if q > cur && t.tense(s, e) <= 0 {
			y--
		}
	}
	code := "-Q" + string(rune('0'+n))
	if n >= 10 {
		code = "-H" + string(rune('0'+n/10))
	}
	return match{s, e, doc.Date, fmtYear(y) + code}, true
}

func isYearTok(t *tagger, i int) bool { _, ok := t.yearOf(i); return ok }

// season handles "last summer", "this spring", "summer 2005", "the summer
// of 2005", "in the autumn".
func (t *tagger) season(i, sn int) (match, bool) {
	p := t.prev(i, 1)
	tk := t.toks[i]
	if tk.Flags&doc.Upper != 0 && tk.Flags&doc.SentStart == 0 && i > 0 && t.toks[i-1].Flags&doc.Upper != 0 {
		return match{}, false // "Arab Spring"
	}
	s, e := i, i+1
	if y, ok := t.yearOf(i + 1); ok && t.next(i, 1) != "" {
		e = i + 2
		if p == "the" {
			s--
		}
		return match{s, e, doc.Date, fmtYear(y) + "-" + seasonCodes[sn]}, true
	}
	if t.next(i, 1) == "of" && t.next(i, 2) != "" {
		if y, ok := t.yearOf(i + 2); ok {
			if p == "the" {
				s--
			}
			return match{s, i + 3, doc.Date, fmtYear(y) + "-" + seasonCodes[sn]}, true
		}
	}
	rel := 0
	switch p {
	case "last", "past":
		rel = -1
	case "next", "coming":
		rel = 1
	case "this":
		rel = 2
	case "the", "in", "during", "over", "early", "late", "since", "until", "by":
		if p == "the" {
			if q := t.prev(i, 2); q != "in" && q != "during" && q != "over" && q != "of" && q != "until" && q != "by" && q != "since" {
				return match{}, false
			}
		}
		if modifiers[p] {
			s--
		}
	default:
		return match{}, false
	}
	if tk.Lower == "fall" && rel == 0 {
		return match{}, false // "since the fall of Baghdad"; US "fall" needs last/this/next
	}
	if rel != 0 || p == "the" {
		s--
	}
	if n := t.next(i, 1); n != "" && t.toks[i+1].Kind == doc.Word && t.toks[i+1].Flags&doc.Lower != 0 && !preps[n] && n != "and" && n != "'s" && n != "when" && n != "as" && n != "but" && n != "after" && n != "before" {
		// "summer holidays", "the spring conference": a modifier, and a
		// time the gold does not count unless a determiner makes it one.
		if rel == 0 {
			return match{}, false
		}
	}
	if !t.hasRef {
		return match{s, e, doc.Date, ""}, true
	}
	cy, cs := seasonOf(t.ref)
	cur := cy*4 + cs
	var idx int
	switch rel {
	case -1:
		idx = cur - ((cs - sn + 4) % 4)
		if idx == cur {
			idx -= 4
		}
	case 1:
		idx = cur + ((sn - cs + 4) % 4)
		if idx == cur {
			idx += 4
		}
	case 2:
		idx = cy*4 + sn
	default:
		if t.tense(s, e) > 0 {
			idx = cur + ((sn - cs + 4) % 4)
		} else {
			idx = cur - ((cs - sn + 4) % 4)
		}
	}
	return match{s, e, doc.Date, fmtYear(floorDiv(idx, 4)) + "-" + seasonCodes[sn]}, true
}

// partOfDay handles "this morning", "last night", "this evening".
func (t *tagger) partOfDay(i, part int) (match, bool) {
	if t.toks[i].Lower == "overnight" {
		return match{}, false
	}
	p := t.prev(i, 1)
	if p == "" {
		return match{}, false
	}
	if t.toks[i].Flags&doc.Upper != 0 && t.toks[i-1].Flags&(doc.SentStart|doc.ParaStart) == 0 {
		return match{}, false // ITV's This Morning
	}
	var day date
	switch p {
	case "this":
		day = t.ref
	case "last":
		if part < 2 { // "last morning" is not idiomatic
			return match{}, false
		}
		day = t.ref.addDays(-1)
	default:
		return match{}, false
	}
	if !t.hasRef {
		return match{i - 1, i + 1, doc.Time, ""}, true
	}
	return match{i - 1, i + 1, doc.Time, fmtTime(day, 0, 0, partCodes[part])}, true
}

// deictic handles today, yesterday, tomorrow and tonight, with a part of
// day or clock time after them ("yesterday morning", "today at 3pm").
func (t *tagger) deictic(i, off int) (match, bool) {
	n := t.next(i, 1)
	if n == "programme" || n == "show" || n == "newspaper" || n == "magazine" || n == "survey" || n == "poll" {
		return match{}, false // BBC Radio 4's Today programme, USA Today
	}
	switch t.prev(i, 1) {
	case "a", "the", "brighter", "better", "bright", "of":
		return match{}, false // "a brighter tomorrow", "the world of today"
	}
	// Mid-sentence, news writes "today" in lower case; a capitalised one is
	// a title: Radio 4's Today, USA Today.
	if tk := t.toks[i]; tk.Flags&doc.Upper != 0 && tk.Flags&(doc.SentStart|doc.ParaStart) == 0 && i > 0 && t.toks[i-1].Flags&doc.OpenQuote == 0 && t.toks[i-1].Kind != doc.Quote {
		return match{}, false
	}
	if off == 100 {
		if !t.hasRef {
			return match{i, i + 1, doc.Time, ""}, true
		}
		return match{i, i + 1, doc.Time, fmtTime(t.ref, 0, 0, "NI")}, true
	}
	if !t.hasRef {
		return t.withPart(match{i, i + 1, doc.Date, ""}, date{}, false)
	}
	return t.withPart(match{i, i + 1, doc.Date, ""}, t.ref.addDays(off), true)
}

// present handles PRESENT_REF: "currently", "nowadays", "at present", "at
// the moment", and "now" only in fixed phrases ("until now", "right now",
// "for now", "by now"): the gold leaves a bare "has now demanded" untagged.
func (t *tagger) present(i int) (match, bool) {
	w := t.toks[i].Lower
	p := t.prev(i, 1)
	switch w {
	case "currently", "nowadays", "presently":
		return match{i, i + 1, doc.Date, "PRESENT_REF"}, true
	case "present":
		if p == "at" {
			return match{i - 1, i + 1, doc.Date, "PRESENT_REF"}, true
		}
	case "moment":
		if p == "the" && t.prev(i, 2) == "at" {
			if n := t.next(i, 1); n == "of" || n == "when" || n == "that" {
				return match{}, false
			}
			return match{i - 2, i + 1, doc.Date, "PRESENT_REF"}, true
		}
	case "now":
		switch p {
		case "until", "till", "by", "right", "for":
			return match{i - 1, i + 1, doc.Date, "PRESENT_REF"}, true
		case "to":
			if q := t.prev(i, 2); q == "up" {
				return match{i - 2, i + 1, doc.Date, "PRESENT_REF"}, true
			}
		case "of":
			if t.prev(i, 2) == "as" {
				return match{i - 2, i + 1, doc.Date, "PRESENT_REF"}, true
			}
		}
	}
	return match{}, false
}

// pastFuture handles "in the past" and "in (the) future", "the near future".
func (t *tagger) pastFuture(i, dir int) (match, bool) {
	p := t.prev(i, 1)
	n := t.next(i, 1)
	if dir < 0 {
		if p != "the" || t.prev(i, 2) != "in" {
			return match{}, false
		}
		if nt := i + 1; nt < len(t.toks) && n != "" && (t.toks[nt].Kind == doc.Number || numberWords[n] != 0 || heads[n].kind == hUnit || n == "few") {
			return match{}, false
		}
		return match{i - 1, i + 1, doc.Date, "PAST_REF"}, true
	}
	s := i
	switch {
	case p == "the" && (t.prev(i, 2) == "in" || t.prev(i, 2) == "for"):
		s = i - 1
	case p == "near" && t.prev(i, 2) == "the":
		s = i - 2
	case p == "in":
	default:
		return match{}, false
	}
	if n == "of" {
		return match{}, false // "the future of the party"
	}
	return match{s, i + 1, doc.Date, "FUTURE_REF"}, true
}

// setAdverb handles annually, daily, weekly, monthly used as adverbs ("the
// report is published weekly"); before a noun they are adjectives ("the
// weekly magazine") and a capitalised one is usually a title (Daily Mail).
func (t *tagger) setAdverb(i int, h head) (match, bool) {
	tk := t.toks[i]
	if tk.Flags&doc.Upper != 0 && tk.Flags&doc.SentStart == 0 {
		return match{}, false
	}
	if tk.Lower != "annually" {
		if i+1 < len(t.toks) && t.toks[i+1].Kind == doc.Word && t.toks[i+1].Flags&doc.SentStart == 0 && !preps[t.toks[i+1].Lower] && t.toks[i+1].Lower != "and" && t.toks[i+1].Lower != "or" && t.toks[i+1].Lower != "basis" {
			return match{}, false
		}
		if p := t.prev(i, 1); p == "the" || p == "a" || p == "'s" {
			return match{}, false
		}
	}
	return match{i, i + 1, doc.Set, fmtDuration(float64(max(h.n, 1)), h.u)}, true
}

// holiday handles Christmas, Easter, Halloween, Boxing Day, Valentine's Day.
func (t *tagger) holiday(i, k int) (match, bool) {
	hd := holidays[k]
	if t.toks[i].Flags&doc.Upper == 0 {
		return match{}, false
	}
	// "Easter Island", "Christmas trees": a name or a thing, not a day.
	if n := i + 1; n < len(t.toks) && t.toks[n].Flags&doc.SentStart == 0 {
		_, weekday := t.isHead(n, hWeekday) // Easter Monday
		if nt := &t.toks[n]; nt.Kind == doc.Word && nt.Flags&doc.Upper != 0 && nt.Lower != "day" && nt.Lower != "eve" && !weekday || holidayThings[nt.Lower] {
			return match{}, false
		}
	}
	e := i + 1
	m, d := hd.month, hd.day
	if hd.needsDay {
		j := i + 1
		if t.next(i, 1) == "'s" {
			j++
		}
		if t.next(i, j-i) != "day" {
			return match{}, false
		}
		e = j + 1
	} else if hd.word == "christmas" {
		switch t.next(i, 1) {
		case "eve":
			d, e = 24, i+2
		case "day":
			e = i + 2
		}
	} else if hd.word == "easter" {
		switch t.next(i, 1) {
		case "sunday", "day":
			e = i + 2
		case "monday":
			e, d = i+2, 1
		case "weekend", "holiday", "holidays", "break", "period", "recess":
		default:
			if n := t.next(i, 1); n != "" && t.toks[i+1].Kind == doc.Word && t.toks[i+1].Flags&doc.Lower != 0 && !preps[n] && n != "and" {
				return match{}, false // "Easter eggs" is not a date
			}
		}
	}
	s := i
	if y, ok := t.yearOf(e); ok && t.next(e-1, 1) != "" {
		return t.holidayValue(s, e+1, hd, m, d, y)
	}
	if !t.hasRef {
		return match{s, e, doc.Date, ""}, true
	}
	return t.holidayValue(s, e, hd, m, d, 0)
}

// holidayThings after a holiday name make it an object, not a date.
var holidayThings = map[string]bool{
	"tree": true, "trees": true, "card": true, "cards": true, "carol": true, "carols": true,
	"pudding": true, "present": true, "presents": true, "cracker": true, "crackers": true,
	"decorations": true, "lights": true, "jumper": true, "jumpers": true, "album": true,
	"single": true, "song": true, "songs": true, "egg": true, "eggs": true, "bunny": true,
	"stocking": true, "stockings": true, "gift": true, "gifts": true, "hamper": true, "hampers": true,
}

func (t *tagger) holidayValue(s, e int, hd holiday, m, d, y int) (match, bool) {
	resolve := func(y int) date {
		if hd.word == "easter" {
			ed := easter(y)
			return ed.addDays(d) // d is 0, or 1 for Easter Monday
		}
		return date{y, m, d}
	}
	if y == 0 {
		dir := t.tense(s, e)
		if p := t.prev(s, 1); p == "last" {
			dir = -1
			s--
		} else if p == "next" || p == "this" {
			dir = 1
			s--
		}
		y = t.ref.y
		c := resolve(y)
		switch {
		case dir > 0 && c.cmp(t.ref) < 0:
			y++
		case dir < 0 && c.cmp(t.ref) > 0:
			y--
		case dir == 0 && c.time().Sub(t.ref.time()).Hours() > 60*24:
			y--
		}
	}
	return match{s, e, doc.Date, fmtDay(resolve(y))}, true
}

// fixedDay resolves a named day of the year such as New Year's Day.
func (t *tagger) fixedDay(s, e, m, d int) (match, bool) {
	if !t.hasRef {
		return match{s, e, doc.Date, ""}, true
	}
	return t.holidayValue(s, e, holiday{month: m, day: d}, m, d, 0)
}
