package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Query selects statements (or articles). Empty fields do not filter.
type Query struct {
	Text    string // full-text words, all required (quote content; article text for articles)
	Speaker string // canonical entity id, or a name, alias or (one word) surname of the speaker
	Entity  string // an entity the article mentions (id or name)
	About   string // an entity the statement itself mentions (id or name)
	Place   string // a place (GPE/LOC) the article mentions (id or name)
	Cue     string // cue lemma: "say", "deny", "according to"
	Kind    string // direct, mixed or indirect
	Site    string // outlet
	From    string // published on or after, YYYY-MM-DD
	To      string // published on or before, YYYY-MM-DD
	Limit   int    // at most this many results (default 50, at most 500)
	Offset  int
}

// Validate reports the first malformed field.
func (q *Query) Validate() error {
	for _, f := range []struct{ name, v string }{{"from", q.From}, {"to", q.To}} {
		if f.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", f.v); err != nil {
			return fmt.Errorf("%s: %q is not a date (YYYY-MM-DD)", f.name, f.v)
		}
	}
	switch q.Kind {
	case "", "direct", "mixed", "indirect":
	default:
		return fmt.Errorf("kind: %q is not direct, mixed or indirect", q.Kind)
	}
	if q.Limit < 0 || q.Offset < 0 {
		return errors.New("limit and offset must not be negative")
	}
	if q.Limit == 0 {
		q.Limit = 50
	}
	q.Limit = min(q.Limit, 500)
	return nil
}

// Ref names a canonical entity.
type Ref struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// Statement is one stored quote with its speaker and source.
type Statement struct {
	ID          int64   `json:"id"`
	Article     string  `json:"article"` // article key (record id)
	Title       *string `json:"title"`
	URL         *string `json:"url"`
	Site        *string `json:"site"`
	Published   *string `json:"published"`
	Quote       string  `json:"quote"` // local id in the article: Q8
	Kind        string  `json:"kind"`
	Content     string  `json:"content"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Cue         *string `json:"cue"`
	CueLemma    *string `json:"cue_lemma"`
	Speaker     *Ref    `json:"speaker"` // nil when the source is no entity
	SpeakerName *string `json:"speaker_name"`
	SpeakerRole *string `json:"speaker_role"`
	SpeakerKind *string `json:"speaker_kind"`
	Confidence  float64 `json:"confidence"`
}

// Facet is one value of a facet with the number of results having it.
type Facet struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Results is a page of statements with totals and facets over all matches.
type Results struct {
	Total      int                `json:"total"`
	Statements []Statement        `json:"statements"`
	Facets     map[string][]Facet `json:"facets,omitempty"`
}

// where builds the filter of q: over quotes q (statements), or over
// articles a (forArticles). Statement filters use the site and date copied
// onto each quote and uncorrelated IN subqueries, so they never need the
// articles table and SQLite evaluates each subquery once.
func (s *Store) where(q *Query, forArticles bool) (string, []any) {
	var conds []string
	var args []any
	site, pub, article := "q.site", "q.published", "q.article_id"
	if forArticles {
		site, pub, article = "a.site", "a.published", "a.id"
	}
	if fq := s.d.ftsQuery(q.Text); fq != "" {
		if forArticles {
			conds = append(conds, s.d.articleMatch())
		} else {
			conds = append(conds, s.d.quoteMatch())
		}
		args = append(args, fq)
	} else if strings.TrimSpace(q.Text) != "" {
		conds = append(conds, "1 = 0") // only punctuation: nothing can match
	}
	if q.Speaker != "" && !forArticles {
		conds = append(conds, "q.speaker_id IN (SELECT e.id FROM entities e WHERE "+entityMatch(q.Speaker, &args)+")")
	}
	if q.Entity != "" {
		conds = append(conds, article+" IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN (SELECT e.id FROM entities e WHERE "+entityMatch(q.Entity, &args)+"))")
	}
	if q.Place != "" {
		conds = append(conds, article+" IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN (SELECT e.id FROM entities e WHERE e.type IN ('GPE', 'LOC') AND "+entityMatch(q.Place, &args)+"))")
	}
	if q.About != "" && !forArticles {
		conds = append(conds, "q.id IN (SELECT qe.quote_id FROM quote_entities qe WHERE qe.entity_id IN (SELECT e.id FROM entities e WHERE "+entityMatch(q.About, &args)+"))")
	}
	if q.Cue != "" && !forArticles {
		conds = append(conds, "q.cue_lemma = ?")
		args = append(args, strings.ToLower(q.Cue))
	}
	if q.Kind != "" && !forArticles {
		conds = append(conds, "q.kind = ?")
		args = append(args, q.Kind)
	}
	if q.Site != "" {
		conds = append(conds, site+" = ?")
		args = append(args, q.Site)
	}
	if q.From != "" {
		conds = append(conds, pub+" >= ?")
		args = append(args, q.From)
	}
	if q.To != "" {
		conds = append(conds, pub+" <= ?")
		args = append(args, q.To)
	}
	if len(conds) == 0 {
		return "", args
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// entityMatch matches entities e by id or by normalised name or alias.
func entityMatch(v string, args *[]any) string {
	if id, err := strconv.ParseInt(v, 10, 64); err == nil {
		*args = append(*args, id)
		return "e.id = ?"
	}
	n := Normalize(v)
	*args = append(*args, n, n)
	if n != "" && !strings.Contains(n, " ") {
		// One word also finds people by surname: "Peskov" is Dmitry
		// Peskov even where no article calls him just that. Normalize
		// leaves no LIKE wildcards in n.
		*args = append(*args, "% "+n)
		return "(e.norm = ? OR e.id IN (SELECT entity_id FROM entity_aliases WHERE norm = ?) OR (e.type = 'PERSON' AND e.norm LIKE ?))"
	}
	return "(e.norm = ? OR e.id IN (SELECT entity_id FROM entity_aliases WHERE norm = ?))"
}

const statementCols = `q.id, a.key, a.title, a.url, a.site, a.published, q.local_id, q.kind, q.content, q.start_pos, q.end_pos,
	q.cue, q.cue_lemma, q.speaker_id, e.name, e.type, q.speaker_name, q.speaker_role, q.speaker_kind, q.confidence`

const statementFrom = ` FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id`

func scanStatement(rows *sql.Rows) (Statement, error) {
	var st Statement
	var spID sql.NullInt64
	var spName, spType sql.NullString
	err := rows.Scan(&st.ID, &st.Article, &st.Title, &st.URL, &st.Site, &st.Published, &st.Quote, &st.Kind, &st.Content, &st.Start, &st.End,
		&st.Cue, &st.CueLemma, &spID, &spName, &spType, &st.SpeakerName, &st.SpeakerRole, &st.SpeakerKind, &st.Confidence)
	if spID.Valid {
		st.Speaker = &Ref{ID: spID.Int64, Name: spName.String, Type: spType.String}
	}
	return st, err
}

// Search returns the statements matching q, newest first, with the total
// count and, when facets is set, the top values of speaker, site, cue and
// kind over all matches.
func (s *Store) Search(ctx context.Context, q Query, facets bool) (*Results, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	where, args := s.where(&q, false)
	res := &Results{Statements: []Statement{}}
	if facets {
		// One grouped scan of the matches yields the total and all four
		// facets, instead of a full-text match and scan per facet.
		if err := s.facetCube(ctx, where, args, res); err != nil {
			return nil, err
		}
	} else if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM quotes q`+where), args...).Scan(&res.Total); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	if res.Total > q.Offset {
		// The page is chosen on quotes alone; only its rows join articles
		// and entities.
		err := s.statements(ctx, `SELECT `+statementCols+` FROM (SELECT q.* FROM quotes q`+where+` ORDER BY `+s.d.newest("q")+` LIMIT ? OFFSET ?) q
			JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id ORDER BY `+s.d.newest("q"),
			append(args, q.Limit, q.Offset), func(st Statement) error { res.Statements = append(res.Statements, st); return nil })
		if err != nil {
			return nil, err
		}
	}
	return res, nil
}

