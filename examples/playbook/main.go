// Command playbook shows two query recipes over the embedded landscape: an actor's
// playbook (the techniques, tools and technologies seen across its incidents, and the
// defenses that would have mitigated most of them), and what to defend first for a
// technology stack.
//
//	go run ./examples/playbook -actor scattered-spider -stack okta,microsoft-entra-id,github
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

func main() {
	actor := flag.String("actor", "scattered-spider", "actor `ID` whose playbook to show")
	stack := flag.String("stack", "okta,microsoft-entra-id,github", "comma-separated technology `IDs` of your stack")
	top := flag.Int("top", 5, "rows per section")
	flag.Parse()

	d := threatlandscape.Default()
	ix := query.NewIndex(d)
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	defer w.Flush()

	a, ok := d.Actor(model.ActorID(*actor))
	if !ok {
		log.Fatalf("no actor %q", *actor)
	}
	n := ix.Count(query.IncidentFilter{Actors: []model.ActorID{a.ID}})
	fmt.Fprintf(w, "Playbook of %s (%d incidents)\n", a.Name, n)
	fmt.Fprintln(w, "  techniques\tincidents")
	for _, t := range first(ix.TechniquesUsedBy(a.ID), *top) {
		x, _ := d.Technique(t.Key)
		fmt.Fprintf(w, "  %s\t%d\n", x.Name, t.Count)
	}
	fmt.Fprintln(w, "  technologies targeted\tincidents")
	for _, t := range first(ix.TechnologiesTargetedBy(a.ID), *top) {
		x, _ := d.Technology(t.Key)
		fmt.Fprintf(w, "  %s\t%d\n", x.Name, t.Count)
	}
	fmt.Fprintln(w, "  defenses against it\tincidents mitigated")
	for _, s := range first(ix.DefensesForActor(a.ID), *top) {
		x, _ := d.Defense(s.ID)
		fmt.Fprintf(w, "  %s\t%d\n", x.Name, s.Incidents)
	}

	var techs []model.TechnologyID
	for _, id := range strings.Split(*stack, ",") {
		techs = append(techs, model.TechnologyID(strings.TrimSpace(id)))
	}
	r := ix.Stack(techs)
	if len(r.Unknown) > 0 {
		log.Fatalf("unknown technologies: %v", r.Unknown)
	}
	fmt.Fprintf(w, "\nDefend first, for a stack of %s (%d incidents seen against it)\n", strings.Join(strs(r.Technologies), ", "), len(r.Incidents))
	for i, s := range first(r.Defenses, *top) {
		x, _ := d.Defense(s.ID)
		fmt.Fprintf(w, "  %d. %s\t%d incidents\n", i+1, x.Name, s.Incidents)
	}
}

func first[T any](s []T, n int) []T { return s[:min(n, len(s))] }

func strs[T ~string](s []T) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = string(v)
	}
	return out
}
