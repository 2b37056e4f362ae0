package stix

import (
	"strings"

	"github.com/cloudthreats/threatlandscape/model"
)

// scoNamespace is the namespace STIX 2.1 (section 2.9) fixes for the deterministic ids
// of cyber-observable objects.
var scoNamespace = mustParseUUID("00abedb4-aa42-466c-9c01-fed23315a9b7")

// softwareObject returns the software cyber-observable of a technology.
func softwareObject(x model.Technology) *object {
	cpe := fullCPE(x.CPE)
	// The id contributing properties of software, as RFC 8785 canonical JSON (keys in
	// order, no white space).
	var key strings.Builder
	key.WriteByte('{')
	if cpe != "" {
		key.WriteString(`"cpe":` + canonicalString(cpe) + `,`)
	}
	key.WriteString(`"name":` + canonicalString(x.Name))
	if x.Vendor != "" {
		key.WriteString(`,"vendor":` + canonicalString(x.Vendor))
	}
	key.WriteByte('}')
	return &object{
		Type:              "software",
		SpecVersion:       specVersion,
		ID:                "software--" + formatUUID(uuid5(scoNamespace, key.String())),
		Name:              x.Name,
		CPE:               cpe,
		Vendor:            x.Vendor,
		ObjectMarkingRefs: []string{TLPClear},
	}
}

// fullCPE pads a CPE 2.3 prefix such as "cpe:2.3:a:gitlab:gitlab" with "*" to the
// thirteen components of a CPE 2.3 formatted string. It returns "" for anything that
// does not start with "cpe:2.3:".
func fullCPE(prefix string) string {
	if !strings.HasPrefix(prefix, "cpe:2.3:") {
		return ""
	}
	n := strings.Count(prefix, ":") + 1 - strings.Count(prefix, `\:`)
	if n < 13 {
		prefix += strings.Repeat(":*", 13-n)
	}
	return prefix
}

// canonicalString returns s as an RFC 8785 JSON string: only '"', '\\' and control
// characters escaped, each byte of invalid UTF-8 replaced by U+FFFD, as encoding/json
// also does.
func canonicalString(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s { // each invalid byte becomes utf8.RuneError, as in encoding/json
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
