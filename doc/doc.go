// Package doc is newsgraph's document model: one Document holds an article's
// text, and every analysis stage adds spans into that text (tokens, sentences,
// entity mentions, quotes, cues, time expressions).
//
// Offsets inside a Document are byte offsets into Text, which keeps the hot
// paths free of rune arithmetic; Record converts them to the Unicode code-point
// offsets of the public JSON contract (docs/analysis-format.md).
package doc

import "time"

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start, End int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether s is a non-empty range.
func (s Span) Valid() bool { return s.End > s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// TokenKind classifies a token by its characters.
type TokenKind uint8

const (
	Word   TokenKind = iota // letters, possibly with inner apostrophes, hyphens or dots (U.S.)
	Number                  // digits, possibly with inner separators (2,838 / 8.5 / 1990s)
	Punct                   // punctuation other than quotation marks
	Quote                   // a quotation mark: " “ ” ‘ ’ « » and ' used as a mark
	Symbol                  // anything else: £ $ % & @ ...
)

// Shape flags of a token, computed once by the tokeniser so later stages
// never re-scan the characters.
const (
	Upper      uint16 = 1 << iota // first character is an upper-case letter
	AllUpper                      // every letter is upper case (and there are at least two)
	Lower                         // first character is a lower-case letter
	HasDigit                      // contains a digit
	HasDot                        // contains an inner dot (U.S., Rocket.Chat)
	HasHyphen                     // contains an inner hyphen (US-led)
	OpenQuote                     // quotation mark that opens a quote
	CloseQuote                    // quotation mark that closes a quote
	ParaStart                     // first token of a paragraph
	SentStart                     // first token of a sentence
)

// Token is one word, number or punctuation mark.
type Token struct {
	Span
	Kind  TokenKind
	Flags uint16
	// Lower is the token's text folded to lower case, shared through the
	// tokeniser's intern table so lexicon lookups allocate nothing.
	Lower string
}

// Is reports whether all the given flags are set.
func (t Token) Is(f uint16) bool { return t.Flags&f == f }

// Sentence is a sentence span with the range of its tokens [First, Last).
type Sentence struct {
	Span
	First, Last int
}

// EntityType is the coarse type of a named entity.
type EntityType uint8

const (
	NoType EntityType = iota
	Person
	Org
	GPE
	Loc
	NORP
)

var typeNames = [...]string{"", "PERSON", "ORG", "GPE", "LOC", "NORP"}

func (t EntityType) String() string { return typeNames[t] }

// ParseEntityType maps a type name to its EntityType (NoType when unknown).
func ParseEntityType(s string) EntityType {
	for i, n := range typeNames {
		if i > 0 && n == s {
			return EntityType(i)
		}
	}
	return NoType
}

// Mention is one occurrence of an entity in the text.
type Mention struct {
	Span
	// First and Last delimit the mention's tokens [First, Last).
	First, Last int
	Type        EntityType
	// Entity indexes Document.Entities; -1 until coreference links it.
	Entity int
	// Pronoun marks a pronoun or description ("he", "the ministry") that
	// resolution linked to a named entity.
	Pronoun bool
}

// Entity is one real-world entity with all its mentions in the document.
type Entity struct {
	Type EntityType
	// Name is the span of the fullest name the article gives.
	Name Span
	// Canonical is the entity's canonical name where it differs from the text
	// of Name (a gazetteer's preferred spelling); empty otherwise.
	Canonical string
	Roles     []Span // titles and appositions: "Kremlin spokesman"
	Mentions  []int  // indexes into Document.Mentions, in text order
	// Government marks a place (a state or its capital) that the article
	// uses as a source of statements: "Moscow said", "Kiev insists".
	Government bool
	// Geo is where a GPE or LOC entity is on the map; nil when unresolved.
	Geo *Place
}

// Place is a gazetteer entry a GPE or LOC entity resolved to.
type Place struct {
	GeoNameID int     `json:"geonameid"` // GeoNames id, or the alias table's own negative id
	Name      string  `json:"name"`
	Country   string  `json:"country"` // ISO 3166-1 alpha-2 code
	Feature   string  `json:"feature"` // GeoNames feature code: PCLI, PPLC, PPLA, ADM1, RGN, ...
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
}

// QuoteKind is the form of a reported statement.
type QuoteKind uint8

const (
	Direct   QuoteKind = iota // entirely inside quotation marks
	Mixed                     // a reported clause containing a quoted fragment
	Indirect                  // reported content with no quotation marks
)

var quoteKinds = [...]string{"direct", "mixed", "indirect"}

func (k QuoteKind) String() string { return quoteKinds[k] }

// SpeakerKind says what sort of source a speaker is.
type SpeakerKind uint8

const (
	UnknownSpeaker SpeakerKind = iota
	PersonSpeaker
	OrgSpeaker
	GovernmentSpeaker
	GroupSpeaker
)

var speakerKinds = [...]string{"unknown", "person", "organisation", "government", "group"}

func (k SpeakerKind) String() string { return speakerKinds[k] }

// Speaker is the resolved source of a quote.
type Speaker struct {
	// Mention is the source as written next to the cue ("Peskov", "He",
	// "the ministry spokesman", "analysts").
	Mention Span
	// Entity indexes Document.Entities where the source resolved to one, else -1.
	Entity int
	Kind   SpeakerKind
}

// Statement is one attributed statement: who said what, with which cue.
type Statement struct {
	Kind    QuoteKind
	Content Span
	Cue     Span
	// CueLemma is the lexicon lemma of the cue's head ("underline", "according to").
	CueLemma   string
	Speaker    *Speaker // nil where the article gives no source
	Confidence float64
}

// TimeType is the TIMEX3 type of a time expression.
type TimeType uint8

const (
	Date TimeType = iota
	Time
	Duration
	Set
)

var timeTypes = [...]string{"DATE", "TIME", "DURATION", "SET"}

func (t TimeType) String() string { return timeTypes[t] }

// Timex is a time expression resolved against the article's date.
type Timex struct {
	Span
	Type TimeType
	// Value is the TIMEX3 value (2022-03-30, 2022-02, 2014, 2022-W13, P8Y,
	// PRESENT_REF); empty when it cannot be resolved.
	Value string
}

// Document is one article and everything the pipeline found in it.
type Document struct {
	ID      string
	Title   string
	URL     string
	Site    string
	Authors []string // bylines, where the source gives them
	// Published is the reference date for relative times; zero when unknown.
	Published time.Time

	// Text is the cleaned article text; every span indexes it.
	Text string

	Tokens     []Token
	Sentences  []Sentence
	Paragraphs []Span
	Mentions   []Mention
	Entities   []Entity
	Statements []Statement
	Times      []Timex
}

// Str returns the text a span covers.
func (d *Document) Str(s Span) string { return d.Text[s.Start:s.End] }

// TokenText returns the text of token i.
func (d *Document) TokenText(i int) string { t := &d.Tokens[i]; return d.Text[t.Start:t.End] }

// EntityName returns the name an entity is known by.
func (d *Document) EntityName(e *Entity) string {
	if e.Canonical != "" {
		return e.Canonical
	}
	return d.Text[e.Name.Start:e.Name.End]
}

// TokenAt returns the index of the first token that ends after byte offset
// off (len(Tokens) when none does).
func (d *Document) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Tokens[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// SentenceOf returns the index of the sentence holding token i.
func (d *Document) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Sentences[m].Last <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
