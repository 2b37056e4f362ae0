package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
	"github.com/cloudthreats/threatlandscape/rss"
	"github.com/cloudthreats/threatlandscape/stix"
)

// exportFlags are the options of the export command.
type exportFlags struct {
	output      string
	incidentsAs string
	selfURL     string
	itemURL     string
	limit       int
	compact     bool
}

func runExport(c *context, args []string) error {
	format := args[0]
	switch format {
	case "stix", "rss", "atom", "json":
	default:
		return fmt.Errorf("%w: unknown export format %q (want stix, rss, atom or json)", errUsage, format)
	}
	o := c.export
	if (format == "rss" || format == "atom") && o.selfURL == "" {
		return fmt.Errorf("%w: %s needs --self-url URL, the address the feed will be published at", errUsage, format)
	}
	if o.incidentsAs != "campaign" && o.incidentsAs != "incident" {
		return fmt.Errorf("%w: --incidents-as %q (want campaign or incident)", errUsage, o.incidentsAs)
	}
	d, err := c.dataset()
	if err != nil {
		return err
	}
	f, err := c.filters.filter(d)
	if err != nil {
		return err
	}
	ix := query.NewIndex(d)
	selected := map[model.IncidentID]bool{}
	for id := range ix.IncidentIDs(f) {
		selected[id] = true
	}
	subset := c.filters.any()
	return writeOutput(o.output, c.stdout, func(w io.Writer) error {
		switch format {
		case "stix":
			enc := stix.NewEncoder(w).SetPretty(!o.compact)
			if o.incidentsAs == "incident" {
				enc.SetIncidentsAs(stix.Incident)
			}
			if subset {
				enc.SetIncidentFilter(func(x model.Incident) bool { return selected[x.ID] })
			}
			return enc.Encode(d)
		case "rss", "atom":
			ff := rss.RSS
			if format == "atom" {
				ff = rss.Atom
			}
			enc := rss.NewEncoder(w, ff).SetSelfURL(o.selfURL).SetLimit(o.limit)
			if subset {
				enc.SetTitle("Cloud threat landscape: " + describe(d, f))
			}
			if o.itemURL != "" {
				enc.SetItemURL(o.itemURL)
			}
			return enc.Encode(d, ix.Incidents(f))
		default:
			es := d.Entities()
			if subset {
				es = ix.Subset(f)
			}
			return writeJSON(w, exported{DataVersion: dataVersion(c), Entities: es})
		}
	})
}

// exported is the JSON export: every entity of the dataset, or of a filtered subset with
// everything its incidents link to.
type exported struct {
	DataVersion string `json:"data_version,omitempty"`
	dataset.Entities
}

func dataVersion(c *context) string {
	if c.dataDir == "" {
		return threatlandscape.DataVersion
	}
	return ""
}

// writeOutput runs write against standard output, or against the file path, which it
// replaces only when write succeeds.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := write(w); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
