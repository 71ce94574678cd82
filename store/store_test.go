package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"newsgraph/doc"
)

// backend is a fresh empty database to run a test against.
type backend struct {
	name string
	dsn  string
}

var pgSchemas atomic.Int64

// backends returns a fresh SQLite file and, when NEWSGRAPH_TEST_PG names a
// PostgreSQL database, a fresh schema in it; tests run on each.
func backends(t testing.TB) []backend {
	t.Helper()
	bs := []backend{{"sqlite", filepath.Join(t.TempDir(), "test.db")}}
	if pg := os.Getenv("NEWSGRAPH_TEST_PG"); pg != "" {
		bs = append(bs, backend{"postgres", freshSchema(t, pg)})
	}
	return bs
}

// freshSchema creates an empty schema and returns a DSN whose search_path
// points at it, so PostgreSQL tests never see each other's rows.
func freshSchema(t testing.TB, dsn string) string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), pgSchemas.Add(1))
	if _, err := db.Exec(`DROP SCHEMA IF EXISTS ` + name + ` CASCADE; CREATE SCHEMA ` + name); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", dsn); err == nil {
			db.Exec(`DROP SCHEMA IF EXISTS ` + name + ` CASCADE`)
			db.Close()
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + name
}

func openTest(t testing.TB, b backend) *Store {
	t.Helper()
	s, err := Open(context.Background(), b.dsn)
	if err != nil {
		t.Fatalf("%s: %v", b.name, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// ent describes an entity of a test record: its mentions are found in the
// text by their strings, first occurrence after the previous one.
type ent struct {
	id, typ, name string
	roles         []string
	mentions      []string
	geo           *doc.Place
}

type quo struct {
	kind, content, cue, lemma string
	speaker                   string // entity id, "" for a speaker that is no entity
	speakerName, role         string
}

func find(t testing.TB, text, s string, from int) (int, int) {
	t.Helper()
	i := strings.Index(text[from:], s)
	if i < 0 {
		i = strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in text", s)
		}
		return i, i + len(s)
	}
	return from + i, from + i + len(s)
}

// record builds an analysis record over an ASCII text (byte offsets are
// code-point offsets there).
func record(t testing.TB, id, published, site, title, text string, ents []ent, quotes []quo) *doc.Record {
	t.Helper()
	p := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	rec := &doc.Record{ID: id, Title: p(title), Site: p(site), Published: p(published), Text: text,
		Sentences: []doc.RecordSpan{{Start: 0, End: len(text)}}, Entities: []doc.RecordEntity{}, Quotes: []doc.RecordQuote{}, Times: []doc.RecordTime{}}
	for _, e := range ents {
		re := doc.RecordEntity{ID: e.id, Type: e.typ, Name: e.name, Roles: e.roles, Aliases: []string{}, Geo: e.geo}
		if re.Roles == nil {
			re.Roles = []string{}
		}
		from := 0
		for _, m := range e.mentions {
			s, en := find(t, text, m, from)
			from = en
			re.Mentions = append(re.Mentions, doc.RecordSpan{Start: s, End: en, Text: m})
			if m != e.name && m != "he" && m != "He" && m != "she" {
				re.Aliases = append(re.Aliases, m)
			}
		}
		rec.Entities = append(rec.Entities, re)
	}
	for i, q := range quotes {
		s, e := find(t, text, q.content, 0)
		rq := doc.RecordQuote{ID: fmt.Sprintf("Q%d", i+1), Kind: q.kind, Content: doc.RecordSpan{Start: s, End: e, Text: q.content}, Confidence: 0.9}
		cs, ce := find(t, text, q.cue, 0)
		rq.Cue = &doc.RecordCue{Start: cs, End: ce, Text: q.cue, Lemma: q.lemma}
		if q.speakerName != "" {
			sp := &doc.RecordSpeaker{Name: q.speakerName, Kind: "person", Role: p(q.role)}
			ms, me := find(t, text, q.speakerName, 0)
			sp.Mention = doc.RecordSpan{Start: ms, End: me, Text: q.speakerName}
			if q.speaker != "" {
				sp.Entity = p(q.speaker)
			}
			rq.Speaker = sp
		}
		rec.Quotes = append(rec.Quotes, rq)
	}
	return rec
}

var chernihiv = &doc.Place{GeoNameID: 710735, Name: "Chernihiv", Country: "UA", Feature: "PPLA", Lat: 51.50551, Lon: 31.28487}

// corpus is three small articles: Peskov in two of them, under two names.
func corpus(t testing.TB) []*doc.Record {
	a := "Kremlin spokesman Dmitry Peskov said the negotiations in Istanbul were useful. \"We are regrouping troops near Chernigov,\" Peskov said. Ukraine denied that troops were regrouping."
	b := "Peskov told reporters on Friday that the negotiations had stalled. The mayor of Chernigov said shelling continued overnight."
	c := "The Bank of England said inflation would rise. Analysts expect rates to climb."
	return []*doc.Record{
		record(t, "a.txt", "2022-03-30", "bbc.co.uk", "Russia says it is regrouping", a,
			[]ent{
				{id: "E1", typ: "PERSON", name: "Dmitry Peskov", roles: []string{"Kremlin spokesman"}, mentions: []string{"Dmitry Peskov", "Peskov"}},
				{id: "E2", typ: "GPE", name: "Istanbul", mentions: []string{"Istanbul"}},
				{id: "E3", typ: "GPE", name: "Chernigov", mentions: []string{"Chernigov"}, geo: chernihiv},
				{id: "E4", typ: "GPE", name: "Ukraine", mentions: []string{"Ukraine"}},
			},
			[]quo{
				{kind: "indirect", content: "the negotiations in Istanbul were useful", cue: "said", lemma: "say", speaker: "E1", speakerName: "Dmitry Peskov", role: "Kremlin spokesman"},
				{kind: "direct", content: "We are regrouping troops near Chernigov,", cue: "said", lemma: "say", speaker: "E1", speakerName: "Peskov", role: "Kremlin spokesman"},
				{kind: "indirect", content: "that troops were regrouping", cue: "denied", lemma: "deny", speaker: "E4", speakerName: "Ukraine"},
			}),
		record(t, "b.txt", "2022-04-01", "reuters.com", "Talks stall", b,
			[]ent{
				{id: "E1", typ: "PERSON", name: "dmitry  PESKOV", mentions: []string{"Peskov"}},
				{id: "E2", typ: "GPE", name: "Chernigov", mentions: []string{"Chernigov"}},
			},
			[]quo{
				{kind: "indirect", content: "that the negotiations had stalled", cue: "told", lemma: "tell", speaker: "E1", speakerName: "Peskov"},
				{kind: "indirect", content: "shelling continued overnight", cue: "said", lemma: "say", speakerName: "The mayor of Chernigov"},
			}),
		record(t, "c.txt", "", "", "", c,
			[]ent{{id: "E1", typ: "ORG", name: "Bank of England", mentions: []string{"Bank of England"}}},
			[]quo{{kind: "indirect", content: "inflation would rise", cue: "said", lemma: "say", speaker: "E1", speakerName: "Bank of England"}}),
	}
}

func load(t testing.TB, s *Store) {
	t.Helper()
	for _, r := range corpus(t) {
		if _, err := s.Put(context.Background(), r); err != nil {
			t.Fatalf("put %s: %v", r.ID, err)
		}
	}
}

func speakerID(t *testing.T, s *Store, name string) int64 {
	t.Helper()
	var id int64
	if err := s.db.QueryRow(s.d.rebind(`SELECT entity_id FROM entity_aliases WHERE norm = ? GROUP BY entity_id`), Normalize(name)).Scan(&id); err != nil {
		t.Fatalf("entity %q: %v", name, err)
	}
	return id
}

func TestSearch(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			load(t, s)
			peskov := fmt.Sprint(speakerID(t, s, "Dmitry Peskov"))
			tests := []struct {
				name string
				q    Query
				want []string // article:quote, newest first
			}{
				{"all", Query{}, []string{"b.txt:Q2", "b.txt:Q1", "a.txt:Q3", "a.txt:Q2", "a.txt:Q1", "c.txt:Q1"}},
				{"text", Query{Text: "negotiations"}, []string{"b.txt:Q1", "a.txt:Q1"}},
				{"text stemmed", Query{Text: "negotiation"}, []string{"b.txt:Q1", "a.txt:Q1"}},
				{"text all words", Query{Text: "troops Chernigov"}, []string{"a.txt:Q2"}},
				{"speaker by alias", Query{Speaker: "Peskov"}, []string{"b.txt:Q1", "a.txt:Q2", "a.txt:Q1"}},
				{"speaker by id", Query{Speaker: peskov, Text: "negotiations"}, []string{"b.txt:Q1", "a.txt:Q1"}},
				{"speaker since", Query{Speaker: "peskov", From: "2022-03-31"}, []string{"b.txt:Q1"}},
				{"until", Query{To: "2022-03-30"}, []string{"a.txt:Q3", "a.txt:Q2", "a.txt:Q1"}},
				{"cue", Query{Cue: "deny"}, []string{"a.txt:Q3"}},
				{"kind", Query{Kind: "direct"}, []string{"a.txt:Q2"}},
				{"site", Query{Site: "reuters.com"}, []string{"b.txt:Q2", "b.txt:Q1"}},
				{"place", Query{Place: "Chernigov", Kind: "indirect"}, []string{"b.txt:Q2", "b.txt:Q1", "a.txt:Q3", "a.txt:Q1"}},
				{"about", Query{About: "Chernigov"}, []string{"a.txt:Q2"}},
				{"entity", Query{Entity: "Bank of England"}, []string{"c.txt:Q1"}},
				{"surname", Query{Speaker: "PESKOV", Kind: "direct"}, []string{"a.txt:Q2"}},
				{"first name is no surname", Query{Speaker: "Dmitry"}, nil},
				{"place is no org", Query{Place: "Bank of England"}, nil},
				{"claim and denial", Query{Text: "regrouping"}, []string{"a.txt:Q3", "a.txt:Q2"}},
				{"hostile fts", Query{Text: `"NEAR( -x OR title:* AND`}, nil},
				{"punctuation only", Query{Text: `*"()`}, nil},
				{"limit", Query{Limit: 2, Offset: 1}, []string{"b.txt:Q1", "a.txt:Q3"}},
			}
			for _, tc := range tests {
				res, err := s.Search(context.Background(), tc.q, true)
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				var got []string
				for _, st := range res.Statements {
					got = append(got, st.Article+":"+st.Quote)
				}
				if strings.Join(got, " ") != strings.Join(tc.want, " ") {
					t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
				}
				if tc.q.Limit == 0 && res.Total != len(tc.want) {
					t.Errorf("%s: total %d, want %d", tc.name, res.Total, len(tc.want))
				}
			}
		})
	}
}

