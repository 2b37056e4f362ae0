package query

import (
	"iter"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/cloudthreats/threatlandscape/model"
)

// An IncidentFilter selects incidents. Its zero value matches every incident.
//
// Within a field the values are alternatives (any of them matches); across fields every
// field that is set must match. An empty or nil slice leaves its field unconstrained. A
// value the dataset does not hold (an unknown ID, a word outside a vocabulary) matches no
// incident, so a field whose every value is unknown matches nothing.
type IncidentFilter struct {
	// Actors matches incidents attributed to any of these actors.
	Actors []model.ActorID `json:"actors,omitempty"`
	// Techniques matches incidents that used any of these techniques.
	Techniques []model.TechniqueID `json:"techniques,omitempty"`
	// Tools matches incidents that used any of these tools.
	Tools []model.ToolID `json:"tools,omitempty"`
	// Technologies matches incidents that targeted any of these technologies.
	Technologies []model.TechnologyID `json:"technologies,omitempty"`
	// InitialAccess matches incidents with any of these initial access vectors.
	InitialAccess []model.InitialAccess `json:"initial_access,omitempty"`
	// Impact matches incidents with any of these impacts.
	Impact []model.Impact `json:"impact,omitempty"`
	// Types matches incidents of any of these types.
	Types []model.IncidentType `json:"types,omitempty"`
	// Sectors matches incidents with a victim in any of these sectors.
	Sectors []model.Sector `json:"sectors,omitempty"`
	// Disclosed matches incidents by their date of disclosure; see [DateRange].
	Disclosed DateRange `json:"disclosed,omitzero"`
	// Text matches incidents whose name, an alias, the summary or the description contains
	// it, ignoring case (both sides are lowercased with [strings.ToLower]). It is matched
	// as given: it is not trimmed or split into words. The empty Text matches every
	// incident; for ranked word search use [Index.Search].
	Text string `json:"text,omitempty"`
}

// A DateRange is the span of days from the first day of From to the last day of To,
// both included. A zero From leaves the range open at the start and a zero To open at
// the end; the zero DateRange matches every incident.
//
// Dates keep their precision on both sides. A date matches when its span overlaps the
// range: an incident disclosed "2023-07" (known only to the month) matches every range
// that shares at least one day with July 2023, such as From 2023-07-20, and one
// disclosed "2023" matches To 2023-01-05. Likewise From "2023-07" starts the range on
// 1 July and To "2023" ends it on 31 December. So a range never misses an incident that
// might fall inside it. An incident without a disclosure date matches only the zero
// DateRange, and a range whose From starts after its To ends matches nothing.
type DateRange struct {
	From model.Date `json:"from,omitzero"`
	To   model.Date `json:"to,omitzero"`
}

// IsZero reports whether r is the zero DateRange, which matches every incident.
func (r DateRange) IsZero() bool { return r.From.IsZero() && r.To.IsZero() }

// Contains reports whether the span of d overlaps r (see [DateRange]).
func (r DateRange) Contains(d model.Date) bool {
	if r.IsZero() {
		return true
	}
	if d.IsZero() || !r.From.IsZero() && !r.To.IsZero() && !r.From.Start().Before(r.To.End()) {
		return false
	}
	return (r.To.IsZero() || d.Start().Before(r.To.End())) &&
		(r.From.IsZero() || d.End().After(r.From.Start()))
}

// keys returns the range as day keys: a match starts before end and ends after start.
func (r DateRange) keys() (start, end int32) {
	start, end = math.MinInt32, math.MaxInt32
	if !r.From.IsZero() {
		start = dayKey(r.From.Start())
	}
	if !r.To.IsZero() {
		end = dayKey(r.To.End())
	}
	return start, end
}

