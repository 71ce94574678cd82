// Command mkfirst derives entity/data/firstnames.txt: words that begin
// multi-word person names in open NER corpora (GMB, Voice of America news,
// ODbL; WikiGold, BTC and WNUT-17, CC BY 4.0), at least twice, leaving out
// titles and common lower-case words.
//
//	go run ./entity/internal/mkfirst ../shared/data/ner > entity/data/firstnames.txt
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"newsgraph/ner/corpus"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mkfirst NER_DATA_DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	count := map[string]int{}
	// A sentence as (word, tag) pairs; tags are IOB with a "per"/"PER" type.
	add := func(words, tags []string) {
		for i := 0; i+1 < len(words); i++ {
			t, n := strings.ToLower(tags[i]), strings.ToLower(tags[i+1])
			if (strings.HasSuffix(t, "-per") || strings.HasSuffix(t, "-person")) && (strings.HasPrefix(t, "b-") || i == 0 || !strings.HasSuffix(strings.ToLower(tags[i-1]), "-per")) &&
				(n == "i-per" || n == "i-person") {
				count[words[i]]++
			}
		}
	}
	for _, f := range []struct {
		path string
		read func(io.Reader, string) ([]corpus.Sentence, error)
	}{
		{"gmb-kaggle/ner_dataset.csv", corpus.ReadGMB},
		{"wikigold/wikigold.conll.txt", corpus.ReadCoNLL},
		{"btc/a.conll", corpus.ReadCoNLL}, {"btc/b.conll", corpus.ReadCoNLL}, {"btc/e.conll", corpus.ReadCoNLL},
		{"btc/f.conll", corpus.ReadCoNLL}, {"btc/g.conll", corpus.ReadCoNLL}, {"btc/h.conll", corpus.ReadCoNLL},
		{"wnut17/wnut17train.conll", corpus.ReadCoNLL},
	} {
		r, err := os.Open(filepath.Join(dir, f.path))
		if err != nil {
			fail(err)
		}
		sents, err := f.read(r, f.path)
		r.Close()
		if err != nil {
			fail(err)
		}
		for _, s := range sents {
			add(s.Words, s.Tags)
		}
	}
	skip := map[string]bool{}
	for _, w := range strings.Fields(`President Prime Minister Mr Mrs Ms Dr Secretary General Senator
		King Queen Prince Pope Chancellor Governor Judge Lord Lady Sir Foreign Defense Defence Vice
		Chief Army Colonel Major Captain Former Deputy Ambassador Commander Sheikh Cardinal
		Archbishop Bishop Mayor Lieutenant Interior Opposition Saint St Premier Admiral Sergeant`) {
		skip[w] = true
	}
	var names []string
	for w, n := range count {
		r := []rune(w)
		if n >= 2 && len(r) > 1 && unicode.IsUpper(r[0]) && !skip[w] && !strings.ContainsAny(w, ".") {
			names = append(names, w)
		}
	}
	sort.Strings(names)
	fmt.Println("# Given names: words that begin multi-word person names at least twice in GMB (ODbL 1.0),")
	fmt.Println("# WikiGold, BTC and WNUT-17 (CC BY 4.0). Regenerate: go run ./entity/internal/mkfirst NER_DATA_DIR")
	for _, w := range names {
		fmt.Println(w)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
