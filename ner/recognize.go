package ner

import (
	"newsgraph/doc"
	"newsgraph/entity"
)

// scratch holds one Recognize call's buffers, pooled so that steady-state
// recognition allocates only the returned mentions.
type scratch struct {
	props   []props
	rows    [numFeatures]uint32
	spans   []span
	emit    []int32 // emissions of the spans' tokens, numTags each
	tags    []tag   // decoded tags of the spans' tokens
	back    []tag
	chunks  []Chunk
	regions [][2]int
	need    []bool // tokens whose properties firstPass computes
	stack   stackScratch
	sink    uint32 // see sparseRows.touch
}

// allProps makes firstPass compute every token's properties, as the
// reference its pruned computation is tested against.
var allProps = false

// propsReach is how far from a scored span token properties are needed:
// more than the widest feature window (2), a gazetteer phrase (8 tokens)
// or a name with its role context.
const propsReach = 10

// span is one scored stretch of tokens [start, end) of the sentence
// [first, last); its emissions and tags start at token offset off of the
// scratch buffers.
type span struct{ first, last, start, end, off int }

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// maxGap is how many lower-case tokens may sit inside one scored region
// ("Bank of England", "University of the West Indies"). Tokens outside
// regions are O without being scored: names in news carry a capital, and
// skipping the rest is most of the recogniser's speed.
const maxGap = 2

// appendRegions appends the [start, end) token ranges that Recognize scores
// in the sentence [first, last): runs of capitalised tokens with at most
// maxGap other tokens between two of them.
func appendRegions(dst [][2]int, d *doc.Document, first, last int) [][2]int {
	start, end := -1, -1
	for i := first; i < last; i++ {
		t := &d.Tokens[i]
		if !isCandidate(d.Text[t.Start:t.End]) {
			continue
		}
		if start >= 0 && i-end <= maxGap {
			end = i + 1
			continue
		}
		if start >= 0 {
			dst = append(dst, [2]int{start, end})
		}
		start, end = i, i+1
	}
	if start >= 0 {
		dst = append(dst, [2]int{start, end})
	}
	return dst
}

// Recognize finds the entity mentions of d, in text order, with Entity -1.
// A name that occurs more than once keeps one type throughout the document.
func (m *Model) Recognize(d *doc.Document) []doc.Mention { return m.RecognizeGaps(d, nil) }

// RecognizeGaps is Recognize that leaves out the stretches of capitalised
// tokens another recogniser has already named (taken[i] for token i; nil
// for none): in an entity.Ensemble the model then spends its time only on
// the names the others did not know.
func (m *Model) RecognizeGaps(d *doc.Document, taken []bool) []doc.Mention {
	if len(d.Tokens) == 0 {
		return nil
	}
	sc, _ := m.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer m.pool.Put(sc)
	m.firstPass(d, taken, sc)
	if m.stack != nil && len(sc.chunks) > 0 && m.secondPass(d, sc) {
		m.decode(d, sc)
	}
	if len(sc.chunks) == 0 {
		return nil
	}
	out := make([]doc.Mention, len(sc.chunks))
	for i, c := range sc.chunks {
		out[i] = doc.Mention{
			Span:   doc.Span{Start: d.Tokens[c.First].Start, End: d.Tokens[c.Last-1].End},
			First:  c.First,
			Last:   c.Last,
			Type:   c.Type,
			Entity: -1,
		}
	}
	return out
}

