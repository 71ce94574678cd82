package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMentionsCommand(t *testing.T) {
	f := filepath.Join(t.TempDir(), "a.txt")
	body := "Putin meets Scholz\n\nRussian President Vladimir Putin met Olaf Scholz in Moscow on Tuesday. «Kyiv» was not invited.\n"
	if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"mentions", f}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	found := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		fs := strings.Split(line, "\t")
		if len(fs) != 5 {
			t.Fatalf("line %q: want 5 fields", line)
		}
		found[fs[4]] = fs[3]
	}
	for name, typ := range map[string]string{"Vladimir Putin": "PERSON", "Olaf Scholz": "PERSON", "Moscow": "GPE", "Russian": "NORP", "Kyiv": "GPE"} {
		if found[name] != typ {
			t.Errorf("%s: got %q, want %s (all: %v)", name, found[name], typ, found)
		}
	}
}

func TestMentionsCommandErrors(t *testing.T) {
	for _, args := range [][]string{{"mentions"}, {"mentions", "--recognizer", "oracle", "x.txt"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 || stderr.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"mentions", "no-such-file.txt"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "no-such-file.txt") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr.String())
	}
}
