package query

import (
	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

// Subset returns the incidents that pass f with everything they link to: their actors,
// techniques, tools and technologies, the defenses that mitigate any of their
// techniques, and the techniques and technologies those defenses name in turn. The
// result is closed under links, so [dataset.New] accepts it: it is the self-contained
// slice of the landscape to export for a filter. Each kind is in ascending ID order,
// and the entities are deep copies the caller owns.
//
// The zero filter returns every incident but only the entities linked to incidents
// and their defenses; use [dataset.Dataset.Entities] for everything.
func (ix *Index) Subset(f IncidentFilter) dataset.Entities {
	es := &ix.es
	var (
		incidents    = make([]bool, len(es.Incidents))
		actors       = make([]bool, len(es.Actors))
		techniques   = make([]bool, len(es.Techniques))
		tools        = make([]bool, len(es.Tools))
		defenses     = make([]bool, len(es.Defenses))
		technologies = make([]bool, len(es.Technologies))
	)
	for _, r := range ix.matching(f) {
		p := ix.inc.pos[r]
		incidents[p] = true
		x := &es.Incidents[p]
		mark(actors, ix.actorOrd, x.Actors)
		mark(techniques, ix.techniqueOrd, x.Techniques)
		mark(tools, ix.toolOrd, x.Tools)
		mark(technologies, ix.technologyOrd, x.Technologies)
	}
	// Find the defenses first, then mark what they name, so that a technique reached
	// only through a defense does not pull in further defenses.
	for t, used := range techniques {
		if used {
			for _, d := range ix.defensesByTechnique[t] {
				defenses[d] = true
			}
		}
	}
	for d, in := range defenses {
		if in {
			mark(techniques, ix.techniqueOrd, es.Defenses[d].Mitigates)
			mark(technologies, ix.technologyOrd, es.Defenses[d].AppliesTo)
		}
	}
	return dataset.Entities{
		Incidents:    pick(es.Incidents, incidents, model.Incident.Clone),
		Actors:       pick(es.Actors, actors, model.Actor.Clone),
		Techniques:   pick(es.Techniques, techniques, model.Technique.Clone),
		Tools:        pick(es.Tools, tools, model.Tool.Clone),
		Defenses:     pick(es.Defenses, defenses, model.Defense.Clone),
		Technologies: pick(es.Technologies, technologies, model.Technology.Clone),
	}
}

func mark[ID comparable](set []bool, ord map[ID]int32, ids []ID) {
	for _, id := range ids {
		if o, ok := ord[id]; ok {
			set[o] = true
		}
	}
}

func pick[T any](s []T, keep []bool, clone func(T) T) []T {
	var out []T
	for i, x := range s {
		if keep[i] {
			out = append(out, clone(x))
		}
	}
	return out
}
