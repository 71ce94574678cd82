// Package dedup recognises an article reached twice: through URLs that
// differ only in tracking parameters, AMP variants or a canonical link, or
// with identical text.
package dedup

import (
	"crypto/sha256"
	nurl "net/url"
	"sort"
	"strings"
	"sync"
	"unicode"

	"newsgraph/doc"
)

// Set remembers the articles seen so far. The zero value is ready to use and
// it is safe for concurrent use.
type Set struct {
	mu    sync.Mutex
	urls  map[string]bool
	texts map[[sha256.Size]byte]bool
}

// HasURL reports whether an article was reached through u (in its canonical
// form) before. Use it to skip a download; it adds nothing.
func (s *Set) HasURL(u string) bool {
	c := Canonical(u)
	if c == "" {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.urls[c]
}

// Seen reports whether d repeats an article added before, by its URL, its
// ID, one of the other URLs it was reached through (a feed link before
// redirects) or its text, and adds it. Text is compared with white space and
// case folded, so a re-rendered copy of the same article matches too.
func (s *Set) Seen(d *doc.Document, via ...string) bool {
	h := TextHash(d.Text)
	hasText := strings.TrimSpace(d.Text) != ""
	var keys []string
	for _, u := range append([]string{d.URL, d.ID}, via...) {
		if c := Canonical(u); c != "" {
			keys = append(keys, c)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.urls == nil {
		s.urls = map[string]bool{}
		s.texts = map[[sha256.Size]byte]bool{}
	}
	dup := hasText && s.texts[h]
	for _, k := range keys {
		dup = dup || s.urls[k]
	}
	for _, k := range keys {
		s.urls[k] = true
	}
	if hasText {
		s.texts[h] = true
	}
	return dup
}

// TextHash hashes text with white-space runs collapsed and case folded.
func TextHash(text string) [sha256.Size]byte {
	var b strings.Builder
	b.Grow(len(text))
	for _, w := range strings.FieldsFunc(text, unicode.IsSpace) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(w))
	}
	return sha256.Sum256([]byte(b.String()))
}

// tracking lists query parameters that identify a campaign or a click, not
// a page.
var tracking = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "yclid": true, "twclid": true,
	"_ga": true, "_gl": true, "ref": true, "ref_src": true, "ref_url": true,
	"cmpid": true, "cmp": true, "ocid": true, "ito": true, "icid": true,
	"smid": true, "smtyp": true, "sharetype": true,
	"amp": true, "outputtype": true,
	"__twitter_impression": true, "mbid": true, "spm": true, "wt_mc": true,
	"wt.mc_id": true, "at_medium": true, "at_campaign": true, "xtor": true,
	"s_cid": true, "guccounter": true, "soc_src": true, "soc_trk": true,
}

// Canonical returns a URL's canonical form: scheme and host lower-cased, a
// "www." or "amp." host prefix, default port, fragment, tracking parameters
// (utm_*, fbclid, ...) and AMP path forms (/amp, .amp, /amp/...) removed, the
// remaining parameters sorted. It returns "" for anything that is not an
// absolute http(s) URL.
func Canonical(raw string) string {
	u, err := nurl.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return ""
	}
	host = strings.TrimPrefix(host, "www.")
	host = strings.TrimPrefix(host, "amp.")
	host = strings.TrimSuffix(host, ".cdn.ampproject.org")
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6
	}
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := u.EscapedPath()
	for _, suf := range []string{"/amp/", "/amp", ".amp", "/amp.html"} {
		if strings.HasSuffix(path, suf) {
			path = strings.TrimSuffix(path, suf)
			if suf == "/amp.html" {
				path += "/"
			}
			break
		}
	}
	if strings.HasPrefix(path, "/amp/") {
		path = path[len("/amp"):]
	}
	path = strings.TrimSuffix(path, "/")
	if path == "" {
		path = "/"
	}
	q := u.Query()
	var keys []string
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || tracking[lk] {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var qs []string
	for _, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for _, v := range vs {
			qs = append(qs, nurl.QueryEscape(k)+"="+nurl.QueryEscape(v))
		}
	}
	// The scheme is dropped: the http and https copies of a page are the
	// same article.
	out := "//" + host + path
	if len(qs) > 0 {
		out += "?" + strings.Join(qs, "&")
	}
	return out
}
