// Package corpus reads the named-entity corpora the recogniser is trained
// and evaluated on: CoNLL-style column files (WikiGold, BTC, WNUT-17, SEC,
// re3d), Universal NER's IOB2 files, the GMB-derived Kaggle CSV and GUM's
// CoNLL-U entity layer. Every reader yields sentences of words with IOB2 tags
// in the corpus's own labels; mapping labels onto newsgraph's types is the
// caller's business, since it differs per corpus.
package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph/doc"
)

// Sentence is one sentence of a corpus: words with their IOB2 tags ("O",
// "B-PER", "I-PER", ...). DocStart marks the first sentence of a document.
type Sentence struct {
	Words    []string
	Tags     []string
	DocStart bool
}

// Span is a labelled token range [First, Last) of a sentence.
type Span struct {
	First, Last int
	Label       string
}

// Spans reads the labelled spans of IOB2 tags. An I- tag that does not
// continue a span of its label starts one, as conlleval does.
func Spans(tags []string) []Span {
	var out []Span
	cur := -1
	for i, t := range tags {
		prefix, label, _ := strings.Cut(t, "-")
		switch {
		case prefix == "I" && cur >= 0 && out[cur].Label == label:
			out[cur].Last = i + 1
		case prefix == "B" || prefix == "I":
			out = append(out, Span{i, i + 1, label})
			cur = len(out) - 1
		default:
			cur = -1
		}
	}
	return out
}

// toIOB2 rewrites IOB1 tags (I- everywhere, B- only between two adjacent
// spans of one label) as IOB2 in place.
func toIOB2(tags []string) {
	prev := "O"
	for i, t := range tags {
		if p, label, ok := strings.Cut(t, "-"); ok && p == "I" {
			pp, plabel, _ := strings.Cut(prev, "-")
			if pp == "O" || plabel != label || prev == "O" {
				tags[i] = "B-" + label
			}
		}
		prev = t
	}
}

// Doc lays sentences out as a document the way the text package would
// tokenise them: words separated by single spaces, one Sentence per corpus
// sentence, shape flags and lower-case forms filled in.
func Doc(sents []Sentence) *doc.Document {
	var b strings.Builder
	d := &doc.Document{}
	for _, s := range sents {
		first := len(d.Tokens)
		for j, w := range s.Words {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			t := doc.Token{Span: doc.Span{Start: start, End: b.Len()}, Lower: strings.ToLower(w)}
			t.Kind, t.Flags = classify(w)
			if j == 0 {
				t.Flags |= doc.SentStart
			}
			d.Tokens = append(d.Tokens, t)
		}
		if len(d.Tokens) > first {
			d.Sentences = append(d.Sentences, doc.Sentence{
				Span:  doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[len(d.Tokens)-1].End},
				First: first, Last: len(d.Tokens),
			})
		}
	}
	d.Text = b.String()
	return d
}

// classify gives a word its token kind and shape flags.
func classify(w string) (doc.TokenKind, uint16) {
	var flags uint16
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r):
		flags |= doc.Upper
	case unicode.IsLower(r):
		flags |= doc.Lower
	}
	letters, upper := 0, 0
	for i, c := range w {
		switch {
		case unicode.IsLetter(c):
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		case unicode.IsDigit(c):
			flags |= doc.HasDigit
		case c == '.' && i > 0 && i < len(w)-1:
			flags |= doc.HasDot
		case c == '-' && i > 0 && i < len(w)-1:
			flags |= doc.HasHyphen
		}
	}
	if letters >= 2 && upper == letters {
		flags |= doc.AllUpper
	}
	switch {
	case letters > 0:
		return doc.Word, flags
	case unicode.IsDigit(r):
		return doc.Number, flags
	case strings.ContainsRune("\"“”‘’«»'", r):
		return doc.Quote, flags
	case unicode.IsPunct(r):
		return doc.Punct, flags
	}
	return doc.Symbol, flags
}
