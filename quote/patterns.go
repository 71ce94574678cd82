package quote

import (
	"strings"

	"newsgraph/doc"
	"newsgraph/entity"
)

// adverbs may stand between a speaker and the cue ("Peskov on Wednesday
// warned", "Russia has now demanded", "will still insist").
var adverbs = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "may": true, "might": true,
	"could": true, "should": true, "can": true, "must": true, "did": true, "does": true, "do": true,
	"also": true, "later": true, "previously": true, "repeatedly": true, "now": true, "still": true,
	"often": true, "again": true, "recently": true, "earlier": true, "already": true, "then": true,
	"always": true, "never": true, "not": true, "further": true, "publicly": true, "privately": true,
	"separately": true, "reportedly": true, "just": true, "yesterday": true, "today": true,
	"tonight": true, "once": true, "frequently": true, "consistently": true, "explicitly": true,
	"firmly": true, "strongly": true, "clearly": true, "openly": true, "flatly": true, "angrily": true,
	"quickly": true, "immediately": true, "initially": true, "first": true, "originally": true,
	"allegedly": true, "apparently": true, "however": true, "even": true, "all": true,
	"both": true, "themselves": true, "himself": true, "herself": true, "itself": true, "appears": true,
	"appear": true, "seem": true, "seems": true, "to": true, "be": true, "being": true, "is": true, "are": true,
	"was": true, "were": true, "long": true, "generally": true, "widely": true, "loudly": true,
	"sharply": true, "bluntly": true, "roundly": true, "vehemently": true, "subsequently": true,
	"eventually": true, "finally": true, "formally": true, "officially": true, "personally": true,
	"directly": true, "specifically": true, "famously": true, "routinely": true, "regularly": true,
	"increasingly": true, "similarly": true, "likewise": true, "too": true, "essentially": true,
	"simply": true, "only": true, "plainly": true, "candidly": true, "bitterly": true,
	"quietly": true, "emphatically": true, "forcefully": true, "proudly": true, "confidently": true,
	"wrongly": true, "falsely": true, "mistakenly": true, "rightly": true, "notably": true,
	"jointly": true, "unanimously": true, "ultimately": true, "belatedly": true, "reluctantly": true,
	"readily": true, "steadfastly": true, "adamantly": true, "persistently": true, "constantly": true,
	"occasionally": true, "sometimes": true, "usually": true, "typically": true, "largely": true,
}

var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

// skipAdverbsLeft moves left from token j over auxiliaries, adverbs and short
// time phrases ("on Wednesday", "last week"), returning the new position.
func (x *extractor) skipAdverbsLeft(j, first int) int {
	d := x.d
	for j >= first {
		t := d.Tokens[j]
		switch {
		case adverbs[t.Lower]:
			j--
		case t.Lower == "'s" && j-1 >= first && (pronouns[d.Tokens[j-1].Lower] || d.Tokens[j-1].Lower == "who"):
			j-- // "He's claiming": the contracted auxiliary
		case t.Lower == ")":
			// A parenthesis between speaker and cue: "Lindsey Graham (R-S.C.) told".
			k := j - 1
			for k >= first && j-k < 8 && d.Tokens[k].Lower != "(" {
				k--
			}
			if k < first || d.Tokens[k].Lower != "(" {
				return j
			}
			j = k - 1
		case weekdays[t.Lower] && j-1 >= first && (d.Tokens[j-1].Lower == "on" || d.Tokens[j-1].Lower == "last"):
			j -= 2
		case (t.Kind == doc.Number || months[t.Lower]) && j-1 >= first && d.Tokens[j-1].Lower == "in":
			j -= 2 // "who in 2010 said"
		case media[t.Lower] && j-2 >= first:
			// "Stumpf in a televised interview appeared to blame".
			k := j - 1
			for k > first && j-k <= 3 && d.Tokens[k].Lower != "in" && d.Tokens[k].Kind == doc.Word && x.mentionAt[k] < 0 {
				k--
			}
			if d.Tokens[k].Lower != "in" || k == j-1 {
				return j
			}
			j = k - 1
		case (t.Lower == "week" || t.Lower == "month" || t.Lower == "year" || t.Lower == "night") && j-1 >= first &&
			(d.Tokens[j-1].Lower == "last" || d.Tokens[j-1].Lower == "this"):
			j -= 2
		default:
			return j
		}
	}
	return j
}

// np is a noun phrase found next to a cue: its tokens [first, last).
type np struct{ first, last int }

