package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

func runSearch(c *context, args []string) error {
	d, err := c.dataset()
	if err != nil {
		return err
	}
	var kinds []model.Kind
	for _, k := range c.kinds {
		kind, err := parseKind(k)
		if err != nil {
			return err
		}
		kinds = append(kinds, kind)
	}
	hits := query.NewIndex(d).Search(strings.Join(args, " "), query.SearchOptions{Kinds: kinds, Limit: c.limit})
	if c.format == "json" {
		if hits == nil {
			hits = []query.Hit{}
		}
		return writeJSON(c.stdout, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintln(c.stderr, "no matches")
		return nil
	}
	w := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "KIND\tID\tSCORE\tNAME")
	for _, h := range hits {
		score := fmt.Sprintf("%.2f", h.Score)
		if h.Exact {
			score = "exact"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", h.Ref.Kind, h.Ref.ID, score, h.Name)
	}
	return w.Flush()
}

func runStack(c *context, args []string) error {
	d, err := c.dataset()
	if err != nil {
		return err
	}
	var techs []model.TechnologyID
	for _, a := range args {
		for _, id := range strings.Split(a, ",") {
			if id = strings.TrimSpace(id); id != "" {
				techs = append(techs, model.TechnologyID(id))
			}
		}
	}
	r := query.NewIndex(d).Stack(techs)
	if len(r.Unknown) > 0 {
		return fmt.Errorf("no technology with ID %s (list them with: threatlandscape list technologies)", quoteAll(strs(r.Unknown)))
	}
	if c.format == "json" {
		return writeJSON(c.stdout, r)
	}
	w := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Stack: %s\n\n", strings.Join(strs(r.Technologies), ", "))
	fmt.Fprintf(w, "Incidents that targeted it (%d), newest first\n", len(r.Incidents))
	for _, id := range r.Incidents[:min(len(r.Incidents), max(c.limit, 10))] {
		x, _ := d.Incident(id)
		fmt.Fprintf(w, "  %s\t%s\t%s\n", x.Disclosed, x.ID, x.Name)
	}
	if n := len(r.Incidents) - max(c.limit, 10); n > 0 {
		fmt.Fprintf(w, "  ... and %d more (--limit or --format json for all)\n", n)
	}
	fmt.Fprintf(w, "\nTechniques seen against it\n  INCIDENTS\tID\tNAME\n")
	for _, t := range r.Techniques[:min(len(r.Techniques), max(c.limit, 10))] {
		x, _ := d.Technique(t.Key)
		fmt.Fprintf(w, "  %d\t%s\t%s\n", t.Count, t.Key, x.Name)
	}
	fmt.Fprintf(w, "\nDefenses to put first (by incidents they would have mitigated)\n  INCIDENTS\tID\tNAME\n")
	for _, s := range r.Defenses[:min(len(r.Defenses), max(c.limit, 10))] {
		x, _ := d.Defense(s.ID)
		fmt.Fprintf(w, "  %d\t%s\t%s\n", s.Incidents, s.ID, x.Name)
	}
	return w.Flush()
}

func quoteAll(s []string) string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(out, ", ")
}
