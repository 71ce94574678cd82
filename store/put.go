package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5/pgconn"
	"golang.org/x/text/unicode/norm"

	"newsgraph/doc"
)

// Outcome says what Ingest did with an article.
type Outcome int

const (
	Inserted  Outcome = iota // a new article
	Updated                  // an existing article replaced in place
	Unchanged                // same input already stored: nothing written
)

func (o Outcome) String() string { return [...]string{"inserted", "updated", "unchanged"}[o] }

// InputHash fingerprints an article's input (not its analysis) so a re-run
// can skip what it already stored before spending time analysing it.
func InputHash(d *doc.Document) string {
	h := sha256.New()
	pub := ""
	if !d.Published.IsZero() {
		pub = d.Published.Format("2006-01-02")
	}
	for _, s := range []string{d.Title, d.URL, d.Site, pub, d.Text} {
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Ingest stores the analysis of the article with the given key, in one
// transaction. analyze is called only when the article is missing or its
// input hash changed (or force is set), and while this process holds the
// article's lock, so concurrent ingest processes on PostgreSQL analyse and
// write each article once.
func (s *Store) Ingest(ctx context.Context, key, hash string, force bool, analyze func() (*doc.Record, error)) (Outcome, error) {
	if key == "" {
		return 0, errors.New("store: article has no id")
	}
	// Cheap check outside any write lock, so a re-run skips stored
	// articles without queueing behind other writers.
	if !force {
		var have string
		err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT input_hash FROM articles WHERE key = ?`), key).Scan(&have)
		if err == nil && have == hash {
			return Unchanged, nil
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("store: %s: %w", key, err)
		}
	}
	// The analysis is kept across attempts: a transaction PostgreSQL
	// aborts to break a deadlock is retried without analysing again.
	var rec *doc.Record
	once := func() (*doc.Record, error) {
		if rec != nil {
			return rec, nil
		}
		r, err := analyze()
		rec = r
		return r, err
	}
	for attempt := 1; ; attempt++ {
		out, err := s.ingestOnce(ctx, key, hash, force, once)
		if err == nil || attempt == 3 || !retryable(err) {
			return out, err
		}
	}
}

// retryable reports a PostgreSQL deadlock or serialization failure: the
// transaction was rolled back and may simply be run again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// ingestOnce is one attempt of Ingest's transaction.
func (s *Store) ingestOnce(ctx context.Context, key, hash string, force bool, analyze func() (*doc.Record, error)) (Outcome, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: %s: %w", key, err)
	}
	defer tx.Rollback()
	if err := s.d.lockKey(ctx, tx, key); err != nil {
		return 0, fmt.Errorf("store: lock %s: %w", key, err)
	}
	var id int64
	var have string
	err = tx.QueryRowContext(ctx, s.d.rebind(`SELECT id, input_hash FROM articles WHERE key = ?`), key).Scan(&id, &have)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		id = 0
	case err != nil:
		return 0, fmt.Errorf("store: %s: %w", key, err)
	case have == hash && !force:
		return Unchanged, nil
	}
	rec, err := analyze()
	if err != nil {
		return 0, err
	}
	if rec.ID != key {
		return 0, fmt.Errorf("store: record id %q does not match article key %q", rec.ID, key)
	}
	if err := s.write(ctx, tx, id, hash, rec); err != nil {
		return 0, fmt.Errorf("store: %s: %w", key, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: %s: %w", key, err)
	}
	if id != 0 {
		return Updated, nil
	}
	return Inserted, nil
}

// Put stores an already analysed record, replacing any article with its id.
func (s *Store) Put(ctx context.Context, rec *doc.Record) (Outcome, error) {
	b, err := json.Marshal(rec)
	if err != nil {
		return 0, err
	}
	sum := sha256.Sum256(b)
	return s.Ingest(ctx, rec.ID, "record:"+hex.EncodeToString(sum[:16]), false, func() (*doc.Record, error) { return rec, nil })
}

// write replaces article id (0: insert a new one) with rec inside tx.
func (s *Store) write(ctx context.Context, tx *sql.Tx, id int64, hash string, rec *doc.Record) error {
	if err := validate(rec); err != nil {
		return err
	}
	raw, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	now := time.Now().UTC().Format(time.RFC3339)
	if id != 0 {
		if err := s.d.deleteFTS(ctx, tx, id); err != nil {
			return err
		}
		for _, t := range []string{"quotes", "mentions", "times", "entity_roles", "article_entities"} {
			// Quote children go with their quotes (ON DELETE CASCADE).
			if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM `+t+` WHERE article_id = ?`), id); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, s.d.rebind(`UPDATE articles SET input_hash = ?, title = ?, url = ?, site = ?, published = ?, text = ?, record = ?, quotes = ?, ingested_at = ? WHERE id = ?`),
			hash, rec.Title, rec.URL, rec.Site, rec.Published, rec.Text, string(raw), len(rec.Quotes), now, id)
	} else {
		err = tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO articles (key, input_hash, title, url, site, published, text, record, quotes, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			rec.ID, hash, rec.Title, rec.URL, rec.Site, rec.Published, rec.Text, string(raw), len(rec.Quotes), now).Scan(&id)
	}
	if err != nil {
		return err
	}
	if err := s.d.writeFTS(ctx, tx, "article_fts", id, deref(rec.Title), rec.Text); err != nil {
		return err
	}

	canon, err := s.writeEntities(ctx, tx, id, rec)
	if err != nil {
		return err
	}
	if err := s.writeQuotes(ctx, tx, id, rec, canon); err != nil {
		return err
	}
	rows := make([][]any, 0, len(rec.Times))
	for _, t := range rec.Times {
		rows = append(rows, []any{id, t.Start, t.End, t.Text, t.Value, t.Type})
	}
	return s.insertRows(ctx, tx, `times (article_id, start_pos, end_pos, text, value, type)`, "", rows)
}

