package timex

// Tense: which way an underspecified date leans, from the words around it.

import (
	"strings"

	"newsgraph/doc"
)

// tense is the direction of the nearest tense marker in the sentence around
// tokens [s, e): 1 future, -1 past, 0 none.
func (t *tagger) tense(s, e int) int {
	d, _ := t.tenseDist(s, e)
	return d
}

// tenseDist is tense with the distance in tokens to the marker that
// decided it (0 when none did).
func (t *tagger) tenseDist(s, e int) (int, int) {
	const window = 25
	best, dir := window+1, 0
	for j := s - 1; j >= 0 && s-j <= window; j-- {
		if j >= t.lastStart && j < t.lastEnd {
			continue
		}
		d := t.cue(j)
		if d == 2 {
			if s-j > weakReach {
				d = 0
			} else {
				d = 1
			}
		}
		if d != 0 {
			// A participle after "be" ("will be held", "is to be
			// signed") takes its tense from further left.
			if !(d < 0 && j > 0 && (t.toks[j-1].Lower == "be" || t.toks[j-1].Lower == "being")) {
				best, dir = s-j, d
				break
			}
		}
		if t.toks[j].Flags&doc.SentStart != 0 {
			break
		}
	}
	for j := e; j < len(t.toks) && j-e+1 < best; j++ {
		if t.toks[j].Flags&doc.SentStart != 0 {
			break
		}
		// With a marker on the left, one on the right counts only inside
		// the same clause: "launched ... in October, while Yahoo is".
		if dir != 0 && clauseBreak[t.toks[j].Lower] {
			break
		}
		if d := t.cue(j); d == 2 && j-e+1 <= weakReach || d != 0 && d != 2 {
			return min(d, 1), j - e + 1
		}
	}
	if dir == 0 && isPresentVerb(t, s) {
		return 1, 1
	}
	if dir == 0 {
		return 0, 0
	}
	return dir, best
}

// isPresentVerb reports a scheduling verb in the present shortly before the
// expression starting at s, in a sentence with no other tense marker:
// "Poland votes on Sunday", "the team meets on Friday", "Parliament returns
// from the Christmas break on Tuesday" announce an event to come. A closed
// list, because a plural noun ("hit shares on Monday") looks the same.
func isPresentVerb(t *tagger, s int) bool {
	own := true // still inside the expression's own phrase ("the", "its")
	for j := s - 1; j >= 0 && s-j <= 8; j-- {
		tk := &t.toks[j]
		if scheduleVerbs[tk.Lower] {
			return true
		}
		if tk.Lower == "from" && own {
			return false // "returns from the Christmas break": the break is past
		}
		if tk.Lower != "the" && tk.Lower != "its" && tk.Lower != "their" && tk.Lower != "his" && tk.Lower != "her" {
			own = false
		}
		switch tk.Lower {
		case "effect", "place", "office", "force", "off": // "takes effect", "kicks off"
			if j > 0 && tk.Flags&doc.SentStart == 0 {
				k := j - 1
				if t.toks[k].Lower == "into" && k > 0 { // "comes into force"
					k--
				}
				return scheduleVerbs[t.toks[k].Lower]
			}
		}
		if tk.Flags&doc.SentStart != 0 || clauseBreak[tk.Lower] {
			return false
		}
	}
	return false
}

var scheduleVerbs = map[string]bool{
	"meets": true, "votes": true, "starts": true, "begins": true, "opens": true, "ends": true,
	"closes": true, "returns": true, "resumes": true, "arrives": true, "travels": true,
	"visits": true, "faces": true, "plays": true, "hosts": true, "launches": true, "expires": true,
	"reopens": true, "convenes": true, "kicks": true, "premieres": true, "airs": true,
	"runs": true, "finishes": true, "leaves": true, "departs": true, "sits": true, "rules": true,
	"decides": true, "announces": true, "publishes": true, "releases": true, "reports": true,
	"takes": true, "comes": true, "goes": true, "enters": true, "gets": true, "debuts": true,
	// Plural subjects: "Trump and Clinton meet ... Monday".
	"meet": true, "face": true, "resume": true, "begin": true, "start": true, "return": true,
	"head": true, "travel": true, "debate": true,
}

// clauseBreak words start another clause, whose tense is not the
// expression's: "closed up 9% on Tuesday on speculation it is to receive".
var clauseBreak = map[string]bool{
	",": true, ";": true, ":": true, "while": true, "whereas": true, "but": true, "although": true,
	"though": true, "and": true, "(": true, "-": true, "–": true, "—": true, "it": true, "he": true,
	"she": true, "they": true, "we": true, "i": true, "that": true, "which": true, "who": true,
}

// weakReach is how far "is"/"are" count as a future marker.
const weakReach = 6

// cue is the tense direction token j marks: 1 future, -1 past, 0 none.
func (t *tagger) cue(j int) int {
	tk := &t.toks[j]
	w := tk.Lower
	if tk.Kind != doc.Word {
		return 0
	}
	switch w {
	case "set", "going", "due", "wants", "aims", "hopes", "plan", "plans", "hoping", "planning",
		"preparing", "aiming", "expecting", "looking", "poised", "likely":
		// These look ahead only before "to": "the first set 6-1", "the
		// going was good", "hopes of a 0.2% expansion".
		if j+1 < len(t.toks) {
			n := t.toks[j+1].Lower
			if n == "to" || w == "due" && (n == "on" || n == "in" || n == "for") {
				return 1
			}
		}
		return 0
	case "could", "can", "should", "must":
		return 2 // "could be fit for Saturday's opener": weak, like "is"
	case "has", "have":
		// "has to convince them in November" is an obligation ahead.
		if j+1 < len(t.toks) && t.toks[j+1].Lower == "to" {
			return 1
		}
		return -1
	case "may", "might":
		if tk.Flags&doc.Lower != 0 { // the modal, not the month
			return 1
		}
		return 0
	case "is", "are":
		// The present of "be" announces a scheduled event ("the vote is
		// on Thursday"), but only close by; cue's caller checks distance.
		return 2
	}
	if futureCues[w] || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") {
		return 1
	}
	if pastCues[w] {
		return -1
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && tk.Flags&doc.Lower != 0 && !notPast[w] {
		return -1
	}
	return 0
}

// notPast are common -ed words that are not past-tense verbs.
var notPast = map[string]bool{"need": true, "indeed": true, "speed": true, "united": true, "proceed": true, "exceed": true, "succeed": true, "hundred": true, "limited": true, "related": true, "based": true, "concerned": true, "interested": true, "planned": true, "proposed": true}

// ---- weekdays ----