// firstPass scores and decodes every span of d the model looks at, leaving
// the spans, their emissions and tags, and the document's chunks in sc.
func (m *Model) firstPass(d *doc.Document, taken []bool, sc *scratch) {
	sc.props = grow(sc.props, len(d.Tokens))
	sc.spans = sc.spans[:0]
	sents := d.Sentences
	if len(sents) == 0 { // not segmented: one sentence
		sents = []doc.Sentence{{First: 0, Last: len(d.Tokens)}}
	}
	n := 0
	add := func(first, last, start, end int) {
		sc.spans = append(sc.spans, span{first, last, start, end, n})
		n += end - start
	}
	for _, s := range sents {
		sc.regions = appendRegions(sc.regions[:0], d, s.First, s.Last)
		for _, r := range sc.regions {
			if taken == nil {
				add(s.First, s.Last, r[0], r[1])
				continue
			}
			// Score only the stretches of the region no earlier recogniser
			// named, trimmed to candidate tokens; their neighbours still feed
			// the context features. A lone capitalised sentence opener such as
			// "However" is no name.
			for a := r[0]; a < r[1]; {
				for a < r[1] && (taken[a] || !isCandidate(d.TokenText(a))) {
					a++
				}
				b := a
				for b < r[1] && !taken[b] {
					b++
				}
				e := b
				for e > a && !isCandidate(d.TokenText(e-1)) {
					e--
				}
				if e > a && !(e-a == 1 && a == s.First && entity.IsCommonWord(d.Tokens[a].Lower)) {
					add(s.First, s.Last, a, e)
				}
				a = b
			}
		}
	}
	if taken != nil && m.stack == nil && !allProps {
		// Only the tokens near the stretches left to score need their
		// properties: a sentence's tokens within propsReach of a span cover
		// every feature's context window, the gazetteer phrases and the
		// name evidence that reach into the span. (The second stage reads
		// whole documents, so it gets every token.)
		sc.need = grow(sc.need, len(d.Tokens))
		clear(sc.need)
		for _, sp := range sc.spans {
			for i := max(sp.first, sp.start-propsReach); i < min(sp.last, sp.end+propsReach); i++ {
				sc.need[i] = true
			}
		}
		m.lx.computePropsOf(d, sc.props, sc.need)
	} else {
		m.lx.computeProps(d, sc.props)
	}
	sc.emit = grow(sc.emit, n*numTags)
	sc.tags = grow(sc.tags, n)
	for _, sp := range sc.spans {
		for i := sp.start; i < sp.end; i++ {
			features(sc.props, sp.first, sp.last, i, m.bits, sc.rows[:])
			m.emissions(sc.rows[:], sc.emit[(sp.off+i-sp.start)*numTags:(sp.off+i-sp.start+1)*numTags], &sc.sink)
		}
		m.viterbi(sc, sp)
	}
	m.decode(d, sc)
}

// viterbi decodes span sp's emissions into its tags.
func (m *Model) viterbi(sc *scratch, sp span) {
	n := sp.end - sp.start
	sc.back = grow(sc.back, n*numTags)
	viterbi(n, sc.emit[sp.off*numTags:(sp.off+n)*numTags], &m.trans, sc.back, sc.tags[sp.off:sp.off+n])
}

// decode turns the spans' tags into the document's chunks under
// newsgraph's conventions.
func (m *Model) decode(d *doc.Document, sc *scratch) {
	sc.chunks = sc.chunks[:0]
	for _, sp := range sc.spans {
		sc.chunks = decodeBILOU(sc.tags[sp.off:sp.off+sp.end-sp.start], sp.start, sc.chunks)
	}
	if len(sc.chunks) == 0 {
		return
	}
	sc.chunks = tidy(d, sc.props, sc.chunks)
	unifyTypes(sc.props, sc.chunks)
	surnames(sc.props, sc.chunks)
}

// emissions sums the weights of the features in rows for every tag; sink
// keeps the sum sparseRows.touch returns.
func (m *Model) emissions(rows []uint32, e []int32, sink *uint32) {
	var acc [numTags]int32
	*sink += m.rows.touch(rows)
	for _, r := range rows {
		m.rows.addTo(r, &acc)
	}
	copy(e, acc[:])
}

// unifyTypes gives every occurrence of a name the type it has most often in
// the document (ties go to the earliest), so "Kiev" is not a place in one
// paragraph and an organisation in the next.
func unifyTypes(p []props, chunks []Chunk) {
	if len(chunks) < 2 {
		return
	}
	type vote struct {
		counts [numTypes + 1]int
		first  doc.EntityType
	}
	votes := make(map[uint64]*vote, len(chunks))
	keys := make([]uint64, len(chunks))
	for i, c := range chunks {
		h := uint64(0)
		for j := c.First; j < c.Last; j++ {
			h = phraseHash(h, p[j].word)
		}
		keys[i] = h
		v := votes[h]
		if v == nil {
			v = &vote{first: c.Type}
			votes[h] = v
		}
		v.counts[c.Type]++
	}
	for i := range chunks {
		v := votes[keys[i]]
		best := v.first
		for t := doc.Person; t <= doc.NORP; t++ {
			if v.counts[t] > v.counts[best] {
				best = t
			}
		}
		chunks[i].Type = best
	}
}

