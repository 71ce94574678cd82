package timex

// The word lists are small closed classes of English (month and weekday
// names, number words, calendar units), so they live in code rather than in
// an embedded data file: they never change and the compiler checks them.

// headKind says what a trigger token can start or head.
type headKind uint8

const (
	hNone       headKind = iota
	hMonth               // January, Jan., Sept.
	hWeekday             // Monday, Mon.
	hUnit                // year, months, week, day, decade, century, hour, minute, weekend, quarter
	hSeason              // spring, summer, autumn, fall, winter
	hPartOfDay           // morning, afternoon, evening, night
	hDeictic             // today, yesterday, tomorrow, tonight
	hPresent             // currently, nowadays, now (in fixed phrases only)
	hSetAdverb           // annually, daily, weekly, monthly
	hHoliday             // Christmas, Easter, Halloween
	hQuarterTok          // Q1..Q4
	hRef                 // future, past (in "in the future", "in the past")
	hDecadeWord          // sixties, seventies ...
	hNoon                // noon, midday, midnight
)

// unit is a calendar unit; the order runs from coarse to fine.
type unit uint8

const (
	uNone unit = iota
	uCentury
	uDecade
	uYear
	uHalf
	uQuarter
	uSeason
	uMonth
	uWeek
	uWeekend
	uDay
	uHour
	uMinute
	uSecond
)

// head is what the lexicon knows about one trigger word.
type head struct {
	kind   headKind
	n      int  // month 1-12, ISO weekday 1-7, deictic day offset, season index, set unit ...
	u      unit // for hUnit and hSetAdverb
	plural bool // "years": a bare plural can be a vague duration ("for years")
	abbr   bool // an abbreviation (Jan., Mon.) that needs stronger context
}

var heads = map[string]head{}

func addHead(h head, words ...string) {
	for _, w := range words {
		heads[w] = h
	}
}

