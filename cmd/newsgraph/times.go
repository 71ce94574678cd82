package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	flag "github.com/spf13/pflag"

	"newsgraph/doc"
	"newsgraph/input"
	"newsgraph/text"
	"newsgraph/timex"
)

func init() {
	register("times", "list the time expressions of articles, resolved against their dates", runTimes)
}

func runTimes(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("times", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph times [flags] INPUT...\n\nINPUT is as for analyze: a .txt or .jsonl file, a directory or - for stdin.\nPrints one line per time expression: id, start, end (code points), type,\nvalue and text, tab-separated; or with --format jsonl one record per article\nwith its id, published date and times.\n\nflags:")
		fs.PrintDefaults()
	}
	published := fs.String("published", "", "reference date `YYYY-MM-DD` for inputs that carry none")
	format := fs.String("format", "tsv", "output format: tsv or jsonl")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if *format != "tsv" && *format != "jsonl" {
		fmt.Fprintf(stderr, "newsgraph times: unknown --format %q (tsv or jsonl)\n", *format)
		return 2
	}
	reader := &input.Reader{}
	if *published != "" {
		t, err := input.ParseDate(*published)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph times: bad --published %q: want YYYY-MM-DD\n", *published)
			return 2
		}
		reader.Published = t
	}
	items := make(chan input.Item)
	go reader.Read(context.Background(), fs.Args(), items)
	bw := bufio.NewWriter(stdout)
	enc := json.NewEncoder(bw)
	tz := text.NewTokenizer()
	failed := 0
	for it := range items {
		if it.Err != nil {
			failed++
			fmt.Fprintf(stderr, "newsgraph times: %s: %v\n", it.Name, it.Err)
			continue
		}
		d := it.Doc
		d.Text = text.Clean(d.Text)
		tz.Tokenize(d)
		text.Segment(d)
		timex.Tag(d)
		if err := writeTimes(bw, enc, d, *format); err != nil {
			fmt.Fprintf(stderr, "newsgraph times: writing output: %v\n", err)
			return 1
		}
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "newsgraph times: writing output: %v\n", err)
		return 1
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// timesRecord is the jsonl output: the times part of the analysis record.
type timesRecord struct {
	ID        string           `json:"id"`
	Published *string          `json:"published"`
	Times     []doc.RecordTime `json:"times"`
}

func writeTimes(w *bufio.Writer, enc *json.Encoder, d *doc.Document, format string) error {
	rec := d.Record()
	if format == "jsonl" {
		return enc.Encode(timesRecord{ID: rec.ID, Published: rec.Published, Times: rec.Times})
	}
	for _, t := range rec.Times {
		v := ""
		if t.Value != nil {
			v = *t.Value
		}
		// Tabs and newlines inside a span would break the columns.
		txt := strings.NewReplacer("\t", " ", "\n", " ").Replace(t.Text)
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", rec.ID, strconv.Itoa(t.Start), strconv.Itoa(t.End), t.Type, v, txt); err != nil {
			return err
		}
	}
	return nil
}
