// Package extracteval scores the web extractor on trafilatura's evaluation
// corpus: segment precision/recall/F1, title/author/date accuracy, and the
// rate of sentences glued together by extraction.
package extracteval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"

	"newsgraph/web"
)

// Entry is one page of the corpus (evaldata.json).
type Entry struct {
	URL     string   `json:"-"`
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
	// Title, Author and Date are nil when the page has no metadata labels.
	Title  *string `json:"title"`
	Author any     `json:"author"` // a string, a list of strings or null
	Date   *string `json:"date"`
}

// GoldAuthor returns the gold author string, a list joined with "; " as
// upstream eval_authors.py does.
func (e *Entry) GoldAuthor() string {
	switch a := e.Author.(type) {
	case string:
		return a
	case []any:
		var parts []string
		for _, x := range a {
			if s, ok := x.(string); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "; ")
	}
	return ""
}

// Load reads dir/evaldata.json, entries sorted by URL.
func Load(dir string) ([]Entry, error) {
	name := filepath.Join(dir, "evaldata.json")
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var m map[string]Entry
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]Entry, 0, len(m))
	for u, e := range m {
		e.URL = u
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out, nil
}

// Result is the score of a set of pages. Metadata accuracies count pages with
// a non-empty gold label only.
type Result struct {
	Pages, Failed     int
	TP, FP, FN, TN    int
	Titles, TitleOK   int
	Authors, AuthorOK int
	Dates, DateOK     int
	Words, Glues      int
}

func (r *Result) add(o Result) {
	r.Pages += o.Pages
	r.Failed += o.Failed
	r.TP += o.TP
	r.FP += o.FP
	r.FN += o.FN
	r.TN += o.TN
	r.Titles += o.Titles
	r.TitleOK += o.TitleOK
	r.Authors += o.Authors
	r.AuthorOK += o.AuthorOK
	r.Dates += o.Dates
	r.DateOK += o.DateOK
	r.Words += o.Words
	r.Glues += o.Glues
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (r Result) Precision() float64 { return ratio(r.TP, r.TP+r.FP) }
func (r Result) Recall() float64    { return ratio(r.TP, r.TP+r.FN) }
func (r Result) F1() float64        { return ratio(2*r.TP, 2*r.TP+r.FP+r.FN) }
func (r Result) Accuracy() float64  { return ratio(r.TP+r.TN, r.TP+r.TN+r.FP+r.FN) }

// GluesPer10k is the number of glued sentence boundaries per 10,000 words.
func (r Result) GluesPer10k() float64 { return 1e4 * ratio(r.Glues, r.Words) }

// Report writes the scores in the order the issue asks for.
func (r Result) Report(w io.Writer) {
	fmt.Fprintf(w, "pages\t%d (extraction failed or empty: %d)\n", r.Pages, r.Failed)
	fmt.Fprintf(w, "segments\tTP %d FP %d FN %d TN %d\n", r.TP, r.FP, r.FN, r.TN)
	fmt.Fprintf(w, "precision\t%.3f\nrecall\t%.3f\nF1\t%.3f\naccuracy\t%.3f\n", r.Precision(), r.Recall(), r.F1(), r.Accuracy())
	fmt.Fprintf(w, "title exact\t%.3f (%d/%d)\n", ratio(r.TitleOK, r.Titles), r.TitleOK, r.Titles)
	fmt.Fprintf(w, "author exact\t%.3f (%d/%d)\n", ratio(r.AuthorOK, r.Authors), r.AuthorOK, r.Authors)
	fmt.Fprintf(w, "date exact\t%.3f (%d/%d)\n", ratio(r.DateOK, r.Dates), r.DateOK, r.Dates)
	fmt.Fprintf(w, "glues per 10k words\t%.2f (%d in %d words)\n", r.GluesPer10k(), r.Glues, r.Words)
}

// Score extracts one page and scores it against its entry. page is the
// file's bytes (gzipped or not).
func Score(e *Entry, page []byte) Result {
	r := Result{Pages: 1}
	a, err := web.Extract(page, "", e.URL)
	var text string
	if err != nil {
		r.Failed = 1
		a = &web.Article{}
	} else {
		text = a.Text
	}
	flat := squash(text)
	for _, s := range e.With {
		if strings.Contains(flat, squash(s)) {
			r.TP++
		} else {
			r.FN++
		}
	}
	for _, s := range e.Without {
		if strings.Contains(flat, squash(s)) {
			r.FP++
		} else {
			r.TN++
		}
	}
	if e.Title != nil && *e.Title != "" {
		r.Titles++
		if a.Title == *e.Title {
			r.TitleOK++
		}
	}
	if g := e.GoldAuthor(); g != "" {
		r.Authors++
		if strings.Join(a.Authors, "; ") == g {
			r.AuthorOK++
		}
	}
	if e.Date != nil && *e.Date != "" {
		r.Dates++
		if !a.Published.IsZero() && a.Published.Format("2006-01-02") == *e.Date {
			r.DateOK++
		}
	}
	r.Words = len(strings.Fields(text))
	if text != "" {
		src := sourceText(page)
		r.Glues = len(Glues(text, src))
	}
	return r
}

// glue is a sentence end directly followed by a capital letter: two blocks
// or sentences run together.
var glue = regexp.MustCompile(`[a-z][.!?]["”]?[A-Z]`)

// Glues returns the glued sentence boundaries of text that src, the source
// page, does not itself contain (a URL or "U.S.A." glued in the source is
// not an extraction error).
func Glues(text, src string) []string {
	var out []string
	for _, m := range glue.FindAllString(text, -1) {
		if !strings.Contains(src, m) {
			out = append(out, m)
		}
	}
	return out
}

// sourceText is the page decoded to UTF-8, what glues are checked against.
func sourceText(page []byte) string {
	raw, err := web.Gunzip(page)
	if err != nil {
		return ""
	}
	s, err := web.ToUTF8(raw, "")
	if err != nil {
		return ""
	}
	return s
}

// squash collapses white-space runs to one space, as upstream does before
// matching segments.
func squash(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// Run scores every page of the corpus in dir (evaldata.json and html/*.gz)
// and writes the report to w.
func Run(dir string, w io.Writer) error {
	r, err := Evaluate(dir, runtime.GOMAXPROCS(0), nil)
	if err != nil {
		return err
	}
	r.Report(w)
	return nil
}

// Evaluate scores the corpus in dir with the given number of workers; each
// page's result is also passed to each (when not nil), in no set order.
func Evaluate(dir string, workers int, each func(*Entry, Result)) (Result, error) {
	entries, err := Load(dir)
	if err != nil {
		return Result{}, err
	}
	if len(entries) == 0 {
		return Result{}, errors.New(dir + ": no entries in evaldata.json")
	}
	var (
		total Result
		mu    sync.Mutex
		wg    sync.WaitGroup
		first error
	)
	jobs := make(chan *Entry)
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range jobs {
				name := filepath.Join(dir, "html", e.File+".gz")
				page, err := os.ReadFile(name)
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
				if err != nil {
					continue
				}
				r := Score(e, page)
				mu.Lock()
				total.add(r)
				if each != nil {
					each(e, r)
				}
				mu.Unlock()
			}
		}()
	}
	for i := range entries {
		jobs <- &entries[i]
	}
	close(jobs)
	wg.Wait()
	return total, first
}
