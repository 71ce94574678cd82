package doc

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// Record is the analysis record of one article: the public JSON contract
// described in docs/analysis-format.md. Offsets are Unicode code points.
type Record struct {
	ID        string         `json:"id"`
	Title     *string        `json:"title"`
	URL       *string        `json:"url"`
	Site      *string        `json:"site"`
	Authors   []string       `json:"authors,omitempty"`
	Published *string        `json:"published"`
	Text      string         `json:"text"`
	Sentences []RecordSpan   `json:"sentences"`
	Entities  []RecordEntity `json:"entities"`
	Quotes    []RecordQuote  `json:"quotes"`
	Times     []RecordTime   `json:"times"`
}

// RecordSpan is a span in code points; Text is set where the contract shows it.
type RecordSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
}

// RecordEntity is one entity of a Record.
type RecordEntity struct {
	ID       string       `json:"id"`
	Type     string       `json:"type"`
	Name     string       `json:"name"`
	Roles    []string     `json:"roles"`
	Aliases  []string     `json:"aliases"`
	Mentions []RecordSpan `json:"mentions"`
	Geo      *Place       `json:"geo,omitempty"`
}

// RecordQuote is one statement of a Record.
type RecordQuote struct {
	ID         string         `json:"id"`
	Kind       string         `json:"kind"`
	Content    RecordSpan     `json:"content"`
	Cue        *RecordCue     `json:"cue"`
	Speaker    *RecordSpeaker `json:"speaker"`
	Confidence float64        `json:"confidence"`
}

// RecordCue is the reporting verb or phrase of a quote.
type RecordCue struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Lemma string `json:"lemma"`
}

// RecordSpeaker is the resolved source of a quote.
type RecordSpeaker struct {
	Entity  *string    `json:"entity"`
	Name    string     `json:"name"`
	Role    *string    `json:"role"`
	Kind    string     `json:"kind"`
	Mention RecordSpan `json:"mention"`
}

// RecordTime is one resolved time expression of a Record.
type RecordTime struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"`
	Value *string `json:"value"`
	Type  string  `json:"type"`
}

// runeIndex maps byte offsets of an UTF-8 text to code-point offsets. It
// keeps only the offsets of continuation bytes (the second to fourth bytes
// of a multi-byte character): news text is mostly ASCII, and a table of
// every byte cost four bytes per byte of text on every record.
type runeIndex struct {
	cont []int32 // offsets of the bytes that start no code point, ascending
}

func newRuneIndex(s string) runeIndex {
	var cont []int32
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf && !utf8.RuneStart(s[i]) {
			cont = append(cont, int32(i))
		}
	}
	return runeIndex{cont: cont}
}

// at returns the code point at byte b; a byte inside a character rounds
// down to the character's start.
func (r runeIndex) at(b int) int {
	if len(r.cont) == 0 {
		return b
	}
	// k continuation bytes lie before b.
	k, found := slices.BinarySearch(r.cont, int32(b))
	if found {
		return b - k - 1 // inside a character: the index of the one it is in
	}
	return b - k
}

func (r runeIndex) span(d *Document, s Span, withText bool) RecordSpan {
	rs := RecordSpan{Start: r.at(s.Start), End: r.at(s.End)}
	if withText {
		rs.Text = d.Text[s.Start:s.End]
	}
	return rs
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Record converts the document to its public analysis record.
func (d *Document) Record() *Record {
	ri := newRuneIndex(d.Text)
	rec := &Record{
		ID:        d.ID,
		Title:     strPtr(d.Title),
		URL:       strPtr(d.URL),
		Site:      strPtr(d.Site),
		Authors:   d.Authors,
		Text:      d.Text,
		Sentences: make([]RecordSpan, len(d.Sentences)),
		Entities:  make([]RecordEntity, len(d.Entities)),
		Quotes:    make([]RecordQuote, len(d.Statements)),
		Times:     make([]RecordTime, len(d.Times)),
	}
	if !d.Published.IsZero() {
		rec.Published = strPtr(d.Published.Format("2006-01-02"))
	}
	for i, s := range d.Sentences {
		rec.Sentences[i] = ri.span(d, s.Span, false)
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		name := d.EntityName(e)
		re := RecordEntity{
			ID:       entityID(i),
			Type:     e.Type.String(),
			Name:     name,
			Roles:    []string{},
			Aliases:  []string{},
			Mentions: make([]RecordSpan, 0, len(e.Mentions)),
			Geo:      e.Geo,
		}
		// Roles and aliases are a handful each: a linear search beats
		// building a set for every entity.
		for _, r := range e.Roles {
			if t := d.Str(r); !slices.Contains(re.Roles, t) {
				re.Roles = append(re.Roles, t)
			}
		}
		for _, mi := range e.Mentions {
			m := d.Mentions[mi]
			re.Mentions = append(re.Mentions, ri.span(d, m.Span, true))
			if t := d.Str(m.Span); !m.Pronoun && t != name && !slices.Contains(re.Aliases, t) {
				re.Aliases = append(re.Aliases, t)
			}
		}
		rec.Entities[i] = re
	}
	for i, st := range d.Statements {
		q := RecordQuote{
			ID:         "Q" + strconv.Itoa(i+1),
			Kind:       st.Kind.String(),
			Content:    ri.span(d, st.Content, true),
			Confidence: st.Confidence,
		}
		if st.Cue.Valid() {
			q.Cue = &RecordCue{Start: ri.at(st.Cue.Start), End: ri.at(st.Cue.End), Text: d.Str(st.Cue), Lemma: st.CueLemma}
		}
		if sp := st.Speaker; sp != nil {
			rs := &RecordSpeaker{Kind: sp.Kind.String(), Mention: ri.span(d, sp.Mention, true), Name: d.Str(sp.Mention)}
			if sp.Entity >= 0 {
				e := &d.Entities[sp.Entity]
				rs.Entity = strPtr(entityID(sp.Entity))
				rs.Name = d.EntityName(e)
				if len(e.Roles) > 0 {
					rs.Role = strPtr(d.Str(e.Roles[0]))
				}
			}
			q.Speaker = rs
		}
		rec.Quotes[i] = q
	}
	for i, t := range d.Times {
		rec.Times[i] = RecordTime{Start: ri.at(t.Start), End: ri.at(t.End), Text: d.Str(t.Span), Value: strPtr(t.Value), Type: t.Type.String()}
	}
	return rec
}

func entityID(i int) string { return "E" + strconv.Itoa(i+1) }
