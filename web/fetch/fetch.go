// Package fetch downloads web pages politely and safely: a clear User-Agent,
// robots.txt obeyed, a per-host rate limit, timeouts, a body size cap, a
// redirect limit, retries with backoff on 429 and 5xx, and no requests to
// private or loopback addresses unless allowed.
package fetch

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	nurl "net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/time/rate"

	"newsgraph/doc"
	"newsgraph/web"
)

// DefaultUserAgent names the program so site owners can tell who calls.
const DefaultUserAgent = "newsgraph/0.1 (news analysis; +https://github.com/newsgraph)"

// Options configure a Fetcher; the zero value gives the defaults noted on
// each field.
type Options struct {
	// UserAgent is sent with every request and matched against robots.txt
	// groups; DefaultUserAgent when empty.
	UserAgent string
	// IgnoreRobots skips robots.txt; it is obeyed by default.
	IgnoreRobots bool
	// PerHost is the minimum interval between two requests to one host;
	// 1s when zero, no limit when negative. A robots.txt Crawl-delay that is
	// longer wins.
	PerHost time.Duration
	// Timeout bounds one request including its body; 30s when zero.
	Timeout time.Duration
	// MaxBody caps a response body after decompression; 10 MiB when zero.
	MaxBody int64
	// MaxRedirects caps the redirects followed for one request; 5 when zero,
	// none when negative.
	MaxRedirects int
	// Retries is how often a 429, a 5xx or a connection error is retried;
	// 2 when zero, none when negative.
	Retries int
	// Backoff is the wait before the first retry, doubled for each further
	// one (with jitter); 1s when zero. A Retry-After header overrides it, up
	// to MaxBackoff.
	Backoff time.Duration
	// MaxBackoff caps one wait between retries; 30s when zero.
	MaxBackoff time.Duration
	// AllowPrivate permits loopback, private-network and link-local
	// addresses and file: URLs, all refused by default.
	AllowPrivate bool
	// Progress, when set, receives a progress bar for feeds.
	Progress io.Writer
}

func (o *Options) defaults() {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.PerHost == 0 {
		o.PerHost = time.Second
	}
	if o.Timeout == 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBody == 0 {
		o.MaxBody = 10 << 20
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = 5
	}
	if o.Retries == 0 {
		o.Retries = 2
	}
	if o.Backoff == 0 {
		o.Backoff = time.Second
	}
	if o.MaxBackoff == 0 {
		o.MaxBackoff = 30 * time.Second
	}
}

// Fetcher downloads pages. It is safe for concurrent use; the rate limit and
// robots.txt cache are shared by all callers.
type Fetcher struct {
	opts   Options
	client *http.Client

	mu     sync.Mutex
	hosts  map[string]*host
	robots map[string]*robotsEntry
}

// host is the rate limiter of one host.
type host struct {
	lim *rate.Limiter
}

// Errors a caller may want to tell apart.
var (
	ErrPrivate   = errors.New("private, loopback or file address refused (allow-private not set)")
	ErrRobots    = errors.New("disallowed by robots.txt")
	ErrTooLarge  = errors.New("response body too large")
	ErrScheme    = errors.New("only http and https URLs are fetched")
	ErrRedirects = errors.New("too many redirects")
)

// New returns a Fetcher with the given options.
func New(opts Options) *Fetcher {
	opts.defaults()
	f := &Fetcher{opts: opts, hosts: map[string]*host{}, robots: map[string]*robotsEntry{}}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		// Checking the address being dialled, not the URL's host name,
		// also catches names that resolve to private addresses and
		// redirects to them.
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			h, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(h); ip == nil || isPrivate(ip) {
				return fmt.Errorf("%s: %w", h, ErrPrivate)
			}
			return nil
		}
	}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		// Decompression is done here so that deflate is handled too and
		// MaxBody applies to the decompressed size.
		DisableCompression: true,
	}
	f.client = &http.Client{
		Transport: tr,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max(opts.MaxRedirects, 0) {
				return fmt.Errorf("%w: more than %d", ErrRedirects, max(opts.MaxRedirects, 0))
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL, ErrScheme)
			}
			return nil
		},
	}
	return f
}

// isPrivate reports whether ip is not a public unicast address.
func isPrivate(ip net.IP) bool {
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() || ip.IsUnspecified() ||
		// Shared address space (RFC 6598), used by carrier-grade NAT.
		(ip.To4() != nil && ip.To4()[0] == 100 && ip.To4()[1]&0xc0 == 64)
}

// Response is a downloaded body.
type Response struct {
	// URL is where the body came from after redirects.
	URL         string
	ContentType string
	Body        []byte
}

// Get downloads rawURL, obeying robots.txt and the rate limit, and retrying
// 429, 5xx and connection errors.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := nurl.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL %q: %w", rawURL, err)
	}
	switch u.Scheme {
	case "http", "https":
	case "file":
		if !f.opts.AllowPrivate {
			return nil, fmt.Errorf("%s: %w", rawURL, ErrPrivate)
		}
		return f.readFile(u)
	default:
		return nil, fmt.Errorf("%s: %w", rawURL, ErrScheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("bad URL %q: no host", rawURL)
	}
	if !f.opts.IgnoreRobots {
		ok, err := f.allowed(ctx, u)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%s: %w", rawURL, ErrRobots)
		}
	}
	return f.get(ctx, u)
}

