// Package eval scores a system's analysis records against gold annotations.
//
// It is a faithful port of the reference scorer shared/tools/score.py:
// the same metrics, matching, tie-breaking and rounding, so that its figures
// and score.py's agree to the last digit (see docs/eval.md for how that is
// tested). The metrics, micro-averaged over all gold articles:
//
//   - quotes: a system quote matches a gold quote when the word-level F1 of
//     their contents is >= 0.5, one-to-one, best pairs first;
//   - attribution accuracy: the share of matched quotes whose speaker is
//     right (same last name after dropping titles, or one name contains the
//     other; the system may give the resolved name or the mention as written);
//   - quote+speaker: a system quote counts only when it matches a gold quote
//     and names the right speaker (the headline figure);
//   - entities: distinct (type, name) per article, GPE and LOC as one type,
//     PERSON names matching on the last name;
//   - times: texts share a word and values are equal, only for gold
//     articles with a publication date.
package eval

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Result is score.py's result; its JSON form is byte-identical to
// `score.py --json` output.
type Result struct {
	Articles            int      `json:"articles"`
	Quotes              PRF      `json:"quotes"`
	DirectQuotes        PRF      `json:"direct_quotes"`
	AttributionAccuracy Rate     `json:"attribution_accuracy"`
	QuoteSpeaker        PRF      `json:"quote_speaker"`
	Entities            Entities `json:"entities"`
	Times               PRF      `json:"times"`
}

// Entities holds the entity scores overall and per type (GPE counts as LOC).
type Entities struct {
	All    PRF `json:"ALL"`
	Person PRF `json:"PERSON"`
	Org    PRF `json:"ORG"`
	Loc    PRF `json:"LOC"`
	NORP   PRF `json:"NORP"`
}

// PRF is precision, recall and F1 with the counts they come from.
type PRF struct {
	Precision Rate `json:"precision"`
	Recall    Rate `json:"recall"`
	F1        Rate `json:"f1"`
	TP        int  `json:"tp"`
	System    int  `json:"system"`
	Gold      int  `json:"gold"`
}

// Rate is a ratio rounded to 4 decimals. It marshals as Python prints a
// float (1.0, not 1), so that JSON output matches score.py's byte for byte.
type Rate float64

// MarshalJSON writes r as Python's repr.
func (r Rate) MarshalJSON() ([]byte, error) { return []byte(pyFloat(float64(r))), nil }

// round4 is Python's round(x, 4): correctly rounded from the exact binary
// value (ties to even), then the nearest float64 to that decimal.
func round4(x float64) Rate {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return Rate(x)
	}
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return Rate(f)
}

// tally counts true positives, system items and gold items.
type tally struct{ tp, sys, gold int }

func (t *tally) add(tp, sys, gold int) { t.tp += tp; t.sys += sys; t.gold += gold }

