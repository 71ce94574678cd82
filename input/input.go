// Package input reads articles from files, directories, JSON Lines and stdin
// into Documents, streaming them in input order.
package input

import (
	"context"
	"time"

	"newsgraph/doc"
)

// Item is one article read, or the error that stopped reading it. Name says
// where it came from (a path, path:line, a URL) for error messages.
type Item struct {
	Name string
	Doc  *doc.Document
	Err  error
}

// Reader turns input arguments into articles.
type Reader struct {
	// Published is the reference date for articles that carry none.
	Published time.Time
	// HTML extracts an article from a web page; nil means HTML inputs are refused.
	HTML func(name string, page []byte) (*doc.Document, error)
	// Fetch downloads and extracts an http(s) URL; nil means URLs are refused.
	Fetch func(ctx context.Context, url string) (*doc.Document, error)
}