func TestSearchFacetsAndFields(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			load(t, s)
			res, err := s.Search(context.Background(), Query{Speaker: "Peskov"}, true)
			if err != nil {
				t.Fatal(err)
			}
			st := res.Statements[len(res.Statements)-1]
			if st.Speaker == nil || st.Speaker.Name != "Dmitry Peskov" || deref(st.SpeakerRole) != "Kremlin spokesman" || deref(st.CueLemma) != "say" || deref(st.Site) != "bbc.co.uk" || deref(st.Published) != "2022-03-30" {
				t.Errorf("statement fields: %+v", st)
			}
			if f := res.Facets["speaker"]; len(f) != 1 || f[0].Label != "Dmitry Peskov" || f[0].Count != 3 {
				t.Errorf("speaker facet: %+v", f)
			}
			if f := res.Facets["site"]; len(f) != 2 || f[0].Value != "bbc.co.uk" || f[0].Count != 2 {
				t.Errorf("site facet: %+v", f)
			}
		})
	}
}

func TestQueryValidate(t *testing.T) {
	tests := []struct {
		q   Query
		err string
	}{
		{Query{From: "2022-13-01"}, "from"},
		{Query{To: "yesterday"}, "to"},
		{Query{Kind: "rumour"}, "kind"},
		{Query{Limit: -1}, "negative"},
		{Query{Limit: 10000}, ""},
	}
	for _, tc := range tests {
		err := tc.q.Validate()
		if (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%+v: err %v, want %q", tc.q, err, tc.err)
		}
	}
}

