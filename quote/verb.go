package quote

import (
	"strings"

	"newsgraph/doc"
)

// verb handles a reporting verb at token c of sentence s.
func (x *extractor) verb(s doc.Sentence, c int, cu cue) {
	d := x.d
	conf := 0.9
	if cu.belief {
		conf = 0.7
	}
	if x.negated(c, s.First) {
		return // "has not confirmed": no statement was made
	}
	if cu.past && c > s.First && d.Tokens[c-1].Lower == "," && c+2 < s.Last &&
		(d.Tokens[c+1].Lower == "as" || d.Tokens[c+1].Lower == "by") && !speechVerbs[cu.lemma] && !pronouns[d.Tokens[c+2].Lower] {
		// "the Lugansk People's Republics, recognised as independent states
		// by Moscow": a participle set off by a comma qualifies the noun
		// before it; nobody reports anything.
		return
	}
	// The speaker before the cue, possibly with an apposition or relative
	// clause between them: "Mark Serwotka, the union's leader, warned".
	j := x.skipAdverbsLeft(c-1, s.First)
	if j > s.First && raising[d.Tokens[j].Lower] {
		j = x.skipAdverbsLeft(j-1, s.First) // "he appeared to suggest"
	}
	var subj np
	var inherited *doc.Speaker
	if cu.ing && j > s.First && d.Tokens[j].Lower == "," {
		// "the mayor said, adding that ...", "she said in the Oval Office,
		// emphasizing ...", "Analysts said X, citing Y": the speaker of the
		// report just before, whose cue or content ends at the comma.
		near := d.Tokens[max(j-7, s.First)].Start
		for i := range x.d.Statements {
			st := &x.d.Statements[i]
			if st.Speaker == nil {
				continue
			}
			closed := d.Tokens[j-1].Kind == doc.Quote && j-2 >= s.First && st.Content.End == d.Tokens[j-2].End // `said: "...," adding that`
			if st.Cue.Valid() && st.Cue.End <= d.Tokens[j-1].End && st.Cue.End >= near && x.onlyTrailer(d.TokenAt(st.Cue.End), j) ||
				(st.Content.End == d.Tokens[j-1].End || closed) && st.Content.Start >= d.Tokens[s.First].Start {
				sp := *st.Speaker
				inherited = &sp
				break
			}
		}
	}
	if cu.ing && inherited == nil {
		// A participle ("..., saying", "backed the proposals saying") takes
		// the subject of its main clause: the sentence's first name.
		if j < s.First || d.Tokens[j].Lower == "," || x.mentionAt[j] < 0 {
			subj = x.clauseSubject(s, c)
			if !subj.ok() {
				return
			}
		}
	}
	if !subj.ok() {
		subj = x.subjectLeft(j, s.First)
		if g := x.documentOpening(s, j); g.ok() {
			subj = g // "A 2014 study by professor Justin Levitt found", not Levitt
		} else if j < s.First {
			// nothing before the cue
		} else if mi := x.mentionAt[j]; !(mi >= 0 && d.Mentions[mi].Type == doc.Person) && !(subj.ok() && subj.first == s.First) {
			if g := x.qualifiedGroup(s, j); g.ok() {
				subj = g // "observers in Virginia and around the country say", not "the country"
			}
		}
	}
	delim := "" // the word or mark right before the cue, after adverbs
	if j >= s.First {
		delim = d.Tokens[j].Lower
	}
	// `..., said Batchelder.`: an inverted frame, whatever commas come before.
	// Only a named speaker set off by an apposition goes before it.
	inverted := false
	if !subj.ok() && delim == "," && !addressee[cu.lemma] {
		r := x.subjectRight(c+1, s.Last)
		inverted = r.ok() && x.isEnd(x.skipQualifier(x.skipTrailer(r.last, s.Last), s.Last), s.Last)
	}
	if !subj.ok() && j > s.First && (delim == "," || delim == "--" || delim == "—" || delim == "–") {
		// An apposition between the speaker and the cue: "Jean-Marc Ayrault,
		// the foreign minister of France, said"; "Mitch McConnell, R-Ky., said";
		// "Kall -- co-editor of Debating The Donald -- said".
		for k := j - 1; k > s.First && j-k < 24; k-- {
			if d.Tokens[k].Lower == delim && (delim != "," || x.apposition(k+1, j)) {
				// A name before it, or a description ("The book, Brown's Britain, said").
				if x.mentionAt[k-1] >= 0 || delim == "," && !inverted || delim != "," && isCapWord(d.Tokens[k-1]) {
					if subj = x.subjectLeft(k-1, s.First); subj.ok() {
						break
					}
				}
			}
		}
		if !subj.ok() && !inverted && x.mentionAt[j-1] >= 0 && !x.prepositionObject(x.mentionAt[j-1]) {
			subj = x.subjectLeft(j-1, s.First) // "Igor Konashenkov, said"
		}
	}
	if !subj.ok() && j > s.First && (delim == "and" || delim == "but" || delim == "yet") {
		// A second cue of the same speaker: "Kiev insists ... and has denied ...".
		p := j - 1
		if d.Tokens[p].Lower == "," && p > s.First {
			p-- // "urged Republicans to join, and criticized ..."
		}
		if st := x.endingAt(d.Tokens[p].End); st != nil && st.Speaker != nil {
			sp := *st.Speaker
			inherited = &sp
		} else if p := j - 2; p >= s.First && d.Tokens[j-1].Is(doc.Lower) && (strings.HasSuffix(d.Tokens[j-1].Lower, "ed") || strings.HasSuffix(d.Tokens[j-1].Lower, "s")) &&
			(pronouns[d.Tokens[p].Lower] || x.mentionAt[p] >= 0 && d.Mentions[x.mentionAt[p]].Type == doc.Person) {
			subj = x.subjectLeft(p, s.First) // "I laughed and said", "Trump paused and said"
		} else if lead := x.leadingSubject(s, j); lead.ok() {
			// "The bank gave no details, but said ...": the first clause's subject.
			subj = lead
		}
	}
	if !subj.ok() && !inverted && delim == "," {
		// Any name before an earlier comma: "Smith, who led the talks, said".
		for k := j - 1; k > s.First && j-k < 14; k-- {
			if d.Tokens[k].Lower == "," && x.mentionAt[k-1] >= 0 && !x.prepositionObject(x.mentionAt[k-1]) {
				subj = x.subjectLeft(k-1, s.First)
				break
			}
		}
	}
	cueEnd := c + 1
	if addressee[cu.lemma] && cueEnd < s.Last {
		cueEnd = x.objectEnd(cueEnd, s.Last)
	} else if hearerThat[cu.lemma] && cueEnd < s.Last && x.hearerBeforeThat(cueEnd, s.Last) > cueEnd {
		cueEnd = x.hearerBeforeThat(cueEnd, s.Last) // "warned voters that", "reminded Republicans that"
	} else if directive[cu.lemma] && cueEnd < s.Last {
		// "warned state officials to boost security": the hearer belongs to
		// the cue, the content is the infinitive.
		for k := cueEnd; k < s.Last && k-cueEnd < 7; k++ {
			t := d.Tokens[k]
			if t.Lower == "to" && k > cueEnd {
				cueEnd = k
				break
			}
			if t.Kind != doc.Word || t.Lower == "that" || stopWords[t.Lower] {
				break
			}
		}
	}
	if cueEnd+1 < s.Last && d.Tokens[cueEnd].Lower == "on" && (weekdays[d.Tokens[cueEnd+1].Lower] || months[d.Tokens[cueEnd+1].Lower]) {
		// "called on Thursday for ...": a date, not "call on"; the
		// preposition after it may still belong to the cue.
		if n := cueEnd + 2; n < s.Last && prepCues[cu.lemma+" "+d.Tokens[n].Lower] {
			cu.lemma += " " + d.Tokens[n].Lower
			cueEnd = n + 1
		}
	} else if cueEnd < s.Last && prepCues[cu.lemma+" "+d.Tokens[cueEnd].Lower] {
		cu.lemma += " " + d.Tokens[cueEnd].Lower
		cueEnd++
	}
	cueSpan := doc.Span{Start: d.Tokens[c].Start, End: d.Tokens[cueEnd-1].End}
	// A raising verb belongs to the cue ("appears to believe").
	if c-2 >= s.First && d.Tokens[c-1].Lower == "to" && raising[d.Tokens[c-2].Lower] {
		cueSpan.Start = d.Tokens[c-2].Start
	}
	// Auxiliaries written before the cue belong to it ("has denied").
	for a := c - 1; a > j && a >= s.First; a-- {
		if l := d.Tokens[a].Lower; l == "has" || l == "have" || l == "had" || l == "will" || l == "would" {
			if a == c-1 || adverbs[d.Tokens[a+1].Lower] {
				cueSpan.Start = d.Tokens[a].Start
			}
		}
	}
	if inherited != nil {
		x.right(s, x.skipTrailer(cueEnd, s.Last), cueSpan, cu, inherited, conf*0.95, false)
		return
	}
	if subj.ok() {
		k := x.skipTrailer(cueEnd, s.Last)
		before := subj.first - s.First // words before the speaker in this sentence
		afterQuote := subj.first > s.First && (d.Tokens[subj.first-1].Is(doc.CloseQuote) ||
			d.Tokens[subj.first-1].Lower == "," && subj.first-2 >= s.First && d.Tokens[subj.first-2].Is(doc.CloseQuote))
		if subj.first == s.First && s.First > 0 && d.Tokens[s.First-1].Is(doc.CloseQuote) && !d.Tokens[s.First].Is(doc.ParaStart) {
			// `"... votes?" Trump said, looking out on the crowd.`: the
			// quotation ended the sentence before.
			// Only when nothing is reported after the cue: a participle or
			// a time clause, not "... said the unions were a force".
			if pi := x.inQuote[s.First-1]; pi >= 0 && x.pairs[pi].close == s.First-1 && !x.used[pi] &&
				(x.participleClause(k, s.Last) || k < s.Last && (d.Tokens[k].Lower == "as" || d.Tokens[k].Lower == "when" || d.Tokens[k].Lower == "while" || d.Tokens[k].Lower == "before" || d.Tokens[k].Lower == "after")) {
				afterQuote = true
			}
		}
		if afterQuote && !x.isEnd(k, s.Last) && x.quotedTitle(subj.first) {
			// `On "Fox News Sunday," Pence said his running mate ...`: the
			// quotation names a programme; the content follows the cue.
			afterQuote = false
		}
		colonNext := k < s.Last && d.Tokens[k].Lower == ":"
		quoteNext := k+1 < s.Last && d.Tokens[k].Lower == "," && d.Tokens[k+1].Is(doc.OpenQuote) && !afterQuote
		if x.isEnd(k, s.Last) && !colonNext || afterQuote || k < s.Last && d.Tokens[k].Lower == "," && before > 2 && !quoteNext {
			// "CONTENT, the ministry claimed." / `"...," Peskov underlined.`
			// A parenthetical ("One reason, Ms Diemont says, is ...") reports
			// the whole sentence.
			paren := !x.isEnd(k, s.Last) && subj.first > s.First && d.Tokens[subj.first-1].Lower == "," && !x.quoteBefore(subj.first-1)
			if paren {
				if cu.ing {
					return
				}
				if k+2 < s.Last && (d.Tokens[k+1].Lower == "and" || d.Tokens[k+1].Lower == "but") {
					// "A, he said, and B": two statements of one speaker.
					sp := x.speaker(subj, c)
					x.left(s, subj.first, cueSpan, cu, sp, conf*0.9)
					right := doc.Span{Start: d.Tokens[k+2].Start, End: d.Tokens[s.Last-1].End}
					x.add(x.kindOf(right), right, cueSpan, cu.lemma, sp, conf*0.9)
					return
				}
				// "But although there was no evidence, the bank said, the
				// Secret Service is ...": the subordinate clause is reported.
				f := s.First
				for f < subj.first && openers[d.Tokens[f].Lower] {
					f++
				}
				if f < subj.first-2 && (d.Tokens[f].Lower == "although" || d.Tokens[f].Lower == "though" || d.Tokens[f].Lower == "while" || d.Tokens[f].Lower == "because" || d.Tokens[f].Lower == "since" || d.Tokens[f].Lower == "if") && !x.hasComma(f, subj.first-1) {
					sub := doc.Span{Start: d.Tokens[f+1].Start, End: d.Tokens[subj.first-2].End}
					x.add(x.kindOf(sub), sub, cueSpan, cu.lemma, x.speaker(subj, c), conf*0.9)
					return
				}
				content := doc.Span{Start: d.Tokens[s.First].Start, End: d.Tokens[s.Last-1].End}
				x.add(x.kindOf(content), content, cueSpan, cu.lemma, x.speaker(subj, c), conf*0.9)
				return
			}
			x.left(s, subj.first, cueSpan, cu, x.speaker(subj, c), conf)
			if k < s.Last && d.Tokens[k].Lower == "," && k+1 < s.Last && d.Tokens[k+1].Kind == doc.Quote {
				x.right(s, k+1, cueSpan, cu, x.lastSpeaker(), conf, true)
			}
			return
		}
		x.right(s, k, cueSpan, cu, x.speaker(subj, c), conf, false)
		return
	}
	// No speaker before the cue: an inverted `"...," said Mr Smith.`, or
	// one with its comma lost ("... and editing said Mr Wyver.").
	if c > s.First {
		r := x.subjectRight(c+1, s.Last)
		afterComma := d.Tokens[c-1].Lower == "," || d.Tokens[c-1].Is(doc.CloseQuote)
		rest := x.skipQualifier(x.skipTrailer(r.last, s.Last), s.Last)
		atEnd := r.ok() && (x.isEnd(rest, s.Last) || x.participleClause(rest, s.Last))
		// After the name may come its qualifier: "Dr Doug Williams of BT, who ...".
		qualified := r.ok() && r.last < s.Last && x.mentionAt[r.last-1] >= 0
		if qualified {
			switch d.Tokens[r.last].Lower {
			case ",", "of", "at", "from", "(":
			default:
				qualified = false
			}
		}
		if atEnd && (afterComma || x.mentionAt[r.first] >= 0 && c-s.First > 3) || afterComma && qualified {
			cueSpan.End = d.Tokens[c].End
			x.left(s, c, cueSpan, cu, x.speaker(r, c), conf)
		}
	}
}

