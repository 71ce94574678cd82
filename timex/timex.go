// Package timex finds time expressions in English news text and resolves
// them to TIMEX3-style values against the article's publication date.
//
// Tag is token-driven: it looks each word token up once in a small trigger
// table (month and weekday names, calendar units, "today", "annually", ...)
// and inspects digits only on number tokens; the full parse around a trigger
// runs only where one fires, so the stage costs little more than a map lookup
// per word and allocates only for the expressions it finds.
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
	"strconv"
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
			if h, found := heads[tk.Lower]; found {
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

// splitNum splits a number token into its numeric part (digits with inner
// , and .) and a letter suffix: "1990s" -> "1990","s"; "3.30pm" -> "3.30","pm".
func splitNum(s string) (num, suffix string) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || (s[i] == ',' || s[i] == '.' || s[i] == ':') && i > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9') {
		i++
	}
	return s[:i], s[i:]
}

// atoi parses a run of at most 9 ASCII digits.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// quantityNum parses "8", "1,000", "1.5" as a float.
func quantityNum(s string) (float64, bool) {
	if strings.IndexByte(s, ',') >= 0 {
		s = strings.ReplaceAll(s, ",", "")
	}
	if s == "" || len(s) > 12 || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil
}

// dayOf reads a day of the month: "30", "30th", "1st", "thirtieth".
func dayOf(s string) (int, bool) {
	if n, ok := ordinals[s]; ok && s != "last" && s != "final" {
		return n, true
	}
	num, suf := splitNum(s)
	switch suf {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	n, ok := atoi(num)
	return n, ok && n >= 1 && n <= 31 && len(num) <= 2
}

// yearOf reads a four-digit year token.
func (t *tagger) yearOf(i int) (int, bool) {
	if i < 0 || i >= len(t.toks) || t.toks[i].Kind != doc.Number || len(t.toks[i].Lower) != 4 {
		return 0, false
	}
	n, ok := atoi(t.toks[i].Lower)
	return n, ok && n >= 1000 && n <= 2199
}

func (t *tagger) number(i int) (match, bool) {
	w := t.toks[i].Lower
	if t.toks[i].Flags&doc.HasHyphen != 0 {
		return t.hyphen(i)
	}
	num, suf := splitNum(w)
	switch suf {
	case "s":
		return t.decade(i, num)
	case "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "am.", "pm.":
		return t.clockFrom(i)
	case "st", "nd", "rd", "th":
		if n, ok := dayOf(w); ok {
			return t.dayThenMonth(i, n)
		}
		if h, ok := t.isHead(i+1, hUnit); ok && h.u == uCentury && t.next(i, 1) != "" {
			return t.unit(i+1, h)
		}
		return match{}, false
	case "":
	default:
		return match{}, false
	}
	if h, ok := heads[t.next(i, 1)]; ok && h.kind == hUnit {
		return t.unit(i+1, h)
	}
	if strings.Count(num, ".") == 2 { // 30.03.2022
		a, b, _ := strings.Cut(num, ".")
		b, c, _ := strings.Cut(b, ".")
		return t.numericDate(i, i+1, a, b, c)
	}
	if strings.IndexByte(num, '.') > 0 { // 3.30 pm
		return t.clockFrom(i)
	}
	if strings.IndexByte(num, ',') >= 0 {
		return match{}, false
	}
	if d, ok := dayOf(num); ok {
		if m, ok := t.dayThenMonth(i, d); ok {
			return m, ok
		}
	}
	switch nx := t.next(i, 1); {
	case nx == "/" && num == "9" && t.next(i, 2) == "11" && t.next(i, 3) != "/":
		return match{i, i + 3, doc.Date, "2001-09-11"}, true // 9/11
	case nx == "/" && t.next(i, 3) == "/" && t.next(i, 4) != "" && t.toks[i+2].Kind == doc.Number && t.toks[i+4].Kind == doc.Number:
		return t.numericDate(i, i+5, num, t.toks[i+2].Lower, t.toks[i+4].Lower)
	case nx == ":" || isAmPm(nx) || nx == "o'clock" || nx == "o’clock" || len(num) == 4 && zones[nx]:
		if m, ok := t.clockFrom(i); ok {
			return m, true
		}
	}
	if len(num) == 4 {
		return t.year(i)
	}
	return match{}, false
}

// isAmPm matches am, pm, a.m., p.m. and "am." where a sentence-final full
// stop stuck to the token.
func isAmPm(s string) bool {
	switch s {
	case "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "am.", "pm.":
		return true
	}
	return false
}

// yearQuantifiers before a four-digit number make it a count ("some 2000").
var yearQuantifiers = map[string]bool{
	"some": true, "about": true, "around": true, "nearly": true, "almost": true, "approximately": true,
	"roughly": true, "than": true, "only": true, "just": true, "least": true, "estimated": true,
	"extra": true, "additional": true, "another": true, "total": true, "over": true, "under": true,
}

// yearPreps before a number make it a year even outside 1900-2099.
var yearPreps = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "before": true,
	"after": true, "during": true, "of": true, "early": true, "late": true, "mid": true,
}

