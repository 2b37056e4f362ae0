// Command owndata loads a dataset directory of your own, validates it, and merges it with
// the embedded landscape, so that your private incidents can link to our actors and
// techniques. Without arguments it uses the module's frozen test landscape as "your" data.
//
//	go run ./examples/owndata [DIR]
package main

import (
	"fmt"
	"io/fs"
	"log"
	"os"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/dataset/datasettest"
	"github.com/cloudthreats/threatlandscape/model"
)

func main() {
	var fsys fs.FS = datasettest.FS()
	if len(os.Args) > 1 {
		fsys = os.DirFS(os.Args[1])
	}
	// Load reports every problem of the directory at once, as file:line:col: field: message.
	mine, err := threatlandscape.Load(fsys)
	if err != nil {
		log.Fatalf("your dataset is invalid:\n%v", err)
	}
	merged, err := merge(threatlandscape.Default(), mine)
	if err != nil {
		log.Fatal(err)
	}
	n := merged.Counts()
	fmt.Printf("merged landscape: %d incidents, %d actors, %d techniques, %d tools, %d defenses, %d technologies\n",
		n.Incidents, n.Actors, n.Techniques, n.Tools, n.Defenses, n.Technologies)
}

// merge returns a dataset with every entity of base and of mine; where both have an
// entity with the same ID, mine wins.
func merge(base, mine *dataset.Dataset) (*dataset.Dataset, error) {
	a, b := base.Entities(), mine.Entities()
	return dataset.New(dataset.Entities{
		Incidents:    override(a.Incidents, b.Incidents, func(x model.Incident) string { return string(x.ID) }),
		Actors:       override(a.Actors, b.Actors, func(x model.Actor) string { return string(x.ID) }),
		Techniques:   override(a.Techniques, b.Techniques, func(x model.Technique) string { return string(x.ID) }),
		Tools:        override(a.Tools, b.Tools, func(x model.Tool) string { return string(x.ID) }),
		Defenses:     override(a.Defenses, b.Defenses, func(x model.Defense) string { return string(x.ID) }),
		Technologies: override(a.Technologies, b.Technologies, func(x model.Technology) string { return string(x.ID) }),
	})
}

func override[T any](base, mine []T, id func(T) string) []T {
	seen := map[string]bool{}
	for _, x := range mine {
		seen[id(x)] = true
	}
	out := append([]T(nil), mine...)
	for _, x := range base {
		if !seen[id(x)] {
			out = append(out, x)
		}
	}
	return out
}
