package query

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTerms(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Token-signing keys", []string{"token", "sign", "key"}},
		{"forged, forges, forge and forgery", []string{"forg", "forg", "forg", "and", "forgery"}},
		{"Storm-0558 (APT29)", []string{"storm", "0558", "apt29"}},
		{"policies accesses access status analysis", []string{"policy", "access", "access", "status", "analysis"}},
		{"AWS uses used using", []string{"aws", "use", "used", "using"}},
		{"Ümlaut ÉCOLE", []string{"ümlaut", "école"}},
		{"", nil},
		{" -- ", nil},
	} {
		if diff := cmp.Diff(tt.want, terms(tt.in)); diff != "" {
			t.Errorf("terms(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}
