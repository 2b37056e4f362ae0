package model

import (
	"slices"
	"strings"
)

// Kind names one of the six entity kinds.
type Kind string

// The entity kinds. Each is stored in a directory of its plural name (see [Kind.Dir]).
const (
	KindIncident   Kind = "incident"
	KindActor      Kind = "actor"
	KindTechnique  Kind = "technique"
	KindTool       Kind = "tool"
	KindDefense    Kind = "defense"
	KindTechnology Kind = "technology"
)

var kindVocabulary = vocabulary[Kind]{"kind", []Kind{KindIncident, KindActor, KindTechnique, KindTool, KindDefense, KindTechnology}}

// Kinds returns the six kinds in a fixed order: incident, actor, technique, tool,
// defense, technology.
func Kinds() []Kind { return kindVocabulary.all() }

// Valid reports whether k is one of the six kinds.
func (k Kind) Valid() bool { return kindVocabulary.contains(k) }

// MarshalText implements [encoding.TextMarshaler].
func (k Kind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the singular form
// ("incident") and the directory form ("incidents").
func (k *Kind) UnmarshalText(text []byte) error {
	for _, v := range kindVocabulary.values {
		if string(text) == string(v) || string(text) == v.Dir() {
			*k = v
			return nil
		}
	}
	return kindVocabulary.unmarshal(k, text)
}

// Dir returns the directory that holds entities of kind k: "incidents", "actors",
// "techniques", "tools", "defenses" or "technologies".
func (k Kind) Dir() string {
	if k == KindTechnology {
		return "technologies"
	}
	return string(k) + "s"
}

// Typed IDs keep the kinds apart at compile time. Every ID is a lowercase slug matching
// ^[a-z0-9]+(-[a-z0-9]+)*$ (see [ValidID]); an ID never changes once published.
type (
	IncidentID   string // the ID of an [Incident]
	ActorID      string // the ID of an [Actor]
	TechniqueID  string // the ID of a [Technique]
	ToolID       string // the ID of a [Tool]
	DefenseID    string // the ID of a [Defense]
	TechnologyID string // the ID of a [Technology]
)

// ValidID reports whether s is a well-formed ID: lowercase ASCII letters and digits in
// groups joined by single hyphens, such as "storm-0558".
func ValidID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// A Ref names any entity: its kind and its ID.
type Ref struct {
	Kind Kind   `json:"kind"`
	ID   string `json:"id"`
}

// String returns "kind/id", for example "actor/storm-0558".
func (r Ref) String() string { return string(r.Kind) + "/" + r.ID }

// Compare orders refs by kind (in [Kinds] order) and then by ID.
func (r Ref) Compare(o Ref) int {
	if r.Kind != o.Kind {
		return slices.Index(kindVocabulary.values, r.Kind) - slices.Index(kindVocabulary.values, o.Kind)
	}
	switch {
	case r.ID < o.ID:
		return -1
	case r.ID > o.ID:
		return 1
	}
	return 0
}

// Entity is implemented by the six entity types: [Incident], [Actor], [Technique], [Tool],
// [Defense] and [Technology].
type Entity interface {
	// Ref returns the entity's kind and ID.
	Ref() Ref
	// Common returns the fields every entity has. Its slices are shared with the entity.
	Common() Entry
}

// Entry holds the fields every entity has. It is embedded in each entity type, so its
// fields read as the entity's own (incident.Name).
type Entry struct {
	// Name is the display name.
	Name string `json:"name"`
	// Aliases are other names of the entity, with who uses each where known.
	Aliases []Alias `json:"aliases,omitempty"`
	// Summary is one sentence.
	Summary string `json:"summary"`
	// Description is a few paragraphs separated by blank lines.
	Description string `json:"description"`
	// References support every fact in the entry; primary sources come first.
	References []Reference `json:"references"`
	// Added is when the entry entered the dataset; it drives STIX created.
	Added Date `json:"added"`
	// Updated is when the entry last changed materially; it drives STIX modified.
	Updated Date `json:"updated"`
	// Withdrawn, when set, marks an entry kept only so that its ID stays resolvable.
	Withdrawn *Withdrawal `json:"withdrawn,omitempty"`
}

// Common returns e. It makes every entity type an [Entity].
func (e Entry) Common() Entry { return e }

func (e Entry) clone() Entry {
	e.Aliases = slices.Clone(e.Aliases)
	e.References = slices.Clone(e.References)
	if e.Withdrawn != nil {
		w := *e.Withdrawn
		e.Withdrawn = &w
	}
	return e
}

// An Alias is another name of an entity.
type Alias struct {
	Name string `json:"name"`
	// By names who uses this name (for an actor, usually a security vendor), if known.
	By string `json:"by,omitempty"`
}

// A Reference is a published source that supports an entry.
type Reference struct {
	URL       string        `json:"url"`
	Title     string        `json:"title"`
	Publisher string        `json:"publisher"`
	Published Date          `json:"published,omitzero"`
	Kind      ReferenceKind `json:"kind"`
}

// A Withdrawal records why an entry is no longer current. Entries are never deleted.
type Withdrawal struct {
	Date   Date   `json:"date"`
	Reason string `json:"reason"`
}

// An Incident is a breach, a campaign or a research disclosure (see [IncidentType]).
type Incident struct {
	ID IncidentID `json:"id"`
	Entry
	Type IncidentType `json:"type"`
	// Disclosed is the date of first public disclosure.
	Disclosed Date `json:"disclosed"`
	// FirstSeen and LastSeen bound the activity, where known.
	FirstSeen Date      `json:"first_seen,omitzero"`
	LastSeen  Date      `json:"last_seen,omitzero"`
	Actors    []ActorID `json:"actors,omitempty"`
	// AttributionConfidence is set exactly when Actors is not empty.
	AttributionConfidence Confidence      `json:"attribution_confidence,omitempty"`
	InitialAccess         []InitialAccess `json:"initial_access"`
	Impact                []Impact        `json:"impact"`
	Techniques            []TechniqueID   `json:"techniques,omitempty"`
	Tools                 []ToolID        `json:"tools,omitempty"`
	Technologies          []TechnologyID  `json:"technologies,omitempty"`
	Victims               []Victim        `json:"victims,omitempty"`
	// Vulnerabilities are the CVE IDs exploited, such as "CVE-2023-34362".
	Vulnerabilities []string `json:"vulnerabilities,omitempty"`
}

// A Victim is an organisation affected by an incident.
type Victim struct {
	Name   string `json:"name"`
	Sector Sector `json:"sector,omitempty"`
}

// Ref returns the incident's kind and ID.
func (x Incident) Ref() Ref { return Ref{KindIncident, string(x.ID)} }

// Clone returns a deep copy of x.
func (x Incident) Clone() Incident {
	x.Entry = x.Entry.clone()
	x.Actors = slices.Clone(x.Actors)
	x.InitialAccess = slices.Clone(x.InitialAccess)
	x.Impact = slices.Clone(x.Impact)
	x.Techniques = slices.Clone(x.Techniques)
	x.Tools = slices.Clone(x.Tools)
	x.Technologies = slices.Clone(x.Technologies)
	x.Victims = slices.Clone(x.Victims)
	x.Vulnerabilities = slices.Clone(x.Vulnerabilities)
	return x
}

// An Actor is a threat actor: a group, a persona or a cluster of activity.
type Actor struct {
	ID ActorID `json:"id"`
	Entry
	Type        ActorType    `json:"type"`
	Attribution Attribution  `json:"attribution,omitzero"`
	Motivations []Motivation `json:"motivations"`
	FirstSeen   Date         `json:"first_seen,omitzero"`
	// MitreAttack is the ATT&CK group ID, such as "G0016", where one exists.
	MitreAttack string `json:"mitre_attack,omitempty"`
}

// Attribution says where an actor is held to be based and, for a state-sponsored actor,
// which state body it works for. For criminals and insiders the country is where they
// operate from; it does not imply state backing (see [Actor.Type]).
type Attribution struct {
	// Country is an ISO 3166-1 alpha-2 code, such as "CN".
	Country string `json:"country,omitempty"`
	// Agency is the state body a state-sponsored actor works for, such as "SVR", where
	// public.
	Agency     string     `json:"agency,omitempty"`
	Confidence Confidence `json:"confidence,omitempty"`
}

// IsZero reports whether no attribution is recorded.
func (a Attribution) IsZero() bool { return a == Attribution{} }

// Ref returns the actor's kind and ID.
func (x Actor) Ref() Ref { return Ref{KindActor, string(x.ID)} }

// Clone returns a deep copy of x.
func (x Actor) Clone() Actor {
	x.Entry = x.Entry.clone()
	x.Motivations = slices.Clone(x.Motivations)
	return x
}

// A Technique is something attackers do, mapped to ATT&CK or ATLAS where an entry fits.
type Technique struct {
	ID TechniqueID `json:"id"`
	Entry
	Tactics  []Tactic  `json:"tactics"`
	Mappings []Mapping `json:"mappings,omitempty"`
	// MappingNote explains why no framework entry fits; it is required when Mappings is empty.
	MappingNote string `json:"mapping_note,omitempty"`
}

// A Mapping points to an entry of a framework.
type Mapping struct {
	Framework Framework `json:"framework"`
	ID        string    `json:"id"`
}

// URL returns the framework's page for the mapping, or "" when the framework has no page
// addressable by ID (D3FEND pages are addressed by name).
func (m Mapping) URL() string {
	switch m.Framework {
	case FrameworkATTACK:
		switch {
		case len(m.ID) > 1 && m.ID[0] == 'T':
			id, sub, ok := strings.Cut(m.ID, ".")
			if ok {
				return "https://attack.mitre.org/techniques/" + id + "/" + sub + "/"
			}
			return "https://attack.mitre.org/techniques/" + id + "/"
		case len(m.ID) > 1 && m.ID[0] == 'M':
			return "https://attack.mitre.org/mitigations/" + m.ID + "/"
		}
	case FrameworkATLAS:
		return "https://atlas.mitre.org/techniques/" + m.ID
	}
	return ""
}

// Ref returns the technique's kind and ID.
func (x Technique) Ref() Ref { return Ref{KindTechnique, string(x.ID)} }

// Clone returns a deep copy of x.
func (x Technique) Clone() Technique {
	x.Entry = x.Entry.clone()
	x.Tactics = slices.Clone(x.Tactics)
	x.Mappings = slices.Clone(x.Mappings)
	return x
}

// A Tool is malware, or legitimate or offensive software that attackers abuse.
type Tool struct {
	ID ToolID `json:"id"`
	Entry
	Kind      ToolKind   `json:"kind"`
	ToolTypes []ToolType `json:"tool_types"`
	// MitreAttack is the ATT&CK software ID, such as "S0154", where one exists.
	MitreAttack string `json:"mitre_attack,omitempty"`
}

// Ref returns the tool's kind and ID.
func (x Tool) Ref() Ref { return Ref{KindTool, string(x.ID)} }

// Clone returns a deep copy of x.
func (x Tool) Clone() Tool {
	x.Entry = x.Entry.clone()
	x.ToolTypes = slices.Clone(x.ToolTypes)
	return x
}

// A Defense is a control that mitigates one or more techniques.
type Defense struct {
	ID DefenseID `json:"id"`
	Entry
	Mitigates []TechniqueID  `json:"mitigates"`
	AppliesTo []TechnologyID `json:"applies_to,omitempty"`
	// Mappings point to D3FEND techniques and ATT&CK mitigations.
	Mappings []Mapping `json:"mappings,omitempty"`
}

// Ref returns the defense's kind and ID.
func (x Defense) Ref() Ref { return Ref{KindDefense, string(x.ID)} }

// Clone returns a deep copy of x.
func (x Defense) Clone() Defense {
	x.Entry = x.Entry.clone()
	x.Mitigates = slices.Clone(x.Mitigates)
	x.AppliesTo = slices.Clone(x.AppliesTo)
	x.Mappings = slices.Clone(x.Mappings)
	return x
}

// A Technology is a product or service that attackers target.
type Technology struct {
	ID TechnologyID `json:"id"`
	Entry
	Vendor   string             `json:"vendor"`
	Category TechnologyCategory `json:"category"`
	// CPE is a CPE 2.3 prefix naming the product, where one exists.
	CPE string `json:"cpe,omitempty"`
}

// Ref returns the technology's kind and ID.
func (x Technology) Ref() Ref { return Ref{KindTechnology, string(x.ID)} }

// Clone returns a deep copy of x.
func (x Technology) Clone() Technology {
	x.Entry = x.Entry.clone()
	return x
}
