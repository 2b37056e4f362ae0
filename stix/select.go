package stix

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/cloudthreats/threatlandscape/model"
)

// graph is a source read into memory: each kind by ID, the first of duplicates kept.
type graph struct {
	incidents    map[model.IncidentID]model.Incident
	actors       map[model.ActorID]model.Actor
	techniques   map[model.TechniqueID]model.Technique
	tools        map[model.ToolID]model.Tool
	defenses     map[model.DefenseID]model.Defense
	technologies map[model.TechnologyID]model.Technology
}

func read(src Source) *graph {
	g := &graph{
		incidents:    map[model.IncidentID]model.Incident{},
		actors:       map[model.ActorID]model.Actor{},
		techniques:   map[model.TechniqueID]model.Technique{},
		tools:        map[model.ToolID]model.Tool{},
		defenses:     map[model.DefenseID]model.Defense{},
		technologies: map[model.TechnologyID]model.Technology{},
	}
	for x := range src.Incidents() {
		putFirst(g.incidents, x.ID, x)
	}
	for x := range src.Actors() {
		putFirst(g.actors, x.ID, x)
	}
	for x := range src.Techniques() {
		putFirst(g.techniques, x.ID, x)
	}
	for x := range src.Tools() {
		putFirst(g.tools, x.ID, x)
	}
	for x := range src.Defenses() {
		putFirst(g.defenses, x.ID, x)
	}
	for x := range src.Technologies() {
		putFirst(g.technologies, x.ID, x)
	}
	return g
}

func putFirst[K comparable, V any](m map[K]V, k K, v V) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

// sortedKeys returns the keys of m in ascending order.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// selection is the set of entities a bundle holds.
type selection struct {
	incidents    map[model.IncidentID]bool
	actors       map[model.ActorID]bool
	techniques   map[model.TechniqueID]bool
	tools        map[model.ToolID]bool
	defenses     map[model.DefenseID]bool
	technologies map[model.TechnologyID]bool
}

// selectAll selects every entity of g when keep is nil; otherwise the incidents keep
// accepts and every entity they link to, plus the defenses that mitigate their
// techniques. It fails on a link to an entity g does not hold.
func selectAll(g *graph, keep func(model.Incident) bool) (*selection, error) {
	s := &selection{
		incidents:    map[model.IncidentID]bool{},
		actors:       map[model.ActorID]bool{},
		techniques:   map[model.TechniqueID]bool{},
		tools:        map[model.ToolID]bool{},
		defenses:     map[model.DefenseID]bool{},
		technologies: map[model.TechnologyID]bool{},
	}
	var errs []error
	missing := func(from model.Ref, kind model.Kind, id string) {
		errs = append(errs, fmt.Errorf("%w: %s links to %s/%s", ErrUnknownReference, from, kind, id))
	}
	for _, id := range sortedKeys(g.incidents) {
		x := g.incidents[id]
		if keep != nil && !keep(x.Clone()) {
			continue
		}
		s.incidents[id] = true
		linkAll(s.actors, g.actors, x.Actors, func(id model.ActorID) { missing(x.Ref(), model.KindActor, string(id)) })
		linkAll(s.techniques, g.techniques, x.Techniques, func(id model.TechniqueID) { missing(x.Ref(), model.KindTechnique, string(id)) })
		linkAll(s.tools, g.tools, x.Tools, func(id model.ToolID) { missing(x.Ref(), model.KindTool, string(id)) })
		linkAll(s.technologies, g.technologies, x.Technologies, func(id model.TechnologyID) { missing(x.Ref(), model.KindTechnology, string(id)) })
	}
	for _, id := range sortedKeys(g.defenses) {
		x := g.defenses[id]
		if keep == nil {
			s.defenses[id] = true
			linkAll(map[model.TechniqueID]bool{}, g.techniques, x.Mitigates, func(id model.TechniqueID) { missing(x.Ref(), model.KindTechnique, string(id)) })
			linkAll(map[model.TechnologyID]bool{}, g.technologies, x.AppliesTo, func(id model.TechnologyID) { missing(x.Ref(), model.KindTechnology, string(id)) })
			continue
		}
		if slices.ContainsFunc(x.Mitigates, func(t model.TechniqueID) bool { return s.techniques[t] }) {
			s.defenses[id] = true
		}
	}
	if keep == nil {
		for id := range g.actors {
			s.actors[id] = true
		}
		for id := range g.techniques {
			s.techniques[id] = true
		}
		for id := range g.tools {
			s.tools[id] = true
		}
		for id := range g.technologies {
			s.technologies[id] = true
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

func linkAll[ID comparable, T any](selected map[ID]bool, all map[ID]T, ids []ID, missing func(ID)) {
	for _, id := range ids {
		if _, ok := all[id]; !ok {
			missing(id)
			continue
		}
		selected[id] = true
	}
}
