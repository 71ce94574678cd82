// Package web turns web pages into newsgraph Documents: it decodes a page
// (gzip, any charset), finds the main article text and its metadata with
// go-trafilatura (readeck's go-readability as fallback) and renders the text
// block by block, so paragraphs never run into each other.
package web

import (
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"newsgraph/doc"
)

// Article is the main content of a page and what the page says about it.
type Article struct {
	Title string
	// Authors are the bylines in page order.
	Authors []string
	// URL is the page's canonical URL when it declares one, else the URL it
	// was read from (empty for a file with no canonical link).
	URL  string
	Site string
	// Published is the publication date; zero when the page gives none.
	Published time.Time
	// Text is the main text, paragraphs separated by "\n\n"; the title is
	// not part of it.
	Text string
}

// ErrNoArticle is returned for a page with no main text, such as an index
// page, a login form or an empty document.
var ErrNoArticle = errors.New("no article text found")

// minText is the fewest characters of main text an article has; below it
// the extractor has only found navigation or boilerplate ("Home About
// Contact Log in"). Characters, not words, so that Chinese and Japanese
// articles are measured fairly.
const minText = 60

// captionSelector names elements that hold picture captions and credits,
// pruned before extraction so they never reach the text.
const captionSelector = "figcaption, figure .caption, .image-caption, .photo-caption, .img-caption, .caption-text, .credit, .image-credit, .photo-credit, .media-credit, .copyright"

// Extract finds the article in an HTML page. page may be gzipped;
// contentType is the HTTP Content-Type header when there is one; pageURL is
// where the page came from (may be empty) and resolves relative links.
func Extract(page []byte, contentType, pageURL string) (*Article, error) {
	raw, err := Gunzip(page)
	if err != nil {
		return nil, err
	}
	text, err := ToUTF8(raw, contentType)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	markLineBreaks(root)
	// htmldate reads dates in the text, so it gets the page before
	// markEdgeSpaces touches it.
	date, dateErr := htmldate.FromDocument(root, htmldate.Options{UseOriginalDate: true, URL: pageURL, ExtractTime: true})
	markEdgeSpaces(root)
	var u *nurl.URL
	if pageURL != "" {
		if u, err = nurl.Parse(pageURL); err != nil {
			return nil, fmt.Errorf("bad page URL %q: %w", pageURL, err)
		}
	}
	opts := trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  true,
		ExcludeComments: true,
		PruneSelector:   captionSelector,
		HtmlDateMode:    trafilatura.Disabled,
	}
	// readeck's fork is the maintained readability; trafilatura uses it as
	// its first fallback candidate instead of the go-shiori original.
	if art, err := readability.FromDocument(dom.Clone(root, true), u); err == nil && art.Node != nil {
		opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: art.Node}
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, ErrNoArticle
	}
	a := &Article{
		Title:   chooseTitle(root, res.Metadata.Title, res.Metadata.Sitename, res.Metadata.Hostname),
		Authors: restoreAuthors(splitAuthors(res.Metadata.Author), root, text),
		URL:     pageURL,
		Site:    collapseSpace(res.Metadata.Sitename),
	}
	a.Text = articleText(res.ContentNode, res.Metadata.Title, a.Title)
	if c, err := nurl.Parse(strings.TrimSpace(res.Metadata.URL)); err == nil && res.Metadata.URL != "" {
		// A canonical link may be relative.
		if u != nil {
			c = u.ResolveReference(c)
		}
		if c.IsAbs() {
			a.URL = c.String()
		}
	}
	if dateErr == nil {
		a.Published = pageDate(date, a.URL)
	}
	a.Published = publishedDate(root, a.Published, a.URL)
	if len(a.Authors) == 0 {
		a.Authors = bylineAuthor(root)
	}
	a.Authors = dropSites(a.Authors, res.Metadata.Sitename, res.Metadata.Hostname)
	if utf8.RuneCountInString(a.Text) < minText {
		return nil, ErrNoArticle
	}
	return a, nil
}

