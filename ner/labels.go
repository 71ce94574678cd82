package ner

import (
	"strings"

	"newsgraph/doc"
)

// locHeads are head words that make a place name a LOC (a natural feature
// or region) rather than a GPE.
var locHeads = map[string]bool{
	"river": true, "sea": true, "ocean": true, "gulf": true, "lake": true, "mountains": true,
	"mount": true, "mountain": true, "valley": true, "strait": true, "straits": true,
	"peninsula": true, "desert": true, "island": true, "islands": true, "bay": true,
	"coast": true, "canal": true, "basin": true, "plateau": true, "region": true,
	"delta": true, "channel": true, "highlands": true, "hills": true, "forest": true,
}

// PlaceType splits a place name the training corpora tag only as a place
// (GMB's "geo", CoNLL's LOC) into doc.LOC for regions, continents and natural
// features (the hand-kept list in data/regions.txt, or a head word such as
// "River" or "Sea") and doc.GPE for everything else. words are the name's
// tokens.
func PlaceType(words []string) doc.EntityType {
	lx, err := sharedLexicon()
	if err != nil {
		return doc.GPE
	}
	h := uint64(0)
	for i, w := range words {
		lw := strings.ToLower(w)
		if locHeads[lw] {
			return doc.Loc
		}
		wh := hashString(lw)
		if i == 0 && len(words) == 1 {
			if wi, ok := lx.words.get(wh); ok && wi.gaz&gazRegion != 0 {
				return doc.Loc
			}
		}
		h = phraseHash(h, wh)
	}
	if len(words) > 1 {
		if c, ok := lx.phrases.get(h); ok && c&gazRegion != 0 {
			return doc.Loc
		}
	}
	return doc.GPE
}

// IsGroupWord reports whether word is a demonym or a religious, ethnic or
// political group word (NORP) in the embedded gazetteer.
func IsGroupWord(word string) bool {
	lx, err := sharedLexicon()
	if err != nil {
		return false
	}
	wi, ok := lx.words.get(hashString(strings.ToLower(word)))
	return ok && wi.gaz&(gazDemonym|gazGroup) != 0
}

// titles are words that precede a name without being part of it. GMB puts
// them inside its person spans ("President Bush", "Mr. Peskov"); newsgraph's
// convention, like OntoNotes', keeps them out.
var titles = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "dr": true, "dr.": true,
	"president": true, "prime": true, "minister": true, "secretary": true, "secretary-general": true,
	"senator": true, "sen.": true, "general": true, "gen.": true, "king": true, "queen": true,
	"pope": true, "chancellor": true, "vice": true, "deputy": true, "foreign": true, "defense": true,
	"defence": true, "interior": true, "finance": true, "chief": true, "governor": true, "gov.": true,
	"lieutenant": true, "lt.": true, "colonel": true, "col.": true, "captain": true, "capt.": true,
	"sergeant": true, "sgt.": true, "major": true, "maj.": true, "admiral": true, "adm.": true,
	"ambassador": true, "envoy": true, "judge": true, "justice": true, "cardinal": true, "bishop": true,
	"archbishop": true, "reverend": true, "rev.": true, "sheikh": true, "ayatollah": true, "premier": true,
	"mayor": true, "representative": true, "rep.": true, "congressman": true, "congresswoman": true,
	"prince": true, "princess": true, "former": true, "late": true, "opposition": true, "leader": true,
	"spokesman": true, "spokeswoman": true, "director": true, "chairman": true, "professor": true,
	"prof.": true, "u.s.": true, "state": true, "attorney": true, "commander": true, "field": true,
	"marshal": true, "sir": false,
}

// TitleWords returns how many of words' leading tokens are titles. When
// every word is a title ("Mr.", "Prime Minister") the span names nobody and
// the result is len(words).
func TitleWords(words []string) int {
	n := 0
	for n < len(words) && titles[strings.ToLower(words[n])] {
		n++
	}
	return n
}
