package main

import (
	"fmt"
	"io"
	"runtime"
	"sync"

	flag "github.com/spf13/pflag"

	"newsgraph/doc"
	"newsgraph/eval"
	"newsgraph/pipeline"
	"newsgraph/web/extracteval"
)

func init() {
	register("eval", "score the analysis against gold annotations (as shared/tools/score.py)", runEval)
}

func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph eval --gold GOLD.jsonl [--gold MORE.jsonl] [--system SYS.jsonl] [--json] [--errors]\n"+
			"       newsgraph eval --extraction DIR\n\n"+
			"Analyses the gold articles (id, text, published of each gold line) and scores the\n"+
			"analysis as shared/tools/score.py does; with --system, scores that file instead.\n"+
			"With --extraction, scores web-page extraction on a trafilatura-eval style corpus:\n"+
			"segment precision, recall and F1, title, author and date accuracy, and glued sentences.\n\nflags:")
		fs.PrintDefaults()
	}
	var (
		goldPaths  []string
		systemPath string
		asJSON     bool
		errs       bool
		workers    int
		extraction string
	)
	fs.StringVar(&extraction, "extraction", "", "score web-page extraction on the corpus in `DIR` (pages and gold segments)")
	fs.StringArrayVar(&goldPaths, "gold", nil, "gold annotations `FILE` (JSON Lines); repeat to pool several")
	fs.StringVar(&systemPath, "system", "", "score this `FILE` of analysis records instead of analysing")
	fs.BoolVar(&asJSON, "json", false, "print the scores as JSON (as score.py --json)")
	fs.BoolVar(&errs, "errors", false, "list per article the missed and spurious quotes and wrong speakers (to stderr with --json)")
	fs.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "analysis workers")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		// pflag reports nothing itself under ContinueOnError.
		fmt.Fprintf(stderr, "newsgraph eval: %v\n", err)
		fs.Usage()
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "newsgraph eval: %v\n", err)
		return 1
	}
	if extraction != "" && len(goldPaths) == 0 && fs.NArg() == 0 {
		if err := extracteval.Run(extraction, stdout); err != nil {
			return fail(err)
		}
		return 0
	}
	if len(goldPaths) == 0 || fs.NArg() > 0 || extraction != "" {
		fs.Usage()
		return 2
	}

	gold := eval.NewSet()
	for _, p := range goldPaths {
		if err := gold.ReadFile(p); err != nil {
			return fail(err)
		}
	}
	system := eval.NewSet()
	if systemPath != "" {
		if err := system.ReadFile(systemPath); err != nil {
			return fail(err)
		}
	} else {
		docs, err := gold.Documents()
		if err != nil {
			return fail(err)
		}
		if err := analyzeDocs(docs, workers); err != nil {
			return fail(err)
		}
		for _, d := range docs {
			if err := system.AddRecord(d.Record()); err != nil {
				return fail(err)
			}
		}
	}

	res, diffs, err := eval.Score(gold, system)
	if err != nil {
		return fail(err)
	}
	if errs {
		w := stdout
		if asJSON {
			w = stderr
		}
		if err := eval.WriteDiffs(w, diffs); err != nil {
			return fail(err)
		}
	}
	if asJSON {
		err = eval.WriteJSON(stdout, res)
	} else {
		err = eval.WriteText(stdout, res)
	}
	if err != nil {
		return fail(err)
	}
	return 0
}

// analyzeDocs runs the pipeline over docs on a pool of workers. A panic in
// a stage is reported as an error naming the article.
func analyzeDocs(docs []*doc.Document, workers int) error {
	p := pipeline.New()
	next := make(chan *doc.Document)
	errc := make(chan error, len(docs))
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for d := range next {
				func() {
					defer func() {
						if v := recover(); v != nil {
							errc <- fmt.Errorf("analysing %q: internal error: %v", d.ID, v)
						}
					}()
					p.Analyze(d)
				}()
			}
		})
	}
	for _, d := range docs {
		next <- d
	}
	close(next)
	wg.Wait()
	close(errc)
	return <-errc // nil when no worker failed
}
