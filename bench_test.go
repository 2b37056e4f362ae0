package threatlandscape_test

import (
	"os"
	"testing"
	"testing/fstest"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/internal/landscape"
	"github.com/cloudthreats/threatlandscape/internal/synth"
)

// Benchmarks of loading (go test -bench . -benchmem -run '^$' .):
//
//	Load/yaml-1x       the real YAML tree, as Load reads it
//	Load/json-1x       the same entities written as JSON (which is YAML)
//	Load/json-100x     a synthetic dataset 100 times larger, in the same form: Load is
//	                   linear when this costs ~100 times json-1x
//	Default/1x         what the first Default() call does: decode the embedded artefact
//	Default/100x       the same for the 100x dataset's artefact
func BenchmarkLoad(b *testing.B) {
	real := loadReal(b)
	fs1 := synth.FS(real.Entities())
	fs100 := synth.FS(synth.Scale(real.Entities(), 100))
	for _, bb := range []struct {
		name string
		fsys fstest.MapFS
	}{
		{"yaml-1x", copyDir(b, "dataset/data")},
		{"json-1x", fs1},
		{"json-100x", fs100},
	} {
		b.Run(bb.name, func(b *testing.B) {
			size := 0
			for _, f := range bb.fsys {
				size += len(f.Data)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := dataset.Load(bb.fsys); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDefault(b *testing.B) {
	real := loadReal(b)
	big, err := dataset.New(synth.Scale(real.Entities(), 100))
	if err != nil {
		b.Fatal(err)
	}
	big100, _ := big.MarshalBinary()
	for _, bb := range []struct {
		name string
		data string
	}{
		{"1x", landscape.Data},
		{"100x", string(big100)},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(bb.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := dataset.DecodeBinary(bb.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func loadReal(b *testing.B) *dataset.Dataset {
	d, err := dataset.Load(os.DirFS("dataset/data"))
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// copyDir reads a directory tree into memory so that disk speed does not count.
func copyDir(b *testing.B, dir string) fstest.MapFS {
	m := fstest.MapFS{}
	for _, kind := range []string{"incidents", "actors", "techniques", "tools", "defenses", "technologies"} {
		entries, err := os.ReadDir(dir + "/" + kind)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(dir + "/" + kind + "/" + e.Name())
			if err != nil {
				b.Fatal(err)
			}
			m[kind+"/"+e.Name()] = &fstest.MapFile{Data: data}
		}
	}
	return m
}
