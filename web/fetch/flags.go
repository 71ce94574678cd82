package fetch

import (
	"io"
	"time"

	flag "github.com/spf13/pflag"
)

// Flags are the command-line flags of a Fetcher, for commands that fetch.
type Flags struct {
	opts     Options
	progress bool
}

// AddFlags registers the fetcher's flags on fs with their defaults.
func AddFlags(fs *flag.FlagSet) *Flags {
	f := &Flags{}
	fs.StringVar(&f.opts.UserAgent, "user-agent", DefaultUserAgent, "User-Agent header sent with every request")
	fs.BoolVar(&f.opts.IgnoreRobots, "ignore-robots", false, "do not obey robots.txt")
	fs.DurationVar(&f.opts.PerHost, "per-host", time.Second, "minimum `interval` between two requests to one host (negative: no limit)")
	fs.DurationVar(&f.opts.Timeout, "timeout", 30*time.Second, "time limit for one request, body included")
	fs.Int64Var(&f.opts.MaxBody, "max-body", 10<<20, "largest response body in `bytes`, after decompression")
	fs.IntVar(&f.opts.MaxRedirects, "max-redirects", 5, "redirects followed per request (negative: none)")
	fs.IntVar(&f.opts.Retries, "retries", 2, "retries of a request that got 429, 5xx or a connection error (negative: none)")
	fs.BoolVar(&f.opts.AllowPrivate, "allow-private", false, "allow loopback, private-network and file: URLs")
	fs.BoolVar(&f.progress, "progress", false, "draw a progress bar on stderr while reading feeds")
	return f
}

// Options returns the options the flags set; the progress bar, when asked
// for, goes to stderr.
func (f *Flags) Options(stderr io.Writer) Options {
	o := f.opts
	if f.progress {
		o.Progress = stderr
	}
	return o
}
