package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"sync"
)

// Model is a trained recogniser: hashed feature weights per BILOU tag,
// tag-transition weights, and the lexicon its features read. A Model is
// immutable once built and safe for concurrent use.
type Model struct {
	bits  uint // feature hashes index a space of 1<<bits rows
	rows  sparseRows
	trans [numTags][numTags]int32
	lx    *lexicon
	pool  sync.Pool // *scratch
}

// sparseRows holds the weight rows that have any non-zero weight. The
// perceptron only touches features on its mistakes, so under a tenth of the
// hash space is used and each used row has a handful of non-zero tags:
// storing (tag, weight) pairs keeps the model small and lookups in cache.
type sparseRows struct {
	slots []rowSlot
	pairs []uint32 // tag | uint16(weight)<<8
	mask  uint32
}

// rowSlot is one open-addressing slot: key is row+1 (0 when empty), val is
// the index of the row's first pair <<5 | its pair count.
type rowSlot struct{ key, val uint32 }

func newSparseRows(nrows, npairs int) sparseRows {
	size := 1 << bits.Len(uint(nrows+nrows/2))
	return sparseRows{slots: make([]rowSlot, size), pairs: make([]uint32, 0, npairs), mask: uint32(size - 1)}
}

// find returns the pairs of row; feature rows are hash bits already, so the
// low bits index the slots directly.
func (s *sparseRows) find(row uint32) []uint32 {
	for i := row & s.mask; ; i = (i + 1) & s.mask {
		sl := s.slots[i]
		if sl.key == row+1 {
			f := sl.val >> 5
			return s.pairs[f : f+sl.val&31]
		}
		if sl.key == 0 {
			return nil
		}
	}
}

// add appends a row's pairs; each row is added once.
func (s *sparseRows) add(row uint32, tags []tag, w []int16) {
	i := row & s.mask
	for s.slots[i].key != 0 {
		i = (i + 1) & s.mask
	}
	s.slots[i] = rowSlot{row + 1, uint32(len(s.pairs))<<5 | uint32(len(tags))}
	for k, t := range tags {
		s.pairs = append(s.pairs, uint32(t)|uint32(uint16(w[k]))<<8)
	}
}

func unpack(p uint32) (tag, int16) { return tag(p & 0xFF), int16(uint16(p >> 8)) }

//go:embed data/model.bin.gz
var modelGz []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	lx, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(modelGz))
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	m, err := readModel(zr, lx)
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	return m, nil
})

var sharedLexicon = sync.OnceValues(loadLexicon)

// Default returns the embedded model, decoded on first use. The embedded
// files are part of the build, so a decoding failure is a build defect and
// panics with the reason.
func Default() *Model {
	m, err := defaultModel()
	if err != nil {
		panic("ner: " + err.Error())
	}
	return m
}

const modelMagic = "newsgraph-ner-2\n"

// WriteTo writes the model in its file format (uncompressed, little-endian):
// magic, hash bits, transitions as int32, the number of rows and of pairs,
// then per row in increasing order: the row's distance from the previous one
// (uvarint), its pair count (byte) and its pairs (tag byte, int16 weight).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	cw.Write([]byte(modelMagic))
	cw.Write([]byte{byte(m.bits)})
	binary.Write(cw, binary.LittleEndian, &m.trans)
	var used []uint32
	for _, sl := range m.rows.slots {
		if sl.key != 0 {
			used = append(used, sl.key-1)
		}
	}
	slices.Sort(used)
	binary.Write(cw, binary.LittleEndian, [2]uint32{uint32(len(used)), uint32(len(m.rows.pairs))})
	prev := uint32(0)
	var buf [binary.MaxVarintLen32 + 1]byte
	for _, row := range used {
		pairs := m.rows.find(row)
		n := binary.PutUvarint(buf[:], uint64(row-prev))
		buf[n] = byte(len(pairs))
		cw.Write(buf[:n+1])
		prev = row
		for _, p := range pairs {
			t, w := unpack(p)
			cw.Write([]byte{byte(t), byte(uint16(w)), byte(uint16(w) >> 8)})
		}
	}
	if cw.err != nil {
		return cw.n, cw.err
	}
	return cw.n, bw.Flush()
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// readModel reads a model written by WriteTo.
func readModel(r io.Reader, lx *lexicon) (*Model, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("not a newsgraph NER model")
	}
	b, err := br.ReadByte()
	if err != nil {
		return nil, err
	}
	if b < 10 || b > 24 {
		return nil, fmt.Errorf("bad hash size 2^%d", b)
	}
	m := &Model{bits: uint(b), lx: lx}
	if err := binary.Read(br, binary.LittleEndian, &m.trans); err != nil {
		return nil, fmt.Errorf("transitions: %w", err)
	}
	var counts [2]uint32
	if err := binary.Read(br, binary.LittleEndian, &counts); err != nil {
		return nil, fmt.Errorf("row count: %w", err)
	}
	nrows, npairs := int(counts[0]), int(counts[1])
	if nrows > 1<<m.bits || npairs > nrows*numTags {
		return nil, fmt.Errorf("%d rows and %d weights do not fit 2^%d rows", nrows, npairs, m.bits)
	}
	m.rows = newSparseRows(nrows, npairs)
	row := uint32(0)
	var tags [numTags]tag
	var ws [numTags]int16
	var pair [3]byte
	for i := range nrows {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", i, err)
		}
		row += uint32(d)
		if row >= 1<<m.bits || (i > 0 && d == 0) {
			return nil, fmt.Errorf("row %d: bad index %d", i, row)
		}
		n, err := br.ReadByte()
		if err != nil || n == 0 || n > numTags {
			return nil, fmt.Errorf("row %d: bad pair count", i)
		}
		for k := range int(n) {
			if _, err := io.ReadFull(br, pair[:]); err != nil {
				return nil, fmt.Errorf("row %d: %w", i, err)
			}
			if pair[0] >= numTags {
				return nil, fmt.Errorf("row %d: bad tag %d", i, pair[0])
			}
			tags[k], ws[k] = tag(pair[0]), int16(uint16(pair[1])|uint16(pair[2])<<8)
		}
		if len(m.rows.pairs)+int(n) > npairs {
			return nil, fmt.Errorf("row %d: more weights than the header says", i)
		}
		m.rows.add(row, tags[:n], ws[:n])
	}
	return m, nil
}

