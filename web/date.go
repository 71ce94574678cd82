package web

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"

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
	declared, ok := declaredDate(root)
	if !ok || found.IsZero() || sameDay(declared, found) {
		if found.IsZero() && ok {
			return declared
		}
		return found
	}
	if m, ok := modifiedDate(root); ok && sameDay(m, found) {
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
func modifiedDate(root *html.Node) (time.Time, bool) {
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
			if t, ok := parseISODate(content); ok {
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
func declaredDate(root *html.Node) (time.Time, bool) {
	if t, ok := jsonLDDate(root); ok {
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
		if t, ok := parseISODate(metas[k]); ok {
			return t, true
		}
	}
	for _, n := range cascadia.QueryAll(root, itempropSel) {
		for _, a := range n.Attr {
			if a.Key == "datetime" || a.Key == "content" {
				if t, ok := parseISODate(a.Val); ok {
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

func parseISODate(s string) (time.Time, bool) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil || t.Year() < 1995 || t.After(time.Now().AddDate(0, 0, 2)) {
		return time.Time{}, false
	}
	// Many sites state the time in UTC, whose date is not the date their
	// readers saw near midnight. Such a date is only trusted when it is
	// the same from UTC-8 to UTC+2, where most of the news comes from.
	if m[4] != "" && (m[5] == "" || m[5] == "Z" || strings.Trim(m[5], "+-0:") == "") {
		if h := atoi(m[4]); h < 8 || h > 21 {
			return time.Time{}, false
		}
	}
	return t, true
}

// jsonLDDate finds datePublished in the page's JSON-LD.
func jsonLDDate(root *html.Node) (time.Time, bool) {
	for _, s := range cascadia.QueryAll(root, jsonLDSel) {
		if s.FirstChild == nil {
			continue
		}
		var v any
		if json.Unmarshal([]byte(s.FirstChild.Data), &v) != nil {
			continue
		}
		if t, ok := findDate(v, 0); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

func findDate(v any, depth int) (time.Time, bool) {
	if depth > 8 {
		return time.Time{}, false
	}
	switch x := v.(type) {
	case map[string]any:
		if s, ok := x["datePublished"].(string); ok {
			if t, ok := parseISODate(s); ok {
				return t, true
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if c, ok := x[k]; ok {
				if t, ok := findDate(c, depth+1); ok {
					return t, true
				}
			}
		}
	case []any:
		for _, c := range x {
			if t, ok := findDate(c, depth+1); ok {
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
