package stix

import (
	"testing"

	"github.com/cloudthreats/threatlandscape/model"
)

// The want ids were computed independently: Python's uuid.uuid5 over
// json.dumps(props, sort_keys=True, separators=(",", ":"), ensure_ascii=False).
func TestSoftwareIDIsTheSTIXDeterministicID(t *testing.T) {
	tests := []struct {
		tech model.Technology
		want string
	}{
		{
			model.Technology{Entry: model.Entry{Name: "Example Mail"}, Vendor: "Example Corp", CPE: "cpe:2.3:a:example:mail"},
			"software--e564c1ac-1000-508e-9a03-b108554c0159",
		},
		{
			model.Technology{Entry: model.Entry{Name: "Tab\there \"q\" é\x01"}},
			"software--13d8f7b0-5383-5fd6-bccf-56d4ad50d49a",
		},
	}
	for _, tt := range tests {
		if got := softwareObject(tt.tech).ID; got != tt.want {
			t.Errorf("software id of %q = %s, want %s", tt.tech.Name, got, tt.want)
		}
	}
}

func TestFullCPEPadsToThirteenComponents(t *testing.T) {
	tests := []struct{ prefix, want string }{
		{"cpe:2.3:a:gitlab:gitlab", "cpe:2.3:a:gitlab:gitlab:*:*:*:*:*:*:*:*"},
		{"cpe:2.3:o:fortinet:fortios:7.0:*:*:*:*:*:*:*", "cpe:2.3:o:fortinet:fortios:7.0:*:*:*:*:*:*:*"},
		{`cpe:2.3:a:a\:b:c`, `cpe:2.3:a:a\:b:c:*:*:*:*:*:*:*:*`},
		{"", ""},
		{"cpe:/a:gitlab:gitlab", ""},
	}
	for _, tt := range tests {
		if got := fullCPE(tt.prefix); got != tt.want {
			t.Errorf("fullCPE(%q) = %q, want %q", tt.prefix, got, tt.want)
		}
	}
}
