package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/cloudthreats/threatlandscape/query"
)

// statsYears is how many of the latest years the text view shows per category.
const statsYears = 4

func runStats(c *context, _ []string) error {
	d, err := c.dataset()
	if err != nil {
		return err
	}
	f, err := c.filters.filter(d)
	if err != nil {
		return err
	}
	st := query.NewIndex(d).Stats(f, query.StatsOptions{Top: c.limit})
	if c.format == "json" {
		return writeJSON(c.stdout, st)
	}
	w := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(c.stdout, "%d incidents\n\nBy year of disclosure\n", st.Incidents)
	fmt.Fprintln(w, "YEAR\tINCIDENTS\tCHANGE\t")
	change := st.Change()
	for i, y := range st.Years {
		fmt.Fprintf(w, "%d\t%d\t%s\t\n", y, st.PerYear[i], signed(change[i], i))
	}
	w.Flush()
	from := max(0, len(st.Years)-statsYears)
	section(c.stdout, "Initial access", st.Years[from:], rows(st.InitialAccess, from))
	section(c.stdout, "Impact", st.Years[from:], rows(st.Impact, from))
	section(c.stdout, "Actor type", st.Years[from:], rows(st.ActorTypes, from))
	section(c.stdout, "Techniques", st.Years[from:], rows(st.Techniques, from))
	section(c.stdout, "Tools", st.Years[from:], rows(st.Tools, from))
	section(c.stdout, "Technologies", st.Years[from:], rows(st.Technologies, from))
	return nil
}

type statsRow struct {
	key     string
	total   int
	perYear []int
	change  int
}

func rows[K ~string](series []query.Series[K], from int) []statsRow {
	out := make([]statsRow, len(series))
	for i, s := range series {
		ch := s.Change()
		out[i] = statsRow{key: string(s.Key), total: s.Total, perYear: s.PerYear[from:]}
		if n := len(ch); n > 1 {
			out[i].change = ch[n-1]
		}
	}
	return out
}

// section prints one category: each value's total, its count in the latest years, and
// the change in the last year from the year before.
func section(out io.Writer, title string, years []int, rows []statsRow) {
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(out, "\n%s\n", title)
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	head := []string{"TOTAL"}
	for _, y := range years {
		head = append(head, strconv.Itoa(y))
	}
	fmt.Fprintf(w, "%s\tCHANGE\t\n", strings.Join(head, "\t"))
	for _, r := range rows {
		cells := []string{strconv.Itoa(r.total)}
		for _, n := range r.perYear {
			cells = append(cells, strconv.Itoa(n))
		}
		fmt.Fprintf(w, "%s\t%s\t  %s\n", strings.Join(cells, "\t"), signed(r.change, 1), r.key)
	}
	w.Flush()
}

// signed formats a change as "+3", "-1" or "0"; the first year has no change to show.
func signed(n, i int) string {
	switch {
	case i == 0:
		return ""
	case n > 0:
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
