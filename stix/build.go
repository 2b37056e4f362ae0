package stix

import (
	"cmp"
	"slices"
	"strings"

	"github.com/cloudthreats/threatlandscape/model"
)

const (
	specVersion = "2.1"
	// timeLayout is RFC 3339 in UTC at millisecond precision, as STIX recommends.
	timeLayout = "2006-01-02T15:04:05.000Z"
	// producerTime is the created and modified time of the producer identity and the
	// extension-definition. Change it only when their content changes.
	producerTime = "2026-01-01T00:00:00.000Z"
	// killChain is the kill_chain_name of the tactics of attack-patterns.
	killChain = "mitre-attack"
	// ownSource is the external_references source_name that carries an entity's
	// dataset ID.
	ownSource = "threatlandscape"
)

// builder turns the selected entities of a graph into STIX objects.
type builder struct {
	g        *graph
	s        *selection
	incident string // "campaign" or "incident"
	software bool   // technologies consist of software objects
	objects  map[string]*object
}

func (b *builder) add(o *object) {
	if _, dup := b.objects[o.ID]; !dup {
		b.objects[o.ID] = o
	}
}

// build returns the bundle's objects in their fixed order: the producer identity, the
// extension-definition, then every other object by type and then id.
func build(g *graph, s *selection, as IncidentObject, software bool) []*object {
	b := &builder{g: g, s: s, incident: string(as), software: software, objects: map[string]*object{}}
	for _, id := range sortedKeys(s.incidents) {
		b.addIncident(g.incidents[id])
	}
	for _, id := range sortedKeys(s.actors) {
		b.addActor(g.actors[id])
	}
	for _, id := range sortedKeys(s.techniques) {
		b.addTechnique(g.techniques[id])
	}
	for _, id := range sortedKeys(s.tools) {
		b.addTool(g.tools[id])
	}
	for _, id := range sortedKeys(s.defenses) {
		b.addDefense(g.defenses[id])
	}
	for _, id := range sortedKeys(s.technologies) {
		b.addTechnology(g.technologies[id])
	}
	b.addVictimsAndVulnerabilities()

	rest := make([]*object, 0, len(b.objects))
	for _, o := range b.objects {
		rest = append(rest, o)
	}
	slices.SortFunc(rest, func(x, y *object) int {
		return cmp.Or(cmp.Compare(x.Type, y.Type), cmp.Compare(x.ID, y.ID))
	})
	return append([]*object{producer(), extensionDefinition()}, rest...)
}

// sdo returns an object with the common properties of an entity.
func sdo(typ string, ref model.Ref, e model.Entry, p *properties) *object {
	created, modified := times(e.Added, e.Updated)
	o := &object{
		Type:         typ,
		SpecVersion:  specVersion,
		ID:           EntityID(typ, ref),
		CreatedByRef: ProducerID,
		Created:      created,
		Modified:     modified,
		Revoked:      e.Withdrawn != nil,
		Name:         e.Name,
		Description:  strings.TrimSpace(cmp.Or(e.Description, e.Summary)),
		ExternalReferences: append(
			[]externalReference{{SourceName: ownSource, ExternalID: ref.ID}},
			references(e.References)...),
		ObjectMarkingRefs: []string{TLPClear},
	}
	p.ExtensionType = "property-extension"
	p.Summary = e.Summary
	for _, a := range e.Aliases {
		p.Aliases = append(p.Aliases, alias{Name: a.Name, By: a.By})
	}
	if w := e.Withdrawn; w != nil {
		p.Withdrawn = &withdrawn{Date: w.Date.String(), Reason: w.Reason}
	}
	for _, r := range e.References {
		p.References = append(p.References, reference{URL: r.URL, Kind: string(r.Kind), Published: r.Published.String()})
	}
	o.Extensions = &extensions{Properties: p}
	return o
}

