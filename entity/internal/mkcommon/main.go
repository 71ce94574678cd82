// Command mkcommon derives entity/data/common.txt: words that a news corpus
// writes in lower case far more often than capitalised mid-sentence. A
// capitalised sentence opener that is a common word ("However", "Some") is
// not the start of a name.
//
//	go run ./entity/internal/mkcommon ../shared/corpus/bbc > entity/data/common.txt
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"newsgraph/doc"
	"newsgraph/text"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mkcommon CORPUS_DIR")
		os.Exit(2)
	}
	lower, upper := map[string]int{}, map[string]int{}
	tz := text.NewTokenizer()
	err := filepath.WalkDir(os.Args[1], func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		d := &doc.Document{Text: text.Clean(string(raw))}
		tz.Tokenize(d)
		text.Segment(d)
		for i, t := range d.Tokens {
			if t.Kind != doc.Word || t.Is(doc.SentStart) || i > 0 && d.Tokens[i-1].Kind == doc.Quote {
				continue
			}
			switch {
			case t.Is(doc.Lower):
				lower[t.Lower]++
			case t.Is(doc.Upper):
				upper[t.Lower]++
			}
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var words []string
	for w, n := range lower {
		if n >= 3 && n > 4*upper[w] {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	fmt.Println("# Words written in lower case far more often than capitalised mid-sentence in the")
	fmt.Println("# BBC News corpus (2004-05, MIT licence). Regenerate: go run ./entity/internal/mkcommon CORPUS_DIR")
	for _, w := range words {
		fmt.Println(w)
	}
}
