package stix_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/stix"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func fixture(t testing.TB) *dataset.Dataset {
	t.Helper()
	ds, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func encode(t testing.TB, e *stix.Encoder, buf *bytes.Buffer, src stix.Source) []byte {
	t.Helper()
	if err := e.Encode(src); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got), run go test -update if intended:\n%s", path, diff)
	}
}

func TestEncodeMatchesGoldenFiles(t *testing.T) {
	ds := fixture(t)
	tests := []struct {
		golden string
		setup  func(*stix.Encoder) *stix.Encoder
	}{
		{"full.json", func(e *stix.Encoder) *stix.Encoder { return e.SetPretty(true) }},
		{"full-incidents.json", func(e *stix.Encoder) *stix.Encoder { return e.SetPretty(true).SetIncidentsAs(stix.Incident) }},
		{"subset.json", func(e *stix.Encoder) *stix.Encoder {
			return e.SetPretty(true).SetIncidentFilter(stix.IncidentIDs("example-cryptojacking"))
		}},
		{"full-compact.json", func(e *stix.Encoder) *stix.Encoder { return e }},
		{"full-software.json", func(e *stix.Encoder) *stix.Encoder { return e.SetPretty(true).SetSoftware(true) }},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			golden(t, tt.golden, encode(t, tt.setup(stix.NewEncoder(&buf)), &buf, ds))
		})
	}
}

func TestEncodeTwiceIsByteIdentical(t *testing.T) {
	var a, b bytes.Buffer
	first := encode(t, stix.NewEncoder(&a).SetPretty(true), &a, fixture(t))
	second := encode(t, stix.NewEncoder(&b).SetPretty(true), &b, fixture(t))
	if !bytes.Equal(first, second) {
		t.Errorf("two encodes of the same data differ:\n%s", cmp.Diff(string(first), string(second)))
	}
}

func TestEncodeIgnoresSourceOrder(t *testing.T) {
	ds := fixture(t)
	var a, b bytes.Buffer
	want := encode(t, stix.NewEncoder(&a), &a, ds)
	got := encode(t, stix.NewEncoder(&b), &b, reversed(ds.Entities()))
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("entities in reverse order give another bundle (-want +got):\n%s", diff)
	}
}

func TestPrettyAndCompactHaveTheSameBundleID(t *testing.T) {
	ds := fixture(t)
	var a, b bytes.Buffer
	pretty := decode(t, encode(t, stix.NewEncoder(&a).SetPretty(true), &a, ds))
	compact := decode(t, encode(t, stix.NewEncoder(&b), &b, ds))
	if pretty.ID != compact.ID {
		t.Errorf("bundle id: pretty %s, compact %s", pretty.ID, compact.ID)
	}
}

func TestBundleIDDependsOnContent(t *testing.T) {
	ds := fixture(t)
	var a, b bytes.Buffer
	full := decode(t, encode(t, stix.NewEncoder(&a), &a, ds))
	subset := decode(t, encode(t, stix.NewEncoder(&b).SetIncidentFilter(stix.IncidentIDs("example-key-theft")), &b, ds))
	if full.ID == subset.ID {
		t.Errorf("full and subset bundles share the id %s", full.ID)
	}
}

func TestSubsetHoldsTheIncidentsAndWhatTheyLinkTo(t *testing.T) {
	ds := fixture(t)
	tests := []struct {
		ids  []model.IncidentID
		want []string // "type name" of every object but relationships
	}{
		{
			ids: []model.IncidentID{"example-key-theft"},
			want: []string{
				"identity Cloud Threat Landscape",
				"extension-definition threatlandscape dataset properties",
				"attack-pattern Forged tokens",
				"campaign Example key theft",
				"course-of-action Key isolation",
				"identity Example Agency",
				"infrastructure Example Mail",
				"intrusion-set Example Actor",
				"tool Example Proxy",
			},
		},
		{
			ids: []model.IncidentID{"example-cryptojacking"},
			want: []string{
				"identity Cloud Threat Landscape",
				"extension-definition threatlandscape dataset properties",
				"attack-pattern Cryptomining",
				"attack-pattern Exposed API abuse",
				"campaign Example cryptojacking campaign",
				"course-of-action API authentication",
				"infrastructure Example Containers",
				"intrusion-set Example Miners",
				"vulnerability CVE-2024-0001",
			},
		},
		{
			ids: nil,
			want: []string{
				"identity Cloud Threat Landscape",
				"extension-definition threatlandscape dataset properties",
			},
		},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.ids), func(t *testing.T) {
			var buf bytes.Buffer
			b := decode(t, encode(t, stix.NewEncoder(&buf).SetIncidentFilter(stix.IncidentIDs(tt.ids...)), &buf, ds))
			var got []string
			for _, o := range b.Objects {
				if o["type"] != "relationship" {
					got = append(got, fmt.Sprint(o["type"], " ", o["name"]))
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("objects (-want +got):\n%s", diff)
			}
			assertSelfContained(t, b)
		})
	}
}

