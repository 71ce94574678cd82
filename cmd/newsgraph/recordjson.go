package main

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"

	"newsgraph/doc"
)

// appendRecordJSON appends r as one line of JSON, byte for byte what
// encoding/json's Encoder writes with SetEscapeHTML(false) (without the
// newline). encoding/json walked the record by reflection and was a tenth
// of `analyze`'s time; TestRecordJSONMatchesEncodingJSON and
// FuzzRecordJSON hold the two equal, and TestRecordJSONKnowsEveryField
// fails when a field is added to the record types so that it gets written
// here too.
func appendRecordJSON(b []byte, r *doc.Record) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, r.ID)
	b = append(b, `,"title":`...)
	b = appendStringPtr(b, r.Title)
	b = append(b, `,"url":`...)
	b = appendStringPtr(b, r.URL)
	b = append(b, `,"site":`...)
	b = appendStringPtr(b, r.Site)
	if len(r.Authors) > 0 {
		b = append(b, `,"authors":`...)
		b = appendStrings(b, r.Authors)
	}
	b = append(b, `,"published":`...)
	b = appendStringPtr(b, r.Published)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, r.Text)

	b = append(b, `,"sentences":`...)
	if r.Sentences == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Sentences {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendSpan(b, &r.Sentences[i])
		}
		b = append(b, ']')
	}

	b = append(b, `,"entities":`...)
	if r.Entities == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Entities {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendEntity(b, &r.Entities[i]); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}

	b = append(b, `,"quotes":`...)
	if r.Quotes == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Quotes {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendQuote(b, &r.Quotes[i]); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}

	b = append(b, `,"times":`...)
	if r.Times == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Times {
			if i > 0 {
				b = append(b, ',')
			}
			t := &r.Times[i]
			b = append(b, `{"start":`...)
			b = strconv.AppendInt(b, int64(t.Start), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(t.End), 10)
			b = append(b, `,"text":`...)
			b = appendJSONString(b, t.Text)
			b = append(b, `,"value":`...)
			b = appendStringPtr(b, t.Value)
			b = append(b, `,"type":`...)
			b = appendJSONString(b, t.Type)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

func appendEntity(b []byte, e *doc.RecordEntity) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, e.ID)
	b = append(b, `,"type":`...)
	b = appendJSONString(b, e.Type)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, e.Name)
	b = append(b, `,"roles":`...)
	b = appendStrings(b, e.Roles)
	b = append(b, `,"aliases":`...)
	b = appendStrings(b, e.Aliases)
	b = append(b, `,"mentions":`...)
	if e.Mentions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range e.Mentions {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendSpan(b, &e.Mentions[i])
		}
		b = append(b, ']')
	}
	if g := e.Geo; g != nil {
		b = append(b, `,"geo":{"geonameid":`...)
		b = strconv.AppendInt(b, int64(g.GeoNameID), 10)
		b = append(b, `,"name":`...)
		b = appendJSONString(b, g.Name)
		b = append(b, `,"country":`...)
		b = appendJSONString(b, g.Country)
		b = append(b, `,"feature":`...)
		b = appendJSONString(b, g.Feature)
		b = append(b, `,"lat":`...)
		var err error
		if b, err = appendFloat(b, g.Lat); err != nil {
			return b, err
		}
		b = append(b, `,"lon":`...)
		if b, err = appendFloat(b, g.Lon); err != nil {
			return b, err
		}
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

func appendQuote(b []byte, q *doc.RecordQuote) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, q.ID)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, q.Kind)
	b = append(b, `,"content":`...)
	b = appendSpan(b, &q.Content)
	b = append(b, `,"cue":`...)
	if c := q.Cue; c == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"start":`...)
		b = strconv.AppendInt(b, int64(c.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(c.End), 10)
		b = append(b, `,"text":`...)
		b = appendJSONString(b, c.Text)
		b = append(b, `,"lemma":`...)
		b = appendJSONString(b, c.Lemma)
		b = append(b, '}')
	}
	b = append(b, `,"speaker":`...)
	if s := q.Speaker; s == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"entity":`...)
		b = appendStringPtr(b, s.Entity)
		b = append(b, `,"name":`...)
		b = appendJSONString(b, s.Name)
		b = append(b, `,"role":`...)
		b = appendStringPtr(b, s.Role)
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, s.Kind)
		b = append(b, `,"mention":`...)
		b = appendSpan(b, &s.Mention)
		b = append(b, '}')
	}
	b = append(b, `,"confidence":`...)
	b, err := appendFloat(b, q.Confidence)
	return append(b, '}'), err
}

func appendSpan(b []byte, s *doc.RecordSpan) []byte {
	b = append(b, `{"start":`...)
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(s.End), 10)
	if s.Text != "" {
		b = append(b, `,"text":`...)
		b = appendJSONString(b, s.Text)
	}
	return append(b, '}')
}

func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

func appendStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *s)
}

// appendFloat formats f as encoding/json does (ES6 number formatting).
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, errors.New("json: unsupported value: " + strconv.FormatFloat(f, 'g', -1, 64))
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json does
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does without HTML escaping:
// control characters, quote and backslash escaped, invalid UTF-8 as
// \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
