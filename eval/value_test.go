package eval

import "testing"

func TestPyFloat(t *testing.T) {
	// Python's repr() of each value.
	tests := []struct {
		f    float64
		want string
	}{
		{0, "0.0"},
		{1, "1.0"},
		{0.5, "0.5"},
		{0.6667, "0.6667"},
		{1e16, "1e+16"},
		{1e15, "1000000000000000.0"},
		{123456789012345678, "1.2345678901234568e+17"},
		{0.0001, "0.0001"},
		{0.00001, "1e-05"},
		{1.5e-7, "1.5e-07"},
		{-2.5, "-2.5"},
		{2014, "2014.0"},
		{1e22, "1e+22"},
		{5e-324, "5e-324"},
		{1.7976931348623157e308, "1.7976931348623157e+308"},
		{100, "100.0"},
		{0.30000000000000004, "0.30000000000000004"},
	}
	for _, tt := range tests {
		if got := pyFloat(tt.f); got != tt.want {
			t.Errorf("pyFloat(%v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestRound4(t *testing.T) {
	// Python's round(x, 4), and "%.3f" of that, as the text report prints it.
	tests := []struct {
		x      float64
		want   Rate
		report string
	}{
		{0.0625, 0.0625, "0.062"}, // an exact tie, to even
		{0.03125, 0.0312, "0.031"},
		{1.0 / 3, 0.3333, "0.333"},
		{2.0 / 3, 0.6667, "0.667"},
		{0.123456, 0.1235, "0.123"},
		{0.99995, 1, "1.000"}, // the float is just above the tie
		{0.00005, 0.0001, "0.000"},
		{0.15625, 0.1562, "0.156"},
	}
	for _, tt := range tests {
		got := round4(tt.x)
		if got != tt.want {
			t.Errorf("round4(%v) = %v, want %v", tt.x, got, tt.want)
		}
		if s := formatRate(got); s != tt.report {
			t.Errorf("%%.3f of %v = %q, want %q", got, s, tt.report)
		}
	}
}

func TestPyStr(t *testing.T) {
	tests := []struct {
		json string
		want string
	}{
		{`"2014"`, "2014"},
		{`2014`, "2014"},
		{`-0`, "0"},
		{`2014.0`, "2014.0"},
		{`1e2`, "100.0"},
		{`1E400`, "inf"},
		{`123456789012345678901234567890`, "123456789012345678901234567890"},
		{`null`, "None"},
		{`true`, "True"},
		{`false`, "False"},
	}
	for _, tt := range tests {
		rec, err := decodeRecord(`{"v": ` + tt.json + `}`)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pyStr(rec["v"])
		if err != nil || got != tt.want {
			t.Errorf("pyStr(%s) = %q, %v; want %q", tt.json, got, err, tt.want)
		}
	}
	if _, err := pyStr([]any{}); err == nil {
		t.Error("pyStr of a list: no error")
	}
}

func TestTruthy(t *testing.T) {
	tests := []struct {
		json string
		want bool
	}{
		{`null`, false}, {`false`, false}, {`true`, true}, {`""`, false}, {`"x"`, true},
		{`0`, false}, {`0.0`, false}, {`-0`, false}, {`1e-400`, false}, {`2`, true},
		{`[]`, false}, {`[0]`, true}, {`{}`, false}, {`{"a": 1}`, true},
	}
	for _, tt := range tests {
		rec, err := decodeRecord(`{"v": ` + tt.json + `}`)
		if err != nil {
			t.Fatal(err)
		}
		if got := truthy(rec["v"]); got != tt.want {
			t.Errorf("truthy(%s) = %v, want %v", tt.json, got, tt.want)
		}
	}
}

func TestTextOf(t *testing.T) {
	tests := []struct {
		json, key, want string
	}{
		{`"Peskov"`, "name", "Peskov"},
		{`{"name": "Peskov", "text": "he"}`, "name", "Peskov"},
		{`{"name": "", "text": "he"}`, "name", ""}, // an empty string is still a string
		{`{"name": null, "text": "he"}`, "name", "he"},
		{`{"entity": "E1", "name": 5}`, "name", ""},
		{`["Peskov"]`, "name", ""},
		{`{"start": 0, "text": "words"}`, "text", "words"},
		{`{"name": "n"}`, "text", "n"},
	}
	for _, tt := range tests {
		rec, err := decodeRecord(`{"v": ` + tt.json + `}`)
		if err != nil {
			t.Fatal(err)
		}
		if got := textOf(rec["v"], tt.key); got != tt.want {
			t.Errorf("textOf(%s, %q) = %q, want %q", tt.json, tt.key, got, tt.want)
		}
	}
}
