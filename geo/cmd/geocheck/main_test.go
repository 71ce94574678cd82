package main

import (
	"os"
	"path/filepath"
	"testing"

	"newsgraph/doc"
)

func TestAddEntity(t *testing.T) {
	d := &doc.Document{Text: "Kiev and Kievans; the US-led bloc; Kiev's"}
	addEntity(d, "Kiev", doc.GPE)
	addEntity(d, "US", doc.GPE)
	addEntity(d, "Nowhere", doc.GPE)
	if n := len(d.Entities[0].Mentions); n != 2 {
		t.Errorf("Kiev: %d mentions, want 2 (not Kievans)", n)
	}
	if n := len(d.Entities[1].Mentions); n != 1 {
		t.Errorf("US: %d mentions, want 1", n)
	}
	if e := &d.Entities[2]; len(e.Mentions) != 0 || d.EntityName(e) != "Nowhere" {
		t.Errorf("Nowhere: %+v", e)
	}
}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gold.jsonl")
	gold := `{"id":"a","text":"Shelling hit Donetsk and Xyzzyville.","entities":[{"name":"Donetsk","type":"GPE"},{"name":"Xyzzyville","type":"GPE"},{"name":"Peskov","type":"PERSON"}]}` + "\n"
	if err := os.WriteFile(path, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	var total, found int
	if err := check(path, false, func(typ string, ok bool) {
		total++
		if ok {
			found++
		}
	}); err != nil {
		t.Fatal(err)
	}
	if total != 2 || found != 1 {
		t.Errorf("total, found = %d, %d; want 2, 1", total, found)
	}
	if err := os.WriteFile(path, []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := check(path, false, func(string, bool) {}); err == nil {
		t.Error("bad JSON accepted")
	}
}
