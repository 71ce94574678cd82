package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean normalises raw article text: unifies line breaks and spaces, drops
// invisible characters, photo credits, bylines and similar boilerplate lines,
// and repairs sentence boundaries that scraping glued together
// ("last month.The Donbass", `eight years."Therefore`). Paragraphs come out
// separated by one blank line, lines inside a paragraph by one newline.
// Every later offset indexes the cleaned text.
func Clean(raw string) string {
	raw = strings.ToValidUTF8(raw, "\uFFFD")
	var b strings.Builder
	b.Grow(len(raw))
	blank := false // a blank line was seen since the last kept line
	wrote := false
	for len(raw) > 0 {
		line := raw
		if i := strings.IndexAny(raw, "\n\r"); i >= 0 {
			line, raw = raw[:i], raw[i+1:]
		} else {
			raw = ""
		}
		line = NormaliseSpace(line)
		if line == "" {
			blank = true
			continue
		}
		if IsBoilerplate(line) {
			continue
		}
		if wrote {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		repairGlue(&b, line)
		wrote, blank = true, false
	}
	return b.String()
}

// NormaliseSpace folds every run of spaces (including no-break and other
// Unicode spaces, and line breaks) to one ASCII space, drops soft hyphens,
// zero-width and control characters, and trims the ends.
func NormaliseSpace(s string) string {
	if isNormalised(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00AD' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isNormalised reports whether NormaliseSpace would return s unchanged: no
// space at either end or twice in a row, no control character, and no
// non-ASCII character that is a space, invisible or invalid UTF-8 (and,
// with any non-ASCII character, no DEL). It is the common case, so it goes
// eight bytes at a time.
func isNormalised(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte >= 0x80, or a byte < 0x20 (its high bit set after
		// subtracting 0x20, and clear before).
		if (w|(w-0x20*ones)&^w)&highs != 0 {
			break
		}
	}
	delChecked := false
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' {
				return false
			}
			i++
			continue
		}
		if !delChecked {
			// A line with a non-ASCII character always went through the
			// rune-by-rune rewrite, which drops DEL; an ASCII line kept it.
			if strings.IndexByte(s, 0x7f) >= 0 {
				return false
			}
			delChecked = true
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 || unicode.IsSpace(r) || unicode.IsControl(r) ||
			r == '\u00AD' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF' {
			return false
		}
		i += w
	}
	return true
}

var creditWords = []string{
	"getty images", "afp", "reuters", "ap photo", "associated press", "epa", "shutterstock",
	"anadolu", "pa media", "pa wire", "alamy", "sputnik", "tass", "xinhua", "ria novosti", "stringer",
}

var boilerStarts = []string{
	"photo:", "photo by ", "photograph:", "photos:", "image:", "image copyright", "image caption",
	"image source", "picture:", "pictures:", "media caption", "caption:", "credit:", "video:",
	"(photo", "(image", "share this", "share on ", "follow us", "follow @", "advertisement",
	"read more:", "related:", "click here", "sign up", "subscribe to", "all rights reserved",
}

// IsBoilerplate reports lines that are not article prose: credits, bylines,
// share buttons. It only drops short lines, so a sentence that mentions a
// news agency is kept. line must be normalised (trimmed, single spaces).
func IsBoilerplate(line string) bool {
	if strings.HasPrefix(line, "©") || strings.HasPrefix(line, "(c) ") {
		return true
	}
	words := strings.Count(line, " ") + 1
	if words > 14 {
		return false
	}
	lower := strings.ToLower(line)
	if isFollowLine(line) {
		return true
	}
	for _, p := range boilerStarts {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	last := line[len(line)-1]
	prose := last == '.' || last == '?' || last == '!' || last == '"' || last == ':'
	if !prose {
		for _, w := range creditWords {
			if i := wordIndex(lower, w); i >= 0 && (strings.Contains(line, "/") || strings.Contains(lower, "via ") || strings.Contains(lower, "photo") || i == 0 || words <= 4) {
				return true
			}
		}
	}
	return isByline(line, words)
}

// isFollowLine matches a social-media sign-off: "Follow Pam Key on Twitter
// @pamkeyNEN." — a name of up to four capitalised words or a handle, the
// network, and at most a handle after it.
func isFollowLine(line string) bool {
	f := strings.Fields(strings.TrimLeft(line, "\"“'‘ "))
	if len(f) < 4 || len(f) > 9 || f[0] != "Follow" {
		return false
	}
	for i := 1; i < len(f)-1; i++ {
		if f[i] != "on" {
			r, _ := utf8.DecodeRuneInString(f[i])
			if !unicode.IsUpper(r) && r != '@' {
				return false
			}
			continue
		}
		switch strings.TrimRight(f[i+1], ".") {
		case "Twitter", "Facebook", "Instagram", "X", "Threads", "Bluesky":
		default:
			return false
		}
		rest := f[i+2:]
		return i <= 5 && (len(rest) == 0 || len(rest) == 1 && strings.HasPrefix(rest[0], "@"))
	}
	return false
}

// wordIndex finds w in s as a whole word ("epa", not "department").
func wordIndex(s, w string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || !isASCIILetter(s[i-1])
		after := i+len(w) == len(s) || !isASCIILetter(s[i+len(w)])
		if before && after {
			return i
		}
		off = i + 1
	}
}

