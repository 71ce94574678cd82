package web

import (
	"encoding/json"
	nurl "net/url"
	"regexp"
	"strings"
	"time"

	_ "time/tzdata" // zone rules for zoneOf on systems without them

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// publishedMeta lists the <meta> names and properties that state a
// publication date, most trusted first.
var publishedMeta = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "dc.date.issued", "dcterms.issued", "parsely-pub-date",
}

// isoDate matches an ISO 8601 date with an optional time and zone.
var isoDate = regexp.MustCompile(`^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):\d{2}(?::\d{2})?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?`)

// publishedDate decides between the date htmldate found (found) and the
// publication date the page declares. htmldate weighs dates in the URL and
// sometimes takes the modification date; when its date is the page's
// modification date or the date in its URL, and the page declares another
// publication date, the declared one wins. Otherwise htmldate's date, which
// was right more often on the evaluation corpus, stays.
func publishedDate(root *html.Node, found time.Time, pageURL string) time.Time {
	loc := zoneOf(pageURL)
	declared, ok := declaredDate(root, loc)
	if !ok || found.IsZero() || sameDay(declared, found) {
		if found.IsZero() && ok {
			return declared
		}
		return found
	}
	// htmldate read a UTC time as the day: the page's own zone decides.
	if loc != nil {
		if utc, ok := declaredDate(root, time.UTC); ok && sameDay(utc, found) {
			return declared
		}
	}
	if m, ok := modifiedDate(root, loc); ok && sameDay(m, found) {
		return declared
	}
	if pageURL != "" && strings.Contains(pageURL, found.Format("/2006/01/02/")) {
		return declared
	}
	return found
}

func sameDay(a, b time.Time) bool {
	return a.Format(time.DateOnly) == b.Format(time.DateOnly)
}

// modifiedDate is the modification date the page declares.
func modifiedDate(root *html.Node, loc *time.Location) (time.Time, bool) {
	for _, m := range cascadia.QueryAll(root, metaSel) {
		var key, content string
		for _, a := range m.Attr {
			switch a.Key {
			case "name", "property", "itemprop":
				key = strings.ToLower(a.Val)
			case "content":
				content = a.Val
			}
		}
		switch key {
		case "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "revision_date":
			if t, ok := parseISODate(content, loc); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// declaredDate returns the publication date the page states in JSON-LD,
// <meta> tags or microdata, as a calendar date in the page's own time zone.
// htmldate, which trafilatura uses, also weighs dates in the URL and in the
// text and sometimes prefers the modification date; a date the page
// explicitly declares as its publication date is more reliable.
func declaredDate(root *html.Node, loc *time.Location) (time.Time, bool) {
	if t, ok := jsonLDDate(root, loc); ok {
		return t, true
	}
	metas := map[string]string{}
	for _, m := range cascadia.QueryAll(root, metaSel) {
		var key, content string
		for _, a := range m.Attr {
			switch a.Key {
			case "name", "property", "itemprop", "http-equiv":
				if key == "" {
					key = strings.ToLower(strings.TrimSpace(a.Val))
				}
			case "content":
				content = a.Val
			}
		}
		if _, seen := metas[key]; key != "" && !seen {
			metas[key] = content
		}
	}
	for _, k := range publishedMeta {
		if t, ok := parseISODate(metas[k], loc); ok {
			return t, true
		}
	}
	for _, n := range cascadia.QueryAll(root, itempropSel) {
		for _, a := range n.Attr {
			if a.Key == "datetime" || a.Key == "content" {
				if t, ok := parseISODate(a.Val, loc); ok {
					return t, true
				}
			}
		}
	}
	return time.Time{}, false
}

var (
	metaSel     = cascadia.MustCompile("meta[content]")
	itempropSel = cascadia.MustCompile(`[itemprop=datePublished]`)
	jsonLDSel   = cascadia.MustCompile(`script[type="application/ld+json"]`)
)

func parseISODate(s string, loc *time.Location) (time.Time, bool) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil || t.Year() < 1995 || t.After(time.Now().AddDate(0, 0, 2)) {
		return time.Time{}, false
	}
	if m[4] != "" && (m[5] == "" || m[5] == "Z" || strings.Trim(m[5], "+-0:") == "") {
		// Many sites state the time in UTC, whose date is not the date
		// their readers saw near midnight. With the site's time zone known
		// (from its country domain) the local date is computed; otherwise
		// the date is only trusted when it is the same from UTC-8 to UTC+2,
		// where most of the news comes from.
		h := atoi(m[4])
		// Only "Z" is taken for UTC proper: "+00:00" is what WordPress
		// writes for a site whose clock is set to UTC, the local time.
		if loc != nil {
			local := localDate(t.Add(time.Duration(h)*time.Hour), loc)
			if m[5] == "Z" || sameDay(local, t) {
				return local, true
			}
		}
		if h < 8 || h > 21 {
			return time.Time{}, false
		}
	}
	return t, true
}

// localDate is the calendar date in loc of the UTC instant t.
func localDate(t time.Time, loc *time.Location) time.Time {
	y, mo, d := t.In(loc).Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
}

// zones maps country domains to the time zone of most of their sites.
var zones = map[string]string{
	"de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich", "fr": "Europe/Paris",
	"it": "Europe/Rome", "es": "Europe/Madrid", "nl": "Europe/Amsterdam", "be": "Europe/Brussels",
	"pl": "Europe/Warsaw", "cz": "Europe/Prague", "dk": "Europe/Copenhagen", "se": "Europe/Stockholm",
	"no": "Europe/Oslo", "fi": "Europe/Helsinki", "uk": "Europe/London", "ie": "Europe/Dublin",
	"pt": "Europe/Lisbon", "br": "America/Sao_Paulo", "ar": "America/Argentina/Buenos_Aires",
	"bo": "America/La_Paz", "co": "America/Bogota", "pe": "America/Lima", "mx": "America/Mexico_City",
	"cl": "America/Santiago", "uy": "America/Montevideo", "ve": "America/Caracas",
	"jp": "Asia/Tokyo", "kr": "Asia/Seoul", "cn": "Asia/Shanghai", "in": "Asia/Kolkata",
	"au": "Australia/Sydney", "nz": "Pacific/Auckland",
}

// zoneOf guesses a site's time zone from the country domain of its URL;
// nil for generic domains (.com, .org, ...).
func zoneOf(pageURL string) *time.Location {
	u, err := nurl.Parse(pageURL)
	if err != nil {
		return nil
	}
	h := u.Hostname()
	name, ok := zones[h[strings.LastIndexByte(h, '.')+1:]]
	if !ok {
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil
	}
	return loc
}

// jsonLDDate finds datePublished in the page's JSON-LD.
func jsonLDDate(root *html.Node, loc *time.Location) (time.Time, bool) {
	for _, s := range cascadia.QueryAll(root, jsonLDSel) {
		if s.FirstChild == nil {
			continue
		}
		var v any
		if json.Unmarshal([]byte(s.FirstChild.Data), &v) != nil {
			continue
		}
		if t, ok := findDate(v, 0, loc); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

func findDate(v any, depth int, loc *time.Location) (time.Time, bool) {
	if depth > 8 {
		return time.Time{}, false
	}
	switch x := v.(type) {
	case map[string]any:
		if s, ok := x["datePublished"].(string); ok {
			if t, ok := parseISODate(s, loc); ok {
				return t, true
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if c, ok := x[k]; ok {
				if t, ok := findDate(c, depth+1, loc); ok {
					return t, true
				}
			}
		}
	case []any:
		for _, c := range x {
			if t, ok := findDate(c, depth+1, loc); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
