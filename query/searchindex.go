package query

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

// Field weights and BM25 parameters of the search ranking (see [Index.Search]).
const (
	weightName        = 6
	weightAliases     = 4
	weightSummary     = 2
	weightDescription = 1
	weightLinks       = 2
	bm25K1            = 1.2
	bm25B             = 0.75
)

// The fields of a search document.
const (
	fieldName = iota
	fieldAliases
	fieldSummary
	fieldDescription
	fieldLinks // of an incident: the names and aliases of what it links to
	numSearchFields
)

var fieldWeights = [numSearchFields]float64{weightName, weightAliases, weightSummary, weightDescription, weightLinks}

type searchIndex struct {
	docs    []searchDoc // every entity, in model.Ref order
	terms   map[string]int32
	pairs   map[uint64]int32   // two adjacent terms (see pairKey) -> their term
	post    []posting          // every term's postings, term after term (see postings)
	postOff []int32            // term t's postings are post[postOff[t]:postOff[t+1]]
	exact   map[string][]int32 // name, alias or ID as words -> documents, ascending
	nterms  int32
	scratch sync.Pool // *searchScratch
}

type searchDoc struct {
	ref  model.Ref
	name string
}

// A posting is one document that holds a term, with the term's weight in it before IDF:
// the field-weighted sum of its BM25 term-frequency scores (see [Index.Search]).
type posting struct {
	doc int32
	w   float32
}

type searchScratch struct {
	score   []float32
	matched []uint8
	touched []int32
}

func buildSearch(es *dataset.Entities) *searchIndex {
	var entries []model.Entity
	add := func(e model.Entity) { entries = append(entries, e) }
	// Documents in model.Ref order: kinds in model.Kinds order, each in ID order.
	for _, k := range model.Kinds() {
		switch k {
		case model.KindIncident:
			for _, x := range es.Incidents {
				add(x)
			}
		case model.KindActor:
			for _, x := range es.Actors {
				add(x)
			}
		case model.KindTechnique:
			for _, x := range es.Techniques {
				add(x)
			}
		case model.KindTool:
			for _, x := range es.Tools {
				add(x)
			}
		case model.KindDefense:
			for _, x := range es.Defenses {
				add(x)
			}
		case model.KindTechnology:
			for _, x := range es.Technologies {
				add(x)
			}
		}
	}

	linked := linkedNames(es)
	s := &searchIndex{
		docs:  make([]searchDoc, len(entries)),
		terms: map[string]int32{},
		pairs: map[uint64]int32{},
		exact: map[string][]int32{},
	}
	// Pass 1: count every term per document and field. A document's counts go to
	// docTerms and docTF (from docOff[i]); slot and last aggregate them without sorting.
	type termCount struct {
		term int32
		tf   [numSearchFields]uint16
	}
	size := 0 // the length of all the text, which bounds the number of counts
	for _, e := range entries {
		c := e.Common()
		size += len(c.Name) + len(c.Summary) + len(c.Description)
		for _, a := range c.Aliases {
			size += len(a.Name)
		}
		for _, l := range linked[e.Ref()] {
			size += len(l)
		}
	}
	var (
		counts   = make([]termCount, 0, size/5) // about 6.4 bytes a count in the real data
		docOff   = make([]int32, len(entries)+1)
		lengths  = make([][numSearchFields]int32, len(entries)) // per document and field, in terms
		totalLen [numSearchFields]float64
		slot     []int32 // per term: its position in counts, valid when last says so
		last     []int32 // per term: the document that last held it, plus one
		df       []int32 // per term: the number of documents that hold it
	)
	newTerm := func() int32 {
		slot, last, df = append(slot, 0), append(last, 0), append(df, 0)
		return s.newTerm()
	}
	for i, e := range entries {
		ref, c := e.Ref(), e.Common()
		s.docs[i] = searchDoc{ref: ref, name: c.Name}
		see := func(t int32, f uint8) {
			if last[t] != int32(i)+1 {
				last[t], slot[t] = int32(i)+1, int32(len(counts))
				counts = append(counts, termCount{term: t})
				df[t]++
			}
			if n := &counts[slot[t]].tf[f]; *n < math.MaxUint16 {
				*n++
			}
		}
		put := func(f uint8, text string) {
			prev := int32(-1)
			words(text, func(w string) {
				id, ok := s.terms[w]
				if !ok {
					id = newTerm()
					s.terms[w] = id
				}
				see(id, f)
				lengths[i][f]++
				if stopwords[w] {
					prev = -1
					return
				}
				if prev >= 0 {
					k := pairKey(prev, id)
					pid, ok := s.pairs[k]
					if !ok {
						pid = newTerm()
						s.pairs[k] = pid
					}
					see(pid, f)
				}
				prev = id
			})
		}
		put(fieldName, c.Name)
		for _, a := range c.Aliases {
			put(fieldAliases, a.Name)
		}
		put(fieldSummary, c.Summary)
		put(fieldDescription, c.Description)
		for _, l := range linked[ref] {
			put(fieldLinks, l)
		}
		docOff[i+1] = int32(len(counts))
		for f := range numSearchFields {
			totalLen[f] += float64(lengths[i][f])
		}
		names := []string{phrase(c.Name), phrase(ref.ID)}
		for _, a := range c.Aliases {
			names = append(names, phrase(a.Name))
		}
		slices.Sort(names)
		for _, n := range slices.Compact(names) {
			if n != "" {
				s.exact[n] = append(s.exact[n], int32(i))
			}
		}
	}

	// Pass 2: weigh each (document, term) and lay the postings out term by term, each
	// term's documents ascending.
	var avg [numSearchFields]float64
	for f := range numSearchFields {
		avg[f] = max(totalLen[f]/float64(max(len(entries), 1)), 1)
	}
	s.postOff = make([]int32, s.nterms+1)
	for t, n := range df {
		s.postOff[t+1] = s.postOff[t] + n
	}
	s.post = make([]posting, len(counts))
	next := slices.Clone(s.postOff[:s.nterms])
	for i := range entries {
		for _, tc := range counts[docOff[i]:docOff[i+1]] {
			w := 0.0
			for f, tf := range tc.tf {
				if tf > 0 {
					norm := 1 - bm25B + bm25B*float64(lengths[i][f])/avg[f]
					w += fieldWeights[f] * float64(tf) / (float64(tf) + bm25K1*norm)
				}
			}
			s.post[next[tc.term]] = posting{int32(i), float32(w)}
			next[tc.term]++
		}
	}
	n := len(s.docs)
	s.scratch.New = func() any {
		return &searchScratch{score: make([]float32, n), matched: make([]uint8, n)}
	}
	return s
}

