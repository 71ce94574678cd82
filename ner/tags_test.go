package ner

import (
	"slices"
	"testing"

	"newsgraph/doc"
)

func TestBILOURoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		n      int
		chunks []Chunk
		want   []string
	}{
		{"empty", 3, nil, []string{"O", "O", "O"}},
		{"unit", 3, []Chunk{{1, 2, doc.GPE}}, []string{"O", "U-GPE", "O"}},
		{"multi", 4, []Chunk{{0, 3, doc.Person}}, []string{"B-PERSON", "I-PERSON", "L-PERSON", "O"}},
		{"adjacent", 3, []Chunk{{0, 1, doc.NORP}, {1, 3, doc.Org}}, []string{"U-NORP", "B-ORG", "L-ORG"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tags := encodeBILOU(tt.n, tt.chunks)
			var got []string
			for _, tg := range tags {
				got = append(got, tg.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("encode = %v, want %v", got, tt.want)
			}
			if back := decodeBILOU(tags, 0, nil); !slices.Equal(back, tt.chunks) {
				t.Fatalf("decode = %v, want %v", back, tt.chunks)
			}
		})
	}
}

func TestDecodeBrokenSequence(t *testing.T) {
	// An I with no B and a B with no L still give chunks, never a panic.
	tags := []tag{makeTag(doc.Org, posI), makeTag(doc.Org, posL), tagO, makeTag(doc.GPE, posB)}
	got := decodeBILOU(tags, 10, nil)
	want := []Chunk{{10, 12, doc.Org}, {13, 14, doc.GPE}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestCanFollow(t *testing.T) {
	b, i, l, u := makeTag(doc.Person, posB), makeTag(doc.Person, posI), makeTag(doc.Person, posL), makeTag(doc.Person, posU)
	lOrg := makeTag(doc.Org, posL)
	tests := []struct {
		prev, cur tag
		want      bool
	}{
		{tagO, b, true}, {tagO, u, true}, {tagO, i, false}, {tagO, l, false},
		{b, i, true}, {b, l, true}, {b, tagO, false}, {b, lOrg, false},
		{i, i, true}, {l, b, true}, {u, u, true}, {l, i, false},
	}
	for _, tt := range tests {
		if got := canFollow(tt.prev, tt.cur); got != tt.want {
			t.Errorf("canFollow(%v, %v) = %v, want %v", tt.prev, tt.cur, got, tt.want)
		}
	}
}

func TestViterbiKeepsSequencesWellFormed(t *testing.T) {
	// Token 0 prefers I-PERSON and token 1 L-ORG, which cannot start or
	// follow each other; Viterbi must pick the best valid sequence instead.
	emit := make([]int32, 2*numTags)
	emit[makeTag(doc.Person, posI)] = 100
	emit[makeTag(doc.Person, posB)] = 50
	emit[numTags+int(makeTag(doc.Org, posL))] = 100
	emit[numTags+int(makeTag(doc.Person, posL))] = 60
	var trans [numTags][numTags]int32
	out := make([]tag, 2)
	viterbi(2, emit, &trans, make([]tag, 2*numTags), out)
	want := []tag{makeTag(doc.Person, posB), makeTag(doc.Person, posL)}
	if !slices.Equal(out, want) {
		t.Fatalf("got %v, want %v", out, want)
	}
}
