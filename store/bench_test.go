package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"newsgraph/store/storetest"
)

// benchStore is a SQLite store (or PostgreSQL with NEWSGRAPH_BENCH_PG) of
// 2,000 synthetic articles: 6,000 statements.
func benchStore(b *testing.B) *Store {
	b.Helper()
	dsn := filepath.Join(b.TempDir(), "bench.db")
	if pg := os.Getenv("NEWSGRAPH_BENCH_PG"); pg != "" {
		dsn = freshSchema(b, pg)
	}
	s, err := Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	for i := range 2000 {
		if _, err := s.Put(context.Background(), storetest.Record(i)); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkPut measures writing one article (4 entities, 5 mentions,
// 3 statements) in its transaction.
func BenchmarkPut(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "put.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := range b.N {
		if _, err := s.Put(context.Background(), storetest.Record(i)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	s := benchStore(b)
	for _, bc := range []struct {
		name string
		q    Query
	}{
		{"all", Query{}},
		{"words", Query{Text: "negotiations"}},
		{"speaker", Query{Speaker: "Peskov"}},
		{"place+kind", Query{Place: "Kyiv", Kind: "indirect"}},
		{"cue+dates", Query{Cue: "deny", From: "2022-03-01", To: "2022-06-30"}},
		{"words+site", Query{Text: "talks", Site: "reuters.com"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for range b.N {
				if _, err := s.Search(context.Background(), bc.q, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEntity(b *testing.B) {
	s := benchStore(b)
	b.ResetTimer()
	for range b.N {
		if _, err := s.Entity(context.Background(), 150); err != nil {
			b.Fatal(err)
		}
	}
}
