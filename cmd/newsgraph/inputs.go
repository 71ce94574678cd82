package main

import (
	"context"
	"fmt"
	"io"

	flag "github.com/spf13/pflag"

	"newsgraph/input"
	"newsgraph/web"
	"newsgraph/web/dedup"
	"newsgraph/web/fetch"
)

// inputs holds the flags of every command that reads articles: the
// reference date, feeds and the web fetcher's manners. One place builds the
// input.Reader, so every command reads files, pages, URLs and feeds alike.
type inputs struct {
	published string
	feeds     []string
	fetch     *fetch.Flags

	reader  *input.Reader
	fetcher *fetch.Fetcher
}

func addInputFlags(fs *flag.FlagSet) *inputs {
	in := &inputs{}
	fs.StringVar(&in.published, "published", "", "reference date `YYYY-MM-DD` for inputs that carry none")
	fs.StringArrayVar(&in.feeds, "feed", nil, "also read the articles of the RSS, Atom or JSON feed at `URL|FILE` (repeatable)")
	in.fetch = fetch.AddFlags(fs)
	return in
}

// inputHelp describes the inputs for a command's usage text.
const inputHelp = `INPUT is a .txt file (headline, blank line, body), a .jsonl file of
{"id","text","title","published","url","site","authors"} objects, an .html or .htm page
(plain or gzipped), an http(s) URL, a directory (read recursively) or - for stdin.`

// setup checks the flags after parsing and builds the reader; an error is a
// usage error.
func (in *inputs) setup(stderr io.Writer) error {
	in.fetcher = fetch.New(in.fetch.Options(stderr))
	in.reader = &input.Reader{HTML: web.HTML, Fetch: in.fetcher.Fetch}
	if in.published != "" {
		t, err := input.ParseDate(in.published)
		if err != nil {
			return fmt.Errorf("bad --published %q: want YYYY-MM-DD", in.published)
		}
		in.reader.Published = t
	}
	return nil
}

// parse parses a reading command's flags, checks it has something to read
// and builds the reader; when it should not go on, code is the exit code.
func (in *inputs) parse(fs *flag.FlagSet, args []string, stderr io.Writer) (code int, ok bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return code, false
	}
	if len(fs.Args()) == 0 && len(in.feeds) == 0 {
		fs.Usage()
		return 2, false
	}
	if err := in.setup(stderr); err != nil {
		fmt.Fprintf(stderr, "newsgraph %s: %v\n", fs.Name(), err)
		return 2, false
	}
	return 0, true
}

// read streams the articles of args, then of the feeds, to out in that order
// and closes out. An article reached twice over the web (the same canonical
// URL, or the same text under another address) is passed on once.
func (in *inputs) read(ctx context.Context, args []string, out chan<- input.Item) {
	defer close(out)
	seen := &dedup.Set{}
	emit := func(it input.Item) bool {
		if it.Err == nil && it.Doc != nil && it.Doc.URL != "" && seen.Seen(it.Doc, it.Name) {
			return true
		}
		select {
		case out <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	items := make(chan input.Item)
	go in.reader.Read(ctx, args, items)
	for it := range items {
		if !emit(it) {
			for range items {
			}
			return
		}
	}
	for _, src := range in.feeds {
		ok := true
		err := in.fetcher.Feed(ctx, src, func(it input.Item) { ok = ok && emit(it) })
		if err != nil && !emit(input.Item{Name: src, Err: err}) || !ok {
			return
		}
	}
}
