package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"newsgraph/store"
)

// TestMain lets a test run the test binary as the newsgraph command itself
// (NEWSGRAPH_AS_MAIN=1), so fault tests can kill a real ingest process.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSGRAPH_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestIngestKilled SIGKILLs 'newsgraph ingest' over the bundled sample
// while it writes, then runs it again: the rerun stores exactly the
// articles missing, and every stored article has all its statements.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("process fault test skipped in -short mode")
	}
	sample := filepath.Join("..", "..", "testdata", "sample", "bbc")
	files, _ := filepath.Glob(filepath.Join(sample, "*.txt"))
	if len(files) < 100 {
		t.Skipf("bundled sample has %d articles", len(files))
	}
	db := filepath.Join(t.TempDir(), "kill.db")
	ingest := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "ingest", "--db", db, "--workers", "1", "--published", "2005-01-01", sample)
		cmd.Env = append(os.Environ(), "NEWSGRAPH_AS_MAIN=1")
		return cmd
	}
	cmd := ingest()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored := func() int {
		s, err := store.Open(context.Background(), db)
		if err != nil {
			return 0 // not created yet
		}
		defer s.Close()
		st, _ := s.Stats(context.Background())
		return st.Articles
	}
	for deadline := time.Now().Add(30 * time.Second); stored() < 10; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("ingest stored nothing in 30s")
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	before := stored()
	if before >= len(files) {
		t.Skipf("ingest finished (%d articles) before it could be killed", before)
	}
	out, err := ingest().CombinedOutput()
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, out)
	}
	want := fmt.Sprintf("(%d new, 0 updated, %d unchanged, 0 failed)", len(files)-before, before)
	if !strings.Contains(string(out), want) {
		t.Errorf("rerun after a kill at %d articles: %s; want %s", before, out, want)
	}
	// Whole articles only: the statements stored are exactly those of the
	// stored records.
	code, recs, _ := captureRun("export", "--db", db, "--records")
	code2, sts, _ := captureRun("export", "--db", db, "--format", "jsonl")
	inRecords := len(regexp.MustCompile(`"id":"Q\d+"`).FindAllString(recs, -1))
	stored2 := strings.Count(sts, "\n")
	if code != 0 || code2 != 0 || inRecords == 0 || inRecords != stored2 {
		t.Errorf("records hold %d statements, the statements table %d", inRecords, stored2)
	}
	if n := strings.Count(recs, "\n"); n != len(files) {
		t.Errorf("%d articles stored, want %d", n, len(files))
	}
}

func captureRun(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestIngestSearchExport runs the store commands end to end on a SQLite
// file: ingest, re-ingest (nothing to do), an update in place, a bad input,
// then search and export over what was stored.
func TestIngestSearchExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.txt", "Talks fail\n\nKremlin spokesman Dmitry Peskov said the talks in Istanbul had failed.")
	b := write("b.txt", "Shelling goes on\n\nThe mayor of Chernihiv said the shelling went on all night.")
	c := write("c.jsonl", `{"id":"c1","text":"Ukraine denied that troops were regrouping near Kyiv.","site":"example.org","published":"2022-03-30"}`+"\n")
	bad := write("bad.txt", "\x00\x01 binary")
	runCmd := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := run(args, &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"first ingest", []string{"ingest", "--db", db, a, b, c}, 0, "(3 new, 0 updated, 0 unchanged, 0 failed)", ""},
		{"again", []string{"ingest", "--db", db, a, b, c}, 0, "(0 new, 0 updated, 3 unchanged, 0 failed)", ""},
		{"forced", []string{"ingest", "--db", db, "--force", a}, 0, "(0 new, 1 updated, 0 unchanged, 0 failed)", ""},
		{"bad input", []string{"ingest", "--db", db, bad, a}, 1, "1 unchanged, 1 failed", "bad.txt: binary data"},
		{"no inputs", []string{"ingest", "--db", db}, 2, "", "usage: newsgraph ingest"},
		{"bad db", []string{"ingest", "--db", filepath.Join(dir, "no", "such", "dir", "x.db"), a}, 1, "", "newsgraph ingest:"},
		{"articles", []string{"search", "--db", db, "--articles", "shelling"}, 0, "1 of 1 articles", ""},
		{"articles by site", []string{"search", "--db", db, "--articles", "--site", "example.org"}, 0, "c1", ""},
		{"bad date", []string{"search", "--db", db, "--from", "March"}, 2, "", `from: "March" is not a date`},
		{"bad kind", []string{"export", "--db", db, "--kind", "rumour"}, 2, "", "kind"},
		{"bad format", []string{"export", "--db", db, "--format", "xml"}, 2, "", "unknown --format"},
	}
	for _, tc := range tests {
		code, stdout, stderr := runCmd(tc.args...)
		if code != tc.code || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%s: exit %d\nstdout: %s\nstderr: %s\nwant exit %d, stdout with %q, stderr with %q", tc.name, code, stdout, stderr, tc.code, tc.stdout, tc.stderr)
		}
	}

	// Updating a file replaces its article in place.
	write("a.txt", "Talks resume\n\nKremlin spokesman Dmitry Peskov said the talks in Istanbul would resume.")
	if code, stdout, _ := runCmd("ingest", "--db", db, a); code != 0 || !strings.Contains(stdout, "(0 new, 1 updated") {
		t.Errorf("update: %d %s", code, stdout)
	}
	code, stdout, _ := runCmd("search", "--db", db, "--articles", "--json", "resume")
	var res struct {
		Total    int
		Articles []struct{ ID, Title string }
	}
	if err := json.Unmarshal([]byte(stdout), &res); code != 0 || err != nil || res.Total != 1 || res.Articles[0].Title != "Talks resume" {
		t.Errorf("search --json after update: %d %v %s", code, err, stdout)
	}

	// Records export: one line per article, each an analysis record.
	code, stdout, _ = runCmd("export", "--db", db, "--records")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 0 || len(lines) != 3 {
		t.Fatalf("export --records: %d, %d lines", code, len(lines))
	}
	for _, l := range lines {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal([]byte(l), &rec); err != nil || rec.ID == "" || rec.Text == "" {
			t.Errorf("export line %q: %v", l, err)
		}
	}
	// CSV export: a header a spreadsheet can read, then one row per statement.
	out := filepath.Join(dir, "quotes.csv")
	if code, _, stderr := runCmd("export", "--db", db, "-o", out); code != 0 {
		t.Fatalf("export csv: %d %s", code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 1 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Errorf("csv: %v %v", err, rows)
	}
	code, stdout, _ = runCmd("search", "--db", db)
	if code != 0 || !strings.Contains(stdout, "PUBLISHED") || !strings.Contains(stdout, "statements") {
		t.Errorf("search table: %d %s", code, stdout)
	}
}

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+1":                "'+1",
		"-2 troops":         "'-2 troops",
		"@SUM(A1)":          "'@SUM(A1)",
		"We will win":       "We will win",
		"":                  "",
	} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"two\n lines\tand  tabs", 40, "two lines and tabs"},
		{"\x1b[2J\x1b]0;owned\x07cleared", 40, "[2J]0;ownedcleared"},
		{"ééééé", 3, "éé…"},
		{"abcdef", 4, "abc…"},
	} {
		if got := clip(tc.in, tc.n); got != tc.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}