// isByline matches "By Jane Smith", "By Jane Smith, BBC News" and
// "By Jane Smith and John Doe": short, every word capitalised.
func isByline(line string, words int) bool {
	if words > 9 || !strings.HasPrefix(line, "By ") {
		return false
	}
	for _, w := range strings.Fields(line[3:]) {
		w = strings.TrimRight(w, ",|")
		if w == "and" || w == "&" || w == "|" || w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// sentenceStarters are words that begin sentences far more often than they
// end identifiers; a capitalised one right after a full stop marks glue even
// when the word before is capitalised ("said Putin.The").
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "But": true,
	"And": true, "However": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "This": true, "That": true, "These": true, "Those": true, "There": true,
	"His": true, "Her": true, "Their": true, "Its": true, "Our": true, "As": true, "After": true,
	"Before": true, "During": true, "Meanwhile": true, "Simultaneously": true, "Therefore": true,
	"Earlier": true, "Later": true, "According": true, "If": true, "When": true, "While": true,
	"Since": true, "For": true, "Despite": true, "Although": true, "Following": true, "Last": true,
	"Some": true, "Many": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true, "So": true, "Now": true,
}

// repairGlue writes line to b, inserting a space where a sentence end runs
// into the next sentence with no space. Identifiers (Rocket.Chat,
// fmt.Println), abbreviations (U.S.) and decimals are left alone.
func repairGlue(b *strings.Builder, line string) {
	quotes := 0 // straight double quotes seen so far: odd means inside a quote
	last := 0
	for i := 1; i+1 < len(line); i++ {
		c := line[i]
		if c == '"' {
			quotes++
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// The mark must follow a word end: a lower-case letter, a digit
		// that ends a year or a closing bracket.
		p := line[i-1]
		if !(p >= 'a' && p <= 'z' || isDigit(p) || p == ')' || p >= utf8.RuneSelf) {
			continue
		}
		j := i + 1
		var qStart, qEnd int = -1, -1
		if line[j] == '"' {
			qStart, qEnd = j, j+1
		} else if r, w := utf8.DecodeRuneInString(line[j:]); r == '”' || r == '“' || r == '’' {
			qStart, qEnd = j, j+w
		}
		k := j
		if qEnd > 0 {
			k = qEnd
		}
		if k >= len(line) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(line[k:])
		if !unicode.IsUpper(r) {
			continue
		}
		if !isGlue(line, i, k) {
			continue
		}
		split := j // default: the space goes right after the mark
		if qEnd > 0 {
			opens := false
			switch {
			case line[qStart] == '"':
				opens = quotes%2 == 0 // even count so far: this mark opens a new quote
			default:
				qr, _ := utf8.DecodeRuneInString(line[qStart:])
				opens = qr == '“'
			}
			if !opens {
				split = qEnd
			}
		}
		b.WriteString(line[last:split])
		b.WriteByte(' ')
		last = split
		if qEnd > 0 {
			i = qEnd - 1
			if line[qStart] == '"' {
				quotes++
			}
		}
	}
	b.WriteString(line[last:])
}

// isGlue decides whether the full stop at line[dot] with the capitalised
// word starting at line[next] is a glued sentence boundary.
func isGlue(line string, dot, next int) bool {
	// The word on the right, up to a space or punctuation.
	e := next
	for e < len(line) {
		r, w := utf8.DecodeRuneInString(line[e:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		e += w
	}
	right := line[next:e]
	if e < len(line) && (line[e] == '(' || line[e] == '.' && e+1 < len(line) && line[e+1] != ' ') {
		return false // fmt.Println( or a dotted name such as a.b.Com.x
	}
	if sentenceStarters[right] {
		return true
	}
	// The word on the left, back to a space.
	s := dot
	for s > 0 && line[s-1] != ' ' && line[s-1] != '"' && line[s-1] != '(' {
		s--
	}
	left := line[s:dot]
	if strings.ContainsAny(left, "./:@_") || left == "" {
		return false // a domain, path or dotted identifier
	}
	r, _ := utf8.DecodeRuneInString(left)
	if unicode.IsUpper(r) {
		return false // Rocket.Chat: a capitalised word joined to another
	}
	if len(left) < 2 {
		return false // e.g., i.e.
	}
	if isDigit(left[0]) && !(len(left) == 4 || strings.HasSuffix(left, "%")) {
		return false // 3.Five is rare; 2014.The is a year at a sentence end
	}
	return true
}