// qualifiedGroup finds a group speaker with a qualifier that opens the
// sentence and runs up to the cue (ending at token j): "Experts on North
// Korea and nuclear nonproliferation said", "Political observers in
// Virginia and around the country say".
func (x *extractor) qualifiedGroup(s doc.Sentence, j int) np {
	d := x.d
	if j < s.First || j-s.First > 12 {
		return np{}
	}
	head := -1
	for k := s.First; k <= j && k < s.First+4; k++ {
		w := d.Tokens[k].Lower
		if groupWords[w] || isPlural(w) && d.Tokens[k].Is(doc.Lower) && x.mentionAt[k] < 0 {
			head = k
			break
		}
		if d.Tokens[k].Kind != doc.Word || stopWords[w] && !determiners[w] {
			return np{}
		}
	}
	if head < 0 || head >= j {
		return np{}
	}
	switch d.Tokens[head+1].Lower {
	case "on", "in", "at", "from", "for", "with", "across", "around", "to", "of", "inside", "within", "close":
	default:
		return np{}
	}
	for k := head + 1; k <= j; k++ {
		t := d.Tokens[k]
		if t.Kind == doc.Punct && t.Lower != "." && t.Lower != "-" || t.Kind == doc.Quote || x.inQuote[k] >= 0 {
			return np{} // a clause boundary: not one noun phrase
		}
		if _, cue := cues[t.Lower]; cue || t.Lower == "who" || t.Lower == "that" || t.Lower == "which" {
			return np{}
		}
	}
	return np{s.First, j + 1}
}