func (t tally) prf() PRF {
	var p, r, f float64
	if t.sys > 0 {
		p = float64(t.tp) / float64(t.sys)
	}
	if t.gold > 0 {
		r = float64(t.tp) / float64(t.gold)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{Precision: round4(p), Recall: round4(r), F1: round4(f), TP: t.tp, System: t.sys, Gold: t.gold}
}

// Quote is a quote as the scorer sees it, for error listings.
type Quote struct {
	Kind    string
	Content string
	// Speaker is the resolved speaker name; Mention the speaker as written
	// (system quotes only).
	Speaker, Mention string
}

// Pair is a system quote matched to a gold quote.
type Pair struct {
	System, Gold Quote
	F1           float64 // word-level F1 of their contents
}

// Diff lists where the system's quotes differ from one gold article's.
type Diff struct {
	ID           string
	Missed       []Quote // gold quotes no system quote matched
	Spurious     []Quote // system quotes that matched no gold quote
	WrongSpeaker []Pair  // matched quotes whose speaker is wrong
}

// Empty reports whether the system got the article's quotes all right.
func (d *Diff) Empty() bool {
	return len(d.Missed) == 0 && len(d.Spurious) == 0 && len(d.WrongSpeaker) == 0
}

// Score scores system against gold as score.py does. Gold articles missing
// from system count as empty output; system articles not in gold are
// ignored. The diffs list, per gold article in gold order, the quote
// errors. An error names the article and the field whose type score.py
// could not have read.
func Score(gold, system *Set) (*Result, []Diff, error) {
	var sc scorer
	diffs := make([]Diff, 0, gold.Len())
	for _, id := range gold.IDs() {
		sys := system.Record(id)
		if sys == nil {
			sys = map[string]any{}
		}
		d, err := sc.article(id, gold.Record(id), sys)
		if err != nil {
			return nil, nil, fmt.Errorf("article %q: %w", id, err)
		}
		diffs = append(diffs, d)
	}
	res := &Result{
		Articles:     gold.Len(),
		Quotes:       sc.quotes.prf(),
		DirectQuotes: sc.direct.prf(),
		QuoteSpeaker: sc.quoteSpeaker.prf(),
		Entities: Entities{
			All:    sc.ents[0].prf(),
			Person: sc.ents[1].prf(),
			Org:    sc.ents[2].prf(),
			Loc:    sc.ents[3].prf(),
			NORP:   sc.ents[4].prf(),
		},
		Times: sc.times.prf(),
	}
	if sc.attributed > 0 {
		res.AttributionAccuracy = round4(float64(sc.attributedOK) / float64(sc.attributed))
	}
	return res, diffs, nil
}

// entityTypes are the per-type entity tallies after ALL, in score.py's order.
var entityTypes = [...]string{"PERSON", "ORG", "LOC", "NORP"}

type scorer struct {
	quotes, quoteSpeaker, direct tally
	ents                         [1 + len(entityTypes)]tally
	times                        tally
	attributed, attributedOK     int
}

// quote is a system or gold quote prepared for matching.
type quote struct {
	Quote
	words  []string
	direct bool
	// gold is the gold speaker as written in the file, whose truthiness
	// decides whether a speaker is wanted at all.
	gold any
	// err is a content score.py could not read. Like score.py, which
	// reads gold contents only when comparing them, it is reported only
	// when the quote is compared.
	err error
}

func (sc *scorer) article(id string, g, s map[string]any) (Diff, error) {
	diff := Diff{ID: id}
	sq, err := systemQuotes(s)
	if err != nil {
		return diff, err
	}
	gq, err := goldQuotes(g)
	if err != nil {
		return diff, err
	}
	var simErr error
	byContent := func(a, b []quote) func(i, j int) float64 {
		return func(i, j int) float64 {
			if err := cmp.Or(a[i].err, b[j].err); err != nil {
				simErr = cmp.Or(simErr, err)
				return 0
			}
			return wordF1(a[i].words, b[j].words)
		}
	}
	pairs := matchPairs(len(sq), len(gq), byContent(sq, gq), 0.5)
	if simErr != nil {
		return diff, simErr
	}
	sc.quotes.add(len(pairs), len(sq), len(gq))
	ok := 0
	usedS, usedG := make([]bool, len(sq)), make([]bool, len(gq))
	for _, p := range pairs {
		i, j := p[0], p[1]
		usedS[i], usedG[j] = true, true
		right, err := speakerOK(&sq[i], &gq[j])
		if err != nil {
			return diff, fmt.Errorf("quotes[%d]: %w", j, err)
		}
		if right {
			ok++
		} else {
			diff.WrongSpeaker = append(diff.WrongSpeaker, Pair{System: sq[i].Quote, Gold: gq[j].Quote, F1: wordF1(sq[i].words, gq[j].words)})
		}
	}
	for i := range sq {
		if !usedS[i] {
			diff.Spurious = append(diff.Spurious, sq[i].Quote)
		}
	}
	for j := range gq {
		if !usedG[j] {
			diff.Missed = append(diff.Missed, gq[j].Quote)
		}
	}
	sc.quoteSpeaker.add(ok, len(sq), len(gq))
	sc.attributed += len(pairs)
	sc.attributedOK += ok

	sd, gd := directOnly(sq), directOnly(gq)
	sc.direct.add(len(matchPairs(len(sd), len(gd), byContent(sd, gd), 0.5)), len(sd), len(gd))
	if simErr != nil {
		return diff, simErr
	}

	if err := sc.entities(g, s); err != nil {
		return diff, err
	}
	if truthy(g["published"]) {
		if err := sc.timex(g, s); err != nil {
			return diff, err
		}
	}
	return diff, nil
}

func systemQuotes(s map[string]any) ([]quote, error) {
	items, err := list(s["quotes"], "system quotes")
	if err != nil {
		return nil, err
	}
	out := make([]quote, len(items))
	for i, it := range items {
		q, err := object(it, fmt.Sprintf("system quotes[%d]", i))
		if err != nil {
			return nil, err
		}
		kind, has := q["kind"]
		if !has {
			kind = ""
		}
		out[i].Content = textOf(q["content"], "text")
		out[i].Speaker = textOf(q["speaker"], "name")
		out[i].Mention = speakerMention(q["speaker"])
		out[i].Kind, _ = kind.(string)
		out[i].direct = kind == "direct"
		out[i].words = words(out[i].Content)
	}
	return out, nil
}

func goldQuotes(g map[string]any) ([]quote, error) {
	items, err := list(g["quotes"], "gold quotes")
	if err != nil {
		return nil, err
	}
	out := make([]quote, len(items))
	for i, it := range items {
		what := fmt.Sprintf("gold quotes[%d]", i)
		q, err := object(it, what)
		if err != nil {
			return nil, err
		}
		kind, has := q["kind"]
		if !has {
			return nil, fmt.Errorf(`%s has no "kind"`, what)
		}
		if content, has := q["content"]; !has {
			out[i].err = fmt.Errorf(`%s has no "content"`, what)
		} else {
			out[i].Content, out[i].err = str(content, what+".content")
		}
		out[i].Kind, _ = kind.(string)
		out[i].direct = kind == "direct"
		out[i].gold = q["speaker"]
		out[i].Speaker, _ = q["speaker"].(string)
		out[i].words = words(out[i].Content)
	}
	return out, nil
}

func directOnly(qs []quote) []quote {
	var out []quote
	for _, q := range qs {
		if q.direct {
			out = append(out, q)
		}
	}
	return out
}

// speakerOK is score.py's speaker_ok(): the resolved name or the mention as
// written names the gold source; a gold quote with no source wants none.
func speakerOK(s, g *quote) (bool, error) {
	if !truthy(g.gold) {
		return s.Speaker == "", nil
	}
	gs, ok := g.gold.(string)
	if !ok {
		return false, fmt.Errorf("gold speaker: want a string, got %s", typeName(g.gold))
	}
	return sameSpeaker(s.Speaker, gs) || sameSpeaker(s.Mention, gs), nil
}

// matchPairs is score.py's match_pairs(): all pairs whose similarity
// reaches threshold, taken greedily one-to-one in descending order of
// (similarity, system index, gold index), as Python sorts the tuples.
func matchPairs(nSys, nGold int, sim func(i, j int) float64, threshold float64) [][2]int {
	type cand struct {
		v    float64
		i, j int
	}
	var cands []cand
	for i := 0; i < nSys; i++ {
		for j := 0; j < nGold; j++ {
			if v := sim(i, j); v >= threshold {
				cands = append(cands, cand{v, i, j})
			}
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.v, a.v); c != 0 {
			return c
		}
		if c := cmp.Compare(b.i, a.i); c != 0 {
			return c
		}
		return cmp.Compare(b.j, a.j)
	})
	usedS, usedG := make([]bool, nSys), make([]bool, nGold)
	var out [][2]int
	for _, c := range cands {
		if usedS[c.i] || usedG[c.j] {
			continue
		}
		usedS[c.i], usedG[c.j] = true, true
		out = append(out, [2]int{c.i, c.j})
	}
	return out
}

