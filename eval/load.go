package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"newsgraph/doc"
	"newsgraph/input"
)

// A Set is the articles of one or more JSON Lines files (gold annotations
// or a system's analysis records), keyed by "id". Like score.py's load(),
// a later record with the same id replaces the earlier one but keeps its
// place in the order.
type Set struct {
	ids  []string
	recs map[string]map[string]any
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{recs: map[string]map[string]any{}} }

// Len is the number of distinct articles.
func (s *Set) Len() int { return len(s.ids) }

// IDs returns the article ids in the order they were first read.
func (s *Set) IDs() []string { return s.ids }

// Record returns the decoded record of an article, or nil.
func (s *Set) Record(id string) map[string]any { return s.recs[id] }

// Add adds one decoded record; it must have a string "id".
func (s *Set) Add(rec map[string]any) error {
	id, ok := rec["id"].(string)
	if !ok {
		if _, has := rec["id"]; !has {
			return errors.New(`record has no "id"`)
		}
		return fmt.Errorf(`"id" must be a string, got %s`, typeName(rec["id"]))
	}
	if _, seen := s.recs[id]; !seen {
		s.ids = append(s.ids, id)
	}
	s.recs[id] = rec
	return nil
}

// ReadFile adds the records of a JSON Lines file.
func (s *Set) ReadFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return s.Read(path, f)
}

// maxLine bounds one record; a whole analysed article with its spans is far
// smaller.
const maxLine = 64 << 20

// Read adds the records of JSON Lines read from r; name says where they
// come from in errors ("gold.jsonl:12: ..."). Lines are split as Python's
// text files split them (\n, \r\n or \r) and blank lines are skipped.
func (s *Set) Read(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	sc.Split(scanLines)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if !utf8.Valid(line) {
			return fmt.Errorf("%s:%d: invalid UTF-8", name, n)
		}
		text := strip(string(line))
		if text == "" {
			continue
		}
		rec, err := decodeRecord(text)
		if err == nil {
			err = s.Add(rec)
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// decodeRecord decodes one line holding one JSON object, keeping numbers
// as written so that time values print as Python prints them.
func decodeRecord(line string) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(line)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.InputOffset() != int64(len(line)) {
		return nil, fmt.Errorf("invalid JSON: extra data after the record at byte %d", dec.InputOffset())
	}
	rec, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("want a JSON object, got %s", typeName(v))
	}
	return rec, nil
}

// scanLines splits at \n, \r\n and \r (Python's universal newlines).
func scanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	for i, c := range data {
		switch c {
		case '\n':
			return i + 1, data[:i], nil
		case '\r':
			if i+1 < len(data) {
				if data[i+1] == '\n' {
					return i + 2, data[:i], nil
				}
				return i + 1, data[:i], nil
			}
			if atEOF {
				return i + 1, data[:i], nil
			}
			return 0, nil, nil // need the next byte to know if it is \r\n
		}
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// Documents returns the articles of a gold set as documents to analyse:
// id, text and publication date from each record.
func (s *Set) Documents() ([]*doc.Document, error) {
	docs := make([]*doc.Document, 0, len(s.ids))
	for _, id := range s.ids {
		rec := s.recs[id]
		text, ok := rec["text"].(string)
		if !ok {
			return nil, fmt.Errorf("article %q: \"text\" must be a string, got %s", id, typeName(rec["text"]))
		}
		d := &doc.Document{ID: id, Text: text}
		if p := rec["published"]; truthy(p) {
			ps, ok := p.(string)
			if !ok {
				return nil, fmt.Errorf("article %q: \"published\" must be a date string, got %s", id, typeName(p))
			}
			t, err := input.ParseDate(ps)
			if err != nil {
				return nil, fmt.Errorf("article %q: bad published date %q", id, ps)
			}
			d.Published = t
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// AddRecord adds an analysis record, read back from its JSON form so that
// scoring a run in process and scoring its written output agree.
func (s *Set) AddRecord(r *doc.Record) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	rec, err := decodeRecord(string(b))
	if err != nil {
		return fmt.Errorf("record %q: %w", r.ID, err)
	}
	return s.Add(rec)
}
