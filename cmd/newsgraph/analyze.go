package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"

	flag "github.com/spf13/pflag"

	"newsgraph/doc"
	"newsgraph/input"
	"newsgraph/pipeline"
)

func init() {
	register("analyze", "analyse articles: who said what, about whom, where and when", runAnalyze)
}

type analyzeOptions struct {
	output     string
	format     string
	stats      bool
	workers    int
	recognizer string
}

func runAnalyze(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph analyze [flags] INPUT...\n\n"+inputHelp+"\n\nflags:")
		fs.PrintDefaults()
	}
	var o analyzeOptions
	in := addInputFlags(fs)
	fs.StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of stdout")
	fs.StringVar(&o.format, "format", "jsonl", "output format: jsonl, json (pretty array) or text (readable report)")
	fs.BoolVar(&o.stats, "stats", false, "print articles, words, words/s and peak memory to stderr")
	fs.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "analysis workers")
	fs.StringVar(&o.recognizer, "recognizer", pipeline.Recognizers[0], "entity recogniser: "+strings.Join(pipeline.Recognizers, ", "))
	if code, ok := in.parse(fs, args, stderr); !ok {
		return code
	}
	if o.format != "jsonl" && o.format != "json" && o.format != "text" {
		fmt.Fprintf(stderr, "newsgraph analyze: unknown --format %q (jsonl, json or text)\n", o.format)
		return 2
	}
	rec, err := pipeline.Recognizer(o.recognizer)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph analyze: %v\n", err)
		return 2
	}
	p := pipeline.NewWith(rec)
	out := stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph analyze: %v\n", err)
			return 1
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	w := newRecordWriter(bw, o.format)

	var load float64
	if o.stats {
		// The model and the gazetteer load on first use; load them before
		// the clock starts, so that throughput and loading are reported
		// apart (each is a figure of its own).
		t := time.Now()
		p.Analyze(&doc.Document{Text: "Kremlin spokesman Dmitry Peskov said in Moscow on Wednesday that talks went well."})
		load = time.Since(t).Seconds()
	}
	start := time.Now()
	var articles, words, failed int
	err = analyzeAll(context.Background(), p, in, fs.Args(), o.workers, func(r result) error {
		if r.err != nil {
			failed++
			fmt.Fprintf(stderr, "newsgraph analyze: %s: %v\n", r.name, r.err)
			return nil
		}
		articles++
		words += r.words
		err := w.write(r.doc)
		p.Recycle(r.doc) // written: its token array can serve a later article
		return err
	})
	if err == nil {
		err = w.close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph analyze: writing output: %v\n", err)
		return 1
	}
	if o.stats {
		el := time.Since(start).Seconds()
		cpu := cpuSeconds()
		fmt.Fprintf(stderr, "model and gazetteer loaded in %.3fs; analysed %d articles (%d failed), %d words in %.3fs: %.0f words/s with %d workers; %.3f CPU s for the whole process (%.0f words per CPU second); peak RSS %d MB\n",
			load, articles, failed, words, el, float64(words)/el, o.workers, cpu, float64(words)/cpu, peakRSS()>>20)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// result is one analysed input, or the error that stopped it.
type result struct {
	name  string
	doc   *doc.Document
	words int
	err   error
}

// analyzeAll reads the inputs, analyses them on a pool of workers and hands
// the results to emit in input order. At most 2×workers articles are in
// flight, so memory does not grow with the number of inputs.
func analyzeAll(ctx context.Context, p *pipeline.Pipeline, in *inputs, args []string, workers int, emit func(result) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan input.Item, workers)
	go in.read(ctx, args, items)

	type job struct {
		item input.Item
		done chan result
	}
	jobs := make(chan job, workers)
	order := make(chan chan result, 2*workers)
	for range workers {
		go func() {
			for j := range jobs {
				j.done <- analyzeOne(p, j.item)
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(order)
		for it := range items {
			done := make(chan result, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return
			}
			jobs <- job{it, done}
		}
	}()
	for done := range order {
		if err := emit(<-done); err != nil {
			return err
		}
	}
	return nil
}

// analyzeOne runs the pipeline on one item; a panic in a stage becomes an
// error for that input instead of killing the run.
func analyzeOne(p *pipeline.Pipeline, it input.Item) (r result) {
	r = result{name: it.Name, doc: it.Doc, err: it.Err}
	if r.err != nil {
		return r
	}
	defer func() {
		if v := recover(); v != nil {
			r.err = fmt.Errorf("internal error: %v", v)
			r.doc = nil
		}
	}()
	p.Analyze(it.Doc)
	r.words = pipeline.Words(it.Doc)
	return r
}

// cpuSeconds is the process's user and system CPU time so far: on a busy
// machine it measures the work done where wall time measures the wait.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func peakRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Maxrss << 10 // Linux reports KiB
}

// recordWriter writes analysis records in one of the output formats.
type recordWriter struct {
	w      *bufio.Writer
	format string
	n      int
	enc    *json.Encoder
	buf    []byte // one jsonl line, reused
}

func newRecordWriter(w *bufio.Writer, format string) *recordWriter {
	rw := &recordWriter{w: w, format: format, enc: json.NewEncoder(w)}
	rw.enc.SetEscapeHTML(false)
	if format == "json" {
		rw.enc.SetIndent("  ", "  ")
	}
	return rw
}

func (rw *recordWriter) write(d *doc.Document) error {
	rec := d.Record()
	defer func() { rw.n++ }()
	switch rw.format {
	case "json":
		sep := "[\n  "
		if rw.n > 0 {
			sep = ",\n  "
		}
		rw.w.WriteString(sep)
		return rw.enc.Encode(rec)
	case "text":
		if rw.n > 0 {
			rw.w.WriteString("\n")
		}
		writeReport(rw.w, rec)
		return nil
	}
	b, err := appendRecordJSON(rw.buf[:0], rec)
	if err != nil {
		return err
	}
	rw.buf = append(b, '\n')
	_, err = rw.w.Write(rw.buf)
	return err
}

func (rw *recordWriter) close() error {
	if rw.format == "json" {
		if rw.n == 0 {
			rw.w.WriteString("[")
		}
		rw.w.WriteString("]\n")
	}
	return nil
}

// writeReport prints a record for people: statements, then entities by
// kind, then resolved dates.
func writeReport(w io.Writer, r *doc.Record) {
	head := r.ID
	if r.Title != nil {
		head = *r.Title + "  (" + r.ID + ")"
	}
	fmt.Fprintf(w, "== %s\n", head)
	if r.Published != nil {
		fmt.Fprintf(w, "published %s\n", *r.Published)
	}
	fmt.Fprintf(w, "\nStatements (%d):\n", len(r.Quotes))
	for _, q := range r.Quotes {
		who := "(unattributed)"
		if s := q.Speaker; s != nil {
			who = s.Name
			if s.Role != nil {
				who += " (" + *s.Role + ")"
			}
		}
		cue := "—"
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		fmt.Fprintf(w, "  %s %s [%s]: %q\n", who, cue, q.Kind, q.Content.Text)
	}
	groups := []struct{ title, typ string }{
		{"People", "PERSON"}, {"Organisations", "ORG"}, {"Places", "GPE"}, {"Nationalities and groups", "NORP"},
	}
	for _, g := range groups {
		var items []string
		for _, e := range r.Entities {
			if e.Type == g.typ || g.typ == "GPE" && e.Type == "LOC" {
				s := e.Name
				if len(e.Roles) > 0 {
					s += " (" + strings.Join(e.Roles, "; ") + ")"
				}
				if len(e.Aliases) > 0 {
					s += " [also " + strings.Join(e.Aliases, ", ") + "]"
				}
				items = append(items, s)
			}
		}
		if len(items) > 0 {
			fmt.Fprintf(w, "\n%s: %s\n", g.title, strings.Join(items, "; "))
		}
	}
	if len(r.Times) > 0 {
		fmt.Fprintf(w, "\nDates:\n")
		for _, t := range r.Times {
			v := "unresolved"
			if t.Value != nil {
				v = *t.Value
			}
			fmt.Fprintf(w, "  %s = %s\n", t.Text, v)
		}
	}
}