// aliasNames returns the names of aliases, for the SDO types that have an aliases
// property.
func aliasNames(as []model.Alias) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func references(rs []model.Reference) []externalReference {
	out := make([]externalReference, 0, len(rs))
	for _, r := range rs {
		out = append(out, externalReference{
			SourceName:  cmp.Or(r.Publisher, "unknown"),
			Description: r.Title,
			URL:         r.URL,
		})
	}
	return out
}

// withMappings inserts the external references of framework mappings into o, ahead of
// its other references (after its own ID).
func withMappings(o *object, ms []model.Mapping) {
	var refs []externalReference
	for _, m := range ms {
		refs = append(refs, externalReference{
			SourceName: mappingSource(m.Framework),
			URL:        m.URL(),
			ExternalID: m.ID,
		})
	}
	o.ExternalReferences = slices.Insert(o.ExternalReferences, 1, refs...)
}

func (b *builder) addIncident(x model.Incident) {
	p := &properties{
		IncidentType:          string(x.Type),
		Disclosed:             x.Disclosed.String(),
		FirstSeen:             x.FirstSeen.String(),
		LastSeen:              x.LastSeen.String(),
		AttributionConfidence: string(x.AttributionConfidence),
		InitialAccess:         strs(x.InitialAccess),
		Impact:                strs(x.Impact),
	}
	o := sdo(b.incident, x.Ref(), x.Entry, p)
	if b.incident == string(Campaign) {
		o.Aliases = aliasNames(x.Aliases)
		o.FirstSeen = timestamp(x.FirstSeen)
		o.LastSeen = timestamp(x.LastSeen)
		if o.FirstSeen != "" && o.LastSeen < o.FirstSeen {
			o.LastSeen = o.FirstSeen // a month-precision last_seen in the first_seen month
		}
	}
	b.add(o)

	// The incident SDO of STIX 2.1 defines no relationships of its own, so an incident
	// links with related-to.
	rel := func(typ string) string {
		if b.incident == string(Campaign) {
			return typ
		}
		return "related-to"
	}
	for _, id := range x.Actors {
		r := b.relationship(rel("attributed-to"), o, x.Entry, EntityID("intrusion-set", refOf(model.KindActor, id)), b.g.actors[id].Entry)
		if c, ok := confidences[x.AttributionConfidence]; ok {
			r.Confidence = &c
		}
		b.add(r)
	}
	for _, id := range x.Techniques {
		b.add(b.relationship(rel("uses"), o, x.Entry, EntityID("attack-pattern", refOf(model.KindTechnique, id)), b.g.techniques[id].Entry))
	}
	for _, id := range x.Tools {
		t := b.g.tools[id]
		b.add(b.relationship(rel("uses"), o, x.Entry, EntityID(toolType(t), t.Ref()), t.Entry))
	}
	for _, id := range x.Technologies {
		typ := "compromises"
		if x.Type == model.IncidentTypeResearch {
			typ = "related-to" // a weakness disclosed, nothing compromised
		}
		b.add(b.relationship(rel(typ), o, x.Entry, EntityID("infrastructure", refOf(model.KindTechnology, id)), b.g.technologies[id].Entry))
	}
	for _, v := range x.Victims {
		if v.Name == "" {
			continue
		}
		b.add(b.relationship(rel("targets"), o, x.Entry, ID("identity", victimName(v.Name)), model.Entry{}))
	}
	for _, cve := range x.Vulnerabilities {
		if cve == "" {
			continue
		}
		b.add(b.relationship(rel("targets"), o, x.Entry, ID("vulnerability", vulnerabilityName(cve)), model.Entry{}))
	}
}

func refOf[ID ~string](kind model.Kind, id ID) model.Ref {
	return model.Ref{Kind: kind, ID: string(id)}
}

