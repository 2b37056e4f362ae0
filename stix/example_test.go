package stix_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/stix"
)

// Export one incident with everything it links to.
func ExampleEncoder() {
	ds, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	err = stix.NewEncoder(&buf).
		SetIncidentFilter(stix.IncidentIDs("example-key-theft")).
		Encode(ds)
	if err != nil {
		log.Fatal(err)
	}

	var bundle struct {
		Objects []struct{ Type, Name, Relationship_Type string }
	}
	if err := json.Unmarshal(buf.Bytes(), &bundle); err != nil {
		log.Fatal(err)
	}
	for _, o := range bundle.Objects {
		fmt.Println(o.Type, o.Name+o.Relationship_Type)
	}
	// Output:
	// identity Cloud Threat Landscape
	// extension-definition threatlandscape dataset properties
	// attack-pattern Forged tokens
	// campaign Example key theft
	// course-of-action Key isolation
	// identity Example Agency
	// infrastructure Example Mail
	// intrusion-set Example Actor
	// relationship related-to
	// relationship compromises
	// relationship mitigates
	// relationship attributed-to
	// relationship uses
	// relationship uses
	// relationship targets
	// tool Example Proxy
}

// Export incidents as STIX incident objects, indented.
func ExampleEncoder_SetIncidentsAs() {
	ds, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := stix.NewEncoder(&buf).SetIncidentsAs(stix.Incident).SetPretty(true).Encode(ds); err != nil {
		log.Fatal(err)
	}
	fmt.Println(bytes.Count(buf.Bytes(), []byte(`"type": "incident"`)), "incidents")
	// Output: 2 incidents
}

// A custom exporter refers to the objects of a bundle by their stable identifiers.
func ExampleEntityID() {
	actor := model.Ref{Kind: model.KindActor, ID: "storm-0558"}
	fmt.Println(stix.EntityID("intrusion-set", actor))
	fmt.Println(stix.ID("vulnerability", "vulnerability/CVE-2023-4966"))
	// Output:
	// intrusion-set--3de05f6d-ae94-5469-99dd-e9088361574b
	// vulnerability--f0b7404c-4dc4-50fa-86ee-7f901b7cc0b8
}
