package web

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// folded is a text reduced to lower-case letters and digits without
// diacritics, every other run of characters a single space, with the byte
// offset in the original text of each folded byte.
type folded struct {
	s   string
	off []int // off[i] is where folded byte i came from
	end []int // end[i] is where the original character of byte i ends
}

// special spells letters that have no decomposition the way
// transliteration does.
var special = map[rune]string{'ß': "ss", 'æ': "ae", 'ø': "o", 'ł': "l", 'đ': "d", 'œ': "oe", 'ı': "i"}

func fold(text string) folded {
	var f folded
	var b strings.Builder
	space := true
	for i, r := range text {
		size := len(string(r))
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if !space {
				b.WriteByte(' ')
				f.off = append(f.off, i)
				f.end = append(f.end, i+size)
				space = true
			}
			continue
		}
		space = false
		lr := unicode.ToLower(r)
		out, ok := special[lr]
		if !ok {
			var kept []rune
			for _, d := range norm.NFD.String(string(lr)) {
				if !unicode.Is(unicode.Mn, d) {
					kept = append(kept, d)
				}
			}
			out = string(kept)
		}
		for range len(out) {
			f.off = append(f.off, i)
			f.end = append(f.end, i+size)
		}
		b.WriteString(out)
	}
	f.s = b.String()
	return f
}

// originalSpelling finds name in text ignoring case, diacritics and
// punctuation, and returns it as text spells it ("BOB FISCHER" for "Bob
// Fischer", "Guido Beyß" for "Guido Beyss", "Perry Bacon Jr." for "Perry
// Bacon Jr") with its byte range. The extractor normalises author names; the
// page's own spelling is what a reader sees.
func originalSpelling(name, text string, ft folded, anyCase bool) (string, int, int, bool) {
	fn := strings.TrimSpace(fold(name).s)
	if len(fn) < 2 {
		return "", 0, 0, false
	}
	lowerOK := anyCase || strings.ToLower(name) == name
	var fallback []int
	for from := 0; ; {
		i := strings.Index(ft.s[from:], fn)
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		j := i + len(fn)
		// Whole words only.
		if (i > 0 && ft.s[i-1] != ' ') || (j < len(ft.s) && ft.s[j] != ' ') {
			continue
		}
		start, stop := ft.off[i], ft.end[j-1]
		// A lower-case occurrence ("georg-kasch" in a URL, "oz" in a tag
		// list) is kept only when there is no capitalised one.
		if strings.ToLower(text[start:stop]) == text[start:stop] && strings.ToLower(name) != name {
			if lowerOK && fallback == nil {
				fallback = []int{start, stop}
			}
			continue
		}
		return spelled(text, start, stop)
	}
	if fallback != nil {
		return spelled(text, fallback[0], fallback[1])
	}
	return "", 0, 0, false
}

// spelled returns text[start:stop], with the full stop of an abbreviation
// that follows it ("Jr.", "Joe S.").
func spelled(text string, start, stop int) (string, int, int, bool) {
	out := text[start:stop]
	if stop < len(text) && text[stop] == '.' {
		last := out[strings.LastIndexAny(out, " .")+1:]
		if len([]rune(last)) <= 2 {
			out += "."
			stop++
		}
	}
	return out, start, stop, true
}

// authorJoin is what stands between two names of one byline.
var authorJoin = regexp.MustCompile(`^\s*(?:,|;|/|&|and|und|y|et|e|i)\s*$`)

// restoreAuthors gives each author the spelling the page uses, looked up
// first in the visible text and then in the page source (meta tags and
// JSON-LD). Several authors that stand together in one byline ("Anna Roth
// und Ben Kurz") are returned as that byline.
func restoreAuthors(authors []string, root *html.Node, source string) []string {
	if len(authors) == 0 {
		return authors
	}
	visible := BlockText(root)
	fv := fold(visible)
	var fs *folded
	out := make([]string, 0, len(authors))
	joined, prevEnd := true, -1
	first := -1
	for _, a := range authors {
		if s, start, stop, ok := originalSpelling(a, visible, fv, false); ok {
			if first < 0 {
				first = start
			} else if start < prevEnd || !authorJoin.MatchString(visible[prevEnd:start]) {
				joined = false
			}
			prevEnd = stop
			out = append(out, s)
			continue
		}
		joined = false
		if fs == nil {
			source = html.UnescapeString(source)
			f := fold(source)
			fs = &f
		}
		if s, _, _, ok := originalSpelling(a, source, *fs, false); ok {
			out = append(out, collapseSpace(s))
			continue
		}
		if s, _, _, ok := originalSpelling(a, visible, fv, true); ok {
			out = append(out, s)
			continue
		}
		out = append(out, a)
	}
	if joined && len(out) > 1 {
		if c := cleanAuthor(visible[first:prevEnd]); c != "" {
			return []string{c}
		}
	}
	kept := out[:0]
	for _, a := range out {
		if c := cleanAuthor(a); c != "" {
			kept = append(kept, c)
		}
	}
	return kept
}

