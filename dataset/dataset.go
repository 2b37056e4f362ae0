package dataset

import (
	"cmp"
	"iter"
	"slices"

	"github.com/cloudthreats/threatlandscape/model"
)

// Entities is a dataset's contents as plain slices: the input of [New] and the output of
// [Dataset.Entities].
type Entities struct {
	Incidents    []model.Incident   `json:"incidents"`
	Actors       []model.Actor      `json:"actors"`
	Techniques   []model.Technique  `json:"techniques"`
	Tools        []model.Tool       `json:"tools"`
	Defenses     []model.Defense    `json:"defenses"`
	Technologies []model.Technology `json:"technologies"`
}

// Clone returns a deep copy of es.
func (es Entities) Clone() Entities {
	return Entities{
		Incidents:    cloneAll(es.Incidents, model.Incident.Clone),
		Actors:       cloneAll(es.Actors, model.Actor.Clone),
		Techniques:   cloneAll(es.Techniques, model.Technique.Clone),
		Tools:        cloneAll(es.Tools, model.Tool.Clone),
		Defenses:     cloneAll(es.Defenses, model.Defense.Clone),
		Technologies: cloneAll(es.Technologies, model.Technology.Clone),
	}
}

func cloneAll[T any](s []T, clone func(T) T) []T {
	if s == nil {
		return nil
	}
	out := make([]T, len(s))
	for i, x := range s {
		out[i] = clone(x)
	}
	return out
}

// A Dataset is a validated, immutable set of entities with their links resolved and
// their reverse links computed.
//
// A Dataset is safe for concurrent use. Every method returns copies: changing a returned
// entity or slice never changes what the Dataset or any other caller sees. Iterators
// yield entities in ascending ID order. The zero Dataset is valid and empty.
type Dataset struct {
	es Entities // each kind sorted by ID
	ix index
}

// index maps IDs to positions in Dataset.es and holds the reverse links.
type index struct {
	incidents    map[model.IncidentID]int
	actors       map[model.ActorID]int
	techniques   map[model.TechniqueID]int
	tools        map[model.ToolID]int
	defenses     map[model.DefenseID]int
	technologies map[model.TechnologyID]int

	incidentsByActor      map[model.ActorID][]model.IncidentID
	incidentsByTechnique  map[model.TechniqueID][]model.IncidentID
	incidentsByTool       map[model.ToolID][]model.IncidentID
	incidentsByTechnology map[model.TechnologyID][]model.IncidentID
	defensesByTechnique   map[model.TechniqueID][]model.DefenseID
	defensesByTechnology  map[model.TechnologyID][]model.DefenseID
}

// New validates es and returns a Dataset holding a deep copy of it. When es has problems
// New returns a nil Dataset and an [ErrorList] of every one, each naming the entity
// ("incident/x") and field at fault.
func New(es Entities) (*Dataset, error) {
	return build(es.Clone(), nil, nil)
}

// build validates es, which it takes ownership of, and indexes it.
func build(es Entities, locate func(model.Kind, int, string) (string, int, int), skip func(model.Kind, int, string) bool) (*Dataset, error) {
	ix := keys(&es)
	c := &checker{locate: locate, skip: skip}
	c.check(&es, &ix)
	if len(c.errs) > 0 {
		c.errs.Sort()
		return nil, c.errs
	}
	return assemble(es), nil
}

// assemble sorts es by ID and computes the index. es must be valid.
func assemble(es Entities) *Dataset {
	sortByID(es.Incidents, func(x *model.Incident) model.IncidentID { return x.ID })
	sortByID(es.Actors, func(x *model.Actor) model.ActorID { return x.ID })
	sortByID(es.Techniques, func(x *model.Technique) model.TechniqueID { return x.ID })
	sortByID(es.Tools, func(x *model.Tool) model.ToolID { return x.ID })
	sortByID(es.Defenses, func(x *model.Defense) model.DefenseID { return x.ID })
	sortByID(es.Technologies, func(x *model.Technology) model.TechnologyID { return x.ID })
	d := &Dataset{es: es, ix: keys(&es)}
	ix := &d.ix
	ix.incidentsByActor = map[model.ActorID][]model.IncidentID{}
	ix.incidentsByTechnique = map[model.TechniqueID][]model.IncidentID{}
	ix.incidentsByTool = map[model.ToolID][]model.IncidentID{}
	ix.incidentsByTechnology = map[model.TechnologyID][]model.IncidentID{}
	ix.defensesByTechnique = map[model.TechniqueID][]model.DefenseID{}
	ix.defensesByTechnology = map[model.TechnologyID][]model.DefenseID{}
	for _, x := range es.Incidents { // in ID order, so every reverse list is sorted
		for _, a := range x.Actors {
			ix.incidentsByActor[a] = append(ix.incidentsByActor[a], x.ID)
		}
		for _, t := range x.Techniques {
			ix.incidentsByTechnique[t] = append(ix.incidentsByTechnique[t], x.ID)
		}
		for _, t := range x.Tools {
			ix.incidentsByTool[t] = append(ix.incidentsByTool[t], x.ID)
		}
		for _, t := range x.Technologies {
			ix.incidentsByTechnology[t] = append(ix.incidentsByTechnology[t], x.ID)
		}
	}
	for _, x := range es.Defenses {
		for _, t := range x.Mitigates {
			ix.defensesByTechnique[t] = append(ix.defensesByTechnique[t], x.ID)
		}
		for _, t := range x.AppliesTo {
			ix.defensesByTechnology[t] = append(ix.defensesByTechnology[t], x.ID)
		}
	}
	return d
}

