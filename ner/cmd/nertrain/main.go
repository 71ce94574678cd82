// Command nertrain trains the recogniser's embedded model from the openly
// licensed corpora in shared/data/ner and reports its held-out scores.
//
//	go run ./ner/cmd/nertrain --data /work/shared/data/ner --out ner/data/model.bin.zst
//
// Held out from training: the last tenth of GMB's sentences and the UNER
// EWT test file; both are scored at the end. With --eval the embedded model
// is only scored. --sample writes the small test-data sample the package's
// regression test reads.
package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/spf13/pflag"

	"newsgraph/doc"
	"newsgraph/entity"
	"newsgraph/ner"
	"newsgraph/ner/corpus"
)

func main() {
	fs := pflag.NewFlagSet("nertrain", pflag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	data := fs.String("data", "/work/shared/data/ner", "folder of the NER corpora")
	out := fs.String("out", "ner/data/model.bin.zst", "model file to write")
	bits := fs.Uint("bits", 22, "log2 of the hashed feature space (training needs 12*21 bytes per row)")
	epochs := fs.Int("epochs", 6, "training epochs")
	prune := fs.Int16("prune", 300, "drop quantised weights below this magnitude (of 32767)")
	evalOnly := fs.Bool("eval", false, "only score the embedded model")
	gmbOnly := fs.Bool("gmb-only", false, "train on GMB alone (for comparison)")
	sample := fs.String("sample", "", "write the regression-test sample to this folder")
	recognizer := fs.String("recognizer", "ner", "with --eval, the recogniser to score: ner, rules (entity.Rules), rules+ner or ner+rules (entity.Ensemble)")
	skip := fs.StringSlice("skip", nil, "corpora to leave out of training (wikigold, sec, btc, wnut17, re3d, uner-dev, gum)")
	gmbNORP = fs.Bool("gmb-norp", true, "train on GMB with the NORP convention applied (as the headline evaluation does)")
	fs.IntVar(&stack.Folds, "stack", 0, "train the document-level second stage on this many jackknife folds (0: none)")
	fs.IntVar(&stack.Epochs, "stack-epochs", 5, "second-stage epochs")
	fs.Int32Var(&stack.Step, "stack-step", 500, "second-stage perceptron step, in units of first-pass emissions")
	modelIn = fs.String("model", "", "with --eval, score this model file instead of the embedded one")
	errs = fs.Bool("errors", false, "also list the kinds of mistakes on held-out GMB with their most frequent texts")
	noStack = fs.Bool("no-stack", false, "with --eval, score the model's first pass alone")
	fs.IntVar(&runs, "runs", 3, "train this many models with seeds seed, seed+1, ... and average their weights")
	seed = fs.Uint64("seed", 1, "shuffling seed (other values measure how much a figure owes to chance)")
	gmbBlock = fs.Int("gmb-block", 10, "group GMB sentences into documents of N consecutive sentences (the file keeps articles in order but not their boundaries) for training the second stage and for the in-document score")
	gmbWeight := fs.Int("gmb-weight", 1, "times GMB's training sentences are seen per epoch")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if err := run(*data, *out, uint(*bits), *epochs, *prune, *evalOnly, *gmbOnly, *sample, *gmbWeight, *recognizer, *skip); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}

// corpusSpec says how to read one corpus and map its labels.
type corpusSpec struct {
	name  string
	files []string
	read  func(io.Reader, string) ([]corpus.Sentence, error)
	label func(label string, words []string) doc.EntityType
	// tagsNORP is false for corpora that leave nationalities untagged; their
	// O demonyms are relabelled NORP so they do not teach the model that
	// "Iraqi" is nothing.
	tagsNORP bool
}

func conllLabel(label string, words []string) doc.EntityType {
	switch label {
	case "PER":
		return doc.Person
	case "ORG":
		return doc.Org
	case "LOC":
		return ner.PlaceType(words)
	case "MISC":
		for _, w := range words {
			if !ner.IsGroupWord(w) {
				return doc.NoType
			}
		}
		return doc.NORP
	}
	return doc.NoType
}

func specs(data string) []corpusSpec {
	glob := func(p string) []string {
		m, _ := filepath.Glob(filepath.Join(data, p))
		return m
	}
	return []corpusSpec{
		{name: "wikigold", files: glob("wikigold/wikigold.conll.txt"), read: corpus.ReadCoNLL, label: conllLabel, tagsNORP: true},
		{name: "sec", files: glob("sec-filings/FIN*.txt"), read: corpus.ReadCoNLL, label: conllLabel, tagsNORP: true},
		{name: "btc", files: glob("btc/*.conll"), read: corpus.ReadCoNLL, label: conllLabel},
		{name: "wnut17", files: append(glob("wnut17/wnut17train.conll"), glob("wnut17/emerging.*")...), read: corpus.ReadCoNLL,
			label: func(l string, w []string) doc.EntityType {
				switch l {
				case "person":
					return doc.Person
				case "corporation", "group":
					return doc.Org
				case "location":
					return ner.PlaceType(w)
				}
				return doc.NoType
			}},
		{name: "re3d", files: glob("re3d/conll/*/*.conll"), read: corpus.ReadCoNLL, tagsNORP: true,
			label: func(l string, w []string) doc.EntityType {
				switch l {
				case "Person":
					return doc.Person
				case "Organisation":
					return doc.Org
				case "Location":
					return ner.PlaceType(w)
				case "Nationality":
					return doc.NORP
				}
				return doc.NoType
			}},
		{name: "uner-dev", files: glob("uner-en-ewt/en_ewt-ud-dev.iob2"), read: corpus.ReadUNER, label: conllLabel},
		{name: "gum", files: glob("gum/dep/*.conllu"), read: corpus.ReadGUM,
			label: func(l string, w []string) doc.EntityType {
				switch l {
				case "person":
					return doc.Person
				case "organization":
					return doc.Org
				case "place":
					return ner.PlaceType(w)
				}
				return doc.NoType
			}},
	}
}

// gmbNORPLabel is gmbLabel with newsgraph's NORP convention
// (shared/docs/gold-format.md: "nationalities, religious and political
// groups used as adjectives or nouns") applied by rule: a one-word name that
// is a demonym or group word is NORP whatever GMB tagged it ("Sunni" per,
// "Muslim" org). Used with tagsNORP false, so that GMB's untagged
// capitalised group words ("Shi'ite", "Kurdish") become NORP too.
func gmbNORPLabel(l string, w []string) doc.EntityType {
	t := gmbLabel(l, w)
	if t != doc.NoType && len(w) == 1 && ner.IsGroupWord(w[0]) {
		return doc.NORP
	}
	return t
}

func gmbLabel(l string, w []string) doc.EntityType {
	switch l {
	case "per":
		return doc.Person
	case "org":
		return doc.Org
	case "geo":
		return ner.PlaceType(w)
	case "gpe":
		return doc.NORP
	}
	return doc.NoType
}

func readFiles(files []string, read func(io.Reader, string) ([]corpus.Sentence, error)) ([]corpus.Sentence, error) {
	if len(files) == 0 {
		return nil, fmt.Errorf("no files")
	}
	var all []corpus.Sentence
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		s, err := read(r, f)
		r.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, s...)
	}
	return all, nil
}

