// Package server serves newsgraph's store over HTTP: a read-only JSON API
// (described by openapi.yaml) and the web UI embedded from ui/, both from
// one binary that needs no network. Everything an article says is hostile
// input: the UI only ever inserts it as text, and every response carries a
// strict Content-Security-Policy.
package server

import (
	"bufio"
	"bytes"
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"newsgraph/doc"
	"newsgraph/store"
)

//go:embed ui
var uiFiles embed.FS

//go:embed openapi.yaml
var openAPI []byte

// Limits of one request.
const (
	MaxQuery      = 4 << 10  // bytes of URL query
	MaxIngestBody = 64 << 20 // bytes of an ingest request
	APITimeout    = 10 * time.Second
)

// CSP allows only the server's own scripts, styles, data and images; no
// inline script, no frames, no plugins.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Server answers API and UI requests from a store.
type Server struct {
	Store *store.Store
	// IngestToken enables POST /api/ingest for requests carrying it as a
	// bearer token; empty keeps the server read-only.
	IngestToken string
	// Analyze, when set, lets the ingest endpoint take raw articles
	// ({"id","text","title","published","url","site"} lines) as well as
	// analysis records.
	Analyze func(*doc.Document) (*doc.Record, error)
	Log     *log.Logger
	// CacheTTL keeps GET API answers this long (0: no cache). Ingest
	// through this server clears the cache.
	CacheTTL time.Duration

	once   sync.Once
	cache  *cache
	flight singleflight.Group // one computation per key for concurrent misses
	slots  chan struct{}      // bounds concurrent store queries
}

// DefaultCacheTTL is how long 'newsgraph serve' keeps API answers.
const DefaultCacheTTL = 5 * time.Second

// Handler returns the server's routes wrapped in the security headers and
// request limits.
func (s *Server) Handler() http.Handler {
	s.once.Do(func() {
		if s.CacheTTL > 0 {
			s.cache = newCache(s.CacheTTL, 2048)
		}
		// As many requests query the store at once as there are cores:
		// the others wait their turn instead of slowing every request
		// down together, which keeps the tail latency short under load.
		s.slots = make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))
	})
	mux := http.NewServeMux()
	api := func(pattern string, h func(*http.Request) (any, error)) {
		mux.Handle(pattern, http.TimeoutHandler(s.json(h), APITimeout, `{"error":"request took too long"}`))
	}
	api("GET /api/stats", s.stats)
	api("GET /api/search", s.search)
	api("GET /api/articles", s.articles)
	api("GET /api/article", s.article)
	api("GET /api/entities", s.entities)
	api("GET /api/entities/{id}", s.entity)
	api("GET /api/places", s.places)
	mux.Handle("POST /api/ingest", s.json(s.ingest))
	mux.HandleFunc("GET /api/openapi.yaml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		w.Write(openAPI)
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, errorBody{"no such API endpoint: " + r.Method + " " + r.URL.Path})
	})
	ui, _ := fs.Sub(uiFiles, "ui")
	files := http.FileServerFS(ui)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		files.ServeHTTP(w, r)
	})
	return secure(mux)
}

// HTTPServer returns an http.Server for addr with time limits that keep
// slow or idle clients from holding connections.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      2 * APITimeout,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}

func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if len(r.URL.RawQuery) > MaxQuery {
			writeJSON(w, http.StatusRequestURITooLong, errorBody{fmt.Sprintf("query longer than %d bytes", MaxQuery)})
			return
		}
		next.ServeHTTP(w, r)
	})
}

type errorBody struct {
	Error string `json:"error"`
}

// httpError is an error with the status it should be answered with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, a ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, a...)}
}

