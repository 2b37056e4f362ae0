package query

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

// An Index answers questions about one [dataset.Dataset] fast: filters, graph questions,
// statistics and search. [NewIndex] builds it once; every method after that only reads
// it.
//
// An Index is immutable and safe for concurrent use. It holds its own deep copy of the
// dataset's entities, so it never changes, whatever callers do with what a Dataset or an
// Index gave them. Methods that return slices return fresh ones that the caller owns and
// may change. Methods named ...IDs yield IDs, which are strings and so cannot be used to
// change anything; the methods that yield entities yield deep copies.
//
// The zero Index is not usable; build one with [NewIndex].
type Index struct {
	d  *dataset.Dataset
	es dataset.Entities // private deep copy, each kind in ascending ID order

	// Ordinals: the position of each entity in es.
	actorOrd      map[model.ActorID]int32
	techniqueOrd  map[model.TechniqueID]int32
	toolOrd       map[model.ToolID]int32
	defenseOrd    map[model.DefenseID]int32
	technologyOrd map[model.TechnologyID]int32

	// Incidents in result order (see [Index.IncidentIDs]), and the rank of each ID.
	inc  incidentTable
	rank map[model.IncidentID]int32

	// postings[f][v] lists, ascending, the ranks of the incidents whose field f holds the
	// value of ordinal v.
	postings [numFields][][]int32

	defensesByTechnique  [][]int32 // technique ordinal -> defense ordinals, ascending
	defensesByTechnology [][]int32 // technology ordinal -> defense ordinals, ascending
	defenseTechniques    [][]int32 // defense ordinal -> technique ordinals, ascending

	searchOnce   sync.Once
	search       *searchIndex // built on first use by searchIndex
	statsScratch sync.Pool    // *statsScratch
}

// incidentTable holds the incidents in result order, column by column, so that a pass
// over many incidents reads memory in order: row r is the incident of rank r.
type incidentTable struct {
	id  []model.IncidentID
	pos []int32 // position in es.Incidents
	// start and end bound the span of Disclosed as day keys (see dayKey); both are 0
	// when Disclosed is the zero Date.
	start, end []int32
	year       []int32    // of Disclosed; 0 when unknown
	text       [][]string // name, aliases, summary and description, lowercased
	sig        []uint64   // the text signatures (see textsig.go), sigWords per row
	vals       [numColumns]column
}

// A column holds a list of value ordinals, ascending and without duplicates, per row.
type column struct {
	off  []int32 // row r's values are data[off[r]:off[r+1]]
	data []int32
}

func (c *column) at(r int32) []int32 { return c.data[c.off[r]:c.off[r+1]] }

func (c *column) add(vs []int32) {
	if c.off == nil {
		c.off = []int32{0}
	}
	c.data = append(c.data, vs...)
	c.off = append(c.off, int32(len(c.data)))
}

// A field is one filterable property of an incident.
type field int

const (
	fieldActor field = iota
	fieldTechnique
	fieldTool
	fieldTechnology
	fieldAccess
	fieldImpact
	fieldType
	fieldSector
	numFields // the filterable fields come before

	fieldActorType = numFields // the types of the incident's actors, for Stats
	numColumns     = numFields + 1
)

// Vocabulary ordinals: the position of each value in its vocabulary.
var (
	accessOrd    = vocabOrd(model.InitialAccessValues())
	impactOrd    = vocabOrd(model.ImpactValues())
	typeOrd      = vocabOrd(model.IncidentTypeValues())
	sectorOrd    = vocabOrd(model.SectorValues())
	actorTypeOrd = vocabOrd(model.ActorTypeValues())
)

func vocabOrd[T comparable](values []T) map[T]int32 {
	m := make(map[T]int32, len(values))
	for i, v := range values {
		m[v] = int32(i)
	}
	return m
}

