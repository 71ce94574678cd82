package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.jsonl from the current output")

// goldenCases are end-to-end runs of `newsgraph analyze` whose whole JSONL
// output is kept in testdata/golden. Any change in what the pipeline finds
// shows up here as a diff to review; accept it with
//
//	go test ./cmd/newsgraph -run Golden -update
var goldenCases = []struct {
	name string
	args []string
}{
	{"seed-russia-regrouping", []string{"--published", "2022-03-30", "testdata/seed/russia-regrouping-2022-03-30.txt"}},
	{"bbc-kennedy-election-gains", []string{"testdata/bbc/politics/kennedy-looks-to-election-gains.txt"}},
	{"bbc-bt-equal-access", []string{"testdata/bbc/business/bt-offers-equal-access-to-rivals.txt"}},
	{"bbc-viewers-shape-tv", []string{"testdata/bbc/tech/viewers-to-be-able-to-shape-tv.txt"}},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(append([]string{"analyze"}, tc.args...), &stdout, &stderr); code != 0 {
				t.Fatalf("analyze exit %d: %s", code, stderr.String())
			}
			path := filepath.Join("testdata", "golden", tc.name+".jsonl")
			if *update {
				if err := os.WriteFile(path, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if bytes.Equal(stdout.Bytes(), want) {
				return
			}
			diffs := recordDiffs(stdout.Bytes(), want)
			t.Errorf("analyze output differs from %s (review, then accept with go test ./cmd/newsgraph -run Golden -update):\n%s",
				path, strings.Join(diffs, "\n"))
		})
	}
}

// recordDiffs compares two JSONL outputs record by record and names the
// differing fields by path (quotes[3].speaker.name), at most 20 of them,
// which says far more than a byte offset into a line of several kilobytes.
func recordDiffs(got, want []byte) []string {
	g, errG := decodeLines(got)
	w, errW := decodeLines(want)
	if errG != nil || errW != nil {
		return []string{fmt.Sprintf("cannot compare as JSON (got: %v, want: %v)", errG, errW)}
	}
	var out []string
	if len(g) != len(w) {
		out = append(out, fmt.Sprintf("%d records, want %d", len(g), len(w)))
	}
	for i := 0; i < min(len(g), len(w)); i++ {
		jsonDiff(fmt.Sprintf("record %d", i+1), g[i], w[i], &out)
	}
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("... and %d more", len(out)-20))
	}
	if len(out) == 0 {
		out = append(out, "same JSON values, different bytes (formatting or key order)")
	}
	return out
}

func decodeLines(b []byte) ([]any, error) {
	var out []any
	for i, line := range bytes.Split(bytes.TrimRight(b, "\n"), []byte("\n")) {
		var v any
		if err := json.Unmarshal(line, &v); err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		out = append(out, v)
	}
	return out, nil
}

func jsonDiff(path string, got, want any, out *[]string) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			break
		}
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			jsonDiff(path+"."+k, g[k], w[k], out)
		}
		return
	case []any:
		g, ok := got.([]any)
		if !ok {
			break
		}
		if len(g) != len(w) {
			*out = append(*out, fmt.Sprintf("%s: %d items, want %d", path, len(g), len(w)))
		}
		for i := 0; i < min(len(g), len(w)); i++ {
			jsonDiff(fmt.Sprintf("%s[%d]", path, i), g[i], w[i], out)
		}
		return
	}
	if !reflect.DeepEqual(got, want) {
		*out = append(*out, fmt.Sprintf("%s = %s, want %s", path, clipJSON(got), clipJSON(want)))
	}
}

func clipJSON(v any) string {
	b, _ := json.Marshal(v)
	if s := string(b); len(s) > 100 {
		return s[:100] + "…"
	}
	return string(b)
}

func TestRecordDiffs(t *testing.T) {
	tests := []struct {
		got, want string
		diffs     []string
	}{
		{`{"a": 1}`, `{"a": 1}`, []string{"same JSON values, different bytes (formatting or key order)"}},
		{`{"q": [{"s": "A"}, {"s": "B"}]}`, `{"q": [{"s": "A"}, {"s": "C"}]}`, []string{`record 1.q[1].s = "B", want "C"`}},
		{`{"q": [1]}`, `{"q": [1, 2]}`, []string{"record 1.q: 1 items, want 2"}},
		{`{"a": 1, "b": 2}`, `{"a": 1}`, []string{"record 1.b = 2, want null"}},
		{"{\"a\": 1}\n{\"a\": 2}", `{"a": 1}`, []string{"2 records, want 1"}},
		{`{"a": `, `{"a": 1}`, []string{"cannot compare as JSON (got: line 1: unexpected end of JSON input, want: <nil>)"}},
	}
	for _, tt := range tests {
		got := recordDiffs([]byte(tt.got), []byte(tt.want))
		if !reflect.DeepEqual(got, tt.diffs) {
			t.Errorf("recordDiffs(%s, %s) = %q, want %q", tt.got, tt.want, got, tt.diffs)
		}
	}
}
