package query

import (
	"encoding/json"

	"github.com/cloudthreats/threatlandscape/model"
)

// Stats counts incidents by year of disclosure and by category, with year-over-year
// trends. [Index.Stats] computes it.
//
// An incident counts once in every category value it holds: an incident with two
// impacts counts once for each, and one attributed to two actors of the same type counts
// once for that type. Incidents attributed to no actor count in no actor type.
type Stats struct {
	// Incidents is the number of incidents counted.
	Incidents int `json:"incidents"`
	// Years runs, ascending and without gaps, from the earliest year of disclosure to the
	// latest; every PerYear slice below is aligned with it. Incidents without
	// a disclosure date count in totals but in no year.
	Years []int `json:"years"`
	// PerYear counts the incidents disclosed each year, aligned with Years.
	PerYear       []int                         `json:"per_year"`
	InitialAccess []Series[model.InitialAccess] `json:"initial_access"`
	Impact        []Series[model.Impact]        `json:"impact"`
	ActorTypes    []Series[model.ActorType]     `json:"actor_types"`
	Techniques    []Series[model.TechniqueID]   `json:"techniques"`
	Tools         []Series[model.ToolID]        `json:"tools"`
	Technologies  []Series[model.TechnologyID]  `json:"technologies"`
}

// change returns the change of a count from each year to the next (see [Series.Change]).
func change(perYear []int) []int {
	if perYear == nil {
		return nil
	}
	out := make([]int, len(perYear))
	for i := 1; i < len(perYear); i++ {
		out[i] = perYear[i] - perYear[i-1]
	}
	return out
}

// Change returns the year-over-year change of the number of incidents disclosed:
// Change()[i] is PerYear[i] - PerYear[i-1], and Change()[0] is 0, for want of a year
// before.
func (st Stats) Change() []int { return change(st.PerYear) }

// MarshalJSON encodes st with its fields and "change" (see [Stats.Change]).
func (st Stats) MarshalJSON() ([]byte, error) {
	type plain Stats
	return json.Marshal(struct {
		plain
		Change []int `json:"change"`
	}{plain(st), st.Change()})
}

// A Series is the count of one category value: an initial access vector, an impact, an
// actor type, or the ID of a technique, tool or technology. Within a Stats field, series
// come by descending Total, ties in vocabulary order for vocabularies and by ascending
// ID for entities; values that no counted incident holds are left out.
type Series[K comparable] struct {
	Key   K   `json:"key"`
	Total int `json:"total"`
	// PerYear counts the incidents per year, aligned with [Stats.Years].
	PerYear []int `json:"per_year"`
}

// Change returns the year-over-year change of the count: Change()[i] is PerYear[i] -
// PerYear[i-1], and Change()[0] is 0, for want of a year before.
func (s Series[K]) Change() []int { return change(s.PerYear) }

// MarshalJSON encodes s with its fields and "change" (see [Series.Change]):
//
//	{"key": "extortion", "total": 8, "per_year": [1, 4, 3], "change": [0, 3, -1]}
func (s Series[K]) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Key     K     `json:"key"`
		Total   int   `json:"total"`
		PerYear []int `json:"per_year"`
		Change  []int `json:"change"`
	}{s.Key, s.Total, s.PerYear, s.Change()})
}

// StatsOptions shape [Index.Stats]. The zero value counts every value of every category.
type StatsOptions struct {
	// Top keeps, in every category, only the Top series with the highest totals (ties
	// broken as always); 0 or less keeps them all. Incidents, Years and PerYear are not
	// affected.
	Top int
}

// Stats counts the incidents that pass f (every incident for the zero filter).
//
// Its cost is linear in the number of incidents counted and the number of values they
// hold, plus the size of the result: one count per series and year. Over a large
// dataset, StatsOptions.Top keeps the result, and so the cost, small.
func (ix *Index) Stats(f IncidentFilter, opts StatsOptions) Stats {
	sc := ix.statsScratch.Get().(*statsScratch)
	defer ix.statsScratch.Put(sc)
	sc.ranks = sc.ranks[:0]
	ix.ranks(ix.compile(f), func(r int) bool { sc.ranks = append(sc.ranks, int32(r)); return true })
	ranks := sc.ranks

	st := Stats{Incidents: len(ranks)}
	first, last := 0, -1
	for _, r := range ranks {
		if y := int(ix.inc.year[r]); y != 0 {
			if last < first {
				first, last = y, y
			}
			first, last = min(first, y), max(last, y)
		}
	}
	for y := first; y <= last; y++ {
		st.Years = append(st.Years, y)
	}
	c := counter{ix: ix, sc: sc, ranks: ranks, all: len(ranks) == len(ix.inc.id), first: first, years: len(st.Years), top: opts.Top}
	if !c.all {
		clear(sc.member)
		for _, r := range ranks {
			sc.member[r/64] |= 1 << (r % 64)
		}
	}
	if c.years > 0 {
		st.PerYear = make([]int, c.years)
		for _, r := range ranks {
			if y := c.year(r); y >= 0 {
				st.PerYear[y]++
			}
		}
	}
	st.InitialAccess = series(c, len(accessOrd), fieldAccess, vocabKey(model.InitialAccessValues()))
	st.Impact = series(c, len(impactOrd), fieldImpact, vocabKey(model.ImpactValues()))
	st.ActorTypes = series(c, len(actorTypeOrd), fieldActorType, vocabKey(model.ActorTypeValues()))
	st.Techniques = series(c, len(ix.es.Techniques), fieldTechnique,
		func(o int32) model.TechniqueID { return ix.es.Techniques[o].ID })
	st.Tools = series(c, len(ix.es.Tools), fieldTool,
		func(o int32) model.ToolID { return ix.es.Tools[o].ID })
	st.Technologies = series(c, len(ix.es.Technologies), fieldTechnology,
		func(o int32) model.TechnologyID { return ix.es.Technologies[o].ID })
	return st
}

