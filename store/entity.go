package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"newsgraph/doc"
)

// Entity is what the store knows about one canonical entity: the person
// page and the place page.
type Entity struct {
	Ref
	Aliases  []string   `json:"aliases"`
	Roles    []Facet    `json:"roles"`    // titles given to it, most frequent first
	Geo      *doc.Place `json:"geo"`      // where a place is, when known
	Articles int        `json:"articles"` // articles mentioning it
	// Said is the number of statements it made; Timeline counts them per
	// month (YYYY-MM), oldest first.
	Said     int     `json:"said"`
	Timeline []Facet `json:"timeline"`
	// TalksAbout lists the entities its statements mention most.
	TalksAbout []Facet `json:"talks_about"`
	// Statements are its latest 50 statements.
	Statements []Statement `json:"statements"`
	// Mentioned counts statements by others that mention it, per month;
	// About holds the latest 50 of them.
	Mentioned []Facet     `json:"mentioned_timeline"`
	About     []Statement `json:"about"`
}

// Entity returns the canonical entity with the given id.
func (s *Store) Entity(ctx context.Context, id int64) (*Entity, error) {
	e := &Entity{Aliases: []string{}}
	var gid sql.NullInt64
	var country, feature sql.NullString
	var lat, lon sql.NullFloat64
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT id, name, type, geonameid, country, feature, lat, lon FROM entities WHERE id = ?`), id).
		Scan(&e.ID, &e.Name, &e.Type, &gid, &country, &feature, &lat, &lon)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: entity %d: %w", id, err)
	}
	if lat.Valid && lon.Valid {
		e.Geo = &doc.Place{GeoNameID: int(gid.Int64), Name: e.Name, Country: country.String, Feature: feature.String, Lat: lat.Float64, Lon: lon.Float64}
	}
	q := func(query string, args ...any) ([]Facet, error) { return s.facets(ctx, query, args) }
	steps := []func() error{
		func() error {
			rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias`), id)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var a string
				if err := rows.Scan(&a); err != nil {
					return err
				}
				if a != e.Name {
					e.Aliases = append(e.Aliases, a)
				}
			}
			return rows.Err()
		},
		func() (err error) {
			e.Roles, err = q(`SELECT role, role, COUNT(*) FROM entity_roles WHERE entity_id = ? GROUP BY role ORDER BY COUNT(*) DESC, role LIMIT 20`, id)
			return
		},
		func() error {
			return s.db.QueryRowContext(ctx, s.d.rebind(`SELECT (SELECT COUNT(*) FROM article_entities WHERE entity_id = ?), (SELECT COUNT(*) FROM quotes WHERE speaker_id = ?)`), id, id).Scan(&e.Articles, &e.Said)
		},
		func() (err error) {
			e.Timeline, err = q(`SELECT SUBSTR(published, 1, 7), SUBSTR(published, 1, 7), COUNT(*) FROM quotes WHERE speaker_id = ? AND published IS NOT NULL GROUP BY SUBSTR(published, 1, 7) ORDER BY 1`, id)
			return
		},
		func() (err error) {
			e.TalksAbout, err = q(`SELECT CAST(e.id AS TEXT), MIN(e.name), COUNT(*) FROM quotes q JOIN quote_entities qe ON qe.quote_id = q.id JOIN entities e ON e.id = qe.entity_id
				WHERE q.speaker_id = ? AND qe.entity_id <> ? GROUP BY e.id ORDER BY COUNT(*) DESC, 2 LIMIT 20`, id, id)
			return
		},
		func() error {
			e.Statements = []Statement{}
			return s.statements(ctx, `SELECT `+statementCols+` FROM (SELECT q.* FROM quotes q WHERE q.speaker_id = ? ORDER BY `+s.d.newest("q")+` LIMIT 50) q
				JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id ORDER BY `+s.d.newest("q"), []any{id},
				func(st Statement) error { e.Statements = append(e.Statements, st); return nil })
		},
		func() (err error) {
			e.Mentioned, err = q(`SELECT SUBSTR(q.published, 1, 7), SUBSTR(q.published, 1, 7), COUNT(*) FROM quote_entities qe JOIN quotes q ON q.id = qe.quote_id
				WHERE qe.entity_id = ? AND q.published IS NOT NULL GROUP BY SUBSTR(q.published, 1, 7) ORDER BY 1`, id)
			return
		},
		func() error {
			e.About = []Statement{}
			return s.statements(ctx, `SELECT `+statementCols+` FROM (SELECT q.* FROM quotes q WHERE q.id IN (SELECT quote_id FROM quote_entities WHERE entity_id = ?)
				AND (q.speaker_id IS NULL OR q.speaker_id <> ?) ORDER BY `+s.d.newest("q")+` LIMIT 50) q
				JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id ORDER BY `+s.d.newest("q"), []any{id, id},
				func(st Statement) error { e.About = append(e.About, st); return nil })
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("store: entity %d: %w", id, err)
		}
	}
	return e, nil
}

// PlaceCount is a place on the map with how many articles mention it.
type PlaceCount struct {
	Ref
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	Country  string  `json:"country"`
	Articles int     `json:"articles"`
}

// Places returns the located places, most mentioned first.
func (s *Store) Places(ctx context.Context, limit int) ([]PlaceCount, error) {
	if limit <= 0 || limit > 2000 {
		limit = 500
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT e.id, e.name, e.type, e.lat, e.lon, COALESCE(e.country, ''), COUNT(ae.article_id) FROM entities e JOIN article_entities ae ON ae.entity_id = e.id
		WHERE e.lat IS NOT NULL GROUP BY e.id, e.name, e.type, e.lat, e.lon, e.country ORDER BY COUNT(ae.article_id) DESC, e.name LIMIT ?`), limit)
	if err != nil {
		return nil, fmt.Errorf("store: places: %w", err)
	}
	defer rows.Close()
	out := []PlaceCount{}
	for rows.Next() {
		var p PlaceCount
		if err := rows.Scan(&p.ID, &p.Name, &p.Type, &p.Lat, &p.Lon, &p.Country, &p.Articles); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Entities returns the entities whose name or alias starts with prefix
// (normalised), most mentioned first: the search box's suggestions.
func (s *Store) Entities(ctx context.Context, prefix, typ string, limit int) ([]Facet, error) {
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	n := Normalize(prefix)
	args := []any{n + "%", n + "%"}
	cond := ""
	if typ != "" {
		cond = " AND e.type = ?"
		args = append(args, typ)
	}
	args = append(args, limit)
	return s.facets(ctx, `SELECT CAST(e.id AS TEXT), MIN(e.name), COUNT(ae.article_id) FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id
		WHERE (e.norm LIKE ? OR e.id IN (SELECT entity_id FROM entity_aliases WHERE norm LIKE ?))`+cond+` GROUP BY e.id ORDER BY COUNT(ae.article_id) DESC, 2 LIMIT ?`, args)
}
