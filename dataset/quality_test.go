package dataset_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

// The dataset-quality tests run over the module's own data in dataset/data. Load's
// checks come first; then the checks that need outside knowledge (the ATT&CK, ATLAS and
// D3FEND catalogues in ../shared/reference, when that folder is present) and the
// editorial rules of CONTRIBUTING.md that a loader should not impose on everyone's data.

func loadData(t *testing.T) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Load(os.DirFS("data"))
	if err != nil {
		t.Fatalf("dataset/data is invalid:\n%v", err)
	}
	return d
}

// catalogue reads the first column of a reference TSV; ok is false when the reference
// folder is absent, as it is outside the project's workspace.
func catalogue(t *testing.T, name string) (ids map[string]bool, ok bool) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "shared", "reference", name))
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids = map[string]bool{}
	s := bufio.NewScanner(f)
	s.Buffer(make([]byte, 1<<20), 1<<20)
	for s.Scan() {
		id, _, _ := strings.Cut(s.Text(), "\t")
		ids[id] = true
	}
	return ids, true
}

func TestDataFrameworkIDsExistInCatalogues(t *testing.T) {
	d := loadData(t)
	attack, ok := catalogue(t, "attack-enterprise-techniques.tsv")
	if !ok {
		t.Skip("../shared/reference is not present")
	}
	atlas, _ := catalogue(t, "atlas-techniques.tsv")
	d3fend, _ := catalogue(t, "d3fend-techniques.tsv")
	mitigations, _ := catalogue(t, "attack-mitigations.tsv")
	groups, _ := catalogue(t, "attack-groups.tsv")
	software, _ := catalogue(t, "attack-software.tsv")
	check := func(ref model.Ref, id string, cat map[string]bool, what string) {
		if !cat[id] {
			t.Errorf("%s: %s %s is not in the catalogue", ref, what, id)
		}
	}
	for x := range d.Techniques() {
		for _, m := range x.Mappings {
			if m.Framework == model.FrameworkATLAS {
				check(x.Ref(), m.ID, atlas, "ATLAS technique")
			} else {
				check(x.Ref(), m.ID, attack, "ATT&CK technique")
			}
		}
	}
	for x := range d.Defenses() {
		for _, m := range x.Mappings {
			if m.Framework == model.FrameworkD3FEND {
				check(x.Ref(), m.ID, d3fend, "D3FEND technique")
			} else {
				check(x.Ref(), m.ID, mitigations, "ATT&CK mitigation")
			}
		}
	}
	for x := range d.Actors() {
		if x.MitreAttack != "" {
			check(x.Ref(), x.MitreAttack, groups, "ATT&CK group")
		}
	}
	for x := range d.Tools() {
		if x.MitreAttack != "" {
			check(x.Ref(), x.MitreAttack, software, "ATT&CK software")
		}
	}
}

// TestDataEditorialRules checks what CONTRIBUTING.md asks of every entry beyond the
// schema: actors and incidents have descriptions of at least two paragraphs, summaries
// are one sentence, and actors cite at least two references.
func TestDataEditorialRules(t *testing.T) {
	d := loadData(t)
	paragraphs := func(s string) int { return len(strings.Split(strings.TrimSpace(s), "\n\n")) }
	for x := range d.Incidents() {
		if n := paragraphs(x.Description); n < 2 {
			t.Errorf("%s: description has %d paragraph, want 2 to 4", x.Ref(), n)
		}
	}
	for x := range d.Actors() {
		if n := paragraphs(x.Description); n < 2 {
			t.Errorf("%s: profile has %d paragraph, want 2 to 4", x.Ref(), n)
		}
		if len(x.References) < 2 {
			t.Errorf("%s: %d reference, want at least 2", x.Ref(), len(x.References))
		}
	}
	for e := range d.All() {
		s := strings.TrimSpace(e.Common().Summary)
		if !strings.HasSuffix(s, ".") || strings.Contains(s, "\n\n") {
			t.Errorf("%s: summary is not one sentence ending in a full stop: %q", e.Ref(), s)
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?]\s+`)

// TestDataHasNoRepeatedSentences fails on boilerplate: a sentence of some length that
// appears in the descriptions of two entries.
func TestDataHasNoRepeatedSentences(t *testing.T) {
	d := loadData(t)
	seen := map[string]model.Ref{}
	for e := range d.All() {
		for _, s := range sentenceEnd.Split(e.Common().Description, -1) {
			s = strings.Join(strings.Fields(s), " ")
			if len(s) < 60 {
				continue
			}
			if prev, dup := seen[s]; dup && prev != e.Ref() {
				t.Errorf("%s repeats a sentence of %s: %q", e.Ref(), prev, s)
			}
			seen[s] = e.Ref()
		}
	}
}

// TestDataDefensesCoverMostTechniques keeps the defenses useful: together they mitigate
// at least 80% of the techniques, so that "what would have stopped this" has an answer
// for most incidents.
func TestDataDefensesCoverMostTechniques(t *testing.T) {
	d := loadData(t)
	var total, covered int
	for x := range d.Techniques() {
		total++
		for range d.DefensesByTechnique(x.ID) {
			covered++
			break
		}
	}
	if total > 0 && covered*100 < total*80 {
		t.Errorf("defenses mitigate %d of %d techniques (%d%%), want at least 80%%", covered, total, covered*100/total)
	}
}