func (n np) ok() bool { return n.last > n.first }

// stopWords end a noun phrase scanned leftwards from its head.
var stopWords = map[string]bool{
	"that": true, "and": true, "but": true, "or": true, "as": true, "when": true, "which": true,
	"who": true, "while": true, "because": true, "if": true, "since": true, "although": true,
	"of": true, "in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "to": true,
	"from": true, "after": true, "before": true, "than": true, "where": true, "what": true, "so": true,
	"said": true, "says": true, "is": true, "was": true, "are": true, "were": true, "has": true, "have": true,
	"had": true, "into": true, "about": true, "over": true, "under": true, "against": true,
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true,
	"her": true, "their": true, "our": true, "some": true, "many": true, "most": true, "several": true,
	"other": true, "another": true, "both": true, "all": true, "few": true, "one": true, "two": true,
	"three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true,
	"ten": true, "dozens": true, "hundreds": true, "thousands": true}

// pronouns that can be speakers; a generic "you" is not one.
var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true}

// groupWords are heads of speaker phrases that stand for unnamed people.
var groupWords = map[string]bool{"those": true, "most": true, "some": true, "many": true, "others": true,
	"critics": true, "analysts": true, "officials": true, "sources": true, "experts": true, "observers": true,
	"residents": true, "witnesses": true, "campaigners": true, "economists": true, "police": true,
	"investigators": true, "researchers": true, "scientists": true, "doctors": true, "lawyers": true,
	"insiders": true, "aides": true, "allies": true, "opponents": true, "supporters": true, "voters": true}

