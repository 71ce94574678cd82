package server

import (
	"container/list"
	"sync"
	"time"
)

// cache keeps recent API answers for a short time: the store changes only
// on ingest, and the same searches and person pages are asked for again and
// again, so under load most requests cost a map lookup instead of queries.
// An ingest through this server clears it; one by another process shows
// within the TTL.
type cache struct {
	ttl time.Duration
	max int

	mu    sync.Mutex
	items map[string]*list.Element
	lru   list.List // front: most recently used
}

type cacheEntry struct {
	key     string
	body    []byte
	status  int
	expires time.Time
}

func newCache(ttl time.Duration, max int) *cache {
	return &cache{ttl: ttl, max: max, items: map[string]*list.Element{}}
}

func (c *cache) get(key string) (body []byte, status int, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, 0, false
	}
	e := el.Value.(*cacheEntry)
	if time.Now().After(e.expires) {
		c.lru.Remove(el)
		delete(c.items, key)
		return nil, 0, false
	}
	c.lru.MoveToFront(el)
	return e.body, e.status, true
}

func (c *cache) put(key string, body []byte, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.lru.Remove(el)
	}
	c.items[key] = c.lru.PushFront(&cacheEntry{key, body, status, time.Now().Add(c.ttl)})
	for c.lru.Len() > c.max {
		old := c.lru.Back()
		c.lru.Remove(old)
		delete(c.items, old.Value.(*cacheEntry).key)
	}
}

func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items = map[string]*list.Element{}
	c.lru.Init()
}