// get downloads u with retries, without the robots.txt check.
func (f *Fetcher) get(ctx context.Context, u *nurl.URL) (*Response, error) {
	var lastErr error
	for attempt := 0; ; attempt++ {
		if err := f.wait(ctx, u.Host); err != nil {
			return nil, err
		}
		resp, retryAfter, err := f.once(ctx, u)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		var re *retryable
		if !errors.As(err, &re) || attempt >= max(f.opts.Retries, 0) {
			return nil, lastErr
		}
		d := f.opts.Backoff << attempt
		d += time.Duration(rand.Int64N(int64(d)/2 + 1))
		if retryAfter > 0 {
			d = retryAfter
		}
		d = min(d, f.opts.MaxBackoff)
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// retryable marks an error worth another attempt.
type retryable struct{ err error }

func (r *retryable) Error() string { return r.err.Error() }
func (r *retryable) Unwrap() error { return r.err }

// StatusError is a response with a status other than 2xx.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// once makes one request. It returns the Retry-After delay of a 429 or 503.
func (f *Fetcher) once(ctx context.Context, u *nurl.URL) (*Response, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/feed+json,*/*;q=0.8")
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	res, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() != nil || errors.Is(err, ErrPrivate) || errors.Is(err, ErrScheme) || errors.Is(err, ErrRedirects) {
			return nil, 0, err
		}
		return nil, 0, &retryable{err}
	}
	defer res.Body.Close()
	if res.StatusCode < 200 || res.StatusCode > 299 {
		serr := &StatusError{URL: u.String(), Code: res.StatusCode}
		if res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= 500 {
			return nil, retryAfter(res.Header.Get("Retry-After")), &retryable{serr}
		}
		return nil, 0, serr
	}
	body, err := f.readBody(res)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", u, err)
	}
	return &Response{URL: res.Request.URL.String(), ContentType: res.Header.Get("Content-Type"), Body: body}, 0, nil
}

// retryAfter parses a Retry-After header given in seconds or as a date.
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

// readBody decompresses and reads a body, refusing more than MaxBody bytes.
func (f *Fetcher) readBody(res *http.Response) ([]byte, error) {
	var r io.Reader = res.Body
	switch strings.ToLower(strings.TrimSpace(res.Header.Get("Content-Encoding"))) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(res.Body)
		if err != nil {
			return nil, fmt.Errorf("bad gzip body: %w", err)
		}
		r = zr
	case "deflate":
		// "deflate" is meant to be zlib-wrapped, but some servers send
		// raw deflate: a zlib header is a CM=8 byte whose 16-bit pair
		// with the next byte is a multiple of 31 (RFC 1950).
		br := bufio.NewReader(res.Body)
		if h, err := br.Peek(2); err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("bad deflate body: %w", err)
			}
			r = zr
		} else {
			r = flate.NewReader(br)
		}
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", res.Header.Get("Content-Encoding"))
	}
	body, err := io.ReadAll(io.LimitReader(r, f.opts.MaxBody+1))
	if err != nil {
		return nil, fmt.Errorf("reading body: %w", err)
	}
	if int64(len(body)) > f.opts.MaxBody {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, f.opts.MaxBody)
	}
	return body, nil
}

// readFile reads a file: URL (only with AllowPrivate).
func (f *Fetcher) readFile(u *nurl.URL) (*Response, error) {
	fh, err := os.Open(u.Path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	body, err := io.ReadAll(io.LimitReader(fh, f.opts.MaxBody+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	if int64(len(body)) > f.opts.MaxBody {
		return nil, fmt.Errorf("%s: %w: more than %d bytes", u, ErrTooLarge, f.opts.MaxBody)
	}
	return &Response{URL: u.String(), Body: body}, nil
}

// wait blocks until the host's rate limit lets another request through.
func (f *Fetcher) wait(ctx context.Context, hostname string) error {
	if f.opts.PerHost < 0 {
		return nil
	}
	f.mu.Lock()
	h := f.hosts[hostname]
	if h == nil {
		h = &host{lim: rate.NewLimiter(rate.Every(f.opts.PerHost), 1)}
		f.hosts[hostname] = h
	}
	f.mu.Unlock()
	return h.lim.Wait(ctx)
}

// slowDown makes the host's interval at least d (a robots.txt Crawl-delay).
func (f *Fetcher) slowDown(hostname string, d time.Duration) {
	if f.opts.PerHost < 0 || d <= f.opts.PerHost {
		return
	}
	d = min(d, time.Minute)
	f.mu.Lock()
	h := f.hosts[hostname]
	if h == nil {
		h = &host{lim: rate.NewLimiter(rate.Every(d), 1)}
		f.hosts[hostname] = h
	}
	f.mu.Unlock()
	h.lim.SetLimit(rate.Every(d))
}

// Fetch downloads an article page and extracts it. It has the signature of
// input.Reader.Fetch.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*doc.Document, error) {
	res, err := f.Get(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	if !isHTML(res.ContentType, res.Body) {
		return nil, fmt.Errorf("%s: not an HTML page (Content-Type %q)", rawURL, res.ContentType)
	}
	a, err := web.Extract(res.Body, res.ContentType, res.URL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	return a.Document(res.URL), nil
}

// isHTML reports whether a response is an HTML page, by its Content-Type or,
// when there is none, by sniffing.
func isHTML(contentType string, body []byte) bool {
	if contentType == "" {
		contentType = http.DetectContentType(body)
	}
	ct := strings.ToLower(contentType)
	return strings.HasPrefix(ct, "text/html") || strings.HasPrefix(ct, "application/xhtml") ||
		// Misconfigured servers label pages text/plain; let the extractor decide.
		strings.HasPrefix(ct, "text/plain") && bytes.Contains(bytes.ToLower(body[:min(len(body), 2048)]), []byte("<html"))
}