// entityKey is the canonical identity of an entity across articles.
type entityKey struct{ typ, norm string }

// writeEntities upserts the record's entities into the canonical table and
// links them to the article; it returns local id (E3) -> canonical id.
// Every table is written with a few multi-row statements rather than one
// per row: an article has dozens of entities and mentions.
func (s *Store) writeEntities(ctx context.Context, tx *sql.Tx, articleID int64, rec *doc.Record) (map[string]int64, error) {
	keyOf := map[string]entityKey{} // local id -> key
	first := map[entityKey]*doc.RecordEntity{}
	var keys []entityKey
	for i := range rec.Entities {
		e := &rec.Entities[i]
		k := keyFor(e)
		if k.norm == "" {
			continue // a name with no letters or digits cannot be keyed
		}
		keyOf[e.ID] = k
		if first[k] == nil {
			first[k] = e
			keys = append(keys, k)
		} else if first[k].Geo == nil && e.Geo != nil {
			first[k] = e
		}
	}
	// Upsert in key order: two PostgreSQL transactions touching the same
	// entities then lock them in the same order and cannot deadlock.
	sort.Slice(keys, func(a, b int) bool {
		return keys[a].typ < keys[b].typ || keys[a].typ == keys[b].typ && keys[a].norm < keys[b].norm
	})
	ids := map[entityKey]int64{}
	var upsert []entityKey
	for _, k := range keys {
		id, err := s.aliasMatch(ctx, tx, k.typ, k.norm)
		if err != nil {
			return nil, err
		}
		if id != 0 {
			ids[k] = id
		} else {
			upsert = append(upsert, k)
		}
	}
	fresh, err := s.newPeople(ctx, tx, upsert)
	if err != nil {
		return nil, err
	}
	for len(upsert) > 0 {
		n := min(len(upsert), 100)
		var b strings.Builder
		args := make([]any, 0, 8*n)
		b.WriteString(`INSERT INTO entities (type, norm, name, geonameid, country, feature, lat, lon) VALUES `)
		for i, k := range upsert[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?)")
			e := first[k]
			var lat, lon, gid, country, feature any
			if g := e.Geo; g != nil {
				gid, country, feature, lat, lon = g.GeoNameID, g.Country, g.Feature, g.Lat, g.Lon
			}
			args = append(args, k.typ, k.norm, displayName(e), gid, country, feature, lat, lon)
		}
		// The update makes RETURNING yield existing rows' ids too; a
		// place's coordinates are kept once known.
		b.WriteString(` ON CONFLICT (type, norm) DO UPDATE SET
			geonameid = COALESCE(entities.geonameid, excluded.geonameid), country = COALESCE(entities.country, excluded.country),
			feature = COALESCE(entities.feature, excluded.feature), lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon)
			RETURNING id, type, norm`)
		rows, err := tx.QueryContext(ctx, s.d.rebind(b.String()), args...)
		if err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		for rows.Next() {
			var id int64
			var k entityKey
			if err := rows.Scan(&id, &k.typ, &k.norm); err != nil {
				rows.Close()
				return nil, err
			}
			ids[k] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		upsert = upsert[n:]
	}

	for _, k := range fresh {
		if err := s.absorbSurname(ctx, tx, k, ids[k]); err != nil {
			return nil, err
		}
	}

	canon := make(map[string]int64, len(rec.Entities))
	var aliases, links, roles, mentions [][]any
	seenAlias := map[[2]any]bool{}
	seenRole := map[[2]any]bool{}
	for _, e := range rec.Entities {
		k, ok := keyOf[e.ID]
		if !ok {
			continue
		}
		eid, ok := ids[k]
		if !ok {
			return nil, fmt.Errorf("entity %s %q: no id after upsert", e.ID, e.Name)
		}
		canon[e.ID] = eid
		names := append([]string{e.Name}, e.Aliases...)
		if e.Geo != nil && e.Geo.Name != "" {
			names = append(names, e.Geo.Name)
		}
		for _, a := range names {
			if n := Normalize(a); n != "" && !seenAlias[[2]any{eid, a}] {
				seenAlias[[2]any{eid, a}] = true
				aliases = append(aliases, []any{eid, a, n})
			}
		}
		links = append(links, []any{articleID, e.ID, eid, len(e.Mentions)})
		for _, r := range e.Roles {
			if !seenRole[[2]any{eid, r}] {
				seenRole[[2]any{eid, r}] = true
				roles = append(roles, []any{articleID, eid, r})
			}
		}
		for _, m := range e.Mentions {
			mentions = append(mentions, []any{articleID, eid, m.Start, m.End, m.Text})
		}
	}
	for _, w := range []struct {
		into, suffix string
		rows         [][]any
	}{
		{`entity_aliases (entity_id, alias, norm)`, ` ON CONFLICT DO NOTHING`, aliases},
		{`article_entities (article_id, local_id, entity_id, mentions)`, "", links},
		{`entity_roles (article_id, entity_id, role)`, ` ON CONFLICT DO NOTHING`, roles},
		{`mentions (article_id, entity_id, start_pos, end_pos, text)`, "", mentions},
	} {
		if err := s.insertRows(ctx, tx, w.into, w.suffix, w.rows); err != nil {
			return nil, fmt.Errorf("%s: %w", w.into, err)
		}
	}
	return canon, nil
}