// leadTitles come before a name that opens a sentence.
var leadTitles = map[string]bool{"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"dr": true, "dr.": true, "sen.": true, "rep.": true, "gov.": true, "gen.": true, "prof.": true,
	"president": true, "senator": true, "governor": true, "judge": true}

// leadPrepositions open an adverbial phrase before a sentence's subject.
var leadPrepositions = map[string]bool{"in": true, "on": true, "at": true, "during": true, "after": true,
	"before": true, "since": true, "by": true, "for": true, "with": true, "despite": true, "earlier": true,
	"later": true, "last": true, "initially": true, "then": true, "separately": true, "recently": true}

// subordinators open an adverbial clause.
var subordinators = map[string]bool{"when": true, "as": true, "after": true, "while": true, "although": true,
	"though": true, "if": true, "because": true, "since": true, "before": true, "once": true, "until": true}

// mainClauseAfter reports whether a main clause starts after the comma or
// dash at token m: a subject (a name, a pronoun, a determiner) and soon a
// verb-like word, as in "..., Trump boasted".
func (x *extractor) mainClauseAfter(m, last int) bool {
	d := x.d
	k := m + 1
	if k >= last {
		return false
	}
	if mi := x.mentionAt[k]; mi >= 0 {
		k = x.d.Mentions[mi].Last
	} else if pronouns[d.Tokens[k].Lower] {
		k++
	} else if determiners[d.Tokens[k].Lower] {
		// "..., his decision was overturned": a determiner, a noun or two.
		k++
		for n := 0; n < 2 && k < last && d.Tokens[k].Kind == doc.Word && !auxiliaries[d.Tokens[k].Lower]; n++ {
			k++
		}
	} else {
		return false
	}
	if k >= last {
		return false
	}
	_, cue := cues[d.Tokens[k].Lower]
	return cue || adverbs[d.Tokens[k].Lower] || d.Tokens[k].Is(doc.Lower) && strings.HasSuffix(d.Tokens[k].Lower, "ed")
}

