package geo

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"newsgraph/doc"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestGoldenSeed resolves the places of the seed article (entities as the
// gold file lists them, mentions at every occurrence) and compares every
// pick with testdata/seed.golden.
func TestGoldenSeed(t *testing.T) {
	f, err := os.Open("testdata/seed-gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var gold struct {
			ID       string
			Text     string
			Entities []struct{ Name, Type string }
		}
		if err := json.Unmarshal(sc.Bytes(), &gold); err != nil {
			t.Fatal(err)
		}
		var ents []ne
		for _, e := range gold.Entities {
			ents = append(ents, ne{e.Name, doc.ParseEntityType(e.Type)})
		}
		d := newDoc(t, gold.Text, ents...)
		Resolve(d)
		for i, e := range d.Entities {
			fmt.Fprintf(&out, "%s\t%s\t%s", gold.ID, e.Type, d.EntityName(&d.Entities[i]))
			if p := e.Geo; p != nil {
				fmt.Fprintf(&out, "\t%d\t%s\t%s\t%s\t%.4f\t%.4f", p.GeoNameID, p.Name, p.Country, p.Feature, p.Lat, p.Lon)
			}
			out.WriteByte('\n')
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/seed.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("resolved places differ from %s (go test ./geo -run Golden -update to accept):\n%s", golden, out.String())
	}
}