func count(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReingestInPlace(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			ctx := context.Background()
			load(t, s)
			before := map[string]int{}
			tables := []string{"articles", "quotes", "mentions", "entities", "quote_entities", "article_entities", "entity_roles"}
			for _, tb := range tables {
				before[tb] = count(t, s, tb)
			}
			for _, r := range corpus(t) { // same records again: nothing changes
				if out, err := s.Put(ctx, r); err != nil || out != Unchanged {
					t.Fatalf("re-put %s: %v %v", r.ID, out, err)
				}
			}
			// A changed article replaces its old rows.
			r := corpus(t)[0]
			r.Quotes = r.Quotes[:1]
			if out, err := s.Put(ctx, r); err != nil || out != Updated {
				t.Fatalf("update: %v %v", out, err)
			}
			if n := count(t, s, "articles"); n != before["articles"] {
				t.Errorf("articles %d after update, want %d", n, before["articles"])
			}
			if n := count(t, s, "quotes"); n != before["quotes"]-2 {
				t.Errorf("quotes %d after update, want %d", n, before["quotes"]-2)
			}
			if n := count(t, s, "mentions"); n != before["mentions"] {
				t.Errorf("mentions %d after update, want %d", n, before["mentions"])
			}
			res, err := s.Search(ctx, Query{Text: "regrouping"}, false)
			if err != nil || res.Total != 0 {
				t.Errorf("search finds deleted quotes: %v %+v", err, res)
			}
			if b.name == "sqlite" {
				if n := count(t, s, "quote_fts"); n != before["quotes"]-2 {
					t.Errorf("quote_fts %d rows, want %d", n, before["quotes"]-2)
				}
			}
		})
	}
}

