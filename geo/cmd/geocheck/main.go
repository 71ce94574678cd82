// Command geocheck measures place resolution on gold files (the JSON Lines
// of docs/gold-format.md): for each article it makes one entity per gold
// entity, with a mention at every whole-word occurrence of its name, runs
// geo.Resolve, and reports how many GPE and LOC entities got a place, listing
// each pick (-v) or each miss.
//
//	go run ./geo/cmd/geocheck [-v] GOLD.jsonl...
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph/doc"
	"newsgraph/geo"
)

func main() {
	verbose := flag.Bool("v", false, "list every pick, not only misses")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: geocheck [-v] GOLD.jsonl...")
		os.Exit(2)
	}
	var total, found int
	byType := map[string][2]int{}
	for _, path := range flag.Args() {
		if err := check(path, *verbose, func(typ string, ok bool) {
			c := byType[typ]
			c[0]++
			total++
			if ok {
				c[1]++
				found++
			}
			byType[typ] = c
		}); err != nil {
			fmt.Fprintln(os.Stderr, "geocheck:", err)
			os.Exit(1)
		}
	}
	for _, t := range []string{"GPE", "LOC"} {
		c := byType[t]
		fmt.Printf("%s: %d of %d resolved (%.1f%%)\n", t, c[1], c[0], pct(c[1], c[0]))
	}
	fmt.Printf("all: %d of %d resolved (%.1f%%)\n", found, total, pct(found, total))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func check(path string, verbose bool, count func(typ string, ok bool)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	line := 0
	for sc.Scan() {
		line++
		var gold struct {
			ID       string
			Text     string
			Entities []struct{ Name, Type string }
		}
		if err := json.Unmarshal(sc.Bytes(), &gold); err != nil {
			return fmt.Errorf("%s:%d: %v", path, line, err)
		}
		d := &doc.Document{ID: gold.ID, Text: gold.Text}
		for _, e := range gold.Entities {
			addEntity(d, e.Name, doc.ParseEntityType(e.Type))
		}
		geo.Resolve(d)
		for i, e := range d.Entities {
			if e.Type != doc.GPE && e.Type != doc.Loc {
				continue
			}
			count(e.Type.String(), e.Geo != nil)
			name := d.EntityName(&d.Entities[i])
			switch {
			case e.Geo == nil:
				fmt.Printf("MISS\t%s\t%s\t%s\n", gold.ID, e.Type, name)
			case verbose:
				p := e.Geo
				fmt.Printf("PICK\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", gold.ID, e.Type, name, p.GeoNameID, p.Name, p.Country, p.Feature)
			}
		}
	}
	return sc.Err()
}

// addEntity adds an entity named name with a mention at each whole-word
// occurrence; an entity whose name does not occur gets its name as Canonical.
func addEntity(d *doc.Document, name string, typ doc.EntityType) {
	ent := doc.Entity{Type: typ, Canonical: name}
	for off := 0; name != ""; {
		i := strings.Index(d.Text[off:], name)
		if i < 0 {
			break
		}
		s, end := off+i, off+i+len(name)
		off = end
		if r, _ := utf8.DecodeLastRuneInString(d.Text[:s]); s > 0 && unicode.IsLetter(r) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(d.Text[end:]); end < len(d.Text) && unicode.IsLetter(r) {
			continue
		}
		if len(ent.Mentions) == 0 {
			ent.Name, ent.Canonical = doc.Span{Start: s, End: end}, ""
		}
		ent.Mentions = append(ent.Mentions, len(d.Mentions))
		d.Mentions = append(d.Mentions, doc.Mention{Span: doc.Span{Start: s, End: end}, Type: typ, Entity: len(d.Entities)})
	}
	d.Entities = append(d.Entities, ent)
}
