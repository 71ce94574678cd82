package geo

import (
	"runtime"
	"testing"

	"newsgraph/doc"
)

// BenchmarkDecode is start-up: decoding the embedded gazetteer. It also
// reports the heap the decoded gazetteer keeps (MB-live).
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = Decode(embedded); err != nil {
			b.Fatal(err)
		}
	}
	runtime.KeepAlive(g)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g, _ = Decode(embedded)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(g)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-live")
}

func BenchmarkLookupHit(b *testing.B) {
	g := Default()
	names := []string{"Kiev", "Paris", "United States", "Donetsk", "Washington", "Moscow"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if g.Lookup(names[i%len(names)]) == nil {
			b.Fatal("miss")
		}
	}
}

func BenchmarkLookupMiss(b *testing.B) {
	g := Default()
	names := []string{"Peskov", "Defense Ministry", "Wednesday", "NATO", "Konashenkov", "Kremlin"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if g.Lookup(names[i%len(names)]) != nil {
			b.Fatal("hit")
		}
	}
}

// BenchmarkResolve resolves a news-sized document of 12 places and 3
// nationality words.
func BenchmarkResolve(b *testing.B) {
	text := "Russian troops near the Ukrainian cities of Kiev and Chernigov regrouped. Donetsk and Lugansk " +
		"lie in the Donbass. Moscow and Kyiv met in Istanbul; the US, Paris, Texas and Washington watched, as did American officials."
	d := newDoc(b, text, ne{"Russian", doc.NORP}, ne{"Ukrainian", doc.NORP}, ne{"Kiev", doc.GPE}, ne{"Chernigov", doc.GPE},
		ne{"Donetsk", doc.GPE}, ne{"Lugansk", doc.GPE}, ne{"Donbass", doc.Loc}, ne{"Moscow", doc.GPE}, ne{"Kyiv", doc.GPE},
		ne{"Istanbul", doc.GPE}, ne{"US", doc.GPE}, ne{"Paris", doc.GPE}, ne{"Texas", doc.GPE}, ne{"Washington", doc.GPE},
		ne{"American", doc.NORP})
	Default()
	b.ReportAllocs()
	for b.Loop() {
		Resolve(d)
	}
}