// articleText renders the extracted tree and drops what is not article
// text: credit and caption lines, and a title (any of titles) that the
// extractor kept as the first paragraph.
func articleText(n *html.Node, titles ...string) string {
	paras := strings.Split(BlockText(n), "\n\n")
	keep := paras[:0]
	for _, p := range paras {
		if !hasAlnum(p) || isCredit(p) {
			continue
		}
		if len(keep) == 0 && isTitle(p, titles) {
			continue
		}
		keep = append(keep, p)
	}
	return strings.Join(keep, "\n\n")
}

func isTitle(p string, titles []string) bool {
	for _, t := range titles {
		if t != "" && normTitle(p) == normTitle(collapseSpace(t)) {
			return true
		}
	}
	return false
}

// splitAuthors splits trafilatura's "A; B" author string.
func splitAuthors(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ";") {
		if a = collapseSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// Document returns the article as a Document whose ID is its URL, or name
// when the page declares none.
func (a *Article) Document(name string) *doc.Document {
	id := a.URL
	if id == "" {
		id = name
	}
	return &doc.Document{ID: id, Title: a.Title, URL: a.URL, Site: a.Site, Authors: a.Authors, Published: a.Published, Text: a.Text}
}

// HTML extracts the article of a saved page (plain or gzipped); name is the
// file name, used as the ID when the page has no canonical URL. It has the
// signature of input.Reader.HTML.
func HTML(name string, page []byte) (*doc.Document, error) {
	a, err := Extract(page, "", "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a.Document(name), nil
}

// spaceMark stands in for white space at the edge of an inline element
// during extraction. trafilatura trims the text and tail of every element,
// so "<em>Diálogo. </em>Larreta" or "selbsterklärend.</strong> Der" would
// lose the only space between two sentences; a character that is not white
// space survives the trimming and BlockText turns it back into a space.
const spaceMark = '\ue000'

// markEdgeSpaces replaces the white space at the edges of text nodes next
// to inline elements with spaceMark.
func markEdgeSpaces(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if skipped[c.Data] || c.Data == "pre" || c.Data == "head" || c.Data == "title" {
				continue
			}
			markEdgeSpaces(c)
		case html.TextNode:
			prevInline := c.PrevSibling != nil && c.PrevSibling.Type == html.ElementNode && inline[c.PrevSibling.Data]
			nextInline := c.NextSibling != nil && c.NextSibling.Type == html.ElementNode && inline[c.NextSibling.Data]
			parentInline := n.Type == html.ElementNode && inline[n.Data]
			t := c.Data
			if strings.TrimSpace(t) == "" {
				if prevInline && nextInline {
					c.Data = string(spaceMark)
				}
				continue
			}
			if l := len(t) - len(strings.TrimLeftFunc(t, unicode.IsSpace)); l > 0 && (prevInline || parentInline) {
				t = string(spaceMark) + t[l:]
			}
			if r := len(t) - len(strings.TrimRightFunc(t, unicode.IsSpace)); r > 0 && (nextInline || parentInline) {
				t = t[:len(t)-r] + string(spaceMark)
			}
			c.Data = t
		}
	}
}

// markLineBreaks puts a newline before every <br>: trafilatura drops a <br>
// at the end of an inline element such as <strong>, and without the newline
// the text on both sides would run together ("legen?Christoph").
func markLineBreaks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "br" {
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: "\n"}, c)
			continue
		}
		markLineBreaks(c)
	}
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// pageDate is the calendar date of an htmldate result: a UTC time is moved
// to the site's time zone when its country domain tells it.
func pageDate(d htmldate.Result, pageURL string) time.Time {
	t := d.DateTime
	if t.IsZero() {
		return t
	}
	src := strings.ToUpper(strings.TrimSpace(d.SrcString))
	isUTC := strings.HasSuffix(src, "Z") || strings.HasSuffix(src, "GMT") || strings.HasSuffix(src, "UTC")
	if _, off := t.Zone(); d.HasTime && d.HasTimezone && off == 0 && isUTC {
		if loc := zoneOf(pageURL); loc != nil {
			return localDate(t, loc)
		}
	}
	y, m, day := t.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}