func TestCanonicalEntity(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			load(t, s)
			id := speakerID(t, s, "Dmitry Peskov")
			e, err := s.Entity(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if e.Name != "Dmitry Peskov" || e.Type != "PERSON" || e.Articles != 2 || e.Said != 3 {
				t.Errorf("entity: %+v", e.Ref)
			}
			if strings.Join(e.Aliases, "|") != "Peskov|dmitry  PESKOV" {
				t.Errorf("aliases %q", e.Aliases)
			}
			if len(e.Roles) != 1 || e.Roles[0].Value != "Kremlin spokesman" {
				t.Errorf("roles %+v", e.Roles)
			}
			if len(e.Timeline) != 2 || e.Timeline[0] != (Facet{"2022-03", "2022-03", 2}) || e.Timeline[1] != (Facet{"2022-04", "2022-04", 1}) {
				t.Errorf("timeline %+v", e.Timeline)
			}
			var about []string
			for _, f := range e.TalksAbout {
				about = append(about, f.Label)
			}
			if strings.Join(about, ",") != "Chernihiv,Istanbul" {
				t.Errorf("talks about %v", about)
			}
			place := speakerID(t, s, "Chernigov")
			p, err := s.Entity(context.Background(), place)
			if err != nil {
				t.Fatal(err)
			}
			if p.Geo == nil || p.Geo.Country != "UA" || p.Articles != 2 || len(p.About) != 1 || p.About[0].Speaker.Name != "Dmitry Peskov" {
				t.Errorf("place: %+v geo %+v about %+v", p.Ref, p.Geo, p.About)
			}
			places, err := s.Places(context.Background(), 0)
			if err != nil || len(places) != 1 || places[0].Name != "Chernihiv" || places[0].Articles != 2 {
				t.Errorf("places %+v %v", places, err)
			}
			if _, err := s.Entity(context.Background(), 99999); err == nil {
				t.Error("missing entity: no error")
			}
			sug, err := s.Entities(context.Background(), "pes", "", 5)
			if err != nil || len(sug) != 1 || sug[0].Label != "Dmitry Peskov" {
				t.Errorf("suggestions %+v %v", sug, err)
			}
		})
	}
}

