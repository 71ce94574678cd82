package geo

import (
	"bytes"
	"testing"
)

// FuzzDecode feeds the decoder's parsing of the decompressed format (the
// compressor's framing would reject nearly every mutation before it got there) and the
// full Decode path.
func FuzzDecode(f *testing.F) {
	recs := []Record{
		{Place: Place{ID: 703448, Name: "Kyiv", Country: "UA", Feature: "PPLC", Admin1: "12", Population: 2797553, Lat: 50.45, Lon: 30.52}, Names: []string{"Kiev"}},
		{Place: Place{ID: -1, Name: "Donbas", Country: "UA", Feature: "RGN"}, Names: []string{"Donbass"}},
	}
	raw, err := encodeRaw(recs, map[string]bool{"Kiev": true}, map[string]string{"Ukrainian": "UA"})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte(magic))
	var buf bytes.Buffer
	if err := Encode(&buf, recs, nil, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		if g, err := decodeRaw(string(data)); err == nil {
			for i := range g.NumNames() {
				for _, p := range g.Lookup(g.names.key(i)) {
					_ = p.Doc()
				}
			}
		}
		Decode(data)
	})
}