// insertionEnd finds the comma closing an insertion that opens at the
// comma at token m, when the object goes on after it with a preposition:
// a relative clause (", who was born in Cuba, of associating"), a state
// (", Okla., police officer"), an apposition (", Kim Jong Un, of"). It
// returns m when there is none.
func (x *extractor) insertionEnd(m, last int) int {
	d := x.d
	if m+1 >= last {
		return m
	}
	first := d.Tokens[m+1]
	switch {
	case first.Lower == "who" || first.Lower == "which" || first.Lower == "whose":
	case first.Is(doc.Upper) && first.Kind == doc.Word:
	default:
		return m
	}
	for n := m + 2; n < last && n-m <= 14; n++ {
		t := d.Tokens[n]
		if x.inQuote[n] >= 0 {
			return m
		}
		if t.Lower == "," {
			if n+1 < last {
				switch a := d.Tokens[n+1]; {
				case a.Lower == "of" || a.Lower == "for" || a.Lower == "as" || a.Lower == "over" || a.Lower == "to":
					return n
				case first.Is(doc.Upper) && n-m <= 3 && a.Kind == doc.Word && a.Is(doc.Lower) && !stopWords[a.Lower]:
					return n // "Tulsa, Okla., police officer Betty Shelby"
				}
			}
			return m
		}
	}
	return m
}

// nounIng are -ing words that are mostly nouns or adjectives, which do not
// open a participle clause after a comma ("..., including", "..., during").
var nounIng = map[string]bool{"including": true, "during": true, "according": true, "regarding": true,
	"concerning": true, "following": true, "pending": true, "notwithstanding": true, "something": true,
	"nothing": true, "anything": true, "everything": true, "morning": true, "evening": true, "building": true,
	"spending": true, "funding": true, "meeting": true, "hearing": true, "ruling": true, "training": true}

// thatAhead finds a "that" opening the content a few words after the cue,
// with only a prepositional or time phrase before it; k when there is none.
func (x *extractor) thatAhead(k, last int) int {
	d := x.d
	if k >= last {
		return k
	}
	switch d.Tokens[k].Lower {
	case "in", "on", "at", "during", "with", "to", "after", "before", "earlier", "later", "recently":
	default:
		return k
	}
	for m := k + 1; m < last && m-k <= 10; m++ {
		t := d.Tokens[m]
		if t.Lower == "that" {
			if p := d.Tokens[m-1]; p.Kind == doc.Word && (determiners[p.Lower] || p.Lower == "so" || p.Lower == "such") {
				return k // "in a way that", "so that"
			}
			return m
		}
		if t.Kind == doc.Quote || x.inQuote[m] >= 0 || t.Kind == doc.Punct && t.Lower != "'s" {
			return k
		}
		if _, cue := cues[t.Lower]; cue && !determiners[d.Tokens[m-1].Lower] || t.Lower == "who" || t.Lower == "which" || auxiliaries[t.Lower] {
			return k // but "in a sworn affidavit that"
		}
	}
	return k
}

// adjunctStarts open a time or reason adjunct that ends a noun-phrase or
// infinitive content ("as" is left out: "described X as Y").
var adjunctStarts = map[string]bool{"after": true, "before": true, "while": true, "when": true,
	"because": true, "during": true, "until": true}

// auxiliaries are the forms of "be", "have", "do" and the modals.
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"being": true, "has": true, "have": true, "had": true, "do": true, "does": true, "did": true, "will": true,
	"would": true, "can": true, "could": true, "may": true, "might": true, "must": true, "should": true, "shall": true}

// hearerThat are cues that may name their hearer before a "that" clause.
var hearerThat = map[string]bool{"warn": true, "remind": true, "convince": true, "persuade": true,
	"promise": true, "caution": true, "alert": true, "notify": true, "show": true, "teach": true, "advise": true}

