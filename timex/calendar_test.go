package timex

import (
	"testing"

	"newsgraph/doc"
)

func TestEaster(t *testing.T) {
	for _, c := range []struct {
		year int
		want date
	}{
		{2005, date{2005, 3, 27}}, {2016, date{2016, 3, 27}}, {2019, date{2019, 4, 21}},
		{2021, date{2021, 4, 4}}, {2022, date{2022, 4, 17}}, {2024, date{2024, 3, 31}},
		{2025, date{2025, 4, 20}}, {2038, date{2038, 4, 25}}, {1818, date{1818, 3, 22}},
	} {
		if got := easter(c.year); got != c.want {
			t.Errorf("easter(%d) = %v, want %v", c.year, got, c.want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	for _, c := range []struct{ y, m, n, wy, wm int }{
		{2022, 3, -1, 2022, 2}, {2022, 1, -1, 2021, 12}, {2022, 12, 1, 2023, 1},
		{2022, 3, -15, 2020, 12}, {2022, 3, 24, 2024, 3}, {2022, 3, 0, 2022, 3},
	} {
		if y, m := addMonths(c.y, c.m, c.n); y != c.wy || m != c.wm {
			t.Errorf("addMonths(%d, %d, %d) = %d-%d, want %d-%d", c.y, c.m, c.n, y, m, c.wy, c.wm)
		}
	}
}

func TestSeasonOf(t *testing.T) {
	for _, c := range []struct {
		d     date
		y, sn int
	}{
		{date{2022, 1, 15}, 2021, 3}, {date{2022, 2, 28}, 2021, 3}, {date{2022, 3, 1}, 2022, 0},
		{date{2022, 6, 1}, 2022, 1}, {date{2022, 11, 30}, 2022, 2}, {date{2022, 12, 1}, 2022, 3},
	} {
		if y, sn := seasonOf(c.d); y != c.y || sn != c.sn {
			t.Errorf("seasonOf(%v) = %d-%s, want %d-%s", c.d, y, seasonCodes[sn], c.y, seasonCodes[c.sn])
		}
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{fmtDay(date{2022, 3, 30}), "2022-03-30"},
		{fmtDay(date{987, 1, 2}), "0987-01-02"},
		{fmtMonth(2022, 2), "2022-02"},
		{fmtYear(14), "0014"},
		{fmtWeek(date{2022, 3, 30}, ""), "2022-W13"},
		{fmtWeek(date{2021, 1, 3}, ""), "2020-W53"}, // ISO year differs from the calendar year
		{fmtWeek(date{2022, 3, 26}, "-WE"), "2022-W12-WE"},
		{fmtTime(date{2022, 3, 30}, 15, 5, ""), "2022-03-30T15:05"},
		{fmtTime(date{2022, 3, 30}, 0, 0, "MO"), "2022-03-30TMO"},
		{fmtDuration(8, uYear), "P8Y"},
		{fmtDuration(2, uDecade), "P20Y"},
		{fmtDuration(1, uCentury), "P100Y"},
		{fmtDuration(-1, uDecade), "PXDE"},
		{fmtDuration(-1, uWeek), "PXW"},
		{fmtDuration(24, uHour), "PT24H"},
		{fmtDuration(0.5, uHour), "PT30M"},
		{fmtDuration(1.5, uYear), "P18M"},
		{fmtDuration(1.5, uWeek), "P1.5W"},
		{fmtDuration(-1, uMinute), "PTXM"},
		{fmtDuration(2, uQuarter), "P6M"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestNumericDateReadings(t *testing.T) {
	// Both readings valid: the one nearest before the reference date wins;
	// without a reference date, day first.
	for _, c := range []struct{ ref, text, want string }{
		{"2022-03-30", "Dated 03/02/2022.", "03/02/2022=2022-03-02"},
		{"2022-02-10", "Dated 03/02/2022.", "03/02/2022=2022-02-03"},
		{"2022-03-30", "Dated 13/02/2022.", "13/02/2022=2022-02-13"},
		{"2022-03-30", "Dated 02/13/2022.", "02/13/2022=2022-02-13"},
		{"", "Dated 03/02/2022.", "03/02/2022=2022-02-03"},
		{"2022-03-30", "Dated 03/02/22.", "03/02/22=2022-03-02"},
		{"2022-03-30", "Dated 31/02/2022.", "2022=2022"}, // no such day: the year alone
	} {
		if got := describe(tagText(c.text, day(c.ref))); got != c.want {
			t.Errorf("ref %s %q: got %q, want %q", c.ref, c.text, got, c.want)
		}
	}
}

// TestHeadFilter checks that the prefilter never drops a head word, and
// that it does drop most words of running text (its reason to exist).
func TestHeadFilter(t *testing.T) {
	for w := range heads {
		if !maybeHead(w) {
			t.Errorf("head word %q is filtered out", w)
		}
	}
	d := loadDoc(t, "testdata/russia-regrouping-2022-03-30.txt", day("2022-03-30"))
	pass, words := 0, 0
	for _, tk := range d.Tokens {
		if tk.Kind == doc.Word {
			words++
			if maybeHead(tk.Lower) {
				pass++
			}
		}
	}
	if pass*4 > words {
		t.Errorf("filter lets %d of %d words through", pass, words)
	}
}
