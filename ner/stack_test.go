package ner

import (
	"bytes"
	"strings"
	"testing"

	"newsgraph/doc"
	"newsgraph/ner/corpus"
)

// stackedRowsOf runs stackRows over d with the given first-pass chunks, one
// span per capitalised region, and returns the rows of token i.
func stackedRowsOf(t *testing.T, d *doc.Document, chunks []Chunk) (func(i int) []uint16, bool) {
	t.Helper()
	lx, _ := sharedLexicon()
	sc := &scratch{props: make([]props, len(d.Tokens)), chunks: chunks}
	lx.computeProps(d, sc.props)
	off := 0
	for _, s := range d.Sentences {
		for _, r := range appendRegions(nil, d, s.First, s.Last) {
			sc.spans = append(sc.spans, span{s.First, s.Last, r[0], r[1], off})
			off += r[1] - r[0]
		}
	}
	any := stackRows(d, sc)
	return func(i int) []uint16 {
		for _, sp := range sc.spans {
			if sp.start <= i && i < sp.end {
				j := sp.off + i - sp.start
				return sc.stack.rows[j*numStack : (j+1)*numStack]
			}
		}
		t.Fatalf("token %d not in a span", i)
		return nil
	}, any
}

func fired(rows []uint16) int {
	n := 0
	for _, r := range rows {
		if r != noStack {
			n++
		}
	}
	return n
}

func TestStackRows(t *testing.T) {
	d := corpus.Doc([]corpus.Sentence{
		{Words: strings.Fields("Charles Kennedy spoke .")},
		{Words: strings.Fields("Kennedy said Oslo was calm .")},
		{Words: strings.Fields("Oslo agreed .")},
	})
	// First pass: PERSON "Charles Kennedy", "Kennedy" missed (O), ORG "Oslo"
	// then GPE "Oslo".
	rows, any := stackedRowsOf(t, d, []Chunk{{0, 2, doc.Person}, {6, 7, doc.Org}, {10, 11, doc.GPE}})
	if !any {
		t.Fatal("no second-stage evidence in a document with disagreeing occurrences")
	}
	if n := fired(rows(4)); n == 0 {
		t.Error(`"Kennedy" missed after "Charles Kennedy": no second-stage feature`)
	}
	if n := fired(rows(6)); n == 0 || fired(rows(10)) == 0 {
		t.Error(`"Oslo" typed two ways: no second-stage feature`)
	}
	if n := fired(rows(0)); n != 0 {
		t.Errorf(`"Charles" occurs once: %d second-stage features`, n)
	}

	// Agreement is no evidence: every occurrence already PERSON.
	_, any = stackedRowsOf(t, d, []Chunk{{0, 2, doc.Person}, {4, 5, doc.Person}})
	if any {
		t.Error("second-stage features where the document agrees with the first pass")
	}
}

func TestStackRoundTripAndSecondPass(t *testing.T) {
	m := Default()
	sm := &Model{bits: m.bits, rows: m.rows, trans: m.trans, lx: m.lx, stack: new(stackTable)}
	for r := range sm.stack {
		sm.stack[r][tag(1+r%(numTags-1))] = int16(r%7 - 3)
	}
	var buf bytes.Buffer
	if _, err := sm.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := readModel(bytes.NewReader(buf.Bytes()), m.lx)
	if err != nil {
		t.Fatal(err)
	}
	if got.stack == nil || *got.stack != *sm.stack || !sameRows(got, sm) {
		t.Fatal("second stage changed in a write/read round trip")
	}
	if _, err := readModel(bytes.NewReader(append(buf.Bytes(), 0)), m.lx); err == nil {
		t.Error("data after the second stage read without error")
	}
	if _, err := readModel(bytes.NewReader(buf.Bytes()[:buf.Len()-10]), m.lx); err == nil {
		t.Error("truncated second stage read without error")
	}

	// An all-zero second stage changes nothing.
	zero := &Model{bits: m.bits, rows: m.rows, trans: m.trans, lx: m.lx, stack: new(stackTable)}
	for _, ex := range sampleExamples(readSample(t, "gmb-heldout.conll")[:200], gmbType) {
		a, b := m.FirstPass().Recognize(ex.Doc), zero.Recognize(ex.Doc)
		if len(a) != len(b) {
			t.Fatalf("zero second stage changed %d mentions into %d", len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("zero second stage changed %v into %v", a[i], b[i])
			}
		}
	}
}

func TestTrainStackedToyData(t *testing.T) {
	var train []Example
	for range 20 {
		d := corpus.Doc([]corpus.Sentence{
			{Words: strings.Fields("Yesterday Zorblat Quenx visited Vrendia .")},
			{Words: strings.Fields("The Flumco company hired Quenx .")},
		})
		train = append(train, Example{Doc: d, Chunks: []Chunk{{1, 3, doc.Person}, {4, 5, doc.GPE}, {7, 8, doc.Org}, {10, 11, doc.Person}}})
	}
	m, err := TrainStacked(train, TrainOptions{Bits: 16, Epochs: 3, Seed: 1}, StackOptions{Folds: 2, Epochs: 2, Step: 500})
	if err != nil {
		t.Fatal(err)
	}
	if m.stack == nil {
		t.Fatal("no second stage")
	}
	if s := Evaluate(m, train[:1], func(t doc.EntityType) doc.EntityType { return t }); s[0].F1() != 1 {
		t.Errorf("toy data not learnt: F1 %.3f", s[0].F1())
	}
	if _, err := TrainStacked(train, TrainOptions{Bits: 16, Epochs: 1}, StackOptions{Folds: 1, Epochs: 1, Step: 1}); err == nil {
		t.Error("one fold accepted")
	}
}
