package dataset_test

import (
	"errors"
	"fmt"
	"testing/fstest"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/dataset/datasettest"
	"github.com/cloudthreats/threatlandscape/model"
)

func ExampleLoad() {
	d, err := dataset.Load(datasettest.FS())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", d.Counts())
	// Output: {Incidents:3 Actors:3 Techniques:17 Tools:2 Defenses:7 Technologies:12}
}

func ExampleErrorList() {
	fsys := fstest.MapFS{
		"tools/x.yaml": {Data: []byte("id: y\nnme: X\n")},
	}
	_, err := dataset.Load(fsys)
	var list dataset.ErrorList
	if errors.As(err, &list) {
		for _, e := range list[:2] {
			fmt.Println(e)
		}
		fmt.Println(errors.Is(err, dataset.ErrInvalidID))
	}
	// Output:
	// tools/x.yaml:1:1: added: required (a date: YYYY, YYYY-MM or YYYY-MM-DD)
	// tools/x.yaml:1:1: description: required
	// true
}

func ExampleDataset_IncidentsByActor() {
	d := datasettest.Landscape()
	for id := range d.IncidentsByActor("storm-0558") {
		x, _ := d.Incident(id)
		fmt.Println(x.Disclosed, x.Name)
	}
	// Output: 2023-07-11 Microsoft signing key compromise
}

func ExampleDataset_DefensesByTechnique() {
	d := datasettest.Landscape()
	for id := range d.DefensesByTechnique("token-forgery") {
		fmt.Println(id)
	}
	// Output:
	// anomalous-sign-in-and-anonymizer-detection
	// signing-key-hsm-isolation-and-rotation
	// token-issuer-and-key-scope-validation
}

func ExampleNew() {
	es := datasettest.Landscape().Entities()
	es.Incidents[0].Actors = append(es.Incidents[0].Actors, "nobody")
	_, err := dataset.New(es)
	fmt.Println(err)
	// Output: incident/capital-one-breach: actors[1]: no actor with ID "nobody" (want a file actors/nobody.yaml)
}

func ExampleDataset_Entity() {
	e, _ := datasettest.Landscape().Entity(model.Ref{Kind: model.KindTool, ID: "xmrig"})
	fmt.Println(e.Ref(), e.Common().Name)
	// Output: tool/xmrig XMRig
}
