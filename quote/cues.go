// Package quote finds attributed statements (direct, mixed and indirect
// quotes) with their cue, speaker and content, and resolves the speaker
// within the document.
package quote

import (
	"bufio"
	_ "embed"
	"strings"
)

//go:embed data/cues.txt
var cueData string

// cue is a reporting verb form's lexicon entry.
type cue struct {
	lemma  string
	belief bool // cognition verbs (believe, fear): weaker evidence of a statement
	past   bool // a past form that may also be a participle (said, claimed)
	ing    bool
}

// cues maps every inflected form (lower case) to its entry.
var cues = loadCues()

func loadCues() map[string]cue {
	m := map[string]cue{}
	sc := bufio.NewScanner(strings.NewReader(cueData))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		belief := f[len(f)-1] == "~"
		if belief {
			f = f[:len(f)-1]
		}
		lemma := f[0]
		var forms [5]string // lemma, 3sg, past, participle, gerund
		if len(f) == 5 {
			copy(forms[:], f)
		} else {
			forms = inflect(lemma)
		}
		for i, form := range forms {
			if _, dup := m[form]; dup && i == 0 {
				continue
			}
			m[form] = cue{lemma: lemma, belief: belief, past: i == 2 || i == 3, ing: i == 4}
		}
	}
	return m
}

// inflect makes the regular forms of an English verb.
func inflect(v string) [5]string {
	n := len(v)
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "o"):
		s = v + "es"
	case n > 1 && v[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(v[n-2])):
		s = v[:n-1] + "ies"
	default:
		s = v + "s"
	}
	switch {
	case strings.HasSuffix(v, "e"):
		ed, ing = v+"d", v[:n-1]+"ing"
	case n > 1 && v[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(v[n-2])):
		ed, ing = v[:n-1]+"ied", v+"ing"
	default:
		ed, ing = v+"ed", v+"ing"
	}
	return [5]string{v, s, ed, ed, ing}
}
