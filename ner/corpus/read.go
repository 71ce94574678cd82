package corpus

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

func newScanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	return sc
}

// ReadCoNLL reads a whitespace-separated column file: one token a line, the
// word in column 0 and the tag in the last column, blank lines between
// sentences and "-DOCSTART-" lines between documents. IOB1 tags are
// rewritten as IOB2. name is used in errors.
func ReadCoNLL(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	docStart := true
	flush := func() {
		if len(cur.Words) > 0 {
			toIOB2(cur.Tags)
			cur.DocStart = docStart
			docStart = false
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := newScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		var f []string
		if strings.Contains(text, "\t") {
			f = strings.Split(strings.TrimRight(text, "\t\r"), "\t")
		} else {
			f = strings.Fields(text)
		}
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flush()
			docStart = true
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("%s:%d: want a word and a tag, got %q", name, line, sc.Text())
		}
		tag, err := checkTag(f[len(f)-1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if w := strings.TrimSpace(f[0]); w != "" {
			cur.Words = append(cur.Words, w)
			cur.Tags = append(cur.Tags, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	return out, nil
}

func checkTag(t string) (string, error) {
	if t == "O" {
		return t, nil
	}
	p, label, ok := strings.Cut(t, "-")
	if !ok || (p != "B" && p != "I") || label == "" {
		return "", fmt.Errorf("bad tag %q", t)
	}
	return t, nil
}

// ReadUNER reads a Universal NER file: "#" comment lines ("# newdoc id"
// starts a document), then tab-separated index, word, IOB2 tag, ... lines.
func ReadUNER(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	docStart := false
	flush := func() {
		if len(cur.Words) > 0 {
			cur.DocStart = docStart || len(out) == 0
			docStart = false
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := newScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case strings.TrimSpace(s) == "":
			flush()
			continue
		case strings.HasPrefix(s, "#"):
			if strings.HasPrefix(s, "# newdoc") {
				flush()
				docStart = true
			}
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want at least 3 tab-separated fields", name, line)
		}
		tag, err := checkTag(f[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		cur.Words = append(cur.Words, f[1])
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	return out, nil
}

// ReadGMB reads the GMB-derived Kaggle CSV (header "Sentence #,Word,POS,Tag",
// Latin-1, "Sentence: N" in the first column of each sentence's first row).
// Every sentence is its own document: the file keeps no article boundaries.
func ReadGMB(r io.Reader, name string) ([]Sentence, error) {
	cr := csv.NewReader(latin1Reader{bufio.NewReader(r)})
	cr.FieldsPerRecord = 4
	cr.ReuseRecord = true
	if _, err := cr.Read(); err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	var out []Sentence
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if rec[0] != "" {
			if !strings.HasPrefix(rec[0], "Sentence:") {
				return nil, fmt.Errorf("%s: bad sentence marker %q", name, rec[0])
			}
			out = append(out, Sentence{DocStart: true})
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("%s: token before the first sentence marker", name)
		}
		tag, err := checkTag(rec[3])
		if err != nil {
			line, _ := cr.FieldPos(3)
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		s := &out[len(out)-1]
		s.Words = append(s.Words, strings.Clone(rec[1]))
		s.Tags = append(s.Tags, tag)
	}
	return out, nil
}

// latin1Reader decodes ISO-8859-1 to UTF-8.
type latin1Reader struct{ r *bufio.Reader }

func (l latin1Reader) Read(p []byte) (int, error) {
	n := 0
	for n+utf8.UTFMax <= len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		n += utf8.EncodeRune(p[n:], rune(b))
	}
	return n, nil
}

// ReadGUM reads a GUM CoNLL-U file and keeps the named mentions of people,
// places and organisations: GUM annotates every mention (pronouns and
// descriptions too), so a mention counts as a name when, after a leading
// determiner, it starts and ends with a proper noun (UPOS PROPN). Nested
// names inside a kept one are dropped. Labels are GUM's: person, place,
// organization.
func ReadGUM(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	type open struct {
		id, etype string
		first     int
	}
	var (
		words, upos []string
		stack       []open
		spans       []Span
		docStart    bool
	)
	flush := func() {
		if len(words) == 0 {
			return
		}
		s := Sentence{Words: words, Tags: make([]string, len(words)), DocStart: docStart || len(out) == 0}
		docStart = false
		for i := range s.Tags {
			s.Tags[i] = "O"
		}
		for _, sp := range outermost(gumNames(spans, words, upos)) {
			s.Tags[sp.First] = "B-" + sp.Label
			for i := sp.First + 1; i < sp.Last; i++ {
				s.Tags[i] = "I-" + sp.Label
			}
		}
		out = append(out, s)
		words, upos, spans = nil, nil, nil
	}
	sc := newScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" {
			flush()
			continue
		}
		if strings.HasPrefix(s, "#") {
			if strings.HasPrefix(s, "# newdoc") {
				flush()
				docStart = true
			}
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 fields, got %d", name, line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multi-word token ranges and empty nodes
		}
		if _, err := strconv.Atoi(f[0]); err != nil {
			return nil, fmt.Errorf("%s:%d: bad token index %q", name, line, f[0])
		}
		i := len(words)
		words = append(words, f[1])
		upos = append(upos, f[3])
		ent := misc(f[9], "Entity")
		for j := 0; j < len(ent); {
			switch c := ent[j]; {
			case c == '(':
				k := j + 1
				for k < len(ent) && ent[k] != '(' && ent[k] != ')' {
					k++
				}
				id, rest, _ := strings.Cut(ent[j+1:k], "-")
				etype, _, _ := strings.Cut(rest, "-")
				if k < len(ent) && ent[k] == ')' {
					spans = append(spans, Span{i, i + 1, etype})
					k++
				} else {
					stack = append(stack, open{id, etype, i})
				}
				j = k
			case c >= '0' && c <= '9':
				k := j
				for k < len(ent) && ent[k] >= '0' && ent[k] <= '9' {
					k++
				}
				id := ent[j:k]
				for m := len(stack) - 1; m >= 0; m-- {
					if stack[m].id == id {
						if stack[m].first <= i {
							spans = append(spans, Span{stack[m].first, i + 1, stack[m].etype})
						}
						stack = append(stack[:m], stack[m+1:]...)
						break
					}
				}
				j = k + 1
			default:
				j++
			}
		}
		// Mentions never cross sentences; forget any the file leaves open.
		_ = stack
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	return out, nil
}

// misc returns the value of key in a CoNLL-U MISC field.
func misc(field, key string) string {
	for _, kv := range strings.Split(field, "|") {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// gumNames keeps the person/place/organization spans that are names and
// trims a leading determiner off them.
func gumNames(spans []Span, words, upos []string) []Span {
	var out []Span
	for _, s := range spans {
		if s.Label != "person" && s.Label != "place" && s.Label != "organization" {
			continue
		}
		if s.First < 0 || s.Last > len(words) || s.First >= s.Last {
			continue
		}
		if upos[s.First] == "DET" {
			s.First++
		}
		if s.First >= s.Last || upos[s.First] != "PROPN" || upos[s.Last-1] != "PROPN" {
			continue
		}
		out = append(out, s)
	}
	return out
}

// outermost drops spans that overlap a longer (or earlier equal) span.
func outermost(spans []Span) []Span {
	var out []Span
	for i, s := range spans {
		keep := true
		for j, o := range spans {
			if i == j || o.Last <= s.First || s.Last <= o.First {
				continue
			}
			ol, sl := o.Last-o.First, s.Last-s.First
			if ol > sl || (ol == sl && j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	// Sort by position: GUM closes mentions in nesting order, not text order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].First < out[j-1].First; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
