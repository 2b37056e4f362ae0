package threatlandscape_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/internal/landscape"
	"github.com/google/go-cmp/cmp"
)

func TestEmbeddedDataIsFresh(t *testing.T) {
	d, err := dataset.Load(os.DirFS("dataset/data"))
	if err != nil {
		t.Fatalf("dataset/data is invalid:\n%v", err)
	}
	want, _ := d.MarshalBinary()
	if !bytes.Equal(want, []byte(landscape.Data)) {
		t.Fatal("internal/landscape/landscape.bin is stale: run `go generate ./...` and commit the result")
	}
}

func TestDefaultEqualsLoadOfTheSource(t *testing.T) {
	d, err := threatlandscape.Load(os.DirFS("dataset/data"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d.Entities(), threatlandscape.Default().Entities()); diff != "" {
		t.Errorf("Default() differs from Load(dataset/data) (-load +default):\n%s", diff)
	}
	first, second := threatlandscape.Default(), threatlandscape.Default()
	if first != second {
		t.Error("Default() decoded the data twice")
	}
	if threatlandscape.DataSize != len(landscape.Data) || threatlandscape.DataSize == 0 {
		t.Errorf("DataSize = %d, want %d", threatlandscape.DataSize, len(landscape.Data))
	}
}

func TestSeedIncidentCarriesThePage(t *testing.T) {
	x, ok := threatlandscape.Default().Incident("microsoft-signing-key-compromise")
	if !ok {
		t.Fatal("seed incident missing")
	}
	got := map[string]any{
		"name": x.Name, "type": string(x.Type), "disclosed": x.Disclosed.String(),
		"actors": x.Actors, "initial": x.InitialAccess, "impact": x.Impact,
		"techniques": x.Techniques, "tools": x.Tools, "technologies": x.Technologies,
	}
	want := map[string]any{
		"name": "Microsoft signing key compromise", "type": "incident", "disclosed": "2023-07-11",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	pageURLs := []string{
		"https://www.politico.com/news/2023/09/15/digital-tripwire-helped-state-uncover-chinese-hack-00115973",
		"https://www.wiz.io/blog/storm-0558-compromised-microsoft-key-enables-authentication-of-countless-micr",
		"https://www.wiz.io/blog/key-takeaways-from-microsofts-latest-storm-0558-report",
		"https://www.bleepingcomputer.com/news/security/microsoft-breach-led-to-theft-of-60-000-us-state-dept-emails/",
		"https://msrc.microsoft.com/blog/2023/09/results-of-major-technical-investigations-for-storm-0558-key-acquisition/",
		"https://www.microsoft.com/en-us/security/blog/2023/07/14/analysis-of-storm-0558-techniques-for-unauthorized-email-access/",
		"https://www.cisa.gov/resources-tools/resources/cyber-safety-review-board-releases-report-microsoft-online-exchange-incident-summer-2023",
	}
	have := map[string]bool{}
	for _, r := range x.References {
		have[r.URL] = true
	}
	for _, u := range pageURLs {
		if !have[u] {
			t.Errorf("reference %s from the seed page is missing", u)
		}
	}
	contains := func(list []string, v string) bool {
		for _, x := range list {
			if x == v {
				return true
			}
		}
		return false
	}
	for field, pair := range map[string][2]any{
		"actors":        {strs(x.Actors), "storm-0558"},
		"initialAccess": {strs(x.InitialAccess), "end-user-compromise"},
		"impact1":       {strs(x.Impact), "supply-chain-attack"},
		"impact2":       {strs(x.Impact), "data-exfiltration"},
		"technique1":    {strs(x.Techniques), "token-forgery"},
		"technique2":    {strs(x.Techniques), "tor-anonymization"},
		"tool":          {strs(x.Tools), "softether-vpn"},
		"technology":    {strs(x.Technologies), "microsoft-exchange-online"},
	} {
		if !contains(pair[0].([]string), pair[1].(string)) {
			t.Errorf("%s: %v lacks %v", field, pair[0], pair[1])
		}
	}
	if x.FirstSeen.IsZero() || len(x.Victims) == 0 || x.AttributionConfidence == "" {
		t.Errorf("seed incident lacks first_seen, victims or attribution confidence: %+v", x)
	}
}

func strs[T ~string](s []T) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = string(v)
	}
	return out
}

// TestDataIsLinkedOnlyIntoDefaultUsers builds a program that uses the model and the
// loader, and one that calls Default, and looks for a slice of the compiled data in
// each binary: only the second may carry it.
func TestDataIsLinkedOnlyIntoDefaultUsers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two programs")
	}
	if len(landscape.Data) < 4096 {
		t.Skip("embedded data too small to fingerprint")
	}
	mid := len(landscape.Data) / 2
	fingerprint := []byte(landscape.Data[mid : mid+256])
	dir := t.TempDir()
	for _, tt := range []struct {
		pkg  string
		want bool
	}{
		{"./testdata/nodata", false},
		{"./testdata/withdata", true},
	} {
		bin := filepath.Join(dir, filepath.Base(tt.pkg))
		out, err := exec.Command("go", "build", "-o", bin, tt.pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go build %s: %v\n%s", tt.pkg, err, out)
		}
		b, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(b, fingerprint); got != tt.want {
			t.Errorf("binary of %s carries the data: %v, want %v", tt.pkg, got, tt.want)
		}
	}
}
