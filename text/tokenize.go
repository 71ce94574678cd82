// Package text normalises article text, splits it into tokens and sentences.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"newsgraph/doc"
)

// abbrevs are lower-case words that keep a following full stop as part of
// the token: titles, months, and common Latin and business abbreviations.
// A sentence never ends inside them, except the acronyms handled in Segment.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "rev": true, "hon": true,
	"gen": true, "maj": true, "col": true, "lt": true, "sgt": true, "capt": true, "cpl": true,
	"pte": true, "adm": true, "cmdr": true, "brig": true, "gov": true, "sen": true, "rep": true,
	"pres": true, "supt": true, "insp": true, "det": true, "st": true, "jr": true, "sr": true,
	"mt": true, "ft": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"vs": true, "etc": true, "nos": true, "vol": true, "approx": true,
	"dept": true, "est": true, "fig": true, "al": true, "cf": true, "ca": true, "op": true,
	"ave": true, "blvd": true, "rd": true, "univ": true, "assn": true, "bros": true,
}

// maxAbbrev is the length of the longest abbrevs key: longer words skip
// the lower-casing and the lookup.
var maxAbbrev = func() int {
	n := 0
	for w := range abbrevs {
		n = max(n, len(w))
	}
	return n
}()

// interned are lower-case forms of capitalised words seen before, so that
// repeated names do not allocate; it is per Tokenizer (not shared) to stay
// free of locks.
type Tokenizer struct {
	lower map[string]string
	// arena holds the lower-case forms of the current document's ASCII
	// words; a fresh one each document, as the tokens keep pointing into it.
	arena []byte
}

// NewTokenizer returns a Tokenizer; reuse one per goroutine.
func NewTokenizer() *Tokenizer { return &Tokenizer{lower: make(map[string]string, 1024)} }

func (tz *Tokenizer) fold(s string) string {
	if l, ok := tz.lower[s]; ok {
		return l
	}
	l := strings.ToLower(s)
	if len(tz.lower) > 1<<16 { // bound memory on endless streams
		clear(tz.lower)
	}
	tz.lower[strings.Clone(s)] = l
	return l
}

// lowerASCII returns the lower-case form of an ASCII word, copied into the
// document's arena: cheaper than interning through the map (a cache miss
// per capitalised word), and one allocation per few hundred words.
func (tz *Tokenizer) lowerASCII(w string) string {
	if cap(tz.arena)-len(tz.arena) < len(w) {
		// Start a new block; the strings in the old one keep it alive.
		tz.arena = make([]byte, 0, max(len(w), 2*cap(tz.arena), 512))
	}
	start := len(tz.arena)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		tz.arena = append(tz.arena, c)
	}
	// The bytes are never written again, so a string view of them is safe.
	return unsafe.String(&tz.arena[start], len(w))
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }

// letterAt reports whether s[i:] starts with a letter (or digit when digits
// is set), and the width of that character.
func letterAt(s string, i int, digits bool) (bool, int) {
	if i >= len(s) {
		return false, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c) || (digits && isDigit(c)), 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || (digits && unicode.IsDigit(r)), w
}

func isApostrophe(s string, i int) (bool, int) {
	if s[i] == '\'' {
		return true, 1
	}
	if strings.HasPrefix(s[i:], "’") {
		return true, len("’")
	}
	return false, 0
}

// quoteMark reports the width of a quotation mark at s[i:] and whether it is
// directional: 1 opens, -1 closes, 0 ambiguous (straight marks).
func quoteMark(s string, i int) (w, dir int) {
	switch s[i] {
	case '"':
		return 1, 0
	case '\'':
		if i+1 < len(s) && s[i+1] == '\'' {
			return 2, 0 // '' stands for a double mark in some newsrooms' text
		}
		return 1, 0
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '“', '„', '«', '‘', '‚', '‹':
		return w, 1
	case '”', '»', '›':
		return w, -1
	case '’':
		return w, -1
	}
	return 0, 0
}

