package web

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestBlockText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs never glue", "<p>It rained all month.</p><p>Simultaneously, rivers rose.</p>", "It rained all month.\n\nSimultaneously, rivers rose."},
		{"div blocks", "<div>One.</div><div>Two.</div>", "One.\n\nTwo."},
		{"inline stays inline", "<p>An <b>important</b> <a href='x'>link</a>.</p>", "An important link."},
		{"br breaks", "<p>Line one<br>Line two</p>", "Line one\n\nLine two"},
		{"soft hyphen and zero width", "<p>govern\u00adment\u200b work</p>", "government work"},
		{"white space collapsed", "<p>  a \n\t b  </p>", "a b"},
		{"headings and lists", "<h2>Why</h2><ul><li>First.</li><li>Second.</li></ul>", "Why\n\nFirst.\n\nSecond."},
		{"table rows and cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"scripts and captions dropped", "<p>Text.</p><script>x()</script><figure><figcaption>A caption</figcaption></figure>", "Text."},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := BlockText(n); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsCredit(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Photo: Jane Doe/Reuters", true},
		{"Foto: dpa", true},
		{"(Bild: Keystone)", true},
		{"© AFP", true},
		{"Image credit: Getty Images", true},
		{"Protesters in Kyiv on Monday. Jane Doe / Getty Images", true},
		{"Bildquelle: Pixabay", true},
		{"The photo was taken by a Reuters photographer on Monday, police said.", false},
		{"Reuters reported the deal on Monday.", false},
		{"He said: “The picture is clear.”", false},
		{"Photography is his passion, and he has spent thirty years travelling the world with a camera, selling prints to magazines and newspapers in more than forty countries across every continent.", false},
	}
	for _, tt := range tests {
		if got := isCredit(tt.in); got != tt.want {
			t.Errorf("isCredit(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFragmentText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>First.</p><p>Second.</p>", "First.\n\nSecond."},
		{"Just plain text, no tags.", "Just plain text, no tags."},
		{"<p>Story.</p><p>Photo: AP</p>", "Story."},
		{"", ""},
		{"<p><img src=x></p>", ""},
	}
	for _, tt := range tests {
		if got := FragmentText(tt.in); got != tt.want {
			t.Errorf("FragmentText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
