package rss

import (
	"cmp"
	"iter"
	"net/url"
	"slices"
	"time"

	"github.com/cloudthreats/threatlandscape/model"
)

// The category schemes: an RSS category's domain and an Atom category's scheme. Each
// names one taxonomy, so a reader or a script can tell an actor from a technology.
const (
	SchemeType          = "tag:cloudthreats.github.io,2026:incident-type"  // term: incident, campaign or research
	SchemeActor         = "tag:cloudthreats.github.io,2026:actor"          // term: actor ID; label and RSS text: its name
	SchemeInitialAccess = "tag:cloudthreats.github.io,2026:initial-access" // term: an initial-access value
	SchemeImpact        = "tag:cloudthreats.github.io,2026:impact"         // term: an impact value
	SchemeTechnique     = "tag:cloudthreats.github.io,2026:technique"      // term: technique ID; label and RSS text: its name
	SchemeATTACK        = "https://attack.mitre.org/techniques/"           // term: an ATT&CK technique ID, such as T1606.002
	SchemeATLAS         = "https://atlas.mitre.org/techniques/"            // term: an ATLAS technique ID, such as AML.T0051
	SchemeTool          = "tag:cloudthreats.github.io,2026:tool"           // term: tool ID; label and RSS text: its name
	SchemeTechnology    = "tag:cloudthreats.github.io,2026:technology"     // term: technology ID; label and RSS text: its name
)

// feed is what both formats show, already cleaned and ordered.
type feed struct {
	title, description, selfURL, link string
	author, authorURI                 string
	updated                           time.Time
	items                             []item
}

type item struct {
	id, title, link, summary, html string
	published, updated             time.Time
	categories                     []category
}

// category is one tag of an item. RSS shows label as the element's text.
type category struct{ scheme, term, label string }

// epoch dates a feed or item that has no date at all; only an invalid dataset has one.
var epoch = time.Unix(0, 0).UTC()

func (e *Encoder) build(src Source, seq iter.Seq[model.Incident]) feed {
	var xs []model.Incident
	if seq != nil {
		xs = slices.Collect(seq)
	}
	slices.SortStableFunc(xs, newestFirst)
	seen := make(map[model.IncidentID]bool, len(xs))
	xs = slices.DeleteFunc(xs, func(x model.Incident) bool { // a guid must be unique
		dup := seen[x.ID]
		seen[x.ID] = true
		return dup
	})
	if e.limit > 0 && len(xs) > e.limit {
		xs = xs[:e.limit]
	}
	f := feed{
		title:       line(e.title),
		description: line(e.description),
		selfURL:     e.selfURL,
		link:        e.link,
		author:      line(e.author),
		authorURI:   e.authorURI,
		updated:     epoch,
	}
	if f.title == "" {
		f.title = DefaultTitle
	}
	if f.author == "" {
		f.author = DefaultAuthor
	}
	r := resolver{src}
	for _, x := range xs {
		it := e.item(r, x)
		f.items = append(f.items, it)
		f.updated = latest(f.updated, it.updated, it.published)
	}
	return f
}

// newestFirst orders incidents by disclosure date, newest first, then by ID.
func newestFirst(a, b model.Incident) int {
	if c := b.Disclosed.Compare(a.Disclosed); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

func latest(t time.Time, us ...time.Time) time.Time {
	for _, u := range us {
		if u.After(t) {
			t = u
		}
	}
	return t
}

// firstDate returns the start of the first non-zero date, or the epoch.
func firstDate(ds ...model.Date) time.Time {
	for _, d := range ds {
		if !d.IsZero() {
			return d.Start()
		}
	}
	return epoch
}

func (e *Encoder) item(r resolver, x model.Incident) item {
	id := url.PathEscape(clean(string(x.ID)))
	it := item{
		id:         e.idPrefix + id,
		title:      line(x.Name),
		summary:    line(x.Summary),
		published:  firstDate(x.Disclosed, x.Added, x.Updated),
		updated:    firstDate(x.Updated, x.Added, x.Disclosed),
		categories: r.categories(x),
		html:       r.html(x),
	}
	if it.title == "" {
		it.title = line(string(x.ID))
	}
	if it.title == "" {
		it.title = "Untitled incident"
	}
	switch {
	case e.itemURL != "":
		it.link = e.itemURL + id
	default:
		it.link = e.link
		for _, ref := range x.References {
			if absHTTP(ref.URL) {
				it.link = ref.URL
				break
			}
		}
	}
	return it
}

// resolver names the entities an incident links to. Its Source may be nil.
type resolver struct{ src Source }

func (r resolver) actor(id model.ActorID) string {
	if r.src != nil {
		if a, ok := r.src.Actor(id); ok && line(a.Name) != "" {
			return line(a.Name)
		}
	}
	return line(string(id))
}

func (r resolver) technique(id model.TechniqueID) (string, []model.Mapping) {
	if r.src != nil {
		if t, ok := r.src.Technique(id); ok && line(t.Name) != "" {
			return line(t.Name), t.Mappings
		}
	}
	return line(string(id)), nil
}

func (r resolver) tool(id model.ToolID) string {
	if r.src != nil {
		if t, ok := r.src.Tool(id); ok && line(t.Name) != "" {
			return line(t.Name)
		}
	}
	return line(string(id))
}

func (r resolver) technology(id model.TechnologyID) string {
	if r.src != nil {
		if t, ok := r.src.Technology(id); ok && line(t.Name) != "" {
			return line(t.Name)
		}
	}
	return line(string(id))
}

// categories lists x's tags by scheme, in a fixed order: type, actors, initial access,
// impact, techniques, their ATT&CK and ATLAS IDs, tools, technologies. Within a scheme
// they keep the incident's order; duplicates and empty terms are dropped.
func (r resolver) categories(x model.Incident) []category {
	var cs []category
	seen := map[category]bool{}
	add := func(scheme, term, label string) {
		term, label = line(term), line(label)
		if label == "" {
			label = term
		}
		c := category{scheme, term, label}
		if term == "" || seen[category{scheme: scheme, term: term}] {
			return
		}
		seen[category{scheme: scheme, term: term}] = true
		cs = append(cs, c)
	}
	add(SchemeType, string(x.Type), "")
	for _, a := range x.Actors {
		add(SchemeActor, string(a), r.actor(a))
	}
	for _, v := range x.InitialAccess {
		add(SchemeInitialAccess, string(v), "")
	}
	for _, v := range x.Impact {
		add(SchemeImpact, string(v), "")
	}
	var mappings []model.Mapping
	for _, t := range x.Techniques {
		name, ms := r.technique(t)
		add(SchemeTechnique, string(t), name)
		mappings = append(mappings, ms...)
	}
	for _, m := range mappings {
		switch m.Framework {
		case model.FrameworkATTACK:
			add(SchemeATTACK, m.ID, "")
		case model.FrameworkATLAS:
			add(SchemeATLAS, m.ID, "")
		}
	}
	for _, t := range x.Tools {
		add(SchemeTool, string(t), r.tool(t))
	}
	for _, t := range x.Technologies {
		add(SchemeTechnology, string(t), r.technology(t))
	}
	return cs
}
