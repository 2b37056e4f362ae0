// Command threatlandscape explores and exports the cloud threat landscape: the dataset
// embedded in github.com/cloudthreats/threatlandscape, or a dataset directory of your own.
//
// Usage:
//
//	threatlandscape                      overview: counts and the newest incidents
//	threatlandscape list KIND [filters]  list incidents, actors, techniques, tools, defenses or technologies
//	threatlandscape show KIND ID         every field of one entity, with its linked entities
//	threatlandscape search TEXT...       ranked full-text search over every kind
//	threatlandscape stack TECH...        incidents, techniques and ranked defenses for your stack
//	threatlandscape stats                counts by year, access, impact, actor type, technique, tool, technology
//	threatlandscape export FORMAT        stix, rss, atom or json, of everything or of [filters]
//	threatlandscape validate DIR         check a dataset directory; exit 1 with every error
//
// Filters select incidents: --actor, --technique, --tool, --technology, --access,
// --impact, --type, --sector (each repeatable or comma-separated), --since and --until
// (dates at any precision) and --text.
//
// Every command takes --format text|json (default text) and --help; all but validate
// take --data DIR to work on a dataset directory instead of the embedded data. Errors go to
// standard error. Exit status: 0 on success, 1 when the command ran and failed (an
// invalid dataset, an unknown ID), 2 on a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/dataset"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// A command is one subcommand of the CLI.
type command struct {
	name    string
	args    string // synopsis of the positional arguments
	summary string
	nargs   func(n int) bool
	flags   func(fs *flag.FlagSet, c *context) // the command's own flags, if any
	run     func(c *context, args []string) error
}

// context is what a command runs with.
type context struct {
	stdout, stderr io.Writer
	format         string // "text" or "json"
	dataDir        string // a dataset directory to use instead of the embedded one
	filters        filterFlags
	export         exportFlags
	kinds          multiFlag // search: the kinds to search
	limit          int       // search, stack: how many results to show
}

// dataset returns the dataset the command works on: the one in --data, or the
// embedded default.
func (c *context) dataset() (*dataset.Dataset, error) {
	if c.dataDir == "" {
		return threatlandscape.Default(), nil
	}
	if st, err := os.Stat(c.dataDir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--data %s: not a directory", c.dataDir)
	}
	d, err := dataset.Load(os.DirFS(c.dataDir))
	if err != nil {
		return nil, fmt.Errorf("--data %s: %w (run: threatlandscape validate %s)", c.dataDir, err, c.dataDir)
	}
	return d, nil
}

var commands []*command // set in init to break the initialization cycle with usage

func init() {
	commands = []*command{
		{name: "overview", summary: "counts and the newest incidents (the default)", nargs: exactly(0), run: runOverview},
		{name: "list", args: "KIND", summary: "list the entities of one kind; incidents take filters", nargs: exactly(1), run: runList,
			flags: func(fs *flag.FlagSet, c *context) { c.filters.register(fs) }},
		{name: "show", args: "KIND ID", summary: "every field of one entity, with its linked entities", nargs: exactly(2), run: runShow},
		{name: "search", args: "TEXT...", summary: "ranked full-text search over every kind", nargs: atLeast(1), run: runSearch,
			flags: func(fs *flag.FlagSet, c *context) {
				fs.Var(&c.kinds, "kind", "search only entities of `KIND` (repeatable)")
				fs.IntVar(&c.limit, "limit", 20, "show at most `n` hits (0: all)")
			}},
		{name: "stack", args: "TECHNOLOGY...", summary: "incidents, techniques and ranked defenses for a set of technologies", nargs: atLeast(1), run: runStack,
			flags: func(fs *flag.FlagSet, c *context) {
				fs.IntVar(&c.limit, "limit", 10, "show at most `n` rows per section in text")
			}},
		{name: "stats", summary: "counts by year, initial access, impact, actor type, technique, tool and technology", nargs: exactly(0), run: runStats,
			flags: func(fs *flag.FlagSet, c *context) {
				c.filters.register(fs)
				fs.IntVar(&c.limit, "top", 10, "keep the `n` most frequent values per category (0: all)")
			}},
		{name: "export", args: "stix|rss|atom|json", summary: "export everything, or the incidents a filter selects with what they link to", nargs: exactly(1), run: runExport,
			flags: func(fs *flag.FlagSet, c *context) {
				c.filters.register(fs)
				fs.StringVar(&c.export.output, "o", "", "write to `file` instead of standard output")
				fs.StringVar(&c.export.incidentsAs, "incidents-as", "campaign", "stix: export incidents as `campaign` or incident objects")
				fs.BoolVar(&c.export.compact, "compact", false, "stix: write compact JSON instead of indented")
				fs.StringVar(&c.export.selfURL, "self-url", "", "rss, atom: the absolute `URL` the feed will be published at (required)")
				fs.StringVar(&c.export.itemURL, "item-url", "", "rss, atom: link each item to `prefix` followed by the incident ID")
				fs.IntVar(&c.export.limit, "limit", 0, "rss, atom: keep only the newest `n` incidents (0: all)")
			}},
		{name: "validate", args: "DIR", summary: "check a dataset directory and report every error", nargs: exactly(1), run: runValidate},
	}
}