// NewIndex builds an Index over d. It takes one deep copy of d's entities; its cost is
// linear in the size of the dataset. The full-text index that [Index.Search] needs is
// built on the first search, so that a program that never searches does not pay for
// it. A nil d gives an empty Index.
func NewIndex(d *dataset.Dataset) *Index {
	if d == nil {
		d = &dataset.Dataset{}
	}
	ix := &Index{d: d, es: d.Entities()}
	es := &ix.es
	ix.actorOrd = ordinals(es.Actors, func(x *model.Actor) model.ActorID { return x.ID })
	ix.techniqueOrd = ordinals(es.Techniques, func(x *model.Technique) model.TechniqueID { return x.ID })
	ix.toolOrd = ordinals(es.Tools, func(x *model.Tool) model.ToolID { return x.ID })
	ix.defenseOrd = ordinals(es.Defenses, func(x *model.Defense) model.DefenseID { return x.ID })
	ix.technologyOrd = ordinals(es.Technologies, func(x *model.Technology) model.TechnologyID { return x.ID })

	// Result order: newest disclosed first, then ascending ID. es.Incidents is in ID
	// order, so a stable sort by date alone gives it.
	order := make([]int32, len(es.Incidents))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return es.Incidents[b].Disclosed.Compare(es.Incidents[a].Disclosed)
	})
	n := len(order)
	inc := &ix.inc
	inc.id = make([]model.IncidentID, n)
	inc.pos = make([]int32, n)
	inc.start, inc.end, inc.year = make([]int32, n), make([]int32, n), make([]int32, n)
	inc.text = make([][]string, n)
	inc.sig = make([]uint64, n*sigWords)
	ix.rank = make(map[model.IncidentID]int32, n)
	sizes := [numFields]int{len(es.Actors), len(es.Techniques), len(es.Tools), len(es.Technologies),
		len(accessOrd), len(impactOrd), len(typeOrd), len(sectorOrd)}
	for f := range numFields {
		ix.postings[f] = make([][]int32, sizes[f])
	}
	for r, pos := range order {
		x := &es.Incidents[pos]
		inc.pos[r], inc.id[r] = pos, x.ID
		ix.rank[x.ID] = int32(r)
		var vals [numColumns][]int32
		vals[fieldActor] = lookupAll(x.Actors, ix.actorOrd)
		vals[fieldTechnique] = lookupAll(x.Techniques, ix.techniqueOrd)
		vals[fieldTool] = lookupAll(x.Tools, ix.toolOrd)
		vals[fieldTechnology] = lookupAll(x.Technologies, ix.technologyOrd)
		vals[fieldAccess] = lookupAll(x.InitialAccess, accessOrd)
		vals[fieldImpact] = lookupAll(x.Impact, impactOrd)
		vals[fieldType] = lookupAll([]model.IncidentType{x.Type}, typeOrd)
		vals[fieldSector] = lookupAll(sectors(x), sectorOrd)
		var types []model.ActorType
		for _, a := range vals[fieldActor] {
			types = append(types, es.Actors[a].Type)
		}
		vals[fieldActorType] = lookupAll(types, actorTypeOrd)
		for c := range vals {
			inc.vals[c].add(vals[c])
		}
		for f := range numFields {
			for _, v := range vals[f] {
				ix.postings[f][v] = append(ix.postings[f][v], int32(r))
			}
		}
		inc.start[r], inc.end[r] = span(x.Disclosed)
		inc.year[r] = int32(x.Disclosed.Year())
		inc.text[r] = searchableText(x.Entry)
		addSignature(inc.sig[r*sigWords:(r+1)*sigWords], inc.text[r])
	}

	ix.defensesByTechnique = make([][]int32, len(es.Techniques))
	ix.defensesByTechnology = make([][]int32, len(es.Technologies))
	ix.defenseTechniques = make([][]int32, len(es.Defenses))
	for i, x := range es.Defenses { // in ID order, so every list is ascending
		ts := lookupAll(x.Mitigates, ix.techniqueOrd)
		ix.defenseTechniques[i] = ts
		for _, t := range ts {
			ix.defensesByTechnique[t] = append(ix.defensesByTechnique[t], int32(i))
		}
		for _, t := range lookupAll(x.AppliesTo, ix.technologyOrd) {
			ix.defensesByTechnology[t] = append(ix.defensesByTechnology[t], int32(i))
		}
	}
	ix.statsScratch.New = func() any { return newStatsScratch(ix) }
	return ix
}

func ordinals[T any, ID comparable](s []T, id func(*T) ID) map[ID]int32 {
	m := make(map[ID]int32, len(s))
	for i := range s {
		m[id(&s[i])] = int32(i)
	}
	return m
}

// lookupAll maps keys to their ordinals, ascending and without duplicates; keys that m
// does not hold are dropped.
func lookupAll[K comparable](keys []K, m map[K]int32) []int32 {
	if len(keys) == 0 {
		return nil
	}
	out := make([]int32, 0, len(keys))
	for _, k := range keys {
		if v, ok := m[k]; ok {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sectors returns the sectors of an incident's victims, in victim order; victims without
// a sector are skipped.
func sectors(x *model.Incident) []model.Sector {
	var out []model.Sector
	for _, v := range x.Victims {
		if v.Sector != "" {
			out = append(out, v.Sector)
		}
	}
	return out
}

// searchableText returns the fields that the Text filter looks in, lowercased.
func searchableText(e model.Entry) []string {
	out := make([]string, 0, 3+len(e.Aliases))
	out = append(out, strings.ToLower(e.Name))
	for _, a := range e.Aliases {
		out = append(out, strings.ToLower(a.Name))
	}
	return append(out, strings.ToLower(e.Summary), strings.ToLower(e.Description))
}

// dayKey encodes a day as yyyymmdd, an integer that orders as the days do.
func dayKey(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(y*10000 + int(m)*100 + d)
}

// span returns the day keys of the first day of d and of the first day after it, or
// zeros for the zero Date.
func span(d model.Date) (start, end int32) {
	if d.IsZero() {
		return 0, 0
	}
	return dayKey(d.Start()), dayKey(d.End())
}

// searchIndex returns the full-text index, building it on first use.
func (ix *Index) searchIndex() *searchIndex {
	ix.searchOnce.Do(func() { ix.search = buildSearch(&ix.es) })
	return ix.search
}

// Dataset returns the dataset the Index was built from.
func (ix *Index) Dataset() *dataset.Dataset { return ix.d }

// incidentIDs yields the IDs of the incidents of the given ranks.
func (ix *Index) incidentIDs(ranks []int32) []model.IncidentID {
	out := make([]model.IncidentID, len(ranks))
	for i, r := range ranks {
		out[i] = ix.inc.id[r]
	}
	return out
}

// byCountThenID orders tallies by descending count, then ascending ordinal, which is
// ascending ID.
func byCountThenID(counts []int) []int32 {
	var ords []int32
	for o, n := range counts {
		if n > 0 {
			ords = append(ords, int32(o))
		}
	}
	slices.SortFunc(ords, func(a, b int32) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return ords
}

// copies yields deep copies of the incidents whose IDs ids yields.
func (ix *Index) copies(ids iter.Seq[model.IncidentID]) iter.Seq[model.Incident] {
	return func(yield func(model.Incident) bool) {
		for id := range ids {
			if !yield(ix.es.Incidents[ix.inc.pos[ix.rank[id]]].Clone()) {
				return
			}
		}
	}
}