func TestSubsetObjectsEqualTheFullBundles(t *testing.T) {
	ds := fixture(t)
	var a bytes.Buffer
	full := decode(t, encode(t, stix.NewEncoder(&a).SetSoftware(true), &a, ds))
	byID := map[string]map[string]any{}
	for _, o := range full.Objects {
		byID[o["id"].(string)] = o
	}
	for x := range ds.Incidents() {
		var b bytes.Buffer
		subset := decode(t, encode(t, stix.NewEncoder(&b).SetSoftware(true).SetIncidentFilter(stix.IncidentIDs(x.ID)), &b, ds))
		for _, o := range subset.Objects {
			if diff := cmp.Diff(byID[o["id"].(string)], o); diff != "" {
				t.Errorf("%s: %s differs between the full and the subset bundle (-full +subset):\n%s", x.ID, o["id"], diff)
			}
		}
	}
}

func TestEveryBundleIsSelfContained(t *testing.T) {
	for _, as := range []stix.IncidentObject{stix.Campaign, stix.Incident} {
		for _, software := range []bool{false, true} {
			var buf bytes.Buffer
			assertSelfContained(t, decode(t, encode(t, stix.NewEncoder(&buf).SetIncidentsAs(as).SetSoftware(software), &buf, fixture(t))))
		}
	}
}

func TestIncidentsAsIncidentLinkWithRelatedTo(t *testing.T) {
	var buf bytes.Buffer
	b := decode(t, encode(t, stix.NewEncoder(&buf).SetIncidentsAs(stix.Incident), &buf, fixture(t)))
	for _, o := range b.Objects {
		if o["type"] == "campaign" {
			t.Errorf("campaign %s in a bundle of incidents", o["id"])
		}
		src, _ := o["source_ref"].(string)
		if strings.HasPrefix(src, "incident--") && o["relationship_type"] != "related-to" {
			t.Errorf("%s: %s from an incident, want related-to", o["id"], o["relationship_type"])
		}
	}
}

func TestEntityIDNamesTheExportedObject(t *testing.T) {
	var buf bytes.Buffer
	b := decode(t, encode(t, stix.NewEncoder(&buf), &buf, fixture(t)))
	ids := map[string]bool{}
	for _, o := range b.Objects {
		ids[o["id"].(string)] = true
	}
	for _, want := range []string{
		stix.EntityID("campaign", model.Ref{Kind: model.KindIncident, ID: "example-key-theft"}),
		stix.EntityID("intrusion-set", model.Ref{Kind: model.KindActor, ID: "example-actor"}),
		stix.EntityID("attack-pattern", model.Ref{Kind: model.KindTechnique, ID: "forged-tokens"}),
		stix.EntityID("tool", model.Ref{Kind: model.KindTool, ID: "example-proxy"}),
		stix.EntityID("course-of-action", model.Ref{Kind: model.KindDefense, ID: "key-isolation"}),
		stix.EntityID("infrastructure", model.Ref{Kind: model.KindTechnology, ID: "example-mail"}),
		stix.ProducerID,
		stix.ExtensionID,
	} {
		if !ids[want] {
			t.Errorf("bundle has no object %s", want)
		}
	}
}

