package rss_test

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/rss"
	"github.com/google/go-cmp/cmp"
	"github.com/mmcdole/gofeed"
	atomparser "github.com/mmcdole/gofeed/atom"
	rssparser "github.com/mmcdole/gofeed/rss"
)

// wantCategory is one category a reader should see: RSS shows label as the text.
type wantCategory struct{ Scheme, Term, Label string }

// wantCategories lists the categories of x, straight from the dataset.
func wantCategories(d *dataset.Dataset, x model.Incident) []wantCategory {
	cs := []wantCategory{{rss.SchemeType, string(x.Type), string(x.Type)}}
	for _, id := range x.Actors {
		a, _ := d.Actor(id)
		cs = append(cs, wantCategory{rss.SchemeActor, string(id), a.Name})
	}
	for _, v := range x.InitialAccess {
		cs = append(cs, wantCategory{rss.SchemeInitialAccess, string(v), string(v)})
	}
	for _, v := range x.Impact {
		cs = append(cs, wantCategory{rss.SchemeImpact, string(v), string(v)})
	}
	var mappings []wantCategory
	for _, id := range x.Techniques {
		t, _ := d.Technique(id)
		cs = append(cs, wantCategory{rss.SchemeTechnique, string(id), t.Name})
		for _, m := range t.Mappings {
			scheme := map[model.Framework]string{model.FrameworkATTACK: rss.SchemeATTACK, model.FrameworkATLAS: rss.SchemeATLAS}[m.Framework]
			if c := (wantCategory{scheme, m.ID, m.ID}); scheme != "" && !slices.Contains(mappings, c) {
				mappings = append(mappings, c)
			}
		}
	}
	cs = append(cs, mappings...)
	for _, id := range x.Tools {
		t, _ := d.Tool(id)
		cs = append(cs, wantCategory{rss.SchemeTool, string(id), t.Name})
	}
	for _, id := range x.Technologies {
		t, _ := d.Technology(id)
		cs = append(cs, wantCategory{rss.SchemeTechnology, string(id), t.Name})
	}
	return cs
}

// newestFirst returns the incidents of d in the order a feed must list them.
func newestFirst(d *dataset.Dataset) []model.Incident {
	xs := slices.Collect(d.Incidents())
	slices.SortStableFunc(xs, func(a, b model.Incident) int {
		if !a.Disclosed.Start().Equal(b.Disclosed.Start()) {
			return b.Disclosed.Start().Compare(a.Disclosed.Start())
		}
		return strings.Compare(string(a.ID), string(b.ID))
	})
	return xs
}

func newestUpdate(xs []model.Incident) time.Time {
	var t time.Time
	for _, x := range xs {
		if x.Updated.Start().After(t) {
			t = x.Updated.Start()
		}
	}
	return t
}

