// Package synth builds synthetic datasets for benchmarks: copies of a real dataset with
// renamed IDs and names, linked among themselves exactly as the original is, so that
// every measure of a dataset N times larger keeps its shape.
package synth

import (
	"encoding/json"
	"fmt"
	"testing/fstest"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

// Scale returns n copies of es. Copy 0 is es itself; copy c > 0 has "-c<c>" appended to
// every ID, link and name, so the result is a valid dataset whenever es is.
func Scale(es dataset.Entities, n int) dataset.Entities {
	var out dataset.Entities
	for c := range n {
		s := ""
		if c > 0 {
			s = fmt.Sprintf("-c%d", c)
		}
		cp := es.Clone()
		for i := range cp.Incidents {
			x := &cp.Incidents[i]
			x.ID = x.ID + model.IncidentID(s)
			rename(&x.Entry, s)
			suffix(x.Actors, s)
			suffix(x.Techniques, s)
			suffix(x.Tools, s)
			suffix(x.Technologies, s)
		}
		for i := range cp.Actors {
			cp.Actors[i].ID += model.ActorID(s)
			rename(&cp.Actors[i].Entry, s)
		}
		for i := range cp.Techniques {
			cp.Techniques[i].ID += model.TechniqueID(s)
			rename(&cp.Techniques[i].Entry, s)
		}
		for i := range cp.Tools {
			cp.Tools[i].ID += model.ToolID(s)
			rename(&cp.Tools[i].Entry, s)
		}
		for i := range cp.Defenses {
			x := &cp.Defenses[i]
			x.ID += model.DefenseID(s)
			rename(&x.Entry, s)
			suffix(x.Mitigates, s)
			suffix(x.AppliesTo, s)
		}
		for i := range cp.Technologies {
			cp.Technologies[i].ID += model.TechnologyID(s)
			rename(&cp.Technologies[i].Entry, s)
		}
		out.Incidents = append(out.Incidents, cp.Incidents...)
		out.Actors = append(out.Actors, cp.Actors...)
		out.Techniques = append(out.Techniques, cp.Techniques...)
		out.Tools = append(out.Tools, cp.Tools...)
		out.Defenses = append(out.Defenses, cp.Defenses...)
		out.Technologies = append(out.Technologies, cp.Technologies...)
	}
	return out
}

func rename(e *model.Entry, s string) {
	e.Name += s
	for i := range e.Aliases {
		e.Aliases[i].Name += s
	}
}

func suffix[T ~string](ids []T, s string) {
	for i := range ids {
		ids[i] += T(s)
	}
}

// FS returns es as a dataset directory tree that dataset.Load reads. Each entity is
// written as indented JSON, which is valid YAML.
func FS(es dataset.Entities) fstest.MapFS {
	m := fstest.MapFS{}
	for e := range es.All() {
		b, err := json.MarshalIndent(e, "", "  ")
		if err != nil {
			panic(err)
		}
		ref := e.Ref()
		m[ref.Kind.Dir()+"/"+ref.ID+".yaml"] = &fstest.MapFile{Data: b}
	}
	return m
}
