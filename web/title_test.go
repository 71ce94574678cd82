package web

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestStripSite(t *testing.T) {
	tests := []struct{ title, site, host, want string }{
		{"Sea wall approved | Northshore Gazette", "Northshore Gazette", "gazette.example.org", "Sea wall approved"},
		{"Northshore Gazette - Sea wall approved", "Northshore Gazette", "", "Sea wall approved"},
		{"Streit ums Feuerholz - www.AussenGedanken.de", "", "aussengedanken.de", "Streit ums Feuerholz"},
		{"Warum Wien zu blöd ist - Helge.at", "", "helge.at", "Warum Wien zu blöd ist"},
		{"Pour le néolibéralisme - AOC media - Analyse Opinion Critique", "", "aoc.media", "Pour le néolibéralisme"},
		{"Musik und Sport: So steigern Songs deine Leistung | Teufel Blog", "", "blog.teufel.de", "Musik und Sport: So steigern Songs deine Leistung"},
		{"Anglertalk mit Stephan Höferer - Fischerhütte | hejfish.com", "", "hejfish.com", "Anglertalk mit Stephan Höferer - Fischerhütte"},
		{"Four Years Remaining » Blog Archive » Interning of Small Integers in Python", "", "fouryears.eu", "Interning of Small Integers in Python"},
		// Dashes inside a headline stay.
		{"Minions mit Schablonen malen - mit Malerrolle", "", "example.de", "Minions mit Schablonen malen - mit Malerrolle"},
		{"Left - right - centre", "", "", "Left - right - centre"},
		{"", "Site", "site.com", ""},
	}
	for _, tt := range tests {
		if got := stripSite(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("stripSite(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestChooseTitle(t *testing.T) {
	tests := []struct {
		name, page, meta, site, host, want string
	}{
		{"headline is the meta title", `<title>X</title><h1>Sea wall approved</h1>`, "Sea wall approved", "", "", "Sea wall approved"},
		{"headline inside the title", `<title>Sea wall approved | Gazette</title><h1>Sea wall approved</h1>`, "Sea wall approved | Gazette", "", "", "Sea wall approved"},
		{"typography differs", `<h1>Korsetts – Shops, Designer</h1>`, "Korsetts - Shops, Designer", "", "", "Korsetts – Shops, Designer"},
		{"logo heading skipped", `<title>Das Musikvideo der Welt : Archiv | Blog</title><h1><a href="http://archiv.example.de/">Krimiblog</a></h1>`, "Krimiblog", "", "archiv.example.de", "Das Musikvideo der Welt : Archiv"},
		{"blog h2 headline", `<title>Geschichte | Klänge des Verschweigens</title><h2>Klänge des Verschweigens</h2>`, "Geschichte", "", "", "Klänge des Verschweigens"},
		{"hidden heading skipped", `<title>T: Die Erklärung | Hummeln</title><h2 class="screen-reader-text">T: Die Erklärung | Hummeln</h2><h1>Tote Hummeln unter Linden</h1>`, "Tote Hummeln unter Linden: Die Erklärung | Hummeln", "", "", "Tote Hummeln unter Linden"},
		{"no headline", `<title>Sea wall approved | Gazette</title>`, "Sea wall approved | Gazette", "Gazette", "", "Sea wall approved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := chooseTitle(root, tt.meta, tt.site, tt.host); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
