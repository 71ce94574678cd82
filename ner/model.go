package ner

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// Model is a trained recogniser: hashed feature weights per BILOU tag,
// tag-transition weights, and the lexicon its features read. A Model is
// immutable once built and safe for concurrent use.
type Model struct {
	bits  uint // feature hashes index a space of 1<<bits rows
	rows  sparseRows
	trans [numTags][numTags]int32
	stack *stackTable // second stage; nil for none
	lx    *lexicon
	pool  sync.Pool // *scratch
}

// sparseRows holds the weight rows that have any non-zero weight. The
// perceptron only touches features on its mistakes, so under a tenth of the
// hash space is used and each used row has a handful of non-zero tags:
// storing (tag, weight) pairs keeps the model small and lookups in cache.
// Most used rows have two pairs (one mistake: +1 for the right tag, -1 for
// the wrong one), so a slot holds two pairs itself and only longer rows
// reach into pairs, which saves a cache miss on most lookups.
type sparseRows struct {
	slots []rowSlot
	pairs []uint32 // overflow pairs of rows with more than two
	mask  uint32
	shift uint // slot of a row: row >> shift (its top bits)
	n     int  // rows
	npair int  // pairs in all
}

// rowSlot is one open-addressing slot. key is row+1 (0 when empty); p are
// the first two pairs, tag | uint16(weight)<<8 (0 when absent: no stored
// weight is 0); more is the index of the other pairs in pairs <<5 | their
// number.
type rowSlot struct {
	key  uint32
	p    [2]uint32
	more uint32
}

// newSparseRows makes room for nrows rows of a 2^rowBits space.
func newSparseRows(rowBits uint, nrows, npairs int) sparseRows {
	slotBits := min(uint(bits.Len(uint(nrows+nrows/2))), rowBits)
	return sparseRows{
		slots: make([]rowSlot, 1<<slotBits), pairs: make([]uint32, 0, max(0, npairs-2*nrows)),
		mask: uint32(1<<slotBits - 1), shift: rowBits - slotBits,
	}
}

// addTo adds row's weights to acc. Feature rows are hash bits already, so
// their top bits index the slots directly; rows added in increasing order
// then fill the table front to back, which makes loading cache-friendly.
func (s *sparseRows) addTo(row uint32, acc *[numTags]int32) {
	for i := row >> s.shift; ; i = (i + 1) & s.mask {
		sl := &s.slots[i]
		if sl.key == row+1 {
			p := sl.p[0]
			acc[p&0xFF] += int32(int16(uint16(p >> 8)))
			if p = sl.p[1]; p != 0 {
				acc[p&0xFF] += int32(int16(uint16(p >> 8)))
			}
			if n := sl.more & 31; n != 0 {
				f := sl.more >> 5
				for _, p := range s.pairs[f : f+n] {
					acc[p&0xFF] += int32(int16(uint16(p >> 8)))
				}
			}
			return
		}
		if sl.key == 0 {
			return
		}
	}
}

// touch loads the first slot of every row before addTo probes them: the
// loads do not depend on each other, so the processor overlaps their cache
// misses, where addTo's probing waits for each slot in turn. The weight
// table is several megabytes, so most rows miss the cache. The caller
// keeps the returned sum somewhere so that the loads are not optimised
// away.
func (s *sparseRows) touch(rows []uint32) uint32 {
	var x uint32
	for _, r := range rows {
		x += s.slots[r>>s.shift].key
	}
	return x
}

// find returns a copy of row's pairs, nil when the row is unused.
func (s *sparseRows) find(row uint32) []uint32 {
	for i := row >> s.shift; ; i = (i + 1) & s.mask {
		sl := &s.slots[i]
		if sl.key == row+1 {
			out := []uint32{sl.p[0]}
			if sl.p[1] != 0 {
				out = append(out, sl.p[1])
			}
			f, n := sl.more>>5, sl.more&31
			return append(out, s.pairs[f:f+n]...)
		}
		if sl.key == 0 {
			return nil
		}
	}
}

