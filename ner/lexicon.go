package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math/bits"
	"strings"
)

// Embedded data; sources and licences are in data/SOURCES.md.
var (
	//go:embed data/clusters.tsv.gz
	clustersGz []byte
	//go:embed data/gazetteer.tsv
	gazetteerTSV string
	//go:embed data/regions.txt
	regionsTxt string
	//go:embed data/groups.txt
	groupsTxt string
	//go:embed data/orgwords.txt
	orgWordsTxt string
)

// hashString is FNV-1a over the bytes of s: words are looked up by hash so
// the hot path never builds or compares strings.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix combines two hashes; the multiply-xorshift spreads every input bit
// over the high bits that index the weight table.
func mix(a, b uint64) uint64 {
	h := (a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2))) * 0xBF58476D1CE4E5B9
	return h ^ (h >> 31)
}

// Gazetteer classes, as bits of wordInfo.gaz.
const (
	gazCountry uint8 = 1 << iota
	gazCity
	gazDemonym
	gazRegion
	gazGroup
	gazInner // token continues a multi-word gazetteer phrase
)

// Organisation evidence classes, as bits of wordInfo.org (data/orgwords.txt).
const (
	orgHead uint8 = 1 << iota // ends or opens an organisation's name: "Party", "Bank"
	orgRole                   // names a role in an organisation: "spokesman", "analyst"
)

// wordInfo is what the lexicon knows about one lower-cased word.
type wordInfo struct {
	fine, coarse uint16 // word clusters, 0 when unknown
	rank         uint8  // log2 frequency-rank bucket, 0 when unknown
	gaz          uint8  // gazetteer classes of the word as a one-word phrase
	org          uint8  // orgHead, orgRole
	// phraseLens has bit n set when a gazetteer phrase of n+1 words starts
	// with this word.
	phraseLens uint8
}

// lexicon maps word hashes to wordInfo and phrase hashes to gazetteer
// classes, in open-addressed tables keyed by the 64-bit hash.
type lexicon struct {
	words   hashTable[wordInfo]
	phrases hashTable[uint8]
}

// hashTable is a minimal open-addressing map from non-zero uint64 keys.
type hashTable[V any] struct {
	keys []uint64
	vals []V
	mask uint64
	n    int
}

func newHashTable[V any](capacity int) hashTable[V] {
	size := 1 << bits.Len(uint(capacity*2))
	return hashTable[V]{keys: make([]uint64, size), vals: make([]V, size), mask: uint64(size - 1)}
}

func (t *hashTable[V]) slot(k uint64) (int, bool) {
	if k == 0 {
		k = 1
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return int(i), true
		case 0:
			return int(i), false
		}
	}
}

// ref returns a pointer to k's value, inserting a zero value if absent.
func (t *hashTable[V]) ref(k uint64) *V {
	i, ok := t.slot(k)
	if !ok {
		if (t.n+1)*2 > len(t.keys) {
			t.grow()
			i, _ = t.slot(k)
		}
		if k == 0 {
			k = 1
		}
		t.keys[i] = k
		t.n++
	}
	return &t.vals[i]
}

func (t *hashTable[V]) grow() {
	old := *t
	*t = newHashTable[V](len(old.keys))
	for i, k := range old.keys {
		if k != 0 {
			*t.ref(k) = old.vals[i]
		}
	}
}

func (t *hashTable[V]) get(k uint64) (V, bool) {
	i, ok := t.slot(k)
	if !ok {
		var zero V
		return zero, false
	}
	return t.vals[i], true
}

// phraseHash is the hash of a word sequence, built from the word hashes so
// that running text can be matched token by token.
func phraseHash(h, word uint64) uint64 { return mix(h, word) }