// subjectLeft finds the speaker phrase ending at token j (after adverbs
// were skipped): a named mention, a pronoun or a short description.
func (x *extractor) subjectLeft(j, first int) np {
	d := x.d
	if j < first {
		return np{}
	}
	t := d.Tokens[j]
	if mi := x.mentionAt[j]; mi >= 0 {
		m := d.Mentions[mi]
		if m.Type != doc.Person {
			if p := x.personBefore(m.First, first); p.ok() {
				return p // "Chris Panayis, managing director of ISP Freedom2surf said"
			}
			if x.prepositionObject(mi) && m.First-2 >= first {
				// "the Labour MP for Birkenhead asked": the phrase the place
				// qualifies is the speaker.
				if p := x.subjectLeft(m.First-2, first); p.ok() {
					return np{p.first, j + 1}
				}
			}
		}
		if m.Type == doc.NORP && (m.Last-m.First == 1 && !isPlural(d.TokenText(m.First))) {
			// "Russian troops": an adjective, the noun follows; not a subject.
			return np{}
		}
		a := max(m.First, first)
		// A description before the name is part of the subject phrase:
		// "director of telecoms research Tony Lavender", "the Defense
		// Ministry", when it runs back to a clause boundary.
		k := a
		for k > first && a-k < 7 && d.Tokens[k-1].Kind == doc.Word && (!stopWords[d.Tokens[k-1].Lower] || d.Tokens[k-1].Lower == "of") {
			k--
		}
		if k < a && (k == first || d.Tokens[k-1].Kind != doc.Word) && k < len(d.Tokens) && d.Tokens[k].Lower != "of" {
			a = k
		}
		return np{a, j + 1}
	}
	if pronouns[t.Lower] {
		return np{j, j + 1}
	}
	if (t.Lower == "who" || t.Lower == "which") && j > first && d.Tokens[j-1].Lower == "," {
		// "Trump, who said ...": the relative pronoun, standing for the name before it.
		return np{j, j + 1}
	}
	if t.Lower == "who" && j > first && (groupWords[d.Tokens[j-1].Lower] || d.Tokens[j-1].Lower == "people") {
		return np{j - 1, j} // "there are those who believe": the group is the speaker
	}
	if (t.Lower == "whom" || t.Lower == "which") && j-1 > first && d.Tokens[j-1].Lower == "of" {
		return np{j - 2, j + 1} // "many of whom say"
	}
	if (t.Lower == "him" || t.Lower == "her" || t.Lower == "them") && j-2 > first && stopWords[d.Tokens[j-1].Lower] {
		// "Those close to him say": a group described by its relation.
		for a := j - 2; a >= first && j-a <= 5; a-- {
			if l := d.Tokens[a].Lower; l == "those" || l == "people" || l == "sources" || l == "aides" || l == "friends" {
				return np{a, j + 1}
			}
		}
	}
	if (t.Lower == "them" || t.Lower == "us") && j-1 > first && d.Tokens[j-1].Lower == "of" {
		// A part of a group: "Only 42% of them say", "Half of them argue".
		a := j - 2
		for a > first && j-a < 5 && (d.Tokens[a-1].Kind == doc.Number || d.Tokens[a-1].Kind == doc.Word && !stopWords[d.Tokens[a-1].Lower]) {
			a--
		}
		return np{a, j + 1}
	}
	if t.Kind != doc.Word || stopWords[t.Lower] || adverbs[t.Lower] {
		return np{}
	}
	if indefinites[t.Lower] && (j == first || d.Tokens[j-1].Kind != doc.Word || adverbs[d.Tokens[j-1].Lower] && d.Tokens[j-1].Lower != "not" || openers[d.Tokens[j-1].Lower]) {
		return np{j, j + 1} // "Then someone asked"
	}
	if groupWords[t.Lower] && (j == first || !determiners[d.Tokens[j-1].Lower] && d.Tokens[j-1].Kind != doc.Word ||
		subordinators[d.Tokens[j-1].Lower] || openers[d.Tokens[j-1].Lower] || clauseJoins[d.Tokens[j-1].Lower]) {
		return np{j, j + 1}
	}
	a := j
	for a > first && j-a < 5 {
		p := d.Tokens[a-1]
		if p.Kind != doc.Word && p.Kind != doc.Number || stopWords[p.Lower] || pronouns[p.Lower] {
			break
		}
		a--
		if determiners[p.Lower] {
			break
		}
	}
	head := t.Lower
	if p := x.personBefore(a, first); p.ok() {
		return p
	}
	// A description needs a determiner, a plural head or a known head
	// word; otherwise the word is more likely a verb or adverb.
	if a == j && t.Is(doc.Upper) && !entity.IsCommonWord(t.Lower) {
		return np{j, j + 1} // an unknown name: "Peskov underlined"
	}
	if determiners[d.Tokens[a].Lower] || groupWords[head] || isPlural(head) && a < j || isRoleNoun(head) || x.mentionAt[a] >= 0 || d.Tokens[a].Is(doc.Upper) && a > first {
		return np{a, j + 1}
	}
	if documentNouns[head] {
		return np{a, j + 1} // "Video shows that ..."
	}
	if isPlural(head) && a-2 >= first && d.Tokens[a-1].Lower == "and" && (isPlural(d.Tokens[a-2].Lower) || x.mentionAt[a-2] >= 0) && (a-2 == first || d.Tokens[a-3].Kind != doc.Word || openers[d.Tokens[a-3].Lower]) {
		return np{a - 2, j + 1} // "Companies and individuals complain"
	}
	if (head == "percent" || head == "%") && a < j {
		return np{a, j + 1} // "Twelve percent indicated"
	}
	if isPlural(head) && (a == first || d.Tokens[a-1].Kind != doc.Word || a-1 == first && openers[d.Tokens[a-1].Lower]) {
		return np{a, j + 1}
	}
	return np{}
}

// personBefore finds a person named before an organisation that only
// qualifies their role: "NAME, managing director of ORG", "NAME of ORG".
func (x *extractor) personBefore(k, first int) np {
	d := x.d
	sawOf := false
	for i := k - 1; i >= first && k-i <= 8; i-- {
		t := d.Tokens[i]
		switch {
		case t.Lower == "of" || t.Lower == "at" || t.Lower == "from":
			sawOf = true
			if i > first {
				if mi := x.mentionAt[i-1]; mi >= 0 && d.Mentions[mi].Type == doc.Person {
					m := d.Mentions[mi]
					return np{max(m.First, first), m.Last}
				}
			}
		case t.Lower == ",":
			if sawOf && i > first {
				if mi := x.mentionAt[i-1]; mi >= 0 && d.Mentions[mi].Type == doc.Person {
					m := d.Mentions[mi]
					return np{max(m.First, first), m.Last}
				}
			}
			return np{}
		case t.Kind != doc.Word:
			return np{}
		}
	}
	return np{}
}

func isPlural(w string) bool {
	n := len(w)
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i'
}

// indefinites are pronouns that stand for unnamed people
// ("not everybody believes", "nobody said" report no statement).
var indefinites = map[string]bool{"someone": true, "somebody": true, "everyone": true, "everybody": true}

