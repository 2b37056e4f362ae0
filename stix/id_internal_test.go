package stix

import (
	"reflect"
	"testing"
)

func TestUUID5MatchesRFC9562(t *testing.T) {
	// Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
	dns := mustParseUUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	if got, want := formatUUID(uuid5(dns, "python.org")), "886313e1-3b8a-5372-9b90-0c9aee199e5d"; got != want {
		t.Errorf("uuid5(DNS, python.org) = %s, want %s", got, want)
	}
}

func TestNamespaceIsDerivedFromTheProjectURL(t *testing.T) {
	url := mustParseUUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
	if got := formatUUID(uuid5(url, "https://github.com/cloudthreats/threatlandscape")); got != Namespace {
		t.Errorf("Namespace = %s, want UUIDv5(URL, project URL) = %s", Namespace, got)
	}
}

func TestFixedIDsAreDerivedFromTheirNames(t *testing.T) {
	if got := ID("identity", "identity/producer"); got != ProducerID {
		t.Errorf("ProducerID = %s, want %s", ProducerID, got)
	}
	if got := ID("extension-definition", "extension-definition/properties"); got != ExtensionID {
		t.Errorf("ExtensionID = %s, want %s", ExtensionID, got)
	}
	f, _ := reflect.TypeFor[extensions]().FieldByName("Properties")
	if got := f.Tag.Get("json"); got != ExtensionID {
		t.Errorf("extensions key = %s, want ExtensionID %s", got, ExtensionID)
	}
}