// facetCube counts the matches grouped by speaker, site, cue and kind, and
// folds the groups into the total and the top ten of each facet.
func (s *Store) facetCube(ctx context.Context, where string, args []any, res *Results) error {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT q.speaker_id, q.site, q.cue_lemma, q.kind, COUNT(*) FROM quotes q`+where+` GROUP BY q.speaker_id, q.site, q.cue_lemma, q.kind`), args...)
	if err != nil {
		return fmt.Errorf("store: search: %w", err)
	}
	defer rows.Close()
	counts := map[string]map[string]int{"speaker": {}, "site": {}, "cue": {}, "kind": {}}
	for rows.Next() {
		var speaker sql.NullInt64
		var site, cue sql.NullString
		var kind string
		var n int
		if err := rows.Scan(&speaker, &site, &cue, &kind, &n); err != nil {
			return err
		}
		res.Total += n
		if speaker.Valid {
			counts["speaker"][strconv.FormatInt(speaker.Int64, 10)] += n
		}
		if site.Valid {
			counts["site"][site.String] += n
		}
		if cue.Valid {
			counts["cue"][cue.String] += n
		}
		counts["kind"][kind] += n
	}
	if err := rows.Err(); err != nil {
		return err
	}
	res.Facets = map[string][]Facet{}
	for name, m := range counts {
		fs := make([]Facet, 0, len(m))
		for v, n := range m {
			fs = append(fs, Facet{Value: v, Label: v, Count: n})
		}
		sort.Slice(fs, func(i, j int) bool {
			if fs[i].Count != fs[j].Count {
				return fs[i].Count > fs[j].Count
			}
			return fs[i].Value < fs[j].Value
		})
		res.Facets[name] = fs[:min(len(fs), 10)]
	}
	// Speakers are ids: name them with one lookup.
	sp := res.Facets["speaker"]
	if len(sp) == 0 {
		return nil
	}
	ids := make([]any, len(sp))
	for i, f := range sp {
		ids[i], _ = strconv.ParseInt(f.Value, 10, 64)
	}
	nrows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT id, name FROM entities WHERE id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`), ids...)
	if err != nil {
		return err
	}
	defer nrows.Close()
	names := map[string]string{}
	for nrows.Next() {
		var id int64
		var name string
		if err := nrows.Scan(&id, &name); err != nil {
			return err
		}
		names[strconv.FormatInt(id, 10)] = name
	}
	for i := range sp {
		sp[i].Label = names[sp[i].Value]
	}
	// Equal counts list by name, as people read them.
	sort.SliceStable(sp, func(i, j int) bool {
		return sp[i].Count > sp[j].Count || sp[i].Count == sp[j].Count && sp[i].Label < sp[j].Label
	})
	return nrows.Err()
}

