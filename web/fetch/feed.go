package fetch

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/schollz/progressbar/v3"

	"newsgraph/doc"
	"newsgraph/input"
	"newsgraph/web"
	"newsgraph/web/dedup"
	"newsgraph/web/feed"
)

// Feed reads the feed at src (an http(s) URL, or a local file given by the
// user) and calls fn with each item's article in feed order: the linked page
// fetched and extracted, or, when the page cannot be had, the item's own
// content. An item with neither is passed with Err set. Items that repeat an
// article already passed (same canonical URL or text) are skipped. Feed
// returns an error only when the feed itself cannot be read or ctx ends.
func (f *Fetcher) Feed(ctx context.Context, src string, fn func(input.Item)) error {
	data, base, err := f.feedBytes(ctx, src)
	if err != nil {
		return err
	}
	fd, err := feed.Parse(data, base)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	var bar *progressbar.ProgressBar
	if f.opts.Progress != nil {
		bar = progressbar.NewOptions(len(fd.Items),
			progressbar.OptionSetWriter(f.opts.Progress),
			progressbar.OptionSetDescription("fetching "+src),
			progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100_000_000),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(f.opts.Progress) }),
		)
	}
	step := func() {
		if bar != nil {
			bar.Add(1)
		}
	}
	var seen dedup.Set
	for i, it := range fd.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := it.Link
		if name == "" {
			name = fmt.Sprintf("%s#item%d", src, i+1)
		}
		if seen.HasURL(it.Link) {
			step()
			continue
		}
		d, err := f.item(ctx, it, name)
		step()
		if err == nil && seen.Seen(d, it.Link) {
			continue
		}
		fn(input.Item{Name: name, Doc: d, Err: err})
	}
	return nil
}

// item turns one feed item into a Document.
func (f *Fetcher) item(ctx context.Context, it feed.Item, name string) (*doc.Document, error) {
	var fetchErr error
	if it.Link != "" {
		d, err := f.Fetch(ctx, it.Link)
		if err == nil {
			if d.Title == "" {
				d.Title = it.Title
			}
			if d.Published.IsZero() {
				d.Published = it.Published
			}
			return d, nil
		}
		fetchErr = err
	}
	text := web.FragmentText(it.Content)
	if text == "" {
		if fetchErr != nil {
			return nil, fetchErr
		}
		return nil, fmt.Errorf("%s: feed item has neither a link nor content", name)
	}
	return &doc.Document{ID: name, Title: it.Title, URL: it.Link, Published: it.Published, Text: text}, nil
}

// feedBytes reads a feed from a URL or a file, returning the base URL for
// its relative links.
func (f *Fetcher) feedBytes(ctx context.Context, src string) ([]byte, string, error) {
	if strings.Contains(src, "://") {
		res, err := f.Get(ctx, src)
		if err != nil {
			return nil, "", err
		}
		body, err := web.Gunzip(res.Body)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", src, err)
		}
		return body, res.URL, nil
	}
	fh, err := os.Open(src)
	if err != nil {
		return nil, "", err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, f.opts.MaxBody+1))
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", src, err)
	}
	if int64(len(data)) > f.opts.MaxBody {
		return nil, "", fmt.Errorf("%s: %w: more than %d bytes", src, ErrTooLarge, f.opts.MaxBody)
	}
	data, err = web.Gunzip(data)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", src, err)
	}
	return data, "", nil
}
