package dataset

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/cloudthreats/threatlandscape/model"
)

// checker collects the problems of a dataset. locate, when set, turns an entity's index
// and field path into a file position (see Load); New leaves it nil.
type checker struct {
	errs   ErrorList
	locate func(k model.Kind, i int, field string) (file string, line, col int)
	skip   func(k model.Kind, i int, field string) bool // problems already reported while decoding
}

// entityChecker reports problems of one entity.
type entityChecker struct {
	c    *checker
	kind model.Kind
	i    int
	ref  model.Ref
}

func (c *checker) entity(k model.Kind, i int, id string) *entityChecker {
	return &entityChecker{c: c, kind: k, i: i, ref: model.Ref{Kind: k, ID: id}}
}

func (e *entityChecker) fail(field string, sentinel error, format string, args ...any) {
	if e.c.skip != nil && e.c.skip(e.kind, e.i, field) {
		return
	}
	err := &Error{Ref: e.ref, Field: field, Msg: fmt.Sprintf(format, args...), Err: sentinel}
	if e.c.locate != nil {
		err.File, err.Line, err.Col = e.c.locate(e.kind, e.i, field)
	}
	e.c.errs = append(e.c.errs, err)
}

func (e *entityChecker) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		e.fail(field, ErrRequired, "required")
	}
}

func (e *entityChecker) requiredDate(field string, d model.Date) {
	if d.IsZero() {
		e.fail(field, ErrRequired, "required (a date: YYYY, YYYY-MM or YYYY-MM-DD)")
	}
}

// vocab checks the values of one vocabulary field.
func vocab[T interface {
	~string
	Check() error
}](e *entityChecker, field string, values []T, needed bool) {
	if needed && len(values) == 0 {
		e.fail(field, ErrRequired, "required: at least one value")
	}
	seen := make(map[T]bool, len(values))
	for i, v := range values {
		f := field + "[" + strconv.Itoa(i) + "]"
		if err := v.Check(); err != nil {
			e.fail(f, ErrInvalidValue, "%v", err)
		} else if seen[v] {
			e.fail(f, ErrDuplicate, "%q is listed twice", v)
		}
		seen[v] = true
	}
}

func vocabOne[T interface {
	~string
	Check() error
}](e *entityChecker, field string, v T, needed bool) {
	switch {
	case v == "" && needed:
		e.fail(field, ErrRequired, "required")
	case v != "":
		if err := v.Check(); err != nil {
			e.fail(field, ErrInvalidValue, "%v", err)
		}
	}
}

// links checks a list of IDs of kind k against the set of known IDs.
func links[T ~string](e *entityChecker, field string, ids []T, k model.Kind, known map[T]int, needed bool) {
	if needed && len(ids) == 0 {
		e.fail(field, ErrRequired, "required: at least one %s ID", k)
	}
	seen := make(map[T]bool, len(ids))
	for i, id := range ids {
		f := field + "[" + strconv.Itoa(i) + "]"
		switch _, ok := known[id]; {
		case !model.ValidID(string(id)):
			e.fail(f, ErrInvalidID, "%q is not a valid %s ID (want a lowercase slug like \"storm-0558\")", id, k)
		case !ok:
			e.fail(f, ErrUnknownReference, "no %s with ID %q (want a file %s/%s.yaml)", k, id, k.Dir(), id)
		case seen[id]:
			e.fail(f, ErrDuplicate, "%q is listed twice", id)
		}
		seen[id] = true
	}
}

var (
	cveRE       = regexp.MustCompile(`^CVE-[0-9]{4}-[0-9]{4,}$`)
	groupRE     = regexp.MustCompile(`^G[0-9]{4}$`)
	softwareRE  = regexp.MustCompile(`^S[0-9]{4}$`)
	techniqueRE = regexp.MustCompile(`^T[0-9]{4}(\.[0-9]{3})?$`)
	atlasRE     = regexp.MustCompile(`^AML\.T[0-9]{4}(\.[0-9]{3})?$`)
	mitigateRE  = regexp.MustCompile(`^M[0-9]{4}$`)
	d3fendRE    = regexp.MustCompile(`^D3-[A-Z0-9]+$`)
	cpeRE       = regexp.MustCompile(`^cpe:2\.3:[aho](:[^:\s]+){1,10}$`)
)

