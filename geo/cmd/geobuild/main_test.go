package main

import (
	"slices"
	"strings"
	"testing"
)

// A real cities500 line (Chernihiv, GeoNames 710735, CC BY 4.0), shortened.
const chernihiv = "710735\tChernihiv\tChernihiv\tCernigov,Chernigov,Chernihiv,Czernihów,Tschernigow,ji fu,CEJ,Чернігів\t51.50551\t31.28487\tP\tPPLA\tUA\t\t02\t\t\t\t285234\t\t140\tEurope/Kyiv\t2023-11-25"

func TestParseCity(t *testing.T) {
	b := newBuilder()
	b.drop["Tschernigow"] = true
	r, err := b.parseCity(chernihiv)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != 710735 || r.Name != "Chernihiv" || r.Country != "UA" || r.Feature != "PPLA" || r.Admin1 != "02" || r.Population != 285234 {
		t.Errorf("parseCity = %+v", r.Place)
	}
	for _, want := range []string{"Chernigov", "Cernigov", "Czernihów"} {
		if !slices.Contains(r.Names, want) {
			t.Errorf("names %v lack %q", r.Names, want)
		}
	}
	// Dropped: a drop line, a lower-case romanisation, an IATA code, Cyrillic.
	for _, not := range []string{"Tschernigow", "ji fu", "CEJ", "Чернігів"} {
		if slices.Contains(r.Names, not) {
			t.Errorf("names %v keep %q", r.Names, not)
		}
	}

	bad := []string{
		"",
		"710735\tChernihiv",
		strings.Replace(chernihiv, "710735", "x", 1),
		strings.Replace(chernihiv, "51.50551", "951.5", 1),
		strings.Replace(chernihiv, "285234", "-1", 1),
	}
	for _, l := range bad {
		if _, err := b.parseCity(l); err == nil {
			t.Errorf("parseCity(%.40q) accepted a bad line", l)
		}
	}
}

func FuzzParseCity(f *testing.F) {
	f.Add(chernihiv)
	f.Add("1\tA\tA\t\t0\t0\tP\t\tZZ\t\t\t\t\t\t0\t\t\t\t")
	b := newBuilder()
	f.Fuzz(func(t *testing.T, line string) {
		r, err := b.parseCity(line)
		if err == nil && (r.ID <= 0 || r.Name == "" || r.Population < 0) {
			t.Errorf("accepted %+v", r.Place)
		}
	})
}

func TestKeepName(t *testing.T) {
	b := newBuilder()
	b.drop["Stalin"] = true
	tests := []struct {
		n, main string
		want    bool
	}{
		{"Kiev", "Kyiv", true}, {"KIEV", "Kyiv", false}, {"MOSKVA", "Moscow", true}, {"IEV", "Kyiv", false}, {"kiev", "Kyiv", false},
		{"Киев", "Kyiv", false}, {"Stalin", "Donetsk", false}, {"Stalin", "Stalin", true}, {"A1", "Kyiv", false},
		{"les Escaldes", "les Escaldes", true},
	}
	for _, tt := range tests {
		if got := b.keepName(tt.n, tt.main); got != tt.want {
			t.Errorf("keepName(%q, %q) = %v", tt.n, tt.main, got)
		}
	}
}

func TestNamedAfter(t *testing.T) {
	tests := []struct {
		iso, seat string
		want      bool
	}{
		{"Donets'ka Oblast'", "Donetsk", true}, {"Kharkivs'ka Oblast'", "Kharkiv", true}, {"Odes'ka Oblast'", "Odesa", true},
		{"L'vivs'ka Oblast'", "Lviv", true}, {"Sverdlovskaya oblast'", "Yekaterinburg", false},
	}
	for _, tt := range tests {
		if got := namedAfter(tt.iso, tt.seat); got != tt.want {
			t.Errorf("namedAfter(%q, %q) = %v", tt.iso, tt.seat, got)
		}
	}
}

func TestCleanSubdivisionName(t *testing.T) {
	for in, want := range map[string]string{"Nei Mongol (mn)": "Nei Mongol", "Aomen (zh) ***": "Aomen", "Tyva, Respublika [Tuva]": "Tyva, Respublika", "Texas": "Texas"} {
		if got := cleanSubdivisionName(in); got != want {
			t.Errorf("cleanSubdivisionName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The committed alias table parses, and bad lines are reported with their
// line number.
func TestParseAliases(t *testing.T) {
	lines, err := parseAliases(aliasTable)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, l := range lines {
		kinds[l.kind]++
	}
	for _, k := range []string{"place", "alias", "name", "demonym", "rename", "drop"} {
		if kinds[k] == 0 {
			t.Errorf("no %s lines in aliases.tsv", k)
		}
	}
	for _, bad := range []string{"place\t-1\tX", "alias\tx\tY", "bogus\tline", "demonym\tWelsh", "place\t-1\tX\tGB\tRGN\t\tlat\t0\t0\t"} {
		if _, err := parseAliases("# header\n" + bad + "\n"); err == nil || !strings.Contains(err.Error(), "aliases.tsv:2") {
			t.Errorf("parseAliases(%q) err = %v, want one naming line 2", bad, err)
		}
	}
}
