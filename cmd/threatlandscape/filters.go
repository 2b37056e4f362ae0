package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

// multiFlag is a flag.Value that collects values given repeatedly or separated by commas.
type multiFlag []string

func (l *multiFlag) String() string { return strings.Join(*l, ",") }

func (l *multiFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// filterFlags are the incident filters shared by list incidents and export.
type filterFlags struct {
	actors, techniques, tools, technologies, access, impact, types, sectors multiFlag
	since, until, text                                                      string
}

func (f *filterFlags) register(fs *flag.FlagSet) {
	for _, v := range []struct {
		l          *multiFlag
		name, help string
	}{
		{&f.actors, "actor", "incidents attributed to actor `ID` (repeatable, or comma-separated)"},
		{&f.techniques, "technique", "incidents that used technique `ID`"},
		{&f.tools, "tool", "incidents that used tool `ID`"},
		{&f.technologies, "technology", "incidents that targeted technology `ID`"},
		{&f.access, "access", "incidents with initial access `VALUE` (e.g. exposed-secret)"},
		{&f.impact, "impact", "incidents with impact `VALUE` (e.g. resource-hijacking)"},
		{&f.types, "type", "incidents of type `VALUE`: incident, campaign or research"},
		{&f.sectors, "sector", "incidents with a victim in `SECTOR` (STIX industry sector)"},
	} {
		fs.Var(v.l, v.name, v.help)
	}
	fs.StringVar(&f.since, "since", "", "incidents disclosed in or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&f.until, "until", "", "incidents disclosed in or before `DATE`")
	fs.StringVar(&f.text, "text", "", "incidents whose text contains `WORDS` (case-insensitive)")
}

// filter checks the values given and returns the filter they make. Values outside a
// vocabulary and malformed dates are usage errors; unknown IDs are errors, since a typo
// would otherwise silently match nothing.
func (f *filterFlags) filter(d *dataset.Dataset) (query.IncidentFilter, error) {
	var q query.IncidentFilter
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	for _, id := range f.actors {
		if _, ok := d.Actor(model.ActorID(id)); !ok {
			bad("--actor: no actor with ID %q", id)
		}
		q.Actors = append(q.Actors, model.ActorID(id))
	}
	for _, id := range f.techniques {
		if _, ok := d.Technique(model.TechniqueID(id)); !ok {
			bad("--technique: no technique with ID %q", id)
		}
		q.Techniques = append(q.Techniques, model.TechniqueID(id))
	}
	for _, id := range f.tools {
		if _, ok := d.Tool(model.ToolID(id)); !ok {
			bad("--tool: no tool with ID %q", id)
		}
		q.Tools = append(q.Tools, model.ToolID(id))
	}
	for _, id := range f.technologies {
		if _, ok := d.Technology(model.TechnologyID(id)); !ok {
			bad("--technology: no technology with ID %q", id)
		}
		q.Technologies = append(q.Technologies, model.TechnologyID(id))
	}
	vocab(&q.InitialAccess, f.access, "--access", bad)
	vocab(&q.Impact, f.impact, "--impact", bad)
	vocab(&q.Types, f.types, "--type", bad)
	vocab(&q.Sectors, f.sectors, "--sector", bad)
	for _, d := range []struct {
		flag string
		s    string
		dst  *model.Date
	}{{"--since", f.since, &q.Disclosed.From}, {"--until", f.until, &q.Disclosed.To}} {
		if d.s == "" {
			continue
		}
		v, err := model.ParseDate(d.s)
		if err != nil {
			bad("%s: %v", d.flag, err)
		}
		*d.dst = v
	}
	q.Text = f.text
	if len(errs) > 0 {
		return q, fmt.Errorf("%w: %s", errUsage, strings.Join(errs, "; "))
	}
	return q, nil
}

func vocab[T interface {
	~string
	Check() error
}](dst *[]T, values []string, flag string, bad func(string, ...any)) {
	for _, v := range values {
		x := T(v)
		if err := x.Check(); err != nil {
			bad("%s: %v", flag, err)
		}
		*dst = append(*dst, x)
	}
}

// any reports whether a filter flag was given.
func (f *filterFlags) any() bool {
	return len(f.actors)+len(f.techniques)+len(f.tools)+len(f.technologies)+len(f.access)+
		len(f.impact)+len(f.types)+len(f.sectors) > 0 || f.since != "" || f.until != "" || f.text != ""
}

// describe says in words what the filter selects, for a feed title: "incidents
// attributed to Storm-0558 targeting Amazon S3".
func describe(d *dataset.Dataset, q query.IncidentFilter) string {
	var parts []string
	names := func(ids []string, name func(string) string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		return strings.Join(out, " or ")
	}
	if len(q.Actors) > 0 {
		parts = append(parts, "attributed to "+names(strs(q.Actors), func(id string) string { a, _ := d.Actor(model.ActorID(id)); return a.Name }))
	}
	if len(q.Techniques) > 0 {
		parts = append(parts, "using "+names(strs(q.Techniques), func(id string) string { t, _ := d.Technique(model.TechniqueID(id)); return t.Name }))
	}
	if len(q.Tools) > 0 {
		parts = append(parts, "using "+names(strs(q.Tools), func(id string) string { t, _ := d.Tool(model.ToolID(id)); return t.Name }))
	}
	if len(q.Technologies) > 0 {
		parts = append(parts, "targeting "+names(strs(q.Technologies), func(id string) string { t, _ := d.Technology(model.TechnologyID(id)); return t.Name }))
	}
	if len(q.InitialAccess) > 0 {
		parts = append(parts, "with initial access "+strings.Join(strs(q.InitialAccess), " or "))
	}
	if len(q.Impact) > 0 {
		parts = append(parts, "with impact "+strings.Join(strs(q.Impact), " or "))
	}
	if len(q.Sectors) > 0 {
		parts = append(parts, "against the "+strings.Join(strs(q.Sectors), " or ")+" sector")
	}
	if !q.Disclosed.From.IsZero() {
		parts = append(parts, "disclosed from "+q.Disclosed.From.String())
	}
	if !q.Disclosed.To.IsZero() {
		parts = append(parts, "disclosed until "+q.Disclosed.To.String())
	}
	if q.Text != "" {
		parts = append(parts, fmt.Sprintf("mentioning %q", q.Text))
	}
	what := "incidents"
	if len(q.Types) > 0 {
		what = strings.Join(strs(q.Types), " and ") + " entries"
	}
	return strings.TrimSpace(what + " " + strings.Join(parts, ", "))
}
