package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"newsgraph/doc"
)

// normaliseSlow is NormaliseSpace as it was before its fast path went
// eight bytes at a time: the reference the fast path must agree with.
// (Its byte-wise check let DEL through in a line that needed no other
// change, while the rewrite drops it; the fast path keeps that quirk.)
func normaliseSlow(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c < ' ' || c == ' ' && (i == 0 || i+1 == len(s) || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\u00AD' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func TestNormaliseSpace(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", ""},
		{"plain words only", "plain words only"},
		{"eight by eight bytes and then some more", "eight by eight bytes and then some more"},
		{" lead", "lead"},
		{"trail ", "trail"},
		{"two  spaces", "two spaces"},
		{"tab\there", "tab here"},
		{"a long line of ascii text with one tab\tnear the end", "a long line of ascii text with one tab near the end"},
		{"nbsp\u00a0here", "nbsp here"},
		{"soft\u00adhyphen", "softhyphen"},
		{"zero\u200bwidth and \ufeffbom", "zerowidth and bom"},
		{"café £5 “quoted” naïve", "café £5 “quoted” naïve"},
		{"long ascii prefix before the non-ascii: café\u2028line", "long ascii prefix before the non-ascii: café line"},
		{"c1\u0085control", "c1 control"}, // U+0085 is a space to unicode.IsSpace
		{"c1\u0080control", "c1control"},
		{"bad \xff byte in a line long enough", "bad \ufffd byte in a line long enough"},
		{"del\x7f kept in a clean line", "del\x7f kept in a clean line"},
		{"del\x7f dropped  in a line rewritten", "del dropped in a line rewritten"},
		{"ends in a space after eight  ", "ends in a space after eight"},
		{"\x00\x01\x1f", ""},
		{"\ufffd is valid", "\ufffd is valid"},
	}
	for _, tt := range tests {
		if got := NormaliseSpace(tt.in); got != tt.want {
			t.Errorf("NormaliseSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := normaliseSlow(tt.in); got != tt.want {
			t.Errorf("reference(%q) = %q, want %q (test case wrong)", tt.in, got, tt.want)
		}
	}
}

// FuzzNormaliseSpace holds the fast path (isNormalised) to the definition.
func FuzzNormaliseSpace(f *testing.F) {
	for _, s := range []string{"", "a b", " a", "a  b", "caf\u00e9 \u00a0x", "\xff", "abcdefgh\x1fijk", "abcdefgh\u2060"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormaliseSpace(s), normaliseSlow(s); got != want {
			t.Fatalf("NormaliseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkNormaliseSpace(b *testing.B) {
	line := `Kremlin spokesman Dmitry Peskov on Wednesday warned against excessive optimism, saying “nothing” had changed since £5bn was pledged.`
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		NormaliseSpace(line)
	}
}

// BenchmarkTokenizeArticles tokenises the pipeline's BBC sample (MIT
// licence), whose vocabulary is a news stream's, unlike the repeated
// sentence of BenchmarkPipeline.
func BenchmarkTokenizeArticles(b *testing.B) {
	files, _ := filepath.Glob("../pipeline/testdata/bbc/*.txt")
	if len(files) == 0 {
		b.Skip("no ../pipeline/testdata/bbc articles")
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, Clean(string(data)))
		size += len(data)
	}
	tz := NewTokenizer()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			d := &doc.Document{Text: t}
			tz.Tokenize(d)
		}
	}
}
