package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/klauspost/compress/s2"
)

// The gazetteer file is S2-compressed and columnar, so that the compressor
// sees long runs of like values and decoding is a few tight loops with no
// per-string copy: every string is a substring of the one decompressed
// buffer. S2 (Snappy's successor) rather than zstd because decoding is
// start-up: S2 decodes the 10 MB in 10-14 ms where zstd took 47 ms (65 ms in
// a cold process), for a file of 6.5 MB instead of 5.1 MB.
//
//	magic
//	features:   n, n × str                       (feature-code table)
//	places:     n, then columns of n values each:
//	            id (varint delta), name (str), country (str), feature (uvarint index),
//	            admin1 (str), population (uvarint), lat, lon (varint, 1e-5 degree)
//	names:      n, total references, n × (str, flags byte, count, count × uvarint place index)
//	demonyms:   n, n × (str demonym, str country)
//
// str is a uvarint length and the bytes.
const magic = "newsgraph-geo\x01"

// maxDecoded bounds the decompressed size so a corrupt or hostile file
// cannot exhaust memory.
const maxDecoded = 256 << 20

const flagCommon = 1

// Record is one place with all the names it is known by, the unit Encode takes.
type Record struct {
	Place
	Names []string
}

// Encode writes a gazetteer of recs to w. common lists the names that are
// also common English words; demonyms maps nationality words to country codes.
// Place ids must be unique.
func Encode(w io.Writer, recs []Record, common map[string]bool, demonyms map[string]string) error {
	b, err := encodeRaw(recs, common, demonyms)
	if err != nil {
		return err
	}
	_, err = w.Write(s2.EncodeBest(nil, b))
	return err
}

// encodeRaw returns the uncompressed encoding.
func encodeRaw(recs []Record, common map[string]bool, demonyms map[string]string) ([]byte, error) {
	recs = append([]Record(nil), recs...)
	sort.Slice(recs, func(i, j int) bool { return recs[i].ID < recs[j].ID })
	for i := 1; i < len(recs); i++ {
		if recs[i].ID == recs[i-1].ID {
			return nil, fmt.Errorf("geo: duplicate place id %d", recs[i].ID)
		}
	}
	var b []byte
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	b = append(b, magic...)

	featIdx := map[string]int{}
	var feats []string
	for _, r := range recs {
		if _, ok := featIdx[r.Feature]; !ok {
			featIdx[r.Feature] = len(feats)
			feats = append(feats, r.Feature)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(feats)))
	for _, f := range feats {
		str(f)
	}

	b = binary.AppendUvarint(b, uint64(len(recs)))
	prev := 0
	for _, r := range recs {
		b = binary.AppendVarint(b, int64(r.ID-prev))
		prev = r.ID
	}
	for _, r := range recs {
		str(r.Name)
	}
	for _, r := range recs {
		str(r.Country)
	}
	for _, r := range recs {
		b = binary.AppendUvarint(b, uint64(featIdx[r.Feature]))
	}
	for _, r := range recs {
		str(r.Admin1)
	}
	for _, r := range recs {
		if r.Population < 0 {
			return nil, fmt.Errorf("geo: place %d: negative population", r.ID)
		}
		b = binary.AppendUvarint(b, uint64(r.Population))
	}
	for _, r := range recs {
		b = binary.AppendVarint(b, int64(math.Round(r.Lat*1e5)))
	}
	for _, r := range recs {
		b = binary.AppendVarint(b, int64(math.Round(r.Lon*1e5)))
	}

	// Each name lists its places likeliest first (by prior: feature rank and
	// population), so callers that take the head get the context-free
	// reading; the order is fixed when the file is built.
	byName := map[string][]int{}
	for i, r := range recs {
		seen := map[string]bool{}
		for _, n := range append([]string{r.Name}, r.Names...) {
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			byName[n] = append(byName[n], i)
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	b = binary.AppendUvarint(b, uint64(len(names)))
	nrefs := 0
	for _, idx := range byName {
		nrefs += len(idx)
	}
	b = binary.AppendUvarint(b, uint64(nrefs))
	for _, n := range names {
		str(n)
		var fl byte
		if common[n] {
			fl |= flagCommon
		}
		b = append(b, fl)
		idx := byName[n]
		sort.SliceStable(idx, func(i, j int) bool { return prior(&recs[idx[i]].Place) > prior(&recs[idx[j]].Place) })
		b = binary.AppendUvarint(b, uint64(len(idx)))
		for _, i := range idx {
			b = binary.AppendUvarint(b, uint64(i))
		}
	}

	dem := make([]string, 0, len(demonyms))
	for d := range demonyms {
		dem = append(dem, d)
	}
	sort.Strings(dem)
	b = binary.AppendUvarint(b, uint64(len(dem)))
	for _, d := range dem {
		str(d)
		str(demonyms[d])
	}
	return b, nil
}

// Decode parses a gazetteer file written by Encode.
func Decode(data []byte) (*Gazetteer, error) {
	n, err := s2.DecodedLen(data)
	if err == nil && n > maxDecoded {
		err = fmt.Errorf("decoded size %d exceeds %d", n, maxDecoded)
	}
	if err != nil {
		return nil, fmt.Errorf("geo: gazetteer: %w", err)
	}
	raw, err := s2.Decode(nil, data)
	if err != nil {
		return nil, fmt.Errorf("geo: gazetteer: %w", err)
	}
	// raw is ours and never written again, so a string view of it is safe
	// and saves copying 10 MB.
	return decodeRaw(unsafe.String(unsafe.SliceData(raw), len(raw)))
}

var errTruncated = errors.New("truncated")

// reader walks the decompressed buffer; the first error sticks and makes
// every later read return zero values, so decodeRaw checks once per section.
type reader struct {
	s   string
	off int
	err error
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = fmt.Errorf("%w at byte %d", err, r.off)
	}
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	var x uint64
	var shift uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if r.off >= len(r.s) {
			r.fail(errTruncated)
			return 0
		}
		c := r.s[r.off]
		r.off++
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				r.fail(errors.New("varint overflows 64 bits"))
				return 0
			}
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	r.fail(errors.New("varint overflows 64 bits"))
	return 0
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (r *reader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.s) {
		r.fail(errTruncated)
		return 0
	}
	c := r.s[r.off]
	r.off++
	return c
}