// add stores a row's pairs (at least one, weights non-zero); each row is
// added once.
func (s *sparseRows) add(row uint32, tags []tag, w []int16) {
	i := row >> s.shift
	for s.slots[i].key != 0 {
		i = (i + 1) & s.mask
	}
	sl := &s.slots[i]
	sl.key = row + 1
	for k, t := range tags {
		p := uint32(t) | uint32(uint16(w[k]))<<8
		if k < 2 {
			sl.p[k] = p
			continue
		}
		if k == 2 {
			sl.more = uint32(len(s.pairs)) << 5
		}
		s.pairs = append(s.pairs, p)
		sl.more++
	}
	s.n++
	s.npair += len(tags)
}

func unpack(p uint32) (tag, int16) { return tag(p & 0xFF), int16(uint16(p >> 8)) }

//go:embed data/model.bin.zst
var modelZst []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	lx, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	zr, err := zstd.NewReader(bytes.NewReader(modelZst), zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("embedded model: %w", err)
	}
	defer zr.Close()
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
// (uvarint), its pair count (byte) and its pairs (tag byte, int16 weight);
// then, for a model with a second stage, a 1 byte and its table as int16s.
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
	binary.Write(cw, binary.LittleEndian, [2]uint32{uint32(m.rows.n), uint32(m.rows.npair)})
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
	if m.stack != nil {
		cw.Write([]byte{1})
		binary.Write(cw, binary.LittleEndian, m.stack)
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
	// Read everything before sizing the table, so that a header's counts
	// never make us allocate more than the file holds.
	type rowPairs struct {
		row   uint32
		first int
		n     uint8
	}
	// Capacity from the header, capped so that a forged header cannot make
	// us allocate much before the data runs out; the real model fits.
	rows := make([]rowPairs, 0, min(nrows, 1<<19))
	tags := make([]tag, 0, min(npairs, 1<<20))
	ws := make([]int16, 0, min(npairs, 1<<20))
	row := uint32(0)
	var pair [3]byte
	for i := range nrows {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", i, err)
		}
		if d >= 1<<m.bits || (i > 0 && d == 0) || uint64(row)+d >= 1<<m.bits {
			return nil, fmt.Errorf("row %d: bad index", i)
		}
		row += uint32(d)
		n, err := br.ReadByte()
		if err != nil || n == 0 || n > numTags {
			return nil, fmt.Errorf("row %d: bad pair count", i)
		}
		rows = append(rows, rowPairs{row, len(tags), n})
		for range int(n) {
			if _, err := io.ReadFull(br, pair[:]); err != nil {
				return nil, fmt.Errorf("row %d: %w", i, err)
			}
			w := int16(uint16(pair[1]) | uint16(pair[2])<<8)
			if pair[0] >= numTags || w == 0 {
				return nil, fmt.Errorf("row %d: bad pair", i)
			}
			tags, ws = append(tags, tag(pair[0])), append(ws, w)
		}
		if len(tags) > npairs {
			return nil, fmt.Errorf("row %d: more weights than the header says", i)
		}
	}
	// An optional second stage follows: a 1 byte and its table.
	switch b, err := br.ReadByte(); {
	case err == io.EOF:
	case err != nil:
		return nil, err
	case b != 1:
		return nil, fmt.Errorf("bad second-stage marker %d", b)
	default:
		m.stack = new(stackTable)
		if err := binary.Read(br, binary.LittleEndian, m.stack); err != nil {
			return nil, fmt.Errorf("second stage: %w", err)
		}
		if _, err := br.ReadByte(); err != io.EOF {
			return nil, errors.New("data after the second stage")
		}
	}
	m.rows = newSparseRows(m.bits, len(rows), len(tags))
	for _, r := range rows {
		m.rows.add(r.row, tags[r.first:r.first+int(r.n)], ws[r.first:r.first+int(r.n)])
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
	m := &Model{bits: bits, lx: lx, rows: newSparseRows(bits, nrows, npairs)}
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

// LoadModel reads a zstd-compressed model file such as nertrain writes,
// for scoring a model other than the embedded one.
func LoadModel(r io.Reader) (*Model, error) {
	lx, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return readModel(zr, lx)
}

// FirstPass returns the model without its document-level second stage.
func (m *Model) FirstPass() *Model {
	return &Model{bits: m.bits, rows: m.rows, trans: m.trans, lx: m.lx}
}