// loadLexicon reads the embedded cluster and gazetteer files.
func loadLexicon() (*lexicon, error) {
	lx := &lexicon{words: newHashTable[wordInfo](100000), phrases: newHashTable[uint8](4000)}
	zr, err := gzip.NewReader(bytes.NewReader(clustersGz))
	if err != nil {
		return nil, fmt.Errorf("clusters.tsv.gz: %w", err)
	}
	if err := lx.readClusters(zr); err != nil {
		return nil, fmt.Errorf("clusters.tsv.gz: %w", err)
	}
	if err := lx.readGazetteer(strings.NewReader(gazetteerTSV), 0); err != nil {
		return nil, fmt.Errorf("gazetteer.tsv: %w", err)
	}
	if err := lx.readGazetteer(strings.NewReader(regionsTxt), gazRegion); err != nil {
		return nil, fmt.Errorf("regions.txt: %w", err)
	}
	if err := lx.readGazetteer(strings.NewReader(groupsTxt), gazGroup); err != nil {
		return nil, fmt.Errorf("groups.txt: %w", err)
	}
	if err := lx.readOrgWords(strings.NewReader(orgWordsTxt)); err != nil {
		return nil, fmt.Errorf("orgwords.txt: %w", err)
	}
	return lx, nil
}

func (lx *lexicon) readClusters(r io.Reader) error {
	sc := bufio.NewScanner(r)
	line := 0
	var f [4][]byte
	for sc.Scan() {
		line++
		b := sc.Bytes()
		for i := range 3 {
			tab := bytes.IndexByte(b, '\t')
			if tab < 0 {
				return fmt.Errorf("line %d: want 4 tab-separated fields", line)
			}
			f[i], b = b[:tab], b[tab+1:]
		}
		f[3] = b
		fine, ok1 := atou(f[1])
		coarse, ok2 := atou(f[2])
		rank, ok3 := atou(f[3])
		if !ok1 || !ok2 || !ok3 || fine > 0xFFFF || coarse > 0xFFFF {
			return fmt.Errorf("line %d: bad number", line)
		}
		wi := lx.words.ref(hashBytes(f[0]))
		wi.fine, wi.coarse = uint16(fine), uint16(coarse)
		wi.rank = uint8(bits.Len64(rank + 1))
	}
	return sc.Err()
}

// atou parses a decimal number of at most 9 digits.
func atou(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// readGazetteer reads "phrase<TAB>class" lines, or bare phrases of class
// fixed when fixed != 0. Phrases are lower case, words split on spaces,
// with possessive-free tokens as the tokeniser would produce them.
func (lx *lexicon) readGazetteer(r io.Reader, fixed uint8) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		class := fixed
		if fixed == 0 {
			phrase, name, ok := strings.Cut(s, "\t")
			if !ok {
				return fmt.Errorf("line %d: no class", line)
			}
			switch name {
			case "country":
				class = gazCountry
			case "city":
				class = gazCity
			case "demonym":
				class = gazDemonym
			default:
				return fmt.Errorf("line %d: unknown class %q", line, name)
			}
			s = phrase
		}
		words := splitPhrase(s)
		if len(words) == 0 || len(words) > 8 {
			continue
		}
		first := lx.words.ref(hashString(words[0]))
		if len(words) == 1 {
			first.gaz |= class
			continue
		}
		first.phraseLens |= 1 << (len(words) - 1)
		h := uint64(0)
		for _, w := range words {
			h = phraseHash(h, hashString(w))
		}
		*lx.phrases.ref(h) |= class
	}
	return sc.Err()
}

// readOrgWords reads "word<TAB>class" lines, class head or role.
func (lx *lexicon) readOrgWords(r io.Reader) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		word, name, ok := strings.Cut(s, "\t")
		if !ok || word == "" || strings.ContainsAny(word, " \t") {
			return fmt.Errorf("line %d: want word<TAB>class", line)
		}
		switch name {
		case "head":
			lx.words.ref(hashString(word)).org |= orgHead
		case "role":
			lx.words.ref(hashString(word)).org |= orgRole
		default:
			return fmt.Errorf("line %d: unknown class %q", line, name)
		}
	}
	return sc.Err()
}

// splitPhrase splits a gazetteer phrase into tokens the way the tokeniser
// does for the common cases: on spaces, with commas and parentheses apart.
func splitPhrase(s string) []string {
	return strings.Fields(phraseSeparators.Replace(s))
}

// phraseSeparators is built once: a Replacer per phrase cost 13 MB of
// allocations at start-up.
var phraseSeparators = strings.NewReplacer(",", " , ", "(", " ( ", ")", " ) ")