// hearerBeforeThat returns the "that" after a short hearer phrase starting
// at token k ("voters", "the American people"), or k when there is none.
func (x *extractor) hearerBeforeThat(k, last int) int {
	d := x.d
	for m := k; m < last && m-k < 6; m++ {
		t := d.Tokens[m]
		if t.Lower == "that" {
			if m > k {
				return m
			}
			return k
		}
		if t.Kind != doc.Word || stopWords[t.Lower] && !determiners[t.Lower] || x.inQuote[m] >= 0 {
			return k
		}
	}
	return k
}

// skipQualifier moves over a short prepositional phrase that qualifies an
// inverted speaker at the sentence's end: "..., said one GOP source in the
// room." It returns k when there is none.
func (x *extractor) skipQualifier(k, last int) int {
	d := x.d
	if k >= last {
		return k
	}
	switch d.Tokens[k].Lower {
	case "in", "at", "from", "of", "on", "with", "for":
	default:
		return k
	}
	m := k + 1
	for m < last && m-k <= 6 && (d.Tokens[m].Kind == doc.Word || d.Tokens[m].Kind == doc.Number || d.Tokens[m].Lower == "'s") {
		if _, cue := cues[d.Tokens[m].Lower]; cue || d.Tokens[m].Lower == "that" || d.Tokens[m].Lower == "who" {
			return k
		}
		m++
	}
	if m == k+1 || !x.isEnd(m, last) {
		return k
	}
	return m
}

// onlyTrailer reports whether tokens [a,b) are what may follow a cue
// before its sentence goes on: time and place phrases ("in the Oval
// Office", "on Tuesday").
func (x *extractor) onlyTrailer(a, b int) bool {
	if a >= b {
		return true
	}
	if k := x.skipTrailer(a, b); k >= b {
		return true
	}
	switch x.d.Tokens[a].Lower {
	case "in", "at", "on", "during", "from":
		for k := a + 1; k < b; k++ {
			if t := x.d.Tokens[k]; t.Kind != doc.Word || stopWords[t.Lower] && !determiners[t.Lower] {
				return false
			}
		}
		return b-a <= 6
	}
	return false
}

// speechVerbs are the plain verbs of saying, which a participle use does
// not take ("Quina Jones, 25, said as she marched").
var speechVerbs = map[string]bool{"say": true, "tell": true, "add": true, "note": true, "explain": true,
	"write": true, "ask": true, "reply": true, "answer": true, "continue": true}

// quotedTitle reports whether the quotation closing right before token b
// is the object of a preposition or determiner ("of "Fox News Sunday,"",
// "the "Arrogant" ad"): a title, not something said.
func (x *extractor) quotedTitle(b int) bool {
	d := x.d
	q := b - 1
	if d.Tokens[q].Lower == "," {
		q--
	}
	pi := x.inQuote[q]
	if pi < 0 || x.pairs[pi].close != q || x.pairs[pi].open == 0 {
		return false
	}
	switch d.Tokens[x.pairs[pi].open-1].Lower {
	case "of", "on", "in", "at", "from", "by", "the", "a", "an", "'s", "titled", "called", "dubbed", "named":
		return true
	}
	return false
}

// apposition reports whether tokens [a,b) read as a description set off by
// commas: a determiner or role noun first, or a short tag such as "R-Ky.".
func (x *extractor) apposition(a, b int) bool {
	if a >= b {
		return false
	}
	if b-a <= 2 {
		return true
	}
	first := x.d.Tokens[a].Lower
	if determiners[first] || isRoleNoun(first) || first == "who" || first == "including" {
		return true
	}
	name := true // a title set off by commas: "The book, Brown's Britain, said"
	for k := a; k < b; k++ {
		if t := x.d.Tokens[k]; !t.Is(doc.Upper) && t.Lower != "'s" {
			name = false
		}
	}
	if name && b-a <= 6 {
		return true
	}
	for k := a; k < b; k++ {
		if isRoleNoun(x.d.Tokens[k].Lower) {
			return true
		}
	}
	return false
}

// clauseJoins are the words that join a second clause which may be a
// report of its own.
var clauseJoins = map[string]bool{"and": true, "but": true, "though": true, "although": true,
	"while": true, "whereas": true, "yet": true}

// clauseOfCue reports whether a coordinated clause starting at token n is
// a new report: a cue, optionally after a short subject and auxiliaries
// ("has denied", "he said", "the ministry later claimed").
func (x *extractor) clauseOfCue(s doc.Sentence, n int) bool {
	d := x.d
	last := s.Last
	for k := n; k < last && k < n+6; k++ {
		t := d.Tokens[k]
		if cu, ok := cues[t.Lower]; ok && !cu.ing && x.inQuote[k] < 0 {
			if !x.verbUse(s, k, cu) {
				return false // "and its allies will seek new sanctions", "and his comment was"
			}
			switch d.Tokens[k-1].Lower {
			case "was", "were", "is", "are", "been", "be", "being":
				return false // a passive: "that one was found nearby"
			}
			return k == n || x.subjectLeft(x.skipAdverbsLeft(k-1, n), n).ok() || adverbs[d.Tokens[k-1].Lower]
		}
		if t.Kind != doc.Word {
			return false
		}
	}
	return false
}

// participleClause reports a comma and a participle clause at token k:
// `"...," said Donald Tusk, summing up the talks.`
func (x *extractor) participleClause(k, last int) bool {
	d := x.d
	if k+1 >= last || d.Tokens[k].Lower != "," {
		return false
	}
	return isParticiple(&d.Tokens[k+1])
}

