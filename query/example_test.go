package query_test

import (
	"fmt"
	"log"
	"os"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

// fixtureIndex indexes the fictional dataset that the examples use.
func fixtureIndex() *query.Index {
	d, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		log.Fatal(err)
	}
	return query.NewIndex(d)
}

func ExampleNewIndex() {
	d, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		log.Fatal(err)
	}
	ix := query.NewIndex(d)
	fmt.Println(ix.Count(query.IncidentFilter{}), "incidents")
	// Output: 2 incidents
}

func ExampleIndex_IncidentIDs() {
	ix := fixtureIndex()
	// Incidents by either actor that exfiltrated data or hijacked resources.
	f := query.IncidentFilter{
		Actors: []model.ActorID{"example-actor", "example-miners"},
		Impact: []model.Impact{model.ImpactDataExfiltration, model.ImpactResourceHijacking},
	}
	for id := range ix.IncidentIDs(f) {
		fmt.Println(id)
	}
	// Output:
	// example-cryptojacking
	// example-key-theft
}

func ExampleIndex_Incidents() {
	ix := fixtureIndex()
	for x := range ix.Incidents(query.IncidentFilter{Text: "signing key"}) {
		fmt.Println(x.Disclosed, x.Name)
	}
	// Output: 2023-07-11 Example key theft
}

func ExampleDateRange() {
	ix := fixtureIndex()
	// example-cryptojacking is known only to have been disclosed in 2024, so a range
	// that starts on the last day of 2024 still catches it.
	r := query.DateRange{From: model.MustParseDate("2024-12-31")}
	for id := range ix.IncidentIDs(query.IncidentFilter{Disclosed: r}) {
		fmt.Println(id)
	}
	fmt.Println(r.Contains(model.MustParseDate("2024")), r.Contains(model.MustParseDate("2024-12-30")))
	// Output:
	// example-cryptojacking
	// true false
}

func ExampleIncidentFilter_Filter() {
	d, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		log.Fatal(err)
	}
	// A filter works on any sequence of incidents, with no Index.
	f := query.IncidentFilter{Types: []model.IncidentType{model.IncidentTypeCampaign}}
	for x := range f.Filter(d.Incidents()) {
		fmt.Println(x.ID)
	}
	// Output: example-cryptojacking
}

func ExampleIndex_Search() {
	ix := fixtureIndex()
	for _, h := range ix.Search("forged tokens", query.SearchOptions{Limit: 5}) {
		fmt.Println(h.Ref, h.Exact)
	}
	// Output:
	// technique/forged-tokens true
	// incident/example-key-theft false
}

func ExampleIndex_Links() {
	ix := fixtureIndex()
	for _, l := range ix.Links(model.Ref{Kind: model.KindTechnique, ID: "forged-tokens"}) {
		fmt.Println(l)
	}
	// Output:
	// incident/example-key-theft uses
	// defense/key-isolation mitigates
}

func ExampleIndex_TechniquesUsedBy() {
	ix := fixtureIndex()
	for _, t := range ix.TechniquesUsedBy("example-miners") {
		fmt.Println(t.Key, t.Count)
	}
	// Output:
	// cryptomining 1
	// exposed-api 1
}

func ExampleIndex_DefensesForActor() {
	ix := fixtureIndex()
	for _, s := range ix.DefensesForActor("example-miners") {
		fmt.Println(s.ID, s.Incidents, s.Techniques)
	}
	// Output: api-authentication 1 [cryptomining exposed-api]
}

func ExampleIndex_Stack() {
	ix := fixtureIndex()
	rep := ix.Stack([]model.TechnologyID{"example-mail", "example-containers"})
	fmt.Println("incidents:", rep.Incidents)
	for _, t := range rep.Techniques {
		fmt.Println("technique:", t.Key, t.Count)
	}
	for _, s := range rep.Defenses {
		fmt.Println("defense:", s.ID, s.Incidents, s.Techniques)
	}
	// Output:
	// incidents: [example-cryptojacking example-key-theft]
	// technique: cryptomining 1
	// technique: exposed-api 1
	// technique: forged-tokens 1
	// defense: api-authentication 1 [cryptomining exposed-api]
	// defense: key-isolation 1 [forged-tokens]
}

func ExampleIndex_Stats() {
	ix := fixtureIndex()
	st := ix.Stats(query.IncidentFilter{}, query.StatsOptions{})
	fmt.Println(st.Years, st.PerYear)
	for _, s := range st.Impact {
		fmt.Println(s.Key, s.Total, s.PerYear, s.Change())
	}
	// Output:
	// [2023 2024] [1 1]
	// data-exfiltration 1 [1 0] [0 -1]
	// resource-hijacking 1 [0 1] [0 1]
	// supply-chain-attack 1 [1 0] [0 -1]
}
