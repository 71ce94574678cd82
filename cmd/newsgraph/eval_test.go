package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evalData is the eval package's test data: gold files, system files and
// score.py's reports on them.
var evalData = filepath.Join("..", "..", "eval", "testdata")

func TestEvalSystem(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"text", []string{"--gold", "gold-edge.jsonl", "--system", "sys-edge.jsonl"}, "edge.txt"},
		{"json", []string{"--json", "--gold", "gold-edge.jsonl", "--system", "sys-edge.jsonl"}, "edge.json"},
		{"two gold files", []string{"--gold", "gold-seed.jsonl", "--gold", "gold-bbc.jsonl", "--system", "sys-noisy-1.jsonl"}, "both-noisy-1.txt"},
	}
	for _, tt := range tests {
		args := []string{"eval"}
		for i, a := range tt.args {
			if i > 0 && strings.HasPrefix(tt.args[i-1], "--") && tt.args[i-1] != "--json" {
				a = filepath.Join(evalData, a)
			}
			args = append(args, a)
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, stderr.String())
		}
		want, err := os.ReadFile(filepath.Join(evalData, "golden", tt.golden))
		if err != nil {
			t.Fatal(err)
		}
		if stdout.String() != string(want) {
			t.Errorf("%s: output differs from score.py's:\n%s\nwant:\n%s", tt.name, stdout.String(), want)
		}
	}
}

func TestEvalErrorsFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"eval", "--errors", "--json", "--gold", filepath.Join(evalData, "gold-seed.jsonl"),
		"--system", filepath.Join(evalData, "sys-seed-edge.jsonl")}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// With --json the listing goes to stderr, so stdout stays one JSON document.
	if !strings.HasPrefix(stderr.String(), "== seed/russia-regrouping-2022-03-30.txt: 1 missed, 4 spurious, 3 wrong speaker\n") {
		t.Errorf("error listing:\n%s", stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "{\n  \"articles\": 1,") {
		t.Errorf("stdout is not the JSON report:\n%s", stdout.String())
	}
}

func TestEvalAnalyse(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"eval", "--gold", filepath.Join(evalData, "gold-seed.jsonl")}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "articles                 1\nquotes                   P ") {
		t.Errorf("report:\n%s", stdout.String())
	}
}

func TestEvalBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"id\": \"a\"}\n{\"id\": \"b\",\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no gold", []string{"eval"}, 2, "usage: newsgraph eval"},
		{"stray argument", []string{"eval", "--gold", bad, "x"}, 2, "usage: newsgraph eval"},
		{"bad flag", []string{"eval", "--nope"}, 2, "unknown flag"},
		{"bad gold line", []string{"eval", "--gold", bad, "--system", bad}, 1, bad + ":2: invalid JSON"},
		{"missing file", []string{"eval", "--gold", filepath.Join(dir, "none.jsonl")}, 1, "no such file"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.msg) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", tt.name, code, stderr.String(), tt.code, tt.msg)
		}
	}
}
