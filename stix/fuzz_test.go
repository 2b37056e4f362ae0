package stix_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/stix"
)

// FuzzEncode feeds hostile strings through every free-text field the encoder writes and
// checks that the bundle is valid UTF-8 JSON, the same on a second encode.
func FuzzEncode(f *testing.F) {
	f.Add("Example", "a \"quoted\" description\nwith </script> & <b>", "https://example.com/?q=\"x\"&y='z'", "CVE-2024-0001", "Victim \\ Corp")
	f.Add("\x00\x01\x1f\x7f", "\u2028\u2029", "javascript:alert(1)", "cve-\xff", "\xc3\x28")
	f.Add("", "", "", "", "")
	f.Add("\xed\xa0\x80 surrogate", "\ufeffBOM", "https://example.com/\u0000", "CVE-2024-0001\n", "\"}]}")
	es := fixture(f).Entities()
	f.Fuzz(func(t *testing.T, name, text, url, cve, victim string) {
		es := es.Clone()
		ref := model.Reference{URL: url, Title: text, Publisher: name, Kind: model.ReferenceNews}
		alias := []model.Alias{{Name: name, By: text}}
		for i := range es.Incidents {
			x := &es.Incidents[i]
			x.Name, x.Summary, x.Description, x.Aliases = name, text, text, alias
			x.References = append(x.References, ref)
			x.Vulnerabilities = append(x.Vulnerabilities, cve)
			x.Victims = append(x.Victims, model.Victim{Name: victim})
		}
		for i := range es.Actors {
			x := &es.Actors[i]
			x.Name, x.Description, x.Aliases, x.MitreAttack = name, text, alias, cve
			x.Attribution.Agency = text
		}
		for i := range es.Techniques {
			x := &es.Techniques[i]
			x.Name, x.MappingNote = name, text
			x.Mappings = append(x.Mappings, model.Mapping{Framework: model.FrameworkATTACK, ID: cve})
		}
		for i := range es.Tools {
			es.Tools[i].Name, es.Tools[i].References = name, []model.Reference{ref}
		}
		for i := range es.Technologies {
			x := &es.Technologies[i]
			x.Name, x.Vendor, x.CPE = name, text, url
		}
		for i := range es.Defenses {
			es.Defenses[i].Description = text
		}
		var a, b bytes.Buffer
		if err := stix.NewEncoder(&a).Encode(entities{es}); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		if err := stix.NewEncoder(&b).SetPretty(true).SetIncidentsAs(stix.Incident).SetSoftware(true).Encode(entities{es}); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		for _, out := range [][]byte{a.Bytes(), b.Bytes()} {
			if !utf8.Valid(out) {
				t.Fatalf("bundle is not valid UTF-8")
			}
			if !json.Valid(out) {
				t.Fatalf("bundle is not valid JSON:\n%s", out)
			}
		}
		var again bytes.Buffer
		if err := stix.NewEncoder(&again).Encode(entities{es}); err != nil || !bytes.Equal(again.Bytes(), a.Bytes()) {
			t.Fatalf("second encode differs (err %v)", err)
		}
	})
}
