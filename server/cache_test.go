package server

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestCache(t *testing.T) {
	c := newCache(time.Hour, 2)
	c.put("a", []byte("A"), 200)
	c.put("b", []byte("B"), 200)
	if _, _, ok := c.get("a"); !ok { // a is now the most recently used
		t.Fatal("a missing")
	}
	c.put("c", []byte("C"), 200) // evicts b, the least recently used
	for key, want := range map[string]bool{"a": true, "b": false, "c": true} {
		if _, _, ok := c.get(key); ok != want {
			t.Errorf("get(%q) present=%v, want %v", key, ok, want)
		}
	}
	c.clear()
	if _, _, ok := c.get("a"); ok {
		t.Error("a survives clear")
	}
	short := newCache(time.Nanosecond, 10)
	short.put("x", []byte("X"), 200)
	time.Sleep(time.Millisecond)
	if _, _, ok := short.get("x"); ok {
		t.Error("expired entry served")
	}
}

// TestCachedServerSeesIngest checks that an answer cached before an ingest
// through the server is not served after it.
func TestCachedServerSeesIngest(t *testing.T) {
	s := loadStore(t)
	h := (&Server{Store: s, IngestToken: "t", CacheTTL: time.Hour}).Handler()
	_, _, before := get(t, h, "/api/search?q=usable")
	rec := strings.ReplaceAll(firstRecord(t), "were useful", "were usable")
	rr := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/api/ingest", strings.NewReader(rec))
	req.Header.Set("Authorization", "Bearer t")
	h.ServeHTTP(rr, req)
	if rr.Code != 200 {
		t.Fatalf("ingest: %d %s", rr.Code, rr.Body)
	}
	_, _, after := get(t, h, "/api/search?q=usable")
	if !strings.Contains(string(before), `"total":0`) || !strings.Contains(string(after), `"total":1`) {
		t.Errorf("before ingest %s; after %s", before, after)
	}
}
