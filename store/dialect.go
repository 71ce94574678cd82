package store

import (
	"context"
	"database/sql"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
)

// dialect isolates what SQLite and PostgreSQL do differently. Queries are
// written once with ? placeholders and rebound for PostgreSQL.
type dialect interface {
	name() string
	ddl(m migration) []string
	rebind(q string) string
	// lockSchema serialises migrations across processes.
	lockSchema(ctx context.Context, c *sql.Conn) (unlock func(), err error)
	// lockKey serialises writers of one article key until tx ends, so
	// concurrent ingest processes never analyse or write one article twice.
	lockKey(ctx context.Context, tx *sql.Tx, key string) error
	// quoteMatch and articleMatch return a condition matching the full-text
	// query bound to its single placeholder.
	quoteMatch() string
	articleMatch() string
	// ftsQuery turns user text into the backend's query syntax ("" when the
	// text has no searchable word).
	ftsQuery(text string) string
	// newest orders rows of table alias t newest first, undated last.
	newest(t string) string
	// writeFTS/deleteFTS maintain SQLite's separate FTS tables; PostgreSQL
	// keeps its tsvector columns up to date itself.
	writeFTS(ctx context.Context, tx *sql.Tx, table string, rowid int64, cols ...string) error
	ftsTables() bool // quote_fts and article_fts exist and need rows
	deleteFTS(ctx context.Context, tx *sql.Tx, articleID int64) error
}

type sqlite struct{}

func (sqlite) name() string             { return "sqlite" }
func (sqlite) ddl(m migration) []string { return m.sqlite }
func (sqlite) rebind(q string) string   { return q }

// SQLite sorts NULL lowest, so DESC already puts undated rows last, and the
// (published, id) index serves the order without a sort.
func (sqlite) newest(t string) string { return t + ".published DESC, " + t + ".id DESC" }
func (sqlite) quoteMatch() string {
	return "q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)"
}
func (sqlite) articleMatch() string {
	return "a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
}
func (sqlite) lockKey(context.Context, *sql.Tx, string) error { return nil } // _txlock=immediate: one writer at a time

func (sqlite) lockSchema(ctx context.Context, c *sql.Conn) (func(), error) {
	// BEGIN IMMEDIATE on a throwaway table would hold the write lock across
	// our own migration transactions; SQLite's busy timeout plus the
	// version check inside each transaction is enough.
	return func() {}, nil
}

// ftsQuery quotes every word so FTS5 operators in hostile input (NEAR, -,
// column filters, unbalanced quotes) are read as plain words.
func (sqlite) ftsQuery(text string) string {
	var b strings.Builder
	for _, w := range words(text) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + w + `"`)
	}
	return b.String()
}

func (sqlite) writeFTS(ctx context.Context, tx *sql.Tx, table string, rowid int64, cols ...string) error {
	var q string
	args := []any{rowid}
	switch table {
	case "article_fts":
		q = `INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)`
	case "quote_fts":
		q = `INSERT INTO quote_fts (rowid, content) VALUES (?, ?)`
	}
	for _, c := range cols {
		args = append(args, c)
	}
	_, err := tx.ExecContext(ctx, q, args...)
	return err
}

func (sqlite) ftsTables() bool { return true }

func (sqlite) deleteFTS(ctx context.Context, tx *sql.Tx, articleID int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM quote_fts WHERE rowid IN (SELECT id FROM quotes WHERE article_id = ?)`, articleID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM article_fts WHERE rowid = ?`, articleID)
	return err
}

type postgres struct{}

func (postgres) name() string                                                      { return "postgres" }
func (postgres) ddl(m migration) []string                                          { return m.postgres }
func (postgres) quoteMatch() string                                                { return "q.tsv @@ to_tsquery('english', ?)" }
func (postgres) articleMatch() string                                              { return "a.tsv @@ to_tsquery('english', ?)" }
func (postgres) writeFTS(context.Context, *sql.Tx, string, int64, ...string) error { return nil }
func (postgres) deleteFTS(context.Context, *sql.Tx, int64) error                   { return nil }
func (postgres) ftsTables() bool                                                   { return false }

// ftsQuery ANDs the words; to_tsquery on single quoted words cannot fail on
// hostile input the way it would on raw operator syntax.
func (postgres) ftsQuery(text string) string {
	var b strings.Builder
	for _, w := range words(text) {
		if b.Len() > 0 {
			b.WriteString(" & ")
		}
		b.WriteString("'" + w + "'")
	}
	return b.String()
}

// rebind turns ? placeholders into $1, $2, ... (no query here has a ? in a
// string literal).
func (postgres) newest(t string) string {
	return t + ".published DESC NULLS LAST, " + t + ".id DESC"
}

func (postgres) rebind(q string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

const schemaLockID = 0x6e657773 // "news"

func (postgres) lockSchema(ctx context.Context, c *sql.Conn) (func(), error) {
	if _, err := c.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, schemaLockID); err != nil {
		return nil, err
	}
	return func() { c.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, schemaLockID) }, nil
}

func (postgres) lockKey(ctx context.Context, tx *sql.Tx, key string) error {
	h := fnv.New64a()
	h.Write([]byte(key))
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(h.Sum64()))
	return err
}

// words splits text into lower-case letter/digit runs, the only thing both
// full-text engines are asked to match.
func words(text string) []string {
	f := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(f) > 16 {
		f = f[:16] // bound the cost of a hostile query
	}
	return f
}
