package ner

import "newsgraph/doc"

// A tag is one BILOU label: O, or Begin/Inside/Last/Unit of an entity type.
// BILOU rather than BIO because it lets the perceptron learn what ends a name
// and what a one-word name looks like, which helps on short news names.
type tag uint8

const (
	tagO     tag = 0
	numTypes     = 5 // doc.Person .. doc.NORP
	numTags      = 1 + 4*numTypes
)

const (
	posB = iota
	posI
	posL
	posU
)

func makeTag(t doc.EntityType, pos int) tag { return tag(1 + 4*(int(t)-1) + pos) }

// typ is the entity type of a non-O tag.
func (t tag) typ() doc.EntityType { return doc.EntityType(1 + (int(t)-1)/4) }

// pos is the BILOU position of a non-O tag.
func (t tag) pos() int { return (int(t) - 1) % 4 }

func (t tag) String() string {
	if t == tagO {
		return "O"
	}
	return string("BILU"[t.pos()]) + "-" + t.typ().String()
}

// canFollow reports whether cur may follow prev in a well-formed BILOU
// sequence; prev == tagO also stands for the sentence start.
func canFollow(prev, cur tag) bool {
	prevOpen := prev != tagO && (prev.pos() == posB || prev.pos() == posI)
	if cur == tagO || cur.pos() == posB || cur.pos() == posU {
		return !prevOpen
	}
	return prevOpen && prev.typ() == cur.typ()
}

// canEnd reports whether a sequence may end with t.
func canEnd(t tag) bool { return t == tagO || t.pos() == posL || t.pos() == posU }

// Chunk is a typed token range [First, Last) of one sentence or document.
type Chunk struct {
	First, Last int
	Type        doc.EntityType
}

// encodeBILOU writes the BILOU tags of chunks over n tokens.
func encodeBILOU(n int, chunks []Chunk) []tag {
	tags := make([]tag, n)
	for _, c := range chunks {
		if c.Last-c.First == 1 {
			tags[c.First] = makeTag(c.Type, posU)
			continue
		}
		tags[c.First] = makeTag(c.Type, posB)
		for i := c.First + 1; i < c.Last-1; i++ {
			tags[i] = makeTag(c.Type, posI)
		}
		tags[c.Last-1] = makeTag(c.Type, posL)
	}
	return tags
}

// decodeBILOU reads chunks back from a tag sequence, offset by base. Broken
// sequences (never produced by Viterbi) are read leniently: a chunk ends at
// any L, U, O or type change.
func decodeBILOU(tags []tag, base int, out []Chunk) []Chunk {
	start := -1
	for i, t := range tags {
		if start >= 0 && (t == tagO || t.pos() == posB || t.pos() == posU || t.typ() != tags[start].typ()) {
			out = append(out, Chunk{base + start, base + i, tags[start].typ()})
			start = -1
		}
		if t == tagO {
			continue
		}
		switch t.pos() {
		case posU:
			out = append(out, Chunk{base + i, base + i + 1, t.typ()})
		case posL:
			if start < 0 {
				start = i
			}
			out = append(out, Chunk{base + start, base + i + 1, t.typ()})
			start = -1
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		out = append(out, Chunk{base + start, base + len(tags), tags[start].typ()})
	}
	return out
}
