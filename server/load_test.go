package server

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"newsgraph/store"
	"newsgraph/store/storetest"
)

// BenchmarkLoad is the load test: it ingests NEWSGRAPH_LOAD_ARTICLES
// (default 10,000) synthetic articles into a fresh store, reporting
// articles/s, then has 50 concurrent clients on loopback issue search and
// person-page requests, reporting p50 and p99 latencies. It runs on SQLite
// and, when NEWSGRAPH_TEST_PG is set, on PostgreSQL. Run it once:
//
//	go test -run '^$' -bench Load -benchtime 1x ./server
func BenchmarkLoad(b *testing.B) {
	n := 10_000
	if v, err := strconv.Atoi(os.Getenv("NEWSGRAPH_LOAD_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	dsns := [][2]string{{"sqlite", filepath.Join(b.TempDir(), "load.db")}}
	if pg := os.Getenv("NEWSGRAPH_TEST_PG"); pg != "" {
		dsns = append(dsns, [2]string{"postgres", pgSchema(b, pg)})
	}
	for _, d := range dsns {
		b.Run(d[0], func(b *testing.B) {
			s, err := store.Open(context.Background(), d[1])
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			rate := ingest(b, s, n)
			// Uncached first: what the queries themselves cost under load;
			// then as 'newsgraph serve' runs, with its answer cache.
			cold := httptest.NewServer((&Server{Store: s}).Handler())
			defer cold.Close()
			warm := httptest.NewServer((&Server{Store: s, CacheTTL: DefaultCacheTTL}).Handler())
			defer warm.Close()
			people := personIDs(b, cold.URL)
			b.ResetTimer()
			for range b.N {
				search, person := hammer(b, cold.URL, people, 50, 20)
				b.ReportMetric(ms(search, 50), "nocache-search-p50-ms")
				b.ReportMetric(ms(search, 99), "nocache-search-p99-ms")
				b.ReportMetric(ms(person, 99), "nocache-person-p99-ms")
				search, person = hammer(b, warm.URL, people, 50, 40)
				b.ReportMetric(ms(search, 50), "search-p50-ms")
				b.ReportMetric(ms(search, 99), "search-p99-ms")
				b.ReportMetric(ms(person, 50), "person-p50-ms")
				b.ReportMetric(ms(person, 99), "person-p99-ms")
			}
			b.ReportMetric(rate, "ingest-articles/s")
		})
	}
}

// ingest stores n synthetic articles on 4 workers and returns articles/s.
func ingest(b *testing.B, s *store.Store, n int) float64 {
	start := time.Now()
	next := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if _, err := s.Put(context.Background(), storetest.Record(i)); err != nil {
					b.Error(err)
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return float64(n) / time.Since(start).Seconds()
}

func personIDs(b *testing.B, base string) []string {
	resp, err := http.Get(base + "/api/entities?type=PERSON&limit=100")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var fs []store.Facet
	if err := json.NewDecoder(resp.Body).Decode(&fs); err != nil || len(fs) == 0 {
		b.Fatalf("people: %v %d", err, len(fs))
	}
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Value
	}
	return ids
}

// searches are the mix of statement searches the clients send, with facets.
var searches = []url.Values{
	{"q": {"negotiations"}},
	{"speaker": {"Peskov"}},
	{"place": {"Kyiv"}, "kind": {"indirect"}},
	{"cue": {"deny"}, "from": {"2022-03-01"}, "to": {"2022-06-30"}},
	{"site": {"reuters.com"}, "q": {"talks"}},
	{"q": {"troops regrouping border"}, "site": {"dw.com"}},
	{"about": {"Anna Smith"}},
	{},
}

// hammer runs clients goroutines each sending perClient requests,
// alternating searches and person pages, and returns their latencies.
func hammer(b *testing.B, base string, people []string, clients, perClient int) (search, person []time.Duration) {
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for k := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range perClient {
				var u string
				isSearch := j%2 == 0
				if isSearch {
					u = base + "/api/search?" + searches[(k+j)%len(searches)].Encode()
				} else {
					u = base + "/api/entities/" + people[(k*perClient+j)%len(people)]
				}
				t0 := time.Now()
				resp, err := c.Get(u)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				d := time.Since(t0)
				if resp.StatusCode != 200 {
					b.Errorf("%s: %s", u, resp.Status)
				}
				mu.Lock()
				if isSearch {
					search = append(search, d)
				} else {
					person = append(person, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return search, person
}

// ms is the p-th percentile of ds in milliseconds.
func ms(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	i := min(len(ds)-1, (len(ds)*p+99)/100-1)
	return float64(ds[max(i, 0)].Microseconds()) / 1000
}

// pgSchema returns a DSN for a fresh, empty schema in the PostgreSQL
// database dsn, dropped when the benchmark ends.
func pgSchema(b *testing.B, dsn string) string {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	name := fmt.Sprintf("load_%d", os.Getpid())
	if _, err := db.Exec(`DROP SCHEMA IF EXISTS ` + name + ` CASCADE; CREATE SCHEMA ` + name); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Exec(`DROP SCHEMA IF EXISTS ` + name + ` CASCADE`); db.Close() })
	return dsn + "&search_path=" + name
}
