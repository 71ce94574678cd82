package geo

import "strings"

// Variant reports whether a is a spelling variant of name n: within an
// edit distance of a third of n's length (at least 2), case ignored. Kiev and
// Kyiv, Lugansk and Luhansk, Chernigov and Chernihiv, Odessa and Odesa are;
// Oklahoma and Oklahoma City, Twickenham and Huntsville are not. The
// gazetteer build keeps a mid-sized town's alternate names only if they are
// variants, and Resolve lets a town outrank its same-named subdivision only
// if the town's name is a variant of the mention.
func Variant(a, n string) bool {
	x, y := []rune(strings.ToLower(a)), []rune(strings.ToLower(n))
	limit := max(2, len(y)/3)
	if d := len(x) - len(y); d > limit || -d > limit {
		return false
	}
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)] <= limit
}