// openers are conjunctions and adverbs that may open a sentence before
// its subject: "But environmentalists worry".
var openers = map[string]bool{"but": true, "and": true, "yet": true, "so": true, "still": true,
	"now": true, "meanwhile": true, "instead": true, "also": true, "however": true, "indeed": true}

// subjectRight finds an inverted speaker after the cue: `..., said Mr Smith.`
func (x *extractor) subjectRight(k, last int) np {
	d := x.d
	if k >= last {
		return np{}
	}
	if mi := x.mentionAt[k]; mi >= 0 {
		m := d.Mentions[mi]
		e := min(m.Last, last)
		if m.Type != doc.Person {
			// "said MSNBC host Chris Matthews": an organisation qualifying
			// the role of the person named after it.
			for n := e; n < last && n-e <= 3; n++ {
				if mj := x.mentionAt[n]; mj >= 0 && d.Mentions[mj].Type == doc.Person && n > e {
					return np{k, min(d.Mentions[mj].Last, last)}
				}
				if t := d.Tokens[n]; t.Kind != doc.Word || !t.Is(doc.Lower) && x.mentionAt[n] < 0 && !isRoleNoun(t.Lower) && !leadTitles[t.Lower] {
					break // but "said European Council President Donald Tusk"
				}
			}
		}
		// "noted NBC's Dante Chinni": the owner's person is the speaker.
		if e+1 < last && d.Tokens[e].Lower == "'s" {
			if mj := x.mentionAt[e+1]; mj >= 0 && d.Mentions[mj].Type == doc.Person {
				return np{e + 1, min(d.Mentions[mj].Last, last)}
			}
		}
		return np{k, e}
	}
	t := d.Tokens[k]
	if pronouns[t.Lower] && t.Lower != "it" {
		return np{k, k + 1}
	}
	// A description before the name: "said 9/11 widow Terry Strada".
	for n := k; n < last && n-k <= 5; n++ {
		if mj := x.mentionAt[n]; mj >= 0 {
			if n > k && d.Mentions[mj].Type == doc.Person {
				return np{k, min(d.Mentions[mj].Last, last)}
			}
			break
		}
		if u := d.Tokens[n]; u.Kind != doc.Number && u.Lower != "/" && !(u.Kind == doc.Word && u.Is(doc.Lower) && !stopWords[u.Lower]) {
			break
		}
	}
	if determiners[t.Lower] || t.Is(doc.Upper) {
		e := k + 1
		for e < last && e-k < 6 && d.Tokens[e].Kind == doc.Word && !stopWords[d.Tokens[e].Lower] {
			if mi := x.mentionAt[e]; mi >= 0 {
				e = d.Mentions[mi].Last
				continue
			}
			e++
		}
		return np{k, e}
	}
	return np{}
}

// isEnd reports whether the sentence has nothing left from k but closing
// punctuation.
func (x *extractor) isEnd(k, last int) bool {
	for ; k < last; k++ {
		t := x.d.Tokens[k]
		if t.Kind == doc.Word || t.Kind == doc.Number || t.Kind == doc.Quote && t.Is(doc.OpenQuote) {
			return false
		}
	}
	return true
}

// skipTrailer moves over what may follow a cue before the sentence ends or
// the content starts: a time phrase, "in a statement", "on Twitter".
func (x *extractor) skipTrailer(k, last int) int {
	d := x.d
	for k < last {
		t := d.Tokens[k]
		switch {
		case adverbs[t.Lower] && t.Lower != "to" && t.Lower != "is" && t.Lower != "was":
			k++
		case (t.Lower == "on" || t.Lower == "last") && k+1 < last && weekdays[d.Tokens[k+1].Lower]:
			k += 2
		case weekdays[t.Lower] && !(k+1 < last && d.Tokens[k+1].Lower == "'s"):
			k++ // "said Monday", not "condemned Friday's test"
			if k < last && dayParts[d.Tokens[k].Lower] {
				k++
			}
		case t.Lower == "in" && k+1 < last && months[d.Tokens[k+1].Lower]:
			k += 2
		case t.Kind == doc.Word && len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ly") && t.Is(doc.Lower) && k+1 < last && d.Tokens[k+1].Kind != doc.Punct:
			k++ // "said basically that"
		case t.Lower == "in" && k+2 < last && (d.Tokens[k+1].Lower == "a" || d.Tokens[k+1].Lower == "an" || d.Tokens[k+1].Lower == "his" || d.Tokens[k+1].Lower == "her" || d.Tokens[k+1].Lower == "their" || d.Tokens[k+1].Lower == "its" || d.Tokens[k+1].Lower == "the") &&
			x.mediumEnd(k+2, last) > 0:
			k = x.mediumEnd(k+2, last)
		case (t.Lower == "on" || t.Lower == "in") && k+1 < last && (d.Tokens[k+1].Lower == "twitter" || d.Tokens[k+1].Lower == "monday"):
			k += 2
		default:
			return k
		}
	}
	return k
}

