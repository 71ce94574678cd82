package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"

	flag "github.com/spf13/pflag"

	"newsgraph/doc"
	"newsgraph/input"
	"newsgraph/pipeline"
	"newsgraph/store"
)

func init() {
	register("ingest", "analyse articles and keep the records in the database", runIngest)
}

// dbFlag adds --db to a subcommand: a SQLite path or a postgres:// URL,
// defaulting to $NEWSGRAPH_DB, then ./newsgraph.db.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("NEWSGRAPH_DB")
	if def == "" {
		def = store.DefaultPath
	}
	return fs.String("db", def, "database: a SQLite `file` or a postgres:// URL (env NEWSGRAPH_DB)")
}

// parseFlags parses args and reports whether the command should go on; code
// is the exit code when it should not.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0, false
		}
		// pflag says nothing itself under ContinueOnError.
		fmt.Fprintf(fs.Output(), "newsgraph %s: %v\n", fs.Name(), err)
		fs.Usage()
		return 2, false
	}
	return 0, true
}

func runIngest(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph ingest [flags] INPUT...\n\n"+inputHelp+"\n\nAnalyses the articles and stores the records. Each article is\nwritten in one transaction; articles already stored with the same input are\nskipped, changed ones replaced in place, so an interrupted run can simply be\nrun again.\n\nflags:")
		fs.PrintDefaults()
	}
	db := dbFlag(fs)
	in := addInputFlags(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "analysis workers")
	force := fs.Bool("force", false, "re-analyse and replace articles even when their input is unchanged")
	quiet := fs.BoolP("quiet", "q", false, "print only errors")
	if code, ok := in.parse(fs, args, stderr); !ok {
		return code
	}
	// An interrupt stops reading new articles; those in flight finish or
	// roll back, never half-written.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph ingest: %v\n", err)
		return 1
	}
	defer s.Close()

	start := time.Now()
	var mu sync.Mutex
	counts := map[store.Outcome]int{}
	failed := 0
	ingestAll(ctx, s, in, fs.Args(), *workers, *force, func(name string, out store.Outcome, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "newsgraph ingest: %s: %v\n", name, err)
			return
		}
		counts[out]++
	})
	if !*quiet {
		n := counts[store.Inserted] + counts[store.Updated] + counts[store.Unchanged]
		el := time.Since(start).Seconds()
		fmt.Fprintf(stdout, "ingested %d articles into %s (%d new, %d updated, %d unchanged, %d failed) in %.2fs: %.1f articles/s\n",
			n, s.Backend(), counts[store.Inserted], counts[store.Updated], counts[store.Unchanged], failed, el, float64(n)/el)
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "newsgraph ingest: interrupted; run again to finish")
		return 1
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// ingestAll reads the inputs and stores them on a pool of workers. Order
// does not matter here (each article is its own transaction), so unlike
// analyze there is no reordering. done is called once per input.
func ingestAll(ctx context.Context, s *store.Store, in *inputs, args []string, workers int, force bool, done func(string, store.Outcome, error)) {
	workers = max(workers, 1)
	p := pipeline.New()
	items := make(chan input.Item, workers)
	go in.read(ctx, args, items)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				if it.Err != nil {
					done(it.Name, 0, it.Err)
					continue
				}
				out, err := ingestOne(ctx, s, p, it.Doc, force)
				done(it.Name, out, err)
			}
		}()
	}
	wg.Wait()
}

// ingestOne stores one article; the pipeline only runs when the store has
// not got this input yet, and a panic in a stage becomes an error.
func ingestOne(ctx context.Context, s *store.Store, p *pipeline.Pipeline, d *doc.Document, force bool) (store.Outcome, error) {
	hash := store.InputHash(d) // before Analyze, which rewrites d.Text
	return s.Ingest(ctx, d.ID, hash, force, func() (rec *doc.Record, err error) {
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("internal error: %v", v)
			}
		}()
		p.Analyze(d)
		return d.Record(), nil
	})
}
