// Package landscape holds the compiled default dataset: the YAML tree under dataset/data,
// validated and encoded by `go generate ./...` (see internal/cmd/genlandscape) into the
// compact binary form that dataset.DecodeBinary reads.
//
// Only the root package threatlandscape imports this package, so programs that use the
// model, the loader or the encoders without calling threatlandscape.Default do not
// carry the data.
package landscape

import _ "embed"

// Data is the compiled dataset.
//
//go:embed landscape.bin
var Data string