func encode(t *testing.T, e func(*bytes.Buffer) *rss.Encoder, src rss.Source, xs []model.Incident) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := e(&buf).Encode(src, slices.Values(xs)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRSSRoundTripsThroughGofeed(t *testing.T) {
	d := loadFixture(t)
	xs := newestFirst(d)
	const self = "https://example.org/feeds/all.rss.xml"
	out := encode(t, func(b *bytes.Buffer) *rss.Encoder {
		return rss.NewEncoder(b, rss.RSS).SetTitle("All <fixture> incidents & more").SetSelfURL(self)
	}, d, xs)

	f, err := gofeed.NewParser().Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if f.FeedType != "rss" || f.FeedVersion != "2.0" {
		t.Errorf("parsed as %s %s, want rss 2.0", f.FeedType, f.FeedVersion)
	}
	if f.Title != "All <fixture> incidents & more" {
		t.Errorf("feed title = %q", f.Title)
	}
	if f.FeedLink != self {
		t.Errorf("self link = %q, want %q", f.FeedLink, self)
	}
	if f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(newestUpdate(xs)) {
		t.Errorf("lastBuildDate = %v, want the newest updated %v", f.UpdatedParsed, newestUpdate(xs))
	}
	if len(f.Items) != len(xs) {
		t.Fatalf("%d items, want %d", len(f.Items), len(xs))
	}
	native, err := (&rssparser.Parser{}).Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range xs {
		it := f.Items[i]
		if it.Title != x.Name {
			t.Errorf("item %d title = %q, want %q", i, it.Title, x.Name)
		}
		if want := rss.DefaultIDPrefix + string(x.ID); it.GUID != want {
			t.Errorf("item %d guid = %q, want %q", i, it.GUID, want)
		}
		if native.Items[i].GUID.IsPermalink != "false" {
			t.Errorf("item %d guid isPermaLink = %q, want false", i, native.Items[i].GUID.IsPermalink)
		}
		if it.PublishedParsed == nil || !it.PublishedParsed.Equal(x.Disclosed.Start()) {
			t.Errorf("item %d pubDate = %v, want %v (disclosed %s)", i, it.PublishedParsed, x.Disclosed.Start(), x.Disclosed)
		}
		if it.Link != x.References[0].URL {
			t.Errorf("item %d link = %q, want the first reference %q", i, it.Link, x.References[0].URL)
		}
		checkDescription(t, it.Description, x)
		var got []wantCategory
		for _, c := range native.Items[i].Categories {
			got = append(got, wantCategory{c.Domain, "", c.Value})
		}
		want := wantCategories(d, x)
		for i := range want {
			want[i].Term = ""
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("item %d categories (-want +got):\n%s", i, diff)
		}
	}
}

func TestAtomRoundTripsThroughGofeed(t *testing.T) {
	d := loadFixture(t)
	xs := newestFirst(d)
	const self = "https://example.org/feeds/all.atom.xml"
	out := encode(t, func(b *bytes.Buffer) *rss.Encoder {
		return rss.NewEncoder(b, rss.Atom).SetSelfURL(self).SetItemURL("https://example.org/incidents/")
	}, d, xs)

	f, err := gofeed.NewParser().Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if f.FeedType != "atom" || f.FeedVersion != "1.0" {
		t.Errorf("parsed as %s %s, want atom 1.0", f.FeedType, f.FeedVersion)
	}
	if f.Title != rss.DefaultTitle {
		t.Errorf("feed title = %q, want %q", f.Title, rss.DefaultTitle)
	}
	if f.FeedLink != self {
		t.Errorf("self link = %q, want %q", f.FeedLink, self)
	}
	if f.UpdatedParsed == nil || !f.UpdatedParsed.Equal(newestUpdate(xs)) {
		t.Errorf("feed updated = %v, want the newest updated %v", f.UpdatedParsed, newestUpdate(xs))
	}
	if len(f.Authors) != 1 || f.Authors[0].Name != rss.DefaultAuthor {
		t.Errorf("feed authors = %+v, want %q", f.Authors, rss.DefaultAuthor)
	}
	if len(f.Items) != len(xs) {
		t.Fatalf("%d entries, want %d", len(f.Items), len(xs))
	}
	native, err := (&atomparser.Parser{}).Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range xs {
		it := f.Items[i]
		if it.Title != x.Name {
			t.Errorf("entry %d title = %q, want %q", i, it.Title, x.Name)
		}
		if want := rss.DefaultIDPrefix + string(x.ID); it.GUID != want {
			t.Errorf("entry %d id = %q, want %q", i, it.GUID, want)
		}
		if it.PublishedParsed == nil || !it.PublishedParsed.Equal(x.Disclosed.Start()) {
			t.Errorf("entry %d published = %v, want %v", i, it.PublishedParsed, x.Disclosed.Start())
		}
		if it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(x.Updated.Start()) {
			t.Errorf("entry %d updated = %v, want %v", i, it.UpdatedParsed, x.Updated.Start())
		}
		if want := "https://example.org/incidents/" + string(x.ID); it.Link != want {
			t.Errorf("entry %d link = %q, want %q", i, it.Link, want)
		}
		if it.Description != x.Summary {
			t.Errorf("entry %d summary = %q, want %q", i, it.Description, x.Summary)
		}
		checkDescription(t, it.Content, x)
		var got []wantCategory
		for _, c := range native.Entries[i].Categories {
			label := c.Label
			if label == "" {
				label = c.Term
			}
			got = append(got, wantCategory{c.Scheme, c.Term, label})
		}
		if diff := cmp.Diff(wantCategories(d, x), got); diff != "" {
			t.Errorf("entry %d categories (-want +got):\n%s", i, diff)
		}
	}
}

// checkDescription checks that an item's HTML shows the incident's summary and links
// its references.
func checkDescription(t *testing.T, body string, x model.Incident) {
	t.Helper()
	if !strings.Contains(html.UnescapeString(body), x.Summary) {
		t.Errorf("%s: description lacks the summary %q:\n%s", x.ID, x.Summary, body)
	}
	for _, ref := range x.References {
		if want := `<a href="` + html.EscapeString(ref.URL) + `">`; !strings.Contains(body, want) {
			t.Errorf("%s: description lacks the link %s:\n%s", x.ID, want, body)
		}
	}
}