// year tags a bare four-digit year, skipping amounts and counts.
func (t *tagger) year(i int) (match, bool) {
	y, ok := t.yearOf(i)
	if !ok {
		return match{}, false
	}
	p := t.prev(i, 1)
	if i > 0 && (t.toks[i-1].Kind == doc.Symbol || moneyBefore[t.toks[i-1].Lower]) && t.toks[i-1].End == t.toks[i].Start {
		return match{}, false // £2014, $2000
	}
	if moneyBefore[p] || yearQuantifiers[p] {
		return match{}, false
	}
	if i+1 < len(t.toks) {
		n := &t.toks[i+1]
		if countNouns[n.Lower] && n.Flags&doc.SentStart == 0 {
			return match{}, false
		}
	}
	if (y < 1900 || y > 2099) && !yearPreps[p] {
		return match{}, false
	}
	s := i
	if modifiers[p] && p != "earlier" && p != "later" {
		s = i - 1
	}
	return match{s, i + 1, doc.Date, fmtYear(y)}, true
}

// decade tags "1990s", "the 1960s", "the '60s", "the 90s".
func (t *tagger) decade(i int, num string) (match, bool) {
	n, ok := atoi(num)
	if !ok {
		return match{}, false
	}
	s := i
	switch len(num) {
	case 4:
		if n%10 != 0 || n < 1000 || n > 2190 {
			return match{}, false
		}
		n /= 10
	case 2:
		if n%10 != 0 {
			return match{}, false
		}
		j := i
		if q := t.prev(i, 1); q == "'" || q == "’" {
			j = i - 1
		}
		if t.prev(j, 1) != "the" && j == i {
			return match{}, false // "in his 60s" is an age
		}
		s = j
		if n >= 30 {
			n = 190 + n/10
		} else {
			n = 200 + n/10
		}
	default:
		return match{}, false
	}
	if t.prev(s, 1) == "the" {
		s--
	} else if p := t.prev(s, 1); modifiers[p] {
		s--
		if t.prev(s, 1) == "the" {
			s--
		}
	}
	return match{s, i + 1, doc.Date, itoa(n)}, true
}

func itoa(n int) string {
	var buf [12]byte
	return string(pad(buf[:0], n, 1))
}

// dayThenMonth handles a day number before a month: "30 March", "30th of
// March".
func (t *tagger) dayThenMonth(i, day int) (match, bool) {
	j := i + 1
	if t.next(i, 1) == "of" {
		j = i + 2
	}
	if j >= len(t.toks) || t.next(i, j-i) == "" {
		return match{}, false
	}
	if _, ok := t.isHead(j, hMonth); !ok {
		return match{}, false
	}
	return t.month(j, heads[t.toks[j].Lower].n, j, j+1)
}

