package web

import (
	nurl "net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// chooseTitle picks the article title. Pages name it in several places: the
// visible headline (<h1>, on many blogs <h2>) is what a reader sees, while
// og:title and <title> often carry the site name ("… | BBC News"), and a
// site's logo is often an <h1> too. A headline wins when the meta title or
// the <title> is that headline, alone or with a site name around it;
// otherwise the meta title, else the <title>, is used with site-name parts
// removed.
func chooseTitle(root *html.Node, meta, site, host string) string {
	meta = collapseSpace(meta)
	var p titleParts
	p.collect(root)
	titles := []string{meta, p.title}
	for _, heads := range [][]string{p.h1, p.h2} {
		for _, t := range titles {
			for _, h := range heads {
				if t != "" && normTitle(h) == normTitle(t) {
					return h
				}
			}
		}
	}
	for _, heads := range [][]string{p.h1, p.h2} {
		for _, t := range titles {
			for _, h := range heads {
				if t != "" && isTitlePart(normTitle(t), normTitle(h)) && !isSiteName(h, site, host) {
					return h
				}
			}
		}
	}
	// A meta title that is the site's logo heading says nothing.
	for _, l := range p.logos {
		if normTitle(l) == normTitle(meta) {
			meta = ""
		}
	}
	if meta == "" || isSiteName(meta, site, host) {
		if p.title != "" {
			return stripSite(p.title, site, host)
		}
	}
	return stripSite(meta, site, host)
}

// titleParts are the page's title candidates in document order.
type titleParts struct {
	title  string
	h1, h2 []string
	// logos are headings that only link to the site's home page.
	logos []string
}

func (p *titleParts) collect(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "title":
			// The first <title>, even in <body>: junk before <html> (a PHP
			// warning) moves the head into the body. <svg> titles are skipped.
			if p.title == "" {
				p.title = collapseSpace(nodeText(n))
			}
			return
		case "h1", "h2":
			t := nodeText(n)
			if t == "" || len(t) > 400 {
				return
			}
			if isHidden(n) {
				return
			}
			if isLogo(n) {
				p.logos = append(p.logos, t)
			} else if n.Data == "h1" {
				p.h1 = append(p.h1, t)
			} else {
				p.h2 = append(p.h2, t)
			}
			return
		case "script", "style", "noscript", "template", "svg":
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.collect(c)
	}
}

func nodeText(n *html.Node) string {
	var b textBuilder
	b.walk(n)
	b.flush()
	return strings.Join(b.paras, " ")
}

// isLogo reports whether a heading is the site's logo or name: its class
// says so, or all its text is a link to the home page.
func isLogo(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "logo") || strings.Contains(v, "site-title") ||
				strings.Contains(v, "site-name") || strings.Contains(v, "sitename") || strings.Contains(v, "blog-title") {
				return true
			}
		}
	}
	var links, other int
	var walk func(*html.Node, bool)
	walk = func(c *html.Node, inHome bool) {
		if c.Type == html.ElementNode && c.Data == "a" {
			inHome = isHomeLink(c)
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			if inHome {
				links++
			} else {
				other++
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k, inHome)
		}
	}
	walk(n, false)
	return links > 0 && other == 0
}

// isHidden reports whether an element is hidden from sighted readers
// (screen-reader copies of the page title).
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		v := strings.ToLower(a.Val)
		switch a.Key {
		case "class":
			for _, c := range []string{"visuallyhidden", "visually-hidden", "screen-reader", "sr-only", "element-invisible", "hidden"} {
				if strings.Contains(v, c) {
					return true
				}
			}
		case "style":
			if strings.Contains(strings.ReplaceAll(v, " ", ""), "display:none") {
				return true
			}
		case "hidden", "aria-hidden":
			return a.Key == "hidden" || v == "true"
		}
	}
	return false
}

// isHomeLink reports whether an <a> points at a site's front page.
func isHomeLink(a *html.Node) bool {
	for _, at := range a.Attr {
		if at.Key == "rel" && at.Val == "home" {
			return true
		}
		if at.Key != "href" {
			continue
		}
		u, err := nurl.Parse(strings.TrimSpace(at.Val))
		if err != nil {
			return false
		}
		return (u.Path == "" || u.Path == "/" || u.Path == "/index.html") && u.RawQuery == "" && u.Fragment == ""
	}
	return false
}

