package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	flag "github.com/spf13/pflag"

	"newsgraph/doc"
	"newsgraph/input"
	"newsgraph/pipeline"
	"newsgraph/text"
)

func init() {
	register("mentions", "list the named-entity mentions the recogniser finds, before coreference", runMentions)
}

func runMentions(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mentions", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph mentions [flags] INPUT...\n\n"+inputHelp+"\n"+
			"Prints one line per entity mention: id, start, end (code points), type and text,\ntab-separated.\n\nflags:")
		fs.PrintDefaults()
	}
	recognizer := fs.String("recognizer", "ner", "recogniser: "+strings.Join(pipeline.Recognizers, ", "))
	in := addInputFlags(fs)
	if code, ok := in.parse(fs, args, stderr); !ok {
		return code
	}
	r, err := pipeline.Recognizer(*recognizer)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph mentions: %v\n", err)
		return 2
	}
	items := make(chan input.Item)
	go in.read(context.Background(), fs.Args(), items)
	bw := bufio.NewWriter(stdout)
	tz := text.NewTokenizer()
	flat := strings.NewReplacer("\t", " ", "\n", " ")
	failed := 0
	for it := range items {
		if it.Err != nil {
			failed++
			fmt.Fprintf(stderr, "newsgraph mentions: %s: %v\n", it.Name, it.Err)
			continue
		}
		d := it.Doc
		d.Text = text.Clean(d.Text)
		tz.Tokenize(d)
		text.Segment(d)
		writeMentions(bw, d, r.Recognize(d), flat)
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "newsgraph mentions: writing output: %v\n", err)
		return 1
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// writeMentions prints mentions (in text order) with code-point offsets,
// counting runes once through the text.
func writeMentions(w *bufio.Writer, d *doc.Document, ms []doc.Mention, flat *strings.Replacer) {
	byteAt, runeAt := 0, 0
	cp := func(off int) int {
		runeAt += utf8.RuneCountInString(d.Text[byteAt:off])
		byteAt = off
		return runeAt
	}
	for _, m := range ms {
		start := cp(m.Start)
		end := start + utf8.RuneCountInString(d.Text[m.Start:m.End])
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\n", d.ID, start, end, m.Type, flat.Replace(d.Text[m.Start:m.End]))
	}
}
