package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current answers")

// TestGoldenAPI compares whole API answers over testdata/records.jsonl with
// testdata/golden; after an intended change, rewrite them with
//
//	go test ./server -run GoldenAPI -update
func TestGoldenAPI(t *testing.T) {
	h := (&Server{Store: loadStore(t)}).Handler()
	for name, path := range map[string]string{
		"search-regrouping.json": "/api/search?q=regrouping",
		"search-peskov.json":     "/api/search?speaker=Peskov&facets=0",
		"entity-1.json":          "/api/entities/1",
		"article-seed.json":      "/api/article?id=seed%2Fregrouping.txt",
		"places.json":            "/api/places",
	} {
		code, _, body := get(t, h, path)
		if code != 200 {
			t.Fatalf("GET %s: %d %s", path, code, body)
		}
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, body, "", "  "); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		file := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, pretty.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(pretty.Bytes(), want) {
			t.Errorf("GET %s differs from %s:\n%s", path, file, pretty.Bytes())
		}
	}
}
