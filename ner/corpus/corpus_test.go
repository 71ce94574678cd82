package corpus

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"newsgraph/doc"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Span
	}{
		{[]string{"O", "O"}, nil},
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"B-PER", "B-PER"}, []Span{{0, 1, "PER"}, {1, 2, "PER"}}},
		{[]string{"I-ORG", "I-ORG", "I-LOC"}, []Span{{0, 2, "ORG"}, {2, 3, "LOC"}}},
	}
	for _, tt := range tests {
		if got := Spans(tt.tags); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Spans(%v) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestToIOB2(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"I-PER", "I-PER", "O", "I-LOC"}, []string{"B-PER", "I-PER", "O", "B-LOC"}},
		{[]string{"I-PER", "B-PER", "I-PER"}, []string{"B-PER", "B-PER", "I-PER"}},
		{[]string{"I-ORG", "I-LOC"}, []string{"B-ORG", "B-LOC"}},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		toIOB2(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("toIOB2(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nJohn NNP B-NP I-PER\nSmith NNP I-NP I-PER\nleft VBD B-VP O\n\nParis\tB-LOC\n\u00a0\tO\n"
	got, err := ReadCoNLL(strings.NewReader(in), "test")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: []string{"John", "Smith", "left"}, Tags: []string{"B-PER", "I-PER", "O"}, DocStart: true},
		{Words: []string{"Paris"}, Tags: []string{"B-LOC"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	for _, bad := range []string{"word\n", "word X-PER\n", "word B-\n"} {
		if _, err := ReadCoNLL(strings.NewReader(bad), "bad.conll"); err == nil || !strings.Contains(err.Error(), "bad.conll:1") {
			t.Errorf("%q: error %v, want one naming bad.conll:1", bad, err)
		}
	}
}

func TestReadUNER(t *testing.T) {
	in := "# newdoc id = a\n# text = In Argentina\n1\tIn\tO\t-\t-\n2\tArgentina\tB-LOC\t-\tx\n\n# newdoc id = b\n1\tHi\tO\t-\t-\n"
	got, err := ReadUNER(strings.NewReader(in), "test")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: []string{"In", "Argentina"}, Tags: []string{"O", "B-LOC"}, DocStart: true},
		{Words: []string{"Hi"}, Tags: []string{"O"}, DocStart: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

func TestReadGMB(t *testing.T) {
	in := "Sentence #,Word,POS,Tag\r\nSentence: 1,Caf\xe9,NNP,B-geo\r\n,\",\",\",\",O\r\nSentence: 2,Bush,NNP,B-per\r\n"
	got, err := ReadGMB(strings.NewReader(in), "gmb.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: []string{"Café", ","}, Tags: []string{"B-geo", "O"}, DocStart: true},
		{Words: []string{"Bush"}, Tags: []string{"B-per"}, DocStart: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if _, err := ReadGMB(strings.NewReader("h,e,a,d\r\n,word,NN,O\r\n"), "gmb.csv"); err == nil {
		t.Error("token before any sentence marker accepted")
	}
}

const gumSample = `# newdoc id = GUM_news_x
# sent_id = GUM_news_x-1
1	The	the	DET	DT	_	2	det	_	Entity=(1-organization-new-x-x-x-x-United_Nations
2	UN	UN	PROPN	NNP	_	0	root	_	Entity=1)
3	met	meet	VERB	VBD	_	2	x	_	_
4	Kim	Kim	PROPN	NNP	_	3	obj	_	Entity=(2-person-new-x-x-x-x-Kim(3-person-new-x-x-x-x)
5	Jong	Jong	PROPN	NNP	_	4	flat	_	_
6	Un	Un	PROPN	NNP	_	4	flat	_	Entity=2)
7	and	and	CCONJ	CC	_	8	cc	_	_
8	analysts	analyst	NOUN	NNS	_	4	conj	_	Entity=(4-person-new-x-x-x-x)

`

func TestReadGUM(t *testing.T) {
	got, err := ReadGUM(strings.NewReader(gumSample), "gum.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{
		Words:    []string{"The", "UN", "met", "Kim", "Jong", "Un", "and", "analysts"},
		Tags:     []string{"O", "B-organization", "O", "B-person", "I-person", "I-person", "O", "O"},
		DocStart: true,
	}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if _, err := ReadGUM(strings.NewReader("1\tonly\tthree\n"), "gum.conllu"); err == nil {
		t.Error("short line accepted")
	}
}

func TestDoc(t *testing.T) {
	d := Doc([]Sentence{{Words: []string{"The", "U.S.", "said"}}, {Words: []string{"NATO", "won", "2-1"}}})
	if d.Text != "The U.S. said NATO won 2-1" {
		t.Fatalf("text %q", d.Text)
	}
	if len(d.Sentences) != 2 || d.Sentences[1].First != 3 || d.Sentences[1].Last != 6 {
		t.Fatalf("sentences %+v", d.Sentences)
	}
	tests := []struct {
		i     int
		lower string
		kind  doc.TokenKind
		flags uint16
	}{
		{0, "the", doc.Word, doc.Upper | doc.SentStart},
		{1, "u.s.", doc.Word, doc.Upper | doc.AllUpper | doc.HasDot},
		{3, "nato", doc.Word, doc.Upper | doc.AllUpper | doc.SentStart},
		{5, "2-1", doc.Number, doc.HasDigit | doc.HasHyphen},
	}
	for _, tt := range tests {
		tok := d.Tokens[tt.i]
		if tok.Lower != tt.lower || tok.Kind != tt.kind || tok.Flags != tt.flags {
			t.Errorf("token %d: %+v, want lower %q kind %v flags %b", tt.i, tok, tt.lower, tt.kind, tt.flags)
		}
	}
}

// Fuzz targets: the readers take files from outside; whatever the bytes,
// they must return sentences with one tag per word, or an error.

func checkSentences(t *testing.T, s []Sentence) {
	for _, x := range s {
		if len(x.Words) != len(x.Tags) {
			t.Fatalf("%d words, %d tags", len(x.Words), len(x.Tags))
		}
		Spans(x.Tags)
	}
	Doc(s)
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add([]byte("-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\n\nx\tB-LOC\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if s, err := ReadCoNLL(bytes.NewReader(b), "fuzz"); err == nil {
			checkSentences(t, s)
		}
	})
}

func FuzzReadUNER(f *testing.F) {
	f.Add([]byte("# newdoc id = a\n1\tIn\tO\t-\t-\n2\tArgentina\tB-LOC\t-\tx\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if s, err := ReadUNER(bytes.NewReader(b), "fuzz"); err == nil {
			checkSentences(t, s)
		}
	})
}

func FuzzReadGMB(f *testing.F) {
	f.Add([]byte("Sentence #,Word,POS,Tag\r\nSentence: 1,Caf\xe9,NNP,B-geo\r\n,\",\",\",\",O\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if s, err := ReadGMB(bytes.NewReader(b), "fuzz"); err == nil {
			checkSentences(t, s)
		}
	})
}

func FuzzReadGUM(f *testing.F) {
	f.Add([]byte(gumSample))
	f.Fuzz(func(t *testing.T, b []byte) {
		if s, err := ReadGUM(bytes.NewReader(b), "fuzz"); err == nil {
			checkSentences(t, s)
		}
	})
}
