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
	"sync"
)

// Model is a trained recogniser: hashed feature weights per BILOU tag,
// tag-transition weights, and the lexicon its features read. A Model is
// immutable once built and safe for concurrent use.
type Model struct {
	bits  uint    // the weight table has 1<<bits rows
	w     []int16 // row-major: w[row*numTags+tag]
	trans [numTags][numTags]int32
	lx    *lexicon
	pool  sync.Pool // *scratch
}

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

const modelMagic = "newsgraph-ner-1\n"

// WriteTo writes the model in its file format (uncompressed): magic, table
// bits, transitions, then the int16 weights, all little-endian.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	bw.WriteString(modelMagic)
	bw.WriteByte(byte(m.bits))
	binary.Write(bw, binary.LittleEndian, &m.trans)
	binary.Write(bw, binary.LittleEndian, m.w)
	n := int64(len(modelMagic) + 1 + 4*numTags*numTags + 2*len(m.w))
	return n, bw.Flush()
}

// readModel reads a model written by WriteTo.
func readModel(r io.Reader, lx *lexicon) (*Model, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("not a newsgraph NER model")
	}
	b, err := br.ReadByte()
	if err != nil {
		return nil, err
	}
	if b < 10 || b > 24 {
		return nil, fmt.Errorf("bad table size 2^%d", b)
	}
	m := &Model{bits: uint(b), lx: lx}
	if err := binary.Read(br, binary.LittleEndian, &m.trans); err != nil {
		return nil, fmt.Errorf("transitions: %w", err)
	}
	m.w = make([]int16, (1<<m.bits)*numTags)
	if err := binary.Read(br, binary.LittleEndian, m.w); err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	return m, nil
}

// quantize builds a Model from float weights: each weight is scaled so the
// largest maps to ±32767, and weights that round to below prune are zeroed
// (they change few decisions and zeros compress well).
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
	m := &Model{bits: bits, w: make([]int16, len(w)), lx: lx}
	for i, x := range w {
		q := int16(math.Round(float64(x) * scale))
		if q > -prune && q < prune {
			q = 0
		}
		m.w[i] = q
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