func exactly(n int) func(int) bool { return func(got int) bool { return got == n } }

func atLeast(n int) func(int) bool { return func(got int) bool { return got >= n } }

// errUsage marks an error in how the command was called (exit status 2).
var errUsage = errors.New("usage")

// errSilent marks a failure whose details the command already printed (exit status 1).
var errSilent = errors.New("failed")

func run(args []string, stdout, stderr io.Writer) int {
	name := "overview"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" {
		if len(args) == 0 {
			usage(stdout)
			return 0
		}
		name, args = args[0], []string{"--help"}
	}
	var cmd *command
	for _, c := range commands {
		if c.name == name {
			cmd = c
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "threatlandscape: unknown command %q\n", name)
		usage(stderr)
		return 2
	}
	c := &context{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("threatlandscape "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.format, "format", "text", "output `format`: text or json")
	if cmd.name != "validate" {
		fs.StringVar(&c.dataDir, "data", "", "use the dataset in `dir` instead of the embedded one")
	}
	if cmd.flags != nil {
		cmd.flags(fs, c)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: threatlandscape %s [flags] %s\n\n%s.\n\nFlags:\n", cmd.name, cmd.args, upperFirst(cmd.summary))
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return 0
	}
	if err != nil {
		return 2 // the flag package has printed the problem and the usage
	}
	if c.format != "text" && c.format != "json" {
		fmt.Fprintf(stderr, "threatlandscape %s: unknown --format %q (want text or json)\n", cmd.name, c.format)
		return 2
	}
	if !cmd.nargs(len(pos)) {
		fmt.Fprintf(stderr, "threatlandscape %s: wrong number of arguments\n", cmd.name)
		fs.Usage()
		return 2
	}
	switch err := cmd.run(c, pos); {
	case err == nil:
		return 0
	case errors.Is(err, errSilent):
		return 1
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "threatlandscape %s: %v\n", cmd.name, err)
		return 2
	default:
		fmt.Fprintf(stderr, "threatlandscape %s: %v\n", cmd.name, err)
		return 1
	}
}

// parseInterspersed parses flags wherever they appear among the positional arguments,
// so that "show incident x --format json" works. A "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "threatlandscape explores the cloud threat landscape dataset.\n\nUsage:\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  threatlandscape %s\t%s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nEvery command takes --format text|json and --help; all but validate take --data DIR.\n")
	fmt.Fprintf(w, "KIND is one of: incidents, actors, techniques, tools, defenses, technologies.\n")
	fmt.Fprintf(w, "Filters (list incidents, export): --actor --technique --tool --technology --access\n")
	fmt.Fprintf(w, "--impact --type --sector (repeatable or comma-separated), --since --until --text.\n")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
