package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyzeBadInputs checks that bad inputs are reported by name, the
// others are still analysed and written in input order, and the exit code
// says something failed.
func TestAnalyzeBadInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"1-good.txt":    "Talks fail\n\nPeskov said the talks had failed.",
		"2-binary.txt":  "\x00\x01\x02junk",
		"3-invalid.txt": "caf\xe9 au lait",
		"4-empty.txt":   "  \n",
		"5-lines.jsonl": `{"id":"j1","text":"Kiev insists the offensive was unprovoked."}` + "\n{oops\n" + `{"id":"j3","text":"Nothing."}` + "\n",
	}
	var args []string
	for _, name := range []string{"1-good.txt", "2-binary.txt", "3-invalid.txt", "4-empty.txt", "5-lines.jsonl"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"analyze", "--workers", "3"}, args...), &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var rec struct{ ID string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		ids = append(ids, filepath.Base(rec.ID))
	}
	if got := strings.Join(ids, ","); got != "1-good.txt,j1,j3" {
		t.Errorf("records %s, want 1-good.txt,j1,j3", got)
	}
	for _, want := range []string{"2-binary.txt: binary data", "3-invalid.txt: invalid UTF-8", "4-empty.txt: empty text", "5-lines.jsonl:2: bad JSON"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestAnalyzeFormats(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte(`"We will win," Dmitry Peskov said on Wednesday.`), 0o644)
	var out, errb bytes.Buffer
	if code := run([]string{"analyze", "--format", "json", "--published", "2022-03-30", in, in}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var recs []map[string]any
	if err := json.Unmarshal(out.Bytes(), &recs); err != nil || len(recs) != 2 {
		t.Fatalf("--format json is not an array of 2 records: %v\n%s", err, out.String())
	}
	out.Reset()
	if code := run([]string{"analyze", "--format", "text", "--published", "2022-03-30", in}, &out, &errb); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{`Dmitry Peskov said [direct]: "We will win,"`, "People: Dmitry Peskov", "on Wednesday = 2022-03-30"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, out.String())
		}
	}
	if code := run([]string{"analyze", "--format", "xml", in}, &out, &errb); code != 2 {
		t.Errorf("bad --format exit %d, want 2", code)
	}
	if code := run([]string{"analyze", "--published", "yesterday", in}, &out, &errb); code != 2 {
		t.Errorf("bad --published exit %d, want 2", code)
	}
}

func TestUnknownFlagIsReported(t *testing.T) {
	for _, cmd := range []string{"analyze", "ingest", "times", "mentions", "search", "export", "serve"} {
		var out, errb bytes.Buffer
		if code := run([]string{cmd, "--no-such-flag"}, &out, &errb); code != 2 {
			t.Errorf("%s: exit %d, want 2", cmd, code)
		}
		if !strings.Contains(errb.String(), "no-such-flag") {
			t.Errorf("%s: stderr does not name the flag: %q", cmd, errb.String())
		}
	}
}