func (s *Store) facets(ctx context.Context, query string, args []any) ([]Facet, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("store: facets: %w", err)
	}
	defer rows.Close()
	out := []Facet{}
	for rows.Next() {
		var f Facet
		var label sql.NullString
		if err := rows.Scan(&f.Value, &label, &f.Count); err != nil {
			return nil, err
		}
		f.Label = label.String
		out = append(out, f)
	}
	return out, rows.Err()
}

func (s *Store) statements(ctx context.Context, query string, args []any, fn func(Statement) error) error {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return fmt.Errorf("store: statements: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		st, err := scanStatement(rows)
		if err != nil {
			return err
		}
		if err := fn(st); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachStatement calls fn for every statement matching q (Limit and Offset
// ignored), oldest first: the export path, streamed rather than buffered.
func (s *Store) EachStatement(ctx context.Context, q Query, fn func(Statement) error) error {
	if err := q.Validate(); err != nil {
		return err
	}
	where, args := s.where(&q, false)
	return s.statements(ctx, `SELECT `+statementCols+statementFrom+where+` ORDER BY q.published, a.key, q.start_pos`, args, fn)
}

// ArticleHit is one article matching a search.
type ArticleHit struct {
	Key       string  `json:"id"`
	Title     *string `json:"title"`
	Site      *string `json:"site"`
	Published *string `json:"published"`
	Quotes    int     `json:"quotes"`
	Snippet   string  `json:"snippet"`
}

// Articles returns the articles matching q's text, entity, place, site and
// date filters, newest first, with the total count.
func (s *Store) Articles(ctx context.Context, q Query) ([]ArticleHit, int, error) {
	if err := q.Validate(); err != nil {
		return nil, 0, err
	}
	where, args := s.where(&q, true)
	var total int
	if err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM articles a`+where), args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: articles: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT a.key, a.title, a.site, a.published, a.quotes, SUBSTR(a.text, 1, 240) FROM articles a`+where+` ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ? OFFSET ?`), append(args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: articles: %w", err)
	}
	defer rows.Close()
	hits := []ArticleHit{}
	for rows.Next() {
		var h ArticleHit
		if err := rows.Scan(&h.Key, &h.Title, &h.Site, &h.Published, &h.Quotes, &h.Snippet); err != nil {
			return nil, 0, err
		}
		hits = append(hits, h)
	}
	return hits, total, rows.Err()
}

// Article is one stored article: its analysis record and the canonical
// entity behind each of the record's local entity ids.
type Article struct {
	Record   json.RawMessage `json:"record"`
	Entities map[string]Ref  `json:"entities"` // "E3" -> canonical entity
}

// Article returns the article stored under key.
func (s *Store) Article(ctx context.Context, key string) (*Article, error) {
	var id int64
	var raw string
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT id, record FROM articles WHERE key = ?`), key).Scan(&id, &raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", key, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: article %q: %w", key, err)
	}
	art := &Article{Record: json.RawMessage(raw), Entities: map[string]Ref{}}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT ae.local_id, e.id, e.name, e.type FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ?`), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var local string
		var r Ref
		if err := rows.Scan(&local, &r.ID, &r.Name, &r.Type); err != nil {
			return nil, err
		}
		art.Entities[local] = r
	}
	return art, rows.Err()
}

// EachRecord calls fn with every stored analysis record, in key order.
func (s *Store) EachRecord(ctx context.Context, fn func(json.RawMessage) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT record FROM articles ORDER BY key`)
	if err != nil {
		return fmt.Errorf("store: records: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var raw string
		if err := rows.Scan(&raw); err != nil {
			return err
		}
		if err := fn(json.RawMessage(raw)); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Stats counts what the store holds.
type Stats struct {
	Articles int `json:"articles"`
	Quotes   int `json:"quotes"`
	Entities int `json:"entities"`
}

// Stats counts articles, quotes and canonical entities.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM entities)`).Scan(&st.Articles, &st.Quotes, &st.Entities)
	return st, err
}
