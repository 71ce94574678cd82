package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	flag "github.com/spf13/pflag"

	"newsgraph/store"
)

func init() {
	register("export", "export stored statements (CSV or JSONL) or whole records (JSONL)", runExport)
}

// csvHeader names the columns of a statements export, ready for a spreadsheet.
var csvHeader = []string{"published", "site", "title", "url", "article", "quote", "speaker", "speaker_id", "speaker_role", "speaker_kind", "cue", "cue_lemma", "kind", "statement", "confidence"}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph export [flags] [WORDS...]\n\nWrites the statements matching the filters, oldest first, with speakers\nand sources, as CSV or JSON Lines; --records writes every stored analysis\nrecord as JSON Lines instead.\n\nflags:")
		fs.PrintDefaults()
	}
	db := dbFlag(fs)
	var q store.Query
	queryFlags(fs, &q)
	format := fs.String("format", "csv", "statements format: csv or jsonl")
	records := fs.Bool("records", false, "export whole analysis records (JSONL) instead of statements")
	output := fs.StringP("output", "o", "", "write to `FILE` instead of stdout")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *format != "csv" && *format != "jsonl" {
		fmt.Fprintf(stderr, "newsgraph export: unknown --format %q (csv or jsonl)\n", *format)
		return 2
	}
	for _, a := range fs.Args() {
		q.Text += a + " "
	}
	if err := q.Validate(); err != nil {
		fmt.Fprintf(stderr, "newsgraph export: %v\n", err)
		return 2
	}
	ctx := context.Background()
	s, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph export: %v\n", err)
		return 1
	}
	defer s.Close()
	out := stdout
	if *output != "" {
		f, err := os.Create(*output)
		if err != nil {
			fmt.Fprintf(stderr, "newsgraph export: %v\n", err)
			return 1
		}
		defer f.Close()
		out = f
	}
	bw := bufio.NewWriterSize(out, 256<<10)
	switch {
	case *records:
		err = s.EachRecord(ctx, func(raw json.RawMessage) error {
			bw.Write(raw)
			return bw.WriteByte('\n')
		})
	case *format == "jsonl":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err = s.EachStatement(ctx, q, func(st store.Statement) error { return enc.Encode(st) })
	default:
		err = writeCSV(ctx, s, q, bw)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "newsgraph export: %v\n", err)
		return 1
	}
	return 0
}

func writeCSV(ctx context.Context, s *store.Store, q store.Query, w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	err := s.EachStatement(ctx, q, func(st store.Statement) error {
		speaker, id := str(st.SpeakerName), ""
		if st.Speaker != nil {
			speaker, id = st.Speaker.Name, strconv.FormatInt(st.Speaker.ID, 10)
		}
		return cw.Write([]string{str(st.Published), str(st.Site), str(st.Title), str(st.URL), st.Article, st.Quote,
			speaker, id, str(st.SpeakerRole), str(st.SpeakerKind), str(st.Cue), str(st.CueLemma), st.Kind,
			csvSafe(st.Content), strconv.FormatFloat(st.Confidence, 'f', 2, 64)})
	})
	cw.Flush()
	if err != nil {
		return err
	}
	return cw.Error()
}

// csvSafe defuses spreadsheet formula injection: a statement quoted from a
// hostile article must not run as a formula when the CSV is opened.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
