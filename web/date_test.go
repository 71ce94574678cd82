package web

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestPublishedDate(t *testing.T) {
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	tests := []struct {
		name, page, url string
		found           time.Time
		want            string
	}{
		{"htmldate agrees", `<meta property="article:published_time" content="2020-01-19T12:25:36+01:00">`, "", day("2020-01-19"), "2020-01-19"},
		{"htmldate took the modified date", `<meta property="article:published_time" content="2020-01-19T12:25:36Z"><meta property="article:modified_time" content="2020-01-20T09:49:32Z">`, "", day("2020-01-20"), "2020-01-19"},
		{"htmldate took the URL date", `<script type="application/ld+json">{"datePublished":"2020-02-19T18:37:32+01:00"}</script>`, "https://elpais.com/elpais/2020/02/18/ciencia/x.html", day("2020-02-18"), "2020-02-19"},
		{"UTC near midnight not trusted", `<meta property="article:published_time" content="2022-05-04T00:44:52Z">`, "https://x.org/2022/05/03/y", day("2022-05-03"), "2022-05-03"},
		{"nothing found, declared used", `<meta property="article:published_time" content="2021-06-01">`, "", time.Time{}, "2021-06-01"},
		{"nothing at all", `<p>x</p>`, "", time.Time{}, "0001-01-01"},
		{"UTC midnight on a German site is the next day", `<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">`, "https://beige.de/artikel/x", day("2022-11-06"), "2022-11-07"},
		{"+00:00 from WordPress is local time", `<time itemprop="datePublished" datetime="2019-12-26T23:07:45+00:00">`, "https://www.talent.ch/?p=5031", day("2019-12-26"), "2019-12-26"},
		{"htmldate kept when the page disagrees otherwise", `<meta property="article:published_time" content="2016-07-09T10:15:18+02:00">`, "", day("2016-06-09"), "2016-06-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _ := html.Parse(strings.NewReader(tt.page))
			if got := publishedDate(root, tt.found, tt.url).Format(time.DateOnly); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestZoneOf(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.spiegel.de/a", "Europe/Berlin"},
		{"https://www.lanacion.com.ar/x", "America/Argentina/Buenos_Aires"},
		{"https://www.bbc.co.uk/news", "Europe/London"},
		{"https://edition.cnn.com/x", "<nil>"},
		{"", "<nil>"},
		{"::bad", "<nil>"},
	}
	for _, tt := range tests {
		got := "<nil>"
		if loc := zoneOf(tt.url); loc != nil {
			got = loc.String()
		}
		if got != tt.want {
			t.Errorf("zoneOf(%q) = %s, want %s", tt.url, got, tt.want)
		}
	}
}
