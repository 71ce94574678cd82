package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

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
		fmt.Fprintln(stderr, "usage: newsgraph times [flags] INPUT...\n\n"+inputHelp+"\nPrints one line per time expression: id, start, end (code points), type,\nvalue and text, tab-separated (and the text around it with --context); or with --format jsonl one record per article\nwith its id, published date and times.\n\nflags:")
		fs.PrintDefaults()
	}
	in := addInputFlags(fs)
	format := fs.String("format", "tsv", "output format: tsv or jsonl")
	contextChars := fs.Int("context", 0, "with tsv, add a column with `N` characters of text either side")
	if code, ok := in.parse(fs, args, stderr); !ok {
		return code
	}
	if *format != "tsv" && *format != "jsonl" {
		fmt.Fprintf(stderr, "newsgraph times: unknown --format %q (tsv or jsonl)\n", *format)
		return 2
	}
	items := make(chan input.Item)
	go in.read(context.Background(), fs.Args(), items)
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
		if err := writeTimes(bw, enc, d, *format, *contextChars); err != nil {
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

func writeTimes(w *bufio.Writer, enc *json.Encoder, d *doc.Document, format string, context int) error {
	rec := d.Record()
	if format == "jsonl" {
		return enc.Encode(timesRecord{ID: rec.ID, Published: rec.Published, Times: rec.Times})
	}
	flat := strings.NewReplacer("\t", " ", "\n", " ")
	for i, t := range rec.Times {
		v := ""
		if t.Value != nil {
			v = *t.Value
		}
		// Tabs and newlines inside a span would break the columns.
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s", rec.ID, strconv.Itoa(t.Start), strconv.Itoa(t.End), t.Type, v, flat.Replace(t.Text)); err != nil {
			return err
		}
		if context > 0 {
			x := d.Times[i]
			lo, hi := max(x.Start-context, 0), min(x.End+context, len(d.Text))
			for lo > 0 && !utf8.RuneStart(d.Text[lo]) {
				lo--
			}
			for hi < len(d.Text) && !utf8.RuneStart(d.Text[hi]) {
				hi++
			}
			fmt.Fprintf(w, "\t%s[%s]%s", flat.Replace(d.Text[lo:x.Start]), flat.Replace(d.Str(x.Span)), flat.Replace(d.Text[x.End:hi]))
		}
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}