// admit runs h once a query slot is free.
func (s *Server) admit(h func(*http.Request) (any, error)) func(*http.Request) (any, error) {
	return func(r *http.Request) (any, error) {
		select {
		case s.slots <- struct{}{}:
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
		defer func() { <-s.slots }()
		return h(r)
	}
}

func (s *Server) json(h func(*http.Request) (any, error)) http.Handler {
	h = s.admit(h)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.RequestURI()
		if s.cache != nil && r.Method == http.MethodGet {
			if body, status, ok := s.cache.get(key); ok {
				writeBody(w, status, body)
				return
			}
		}
		if s.cache != nil && r.Method == http.MethodGet {
			// Concurrent misses for one key share one computation, so a
			// burst of identical requests runs the queries once.
			v, err, _ := s.flight.Do(key, func() (any, error) {
				// Shared by every waiter: not cancelled when the first
				// client goes away, but still bounded in time.
				ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), APITimeout)
				defer cancel()
				v, err := h(r.WithContext(ctx))
				if err != nil {
					return nil, err
				}
				body := encodeJSON(v)
				s.cache.put(key, body, http.StatusOK)
				return body, nil
			})
			if err == nil {
				writeBody(w, http.StatusOK, v.([]byte))
				return
			}
			s.fail(w, r, err)
			return
		}
		v, err := h(r)
		if err == nil {
			body := encodeJSON(v)
			if s.cache != nil && r.Method == http.MethodPost {
				s.cache.clear()
			}
			writeBody(w, http.StatusOK, body)
			return
		}
		s.fail(w, r, err)
	})
}

// fail answers with the status err calls for; internal errors are logged,
// not shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		writeJSON(w, he.status, errorBody{he.msg})
	case errors.Is(err, store.ErrNotFound):
		writeJSON(w, http.StatusNotFound, errorBody{err.Error()})
	case errors.Is(err, context.DeadlineExceeded):
		writeJSON(w, http.StatusServiceUnavailable, errorBody{"request took too long"})
	case errors.Is(err, context.Canceled):
		// The client went away: nobody to answer.
	default:
		if s.Log != nil {
			s.Log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		}
		writeJSON(w, http.StatusInternalServerError, errorBody{"internal error"})
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) { writeBody(w, status, encodeJSON(v)) }

func writeBody(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

func encodeJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true) // belt and braces: no raw < > & even in JSON
	if err := enc.Encode(v); err != nil {
		return []byte(`{"error":"internal error"}` + "\n")
	}
	return b.Bytes()
}

// query reads the search filters from URL parameters.
func query(r *http.Request) (store.Query, error) {
	v := r.URL.Query()
	q := store.Query{
		Text: v.Get("q"), Speaker: v.Get("speaker"), Entity: v.Get("entity"), About: v.Get("about"), Place: v.Get("place"),
		Cue: v.Get("cue"), Kind: v.Get("kind"), Site: v.Get("site"), From: v.Get("from"), To: v.Get("to"),
	}
	var err error
	if q.Limit, err = intParam(v.Get("limit"), "limit"); err != nil {
		return q, err
	}
	if q.Offset, err = intParam(v.Get("offset"), "offset"); err != nil {
		return q, err
	}
	if err := q.Validate(); err != nil {
		return q, badRequest("%v", err)
	}
	return q, nil
}

func intParam(s, name string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 1_000_000 {
		return 0, badRequest("%s: %q is not a count", name, s)
	}
	return n, nil
}

func (s *Server) stats(r *http.Request) (any, error) { return s.Store.Stats(r.Context()) }

func (s *Server) search(r *http.Request) (any, error) {
	q, err := query(r)
	if err != nil {
		return nil, err
	}
	return s.Store.Search(r.Context(), q, r.URL.Query().Get("facets") != "0")
}

func (s *Server) articles(r *http.Request) (any, error) {
	q, err := query(r)
	if err != nil {
		return nil, err
	}
	hits, total, err := s.Store.Articles(r.Context(), q)
	if err != nil {
		return nil, err
	}
	return map[string]any{"total": total, "articles": hits}, nil
}

