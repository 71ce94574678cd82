package eval

import (
	"slices"
	"testing"
)

// The expected values below were printed by score.py's own functions
// (python3 3.11, Unicode 14), so they pin the Python semantics.

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Hello, World!", []string{"hello", "world"}},
		{"don't stop_me now 42", []string{"don't", "stop_me", "now", "42"}},
		{"ΟΔΟΣ ΣΩΚΡΑΤΗΣ", []string{"οδος", "σωκρατης"}}, // final sigma
		{"İzmir", []string{"i", "zmir"}},                // İ lowers to i + U+0307, not a word character
		{"ﬁrst café", []string{"first", "café"}},        // NFKC unfolds the ligature
		{"cafe\u0301", []string{"café"}},                // and composes the accent
		{"x\u0301y", []string{"x", "y"}},                // a lone combining mark splits words
		{"Ｋｉｅｖ²", []string{"kiev2"}},
		{"rock’n’roll", []string{"rock", "n", "roll"}}, // only the ASCII apostrophe joins
		{"'quoted'", []string{"'quoted'"}},
		{"", nil},
		{"١٢٣ ⅷ ½", []string{"١٢٣", "viii", "1", "2"}},
		{"a\u00a0b\tc", []string{"a", "b", "c"}},
		{"ß STRASSE", []string{"ß", "strasse"}},
	}
	for _, tt := range tests {
		if got := words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr Peskov's", []string{"peskov"}},
		{"President Vladimir Putin", []string{"vladimir", "putin"}},
		{"Peskov’s aide", []string{"peskov", "aide"}},
		{"Peskov'S", []string{"peskov's"}}, // possessives go before lower-casing
		{"it'sy", []string{"it'sy"}},
		{"the Minister", nil},
		{"O'Neill's", []string{"o'neill"}},
		{"'s", nil},
		{"Jones's's", []string{"jones"}},
	}
	for _, tt := range tests {
		if got := nameTokens(tt.in); len(got) != len(tt.want) || !slices.Equal(got, tt.want) {
			t.Errorf("nameTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		sys, gold string
		want      bool
	}{
		{"Peskov", "Dmitry Peskov", true},
		{"the ministry", "Defence Ministry", true},
		{"government", "The government", true},
		{"li", "Ali Khan", true}, // substring of the joined name, as in score.py
		{"", "X", false},
		{"Mr", "Mr Smith", false},
		{"Smith Jones", "Jones Smith", false},
	}
	for _, tt := range tests {
		if got := sameSpeaker(tt.sys, tt.gold); got != tt.want {
			t.Errorf("sameSpeaker(%q, %q) = %v, want %v", tt.sys, tt.gold, got, tt.want)
		}
	}
}

func TestWordF1(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"a b c d", "a b x", 0.5714285714285715},
		{"a a b", "a b b", 0.6666666666666666},
		{"", "a", 0},
		{"a", "b", 0},
		{"same words", "Same, words!", 1},
	}
	for _, tt := range tests {
		if got := wordF1(words(tt.a), words(tt.b)); got != tt.want {
			t.Errorf("wordF1(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMatchPairs(t *testing.T) {
	tests := []struct {
		name string
		sim  [][]float64 // sim[i][j], system i against gold j
		want [][2]int
	}{
		{"best first", [][]float64{{0.6, 0.9}, {0.8, 0.7}}, [][2]int{{0, 1}, {1, 0}}},
		{"threshold", [][]float64{{0.49, 0.5}}, [][2]int{{0, 1}}},
		// Equal scores: Python sorts (v, i, j) descending, so the highest
		// system index, then the highest gold index, is taken first.
		{"tie on system", [][]float64{{1}, {1}}, [][2]int{{1, 0}}},
		{"tie on gold", [][]float64{{1, 1}}, [][2]int{{0, 1}}},
		{"none", [][]float64{{0.1}}, nil},
	}
	for _, tt := range tests {
		got := matchPairs(len(tt.sim), len(tt.sim[0]), func(i, j int) float64 { return tt.sim[i][j] }, 0.5)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: matchPairs = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestStrip(t *testing.T) {
	if got := strip("\x1c\u3000 P8Y\u00a0\t\x1f"); got != "P8Y" {
		t.Errorf("strip = %q, want P8Y", got)
	}
	if got := strip("\u200bP8Y"); got != "\u200bP8Y" { // ZWSP is not space in Python
		t.Errorf("strip kept %q", got)
	}
}

func BenchmarkWords(b *testing.B) {
	s := "Therefore, Konashenkov underlined, the purpose of the Russian forces' regrouping \"is to intensify operations in priority areas and, above all, to complete the operation for the complete liberation of the Donbass.\""
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		words(s)
	}
}
