// Package pipeline runs newsgraph's analysis stages over a Document:
// clean, tokenise, segment, entities, quotes and attribution, times.
package pipeline

import (
	"sync"

	"newsgraph/doc"
	"newsgraph/entity"
	"newsgraph/geo"
	"newsgraph/quote"
	"newsgraph/text"
	"newsgraph/timex"
)

// Pipeline holds the stages' shared, read-only resources; one Pipeline
// serves any number of goroutines.
type Pipeline struct {
	tokenizers sync.Pool
	// Recognizer finds entity mentions; Resolve groups them into entities.
	Recognizer entity.Recognizer
}

// New returns a pipeline with the default stages.
func New() *Pipeline {
	return &Pipeline{
		tokenizers: sync.Pool{New: func() any { return text.NewTokenizer() }},
		Recognizer: entity.Rules{},
	}
}

// Analyze fills d in place: d.Text is replaced by its cleaned form and every
// stage adds its spans.
func (p *Pipeline) Analyze(d *doc.Document) {
	d.Text = text.Clean(d.Text)
	tz := p.tokenizers.Get().(*text.Tokenizer)
	tz.Tokenize(d)
	p.tokenizers.Put(tz)
	text.Segment(d)
	entity.Resolve(d, p.Recognizer.Recognize(d))
	geo.Resolve(d)
	quote.Extract(d)
	timex.Tag(d)
}

// Words counts the words and numbers of an analysed document, the unit of
// the throughput figures.
func Words(d *doc.Document) int {
	n := 0
	for _, t := range d.Tokens {
		if t.Kind == doc.Word || t.Kind == doc.Number {
			n++
		}
	}
	return n
}
