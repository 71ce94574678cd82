package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// The reference scorer is Python; these helpers reproduce the Python string
// semantics it relies on, because Go's differ in ways that change scores:
// Go's regexp \w and \b are ASCII-only, strings.ToLower has no final sigma
// and no one-to-many mappings, and strings.TrimSpace misses U+001C..U+001F.

// titles are the honorifics and offices dropped from names before comparing
// them (score.py's TITLES).
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "lord": true,
	"lady": true, "dame": true, "prof": true, "professor": true, "president": true,
	"minister": true, "prime": true, "chancellor": true, "secretary": true, "general": true,
	"major": true, "colonel": true, "captain": true, "gen": true, "col": true, "capt": true,
	"rev": true, "the": true, "st": true, "judge": true, "justice": true, "senator": true,
	"sen": true, "rep": true, "governor": true, "gov": true,
}

// isWordRune is Python's Unicode \w: str.isalnum() (letters Lu Ll Lt Lm Lo
// and anything with a numeric value, i.e. Nd Nl No) or the underscore.
// Combining marks are not word characters in Python, unlike in many regex
// engines.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isSpace is Python's str.isspace: Go's White_Space set plus the
// information separators U+001C..U+001F, which Python strips too.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || 0x1c <= r && r <= 0x1f
}

// strip is Python's str.strip().
func strip(s string) string { return strings.TrimFunc(s, isSpace) }

// lower is Python's str.lower(): full case mapping (İ becomes i̇) with
// the Greek final sigma rule. cases.Caser keeps state, so one per call.
func lower(s string) string { return cases.Lower(language.Und).String(s) }

// upper is Python's str.upper(): full case mapping (ß becomes SS).
func upper(s string) string { return cases.Upper(language.Und).String(s) }

// words is score.py's words(): the runs of [\w']+ in the NFKC-normalised,
// lower-cased text.
func words(s string) []string {
	if s == "" {
		return nil
	}
	s = lower(norm.NFKC.String(s))
	var out []string
	start := -1
	for i, r := range s {
		if isWordRune(r) || r == '\'' {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// dropPossessive is score.py's re.sub(r"'s\b|’s\b", "", s): it removes 's
// and ’s where no word character follows. It runs before NFKC and lower
// casing, so 'S stays.
func dropPossessive(s string) string {
	if !strings.Contains(s, "'s") && !strings.Contains(s, "’s") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		n := 0
		switch {
		case strings.HasPrefix(s[i:], "'s"):
			n = 2
		case strings.HasPrefix(s[i:], "’s"):
			n = len("’s")
		}
		if n > 0 {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if i+n == len(s) || !isWordRune(next) {
				i += n
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// nameTokens is score.py's name_tokens(): the words of a name without
// possessives and titles.
func nameTokens(s string) []string {
	ws := words(dropPossessive(s))
	out := ws[:0]
	for _, w := range ws {
		if !titles[w] {
			out = append(out, w)
		}
	}
	return out
}

// sameSpeaker is score.py's same_speaker(): the last name tokens agree, or
// one title-less name is a substring of the other.
func sameSpeaker(sys, gold string) bool {
	a, b := nameTokens(sys), nameTokens(gold)
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if a[len(a)-1] == b[len(b)-1] {
		return true
	}
	ja, jb := strings.Join(a, " "), strings.Join(b, " ")
	return strings.Contains(jb, ja) || strings.Contains(ja, jb)
}

// wordF1 is score.py's word_f1() over already tokenised texts: the F1 of
// the bag-of-words overlap. The arithmetic follows Python's operation order
// so that ties between candidate pairs break identically.
func wordF1(wa, wb []string) float64 {
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	ca := make(map[string]int, len(wa))
	for _, w := range wa {
		ca[w]++
	}
	common := 0
	for _, w := range wb {
		if ca[w] > 0 {
			ca[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p := float64(common) / float64(len(wa))
	r := float64(common) / float64(len(wb))
	return 2 * p * r / (p + r)
}