// normType is score.py's norm_type(): upper case, with every kind of place
// as LOC.
func normType(t string) string {
	t = upper(t)
	switch t {
	case "GPE", "LOC", "LOCATION", "PLACE":
		return "LOC"
	}
	return t
}

// entity is a deduplicated entity: its normalised type and name tokens.
type entity struct {
	typ  string
	name []string
}

// dedupeEntities is score.py's dedupe(): distinct (type, name) after
// normalisation, first occurrence kept, nameless ones dropped.
func dedupeEntities(v any, what string) ([]entity, error) {
	items, err := list(v, what)
	if err != nil {
		return nil, err
	}
	seen := map[[2]string]bool{}
	var out []entity
	for i, it := range items {
		w := fmt.Sprintf("%s[%d]", what, i)
		e, err := object(it, w)
		if err != nil {
			return nil, err
		}
		typ, err := str(e["type"], w+".type")
		if err != nil {
			return nil, err
		}
		nameVal := e["name"] // e.get("name") or e.get("text") or ""
		if !truthy(nameVal) {
			nameVal = e["text"]
		}
		name, err := str(nameVal, w+".name")
		if err != nil {
			return nil, err
		}
		ent := entity{typ: normType(typ), name: nameTokens(name)}
		key := [2]string{ent.typ, strings.Join(ent.name, " ")}
		if key[1] == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, ent)
	}
	return out, nil
}