// relationship returns a relationship from src, whose entity is from, to the object
// with id target, whose entity is to (zero for victims and vulnerabilities). It is
// created when the later of the two entities was added and modified when either
// changed since.
func (b *builder) relationship(typ string, src *object, from model.Entry, target string, to model.Entry) *object {
	created, modified := src.Created, src.Modified
	if !to.Added.IsZero() {
		c, m := times(to.Added, to.Updated)
		created, modified = max(created, c), max(modified, m)
	}
	return &object{
		Type:              "relationship",
		SpecVersion:       specVersion,
		ID:                ID("relationship", "relationship/"+typ+"/"+src.ID+"/"+target),
		CreatedByRef:      ProducerID,
		Created:           created,
		Modified:          modified,
		RelationshipType:  typ,
		SourceRef:         src.ID,
		TargetRef:         target,
		ObjectMarkingRefs: []string{TLPClear},
	}
}

func (b *builder) addActor(x model.Actor) {
	p := &properties{
		ActorType:             string(x.Type),
		Country:               x.Attribution.Country,
		Agency:                x.Attribution.Agency,
		AttributionConfidence: string(x.Attribution.Confidence),
		Motivations:           strs(x.Motivations),
	}
	o := sdo("intrusion-set", x.Ref(), x.Entry, p)
	o.Aliases = aliasNames(x.Aliases)
	o.FirstSeen = timestamp(x.FirstSeen)
	o.ResourceLevel = resourceLevels[x.Type]
	if x.MitreAttack != "" {
		o.ExternalReferences = slices.Insert(o.ExternalReferences, 1, externalReference{
			SourceName: string(model.FrameworkATTACK), URL: attackURL(x.MitreAttack), ExternalID: x.MitreAttack,
		})
	}
	b.add(o)
}

func (b *builder) addTechnique(x model.Technique) {
	p := &properties{Tactics: strs(x.Tactics), MappingNote: x.MappingNote}
	o := sdo("attack-pattern", x.Ref(), x.Entry, p)
	o.Aliases = aliasNames(x.Aliases)
	withMappings(o, x.Mappings)
	for _, t := range x.Tactics {
		o.KillChainPhases = append(o.KillChainPhases, killChainPhase{KillChainName: killChain, PhaseName: string(t)})
	}
	b.add(o)
}

// toolType is the STIX type a tool becomes.
func toolType(x model.Tool) string {
	if x.Kind == model.ToolKindMalware {
		return "malware"
	}
	return "tool"
}

func (b *builder) addTool(x model.Tool) {
	p := &properties{ToolTypes: strs(x.ToolTypes)}
	o := sdo(toolType(x), x.Ref(), x.Entry, p)
	o.Aliases = aliasNames(x.Aliases)
	if o.Type == "malware" {
		family := true
		o.IsFamily = &family
		o.MalwareTypes = openVocabulary(x.ToolTypes, stixMalwareTypes)
	} else {
		o.ToolTypes = openVocabulary(x.ToolTypes, stixToolTypes)
	}
	if x.MitreAttack != "" {
		o.ExternalReferences = slices.Insert(o.ExternalReferences, 1, externalReference{
			SourceName: string(model.FrameworkATTACK), URL: attackURL(x.MitreAttack), ExternalID: x.MitreAttack,
		})
	}
	b.add(o)
}

func (b *builder) addDefense(x model.Defense) {
	o := sdo("course-of-action", x.Ref(), x.Entry, &properties{})
	withMappings(o, x.Mappings)
	b.add(o)
	for _, id := range x.Mitigates {
		if b.s.techniques[id] {
			b.add(b.relationship("mitigates", o, x.Entry, EntityID("attack-pattern", refOf(model.KindTechnique, id)), b.g.techniques[id].Entry))
		}
	}
	for _, id := range x.AppliesTo {
		if b.s.technologies[id] {
			// STIX defines no relationship from course-of-action to infrastructure.
			b.add(b.relationship("related-to", o, x.Entry, EntityID("infrastructure", refOf(model.KindTechnology, id)), b.g.technologies[id].Entry))
		}
	}
}