func init() {
	months := [][]string{
		{"january", "jan.", "jan"}, {"february", "feb.", "feb"}, {"march", "mar.", "mar"}, {"april", "apr.", "apr"},
		{"may"}, {"june", "jun.", "jun"}, {"july", "jul.", "jul"}, {"august", "aug.", "aug"},
		{"september", "sept.", "sep.", "sept", "sep"}, {"october", "oct.", "oct"}, {"november", "nov.", "nov"},
		{"december", "dec.", "dec"},
	}
	for i, ws := range months {
		addHead(head{kind: hMonth, n: i + 1}, ws[0])
		for _, w := range ws[1:] {
			addHead(head{kind: hMonth, n: i + 1, abbr: true}, w)
		}
	}
	days := [][]string{
		{"monday", "mon.", "mon"}, {"tuesday", "tue.", "tues.", "tue", "tues"}, {"wednesday", "wed.", "wed"},
		{"thursday", "thu.", "thur.", "thurs.", "thu", "thurs"}, {"friday", "fri.", "fri"}, {"saturday", "sat.", "sat"},
		{"sunday", "sun.", "sun"},
	}
	for i, ws := range days {
		addHead(head{kind: hWeekday, n: i + 1}, ws[0])
		addHead(head{kind: hWeekday, n: i + 1, plural: true}, ws[0]+"s") // "on Mondays": a SET
		for _, w := range ws[1:] {
			addHead(head{kind: hWeekday, n: i + 1, abbr: true}, w)
		}
	}
	units := []struct {
		u            unit
		sing, plural string
	}{
		{uCentury, "century", "centuries"}, {uDecade, "decade", "decades"}, {uYear, "year", "years"},
		{uQuarter, "quarter", "quarters"}, {uMonth, "month", "months"}, {uWeek, "week", "weeks"},
		{uWeekend, "weekend", "weekends"}, {uDay, "day", "days"}, {uHour, "hour", "hours"},
		{uMinute, "minute", "minutes"}, {uSecond, "second", "seconds"}, {uWeek, "fortnight", "fortnights"},
		{uHalf, "half", "halves"},
	}
	for _, u := range units {
		addHead(head{kind: hUnit, u: u.u}, u.sing)
		addHead(head{kind: hUnit, u: u.u, plural: true}, u.plural)
	}
	// "fortnight" is two weeks; n marks the multiplier.
	heads["fortnight"] = head{kind: hUnit, u: uWeek, n: 2}
	heads["fortnights"] = head{kind: hUnit, u: uWeek, n: 2, plural: true}
	heads["hrs"] = head{kind: hUnit, u: uHour, plural: true}
	heads["mins"] = head{kind: hUnit, u: uMinute, plural: true}
	heads["yrs"] = head{kind: hUnit, u: uYear, plural: true}

	for i, ws := range [][]string{{"spring"}, {"summer"}, {"autumn", "fall"}, {"winter"}} {
		addHead(head{kind: hSeason, n: i}, ws...)
	}
	for i, ws := range [][]string{{"morning"}, {"afternoon"}, {"evening"}, {"night", "overnight"}} {
		addHead(head{kind: hPartOfDay, n: i}, ws...)
	}
	addHead(head{kind: hDeictic, n: 0}, "today")
	addHead(head{kind: hDeictic, n: -1}, "yesterday")
	addHead(head{kind: hDeictic, n: 1}, "tomorrow")
	addHead(head{kind: hDeictic, n: 100}, "tonight") // 100: today, at night
	addHead(head{kind: hPresent}, "currently", "nowadays", "now", "present", "moment", "presently")
	addHead(head{kind: hSetAdverb, u: uYear}, "annually", "yearly")
	addHead(head{kind: hSetAdverb, u: uDay}, "daily", "nightly")
	addHead(head{kind: hSetAdverb, u: uWeek}, "weekly")
	addHead(head{kind: hSetAdverb, u: uWeek, n: 2}, "fortnightly")
	addHead(head{kind: hSetAdverb, u: uMonth}, "monthly")
	addHead(head{kind: hSetAdverb, u: uQuarter}, "quarterly")
	for i, w := range []string{"q1", "q2", "q3", "q4"} {
		addHead(head{kind: hQuarterTok, n: i + 1}, w)
	}
	addHead(head{kind: hRef, n: 1}, "future")
	addHead(head{kind: hRef, n: -1}, "past")
	for i, w := range []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		addHead(head{kind: hDecadeWord, n: i + 2}, w)
	}
	addHead(head{kind: hNoon, n: 12}, "noon", "midday")
	addHead(head{kind: hNoon, n: 24}, "midnight")
	for i := range holidays {
		addHead(head{kind: hHoliday, n: i}, holidays[i].word)
	}
	for w := range heads {
		b := headBit(w)
		headFilter[b>>6] |= 1 << (b & 63)
	}
}

// headFilter is a 4096-bit filter over the head words, keyed by length and
// three letters: a word whose bit is clear is no trigger, which spares the
// map lookup for most words of running text (the lookup was 40% of Tag).
var headFilter [64]uint64

func headBit(w string) uint {
	n := len(w)
	return uint(n*31+int(w[0])*7+int(w[1%n])*131+int(w[n-1])*17) & 4095
}

// maybeHead reports whether w can be a head word.
func maybeHead(w string) bool {
	if w == "" {
		return false
	}
	b := headBit(w)
	return headFilter[b>>6]&(1<<(b&63)) != 0
}

// holiday is a named day; month 0 marks Easter, computed per year.
type holiday struct {
	word       string
	month, day int
	needsDay   bool // only a holiday when followed by "Day" (Boxing Day)
}

var holidays = []holiday{
	{word: "christmas", month: 12, day: 25},
	{word: "easter"},
	{word: "halloween", month: 10, day: 31},
	{word: "boxing", month: 12, day: 26, needsDay: true},
	{word: "valentine", month: 2, day: 14, needsDay: true},
	{word: "valentine's", month: 2, day: 14, needsDay: true},
}