// Tokenize splits d.Text into d.Tokens. It never fails: any byte sequence
// yields tokens covering every non-space character.
func (tz *Tokenizer) Tokenize(d *doc.Document) {
	s := d.Text
	tz.arena = nil // the previous document's tokens still use the old one
	toks := d.Tokens[:0]
	if cap(toks) == 0 {
		toks = make([]doc.Token, 0, len(s)/5+8)
	}
	para := true
	singles := 0 // single quotation marks open in this paragraph
	for i := 0; i < len(s); {
		c := s[i]
		// Whitespace; a newline starts a paragraph.
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			if c == '\n' {
				para, singles = true, 0
			}
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += w
				continue
			}
		}
		start := i
		var t doc.Token
		if ok, _ := letterAt(s, i, true); ok {
			i = tz.scanWord(s, i, &t)
		} else if w, dir := quoteMark(s, i); w > 0 {
			i += w
			t.Kind = doc.Quote
			t.Flags = quoteDir(s, start, i, dir)
		} else {
			i = scanPunct(s, i, &t)
		}
		t.Start, t.End = start, i
		if para {
			t.Flags |= doc.ParaStart
			para = false
		}
		if t.Lower == "" {
			t.Lower = s[start:i]
		}
		toks = append(toks, t)
		if t.Kind == doc.Quote && t.Is(doc.OpenQuote) && s[start] != '"' {
			singles++
		} else if t.Kind == doc.Quote && t.Is(doc.CloseQuote) && s[start] != '"' && singles > 0 {
			singles--
		}
		// A possessive 's / ’s becomes its own token, and so does the
		// apostrophe of a plural possessive ("ITV Wales' programme") when no
		// single quotation is open that it could close.
		if (t.Kind == doc.Word || t.Kind == doc.Number) && i < len(s) {
			if ok, w := isApostrophe(s, i); ok {
				after := i + w + 1
				switch {
				case i+w < len(s) && s[i+w]|0x20 == 's' && (after >= len(s) || !isWordByte(s, after)):
					toks = append(toks, doc.Token{Span: doc.Span{Start: i, End: after}, Kind: doc.Word, Lower: "'s"})
					i = after
				case singles == 0 && s[i-1]|0x20 == 's' && i+w+1 < len(s) && s[i+w] == ' ' && isWordByte(s, i+w+1):
					toks = append(toks, doc.Token{Span: doc.Span{Start: i, End: i + w}, Kind: doc.Word, Lower: "'s"})
					i += w
				}
			}
		}
	}
	d.Tokens = toks
}

func isWordByte(s string, i int) bool {
	ok, _ := letterAt(s, i, true)
	return ok
}

// scanWord reads a word or number starting at i and sets t's kind and flags.
func (tz *Tokenizer) scanWord(s string, i int, t *doc.Token) int {
	start := i
	var upperFirst, lowerFirst bool
	letters, uppers, digits := 0, 0, 0
	var flags uint16
	ascii := true
	first := true
	for i < len(s) {
		c := s[i]
		if c-'a' < 26 {
			// A run of lower-case ASCII letters, most of any text, in a
			// tight loop.
			j := i
			for i++; i < len(s) && s[i]-'a' < 26; i++ {
			}
			letters += i - j
			if first {
				upperFirst, lowerFirst, first = false, true, false
			}
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case isASCIILetter(c):
				letters++
				if c <= 'Z' {
					uppers++
				}
				if first {
					upperFirst, lowerFirst = c <= 'Z', c >= 'a'
				}
				i++
				first = false
				continue
			case isDigit(c):
				digits++
				i++
				first = false
				continue
			case c == '.' || c == '-' || c == ',' || c == '\'' || c == '&':
				// Inner punctuation joins when a letter or digit follows:
				// U.S., US-led, 2,838, O'Brien, don't, AT&T.
				nextIsWord, _ := letterAt(s, i+1, true)
				if !nextIsWord {
					// An abbreviation keeps its full stop: Mr. U.S. Jan.
					if c == '.' && (flags&doc.HasDot != 0 && i-start <= 6 || i-start <= maxAbbrev && abbrevs[strings.ToLower(s[start:i])] || letters == 1 && uppers == 1 && digits == 0 && i-start == 1) {
						i++
						flags |= doc.HasDot
					}
					return finishWord(tz, s, start, i, t, letters, uppers, digits, upperFirst, lowerFirst, flags, ascii)
				}
				switch c {
				case ',':
					if !(digits > 0 && letters == 0 && isDigit(s[i+1])) {
						return finishWord(tz, s, start, i, t, letters, uppers, digits, upperFirst, lowerFirst, flags, ascii)
					}
				case '\'':
					// 's is split off by the caller; other contractions stay whole.
					if s[i+1]|0x20 == 's' && (i+2 >= len(s) || !isWordByte(s, i+2)) {
						return finishWord(tz, s, start, i, t, letters, uppers, digits, upperFirst, lowerFirst, flags, ascii)
					}
				case '.':
					flags |= doc.HasDot
				case '-':
					flags |= doc.HasHyphen
				case '&':
					if uppers != letters || letters == 0 {
						return finishWord(tz, s, start, i, t, letters, uppers, digits, upperFirst, lowerFirst, flags, ascii)
					}
				}
				i++
				continue
			}
			return finishWord(tz, s, start, i, t, letters, uppers, digits, upperFirst, lowerFirst, flags, ascii)
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			ascii = false
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
			if first {
				upperFirst, lowerFirst = unicode.IsUpper(r), unicode.IsLower(r)
			}
		case unicode.IsDigit(r):
			ascii = false
			digits++
		case r == '’':
			// A curly apostrophe inside a word (don’t); possessive split by caller.
			if i+w >= len(s) || !isWordByte(s, i+w) || s[i+w]|0x20 == 's' && (i+w+1 >= len(s) || !isWordByte(s, i+w+1)) {
				return finishWord(tz, s, start, i, t, letters, uppers, digits, upperFirst, lowerFirst, flags, ascii)
			}
			ascii = false
		default:
			return finishWord(tz, s, start, i, t, letters, uppers, digits, upperFirst, lowerFirst, flags, ascii)
		}
		i += w
		first = false
	}
	return finishWord(tz, s, start, i, t, letters, uppers, digits, upperFirst, lowerFirst, flags, ascii)
}