func (b *builder) addTechnology(x model.Technology) {
	p := &properties{Vendor: x.Vendor, Category: string(x.Category), CPE: x.CPE}
	o := sdo("infrastructure", x.Ref(), x.Entry, p)
	o.Aliases = aliasNames(x.Aliases)
	b.add(o)
	if b.software && x.Name != "" {
		sw := softwareObject(x)
		b.add(sw)
		r := b.relationship("consists-of", o, x.Entry, sw.ID, model.Entry{})
		b.add(r)
	}
}

// addVictimsAndVulnerabilities adds an identity per victim and a vulnerability per CVE
// of the selected incidents. Their times span every incident of the source that names
// them, selected or not, so a subset bundle holds the same objects as the full one.
func (b *builder) addVictimsAndVulnerabilities() {
	type span struct {
		created, modified string
		sectors           []string
	}
	widen := func(m map[string]*span, key string, x model.Incident) *span {
		c, md := times(x.Added, x.Updated)
		s, ok := m[key]
		if !ok {
			s = &span{created: c, modified: md}
			m[key] = s
		}
		s.created, s.modified = min(s.created, c), max(s.modified, md)
		return s
	}
	victims, vulns := map[string]*span{}, map[string]*span{}
	names := map[string]string{}
	for _, id := range sortedKeys(b.g.incidents) {
		x := b.g.incidents[id]
		for _, v := range x.Victims {
			if v.Name == "" {
				continue
			}
			s := widen(victims, v.Name, x)
			if v.Sector != "" && !slices.Contains(s.sectors, string(v.Sector)) {
				s.sectors = append(s.sectors, string(v.Sector))
			}
		}
		for _, cve := range x.Vulnerabilities {
			if cve == "" {
				continue
			}
			key := vulnerabilityName(cve)
			widen(vulns, key, x)
			if _, ok := names[key]; !ok {
				names[key] = strings.ToUpper(cve)
			}
		}
	}
	for _, id := range sortedKeys(b.s.incidents) {
		x := b.g.incidents[id]
		for _, v := range x.Victims {
			s, ok := victims[v.Name]
			if !ok {
				continue
			}
			sectors := slices.Clone(s.sectors)
			slices.Sort(sectors)
			b.add(&object{
				Type:              "identity",
				SpecVersion:       specVersion,
				ID:                ID("identity", victimName(v.Name)),
				CreatedByRef:      ProducerID,
				Created:           s.created,
				Modified:          s.modified,
				Name:              v.Name,
				IdentityClass:     "organization",
				Sectors:           sectors,
				ObjectMarkingRefs: []string{TLPClear},
			})
		}
		for _, cve := range x.Vulnerabilities {
			key := vulnerabilityName(cve)
			s, ok := vulns[key]
			if !ok {
				continue
			}
			name := names[key]
			b.add(&object{
				Type:         "vulnerability",
				SpecVersion:  specVersion,
				ID:           ID("vulnerability", key),
				CreatedByRef: ProducerID,
				Created:      s.created,
				Modified:     s.modified,
				Name:         name,
				ExternalReferences: []externalReference{{
					SourceName: "cve",
					URL:        "https://www.cve.org/CVERecord?id=" + name,
					ExternalID: name,
				}},
				ObjectMarkingRefs: []string{TLPClear},
			})
		}
	}
}

func victimName(name string) string { return "victim/" + name }

func vulnerabilityName(cve string) string { return "vulnerability/" + strings.ToUpper(cve) }

// times returns the created and modified timestamps of an entity added and updated on
// the given dates: created is never after modified.
func times(added, updated model.Date) (created, modified string) {
	created = cmp.Or(timestamp(added), timestamp(updated), producerTime)
	modified = max(created, timestamp(updated))
	return created, modified
}

// timestamp returns the first instant of d, or "" for the zero Date.
func timestamp(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Start().Format(timeLayout)
}
