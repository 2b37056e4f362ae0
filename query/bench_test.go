package query_test

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/internal/synth"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

// Benchmarks (go test -bench . -benchmem -run '^$' ./query/), each on the real data
// ("1x") and on a synthetic dataset a hundred times larger ("100x", internal/synth),
// and each beside a plain linear scan that answers the same question without an Index:
//
//	Filter/<scale>/<filter>/index   Index.IncidentIDs, every result read
//	Filter/<scale>/<filter>/scan    Dataset.Incidents, IncidentFilter.Match, sort
//	Search/<scale>/index            Index.Search, top 10
//	Search/<scale>/scan             every entity's text lowercased and searched word by word
//	Stats/<scale>/index             Index.Stats of every incident, every series
//	Stats/<scale>/index-top10       the same, keeping the top 10 series of each category
//	Stats/<scale>/scan              the same counts with maps over Dataset.Incidents
//	Stack/<scale>/index             Index.Stack of the busiest technology
//	NewIndex/<scale>                building the Index
//	NewIndex/<scale>+search         building it and its full-text index (the first Search)

type benchData struct {
	d  *dataset.Dataset
	ix *query.Index
}

var (
	benchOnce sync.Once
	benchSets map[string]benchData
	benchErr  error
)

func benchmarkData(b *testing.B) map[string]benchData {
	benchOnce.Do(func() {
		real := loadReal(b)
		big, err := dataset.New(synth.Scale(real.Entities(), 100))
		if err != nil {
			benchErr = err
			return
		}
		benchSets = map[string]benchData{
			"1x":   {real, query.NewIndex(real)},
			"100x": {big, query.NewIndex(big)},
		}
		for _, s := range benchSets {
			s.ix.Search("warm up", query.SearchOptions{}) // build the full-text index
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchSets
}

var scales = []string{"1x", "100x"}

// busiest returns the actor, technique and technology of the real data with the most
// incidents: the longest posting lists, the worst case for the Index.
func busiest(b *testing.B) (model.ActorID, model.TechniqueID, model.TechnologyID) {
	st := benchmarkData(b)["1x"].ix.Stats(query.IncidentFilter{}, query.StatsOptions{})
	var actor model.ActorID
	n := 0
	for x := range benchmarkData(b)["1x"].d.Actors() {
		if c := benchmarkData(b)["1x"].ix.Count(query.IncidentFilter{Actors: []model.ActorID{x.ID}}); c > n {
			actor, n = x.ID, c
		}
	}
	return actor, st.Techniques[0].Key, st.Technologies[0].Key
}

func BenchmarkFilter(b *testing.B) {
	sets := benchmarkData(b)
	actor, technique, technology := busiest(b)
	filters := []struct {
		name string
		f    query.IncidentFilter
	}{
		{"actor", query.IncidentFilter{Actors: []model.ActorID{actor}}},
		{"technique", query.IncidentFilter{Techniques: []model.TechniqueID{technique}}},
		{"technology", query.IncidentFilter{Technologies: []model.TechnologyID{technology}}},
		{"technology+impact+date", query.IncidentFilter{
			Technologies: []model.TechnologyID{technology},
			Impact:       []model.Impact{model.ImpactDataExfiltration, model.ImpactResourceHijacking},
			Disclosed:    query.DateRange{From: model.MustParseDate("2020")},
		}},
		{"year", query.IncidentFilter{Disclosed: query.DateRange{From: model.MustParseDate("2023"), To: model.MustParseDate("2023")}}},
		{"text", query.IncidentFilter{Text: "signing key"}},
	}
	for _, scale := range scales {
		s := sets[scale]
		for _, fl := range filters {
			b.Run(scale+"/"+fl.name+"/index", func(b *testing.B) {
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					n = 0
					for range s.ix.IncidentIDs(fl.f) {
						n++
					}
				}
				b.ReportMetric(float64(n), "results")
			})
			b.Run(scale+"/"+fl.name+"/scan", func(b *testing.B) {
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					n = len(linearScan(s.d, fl.f))
				}
				b.ReportMetric(float64(n), "results")
			})
		}
	}
}

const benchQuery = "signing key forged tokens"

func BenchmarkSearch(b *testing.B) {
	sets := benchmarkData(b)
	for _, scale := range scales {
		s := sets[scale]
		b.Run(scale+"/index", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if hits := s.ix.Search(benchQuery, query.SearchOptions{Limit: 10}); len(hits) != 10 {
					b.Fatalf("%d hits", len(hits))
				}
			}
		})
		b.Run(scale+"/scan", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if hits := scanSearch(s.d, benchQuery, 10); len(hits) != 10 {
					b.Fatalf("%d hits", len(hits))
				}
			}
		})
	}
}