func sortByID[T any, ID cmp.Ordered](s []T, id func(*T) ID) {
	slices.SortStableFunc(s, func(a, b T) int { return cmp.Compare(id(&a), id(&b)) })
}

// keys maps every ID of es to its position; the first of duplicate IDs wins.
func keys(es *Entities) index {
	return index{
		incidents:    positions(es.Incidents, func(x *model.Incident) model.IncidentID { return x.ID }),
		actors:       positions(es.Actors, func(x *model.Actor) model.ActorID { return x.ID }),
		techniques:   positions(es.Techniques, func(x *model.Technique) model.TechniqueID { return x.ID }),
		tools:        positions(es.Tools, func(x *model.Tool) model.ToolID { return x.ID }),
		defenses:     positions(es.Defenses, func(x *model.Defense) model.DefenseID { return x.ID }),
		technologies: positions(es.Technologies, func(x *model.Technology) model.TechnologyID { return x.ID }),
	}
}

func positions[T any, ID comparable](s []T, id func(*T) ID) map[ID]int {
	m := make(map[ID]int, len(s))
	for i := range s {
		if _, dup := m[id(&s[i])]; !dup {
			m[id(&s[i])] = i
		}
	}
	return m
}

// All yields every entity of es as a [model.Entity], kind by kind in [model.Kinds]
// order and, within a kind, in slice order. The values share their slices with es.
func (es Entities) All() iter.Seq[model.Entity] {
	return func(yield func(model.Entity) bool) {
		_ = yieldAll(es.Incidents, yield) && yieldAll(es.Actors, yield) &&
			yieldAll(es.Techniques, yield) && yieldAll(es.Tools, yield) &&
			yieldAll(es.Defenses, yield) && yieldAll(es.Technologies, yield)
	}
}

func yieldAll[T model.Entity](s []T, yield func(model.Entity) bool) bool {
	for _, x := range s {
		if !yield(x) {
			return false
		}
	}
	return true
}

// All yields a copy of every entity as a [model.Entity], kind by kind in [model.Kinds]
// order and, within a kind, in ascending ID order.
func (d *Dataset) All() iter.Seq[model.Entity] {
	return func(yield func(model.Entity) bool) {
		for _, k := range model.Kinds() {
			var more bool
			switch k {
			case model.KindIncident:
				more = yieldCopies(d.es.Incidents, model.Incident.Clone, yield)
			case model.KindActor:
				more = yieldCopies(d.es.Actors, model.Actor.Clone, yield)
			case model.KindTechnique:
				more = yieldCopies(d.es.Techniques, model.Technique.Clone, yield)
			case model.KindTool:
				more = yieldCopies(d.es.Tools, model.Tool.Clone, yield)
			case model.KindDefense:
				more = yieldCopies(d.es.Defenses, model.Defense.Clone, yield)
			case model.KindTechnology:
				more = yieldCopies(d.es.Technologies, model.Technology.Clone, yield)
			}
			if !more {
				return
			}
		}
	}
}

func yieldCopies[T model.Entity](s []T, clone func(T) T, yield func(model.Entity) bool) bool {
	for _, x := range s {
		if !yield(clone(x)) {
			return false
		}
	}
	return true
}

// Entities returns a deep copy of every entity, each kind in ascending ID order.
func (d *Dataset) Entities() Entities { return d.es.Clone() }

// Counts reports how many entities of each kind a dataset holds.
type Counts struct {
	Incidents, Actors, Techniques, Tools, Defenses, Technologies int
}

// Total returns the number of entities of every kind.
func (c Counts) Total() int {
	return c.Incidents + c.Actors + c.Techniques + c.Tools + c.Defenses + c.Technologies
}

// Counts reports how many entities of each kind d holds.
func (d *Dataset) Counts() Counts {
	return Counts{len(d.es.Incidents), len(d.es.Actors), len(d.es.Techniques), len(d.es.Tools), len(d.es.Defenses), len(d.es.Technologies)}
}

// Incident returns a copy of the incident with the given ID.
func (d *Dataset) Incident(id model.IncidentID) (model.Incident, bool) {
	return get(d.es.Incidents, d.ix.incidents, id, model.Incident.Clone)
}

// Actor returns a copy of the actor with the given ID.
func (d *Dataset) Actor(id model.ActorID) (model.Actor, bool) {
	return get(d.es.Actors, d.ix.actors, id, model.Actor.Clone)
}

