package ner

import (
	"bytes"
	"compress/gzip"

	"os"
	"slices"
	"strings"
	"testing"

	"newsgraph/doc"
	"newsgraph/ner/corpus"
)

func readSample(t testing.TB, name string) []corpus.Sentence {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := corpus.ReadCoNLL(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sampleExamples groups sentences into documents and maps labels with label.
func sampleExamples(sents []corpus.Sentence, label func(string, []string) doc.EntityType) []Example {
	var out []Example
	for i := 0; i < len(sents); {
		j := i + 1
		for j < len(sents) && !sents[j].DocStart {
			j++
		}
		d := corpus.Doc(sents[i:j])
		var chunks []Chunk
		for k, s := range sents[i:j] {
			for _, sp := range corpus.Spans(s.Tags) {
				if ty := label(sp.Label, s.Words[sp.First:sp.Last]); ty != doc.NoType {
					base, first := d.Sentences[k].First, sp.First
					if ty == doc.Person {
						first += TitleWords(s.Words[sp.First:sp.Last])
						if first == sp.Last {
							continue
						}
					}
					chunks = append(chunks, Chunk{base + first, base + sp.Last, ty})
				}
			}
		}
		out = append(out, Example{Doc: d, Chunks: chunks})
		i = j
	}
	return out
}

func gmbType(l string, _ []string) doc.EntityType {
	return map[string]doc.EntityType{"per": doc.Person, "org": doc.Org, "geo": doc.Loc, "gpe": doc.NORP}[l]
}

func unerType(l string, _ []string) doc.EntityType {
	return map[string]doc.EntityType{"PER": doc.Person, "ORG": doc.Org, "LOC": doc.Loc}[l]
}

func foldPlaces(t doc.EntityType) doc.EntityType {
	if t == doc.GPE {
		return doc.Loc
	}
	return t
}

// TestHeldOutFloor scores the embedded model on held-out sentences it was
// not trained on. The floors sit a little under the measured figures
// (docs/ner.md) so that a broken model, feature or decoder fails here.
func TestHeldOutFloor(t *testing.T) {
	m := Default()
	tests := []struct {
		file  string
		label func(string, []string) doc.EntityType
		fold  func(doc.EntityType) doc.EntityType
		floor float64
	}{
		{"gmb-heldout.conll", gmbType, foldPlaces, 0.80},
		{"uner-test.conll", unerType, func(t doc.EntityType) doc.EntityType {
			if t == doc.NORP {
				return doc.NoType
			}
			return foldPlaces(t)
		}, 0.45},
	}
	for _, tt := range tests {
		s := Evaluate(m, sampleExamples(readSample(t, tt.file), tt.label), tt.fold)
		var b strings.Builder
		s.Write(&b)
		t.Logf("%s:\n%s", tt.file, b.String())
		if f := s[0].F1(); f < tt.floor {
			t.Errorf("%s: F1 %.3f below floor %.2f", tt.file, f, tt.floor)
		}
	}
}

func TestRecognize(t *testing.T) {
	m := Default()
	d := corpus.Doc([]corpus.Sentence{
		{Words: strings.Fields("Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow on Tuesday .")},
		{Words: strings.Fields("Putin said the United Nations must act .")},
	})
	got := map[string]doc.EntityType{}
	var last int
	for _, mn := range m.Recognize(d) {
		if mn.Start < last {
			t.Errorf("mention %q out of text order", d.Str(mn.Span))
		}
		last = mn.Start
		if mn.Entity != -1 {
			t.Errorf("mention %q: Entity %d, want -1", d.Str(mn.Span), mn.Entity)
		}
		if d.Tokens[mn.First].Start != mn.Start || d.Tokens[mn.Last-1].End != mn.End {
			t.Errorf("mention %q: token range does not match span", d.Str(mn.Span))
		}
		got[d.Str(mn.Span)] = mn.Type
	}
	want := map[string]doc.EntityType{
		"Russian": doc.NORP, "Vladimir Putin": doc.Person, "German": doc.NORP, "Olaf Scholz": doc.Person,
		"Moscow": doc.GPE, "Putin": doc.Person, "United Nations": doc.Org,
	}
	for name, ty := range want {
		if got[name] != ty {
			t.Errorf("%q: got %v, want %v (all: %v)", name, got[name], ty, got)
		}
	}
}

func TestRecognizeEmptyAndLowercase(t *testing.T) {
	m := Default()
	if got := m.Recognize(&doc.Document{}); got != nil {
		t.Errorf("empty document: %v", got)
	}
	d := corpus.Doc([]corpus.Sentence{{Words: strings.Fields("there is nothing to find here .")}})
	if got := m.Recognize(d); len(got) != 0 {
		t.Errorf("lower-case sentence: %v", got)
	}
	// Without sentences the document is read as one.
	d = corpus.Doc([]corpus.Sentence{{Words: strings.Fields("Vladimir Putin visited Paris .")}})
	d.Sentences = nil
	if got := m.Recognize(d); len(got) != 2 {
		t.Errorf("unsegmented document: %v, want Putin and Paris", got)
	}
}

func TestUnifyTypes(t *testing.T) {
	lx, _ := sharedLexicon()
	d := corpus.Doc([]corpus.Sentence{{Words: strings.Fields("Kiev Kiev Kiev Odessa")}})
	p := make([]props, len(d.Tokens))
	lx.computeProps(d, p)
	chunks := []Chunk{{0, 1, doc.GPE}, {1, 2, doc.Org}, {2, 3, doc.GPE}, {3, 4, doc.Org}}
	unifyTypes(p, chunks)
	want := []doc.EntityType{doc.GPE, doc.GPE, doc.GPE, doc.Org}
	for i, c := range chunks {
		if c.Type != want[i] {
			t.Errorf("chunk %d: %v, want %v", i, c.Type, want[i])
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := Default()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := readModel(&buf, m.lx)
	if err != nil {
		t.Fatal(err)
	}
	if m2.bits != m.bits || m2.trans != m.trans || !sameRows(m, m2) {
		t.Fatal("model changed in a write/read round trip")
	}
	if _, err := readModel(strings.NewReader("not a model"), m.lx); err == nil {
		t.Error("garbage read as a model")
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(modelMagic + "\x14short"))
	zw.Close()
	zr, _ := gzip.NewReader(&z)
	if _, err := readModel(zr, m.lx); err == nil {
		t.Error("truncated model read without error")
	}
}

// sameRows reports whether two models have the same weights for every
// used row.
func sameRows(a, b *Model) bool {
	if a.rows.n != b.rows.n || a.rows.npair != b.rows.npair {
		return false
	}
	for _, sl := range a.rows.slots {
		if sl.key != 0 && !slices.Equal(a.rows.find(sl.key-1), b.rows.find(sl.key-1)) {
			return false
		}
	}
	return true
}

// toyExamples is a tiny training set of invented names, each type learnable
// from its context.
func toyExamples() []Example {
	var train []Example
	for range 20 {
		d := corpus.Doc([]corpus.Sentence{
			{Words: strings.Fields("Yesterday Zorblat Quenx visited Vrendia .")},
			{Words: strings.Fields("The Flumco company hired Zorblat Quenx .")},
		})
		train = append(train, Example{Doc: d, Chunks: []Chunk{{1, 3, doc.Person}, {4, 5, doc.GPE}, {7, 8, doc.Org}, {10, 12, doc.Person}}})
	}
	return train
}

func TestTrainLearnsToyData(t *testing.T) {
	train := toyExamples()
	m, err := Train(train, TrainOptions{Bits: 16, Epochs: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(m, train[:1], func(t doc.EntityType) doc.EntityType { return t })
	if s[0].F1() != 1 {
		var b strings.Builder
		s.Write(&b)
		t.Fatalf("toy data not learnt:\n%s", b.String())
	}
	if _, err := Train(train, TrainOptions{Bits: 40}); err == nil {
		t.Error("2^40-row table accepted")
	}
}

func BenchmarkRecognize(b *testing.B) {
	ex := sampleExamples(readSample(b, "gmb-heldout.conll"), gmbType)
	ex = append(ex, sampleExamples(readSample(b, "uner-test.conll"), unerType)...)
	tokens := 0
	for _, e := range ex {
		tokens += len(e.Doc.Tokens)
	}
	m := Default()
	b.ResetTimer()
	for range b.N {
		for _, e := range ex {
			m.Recognize(e.Doc)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// FuzzReadModel: a model file of any bytes reads as a model or an error,
// never a panic or a runaway allocation.
func FuzzReadModel(f *testing.F) {
	var buf bytes.Buffer
	m := Default()
	small := &Model{bits: 12, rows: newSparseRows(12, 2, 5), lx: m.lx}
	small.rows.add(7, []tag{1, 2}, []int16{5, -5})
	small.rows.add(9, []tag{0, 3, 4}, []int16{1, 2, 3})
	small.WriteTo(&buf)
	f.Add(buf.Bytes())
	var stacked bytes.Buffer
	small.stack = new(stackTable)
	small.stack[3][1] = 100
	small.WriteTo(&stacked)
	f.Add(stacked.Bytes())
	f.Add([]byte(modelMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		readModel(bytes.NewReader(b), m.lx)
	})
}

func TestSurnames(t *testing.T) {
	lx, _ := sharedLexicon()
	d := corpus.Doc([]corpus.Sentence{{Words: strings.Fields("Charles Kennedy said Kennedy won in Kennedy")}})
	p := make([]props, len(d.Tokens))
	lx.computeProps(d, p)
	chunks := []Chunk{{0, 2, doc.Person}, {3, 4, doc.Org}, {6, 7, doc.GPE}}
	surnames(p, chunks)
	for _, c := range chunks {
		if c.Type != doc.Person {
			t.Errorf("chunk %v: %v, want PERSON", c, c.Type)
		}
	}
	solo := []Chunk{{3, 4, doc.Org}}
	surnames(p, solo)
	if solo[0].Type != doc.Org {
		t.Errorf("no full name in the document, yet %v became %v", solo[0], solo[0].Type)
	}
}

func TestTrainRunsAveraged(t *testing.T) {
	train := toyExamples()
	one, err := Train(train, TrainOptions{Bits: 16, Epochs: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	same, _ := Train(train, TrainOptions{Bits: 16, Epochs: 3, Seed: 1, Runs: 1})
	if !sameRows(one, same) || one.trans != same.trans {
		t.Error("Runs 1 differs from the default single run")
	}
	three, err := Train(train, TrainOptions{Bits: 16, Epochs: 3, Seed: 1, Runs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if sameRows(one, three) {
		t.Error("three averaged runs gave the same weights as one")
	}
	if s := Evaluate(three, train[:1], func(t doc.EntityType) doc.EntityType { return t }); s[0].F1() != 1 {
		t.Errorf("toy data not learnt by three averaged runs: F1 %.3f", s[0].F1())
	}
}
