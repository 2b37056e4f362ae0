package model_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cloudthreats/threatlandscape/model"
	"github.com/google/go-cmp/cmp"
)

func TestValidID(t *testing.T) {
	for s, want := range map[string]bool{
		"storm-0558": true, "a": true, "8220-gang": true,
		"": false, "-a": false, "a-": false, "a--b": false, "A": false, "a_b": false, "a b": false, "ä": false,
	} {
		if got := model.ValidID(s); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestVocabularyRejectsUnknownValuesListingTheAllowed(t *testing.T) {
	var v model.Impact
	err := json.Unmarshal([]byte(`"world-domination"`), &v)
	var ve *model.ValueError
	if !errors.As(err, &ve) || !errors.Is(err, model.ErrUnknownValue) {
		t.Fatalf("error %v is not a *ValueError wrapping ErrUnknownValue", err)
	}
	if !strings.Contains(err.Error(), "data-exfiltration, resource-hijacking") {
		t.Errorf("error %q does not list the allowed values", err)
	}
	if err := json.Unmarshal([]byte(`"resource-hijacking"`), &v); err != nil || v != model.ImpactResourceHijacking {
		t.Errorf("known value: %v, %v", v, err)
	}
	if len(model.InitialAccessValues()) != 15 || len(model.MotivationValues()) != 10 || len(model.SectorValues()) != 34 || len(model.TacticValues()) != 14 {
		t.Error("a vocabulary lost or gained values")
	}
}

func TestKindDirectories(t *testing.T) {
	var got []string
	for _, k := range model.Kinds() {
		got = append(got, k.Dir())
		var back model.Kind
		if err := back.UnmarshalText([]byte(k.Dir())); err != nil || back != k {
			t.Errorf("Kind %q does not parse back from %q", k, k.Dir())
		}
	}
	want := []string{"incidents", "actors", "techniques", "tools", "defenses", "technologies"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

func TestMappingURL(t *testing.T) {
	for m, want := range map[model.Mapping]string{
		{Framework: model.FrameworkATTACK, ID: "T1606.002"}: "https://attack.mitre.org/techniques/T1606/002/",
		{Framework: model.FrameworkATTACK, ID: "T1530"}:     "https://attack.mitre.org/techniques/T1530/",
		{Framework: model.FrameworkATTACK, ID: "M1032"}:     "https://attack.mitre.org/mitigations/M1032/",
		{Framework: model.FrameworkATLAS, ID: "AML.T0051"}:  "https://atlas.mitre.org/techniques/AML.T0051",
		{Framework: model.FrameworkD3FEND, ID: "D3-MFA"}:    "",
	} {
		if got := m.URL(); got != want {
			t.Errorf("%v.URL() = %q, want %q", m, got, want)
		}
	}
}

func TestCloneIsDeep(t *testing.T) {
	orig := model.Incident{
		ID:         "x",
		Entry:      model.Entry{Aliases: []model.Alias{{Name: "a"}}, References: []model.Reference{{URL: "https://a"}}, Withdrawn: &model.Withdrawal{Reason: "r"}},
		Actors:     []model.ActorID{"a"},
		Victims:    []model.Victim{{Name: "v"}},
		Techniques: []model.TechniqueID{"t"},
	}
	c := orig.Clone()
	c.Aliases[0].Name, c.References[0].URL, c.Withdrawn.Reason = "changed", "changed", "changed"
	c.Actors[0], c.Victims[0].Name, c.Techniques[0] = "changed", "changed", "changed"
	if orig.Aliases[0].Name != "a" || orig.References[0].URL != "https://a" || orig.Withdrawn.Reason != "r" ||
		orig.Actors[0] != "a" || orig.Victims[0].Name != "v" || orig.Techniques[0] != "t" {
		t.Errorf("changing the clone changed the original: %+v", orig)
	}
}

func TestIncidentJSONFieldNames(t *testing.T) {
	x := model.Incident{ID: "x", Type: model.IncidentTypeIncident, Disclosed: model.MustParseDate("2023-07-11")}
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"id":"x"`, `"disclosed":"2023-07-11"`, `"type":"incident"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
	if strings.Contains(string(b), "first_seen") {
		t.Errorf("JSON %s carries an unset first_seen", b)
	}
}