// Technique returns a copy of the technique with the given ID.
func (d *Dataset) Technique(id model.TechniqueID) (model.Technique, bool) {
	return get(d.es.Techniques, d.ix.techniques, id, model.Technique.Clone)
}

// Tool returns a copy of the tool with the given ID.
func (d *Dataset) Tool(id model.ToolID) (model.Tool, bool) {
	return get(d.es.Tools, d.ix.tools, id, model.Tool.Clone)
}

// Defense returns a copy of the defense with the given ID.
func (d *Dataset) Defense(id model.DefenseID) (model.Defense, bool) {
	return get(d.es.Defenses, d.ix.defenses, id, model.Defense.Clone)
}

// Technology returns a copy of the technology with the given ID.
func (d *Dataset) Technology(id model.TechnologyID) (model.Technology, bool) {
	return get(d.es.Technologies, d.ix.technologies, id, model.Technology.Clone)
}

// Entity returns a copy of the entity that ref names, as one of the six entity types.
func (d *Dataset) Entity(ref model.Ref) (model.Entity, bool) {
	var (
		e  model.Entity
		ok bool
	)
	switch ref.Kind {
	case model.KindIncident:
		e, ok = d.Incident(model.IncidentID(ref.ID))
	case model.KindActor:
		e, ok = d.Actor(model.ActorID(ref.ID))
	case model.KindTechnique:
		e, ok = d.Technique(model.TechniqueID(ref.ID))
	case model.KindTool:
		e, ok = d.Tool(model.ToolID(ref.ID))
	case model.KindDefense:
		e, ok = d.Defense(model.DefenseID(ref.ID))
	case model.KindTechnology:
		e, ok = d.Technology(model.TechnologyID(ref.ID))
	}
	if !ok {
		return nil, false
	}
	return e, true
}

func get[T any, ID comparable](s []T, m map[ID]int, id ID, clone func(T) T) (T, bool) {
	i, ok := m[id]
	if !ok {
		var zero T
		return zero, false
	}
	return clone(s[i]), true
}

// Incidents yields a copy of every incident, in ascending ID order.
func (d *Dataset) Incidents() iter.Seq[model.Incident] {
	return all(d.es.Incidents, model.Incident.Clone)
}

// Actors yields a copy of every actor, in ascending ID order.
func (d *Dataset) Actors() iter.Seq[model.Actor] { return all(d.es.Actors, model.Actor.Clone) }

// Techniques yields a copy of every technique, in ascending ID order.
func (d *Dataset) Techniques() iter.Seq[model.Technique] {
	return all(d.es.Techniques, model.Technique.Clone)
}

// Tools yields a copy of every tool, in ascending ID order.
func (d *Dataset) Tools() iter.Seq[model.Tool] { return all(d.es.Tools, model.Tool.Clone) }

// Defenses yields a copy of every defense, in ascending ID order.
func (d *Dataset) Defenses() iter.Seq[model.Defense] { return all(d.es.Defenses, model.Defense.Clone) }

// Technologies yields a copy of every technology, in ascending ID order.
func (d *Dataset) Technologies() iter.Seq[model.Technology] {
	return all(d.es.Technologies, model.Technology.Clone)
}

func all[T any](s []T, clone func(T) T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range s {
			if !yield(clone(x)) {
				return
			}
		}
	}
}

// IncidentsByActor yields the IDs of the incidents attributed to an actor, ascending.
func (d *Dataset) IncidentsByActor(id model.ActorID) iter.Seq[model.IncidentID] {
	return slices.Values(d.ix.incidentsByActor[id])
}

// IncidentsByTechnique yields the IDs of the incidents that used a technique, ascending.
func (d *Dataset) IncidentsByTechnique(id model.TechniqueID) iter.Seq[model.IncidentID] {
	return slices.Values(d.ix.incidentsByTechnique[id])
}

// IncidentsByTool yields the IDs of the incidents that used a tool, ascending.
func (d *Dataset) IncidentsByTool(id model.ToolID) iter.Seq[model.IncidentID] {
	return slices.Values(d.ix.incidentsByTool[id])
}

// IncidentsByTechnology yields the IDs of the incidents that targeted a technology,
// ascending.
func (d *Dataset) IncidentsByTechnology(id model.TechnologyID) iter.Seq[model.IncidentID] {
	return slices.Values(d.ix.incidentsByTechnology[id])
}

// DefensesByTechnique yields the IDs of the defenses that mitigate a technique, ascending.
func (d *Dataset) DefensesByTechnique(id model.TechniqueID) iter.Seq[model.DefenseID] {
	return slices.Values(d.ix.defensesByTechnique[id])
}

// DefensesByTechnology yields the IDs of the defenses that apply to a technology,
// ascending.
func (d *Dataset) DefensesByTechnology(id model.TechnologyID) iter.Seq[model.DefenseID] {
	return slices.Values(d.ix.defensesByTechnology[id])
}