// Match reports whether x passes the filter. It reads x only. It is the reference that
// [Index.IncidentIDs] agrees with, and lets a filter select from any sequence of
// incidents (see [IncidentFilter.Filter]).
func (f IncidentFilter) Match(x model.Incident) bool {
	anyOf := func(want, have []string) bool {
		if len(want) == 0 {
			return true
		}
		for _, h := range have {
			if slices.Contains(want, h) {
				return true
			}
		}
		return false
	}
	var sectors []string
	for _, v := range x.Victims {
		if v.Sector != "" {
			sectors = append(sectors, string(v.Sector))
		}
	}
	if !anyOf(strs(f.Actors), strs(x.Actors)) ||
		!anyOf(strs(f.Techniques), strs(x.Techniques)) ||
		!anyOf(strs(f.Tools), strs(x.Tools)) ||
		!anyOf(strs(f.Technologies), strs(x.Technologies)) ||
		!anyOf(strs(f.InitialAccess), strs(x.InitialAccess)) ||
		!anyOf(strs(f.Impact), strs(x.Impact)) ||
		!anyOf(strs(f.Types), []string{string(x.Type)}) ||
		!anyOf(strs(f.Sectors), sectors) ||
		!f.Disclosed.Contains(x.Disclosed) {
		return false
	}
	if f.Text == "" {
		return true
	}
	return slices.ContainsFunc(searchableText(x.Entry), func(s string) bool {
		return strings.Contains(s, strings.ToLower(f.Text))
	})
}

func strs[T ~string](s []T) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = string(v)
	}
	return out
}

// Filter yields the incidents of seq that pass the filter, in the order seq yields them.
// It works on any sequence, such as [dataset.Dataset.Incidents]; over an [Index],
// [Index.Incidents] is faster.
func (f IncidentFilter) Filter(seq iter.Seq[model.Incident]) iter.Seq[model.Incident] {
	return func(yield func(model.Incident) bool) {
		for x := range seq {
			if f.Match(x) && !yield(x) {
				return
			}
		}
	}
}

// plan is an IncidentFilter compiled against an Index.
type plan struct {
	set      [numFields]bool    // the field is constrained
	want     [numFields][]int32 // the ordinals a constrained field accepts, ascending
	none     bool               // the filter matches nothing
	dated    bool
	from, to int32 // see DateRange.keys
	lo, hi   int   // only ranks in [lo, hi) can match
	text     string
	grams    []uint32 // the signature bits of text's trigrams
	driver   field    // the field whose postings to walk, or numFields to walk ranks lo..hi
}

func (ix *Index) compile(f IncidentFilter) *plan {
	p := &plan{lo: 0, hi: len(ix.inc.id), driver: numFields}
	add := func(fd field, ords []int32, n int) { // ords from lookupAll: sorted, compact
		if n == 0 {
			return
		}
		p.set[fd], p.want[fd] = true, ords
		if len(ords) == 0 {
			p.none = true
		}
	}
	add(fieldActor, lookupAll(f.Actors, ix.actorOrd), len(f.Actors))
	add(fieldTechnique, lookupAll(f.Techniques, ix.techniqueOrd), len(f.Techniques))
	add(fieldTool, lookupAll(f.Tools, ix.toolOrd), len(f.Tools))
	add(fieldTechnology, lookupAll(f.Technologies, ix.technologyOrd), len(f.Technologies))
	add(fieldAccess, lookupAll(f.InitialAccess, accessOrd), len(f.InitialAccess))
	add(fieldImpact, lookupAll(f.Impact, impactOrd), len(f.Impact))
	add(fieldType, lookupAll(f.Types, typeOrd), len(f.Types))
	add(fieldSector, lookupAll(f.Sectors, sectorOrd), len(f.Sectors))
	if p.none {
		return p
	}
	if !f.Disclosed.IsZero() {
		p.dated = true
		p.from, p.to = f.Disclosed.keys()
		if p.from >= p.to {
			p.none = true
			return p
		}
		// Ranks run from the newest start to the oldest, and a disclosure date spans at
		// most a year, so a match starts before to and less than a year before from.
		p.lo = sort.Search(len(ix.inc.id), func(r int) bool { return ix.inc.start[r] < p.to })
		if p.from > math.MinInt32 {
			floor := p.from - 10000 // yyyymmdd keys: one year earlier
			p.hi = sort.Search(len(ix.inc.id), func(r int) bool { return ix.inc.start[r] <= floor })
		}
	}
	p.text = strings.ToLower(f.Text)
	p.grams = trigramBits(p.text)
	best := p.hi - p.lo
	for fd := range numFields {
		if !p.set[fd] {
			continue
		}
		n := 0
		for _, v := range p.want[fd] {
			n += len(ix.postings[fd][v])
		}
		if n < best {
			best, p.driver = n, fd
		}
	}
	return p
}

