package query

import (
	"cmp"
	"slices"

	"github.com/cloudthreats/threatlandscape/model"
)

// A Relation is the type of a link between two entities. Links run from incidents and
// defenses, which hold them in the dataset, to the entities they name.
type Relation string

// The relations of the dataset, named as in STIX 2.1 where STIX has a name.
const (
	RelationAttributedTo Relation = "attributed-to" // an incident to an actor
	RelationUses         Relation = "uses"          // an incident to a technique or a tool
	RelationTargets      Relation = "targets"       // an incident to a technology
	RelationMitigates    Relation = "mitigates"     // a defense to a technique
	RelationAppliesTo    Relation = "applies-to"    // a defense to a technology
)

// A Link is one link between the entity asked about and another entity, Ref.
type Link struct {
	Relation Relation `json:"relation"`
	// Incoming reports that the link runs from Ref to the entity asked about, as
	// "incident/x uses technique/y" does when technique/y is asked about.
	Incoming bool      `json:"incoming,omitempty"`
	Ref      model.Ref `json:"ref"`
}

// String returns "uses technique/y" for an outgoing link and "incident/x uses" for an
// incoming one.
func (l Link) String() string {
	if l.Incoming {
		return l.Ref.String() + " " + string(l.Relation)
	}
	return string(l.Relation) + " " + l.Ref.String()
}

// Links returns every link of the entity that ref names, in both directions: for an
// incident its actors, techniques, tools and technologies; for a defense the techniques
// it mitigates and the technologies it applies to; for an actor, a technique, a tool or
// a technology the incidents (and, for the last two, the defenses) that link to it.
// Links come in [model.Ref.Compare] order of the other entity, then by Relation, outgoing
// before incoming. Links returns nil when the dataset holds no such entity, and an empty
// slice for an entity without links.
func (ix *Index) Links(ref model.Ref) []Link {
	var out []Link
	out1 := func(rel Relation, kind model.Kind, id string) {
		out = append(out, Link{Relation: rel, Ref: model.Ref{Kind: kind, ID: id}})
	}
	in := func(rel Relation, kind model.Kind, id string) {
		out = append(out, Link{Relation: rel, Incoming: true, Ref: model.Ref{Kind: kind, ID: id}})
	}
	incoming := func(ranks []int32, rel Relation) {
		for _, r := range ranks {
			in(rel, model.KindIncident, string(ix.inc.id[r]))
		}
	}
	defenses := func(ords []int32, rel Relation) {
		for _, d := range ords {
			in(rel, model.KindDefense, string(ix.es.Defenses[d].ID))
		}
	}
	switch ref.Kind {
	case model.KindIncident:
		r, ok := ix.rank[model.IncidentID(ref.ID)]
		if !ok {
			return nil
		}
		x := &ix.es.Incidents[ix.inc.pos[r]]
		for _, id := range x.Actors {
			out1(RelationAttributedTo, model.KindActor, string(id))
		}
		for _, id := range x.Techniques {
			out1(RelationUses, model.KindTechnique, string(id))
		}
		for _, id := range x.Tools {
			out1(RelationUses, model.KindTool, string(id))
		}
		for _, id := range x.Technologies {
			out1(RelationTargets, model.KindTechnology, string(id))
		}
	case model.KindDefense:
		o, ok := ix.defenseOrd[model.DefenseID(ref.ID)]
		if !ok {
			return nil
		}
		x := &ix.es.Defenses[o]
		for _, id := range x.Mitigates {
			out1(RelationMitigates, model.KindTechnique, string(id))
		}
		for _, id := range x.AppliesTo {
			out1(RelationAppliesTo, model.KindTechnology, string(id))
		}
	case model.KindActor:
		o, ok := ix.actorOrd[model.ActorID(ref.ID)]
		if !ok {
			return nil
		}
		incoming(ix.postings[fieldActor][o], RelationAttributedTo)
	case model.KindTechnique:
		o, ok := ix.techniqueOrd[model.TechniqueID(ref.ID)]
		if !ok {
			return nil
		}
		incoming(ix.postings[fieldTechnique][o], RelationUses)
		defenses(ix.defensesByTechnique[o], RelationMitigates)
	case model.KindTool:
		o, ok := ix.toolOrd[model.ToolID(ref.ID)]
		if !ok {
			return nil
		}
		incoming(ix.postings[fieldTool][o], RelationUses)
	case model.KindTechnology:
		o, ok := ix.technologyOrd[model.TechnologyID(ref.ID)]
		if !ok {
			return nil
		}
		incoming(ix.postings[fieldTechnology][o], RelationTargets)
		defenses(ix.defensesByTechnology[o], RelationAppliesTo)
	default:
		return nil
	}
	slices.SortFunc(out, func(a, b Link) int {
		if c := a.Ref.Compare(b.Ref); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Relation, b.Relation); c != 0 {
			return c
		}
		switch {
		case a.Incoming == b.Incoming:
			return 0
		case b.Incoming:
			return -1
		}
		return 1
	})
	out = slices.Compact(out)
	if out == nil {
		out = []Link{}
	}
	return out
}

