package query_test

import (
	"os"
	"testing"
	"time"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

// loadFixture loads the fictional dataset of the dataset package's tests: two
// incidents, example-cryptojacking (a campaign disclosed "2024") and example-key-theft
// (an incident disclosed 2023-07-11), and the entities they link to.
func loadFixture(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// extended returns the fixture with more incidents, copies of example-key-theft that
// differ in ID, name and disclosure date (and whatever edit changes), to pin date
// precision and ordering.
func extended(t testing.TB, extra ...func(*model.Incident)) *dataset.Dataset {
	t.Helper()
	es := loadFixture(t).Entities()
	base := es.Incidents[1] // example-key-theft
	if base.ID != "example-key-theft" {
		t.Fatalf("fixture changed: incident 1 is %s", base.ID)
	}
	for _, edit := range extra {
		x := base.Clone()
		x.Aliases = nil
		edit(&x)
		es.Incidents = append(es.Incidents, x)
	}
	d, err := dataset.New(es)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// disclosed returns an edit that makes an incident with the given ID, disclosed on date.
func disclosed(id, date string) func(*model.Incident) {
	return func(x *model.Incident) {
		x.ID = model.IncidentID(id)
		x.Name = "Incident " + id
		x.Disclosed = model.MustParseDate(date)
		x.FirstSeen, x.LastSeen = model.Date{}, model.Date{}
	}
}

// loadReal loads the real dataset. Other people edit it while this package is worked
// on, so a load that fails is retried a few times before the test fails.
func loadReal(t testing.TB) *dataset.Dataset {
	t.Helper()
	var err error
	for try := range 3 {
		var d *dataset.Dataset
		if d, err = dataset.Load(os.DirFS("../dataset/data")); err == nil {
			return d
		}
		if try < 2 {
			time.Sleep(2 * time.Second)
		}
	}
	t.Fatalf("the real dataset does not load: %v", err)
	return nil
}

func realIndex(t testing.TB) *query.Index {
	t.Helper()
	return query.NewIndex(loadReal(t))
}
