package ner

import (
	"unicode"
	"unicode/utf8"

	"newsgraph/doc"
)

// props are the per-token facts the feature templates combine, computed
// once per token so that each template is a couple of multiplies.
type props struct {
	word, shape, suf2, suf3, suf4, pre3 uint64
	fine, coarse                        uint16
	rank, gaz                           uint8
	phraseLens                          uint8 // the lexicon's, kept to spare a second lookup
	org                                 uint8 // the lexicon's orgHead/orgRole bits of the word
	orgName                             uint8 // orgBefore/orgIsHead/orgAfter: place in its name's organisation evidence
	orgCtx                              uint8 // orgRoleBefore/orgRoleAfter/orgAcronym
	sentStart                           bool
}

// Bits of props.orgName: where the token stands in its name (a run of
// capitalised words, possibly joined by "of", "and", ...) relative to an
// organisation head word. Every word of "Amicus Trade Union" learns from
// "Union", not only "Union" itself.
const (
	orgBefore uint8 = 1 << iota // a head word ends the name later ("Amicus" in "Amicus Union")
	orgIsHead                   // the token is the head word
	orgAfter                    // the name opens with head + of/for ("England" in "Bank of England")
)

// Bits of props.orgCtx.
const (
	orgRoleBefore uint8 = 1 << iota // role + at/for/with/of/from before the name ("analyst at Ovum")
	orgRoleAfter                    // role or 's + role after the name ("Ofcom's chief executive", "Chelsea manager")
	orgAcronym                      // all capitals, 2-5 letters ("BBC", "NATO")
)

// boundary stands in for the tokens before and after a sentence.
var boundary = props{
	word: hashString("<S>"), shape: hashString("<S>"), suf2: 1, suf3: 2, suf4: 3, pre3: 4,
	fine: 0xFFFF, coarse: 0xFFFF, rank: 0xFF, gaz: 0xFF,
}

// shape writes the word's collapsed character classes into buf: X upper, x
// lower, d digit, other characters kept as they are ("U.S." -> "X.X.",
// "McDonald's" -> "XxXx'x", "1990s" -> "dx"). Runs collapse to one class so
// that the shape generalises across word lengths.
func shape(s string, buf []byte) []byte {
	buf = buf[:0]
	var last byte
	for i := 0; i < len(s); {
		c := s[i]
		var class byte
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				class = 'X'
			case c >= 'a' && c <= 'z':
				class = 'x'
			case c >= '0' && c <= '9':
				class = 'd'
			default:
				class = c
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			switch {
			case unicode.IsUpper(r):
				class = 'X'
			case unicode.IsLetter(r):
				class = 'x'
			case unicode.IsDigit(r):
				class = 'd'
			default:
				class = 'o'
			}
		}
		if class != last && len(buf) < 16 {
			buf = append(buf, class)
		}
		last = class
	}
	return buf
}

func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// isCandidate reports whether token text s could start or end a name: it has
// an upper-case letter ("Kyiv", "iPhone", "NATO").
func isCandidate(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			return true
		}
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// computeProps fills p with the properties of every token of d.
func (lx *lexicon) computeProps(d *doc.Document, p []props) {
	lx.computePropsOf(d, p, nil)
}

// computePropsOf fills p with the properties of the tokens need marks (all
// of them when need is nil); the others are left zero. Recognising only
// the gaps of earlier recognisers needs the properties of few tokens.
func (lx *lexicon) computePropsOf(d *doc.Document, p []props, need []bool) {
	var buf [16]byte
	for i := range d.Tokens {
		if need != nil && !need[i] {
			p[i] = props{}
			continue
		}
		t := &d.Tokens[i]
		lower := t.Lower
		q := &p[i]
		*q = props{}
		q.word = hashString(lower)
		q.shape = hashBytes(shape(d.Text[t.Start:t.End], buf[:0]))
		n := len(lower)
		q.suf2 = hashString(lower[max(0, n-2):])
		q.suf3 = hashString(lower[max(0, n-3):])
		q.suf4 = hashString(lower[max(0, n-4):])
		q.pre3 = hashString(lower[:min(n, 3)])
		q.sentStart = t.Flags&doc.SentStart != 0
		if wi, ok := lx.words.get(q.word); ok {
			q.fine, q.coarse, q.rank = wi.fine, wi.coarse, wi.rank
			q.gaz |= wi.gaz
			q.phraseLens = wi.phraseLens
			q.org = wi.org
		}
		if t.Flags&doc.AllUpper != 0 && n >= 2 && n <= 5 && t.Flags&doc.HasDigit == 0 && isLetters(lower) {
			q.orgCtx |= orgAcronym
		}
	}
	for _, s := range d.Sentences {
		markOrgEvidence(d, p, s.First, s.Last)
	}
	if len(d.Sentences) == 0 {
		markOrgEvidence(d, p, 0, len(d.Tokens))
	}
	// Multi-word gazetteer phrases, tried only where a phrase can start.
	for _, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			lens := p[i].phraseLens
			if lens == 0 {
				continue
			}
			h := phraseHash(0, p[i].word)
			for j := i + 1; j < s.Last && j-i < 8; j++ {
				h = phraseHash(h, p[j].word)
				if lens&(1<<(j-i)) == 0 {
					continue
				}
				if class, ok := lx.phrases.get(h); ok {
					p[i].gaz |= class
					for k := i + 1; k <= j; k++ {
						p[k].gaz |= class | gazInner
					}
				}
			}
		}
	}
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// isNameJoiner reports whether w may sit between the capitalised words of
// one name ("Bank of England", "Campaign for Nuclear Disarmament"); not
// "and", which joins two names as often as it joins one. A switch, not a
// map: this runs for every token.
func isNameJoiner(w string) bool {
	switch w {
	case "of", "for", "the", "on", "de":
		return true
	}
	return false
}