// TestPlacesByGazetteerID checks that names of one located place are one
// entity under the gazetteer's name, and that an unlocated mention of one
// of those names joins it.
func TestPlacesByGazetteerID(t *testing.T) {
	us := &doc.Place{GeoNameID: 6252001, Name: "United States", Country: "US", Feature: "PCLI", Lat: 39.76, Lon: -98.5}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			for i, name := range []string{"US", "America", "USA"} {
				var geo *doc.Place
				if name != "USA" {
					geo = us
				}
				if name == "USA" {
					// Unlocated, but a known name of the place: joins it
					// once "USA" is an alias (added here by a located one).
					r := record(t, "pre.txt", "", "", "", "USA and US.", []ent{{id: "E1", typ: "GPE", name: "US", mentions: []string{"USA"}, geo: us}}, nil)
					if _, err := s.Put(context.Background(), r); err != nil {
						t.Fatal(err)
					}
				}
				r := record(t, fmt.Sprintf("%d.txt", i), "", "", "", name+" said so.", []ent{{id: "E1", typ: "GPE", name: name, mentions: []string{name}, geo: geo}}, nil)
				if _, err := s.Put(context.Background(), r); err != nil {
					t.Fatal(err)
				}
			}
			places, err := s.Places(context.Background(), 0)
			if err != nil || len(places) != 1 || places[0].Name != "United States" || places[0].Articles != 4 {
				t.Errorf("places %+v %v, want one United States in 4 articles", places, err)
			}
			if n := count(t, s, "entities"); n != 1 {
				t.Errorf("%d entities, want 1", n)
			}
		})
	}
}

// TestSurnameJoinsPerson checks an article naming only "Peskov" lands on
// the known Dmitry Peskov, while an ambiguous surname stays apart.
func TestSurnameJoinsPerson(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			load(t, s)
			ctx := context.Background()
			text := "Peskov said the talks would go on. Smith said nothing."
			d := record(t, "d.txt", "2022-05-01", "", "", text,
				[]ent{{id: "E1", typ: "PERSON", name: "Peskov", mentions: []string{"Peskov"}}, {id: "E2", typ: "PERSON", name: "Smith", mentions: []string{"Smith"}}},
				[]quo{{kind: "indirect", content: "the talks would go on", cue: "said", lemma: "say", speaker: "E1", speakerName: "Peskov"}})
			for _, r := range []*doc.Record{
				record(t, "s1.txt", "", "", "", "Anna Smith spoke.", []ent{{id: "E1", typ: "PERSON", name: "Anna Smith", mentions: []string{"Anna Smith", "Smith"}}}, nil),
				record(t, "s2.txt", "", "", "", "John Smith spoke.", []ent{{id: "E1", typ: "PERSON", name: "John Smith", mentions: []string{"John Smith", "Smith"}}}, nil),
				d,
			} {
				if _, err := s.Put(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			res, err := s.Search(ctx, Query{Speaker: fmt.Sprint(speakerID(t, s, "Dmitry Peskov"))}, false)
			if err != nil || res.Total != 4 {
				t.Errorf("Dmitry Peskov has %d statements (%v), want 4 with the surname-only article", res.Total, err)
			}
			speakerID(t, s, "Smith") // its own entity: two Smiths are known
		})
	}
}

// TestSurnameFirstThenFullName checks the other order: an entity created
// from a surname alone is absorbed by the one full-name person who arrives
// later, statements, roles and aliases included.
func TestSurnameFirstThenFullName(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			ctx := context.Background()
			early := record(t, "early.txt", "2022-01-05", "", "", "Peskov said the talks would go on.",
				[]ent{{id: "E1", typ: "PERSON", name: "Peskov", roles: []string{"spokesman"}, mentions: []string{"Peskov"}}},
				[]quo{{kind: "indirect", content: "the talks would go on", cue: "said", lemma: "say", speaker: "E1", speakerName: "Peskov"}})
			if _, err := s.Put(ctx, early); err != nil {
				t.Fatal(err)
			}
			load(t, s) // a.txt names Dmitry Peskov in full
			var people int
			s.db.QueryRow(`SELECT COUNT(*) FROM entities WHERE type = 'PERSON'`).Scan(&people)
			if people != 1 {
				t.Errorf("%d people, want Peskov and Dmitry Peskov as one", people)
			}
			id := speakerID(t, s, "Dmitry Peskov")
			e, err := s.Entity(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if e.Name != "Dmitry Peskov" || e.Said != 4 || e.Articles != 3 || len(e.Roles) != 2 {
				t.Errorf("merged person: %+v said %d in %d articles, roles %+v", e.Ref, e.Said, e.Articles, e.Roles)
			}
			for _, tb := range []string{"quotes", "mentions", "article_entities", "entity_roles", "quote_entities", "entity_aliases"} {
				var n int
				col := "entity_id"
				if tb == "quotes" {
					col = "speaker_id"
				}
				s.db.QueryRow(`SELECT COUNT(*) FROM ` + tb + ` WHERE ` + col + ` NOT IN (SELECT id FROM entities)`).Scan(&n)
				if n != 0 {
					t.Errorf("%s: %d rows point to a deleted entity", tb, n)
				}
			}
		})
	}
}

