package web

import (
	"newsgraph/text"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inline lists the elements that flow inside a paragraph; every other
// element is a block and ends the paragraph before and after it, which is
// what keeps "month.</p><p>Simultaneously" from becoming one sentence.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "big": true,
	"cite": true, "code": true, "data": true, "del": true, "dfn": true,
	"em": true, "font": true, "i": true, "ins": true, "kbd": true,
	"label": true, "mark": true, "q": true, "s": true, "samp": true,
	"small": true, "span": true, "strike": true, "strong": true, "sub": true,
	"sup": true, "time": true, "tt": true, "u": true, "var": true, "wbr": true,
	"hi": true, "ref": true, // trafilatura's own inline tags
}

// cell lists table cells, which are joined with a space inside their row.
var cell = map[string]bool{"td": true, "th": true}

// skipped elements carry no article text.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "figcaption": true, "img": true,
	"iframe": true, "object": true, "video": true, "audio": true,
	"button": true, "select": true, "textarea": true, "input": true,
}

// textBuilder collects paragraphs from an HTML tree.
type textBuilder struct {
	paras []string
	cur   strings.Builder
}

// flush ends the current paragraph.
func (b *textBuilder) flush() {
	p := collapseSpace(b.cur.String())
	b.cur.Reset()
	if p != "" {
		b.paras = append(b.paras, p)
	}
}

func (b *textBuilder) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		tag := n.Data
		if skipped[tag] {
			return
		}
		if tag == "br" {
			b.flush()
			return
		}
		if cell[tag] {
			b.cur.WriteByte(' ')
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				b.walk(c)
			}
			b.cur.WriteByte(' ')
			return
		}
		if !inline[tag] {
			b.flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				b.walk(c)
			}
			b.flush()
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c)
	}
}

// BlockText renders an HTML tree as plain text, one paragraph per block
// element, paragraphs separated by a blank line.
func BlockText(n *html.Node) string {
	var b textBuilder
	b.walk(n)
	b.flush()
	return strings.Join(b.paras, "\n\n")
}

// collapseSpace strips invisible characters and collapses white-space runs
// (spaceMark among them) to single spaces.
func collapseSpace(s string) string {
	if strings.ContainsRune(s, spaceMark) {
		s = strings.ReplaceAll(s, string(spaceMark), " ")
	}
	return text.NormaliseSpace(s)
}

// creditLine matches a short paragraph that only credits a photo or gives
// its caption source: "Photo: Jane Doe/Reuters", "Foto: dpa", "(Bild: Keystone)",
// "© AFP", "Image credit: Getty Images".
var creditLine = regexp.MustCompile(`(?i)^[(\[]?\s*(?:(?:photo|foto|fotos|bild|bilder|image|picture|pic|illustration|grafik|video|quelle|source|credit|crédit|photograph)s?(?:\s*(?:credit|quelle|nachweis))?\s*[:©|/]|©|\(c\)\s|copyright\s*©?)`)

// agencyTail matches the end of a caption that names a picture agency.
var agencyTail = regexp.MustCompile(`(?i)(?:getty\s*images|afp|reuters|dpa|ap\s*photo|keystone|imago(?:\s*images)?|shutterstock|istock(?:photo)?|picture[- ]alliance|epa(?:-efe)?|alamy|xinhua|anadolu)[)\]\s.]*$`)

// isCredit reports whether a paragraph is a photo credit or caption line, not
// article text.
func isCredit(p string) bool {
	words := strings.Count(p, " ") + 1
	if words > 25 {
		return false
	}
	if creditLine.MatchString(p) {
		return true
	}
	// "Protesters in Kyiv on Monday. (Photo: Jane Doe/Reuters)" style
	// captions end with an agency; a sentence of article text ends with a
	// full stop after a word, not with the agency's name.
	return words <= 20 && agencyTail.MatchString(p) && strings.ContainsAny(p, "/|©")
}

// FragmentText renders an HTML fragment (a feed item's content) as
// block-aware plain text, dropping credit and caption lines. Plain text
// passes through with its white space tidied.
func FragmentText(fragment string) string {
	if strings.TrimSpace(fragment) == "" {
		return ""
	}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return ""
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return articleText(root)
}
