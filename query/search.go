package query

import (
	"math"
	"slices"
	"strings"

	"github.com/cloudthreats/threatlandscape/model"
)

// SearchOptions narrow a search. The zero value searches every kind and returns every
// hit.
type SearchOptions struct {
	// Kinds limits the hits to entities of these kinds; empty means every kind.
	Kinds []model.Kind
	// Limit is the largest number of hits to return; 0 or less means no limit.
	Limit int
}

// A Hit is one entity that a search found.
type Hit struct {
	Ref  model.Ref `json:"ref"`
	Name string    `json:"name"`
	// Exact reports that the query, as words, equals the entity's name, one of its
	// aliases or its ID.
	Exact bool `json:"exact,omitempty"`
	// Score is the relevance: higher is better. It is comparable only between the hits of
	// one search.
	Score float64 `json:"score"`
}

// Search ranks the entities of every kind that match the words of text, best first.
//
// The text is split into words at every character that is not a letter or a digit,
// lowercased and lightly stemmed ("forged" finds "forge", "keys" finds "key"); repeated
// words count once, and words after the 255th distinct one are ignored. An entity
// matches when it holds at least one of the words. Hits come in this order:
//
//   - Exact hits first: entities whose name, one of whose aliases or whose ID equals the
//     text word for word ("storm 0558" finds Storm-0558).
//   - Then by descending Score, which sums, over the text's words and over each pair of
//     adjacent words (a phrase, so "signing key" rewards the two words side by side), a
//     BM25 score per field, idf × tf / (tf + 1.2 × (0.25 + 0.75 × length / average
//     length)) with idf = ln(1 + (N - df + 0.5) / (df + 0.5)) over the N entities,
//     weighted by field: name 6, aliases 4, summary 2, description 1, and, for
//     incidents only, 2 for the names and aliases of the actors, techniques, tools and
//     technologies they link to (an incident is described by what it involved). The sum
//     is multiplied by the share of the text's words the entity holds (its term
//     coverage), so that holding every word beats holding one word often.
//   - Then by [model.Ref.Compare]: kind, then ID.
//
// The same Index and text always give the same hits in the same order. Search
// allocates only for its result and the query's words.
func (ix *Index) Search(text string, opts SearchOptions) []Hit {
	s := ix.searchIndex()
	seq := terms(text)
	qs := slices.Clone(seq)
	slices.Sort(qs)
	qs = slices.Compact(qs)
	if len(qs) == 0 {
		return nil
	}
	if len(qs) > math.MaxUint8 { // matched counts words in a uint8
		qs = qs[:math.MaxUint8]
	}
	var qts []int32 // the query's terms, then its pairs
	for _, q := range qs {
		if t, ok := s.terms[q]; ok {
			qts = append(qts, t)
		}
	}
	nwords := len(qts)
	for i := 1; i < len(seq); i++ {
		a, aok := s.terms[seq[i-1]]
		b, bok := s.terms[seq[i]]
		if aok && bok && !stopwords[seq[i-1]] && !stopwords[seq[i]] {
			if t, ok := s.pairs[pairKey(a, b)]; ok && !slices.Contains(qts[nwords:], t) {
				qts = append(qts, t)
			}
		}
	}
	var kinds [8]bool // by position in model.Kinds
	anyKind := len(opts.Kinds) == 0
	for _, k := range opts.Kinds {
		kinds[kindIndex(k)] = true
	}
	allowed := func(doc int32) bool { return anyKind || kinds[kindIndex(s.docs[doc].ref.Kind)] }

	sc := s.scratch.Get().(*searchScratch)
	defer func() {
		for _, d := range sc.touched {
			sc.score[d], sc.matched[d] = 0, 0
		}
		sc.touched = sc.touched[:0]
		s.scratch.Put(sc)
	}()
	n := float64(len(s.docs))
	for i, t := range qts {
		ps := s.postings(t)
		df := float64(len(ps))
		idf := float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
		word := i < nwords
		for _, p := range ps {
			if !word && sc.matched[p.doc] == 0 {
				continue // a document of a kind not asked for
			}
			if sc.matched[p.doc] == 0 {
				if !allowed(p.doc) {
					continue
				}
				sc.touched = append(sc.touched, p.doc)
			}
			sc.score[p.doc] += idf * p.w
			if word {
				sc.matched[p.doc]++
			}
		}
	}
	exact := s.exact[strings.Join(seq, " ")]

	top := hitHeap{limit: opts.Limit}
	nq := float64(len(qs))
	for _, d := range sc.touched {
		cover := float64(sc.matched[d]) / nq
		top.push(rankedHit{doc: d, exact: hasDoc(exact, d), score: float64(sc.score[d]) * cover})
	}
	for _, d := range exact {
		if sc.matched[d] == 0 && allowed(d) {
			top.push(rankedHit{doc: d, exact: true})
		}
	}
	ranked := top.sorted()
	if len(ranked) == 0 {
		return nil
	}
	hits := make([]Hit, len(ranked))
	for i, h := range ranked {
		doc := &s.docs[h.doc]
		hits[i] = Hit{Ref: doc.ref, Name: doc.name, Exact: h.exact, Score: h.score}
	}
	return hits
}

func kindIndex(k model.Kind) int {
	switch k {
	case model.KindIncident:
		return 0
	case model.KindActor:
		return 1
	case model.KindTechnique:
		return 2
	case model.KindTool:
		return 3
	case model.KindDefense:
		return 4
	case model.KindTechnology:
		return 5
	}
	return 7
}

func hasDoc(docs []int32, d int32) bool {
	_, ok := slices.BinarySearch(docs, d)
	return ok
}

type rankedHit struct {
	doc   int32
	exact bool
	score float64
}

// better reports whether a ranks before b.
func (a rankedHit) better(b rankedHit) bool {
	switch {
	case a.exact != b.exact:
		return a.exact
	case a.score != b.score:
		return a.score > b.score
	}
	return a.doc < b.doc
}

// hitHeap keeps the best limit hits pushed (every hit when limit <= 0), with the worst
// of them at the root.
type hitHeap struct {
	limit int
	h     []rankedHit
}

func (q *hitHeap) push(x rankedHit) {
	if q.limit <= 0 || len(q.h) < q.limit {
		q.h = append(q.h, x)
		for i := len(q.h) - 1; i > 0; {
			parent := (i - 1) / 2
			if !q.h[parent].better(q.h[i]) {
				break
			}
			q.h[parent], q.h[i] = q.h[i], q.h[parent]
			i = parent
		}
		return
	}
	if !x.better(q.h[0]) {
		return
	}
	q.h[0] = x
	for i := 0; ; {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(q.h) && q.h[worst].better(q.h[l]) {
			worst = l
		}
		if r < len(q.h) && q.h[worst].better(q.h[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		q.h[i], q.h[worst] = q.h[worst], q.h[i]
		i = worst
	}
}

func (q *hitHeap) sorted() []rankedHit {
	slices.SortFunc(q.h, func(a, b rankedHit) int {
		if a.better(b) {
			return -1
		}
		if b.better(a) {
			return 1
		}
		return 0
	})
	return q.h
}