// isTitlePart reports whether h is a separator-bounded part of t: t is
// "h | Site", "Site - h" or "Section | h | Site".
func isTitlePart(t, h string) bool {
	if len(h) < 8 || h == t {
		return h == t
	}
	for i := strings.Index(t, h); i >= 0; {
		before, after := t[:i], t[i+len(h):]
		if (before == "" || endsWithSep(before)) && (after == "" || startsWithSep(after)) {
			return true
		}
		j := strings.Index(t[i+1:], h)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// normTitle folds case, dashes, quotes and ellipses so that a headline and
// a meta title that differ only in typography compare equal.
func normTitle(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case '–', '—', '‒', '−':
			r = '-'
		case '“', '”', '„', '«', '»', '″':
			r = '"'
		case '‘', '’', '‚', '′', '`':
			r = '\''
		case '…':
			b.WriteString("...")
			continue
		case '\u00a0':
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// titleSeps separate a title from a site name; the strong ones are almost
// never used inside a headline.
var (
	strongSeps = []string{" | ", " › ", " » ", " :: ", " · ", " // ", " ~ ", " « ", " ⋆ ", " • ", " ❘ "}
	weakSeps   = []string{" - ", " – ", " — "}
)

func startsWithSep(s string) bool {
	for _, sep := range append(strongSeps, weakSeps...) {
		if strings.HasPrefix(s, strings.TrimRight(sep, " ")) || strings.HasPrefix(s, sep) {
			return true
		}
	}
	return strings.HasPrefix(s, ": ") || strings.HasPrefix(s, " :")
}

func endsWithSep(s string) bool {
	for _, sep := range append(strongSeps, weakSeps...) {
		if strings.HasSuffix(s, strings.TrimLeft(sep, " ")) || strings.HasSuffix(s, sep) {
			return true
		}
	}
	return strings.HasSuffix(s, ": ")
}

// stripSite removes site-name parts from a title: everything from the
// first part that names the site ("Title - AOC media - Analyse Opinion
// Critique"), then short parts after a strong separator at the end
// ("Title | Section | Site"), then a site name in front ("BBC - Title").
func stripSite(title, site, host string) string {
	parts, seps := splitTitle(title)
	for i := 1; i < len(parts); i++ {
		if isSiteName(parts[i], site, host) {
			parts, seps = parts[:i], seps[:i-1]
			break
		}
	}
	for len(parts) > 1 {
		last := parts[len(parts)-1]
		head := strings.Join(parts[:len(parts)-1], " ")
		if isWeak(seps[len(seps)-1]) || words(last) > 5 || words(head) < words(last) {
			break
		}
		parts, seps = parts[:len(parts)-1], seps[:len(seps)-1]
	}
	if len(parts) > 1 && isSiteName(parts[0], site, host) {
		parts, seps = parts[1:], seps[1:]
	}
	// A breadcrumb trail ("Site » Blog Archive » Title") ends with the title.
	if len(parts) > 1 && isBreadcrumb(seps) {
		last := parts[len(parts)-1]
		longest := true
		for _, p := range parts[:len(parts)-1] {
			longest = longest && words(p) < words(last)
		}
		if longest {
			return last
		}
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(seps[i-1])
		}
		b.WriteString(p)
	}
	return b.String()
}

// splitTitle splits a title at its separators; seps[i] is the separator
// between parts[i] and parts[i+1].
func splitTitle(title string) (parts, seps []string) {
	all := append(strongSeps, weakSeps...)
	for {
		best, sep := -1, ""
		for _, p := range all {
			if i := strings.Index(title, p); i > 0 && (best < 0 || i < best) {
				best, sep = i, p
			}
		}
		if best < 0 {
			return append(parts, title), seps
		}
		parts = append(parts, title[:best])
		seps = append(seps, sep)
		title = title[best+len(sep):]
	}
}

func isBreadcrumb(seps []string) bool {
	for _, s := range seps {
		if s != " » " && s != " › " {
			return false
		}
	}
	return true
}

func isWeak(sep string) bool {
	for _, w := range weakSeps {
		if sep == w {
			return true
		}
	}
	return false
}

func words(s string) int { return len(strings.Fields(s)) }

// isSiteName reports whether part of a title names the site: it is the site
// name, a domain, or its letters are those of the host name ("Helge.at",
// "Teufel Blog" on blog.teufel.de).
func isSiteName(part, site, host string) bool {
	if part == "" {
		return false
	}
	p := letters(part)
	if p == "" {
		return false
	}
	if site != "" && p == letters(site) {
		return true
	}
	if strings.Contains(part, ".") && !strings.Contains(part, " ") {
		return true // a bare domain: "www.AussenGedanken.de"
	}
	h := letters(strings.TrimPrefix(strings.ToLower(host), "www."))
	if len(p) >= 4 && h != "" && strings.Contains(h, p) {
		return true
	}
	// "Northshore Gazette" on northshoregazette.com, or a host's first label
	// in a longer name ("AOC media - Analyse Opinion Critique" on aoc.media).
	if words(part) <= 6 {
		for _, w := range strings.Fields(part) {
			lw := letters(w)
			if len(lw) >= 4 && h != "" && strings.HasPrefix(h, lw) {
				return true
			}
		}
	}
	return false
}

// letters returns the lower-case letters and digits of s.
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