// examples groups sentences into documents and maps their spans, taking
// titles out of person spans.
func examples(sents []corpus.Sentence, label func(string, []string) doc.EntityType, tagsNORP bool) []ner.Example {
	return examplesWithTitles(sents, label, tagsNORP, true)
}

func examplesWithTitles(sents []corpus.Sentence, label func(string, []string) doc.EntityType, tagsNORP, stripTitles bool) []ner.Example {
	var out []ner.Example
	for i := 0; i < len(sents); {
		j := i + 1
		for j < len(sents) && !sents[j].DocStart && j-i < 200 {
			j++
		}
		group := sents[i:j]
		d := corpus.Doc(group)
		var chunks []ner.Chunk
		for k, s := range group {
			base := d.Sentences[k].First
			tagged := make([]bool, len(s.Words))
			for _, sp := range corpus.Spans(s.Tags) {
				for t := sp.First; t < sp.Last; t++ {
					tagged[t] = true
				}
				if t := label(sp.Label, s.Words[sp.First:sp.Last]); t != doc.NoType {
					first := sp.First
					if t == doc.Person && stripTitles {
						first += ner.TitleWords(s.Words[sp.First:sp.Last])
						if first == sp.Last {
							continue // a title alone names nobody
						}
					}
					chunks = append(chunks, ner.Chunk{First: base + first, Last: base + sp.Last, Type: t})
				}
			}
			if !tagsNORP {
				for t, w := range s.Words {
					if !tagged[t] && w != strings.ToLower(w) && ner.IsGroupWord(w) {
						chunks = append(chunks, ner.Chunk{First: base + t, Last: base + t + 1, Type: doc.NORP})
					}
				}
			}
		}
		slices.SortFunc(chunks, func(a, b ner.Chunk) int { return a.First - b.First })
		out = append(out, ner.Example{Doc: d, Chunks: chunks})
		i = j
	}
	return out
}

func foldGMB(t doc.EntityType) doc.EntityType {
	if t == doc.GPE {
		return doc.Loc
	}
	return t
}

func foldUNER(t doc.EntityType) doc.EntityType {
	switch t {
	case doc.GPE:
		return doc.Loc
	case doc.NORP:
		return doc.NoType
	}
	return t
}

