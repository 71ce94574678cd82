package entity_test

import (
	"sort"
	"strings"
	"testing"

	"newsgraph/doc"
	"newsgraph/entity"
	"newsgraph/text"
)

func analyze(s string) *doc.Document {
	d := &doc.Document{Text: text.Clean(s)}
	text.NewTokenizer().Tokenize(d)
	text.Segment(d)
	entity.Resolve(d, entity.Rules{}.Recognize(d))
	return d
}

// entities renders "TYPE:Name" for each entity, sorted.
func entities(d *doc.Document) []string {
	var out []string
	for i := range d.Entities {
		e := &d.Entities[i]
		out = append(out, e.Type.String()+":"+d.EntityName(e))
	}
	sort.Strings(out)
	return out
}

func TestRecognize(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Kremlin spokesman Dmitry Peskov warned on Wednesday.", "ORG:Kremlin PERSON:Dmitry Peskov"},
		{"Russian troops near Kiev and Chernigov are regrouping.", "GPE:Chernigov GPE:Kiev NORP:Russian"},
		{"The Defense Ministry said so.", "ORG:Defense Ministry"},
		{"Russian Deputy Minister of Defense Alexander Fomin announced it.", "NORP:Russian PERSON:Alexander Fomin"},
		{"Troops left Kyiv. Later they returned to Kiev.", "GPE:Kyiv"},
		{"the US-led NATO military bloc", "GPE:US ORG:NATO"},
		{"Ben Verwaayen said it. Mr Verwaayen added more.", "PERSON:Ben Verwaayen"},
		{"The Public and Commercial Services Union will ballot.", "ORG:Public and Commercial Services Union"},
		{"Fans went to Ewood Park in South Yorkshire.", "GPE:South Yorkshire LOC:Ewood Park"},
		{"He watched TV and bought a CD.", ""},
		{"Lord Liverpool was prime minister.", "PERSON:Lord Liverpool"},
		{"However, Labour won.", "ORG:Labour"},
		{"The Bank of England raised rates.", "ORG:Bank of England"},
		{"She spoke on ITV Wales.", "ORG:ITV Wales"},
		{"European Council President Donald Tusk said so.", "ORG:European Council PERSON:Donald Tusk"},
		{"They discussed the Minsk agreements in Paris.", "GPE:Paris"},
		{"Members of the Transport and General Workers' Union voted.", "ORG:Transport and General Workers' Union"},
		{"Blackburn face Burnley tonight. Burnley are resolute.", "GPE:Blackburn ORG:Burnley"},
		{"Former welfare minister Frank Field MP criticised the Marshall Plan for Africa.", "LOC:Africa PERSON:Frank Field"},
		{"The defender missed the match with an injury. The Liverpool manager praised the fans after the goalless draw in the league cup tie against Cardiff.",
			"ORG:Cardiff ORG:Liverpool"},
		{"The ballot covers the BBC, Ofcom and Quorvex.", "ORG:BBC ORG:Ofcom ORG:Quorvex"},
		{"Clinton Hid Past Health Problems From Public, Former White House Doctor Says.", "ORG:White House"},
	}
	for _, tc := range tests {
		got := strings.Join(entities(analyze(tc.text)), " ")
		if got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestResolveAliasesAndRoles(t *testing.T) {
	d := analyze("Kremlin spokesman Dmitry Peskov warned against optimism. Peskov said talks would go on. " +
		"During a briefing, its spokesperson, Major General Igor Konashenkov, said troops moved. Troops reached Kyiv and Kiev.")
	byName := map[string]*doc.Entity{}
	for i := range d.Entities {
		byName[d.EntityName(&d.Entities[i])] = &d.Entities[i]
	}
	p := byName["Dmitry Peskov"]
	if p == nil || len(p.Mentions) != 2 {
		t.Fatalf("Peskov entity = %+v (entities %v)", p, entities(d))
	}
	if len(p.Roles) == 0 || d.Str(p.Roles[0]) != "Kremlin spokesman" {
		t.Errorf("Peskov roles = %v", p.Roles)
	}
	k := byName["Igor Konashenkov"]
	var roles []string
	for _, r := range k.Roles {
		roles = append(roles, d.Str(r))
	}
	if strings.Join(roles, "|") != "Major General|spokesperson" {
		t.Errorf("Konashenkov roles = %q", roles)
	}
	kyiv := byName["Kyiv"]
	if kyiv == nil || len(kyiv.Mentions) != 2 {
		t.Errorf("Kyiv/Kiev not one entity: %v", entities(d))
	}
	// A sentence's opening word is no part of a role.
	d = analyze("Virus figures rose. But Vice-President Mike Pence stressed the risk.")
	for i := range d.Entities {
		if e := &d.Entities[i]; d.EntityName(e) == "Mike Pence" && (len(e.Roles) != 1 || d.Str(e.Roles[0]) != "Vice-President") {
			t.Errorf("Pence roles = %v", e.Roles)
		}
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{"Mr. Smith of the Bank of England", "US-led", "Lord", "A B C D E F", "of and the"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := analyze(s)
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End || m.Entity < 0 || m.Entity >= len(d.Entities) {
				t.Fatalf("bad mention %+v in %q", m, d.Text)
			}
		}
	})
}

func BenchmarkRules(b *testing.B) {
	d := analyze(strings.Repeat("Kremlin spokesman Dmitry Peskov on Wednesday warned against excessive optimism in Kiev and Moscow. ", 100))
	for b.Loop() {
		entity.Resolve(d, entity.Rules{}.Recognize(d))
	}
}