// media are where a statement is made: "in a statement", "in a lengthy
// expose".
var media = map[string]bool{"statement": true, "interview": true, "speech": true, "letter": true,
	"report": true, "expose": true, "article": true, "column": true, "editorial": true, "op-ed": true,
	"essay": true, "tweet": true, "post": true, "memo": true, "email": true, "book": true, "blog": true,
	"video": true, "podcast": true, "address": true, "briefing": true, "testimony": true}

// mediumEnd returns the token after a medium noun at k, allowing up to two
// modifiers before it ("lengthy expose", "recent television interview"), or
// 0 when there is none.
func (x *extractor) mediumEnd(k, last int) int {
	d := x.d
	for m := k; m < last && m <= k+2; m++ {
		t := d.Tokens[m]
		if media[t.Lower] {
			return m + 1
		}
		if t.Kind != doc.Word || stopWords[t.Lower] {
			return 0
		}
	}
	return 0
}

// objectEnd finds the end of the addressee after "told", "warned",
// "assured": "told the BBC", "told reporters", "told Radio 4's Today programme".
func (x *extractor) objectEnd(k, last int) int {
	d := x.d
	e := k
	for e < last && e-k < 7 && x.mentionAt[k] < 0 {
		t := d.Tokens[e]
		if t.Lower == "that" || t.Kind == doc.Punct || t.Kind == doc.Quote {
			return e
		}
		if e > k && (stopWords[t.Lower] || weekdays[t.Lower] || t.Is(doc.Lower) && (t.Lower == "yesterday" || t.Lower == "today" || t.Lower == "last" || t.Lower == "this")) && t.Lower != "of" {
			return e // "told The Hill on Tuesday"
		}
		e++
	}
	// No delimiter, or a name: the addressee is the name with what belongs
	// to it ("told Radio 4's Today programme"), or one or two words.
	if mi := x.mentionAt[k]; mi >= 0 {
		e := d.Mentions[mi].Last
		if e+1 < last && d.Tokens[e].Lower == "'s" {
			f := e + 1
			for f < last && isCapWord(d.Tokens[f]) {
				f++
			}
			if f < last && outletNouns[d.Tokens[f].Lower] {
				f++
			}
			if f > e+1 {
				e = f
			}
		}
		return e
	}
	if k < last && determiners[d.Tokens[k].Lower] {
		return min(k+2, last)
	}
	return min(k+1, last)
}

// outletNouns end the name of a programme or publication after its owner.
var outletNouns = map[string]bool{"programme": true, "program": true, "show": true, "newspaper": true,
	"magazine": true, "website": true, "channel": true, "podcast": true, "blog": true}

func isCapWord(t doc.Token) bool { return t.Kind == doc.Word && t.Is(doc.Upper) && t.Lower != "'s" }

// addressee verbs take a hearer before their content.
var addressee = map[string]bool{"tell": true, "inform": true, "assure": true, "remind": true,
	"brief": true, "reassure": true, "advise": true, "urge": true}

// directive verbs may name a hearer before an infinitive: "warned officials
// to", "asked voters to", "pressed Congress to".
var directive = map[string]bool{"warn": true, "ask": true, "encourage": true, "press": true,
	"implore": true, "challenge": true, "invite": true, "instruct": true, "order": true, "beg": true}

// objectCues take a noun phrase as what was said: their content ends at the
// phrase's end, the first comma ("cited criticism of Matt Lauer, who ...").
var objectCues = map[string]bool{"cite": true, "describe": true, "blast": true, "slam": true,
	"criticise": true, "criticize": true, "condemn": true, "praise": true, "welcome": true,
	"reject": true, "dismiss": true, "question": true, "accuse": true, "blame": true,
	"unveil": true, "outline": true, "decry": true, "applaud": true, "highlight": true,
	"reiterate": true, "defend": true, "denounce": true, "endorse": true, "discuss": true,
	"liken": true, "label": true, "oppose": true, "mock": true, "lambast": true, "chastise": true, "express": true, "reference": true,
	"advocate": true, "characterise": true, "characterize": true, "compliment": true}
