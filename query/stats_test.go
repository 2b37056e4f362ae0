package query_test

import (
	"encoding/json"
	"testing"

	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
	gocmp "github.com/google/go-cmp/cmp"
)

func trend(perYear ...int) []int { return perYear }

func TestStatsOfFixture(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	want := query.Stats{
		Incidents: 2,
		Years:     []int{2023, 2024},
		PerYear:   trend(1, 1),
		InitialAccess: []query.Series[model.InitialAccess]{ // ties in vocabulary order
			{Key: model.AccessEndUserCompromise, Total: 1, PerYear: trend(1, 0)},
			{Key: model.AccessSoftwareMisconfiguration, Total: 1, PerYear: trend(0, 1)},
		},
		Impact: []query.Series[model.Impact]{
			{Key: model.ImpactDataExfiltration, Total: 1, PerYear: trend(1, 0)},
			{Key: model.ImpactResourceHijacking, Total: 1, PerYear: trend(0, 1)},
			{Key: model.ImpactSupplyChainAttack, Total: 1, PerYear: trend(1, 0)},
		},
		ActorTypes: []query.Series[model.ActorType]{
			{Key: model.ActorStateSponsored, Total: 1, PerYear: trend(1, 0)},
			{Key: model.ActorCybercrime, Total: 1, PerYear: trend(0, 1)},
		},
		Techniques: []query.Series[model.TechniqueID]{ // ties by ID
			{Key: "cryptomining", Total: 1, PerYear: trend(0, 1)},
			{Key: "exposed-api", Total: 1, PerYear: trend(0, 1)},
			{Key: "forged-tokens", Total: 1, PerYear: trend(1, 0)},
		},
		Tools: []query.Series[model.ToolID]{
			{Key: "example-proxy", Total: 1, PerYear: trend(1, 0)},
		},
		Technologies: []query.Series[model.TechnologyID]{
			{Key: "example-containers", Total: 1, PerYear: trend(0, 1)},
			{Key: "example-mail", Total: 1, PerYear: trend(1, 0)},
		},
	}
	if diff := gocmp.Diff(want, ix.Stats(query.IncidentFilter{}, query.StatsOptions{})); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
}