func (r *reader) str() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.s)-r.off) {
		r.fail(errTruncated)
		return ""
	}
	s := r.s[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

// count reads an element count and rejects one larger than the bytes left,
// since every element takes at least min bytes; this keeps a corrupt count
// from allocating gigabytes.
func (r *reader) count(what string, min int) int {
	n := r.uvarint()
	if r.err == nil && n > uint64((len(r.s)-r.off)/min) {
		r.fail(fmt.Errorf("%s count %d exceeds the data", what, n))
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

// strRef is a string of the decoded buffer by offset and length. The
// gazetteer's tables hold these rather than strings so that they contain
// no pointers: the garbage collector then never scans them, where scanning
// a quarter of a million place records took a third of every collection.
type strRef struct{ off, n uint32 }

// ref reads a str as a reference into the buffer.
func (r *reader) ref() strRef {
	n := r.uvarint()
	if r.err != nil {
		return strRef{}
	}
	if n > uint64(len(r.s)-r.off) {
		r.fail(errTruncated)
		return strRef{}
	}
	ref := strRef{uint32(r.off), uint32(n)}
	r.off += int(n)
	return ref
}

// placeRec is a place as stored: Place's fields without pointers.
type placeRec struct {
	id                    int
	name, country, admin1 strRef
	feature               uint32 // index into Gazetteer.feats
	population            int
	lat, lon              int64 // 1e-5 degree
}

func decodeRaw(s string) (*Gazetteer, error) {
	if !strings.HasPrefix(s, magic) {
		return nil, errors.New("geo: gazetteer: not a newsgraph gazetteer (bad magic)")
	}
	if uint64(len(s)) > math.MaxUint32 {
		return nil, errors.New("geo: gazetteer: larger than 4 GB")
	}
	r := &reader{s: s, off: len(magic)}
	wrap := func(section string) error { return fmt.Errorf("geo: gazetteer: %s: %w", section, r.err) }

	feats := make([]string, r.count("feature", 1))
	for i := range feats {
		feats[i] = r.str()
	}
	if r.err != nil {
		return nil, wrap("features")
	}

	// Eight columns of at least one byte per place.
	g := &Gazetteer{raw: s, feats: feats, recs: make([]placeRec, r.count("place", 8))}
	ps := g.recs
	id := 0
	for i := range ps {
		id += int(r.varint())
		ps[i].id = id
	}
	for i := range ps {
		ps[i].name = r.ref()
	}
	for i := range ps {
		ps[i].country = r.ref()
	}
	for i := range ps {
		f := r.uvarint()
		if r.err == nil && f >= uint64(len(feats)) {
			r.fail(fmt.Errorf("feature index %d out of range", f))
		}
		if r.err != nil {
			break
		}
		ps[i].feature = uint32(f)
	}
	for i := range ps {
		ps[i].admin1 = r.ref()
	}
	for i := range ps {
		ps[i].population = int(r.uvarint())
	}
	for i := range ps {
		ps[i].lat = r.varint()
	}
	for i := range ps {
		ps[i].lon = r.varint()
	}
	if r.err != nil {
		return nil, wrap("places")
	}
	g.placePtrs = make([]atomic.Pointer[Place], len(ps))

	nn := r.count("name", 3)
	keys := make([]strRef, nn)
	g.nameStart = make([]uint32, 1, nn+1)
	g.common = make([]bool, nn)
	g.refs = make([]uint32, 0, r.count("place reference", 1))
	for i := 0; i < nn && r.err == nil; i++ {
		keys[i] = r.ref()
		g.common[i] = r.byte()&flagCommon != 0
		k := r.count("place reference", 1)
		for j := 0; j < k; j++ {
			p := r.uvarint()
			if r.err == nil && p >= uint64(len(ps)) {
				r.fail(fmt.Errorf("name %q: place index %d out of range", g.str(keys[i]), p))
			}
			if r.err == nil && len(g.refs) == cap(g.refs) {
				r.fail(fmt.Errorf("more place references than the %d announced", cap(g.refs)))
			}
			if r.err != nil {
				break
			}
			g.refs = append(g.refs, uint32(p))
		}
		g.nameStart = append(g.nameStart, uint32(len(g.refs)))
	}
	if r.err == nil {
		var dup int
		if g.names, dup = newNameTable(s, keys); dup >= 0 {
			r.fail(fmt.Errorf("name %q listed twice", g.str(keys[dup])))
		}
	}
	if r.err != nil {
		return nil, wrap("names")
	}
	g.lookups = make([]atomic.Pointer[[]*Place], nn)

	nd := r.count("demonym", 2)
	g.demonyms = make(map[string]string, nd)
	for i := 0; i < nd; i++ {
		d := r.str()
		g.demonyms[d] = r.str()
	}
	if r.err != nil {
		return nil, wrap("demonyms")
	}
	if r.off != len(s) {
		return nil, fmt.Errorf("geo: gazetteer: %d trailing bytes", len(s)-r.off)
	}

	g.countries = make(map[string]*Place)
	for i := range ps {
		if f := feats[ps[i].feature]; len(f) >= 3 && f[:3] == "PCL" { // Place.IsCountry
			g.countries[g.str(ps[i].country)] = g.place(i)
		}
	}
	g.smallAdmin1s = make(map[admin1Key]bool)
	for i := range ps {
		p := &ps[i]
		if feats[p.feature] != "ADM1" || p.admin1.n == 0 || p.population <= 0 {
			continue
		}
		cc := g.str(p.country)
		if c, ok := g.countries[cc]; ok && 2*p.population < c.Population {
			g.smallAdmin1s[admin1Key{cc, g.str(p.admin1)}] = true
		}
	}
	return g, nil
}
