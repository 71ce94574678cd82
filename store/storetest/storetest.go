// Package storetest makes synthetic analysis records for store and server
// tests: load tests, fault tests and benchmarks need thousands of articles
// with realistic shape (shared speakers and places across articles, quotes,
// roles, dates), deterministic and without running the pipeline.
package storetest

import (
	"fmt"
	"strings"
	"time"

	"newsgraph/doc"
)

var (
	first  = []string{"Dmitry", "Anna", "Sergei", "Olena", "John", "Maria", "Ahmed", "Li", "Fatima", "Pierre", "Ingrid", "Carlos", "Yuki", "Kwame", "Elena", "Tomas", "Aisha", "Viktor", "Sofia", "David"}
	last   = []string{"Peskov", "Kovalenko", "Smith", "Garcia", "Nguyen", "Okafor", "Schmidt", "Rossi", "Tanaka", "Haddad"}
	roles  = []string{"spokesman", "foreign minister", "mayor", "analyst", "defence minister", "ambassador", "president", "general"}
	topics = []string{"negotiations", "talks", "sanctions", "ceasefire", "grain deal", "elections", "budget", "troop movements"}
	adjs   = []string{"useful", "stalled", "promising", "over", "difficult", "constructive"}
	cues   = [][2]string{{"said", "say"}, {"told reporters", "tell"}, {"insisted", "insist"}, {"warned", "warn"}, {"claimed", "claim"}, {"added", "add"}}
	sites  = []string{"bbc.co.uk", "reuters.com", "apnews.com", "theguardian.com", "aljazeera.com", "dw.com", "france24.com", "kyivindependent.com"}
	places = []doc.Place{
		{GeoNameID: 703448, Name: "Kyiv", Country: "UA", Feature: "PPLC", Lat: 50.45, Lon: 30.52},
		{GeoNameID: 710735, Name: "Chernihiv", Country: "UA", Feature: "PPLA", Lat: 51.51, Lon: 31.28},
		{GeoNameID: 524901, Name: "Moscow", Country: "RU", Feature: "PPLC", Lat: 55.75, Lon: 37.62},
		{GeoNameID: 745044, Name: "Istanbul", Country: "TR", Feature: "PPLA", Lat: 41.01, Lon: 28.95},
		{GeoNameID: 2643743, Name: "London", Country: "GB", Feature: "PPLC", Lat: 51.51, Lon: -0.13},
		{GeoNameID: 5128581, Name: "New York", Country: "US", Feature: "PPL", Lat: 40.71, Lon: -74.01},
		{GeoNameID: 2950159, Name: "Berlin", Country: "DE", Feature: "PPLC", Lat: 52.52, Lon: 13.41},
		{GeoNameID: 1816670, Name: "Beijing", Country: "CN", Feature: "PPLC", Lat: 39.91, Lon: 116.40},
		{GeoNameID: 360630, Name: "Cairo", Country: "EG", Feature: "PPLC", Lat: 30.06, Lon: 31.25},
		{GeoNameID: 3435910, Name: "Buenos Aires", Country: "AR", Feature: "PPLC", Lat: -34.61, Lon: -58.38},
	}
)

// builder appends text and remembers code-point spans (the text is ASCII).
type builder struct{ b strings.Builder }

func (b *builder) add(s string) doc.RecordSpan {
	start := b.b.Len()
	b.b.WriteString(s)
	return doc.RecordSpan{Start: start, End: b.b.Len(), Text: s}
}

// Speakers is how many distinct people the records quote.
const Speakers = 200

