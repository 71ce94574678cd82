package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	flag "github.com/spf13/pflag"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/time/rate"
)

// articleHTML is a page long enough for the extractor to see an article.
func articleHTML(title, body string) string {
	return `<html><head><meta charset="utf-8"><title>` + title + `</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>` + title + `</h1>
<p>` + body + ` The council voted on Tuesday to build a new sea wall along the northern quay, ending a debate that has lasted for more than a decade.</p>
<p>Simultaneously, the council set aside money for a study of the southern beaches, which lost much of their sand in the storms of the last two winters.</p>
</article><footer>Imprint</footer></body></html>`
}

// testOpts allow the loopback test server and keep waits short.
func testOpts() Options {
	return Options{AllowPrivate: true, PerHost: -1, Backoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond}
}

// site is a test server whose handlers are registered per path.
func site(t *testing.T, robots string) (*httptest.Server, *http.ServeMux) {
	t.Helper()
	mux := http.NewServeMux()
	if robots != "" {
		mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, robots) })
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, mux
}

func TestFetchArticle(t *testing.T) {
	srv, mux := site(t, "User-agent: *\nDisallow:\n")
	var ua atomic.Value
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML("Sea wall approved", "Work starts soon."))
	})
	f := New(testOpts())
	d, err := f.Fetch(context.Background(), srv.URL+"/a")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Sea wall approved" || d.URL != srv.URL+"/a" || d.ID != d.URL {
		t.Errorf("title %q URL %q ID %q", d.Title, d.URL, d.ID)
	}
	if !strings.Contains(d.Text, "decade.\n\nSimultaneously") || strings.Contains(d.Text, "Imprint") {
		t.Errorf("text %q", d.Text)
	}
	if got := ua.Load(); got != DefaultUserAgent {
		t.Errorf("User-Agent %q", got)
	}
}

func TestSafety(t *testing.T) {
	srv, mux := site(t, "")
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, articleHTML("T", "B")) })
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
	})
	strict := New(Options{PerHost: -1})
	loose := New(testOpts())
	tests := []struct {
		name string
		f    *Fetcher
		url  string
		want error
	}{
		{"loopback refused", strict, srv.URL + "/a", ErrPrivate},
		{"localhost name refused", strict, strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/a", ErrPrivate},
		{"private network refused", strict, "http://10.1.2.3/", ErrPrivate},
		{"file refused", strict, "file:///etc/hostname", ErrPrivate},
		{"ftp refused", loose, "ftp://example.org/", ErrScheme},
		{"redirect to ftp refused", loose, srv.URL + "/to-ftp", ErrScheme},
		{"loopback allowed", loose, srv.URL + "/a", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_, err := tt.f.Get(ctx, tt.url)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	srv, mux := site(t, "")
	for i := 1; i <= 3; i++ {
		next := fmt.Sprintf("/r%d", i+1)
		if i == 3 {
			next = "/final"
		}
		mux.HandleFunc(fmt.Sprintf("/r%d", i), func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, next, http.StatusMovedPermanently)
		})
	}
	mux.HandleFunc("/final", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })

	o := testOpts()
	res, err := New(o).Get(context.Background(), srv.URL+"/r1")
	if err != nil || res.URL != srv.URL+"/final" || string(res.Body) != "ok" {
		t.Fatalf("3 redirects with limit 5: %v %+v", err, res)
	}
	o.MaxRedirects = 2
	if _, err := New(o).Get(context.Background(), srv.URL+"/r1"); !errors.Is(err, ErrRedirects) {
		t.Errorf("3 redirects with limit 2: err = %v", err)
	}
	o.MaxRedirects = 0
	if _, err := New(o).Get(context.Background(), srv.URL+"/loop"); !errors.Is(err, ErrRedirects) {
		t.Errorf("redirect loop: err = %v", err)
	}
}

