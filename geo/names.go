package geo

// nameTable is an open-addressing hash set of names, indexed by insertion
// order. It replaces map[string]uint32 because building a Go map of half a
// million strings was a third of start-up. Each slot keeps 32 bits of the
// hash beside the index, so probing past other names rarely touches their
// strings (a cache miss each).
type nameTable struct {
	keys  []string
	slots []uint64 // hash<<32 | index+1; 0 is empty
	mask  uint64
}

func newNameTable(n int) *nameTable {
	size := uint64(16)
	for size < uint64(n)*2 { // load factor at most 1/2: short probe runs
		size <<= 1
	}
	return &nameTable{keys: make([]string, 0, n), slots: make([]uint64, size), mask: size - 1}
}

// hashName is FNV-1a with a final mix so that the low bits (the slot) and
// the high bits (the tag) both depend on every byte.
func hashName(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// insert adds s with the next index; it reports false if s is already there.
func (t *nameTable) insert(s string) bool {
	if uint64(len(t.keys)+1)*2 > uint64(len(t.slots)) {
		t.grow()
	}
	h := hashName(s)
	tag := h &^ 0xffffffff
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			t.keys = append(t.keys, s)
			t.slots[i] = tag | uint64(len(t.keys))
			return true
		}
		if v&^0xffffffff == tag && t.keys[uint32(v)-1] == s {
			return false
		}
	}
}

func (t *nameTable) grow() {
	old := t.keys
	*t = *newNameTable(2 * max(len(old), 8))
	for _, s := range old {
		t.insert(s)
	}
}

// find returns s's index.
func (t *nameTable) find(s string) (int, bool) {
	h := hashName(s)
	tag := h &^ 0xffffffff
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return 0, false
		}
		if v&^0xffffffff == tag && t.keys[uint32(v)-1] == s {
			return int(uint32(v) - 1), true
		}
	}
}
