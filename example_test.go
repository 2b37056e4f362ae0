package threatlandscape_test

import (
	"fmt"
	"testing/fstest"

	"github.com/cloudthreats/threatlandscape"
)

func ExampleDefault() {
	d := threatlandscape.Default()
	x, _ := d.Incident("microsoft-signing-key-compromise")
	fmt.Println(x.Name)
	fmt.Println(x.Disclosed, x.Actors, x.InitialAccess)
	// Output:
	// Microsoft signing key compromise
	// 2023-07-11 [storm-0558] [end-user-compromise]
}

func ExampleLoad() {
	mine := fstest.MapFS{
		"actors/crew-x.yaml": {Data: []byte("id: crew-x\nname: Crew X\ntype: cybercrime\n")},
	}
	_, err := threatlandscape.Load(mine)
	fmt.Println(err)
	// Output:
	// 6 errors:
	// actors/crew-x.yaml:1:1: added: required (a date: YYYY, YYYY-MM or YYYY-MM-DD)
	// actors/crew-x.yaml:1:1: description: required
	// actors/crew-x.yaml:1:1: motivations: required: at least one value
	// actors/crew-x.yaml:1:1: references: required: at least one reference
	// actors/crew-x.yaml:1:1: summary: required
	// actors/crew-x.yaml:1:1: updated: required (a date: YYYY, YYYY-MM or YYYY-MM-DD)
}