// numericDate reads 30/03/2022, 3/30/2022, 2022/03/30 and 30.03.2022. Where
// both day-first and month-first readings are valid, the one nearest before
// the reference date wins (day-first without one, as in British news).
func (t *tagger) numericDate(s, e int, a, b, c string) (match, bool) {
	x, ok1 := atoi(a)
	y, ok2 := atoi(b)
	z, ok3 := atoi(c)
	if !ok1 || !ok2 || !ok3 || len(b) > 2 {
		return match{}, false
	}
	if len(a) == 4 { // 2022/03/30
		if len(c) > 2 || !validDay(x, y, z) {
			return match{}, false
		}
		return match{s, e, doc.Date, fmtDay(date{x, y, z})}, true
	}
	if len(a) > 2 {
		return match{}, false
	}
	switch len(c) {
	case 2:
		z += 2000
		if t.hasRef && z > t.ref.y+1 {
			z -= 100
		}
	case 4:
	default:
		return match{}, false
	}
	dmy, mdy := validDay(z, y, x), validDay(z, x, y)
	var v date
	switch {
	case dmy && mdy:
		v = date{z, y, x}
		if t.hasRef {
			alt := date{z, x, y}
			dv, da := t.ref.cmp(v) >= 0, t.ref.cmp(alt) >= 0
			if da && (!dv || alt.cmp(v) > 0) {
				v = alt
			}
		}
	case dmy:
		v = date{z, y, x}
	case mdy:
		v = date{z, x, y}
	default:
		return match{}, false
	}
	return match{s, e, doc.Date, fmtDay(v)}, true
}

