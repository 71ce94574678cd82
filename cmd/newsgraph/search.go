package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	flag "github.com/spf13/pflag"

	"newsgraph/store"
)

func init() {
	register("search", "search stored statements by words, speaker, place, cue, kind, site and date", runSearch)
}

// queryFlags adds the store.Query filters to a flag set.
func queryFlags(fs *flag.FlagSet, q *store.Query) {
	fs.StringVar(&q.Speaker, "speaker", "", "statements by this `entity` (id, name or alias)")
	fs.StringVar(&q.Entity, "entity", "", "in articles mentioning this `entity` (id, name or alias)")
	fs.StringVar(&q.About, "about", "", "statements that themselves mention this `entity`")
	fs.StringVar(&q.Place, "place", "", "in articles mentioning this `place` (GPE or LOC)")
	fs.StringVar(&q.Cue, "cue", "", "cue `lemma` (say, deny, according to, ...)")
	fs.StringVar(&q.Kind, "kind", "", "quote `kind`: direct, mixed or indirect")
	fs.StringVar(&q.Site, "site", "", "outlet `site`")
	fs.StringVar(&q.From, "from", "", "published on or after `YYYY-MM-DD`")
	fs.StringVar(&q.To, "to", "", "published on or before `YYYY-MM-DD`")
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph search [flags] [WORDS...]\n\nFinds stored statements containing all WORDS (stemmed) that pass the filters,\nnewest first. Example:\n  newsgraph search --speaker Peskov --from 2022-02-01 negotiations\n\nflags:")
		fs.PrintDefaults()
	}
	db := dbFlag(fs)
	var q store.Query
	queryFlags(fs, &q)
	fs.IntVarP(&q.Limit, "limit", "n", 20, "at most `N` results (up to 500)")
	fs.IntVar(&q.Offset, "offset", 0, "skip the first `N` results")
	asJSON := fs.Bool("json", false, "print the results, totals and facets as JSON")
	articles := fs.Bool("articles", false, "search article text and list articles instead of statements")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	q.Text = strings.Join(fs.Args(), " ")
	if err := q.Validate(); err != nil {
		fmt.Fprintf(stderr, "newsgraph search: %v\n", err)
		return 2
	}
	ctx := context.Background()
	s, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph search: %v\n", err)
		return 1
	}
	defer s.Close()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if *articles {
		hits, total, err := s.Articles(ctx, q)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph search: %v\n", err)
			return 1
		}
		if *asJSON {
			enc.Encode(map[string]any{"total": total, "articles": hits})
			return 0
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "PUBLISHED\tSITE\tQUOTES\tID\tTITLE")
		for _, h := range hits {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", orDash(h.Published), orDash(h.Site), h.Quotes, h.Key, clip(orDash(h.Title), 60))
		}
		tw.Flush()
		fmt.Fprintf(stdout, "%d of %d articles\n", len(hits), total)
		return 0
	}
	res, err := s.Search(ctx, q, *asJSON)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph search: %v\n", err)
		return 1
	}
	if *asJSON {
		enc.Encode(res)
		return 0
	}
	writeStatements(stdout, res.Statements)
	fmt.Fprintf(stdout, "%d of %d statements\n", len(res.Statements), res.Total)
	return 0
}

// writeStatements prints statements as an aligned table, one per line.
func writeStatements(w io.Writer, sts []store.Statement) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PUBLISHED\tSITE\tSPEAKER\tROLE\tCUE\tKIND\tSTATEMENT\tARTICLE")
	for _, st := range sts {
		speaker := orDash(st.SpeakerName)
		if st.Speaker != nil {
			speaker = st.Speaker.Name
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", orDash(st.Published), orDash(st.Site), clip(speaker, 28), clip(orDash(st.SpeakerRole), 28),
			orDash(st.Cue), st.Kind, clip(st.Content, 70), st.Article+"#"+st.Quote)
	}
	tw.Flush()
}

func orDash(p *string) string {
	if p == nil || *p == "" {
		return "-"
	}
	return *p
}

// clip shortens s to n characters for a table cell, on one line, with
// control characters dropped: a stored article must not be able to send
// escape sequences to the reader's terminal.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
