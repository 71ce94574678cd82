package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Gold and system records are read as generic JSON (maps, slices, strings,
// json.Number, bools, nil) because score.py accepts loosely typed input:
// a quote's content may be a string or an object, a missing list and an
// empty one are the same, and so on. These helpers give the Python reading
// of such values; where Python would crash on a type, they return an error.

// truthy is Python's bool() of a decoded JSON value.
func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case json.Number:
		f, err := v.Float64()
		return err != nil || f != 0 // an out-of-range literal is huge, so non-zero
	case []any:
		return len(v) > 0
	case map[string]any:
		return len(v) > 0
	}
	return true
}

// str is a string field that score.py reads as `v or ""`: a falsy value
// is "", a string is itself, anything else is a type error.
func str(v any, what string) (string, error) {
	if !truthy(v) {
		return "", nil
	}
	if s, ok := v.(string); ok {
		return s, nil
	}
	return "", fmt.Errorf("%s: want a string, got %s", what, typeName(v))
}

// list is a list field that score.py reads as `v or []`.
func list(v any, what string) ([]any, error) {
	if !truthy(v) {
		return nil, nil
	}
	if l, ok := v.([]any); ok {
		return l, nil
	}
	return nil, fmt.Errorf("%s: want a list, got %s", what, typeName(v))
}

// object is an element that score.py calls .get on.
func object(v any, what string) (map[string]any, error) {
	if m, ok := v.(map[string]any); ok {
		return m, nil
	}
	return nil, fmt.Errorf("%s: want an object, got %s", what, typeName(v))
}

// textOf is score.py's text_of(v, key): a string is itself; an object
// gives its first string field among key, "text" and "name"; anything else
// is "".
func textOf(v any, key string) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		for _, k := range [...]string{key, "text", "name"} {
			if s, ok := v[k].(string); ok {
				return s
			}
		}
	}
	return ""
}

// speakerMention is score.py's speaker_mention(): the text of
// speaker.mention when the speaker is an object whose mention is an object
// or a string.
func speakerMention(v any) string {
	sp, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	switch m := sp["mention"].(type) {
	case string, map[string]any:
		return textOf(m, "text")
	}
	return ""
}

// pyStr is Python's str() of a scalar JSON value, used to compare time
// values ("2014" and 2014 are equal there; null is "None").
func pyStr(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "None", nil
	case bool:
		if v {
			return "True", nil
		}
		return "False", nil
	case string:
		return v, nil
	case json.Number:
		return pyNumber(string(v))
	}
	return "", fmt.Errorf("want a string, number, boolean or null, got %s", typeName(v))
}

// pyNumber formats a JSON number literal as Python's json module reads it
// and str() prints it: integers exactly, others as float repr.
func pyNumber(lit string) (string, error) {
	if !strings.ContainsAny(lit, ".eE") {
		// An integer literal: Python ints are unbounded and print as written,
		// except for a negative zero.
		if lit == "-0" {
			return "0", nil
		}
		return lit, nil
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil && !math.IsInf(f, 0) {
		return "", fmt.Errorf("bad number %q", lit)
	}
	return pyFloat(f), nil
}

// pyFloat is Python's repr() of a float: the shortest round-trip digits,
// in positional notation when the decimal exponent is in [-4, 16), else
// in scientific notation with at least two exponent digits.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, exps, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(exps)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1 // position of the decimal point after the first digit
	var s string
	switch {
	case decpt <= -4 || decpt > 16:
		s = digits[:1]
		if len(digits) > 1 {
			s += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		s += fmt.Sprintf("e%s%02d", sign, exp)
	case decpt <= 0:
		s = "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		s = digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	default:
		s = digits[:decpt] + "." + digits[decpt:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
