package rss_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/rss"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// loadFixture loads the fictional dataset that the dataset package tests with.
func loadFixture(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// attributedTo yields the incidents of d attributed to the actor.
func attributedTo(d *dataset.Dataset, actor model.ActorID) func(func(model.Incident) bool) {
	return func(yield func(model.Incident) bool) {
		for x := range d.Incidents() {
			if slices.Contains(x.Actors, actor) && !yield(x) {
				return
			}
		}
	}
}

// goldenFeeds are the feeds pinned under testdata/, by file name.
var goldenFeeds = []struct {
	file string
	enc  func(*bytes.Buffer) *rss.Encoder
	sel  func(*dataset.Dataset) func(func(model.Incident) bool)
}{
	{
		file: "all.rss.xml",
		enc: func(b *bytes.Buffer) *rss.Encoder {
			return rss.NewEncoder(b, rss.RSS).SetSelfURL("https://example.org/feeds/all.rss.xml")
		},
		sel: func(d *dataset.Dataset) func(func(model.Incident) bool) { return d.Incidents() },
	},
	{
		file: "all.atom.xml",
		enc: func(b *bytes.Buffer) *rss.Encoder {
			return rss.NewEncoder(b, rss.Atom).SetSelfURL("https://example.org/feeds/all.atom.xml")
		},
		sel: func(d *dataset.Dataset) func(func(model.Incident) bool) { return d.Incidents() },
	},
	{
		file: "actor.rss.xml",
		enc: func(b *bytes.Buffer) *rss.Encoder {
			return rss.NewEncoder(b, rss.RSS).
				SetTitle("Cloud threat landscape: incidents attributed to Example Actor").
				SetSelfURL("https://example.org/feeds/actors/example-actor.rss.xml").
				SetLink("https://example.org/actors/example-actor").
				SetItemURL("https://example.org/incidents/")
		},
		sel: func(d *dataset.Dataset) func(func(model.Incident) bool) { return attributedTo(d, "example-actor") },
	},
	{
		file: "newest.atom.xml",
		enc: func(b *bytes.Buffer) *rss.Encoder {
			return rss.NewEncoder(b, rss.Atom).
				SetTitle("Cloud threat landscape: the newest incident").
				SetSelfURL("https://example.org/feeds/newest.atom.xml").
				SetIDPrefix("tag:example.org,2026:incident/").
				SetAuthor("Example Org", "").
				SetLimit(1)
		},
		sel: func(d *dataset.Dataset) func(func(model.Incident) bool) { return d.Incidents() },
	},
}

func TestGoldenFeeds(t *testing.T) {
	d := loadFixture(t)
	for _, g := range goldenFeeds {
		t.Run(g.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := g.enc(&buf).Encode(d, g.sel(d)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", g.file)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./rss -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("%s differs from the golden file (-want +got; go test ./rss -update refreshes it):\n%s", g.file, diff)
			}
		})
	}
}