// entityMatch is score.py's entity_match().
func entityMatch(s, g entity) float64 {
	if s.typ != g.typ || len(s.name) == 0 || len(g.name) == 0 {
		return 0
	}
	if slices.Equal(s.name, g.name) {
		return 1
	}
	if g.typ == "PERSON" && s.name[len(s.name)-1] == g.name[len(g.name)-1] {
		return 0.9
	}
	return 0
}

func (sc *scorer) entities(g, s map[string]any) error {
	se, err := dedupeEntities(s["entities"], "system entities")
	if err != nil {
		return err
	}
	ge, err := dedupeEntities(g["entities"], "gold entities")
	if err != nil {
		return err
	}
	for k := range sc.ents {
		st, gt := se, ge
		if k > 0 {
			st, gt = ofType(se, entityTypes[k-1]), ofType(ge, entityTypes[k-1])
		}
		n := len(matchPairs(len(st), len(gt), func(i, j int) float64 { return entityMatch(st[i], gt[j]) }, 0.5))
		sc.ents[k].add(n, len(st), len(gt))
	}
	return nil
}

func ofType(es []entity, t string) []entity {
	var out []entity
	for _, e := range es {
		if e.typ == t {
			out = append(out, e)
		}
	}
	return out
}

// timex is a time expression prepared for matching.
type timex struct {
	words map[string]bool
	value string // str(value).strip(), or a marker for a structured value
	// err is a time score.py could not read; like score.py, which reads
	// texts only when comparing times, it is reported only then.
	err error
}

func times(v any, what string, valued bool) ([]timex, error) {
	items, err := list(v, what)
	if err != nil {
		return nil, err
	}
	var out []timex
	for i, it := range items {
		w := fmt.Sprintf("%s[%d]", what, i)
		t, err := object(it, w)
		if err != nil {
			if valued { // score.py filters system times on t.get("value") at once
				return nil, err
			}
			out = append(out, timex{err: err})
			continue
		}
		if valued && !truthy(t["value"]) {
			continue
		}
		var tx timex
		text, err := str(t["text"], w+".text")
		if err != nil {
			tx.err = err
			out = append(out, tx)
			continue
		}
		tx.words = map[string]bool{}
		for _, wd := range words(text) {
			tx.words[wd] = true
		}
		if tx.value, err = pyStr(t["value"]); err != nil {
			// Python would compare the repr of a list or object; no real
			// value is one, so such a value equals only the same structure.
			b, _ := json.Marshal(t["value"])
			tx.value = "\x00" + string(b)
		}
		tx.value = strip(tx.value)
		out = append(out, tx)
	}
	return out, nil
}

func (sc *scorer) timex(g, s map[string]any) error {
	st, err := times(s["times"], "system times", true)
	if err != nil {
		return err
	}
	gt, err := times(g["times"], "gold times", false)
	if err != nil {
		return err
	}
	var simErr error
	sim := func(i, j int) float64 {
		if err := cmp.Or(st[i].err, gt[j].err); err != nil {
			simErr = cmp.Or(simErr, err)
			return 0
		}
		for w := range st[i].words {
			if gt[j].words[w] {
				if st[i].value == gt[j].value {
					return 1
				}
				return 0
			}
		}
		return 0
	}
	sc.times.add(len(matchPairs(len(st), len(gt), sim, 0.5)), len(st), len(gt))
	return simErr
}