const maxSummary = 400

func (e *entityChecker) common(id string, x *model.Entry) {
	switch {
	case id == "":
		e.fail("id", ErrRequired, "required")
	case !model.ValidID(id):
		e.fail("id", ErrInvalidID, "%q is not a valid ID (want a lowercase slug like \"storm-0558\")", id)
	}
	e.required("name", x.Name)
	for i, a := range x.Aliases {
		f := "aliases[" + strconv.Itoa(i) + "]"
		e.required(f+".name", a.Name)
		if strings.EqualFold(a.Name, x.Name) && a.Name != "" {
			e.fail(f+".name", ErrDuplicate, "alias %q repeats the name", a.Name)
		}
	}
	e.required("summary", x.Summary)
	if len(x.Summary) > maxSummary || strings.Contains(strings.TrimSpace(x.Summary), "\n\n") {
		e.fail("summary", ErrInvalidValue, "a summary is one sentence of at most %d bytes (got %d bytes)", maxSummary, len(x.Summary))
	}
	e.required("description", x.Description)
	if len(x.References) == 0 {
		e.fail("references", ErrRequired, "required: at least one reference")
	}
	urls := map[string]int{}
	for i, r := range x.References {
		f := "references[" + strconv.Itoa(i) + "]"
		if r.URL == "" {
			e.fail(f+".url", ErrRequired, "required")
		} else if err := checkURL(r.URL); err != nil {
			e.fail(f+".url", ErrInvalidURL, "%v", err)
		} else if j, dup := urls[r.URL]; dup {
			e.fail(f+".url", ErrDuplicate, "same URL as references[%d]", j)
		} else {
			urls[r.URL] = i
		}
		e.required(f+".title", r.Title)
		e.required(f+".publisher", r.Publisher)
		vocabOne(e, f+".kind", r.Kind, true)
	}
	e.requiredDate("added", x.Added)
	e.requiredDate("updated", x.Updated)
	if !x.Added.IsZero() && !x.Updated.IsZero() && endsBefore(x.Updated, x.Added) {
		e.fail("updated", ErrDateOrder, "updated %s is before added %s", x.Updated, x.Added)
	}
	if w := x.Withdrawn; w != nil {
		e.requiredDate("withdrawn.date", w.Date)
		e.required("withdrawn.reason", w.Reason)
	}
}

// endsBefore reports whether the span of a ends before the span of b starts: the dates
// cannot be in order whatever day a less precise one stands for. A last_seen of
// "2022-04" after a first_seen of "2022-04-07" is in order; "2022-03" is not.
func endsBefore(a, b model.Date) bool { return !a.End().After(b.Start()) }

// checkURL accepts absolute https URLs with a host and no credentials.
func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("malformed URL %q", s)
	}
	switch {
	case u.Scheme != "https":
		return fmt.Errorf("scheme %q not allowed in %q (want https)", u.Scheme, s)
	case u.Host == "" || u.Hostname() == "":
		return fmt.Errorf("URL %q has no host", s)
	case u.User != nil:
		return fmt.Errorf("URL %q must not carry credentials", s)
	case strings.ContainsAny(s, " \t\r\n\"<>\\^`{|}"):
		return fmt.Errorf("URL %q contains characters that must be escaped", s)
	}
	return nil
}

func (e *entityChecker) mappings(mappings []model.Mapping, allowed map[model.Framework]*regexp.Regexp, shapes string) {
	seen := map[model.Mapping]bool{}
	for i, m := range mappings {
		f := "mappings[" + strconv.Itoa(i) + "]"
		if m.Framework == "" {
			e.fail(f+".framework", ErrRequired, "required")
			continue
		}
		if err := m.Framework.Check(); err != nil {
			e.fail(f+".framework", ErrInvalidValue, "%v", err)
			continue
		}
		re, ok := allowed[m.Framework]
		switch {
		case !ok:
			e.fail(f+".framework", ErrInvalidValue, "framework %q does not apply here (want %s)", m.Framework, shapes)
		case m.ID == "":
			e.fail(f+".id", ErrRequired, "required")
		case !re.MatchString(m.ID):
			e.fail(f+".id", ErrInvalidValue, "%q is not a %s ID of the right shape (want %s)", m.ID, m.Framework, shapes)
		case seen[m]:
			e.fail(f, ErrDuplicate, "%s %s is listed twice", m.Framework, m.ID)
		}
		seen[m] = true
	}
}

