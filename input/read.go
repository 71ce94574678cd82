package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"newsgraph/doc"
	"newsgraph/text"
)

// MaxArticle bounds one article's size; anything larger is refused rather
// than read into memory.
const MaxArticle = 32 << 20

// Stdin is read for the argument "-"; tests replace it.
var Stdin io.Reader = os.Stdin

// Read streams the articles named by args (files, directories read
// recursively in name order, "-" for stdin, http(s) URLs) to out in input
// order, then closes out. Errors are items too, so one bad input never stops
// the others. Read returns early when ctx is cancelled.
func (r *Reader) Read(ctx context.Context, args []string, out chan<- Item) {
	defer close(out)
	emit := func(it Item) bool {
		select {
		case out <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, arg := range args {
		if !r.readArg(ctx, arg, emit) {
			return
		}
	}
}

func (r *Reader) readArg(ctx context.Context, arg string, emit func(Item) bool) bool {
	switch {
	case arg == "-":
		return r.readStream(ctx, "stdin", Stdin, emit)
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		if r.Fetch == nil {
			return emit(Item{Name: arg, Err: errors.New("URL inputs are not supported by this build")})
		}
		d, err := r.Fetch(ctx, arg)
		if err == nil {
			err = r.finish(d, arg)
		}
		return emit(Item{Name: arg, Doc: d, Err: err})
	}
	info, err := os.Stat(arg)
	if err != nil {
		return emit(Item{Name: arg, Err: err})
	}
	if !info.IsDir() {
		return r.readFile(ctx, arg, emit)
	}
	var files []string
	walkErr := filepath.WalkDir(arg, func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, path) // reported when read
			return nil
		}
		if de.IsDir() {
			if path != arg && strings.HasPrefix(de.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if r.accepts(path) {
			files = append(files, path)
		}
		return nil
	})
	if walkErr != nil {
		if !emit(Item{Name: arg, Err: walkErr}) {
			return false
		}
	}
	sort.Strings(files)
	for _, f := range files {
		if !r.readFile(ctx, f, emit) {
			return false
		}
	}
	return true
}

// accepts reports whether a file found in a directory is an input; named
// files are always read, whatever their extension.
func (r *Reader) accepts(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".jsonl", ".ndjson":
		return true
	case ".html", ".htm", ".gz":
		return r.HTML != nil
	}
	return false
}

func (r *Reader) readFile(ctx context.Context, path string, emit func(Item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return emit(Item{Name: path, Err: err})
	}
	defer f.Close()
	lower := strings.ToLower(path)
	switch ext := filepath.Ext(lower); {
	case ext == ".jsonl" || ext == ".ndjson":
		return r.readJSONL(ctx, path, f, emit)
	case ext == ".html" || ext == ".htm" || strings.HasSuffix(lower, ".html.gz") || strings.HasSuffix(lower, ".htm.gz"):
		if r.HTML == nil {
			return emit(Item{Name: path, Err: errors.New("HTML inputs are not supported by this build")})
		}
		page, err := readLimited(f)
		if err != nil {
			return emit(Item{Name: path, Err: err})
		}
		d, err := r.HTML(path, page)
		if err == nil {
			err = r.finish(d, path)
		}
		return emit(Item{Name: path, Doc: d, Err: err})
	}
	data, err := readLimited(f)
	if err != nil {
		return emit(Item{Name: path, Err: err})
	}
	d, err := r.plain(path, data)
	return emit(Item{Name: path, Doc: d, Err: err})
}

// readStream reads stdin: JSON Lines when it starts with '{', else one text.
func (r *Reader) readStream(ctx context.Context, name string, in io.Reader, emit func(Item) bool) bool {
	br := bufio.NewReaderSize(in, 64<<10)
	for {
		b, err := br.Peek(1)
		if err != nil || !isSpace(b[0]) {
			break
		}
		br.ReadByte()
	}
	if b, err := br.Peek(1); err == nil && b[0] == '{' {
		return r.readJSONL(ctx, name, br, emit)
	}
	data, err := readLimited(br)
	if err != nil {
		return emit(Item{Name: name, Err: err})
	}
	d, err := r.plain(name, data)
	return emit(Item{Name: name, Doc: d, Err: err})
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxArticle+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxArticle {
		return nil, fmt.Errorf("larger than %d MiB", MaxArticle>>20)
	}
	return data, nil
}

