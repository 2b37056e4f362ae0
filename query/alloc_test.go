package query_test

import (
	"testing"

	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

// TestFilterAllocatesNothingPerResult pins the cost model of IncidentIDs: a few
// allocations per query, whatever the number of results.
func TestFilterAllocatesNothingPerResult(t *testing.T) {
	ix := query.NewIndex(loadReal(t))
	for _, f := range []query.IncidentFilter{
		{},
		{Disclosed: query.DateRange{From: date("2020")}},
		{Impact: []model.Impact{model.ImpactDataExfiltration, model.ImpactResourceHijacking}},
		{Text: "cloud"},
	} {
		n := 0
		allocs := testing.AllocsPerRun(20, func() {
			n = 0
			for range ix.IncidentIDs(f) {
				n++
			}
		})
		if n < 10 {
			t.Errorf("filter %+v: %d results; want a filter with many", f, n)
		}
		if allocs > 8 {
			t.Errorf("filter %+v: %.0f allocations for %d results, want at most 8 whatever the count", f, allocs, n)
		}
	}
}
