package main

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

const newestShown = 10

type overview struct {
	DataVersion string           `json:"data_version,omitempty"`
	Counts      dataset.Counts   `json:"counts"`
	Newest      []model.Incident `json:"newest_incidents"`
}

func runOverview(c *context, _ []string) error {
	d, err := c.dataset()
	if err != nil {
		return err
	}
	o := overview{Counts: d.Counts(), Newest: newest(d, newestShown)}
	if c.dataDir == "" {
		o.DataVersion = threatlandscape.DataVersion
	}
	if c.format == "json" {
		return writeJSON(c.stdout, o)
	}
	w := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	title := "Cloud threat landscape"
	if o.DataVersion != "" {
		title += " (data " + o.DataVersion + ")"
	}
	fmt.Fprintf(w, "%s\n\n", title)
	n := o.Counts
	fmt.Fprintf(w, "incidents\t%d\nactors\t%d\ntechniques\t%d\ntools\t%d\ndefenses\t%d\ntechnologies\t%d\n",
		n.Incidents, n.Actors, n.Techniques, n.Tools, n.Defenses, n.Technologies)
	if len(o.Newest) > 0 {
		fmt.Fprintf(w, "\nNewest incidents\n")
		for _, x := range o.Newest {
			fmt.Fprintf(w, "%s\t%s\t%s\n", x.Disclosed, x.ID, x.Name)
		}
	}
	fmt.Fprintf(w, "\nMore: threatlandscape list incidents | show incident ID | --help\n")
	return w.Flush()
}

// newest returns the n most recently disclosed incidents, newest first, ties by ID.
func newest(d *dataset.Dataset, n int) []model.Incident {
	all := slices.SortedFunc(d.Incidents(), func(a, b model.Incident) int {
		return cmp.Or(b.Disclosed.Compare(a.Disclosed), cmp.Compare(a.ID, b.ID))
	})
	return all[:min(n, len(all))]
}

func parseKind(s string) (model.Kind, error) {
	var k model.Kind
	if err := k.UnmarshalText([]byte(strings.ToLower(s))); err != nil {
		return "", fmt.Errorf("%w: unknown kind %q (want incidents, actors, techniques, tools, defenses or technologies)", errUsage, s)
	}
	return k, nil
}

func runList(c *context, args []string) error {
	kind, err := parseKind(args[0])
	if err != nil {
		return err
	}
	d, err := c.dataset()
	if err != nil {
		return err
	}
	if kind != model.KindIncident && c.filters.any() {
		return fmt.Errorf("%w: filters apply to incidents only", errUsage)
	}
	switch kind {
	case model.KindIncident:
		f, err := c.filters.filter(d)
		if err != nil {
			return err
		}
		return list(c, query.NewIndex(d).Incidents(f), []string{"ID", "DISCLOSED", "TYPE", "NAME"}, func(x model.Incident) []string {
			return []string{string(x.ID), x.Disclosed.String(), string(x.Type), x.Name}
		})
	case model.KindActor:
		return list(c, d.Actors(), []string{"ID", "TYPE", "COUNTRY", "ATT&CK", "NAME"}, func(x model.Actor) []string {
			return []string{string(x.ID), string(x.Type), x.Attribution.Country, x.MitreAttack, x.Name}
		})
	case model.KindTechnique:
		return list(c, d.Techniques(), []string{"ID", "MAPPINGS", "TACTICS", "NAME"}, func(x model.Technique) []string {
			ids := make([]string, len(x.Mappings))
			for i, m := range x.Mappings {
				ids[i] = m.ID
			}
			return []string{string(x.ID), strings.Join(ids, ","), join(x.Tactics), x.Name}
		})
	case model.KindTool:
		return list(c, d.Tools(), []string{"ID", "KIND", "TYPES", "ATT&CK", "NAME"}, func(x model.Tool) []string {
			return []string{string(x.ID), string(x.Kind), join(x.ToolTypes), x.MitreAttack, x.Name}
		})
	case model.KindDefense:
		return list(c, d.Defenses(), []string{"ID", "MITIGATES", "NAME"}, func(x model.Defense) []string {
			return []string{string(x.ID), fmt.Sprint(len(x.Mitigates)), x.Name}
		})
	default:
		return list(c, d.Technologies(), []string{"ID", "VENDOR", "CATEGORY", "NAME"}, func(x model.Technology) []string {
			return []string{string(x.ID), x.Vendor, string(x.Category), x.Name}
		})
	}
}

// list prints the entities of seq as a table, or as a JSON array of full entities.
// Incidents come newest first; other kinds in ID order.
func list[T any](c *context, seq iter.Seq[T], header []string, row func(T) []string) error {
	if c.format == "json" {
		all := slices.Collect(seq)
		if all == nil {
			all = []T{}
		}
		return writeJSON(c.stdout, all)
	}
	w := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, strings.Join(header, "\t"))
	for x := range seq {
		fmt.Fprintln(w, strings.Join(row(x), "\t"))
	}
	return w.Flush()
}

func join[T ~string](s []T) string {
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = string(x)
	}
	return strings.Join(parts, ",")
}
