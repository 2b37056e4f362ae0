package stix

import (
	"crypto/sha1" // #nosec G505 -- UUIDv5 is defined over SHA-1 (RFC 9562); no security use
	"encoding/hex"

	"github.com/cloudthreats/threatlandscape/model"
)

// Namespace is the project's UUID namespace: every STIX identifier this package
// produces is a UUIDv5 (RFC 9562) in it. It is itself the UUIDv5 of the URL
// "https://github.com/cloudthreats/threatlandscape" in the standard URL namespace
// (6ba7b811-9dad-11d1-80b4-00c04fd430c8), and it never changes.
const Namespace = "f5645af7-c981-5da1-82cc-5e8a1cbcf899"

// namespace is Namespace as bytes.
var namespace = mustParseUUID(Namespace)

// The identifiers of the fixed objects every bundle holds.
const (
	// ProducerID is the STIX identifier of the identity object that names this project as
	// the producer of every object (their created_by_ref): ID("identity", "identity/producer").
	ProducerID = "identity--9a1ab2b0-c683-5569-afd4-1d5092760b92"

	// ExtensionID is the STIX identifier of the extension-definition of the property
	// extension that carries the dataset's own fields:
	// ID("extension-definition", "extension-definition/properties").
	ExtensionID = "extension-definition--993cd255-d3a7-5bff-8708-3a7aac8d9c62"

	// TLPClear is the identifier of the TLP 2.0 TLP:CLEAR marking-definition, fixed by
	// the OASIS TLP 2.0 extension. Every object in a bundle references it in
	// object_marking_refs.
	TLPClear = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
)

// UUID returns the UUIDv5 of name in [Namespace], in the canonical lower-case form
// "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx". The same name always gives the same UUID.
func UUID(name string) string {
	return formatUUID(uuid5(namespace, name))
}

// ID returns the STIX identifier "<objectType>--<UUID(name)>".
//
// The names this package uses are stable: an entity's [model.Ref] string
// ("incident/example-key-theft"), "victim/<name>", "vulnerability/<CVE ID in upper case>",
// "relationship/<type>/<source id>/<target id>". The UUID of an entity does not depend
// on the STIX type it becomes, so [EntityID] of an incident exported as a campaign and
// as an incident differ only in the type prefix.
func ID(objectType, name string) string {
	return objectType + "--" + UUID(name)
}

// EntityID returns the STIX identifier of the object that an entity becomes when
// exported as objectType ("campaign", "intrusion-set", ...): ID(objectType, ref.String()).
// Custom exporters use it to refer to objects of a bundle this package wrote.
//
//	stix.EntityID("intrusion-set", model.Ref{Kind: model.KindActor, ID: "storm-0558"})
func EntityID(objectType string, ref model.Ref) string {
	return ID(objectType, ref.String())
}

func uuid5(ns [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return u
}

func formatUUID(u [16]byte) string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:36], u[10:16])
	return string(b[:])
}

func mustParseUUID(s string) [16]byte {
	var u [16]byte
	clean := make([]byte, 0, 32)
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			clean = append(clean, s[i])
		}
	}
	if n, err := hex.Decode(u[:], clean); err != nil || n != 16 {
		panic("stix: bad UUID " + s)
	}
	return u
}
