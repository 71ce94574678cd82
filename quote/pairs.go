package quote

import (
	"strings"

	"newsgraph/doc"
)

// pair is one quotation: the tokens of its opening and closing marks.
// Close is -1 for a quotation left open at the end of the text.
type pair struct {
	open, close int
}

// isDouble reports double quotation marks; single marks (‘ ’ ') are mostly
// apostrophes or quotes inside quotes, and only pair when curly.
func isDouble(d *doc.Document, t doc.Token) bool {
	c := d.Text[t.Start]
	if c == '"' || t.End-t.Start == 2 && d.Text[t.Start:t.End] == "''" {
		return true
	}
	s := d.Text[t.Start:t.End]
	return s == "“" || s == "”" || s == "„" || s == "«" || s == "»"
}

// findPairs pairs the double quotation marks of the document. Straight marks
// take their direction from context where the tokeniser could tell, else
// alternate. A quotation still open at a paragraph's end is closed there:
// news opens every paragraph of a long quotation with a new mark.
func findPairs(d *doc.Document) []pair {
	var ps []pair
	open := -1
	lastTok := -1 // last token of the current paragraph seen so far
	for i, t := range d.Tokens {
		if t.Is(doc.ParaStart) && open >= 0 {
			// A quotation still open at a paragraph's end ends with it. When
			// the next paragraph opens with a mark, the speaker goes on: that
			// paragraph is a quotation of its own, attributed to the same
			// speaker as a continuation (one record per paragraph).
			ps = append(ps, pair{open, lastTok + 1})
			open = -1
		}
		lastTok = i
		if t.Kind != doc.Quote || !isDouble(d, t) {
			continue
		}
		switch {
		case open < 0 && (!t.Is(doc.CloseQuote) || t.Is(doc.ParaStart)):
			open = i // a mark opening a paragraph opens a quotation, whatever its shape
		case open < 0:
			// A stray closing mark: nothing to pair.
		case t.Is(doc.OpenQuote) && !t.Is(doc.CloseQuote) && i > open+1 && d.Tokens[i-1].Kind != doc.Quote:
			// A new opening while one is open: the first quotation ended
			// unclosed, as a quoted paragraph does before the next quoted
			// paragraph ("...drop. "In the 20th century, ...").
			if !strings.Contains(d.Text[d.Tokens[open].Start:t.Start], "\n") {
				ps = append(ps, pair{open, i})
			}
			open = i
		default:
			ps = append(ps, pair{open, i})
			open = -1
		}
	}
	if open >= 0 {
		ps = append(ps, pair{open, len(d.Tokens)})
	}
	return ps
}

// content returns the span inside a pair's marks.
func (p pair) content(d *doc.Document) doc.Span {
	start := d.Tokens[p.open].End
	end := len(d.Text)
	if p.close < len(d.Tokens) {
		end = d.Tokens[p.close].Start
		if p.close > 0 && d.Tokens[p.close-1].End < end {
			end = d.Tokens[p.close-1].End
		}
	} else if p.close > 0 {
		end = d.Tokens[p.close-1].End
	}
	return doc.Span{Start: start, End: end}
}

// words counts the word tokens inside a pair.
func (p pair) words(d *doc.Document) int {
	n := 0
	for i := p.open + 1; i < p.close && i < len(d.Tokens); i++ {
		if d.Tokens[i].Kind == doc.Word || d.Tokens[i].Kind == doc.Number {
			n++
		}
	}
	return n
}
