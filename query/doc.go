// Package query answers questions about a threat landscape [dataset.Dataset]: which
// incidents match a filter, what is linked to what, which defenses matter for an actor,
// an incident or a set of technologies, what a text search finds, and how the landscape
// changes from year to year.
//
// Build an [Index] once with [NewIndex] and ask it everything; it is immutable and safe
// for concurrent use:
//
//	ix := query.NewIndex(d)
//	f := query.IncidentFilter{
//		Technologies: []model.TechnologyID{"microsoft-exchange-online"},
//		Disclosed:    query.DateRange{From: model.MustParseDate("2023")},
//	}
//	for id := range ix.IncidentIDs(f) {
//		fmt.Println(id) // newest disclosed first
//	}
//	hits := ix.Search("signing key forged tokens", query.SearchOptions{Limit: 10})
//	report := ix.Stack([]model.TechnologyID{"kubernetes", "aws-iam"})
//
// # Filters
//
// An [IncidentFilter] is a plain struct whose zero value matches every incident; values
// within a field are alternatives and fields combine with "and". Dates keep their
// precision: see [DateRange] for how a date known only to the month or the year meets a
// range. [IncidentFilter.Match] applies a filter to any incident, so it also filters
// sequences that no Index covers; the Index gives the same answers much faster.
//
// # Ordering and copying
//
// Every result has a documented, stable order and ties are broken by ID, so the same
// dataset always gives the same output. Results hold IDs, counts and fresh slices that
// the caller owns; methods that yield entities yield deep copies. Nothing a caller does
// with a result can change the Index or what other callers see.
//
// # Cost
//
// The Index keeps dense ordinals, column-wise incident data, posting lists sorted in
// result order and a trigram signature of each incident's text; the full-text index is
// built on the first search. A filter walks the shortest posting list among the fields
// it sets and allocates nothing per result; a text filter reads only the incidents whose
// signature admits the text; a search reads only the posting lists of its words. The
// package benchmarks compare each question with a linear scan over the dataset, on the
// real data and on a synthetic dataset a hundred times larger.
package query