// quantize builds a Model from dense float weights: each weight is scaled
// so the largest maps to ±32767, and weights that round to below prune are
// dropped (they change few decisions and cost space).
func quantize(bits uint, w []float32, trans *[numTags][numTags]float32, lx *lexicon, prune int16) *Model {
	var maxAbs float64
	for _, x := range w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(x)))
	}
	for i := range trans {
		for j := range trans[i] {
			maxAbs = math.Max(maxAbs, math.Abs(float64(trans[i][j])))
		}
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32767 / maxAbs
	}
	q := func(x float32) int16 {
		v := int16(math.Round(float64(x) * scale))
		if v > -prune && v < prune {
			return 0
		}
		return v
	}
	nrows, npairs := 0, 0
	for r := 0; r < len(w); r += numTags {
		n := 0
		for _, x := range w[r : r+numTags] {
			if q(x) != 0 {
				n++
			}
		}
		if n > 0 {
			nrows++
			npairs += n
		}
	}
	m := &Model{bits: bits, lx: lx, rows: newSparseRows(nrows, npairs)}
	var tags [numTags]tag
	var ws [numTags]int16
	for r := 0; r < len(w); r += numTags {
		n := 0
		for t, x := range w[r : r+numTags] {
			if v := q(x); v != 0 {
				tags[n], ws[n] = tag(t), v
				n++
			}
		}
		if n > 0 {
			m.rows.add(uint32(r/numTags), tags[:n], ws[:n])
		}
	}
	for i := range trans {
		for j := range trans[i] {
			m.trans[i][j] = int32(math.Round(float64(trans[i][j]) * scale))
		}
	}
	return m
}

// allowedPrev lists, for each tag, the tags that may precede it.
var allowedPrev = func() (a [numTags][]tag) {
	for cur := tag(0); cur < numTags; cur++ {
		for prev := tag(0); prev < numTags; prev++ {
			if canFollow(prev, cur) {
				a[cur] = append(a[cur], prev)
			}
		}
	}
	return
}()

type score interface{ ~int32 | ~float32 }

// viterbi finds the best well-formed BILOU sequence for n tokens given
// emission scores emit[i*numTags+t] and transition scores, writing it to out.
// back is scratch of at least n*numTags bytes.
func viterbi[S score](n int, emit []S, trans *[numTags][numTags]S, back []tag, out []tag) {
	var cur, prev [numTags]S
	var valid, prevValid [numTags]bool
	for t := tag(0); t < numTags; t++ {
		prevValid[t] = canFollow(tagO, t)
		prev[t] = emit[t]
	}
	for i := 1; i < n; i++ {
		e := emit[i*numTags : (i+1)*numTags]
		b := back[i*numTags : (i+1)*numTags]
		for t := tag(0); t < numTags; t++ {
			found := false
			var best S
			var arg tag
			for _, p := range allowedPrev[t] {
				if !prevValid[p] {
					continue
				}
				s := prev[p] + trans[p][t]
				if !found || s > best {
					best, arg, found = s, p, true
				}
			}
			valid[t] = found
			cur[t] = best + e[t]
			b[t] = arg
		}
		prev, prevValid = cur, valid
	}
	found := false
	var best S
	var arg tag
	for t := tag(0); t < numTags; t++ {
		if prevValid[t] && canEnd(t) && (!found || prev[t] > best) {
			best, arg, found = prev[t], t, true
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*numTags+int(out[i])]
	}
}