// isRoleLink reports whether w joins a role to the organisation after it
// ("analyst at Ovum").
func isRoleLink(w string) bool {
	switch w {
	case "at", "for", "with", "of", "from":
		return true
	}
	return false
}

// markOrgEvidence sets orgName and the role bits of orgCtx for the names
// of the sentence [first, last).
func markOrgEvidence(d *doc.Document, p []props, first, last int) {
	for a := first; a < last; {
		if !isCandidate(d.TokenText(a)) {
			a++
			continue
		}
		// The name [a, b): capitalised words, with up to two joiners
		// between two of them.
		b := a + 1
		for b < last {
			if isCandidate(d.TokenText(b)) {
				b++
				continue
			}
			k := b
			for k < last && k-b < 2 && isNameJoiner(d.Tokens[k].Lower) {
				k++
			}
			if k == b || k >= last || !isCandidate(d.TokenText(k)) {
				break
			}
			b = k
		}
		for h := a; h < b; h++ {
			if p[h].org&orgHead == 0 {
				continue
			}
			// A head counts at the end of the name or before "of"/"for":
			// "United" in "Manchester United", not in "United States".
			linked := h+1 < b && (d.Tokens[h+1].Lower == "of" || d.Tokens[h+1].Lower == "for")
			if h != b-1 && !linked {
				continue
			}
			for k := a; k < h; k++ {
				p[k].orgName |= orgBefore
			}
			p[h].orgName |= orgIsHead
			if linked {
				for k := h + 1; k < b; k++ {
					p[k].orgName |= orgAfter
				}
			}
		}
		var ctx uint8
		if a-2 >= first && isRoleLink(d.Tokens[a-1].Lower) && p[a-2].org&orgRole != 0 {
			ctx |= orgRoleBefore
		}
		if b < last && (p[b].org&orgRole != 0 || d.Tokens[b].Lower == "'s" && b+1 < last && p[b+1].org&orgRole != 0) {
			ctx |= orgRoleAfter
		}
		for k := a; k < b; k++ {
			p[k].orgCtx |= ctx
		}
		a = b
	}
}

// numFeatures is the number of feature templates; every token fires exactly
// one feature per template.
const numFeatures = 32

// seeds make each template's hashes distinct.
var seeds = func() (s [numFeatures]uint64) {
	for i := range s {
		s[i] = mix(uint64(i+1)*0x9E3779B97F4A7C15, 0x5EED)
	}
	return
}()

// features writes the weight-table rows of the features of token i of the
// sentence p[first:last] into rows (len numFeatures), each row index being
// the top tableBits bits of the feature hash.
func features(p []props, first, last, i int, tableBits uint, rows []uint32) {
	at := func(j int) *props {
		if j < first || j >= last {
			return &boundary
		}
		return &p[j]
	}
	c, l1, l2, r1, r2 := at(i), at(i-1), at(i-2), at(i+1), at(i+2)
	shift := 64 - tableBits
	ss := uint64(0)
	if c.sentStart {
		ss = 1
	}
	v := [numFeatures]uint64{
		0,
		c.word,
		l1.word,
		r1.word,
		l2.word,
		r2.word,
		mix(l1.word, c.word),
		mix(c.word, r1.word),
		c.shape,
		mix(l1.shape, c.shape),
		mix(c.shape, r1.shape),
		mix(mix(l1.shape, c.shape), r1.shape),
		c.suf2,
		c.suf3,
		c.suf4,
		c.pre3,
		uint64(c.fine),
		uint64(c.coarse),
		uint64(l1.fine),
		uint64(r1.fine),
		uint64(l1.coarse)<<32 | uint64(c.coarse)<<16 | uint64(r1.coarse),
		uint64(c.gaz),
		uint64(l1.gaz),
		uint64(r1.gaz),
		mix(c.shape, ss<<8|uint64(c.rank)),
		mix(c.shape, l1.word),
		mix(c.shape, r1.word),
		mix(c.shape, uint64(c.fine)),
		mix(c.shape, uint64(c.rank)),
		mix(c.shape, c.word),
		uint64(c.orgName),
		uint64(c.orgCtx),
	}
	for k := range numFeatures {
		rows[k] = uint32(mix(seeds[k], v[k]) >> shift)
	}
}
