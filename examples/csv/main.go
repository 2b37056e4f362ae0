// Command csv is a custom exporter: it writes one CSV row per incident, with its actors
// and ATT&CK technique IDs resolved through the dataset, to standard output. Use it as a
// template for exporters of your own.
//
//	go run ./examples/csv > incidents.csv
package main

import (
	"encoding/csv"
	"log"
	"os"
	"strings"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

func main() {
	w := csv.NewWriter(os.Stdout)
	if err := write(w, threatlandscape.Default()); err != nil {
		log.Fatal(err)
	}
}

func write(w *csv.Writer, d *dataset.Dataset) error {
	w.Write([]string{"id", "name", "type", "disclosed", "actors", "initial_access", "impact", "attack_ids", "technologies", "first_reference"})
	for x := range d.Incidents() {
		var actors, attack []string
		for _, id := range x.Actors {
			a, _ := d.Actor(id)
			actors = append(actors, a.Name)
		}
		for _, id := range x.Techniques {
			t, _ := d.Technique(id)
			for _, m := range t.Mappings {
				if m.Framework == model.FrameworkATTACK {
					attack = append(attack, m.ID)
				}
			}
		}
		ref := ""
		if len(x.References) > 0 {
			ref = x.References[0].URL
		}
		w.Write([]string{
			string(x.ID), x.Name, string(x.Type), x.Disclosed.String(),
			strings.Join(actors, "; "), join(x.InitialAccess), join(x.Impact),
			strings.Join(attack, "; "), join(x.Technologies), ref,
		})
	}
	w.Flush()
	return w.Error()
}

func join[T ~string](s []T) string {
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = string(v)
	}
	return strings.Join(parts, "; ")
}