// scanSearch is the search one writes without an index: lowercase every entity's
// fields and score each query word found by the weight of the best field that holds it.
func scanSearch(d *dataset.Dataset, text string, limit int) []model.Ref {
	words := strings.Fields(strings.ToLower(text))
	type scored struct {
		ref   model.Ref
		score int
	}
	var all []scored
	consider := func(e model.Entity) {
		c := e.Common()
		fields := []string{strings.ToLower(c.Name), "", strings.ToLower(c.Summary), strings.ToLower(c.Description)}
		for _, a := range c.Aliases {
			fields[1] += strings.ToLower(a.Name) + "\n"
		}
		score := 0
		for _, w := range words {
			for i, weight := range []int{6, 4, 2, 1} {
				if strings.Contains(fields[i], w) {
					score += weight
					break
				}
			}
		}
		if score > 0 {
			all = append(all, scored{e.Ref(), score})
		}
	}
	for x := range d.All() {
		consider(x)
	}
	slices.SortFunc(all, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return a.ref.Compare(b.ref)
	})
	var out []model.Ref
	for _, s := range all[:min(limit, len(all))] {
		out = append(out, s.ref)
	}
	return out
}

func BenchmarkStats(b *testing.B) {
	sets := benchmarkData(b)
	for _, scale := range scales {
		s := sets[scale]
		b.Run(scale+"/index", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.ix.Stats(query.IncidentFilter{}, query.StatsOptions{})
			}
		})
		b.Run(scale+"/index-top10", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.ix.Stats(query.IncidentFilter{}, query.StatsOptions{Top: 10})
			}
		})
		b.Run(scale+"/scan", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				scanStats(s.d)
			}
		})
	}
}

// scanStats counts what Stats counts with maps keyed by value and year, over copies
// of every incident, and sorts each category by count.
func scanStats(d *dataset.Dataset) map[string][]string {
	counts := map[string]map[string]map[int]int{}
	add := func(cat, key string, year int) {
		if counts[cat] == nil {
			counts[cat] = map[string]map[int]int{}
		}
		if counts[cat][key] == nil {
			counts[cat][key] = map[int]int{}
		}
		counts[cat][key][year]++
	}
	actors := map[model.ActorID]model.ActorType{}
	for a := range d.Actors() {
		actors[a.ID] = a.Type
	}
	for x := range d.Incidents() {
		y := x.Disclosed.Year()
		add("year", fmt.Sprint(y), y)
		for _, v := range x.InitialAccess {
			add("access", string(v), y)
		}
		for _, v := range x.Impact {
			add("impact", string(v), y)
		}
		types := map[model.ActorType]bool{}
		for _, a := range x.Actors {
			types[actors[a]] = true
		}
		for t := range types {
			add("actor-type", string(t), y)
		}
		for _, v := range x.Techniques {
			add("technique", string(v), y)
		}
		for _, v := range x.Tools {
			add("tool", string(v), y)
		}
		for _, v := range x.Technologies {
			add("technology", string(v), y)
		}
	}
	out := map[string][]string{}
	for cat, keys := range counts {
		total := map[string]int{}
		for k, years := range keys {
			for _, n := range years {
				total[k] += n
			}
			out[cat] = append(out[cat], k)
		}
		slices.SortFunc(out[cat], func(a, b string) int {
			if c := cmp.Compare(total[b], total[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
	}
	return out
}

func BenchmarkStack(b *testing.B) {
	sets := benchmarkData(b)
	_, _, technology := busiest(b)
	for _, scale := range scales {
		s := sets[scale]
		b.Run(scale+"/index", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s.ix.Stack([]model.TechnologyID{technology})
			}
		})
	}
}

func BenchmarkNewIndex(b *testing.B) {
	sets := benchmarkData(b)
	for _, scale := range scales {
		s := sets[scale]
		b.Run(scale, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				query.NewIndex(s.d)
			}
		})
		b.Run(scale+"+search", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				query.NewIndex(s.d).Search(benchQuery, query.SearchOptions{Limit: 10})
			}
		})
	}
}
