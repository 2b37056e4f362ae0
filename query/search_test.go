package query_test

import (
	"testing"

	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
	gocmp "github.com/google/go-cmp/cmp"
)

// hitRefs returns the hits as "kind/id" strings, with a "=" prefix on exact hits.
func hitRefs(hits []query.Hit) []string {
	var out []string
	for _, h := range hits {
		s := h.Ref.String()
		if h.Exact {
			s = "=" + s
		}
		out = append(out, s)
	}
	return out
}

func TestSearch(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	for _, tt := range []struct {
		name string
		text string
		opts query.SearchOptions
		want []string
	}{
		{"exact name first, then by score, ties by kind and ID", "example key theft", query.SearchOptions{}, []string{
			"=incident/example-key-theft", "defense/key-isolation", "incident/example-cryptojacking",
			"actor/example-actor", "actor/example-miners", "tool/example-proxy",
			"technology/example-containers", "technology/example-mail",
		}},
		{"exact alias, any case", "Fixture Incident One", query.SearchOptions{}, []string{
			"=incident/example-key-theft", "actor/example-actor",
		}},
		{"exact ID", "example-proxy", query.SearchOptions{Limit: 2}, []string{
			"=tool/example-proxy", "incident/example-key-theft",
		}},
		{"punctuation and spacing do not matter", "  EXAMPLE, proxy!", query.SearchOptions{Limit: 1}, []string{
			"=tool/example-proxy",
		}},
		{"stemming: forged tokens", "forged tokens", query.SearchOptions{}, []string{
			"=technique/forged-tokens", "incident/example-key-theft",
		}},
		{"stemming: forge finds forged", "forge", query.SearchOptions{}, []string{
			"technique/forged-tokens", "incident/example-key-theft",
		}},
		{"stemming: mining finds mined, not cryptomining", "mining", query.SearchOptions{}, []string{
			"incident/example-cryptojacking",
		}},
		{"name outweighs summary", "container", query.SearchOptions{}, []string{
			"technology/example-containers", "incident/example-cryptojacking", "defense/api-authentication",
		}},
		{"kinds", "fictional", query.SearchOptions{Kinds: []model.Kind{model.KindTechnique, model.KindTool}}, []string{
			"tool/example-proxy", "technique/exposed-api", "technique/forged-tokens", "technique/cryptomining",
		}},
		{"kinds keep exact hits to the kinds asked", "example proxy", query.SearchOptions{Kinds: []model.Kind{model.KindIncident}}, []string{
			"incident/example-key-theft", "incident/example-cryptojacking",
		}},
		{"limit", "example", query.SearchOptions{Limit: 3}, []string{
			"incident/example-key-theft", "incident/example-cryptojacking", "actor/example-actor",
		}},
		{"repeated words count once", "proxy proxy proxy tool", query.SearchOptions{}, []string{
			"tool/example-proxy", "incident/example-key-theft",
		}},
		{"no word found", "ransomware", query.SearchOptions{}, nil},
		{"no words at all", " -- ", query.SearchOptions{}, nil},
		{"empty", "", query.SearchOptions{}, nil},
		{"unknown kind", "example", query.SearchOptions{Kinds: []model.Kind{"planet"}}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Search(tt.text, tt.opts)
			if diff := gocmp.Diff(tt.want, hitRefs(got)); diff != "" {
				t.Errorf("Search(%q) (-want +got):\n%s", tt.text, diff)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Exact == got[i-1].Exact && got[i].Score > got[i-1].Score {
					t.Errorf("hit %d (%v) scores above hit %d (%v)", i, got[i], i-1, got[i-1])
				}
			}
		})
	}
}

func TestSearchHitCarriesName(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	got := ix.Search("example proxy", query.SearchOptions{Limit: 1})
	if len(got) != 1 || got[0].Name != "Example Proxy" || got[0].Score <= 0 {
		t.Errorf("Search(example proxy) = %+v, want Example Proxy with a positive score", got)
	}
}

// TestSearchRealData pins what the real data must answer.
func TestSearchRealData(t *testing.T) {
	ix := realIndex(t)
	for _, tt := range []struct {
		text  string
		first string
	}{
		{"signing key forged tokens", "incident/microsoft-signing-key-compromise"},
		{"Storm-0558", "=actor/storm-0558"},
		{"microsoft signing key compromise", "=incident/microsoft-signing-key-compromise"},
	} {
		got := hitRefs(ix.Search(tt.text, query.SearchOptions{Limit: 10}))
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("Search(%q) = %v, want %s first", tt.text, got, tt.first)
		}
	}
	// Every entity's name, searched for, finds it among the exact hits, which come first.
	d := ix.Dataset()
	for _, k := range model.Kinds() {
		for _, id := range idsOf(d, k) {
			e, _ := d.Entity(ref(k, id))
			name := e.Common().Name
			found := false
			for _, h := range ix.Search(name, query.SearchOptions{}) {
				if !h.Exact {
					break
				}
				found = found || h.Ref == e.Ref()
			}
			if !found {
				t.Errorf("Search(%q) does not have %s among its exact hits", name, e.Ref())
			}
		}
	}
	// The same search gives the same answer, and a limit gives a prefix of the whole.
	all := ix.Search("cloud credentials", query.SearchOptions{})
	top := ix.Search("cloud credentials", query.SearchOptions{Limit: 10})
	if diff := gocmp.Diff(all[:10], top); diff != "" {
		t.Errorf("Limit 10 is not a prefix of the full result (-full +limited):\n%s", diff)
	}
	if diff := gocmp.Diff(all, ix.Search("cloud credentials", query.SearchOptions{})); diff != "" {
		t.Errorf("the same search differs (-first +second):\n%s", diff)
	}
}

// TestConcurrentQueries runs searches, filters and statistics at once; with -race it
// checks that an Index is safe for concurrent use.
func TestConcurrentQueries(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	want := hitRefs(ix.Search("example proxy", query.SearchOptions{}))
	done := make(chan bool)
	for range 4 {
		go func() {
			defer func() { done <- true }()
			for range 50 {
				if diff := gocmp.Diff(want, hitRefs(ix.Search("example proxy", query.SearchOptions{}))); diff != "" {
					t.Errorf("concurrent Search differs (-want +got):\n%s", diff)
					return
				}
				ix.Search("fictional", query.SearchOptions{Kinds: []model.Kind{model.KindTool}, Limit: 1})
				ix.Count(query.IncidentFilter{Actors: []model.ActorID{"example-actor"}})
				ix.Stack([]model.TechnologyID{"example-mail"})
			}
		}()
	}
	for range 4 {
		<-done
	}
}