// isParticiple reports a lower-case "-ing" word that opens a participle
// clause, not a noun or preposition ("including", "morning").
func isParticiple(t *doc.Token) bool {
	return t.Kind == doc.Word && t.Is(doc.Lower) && len(t.Lower) > 5 && strings.HasSuffix(t.Lower, "ing") && !nounIng[t.Lower]
}

// thatDeterminer reports a "that" after an object cue that is a
// determiner, not a complementiser: "rejected that argument in a ruling",
// "declined that assignment".
func (x *extractor) thatDeterminer(k, last int, cu cue) bool {
	d := x.d
	if !objectCues[cu.lemma] && !infinitiveOnly[cu.lemma] || k+2 > last {
		return false
	}
	n := d.Tokens[k+1]
	if n.Kind != doc.Word || !n.Is(doc.Lower) || stopWords[n.Lower] || pronouns[n.Lower] || auxiliaries[n.Lower] {
		return false
	}
	if k+2 == last {
		return true
	}
	a := d.Tokens[k+2]
	return a.Kind == doc.Punct || stopWords[a.Lower] && !auxiliaries[a.Lower] && a.Lower != "that"
}

// participleAfter reports a participle clause right after the closing mark
// at token q, the comma before it inside or outside the marks:
// `"…," adding that …` or `"…", adding that …`.
func (x *extractor) participleAfter(q, last int) bool {
	d := x.d
	if q+1 >= last {
		return false
	}
	if x.participleClause(q+1, last) {
		return true
	}
	return d.Tokens[q-1].Lower == "," && isParticiple(&d.Tokens[q+1])
}

// hasComma reports a comma among tokens [a,b).
func (x *extractor) hasComma(a, b int) bool {
	for k := a; k < b; k++ {
		if x.d.Tokens[k].Lower == "," {
			return true
		}
	}
	return false
}

// prepositionObject reports a mention governed by a preposition ("in
// Virginia"), which cannot be the subject of a cue.
func (x *extractor) prepositionObject(mi int32) bool {
	m := x.d.Mentions[mi]
	if m.First == 0 {
		return false
	}
	switch x.d.Tokens[m.First-1].Lower {
	case "in", "at", "from", "to", "on", "for", "with", "about", "into", "near", "across", "of":
		return true
	}
	return false
}

// negated reports a "not" or "never" among the auxiliaries before the cue.
func (x *extractor) negated(c, first int) bool {
	for k := c - 1; k >= first && c-k <= 3; k-- {
		switch l := x.d.Tokens[k].Lower; {
		case l == "not" || l == "never" || l == "n't" || len(l) > 3 && l[len(l)-3:] == "n't":
			return true
		case !adverbs[l]:
			return false
		}
	}
	return false
}

// quoteBefore reports whether token k is preceded by a closing quotation mark.
func (x *extractor) quoteBefore(k int) bool {
	return k > 0 && x.d.Tokens[k-1].Kind == doc.Quote
}

// clauseSubject finds the subject of the clause a participle cue hangs on:
// the first person or organisation named in the sentence before the cue.
func (x *extractor) clauseSubject(s doc.Sentence, c int) np {
	d := x.d
	f := s.First
	// Past an opening adverbial: "Meanwhile, it attacked Trump, saying",
	// "In August, several environmental groups granted ..., saying".
	if t := d.Tokens[f]; openers[t.Lower] || leadPrepositions[t.Lower] || subordinators[t.Lower] || t.Lower == "following" || t.Lower == "amid" || t.Lower == "under" {
		for k := f + 1; k < c && k-f <= 10; k++ {
			if d.Tokens[k].Lower == "," {
				f = k + 1
				break
			}
			if x.inQuote[k] >= 0 {
				break
			}
		}
	}
	if f >= c {
		return np{}
	}
	if l := d.Tokens[f].Lower; l == "he" || l == "she" || l == "they" || l == "we" || l == "it" || l == "i" {
		return np{f, f + 1} // "He was happy ... by promising to ..."
	}
	if mi := x.mentionAt[f]; mi < 0 {
		// A described subject: "several environmental groups granted".
		for k := min(f+3, c-1); k >= f; k-- {
			if n := x.subjectLeft(k, f); n.ok() && n.first == f && k+1 < c {
				if v := d.Tokens[k+1]; v.Kind == doc.Word && v.Is(doc.Lower) && !stopWords[v.Lower] && (strings.HasSuffix(v.Lower, "ed") || strings.HasSuffix(v.Lower, "s") || adverbs[v.Lower]) {
					return n
				}
			}
		}
	}
	for k := f; k < c; k++ {
		if mi := x.mentionAt[k]; mi >= 0 && x.inQuote[k] < 0 {
			m := d.Mentions[mi]
			if m.Type == doc.Person || m.Type == doc.Org || m.Type == doc.GPE {
				return np{m.First, m.Last}
			}
			k = m.Last - 1
		}
	}
	return np{}
}

