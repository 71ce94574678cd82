// Package store keeps analysis records in a database and answers questions
// about them: full-text search over statements and articles with filters,
// people, places and exports.
//
// One code path serves SQLite (modernc.org/sqlite, pure Go, the default) and
// PostgreSQL (github.com/jackc/pgx/v5 through database/sql); the few dialect
// differences (DDL, full-text search, advisory locks) live in dialect.go.
// Every article is written in one transaction, so a killed ingest never
// leaves half an article behind.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// DefaultPath is the SQLite file used when no database is named.
const DefaultPath = "newsgraph.db"

// Store is an open newsgraph database.
type Store struct {
	db *sql.DB
	d  dialect
}

// Open opens (creating if needed) the database named by dsn and applies any
// pending migrations. A postgres:// or postgresql:// URL selects PostgreSQL;
// anything else is a SQLite file path ("" means DefaultPath).
func Open(ctx context.Context, dsn string) (*Store, error) {
	var s *Store
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store: open %s: %w", redact(dsn), err)
		}
		db.SetMaxOpenConns(16)
		s = &Store{db: db, d: postgres{}}
	default:
		if dsn == "" {
			dsn = DefaultPath
		}
		if strings.ContainsAny(dsn, "?") {
			return nil, fmt.Errorf("store: SQLite path %q must not carry parameters", dsn)
		}
		// WAL lets readers (the web server) run beside one writer; the busy
		// timeout makes concurrent ingest processes queue rather than fail;
		// immediate transactions take the write lock up front so two
		// writers never deadlock upgrading a read lock. Reads go through
		// mmap (one OS page cache shared by every connection, no read
		// syscalls) and a 32 MB page cache per connection.
		db, err := sql.Open("sqlite", dsn+"?_pragma=busy_timeout(30000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=mmap_size(1073741824)&_pragma=cache_size(-32000)&_txlock=immediate")
		if err != nil {
			return nil, fmt.Errorf("store: open %s: %w", dsn, err)
		}
		db.SetMaxOpenConns(8)
		s = &Store{db: db, d: sqlite{}}
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: open %s: %w", redact(dsn), err)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("store: migrate %s: %w", redact(dsn), err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Backend names the database kind: "sqlite" or "postgres".
func (s *Store) Backend() string { return s.d.name() }

// redact hides a password in a database URL so errors can be logged.
func redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if at := strings.LastIndex(dsn, "@"); at > i {
			if c := strings.Index(dsn[i+3:at], ":"); c >= 0 {
				return dsn[:i+3+c+1] + "xxxxx" + dsn[at:]
			}
		}
	}
	return dsn
}

// migrate applies the migrations newer than the database's version, each in
// its own transaction, under a lock so concurrent processes do it once.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	unlock, err := s.d.lockSchema(ctx, conn)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		return err
	}
	for i, m := range migrations {
		if err := s.apply(ctx, conn, i+1, m); err != nil {
			return fmt.Errorf("migration %d (%s): %w", i+1, m.name, err)
		}
	}
	var have int
	if err := conn.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	if have > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this program's %d", have, len(migrations))
	}
	return nil
}

// apply runs migration version v unless the database has it. The version is
// read inside the migration's own (write-locked) transaction, so two
// processes starting at once apply it once.
func (s *Store) apply(ctx context.Context, conn *sql.Conn, v int, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version >= ?`), v).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	for _, stmt := range s.d.ddl(m) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, name) VALUES (?, ?)`), v, m.name); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion reports the applied migration version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// ErrNotFound is returned when an article, entity or place does not exist.
var ErrNotFound = errors.New("not found")
