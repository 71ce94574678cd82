// Command mkfirst derives entity/data/firstnames.txt: words that begin
// multi-word person names in open NER corpora (GMB, Voice of America news,
// ODbL; WikiGold, BTC and WNUT-17, CC BY 4.0), at least twice, leaving out
// titles and common lower-case words.
//
//	go run ./entity/internal/mkfirst ../shared/data/ner > entity/data/firstnames.txt
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
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
	if err := readGMB(filepath.Join(dir, "gmb-kaggle", "ner_dataset.csv"), add); err != nil {
		fail(err)
	}
	for _, f := range []string{"wikigold/wikigold.conll.txt", "btc/a.conll", "btc/b.conll", "btc/e.conll",
		"btc/f.conll", "btc/g.conll", "btc/h.conll", "wnut17/wnut17train.conll"} {
		if err := readCoNLL(filepath.Join(dir, f), add); err != nil {
			fail(err)
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

// readGMB reads the Kaggle GMB CSV (Latin-1): "Sentence: N" starts a sentence.
func readGMB(path string, add func(words, tags []string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(latin1{bufio.NewReader(f)})
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var words, tags []string
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if first || len(rec) < 4 {
			continue
		}
		if rec[0] != "" && len(words) > 0 {
			add(words, tags)
			words, tags = words[:0], tags[:0]
		}
		words, tags = append(words, rec[1]), append(tags, rec[3])
	}
	return nil
}

// readCoNLL reads "word tag" lines with blank lines between sentences.
func readCoNLL(path string, add func(words, tags []string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var words, tags []string
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			if len(words) > 0 {
				add(words, tags)
			}
			words, tags = words[:0], tags[:0]
			continue
		}
		words, tags = append(words, fs[0]), append(tags, fs[len(fs)-1])
	}
	if len(words) > 0 {
		add(words, tags)
	}
	return sc.Err()
}

// latin1 decodes ISO-8859-1 bytes to UTF-8.
type latin1 struct{ r *bufio.Reader }

func (l latin1) Read(p []byte) (int, error) {
	n := 0
	for n+1 < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			return n, err
		}
		if b < 0x80 {
			p[n] = b
			n++
		} else {
			p[n], p[n+1] = 0xC0|b>>6, 0x80|b&0x3F
			n += 2
		}
	}
	return n, nil
}
