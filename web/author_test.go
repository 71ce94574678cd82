package web

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestRestoreAuthors(t *testing.T) {
	tests := []struct {
		name, page string
		authors    []string
		want       []string
	}{
		{"page capitals kept", `<p>Text by BOB FISCHER</p>`, []string{"Bob Fischer"}, []string{"BOB FISCHER"}},
		{"diacritics kept", `<p>Von Gàbor Muniér</p>`, []string{"Gabor Munier"}, []string{"Gàbor Muniér"}},
		{"abbreviation stop kept", `<p>By Perry Bacon Jr. and friends</p>`, []string{"Perry Bacon Jr"}, []string{"Perry Bacon Jr."}},
		{"one byline", `<p>Von Fiona Bornhöft und Mariam Hofbeck</p>`, []string{"Fiona Bornhöft", "Mariam Hofbeck"}, []string{"Fiona Bornhöft und Mariam Hofbeck"}},
		{"separate names", `<p>Anna Roth</p><p>Lots of text</p><p>Ben Kurz</p>`, []string{"Anna Roth", "Ben Kurz"}, []string{"Anna Roth", "Ben Kurz"}},
		{"capitalised occurrence preferred", `<p>tags: georg kasch</p><p>Von Georg Kasch</p>`, []string{"Georg Kasch"}, []string{"Georg Kasch"}},
		{"URL slug not taken", `<a href="/autor/georg-kasch">x</a><meta name="author" content="Georg Kasch">`, []string{"Georg Kasch"}, []string{"Georg Kasch"}},
		{"only in meta", `<meta name="author" content="Maria Lindqvist"><p>text</p>`, []string{"maria lindqvist"}, []string{"Maria Lindqvist"}},
		{"byline words stripped", `<p>x</p>`, []string{"Autor: przepisy.pl"}, []string{"przepisy.pl"}},
		{"form label dropped", `<p>x</p>`, []string{"Name"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _ := html.Parse(strings.NewReader(tt.page))
			got := restoreAuthors(tt.authors, root, tt.page)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBylineAuthor(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"json-ld list", `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ariel Melgar Cabrera"}]}</script>`, []string{"Ariel Melgar Cabrera"}},
		{"json-ld graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","author":{"name":"Jo Smith"}}]}</script>`, []string{"Jo Smith"}},
		{"twitter label", `<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr">`, []string{"Karoline Herr"}},
		{"wordpress vcard", `<span class="byline">von <span class="author vcard"><a class="url fn n" href="/author/x">uriebe</a></span></span>`, []string{"uriebe"}},
		{"rel author", `<a rel="author" href="/a">Posted by Adi Tzlil</a>`, []string{"Adi Tzlil"}},
		{"byline paragraph", `<p>Ein detektivischer Musikfilm</p><p> von <em>Klaus Stanjek</em></p>`, []string{"Klaus Stanjek"}},
		{"text credit", `<p>(wird fortgesetzt)</p><p><strong>Text:</strong> Klausmartin Friedrich</p>`, []string{"Klausmartin Friedrich"}},
		{"chinese editor", `<div>责任编辑： 焦鹏</div>`, []string{"焦鹏"}},
		{"class contains author", `<div class="gallery--page-meta--author">Posted on September 21, 2020 by Adi Tzlil</div>`, []string{"Adi Tzlil"}},
		{"date dash name", `<p class="text-muted">11.12.2019 - Amelie Loevenich</p>`, []string{"Amelie Loevenich"}},
		{"article by", `<div>Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022</div>`, []string{"Pamela Sladky"}},
		{"text with illustration credit", `<p><em>Text von Christian Seiler Illustration: Jana Walther</em></p>`, []string{"Christian Seiler"}},
		{"nothing", `<p>No byline here.</p>`, nil},
		{"sentence is no byline", `<p>Von Anfang an war klar, dass es schwierig wird.</p>`, nil},
		{"bad json-ld", `<script type="application/ld+json">{"author": </script>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _ := html.Parse(strings.NewReader(tt.page))
			if got := bylineAuthor(root); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanAuthor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"Zeige alle Beiträge von Petra Ruland", "Petra Ruland"},
		{"Günter W. Kienitz at", "Günter W. Kienitz"},
		{"MORITZ GATHMANN am 12.3.", "MORITZ GATHMANN"},
		{"Por Alberto Ávila", "Alberto Ávila"},
		{"Auteur: Anna Kubišta", "Anna Kubišta"},
		{"Zum Profil von jesusfreak jesusfreak", "jesusfreak"},
		{"Grant Tinsley, PhD", "Grant Tinsley"},
		{"Johanna Kropfitsch Alle Artikel", "Johanna Kropfitsch"},
		{"Jens Bergmann Foto: Michael Hudler", "Jens Bergmann"},
		{"r23", "r23"},
		{"Art Edwards says", ""},
		{"Name (erforderlich)", ""},
		{"posted 12 March 2020", ""},
		{"Name", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cleanAuthor(tt.in); got != tt.want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