var (
	gmbBlock = new(int)
	gmbNORP  = new(bool)
	seed     = new(uint64)
	runs     int
	modelIn  = new(string)
	noStack  = new(bool)
	errs     = new(bool)
	stack    = new(ner.StackOptions)
)

// blocks returns a copy of sents grouped into documents of n consecutive
// sentences (n <= 1: every sentence its own document). The GMB file keeps
// its articles' sentences in order but not where one article ends.
func blocks(sents []corpus.Sentence, n int) []corpus.Sentence {
	out := slices.Clone(sents)
	for i := range out {
		out[i].DocStart = n <= 1 || i%n == 0
	}
	return out
}

func run(data, out string, bits uint, epochs int, prune int16, evalOnly, gmbOnly bool, sample string, gmbWeight int, recognizer string, skip []string) error {
	gmb, err := readFiles([]string{filepath.Join(data, "gmb-kaggle/ner_dataset.csv")}, corpus.ReadGMB)
	if err != nil {
		return err
	}
	gmb = gmb[:len(gmb)-1] // the file was cut at Excel's row limit mid-sentence
	cut := len(gmb) - len(gmb)/10
	gmbTrain, gmbTest := gmb[:cut], gmb[cut:]
	uner, err := readFiles([]string{filepath.Join(data, "uner-en-ewt/en_ewt-ud-test.iob2")}, corpus.ReadUNER)
	if err != nil {
		return err
	}
	gmbEval := examples(blocks(gmbTest, 1), gmbNORPLabel, false)
	unerEval := examples(uner, conllLabel, false)
	fmt.Fprintf(os.Stderr, "GMB: %d train, %d held-out sentences; UNER test: %d sentences\n", len(gmbTrain), len(gmbTest), len(uner))

	if sample != "" {
		return writeSample(sample, gmbTest[:400], uner[:400])
	}

	var m entity.Recognizer
	if evalOnly {
		switch recognizer {
		case "ner":
			nm := ner.Default()
			if *modelIn != "" {
				f, err := os.Open(*modelIn)
				if err != nil {
					return err
				}
				nm, err = ner.LoadModel(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", *modelIn, err)
				}
			}
			if *noStack {
				nm = nm.FirstPass()
			}
			m = nm
		case "rules":
			m = entity.Rules{}
		case "rules+ner":
			m = entity.Ensemble{entity.Rules{}, ner.Default()}
		case "ner+rules":
			m = entity.Ensemble{ner.Default(), entity.Rules{}}
		case "ner+known":
			m = entity.Ensemble{ner.Default(), entity.Rules{KnownOnly: true}}
		case "known+ner":
			m = entity.Ensemble{entity.Rules{KnownOnly: true}, ner.Default()}
		case "known+ner+rules":
			m = entity.Ensemble{entity.Rules{KnownOnly: true}, ner.Default(), entity.Rules{}}
		default:
			return fmt.Errorf("unknown recogniser %q", recognizer)
		}
	} else {
		var train []ner.Example
		gmbEx := examples(blocks(gmbTrain, *gmbBlock), gmbLabel, true)
		if *gmbNORP {
			gmbEx = examples(blocks(gmbTrain, *gmbBlock), gmbNORPLabel, false)
		}
		for range gmbWeight {
			train = append(train, gmbEx...)
		}
		if !gmbOnly {
			for _, sp := range specs(data) {
				if slices.Contains(skip, sp.name) {
					continue
				}
				s, err := readFiles(sp.files, sp.read)
				if err != nil {
					return fmt.Errorf("%s: %w", sp.name, err)
				}
				ex := examples(s, sp.label, sp.tagsNORP)
				fmt.Fprintf(os.Stderr, "%s: %d sentences\n", sp.name, len(s))
				train = append(train, ex...)
			}
		}
		start := time.Now()
		opt := ner.TrainOptions{
			Bits: bits, Epochs: epochs, Prune: prune, Seed: *seed, Runs: runs, Log: os.Stderr,
			AfterEpoch: func(epoch int, m *ner.Model) {
				s := ner.Evaluate(m, gmbEval, foldGMB)
				fmt.Fprintf(os.Stderr, "  epoch %d: GMB held-out F1 %.4f\n", epoch, s[0].F1())
			},
		}
		var model *ner.Model
		if stack.Folds > 0 {
			model, err = ner.TrainStacked(train, opt, *stack)
		} else {
			model, err = ner.Train(train, opt)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "trained in %v\n", time.Since(start).Round(time.Second))
		if err := writeModel(model, out); err != nil {
			return err
		}
		m = model
	}
	fmt.Println("GMB held-out (last tenth of sentences, each on its own), GPE+LOC scored as LOC (GMB's geo),")
	fmt.Println("titles taken out of GMB's person spans and one-word group words NORP (newsgraph's conventions):")
	ner.Evaluate(m, gmbEval, foldGMB).Write(os.Stdout)
	if *errs {
		fmt.Println("\nGMB held-out mistakes (the scoring above):")
		writeErrors(os.Stdout, m, gmbEval, foldGMB)
	}
	fmt.Printf("\nGMB held-out as above, read in documents of %d consecutive sentences:\n", *gmbBlock)
	ner.Evaluate(m, examples(blocks(gmbTest, *gmbBlock), gmbNORPLabel, false), foldGMB).Write(os.Stdout)
	fmt.Println("\nGMB held-out, each sentence on its own, titles out, GMB's own NORP spans:")
	ner.Evaluate(m, examples(gmbTest, gmbLabel, true), foldGMB).Write(os.Stdout)
	fmt.Println("\nGMB held-out, each sentence on its own, GMB's own spans (titles inside, GMB's NORP):")
	ner.Evaluate(m, examplesWithTitles(gmbTest, gmbLabel, true, false), foldGMB).Write(os.Stdout)
	fmt.Println("\nUNER EWT test, GPE+LOC scored as LOC, NORP not annotated:")
	ner.Evaluate(m, unerEval, foldUNER).Write(os.Stdout)
	return nil
}