// A Tally is a key with the number of times it was seen.
type Tally[K comparable] struct {
	Key   K   `json:"key"`
	Count int `json:"count"`
}

// TechniquesUsedBy returns the techniques used in the incidents attributed to an actor,
// each with the number of those incidents that used it, by descending count and then
// ascending ID. It returns nil when there are none, as for an unknown actor.
func (ix *Index) TechniquesUsedBy(actor model.ActorID) []Tally[model.TechniqueID] {
	return tally(ix, ix.actorIncidents(actor), fieldTechnique, ix.es.Techniques,
		func(x *model.Technique) model.TechniqueID { return x.ID })
}

// ToolsUsedBy returns the tools used in the incidents attributed to an actor, counted and
// ordered as by [Index.TechniquesUsedBy].
func (ix *Index) ToolsUsedBy(actor model.ActorID) []Tally[model.ToolID] {
	return tally(ix, ix.actorIncidents(actor), fieldTool, ix.es.Tools,
		func(x *model.Tool) model.ToolID { return x.ID })
}

// TechnologiesTargetedBy returns the technologies targeted in the incidents attributed to
// an actor, counted and ordered as by [Index.TechniquesUsedBy].
func (ix *Index) TechnologiesTargetedBy(actor model.ActorID) []Tally[model.TechnologyID] {
	return tally(ix, ix.actorIncidents(actor), fieldTechnology, ix.es.Technologies,
		func(x *model.Technology) model.TechnologyID { return x.ID })
}

func (ix *Index) actorIncidents(actor model.ActorID) []int32 {
	o, ok := ix.actorOrd[actor]
	if !ok {
		return nil
	}
	return ix.postings[fieldActor][o]
}

// tally counts the values of field fd over the incidents of the given ranks.
func tally[T any, K comparable](ix *Index, ranks []int32, fd field, entities []T, key func(*T) K) []Tally[K] {
	if len(ranks) == 0 {
		return nil
	}
	counts := make([]int, len(ix.postings[fd]))
	for _, r := range ranks {
		for _, v := range ix.inc.vals[fd].at(r) {
			counts[v]++
		}
	}
	ords := byCountThenID(counts)
	if len(ords) == 0 {
		return nil
	}
	out := make([]Tally[K], len(ords))
	for i, o := range ords {
		out[i] = Tally[K]{key(&entities[o]), counts[o]}
	}
	return out
}

// A DefenseScore is a defense ranked by how much of some activity it would have
// mitigated: of a set of incidents, the "scope".
type DefenseScore struct {
	ID model.DefenseID `json:"id"`
	// Incidents is the number of incidents in scope that used at least one technique the
	// defense mitigates. It is the score.
	Incidents int `json:"incidents"`
	// Techniques are the techniques used in scope that the defense mitigates, ascending.
	Techniques []model.TechniqueID `json:"techniques"`
}

// DefensesFor ranks the defenses that mitigate at least one technique used in the
// incidents that pass f: by descending [DefenseScore.Incidents], then by the number of
// techniques covered, descending, then by ascending ID. The zero filter ranks the
// defenses against every incident.
func (ix *Index) DefensesFor(f IncidentFilter) []DefenseScore {
	return ix.rankDefenses(ix.matching(f))
}

// DefensesForIncident ranks the defenses that mitigate the techniques of one incident,
// ordered as by [Index.DefensesFor] (so by the number of its techniques each covers).
// It returns nil for an unknown incident.
func (ix *Index) DefensesForIncident(id model.IncidentID) []DefenseScore {
	r, ok := ix.rank[id]
	if !ok {
		return nil
	}
	return ix.rankDefenses([]int32{r})
}