func TestRobots(t *testing.T) {
	const ua = "newsgraph-test/1.0"
	robots := "User-agent: *\nDisallow: /private\n\nUser-agent: newsgraph-test\nDisallow: /nobots\nCrawl-delay: 2\n"
	srv, mux := site(t, robots)
	for _, p := range []string{"/public", "/private", "/nobots"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	}
	o := testOpts()
	o.UserAgent = ua
	f := New(o)
	ctx := context.Background()
	if _, err := f.Get(ctx, srv.URL+"/public"); err != nil {
		t.Errorf("/public: %v", err)
	}
	if _, err := f.Get(ctx, srv.URL+"/nobots"); !errors.Is(err, ErrRobots) {
		t.Errorf("/nobots: err = %v, want ErrRobots", err)
	}
	// The agent's own group replaces the * group.
	if _, err := f.Get(ctx, srv.URL+"/private"); err != nil {
		t.Errorf("/private for own group: %v", err)
	}
	// With a rate limit, a longer Crawl-delay slows the host down. A
	// disallowed path returns before waiting for the limiter.
	o.PerHost = time.Millisecond
	f = New(o)
	if _, err := f.Get(ctx, srv.URL+"/nobots"); !errors.Is(err, ErrRobots) {
		t.Errorf("/nobots: err = %v, want ErrRobots", err)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	if lim := f.hosts[host].lim.Limit(); lim != rate.Every(2*time.Second) {
		t.Errorf("Crawl-delay not applied: limit %v", lim)
	}
	o.IgnoreRobots = true
	o.PerHost = -1
	if _, err := New(o).Get(ctx, srv.URL+"/nobots"); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestRobotsStatus(t *testing.T) {
	tests := []struct {
		status int
		ok     bool
	}{
		{http.StatusNotFound, true},
		{http.StatusForbidden, true},
		{http.StatusInternalServerError, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			srv, mux := site(t, "")
			mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tt.status) })
			mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
			o := testOpts()
			o.Retries = -1
			_, err := New(o).Get(context.Background(), srv.URL+"/a")
			if ok := err == nil; ok != tt.ok {
				t.Errorf("robots.txt %d: err = %v, want allowed %v", tt.status, err, tt.ok)
			}
		})
	}
}

func TestRetries(t *testing.T) {
	srv, mux := site(t, "")
	var mu sync.Mutex
	hits := map[string]int{}
	count := func(p string) int { mu.Lock(); defer mu.Unlock(); hits[p]++; return hits[p] }
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if count("/flaky") < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "ok")
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if count("/busy") < 2 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "ok")
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { count("/down"); w.WriteHeader(http.StatusBadGateway) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { count("/gone"); w.WriteHeader(http.StatusNotFound) })

	f := New(testOpts()) // 2 retries
	ctx := context.Background()
	if _, err := f.Get(ctx, srv.URL+"/flaky"); err != nil {
		t.Errorf("/flaky: %v", err)
	}
	if _, err := f.Get(ctx, srv.URL+"/busy"); err != nil {
		t.Errorf("/busy: %v", err)
	}
	var se *StatusError
	if _, err := f.Get(ctx, srv.URL+"/down"); !errors.As(err, &se) || se.Code != http.StatusBadGateway {
		t.Errorf("/down: err = %v", err)
	}
	if _, err := f.Get(ctx, srv.URL+"/gone"); !errors.As(err, &se) || se.Code != http.StatusNotFound {
		t.Errorf("/gone: err = %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string]int{"/flaky": 3, "/busy": 2, "/down": 3, "/gone": 1}
	for p, n := range want {
		if hits[p] != n {
			t.Errorf("%s: %d requests, want %d", p, hits[p], n)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"3", 3 * time.Second}, {"junk", 0}, {"-1", 0},
		{"Wed, 21 Oct 2015 07:28:00 GMT", 0}, // in the past
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func compress(t *testing.T, enc string, b []byte) []byte {
	var buf bytes.Buffer
	switch enc {
	case "gzip":
		w := gzip.NewWriter(&buf)
		w.Write(b)
		w.Close()
	case "zlib":
		w := zlib.NewWriter(&buf)
		w.Write(b)
		w.Close()
	case "raw":
		w, _ := flate.NewWriter(&buf, 5)
		w.Write(b)
		w.Close()
	}
	return buf.Bytes()
}

func TestBodies(t *testing.T) {
	page := []byte(articleHTML("Bodies", "Compressed."))
	big := bytes.Repeat([]byte("x"), 5000)
	tests := []struct {
		name, encoding string
		body           []byte
		want           []byte
		wantErr        string
	}{
		{"plain", "", page, page, ""},
		{"gzip", "gzip", compress(t, "gzip", page), page, ""},
		{"deflate zlib", "deflate", compress(t, "zlib", page), page, ""},
		{"deflate raw", "deflate", compress(t, "raw", page), page, ""},
		{"bad gzip", "gzip", []byte("this is not gzip at all"), nil, "bad gzip"},
		{"oversized", "", big, nil, "too large"},
		{"oversized after gunzip", "gzip", compress(t, "gzip", big), nil, "too large"},
		{"unknown encoding", "br", page, nil, "Content-Encoding"},
	}
	srv, mux := site(t, "")
	for i, tt := range tests {
		mux.HandleFunc(fmt.Sprintf("/%d", i), func(w http.ResponseWriter, r *http.Request) {
			if tt.encoding != "" {
				w.Header().Set("Content-Encoding", tt.encoding)
			}
			w.Write(tt.body)
		})
	}
	o := testOpts()
	o.MaxBody = 4096
	f := New(o)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := f.Get(context.Background(), fmt.Sprintf("%s/%d", srv.URL, i))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || !bytes.Equal(res.Body, tt.want) {
				t.Fatalf("err %v, body %q", err, res.Body)
			}
		})
	}
}

