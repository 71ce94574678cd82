package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	flag "github.com/spf13/pflag"

	"newsgraph/doc"
	"newsgraph/pipeline"
	"newsgraph/server"
	"newsgraph/store"
)

func init() {
	register("serve", "serve the JSON API and the web UI over the stored records", runServe)
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph serve [flags]\n\nServes the web UI at / and the JSON API at /api/ (documented at\n/api/openapi.yaml). Read-only unless an ingest token is given.\n\nflags:")
		fs.PrintDefaults()
	}
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	cacheTTL := fs.Duration("cache-ttl", server.DefaultCacheTTL, "keep API answers for this `duration` (0 disables; ingest through the server clears them)")
	token := fs.String("ingest-token", os.Getenv("NEWSGRAPH_INGEST_TOKEN"), "enable POST /api/ingest for requests with this bearer `token` (env NEWSGRAPH_INGEST_TOKEN)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "newsgraph serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph serve: %v\n", err)
		return 1
	}
	defer s.Close()
	logger := log.New(stderr, "newsgraph serve: ", log.LstdFlags)
	p := pipeline.New()
	analyze := func(d *doc.Document) (rec *doc.Record, err error) {
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("internal error: %v", v)
			}
		}()
		p.Analyze(d)
		return d.Record(), nil
	}
	srv := (&server.Server{Store: s, IngestToken: *token, Analyze: analyze, Log: logger, CacheTTL: *cacheTTL}).HTTPServer(*addr)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph serve: %v\n", err)
		return 1
	}
	mode := "read-only"
	if *token != "" {
		mode = "ingest enabled"
	}
	fmt.Fprintf(stdout, "serving %s (%s, %s) at http://%s/\n", *db, s.Backend(), mode, ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "newsgraph serve: %v\n", err)
			return 1
		}
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}
	return 0
}
