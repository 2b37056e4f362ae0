package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const fixtureDir = "../../dataset/testdata/valid"

func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

// TestGolden pins the output of each command over the fictional fixture dataset.
func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"overview.txt", []string{"--data", fixtureDir}},
		{"overview.json", []string{"overview", "--data", fixtureDir, "--format", "json"}},
		{"list-incidents.txt", []string{"list", "incidents", "--data", fixtureDir}},
		{"list-techniques.txt", []string{"list", "techniques", "--data", fixtureDir}},
		{"list-actors.json", []string{"list", "actors", "--data", fixtureDir, "--format", "json"}},
		{"show-incident.txt", []string{"show", "incident", "example-key-theft", "--data", fixtureDir}},
		{"show-incident.json", []string{"show", "incident", "example-key-theft", "--data", fixtureDir, "--format=json"}},
		{"show-technique.txt", []string{"show", "--data", fixtureDir, "technique", "forged-tokens"}},
		{"show-technology.txt", []string{"show", "technologies", "example-containers", "--data", fixtureDir}},
		{"help.txt", []string{"help"}},
		{"list-filtered.txt", []string{"list", "incidents", "--data", fixtureDir, "--technique", "cryptomining,forged-tokens", "--since", "2024"}},
		{"search.txt", []string{"search", "--data", fixtureDir, "forged", "tokens"}},
		{"search-actors.json", []string{"search", "--data", fixtureDir, "--kind", "actors", "--format", "json", "example"}},
		{"stack.txt", []string{"stack", "--data", fixtureDir, "example-mail"}},
		{"stack.json", []string{"stack", "--data", fixtureDir, "example-mail,example-containers", "--format", "json"}},
		{"stats.txt", []string{"stats", "--data", fixtureDir}},
		{"stats.json", []string{"stats", "--data", fixtureDir, "--format", "json", "--top", "1"}},
		{"export.json", []string{"export", "json", "--data", fixtureDir, "--actor", "example-miners"}},
		{"export-stix.json", []string{"export", "stix", "--data", fixtureDir, "--technology", "example-mail"}},
		{"export.rss", []string{"export", "rss", "--data", fixtureDir, "--self-url", "https://example.org/feed.xml", "--impact", "resource-hijacking"}},
		{"export.atom", []string{"export", "atom", "--data", fixtureDir, "--self-url", "https://example.org/feed.atom"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, stdout, stderr := runCLI(tt.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, []byte(stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), stdout); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a substring of standard error
	}{
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown kind", []string{"list", "widgets", "--data", fixtureDir}, 2, `unknown kind "widgets"`},
		{"missing argument", []string{"show", "incident"}, 2, "wrong number of arguments"},
		{"unknown flag", []string{"list", "incidents", "--colour"}, 2, "flag provided but not defined: -colour"},
		{"bad format", []string{"list", "incidents", "--format", "xml"}, 2, `unknown --format "xml"`},
		{"unknown ID", []string{"show", "incident", "nope", "--data", fixtureDir}, 1, `no incident with ID "nope"`},
		{"missing --data", []string{"list", "incidents", "--data", "no/such/dir"}, 1, "--data no/such/dir: not a directory"},
		{"validate a file", []string{"validate", "main.go"}, 1, "main.go is not a directory"},
		{"help flag", []string{"show", "--help"}, 0, ""},
		{"unknown filter ID", []string{"list", "incidents", "--data", fixtureDir, "--actor", "nobody"}, 2, `--actor: no actor with ID "nobody"`},
		{"bad filter value", []string{"export", "json", "--data", fixtureDir, "--impact", "ransom"}, 2, `--impact: unknown impact "ransom"`},
		{"bad filter date", []string{"list", "incidents", "--data", fixtureDir, "--since", "2023-13"}, 2, `--since: invalid date "2023-13"`},
		{"filters on other kinds", []string{"list", "actors", "--data", fixtureDir, "--actor", "example-actor"}, 2, "filters apply to incidents only"},
		{"feed without self URL", []string{"export", "rss", "--data", fixtureDir}, 2, "rss needs --self-url URL"},
		{"unknown export format", []string{"export", "pdf"}, 2, `unknown export format "pdf"`},
		{"unknown stack technology", []string{"stack", "--data", fixtureDir, "example-mail", "mainframe"}, 1, `no technology with ID "mainframe"`},
		{"valid dataset", []string{"validate", fixtureDir}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderr)
			}
		})
	}
}

// TestValidateReportsEveryErrorOfASpoiledCopy spoils a copy of the fixture in several
// files at once: validate must exit 1 and name each file, line and field on stderr.
func TestValidateReportsEveryErrorOfASpoiledCopy(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixtureDir)); err != nil {
		t.Fatal(err)
	}
	spoil := func(file, old, new string) {
		p := filepath.Join(dir, file)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	spoil("incidents/example-key-theft.yaml", "disclosed: 2023-07-11", "disclosed: 2023-02-30")
	spoil("actors/example-actor.yaml", "summary:", "sumary:")
	spoil("tools/example-proxy.yaml", "https://example.com/tools/example-proxy", "javascript:alert(1)")
	spoil("techniques/cryptomining.yaml", "id: cryptomining", "id: cryptomining\nid: again")

	code, stdout, stderr := runCLI("validate", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout %q, want nothing", stdout)
	}
	stderr = strings.ReplaceAll(stderr, dir, "DIR")
	want := strings.Join([]string{
		`DIR/actors/example-actor.yaml:1:1: summary: required`,
		`DIR/actors/example-actor.yaml:6:1: sumary: unknown field "sumary" (did you mean "summary"?)`,
		`DIR/incidents/example-key-theft.yaml:19:12: disclosed: invalid date "2023-02-30": day 30 does not exist in 2023-02 (want YYYY, YYYY-MM or YYYY-MM-DD)`,
		`DIR/techniques/cryptomining.yaml:2:1: id: duplicate key "id" (first at line 1)`,
		`DIR/tools/example-proxy.yaml:7:10: references[0].url: scheme "javascript" not allowed in "javascript:alert(1)" (want https)`,
		`DIR: 5 errors`,
	}, "\n") + "\n"
	if diff := cmp.Diff(want, stderr); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}

	code, stdout, _ = runCLI("validate", dir, "--format", "json")
	var report validationReport
	if err := json.Unmarshal([]byte(stdout), &report); err != nil || code != 1 || report.Valid || len(report.Errors) != 5 {
		t.Errorf("json report: exit %d, %v, %+v", code, err, report)
	}
}

func TestExportToFileIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.json", "b.json"} {
		if code, _, stderr := runCLI("export", "stix", "--data", fixtureDir, "-o", filepath.Join(dir, name)); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a.json"))
	b, _ := os.ReadFile(filepath.Join(dir, "b.json"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("two exports differ or are empty (%d and %d bytes)", len(a), len(b))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("export left %d files in the directory, want 2", len(entries))
	}
}