func validDay(y, m, d int) bool {
	return y >= 1000 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// ---- months ----

// monthPreps make a capitalised month name unambiguous before it.
var monthPreps = map[string]bool{
	"in": true, "on": true, "since": true, "until": true, "till": true, "by": true, "from": true,
	"to": true, "of": true, "before": true, "after": true, "during": true, "between": true,
	"through": true, "throughout": true, "early": true, "late": true, "mid": true, "last": true,
	"next": true, "this": true, "end": true, "around": true,
}

// month parses the date around the month name at token mi. [s, e) is the
// month's own extent (a single token, or "mid-March").
func (t *tagger) month(mi, m, s, e int) (match, bool) {
	h := heads[t.toks[mi].Lower]
	hyphen := h.kind != hMonth // mid-March
	if t.toks[mi].Flags&doc.Upper == 0 && !hyphen {
		return match{}, false // "may", "march" in lower case
	}
	day, y := 0, 0
	// Right: "March 30", "March 30th", "March 30, 2022", "March 2022".
	if d, ok := dayOf(t.next(e-1, 1)); ok && t.toks[e].Kind == doc.Number && !strings.ContainsAny(t.toks[e].Lower, ".,") && validDay(2000, m, d) {
		if nx := t.next(e, 1); nx != ":" && nx != "%" && !countNouns[nx] {
			day = d
			e++
		}
	} else if a, b, ok := strings.Cut(t.next(e-1, 1), "-"); ok && t.toks[e].Kind == doc.Number {
		// "September 16-19": the range starts on its first day.
		da, ok1 := dayOf(a)
		db, ok2 := dayOf(b)
		if ok1 && ok2 && da < db && validDay(2000, m, db) {
			day = da
			e++
		}
	}
	if yy, ok := t.yearOf(e); ok && t.next(e-1, 1) != "" {
		y = yy
		e++
	} else if t.next(e-1, 1) == "," && t.next(e-1, 2) != "" {
		if yy, ok := t.yearOf(e + 1); ok {
			y = yy
			e += 2
		}
	} else if t.next(e-1, 1) == "of" && t.next(e-1, 2) != "" && day == 0 {
		if yy, ok := t.yearOf(e + 1); ok {
			y = yy
			e += 2
		}
	}
	// Left: "30 March", "30th of March", "the 30th of March".
	if day == 0 {
		p := t.prev(s, 1)
		if d, ok := dayOf(p); ok && (t.toks[s-1].Kind == doc.Number || p != "first") && validDay(2000, m, d) {
			day = d
			s--
			// "19–20 March" with a spaced or en dash: start on the first day.
			if q := t.prev(s, 1); q == "–" || q == "-" || q == "—" {
				if d0, ok := dayOf(t.prev(s, 2)); ok && d0 < day && t.toks[s-2].Kind == doc.Number {
					day, s = d0, s-2
				}
			}
		} else if a, b, ok := strings.Cut(p, "-"); ok && t.toks[s-1].Kind == doc.Number {
			// "19-20 March": the range starts on its first day.
			da, ok1 := dayOf(a)
			db, ok2 := dayOf(b)
			if ok1 && ok2 && da < db && validDay(2000, m, db) {
				day = da
				s--
			}
		} else if p == "of" {
			if d, ok := dayOf(t.prev(s, 2)); ok && validDay(2000, m, d) {
				day = d
				s -= 2
				if t.prev(s, 1) == "the" {
					s--
				}
			}
		}
	}
	// A weekday before: "Wednesday, 30 March", "Wednesday March 30".
	if day > 0 {
		if _, ok := t.isHead(s-1, hWeekday); ok && t.prev(s, 1) != "" {
			s--
		} else if t.prev(s, 1) == "," && t.prev(s, 2) != "" {
			if _, ok := t.isHead(s-2, hWeekday); ok {
				s -= 2
			}
		}
		if !validDay(2000, m, day) { // 2000 is a leap year: 29 February passes
			return match{}, false
		}
	}
	rel := 0
	p := t.prev(s, 1)
	strong := day > 0 || y > 0 || s < mi || e > mi+1 || monthPreps[p]
	if !strong && (p == "and" || p == "or" || p == "to" || p == "-" || p == "–") && t.toks[s].Flags&doc.SentStart == 0 {
		// "between March and May": the month before may already be tagged.
		if _, ok := t.isHead(s-2, hMonth); ok && t.toks[s-1].Flags&doc.SentStart == 0 {
			strong = true
		}
	}
	if day == 0 && y == 0 && (p == "every" || p == "each") {
		return match{s - 1, e, doc.Set, "XXXX-" + fmtMonth(0, m)[5:]}, true
	}
	if day == 0 && y == 0 {
		switch p {
		case "early", "late", "mid":
			s--
			p = t.prev(s, 1)
		}
		switch p {
		case "last":
			rel, s = -1, s-1
		case "next":
			rel, s = 1, s-1
		case "this":
			rel, s = 2, s-1
		}
	}
	if !strong {
		w := t.toks[mi].Lower
		if h.abbr || w == "may" || w == "march" {
			return match{}, false
		}
		if e < len(t.toks) && t.toks[e].Kind == doc.Word && t.toks[e].Flags&doc.Upper != 0 && t.toks[e].Flags&doc.SentStart == 0 {
			if _, isTime := heads[t.toks[e].Lower]; !isTime {
				return match{}, false // "June Brown"
			}
		}
		if mi > 0 && t.toks[mi].Flags&doc.SentStart == 0 && t.toks[mi-1].Kind == doc.Word && t.toks[mi-1].Flags&(doc.Upper|doc.SentStart) == doc.Upper {
			return match{}, false // "Billie June"
		}
	}
	// "in March last year", "24 February this year": one expression.
	of := 0
	if t.next(e-1, 1) == "of" {
		of = 1 // "March of next year"
	}
	if y == 0 && rel == 0 && t.next(e-1, 2+of) == "year" {
		if k, ok := relYear(t.next(e-1, 1+of)); ok {
			e += 2 + of
			if !t.hasRef {
				return match{s, e, doc.Date, ""}, true
			}
			y = t.ref.y + k
		}
	}
	// "the 11 September attacks", "September 11": the 2001 attacks, the
	// one date news names without a year.
	if y == 0 && m == 9 && day == 11 && attacks911[t.next(e-1, 1)] {
		return match{s, e, doc.Date, "2001-09-11"}, true
	}
	if y == 0 {
		if !t.hasRef {
			return match{s, e, doc.Date, ""}, true
		}
		y = t.monthYear(m, day, rel, s, e)
	}
	if day > 0 {
		if !validDay(y, m, day) {
			return match{}, false
		}
		// "the night of 29 March", "the morning of March 30"
		if t.prev(s, 1) == "of" && t.prev(s, 3) == "the" {
			if h, ok := t.isHead(s-2, hPartOfDay); ok && t.toks[s-2].Lower != "overnight" {
				return match{s - 3, e, doc.Time, fmtTime(date{y, m, day}, 0, 0, partCodes[h.n])}, true
			}
		}
		return t.withClock(match{s, e, doc.Date, ""}, date{y, m, day})
	}
	return match{s, e, doc.Date, fmtMonth(y, m)}, true
}

// monthYear picks the year of a month (and day) given without one.
func (t *tagger) monthYear(m, day, rel, s, e int) int {
	r := t.ref
	switch rel {
	case -1: // last March: strictly before the reference month
		if m < r.m {
			return r.y
		}
		return r.y - 1
	case 1:
		if m > r.m {
			return r.y
		}
		return r.y + 1
	case 2:
		return r.y
	}
	dir := t.tense(s, e)
	if day == 0 {
		switch {
		case dir > 0 && m < r.m:
			return r.y + 1
		case dir <= 0 && m > r.m:
			return r.y - 1
		}
		return r.y
	}
	c := date{r.y, m, min(day, daysIn(r.y, m))}
	switch {
	case dir > 0 && c.cmp(r) < 0:
		return r.y + 1
	case dir < 0 && c.cmp(r) > 0:
		return r.y - 1
	case dir == 0 && c.time().Sub(r.time()).Hours() > 60*24:
		return r.y - 1
	}
	return r.y
}

// tense is the direction of the nearest tense marker in the sentence around
// tokens [s, e): 1 future, -1 past, 0 none.
func (t *tagger) tense(s, e int) int {
	d, _ := t.tenseDist(s, e)
	return d
}

// tenseDist is tense with the distance in tokens to the marker that
// decided it (0 when none did).
func (t *tagger) tenseDist(s, e int) (int, int) {
	const window = 25
	best, dir := window+1, 0
	for j := s - 1; j >= 0 && s-j <= window; j-- {
		if j >= t.lastStart && j < t.lastEnd {
			continue
		}
		d := t.cue(j)
		if d == 2 {
			if s-j > weakReach {
				d = 0
			} else {
				d = 1
			}
		}
		if d != 0 {
			// A participle after "be" ("will be held", "is to be
			// signed") takes its tense from further left.
			if !(d < 0 && j > 0 && (t.toks[j-1].Lower == "be" || t.toks[j-1].Lower == "being")) {
				best, dir = s-j, d
				break
			}
		}
		if t.toks[j].Flags&doc.SentStart != 0 {
			break
		}
	}
	for j := e; j < len(t.toks) && j-e+1 < best; j++ {
		if t.toks[j].Flags&doc.SentStart != 0 {
			break
		}
		// With a marker on the left, one on the right counts only inside
		// the same clause: "launched ... in October, while Yahoo is".
		if dir != 0 && clauseBreak[t.toks[j].Lower] {
			break
		}
		if d := t.cue(j); d == 2 && j-e+1 <= weakReach || d != 0 && d != 2 {
			return min(d, 1), j - e + 1
		}
	}
	if dir == 0 && isPresentVerb(t, s) {
		return 1, 1
	}
	if dir == 0 {
		return 0, 0
	}
	return dir, best
}

// isPresentVerb reports a scheduling verb in the present shortly before the
// expression starting at s, in a sentence with no other tense marker:
// "Poland votes on Sunday", "the team meets on Friday", "Parliament returns
// from the Christmas break on Tuesday" announce an event to come. A closed
// list, because a plural noun ("hit shares on Monday") looks the same.
func isPresentVerb(t *tagger, s int) bool {
	own := true // still inside the expression's own phrase ("the", "its")
	for j := s - 1; j >= 0 && s-j <= 8; j-- {
		tk := &t.toks[j]
		if scheduleVerbs[tk.Lower] {
			return true
		}
		if tk.Lower == "from" && own {
			return false // "returns from the Christmas break": the break is past
		}
		if tk.Lower != "the" && tk.Lower != "its" && tk.Lower != "their" && tk.Lower != "his" && tk.Lower != "her" {
			own = false
		}
		switch tk.Lower {
		case "effect", "place", "office", "force", "off": // "takes effect", "kicks off"
			if j > 0 && tk.Flags&doc.SentStart == 0 {
				k := j - 1
				if t.toks[k].Lower == "into" && k > 0 { // "comes into force"
					k--
				}
				return scheduleVerbs[t.toks[k].Lower]
			}
		}
		if tk.Flags&doc.SentStart != 0 || clauseBreak[tk.Lower] {
			return false
		}
	}
	return false
}

var scheduleVerbs = map[string]bool{
	"meets": true, "votes": true, "starts": true, "begins": true, "opens": true, "ends": true,
	"closes": true, "returns": true, "resumes": true, "arrives": true, "travels": true,
	"visits": true, "faces": true, "plays": true, "hosts": true, "launches": true, "expires": true,
	"reopens": true, "convenes": true, "kicks": true, "premieres": true, "airs": true,
	"runs": true, "finishes": true, "leaves": true, "departs": true, "sits": true, "rules": true,
	"decides": true, "announces": true, "publishes": true, "releases": true, "reports": true,
	"takes": true, "comes": true, "goes": true, "enters": true, "gets": true, "debuts": true,
	// Plural subjects: "Trump and Clinton meet ... Monday".
	"meet": true, "face": true, "resume": true, "begin": true, "start": true, "return": true,
	"head": true, "travel": true, "debate": true,
}

// clauseBreak words start another clause, whose tense is not the
// expression's: "closed up 9% on Tuesday on speculation it is to receive".
var clauseBreak = map[string]bool{
	",": true, ";": true, ":": true, "while": true, "whereas": true, "but": true, "although": true,
	"though": true, "and": true, "(": true, "-": true, "–": true, "—": true, "it": true, "he": true,
	"she": true, "they": true, "we": true, "i": true, "that": true, "which": true, "who": true,
}

// weakReach is how far "is"/"are" count as a future marker.
const weakReach = 6

// cue is the tense direction token j marks: 1 future, -1 past, 0 none.
func (t *tagger) cue(j int) int {
	tk := &t.toks[j]
	w := tk.Lower
	if tk.Kind != doc.Word {
		return 0
	}
	switch w {
	case "set", "going", "due", "wants", "aims", "hopes", "plan", "plans", "hoping", "planning",
		"preparing", "aiming", "expecting", "looking", "poised", "likely":
		// These look ahead only before "to": "the first set 6-1", "the
		// going was good", "hopes of a 0.2% expansion".
		if j+1 < len(t.toks) {
			n := t.toks[j+1].Lower
			if n == "to" || w == "due" && (n == "on" || n == "in" || n == "for") {
				return 1
			}
		}
		return 0
	case "could", "can", "should", "must":
		return 2 // "could be fit for Saturday's opener": weak, like "is"
	case "has", "have":
		// "has to convince them in November" is an obligation ahead.
		if j+1 < len(t.toks) && t.toks[j+1].Lower == "to" {
			return 1
		}
		return -1
	case "may", "might":
		if tk.Flags&doc.Lower != 0 { // the modal, not the month
			return 1
		}
		return 0
	case "is", "are":
		// The present of "be" announces a scheduled event ("the vote is
		// on Thursday"), but only close by; cue's caller checks distance.
		return 2
	}
	if futureCues[w] || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
		return 1
	}
	if pastCues[w] {
		return -1
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && tk.Flags&doc.Lower != 0 && !notPast[w] {
		return -1
	}
	return 0
}

// notPast are common -ed words that are not past-tense verbs.
var notPast = map[string]bool{"need": true, "indeed": true, "speed": true, "united": true, "proceed": true, "exceed": true, "succeed": true, "hundred": true, "limited": true, "related": true, "based": true, "concerned": true, "interested": true, "planned": true, "proposed": true}

// ---- weekdays ----

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
	if j < len(t.toks) && t.next(e-1, j-e+1) != "" && t.toks[j].Kind == doc.Word {
		if h, ok := heads[t.toks[j].Lower]; ok && (h.kind == hWeekday || h.kind == hDeictic && h.n != 100) {
			savedStart, savedEnd := t.lastStart, t.lastEnd
			t.lastStart, t.lastEnd = j, j // the day must not reach back over the time
			m, ok := t.word(j, h)
			t.lastStart, t.lastEnd = savedStart, savedEnd
			if d, isDay := dayValue(m.value); ok && isDay && m.s == j && m.typ == doc.Date {
				day, known, e = d, true, m.e
			}
		}
	}
	if !known {
		return match{s, e, doc.Time, ""}, true
	}
	return match{s, e, doc.Time, fmtTime(day, hr, mi, "")}, true
}

