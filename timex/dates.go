package timex

// Numbers, years, decades, explicit dates and months.

import (
	"strconv"
	"strings"

	"newsgraph/doc"
)

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
		// "between 2000 and 2100 GMT": two clock times, not a year.
		if nx := t.next(i, 1); (nx == "and" || nx == "to" || nx == "-" || nx == "–") && zones[t.next(i, 3)] && len(t.next(i, 2)) == 4 {
			h, _ := atoi(num[:2])
			mi, _ := atoi(num[2:])
			if h < 24 && mi < 60 {
				return t.clockAt(i, i+1, h, mi)
			}
		}
		return t.year(i)
	}
	return match{}, false
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
		// "June 11: ..." is a date, "June 11:30" is not.
		clock := t.next(e, 1) == ":" && e+2 < len(t.toks) && t.toks[e+2].Kind == doc.Number && len(t.toks[e+2].Lower) == 2
		if nx := t.next(e, 1); !clock && nx != "%" && !countNouns[nx] {
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
	if t.next(i, 1) == "old" || kindNouns[t.next(i, 1)] || kindNouns[t.next(i, 2)] {
		return match{}, false
	}
	return match{i, i + 1, doc.Duration, fmtDuration(n, h.u)}, true
}

// kindNouns after "four-year" make it a kind of thing, not a span of time.
var kindNouns = map[string]bool{
	"college": true, "colleges": true, "university": true, "universities": true, "school": true,
	"schools": true, "degree": true, "degrees": true, "institution": true, "institutions": true,
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
