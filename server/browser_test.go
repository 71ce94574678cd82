package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// screenshotDir is where the browser tests leave their screenshots:
// $NEWSGRAPH_SCREENSHOTS, or a fresh directory under the system temp dir
// (kept after the test, and printed in the log).
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("NEWSGRAPH_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	d, err := os.MkdirTemp("", "newsgraph-screenshots-")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// browser starts headless Debian chromium, or skips the test without it.
func browser(t *testing.T) (context.Context, *atomic.Int32) {
	path, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium not installed (run .ci/browser.sh)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(cancel3)
	// A JavaScript dialog means hostile text ran as script: count them,
	// and dismiss them so the page does not hang.
	var dialogs atomic.Int32
	err = chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, &dialogs
}

// value runs a browser action that yields a value, failing the test on error.
func value[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// TestBrowser walks the UI as a reader would: search, open an article,
// click a speaker, see the person page, then the map and a place page.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx, dialogs := browser(t)
	ts := httptest.NewServer((&Server{Store: loadStore(t)}).Handler())
	defer ts.Close()
	dir := screenshotDir(t)
	t.Logf("screenshots in %s", dir)
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("browser: %v", err)
		}
	}
	// until waits for a JavaScript condition; ready waits until the UI has
	// rendered the route now in the address bar.
	until := func(expr string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr))
			return err
		})
	}
	ready := until(`document.body.dataset.ready === (location.hash || "#/")`)
	shot := func(name string) {
		t.Helper()
		buf := value(t, ctx, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(dir, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Search, then open the first result's article.
	do(chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(`#total`),
		chromedp.SendKeys(`#q`, "regrouping"), chromedp.Click(`#searchform button`), until(`location.hash.includes("q=regrouping")`), ready)
	if total := value(t, ctx, chromedp.Text(`#total`)); total != "2 statements" {
		t.Errorf("search total %q, want 2 statements", total)
	}
	if n := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#article-hits li").length`)); n != 1 {
		t.Errorf("%d article hits for regrouping, want 1", n)
	}
	do(chromedp.SendKeys(`#f-speaker`, "pes"))
	do(until(`document.querySelectorAll("#dl-speaker option").length > 0`))
	if v := value(t, ctx, chromedp.Evaluate[string](`document.querySelector("#dl-speaker option").value`)); !strings.Contains(v, "Peskov") {
		t.Errorf("speaker suggestion %q, want a Peskov", v)
	}
	value(t, ctx, chromedp.Evaluate[string](`document.querySelector("#f-speaker").value = ""`))
	shot("search.png")
	do(chromedp.Click(`#results .statement a.article-link`), until(`location.hash.startsWith("#/article")`), ready)
	if title := value(t, ctx, chromedp.Text(`#article-title`)); title != "Russia says it is regrouping near Chernigov" {
		t.Errorf("article title %q", title)
	}
	if p := value(t, ctx, chromedp.AttributeValue(`#article-text a.ent.pron`, "title")); !strings.Contains(p.Value, "“he” → Dmitry Peskov") {
		t.Errorf("pronoun hover %q, want it resolved to Dmitry Peskov", p.Value)
	}
	if n := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#article-text .quote").length`)); n < 4 {
		t.Errorf("%d highlighted quote segments, want at least 4", n)
	}
	shot("article.png")

	// Click the speaker: the person page.
	do(chromedp.Click(`#quotes a.speaker`), until(`location.hash.startsWith("#/entity")`), ready)
	person := value(t, ctx, chromedp.Text(`#entity-name`))
	roles := value(t, ctx, chromedp.Text(`#roles`))
	rects := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#timeline rect").length`))
	if !strings.HasPrefix(person, "Dmitry Peskov") || !strings.Contains(roles, "Kremlin spokesman") || rects < 1 {
		t.Errorf("person page: %q roles %q, %d timeline bars", person, roles, rects)
	}
	shot("person.png")

	// The map, then a place page from its dot.
	do(chromedp.Navigate(ts.URL+"/#/places"), ready)
	if n := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#map circle").length`)); n != 3 {
		t.Errorf("%d places on the map, want 3", n)
	}
	if n := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#map path").length`)); n < 150 {
		t.Errorf("%d countries drawn, want the world", n)
	}
	shot("map.png")
	do(chromedp.Click(`#place-list a`), until(`location.hash.startsWith("#/entity")`), ready)
	if place := value(t, ctx, chromedp.Text(`#entity-name`)); !strings.HasPrefix(place, "Chernihiv") {
		t.Errorf("place page for %q, want Chernihiv (Chernigov)", place)
	}
	shot("place.png")

	// The hostile article: markup must show as text and nothing may run.
	do(chromedp.Navigate(ts.URL+"/#/article?id="+url.QueryEscape("hostile/<b>evil</b>.txt")), ready, chromedp.Sleep(200*time.Millisecond))
	scripts := value(t, ctx, chromedp.Evaluate[int](`document.scripts.length`))
	injected := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("main img, main b, main i, main script").length`))
	if scripts != 1 || injected != 0 || dialogs.Load() != 0 {
		t.Errorf("hostile article: %d scripts, %d injected elements, %d dialogs", scripts, injected, dialogs.Load())
	}
	if shown := value(t, ctx, chromedp.Text(`#article-title`)); shown != "<script>alert('title')</script>" {
		t.Errorf("hostile title shown as %q, want the markup as text", shown)
	}
	shot("hostile.png")
	fmt.Fprintf(os.Stderr, "browser test screenshots: %s\n", dir)
}
