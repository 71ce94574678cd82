package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"newsgraph/doc"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"photo credit", "© Stringer / Anadolu Agency via Getty Images\n\nTroops moved.", "Troops moved."},
		{"glued sentence", "recognised by Moscow, last month.The Donbass refers", "recognised by Moscow, last month. The Donbass refers"},
		{"glued after closing quote", `targeting "fortifications over eight years."Therefore, Konashenkov`, `targeting "fortifications over eight years." Therefore, Konashenkov`},
		{"glued before opening quote", `outcome of the talks."As for the rest," Peskov`, `outcome of the talks. "As for the rest," Peskov`},
		{"acronym kept", "the U.S. State Department", "the U.S. State Department"},
		{"identifier kept", "chat on Rocket.Chat and call fmt.Println() now", "chat on Rocket.Chat and call fmt.Println() now"},
		{"decimal and url kept", "up 8.5% at www.bbc.co.uk today", "up 8.5% at www.bbc.co.uk today"},
		{"year glue", "signed in 2014.The deal", "signed in 2014. The deal"},
		{"spaces folded", "a \u00a0 b\tc\u200b d\u00ad e", "a b c d e"},
		{"paragraphs", "one\n\n\n\ntwo\nthree", "one\n\ntwo\nthree"},
		{"byline dropped", "By John Smith, BBC News\n\nText here.", "Text here."},
		{"social follow line dropped", "The talks ended.\n\n\"Follow Pam Key on Twitter @pamkeyNEN.", "The talks ended."},
		{"prose about following kept", "Follow the money, the senator said on Twitter.", "Follow the money, the senator said on Twitter."},
		{"prose naming an agency kept", "Reuters reported the talks had failed.", "Reuters reported the talks had failed."},
		{"invalid utf8 replaced", "a\xffb", "a\uFFFDb"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Clean(tc.in); got != tc.want {
				t.Errorf("Clean(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func tokens(s string) []string {
	d := &doc.Document{Text: s}
	NewTokenizer().Tokenize(d)
	out := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		out[i] = d.TokenText(i)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mr. Smith said.", "Mr.|Smith|said|."},
		{"the U.S. and U.K.", "the|U.S.|and|U.K."},
		{"Ukraine's bid", "Ukraine|'s|bid"},
		{"Russia’s forces", "Russia|’s|forces"},
		{"don't stop", "don't|stop"},
		{"US-led NATO", "US-led|NATO"},
		{"2,838th day, 8.5%", "2,838th|day|,|8.5|%"},
		{`"Yes," he said...`, `"|Yes|,|"|he|said|...`},
		{"“Quote” here", "“|Quote|”|here"},
		{"Gen. Igor", "Gen.|Igor"},
		{"George W. Bush", "George|W.|Bush"},
		{"AT&T and Kilroy-Silk", "AT&T|and|Kilroy-Silk"},
		{"£10bn", "£|10bn"},
		{"ITV Wales' Waterfront", "ITV|Wales|'|Waterfront"},
		{"Radio 4's Today", "Radio|4|'s|Today"},
		{"the 'loses' case", "the|'|loses|'|case"},
	}
	for _, tc := range tests {
		if got := strings.Join(tokens(tc.in), "|"); got != tc.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestQuoteDirection(t *testing.T) {
	d := &doc.Document{Text: `He said "yes" and “no”.`}
	NewTokenizer().Tokenize(d)
	var dirs []string
	for _, tk := range d.Tokens {
		if tk.Kind == doc.Quote {
			switch {
			case tk.Is(doc.OpenQuote):
				dirs = append(dirs, "open")
			case tk.Is(doc.CloseQuote):
				dirs = append(dirs, "close")
			default:
				dirs = append(dirs, "?")
			}
		}
	}
	if got := strings.Join(dirs, ","); got != "open,close,open,close" {
		t.Errorf("quote directions = %s", got)
	}
}

func sentences(s string) []string {
	d := &doc.Document{Text: s}
	NewTokenizer().Tokenize(d)
	Segment(d)
	out := make([]string, len(d.Sentences))
	for i, st := range d.Sentences {
		out[i] = d.Str(st.Span)
	}
	return out
}

func TestSegment(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Smith went to Washington. He said so.", []string{"Mr. Smith went to Washington.", "He said so."}},
		{"Maj. Gen. Igor Konashenkov spoke. Then he left.", []string{"Maj. Gen. Igor Konashenkov spoke.", "Then he left."}},
		{"It was in the U.S. The talks failed.", []string{"It was in the U.S.", "The talks failed."}},
		{"The U.S. Army said so.", []string{"The U.S. Army said so."}},
		{`"We will win." He smiled.`, []string{`"We will win."`, "He smiled."}},
		{`"Will we win?" he asked.`, []string{`"Will we win?" he asked.`}},
		{"Talks began on Jan. 5 in Geneva.", []string{"Talks began on Jan. 5 in Geneva."}},
		{"First paragraph\n\nSecond one.", []string{"First paragraph", "Second one."}},
		{"George W. Bush won.", []string{"George W. Bush won."}},
	}
	for _, tc := range tests {
		got := sentences(tc.in)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("Segment(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

// FuzzPipeline checks that cleaning, tokenising and segmenting any input
// never panics and yields spans that index the cleaned text.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{"", "a", `"x." Y`, "U.S.A.\n\n", "\xff\xfe", "month.The", "’s'’\"“”", "1,2.3-4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{Text: Clean(s)}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("Clean produced invalid UTF-8")
		}
		NewTokenizer().Tokenize(d)
		Segment(d)
		prev := 0
		for _, tk := range d.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(d.Text) {
				t.Fatalf("bad token span %v in %q", tk.Span, d.Text)
			}
			prev = tk.End
		}
		for _, st := range d.Sentences {
			if st.First >= st.Last || st.Start > st.End {
				t.Fatalf("bad sentence %+v", st)
			}
		}
	})
}

func BenchmarkPipeline(b *testing.B) {
	text := strings.Repeat(`Kremlin spokesman Dmitry Peskov on Wednesday warned against excessive optimism. "As for the rest, so far, we cannot state anything very promising," Peskov underlined. Mr. Smith went to the U.S. last month.The talks failed. `, 50)
	tz := NewTokenizer()
	words := len(strings.Fields(text))
	b.SetBytes(int64(len(text)))
	d := &doc.Document{}
	for b.Loop() {
		d.Text = Clean(text)
		tz.Tokenize(d)
		Segment(d)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
