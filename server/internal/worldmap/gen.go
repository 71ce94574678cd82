//go:build ignore

// gen converts world-atlas's countries TopoJSON (Natural Earth, public
// domain; world-atlas is ISC) into ../../ui/world.json: one SVG path per
// country in an equirectangular projection (x = 2·(lon+180), y = 2·(90−lat),
// a 720×360 viewBox), so the browser draws the map with no library.
//
//	npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//	go run gen.go package/countries-110m.json > ../../ui/world.json
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
)

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				ID         string          `json:"id"`
				Properties map[string]any  `json:"properties"`
				Arcs       json.RawMessage `json:"arcs"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

type country struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	D    string `json:"d"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run gen.go countries-110m.json > world.json")
		os.Exit(2)
	}
	raw, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var t topology
	if err := json.Unmarshal(raw, &t); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", os.Args[1], err)
		os.Exit(1)
	}
	// Decode the quantised, delta-encoded arcs to lon/lat.
	arcs := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		x, y := 0.0, 0.0
		for _, p := range a {
			x, y = x+p[0], y+p[1]
			arcs[i] = append(arcs[i], [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]})
		}
	}
	ring := func(ids []int) string {
		var b strings.Builder
		n := 0
		lx, ly := math.NaN(), math.NaN()
		for _, id := range ids {
			pts := []([2]float64){}
			if id >= 0 {
				pts = arcs[id]
			} else {
				a := arcs[^id]
				for i := len(a) - 1; i >= 0; i-- {
					pts = append(pts, a[i])
				}
			}
			for _, p := range pts {
				x := math.Round((p[0]+180)*20) / 10
				y := math.Round((90-p[1])*20) / 10
				if x == lx && y == ly {
					continue
				}
				// A jump across the antimeridian starts a new subpath
				// instead of drawing a line across the whole map.
				if n == 0 || math.Abs(x-lx) > 360 {
					fmt.Fprintf(&b, "M%g %g", x, y)
				} else {
					fmt.Fprintf(&b, "L%g %g", x, y)
				}
				lx, ly = x, y
				n++
			}
		}
		if n < 3 {
			return ""
		}
		return b.String() + "Z"
	}
	var out []country
	for _, g := range t.Objects.Countries.Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			json.Unmarshal(g.Arcs, &p)
			polys = [][][]int{p}
		case "MultiPolygon":
			json.Unmarshal(g.Arcs, &polys)
		default:
			continue
		}
		var d strings.Builder
		for _, p := range polys {
			for _, r := range p {
				d.WriteString(ring(r))
			}
		}
		name, _ := g.Properties["name"].(string)
		if d.Len() > 0 && g.ID != "010" { // Antarctica only distorts an equirectangular news map
			out = append(out, country{ID: g.ID, Name: name, D: d.String()})
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		os.Exit(1)
	}
}
