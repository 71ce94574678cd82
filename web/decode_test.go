package web

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func latin1(s string) []byte {
	b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestGunzip(t *testing.T) {
	page := []byte("<p>hello</p>")
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr string
	}{
		{"plain", page, "<p>hello</p>", ""},
		{"gzipped", gz(t, page), "<p>hello</p>", ""},
		{"truncated gzip", gz(t, page)[:12], "", "bad gzip"},
		{"magic only", []byte{0x1f, 0x8b}, "", "bad gzip"},
		{"corrupt body", append(gz(t, page)[:10], bytes.Repeat([]byte{0xff}, 20)...), "", "bad gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Gunzip(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestToUTF8(t *testing.T) {
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("<p>Grüße</p>"))
	tests := []struct {
		name, contentType string
		page              []byte
		want              string
	}{
		{"utf-8 undeclared", "", []byte("<p>Grüße</p>"), "<p>Grüße</p>"},
		{"utf-8 BOM", "", []byte("\xef\xbb\xbf<p>Grüße</p>"), "<p>Grüße</p>"},
		{"utf-16 BOM", "", utf16, "<p>Grüße</p>"},
		{"meta charset", "", append([]byte(`<meta charset="iso-8859-1">`), latin1("<p>Grüße</p>")...), `<meta charset="iso-8859-1"><p>Grüße</p>`},
		{"meta http-equiv", "", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`), 0xcf, 0xf0, 0xe8), `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">При`},
		{"meta after 1024 bytes", "", append([]byte("<!--"+strings.Repeat("x", 2000)+`--><meta charset="latin1">`), latin1("ü")...), "<!--" + strings.Repeat("x", 2000) + `--><meta charset="latin1">ü`},
		{"header wins over meta", "text/html; charset=ISO-8859-1", append([]byte(`<meta charset="koi8-r">`), latin1("é")...), `<meta charset="koi8-r">é`},
		{"latin-1 declared but utf-8 bytes", "", []byte(`<meta charset="iso-8859-1"><p>Grüße</p>`), `<meta charset="iso-8859-1"><p>Grüße</p>`},
		{"undeclared latin-1", "", latin1("<p>Grüße</p>"), "<p>Grüße</p>"},
		{"unknown charset falls back", "", []byte(`<meta charset="x-nonsense"><p>ok</p>`), `<meta charset="x-nonsense"><p>ok</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToUTF8(tt.page, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