func TestStatsYearsHaveNoGapsAndTrendsChange(t *testing.T) {
	ix := query.NewIndex(extended(t,
		disclosed("a-2020", "2020-02"),
		disclosed("b-2020", "2020-11-30"),
		disclosed("c-2023", "2023"),
	))
	f := query.IncidentFilter{Actors: []model.ActorID{"example-actor"}} // not example-cryptojacking
	st := ix.Stats(f, query.StatsOptions{})
	if diff := gocmp.Diff([]int{2020, 2021, 2022, 2023}, st.Years); diff != "" {
		t.Errorf("Years (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff(trend(2, 0, 0, 2), st.PerYear); diff != "" {
		t.Errorf("PerYear (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff([]int{0, -2, 0, 2}, st.Change()); diff != "" {
		t.Errorf("Change (-want +got):\n%s", diff)
	}
	wantTech := []query.Series[model.TechniqueID]{{Key: "forged-tokens", Total: 4, PerYear: trend(2, 0, 0, 2)}}
	if diff := gocmp.Diff(wantTech, st.Techniques); diff != "" {
		t.Errorf("Techniques (-want +got):\n%s", diff)
	}
	if st.Incidents != 4 {
		t.Errorf("Incidents = %d, want 4", st.Incidents)
	}
}

func TestStatsOfNothing(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	if diff := gocmp.Diff(query.Stats{}, ix.Stats(query.IncidentFilter{Text: "no such text"}, query.StatsOptions{})); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
}

// TestStatsOnRealData checks the statistics against counts made the slow way.
func TestStatsOnRealData(t *testing.T) {
	d := loadReal(t)
	st := query.NewIndex(d).Stats(query.IncidentFilter{}, query.StatsOptions{})
	perYear := map[int]int{}
	impact := map[model.Impact]int{}
	technique := map[model.TechniqueID]int{}
	n := 0
	for x := range d.Incidents() {
		n++
		perYear[x.Disclosed.Year()]++
		for _, v := range x.Impact {
			impact[v]++
		}
		for _, v := range x.Techniques {
			technique[v]++
		}
	}
	if st.Incidents != n {
		t.Errorf("Incidents = %d, want %d", st.Incidents, n)
	}
	for i, y := range st.Years {
		if st.PerYear[i] != perYear[y] {
			t.Errorf("PerYear[%d] = %d, want %d", y, st.PerYear[i], perYear[y])
		}
		if i > 0 && st.Change()[i] != st.PerYear[i]-st.PerYear[i-1] {
			t.Errorf("Change()[%d] = %d, want %d", y, st.Change()[i], st.PerYear[i]-st.PerYear[i-1])
		}
	}
	if len(st.Impact) != len(impact) {
		t.Errorf("%d impacts, want %d", len(st.Impact), len(impact))
	}
	for i, s := range st.Impact {
		if s.Total != impact[s.Key] {
			t.Errorf("impact %s: Total = %d, want %d", s.Key, s.Total, impact[s.Key])
		}
		if i > 0 && s.Total > st.Impact[i-1].Total {
			t.Errorf("impacts out of order at %s", s.Key)
		}
	}
	if len(st.Techniques) != len(technique) {
		t.Errorf("%d techniques, want %d", len(st.Techniques), len(technique))
	}
	for _, s := range st.Techniques {
		if s.Total != technique[s.Key] {
			t.Errorf("technique %s: Total = %d, want %d", s.Key, s.Total, technique[s.Key])
		}
		sum := 0
		for _, c := range s.PerYear {
			sum += c
		}
		if sum != s.Total {
			t.Errorf("technique %s: PerYear sums to %d, want %d", s.Key, sum, s.Total)
		}
	}
}

func TestTrendJSON(t *testing.T) {
	b, err := json.Marshal(query.Series[model.Impact]{Key: model.ImpactExtortion, Total: 8, PerYear: trend(1, 4, 3)})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"key":"extortion","total":8,"per_year":[1,4,3],"change":[0,3,-1]}`
	if string(b) != want {
		t.Errorf("JSON = %s, want %s", b, want)
	}
	b, err = json.Marshal(query.Stats{Incidents: 3, Years: []int{2023, 2024}, PerYear: []int{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	want = `{"incidents":3,"years":[2023,2024],"per_year":[1,2],"initial_access":null,"impact":null,"actor_types":null,"techniques":null,"tools":null,"technologies":null,"change":[0,1]}`
	if string(b) != want {
		t.Errorf("JSON = %s, want %s", b, want)
	}
	if got := (query.Stats{}).Change(); got != nil {
		t.Errorf("Change of no years = %v, want nil", got)
	}
}

func TestStatsTopKeepsTheBestSeries(t *testing.T) {
	ix := actorFixture(t)
	all := ix.Stats(query.IncidentFilter{}, query.StatsOptions{})
	top := ix.Stats(query.IncidentFilter{}, query.StatsOptions{Top: 1})
	want := all
	want.InitialAccess = all.InitialAccess[:1]
	want.Impact = all.Impact[:1]
	want.ActorTypes = all.ActorTypes[:1]
	want.Techniques = all.Techniques[:1]
	want.Tools = all.Tools[:1]
	want.Technologies = all.Technologies[:1]
	if diff := gocmp.Diff(want, top); diff != "" {
		t.Errorf("Stats with Top 1 (-want +got):\n%s", diff)
	}
	if got := top.Techniques[0].Key; got != "forged-tokens" {
		t.Errorf("top technique = %s, want forged-tokens", got)
	}
}

// TestStatsRepeatable checks that calls, which share working memory, do not disturb
// one another: every call, in any order and concurrently, gives what a fresh Index does.
func TestStatsRepeatable(t *testing.T) {
	d := loadReal(t)
	ix := query.NewIndex(d)
	filters := []query.IncidentFilter{
		{},
		{Impact: []model.Impact{model.ImpactResourceHijacking}},
		{Disclosed: query.DateRange{From: date("2023")}},
		{Text: "nothing matches this"},
	}
	for _, top := range []int{0, 3} {
		var want []query.Stats
		for _, f := range filters {
			want = append(want, query.NewIndex(d).Stats(f, query.StatsOptions{Top: top}))
		}
		for range 2 {
			for i, f := range filters {
				if diff := gocmp.Diff(want[i], ix.Stats(f, query.StatsOptions{Top: top})); diff != "" {
					t.Fatalf("filter %d, Top %d: Stats differs from a fresh Index's (-fresh +reused):\n%s", i, top, diff)
				}
			}
		}
		if top > 0 {
			full := ix.Stats(query.IncidentFilter{}, query.StatsOptions{})
			if diff := gocmp.Diff(full.Techniques[:top], want[0].Techniques); diff != "" {
				t.Errorf("Top %d is not the head of the full ranking (-full +top):\n%s", top, diff)
			}
		}
	}
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for i := range 20 {
				f := filters[(g+i)%len(filters)]
				got := ix.Stats(f, query.StatsOptions{})
				if got.Incidents != ix.Count(f) {
					t.Errorf("concurrent Stats counted %d incidents, want %d", got.Incidents, ix.Count(f))
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}
