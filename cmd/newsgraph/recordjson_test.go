package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"newsgraph/doc"
	"newsgraph/pipeline"
)

// encodingJSON is the reference: what recordWriter wrote before it had
// appendRecordJSON.
func encodingJSON(r *doc.Record) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func checkSameJSON(t *testing.T, name string, r *doc.Record) {
	t.Helper()
	want, werr := encodingJSON(r)
	got, gerr := appendRecordJSON(nil, r)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%s: error %v, encoding/json's %v", name, gerr, werr)
	}
	if werr == nil && !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("%s: differs from encoding/json at byte %d:\n got %.80q\nwant %.80q", name, i, got[i:], want[i:])
	}
}

func strp(s string) *string { return &s }

func TestRecordJSONMatchesEncodingJSON(t *testing.T) {
	// Whole records of the test articles.
	files, _ := filepath.Glob("testdata/*/*/*.txt")
	seed, _ := filepath.Glob("testdata/seed/*.txt")
	files = append(files, seed...)
	if len(files) == 0 {
		t.Fatal("no test articles")
	}
	p := pipeline.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := &doc.Document{ID: f, Text: string(data), Published: time.Date(2022, 3, 30, 0, 0, 0, 0, time.UTC)}
		p.Analyze(d)
		checkSameJSON(t, f, d.Record())
	}
	// Every optional part, both ways, and the strings and numbers that
	// need care.
	tricky := "q\"b\\s/<&>\x00\x01\x1f\x7f\b\f\n\r\t é \u2028\u2029 \xff\xfe 😀 end"
	full := &doc.Record{
		ID: tricky, Title: strp(tricky), URL: strp("https://x.test/?a=1&b=<2>"), Site: strp(""), Authors: []string{tricky, ""},
		Published: strp("2022-03-30"), Text: tricky,
		Sentences: []doc.RecordSpan{{Start: 0, End: 5}, {Start: 5, End: 9, Text: "x"}},
		Entities: []doc.RecordEntity{
			{ID: "E1", Type: "GPE", Name: "Kyiv", Roles: []string{}, Aliases: []string{"Kiev"}, Mentions: []doc.RecordSpan{{Start: 1, End: 2, Text: "K"}},
				Geo: &doc.Place{GeoNameID: -5, Name: tricky, Country: "UA", Feature: "PPLC", Lat: 50.45466, Lon: -1e-7}},
			{ID: "E2", Type: "PERSON", Name: "", Roles: nil, Aliases: nil, Mentions: nil, Geo: &doc.Place{Lat: 1e21, Lon: 123456789.125}},
		},
		Quotes: []doc.RecordQuote{
			{ID: "Q1", Kind: "direct", Content: doc.RecordSpan{Start: 1, End: 3, Text: tricky}, Confidence: 0.9},
			{ID: "Q2", Kind: "mixed", Content: doc.RecordSpan{}, Cue: &doc.RecordCue{Start: 1, End: 2, Text: "said", Lemma: "say"},
				Speaker:    &doc.RecordSpeaker{Entity: strp("E1"), Name: tricky, Role: strp("spokesman"), Kind: "person", Mention: doc.RecordSpan{Start: 0, End: 1, Text: "H"}},
				Confidence: 1e-9},
			{ID: "Q3", Kind: "indirect", Speaker: &doc.RecordSpeaker{Kind: "group"}, Confidence: math.Copysign(0, -1)},
		},
		Times: []doc.RecordTime{{Start: 0, End: 4, Text: "2014", Value: strp("2014"), Type: "DATE"}, {Type: "SET"}},
	}
	checkSameJSON(t, "full", full)
	checkSameJSON(t, "empty", &doc.Record{})
	checkSameJSON(t, "NaN", &doc.Record{Quotes: []doc.RecordQuote{{Confidence: math.NaN()}}})
	checkSameJSON(t, "Inf", &doc.Record{Entities: []doc.RecordEntity{{Geo: &doc.Place{Lat: math.Inf(1)}}}})
}

// TestRecordJSONKnowsEveryField fails when a record type gains, loses or
// renames a field: appendRecordJSON must then be changed to match.
func TestRecordJSONKnowsEveryField(t *testing.T) {
	want := map[reflect.Type]string{
		reflect.TypeFor[doc.Record]():        "id title url site authors,omitempty published text sentences entities quotes times",
		reflect.TypeFor[doc.RecordSpan]():    "start end text,omitempty",
		reflect.TypeFor[doc.RecordEntity]():  "id type name roles aliases mentions geo,omitempty",
		reflect.TypeFor[doc.Place]():         "geonameid name country feature lat lon",
		reflect.TypeFor[doc.RecordQuote]():   "id kind content cue speaker confidence",
		reflect.TypeFor[doc.RecordCue]():     "start end text lemma",
		reflect.TypeFor[doc.RecordSpeaker](): "entity name role kind mention",
		reflect.TypeFor[doc.RecordTime]():    "start end text value type",
	}
	for typ, fields := range want {
		var tags []string
		for i := range typ.NumField() {
			tags = append(tags, typ.Field(i).Tag.Get("json"))
		}
		if got := strings.Join(tags, " "); got != fields {
			t.Errorf("%v has JSON fields %q; appendRecordJSON writes %q: update recordjson.go", typ, got, fields)
		}
	}
}

func FuzzRecordJSON(f *testing.F) {
	f.Add("Kiev \"x\" \\ \n\u2028", 0.9)
	f.Add("\xff\x00<>&", 1e-7)
	f.Add("", 1e21)
	f.Fuzz(func(t *testing.T, s string, x float64) {
		r := &doc.Record{
			ID: s, Title: strp(s), Authors: []string{s}, Text: s,
			Sentences: []doc.RecordSpan{{Text: s}},
			Entities:  []doc.RecordEntity{{Name: s, Roles: []string{s}, Geo: &doc.Place{Name: s, Lat: x, Lon: -x}}},
			Quotes:    []doc.RecordQuote{{Content: doc.RecordSpan{Text: s}, Cue: &doc.RecordCue{Lemma: s}, Confidence: x}},
			Times:     []doc.RecordTime{{Text: s, Value: strp(s)}},
		}
		checkSameJSON(t, "fuzz", r)
	})
}

func seedRecord(b *testing.B) *doc.Record {
	data, err := os.ReadFile("testdata/seed/russia-regrouping-2022-03-30.txt")
	if err != nil {
		b.Fatal(err)
	}
	d := &doc.Document{ID: "seed", Text: string(data), Published: time.Date(2022, 3, 30, 0, 0, 0, 0, time.UTC)}
	pipeline.New().Analyze(d)
	return d.Record()
}

func BenchmarkAppendRecordJSON(b *testing.B) {
	rec := seedRecord(b)
	var buf []byte
	var err error
	b.ReportAllocs()
	for b.Loop() {
		if buf, err = appendRecordJSON(buf[:0], rec); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(buf)))
}

// BenchmarkEncodingJSONRecord is the encoder appendRecordJSON replaced, for
// comparison.
func BenchmarkEncodingJSONRecord(b *testing.B) {
	rec := seedRecord(b)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := enc.Encode(rec); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
