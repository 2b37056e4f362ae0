// Package rss encodes incidents as syndication feeds, RSS 2.0 or Atom 1.0, so that people
// can follow new incidents in a feed reader.
//
// A feed holds any set of incidents: the whole dataset, or the result of a filter (one
// actor, one technology). Each incident becomes one item (RSS) or entry (Atom) with a
// stable ID, its disclosure date, categories for its actors, techniques (with their
// ATT&CK and ATLAS IDs), tools, technologies, initial access and impact, and an HTML
// description that readers show well. Items are ordered newest first.
//
// The encoder reads linked entities through [Source], a small interface that
// *dataset.Dataset satisfies, so this package never links in the embedded dataset.
// Output is deterministic: the same incidents and options give byte-identical feeds. No
// date comes from the clock; the feed's build date is the newest date in its incidents.
//
// A feed of one actor's incidents, limited to the newest 20:
//
//	d, _ := dataset.Load(os.DirFS("data"))
//	attributed := func(yield func(model.Incident) bool) {
//		for x := range d.Incidents() {
//			if slices.Contains(x.Actors, "storm-0558") && !yield(x) {
//				return
//			}
//		}
//	}
//	err := rss.NewEncoder(os.Stdout, rss.RSS).
//		SetTitle("Cloud threat landscape: incidents attributed to Storm-0558").
//		SetSelfURL("https://example.org/feeds/storm-0558.xml").
//		SetLimit(20).
//		Encode(d, attributed)
//
// Despite its name, the package writes Atom as well: pass [Atom] instead of [RSS].
package rss