func (s *Server) article(r *http.Request) (any, error) {
	id := r.URL.Query().Get("id")
	if id == "" {
		return nil, badRequest("id: missing")
	}
	return s.Store.Article(r.Context(), id)
}

func (s *Server) entity(r *http.Request) (any, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, badRequest("entity id %q is not a number", r.PathValue("id"))
	}
	return s.Store.Entity(r.Context(), id)
}

func (s *Server) entities(r *http.Request) (any, error) {
	v := r.URL.Query()
	limit, err := intParam(v.Get("limit"), "limit")
	if err != nil {
		return nil, err
	}
	return s.Store.Entities(r.Context(), v.Get("prefix"), v.Get("type"), limit)
}

func (s *Server) places(r *http.Request) (any, error) {
	limit, err := intParam(r.URL.Query().Get("limit"), "limit")
	if err != nil {
		return nil, err
	}
	return s.Store.Places(r.Context(), limit)
}

// IngestResult counts what an ingest request stored.
type IngestResult struct {
	Inserted  int `json:"inserted"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// ingest stores analysis records posted as JSON Lines (what 'newsgraph
// analyze' writes) or, when the server can analyse, raw articles. Each is
// its own transaction; the first bad line stops the request and is named
// in the error.
func (s *Server) ingest(r *http.Request) (any, error) {
	if s.IngestToken == "" {
		return nil, &httpError{http.StatusForbidden, "read-only server: start it with --ingest-token to enable ingest"}
	}
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.IngestToken)) != 1 {
		return nil, &httpError{http.StatusUnauthorized, "missing or wrong bearer token"}
	}
	body := http.MaxBytesReader(nil, r.Body, MaxIngestBody)
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 0, 1<<20), MaxIngestBody)
	var res IngestResult
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		out, err := s.ingestLine(r, line)
		if err != nil {
			return nil, badRequest("line %d: %v", n, err)
		}
		switch out {
		case store.Inserted:
			res.Inserted++
		case store.Updated:
			res.Updated++
		default:
			res.Unchanged++
		}
	}
	if err := sc.Err(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes", MaxIngestBody)}
		}
		return nil, badRequest("reading body: %v", err)
	}
	return res, nil
}

// article is a raw article line of an ingest request.
type article struct {
	ID        string  `json:"id"`
	Text      *string `json:"text"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	URL       string  `json:"url"`
	Site      string  `json:"site"`
}

// ingestLine stores one line: an analysis record (it has sentences,
// entities or quotes) or a raw article for Analyze.
func (s *Server) ingestLine(r *http.Request, line []byte) (store.Outcome, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return 0, fmt.Errorf("not a JSON object: %v", err)
	}
	_, sents := fields["sentences"]
	_, ents := fields["entities"]
	_, quotes := fields["quotes"]
	if sents || ents || quotes {
		var rec doc.Record
		if err := json.Unmarshal(line, &rec); err != nil {
			return 0, fmt.Errorf("not an analysis record: %v", err)
		}
		return s.Store.Put(r.Context(), &rec)
	}
	if s.Analyze == nil {
		return 0, errors.New("not an analysis record (this server does not analyse raw articles)")
	}
	var a article
	if err := json.Unmarshal(line, &a); err != nil {
		return 0, fmt.Errorf("not an article: %v", err)
	}
	if a.ID == "" || a.Text == nil || strings.TrimSpace(*a.Text) == "" {
		return 0, errors.New(`an article needs "id" and a non-empty "text"`)
	}
	d := &doc.Document{ID: a.ID, Title: a.Title, URL: a.URL, Site: a.Site, Text: *a.Text}
	if a.Published != "" {
		t, err := time.Parse("2006-01-02", a.Published)
		if err != nil {
			return 0, fmt.Errorf("published %q is not YYYY-MM-DD", a.Published)
		}
		d.Published = t
	}
	return s.Store.Ingest(r.Context(), d.ID, store.InputHash(d), false, func() (*doc.Record, error) { return s.Analyze(d) })
}
