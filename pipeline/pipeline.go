// Package pipeline runs newsgraph's analysis stages over a Document:
// clean, tokenise, segment, entities, quotes and attribution, times.
package pipeline

import (
	"fmt"
	"strings"
	"sync"

	"newsgraph/doc"
	"newsgraph/entity"
	"newsgraph/geo"
	"newsgraph/ner"
	"newsgraph/quote"
	"newsgraph/text"
	"newsgraph/timex"
)

// Pipeline holds the stages' shared, read-only resources; one Pipeline
// serves any number of goroutines.
type Pipeline struct {
	tokenizers sync.Pool
	tokens     sync.Pool // *[]doc.Token handed back by Recycle
	// Recognizer finds entity mentions; Resolve groups them into entities.
	Recognizer entity.Recognizer
}

// New returns a pipeline with the default stages and recogniser.
func New() *Pipeline { return NewWith(DefaultRecognizer()) }

// NewWith returns a pipeline that finds entity mentions with r.
func NewWith(r entity.Recognizer) *Pipeline {
	return &Pipeline{
		tokenizers: sync.Pool{New: func() any { return text.NewTokenizer() }},
		Recognizer: r,
	}
}

// Recognizers name the entity recognisers a user can choose. The default,
// "rules+ner", lets the lexicons and rules type the names they know (places,
// nationalities, organisations, titled people) and the trained model type
// the rest: the rules carry knowledge, the model generalises to names no
// list has (docs/ner.md compares them).
var Recognizers = []string{"rules+ner", "rules", "ner", "ner+rules"}

// DefaultRecognizer is the recogniser New uses.
func DefaultRecognizer() entity.Recognizer {
	r, _ := Recognizer(Recognizers[0])
	return r
}

// Recognizer returns the entity recogniser of one of the Recognizers names.
func Recognizer(name string) (entity.Recognizer, error) {
	switch name {
	case "rules+ner":
		return entity.Ensemble{entity.Rules{}, ner.Default()}, nil
	case "rules":
		return entity.Rules{}, nil
	case "ner":
		return ner.Default(), nil
	case "ner+rules":
		return entity.Ensemble{ner.Default(), entity.Rules{}}, nil
	}
	return nil, fmt.Errorf("unknown recogniser %q (want one of %s)", name, strings.Join(Recognizers, ", "))
}

// Analyze fills d in place: d.Text is replaced by its cleaned form and every
// stage adds its spans.
func (p *Pipeline) Analyze(d *doc.Document) {
	d.Text = text.Clean(d.Text)
	if d.Tokens == nil {
		if ts, ok := p.tokens.Get().(*[]doc.Token); ok {
			d.Tokens = *ts
		}
	}
	tz := p.tokenizers.Get().(*text.Tokenizer)
	tz.Tokenize(d)
	p.tokenizers.Put(tz)
	text.Segment(d)
	entity.Resolve(d, p.Recognizer.Recognize(d))
	geo.Resolve(d)
	quote.Extract(d)
	timex.Tag(d)
}

// Recycle hands the token array of an analysed document back to p for the
// documents after it and sets d.Tokens to nil: a stream of articles then
// reuses a few arrays instead of making and collecting one per article (the
// pipeline's largest allocation). Call it only when nothing will read d's
// tokens again; d's Record needs none.
func (p *Pipeline) Recycle(d *doc.Document) {
	if cap(d.Tokens) == 0 {
		return
	}
	ts := d.Tokens[:0]
	d.Tokens = nil
	p.tokens.Put(&ts)
}

// Words counts the words and numbers of an analysed document, the unit of
// the throughput figures.
func Words(d *doc.Document) int {
	n := 0
	for i := range d.Tokens { // by index: a range value copies each token
		if k := d.Tokens[i].Kind; k == doc.Word || k == doc.Number {
			n++
		}
	}
	return n
}
