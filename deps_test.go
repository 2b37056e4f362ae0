package threatlandscape_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/cloudthreats/threatlandscape"

// allowedImports lists, for each package of the module, the module packages and
// third-party modules it may import directly (the standard library is always allowed).
// Imports flow one way: model at the bottom, then the loader, the query and encoder
// packages, and the root package on top. Packages not listed here (commands, examples,
// generators) may import anything. Like go/build/deps_test.go, this is the design of the
// codebase written down.
var allowedImports = map[string][]string{
	"model":               {},
	"internal/strictyaml": {"github.com/oasdiff/yaml3"},
	"dataset":             {"model", "internal/strictyaml"},
	"dataset/datasettest": {"model", "dataset"},
	"query":               {"model", "dataset"},
	"stix":                {"model", "dataset"},
	"rss":                 {"model", "dataset"},
	"internal/landscape":  {},
	".":                   {"model", "dataset", "internal/landscape"},
}

func TestImportDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := rel(fields[0])
		allowed, ruled := allowedImports[pkg]
		if !ruled {
			continue
		}
		seen[pkg] = true
		for _, imp := range fields[1:] {
			if isStd(imp) {
				continue
			}
			if !slices.Contains(allowed, rel(imp)) && !slices.Contains(allowed, imp) {
				t.Errorf("%s imports %s; allowed: %v", pkg, imp, allowed)
			}
		}
	}
	for _, must := range []string{"model", "dataset", "."} {
		if !seen[must] {
			t.Errorf("package %q not found by go list", must)
		}
	}
}

// TestEncodersDoNotLinkTheData checks the transitive imports: nothing below the root
// package may reach the embedded data.
func TestEncodersDoNotLinkTheData(t *testing.T) {
	var pkgs []string
	for p := range allowedImports {
		if p != "." && p != "internal/landscape" {
			pkgs = append(pkgs, "./"+p)
		}
	}
	slices.Sort(pkgs)
	args := append([]string{"list", "-e", "-deps", "-f", "{{.ImportPath}}"}, pkgs...)
	out, _ := exec.Command("go", args...).Output()
	if strings.Contains(string(out), module+"/internal/landscape") {
		t.Errorf("a package among %v depends on internal/landscape", pkgs)
	}
}

func rel(imp string) string {
	if imp == module {
		return "."
	}
	return strings.TrimPrefix(imp, module+"/")
}

func isStd(imp string) bool {
	first, _, _ := strings.Cut(imp, "/")
	return !strings.Contains(first, ".")
}
