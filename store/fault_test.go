package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"newsgraph/doc"
	"newsgraph/store/storetest"
)

// TestHelperIngest is not a test: the fault tests run the test binary again
// with NEWSGRAPH_HELPER_DSN set, so this becomes a separate ingest process
// they can kill or run side by side. It stores synthetic records
// [FROM, TO) and prints how many it analysed (its analyse calls).
func TestHelperIngest(t *testing.T) {
	dsn := os.Getenv("NEWSGRAPH_HELPER_DSN")
	if dsn == "" {
		return
	}
	from, _ := strconv.Atoi(os.Getenv("NEWSGRAPH_HELPER_FROM"))
	to, _ := strconv.Atoi(os.Getenv("NEWSGRAPH_HELPER_TO"))
	workers, _ := strconv.Atoi(os.Getenv("NEWSGRAPH_HELPER_WORKERS"))
	s, err := Open(context.Background(), dsn)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	defer s.Close()
	var mu sync.Mutex
	analysed := 0
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rec := storetest.Record(i)
				_, err := s.Ingest(context.Background(), rec.ID, "v1", false, func() (*doc.Record, error) {
					mu.Lock()
					analysed++
					mu.Unlock()
					return rec, nil
				})
				if err != nil {
					fmt.Println("ingest:", err)
					os.Exit(4)
				}
			}
		}()
	}
	for i := from; i < to; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	fmt.Printf("analysed %d\n", analysed)
}

func helper(dsn string, from, to, workers int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngest$", "-test.count=1")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_HELPER_DSN="+dsn, fmt.Sprintf("NEWSGRAPH_HELPER_FROM=%d", from),
		fmt.Sprintf("NEWSGRAPH_HELPER_TO=%d", to), fmt.Sprintf("NEWSGRAPH_HELPER_WORKERS=%d", workers))
	return cmd
}

func analysed(t *testing.T, out []byte) int {
	t.Helper()
	i := bytes.Index(out, []byte("analysed "))
	if i < 0 {
		t.Fatalf("helper output: %s", out)
	}
	var n int
	fmt.Sscanf(string(out[i:]), "analysed %d", &n)
	return n
}

// checkWhole fails unless every stored article is complete: its quotes,
// mentions, entity links and (SQLite) full-text rows all present, and no
// key stored twice.
func checkWhole(t *testing.T, s *Store) int {
	t.Helper()
	n := count(t, s, "articles")
	for _, c := range []struct{ what, query string }{
		{"duplicate keys", `SELECT COUNT(*) - COUNT(DISTINCT key) FROM articles`},
		{"articles missing quotes", `SELECT COUNT(*) FROM articles a WHERE a.quotes <> (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id)`},
		{"articles missing mentions", `SELECT COUNT(*) FROM articles a WHERE (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) <> 5`},
		{"articles missing entities", `SELECT COUNT(*) FROM articles a WHERE (SELECT COUNT(*) FROM article_entities e WHERE e.article_id = a.id) <> 4`},
		{"orphan quotes", `SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id)`},
	} {
		var bad int
		if err := s.db.QueryRow(c.query).Scan(&bad); err != nil {
			t.Fatal(err)
		}
		if bad != 0 {
			t.Errorf("%s: %d", c.what, bad)
		}
	}
	if s.Backend() == "sqlite" {
		if q, f := count(t, s, "quotes"), count(t, s, "quote_fts"); q != f {
			t.Errorf("%d quotes but %d full-text rows", q, f)
		}
	}
	return n
}

// TestKillMidIngest kills an ingest process while it writes, checks that
// no article is half-stored, then runs it again to the end: every article
// exactly once, and only the missing ones analysed the second time.
func TestKillMidIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("process fault test skipped in -short mode")
	}
	const total = 600
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openTest(t, b)
			dsn := b.dsn
			if b.name == "postgres" {
				dsn += "&application_name=newsgraph_fault"
			}
			cmd := helper(dsn, 0, total, 2)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(20 * time.Second)
			for count(t, s, "articles") < 50 {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("helper stored nothing in 20s")
				}
				time.Sleep(5 * time.Millisecond)
			}
			cmd.Process.Kill() // SIGKILL: no chance to clean up
			cmd.Wait()
			if b.name == "postgres" {
				// A COMMIT sent just before the kill still lands: wait
				// until the dead client's server sessions are gone.
				for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
					var n int
					if err := s.db.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'newsgraph_fault'`).Scan(&n); err != nil {
						t.Fatal(err)
					}
					if n == 0 {
						break
					}
					if time.Now().After(deadline) {
						t.Fatalf("%d sessions of the killed ingest still open after 10s", n)
					}
				}
			}
			before := checkWhole(t, s)
			if before == 0 || before >= total {
				t.Fatalf("killed with %d of %d articles stored; the test needs a kill mid-run", before, total)
			}
			out, err := helper(b.dsn, 0, total, 2).CombinedOutput()
			if err != nil {
				t.Fatalf("rerun: %v\n%s", err, out)
			}
			if n := checkWhole(t, s); n != total {
				t.Errorf("%d articles after the rerun, want %d", n, total)
			}
			// An article whose transaction the kill cut short is analysed again.
			if a := analysed(t, out); a != total-before {
				t.Errorf("rerun analysed %d, want %d (the %d not stored)", a, total-before, total-before)
			}
			t.Logf("killed after %d of %d articles; rerun completed the rest", before, total)
		})
	}
}

// TestConcurrentIngestPostgres runs four ingest processes over the same
// articles at once: each article must be stored once and analysed once.
func TestConcurrentIngestPostgres(t *testing.T) {
	pg := os.Getenv("NEWSGRAPH_TEST_PG")
	if pg == "" {
		t.Skip("NEWSGRAPH_TEST_PG not set (run .ci/postgres.sh)")
	}
	if testing.Short() {
		t.Skip("process fault test skipped in -short mode")
	}
	const total, procs = 400, 4
	b := backend{"postgres", freshSchema(t, pg)}
	s := openTest(t, b)
	var wg sync.WaitGroup
	outs := make([][]byte, procs)
	errs := make([]error, procs)
	for p := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[p], errs[p] = helper(b.dsn, 0, total, 2).CombinedOutput()
		}()
	}
	wg.Wait()
	sum := 0
	for p := range procs {
		if errs[p] != nil {
			t.Fatalf("process %d: %v\n%s", p, errs[p], outs[p])
		}
		sum += analysed(t, outs[p])
	}
	if n := checkWhole(t, s); n != total {
		t.Errorf("%d articles, want %d", n, total)
	}
	if sum != total {
		t.Errorf("%d processes analysed %d articles in all, want each of the %d once", procs, sum, total)
	}
	var ents int
	s.db.QueryRow(`SELECT COUNT(*) FROM entities WHERE type = 'PERSON'`).Scan(&ents)
	if ents != storetest.Speakers {
		t.Errorf("%d canonical people, want %d", ents, storetest.Speakers)
	}
	t.Logf("%d processes analysed %d articles in all", procs, sum)
}
