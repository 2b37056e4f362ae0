package stix

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"iter"
	"slices"

	"github.com/cloudthreats/threatlandscape/model"
)

// Source is what an [Encoder] reads: every entity of each kind. A *dataset.Dataset
// satisfies it. Entities may come in any order; of two with the same ID the first is
// used.
type Source interface {
	Incidents() iter.Seq[model.Incident]
	Actors() iter.Seq[model.Actor]
	Techniques() iter.Seq[model.Technique]
	Tools() iter.Seq[model.Tool]
	Defenses() iter.Seq[model.Defense]
	Technologies() iter.Seq[model.Technology]
}

// ErrUnknownReference reports an entity of a [Source] that links to an entity the
// Source does not hold (a dataset that was not validated).
var ErrUnknownReference = errors.New("stix: link to an unknown entity")

// IncidentObject is the STIX object type that incidents become.
type IncidentObject string

const (
	// Campaign exports incidents as STIX campaign objects, the default: the precedent of
	// MITRE ATT&CK, and the type with relationships to actors, techniques and targets.
	Campaign IncidentObject = "campaign"

	// Incident exports incidents as STIX incident objects. The STIX 2.1 incident is a
	// stub with no relationships of its own, so its links are all related-to, and
	// first_seen and last_seen live only in the property extension.
	Incident IncidentObject = "incident"
)

// An Encoder writes a dataset as one STIX 2.1 bundle. Configure it with the Set methods,
// which return the Encoder so that calls chain, then call Encode:
//
//	err := stix.NewEncoder(w).SetIncidentsAs(stix.Incident).SetPretty(true).Encode(ds)
//
// An Encoder is not safe for concurrent use; Encode may be called more than once.
type Encoder struct {
	w        io.Writer
	as       IncidentObject
	pretty   bool
	software bool
	keep     func(model.Incident) bool
}

// NewEncoder returns an Encoder that writes to w: compact JSON, every entity, incidents
// as campaigns.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, as: Campaign}
}

// SetIncidentsAs sets the STIX type incidents become: [Campaign] (the default) or
// [Incident]. Any other value means Campaign.
func (e *Encoder) SetIncidentsAs(t IncidentObject) *Encoder {
	if t != Incident {
		t = Campaign
	}
	e.as = t
	return e
}

// SetPretty sets whether the bundle is indented by two spaces (true) or compact (false,
// the default). Either way it ends with a newline, and the bundle id is the same.
func (e *Encoder) SetPretty(pretty bool) *Encoder {
	e.pretty = pretty
	return e
}

// SetSoftware sets whether each technology's infrastructure object consists-of a
// software object with its name, vendor and CPE (padded to a full CPE 2.3 name), for
// platforms that match software by CPE. The default is false. Software objects are STIX
// cyber-observables: their ids are the deterministic UUIDv5 that STIX 2.1 defines (in
// its own namespace, over name, cpe and vendor), and they carry no created or modified.
func (e *Encoder) SetSoftware(software bool) *Encoder {
	e.software = software
	return e
}

// SetIncidentFilter limits the bundle to the incidents for which keep returns true,
// with every object they link to: their actors, techniques, tools, targeted
// technologies, victims and vulnerabilities, and the defenses that mitigate their
// techniques (with only those mitigates relationships). The bundle is self-contained:
// every reference in it resolves. keep receives a copy of each incident.
//
// A nil keep, the default, exports every entity of the source, linked or not. A keep
// that accepts nothing gives a bundle with the producer and extension objects only.
func (e *Encoder) SetIncidentFilter(keep func(model.Incident) bool) *Encoder {
	e.keep = keep
	return e
}

// IncidentIDs returns a filter for [Encoder.SetIncidentFilter] that keeps the incidents
// with the given IDs.
func IncidentIDs(ids ...model.IncidentID) func(model.Incident) bool {
	ids = slices.Clone(ids)
	return func(x model.Incident) bool { return slices.Contains(ids, x.ID) }
}

// Encode writes src as a STIX 2.1 bundle. The output depends on src and the settings
// only: the same data gives byte-identical bundles.
//
// The bundle holds the producer identity ([ProducerID]) and the extension-definition
// ([ExtensionID]) first, then every other object ordered by type and then id. Every
// object references the TLP:CLEAR marking ([TLPClear]). Encode returns an error wrapping
// [ErrUnknownReference] when an included entity links to one src does not hold, and
// writes nothing then; otherwise it returns the writer's error, if any.
func (e *Encoder) Encode(src Source) error {
	g := read(src)
	s, err := selectAll(g, e.keep)
	if err != nil {
		return err
	}
	objects := build(g, s, e.as, e.software)
	out, err := marshalBundle(objects, e.pretty)
	if err != nil {
		return err
	}
	_, err = e.w.Write(out)
	return err
}

// marshalBundle encodes a bundle whose id is derived from its objects: the UUID of
// "bundle/" and the SHA-256 of their compact encoding.
func marshalBundle(objects []*object, pretty bool) ([]byte, error) {
	compact, err := marshal(objects, "")
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(compact)
	b := bundle{Type: "bundle", ID: ID("bundle", "bundle/"+hex.EncodeToString(sum[:])), Objects: objects}
	indent := ""
	if pretty {
		indent = "  "
	}
	return marshal(b, indent)
}

func marshal(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
