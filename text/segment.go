package text

import (
	"strings"

	"newsgraph/doc"
)

// titles are abbreviations that never end a sentence: a name follows them.
var titles = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "rev.": true, "hon.": true,
	"gen.": true, "maj.": true, "col.": true, "lt.": true, "sgt.": true, "capt.": true, "cpl.": true,
	"pte.": true, "adm.": true, "cmdr.": true, "brig.": true, "gov.": true, "sen.": true,
	"rep.": true, "pres.": true, "supt.": true, "insp.": true, "det.": true, "st.": true, "mt.": true,
	"ft.": true, "no.": true, "nos.": true, "vol.": true, "fig.": true, "cf.": true, "op.": true,
}

// starters are lower-cased words that, capitalised after an abbreviation
// such as "U.S." or "etc.", show a new sentence has begun.
var starters = func() map[string]bool {
	m := make(map[string]bool, len(sentenceStarters))
	for w := range sentenceStarters {
		m[strings.ToLower(w)] = true
	}
	return m
}()

// Segment splits the tokens into sentences and paragraphs and marks each
// sentence's first token with doc.SentStart. A sentence ends at . ! ? or …
// (with any closing quotes or brackets after it) when the next token starts a
// paragraph, is capitalised, a number or an opening quote; it never ends
// after a title (Mr., Gen.) or an initial, and after an acronym (U.S.) only
// before a typical sentence opener.
func Segment(d *doc.Document) {
	toks := d.Tokens
	d.Sentences = d.Sentences[:0]
	d.Paragraphs = d.Paragraphs[:0]
	if len(toks) == 0 {
		return
	}
	start := 0
	paraStart := 0
	flush := func(end int) {
		if end > start {
			d.Sentences = append(d.Sentences, doc.Sentence{
				Span:  doc.Span{Start: toks[start].Start, End: toks[end-1].End},
				First: start, Last: end,
			})
			toks[start].Flags |= doc.SentStart
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		if i > start && is(&toks[i], doc.ParaStart) {
			flush(i)
		}
		if i > paraStart && is(&toks[i], doc.ParaStart) {
			d.Paragraphs = append(d.Paragraphs, doc.Span{Start: toks[paraStart].Start, End: toks[i-1].End})
			paraStart = i
		}
		if !endsSentence(toks, i) {
			continue
		}
		// Absorb closing quotes and brackets: `...win."` ends after the mark.
		j := i + 1
		for j < len(toks) && (is(&toks[j], doc.CloseQuote) || toks[j].Kind == doc.Punct && (toks[j].Lower == ")" || toks[j].Lower == "]")) && !is(&toks[j], doc.ParaStart) {
			j++
		}
		if j >= len(toks) {
			break
		}
		n := &toks[j]
		if is(n, doc.ParaStart) || is(n, doc.Upper) || n.Kind == doc.Number || is(n, doc.OpenQuote) ||
			n.Kind == doc.Quote && n.Flags&(doc.OpenQuote|doc.CloseQuote) == 0 {
			if isAcronymEnd(&toks[i]) && !is(n, doc.ParaStart) && !starters[n.Lower] {
				continue
			}
			flush(j)
			i = j - 1
		}
	}
	flush(len(toks))
	d.Paragraphs = append(d.Paragraphs, doc.Span{Start: toks[paraStart].Start, End: toks[len(toks)-1].End})
}

// is is doc.Token.Is without copying the token, as a call on its value
// receiver does in a per-token loop.
func is(t *doc.Token, f uint16) bool { return t.Flags&f == f }

// endsSentence reports whether token i can end a sentence.
func endsSentence(toks []doc.Token, i int) bool {
	t := &toks[i]
	switch t.Kind {
	case doc.Punct:
		c := t.Lower[0]
		return c == '.' || c == '!' || c == '?' || strings.HasPrefix(t.Lower, "…")
	case doc.Word:
		if !strings.HasSuffix(t.Lower, ".") || titles[t.Lower] {
			return false
		}
		// A single initial (George W. Bush) does not end a sentence.
		return len(t.Lower) > 2
	}
	return false
}

// isAcronymEnd reports an abbreviation token that swallowed a full stop
// (U.S., etc., Jan.), which ends a sentence only before a typical opener.
func isAcronymEnd(t *doc.Token) bool {
	return t.Kind == doc.Word && strings.HasSuffix(t.Lower, ".")
}
