// Command navigator writes a MITRE ATT&CK Navigator layer (layer format 4.5, domain
// enterprise-attack) of the techniques seen in the cloud threat landscape to standard
// output. Each ATT&CK technique is scored by the number of incidents that used it; open
// the file in the Navigator (https://mitre-attack.github.io/attack-navigator/) with
// "Open Existing Layer".
//
//	go run ./examples/navigator > cloud-landscape-layer.json
package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

// Layer is the subset of the Navigator layer format 4.5 this program writes.
type Layer struct {
	Name         string      `json:"name"`
	Versions     Versions    `json:"versions"`
	Domain       string      `json:"domain"`
	Description  string      `json:"description"`
	Sorting      int         `json:"sorting"`
	Techniques   []Technique `json:"techniques"`
	Gradient     Gradient    `json:"gradient"`
	HideDisabled bool        `json:"hideDisabled"`
}

// Versions names the ATT&CK, Navigator and layer format versions.
type Versions struct {
	Attack    string `json:"attack"`
	Navigator string `json:"navigator"`
	Layer     string `json:"layer"`
}

// Technique is one scored technique of a layer.
type Technique struct {
	TechniqueID string `json:"techniqueID"`
	Score       int    `json:"score"`
	Comment     string `json:"comment"`
	Enabled     bool   `json:"enabled"`
}

// Gradient colours scores from minValue to maxValue.
type Gradient struct {
	Colors   []string `json:"colors"`
	MinValue int      `json:"minValue"`
	MaxValue int      `json:"maxValue"`
}

func main() {
	layer := build(threatlandscape.Default())
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(layer); err != nil {
		log.Fatal(err)
	}
}

// build scores every ATT&CK technique ID that our techniques map to by the number of
// distinct incidents that used one of those techniques.
func build(d *dataset.Dataset) Layer {
	incidents := map[string]map[model.IncidentID]bool{} // ATT&CK ID -> incidents
	names := map[string][]string{}                      // ATT&CK ID -> our technique names
	for t := range d.Techniques() {
		for _, m := range t.Mappings {
			if m.Framework != model.FrameworkATTACK {
				continue
			}
			if incidents[m.ID] == nil {
				incidents[m.ID] = map[model.IncidentID]bool{}
			}
			names[m.ID] = append(names[m.ID], t.Name)
			for id := range d.IncidentsByTechnique(t.ID) {
				incidents[m.ID][id] = true
			}
		}
	}
	layer := Layer{
		Name:        "Cloud threat landscape",
		Versions:    Versions{Attack: "18", Navigator: "5.1.0", Layer: "4.5"},
		Domain:      "enterprise-attack",
		Description: fmt.Sprintf("ATT&CK techniques seen in the cloud incidents of threatlandscape (data %s), scored by the number of incidents that used them.", threatlandscape.DataVersion),
		Sorting:     3, // descending by score
		Gradient:    Gradient{Colors: []string{"#ffffff", "#ff6666"}, MinValue: 0},
	}
	for id, set := range incidents {
		layer.Techniques = append(layer.Techniques, Technique{
			TechniqueID: id,
			Score:       len(set),
			Comment:     "threatlandscape: " + strings.Join(names[id], "; "),
			Enabled:     true,
		})
		layer.Gradient.MaxValue = max(layer.Gradient.MaxValue, len(set))
	}
	slices.SortFunc(layer.Techniques, func(a, b Technique) int { return cmp.Compare(a.TechniqueID, b.TechniqueID) })
	return layer
}