// leadingWords are function words that a capital at the start of a
// sentence can glue onto the name after them ("While Blackburn", "The
// United Kingdom"). Mid-sentence only "the" before a place is dropped:
// corpora keep it in some organisation names.
var leadingWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "but": true, "or": true, "while": true,
	"when": true, "if": true, "as": true, "in": true, "on": true, "at": true, "for": true,
	"from": true, "with": true, "after": true, "before": true, "since": true, "although": true,
	"though": true, "because": true, "so": true, "then": true, "yet": true, "by": true,
	"to": true, "this": true, "that": true, "these": true, "those": true, "his": true,
	"her": true, "their": true, "its": true, "our": true, "my": true, "your": true,
	"meanwhile": true, "however": true, "also": true, "now": true, "under": true, "like": true,
}

// innerWords are lower-case words that join the parts of a name ("Bank of
// England", "Trinidad and Tobago") but never begin or end one: a decoded
// chunk such as "of Defense Alexander Fomin" loses them.
var innerWords = map[string]bool{
	"of": true, "and": true, "for": true, "in": true, "on": true, "at": true, "to": true,
	"from": true, "by": true, "with": true, "or": true,
}

// tidy applies newsgraph's naming conventions, which the training corpora
// do not all share, to the decoded chunks: a name does not start with a
// function word ("the", "While"), a person's name starts after any title
// ("Mr", "President"), a title alone is no name, and a lone demonym or
// group word ("Russian", "Tories") is NORP whatever the corpora called it.
func tidy(d *doc.Document, p []props, chunks []Chunk) []Chunk {
	out := chunks[:0]
	for _, c := range chunks {
		for c.First < c.Last && innerWords[d.TokenText(c.First)] {
			c.First++
		}
		for c.Last > c.First && innerWords[d.TokenText(c.Last-1)] {
			c.Last--
		}
		if c.First == c.Last {
			continue
		}
		if t := &d.Tokens[c.First]; c.Last-c.First > 1 && t.Flags&doc.SentStart != 0 && entity.IsCommonWord(t.Lower) && !leadingWords[t.Lower] {
			c.First++ // "While Blackburn": a capitalised sentence opener is no part of the name
		}
		if t := &d.Tokens[c.First]; c.Last-c.First > 1 && leadingWords[t.Lower] &&
			(t.Flags&doc.SentStart != 0 || t.Lower == "the" && (c.Type == doc.GPE || c.Type == doc.Loc)) {
			c.First++
		}
		if c.Type == doc.Person {
			for c.First < c.Last && titles[d.Tokens[c.First].Lower] {
				c.First++
			}
		}
		if c.First == c.Last {
			continue
		}
		if c.Last-c.First == 1 && p[c.First].gaz&(gazDemonym|gazGroup) != 0 {
			c.Type = doc.NORP
		}
		if c.Type == doc.Person && c.Last-c.First == 1 {
			// A lone word with digits or in capitals throughout is a brand or
			// an acronym, not a person: "1Xtra", "BT".
			if t := d.Tokens[c.First]; t.Flags&(doc.HasDigit|doc.AllUpper) != 0 {
				c.Type = doc.Org
			}
		}
		out = append(out, c)
	}
	return out
}

// surnames types a one-word mention PERSON when the document names a person
// whose last name it is ("Kennedy" after "Charles Kennedy"): news refers to
// people by surname after the first mention, and a lone surname is easily
// mistaken for a place or an organisation.
func surnames(p []props, chunks []Chunk) {
	var last map[uint64]bool
	for _, c := range chunks {
		if c.Type == doc.Person && c.Last-c.First > 1 {
			if last == nil {
				last = map[uint64]bool{}
			}
			last[p[c.Last-1].word] = true
		}
	}
	if last == nil {
		return
	}
	for i, c := range chunks {
		if c.Last-c.First == 1 && c.Type != doc.Person && c.Type != doc.NORP && last[p[c.First].word] {
			chunks[i].Type = doc.Person
		}
	}
}