// ---- hyphenated tokens ----

// hyphen reads "two-year", "10-year", "24-hour", "mid-March", "mid-2005",
// "mid-1990s", "year-long" and ISO dates.
func (t *tagger) hyphen(i int) (match, bool) {
	w := t.toks[i].Lower
	a, rest, _ := strings.Cut(w, "-")
	b, c, three := strings.Cut(rest, "-")
	if _, isNum := atoi(b); t.toks[i].Kind == doc.Number && len(a) <= 2 && isNum && !three {
		if _, ok := t.isHead(i+1, hMonth); ok && t.next(i, 1) != "" {
			return t.month(i+1, heads[t.toks[i+1].Lower].n, i+1, i+2) // "19-20 March"
		}
		return match{}, false
	}
	if t.toks[i].Kind == doc.Number && len(a) == 4 {
		y, ok := atoi(a)
		if !ok {
			return match{}, false
		}
		mo, ok := atoi(b)
		if !ok || len(b) != 2 {
			return match{}, false
		}
		if !three {
			if mo >= 1 && mo <= 12 && (y >= 1900 && y <= 2099) && !(mo == (y+1)%100) { // 2022-03, not 2004-05
				return match{i, i + 1, doc.Date, fmtMonth(y, mo)}, true
			}
			return match{}, false
		}
		d, ok := atoi(c)
		if !ok || len(c) != 2 || !validDay(y, mo, d) {
			return match{}, false
		}
		return match{i, i + 1, doc.Date, fmtDay(date{y, mo, d})}, true
	}
	if three && c != "long" {
		return match{}, false // "10-year-old" is an age, "two-year-long" rare
	}
	if n, ok := ordinals[a]; ok && b == "quarter" && n <= 4 && !three {
		return t.quarter(i, i, i+1, n) // "third-quarter profits"; "second-half" is sport
	}
	if a == "mid" || a == "end" || a == "early" || a == "late" {
		if h, ok := heads[b]; ok && h.kind == hMonth && !h.abbr {
			return t.month(i, h.n, i, i+1)
		}
		if n, ok := atoi(b); ok && len(b) == 4 && n >= 1000 && n <= 2199 {
			return match{i, i + 1, doc.Date, fmtYear(n)}, true
		}
		if num, suf := splitNum(b); suf == "s" && len(num) == 4 {
			if n, ok := atoi(num); ok && n%10 == 0 {
				return match{i, i + 1, doc.Date, itoa(n / 10)}, true
			}
		}
		return match{}, false
	}
	if b == "long" {
		if h, ok := heads[a]; ok && h.kind == hUnit && !h.plural {
			// "a three month-long poll": the number stands before.
			if n, s, ok := t.quantity(i); ok && n > 1 {
				return match{s, i + 1, doc.Duration, fmtDuration(n*float64(max(h.n, 1)), h.u)}, true
			}
			return match{i, i + 1, doc.Duration, fmtDuration(float64(max(h.n, 1)), h.u)}, true
		}
		return match{}, false
	}
	h, ok := heads[b]
	if !ok || h.kind != hUnit || h.plural || h.u == uQuarter || h.u == uHalf || h.u == uWeekend {
		return match{}, false
	}
	if three { // "two-year-long"
		return match{}, false
	}
	n, ok := quantityNum(a)
	if !ok {
		v, found := numberWords[a]
		if !found || v < 1 {
			v, found = compoundNumber(a)
			if !found {
				return match{}, false
			}
		}
		n = float64(v)
	}
	if h.n > 0 {
		n *= float64(h.n)
	}
	if i+1 < len(t.toks) && t.toks[i+1].Lower == "old" {
		return match{}, false
	}
	return match{i, i + 1, doc.Duration, fmtDuration(n, h.u)}, true
}

// compoundNumber reads "twenty-five" style numbers written as one token.
func compoundNumber(s string) (int, bool) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, false
	}
	x, ok1 := numberWords[a]
	y, ok2 := numberWords[b]
	if !ok1 || !ok2 || x < 20 || x%10 != 0 || y < 1 || y > 9 {
		return 0, false
	}
	return x + y, true
}

// attacks911 are words after "11 September" that name the 2001 attacks
// rather than a date this year.
var attacks911 = map[string]bool{
	"attacks": true, "attack": true, "terror": true, "terrorist": true, "terrorists": true,
	"hijackers": true, "conspiracy": true, "commission": true, "families": true,
}

// relYear maps "last", "this", "next" to a year offset.
func relYear(w string) (int, bool) {
	switch w {
	case "last":
		return -1, true
	case "this":
		return 0, true
	case "next":
		return 1, true
	}
	return 0, false
}

// dayValue reads the day of a value that starts YYYY-MM-DD.
func dayValue(v string) (date, bool) {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return date{}, false
	}
	y, ok1 := atoi(v[:4])
	m, ok2 := atoi(v[5:7])
	d, ok3 := atoi(v[8:10])
	return date{y, m, d}, ok1 && ok2 && ok3
}
