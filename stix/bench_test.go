package stix_test

import (
	"io"
	"testing"

	"github.com/cloudthreats/threatlandscape/stix"
)

func BenchmarkEncode(b *testing.B) {
	ds := fixture(b)
	for b.Loop() {
		if err := stix.NewEncoder(io.Discard).Encode(ds); err != nil {
			b.Fatal(err)
		}
	}
}
