package dataset_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

// fixture returns the fictional test dataset as an in-memory file system that a test
// may change freely.
func fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS("testdata/valid")
	err := fs.WalkDir(root, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, path)
		m[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const (
	keyTheft = "incidents/example-key-theft.yaml"
	actor    = "actors/example-actor.yaml"
)

func edit(m fstest.MapFS, path, old, new string) {
	s := string(m[path].Data)
	if !strings.Contains(s, old) {
		panic("fixture " + path + " has no " + old)
	}
	m[path] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

func put(m fstest.MapFS, path, data string) { m[path] = &fstest.MapFile{Data: []byte(data)} }

func TestLoadFixtureIsValid(t *testing.T) {
	d, err := dataset.Load(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	want := dataset.Counts{Incidents: 2, Actors: 2, Techniques: 3, Tools: 1, Defenses: 2, Technologies: 2}
	if got := d.Counts(); got != want {
		t.Errorf("Counts() = %+v, want %+v", got, want)
	}
}

// TestLoadRejectsHostileInput pins the message for each kind of defect: every one names
// the file, the line and column where known, and the field.
func TestLoadRejectsHostileInput(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(m fstest.MapFS)
		want   []string // every line of the ErrorList, in order
		is     error    // a sentinel the error must wrap
	}{
		{
			name:   "malformed YAML",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "name: Example key theft", "name: [unclosed") },
			want: []string{
				`incidents/example-key-theft.yaml:2: invalid YAML: did not find expected ',' or ']'`,
			},
			is: dataset.ErrSyntax,
		},
		{
			name:   "unknown field",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "type: incident", "type: incident\ncolour: red") },
			want: []string{
				`incidents/example-key-theft.yaml:19:1: colour: unknown field "colour"`,
			},
			is: dataset.ErrSyntax,
		},
		{
			name:   "misspelt field",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "summary:", "sumary:") },
			want: []string{
				"incidents/example-key-theft.yaml:1:1: summary: required",
				`incidents/example-key-theft.yaml:5:1: sumary: unknown field "sumary" (did you mean "summary"?)`,
			},
			is: dataset.ErrRequired,
		},
		{
			name:   "wrong kind of value",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "actors: [example-actor]", "actors: example-actor") },
			want: []string{
				`incidents/example-key-theft.yaml:22:9: actors: want a list, got "example-actor"`,
				`incidents/example-key-theft.yaml:23:25: attribution_confidence: set without any actors`,
			},
			is: dataset.ErrSyntax,
		},
		{
			name:   "duplicate key",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "type: incident", "type: incident\ntype: campaign") },
			want: []string{
				`incidents/example-key-theft.yaml:19:1: type: duplicate key "type" (first at line 18)`,
			},
			is: dataset.ErrSyntax,
		},
		{
			name: "duplicate ID in a second file",
			mutate: func(m fstest.MapFS) {
				put(m, "incidents/example-copy.yaml", string(m[keyTheft].Data))
			},
			want: []string{
				`incidents/example-copy.yaml:1:5: id: id "example-key-theft" does not match the file name "example-copy.yaml"`,
				`incidents/example-key-theft.yaml:1:5: id: ID "example-key-theft" is used by another incident (entry 1)`,
			},
			is: dataset.ErrDuplicate,
		},
		{
			name:   "file name differs from id",
			mutate: func(m fstest.MapFS) { edit(m, actor, "id: example-actor", "id: example-actress") },
			want: []string{
				`actors/example-actor.yaml:1:5: id: id "example-actress" does not match the file name "example-actor.yaml"`,
				`incidents/example-key-theft.yaml:22:10: actors[0]: no actor with ID "example-actor" (want a file actors/example-actor.yaml)`,
			},
			is: dataset.ErrInvalidID,
		},
		{
			name: "dangling reference",
			mutate: func(m fstest.MapFS) {
				edit(m, keyTheft, "techniques: [forged-tokens]", "techniques: [forged-tokens, no-such-technique]")
			},
			want: []string{
				`incidents/example-key-theft.yaml:26:29: techniques[1]: no technique with ID "no-such-technique" (want a file techniques/no-such-technique.yaml)`,
			},
			is: dataset.ErrUnknownReference,
		},
		{
			name:   "impossible date",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "disclosed: 2023-07-11", "disclosed: 2023-02-30") },
			want: []string{
				`incidents/example-key-theft.yaml:19:12: disclosed: invalid date "2023-02-30": day 30 does not exist in 2023-02 (want YYYY, YYYY-MM or YYYY-MM-DD)`,
			},
			is: model.ErrInvalidDate,
		},
		{
			name:   "updated before added",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "updated: 2026-11-23", "updated: 2026-11-01") },
			want: []string{
				`incidents/example-key-theft.yaml:17:10: updated: updated 2026-11-01 is before added 2026-11-23`,
			},
			is: dataset.ErrDateOrder,
		},
		{
			name: "javascript URL",
			mutate: func(m fstest.MapFS) {
				edit(m, keyTheft, "https://example.com/reports/key-theft", "javascript:alert(1)")
			},
			want: []string{
				`incidents/example-key-theft.yaml:11:10: references[0].url: scheme "javascript" not allowed in "javascript:alert(1)" (want https)`,
			},
			is: dataset.ErrInvalidURL,
		},
		{
			name: "plain http URL",
			mutate: func(m fstest.MapFS) {
				edit(m, keyTheft, "https://example.com/reports/key-theft", "http://example.com/x")
			},
			want: []string{
				`incidents/example-key-theft.yaml:11:10: references[0].url: scheme "http" not allowed in "http://example.com/x" (want https)`,
			},
			is: dataset.ErrInvalidURL,
		},
		{
			name: "unknown vocabulary value",
			mutate: func(m fstest.MapFS) {
				edit(m, keyTheft, "impact: [supply-chain-attack, data-exfiltration]", "impact: [world-domination]")
			},
			want: []string{
				`incidents/example-key-theft.yaml:25:10: impact[0]: unknown impact "world-domination" (want one of: data-exfiltration, resource-hijacking, supply-chain-attack, extortion, data-destruction, service-disruption, financial-theft, service-abuse, persistence-only, unknown)`,
			},
			is: model.ErrUnknownValue,
		},
		{
			name:   "empty file",
			mutate: func(m fstest.MapFS) { put(m, keyTheft, "") },
			want:   []string{"incidents/example-key-theft.yaml:1:1: file is empty"},
			is:     dataset.ErrSyntax,
		},
		{
			name:   "very large file",
			mutate: func(m fstest.MapFS) { put(m, keyTheft, "description: "+strings.Repeat("x", dataset.MaxFileSize)) },
			want:   []string{"incidents/example-key-theft.yaml: file is over the size limit of 1048576 bytes"},
			is:     dataset.ErrSyntax,
		},
		{
			name:   "invalid UTF-8",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "Example Agency", "Example \xff Agency") },
			want: []string{
				`incidents/example-key-theft.yaml:30:19: invalid UTF-8`,
			},
			is: dataset.ErrSyntax,
		},
		{
			name: "alias bomb",
			mutate: func(m fstest.MapFS) {
				bomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
					"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
				edit(m, keyTheft, "id: example-key-theft\n", "id: example-key-theft\n"+bomb)
			},
			want: []string{
				`incidents/example-key-theft.yaml:2:1: a: unknown field "a"`,
				`incidents/example-key-theft.yaml:3:1: b: unknown field "b"`,
				`incidents/example-key-theft.yaml:4:1: c: unknown field "c"`,
				`incidents/example-key-theft.yaml:5:1: d: unknown field "d"`,
				`incidents/example-key-theft.yaml:6:1: e: unknown field "e"`,
				`incidents/example-key-theft.yaml:7:1: f: unknown field "f"`,
			},
			is: dataset.ErrSyntax,
		},
		{
			name: "alias in a known field",
			mutate: func(m fstest.MapFS) {
				edit(m, keyTheft, "impact: [supply-chain-attack, data-exfiltration]", "impact: &i [supply-chain-attack]\ntools: *i")
			},
			want: []string{
				`incidents/example-key-theft.yaml:25:9: impact: anchors and aliases are not allowed`,
				`incidents/example-key-theft.yaml:26:8: tools: anchors and aliases are not allowed`,
				`incidents/example-key-theft.yaml:28:1: tools: duplicate key "tools" (first at line 26)`,
			},
			is: dataset.ErrSyntax,
		},
		{
			name:   "deeply nested document",
			mutate: func(m fstest.MapFS) { put(m, keyTheft, "name: "+strings.Repeat("[", 100_000)) },
			want:   []string{"incidents/example-key-theft.yaml:1: invalid YAML: exceeded max depth of 10000"},
			is:     dataset.ErrSyntax,
		},
		{
			name:   "second YAML document",
			mutate: func(m fstest.MapFS) { put(m, keyTheft, string(m[keyTheft].Data)+"---\nid: other\n") },
			want: []string{
				`incidents/example-key-theft.yaml:32:1: a second YAML document is not allowed (one entity per file)`,
			},
			is: dataset.ErrSyntax,
		},
		{
			name: "badly shaped ID",
			mutate: func(m fstest.MapFS) {
				put(m, "tools/Bad_Tool.yaml", strings.Replace(string(m["tools/example-proxy.yaml"].Data), "id: example-proxy", "id: Bad_Tool", 1))
				delete(m, "tools/example-proxy.yaml")
				edit(m, keyTheft, "tools: [example-proxy]", "tools: [Bad_Tool]")
			},
			want: []string{
				`incidents/example-key-theft.yaml:27:9: tools[0]: "Bad_Tool" is not a valid tool ID (want a lowercase slug like "storm-0558")`,
				`tools/Bad_Tool.yaml: file name "Bad_Tool.yaml" is not a valid ID (want a lowercase slug like storm-0558.yaml)`,
				`tools/Bad_Tool.yaml:1:5: id: "Bad_Tool" is not a valid ID (want a lowercase slug like "storm-0558")`,
			},
			is: dataset.ErrInvalidID,
		},
		{
			name: "two defects in two files",
			mutate: func(m fstest.MapFS) {
				edit(m, actor, "motivations: [espionage]", "motivations: [espionage, tourism]")
				edit(m, "techniques/forged-tokens.yaml", "id: T1606", "id: T16")
			},
			want: []string{
				`actors/example-actor.yaml:20:26: motivations[1]: unknown motivation "tourism" (want one of: cryptojacking, ransomware, extortion, data-theft, espionage, botnet, hacktivism, financial-theft, spam, sabotage)`,
				`techniques/forged-tokens.yaml:16:9: mappings[0].id: "T16" is not a mitre-attack ID of the right shape (want mitre-attack T1234 or T1234.001, mitre-atlas AML.T0051)`,
			},
			is: dataset.ErrInvalidValue,
		},
		{
			name:   "actors without attribution confidence",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "attribution_confidence: likely\n", "") },
			want:   []string{"incidents/example-key-theft.yaml:1:1: attribution_confidence: required when actors is set"},
			is:     dataset.ErrInconsistentField,
		},
		{
			name:   "unknown country",
			mutate: func(m fstest.MapFS) { edit(m, actor, "country: AQ", "country: XX") },
			want: []string{
				`actors/example-actor.yaml:18:12: attribution.country: "XX" is not an ISO 3166-1 alpha-2 country code (such as CN, RU, KP, IR, US)`,
			},
			is: dataset.ErrInvalidValue,
		},
		{
			name: "stray files and directories",
			mutate: func(m fstest.MapFS) {
				put(m, "incidents/notes.txt", "hello")
				put(m, "campaigns/x.yaml", "id: x")
			},
			want: []string{
				"campaigns: unknown directory (want one of incidents, actors, techniques, tools, defenses, technologies)",
				"incidents/notes.txt: not an entity file (want <id>.yaml)",
			},
			is: dataset.ErrUnexpectedFile,
		},
		{
			name:   "explicit tag",
			mutate: func(m fstest.MapFS) { edit(m, keyTheft, "name: Example key theft", "name: !!binary aGVsbG8=") },
			want: []string{
				`incidents/example-key-theft.yaml:2:7: name: explicit tag !!binary is not allowed`,
			},
			is: dataset.ErrSyntax,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fixture(t)
			tt.mutate(m)
			d, err := dataset.Load(m)
			if err == nil {
				t.Fatalf("Load succeeded with %v, want errors", d.Counts())
			}
			var list dataset.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load error is %T, want dataset.ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Load errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !errors.Is(err, tt.is) {
				t.Errorf("Load error does not wrap %v", tt.is)
			}
		})
	}
}

func TestLoadAcceptsDatesOfMixedPrecisionInOrder(t *testing.T) {
	for _, tt := range []struct {
		first, last string
		ok          bool
	}{
		{"2023-05", "2023-06-16", true},
		{"2022-04-07", "2022-04", true}, // the month holds the day
		{"2022", "2022-01-01", true},
		{"2022-04-07", "2022-03", false},
		{"2022-04-07", "2022-04-06", false},
	} {
		m := fixture(t)
		edit(m, keyTheft, "first_seen: 2023-05\nlast_seen: 2023-06-16", "first_seen: "+tt.first+"\nlast_seen: "+tt.last)
		_, err := dataset.Load(m)
		if ok := err == nil; ok != tt.ok {
			t.Errorf("first_seen %s, last_seen %s: Load error %v, want ok=%v", tt.first, tt.last, err, tt.ok)
		} else if !ok && !errors.Is(err, dataset.ErrDateOrder) {
			t.Errorf("first_seen %s, last_seen %s: error %v does not wrap ErrDateOrder", tt.first, tt.last, err)
		}
	}
}