// numberWords are cardinal numbers written out; -1 is a vague quantity
// ("several years": PXY).
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "dozen": 12, "couple": 2, "half": -2,
	"several": -1, "few": -1, "many": -1, "some": -1, "numerous": -1,
}

// ordinals map "first".."thirty-first" and "1st".."31st" to numbers.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
	"twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
	"twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
	"final": 4, "last": 4, // "the final quarter"
}

// preps are the prepositions the gold includes in a time expression's span.
var preps = map[string]bool{"on": true, "in": true, "at": true, "over": true, "for": true, "during": true}

// currency symbols and words that make a following number an amount.
var moneyBefore = map[string]bool{"£": true, "$": true, "€": true, "¥": true, "us$": true, "#": true, "no.": true, "number": true, "page": true, "flight": true, "route": true, "room": true}

// countNouns after a four-digit number mean it is a count, not a year.
var countNouns = map[string]bool{
	"people": true, "persons": true, "jobs": true, "votes": true, "pounds": true, "dollars": true,
	"euros": true, "staff": true, "workers": true, "cases": true, "deaths": true, "troops": true,
	"soldiers": true, "members": true, "units": true, "copies": true, "tonnes": true, "tons": true,
	"km": true, "miles": true, "metres": true, "meters": true, "feet": true, "homes": true,
	"households": true, "m": true, "bn": true, "million": true, "billion": true, "%": true,
	"per": true, "percent": true, "points": true, "students": true, "children": true, "men": true,
	"women": true, "residents": true, "customers": true, "users": true, "employees": true,
	"cars": true, "vehicles": true, "visitors": true, "fans": true, "calories": true, "words": true,
	"pages": true, "kg": true, "years": true, "hours": true, "days": true, "minutes": true,
	"seats": true, "signatures": true, "patients": true, "refugees": true, "prisoners": true,
	"pupils": true, "teachers": true, "officers": true, "police": true, "respondents": true,
	"sq": true, "acres": true, "hectares": true, "barrels": true, "mph": true, "kph": true,
	"gb": true, "mb": true, "mw": true, "x": true, "°": true,
}

// futureCues and pastCues decide the direction of an underspecified date
// ("on Friday", "in March") from the nearest tense marker in its sentence.
var futureCues = map[string]bool{
	"will": true, "shall": true, "won't": true, "won’t": true, "'ll": true, "upcoming": true,
	"next": true, "due": true, "scheduled": true, "expected": true, "plans": true,
	"intends": true, "set": true, "going": true, "until": true, "coming": true,
	"forthcoming": true, "ahead": true,
}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "ago": true,
	"has": true, "have": true, "been": true, "last": true, "since": true, "took": true, "came": true,
	"went": true, "made": true, "won": true, "lost": true, "began": true, "met": true, "held": true,
	"saw": true, "gave": true, "got": true, "left": true, "wrote": true, "became": true, "fell": true,
	"rose": true, "spoke": true, "sent": true, "ran": true, "led": true, "paid": true, "sold": true,
	"bought": true, "found": true, "thought": true, "felt": true, "kept": true, "struck": true,
	"earlier": true, "previous": true, "former": true, "already": true, "broke": true,
	"grew": true, "sank": true, "shrank": true, "stood": true, "spent": true, "built": true,
	"brought": true, "caught": true, "chose": true, "drew": true, "drove": true, "flew": true,
	"froze": true, "knew": true, "meant": true, "rang": true, "shook": true, "shot": true,
	"sought": true, "stole": true, "swore": true, "taught": true, "threw": true, "withdrew": true,
	"fled": true, "fought": true, "heard": true, "sat": true, "slept": true, "overtook": true,
	"forgot": true, "understood": true, "wore": true,
}
