// Package datasettest gives the tests of programs that use threatlandscape a small,
// stable landscape and builders for entities, so that golden tests do not break when the
// embedded dataset grows.
//
// [Landscape] is a frozen, hand-picked slice of the real dataset: three incidents (the
// Microsoft signing key compromise by Storm-0558, the Capital One breach, and TeamTNT's
// 2020 AWS credential-stealing worm) with every actor, technique, tool and technology
// they link to, and seven defenses that mitigate their techniques. It never changes with
// data releases; a change to it is a breaking change of this package.
//
// For tests that need particular shapes of data, the builders ([Incident], [Actor], ...)
// return valid entities with placeholder text, and [New] assembles them into a dataset,
// creating a placeholder for every linked entity the test did not bother to build:
//
//	d := datasettest.New(t,
//		datasettest.Incident("breach-a", func(x *model.Incident) {
//			x.Actors = []model.ActorID{"crew-x"}
//			x.AttributionConfidence = model.ConfidenceLikely
//		}),
//	)
//	// d holds breach-a and a placeholder actor crew-x.
package datasettest

import (
	"embed"
	"fmt"
	"io/fs"
	"reflect"
	"sync"
	"testing"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

//go:embed landscape
var landscapeFiles embed.FS

// FS returns the files of [Landscape] as a dataset directory tree, for tests of code that
// loads datasets.
func FS() fs.FS {
	sub, err := fs.Sub(landscapeFiles, "landscape")
	if err != nil {
		panic(err) // the directory is embedded; this cannot happen
	}
	return sub
}

var landscape = sync.OnceValue(func() *dataset.Dataset {
	d, err := dataset.Load(FS())
	if err != nil {
		panic("datasettest: the embedded landscape is invalid: " + err.Error())
	}
	return d
})

// Landscape returns the frozen fixture dataset described in the package documentation.
// It is loaded once; the *Dataset is immutable and may be shared by parallel tests.
func Landscape() *dataset.Dataset { return landscape() }

// Date is the added, updated and disclosed date of the entities the builders make.
var Date = model.MustParseDate("2026-01-01")

func entry(k model.Kind, id string) model.Entry {
	return model.Entry{
		Name:        id,
		Summary:     fmt.Sprintf("Test %s %s.", k, id),
		Description: fmt.Sprintf("A %s built by datasettest for a test.", k),
		References: []model.Reference{{
			URL:       "https://example.com/datasettest/" + k.Dir() + "/" + id,
			Title:     "datasettest " + string(k),
			Publisher: "datasettest",
			Kind:      model.ReferenceOther,
		}},
		Added:   Date,
		Updated: Date,
	}
}

func apply[T any](x T, opts []func(*T)) T {
	for _, o := range opts {
		o(&x)
	}
	return x
}

// Incident returns a valid incident with the given ID: type incident, disclosed on
// [Date], initial access and impact unknown, placeholder text and one reference. Each
// option then changes it.
func Incident(id model.IncidentID, opts ...func(*model.Incident)) model.Incident {
	return apply(model.Incident{
		ID:            id,
		Entry:         entry(model.KindIncident, string(id)),
		Type:          model.IncidentTypeIncident,
		Disclosed:     Date,
		InitialAccess: []model.InitialAccess{model.AccessUnknown},
		Impact:        []model.Impact{model.ImpactUnknown},
	}, opts)
}

// Actor returns a valid actor with the given ID: type unknown, motivated by data theft.
// Each option then changes it.
func Actor(id model.ActorID, opts ...func(*model.Actor)) model.Actor {
	return apply(model.Actor{
		ID:          id,
		Entry:       entry(model.KindActor, string(id)),
		Type:        model.ActorUnknown,
		Motivations: []model.Motivation{model.MotivationDataTheft},
	}, opts)
}

// Technique returns a valid technique with the given ID: tactic initial-access, with no
// framework mapping (and a mapping note saying so). Each option then changes it.
func Technique(id model.TechniqueID, opts ...func(*model.Technique)) model.Technique {
	return apply(model.Technique{
		ID:          id,
		Entry:       entry(model.KindTechnique, string(id)),
		Tactics:     []model.Tactic{model.TacticInitialAccess},
		MappingNote: "Built by datasettest without a mapping.",
	}, opts)
}

// Tool returns a valid tool with the given ID: kind tool, type scanner. Each option then
// changes it.
func Tool(id model.ToolID, opts ...func(*model.Tool)) model.Tool {
	return apply(model.Tool{
		ID:        id,
		Entry:     entry(model.KindTool, string(id)),
		Kind:      model.ToolKindTool,
		ToolTypes: []model.ToolType{model.ToolTypeScanner},
	}, opts)
}

// Defense returns a valid defense with the given ID that mitigates the given technique.
// Each option then changes it.
func Defense(id model.DefenseID, mitigates model.TechniqueID, opts ...func(*model.Defense)) model.Defense {
	return apply(model.Defense{
		ID:        id,
		Entry:     entry(model.KindDefense, string(id)),
		Mitigates: []model.TechniqueID{mitigates},
	}, opts)
}

// Technology returns a valid technology with the given ID: vendor "Example", category
// saas. Each option then changes it.
func Technology(id model.TechnologyID, opts ...func(*model.Technology)) model.Technology {
	return apply(model.Technology{
		ID:       id,
		Entry:    entry(model.KindTechnology, string(id)),
		Vendor:   "Example",
		Category: model.CategorySaaS,
	}, opts)
}

// New returns a dataset of the given entities. For every entity they link to that is not
// among them, it adds one made by the matching builder, so a test builds only what it
// cares about. On invalid input it fails the test with every problem. The entities may
// be values or pointers of the six entity types.
func New(tb testing.TB, entities ...model.Entity) *dataset.Dataset {
	tb.Helper()
	d, err := Build(entities...)
	if err != nil {
		tb.Fatalf("datasettest.New: %v", err)
	}
	return d
}

// addMissing appends to dst an entity made by build for every ID in ids that names no
// entity yet. Invalid IDs are left for validation to report.
func addMissing[ID ~string, T any](have map[model.Ref]bool, k model.Kind, ids []ID, dst *[]T, build func(ID, ...func(*T)) T) {
	for _, id := range ids {
		r := model.Ref{Kind: k, ID: string(id)}
		if have[r] || !model.ValidID(string(id)) {
			continue
		}
		have[r] = true
		*dst = append(*dst, build(id))
	}
}

// Build is [New] for code without a testing.TB: it returns the problems as the
// [dataset.ErrorList] that [dataset.New] reports.
func Build(entities ...model.Entity) (*dataset.Dataset, error) {
	var es dataset.Entities
	have := map[model.Ref]bool{}
	for _, e := range entities {
		if v := reflect.ValueOf(e); v.Kind() == reflect.Pointer && !v.IsNil() {
			e = v.Elem().Interface().(model.Entity) // *model.Incident and the like
		}
		switch x := e.(type) {
		case model.Incident:
			es.Incidents = append(es.Incidents, x)
		case model.Actor:
			es.Actors = append(es.Actors, x)
		case model.Technique:
			es.Techniques = append(es.Techniques, x)
		case model.Tool:
			es.Tools = append(es.Tools, x)
		case model.Defense:
			es.Defenses = append(es.Defenses, x)
		case model.Technology:
			es.Technologies = append(es.Technologies, x)
		default:
			return nil, fmt.Errorf("datasettest: unsupported entity type %T", e)
		}
		have[e.Ref()] = true
	}
	for _, x := range es.Incidents {
		addMissing(have, model.KindActor, x.Actors, &es.Actors, Actor)
		addMissing(have, model.KindTechnique, x.Techniques, &es.Techniques, Technique)
		addMissing(have, model.KindTool, x.Tools, &es.Tools, Tool)
		addMissing(have, model.KindTechnology, x.Technologies, &es.Technologies, Technology)
	}
	for _, x := range es.Defenses {
		addMissing(have, model.KindTechnique, x.Mitigates, &es.Techniques, Technique)
		addMissing(have, model.KindTechnology, x.AppliesTo, &es.Technologies, Technology)
	}
	return dataset.New(es)
}
