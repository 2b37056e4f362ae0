// Package stix encodes a threat landscape dataset as a STIX 2.1 bundle, for threat
// intelligence platforms such as OpenCTI and MISP.
//
//	ds, err := dataset.Load(os.DirFS("my-data"))
//	if err != nil { ... }
//	err = stix.NewEncoder(os.Stdout).SetPretty(true).Encode(ds)
//
// # Objects
//
// Incidents become campaign objects (or incident objects, see [Encoder.SetIncidentsAs]),
// actors intrusion-set, techniques attack-pattern (with their MITRE ATT&CK and ATLAS IDs
// as external_references and their tactics as kill_chain_phases of the "mitre-attack"
// kill chain), tools tool or malware (a malware family: is_family true), defenses
// course-of-action, targeted technologies infrastructure, CVE IDs vulnerability and
// victims identity. An entity's references become external_references, after one
// with source_name "threatlandscape" whose external_id is the entity's dataset ID.
//
// Relationships use the types STIX 2.1 suggests for each pair: a campaign is
// attributed-to intrusion-sets, uses attack-patterns, tools and malware, compromises
// infrastructure (related-to for research, where nothing was compromised) and targets
// identities and vulnerabilities; a course-of-action mitigates attack-patterns. Where
// STIX defines none (a course-of-action applying to infrastructure, anything from an
// incident object) they are related-to. The attributed-to relationship carries the
// attribution confidence on the STIX None/Low/Med/High scale.
//
// Optionally ([Encoder.SetSoftware]) each infrastructure consists-of a software
// cyber-observable with the technology's vendor and CPE.
//
// # Subsets
//
// [Encoder.SetIncidentFilter] exports some incidents (a query result, say) with every
// object they link to, so that the bundle is self-contained. An object in a subset
// bundle is identical to the same object in the full bundle.
//
// Fields STIX has no property for (initial access, impact, dates at their real
// precision, attribution details, the dataset's vocabularies) travel in one property
// extension, whose extension-definition ([ExtensionID]) is in every bundle.
//
// Every object is created by the producer identity [ProducerID] and marked TLP:CLEAR
// ([TLPClear], the TLP 2.0 marking-definition, referenced by its well-known id and not
// repeated in the bundle). A withdrawn entity is exported revoked.
//
// # Determinism
//
// Identifiers are UUIDv5 in [Namespace] over stable names (see [ID] and [EntityID]), so
// they never change between releases. created and modified come from the entity's
// added and updated dates, at millisecond precision. Objects and their properties are
// written in a fixed order, and the bundle id is derived from the content: the same data
// gives byte-identical output.
//
// The encoder reads a [Source], a small interface that *dataset.Dataset satisfies; it
// does not import the embedded dataset.
package stix
