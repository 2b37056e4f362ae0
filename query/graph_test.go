package query_test

import (
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
	gocmp "github.com/google/go-cmp/cmp"
)

func ref(kind model.Kind, id string) model.Ref { return model.Ref{Kind: kind, ID: id} }

func out(rel query.Relation, kind model.Kind, id string) query.Link {
	return query.Link{Relation: rel, Ref: ref(kind, id)}
}

func in(rel query.Relation, kind model.Kind, id string) query.Link {
	return query.Link{Relation: rel, Incoming: true, Ref: ref(kind, id)}
}

func TestLinks(t *testing.T) {
	es := loadFixture(t).Entities()
	lonely := es.Actors[0]
	lonely.ID, lonely.Name, lonely.Aliases = "lonely-actor", "Lonely actor", nil
	es.Actors = append(es.Actors, lonely)
	d, err := dataset.New(es)
	if err != nil {
		t.Fatal(err)
	}
	ix := query.NewIndex(d)
	for _, tt := range []struct {
		ref  model.Ref
		want []query.Link
	}{
		{ref(model.KindIncident, "example-key-theft"), []query.Link{
			out(query.RelationAttributedTo, model.KindActor, "example-actor"),
			out(query.RelationUses, model.KindTechnique, "forged-tokens"),
			out(query.RelationUses, model.KindTool, "example-proxy"),
			out(query.RelationTargets, model.KindTechnology, "example-mail"),
		}},
		{ref(model.KindIncident, "example-cryptojacking"), []query.Link{
			out(query.RelationAttributedTo, model.KindActor, "example-miners"),
			out(query.RelationUses, model.KindTechnique, "cryptomining"),
			out(query.RelationUses, model.KindTechnique, "exposed-api"),
			out(query.RelationTargets, model.KindTechnology, "example-containers"),
		}},
		{ref(model.KindActor, "example-actor"), []query.Link{
			in(query.RelationAttributedTo, model.KindIncident, "example-key-theft"),
		}},
		{ref(model.KindTechnique, "cryptomining"), []query.Link{
			in(query.RelationUses, model.KindIncident, "example-cryptojacking"),
			in(query.RelationMitigates, model.KindDefense, "api-authentication"),
		}},
		{ref(model.KindTool, "example-proxy"), []query.Link{
			in(query.RelationUses, model.KindIncident, "example-key-theft"),
		}},
		{ref(model.KindTechnology, "example-mail"), []query.Link{
			in(query.RelationTargets, model.KindIncident, "example-key-theft"),
			in(query.RelationAppliesTo, model.KindDefense, "key-isolation"),
		}},
		{ref(model.KindDefense, "api-authentication"), []query.Link{
			out(query.RelationMitigates, model.KindTechnique, "cryptomining"),
			out(query.RelationMitigates, model.KindTechnique, "exposed-api"),
			out(query.RelationAppliesTo, model.KindTechnology, "example-containers"),
		}},
		{ref(model.KindActor, "lonely-actor"), []query.Link{}},
		{ref(model.KindActor, "nobody"), nil},
		{ref(model.KindIncident, "example-actor"), nil},
		{ref("planet", "earth"), nil},
	} {
		t.Run(tt.ref.String(), func(t *testing.T) {
			got := ix.Links(tt.ref)
			if diff := gocmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Links (-want +got):\n%s", diff)
			}
			if (got == nil) != (tt.want == nil) {
				t.Errorf("Links = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestLinkString(t *testing.T) {
	for _, tt := range []struct {
		l    query.Link
		want string
	}{
		{out(query.RelationUses, model.KindTechnique, "cryptomining"), "uses technique/cryptomining"},
		{in(query.RelationUses, model.KindIncident, "x"), "incident/x uses"},
	} {
		if got := tt.l.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

// actorFixture is the fixture with two more incidents by example-actor: one like
// example-key-theft, one that also used cryptomining and targeted example-containers.
func actorFixture(t testing.TB) *query.Index {
	return query.NewIndex(extended(t,
		disclosed("second-theft", "2024-03"),
		func(x *model.Incident) {
			disclosed("third-theft", "2022")(x)
			x.Techniques = append(x.Techniques, "cryptomining")
			x.Technologies = append(x.Technologies, "example-containers")
			x.Tools = nil
		},
	))
}

func TestUsedBy(t *testing.T) {
	ix := actorFixture(t)
	if diff := gocmp.Diff([]query.Tally[model.TechniqueID]{{"forged-tokens", 3}, {"cryptomining", 1}},
		ix.TechniquesUsedBy("example-actor")); diff != "" {
		t.Errorf("TechniquesUsedBy (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff([]query.Tally[model.ToolID]{{"example-proxy", 2}},
		ix.ToolsUsedBy("example-actor")); diff != "" {
		t.Errorf("ToolsUsedBy (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff([]query.Tally[model.TechnologyID]{{"example-mail", 3}, {"example-containers", 1}},
		ix.TechnologiesTargetedBy("example-actor")); diff != "" {
		t.Errorf("TechnologiesTargetedBy (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff([]query.Tally[model.TechniqueID]{{"cryptomining", 1}, {"exposed-api", 1}},
		ix.TechniquesUsedBy("example-miners")); diff != "" {
		t.Errorf("TechniquesUsedBy(example-miners), ties by ID (-want +got):\n%s", diff)
	}
	if got := ix.ToolsUsedBy("example-miners"); got != nil {
		t.Errorf("ToolsUsedBy(example-miners) = %v, want nil", got)
	}
	if got := ix.TechniquesUsedBy("nobody"); got != nil {
		t.Errorf("TechniquesUsedBy(nobody) = %v, want nil", got)
	}
}

func TestDefenses(t *testing.T) {
	ix := actorFixture(t)
	keyIsolation := func(n int) query.DefenseScore {
		return query.DefenseScore{ID: "key-isolation", Incidents: n, Techniques: []model.TechniqueID{"forged-tokens"}}
	}
	for _, tt := range []struct {
		name string
		got  []query.DefenseScore
		want []query.DefenseScore
	}{
		{"incident", ix.DefensesForIncident("example-key-theft"), []query.DefenseScore{keyIsolation(1)}},
		{"incident with two techniques one defense covers", ix.DefensesForIncident("example-cryptojacking"), []query.DefenseScore{
			{ID: "api-authentication", Incidents: 1, Techniques: []model.TechniqueID{"cryptomining", "exposed-api"}},
		}},
		{"incident two defenses cover equally: ties by ID", ix.DefensesForIncident("third-theft"), []query.DefenseScore{
			{ID: "api-authentication", Incidents: 1, Techniques: []model.TechniqueID{"cryptomining"}},
			keyIsolation(1),
		}},
		{"unknown incident", ix.DefensesForIncident("nothing"), nil},
		{"actor: ranked by incidents covered", ix.DefensesForActor("example-actor"), []query.DefenseScore{
			keyIsolation(3),
			{ID: "api-authentication", Incidents: 1, Techniques: []model.TechniqueID{"cryptomining"}},
		}},
		{"unknown actor", ix.DefensesForActor("nobody"), nil},
		{"every incident", ix.DefensesFor(query.IncidentFilter{}), []query.DefenseScore{
			keyIsolation(3),
			{ID: "api-authentication", Incidents: 2, Techniques: []model.TechniqueID{"cryptomining", "exposed-api"}},
		}},
		{"ties by techniques covered", ix.DefensesFor(query.IncidentFilter{
			Technologies: []model.TechnologyID{"example-containers"},
			Types:        []model.IncidentType{model.IncidentTypeCampaign},
		}), []query.DefenseScore{
			{ID: "api-authentication", Incidents: 1, Techniques: []model.TechniqueID{"cryptomining", "exposed-api"}},
		}},
		{"no incidents", ix.DefensesFor(query.IncidentFilter{Text: "nothing like this"}), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if diff := gocmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestStack(t *testing.T) {
	ix := actorFixture(t)
	for _, tt := range []struct {
		name  string
		stack []model.TechnologyID
		want  query.StackReport
	}{
		{"one technology, unknown and repeated IDs", []model.TechnologyID{"example-mail", "nope", "example-mail", "nope"}, query.StackReport{
			Technologies: []model.TechnologyID{"example-mail"},
			Unknown:      []model.TechnologyID{"nope"},
			Incidents:    []model.IncidentID{"second-theft", "example-key-theft", "third-theft"},
			Techniques:   []query.Tally[model.TechniqueID]{{"forged-tokens", 3}, {"cryptomining", 1}},
			// api-authentication would catch the cryptomining seen here, but it applies
			// only to example-containers, which is not in the stack.
			Defenses: []query.DefenseScore{
				{ID: "key-isolation", Incidents: 3, Techniques: []model.TechniqueID{"forged-tokens"}},
			},
		}},
		{"defenses for other products left out", []model.TechnologyID{"example-containers"}, query.StackReport{
			Technologies: []model.TechnologyID{"example-containers"},
			Incidents:    []model.IncidentID{"example-cryptojacking", "third-theft"},
			Techniques:   []query.Tally[model.TechniqueID]{{"cryptomining", 2}, {"exposed-api", 1}, {"forged-tokens", 1}},
			Defenses: []query.DefenseScore{
				{ID: "api-authentication", Incidents: 2, Techniques: []model.TechniqueID{"cryptomining", "exposed-api"}},
			},
		}},
		{"defenses ranked by incidents, then techniques covered", []model.TechnologyID{"example-containers", "example-mail"}, query.StackReport{
			Technologies: []model.TechnologyID{"example-containers", "example-mail"},
			Incidents:    []model.IncidentID{"second-theft", "example-cryptojacking", "example-key-theft", "third-theft"},
			Techniques:   []query.Tally[model.TechniqueID]{{"forged-tokens", 3}, {"cryptomining", 2}, {"exposed-api", 1}},
			Defenses: []query.DefenseScore{
				{ID: "key-isolation", Incidents: 3, Techniques: []model.TechniqueID{"forged-tokens"}},
				{ID: "api-authentication", Incidents: 2, Techniques: []model.TechniqueID{"cryptomining", "exposed-api"}},
			},
		}},
		{"nothing known", []model.TechnologyID{"nope"}, query.StackReport{Unknown: []model.TechnologyID{"nope"}}},
		{"empty stack", nil, query.StackReport{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if diff := gocmp.Diff(tt.want, ix.Stack(tt.stack)); diff != "" {
				t.Errorf("Stack (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGraphOnRealData(t *testing.T) {
	d := loadReal(t)
	ix := query.NewIndex(d)
	// Every link is mirrored: asked from the other end, it comes back reversed.
	for _, k := range model.Kinds() {
		for _, id := range idsOf(d, k) {
			r := ref(k, id)
			links := ix.Links(r)
			if links == nil {
				t.Fatalf("Links(%s) = nil for an entity the dataset holds", r)
			}
			for _, l := range links {
				back := query.Link{Relation: l.Relation, Incoming: !l.Incoming, Ref: r}
				if !containsLink(ix.Links(l.Ref), back) {
					t.Errorf("%s has link %v, but %s lacks %v", r, l, l.Ref, back)
				}
			}
		}
	}
	// The seed incident's actor used token forgery, and a defense covers it.
	if got := ix.TechniquesUsedBy("storm-0558"); !containsTally(got, "token-forgery") {
		t.Errorf("TechniquesUsedBy(storm-0558) = %v, want token-forgery among them", got)
	}
	if got := ix.DefensesForIncident("microsoft-signing-key-compromise"); len(got) == 0 {
		t.Errorf("DefensesForIncident(microsoft-signing-key-compromise) = none")
	}
	rep := ix.Stack([]model.TechnologyID{"microsoft-exchange-online"})
	if !containsIncident(rep.Incidents, "microsoft-signing-key-compromise") {
		t.Errorf("Stack(microsoft-exchange-online).Incidents = %v, want the seed incident among them", rep.Incidents)
	}
	for i := 1; i < len(rep.Defenses); i++ {
		if rep.Defenses[i].Incidents > rep.Defenses[i-1].Incidents {
			t.Errorf("Stack defenses out of order at %d: %v", i, rep.Defenses)
		}
	}
}

func idsOf(d *dataset.Dataset, k model.Kind) []string {
	es := d.Entities()
	var ids []string
	switch k {
	case model.KindIncident:
		for _, x := range es.Incidents {
			ids = append(ids, string(x.ID))
		}
	case model.KindActor:
		for _, x := range es.Actors {
			ids = append(ids, string(x.ID))
		}
	case model.KindTechnique:
		for _, x := range es.Techniques {
			ids = append(ids, string(x.ID))
		}
	case model.KindTool:
		for _, x := range es.Tools {
			ids = append(ids, string(x.ID))
		}
	case model.KindDefense:
		for _, x := range es.Defenses {
			ids = append(ids, string(x.ID))
		}
	case model.KindTechnology:
		for _, x := range es.Technologies {
			ids = append(ids, string(x.ID))
		}
	}
	return ids
}

func containsLink(ls []query.Link, l query.Link) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

func containsTally(ts []query.Tally[model.TechniqueID], id model.TechniqueID) bool {
	for _, x := range ts {
		if x.Key == id {
			return true
		}
	}
	return false
}

func containsIncident(ids []model.IncidentID, id model.IncidentID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