// DefensesForActor ranks the defenses that mitigate the techniques used in the incidents
// attributed to an actor, ordered as by [Index.DefensesFor]. It returns nil for an
// unknown actor or one without incidents.
func (ix *Index) DefensesForActor(id model.ActorID) []DefenseScore {
	return ix.rankDefenses(ix.actorIncidents(id))
}

func (ix *Index) rankDefenses(ranks []int32) []DefenseScore {
	if len(ranks) == 0 {
		return nil
	}
	incidents := make([]int, len(ix.es.Defenses))
	last := make([]int32, len(ix.es.Defenses)) // the last rank counted, plus one
	used := make([]bool, len(ix.es.Techniques))
	for _, r := range ranks {
		for _, t := range ix.inc.vals[fieldTechnique].at(r) {
			used[t] = true
			for _, d := range ix.defensesByTechnique[t] {
				if last[d] != r+1 {
					last[d] = r + 1
					incidents[d]++
				}
			}
		}
	}
	var out []DefenseScore
	for d, n := range incidents {
		if n == 0 {
			continue
		}
		s := DefenseScore{ID: ix.es.Defenses[d].ID, Incidents: n}
		for _, t := range ix.defenseTechniques[d] {
			if used[t] {
				s.Techniques = append(s.Techniques, ix.es.Techniques[t].ID)
			}
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b DefenseScore) int {
		if c := cmp.Compare(b.Incidents, a.Incidents); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.Techniques), len(a.Techniques)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

// A StackReport says what in the landscape matters for a set of technologies: a "stack".
type StackReport struct {
	// Technologies are the stack's technologies that the dataset holds, ascending.
	Technologies []model.TechnologyID `json:"technologies"`
	// Unknown are the IDs asked about that the dataset does not hold, in the order given.
	Unknown []model.TechnologyID `json:"unknown,omitempty"`
	// Incidents are the incidents that targeted any of the stack's technologies, in the
	// order of [Index.IncidentIDs].
	Incidents []model.IncidentID `json:"incidents"`
	// Techniques are the techniques used in those incidents, each with the number of them
	// that used it, by descending count and then ascending ID.
	Techniques []Tally[model.TechniqueID] `json:"techniques"`
	// Defenses rank the defenses by how many of those incidents they would have
	// mitigated, as [Index.DefensesFor] does.
	Defenses []DefenseScore `json:"defenses"`
}

// Stack reports the incidents, techniques and defenses that matter for a set of
// technologies: the incidents that targeted any of them, the techniques seen in those
// incidents, and the defenses ranked by the number of those incidents that used at least
// one technique the defense mitigates (ties by the number of techniques covered, then
// by ID).
//
// A defense written for particular products (a non-empty applies_to) is kept only when
// it applies to at least one technology of the stack: GuardDuty does not protect a
// stack of Google Cloud services, however many of its techniques it would catch on AWS.
// Defenses with no applies_to are product-neutral and always kept.
func (ix *Index) Stack(technologies []model.TechnologyID) StackReport {
	var rep StackReport
	for _, id := range technologies {
		if _, ok := ix.technologyOrd[id]; ok {
			rep.Technologies = append(rep.Technologies, id)
		} else if !slices.Contains(rep.Unknown, id) {
			rep.Unknown = append(rep.Unknown, id)
		}
	}
	slices.Sort(rep.Technologies)
	rep.Technologies = slices.Compact(rep.Technologies)
	if len(rep.Technologies) == 0 {
		return rep
	}
	ranks := ix.matching(IncidentFilter{Technologies: rep.Technologies})
	rep.Incidents = ix.incidentIDs(ranks)
	rep.Techniques = tally(ix, ranks, fieldTechnique, ix.es.Techniques,
		func(x *model.Technique) model.TechniqueID { return x.ID })
	rep.Defenses = slices.DeleteFunc(ix.rankDefenses(ranks), func(s DefenseScore) bool {
		d := ix.es.Defenses[ix.defenseOrd[s.ID]]
		return len(d.AppliesTo) > 0 && !slices.ContainsFunc(d.AppliesTo, func(t model.TechnologyID) bool {
			_, in := slices.BinarySearch(rep.Technologies, t)
			return in
		})
	})
	return rep
}