// keyFor is the canonical key of an entity: a located place by its
// gazetteer id (so "US", "USA" and "America" are one place), anything else
// by its normalised name.
func keyFor(e *doc.RecordEntity) entityKey {
	if g := e.Geo; g != nil && g.GeoNameID != 0 && (e.Type == "GPE" || e.Type == "LOC") {
		return entityKey{e.Type, "geo:" + strconv.Itoa(g.GeoNameID)}
	}
	return entityKey{e.Type, Normalize(e.Name)}
}

// displayName is the name a new canonical entity gets: the gazetteer's for
// a located place, else the article's.
func displayName(e *doc.RecordEntity) string {
	if g := e.Geo; g != nil && g.GeoNameID != 0 && g.Name != "" && (e.Type == "GPE" || e.Type == "LOC") {
		return g.Name
	}
	return e.Name
}

// newPeople returns the multi-word people among keys that the store does
// not know yet: candidates to absorb an earlier surname-only entity.
func (s *Store) newPeople(ctx context.Context, tx *sql.Tx, keys []entityKey) ([]entityKey, error) {
	var people []any
	for _, k := range keys {
		if k.typ == "PERSON" && strings.Contains(k.norm, " ") {
			people = append(people, k.norm)
		}
	}
	if len(people) == 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT norm FROM entities WHERE type = 'PERSON' AND norm IN (?`+strings.Repeat(", ?", len(people)-1)+`)`), people...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	known := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		known[n] = true
	}
	var fresh []entityKey
	for _, p := range people {
		if !known[p.(string)] {
			fresh = append(fresh, entityKey{"PERSON", p.(string)})
		}
	}
	return fresh, rows.Err()
}

// absorbSurname merges an entity created earlier from a surname alone
// ("Peskov") into the person just created under a full name ("Dmitry
// Peskov"), when that person is the only one known with that surname:
// the order articles arrive in then no longer splits a person in two.
func (s *Store) absorbSurname(ctx context.Context, tx *sql.Tx, k entityKey, id int64) error {
	surname := k.norm[strings.LastIndexByte(k.norm, ' ')+1:]
	var old int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM entities WHERE type = 'PERSON' AND norm = ?`), surname).Scan(&old)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	var others int
	// Normalize leaves no LIKE wildcards in surname.
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM entities WHERE type = 'PERSON' AND norm LIKE ? AND id <> ?`), "% "+surname, id).Scan(&others); err != nil {
		return err
	}
	if others > 0 {
		return nil // two people could be meant: leave it alone
	}
	for _, q := range []string{
		`UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?`,
		`UPDATE article_entities SET entity_id = ? WHERE entity_id = ?`,
		`UPDATE mentions SET entity_id = ? WHERE entity_id = ?`,
		// Tables whose key holds the entity: copy, skipping rows the
		// full-name entity already has, then drop the old ones.
		`INSERT INTO entity_roles (article_id, entity_id, role) SELECT article_id, ?, role FROM entity_roles WHERE entity_id = ? ON CONFLICT DO NOTHING`,
		`INSERT INTO quote_entities (quote_id, entity_id) SELECT quote_id, ? FROM quote_entities WHERE entity_id = ? ON CONFLICT DO NOTHING`,
		`INSERT INTO entity_aliases (entity_id, alias, norm) SELECT ?, alias, norm FROM entity_aliases WHERE entity_id = ? ON CONFLICT DO NOTHING`,
	} {
		if _, err := tx.ExecContext(ctx, s.d.rebind(q), id, old); err != nil {
			return fmt.Errorf("merge %q into %q: %w", surname, k.norm, err)
		}
	}
	for _, t := range []string{"entity_roles", "quote_entities", "entity_aliases"} {
		if _, err := tx.ExecContext(ctx, s.d.rebind(`DELETE FROM `+t+` WHERE entity_id = ?`), old); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, s.d.rebind(`DELETE FROM entities WHERE id = ?`), old)
	return err
}

// aliasMatch links an entity the article could not pin down to the one
// known entity it must be: a person named by one word only ("Peskov") to
// the one known person with that alias or, failing that, that surname
// ("Dmitry Peskov"); an unlocated
// place ("Kiev") to the one located place known by that name. It returns 0
// when the name is itself a known entity, is a multi-word person, or is
// ambiguous (two people called Smith stay apart).
func (s *Store) aliasMatch(ctx context.Context, tx *sql.Tx, typ, norm string) (int64, error) {
	switch {
	case strings.HasPrefix(norm, "geo:"):
		return 0, nil // located: its key is already canonical
	case typ == "PERSON" && !strings.Contains(norm, " "):
	case typ == "GPE" || typ == "LOC":
	default:
		return 0, nil
	}
	var exact int64
	err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT id FROM entities WHERE type = ? AND norm = ?`), typ, norm).Scan(&exact)
	if err == nil {
		return 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT DISTINCT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
		WHERE a.norm = ? AND e.type = ? LIMIT 2`), norm, typ)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	if len(ids) == 1 {
		return ids[0], nil
	}
	if len(ids) == 0 && typ == "PERSON" {
		// No article has called anyone just this yet: the one person whose
		// full name ends with it ("Peskov" -> "Dmitry Peskov").
		rows, err := tx.QueryContext(ctx, s.d.rebind(`SELECT id FROM entities WHERE type = 'PERSON' AND norm LIKE ? LIMIT 2`), "% "+norm)
		if err != nil {
			return 0, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return 0, err
			}
			ids = append(ids, id)
		}
		if len(ids) == 1 {
			return ids[0], rows.Err()
		}
		return 0, rows.Err()
	}
	return 0, nil
}

// writeQuotes inserts the record's quotes with their full-text rows and
// the entities each mentions.
func (s *Store) writeQuotes(ctx context.Context, tx *sql.Tx, articleID int64, rec *doc.Record, canon map[string]int64) error {
	if len(rec.Quotes) == 0 {
		return nil
	}
	local := map[string]int64{} // quote local id -> row id
	for start := 0; start < len(rec.Quotes); start += 100 {
		batch := rec.Quotes[start:min(start+100, len(rec.Quotes))]
		var b strings.Builder
		args := make([]any, 0, 15*len(batch))
		b.WriteString(`INSERT INTO quotes (article_id, local_id, kind, content, start_pos, end_pos, cue, cue_lemma, speaker_id, speaker_name, speaker_role, speaker_kind, confidence, published, site) VALUES `)
		for i, q := range batch {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			var cue, lemma any
			if q.Cue != nil {
				cue, lemma = q.Cue.Text, q.Cue.Lemma
			}
			var spID, spName, spRole, spKind any
			if sp := q.Speaker; sp != nil {
				spName, spKind = sp.Name, sp.Kind
				if sp.Role != nil {
					spRole = *sp.Role
				}
				if sp.Entity != nil {
					if id, ok := canon[*sp.Entity]; ok {
						spID = id
					}
				}
			}
			args = append(args, articleID, q.ID, q.Kind, q.Content.Text, q.Content.Start, q.Content.End, cue, lemma, spID, spName, spRole, spKind, q.Confidence, rec.Published, rec.Site)
		}
		b.WriteString(" RETURNING id, local_id")
		rows, err := tx.QueryContext(ctx, s.d.rebind(b.String()), args...)
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		for rows.Next() {
			var id int64
			var l string
			if err := rows.Scan(&id, &l); err != nil {
				rows.Close()
				return err
			}
			local[l] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	var fts, about [][]any
	for _, q := range rec.Quotes {
		qid := local[q.ID]
		fts = append(fts, []any{qid, q.Content.Text})
		// What the statement is about: every entity mentioned inside it.
		seen := map[int64]bool{}
		for _, e := range rec.Entities {
			id, ok := canon[e.ID]
			if !ok || seen[id] {
				continue
			}
			for _, m := range e.Mentions {
				if m.Start >= q.Content.Start && m.End <= q.Content.End {
					seen[id] = true
					about = append(about, []any{qid, id})
					break
				}
			}
		}
	}
	if s.d.ftsTables() {
		if err := s.insertRows(ctx, tx, `quote_fts (rowid, content)`, "", fts); err != nil {
			return err
		}
	}
	return s.insertRows(ctx, tx, `quote_entities (quote_id, entity_id)`, "", about)
}

// insertRows inserts rows with multi-row VALUES statements, which cuts
// PostgreSQL round trips by the batch size.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, into, suffix string, rows [][]any) error {
	const batch = 100
	for len(rows) > 0 {
		n := min(batch, len(rows))
		var b strings.Builder
		b.WriteString("INSERT INTO " + into + " VALUES ")
		args := make([]any, 0, n*len(rows[0]))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("(" + strings.TrimSuffix(strings.Repeat("?,", len(r)), ",") + ")")
			args = append(args, r...)
		}
		b.WriteString(suffix)
		if _, err := tx.ExecContext(ctx, s.d.rebind(b.String()), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// validate rejects records whose offsets do not index their text, the one
// structural promise every reader of the store relies on.
func validate(rec *doc.Record) error {
	n := len([]rune(rec.Text))
	bad := func(start, end int) bool { return start < 0 || end < start || end > n }
	ids := map[string]bool{}
	for _, e := range rec.Entities {
		if e.ID == "" || e.Name == "" {
			return fmt.Errorf("entity without id or name")
		}
		if ids[e.ID] {
			return fmt.Errorf("entity id %s used twice", e.ID)
		}
		ids[e.ID] = true
		if doc.ParseEntityType(e.Type) == doc.NoType {
			return fmt.Errorf("entity %s: unknown type %q", e.ID, e.Type)
		}
		for _, m := range e.Mentions {
			if bad(m.Start, m.End) {
				return fmt.Errorf("entity %s: mention [%d,%d) outside text of %d code points", e.ID, m.Start, m.End, n)
			}
		}
	}
	qids := map[string]bool{}
	for _, q := range rec.Quotes {
		if q.ID == "" || qids[q.ID] {
			return fmt.Errorf("quote id %q missing or used twice", q.ID)
		}
		qids[q.ID] = true
		switch q.Kind {
		case "direct", "mixed", "indirect":
		default:
			return fmt.Errorf("quote %s: unknown kind %q", q.ID, q.Kind)
		}
		if bad(q.Content.Start, q.Content.End) {
			return fmt.Errorf("quote %s: content [%d,%d) outside text of %d code points", q.ID, q.Content.Start, q.Content.End, n)
		}
	}
	for _, t := range rec.Times {
		if bad(t.Start, t.End) {
			return fmt.Errorf("time [%d,%d) outside text of %d code points", t.Start, t.End, n)
		}
	}
	if rec.Published != nil {
		if _, err := time.Parse("2006-01-02", *rec.Published); err != nil {
			return fmt.Errorf("published %q is not YYYY-MM-DD", *rec.Published)
		}
	}
	return nil
}

// Normalize is the key under which names are matched across articles:
// lower case, accents and punctuation removed, spaces collapsed
// ("Dmitry  Peskov" and "dmitry peskov" are one person).
func Normalize(name string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
			// "O'Brien" and "U.S." keep their words together.
		default:
			space = true
		}
	}
	return b.String()
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
