// Package threatlandscape is the cloud threat landscape as a Go library: a curated,
// referenced dataset of cloud security incidents and the actors, techniques, tools,
// defenses and targeted technologies around them, embedded in the module and ready to
// query, test against and export.
//
//	d := threatlandscape.Default()
//	x, _ := d.Incident("microsoft-signing-key-compromise")
//	fmt.Println(x.Name, x.Disclosed, x.Actors) // Microsoft signing key compromise 2023-07-11 [storm-0558]
//
// [Default] returns the embedded dataset, decoded once on first use. [Load] reads a
// dataset directory of your own in the same YAML format (see dataset/data/SCHEMA.md),
// with strict validation that reports every problem with its file and line.
//
// # Cost of the embedded data
//
// Importing this package links the compiled dataset into your binary: the size of
// internal/landscape/landscape.bin, reported by [DataSize] (about 1.8 MB in release
// 2026.11.0). Decoding it on the first call to [Default] allocates about as much again.
// The model, dataset, query and encoder packages do not import it: a program that only
// loads or encodes its own data pays nothing for ours.
//
// # Versions
//
// [DataVersion] names the data release, recorded in dataset/CHANGELOG.md. Entity IDs
// never change between releases; entities are withdrawn, never deleted.
package threatlandscape

import (
	"io/fs"
	"sync"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/internal/landscape"
)

//go:generate go run ./internal/cmd/genlandscape -data dataset/data -out internal/landscape/landscape.bin

// DataVersion names the release of the embedded dataset (see dataset/CHANGELOG.md).
const DataVersion = "2026.11.0"

// DataSize is the size in bytes of the compiled dataset embedded in programs that
// import this package.
var DataSize = len(landscape.Data)

var decodeDefault = sync.OnceValue(func() *dataset.Dataset {
	d, err := dataset.DecodeBinary(landscape.Data)
	if err != nil {
		// The artefact is generated from validated data and checked by the module's
		// tests; reaching this means the module's files were altered.
		panic("threatlandscape: embedded dataset is corrupt (run go generate ./...): " + err.Error())
	}
	return d
})

// Default returns the dataset embedded in this module. It is decoded on the first call
// only; later calls return the same *Dataset, which is immutable and safe for concurrent
// use.
func Default() *dataset.Dataset { return decodeDefault() }

// Load reads and validates a dataset directory in the module's YAML format; it is
// [dataset.Load]. Use it to work with your own landscape, or with a copy of ours that you
// have extended.
func Load(fsys fs.FS) (*dataset.Dataset, error) { return dataset.Load(fsys) }
