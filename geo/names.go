package geo

import (
	"hash/maphash"
	"math/bits"
)

// nameTable is an open-addressing hash set of names. It replaces
// map[string]uint32 because building a Go map of a quarter of a million
// strings was a third of start-up. Each slot holds a name's index+1 in its
// low idxBits and the top bits of the name's hash above them, so probing
// past other names rarely touches their strings (a cache miss each).
type nameTable struct {
	raw     string   // the keys are substrings of raw
	keys    []strRef // pointer-free, so the collector skips them
	slots   []uint32 // 0 is empty
	mask    uint64
	idxBits uint
}

// nameSeed seeds hashName. The table is built at every start, so the hash
// need not be stable across processes, and the runtime's string hash (AES
// instructions where the CPU has them) is several times faster than a
// byte-at-a-time one on every lookup.
var nameSeed = maphash.MakeSeed()

func hashName(s string) uint64 { return maphash.String(nameSeed, s) }

// newNameTable indexes keys (key i gets index i). It returns the index of a
// key listed twice, or -1.
//
// Slots are filled in the order of the keys' home slots, not of the keys:
// in key order every insert was a cache and TLB miss (120 ns each, most of
// decoding the gazetteer), in slot order they walk the table once. Linear
// probing finds a key whatever order the keys went in.
func newNameTable(raw string, keys []strRef) (*nameTable, int) {
	size := 16
	for size < len(keys)*2 { // load factor at most 1/2: short probe runs
		size <<= 1
	}
	t := &nameTable{raw: raw, keys: keys, slots: make([]uint32, size), mask: uint64(size - 1), idxBits: uint(bits.Len(uint(len(keys))))}
	hashes := make([]uint64, len(keys))
	// Counting sort of the keys by the top bits of their home slot.
	const bucketBits = 10
	shift := max(0, bits.Len(uint(size-1))-bucketBits)
	var start [1<<bucketBits + 1]int32
	for i := range keys {
		h := hashName(t.key(i))
		hashes[i] = h
		start[(h&t.mask)>>shift+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	order := make([]int32, len(keys))
	for i, h := range hashes {
		b := (h & t.mask) >> shift
		order[start[b]] = int32(i)
		start[b]++
	}
	low := uint32(1)<<t.idxBits - 1
	for _, i := range order {
		h := hashes[i]
		tag := t.tag(h)
		for s := h & t.mask; ; s = (s + 1) & t.mask {
			v := t.slots[s]
			if v == 0 {
				t.slots[s] = tag | uint32(i+1)
				break
			}
			if v&^low == tag && t.key(int(v&low-1)) == t.key(int(i)) {
				return t, int(min(i, int32(v&low-1)))
			}
		}
	}
	return t, -1
}

func (t *nameTable) key(i int) string { k := t.keys[i]; return t.raw[k.off : k.off+k.n] }

func (t *nameTable) tag(h uint64) uint32 { return uint32(h>>32) >> t.idxBits << t.idxBits }

// find returns s's index.
func (t *nameTable) find(s string) (int, bool) {
	h := hashName(s)
	tag := t.tag(h)
	low := uint32(1)<<t.idxBits - 1
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return 0, false
		}
		if v&^low == tag && t.key(int(v&low-1)) == s {
			return int(v&low - 1), true
		}
	}
}