// leadingSubject finds a sentence-initial subject before token j: a named
// mention, or a short definite description ("The bank").
func (x *extractor) leadingSubject(s doc.Sentence, j int) np {
	d := x.d
	f := s.First
	n := f
	for n+1 < j && leadTitles[d.Tokens[n].Lower] {
		n++ // "Mr. Schultz generally supported ..., and said"
	}
	if mi := x.mentionAt[n]; mi >= 0 && (d.Mentions[mi].Type != doc.NORP || isPlural(d.Tokens[d.Mentions[mi].Last-1].Lower)) && d.Mentions[mi].Last < j {
		return np{f, d.Mentions[mi].Last}
	}
	if d.Tokens[f].Lower == "the" && f+1 < j {
		if mi := x.mentionAt[f+1]; mi >= 0 && d.Mentions[mi].Type != doc.NORP {
			return np{f, d.Mentions[mi].Last}
		}
		if h := d.Tokens[f+1].Lower; orgNouns[h] || isPersonNoun(h) {
			return np{f, f + 2}
		}
	}
	// A short possessed or plural description: "His ex-wife agreed, but".
	for k := f + 1; k < j && k <= f+2; k++ {
		if n := x.subjectLeft(k, f); n.ok() && n.first == f && k+1 < j && d.Tokens[k+1].Kind == doc.Word && !stopWords[d.Tokens[k+1].Lower] {
			if l := d.Tokens[f].Lower; l == "his" || l == "her" || l == "their" || l == "its" || isPlural(d.Tokens[k].Lower) {
				return n
			}
		}
	}
	return np{}
}

// endingAt returns the statement whose content ends at byte off.
func (x *extractor) endingAt(off int) *doc.Statement {
	for i := range x.d.Statements {
		if x.d.Statements[i].Content.End == off {
			return &x.d.Statements[i]
		}
	}
	return nil
}

// according handles "according to X": the content is the rest of the
// sentence on the other side of X.
func (x *extractor) according(s doc.Sentence, c int) bool {
	d := x.d
	k := c + 2
	e := k
	for e < s.Last && d.Tokens[e].Lower != "," && d.Tokens[e].Kind != doc.Quote && !(d.Tokens[e].Kind == doc.Punct && d.Tokens[e].Lower == ".") {
		e++
	}
	if e == k || e-k > 20 {
		return false
	}
	subj := np{k, e}
	cueSpan := doc.Span{Start: d.Tokens[c].Start, End: d.Tokens[c+1].End}
	cu := cue{lemma: "according to"}
	sp := x.speaker(subj, c)
	// Leading position: only adverbs or nothing before it.
	lead := c - s.First
	if lead <= 2 && e < s.Last && d.Tokens[e].Lower == "," {
		x.right(s, e+1, cueSpan, cu, sp, 0.9, false)
		return true
	}
	x.left(s, c, cueSpan, cu, sp, 0.9)
	return true
}

// left records a statement whose content precedes the speaker and cue,
// which start at token b.
func (x *extractor) left(s doc.Sentence, b int, cueSpan doc.Span, cu cue, sp *doc.Speaker, conf float64) {
	d := x.d
	e := b
	for e > s.First && (d.Tokens[e-1].Lower == "," || d.Tokens[e-1].Lower == "-" || d.Tokens[e-1].Lower == "—") {
		e--
	}
	// A quotation closing right before: the statement is the quotation,
	// even when it spans several sentences.
	if e > 0 && (e-1 >= 0 && d.Tokens[e-1].Kind == doc.Quote || e-2 >= 0 && d.Tokens[e-1].Lower == "," && d.Tokens[e-2].Kind == doc.Quote) {
		qi := e - 1
		if d.Tokens[qi].Kind != doc.Quote {
			qi--
		}
		if pi := x.inQuote[qi]; pi >= 0 && x.pairs[pi].close == qi {
			p := x.pairs[pi]
			if p.open <= s.First || x.onlyLead(s.First, p.open) {
				x.add(doc.Direct, p.content(d), cueSpan, cu.lemma, sp, conf)
				return
			}
			content := doc.Span{Start: d.Tokens[s.First].Start, End: d.Tokens[qi].End}
			x.add(doc.Mixed, content, cueSpan, cu.lemma, sp, conf*0.95)
			return
		}
	}
	a := s.First
	// Skip a leading quote opener that belongs to a paragraph-long quotation.
	if e <= a {
		return
	}
	content := doc.Span{Start: d.Tokens[a].Start, End: d.Tokens[e-1].End}
	x.add(x.kindOf(content), content, cueSpan, cu.lemma, sp, conf*0.95)
}

// onlyLead reports whether tokens [a,b) hold no words: the quotation is the
// whole sentence before the cue.
func (x *extractor) onlyLead(a, b int) bool {
	for k := a; k < b; k++ {
		if x.d.Tokens[k].Kind == doc.Word || x.d.Tokens[k].Kind == doc.Number {
			return false
		}
	}
	return true
}