func finishWord(tz *Tokenizer, s string, start, end int, t *doc.Token, letters, uppers, digits int, upperFirst, lowerFirst bool, flags uint16, ascii bool) int {
	t.Kind = doc.Word
	if digits > 0 && (letters == 0 || isDigit(s[start])) {
		t.Kind = doc.Number
	}
	if digits > 0 {
		flags |= doc.HasDigit
	}
	if upperFirst {
		flags |= doc.Upper
	}
	if lowerFirst {
		flags |= doc.Lower
	}
	if letters >= 2 && uppers == letters {
		flags |= doc.AllUpper
	}
	t.Flags = flags
	if !ascii {
		t.Lower = tz.fold(s[start:end])
	} else if uppers > 0 {
		t.Lower = tz.lowerASCII(s[start:end])
	} else {
		t.Lower = s[start:end]
	}
	return end
}

// quoteDir decides whether a quotation mark opens or closes from the
// characters around it; curly marks say it themselves, except ’ which is
// also an apostrophe and is read from context like a straight mark.
func quoteDir(s string, start, end, dir int) uint16 {
	before := start == 0 || isSpaceOrOpen(s, start, true)
	after := end >= len(s) || isSpaceOrOpen(s, end, false)
	curlyApostrophe := strings.HasPrefix(s[start:], "’")
	switch {
	case dir == 1:
		return doc.OpenQuote
	case dir == -1 && !curlyApostrophe:
		return doc.CloseQuote
	case before && !after:
		return doc.OpenQuote
	case after && !before || curlyApostrophe:
		return doc.CloseQuote
	}
	return 0 // undecided: the quote stage pairs it by parity
}

// isSpaceOrOpen looks at the character before (back) or after position i:
// before a mark, space or an opening bracket means the mark opens; after a
// mark, space or punctuation means it closes.
func isSpaceOrOpen(s string, i int, back bool) bool {
	var r rune
	if back {
		r, _ = utf8.DecodeLastRuneInString(s[:i])
		return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == '/' || r == ':'
	}
	r, _ = utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '(' && r != '[' || r == '—' || r == '–'
}

// scanPunct reads one punctuation or symbol token; runs of the same mark
// (..., --, !!) stay one token.
func scanPunct(s string, i int, t *doc.Token) int {
	r, w := utf8.DecodeRuneInString(s[i:])
	end := i + w
	if r == '.' || r == '-' || r == '!' || r == '?' {
		for end < len(s) && rune(s[end]) == r {
			end++
		}
	}
	t.Kind = doc.Punct
	if !unicode.IsPunct(r) {
		t.Kind = doc.Symbol
	}
	if r == utf8.RuneError && w <= 1 {
		t.Kind = doc.Symbol
		end = i + 1
	}
	return end
}
