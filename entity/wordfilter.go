package entity

// wordFilter is an exact pre-test for membership in a small set of words:
// a bit per first byte and length that some word of the set has. A word
// that fails it is not in the set, and most tokens fail it, so the map
// lookup (hashing the word, a probe) is skipped for them.
type wordFilter struct {
	bits  [256]uint64 // by first byte: bit n for length n (63 for 63 and longer)
	empty bool        // the set holds ""
}

func newWordFilter[V any](set map[string]V) *wordFilter {
	f := new(wordFilter)
	for w := range set {
		f.add(w)
	}
	return f
}

func (f *wordFilter) add(w string) {
	if w == "" {
		f.empty = true
		return
	}
	f.bits[w[0]] |= 1 << min(len(w), 63)
}

// has reports whether w may be in the set: false means it is not.
func (f *wordFilter) has(w string) bool {
	if w == "" {
		return f.empty
	}
	return f.bits[w[0]]&(1<<min(len(w), 63)) != 0
}
