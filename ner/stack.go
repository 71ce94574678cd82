package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	"newsgraph/doc"
)

// The second stage (stacking, after Krishnan & Manning 2006): news names a
// person or an organisation in full once and then by a part of the name,
// and the first pass tags each occurrence from its sentence alone. The
// second stage re-scores the spans whose words occur elsewhere in the
// document, adding to the first pass's emissions the weights of a few
// features of what the first pass made of those other occurrences: the
// majority label of the word elsewhere, the label of its first occurrence,
// and whether it is part of a longer name ("Kennedy" after "Charles
// Kennedy"). Only those spans are decoded again.
//
// The weights are learnt on first-pass output for text the first pass did
// not see (k-fold jackknifing), so that they learn how far to trust the
// first pass on new text, not on its own training data.

const (
	stackBits        = 12 // the second stage's table has 1<<stackBits rows
	numStack         = 5  // second-stage templates
	noStack   uint16 = 0xFFFF
)

// stackTable holds the second stage's weights, in the units of the first
// pass's emissions.
type stackTable [1 << stackBits][numTags]int16

type stackScratch struct {
	label []int8           // per token: first-pass type, 0 for O, -1 when not scored
	rows  []uint16         // per scored token, numStack rows (noStack when absent)
	words map[uint64]int32 // word hash -> index in stats
	stats []wordStat
}

// wordStat is what the first pass made of one word's capitalised
// occurrences in a document.
type wordStat struct {
	counts   [numTypes + 1]int32 // per type, O at 0
	first    int                 // token of the first occurrence
	firstTyp int8
	// longer is the first occurrence inside a first-pass name of more than
	// one token: its type and the word's place in it (1 first, 2 inside,
	// 3 last); longerTok is its token.
	longer, longerPos int8
	longerTok         int
}

var stackSeeds = func() (s [numStack]uint64) {
	for i := range s {
		s[i] = mix(uint64(i+101)*0x9E3779B97F4A7C15, 0x57AC)
	}
	return
}()

// stackRows fills sc.stack.rows with the second-stage rows of every scored
// token from the first pass's chunks in sc, and reports whether any token
// has one.
func stackRows(d *doc.Document, sc *scratch) bool {
	st := &sc.stack
	p := sc.props
	st.label = grow(st.label, len(d.Tokens))
	for i := range st.label {
		st.label[i] = -1
	}
	n := 0
	for _, sp := range sc.spans {
		for i := sp.start; i < sp.end; i++ {
			if isCandidate(d.TokenText(i)) {
				st.label[i] = 0
			}
		}
		n += sp.end - sp.start
	}
	for _, c := range sc.chunks {
		for i := c.First; i < c.Last; i++ {
			if st.label[i] >= 0 { // lower-case words inside names ("of") are no evidence
				st.label[i] = int8(c.Type)
			}
		}
	}
	if st.words == nil {
		st.words = map[uint64]int32{}
	}
	clear(st.words)
	st.stats = st.stats[:0]
	for i, l := range st.label {
		if l < 0 {
			continue
		}
		k, ok := st.words[p[i].word]
		if !ok {
			k = int32(len(st.stats))
			st.words[p[i].word] = k
			st.stats = append(st.stats, wordStat{first: i, firstTyp: l, longerTok: -1})
		}
		st.stats[k].counts[l]++
	}
	for _, c := range sc.chunks {
		if c.Last-c.First < 2 {
			continue
		}
		for i := c.First; i < c.Last; i++ {
			if st.label[i] < 0 {
				continue
			}
			ws := &st.stats[st.words[p[i].word]]
			if ws.longerTok >= 0 {
				continue
			}
			pos := int8(2)
			if i == c.First {
				pos = 1
			} else if i == c.Last-1 {
				pos = 3
			}
			ws.longer, ws.longerPos, ws.longerTok = int8(c.Type), pos, i
		}
	}
	st.rows = grow(st.rows, n*numStack)
	found := false
	ci := 0
	for _, sp := range sc.spans {
		for i := sp.start; i < sp.end; i++ {
			rows := st.rows[(sp.off+i-sp.start)*numStack : (sp.off+i-sp.start+1)*numStack]
			for k := range rows {
				rows[k] = noStack
			}
			l := st.label[i]
			if l < 0 {
				continue
			}
			ws := &st.stats[st.words[p[i].word]]
			var other [numTypes + 1]int32
			total := int32(0)
			for t := range other {
				other[t] = ws.counts[t]
				total += other[t]
			}
			other[l]--
			total--
			hasLonger := ws.longerTok >= 0 && !(ws.longerTok >= chunkStart(sc.chunks, &ci, i) && ws.longerTok < chunkEnd(sc.chunks, ci, i))
			if total == 0 && !hasLonger {
				continue
			}
			single := uint64(0)
			if chunkEnd(sc.chunks, ci, i)-chunkStart(sc.chunks, &ci, i) == 1 {
				single = 1
			}
			// Features fire only where the document disagrees with the first
			// pass: where it agrees they would only teach the first pass's own
			// confidence back to it.
			if total > 0 {
				maj := 0
				for t := range other {
					if other[t] > other[maj] {
						maj = t
					}
				}
				// How clear the majority is: all others agree or not.
				unanimous := uint64(0)
				if other[maj] == total {
					unanimous = 1
				}
				if maj != int(l) {
					rows[0] = stackRow(0, uint64(maj)<<1|unanimous)
					rows[1] = stackRow(1, uint64(maj)<<8|uint64(l))
					rows[2] = stackRow(2, uint64(maj)<<8|single<<1|boolBit(p[i].sentStart))
				}
			}
			if ws.first != i && ws.firstTyp != l {
				rows[3] = stackRow(3, uint64(ws.firstTyp)<<8|uint64(l))
			}
			if hasLonger && ws.longer != l {
				rows[4] = stackRow(4, uint64(ws.longer)<<8|uint64(ws.longerPos)<<1|single)
			}
			for _, r := range rows {
				found = found || r != noStack
			}
		}
	}
	return found
}

