package main

import (
	"encoding/json"
	"fmt"
	"io"

	flag "github.com/spf13/pflag"

	"newsgraph/geo"
)

func init() {
	register("places", "look names up in the embedded gazetteer", runPlaces)
}

func runPlaces(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("places", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: newsgraph places [--json] [--limit N] NAME...\n\n"+
			"Prints the gazetteer's places for each exact (case-sensitive) name, likeliest\n"+
			"first, and the country of a nationality word (Russian -> RU).\n\nflags:")
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "print one JSON object per name")
	limit := fs.Int("limit", 10, "print at most `N` places per name (0: all)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		fmt.Fprintf(stderr, "newsgraph places: %v\n", err)
		fs.Usage()
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	g := geo.Default()
	enc := json.NewEncoder(stdout)
	for _, name := range fs.Args() {
		ps := g.Lookup(name)
		if *limit > 0 && len(ps) > *limit {
			ps = ps[:*limit]
		}
		demonym, _ := g.Demonym(name)
		if *asJSON {
			out := struct {
				Name    string       `json:"name"`
				Common  bool         `json:"common_word"`
				Demonym string       `json:"demonym_of,omitempty"`
				Places  []*geo.Place `json:"places"`
			}{name, g.Common(name), demonym, ps}
			if out.Places == nil {
				out.Places = []*geo.Place{}
			}
			if err := enc.Encode(out); err != nil {
				fmt.Fprintf(stderr, "newsgraph places: %v\n", err)
				return 1
			}
			continue
		}
		fmt.Fprintf(stdout, "%s: %d places", name, len(g.Lookup(name)))
		if g.Common(name) {
			fmt.Fprint(stdout, " (also a common word)")
		}
		if demonym != "" {
			fmt.Fprintf(stdout, "; nationality of %s", demonym)
		}
		fmt.Fprintln(stdout)
		for _, p := range ps {
			fmt.Fprintf(stdout, "  %-9d %-28s %-2s %-5s %-4s %10d %9.4f %9.4f\n", p.ID, p.Name, p.Country, p.Feature, p.Admin1, p.Population, p.Lat, p.Lon)
		}
	}
	return 0
}
