package timex

import (
	"strconv"
	"time"
)

// date is a civil date. Arithmetic goes through time.Time at noon UTC, which
// keeps clear of daylight-saving and zone edges.
type date struct{ y, m, d int }

func civil(t time.Time) date {
	y, m, d := t.Date()
	return date{y, int(m), d}
}

func (a date) time() time.Time { return time.Date(a.y, time.Month(a.m), a.d, 12, 0, 0, 0, time.UTC) }

func (a date) addDays(n int) date { return civil(a.time().AddDate(0, 0, n)) }

// weekday is the ISO weekday, Monday 1 to Sunday 7.
func (a date) weekday() int {
	w := int(a.time().Weekday())
	if w == 0 {
		return 7
	}
	return w
}

func (a date) cmp(b date) int {
	switch {
	case a.y != b.y:
		return a.y - b.y
	case a.m != b.m:
		return a.m - b.m
	}
	return a.d - b.d
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// addMonths moves a (year, month) pair by n months.
func addMonths(y, m, n int) (int, int) {
	k := y*12 + (m - 1) + n
	return floorDiv(k, 12), k - floorDiv(k, 12)*12 + 1
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// easter is Easter Sunday of year y in the Gregorian calendar (the
// anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
func easter(y int) date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date{y, month, day}
}

// season of a month: 0 spring (Mar-May), 1 summer, 2 autumn, 3 winter
// (Dec-Feb). Winter belongs to the year it starts in, so January 2022 is in
// winter 2021 (2021-WI).
func seasonOf(a date) (y, s int) {
	switch {
	case a.m <= 2:
		return a.y - 1, 3
	case a.m == 12:
		return a.y, 3
	}
	return a.y, (a.m - 3) / 3
}

var seasonCodes = [4]string{"SP", "SU", "FA", "WI"}

// Value formatting. Each builds its string in a stack buffer: one
// allocation per expression, none per token.

func pad(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func fmtYear(y int) string {
	var buf [8]byte
	return string(pad(buf[:0], y, 4))
}

func fmtMonth(y, m int) string {
	var buf [12]byte
	b := pad(buf[:0], y, 4)
	b = append(b, '-')
	return string(pad(b, m, 2))
}

func fmtDay(a date) string {
	var buf [16]byte
	return string(appendDay(buf[:0], a))
}

func appendDay(b []byte, a date) []byte {
	b = pad(b, a.y, 4)
	b = append(b, '-')
	b = pad(b, a.m, 2)
	b = append(b, '-')
	return pad(b, a.d, 2)
}

// fmtWeek is the ISO week holding a: 2022-W13; suffix adds "-WE".
func fmtWeek(a date, suffix string) string {
	y, w := a.time().ISOWeek()
	var buf [16]byte
	b := pad(buf[:0], y, 4)
	b = append(b, "-W"...)
	b = pad(b, w, 2)
	return string(append(b, suffix...))
}

// fmtTime is a day with a clock time (T15:00) or a part of day (TMO).
func fmtTime(a date, hour, min int, part string) string {
	var buf [24]byte
	b := appendDay(buf[:0], a)
	b = append(b, 'T')
	if part != "" {
		return string(append(b, part...))
	}
	b = pad(b, hour, 2)
	b = append(b, ':')
	return string(pad(b, min, 2))
}

var partCodes = [4]string{"MO", "AF", "EV", "NI"}

// fmtDuration writes a TIMEX3 duration: P8Y, P3M, P2W, P5D, PT24H, PT30M.
// n < 0 is a vague quantity (PXY). Decades and centuries count in years, as
// the gold does ("two decades" is P20Y); vague ones keep their own unit
// (PXDE, PXCE).
func fmtDuration(n float64, u unit) string {
	vague := n < 0
	// A fraction that a smaller unit counts whole: half an hour is PT30M,
	// half a year P6M, 1.5 days PT36H.
	if !vague && n != float64(int64(n)) {
		switch {
		case u == uHour && n*60 == float64(int64(n*60)):
			n, u = n*60, uMinute
		case u == uYear && n*12 == float64(int64(n*12)):
			n, u = n*12, uMonth
		case u == uDay && n*24 == float64(int64(n*24)):
			n, u = n*24, uHour
		}
	}
	var code string
	switch u {
	case uCentury:
		if vague {
			return "PXCE"
		}
		n, code = n*100, "Y"
	case uDecade:
		if vague {
			return "PXDE"
		}
		n, code = n*10, "Y"
	case uYear:
		code = "Y"
	case uHalf:
		n, code = n*6, "M"
	case uQuarter:
		n, code = n*3, "M"
	case uSeason:
		n, code = n*3, "M"
	case uMonth:
		code = "M"
	case uWeek, uWeekend:
		code = "W"
	case uDay:
		code = "D"
	case uHour:
		code = "TH"
	case uMinute:
		code = "TM"
	case uSecond:
		code = "TS"
	default:
		return ""
	}
	var buf [24]byte
	b := append(buf[:0], 'P')
	if len(code) == 2 {
		b = append(b, 'T')
		code = code[1:]
	}
	if vague {
		b = append(b, 'X')
	} else {
		b = strconv.AppendFloat(b, n, 'f', -1, 64)
	}
	return string(append(b, code...))
}
