package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"newsgraph/doc"
)

// scanWordRef is scanWord before its lower-case fast path: the reference
// the fast path must agree with.
func (tz *Tokenizer) scanWordRef(s string, i int, t *doc.Token) int {
	start := i
	var upperFirst, lowerFirst bool
	letters, uppers, digits := 0, 0, 0
	var flags uint16
	ascii := true
	first := true
	for i < len(s) {
		c := s[i]
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

func checkScanWord(t *testing.T, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if ok, _ := letterAt(s, i, true); !ok || !utf8.RuneStart(s[i]) {
			continue
		}
		var got, want doc.Token
		ge := NewTokenizer().scanWord(s, i, &got)
		we := NewTokenizer().scanWordRef(s, i, &want)
		if ge != we || got != want {
			t.Fatalf("scanWord(%q, %d) = %d %+v, want %d %+v", s, i, ge, got, we, want)
		}
	}
}

func TestScanWord(t *testing.T) {
	for _, s := range []string{"word", "Word", "WORD", "wOrd", "U.S.", "US-led", "don't", "Peskov's", "2,838", "8.5bn",
		"AT&T", "at&t", "café", "naïve", "São", "Mr.", "mr.", "e.g.", "x", "abc123", "1990s", "don’t", "O'Brien", strings.Repeat("a", 100)} {
		checkScanWord(t, s)
		checkScanWord(t, s+" tail")
	}
}

// FuzzScanWord holds scanWord to the reference at every word start.
func FuzzScanWord(f *testing.F) {
	for _, s := range []string{"word", "U.S. and US-led", "don't don’t", "café naïve", "AT&T 2,838", "Mr. Smith."} {
		f.Add(s)
	}
	f.Fuzz(checkScanWord)
}