var (
	techniqueFrameworks = map[model.Framework]*regexp.Regexp{model.FrameworkATTACK: techniqueRE, model.FrameworkATLAS: atlasRE}
	defenseFrameworks   = map[model.Framework]*regexp.Regexp{model.FrameworkATTACK: mitigateRE, model.FrameworkD3FEND: d3fendRE}
)

// check validates every entity of es and the links between them.
func (c *checker) check(es *Entities, ix *index) {
	for i := range es.Incidents {
		x := &es.Incidents[i]
		e := c.entity(model.KindIncident, i, string(x.ID))
		e.common(string(x.ID), &x.Entry)
		vocabOne(e, "type", x.Type, true)
		e.requiredDate("disclosed", x.Disclosed)
		if !x.FirstSeen.IsZero() && !x.LastSeen.IsZero() && endsBefore(x.LastSeen, x.FirstSeen) {
			e.fail("last_seen", ErrDateOrder, "last_seen %s is before first_seen %s", x.LastSeen, x.FirstSeen)
		}
		links(e, "actors", x.Actors, model.KindActor, ix.actors, false)
		switch {
		case len(x.Actors) > 0 && x.AttributionConfidence == "":
			e.fail("attribution_confidence", ErrInconsistentField, "required when actors is set")
		case len(x.Actors) == 0 && x.AttributionConfidence != "":
			e.fail("attribution_confidence", ErrInconsistentField, "set without any actors")
		default:
			vocabOne(e, "attribution_confidence", x.AttributionConfidence, false)
		}
		vocab(e, "initial_access", x.InitialAccess, true)
		vocab(e, "impact", x.Impact, true)
		links(e, "techniques", x.Techniques, model.KindTechnique, ix.techniques, false)
		links(e, "tools", x.Tools, model.KindTool, ix.tools, false)
		links(e, "technologies", x.Technologies, model.KindTechnology, ix.technologies, false)
		for j, v := range x.Victims {
			f := "victims[" + strconv.Itoa(j) + "]"
			e.required(f+".name", v.Name)
			vocabOne(e, f+".sector", v.Sector, false)
		}
		for j, cve := range x.Vulnerabilities {
			if !cveRE.MatchString(cve) {
				e.fail("vulnerabilities["+strconv.Itoa(j)+"]", ErrInvalidValue, "%q is not a CVE ID (want CVE-YYYY-NNNN)", cve)
			}
		}
	}
	for i := range es.Actors {
		x := &es.Actors[i]
		e := c.entity(model.KindActor, i, string(x.ID))
		e.common(string(x.ID), &x.Entry)
		vocabOne(e, "type", x.Type, true)
		if a := x.Attribution; !a.IsZero() {
			if a.Country == "" {
				e.fail("attribution.country", ErrRequired, "required when attribution is set")
			} else if !isCountry(a.Country) {
				e.fail("attribution.country", ErrInvalidValue, "%q is not an ISO 3166-1 alpha-2 country code (such as CN, RU, KP, IR, US)", a.Country)
			}
			vocabOne(e, "attribution.confidence", a.Confidence, false)
		}
		vocab(e, "motivations", x.Motivations, true)
		if x.MitreAttack != "" && !groupRE.MatchString(x.MitreAttack) {
			e.fail("mitre_attack", ErrInvalidValue, "%q is not an ATT&CK group ID (want G followed by four digits)", x.MitreAttack)
		}
	}
	for i := range es.Techniques {
		x := &es.Techniques[i]
		e := c.entity(model.KindTechnique, i, string(x.ID))
		e.common(string(x.ID), &x.Entry)
		vocab(e, "tactics", x.Tactics, true)
		e.mappings(x.Mappings, techniqueFrameworks, "mitre-attack T1234 or T1234.001, mitre-atlas AML.T0051")
		if len(x.Mappings) == 0 && strings.TrimSpace(x.MappingNote) == "" {
			e.fail("mapping_note", ErrRequired, "required when mappings is empty: say why no framework entry fits")
		}
	}
	for i := range es.Tools {
		x := &es.Tools[i]
		e := c.entity(model.KindTool, i, string(x.ID))
		e.common(string(x.ID), &x.Entry)
		vocabOne(e, "kind", x.Kind, true)
		vocab(e, "tool_types", x.ToolTypes, true)
		if x.MitreAttack != "" && !softwareRE.MatchString(x.MitreAttack) {
			e.fail("mitre_attack", ErrInvalidValue, "%q is not an ATT&CK software ID (want S followed by four digits)", x.MitreAttack)
		}
	}
	for i := range es.Defenses {
		x := &es.Defenses[i]
		e := c.entity(model.KindDefense, i, string(x.ID))
		e.common(string(x.ID), &x.Entry)
		links(e, "mitigates", x.Mitigates, model.KindTechnique, ix.techniques, true)
		links(e, "applies_to", x.AppliesTo, model.KindTechnology, ix.technologies, false)
		e.mappings(x.Mappings, defenseFrameworks, "d3fend D3-MFA, mitre-attack mitigation M1032")
	}
	for i := range es.Technologies {
		x := &es.Technologies[i]
		e := c.entity(model.KindTechnology, i, string(x.ID))
		e.common(string(x.ID), &x.Entry)
		e.required("vendor", x.Vendor)
		vocabOne(e, "category", x.Category, true)
		if x.CPE != "" && !cpeRE.MatchString(x.CPE) {
			e.fail("cpe", ErrInvalidValue, "%q is not a CPE 2.3 prefix (want cpe:2.3:a:vendor:product)", x.CPE)
		}
	}
	c.names(es)
}