func writeModel(m *ner.Model, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := zstd.NewWriter(f, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(zw); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// writeSample writes held-out sentences as CoNLL files (word TAB tag) for
// the regression test: gmb.conll keeps GMB's labels, uner.conll UNER's.
func writeSample(dir string, gmb, uner []corpus.Sentence) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	write := func(name string, sents []corpus.Sentence) error {
		var b strings.Builder
		for _, s := range sents {
			if s.DocStart {
				b.WriteString("-DOCSTART-\tO\n\n")
			}
			for i, w := range s.Words {
				fmt.Fprintf(&b, "%s\t%s\n", w, s.Tags[i])
			}
			b.WriteByte('\n')
		}
		return os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644)
	}
	if err := write("gmb-heldout.conll", gmb); err != nil {
		return err
	}
	return write("uner-test.conll", uner)
}

// writeErrors prints what kinds of mistakes r makes on examples: a name
// found with the wrong type, a name found with the wrong extent, a name
// missed and a mention of no name, with the most frequent texts of each.
func writeErrors(w io.Writer, r entity.Recognizer, examples []ner.Example, fold func(doc.EntityType) doc.EntityType) {
	type key struct {
		first, last int
		typ         doc.EntityType
	}
	kinds := map[string]map[string]int{}
	note := func(kind, text string) {
		if kinds[kind] == nil {
			kinds[kind] = map[string]int{}
		}
		kinds[kind][text]++
	}
	text := func(d *doc.Document, first, last int) string {
		return d.Text[d.Tokens[first].Start:d.Tokens[last-1].End]
	}
	for _, ex := range examples {
		d := ex.Doc
		var gold []key
		for _, c := range ex.Chunks {
			if t := fold(c.Type); t != doc.NoType {
				gold = append(gold, key{c.First, c.Last, t})
			}
		}
		var pred []key
		for _, m := range r.Recognize(d) {
			if t := fold(m.Type); t != doc.NoType {
				pred = append(pred, key{m.First, m.Last, t})
			}
		}
		matched := map[key]bool{}
		for _, p := range pred {
			if slices.Contains(gold, p) {
				matched[p] = true
			}
		}
		for _, g := range gold {
			if matched[g] {
				continue
			}
			kind := "missed " + g.typ.String()
			for _, p := range pred {
				if matched[p] || p.last <= g.first || p.first >= g.last {
					continue
				}
				if p.first == g.first && p.last == g.last {
					kind = "type " + g.typ.String() + "->" + p.typ.String()
				} else {
					kind = "extent " + g.typ.String()
				}
				break
			}
			note(kind, text(d, g.first, g.last))
		}
		for _, p := range pred {
			if matched[p] {
				continue
			}
			overlaps := false
			for _, g := range gold {
				overlaps = overlaps || !(p.last <= g.first || p.first >= g.last)
			}
			if !overlaps {
				note("spurious "+p.typ.String(), text(d, p.first, p.last))
			}
		}
	}
	names := slices.Sorted(maps.Keys(kinds))
	total := func(k string) (n int) {
		for _, c := range kinds[k] {
			n += c
		}
		return n
	}
	slices.SortStableFunc(names, func(a, b string) int { return total(b) - total(a) })
	for _, k := range names {
		texts := slices.Sorted(maps.Keys(kinds[k]))
		slices.SortStableFunc(texts, func(a, b string) int { return kinds[k][b] - kinds[k][a] })
		var top []string
		for _, t := range texts[:min(len(texts), 12)] {
			top = append(top, fmt.Sprintf("%s (%d)", t, kinds[k][t]))
		}
		fmt.Fprintf(w, "%-22s %5d  %s\n", k, total(k), strings.Join(top, ", "))
	}
}
