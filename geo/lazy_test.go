package geo

import (
	"sync"
	"testing"
)

// Places are made on first lookup: goroutines racing to make them must all
// get the same *Place, whichever name they asked by (run with -race).
func TestLazyPlacesConcurrent(t *testing.T) {
	g, err := Decode(embedded)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Kiev", "Kyiv", "Kiew", "Paris", "Moscow", "Donbass", "Donbas", "United States", "US", "America"}
	const workers = 8
	got := make([][][]*Place, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, n := range names {
				got[w] = append(got[w], g.Lookup(n))
				g.Likely(n)
			}
		}()
	}
	wg.Wait()
	for w := 1; w < workers; w++ {
		for i := range names {
			if len(got[w][i]) != len(got[0][i]) {
				t.Fatalf("%s: %d places, %d in another goroutine", names[i], len(got[w][i]), len(got[0][i]))
			}
			for k := range got[w][i] {
				if got[w][i][k] != got[0][i][k] {
					t.Errorf("%s: place %d made twice", names[i], k)
				}
			}
		}
	}
	// One place, one identity, whatever the name: Kiev and Kyiv.
	if kiev, kyiv := g.Lookup("Kiev"), g.Lookup("Kyiv"); kiev[0] != kyiv[0] {
		t.Error("Kiev and Kyiv give two *Place values for one place")
	}
	if c, _ := g.Country("UA"); c != g.Lookup("Ukraine")[0] {
		t.Error("Country(UA) and Lookup(Ukraine) give two *Place values")
	}
}