func TestArticle(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			load(t, s)
			a, err := s.Article(context.Background(), "a.txt")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(a.Record), `"Kremlin spokesman"`) || a.Entities["E1"].Name != "Dmitry Peskov" || len(a.Entities) != 4 {
				t.Errorf("article: %s %+v", a.Record[:80], a.Entities)
			}
			if _, err := s.Article(context.Background(), "nope"); err == nil {
				t.Error("missing article: no error")
			}
			hits, total, err := s.Articles(context.Background(), Query{Text: "shelling"})
			if err != nil || total != 1 || hits[0].Key != "b.txt" {
				t.Errorf("articles: %+v %d %v", hits, total, err)
			}
			st, err := s.Stats(context.Background())
			if err != nil || st != (Stats{Articles: 3, Quotes: 6, Entities: 5}) {
				t.Errorf("stats %+v %v", st, err)
			}
		})
	}
}

func TestInvalidRecordWritesNothing(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			good := corpus(t)[0]
			bad := *good
			bad.Quotes = append([]doc.RecordQuote(nil), good.Quotes...)
			bad.Quotes[2].Content.End = 10_000
			_, err := s.Put(context.Background(), &bad)
			if err == nil || !strings.Contains(err.Error(), "a.txt") || !strings.Contains(err.Error(), "Q3") {
				t.Fatalf("bad offsets: err %v", err)
			}
			for _, tb := range []string{"articles", "quotes", "entities", "mentions"} {
				if n := count(t, s, tb); n != 0 {
					t.Errorf("%s has %d rows after a failed write", tb, n)
				}
			}
			pub := "30 March"
			bad2 := *good
			bad2.Published = &pub
			if _, err := s.Put(context.Background(), &bad2); err == nil {
				t.Error("bad date accepted")
			}
		})
	}
}

func TestMigrationsIdempotent(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			s2 := openTest(t, b)
			for _, st := range []*Store{s, s2} {
				if v, err := st.SchemaVersion(context.Background()); err != nil || v != len(migrations) {
					t.Errorf("version %d %v, want %d", v, err, len(migrations))
				}
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"Dmitry Peskov":   "dmitry peskov",
		" dmitry  PESKOV": "dmitry peskov",
		"Zelenskyy's":     "zelenskyys",
		"U.S.":            "us",
		"Chișinău":        "chisinau",
		"Jean-Luc":        "jean luc",
		"---":             "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRebind(t *testing.T) {
	if got := (postgres{}).rebind(`a = ? AND b IN (?, ?)`); got != `a = $1 AND b IN ($2, $3)` {
		t.Errorf("rebind: %s", got)
	}
}

// FuzzSearchText feeds arbitrary user text to full-text search: it must
// never be an error (the text is words, never query syntax) nor a panic.
func FuzzSearchText(f *testing.F) {
	for _, s := range []string{"negotiations", `"unbalanced`, "NEAR(a b)", "a OR b", "-x", "title:x", "*", "x AND", "'", "&|!():*", "ü\x00\xff"} {
		f.Add(s)
	}
	s, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	load(f, s)
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := s.Search(context.Background(), Query{Text: text}, false); err != nil {
			t.Errorf("Search(%q): %v", text, err)
		}
		if _, _, err := s.Articles(context.Background(), Query{Text: text}); err != nil {
			t.Errorf("Articles(%q): %v", text, err)
		}
	})
}

func TestRetryable(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("store: a.txt: %w", &pgconn.PgError{Code: "40P01"}), true},
		{&pgconn.PgError{Code: "40001"}, true},
		{&pgconn.PgError{Code: "23505"}, false}, // unique violation: a real error
		{errors.New("40P01"), false},
		{nil, false},
	} {
		if got := retryable(tc.err); got != tc.want {
			t.Errorf("retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}