// plain makes a Document of a text file: BBC style, a headline line, a
// blank line, then the body. The headline becomes the title.
func (r *Reader) plain(name string, data []byte) (*doc.Document, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	body := string(data)
	d := &doc.Document{ID: name, Published: r.Published}
	if title, rest, ok := splitHeadline(body); ok {
		d.Title, body = title, rest
	}
	d.Text = body
	return d, r.finish(d, name)
}

// splitHeadline takes a first line that reads as a headline: short, not
// boilerplate, not a sentence ending in a full stop, and followed by a blank line.
func splitHeadline(s string) (title, rest string, ok bool) {
	s = strings.TrimLeft(s, "\ufeff \t\r\n")
	line, rest, found := strings.Cut(s, "\n")
	if !found {
		return "", s, false
	}
	line = strings.TrimSpace(line)
	if line == "" || strings.Count(line, " ") > 24 || text.IsBoilerplate(line) {
		return "", s, false
	}
	if last := line[len(line)-1]; last == '.' || last == ':' || last == ',' {
		return "", s, false
	}
	next, _, _ := strings.Cut(rest, "\n")
	if strings.TrimSpace(next) != "" {
		return "", s, false
	}
	return line, rest, true
}

// checkText refuses inputs that are not text: invalid UTF-8, binary data.
func checkText(data []byte) error {
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, w := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && w <= 1 {
				break
			}
			off += w
		}
		return fmt.Errorf("invalid UTF-8 at byte %d", off)
	}
	ctrl := 0
	for _, c := range data {
		if c == 0 {
			return errors.New("binary data (NUL byte), not text")
		}
		if c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl > len(data)/100+2 {
		return fmt.Errorf("binary data (%d control bytes), not text", ctrl)
	}
	return nil
}

// finish validates a document from any source and fills defaults.
func (r *Reader) finish(d *doc.Document, name string) error {
	if d == nil {
		return errors.New("no article")
	}
	if d.ID == "" {
		d.ID = name
	}
	if d.Published.IsZero() {
		d.Published = r.Published
	}
	if strings.TrimSpace(d.Text) == "" {
		return errors.New("empty text")
	}
	return nil
}

// jsonArticle is one line of a .jsonl input.
type jsonArticle struct {
	ID        string   `json:"id"`
	Text      *string  `json:"text"`
	Title     string   `json:"title"`
	Published string   `json:"published"`
	URL       string   `json:"url"`
	Site      string   `json:"site"`
	Authors   []string `json:"authors"`
}

func (r *Reader) readJSONL(ctx context.Context, name string, in io.Reader, emit func(Item) bool) bool {
	br := bufio.NewReaderSize(in, 256<<10)
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return false
		}
		line, err := readLine(br)
		if len(bytes.TrimSpace(line)) > 0 || errors.Is(err, errLineTooLong) {
			where := fmt.Sprintf("%s:%d", name, n)
			d, lerr := r.jsonLine(where, line)
			if errors.Is(err, errLineTooLong) {
				d, lerr = nil, err
			}
			if !emit(Item{Name: where, Doc: d, Err: lerr}) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil && !errors.Is(err, errLineTooLong) {
			return emit(Item{Name: fmt.Sprintf("%s:%d", name, n), Err: err})
		}
	}
}

var errLineTooLong = fmt.Errorf("line longer than %d MiB", MaxArticle>>20)

// readLine reads one line of any length up to MaxArticle; a longer line is
// skipped to its end and reported.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxArticle {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err == nil {
				err = errLineTooLong
			} else if err == io.EOF {
				err = errLineTooLong
			}
			return nil, err
		}
		buf = append(buf, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return buf, err
		}
	}
}

func (r *Reader) jsonLine(where string, line []byte) (*doc.Document, error) {
	if !utf8.Valid(line) {
		return nil, errors.New("invalid UTF-8")
	}
	var a jsonArticle
	if err := json.Unmarshal(line, &a); err != nil {
		return nil, fmt.Errorf("bad JSON: %v", err)
	}
	if a.Text == nil {
		return nil, errors.New(`no "text" field`)
	}
	if err := checkText([]byte(*a.Text)); err != nil {
		return nil, err
	}
	d := &doc.Document{ID: a.ID, Title: a.Title, URL: a.URL, Site: a.Site, Authors: a.Authors, Text: *a.Text}
	if a.Published != "" {
		t, err := ParseDate(a.Published)
		if err != nil {
			return nil, fmt.Errorf("bad published date %q", a.Published)
		}
		d.Published = t
	}
	return d, r.finish(d, where)
}

// ParseDate reads a publication date: YYYY-MM-DD or RFC 3339. The result
// is the calendar day, at midnight UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}