// chunkStart returns the first token of the chunk holding token i, or i
// when none does; *ci walks the chunks in step with increasing i.
func chunkStart(chunks []Chunk, ci *int, i int) int {
	for *ci < len(chunks) && chunks[*ci].Last <= i {
		*ci++
	}
	if *ci < len(chunks) && chunks[*ci].First <= i {
		return chunks[*ci].First
	}
	return i
}

// chunkEnd returns the end of the chunk holding token i (ci from
// chunkStart), or i+1 when none does.
func chunkEnd(chunks []Chunk, ci, i int) int {
	if ci < len(chunks) && chunks[ci].First <= i && i < chunks[ci].Last {
		return chunks[ci].Last
	}
	return i + 1
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func stackRow(k int, v uint64) uint16 {
	return uint16(mix(stackSeeds[k], v) >> (64 - stackBits))
}

// secondPass adds the second stage's weights to the emissions of the spans
// with document evidence and decodes those spans again; it reports whether
// any span was.
func (m *Model) secondPass(d *doc.Document, sc *scratch) bool {
	if !stackRows(d, sc) {
		return false
	}
	for _, sp := range sc.spans {
		hit := false
		for _, r := range sc.stack.rows[sp.off*numStack : (sp.off+sp.end-sp.start)*numStack] {
			if r != noStack {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		for j := range sp.end - sp.start {
			e := sc.emit[(sp.off+j)*numTags : (sp.off+j+1)*numTags]
			for _, r := range sc.stack.rows[(sp.off+j)*numStack : (sp.off+j+1)*numStack] {
				if r == noStack {
					continue
				}
				for t, x := range m.stack[r] {
					e[t] += int32(x)
				}
			}
		}
		m.viterbi(sc, sp)
	}
	return true
}

// stackRegion is one first-pass span of jackknifed output with document
// evidence: its first-pass emissions and transitions, gold tags and
// second-stage rows.
type stackRegion struct {
	emit  []int32
	trans *[numTags][numTags]int32
	gold  []tag
	rows  []uint16
}

// StackOptions control TrainStacked.
type StackOptions struct {
	Folds  int   // jackknife folds (at least 2)
	Epochs int   // second-stage epochs
	Step   int32 // perceptron step, in units of the first pass's emissions
}

// TrainStacked trains the first pass on all examples as Train does, and
// the second stage on the first pass's output for each of so.Folds parts of
// the examples from a model trained on the other parts.
func TrainStacked(examples []Example, opt TrainOptions, so StackOptions) (*Model, error) {
	if so.Folds < 2 || so.Epochs < 1 || so.Step < 1 {
		return nil, fmt.Errorf("stacking needs 2+ folds, 1+ epochs and a positive step, got %+v", so)
	}
	var regions []stackRegion
	for f := range so.Folds {
		var train, held []Example
		for i, ex := range examples {
			if i%so.Folds == f {
				held = append(held, ex)
			} else {
				train = append(train, ex)
			}
		}
		fo := opt
		fo.AfterEpoch = nil
		logf(opt.Log, "fold %d/%d: %d training, %d held-out examples\n", f+1, so.Folds, len(train), len(held))
		m, err := Train(train, fo)
		if err != nil {
			return nil, err
		}
		regions = appendStackRegions(regions, m, held)
	}
	logf(opt.Log, "second stage: %d spans with document evidence\n", len(regions))
	m, err := Train(examples, opt)
	if err != nil {
		return nil, err
	}
	m.stack = trainStack(regions, so, opt.Seed, opt.Log)
	return m, nil
}

func appendStackRegions(out []stackRegion, m *Model, examples []Example) []stackRegion {
	sc := new(scratch)
	for _, ex := range examples {
		d := ex.Doc
		if len(d.Tokens) == 0 {
			continue
		}
		m.firstPass(d, nil, sc)
		if len(sc.chunks) == 0 && len(sc.spans) == 0 || !stackRows(d, sc) {
			continue
		}
		gold := encodeBILOU(len(d.Tokens), ex.Chunks)
		for _, sp := range sc.spans {
			n := sp.end - sp.start
			rows := sc.stack.rows[sp.off*numStack : (sp.off+n)*numStack]
			hit := false
			for _, r := range rows {
				hit = hit || r != noStack
			}
			g := gold[sp.start:sp.end]
			if !hit || !wellFormed(g) {
				continue
			}
			out = append(out, stackRegion{
				emit:  append([]int32(nil), sc.emit[sp.off*numTags:(sp.off+n)*numTags]...),
				trans: &m.trans,
				gold:  append([]tag(nil), g...),
				rows:  append([]uint16(nil), rows...),
			})
		}
	}
	return out
}

// trainStack learns the second stage's weights with the averaged
// perceptron, the first pass's emissions being fixed.
func trainStack(regions []stackRegion, so StackOptions, seed uint64, log io.Writer) *stackTable {
	const size = (1 << stackBits) * numTags
	w := make([]int64, size)
	acc := make([]int64, size)
	step := int64(1)
	rng := rand.New(rand.NewPCG(seed, seed^0x57AC))
	var emit []int32
	var back, pred []tag
	update := func(rows []uint16, t tag, delta int64) {
		for _, r := range rows {
			if r == noStack {
				continue
			}
			k := int(r)*numTags + int(t)
			w[k] += delta
			acc[k] += step * delta
		}
	}
	// Tokens the first pass alone gets wrong, for the log.
	base := 0
	for _, r := range regions {
		n := len(r.gold)
		back = grow(back, n*numTags)
		pred = grow(pred, n)
		viterbi(n, r.emit, r.trans, back, pred)
		for i := range n {
			if pred[i] != r.gold[i] {
				base++
			}
		}
	}
	for epoch := range so.Epochs {
		errs := 0
		for _, ri := range rng.Perm(len(regions)) {
			r := &regions[ri]
			n := len(r.gold)
			emit = grow(emit, n*numTags)
			back = grow(back, n*numTags)
			pred = grow(pred, n)
			copy(emit, r.emit)
			for i := range n {
				for _, row := range r.rows[i*numStack : (i+1)*numStack] {
					if row == noStack {
						continue
					}
					for t := range numTags {
						emit[i*numTags+t] += int32(w[int(row)*numTags+t])
					}
				}
			}
			viterbi(n, emit, r.trans, back, pred)
			for i := range n {
				if pred[i] != r.gold[i] {
					errs++
					rows := r.rows[i*numStack : (i+1)*numStack]
					update(rows, r.gold[i], int64(so.Step))
					update(rows, pred[i], -int64(so.Step))
				}
			}
			step++
		}
		logf(log, "second stage epoch %d: %d tokens wrong (first pass alone: %d)\n", epoch+1, errs, base)
	}
	st := new(stackTable)
	for i := range w {
		x := float64(w[i]) - float64(acc[i])/float64(step)
		st[i/numTags][i%numTags] = int16(max(-32767, min(32767, math.Round(x))))
	}
	return st
}