// matches reports whether the incident of rank r passes every check of p but the
// driver's, which the caller has applied.
func (p *plan) matches(ix *Index, r int) bool {
	if r < p.lo || r >= p.hi {
		return false
	}
	inc := &ix.inc
	for fd := range numFields {
		if p.set[fd] && fd != p.driver && !intersects(p.want[fd], inc.vals[fd].at(int32(r))) {
			return false
		}
	}
	if p.dated && (inc.start[r] == 0 || inc.start[r] >= p.to || inc.end[r] <= p.from) {
		return false
	}
	if p.text != "" {
		if !mayContain(inc.sig[r*sigWords:(r+1)*sigWords], p.grams) {
			return false
		}
		for _, s := range inc.text[r] {
			if strings.Contains(s, p.text) {
				return true
			}
		}
		return false
	}
	return true
}

// intersects reports whether the ascending lists a and b share a value.
func intersects(a, b []int32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// ranks calls yield with the rank of every incident that passes p, ascending, until
// yield returns false.
func (ix *Index) ranks(p *plan, yield func(int) bool) {
	if p.none {
		return
	}
	if p.driver == numFields {
		for r := p.lo; r < p.hi; r++ {
			if p.matches(ix, r) && !yield(r) {
				return
			}
		}
		return
	}
	lists := p.want[p.driver]
	if len(lists) == 1 {
		for _, r := range ix.postings[p.driver][lists[0]] {
			if p.matches(ix, int(r)) && !yield(int(r)) {
				return
			}
		}
		return
	}
	// Several values: merge their postings, which are ascending, dropping repeats.
	var buf [8]int
	pos := buf[:0]
	if len(lists) > len(buf) {
		pos = make([]int, 0, len(lists))
	}
	pos = pos[:len(lists)]
	for {
		next := math.MaxInt
		for i, v := range lists {
			if l := ix.postings[p.driver][v]; pos[i] < len(l) {
				next = min(next, int(l[pos[i]]))
			}
		}
		if next == math.MaxInt {
			return
		}
		for i, v := range lists {
			if l := ix.postings[p.driver][v]; pos[i] < len(l) && int(l[pos[i]]) == next {
				pos[i]++
			}
		}
		if p.matches(ix, next) && !yield(next) {
			return
		}
	}
}

// IncidentIDs yields the IDs of the incidents that pass f, newest disclosed first (in
// descending [model.Date.Compare] order, so an incident known only to the month comes
// after the dated days of that month), then by ascending ID.
//
// It walks the shortest posting list among the fields that f sets and allocates nothing
// per result. It reads f when called: changing f afterwards does not change the
// sequence, which may be ranged over any number of times, concurrently too.
func (ix *Index) IncidentIDs(f IncidentFilter) iter.Seq[model.IncidentID] {
	p := ix.compile(f)
	return func(yield func(model.IncidentID) bool) {
		ix.ranks(p, func(r int) bool { return yield(ix.inc.id[r]) })
	}
}

// Incidents yields a deep copy of every incident that passes f, in the order of
// [Index.IncidentIDs].
func (ix *Index) Incidents(f IncidentFilter) iter.Seq[model.Incident] {
	return ix.copies(ix.IncidentIDs(f))
}

// Count returns the number of incidents that pass f.
func (ix *Index) Count(f IncidentFilter) int {
	n := 0
	ix.ranks(ix.compile(f), func(int) bool { n++; return true })
	return n
}

// matching returns the ranks of the incidents that pass f, ascending.
func (ix *Index) matching(f IncidentFilter) []int32 {
	var out []int32
	ix.ranks(ix.compile(f), func(r int) bool { out = append(out, int32(r)); return true })
	return out
}
