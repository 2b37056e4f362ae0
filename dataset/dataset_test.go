package dataset_test

import (
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func loadFixture(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Load(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestReturnedValuesAreCopies changes everything a caller can reach through every
// accessor and checks that the next caller sees the original.
func TestReturnedValuesAreCopies(t *testing.T) {
	d := loadFixture(t)
	want := d.Entities()

	x, _ := d.Incident("example-key-theft")
	x.Name = "changed"
	x.Actors[0] = "changed"
	x.References[0].URL = "https://changed.example"
	x.Aliases[0].Name = "changed"
	x.Victims[0].Name = "changed"
	x.Impact[0] = model.ImpactUnknown
	for a := range d.Actors() {
		a.Motivations[0] = model.MotivationSpam
		a.References[0].Title = "changed"
	}
	for tq := range d.Techniques() {
		tq.Tactics[0] = model.TacticImpact
		if len(tq.Mappings) > 0 {
			tq.Mappings[0].ID = "T0000"
		}
	}
	for df := range d.Defenses() {
		df.Mitigates[0] = "changed"
		df.AppliesTo[0] = "changed"
	}
	tl, _ := d.Tool("example-proxy")
	tl.ToolTypes[0] = model.ToolTypeMiner
	es := d.Entities()
	es.Incidents[0].Techniques[0] = "changed"
	es.Technologies[0].Vendor = "changed"
	e, _ := d.Entity(model.Ref{Kind: model.KindIncident, ID: "example-key-theft"})
	e.Common().References[0].Title = "changed through Common"

	if diff := cmp.Diff(want, d.Entities()); diff != "" {
		t.Errorf("dataset changed through returned values (-before +after):\n%s", diff)
	}
}

func TestConcurrentReaders(t *testing.T) {
	d := loadFixture(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				for x := range d.Incidents() {
					x.Actors = append(x.Actors, "more")
					_, _ = d.Actor("example-actor")
					_ = slices.Collect(d.IncidentsByTechnique("forged-tokens"))
				}
			}
		}()
	}
	wg.Wait()
}

func TestReverseLinks(t *testing.T) {
	d := loadFixture(t)
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"incidents by actor", ids(d.IncidentsByActor("example-miners")), []string{"example-cryptojacking"}},
		{"incidents by technique", ids(d.IncidentsByTechnique("forged-tokens")), []string{"example-key-theft"}},
		{"incidents by tool", ids(d.IncidentsByTool("example-proxy")), []string{"example-key-theft"}},
		{"incidents by technology", ids(d.IncidentsByTechnology("example-containers")), []string{"example-cryptojacking"}},
		{"defenses by technique", ids(d.DefensesByTechnique("cryptomining")), []string{"api-authentication"}},
		{"defenses by technology", ids(d.DefensesByTechnology("example-mail")), []string{"key-isolation"}},
		{"unknown ID", ids(d.IncidentsByActor("nobody")), nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func ids[T ~string](seq func(func(T) bool)) []string {
	var out []string
	for id := range seq {
		out = append(out, string(id))
	}
	return out
}

func TestIteratorsAreSortedByID(t *testing.T) {
	d := loadFixture(t)
	var got []model.IncidentID
	for x := range d.Incidents() {
		got = append(got, x.ID)
	}
	if !slices.IsSorted(got) || len(got) != 2 {
		t.Errorf("Incidents() yielded %v, want 2 IDs in ascending order", got)
	}
}

func TestZeroDatasetIsEmpty(t *testing.T) {
	var d dataset.Dataset
	if n := d.Counts().Total(); n != 0 {
		t.Errorf("zero Dataset has %d entities", n)
	}
	if _, ok := d.Incident("x"); ok {
		t.Error("zero Dataset found an incident")
	}
	for range d.Actors() {
		t.Error("zero Dataset yielded an actor")
	}
}

func TestNewReportsEveryProblemByEntity(t *testing.T) {
	es := loadFixture(t).Entities()
	es.Incidents[0].Techniques = append(es.Incidents[0].Techniques, "missing")
	es.Tools[0].Kind = "weapon"
	es.Actors = append(es.Actors, es.Actors[0])
	_, err := dataset.New(es)
	var list dataset.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("New error %v is not an ErrorList", err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`incident/example-cryptojacking: techniques[2]: no technique with ID "missing" (want a file techniques/missing.yaml)`,
		`actor/example-actor: id: ID "example-actor" is used by another actor (entry 1)`,
		`tool/example-proxy: kind: unknown tool kind "weapon" (want one of: malware, tool)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("New errors (-want +got):\n%s", diff)
	}
	if !errors.Is(err, dataset.ErrUnknownReference) || !errors.Is(err, dataset.ErrDuplicate) {
		t.Error("New error does not wrap its sentinels")
	}
}

func TestNewCopiesItsInput(t *testing.T) {
	es := loadFixture(t).Entities()
	d, err := dataset.New(es)
	if err != nil {
		t.Fatal(err)
	}
	es.Incidents[0].Name = "changed"
	if x, _ := d.Incident(es.Incidents[0].ID); x.Name == "changed" {
		t.Error("New kept a reference to its input")
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	d := loadFixture(t)
	b, err := d.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	d2, err := dataset.DecodeBinary(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d.Entities(), d2.Entities(), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip changed the dataset (-want +got):\n%s", diff)
	}
	b2, _ := d2.MarshalBinary()
	if string(b) != string(b2) {
		t.Error("MarshalBinary is not canonical: a decoded dataset encodes differently")
	}
}

func TestDecodeBinaryRejectsMalformedInput(t *testing.T) {
	b, _ := loadFixture(t).MarshalBinary()
	for _, tt := range []struct {
		name string
		data string
	}{
		{"empty", ""},
		{"wrong magic", "XXXX\x01"},
		{"wrong version", "TLDS\x09"},
		{"truncated", string(b[:len(b)/2])},
		{"trailing bytes", string(b) + "x"},
		{"huge count", "TLDS\x01\xff\xff\xff\xff\x0f"},
	} {
		if _, err := dataset.DecodeBinary(tt.data); !errors.Is(err, dataset.ErrBinaryFormat) {
			t.Errorf("%s: DecodeBinary error = %v, want ErrBinaryFormat", tt.name, err)
		}
	}
}

func TestAllYieldsEveryEntityInKindThenIDOrder(t *testing.T) {
	d := loadFixture(t)
	var got []model.Ref
	for e := range d.All() {
		got = append(got, e.Ref())
		e.Common().References[0].Title = "changed through All"
	}
	if len(got) != d.Counts().Total() {
		t.Fatalf("All yielded %d entities, want %d", len(got), d.Counts().Total())
	}
	if !slices.IsSortedFunc(got, model.Ref.Compare) {
		t.Errorf("All order %v is not kind then ID", got)
	}
	var fromEntities []model.Ref
	for e := range d.Entities().All() {
		fromEntities = append(fromEntities, e.Ref())
	}
	if diff := cmp.Diff(got, fromEntities); diff != "" {
		t.Errorf("Entities().All() differs from All() (-all +entities):\n%s", diff)
	}
	x, _ := d.Incident("example-key-theft")
	if x.References[0].Title == "changed through All" {
		t.Error("a value yielded by All shares memory with the dataset")
	}
	n := 0
	for range d.All() {
		n++
		break
	}
	if n != 1 {
		t.Errorf("All kept yielding after the loop stopped")
	}
}
