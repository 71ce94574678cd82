package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestTimesCommand(t *testing.T) {
	seed := filepath.Join("..", "..", "timex", "testdata", "russia-regrouping-2022-03-30.txt")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"times", "--published", "2022-03-30", seed}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 8 {
		t.Fatalf("got %d times, want the seed's 8:\n%s", len(lines), stdout.String())
	}
	if f := strings.Split(lines[2], "\t"); len(f) != 6 || f[3] != "DURATION" || f[4] != "P8Y" || f[5] != "over eight years" {
		t.Errorf("third time: got %q", lines[2])
	}
}

func TestTimesCommandErrors(t *testing.T) {
	for _, args := range [][]string{
		{"times"},
		{"times", "--published", "30/03/2022", "x.txt"},
		{"times", "--format", "xml", "x.txt"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if stderr.Len() == 0 {
			t.Errorf("%v: no message on stderr", args)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"times", "no-such-file.txt"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "no-such-file.txt") {
		t.Errorf("missing file: exit %d, stderr %q", code, stderr.String())
	}
}
