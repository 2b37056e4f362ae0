package datasettest_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/dataset/datasettest"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/google/go-cmp/cmp"
)

func TestLandscapeIsFrozen(t *testing.T) {
	got := datasettest.Landscape().Counts()
	want := dataset.Counts{Incidents: 3, Actors: 3, Techniques: 17, Tools: 2, Defenses: 7, Technologies: 12}
	if got != want {
		t.Errorf("Landscape() counts = %+v, want %+v: the fixture must never change", got, want)
	}
	x, ok := datasettest.Landscape().Incident("microsoft-signing-key-compromise")
	if !ok || x.Disclosed.String() != "2023-07-11" || !slices.Equal(x.Actors, []model.ActorID{"storm-0558"}) {
		t.Errorf("seed incident: %v %v %v", ok, x.Disclosed, x.Actors)
	}
}

func TestNewCreatesMissingLinks(t *testing.T) {
	d := datasettest.New(t,
		datasettest.Incident("breach-a", func(x *model.Incident) {
			x.Actors = []model.ActorID{"crew-x"}
			x.AttributionConfidence = model.ConfidenceLikely
			x.Techniques = []model.TechniqueID{"phish"}
			x.Technologies = []model.TechnologyID{"mail"}
		}),
		datasettest.Defense("mfa", "phish", func(x *model.Defense) { x.AppliesTo = []model.TechnologyID{"mail", "vpn"} }),
		ptr(datasettest.Actor("crew-x", func(x *model.Actor) { x.Type = model.ActorCybercrime })),
	)
	want := dataset.Counts{Incidents: 1, Actors: 1, Techniques: 1, Defenses: 1, Technologies: 2}
	if diff := cmp.Diff(want, d.Counts()); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if a, _ := d.Actor("crew-x"); a.Type != model.ActorCybercrime {
		t.Errorf("New replaced the given actor with a placeholder: %+v", a)
	}
}

func ptr[T any](x T) *T { return &x }

func TestBuildReportsInvalidInput(t *testing.T) {
	_, err := datasettest.Build(datasettest.Incident("Bad ID"))
	if !errors.Is(err, dataset.ErrInvalidID) {
		t.Fatalf("Build error %v does not wrap dataset.ErrInvalidID", err)
	}
	if want := `incident/Bad ID: id: "Bad ID" is not a valid ID`; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
}

// incidentsPerActor is the kind of function a user would test with the fixtures.
func incidentsPerActor(d *dataset.Dataset) map[model.ActorID]int {
	n := map[model.ActorID]int{}
	for x := range d.Incidents() {
		for _, a := range x.Actors {
			n[a]++
		}
	}
	return n
}

// TestIncidentsPerActor is written the way a user of the module would write it: against
// the frozen landscape, so that it keeps passing as the embedded data grows.
func TestIncidentsPerActor(t *testing.T) {
	got := incidentsPerActor(datasettest.Landscape())
	want := map[model.ActorID]int{"storm-0558": 1, "paige-thompson": 1, "teamtnt": 1}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("incidentsPerActor (-want +got):\n%s", diff)
	}
}

func ExampleNew() {
	t := &testing.T{} // in a real test, the *testing.T of the test function
	d := datasettest.New(t, datasettest.Incident("breach-a", func(x *model.Incident) {
		x.Tools = []model.ToolID{"xmrig"}
	}))
	tool, _ := d.Tool("xmrig")
	fmt.Println(d.Counts().Incidents, tool.ID, tool.Kind)
	// Output: 1 xmrig tool
}

func ExampleLandscape() {
	d := datasettest.Landscape()
	for id := range d.IncidentsByTechnique("instance-metadata-credential-theft") {
		fmt.Println(id)
	}
	// Output: capital-one-breach
}
