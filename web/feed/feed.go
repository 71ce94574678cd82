// Package feed reads news feeds (RSS 0.9x and 2.0, Atom, JSON Feed) into a
// plain list of items with absolute links and parsed dates.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"time"

	"github.com/araddon/dateparse"
	"github.com/mmcdole/gofeed"
)

// Item is one entry of a feed.
type Item struct {
	Title string
	// Link is the item's article URL, made absolute; empty when the item
	// has none.
	Link string
	// Published is the item's date (its update date when it gives no
	// publication date); zero when it gives neither or it cannot be read.
	Published time.Time
	Authors   []string
	// Content is the item's own HTML (full content where the feed has it,
	// else its summary), the fallback when the linked page cannot be had.
	Content string
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	// Link is the site the feed belongs to.
	Link  string
	Items []Item
}

// ErrNotFeed is returned for input that is not RSS, Atom or JSON Feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Parse reads a feed. base is the feed's own URL (may be empty); relative
// item links are resolved against the feed's xml:base or site link and then
// against base.
func Parse(data []byte, base string) (*Feed, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	typ := gofeed.DetectFeedType(bytes.NewReader(data))
	if typ == gofeed.FeedTypeUnknown {
		return nil, ErrNotFeed
	}
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parsing feed: %w", err)
	}
	// gofeed takes any JSON object for a JSON Feed; a real one names its
	// version URL.
	if typ == gofeed.FeedTypeJSON && !strings.Contains(gf.FeedVersion, "jsonfeed.org") {
		return nil, ErrNotFeed
	}
	baseURL, _ := nurl.Parse(base)
	siteURL := resolve(baseURL, gf.Link)
	f := &Feed{Title: strings.TrimSpace(gf.Title), Link: siteURL.String()}
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		item := Item{
			Title:     strings.TrimSpace(it.Title),
			Published: itemDate(it),
			Content:   it.Content,
		}
		if item.Content == "" {
			item.Content = it.Description
		}
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if link == "" && isURL(it.GUID) {
			// RSS guids with isPermaLink are the article URL.
			link = it.GUID
		}
		if link = strings.TrimSpace(link); link != "" {
			if u := resolve(siteURL, link); u != nil {
				item.Link = u.String()
			}
		}
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				item.Authors = append(item.Authors, strings.TrimSpace(p.Name))
			}
		}
		f.Items = append(f.Items, item)
	}
	return f, nil
}

// resolve returns ref resolved against base (either may be nil or empty).
func resolve(base *nurl.URL, ref string) *nurl.URL {
	r, err := nurl.Parse(strings.TrimSpace(ref))
	if err != nil {
		return base
	}
	if base == nil {
		return r
	}
	return base.ResolveReference(r)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// itemDate is the item's publication date, read with a lenient parser when
// gofeed's own formats miss: feeds in the wild write dates in many
// non-RFC forms ("2024-03-05 14:02:11", "Tue, 5 Mar 2024 14:02 CET").
func itemDate(it *gofeed.Item) time.Time {
	if it.PublishedParsed != nil {
		return *it.PublishedParsed
	}
	if t, ok := parseDate(it.Published); ok {
		return t
	}
	if it.UpdatedParsed != nil {
		return *it.UpdatedParsed
	}
	if t, ok := parseDate(it.Updated); ok {
		return t
	}
	if it.DublinCoreExt != nil {
		for _, d := range it.DublinCoreExt.Date {
			if t, ok := parseDate(d); ok {
				return t
			}
		}
	}
	return time.Time{}
}

// ParseDate reads a date in any of the common feed formats.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	t, err := dateparse.ParseAny(s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}