// right records a statement whose content follows the cue from token k.
// With split set, only a quotation starting at k is taken (the second half
// of `"A," he said, "B."`).
func (x *extractor) right(s doc.Sentence, k int, cueSpan doc.Span, cu cue, sp *doc.Speaker, conf float64, split bool) {
	d := x.d
	colon := false
	for k < s.Last && (d.Tokens[k].Lower == ":" || d.Tokens[k].Lower == ",") {
		colon = colon || d.Tokens[k].Lower == ":"
		k++
	}
	that := false
	if k < s.Last && d.Tokens[k].Lower == "that" && !x.thatDeterminer(k, s.Last, cu) {
		that = true
		k++
	} else if k < s.Last && d.Tokens[k].Lower == "that" {
		// "rejected that argument": a determiner, part of the object
	} else if t := x.thatAhead(k, s.Last); t > k {
		// "said in an interview with US magazine EW recently that ...",
		// "tweeted in the early morning hours that ...": the content is the clause.
		that = true
		k = t + 1
	}
	if k >= len(d.Tokens) {
		return
	}
	if colon && k == s.Last {
		// "He said:" closing a paragraph, the quotation opening the next.
		if pi := x.inQuote[k]; pi >= 0 && x.pairs[pi].open == k && !x.used[pi] {
			x.add(doc.Direct, x.pairs[pi].content(d), cueSpan, cu.lemma, sp, conf)
		} else if k < len(d.Tokens) && d.Tokens[k].Is(doc.ParaStart) && x.inQuote[k] < 0 {
			// A block quotation set off as its own paragraph, without marks:
			// "The governor added:\n\nIt's typical of Hillary Clinton. ..."
			end := k + 1
			for end < len(d.Tokens) && !d.Tokens[end].Is(doc.ParaStart) {
				end++
			}
			if end-k >= 4 {
				x.add(doc.Indirect, doc.Span{Start: d.Tokens[k].Start, End: d.Tokens[end-1].End}, cueSpan, cu.lemma, sp, conf*0.9)
			}
		}
		return
	}
	if pi := x.inQuote[k]; pi >= 0 && x.pairs[pi].open == k {
		p := x.pairs[pi]
		// The quotation is the whole remaining sentence (or runs on past it,
		// or only a participle clause follows: `said: "…," adding that …`).
		if p.close >= s.Last-1 || x.isEnd(p.close+1, s.Last) || !that && x.participleAfter(p.close, s.Last) {
			if that {
				end := len(d.Text)
				if p.close < len(d.Tokens) {
					end = d.Tokens[p.close].End
				}
				x.add(doc.Mixed, doc.Span{Start: d.Tokens[k].Start, End: end}, cueSpan, cu.lemma, sp, conf)
			} else {
				x.add(doc.Direct, p.content(d), cueSpan, cu.lemma, sp, conf)
			}
			return
		}
	}
	if split {
		return
	}
	// Indirect or mixed content: to the end of the sentence, or of the
	// quotation it opens, or before a coordinated second cue.
	e := s.Last
	objectOnly := objectCues[cu.lemma] && d.Tokens[k].Lower != "that" && x.inQuote[k] < 0
	// A noun-phrase content (an object, or a preposition's object) ends
	// where a new clause with its own subject starts: "called for reducing
	// the rate to 28 percent, but Mrs. Clinton would leave it".
	phrase := (objectOnly || strings.Contains(cu.lemma, " ")) && !that
	// A cue inside an opening subordinate clause ("When Clinton noted that
	// ..., Trump boasted ..."): the content ends with that clause.
	subordinate := subordinators[d.Tokens[s.First].Lower] && d.Tokens[k].Start > d.Tokens[s.First].End
	for m := k; m < s.Last; m++ {
		t := d.Tokens[m]
		if subordinate && x.inQuote[m] < 0 && m > k+2 && (t.Lower == "," || t.Lower == "―" || t.Lower == "—") && x.mainClauseAfter(m, s.Last) {
			e = m
			break
		}
		if phrase && x.inQuote[m] < 0 && (t.Lower == "-" || t.Lower == "—" || t.Lower == "–" || t.Lower == "--") {
			e = m // "likened the rules to "burning the Constitution" - a charge that ..."
			break
		}
		if objectOnly && t.Lower == "," && x.inQuote[m] < 0 {
			if n := x.insertionEnd(m, s.Last); n > m {
				m = n // "accused Rafael Cruz, who was born in Cuba, of ...", "Tulsa, Okla., police officer"
				continue
			}
			e = m
			break
		}
		if phrase && t.Lower == "," && x.inQuote[m] < 0 && m+2 < s.Last && clauseJoins[d.Tokens[m+1].Lower] &&
			(pronouns[d.Tokens[m+2].Lower] || x.mentionAt[m+2] >= 0 || leadTitles[d.Tokens[m+2].Lower]) {
			e = m
			break
		}
		if (phrase || d.Tokens[k].Lower == "to") && m > k+1 && x.inQuote[m] < 0 && adjunctStarts[t.Lower] && !(m+1 < s.Last && d.Tokens[m+1].Lower == "of") {
			e = m // "warned officials to boost security after hackers targeted ..."
			break
		}
		if objectOnly && t.Lower == ";" && x.inQuote[m] < 0 {
			e = m
			break
		}
		if clauseJoins[t.Lower] && x.inQuote[m] < 0 && m+1 < s.Last && x.clauseOfCue(s, m+1) {
			e = m // "... and has denied ...", "..., though she noted ..."
			break
		}
		if t.Lower == "," && m+1 < s.Last && x.inQuote[m] < 0 {
			if n := d.Tokens[m+1].Lower; n == "according" {
				e = m
				break
			} else if cu, ok := cues[n]; ok && cu.ing {
				e = m // "..., arguing that ...": a second statement
				break
			} else if m-k >= 4 && isParticiple(&d.Tokens[m+1]) {
				e = m // "..., engaging in what analysts described as ...": the writer's frame
				break
			}
		}
	}
	if e <= k {
		return
	}
	end := d.Tokens[e-1].End
	if pi := x.inQuote[e-1]; pi >= 0 && x.pairs[pi].close >= e {
		// The sentence split inside a quotation: keep the whole quotation.
		if c := x.pairs[pi].close; c < len(d.Tokens) {
			end = d.Tokens[c].End
		}
	}
	content := doc.Span{Start: d.Tokens[k].Start, End: end}
	x.add(x.kindOf(content), content, cueSpan, cu.lemma, sp, conf)
}
