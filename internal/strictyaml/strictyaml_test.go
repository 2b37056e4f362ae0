package strictyaml

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type inner struct {
	URL  string `json:"url"`
	Kind string `json:"kind,omitempty"`
}

type base struct {
	Name string `json:"name"`
}

type doc struct {
	ID string `json:"id"`
	base
	Tags  []string `json:"tags"`
	Refs  []inner  `json:"refs"`
	Inner *inner   `json:"inner"`
	Skip  string   `json:"-"`
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want doc
		errs []string
	}{
		{
			name: "every shape, raw scalars kept as written",
			in:   "id: 2023-07-11\nname: yes\ntags: [a, 'b', \"c\"]\nrefs:\n  - url: x\n    kind: y\ninner: {url: z}\n",
			want: doc{ID: "2023-07-11", base: base{Name: "yes"}, Tags: []string{"a", "b", "c"}, Refs: []inner{{URL: "x", Kind: "y"}}, Inner: &inner{URL: "z"}},
		},
		{
			name: "null leaves a field unset",
			in:   "id: x\ntags:\nname: ~\n",
			want: doc{ID: "x"},
		},
		{
			name: "problems of every kind in one document, all reported",
			in:   "id: [x]\nnam: y\ntags: a\nrefs: [{url: [1]}]\n-: skipped\nid: again\n",
			errs: []string{
				`1:5: id: want text, got a list`,
				`2:1: nam: unknown field "nam" (did you mean "name"?)`,
				`3:7: tags: want a list, got "a"`,
				`4:14: refs[0].url: want text, got a list`,
				`5:1: -: unknown field "-"`,
				`6:1: id: duplicate key "id" (first at line 1)`,
			},
		},
		{
			name: "a field name tagged out is not a key",
			in:   "Skip: x\n",
			errs: []string{`1:1: Skip: unknown field "Skip"`},
		},
		{name: "not a mapping", in: "- a\n", errs: []string{`1:1: want a mapping, got a list`}},
		{name: "empty", in: "  \n", errs: []string{`1:1: file is empty`}},
		{name: "comments only", in: "# nothing\n", errs: []string{`1:1: file has no YAML document`}},
		{name: "merge key", in: "id: x\n<<: {name: y}\n", errs: []string{`2:1: <<: unknown field "<<"`}},
		{name: "alias", in: "id: &a x\nname: *a\n", errs: []string{`1:5: id: anchors and aliases are not allowed`, `2:7: name: anchors and aliases are not allowed`}},
		{name: "second document", in: "id: x\n---\nid: y\n", want: doc{ID: "x"}, errs: []string{`2:1: a second YAML document is not allowed (one entity per file)`}},
		{name: "tab indentation", in: "id: x\n\tname: y\n", errs: []string{`2: invalid YAML: found a tab character that violates indentation`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got doc
			errs := Decode([]byte(tt.in), &got)
			var msgs []string
			for _, e := range errs {
				msgs = append(msgs, e.Error())
			}
			if diff := cmp.Diff(tt.errs, msgs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if tt.errs == nil || tt.want.ID != "" {
				if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(doc{})); diff != "" {
					t.Errorf("value (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestPositionsLookupFallsBackToAncestors(t *testing.T) {
	pos := Locate([]byte("id: x\nrefs:\n  - url: u\n"))
	for path, want := range map[string]Pos{
		"refs[0].url":  {3, 10},
		"refs[0].kind": {3, 5}, // missing: where refs[0] starts
		"name":         {1, 1}, // missing at the top: the document
	} {
		if got := pos.Lookup(path); got != want {
			t.Errorf("Lookup(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestDecodeRejectsOversizedAndInvalidUTF8(t *testing.T) {
	var d doc
	if errs := Decode([]byte(strings.Repeat("#", MaxSize+1)), &d); len(errs) != 1 || !errs[0].Fatal || !strings.Contains(errs[0].Msg, "over the limit") {
		t.Errorf("oversized: %v", errs)
	}
	if errs := Decode([]byte("id: x\nname: \xc3\x28\n"), &d); len(errs) != 1 || errs[0].Error() != "2:7: invalid UTF-8" {
		t.Errorf("invalid UTF-8: %v", errs)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"id: x\nrefs: [{url: a}]\n", "a: &a [*a, *a]\n", "id: [[[[[\n", "---\n---\n", "{id: x, id: y}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d doc
		errs := Decode(data, &d)
		fatal := false
		for _, e := range errs {
			if e.Msg == "" || e.Line < 0 {
				t.Fatalf("malformed error %#v", e)
			}
			fatal = fatal || e.Fatal
		}
		if pos := Locate(data); !fatal && len(pos) == 0 {
			t.Fatal("a document that decoded has no positions")
		}
	})
}