// Record returns synthetic article i: two people, two places, three quotes
// (direct, indirect and a denial by a government), published in 2022. The
// same i always gives the same record; people and places recur across i.
func Record(i int) *doc.Record {
	var b builder
	p1, p2 := i%Speakers, (i*7+3)%Speakers
	if p2 == p1 {
		p2 = (p1 + 1) % Speakers
	}
	name := func(p int) (string, string) {
		return first[p%len(first)] + " " + last[(p/len(first))%len(last)], last[(p/len(first))%len(last)]
	}
	n1, l1 := name(p1)
	n2, _ := name(p2)
	role1 := roles[p1%len(roles)]
	pl1, pl2 := places[i%len(places)], places[(i/3+1)%len(places)]
	if pl2 == pl1 {
		pl2 = places[(i+1)%len(places)]
	}
	topic, adj, cue := topics[i%len(topics)], adjs[(i/2)%len(adjs)], cues[(i/5)%len(cues)]

	ents := map[string]*doc.RecordEntity{
		"E1": {ID: "E1", Type: "PERSON", Name: n1, Roles: []string{role1}, Aliases: []string{l1}},
		"E2": {ID: "E2", Type: "PERSON", Name: n2, Roles: []string{}, Aliases: []string{}},
		"E3": {ID: "E3", Type: "GPE", Name: pl1.Name, Roles: []string{}, Aliases: []string{}, Geo: &pl1},
		"E4": {ID: "E4", Type: "GPE", Name: pl2.Name, Roles: []string{}, Aliases: []string{}, Geo: &pl2},
	}
	mention := func(id string, s doc.RecordSpan) { ents[id].Mentions = append(ents[id].Mentions, s) }
	sid := func(s string) *string { return &s }
	var quotes []doc.RecordQuote
	var sents []doc.RecordSpan

	// Sentence 1: indirect. "The spokesman Dmitry Peskov said that the talks in Kyiv were useful."
	s0 := b.b.Len()
	b.add("The " + role1 + " ")
	m1 := b.add(n1)
	mention("E1", m1)
	b.add(" ")
	c1 := b.add(cue[0])
	b.add(" ")
	cs := b.b.Len()
	b.add("the " + topic + " in ")
	mention("E3", b.add(pl1.Name))
	b.add(" were " + adj)
	content1 := doc.RecordSpan{Start: cs, End: b.b.Len(), Text: b.b.String()[cs:]}
	b.add(".")
	sents = append(sents, doc.RecordSpan{Start: s0, End: b.b.Len()})
	quotes = append(quotes, doc.RecordQuote{ID: "Q1", Kind: "indirect", Content: content1,
		Cue:     &doc.RecordCue{Start: c1.Start, End: c1.End, Text: c1.Text, Lemma: cue[1]},
		Speaker: &doc.RecordSpeaker{Entity: sid("E1"), Name: n1, Role: sid(role1), Kind: "person", Mention: m1}, Confidence: 0.9})

	// Sentence 2: direct, speaker by surname. "\"We will talk to Anna Smith about sanctions,\" Peskov said."
	b.add(" \"")
	s1 := b.b.Len() - 1
	cs = b.b.Len()
	b.add("We will talk to ")
	mention("E2", b.add(n2))
	b.add(fmt.Sprintf(" about %s before day %d,", topic, i))
	content2 := doc.RecordSpan{Start: cs, End: b.b.Len(), Text: b.b.String()[cs:]}
	b.add("\" ")
	m2 := b.add(l1)
	mention("E1", m2)
	b.add(" ")
	c2 := b.add("said")
	b.add(".")
	sents = append(sents, doc.RecordSpan{Start: s1, End: b.b.Len()})
	quotes = append(quotes, doc.RecordQuote{ID: "Q2", Kind: "direct", Content: content2,
		Cue:     &doc.RecordCue{Start: c2.Start, End: c2.End, Text: "said", Lemma: "say"},
		Speaker: &doc.RecordSpeaker{Entity: sid("E1"), Name: n1, Role: sid(role1), Kind: "person", Mention: m2}, Confidence: 0.95})

	// Sentence 3: a government denies. "Berlin denied that troops were regrouping."
	b.add(" ")
	s2 := b.b.Len()
	m3 := b.add(pl2.Name)
	mention("E4", m3)
	b.add(" ")
	c3 := b.add("denied")
	b.add(" ")
	content3 := b.add(fmt.Sprintf("that troops were regrouping near the border in sector %d", i%97))
	b.add(".")
	sents = append(sents, doc.RecordSpan{Start: s2, End: b.b.Len()})
	quotes = append(quotes, doc.RecordQuote{ID: "Q3", Kind: "indirect", Content: content3,
		Cue:     &doc.RecordCue{Start: c3.Start, End: c3.End, Text: "denied", Lemma: "deny"},
		Speaker: &doc.RecordSpeaker{Entity: sid("E4"), Name: pl2.Name, Kind: "government", Mention: m3}, Confidence: 0.8})

	pub := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365).Format("2006-01-02")
	rec := &doc.Record{
		ID: fmt.Sprintf("synthetic/%06d", i), Title: sid(fmt.Sprintf("%s: %s %s (%d)", pl1.Name, topic, adj, i)),
		URL: sid(fmt.Sprintf("https://%s/news/%d", sites[i%len(sites)], i)), Site: sid(sites[i%len(sites)]), Published: sid(pub),
		Text: b.b.String(), Sentences: sents, Quotes: quotes,
		Times: []doc.RecordTime{},
	}
	for _, id := range []string{"E1", "E2", "E3", "E4"} {
		rec.Entities = append(rec.Entities, *ents[id])
	}
	return rec
}
