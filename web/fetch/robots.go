package fetch

import (
	"context"
	"errors"
	nurl "net/url"
	"sync"

	"github.com/temoto/robotstxt"
)

// robotsEntry is one host's robots.txt, fetched once.
type robotsEntry struct {
	once sync.Once
	data *robotstxt.RobotsData
}

// allowed reports whether robots.txt of u's host lets the user agent fetch u.
// A robots.txt that is missing (4xx) allows everything and one that fails
// with 5xx disallows everything, as RFC 9309 says; one that cannot be
// reached at all allows everything, since the page request will then most
// likely fail too and report the real error.
func (f *Fetcher) allowed(ctx context.Context, u *nurl.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	e := f.robots[key]
	if e == nil {
		e = &robotsEntry{}
		f.robots[key] = e
	}
	f.mu.Unlock()
	e.once.Do(func() {
		ru := &nurl.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		status, body := 200, []byte(nil)
		res, err := f.get(ctx, ru)
		var serr *StatusError
		switch {
		case err == nil:
			body = res.Body
		case errors.As(err, &serr):
			status = serr.Code
		default:
			status = 404
		}
		data, err := robotstxt.FromStatusAndBytes(status, body)
		if err != nil {
			// An unparsable robots.txt says nothing we can obey.
			data, _ = robotstxt.FromStatusAndBytes(404, nil)
		}
		e.data = data
		if g := data.FindGroup(f.opts.UserAgent); g != nil && g.CrawlDelay > 0 {
			f.slowDown(u.Host, g.CrawlDelay)
		}
	})
	if err := ctx.Err(); err != nil {
		return false, err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.data.TestAgent(path, f.opts.UserAgent), nil
}
