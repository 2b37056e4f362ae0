package query

import (
	"math/bits"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cloudthreats/threatlandscape/dataset"
)

// TestTextSignatureHasNoFalseNegatives takes random pieces of the real incidents' text,
// in random case, and checks that the Text filter finds the incident each came from.
func TestTextSignatureHasNoFalseNegatives(t *testing.T) {
	d, err := dataset.Load(os.DirFS("../dataset/data"))
	if err != nil {
		t.Skipf("the real dataset does not load: %v", err) // the public tests report it
	}
	ix := NewIndex(d)
	rng := rand.New(rand.NewPCG(3, 4))
	ones, rows := 0, len(ix.inc.id)
	for r := range rows {
		for _, w := range ix.inc.sig[r*sigWords : (r+1)*sigWords] {
			ones += bits.OnesCount64(w)
		}
	}
	fill := float64(ones) / float64(rows*sigBits)
	t.Logf("signatures are %.0f%% full on average", 100*fill)
	if fill > 0.5 {
		t.Errorf("signatures are %.0f%% full; the filter loses its point above half", 100*fill)
	}
	for range 1000 {
		x, _ := d.Incident(ix.inc.id[rng.IntN(rows)])
		fields := append([]string{x.Name, x.Summary, x.Description}, func() (s []string) {
			for _, a := range x.Aliases {
				s = append(s, a.Name)
			}
			return s
		}()...)
		f := fields[rng.IntN(len(fields))]
		if len(f) == 0 {
			continue
		}
		i := rng.IntN(len(f))
		j := min(len(f), i+1+rng.IntN(30))
		text := f[i:j]
		if !utf8.ValidString(text) {
			continue // cut inside a character
		}
		if rng.IntN(2) == 0 && isASCII(text) {
			text = strings.ToUpper(text)
		}
		if !slices.Contains(slices.Collect(ix.IncidentIDs(IncidentFilter{Text: text})), x.ID) {
			t.Fatalf("Text %q does not find %s", text, x.ID)
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
