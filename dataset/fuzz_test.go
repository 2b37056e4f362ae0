package dataset_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cloudthreats/threatlandscape/dataset"
)

// FuzzLoad replaces one file of the fixture with arbitrary bytes. Load must not panic or
// hang, and must either succeed or return an ErrorList whose every entry names a file.
func FuzzLoad(f *testing.F) {
	m := fixture(f)
	for _, path := range []string{keyTheft, actor, "techniques/cryptomining.yaml", "defenses/key-isolation.yaml"} {
		f.Add(path, m[path].Data)
	}
	f.Add(keyTheft, []byte("a: &a [*a]\n"))
	f.Add(keyTheft, []byte("name: {a: [b, {c: d}]}\n---\n"))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		m := fixture(t)
		if _, ok := m[path]; !ok {
			path = keyTheft
		}
		m[path] = &fstest.MapFile{Data: data}
		d, err := dataset.Load(m)
		if err == nil {
			if d == nil {
				t.Fatal("Load returned neither a dataset nor an error")
			}
			return
		}
		var list dataset.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("Load error %v is not a non-empty ErrorList", err)
		}
		for _, e := range list {
			if e.File == "" || strings.TrimSpace(e.Msg) == "" {
				t.Fatalf("error without a file or message: %#v", e)
			}
		}
	})
}

// FuzzDecodeBinary feeds arbitrary bytes to DecodeBinary: it must not panic, and what it
// accepts must re-encode canonically.
func FuzzDecodeBinary(f *testing.F) {
	b, _ := loadFixture(f).MarshalBinary()
	f.Add(string(b))
	f.Add("TLDS\x01\x00\x00\x00\x00\x00\x00")
	f.Fuzz(func(t *testing.T, data string) {
		d, err := dataset.DecodeBinary(data)
		if err != nil {
			return
		}
		b1, _ := d.MarshalBinary()
		d2, err := dataset.DecodeBinary(string(b1))
		if err != nil {
			t.Fatalf("re-decoding what MarshalBinary wrote failed: %v", err)
		}
		if b2, _ := d2.MarshalBinary(); string(b1) != string(b2) {
			t.Fatal("MarshalBinary output is not stable")
		}
	})
}