// names reports IDs, names and aliases that name two entities of one kind.
func (c *checker) names(es *Entities) {
	type owner struct {
		i  int
		id string
	}
	seenID := map[model.Kind]map[string]owner{}
	seenName := map[model.Kind]map[string]owner{}
	each(es, func(k model.Kind, i int, id string, x *model.Entry) {
		if seenID[k] == nil {
			seenID[k], seenName[k] = map[string]owner{}, map[string]owner{}
		}
		e := c.entity(k, i, id)
		if o, dup := seenID[k][id]; dup && id != "" {
			e.fail("id", ErrDuplicate, "ID %q is used by another %s (entry %d)", id, k, o.i+1)
		} else {
			seenID[k][id] = owner{i, id}
		}
		claim := func(field, name string) {
			key := strings.ToLower(strings.TrimSpace(name))
			if key == "" {
				return
			}
			if o, dup := seenName[k][key]; dup && o.id != id {
				e.fail(field, ErrDuplicate, "%q also names %s %q", name, k, o.id)
				return
			}
			seenName[k][key] = owner{i, id}
		}
		claim("name", x.Name)
		for j, a := range x.Aliases {
			claim("aliases["+strconv.Itoa(j)+"].name", a.Name)
		}
	})
}

// each calls f for the common part of every entity, in kind order then input order.
func each(es *Entities, f func(k model.Kind, i int, id string, x *model.Entry)) {
	for i := range es.Incidents {
		f(model.KindIncident, i, string(es.Incidents[i].ID), &es.Incidents[i].Entry)
	}
	for i := range es.Actors {
		f(model.KindActor, i, string(es.Actors[i].ID), &es.Actors[i].Entry)
	}
	for i := range es.Techniques {
		f(model.KindTechnique, i, string(es.Techniques[i].ID), &es.Techniques[i].Entry)
	}
	for i := range es.Tools {
		f(model.KindTool, i, string(es.Tools[i].ID), &es.Tools[i].Entry)
	}
	for i := range es.Defenses {
		f(model.KindDefense, i, string(es.Defenses[i].ID), &es.Defenses[i].Entry)
	}
	for i := range es.Technologies {
		f(model.KindTechnology, i, string(es.Technologies[i].ID), &es.Technologies[i].Entry)
	}
}

// isCountry reports whether s is an officially assigned ISO 3166-1 alpha-2 code.
func isCountry(s string) bool {
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	for i := 0; i+1 < len(countryCodes); i += 3 {
		if countryCodes[i:i+2] == s {
			return true
		}
	}
	return false
}

// countryCodes lists the 249 officially assigned ISO 3166-1 alpha-2 codes.
const countryCodes = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
	"KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS " +
	"MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU " +
	"RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
	"UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
