package ner

import (
	"fmt"
	"io"
	"math/rand/v2"

	"newsgraph/doc"
)

// Example is one training or test document with its gold chunks (token
// ranges into Doc.Tokens).
type Example struct {
	Doc    *doc.Document
	Chunks []Chunk
}

// TrainOptions control Train.
type TrainOptions struct {
	Bits   uint // log2 of the weight-table rows (18..22)
	Epochs int
	Prune  int16 // quantised weights below this magnitude are zeroed
	Seed   uint64
	// Runs, when above 1, trains that many models with shuffling seeds
	// Seed, Seed+1, ... and averages their weights (parameter mixing), which
	// takes out much of what a single run's figures owe to its shuffling.
	Runs int
	Log  io.Writer // progress, may be nil
	// AfterEpoch, when set, is called with the model averaged so far.
	AfterEpoch func(epoch int, m *Model)
}

// region is one scored stretch of an example with its gold tags and the
// precomputed feature rows of its tokens.
type region struct {
	gold []tag
	rows []uint32 // len(gold)*numFeatures
}

// Train learns a model with the averaged structured perceptron (Collins
// 2002) over the same capitalised regions Recognize scores, so training and
// use see the same inputs. Regions whose gold chunks cross their edges are
// left out rather than taught a broken sequence.
func Train(examples []Example, opt TrainOptions) (*Model, error) {
	if opt.Bits < 10 || opt.Bits > 24 {
		return nil, fmt.Errorf("table bits %d outside 10..24", opt.Bits)
	}
	lx, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	regions, skipped := buildRegions(lx, examples, opt.Bits)
	logf(opt.Log, "%d regions, %d skipped (chunks crossing region edges)\n", len(regions), skipped)

	size := (1 << opt.Bits) * numTags
	runs := max(opt.Runs, 1)
	var sum []float32
	var sumTrans [numTags][numTags]float32
	for run := range runs {
		fw, ft := trainRun(regions, opt, opt.Seed+uint64(run), size, lx)
		if runs == 1 {
			return quantize(opt.Bits, fw, &ft, lx, opt.Prune), nil
		}
		if sum == nil {
			sum = fw
		} else {
			for i, x := range fw {
				sum[i] += x
			}
		}
		for i := range ft {
			for j := range ft[i] {
				sumTrans[i][j] += ft[i][j]
			}
		}
	}
	for i := range sum {
		sum[i] /= float32(runs)
	}
	for i := range sumTrans {
		for j := range sumTrans[i] {
			sumTrans[i][j] /= float32(runs)
		}
	}
	return quantize(opt.Bits, sum, &sumTrans, lx, opt.Prune), nil
}

// trainRun runs the averaged perceptron over regions with one shuffling
// seed and returns the averaged weights and transitions.
func trainRun(regions []region, opt TrainOptions, seed uint64, size int, lx *lexicon) ([]float32, [numTags][numTags]float32) {
	w := make([]int32, size)
	acc := make([]int64, size) // sum over updates of step*delta, for averaging
	var trans [numTags][numTags]int32
	var transAcc [numTags][numTags]int64
	step := int64(1)
	rng := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	var emit []int32
	var back, pred []tag

	update := func(rows []uint32, t tag, delta int32) {
		for _, r := range rows {
			k := int(r)*numTags + int(t)
			w[k] += delta
			acc[k] += step * int64(delta)
		}
	}
	average := func() ([]float32, [numTags][numTags]float32) {
		fw := make([]float32, size)
		for i := range w {
			fw[i] = float32(float64(w[i]) - float64(acc[i])/float64(step))
		}
		var ft [numTags][numTags]float32
		for i := range trans {
			for j := range trans[i] {
				ft[i][j] = float32(float64(trans[i][j]) - float64(transAcc[i][j])/float64(step))
			}
		}
		return fw, ft
	}

	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		errs := 0
		for _, ri := range rng.Perm(len(regions)) {
			r := &regions[ri]
			n := len(r.gold)
			emit = grow(emit, n*numTags)
			back = grow(back, n*numTags)
			pred = grow(pred, n)
			for i := range n {
				e := emit[i*numTags : (i+1)*numTags]
				clear(e)
				for _, row := range r.rows[i*numFeatures : (i+1)*numFeatures] {
					for t, x := range w[int(row)*numTags : int(row)*numTags+numTags] {
						e[t] += x
					}
				}
			}
			viterbi(n, emit, &trans, back, pred)
			wrong := false
			for i := range n {
				if pred[i] != r.gold[i] {
					wrong = true
					rows := r.rows[i*numFeatures : (i+1)*numFeatures]
					update(rows, r.gold[i], 1)
					update(rows, pred[i], -1)
				}
				if i > 0 && (pred[i] != r.gold[i] || pred[i-1] != r.gold[i-1]) {
					trans[r.gold[i-1]][r.gold[i]]++
					transAcc[r.gold[i-1]][r.gold[i]] += step
					trans[pred[i-1]][pred[i]]--
					transAcc[pred[i-1]][pred[i]] -= step
				}
			}
			if wrong {
				errs++
			}
			step++
		}
		logf(opt.Log, "epoch %d: %d/%d regions wrong\n", epoch, errs, len(regions))
		if opt.AfterEpoch != nil && epoch < opt.Epochs {
			fw, ft := average()
			opt.AfterEpoch(epoch, quantize(opt.Bits, fw, &ft, lx, opt.Prune))
		}
	}
	return average()
}

func buildRegions(lx *lexicon, examples []Example, bits uint) ([]region, int) {
	var regions []region
	skipped := 0
	var p []props
	for _, ex := range examples {
		d := ex.Doc
		p = grow(p, len(d.Tokens))
		lx.computeProps(d, p)
		gold := encodeBILOU(len(d.Tokens), ex.Chunks)
		for _, s := range d.Sentences {
			for _, rg := range appendRegions(nil, d, s.First, s.Last) {
				g := gold[rg[0]:rg[1]]
				if !wellFormed(g) {
					skipped++
					continue
				}
				r := region{gold: append([]tag(nil), g...), rows: make([]uint32, len(g)*numFeatures)}
				for i := range g {
					features(p, s.First, s.Last, rg[0]+i, bits, r.rows[i*numFeatures:(i+1)*numFeatures])
				}
				regions = append(regions, r)
			}
		}
	}
	return regions, skipped
}

func wellFormed(tags []tag) bool {
	prev := tagO
	for _, t := range tags {
		if !canFollow(prev, t) {
			return false
		}
		prev = t
	}
	return canEnd(prev)
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}