func TestSlowResponse(t *testing.T) {
	srv, mux := site(t, "")
	release := make(chan struct{})
	defer close(release)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, "<html><body><p>start")
		w.(http.Flusher).Flush()
		select { // a body that never finishes
		case <-release:
		case <-r.Context().Done():
		}
	})
	o := testOpts()
	o.Timeout = 100 * time.Millisecond
	o.Retries = -1
	_, err := New(o).Fetch(context.Background(), srv.URL+"/slow")
	if err == nil || !strings.Contains(err.Error(), "Client.Timeout") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	// The caller's context ends a wait too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New(testOpts()).Get(ctx, srv.URL+"/slow"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
}

func TestCharsets(t *testing.T) {
	body := "Die Anwohner der Müllerstraße beschweren sich über den Lärm."
	l1, _ := charmap.ISO8859_1.NewEncoder().String(articleHTML("Lärm", body))
	win1251, _ := charmap.Windows1251.NewEncoder().String(strings.Replace(articleHTML("Шум", "Жители жалуются на шум."), "utf-8", "windows-1251", 1))
	tests := []struct {
		name, contentType, body, want string
	}{
		{"header charset", "text/html; charset=ISO-8859-1", strings.Replace(l1, `<meta charset="utf-8">`, "", 1), "Müllerstraße"},
		{"meta charset", "text/html", strings.Replace(l1, "utf-8", "iso-8859-1", 1), "Müllerstraße"},
		{"BOM", "text/html", "\xef\xbb\xbf" + articleHTML("Lärm", body), "Müllerstraße"},
		{"cyrillic meta", "text/html", win1251, "Жители жалуются"},
	}
	srv, mux := site(t, "")
	for i, tt := range tests {
		mux.HandleFunc(fmt.Sprintf("/%d", i), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", tt.contentType)
			fmt.Fprint(w, tt.body)
		})
	}
	f := New(testOpts())
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := f.Fetch(context.Background(), fmt.Sprintf("%s/%d", srv.URL, i))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Text, tt.want) {
				t.Errorf("text %q does not contain %q", d.Text, tt.want)
			}
		})
	}
}

func TestNotArticle(t *testing.T) {
	srv, mux := site(t, "")
	mux.HandleFunc("/nav", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><body><nav><a href="/a">Home</a><a href="/b">About</a></nav></body></html>`)
	})
	mux.HandleFunc("/img", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	f := New(testOpts())
	if _, err := f.Fetch(context.Background(), srv.URL+"/nav"); err == nil || !strings.Contains(err.Error(), "no article") {
		t.Errorf("/nav: err = %v", err)
	}
	if _, err := f.Fetch(context.Background(), srv.URL+"/img"); err == nil || !strings.Contains(err.Error(), "not an HTML page") {
		t.Errorf("/img: err = %v", err)
	}
}

func TestFlags(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fl := AddFlags(fs)
	if err := fs.Parse([]string{"--user-agent", "bot/1", "--ignore-robots", "--per-host", "250ms", "--max-body", "1000", "--retries", "-1", "--allow-private", "--progress"}); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	o := fl.Options(&stderr)
	want := Options{UserAgent: "bot/1", IgnoreRobots: true, PerHost: 250 * time.Millisecond, Timeout: 30 * time.Second,
		MaxBody: 1000, MaxRedirects: 5, Retries: -1, AllowPrivate: true, Progress: &stderr}
	if o != want {
		t.Errorf("got %+v, want %+v", o, want)
	}
	if o := AddFlags(flag.NewFlagSet("d", flag.ContinueOnError)).Options(nil); o.Progress != nil || o.AllowPrivate || o.IgnoreRobots {
		t.Errorf("defaults %+v", o)
	}
}
