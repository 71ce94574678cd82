package pipeline

import (
	"os"
	"strings"
	"testing"
	"time"

	"newsgraph/doc"
)

// TestSeedArticle holds the bar of the article that started the project:
// every statement with its kind, cue and speaker, the photo credit gone,
// the glued sentences split and every time expression resolved.
func TestSeedArticle(t *testing.T) {
	raw, err := os.ReadFile("testdata/russia-regrouping-2022-03-30.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(raw), Published: time.Date(2022, 3, 30, 0, 0, 0, 0, time.UTC)}
	New().Analyze(d)

	if strings.Contains(d.Text, "Getty Images") {
		t.Error("photo credit not removed")
	}
	for _, glue := range []string{"month.The", `years."Therefore`, `talks."As`, `areas."The`, "month.Simultaneously"} {
		if strings.Contains(d.Text, glue) {
			t.Errorf("glued sentence %q not split", glue)
		}
	}
	want := []struct{ kind, cue, speaker, content string }{
		{"indirect", "claimed", "Defense Ministry", "Russian troops near the Ukrainian cities"},
		{"mixed", "said", "Igor Konashenkov", `the "planned regrouping`},
		{"mixed", "according to", "Igor Konashenkov", "Russia, in order to create"},
		{"mixed", "underlined", "Igor Konashenkov", "the purpose of the Russian forces"},
		{"mixed", "announced", "Alexander Fomin", `"a decision was made`},
		{"indirect", "warned", "Dmitry Peskov", "against excessive optimism"},
		{"mixed", "said", "Dmitry Peskov", "the agreement of the Ukrainian side"},
		{"direct", "underlined", "Dmitry Peskov", "As for the rest"},
		{"indirect", "said", "Moscow", "it launched a military campaign"},
		{"indirect", "has now demanded", "Russia", "Ukraine officially declare itself"},
		{"indirect", "insists", "Kiev", "the Russian offensive was completely unprovoked"},
		{"indirect", "has denied", "Kiev", "claims it was planning to retake"},
	}
	if len(d.Statements) != len(want) {
		t.Fatalf("got %d statements, want %d", len(d.Statements), len(want))
	}
	for i, w := range want {
		st := d.Statements[i]
		speaker := ""
		if st.Speaker != nil && st.Speaker.Entity >= 0 {
			speaker = d.EntityName(&d.Entities[st.Speaker.Entity])
		}
		if st.Kind.String() != w.kind || d.Str(st.Cue) != w.cue || speaker != w.speaker || !strings.HasPrefix(d.Str(st.Content), w.content) {
			t.Errorf("statement %d = %s %q %q %q\nwant %s %q %q %q...", i+1, st.Kind, d.Str(st.Cue), speaker, d.Str(st.Content),
				w.kind, w.cue, w.speaker, w.content)
		}
	}
	geoIDs := map[string]int{"Kiev": 703448, "Chernigov": 710735, "Lugansk": 702658, "Donetsk": 709717, "Moscow": 524901, "Istanbul": 745044}
	for i := range d.Entities {
		e := &d.Entities[i]
		want, ok := geoIDs[d.EntityName(e)]
		if !ok {
			continue
		}
		delete(geoIDs, d.EntityName(e))
		if e.Geo == nil || e.Geo.GeoNameID != want {
			t.Errorf("%s geo = %+v, want GeoNames %d", d.EntityName(e), e.Geo, want)
		}
	}
	if len(geoIDs) > 0 {
		t.Errorf("places not found: %v", geoIDs)
	}
	times := map[string]int{}
	for _, tx := range d.Times {
		times[d.Str(tx.Span)+"="+tx.Value]++
	}
	for _, w := range []string{"on Wednesday=2022-03-30", "last month=2022-02", "over eight years=P8Y", "On Tuesday=2022-03-29", "late February=2022-02", "in 2014=2014"} {
		if times[w] == 0 {
			t.Errorf("time %s not found in %v", w, times)
		}
	}
	if times["on Wednesday=2022-03-30"] != 2 || times["last month=2022-02"] != 2 {
		t.Errorf("repeated times: %v", times)
	}
}
