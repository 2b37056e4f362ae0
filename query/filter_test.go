package query_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
	gocmp "github.com/google/go-cmp/cmp"
)

func date(s string) model.Date { return model.MustParseDate(s) }

// datedFixture is the fixture plus incidents disclosed at every precision around July
// 2023. In result order:
//
//	example-cryptojacking  2024
//	d-2023-08              2023-08
//	example-key-theft      2023-07-11
//	d-2023-07-01           2023-07-01
//	d-2023-07              2023-07
//	d-2023-06-30           2023-06-30
//	d-2023                 2023
//	d-2022-12-31           2022-12-31
func datedFixture(t testing.TB) *dataset.Dataset {
	return extended(t,
		disclosed("d-2023", "2023"),
		disclosed("d-2023-07", "2023-07"),
		disclosed("d-2023-07-01", "2023-07-01"),
		disclosed("d-2023-06-30", "2023-06-30"),
		disclosed("d-2023-08", "2023-08"),
		disclosed("d-2022-12-31", "2022-12-31"),
	)
}

func TestIncidentIDs(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	both := []model.IncidentID{"example-cryptojacking", "example-key-theft"}
	keyTheft := []model.IncidentID{"example-key-theft"}
	mining := []model.IncidentID{"example-cryptojacking"}
	for _, tt := range []struct {
		name string
		f    query.IncidentFilter
		want []model.IncidentID
	}{
		{"zero filter matches all, newest first", query.IncidentFilter{}, both},
		{"empty slices match all", query.IncidentFilter{Actors: []model.ActorID{}, Impact: []model.Impact{}}, both},
		{"actor", query.IncidentFilter{Actors: []model.ActorID{"example-actor"}}, keyTheft},
		{"actors are alternatives", query.IncidentFilter{Actors: []model.ActorID{"example-miners", "example-actor"}}, both},
		{"unknown actor matches nothing", query.IncidentFilter{Actors: []model.ActorID{"nobody"}}, nil},
		{"unknown actor beside a known one is ignored", query.IncidentFilter{Actors: []model.ActorID{"nobody", "example-miners"}}, mining},
		{"empty ID matches nothing", query.IncidentFilter{Actors: []model.ActorID{""}}, nil},
		{"repeated values", query.IncidentFilter{Actors: []model.ActorID{"example-actor", "example-actor"}}, keyTheft},
		{"technique", query.IncidentFilter{Techniques: []model.TechniqueID{"cryptomining"}}, mining},
		{"techniques", query.IncidentFilter{Techniques: []model.TechniqueID{"forged-tokens", "exposed-api"}}, both},
		{"tool", query.IncidentFilter{Tools: []model.ToolID{"example-proxy"}}, keyTheft},
		{"technology", query.IncidentFilter{Technologies: []model.TechnologyID{"example-containers"}}, mining},
		{"initial access", query.IncidentFilter{InitialAccess: []model.InitialAccess{model.AccessEndUserCompromise}}, keyTheft},
		{"initial access nobody used", query.IncidentFilter{InitialAccess: []model.InitialAccess{model.AccessZeroDay}}, nil},
		{"initial access outside the vocabulary", query.IncidentFilter{InitialAccess: []model.InitialAccess{"guesswork"}}, nil},
		{"impact", query.IncidentFilter{Impact: []model.Impact{model.ImpactDataExfiltration}}, keyTheft},
		{"impacts", query.IncidentFilter{Impact: []model.Impact{model.ImpactResourceHijacking, model.ImpactSupplyChainAttack}}, both},
		{"type", query.IncidentFilter{Types: []model.IncidentType{model.IncidentTypeCampaign}}, mining},
		{"type nobody has", query.IncidentFilter{Types: []model.IncidentType{model.IncidentTypeResearch}}, nil},
		{"sector", query.IncidentFilter{Sectors: []model.Sector{model.SectorGovernmentNational}}, keyTheft},
		{"sector of no victim", query.IncidentFilter{Sectors: []model.Sector{model.SectorHealthcare}}, nil},
		{"fields combine with and", query.IncidentFilter{
			Actors: []model.ActorID{"example-actor"},
			Impact: []model.Impact{model.ImpactDataExfiltration},
			Tools:  []model.ToolID{"example-proxy"},
		}, keyTheft},
		{"fields combine with and: one fails", query.IncidentFilter{
			Actors: []model.ActorID{"example-actor"},
			Impact: []model.Impact{model.ImpactResourceHijacking},
		}, nil},
		{"date from", query.IncidentFilter{Disclosed: query.DateRange{From: date("2024-06")}}, mining},
		{"date to", query.IncidentFilter{Disclosed: query.DateRange{To: date("2023-12-31")}}, keyTheft},
		{"text in name, any case", query.IncidentFilter{Text: "KEY THEFT"}, keyTheft},
		{"text in alias", query.IncidentFilter{Text: "fixture incident"}, keyTheft},
		{"text in summary", query.IncidentFilter{Text: "exposed container hosts"}, mining},
		{"text in description", query.IncidentFilter{Text: "invented for tests"}, both},
		{"text across paragraphs", query.IncidentFilter{Text: "links to an actor, a technique"}, keyTheft},
		{"text is a substring, not words", query.IncidentFilter{Text: "jack"}, mining},
		{"text not found", query.IncidentFilter{Text: "ransomware"}, nil},
		{"text and a field", query.IncidentFilter{Text: "fictional", Types: []model.IncidentType{model.IncidentTypeIncident}}, keyTheft},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Collect(ix.IncidentIDs(tt.f))
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("IncidentIDs (-want +got):\n%s", diff)
			}
			if n := ix.Count(tt.f); n != len(tt.want) {
				t.Errorf("Count = %d, want %d", n, len(tt.want))
			}
			if diff := gocmp.Diff(tt.want, linearScan(ix.Dataset(), tt.f)); diff != "" {
				t.Errorf("Match disagrees (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDisclosedRange pins how dates of every precision meet a range: a date matches
// when its span shares a day with the range.
func TestDisclosedRange(t *testing.T) {
	ix := query.NewIndex(datedFixture(t))
	for _, tt := range []struct {
		name     string
		from, to string
		want     []model.IncidentID
	}{
		{"a day catches the month and year around it", "2023-07-01", "2023-07-01",
			[]model.IncidentID{"d-2023-07-01", "d-2023-07", "d-2023"}},
		{"a month catches its days, itself and its year", "2023-07", "2023-07",
			[]model.IncidentID{"example-key-theft", "d-2023-07-01", "d-2023-07", "d-2023"}},
		{"a later day of the month", "2023-07-20", "2023-07-31",
			[]model.IncidentID{"d-2023-07", "d-2023"}},
		{"a year catches everything in it", "2023", "2023",
			[]model.IncidentID{"d-2023-08", "example-key-theft", "d-2023-07-01", "d-2023-07", "d-2023-06-30", "d-2023"}},
		{"to is inclusive of its whole month", "2022", "2023-06",
			[]model.IncidentID{"d-2023-06-30", "d-2023", "d-2022-12-31"}},
		{"from a day", "2023-07-02", "",
			[]model.IncidentID{"example-cryptojacking", "d-2023-08", "example-key-theft", "d-2023-07", "d-2023"}},
		{"up to a day", "", "2023-01-05",
			[]model.IncidentID{"d-2023", "d-2022-12-31"}},
		{"the year 2024 from its last day", "2024-12-31", "",
			[]model.IncidentID{"example-cryptojacking"}},
		{"nothing after", "2025-01-01", "", nil},
		{"from after to matches nothing", "2023-08", "2023-07", nil},
		{"from on the day to ends", "2023-07-11", "2023-07-11",
			[]model.IncidentID{"example-key-theft", "d-2023-07", "d-2023"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var r query.DateRange
			if tt.from != "" {
				r.From = date(tt.from)
			}
			if tt.to != "" {
				r.To = date(tt.to)
			}
			f := query.IncidentFilter{Disclosed: r}
			got := slices.Collect(ix.IncidentIDs(f))
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("IncidentIDs (-want +got):\n%s", diff)
			}
			if diff := gocmp.Diff(tt.want, linearScan(ix.Dataset(), f)); diff != "" {
				t.Errorf("Match disagrees (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResultOrderIsNewestFirstThenID(t *testing.T) {
	d := extended(t,
		disclosed("b-same-day", "2023-07-11"),
		disclosed("a-same-day", "2023-07-11"),
		disclosed("z-month", "2023-07"),
	)
	got := slices.Collect(query.NewIndex(d).IncidentIDs(query.IncidentFilter{}))
	want := []model.IncidentID{"example-cryptojacking", "a-same-day", "b-same-day", "example-key-theft", "z-month"}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestDateRangeContains(t *testing.T) {
	for _, tt := range []struct {
		r    query.DateRange
		d    string
		want bool
	}{
		{query.DateRange{}, "2023", true},
		{query.DateRange{}, "", true},
		{query.DateRange{From: date("2023")}, "", false},
		{query.DateRange{From: date("2023-07-20")}, "2023-07", true},
		{query.DateRange{From: date("2023-08-01")}, "2023-07", false},
		{query.DateRange{To: date("2023-01-05")}, "2023", true},
		{query.DateRange{To: date("2022")}, "2023-01-01", false},
		{query.DateRange{From: date("2023-07"), To: date("2023-07")}, "2023-07-31", true},
		{query.DateRange{From: date("2023-07"), To: date("2023-07")}, "2023-08-01", false},
	} {
		var d model.Date
		if tt.d != "" {
			d = date(tt.d)
		}
		if got := tt.r.Contains(d); got != tt.want {
			t.Errorf("DateRange{%s, %s}.Contains(%q) = %v, want %v", tt.r.From, tt.r.To, tt.d, got, tt.want)
		}
	}
}

func TestIncidentsYieldsCopies(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	before := slices.Collect(ix.Incidents(query.IncidentFilter{}))
	for x := range ix.Incidents(query.IncidentFilter{}) {
		x.Name = "changed"
		x.Actors[0] = "changed"
		x.Impact[0] = model.ImpactUnknown
		x.References[0].URL = "https://changed.example"
	}
	after := slices.Collect(ix.Incidents(query.IncidentFilter{}))
	if diff := gocmp.Diff(before, after); diff != "" {
		t.Errorf("index changed through yielded incidents (-before +after):\n%s", diff)
	}
	if diff := gocmp.Diff(slices.Collect(ix.Dataset().Incidents()), sortByID(after)); diff != "" {
		t.Errorf("Incidents differ from the dataset's (-dataset +index):\n%s", diff)
	}
}

func TestIndexIgnoresChangesToFilter(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	f := query.IncidentFilter{Actors: []model.ActorID{"example-miners", "example-actor"}}
	seq := ix.IncidentIDs(f)
	f.Actors[0], f.Actors[1] = "nobody", "nobody"
	if got := slices.Collect(seq); len(got) != 2 {
		t.Errorf("after the filter changed, IncidentIDs yielded %v, want both incidents", got)
	}
}

func TestIncidentIDsStopsEarly(t *testing.T) {
	ix := query.NewIndex(datedFixture(t))
	for _, f := range []query.IncidentFilter{
		{},
		{Actors: []model.ActorID{"example-actor"}},
		{Actors: []model.ActorID{"example-actor", "example-miners"}},
	} {
		n := 0
		for range ix.IncidentIDs(f) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("%+v: yielded %d before break, want 1", f, n)
		}
	}
}

func TestFilterOverASequence(t *testing.T) {
	d := loadFixture(t)
	f := query.IncidentFilter{Types: []model.IncidentType{model.IncidentTypeIncident}}
	var got []model.IncidentID
	for x := range f.Filter(d.Incidents()) {
		got = append(got, x.ID)
	}
	if diff := gocmp.Diff([]model.IncidentID{"example-key-theft"}, got); diff != "" {
		t.Errorf("Filter (-want +got):\n%s", diff)
	}
}

func TestEmptyIndex(t *testing.T) {
	for _, ix := range []*query.Index{query.NewIndex(nil), query.NewIndex(&dataset.Dataset{})} {
		if got := slices.Collect(ix.IncidentIDs(query.IncidentFilter{Disclosed: query.DateRange{From: date("2020")}})); got != nil {
			t.Errorf("IncidentIDs = %v, want none", got)
		}
		if got := ix.Search("anything", query.SearchOptions{}); got != nil {
			t.Errorf("Search = %v, want none", got)
		}
		if diff := gocmp.Diff(query.Stats{}, ix.Stats(query.IncidentFilter{}, query.StatsOptions{})); diff != "" {
			t.Errorf("Stats (-want +got):\n%s", diff)
		}
	}
}

// TestIndexAgreesWithMatchOnRealData runs random filters over the real data through the
// Index and through a linear scan with Match, which must agree.
func TestIndexAgreesWithMatchOnRealData(t *testing.T) {
	d := loadReal(t)
	ix := query.NewIndex(d)
	es := d.Entities()
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(n int) []int {
		k := rng.IntN(3) // 0, 1 or 2 values
		if rng.IntN(3) == 0 {
			k = 0
		}
		var out []int
		for range k {
			out = append(out, rng.IntN(n))
		}
		return out
	}
	years := []string{"2018", "2020", "2021-03", "2022-06-15", "2023", "2023-07", "2024-02-29"}
	texts := []string{"", "", "", "microsoft", "KEY", "cloud", "token", "the", "zzz"}
	for i := range 2000 {
		var f query.IncidentFilter
		for _, j := range pick(len(es.Actors)) {
			f.Actors = append(f.Actors, es.Actors[j].ID)
		}
		for _, j := range pick(len(es.Techniques)) {
			f.Techniques = append(f.Techniques, es.Techniques[j].ID)
		}
		for _, j := range pick(len(es.Tools)) {
			f.Tools = append(f.Tools, es.Tools[j].ID)
		}
		for _, j := range pick(len(es.Technologies)) {
			f.Technologies = append(f.Technologies, es.Technologies[j].ID)
		}
		for _, j := range pick(len(model.InitialAccessValues())) {
			f.InitialAccess = append(f.InitialAccess, model.InitialAccessValues()[j])
		}
		for _, j := range pick(len(model.ImpactValues())) {
			f.Impact = append(f.Impact, model.ImpactValues()[j])
		}
		for _, j := range pick(len(model.IncidentTypeValues())) {
			f.Types = append(f.Types, model.IncidentTypeValues()[j])
		}
		for _, j := range pick(len(model.SectorValues())) {
			f.Sectors = append(f.Sectors, model.SectorValues()[j])
		}
		if rng.IntN(2) == 0 {
			f.Disclosed.From = date(years[rng.IntN(len(years))])
		}
		if rng.IntN(2) == 0 {
			f.Disclosed.To = date(years[rng.IntN(len(years))])
		}
		f.Text = texts[rng.IntN(len(texts))]
		// Thin the filter so that many of them match something.
		if i%2 == 0 {
			f.Techniques, f.Tools, f.Sectors, f.Types = nil, nil, nil, nil
		}
		got := slices.Collect(ix.IncidentIDs(f))
		if diff := gocmp.Diff(linearScan(d, f), got); diff != "" {
			t.Fatalf("filter %+v: Index and Match disagree (-scan +index):\n%s", f, diff)
		}
	}
}

// linearScan is the reference: every incident that Match accepts, sorted newest
// disclosed first, then by ID.
func linearScan(d *dataset.Dataset, f query.IncidentFilter) []model.IncidentID {
	var xs []model.Incident
	for x := range d.Incidents() {
		if f.Match(x) {
			xs = append(xs, x)
		}
	}
	slices.SortFunc(xs, func(a, b model.Incident) int {
		if c := b.Disclosed.Compare(a.Disclosed); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var ids []model.IncidentID
	for _, x := range xs {
		ids = append(ids, x.ID)
	}
	return ids
}

func sortByID(xs []model.Incident) []model.Incident {
	return slices.SortedFunc(slices.Values(xs), func(a, b model.Incident) int { return cmp.Compare(a.ID, b.ID) })
}
