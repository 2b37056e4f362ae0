package stix

// The JSON shapes of what a bundle holds. One struct for every object type keeps the
// property order fixed (encoding/json writes struct fields in declaration order); every
// property that not all types carry is omitted when empty.

// bundle is the top-level STIX 2.1 envelope.
type bundle struct {
	Type    string    `json:"type"`
	ID      string    `json:"id"`
	Objects []*object `json:"objects"`
}

// object is one STIX object of any type.
type object struct {
	Type         string `json:"type"`
	SpecVersion  string `json:"spec_version"`
	ID           string `json:"id"`
	CreatedByRef string `json:"created_by_ref,omitempty"`
	Created      string `json:"created,omitempty"`  // absent on SCOs only
	Modified     string `json:"modified,omitempty"` // absent on SCOs only
	Revoked      bool   `json:"revoked,omitempty"`
	Confidence   *int   `json:"confidence,omitempty"`

	// relationship
	RelationshipType string `json:"relationship_type,omitempty"`
	SourceRef        string `json:"source_ref,omitempty"`
	TargetRef        string `json:"target_ref,omitempty"`

	Name        string   `json:"name,omitempty"`
	Description string   `json:"description,omitempty"`
	Aliases     []string `json:"aliases,omitempty"`

	// identity
	IdentityClass      string   `json:"identity_class,omitempty"`
	Sectors            []string `json:"sectors,omitempty"`
	ContactInformation string   `json:"contact_information,omitempty"`

	// software
	CPE    string `json:"cpe,omitempty"`
	Vendor string `json:"vendor,omitempty"`

	// campaign, intrusion-set
	FirstSeen     string `json:"first_seen,omitempty"`
	LastSeen      string `json:"last_seen,omitempty"`
	ResourceLevel string `json:"resource_level,omitempty"`

	// malware, tool
	IsFamily     *bool    `json:"is_family,omitempty"`
	MalwareTypes []string `json:"malware_types,omitempty"`
	ToolTypes    []string `json:"tool_types,omitempty"`

	// attack-pattern, tool, malware, incident
	KillChainPhases []killChainPhase `json:"kill_chain_phases,omitempty"`

	// extension-definition
	Schema         string   `json:"schema,omitempty"`
	Version        string   `json:"version,omitempty"`
	ExtensionTypes []string `json:"extension_types,omitempty"`

	ExternalReferences []externalReference `json:"external_references,omitempty"`
	ObjectMarkingRefs  []string            `json:"object_marking_refs"`
	Extensions         *extensions         `json:"extensions,omitempty"`
}

type killChainPhase struct {
	KillChainName string `json:"kill_chain_name"`
	PhaseName     string `json:"phase_name"`
}

type externalReference struct {
	SourceName  string `json:"source_name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	ExternalID  string `json:"external_id,omitempty"`
}

// extensions holds the one property extension; its key is [ExtensionID].
type extensions struct {
	Properties *properties `json:"extension-definition--993cd255-d3a7-5bff-8708-3a7aac8d9c62"`
}

// properties is the content of the property extension: the dataset's own fields that
// STIX has no property for. The schema text in extensionSchema documents each one.
type properties struct {
	ExtensionType string `json:"extension_type"`

	Summary   string     `json:"summary,omitempty"`
	Aliases   []alias    `json:"aliases,omitempty"`
	Withdrawn *withdrawn `json:"withdrawn,omitempty"`

	// incident (attribution_confidence also for actors: confidence in the country)
	IncidentType          string   `json:"incident_type,omitempty"`
	Disclosed             string   `json:"disclosed,omitempty"`
	FirstSeen             string   `json:"first_seen,omitempty"`
	LastSeen              string   `json:"last_seen,omitempty"`
	AttributionConfidence string   `json:"attribution_confidence,omitempty"`
	InitialAccess         []string `json:"initial_access,omitempty"`
	Impact                []string `json:"impact,omitempty"`

	// actor
	ActorType   string   `json:"actor_type,omitempty"`
	Country     string   `json:"country,omitempty"`
	Agency      string   `json:"agency,omitempty"`
	Motivations []string `json:"motivations,omitempty"`

	// technique
	Tactics     []string `json:"tactics,omitempty"`
	MappingNote string   `json:"mapping_note,omitempty"`

	// tool
	ToolTypes []string `json:"tool_types,omitempty"`

	// technology
	Vendor   string `json:"vendor,omitempty"`
	Category string `json:"category,omitempty"`
	CPE      string `json:"cpe,omitempty"`

	References []reference `json:"references,omitempty"`
}

type alias struct {
	Name string `json:"name"`
	By   string `json:"by,omitempty"`
}

type withdrawn struct {
	Date   string `json:"date"`
	Reason string `json:"reason"`
}

// reference keeps what external_references cannot: the kind and publication date of
// each of an entity's references, in the same order as its external_references.
type reference struct {
	URL       string `json:"url"`
	Kind      string `json:"kind,omitempty"`
	Published string `json:"published,omitempty"`
}
