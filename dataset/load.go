package dataset

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/cloudthreats/threatlandscape/internal/strictyaml"
	"github.com/cloudthreats/threatlandscape/model"
)

// MaxFileSize is the largest entity file Load reads, in bytes.
const MaxFileSize = strictyaml.MaxSize

// Load reads a dataset from fsys: one YAML file per entity at <kind>/<id>.yaml, where
// <kind> is one of incidents, actors, techniques, tools, defenses and technologies.
// Files at the top level (README, LICENSE) and hidden files are ignored; any other file
// or directory is an error.
//
// Decoding is strict (see dataset/data/SCHEMA.md in the module): unknown or misspelt
// fields, duplicate keys, values of the wrong shape, anchors and aliases, a second YAML
// document, invalid UTF-8 and files over [MaxFileSize] are errors, and so is any semantic
// problem that [New] reports. Load reports every problem of the whole tree at once as an
// [ErrorList] sorted by file and line, each as "path/to/file.yaml:LINE:COL: field: message".
// It never panics.
func Load(fsys fs.FS) (*Dataset, error) {
	l := &loader{fsys: fsys, src: map[model.Kind][]source{}}
	if err := l.readTree(); err != nil {
		return nil, err
	}
	d, err := build(l.es, l.locate, l.skip)
	var list ErrorList
	if errors.As(err, &list) || len(l.errs) > 0 {
		all := append(l.errs, list...)
		all.Sort()
		return nil, all
	}
	return d, err
}

// source is where one entity came from.
type source struct {
	file   string
	pos    strictyaml.Positions // computed on the first problem to locate, see loader.locate
	broken bool                 // the file could not be parsed; only its ID is known
	bad    map[string]bool      // field paths with decoding errors, already reported
}

type loader struct {
	fsys fs.FS
	es   Entities
	src  map[model.Kind][]source
	errs ErrorList
}

// locate places a problem found after decoding. Positions are not kept for every file,
// which would hold a map per file for the rare file that has a problem: the file is
// read and located again on its first problem.
func (l *loader) locate(k model.Kind, i int, field string) (string, int, int) {
	s := &l.src[k][i]
	if s.pos == nil {
		data, err := readBounded(l.fsys, s.file)
		if err != nil {
			s.pos = strictyaml.Positions{}
		} else {
			s.pos = strictyaml.Locate(data)
		}
	}
	p := s.pos.Lookup(field)
	return s.file, p.Line, p.Col
}

// skip reports whether a semantic problem with field is already covered by a decoding
// error: the file did not parse, or the field (or a field containing it) did not decode.
func (l *loader) skip(k model.Kind, i int, field string) bool {
	s := l.src[k][i]
	if s.broken {
		return true
	}
	for p := field; ; {
		if s.bad[p] {
			return true
		}
		j := strings.LastIndexAny(p, ".[")
		if j < 0 {
			return false
		}
		p = p[:j]
	}
}

func (l *loader) fail(file string, line, col int, field string, sentinel error, msg string) {
	l.errs = append(l.errs, &Error{File: file, Line: line, Col: col, Field: field, Msg: msg, Err: sentinel})
}

func (l *loader) readTree() error {
	top, err := fs.ReadDir(l.fsys, ".")
	if err != nil {
		return ErrorList{{File: ".", Msg: fmt.Sprintf("cannot read the dataset directory: %v", err), Err: err}}
	}
	for _, de := range top {
		name := de.Name()
		if strings.HasPrefix(name, ".") || !de.IsDir() {
			continue
		}
		var kind model.Kind
		if err := kind.UnmarshalText([]byte(name)); err != nil || kind.Dir() != name {
			l.fail(name, 0, 0, "", ErrUnexpectedFile, "unknown directory (want one of incidents, actors, techniques, tools, defenses, technologies)")
			continue
		}
		files, err := fs.ReadDir(l.fsys, name)
		if err != nil {
			l.fail(name, 0, 0, "", err, fmt.Sprintf("cannot read directory: %v", err))
			continue
		}
		for _, f := range files {
			if strings.HasPrefix(f.Name(), ".") {
				continue
			}
			path := name + "/" + f.Name()
			if f.IsDir() || !strings.HasSuffix(f.Name(), ".yaml") {
				l.fail(path, 0, 0, "", ErrUnexpectedFile, "not an entity file (want <id>.yaml)")
				continue
			}
			l.readFile(kind, path, strings.TrimSuffix(f.Name(), ".yaml"))
		}
	}
	return nil
}

func (l *loader) readFile(kind model.Kind, path, stem string) {
	if !model.ValidID(stem) {
		l.fail(path, 0, 0, "", ErrInvalidID, fmt.Sprintf("file name %q is not a valid ID (want a lowercase slug like storm-0558.yaml)", stem+".yaml"))
	}
	data, err := readBounded(l.fsys, path)
	if err != nil {
		l.fail(path, 0, 0, "", ErrSyntax, err.Error())
	}
	switch kind {
	case model.KindIncident:
		readAs(l, kind, &l.es.Incidents, path, stem, data, err, func(x *model.Incident) *model.IncidentID { return &x.ID })
	case model.KindActor:
		readAs(l, kind, &l.es.Actors, path, stem, data, err, func(x *model.Actor) *model.ActorID { return &x.ID })
	case model.KindTechnique:
		readAs(l, kind, &l.es.Techniques, path, stem, data, err, func(x *model.Technique) *model.TechniqueID { return &x.ID })
	case model.KindTool:
		readAs(l, kind, &l.es.Tools, path, stem, data, err, func(x *model.Tool) *model.ToolID { return &x.ID })
	case model.KindDefense:
		readAs(l, kind, &l.es.Defenses, path, stem, data, err, func(x *model.Defense) *model.DefenseID { return &x.ID })
	case model.KindTechnology:
		readAs(l, kind, &l.es.Technologies, path, stem, data, err, func(x *model.Technology) *model.TechnologyID { return &x.ID })
	}
}

// readAs decodes data into a new entity of type T, appends it to list and records its
// source. A file that could not be read or parsed at all is known only by its name: it
// is recorded with that ID, so that links to it resolve, and its semantic checks are
// skipped to avoid a cascade of noise.
func readAs[T any, ID ~string](l *loader, k model.Kind, list *[]T, path, stem string, data []byte, readErr error, id func(*T) *ID) {
	var x T
	src := source{file: path, broken: readErr != nil}
	if readErr == nil {
		errs := strictyaml.Decode(data, &x)
		for _, e := range errs {
			src.broken = src.broken || e.Fatal
			if src.bad == nil {
				src.bad = map[string]bool{}
			}
			src.bad[e.Path] = true
			sentinel := error(ErrSyntax)
			if e.Err != nil {
				sentinel = errors.Join(ErrSyntax, e.Err)
			}
			l.fail(path, e.Line, e.Col, e.Path, sentinel, e.Msg)
		}
	}
	if src.broken {
		*id(&x) = ID(stem)
	} else if got := string(*id(&x)); got != "" && got != stem && model.ValidID(stem) {
		p := strictyaml.Locate(data).Lookup("id")
		l.fail(path, p.Line, p.Col, "id", ErrInvalidID, fmt.Sprintf("id %q does not match the file name %q", got, stem+".yaml"))
	}
	*list = append(*list, x)
	l.src[k] = append(l.src[k], src)
}

// readBounded reads a file of at most MaxFileSize bytes.
func readBounded(fsys fs.FS, path string) ([]byte, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("file is over the size limit of %d bytes", MaxFileSize)
	}
	return data, nil
}