func TestEncodeRejectsLinksToUnknownEntities(t *testing.T) {
	es := fixture(t).Entities()
	es.Incidents[0].Actors = append(es.Incidents[0].Actors, "no-such-actor")
	var buf bytes.Buffer
	err := stix.NewEncoder(&buf).Encode(entities{es})
	if !errors.Is(err, stix.ErrUnknownReference) {
		t.Fatalf("Encode = %v, want ErrUnknownReference", err)
	}
	if !strings.Contains(err.Error(), "actor/no-such-actor") {
		t.Errorf("error %q does not name the missing actor", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Encode wrote %d bytes before failing", buf.Len())
	}
}

func TestEncodeReturnsTheWritersError(t *testing.T) {
	want := errors.New("disk full")
	if err := stix.NewEncoder(failingWriter{want}).Encode(fixture(t)); !errors.Is(err, want) {
		t.Errorf("Encode = %v, want %v", err, want)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// entities is a Source over plain slices, in the order given.
type entities struct{ es dataset.Entities }

func (s entities) Incidents() iter.Seq[model.Incident]      { return slices.Values(s.es.Incidents) }
func (s entities) Actors() iter.Seq[model.Actor]            { return slices.Values(s.es.Actors) }
func (s entities) Techniques() iter.Seq[model.Technique]    { return slices.Values(s.es.Techniques) }
func (s entities) Tools() iter.Seq[model.Tool]              { return slices.Values(s.es.Tools) }
func (s entities) Defenses() iter.Seq[model.Defense]        { return slices.Values(s.es.Defenses) }
func (s entities) Technologies() iter.Seq[model.Technology] { return slices.Values(s.es.Technologies) }

func reversed(es dataset.Entities) entities {
	slices.Reverse(es.Incidents)
	slices.Reverse(es.Actors)
	slices.Reverse(es.Techniques)
	slices.Reverse(es.Tools)
	slices.Reverse(es.Defenses)
	slices.Reverse(es.Technologies)
	return entities{es}
}

type decoded struct {
	Type    string           `json:"type"`
	ID      string           `json:"id"`
	Objects []map[string]any `json:"objects"`
}

func decode(t testing.TB, data []byte) decoded {
	t.Helper()
	var b decoded
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatalf("bundle is not valid JSON: %v", err)
	}
	return b
}

// assertSelfContained checks that every *_ref and *_refs in b names an object of b or
// the TLP:CLEAR marking.
func assertSelfContained(t *testing.T, b decoded) {
	t.Helper()
	ids := map[string]bool{stix.TLPClear: true}
	for _, o := range b.Objects {
		ids[o["id"].(string)] = true
	}
	var walk func(path string, v any)
	check := func(path string, ref any) {
		if s, _ := ref.(string); !ids[s] {
			t.Errorf("%s: dangling reference %v", path, ref)
		}
	}
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				switch {
				case strings.HasSuffix(k, "_ref"):
					check(path+"."+k, x)
				case strings.HasSuffix(k, "_refs"):
					for _, r := range x.([]any) {
						check(path+"."+k, r)
					}
				default:
					walk(path+"."+k, x)
				}
			}
		case []any:
			for _, x := range v {
				walk(path, x)
			}
		}
	}
	for _, o := range b.Objects {
		walk(o["id"].(string), o)
	}
}

func TestWithdrawnEntityIsRevoked(t *testing.T) {
	es := fixture(t).Entities()
	w := model.MustParseDate("2026-11-24")
	es.Actors[0].Withdrawn = &model.Withdrawal{Date: w, Reason: "merged into another actor"}
	var buf bytes.Buffer
	b := decode(t, encode(t, stix.NewEncoder(&buf), &buf, entities{es}))
	id := stix.EntityID("intrusion-set", es.Actors[0].Ref())
	for _, o := range b.Objects {
		if o["id"] != id {
			continue
		}
		if o["revoked"] != true {
			t.Errorf("%s: revoked = %v, want true", id, o["revoked"])
		}
		ext := o["extensions"].(map[string]any)[stix.ExtensionID].(map[string]any)
		want := map[string]any{"date": "2026-11-24", "reason": "merged into another actor"}
		if diff := cmp.Diff(want, ext["withdrawn"]); diff != "" {
			t.Errorf("withdrawn (-want +got):\n%s", diff)
		}
		return
	}
	t.Fatalf("no object %s", id)
}

func TestSetIncidentsAsUnknownValueMeansCampaign(t *testing.T) {
	ds := fixture(t)
	var a, b bytes.Buffer
	want := encode(t, stix.NewEncoder(&a), &a, ds)
	got := encode(t, stix.NewEncoder(&b).SetIncidentsAs("report"), &b, ds)
	if !bytes.Equal(want, got) {
		t.Errorf("SetIncidentsAs(\"report\") changed the bundle")
	}
}