// dropSites removes co-authors that are the site or a domain ("Rob
// Picheta; CNN", "Ernst Lohoff; jungle.world"); a site alone stays, since
// some pages are signed by their site.
func dropSites(authors []string, site, host string) []string {
	if len(authors) < 2 {
		return authors
	}
	var out []string
	for _, a := range authors {
		if !isSiteName(a, site, host) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return authors
	}
	return out
}

// bylineSelectors find an author in the page when the extractor found none;
// they are the markup of common CMS themes (WordPress's "author vcard",
// schema.org microdata), most specific first.
var bylineSelectors = []cascadia.Selector{
	cascadia.MustCompile(`[itemprop=author] [itemprop=name]`),
	cascadia.MustCompile(`.author.vcard .fn, .author.vcard a, .byline .vcard .fn`),
	cascadia.MustCompile(`a[rel=author], [rel=author]`),
	cascadia.MustCompile(`[itemprop=author]`),
	cascadia.MustCompile(`.byline .author, .byline-author, .author-name, .post-author a, .entry-author a, .meta-author a, span.author, .author a`),
	cascadia.MustCompile(`[class*=author-name], [class*=authorName], [class*=byline], [class*=author], [class*=Author]`),
}

// bylineAuthor looks for an author in JSON-LD, in Twitter's "Written by"
// labels and in byline markup, keeping the page's spelling.
func bylineAuthor(root *html.Node) []string {
	if a := jsonLDAuthors(root); len(a) > 0 {
		return a
	}
	if a := twitterAuthor(root); a != "" {
		return []string{a}
	}
	for _, sel := range bylineSelectors {
		for _, n := range cascadia.QueryAll(root, sel) {
			if a := cleanAuthor(nodeText(n)); a != "" {
				return []string{a}
			}
		}
	}
	for _, p := range strings.Split(BlockText(root), "\n\n") {
		if m := bylineLine.FindStringSubmatch(p); m != nil {
			if a := cleanAuthor(m[1]); a != "" {
				return []string{a}
			}
		}
	}
	return nil
}

// bylineLine is a paragraph that is only a byline: "Von Klaus Stanjek",
// "Text: Klausmartin Friedrich", "责任编辑：焦鹏".
var bylineLine = regexp.MustCompile(`^(?:(?i:von|by|text(?:\s+von)?|autor(?:in|en)?|author|par|por|redaktion|(?:blog\s*)?beitrag\s+von|ein\s+artikel\s+von|erstellt\s+von|geschrieben\s+von)|责任编辑|\d{1,2}\.\d{1,2}\.\d{2,4}(?:\s*\|\s*\d{1,2}:\d{2}\s*Uhr)?\s*[-–|](?:\s*(?i:redaktion|von|by)\s*:?)?)\s*[:：]?\s*(\p{Lu}[\p{L}.'-]*(?:\s+(?:\p{Lu}[\p{L}.'-]*|von|van|de|der|und|and)){0,4}|\p{Han}{2,4})(?:\s*(?:[|/(•]|Illustration(?:en)?\b|Fotos?\b|Bild(?:er)?\b).*)?$`)

