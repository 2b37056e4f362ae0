package query_test

import (
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
	gocmp "github.com/google/go-cmp/cmp"
)

func refs(es dataset.Entities) []string {
	var out []string
	for e := range es.All() {
		out = append(out, e.Ref().String())
	}
	return out
}

func TestSubsetIsClosedUnderLinks(t *testing.T) {
	ix := query.NewIndex(loadFixture(t))
	for _, tt := range []struct {
		name string
		f    query.IncidentFilter
		want []string
	}{
		{"one actor: its incident, links, defenses and what they name", query.IncidentFilter{Actors: []model.ActorID{"example-miners"}}, []string{
			"incident/example-cryptojacking",
			"actor/example-miners",
			"technique/cryptomining", "technique/exposed-api",
			"defense/api-authentication",
			"technology/example-containers",
		}},
		{"nothing matches", query.IncidentFilter{Actors: []model.ActorID{"nobody"}}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			es := ix.Subset(tt.f)
			if diff := gocmp.Diff(tt.want, refs(es)); diff != "" {
				t.Errorf("Subset (-want +got):\n%s", diff)
			}
			if _, err := dataset.New(es); err != nil {
				t.Errorf("the subset is not a valid dataset: %v", err)
			}
		})
	}
}

func TestSubsetOfEverythingIsValid(t *testing.T) {
	d := loadFixture(t)
	es := query.NewIndex(d).Subset(query.IncidentFilter{})
	if _, err := dataset.New(es); err != nil {
		t.Fatalf("the subset is not a valid dataset: %v", err)
	}
	if len(es.Incidents) != d.Counts().Incidents {
		t.Errorf("zero filter kept %d incidents, want %d", len(es.Incidents), d.Counts().Incidents)
	}
	es.Incidents[0].Name = "changed"
	if x, _ := d.Incident(es.Incidents[0].ID); x.Name == "changed" {
		t.Error("Subset returned entities that share memory with the dataset")
	}
}