// postings returns the documents that hold term t, ascending.
func (s *searchIndex) postings(t int32) []posting { return s.post[s.postOff[t]:s.postOff[t+1]] }

func (s *searchIndex) newTerm() int32 {
	s.nterms++
	return s.nterms - 1
}

// pairKey names two adjacent terms, which are indexed as one more term so that a query
// rewards documents holding its words next to each other.
func pairKey(a, b int32) uint64 { return uint64(a)<<32 | uint64(uint32(b)) }

// stopwords are not paired with their neighbours (see pairKey): "the key" is no phrase.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("a an and are as at be by for from has have in into is it its of on or that the this to was were which with") {
		m[w] = true
	}
	return m
}()

// phrase returns the terms of s joined by spaces: the form in which names are compared
// for exact hits.
func phrase(s string) string { return strings.Join(terms(s), " ") }

// linkedNames returns, for every incident, the names and aliases of the actors,
// techniques, tools and technologies it links to: an incident is described by what it
// used as much as by its own text.
func linkedNames(es *dataset.Entities) map[model.Ref][]string {
	names := map[model.Ref][]string{}
	note := func(e model.Entity) {
		c := e.Common()
		ns := []string{c.Name}
		for _, a := range c.Aliases {
			ns = append(ns, a.Name)
		}
		names[e.Ref()] = ns
	}
	for _, x := range es.Actors {
		note(x)
	}
	for _, x := range es.Techniques {
		note(x)
	}
	for _, x := range es.Tools {
		note(x)
	}
	for _, x := range es.Technologies {
		note(x)
	}
	out := map[model.Ref][]string{}
	for _, x := range es.Incidents {
		var ns []string
		for _, id := range x.Actors {
			ns = append(ns, names[model.Ref{Kind: model.KindActor, ID: string(id)}]...)
		}
		for _, id := range x.Techniques {
			ns = append(ns, names[model.Ref{Kind: model.KindTechnique, ID: string(id)}]...)
		}
		for _, id := range x.Tools {
			ns = append(ns, names[model.Ref{Kind: model.KindTool, ID: string(id)}]...)
		}
		for _, id := range x.Technologies {
			ns = append(ns, names[model.Ref{Kind: model.KindTechnology, ID: string(id)}]...)
		}
		out[x.Ref()] = ns
	}
	return out
}
