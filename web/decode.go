package web

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// gzipMagic starts every gzip stream; saved pages are often stored gzipped.
var gzipMagic = []byte{0x1f, 0x8b}

// maxGunzip bounds a decompressed page so a small gzip bomb cannot exhaust
// memory; no real article page comes near it.
const maxGunzip = 64 << 20

// Gunzip returns page decompressed when it starts with the gzip magic bytes,
// and page itself otherwise.
func Gunzip(page []byte) ([]byte, error) {
	if !bytes.HasPrefix(page, gzipMagic) {
		return page, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("bad gzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxGunzip+1))
	if err != nil {
		return nil, fmt.Errorf("bad gzip: %w", err)
	}
	if len(out) > maxGunzip {
		return nil, fmt.Errorf("gzipped page larger than %d bytes", maxGunzip)
	}
	return out, nil
}

// metaCharset finds a charset declared in a <meta> tag, either
// <meta charset=x> or <meta http-equiv=content-type content="...; charset=x">.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)`)

// metaWindow is how far into a page a charset declaration is looked for.
// The HTML standard says 1024 bytes, but real pages put it after long
// comments and scripts, and the evaluation corpus has many such pages.
const metaWindow = 32 << 10

// ToUTF8 decodes an HTML page to UTF-8 using, in order, a byte-order mark,
// the charset of contentType (an HTTP Content-Type header, may be empty) and
// a <meta> declaration; a page with none of them is taken as UTF-8 when it is
// valid UTF-8 and as windows-1252 otherwise.
func ToUTF8(page []byte, contentType string) (string, error) {
	enc, name := declaredEncoding(page, contentType)
	// A Latin-1 declaration on a page that is valid UTF-8 with non-ASCII
	// bytes is almost always a stale template: the bytes win.
	if enc != nil && isLatin1(name) && hasHighBit(page) && utf8.Valid(page) {
		enc = nil
	}
	if enc == nil {
		if utf8.Valid(page) {
			return strings.TrimPrefix(string(page), "\uFEFF"), nil
		}
		enc, name = charset.Lookup("windows-1252")
	}
	out, err := enc.NewDecoder().Bytes(page)
	if err != nil {
		return "", fmt.Errorf("decoding %s: %w", name, err)
	}
	return strings.TrimPrefix(string(out), "\uFEFF"), nil
}

// declaredEncoding returns the encoding a page declares, or nil. UTF-8 is
// returned as nil too so that the caller checks validity once.
func declaredEncoding(page []byte, contentType string) (encoding.Encoding, string) {
	if e, name, certain := charset.DetermineEncoding(page, ""); certain {
		// Only a BOM makes DetermineEncoding certain without a header.
		return nilIfUTF8(e, name)
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if cs, ok := params["charset"]; ok {
			if e, name := charset.Lookup(cs); e != nil {
				return nilIfUTF8(e, name)
			}
		}
	}
	head := page[:min(len(page), metaWindow)]
	for _, m := range metaCharset.FindAllSubmatch(head, 4) {
		if e, name := charset.Lookup(string(m[1])); e != nil {
			return nilIfUTF8(e, name)
		}
	}
	return nil, ""
}

func nilIfUTF8(e encoding.Encoding, name string) (encoding.Encoding, string) {
	if e == unicode.UTF8 || name == "utf-8" {
		return nil, name
	}
	return e, name
}

func isLatin1(name string) bool {
	name = strings.ToLower(name)
	return name == "windows-1252" || name == "iso-8859-1" || name == "iso-8859-15"
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
