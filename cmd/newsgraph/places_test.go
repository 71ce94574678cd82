package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestPlaces(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string // in stdout
	}{
		{[]string{"Kiev"}, 0, "703448"},
		{[]string{"--limit", "1", "Paris"}, 0, "2988507"},
		{[]string{"Russian"}, 0, "nationality of RU"},
		{[]string{"March"}, 0, "common word"},
		{[]string{"Xyzzyville"}, 0, "Xyzzyville: 0 places"},
		{nil, 2, ""},
		{[]string{"--bogus", "Kiev"}, 2, ""},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if code := runPlaces(tt.args, &out, &errb); code != tt.code {
			t.Errorf("places %v: exit %d, want %d (stderr %q)", tt.args, code, tt.code, errb.String())
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("places %v: stdout %q lacks %q", tt.args, out.String(), tt.want)
		}
	}
}

func TestPlacesJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if code := runPlaces([]string{"--json", "--limit", "1", "America", "Nowhereville"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	dec := json.NewDecoder(&out)
	var first, second struct {
		Name   string
		Places []struct {
			GeoNameID int `json:"geonameid"`
			Country   string
		}
	}
	if err := dec.Decode(&first); err != nil || len(first.Places) != 1 || first.Places[0].GeoNameID != 6252001 {
		t.Errorf("America: %+v, %v", first, err)
	}
	if err := dec.Decode(&second); err != nil || second.Places == nil || len(second.Places) != 0 {
		t.Errorf("Nowhereville: %+v, %v", second, err)
	}
}
