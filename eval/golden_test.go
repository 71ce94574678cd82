package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestAgreement checks that Score agrees with the reference scorer on every
// case of testdata/cases.tsv: every field of the result, and the JSON and
// text reports byte for byte. The golden files are score.py's own output
// (testdata/mkgolden.sh).
func TestAgreement(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "cases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			t.Fatalf("cases.tsv: bad line %q", line)
		}
		name, golds, sys := fields[0], strings.Split(fields[1], "+"), fields[2]
		n++
		t.Run(name, func(t *testing.T) {
			gold := NewSet()
			for _, g := range golds {
				if err := gold.ReadFile(filepath.Join("testdata", g)); err != nil {
					t.Fatal(err)
				}
			}
			system := NewSet()
			if err := system.ReadFile(filepath.Join("testdata", sys)); err != nil {
				t.Fatal(err)
			}
			res, _, err := Score(gold, system)
			if err != nil {
				t.Fatal(err)
			}
			wantJSON, err := os.ReadFile(filepath.Join("testdata", "golden", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var want Result
			if err := json.Unmarshal(wantJSON, &want); err != nil {
				t.Fatal(err)
			}
			compareFields(t, "result", reflect.ValueOf(*res), reflect.ValueOf(want))

			var got bytes.Buffer
			if err := WriteJSON(&got, res); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), wantJSON) {
				t.Errorf("JSON report differs from score.py --json:\ngot:\n%s\nwant:\n%s", got.Bytes(), wantJSON)
			}
			wantText, err := os.ReadFile(filepath.Join("testdata", "golden", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got.Reset()
			if err := WriteText(&got, res); err != nil {
				t.Fatal(err)
			}
			if got.String() != string(wantText) {
				t.Errorf("text report differs from score.py:\ngot:\n%s\nwant:\n%s", got.String(), wantText)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("cases.tsv has %d cases; the agreement test needs them all", n)
	}
}

// compareFields reports each differing leaf of two results by its path
// (result.entities.PERSON.tp), so that a disagreement says where it is.
func compareFields(t *testing.T, path string, got, want reflect.Value) {
	t.Helper()
	if got.Kind() == reflect.Struct {
		for i := range got.NumField() {
			f := got.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			compareFields(t, path+"."+name, got.Field(i), want.Field(i))
		}
		return
	}
	if !reflect.DeepEqual(got.Interface(), want.Interface()) {
		t.Errorf("%s = %v, score.py says %v", path, got.Interface(), want.Interface())
	}
}
