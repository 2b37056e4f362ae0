package main

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset/datasettest"
)

func TestLayerUsesOnlyRealTechniqueIDs(t *testing.T) {
	f, err := os.Open("../../../shared/reference/attack-enterprise-techniques.tsv")
	if err != nil {
		t.Skip("ATT&CK catalogue not present:", err)
	}
	defer f.Close()
	known := map[string]bool{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		id, _, _ := strings.Cut(s.Text(), "\t")
		known[id] = true
	}
	layer := build(datasettest.Landscape())
	if len(layer.Techniques) == 0 {
		t.Fatal("empty layer")
	}
	for _, tq := range layer.Techniques {
		if !known[tq.TechniqueID] {
			t.Errorf("technique %s is not in ATT&CK", tq.TechniqueID)
		}
		if tq.Score < 0 || tq.Score > layer.Gradient.MaxValue {
			t.Errorf("%s: score %d outside 0..%d", tq.TechniqueID, tq.Score, layer.Gradient.MaxValue)
		}
	}
	if layer.Versions.Layer != "4.5" || layer.Domain != "enterprise-attack" {
		t.Errorf("layer header %+v %s", layer.Versions, layer.Domain)
	}
}

func TestLayerScoresByIncidents(t *testing.T) {
	scores := map[string]int{}
	for _, tq := range build(datasettest.Landscape()).Techniques {
		scores[tq.TechniqueID] = tq.Score
	}
	// In the fixture, only the Capital One breach used instance metadata credential theft.
	if scores["T1552.005"] != 1 {
		t.Errorf("T1552.005 scored %d, want 1", scores["T1552.005"])
	}
}