// jsonLDAuthors returns the author names of the page's JSON-LD.
func jsonLDAuthors(root *html.Node) []string {
	var out []string
	for _, s := range cascadia.QueryAll(root, cascadia.MustCompile(`script[type="application/ld+json"]`)) {
		if s.FirstChild == nil {
			continue
		}
		var v any
		if json.Unmarshal([]byte(s.FirstChild.Data), &v) != nil {
			continue
		}
		findAuthors(v, &out, 0)
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

func findAuthors(v any, out *[]string, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		if a, ok := x["author"]; ok {
			names(a, out)
			if len(*out) > 0 {
				return
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if c, ok := x[k]; ok {
				findAuthors(c, out, depth+1)
			}
		}
	case []any:
		for _, c := range x {
			findAuthors(c, out, depth+1)
			if len(*out) > 0 {
				return
			}
		}
	}
}

// names appends the author names of a JSON-LD author value: a name, a
// Person, or a list of them.
func names(v any, out *[]string) {
	switch x := v.(type) {
	case string:
		if a := cleanAuthor(x); a != "" && !strings.Contains(a, "://") {
			*out = append(*out, a)
		}
	case map[string]any:
		if n, ok := x["name"].(string); ok {
			names(n, out)
		}
	case []any:
		for _, c := range x {
			names(c, out)
		}
	}
}

// twitterAuthor reads the "Written by" label pair WordPress SEO plugins
// put in Twitter meta tags.
func twitterAuthor(root *html.Node) string {
	meta := map[string]string{}
	for _, m := range cascadia.QueryAll(root, cascadia.MustCompile(`meta[name^="twitter:"]`)) {
		var name, content string
		for _, a := range m.Attr {
			switch a.Key {
			case "name":
				name = a.Val
			case "content":
				content = a.Val
			}
		}
		meta[name] = content
	}
	for i := 1; i <= 4; i++ {
		l := strings.ToLower(meta[fmt.Sprintf("twitter:label%d", i)])
		if l == "written by" || l == "verfasst von" || l == "geschrieben von" || l == "écrit par" || l == "escrito por" {
			return cleanAuthor(meta[fmt.Sprintf("twitter:data%d", i)])
		}
	}
	return ""
}

// bylinePrefix and bylineSuffix are the words around a name in a byline.
var (
	bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:posted|written|verfasst|geschrieben|erstellt|veröffentlicht|eingestellt|publié)\s+(?:on\s+.{4,30}?\s+)?(?:by|von|par)|zeige alle beiträge von|view all posts by|zum profil von|beitrag von|artikel von|责任编辑|rechtsanwalt(?:in)?|autor(?:in)?|auteur|author|by|von|par|por|di|door|text|interview)(?:\s*[:：|]\s*|\s+)`)
	bylineSuffix = regexp.MustCompile(`(?i)(?:\s+(?:am|um|on|at|vor|stand|\||•|-|–)(?:\s.*)?|\s+(?:alle artikel|alles von|mehr von|more from|view all|all posts|kontakt|contact|fotos?:|photos?:|bild:)(?:\s.*)?|,\s*(?:ph\.?d|m\.?d|dr)\.?)$`)
)

// notNames are labels that author markup holds when it names no one:
// comment form fields, archive links.
var notNames = map[string]bool{
	"name": true, "posted": true, "follow": true, "datum": true, "date": true,
	"no author": true, "alle artikel": true, "archiv anzeigen": true, "abgelegt unter": true,
	"auteurs": true, "authors": true, "autoren": true, "human": true, "admin": true,
	"unknown": true, "anonymous": true, "share": true, "teilen": true, "comments": true,
	"kommentare": true, "read more": true, "weiterlesen": true, "says": true,
	"afficher mon profil complet": true, "name (erforderlich)": true, "name (required)": true,
}

// commentAuthor matches what a comment, not an article, is signed with.
var commentAuthor = regexp.MustCompile(`(?i)\b(?:said|says|sagt|schreibt|wrote|antworten|reply)\b|\(erforderlich\)|\(required\)`)

// cleanAuthor strips byline words from a name and refuses what cannot be
// a name: empty, too long, or with digits.
func cleanAuthor(s string) string {
	s = collapseSpace(s)
	for range 2 {
		s = strings.TrimSpace(bylinePrefix.ReplaceAllString(s, ""))
	}
	s = strings.TrimSpace(bylineSuffix.ReplaceAllString(s, ""))
	// "jesusfreak jesusfreak": a name repeated by a profile link.
	if f := strings.Fields(s); len(f)%2 == 0 && len(f) > 0 && strings.Join(f[:len(f)/2], " ") == strings.Join(f[len(f)/2:], " ") {
		s = strings.Join(f[:len(f)/2], " ")
	}
	if s == "" || len(s) > 80 || words(s) > 8 || hasNumberWord(s) || strings.Contains(s, "@") || notNames[strings.ToLower(s)] || commentAuthor.MatchString(s) {
		return ""
	}
	return s
}

// hasNumberWord reports whether s has a word made of digits and punctuation
// only (a date or time), which no name has; user names such as "r23" pass.
func hasNumberWord(s string) bool {
	for _, w := range strings.Fields(s) {
		letter := false
		for _, r := range w {
			letter = letter || unicode.IsLetter(r)
		}
		if !letter {
			return true
		}
	}
	return false
}