// statsScratch is the working memory of one Stats call, reused between calls so that
// a call allocates little beyond its result.
type statsScratch struct {
	ranks   []int32
	member  []uint64 // bit r is set when the incident of rank r is counted
	totals  []int    // per value ordinal
	buckets []int    // per total: where the values of that total go
	ords    []int32
	slot    []int32 // per value ordinal: position in the result, or -1
}

func newStatsScratch(ix *Index) *statsScratch {
	n := max(len(accessOrd), len(impactOrd), len(actorTypeOrd), len(ix.es.Techniques), len(ix.es.Tools), len(ix.es.Technologies))
	sc := &statsScratch{
		member:  make([]uint64, len(ix.inc.id)/64+1),
		totals:  make([]int, n),
		buckets: make([]int, len(ix.inc.id)+2),
		ords:    make([]int32, n),
		slot:    make([]int32, n),
	}
	for i := range sc.slot {
		sc.slot[i] = -1
	}
	return sc
}

// counter is what every category of one Stats call shares.
type counter struct {
	ix    *Index
	sc    *statsScratch
	ranks []int32
	all   bool // every incident is counted
	first int  // the first year
	years int  // the number of years
	top   int
}

// year returns the index of the year of the incident of rank r in Stats.Years, or -1.
func (c *counter) year(r int32) int {
	if y := int(c.ix.inc.year[r]); y != 0 {
		return y - c.first
	}
	return -1
}

func (c *counter) counted(r int32) bool {
	return c.all || c.sc.member[r/64]&(1<<(r%64)) != 0
}

func vocabKey[K any](values []K) func(int32) K {
	return func(o int32) K { return values[o] }
}

// series counts, over the incidents of c, the values of column col, in total and per
// year, and returns the series of the values seen, best first.
func series[K comparable](c counter, nvals int, col field, key func(int32) K) []Series[K] {
	sc, vals := c.sc, &c.ix.inc.vals[col]
	totals := sc.totals[:nvals]
	clear(totals)
	for _, r := range c.ranks {
		for _, v := range vals.at(r) {
			totals[v]++
		}
	}
	// Order the values seen by descending total, then ascending ordinal (which is
	// vocabulary or ID order), with a counting sort: totals are at most len(ranks).
	buckets := sc.buckets[:len(c.ranks)+2]
	clear(buckets)
	seen := 0
	for _, n := range totals {
		if n > 0 {
			buckets[n]++
			seen++
		}
	}
	if seen == 0 {
		return nil
	}
	at := 0
	for n := len(buckets) - 1; n > 0; n-- {
		at, buckets[n] = at+buckets[n], at
	}
	ords := sc.ords[:seen]
	for o, n := range totals {
		if n > 0 {
			ords[buckets[n]] = int32(o)
			buckets[n]++
		}
	}
	if c.top > 0 && c.top < len(ords) {
		ords = ords[:c.top]
	}

	out := make([]Series[K], len(ords))
	var buf []int
	if c.years > 0 {
		buf = make([]int, len(ords)*c.years)
	}
	for i, o := range ords {
		out[i] = Series[K]{Key: key(o), Total: totals[o]}
		if c.years > 0 {
			out[i].PerYear = buf[i*c.years : (i+1)*c.years : (i+1)*c.years]
		}
	}
	if c.years == 0 {
		return out
	}
	if col < numFields {
		// Walk each kept value's posting list: every write goes to one row.
		for i, o := range ords {
			for _, r := range c.ix.postings[col][o] {
				if c.counted(r) {
					if y := c.year(r); y >= 0 {
						out[i].PerYear[y]++
					}
				}
			}
		}
		return out
	}
	slot := sc.slot[:nvals]
	for i, o := range ords {
		slot[o] = int32(i)
	}
	for _, r := range c.ranks {
		if y := c.year(r); y >= 0 {
			for _, v := range vals.at(r) {
				if i := slot[v]; i >= 0 {
					out[i].PerYear[y]++
				}
			}
		}
	}
	for _, o := range ords {
		slot[o] = -1
	}
	return out
}
