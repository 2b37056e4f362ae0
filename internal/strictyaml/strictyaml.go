// Package strictyaml decodes one YAML document into a Go struct strictly, reporting every
// problem with its line and column instead of stopping at the first.
//
// It parses with github.com/oasdiff/yaml3 into a node tree and walks that tree against
// the target type, matching mapping keys to fields by their `json` tag, so that a type
// decodes the same from YAML here as from JSON elsewhere. Scalars are taken as the raw
// text of the document (no YAML 1.1 timestamp, boolean or number resolution), so a date
// stays the string "2023-07" and nothing is silently altered. It rejects: unknown fields
// (with a suggestion for misspellings), duplicate keys, values of the wrong shape, anchors
// and aliases (which also rules out alias bombs), explicit tags, a second document,
// documents over the size limit, invalid UTF-8, and nesting deeper than the target type.
//
// Supported target types: structs (including embedded structs), pointers, slices,
// strings and any type implementing [encoding.TextUnmarshaler].
package strictyaml

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	yaml "github.com/oasdiff/yaml3"
)

// MaxSize is the largest document Decode accepts, in bytes.
const MaxSize = 1 << 20

// A Pos is a position in a document. Lines and columns start at 1; a zero Col means the
// column is not known.
type Pos struct {
	Line, Col int
}

// An Error is one problem in a document.
type Error struct {
	Pos
	// Path is the field path of the value at fault, such as "references[1].url"; it is
	// empty for problems with the document as a whole.
	Path string
	Msg  string
	// Fatal reports that the document could not be read at all (too large, not UTF-8,
	// empty, or not YAML), so nothing was decoded.
	Fatal bool
	// Err is the underlying error, if any, such as an UnmarshalText error.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		b.WriteString(strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Col))
		}
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Positions maps the field path of every decoded value ("name", "references[1].url")
// to where it starts. The empty path is the document's root.
type Positions map[string]Pos

// Lookup returns the position of path, or of its nearest ancestor that has one; the
// ancestor is where a missing field would have been written.
func (p Positions) Lookup(path string) Pos {
	for {
		if pos, ok := p[path]; ok {
			return pos
		}
		if path == "" {
			return Pos{Line: 1, Col: 1}
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}

// Decode decodes the single YAML document in data into the struct that v points to and
// returns every problem found, in document order. v is filled as far as possible even
// when there are problems. Decode never panics on any input.
//
// Decode does not keep the positions of the values it decodes: a caller that needs to
// locate a problem found later, such as a dangling reference, calls [Locate].
func Decode(data []byte, v any) []*Error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return []*Error{{Msg: fmt.Sprintf("strictyaml: Decode needs a non-nil pointer to a struct, got %T", v), Fatal: true}}
	}
	root, errs := read(data)
	if root == nil {
		return errs
	}
	d := &decoder{errs: errs}
	d.value(root, rv.Elem(), "")
	return d.errs
}

// Locate returns the position of every value in the document in data, by field path:
// "name", "references[1].url". It is meant for the rare moment a problem needs placing,
// so it re-parses data rather than having Decode keep positions for every document.
// For a document that does not parse it returns an empty Positions.
func Locate(data []byte) Positions {
	pos := Positions{}
	root, _ := read(data)
	if root != nil {
		locate(root, "", pos, 0)
	}
	return pos
}

// maxLocateDepth bounds the walk of Locate; entity documents are a few levels deep.
const maxLocateDepth = 32

func locate(n *yaml.Node, path string, pos Positions, depth int) {
	pos[path] = Pos{Line: n.Line, Col: n.Column}
	if depth > maxLocateDepth {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			sub := k.Value
			if path != "" {
				sub = path + "." + k.Value
			}
			if _, dup := pos[sub]; !dup {
				locate(n.Content[i+1], sub, pos, depth+1)
			}
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			locate(item, path+"["+strconv.Itoa(i)+"]", pos, depth+1)
		}
	}
}

// read checks data and parses its first document, returning the document's content
// node, or nil with a fatal error.
func read(data []byte) (*yaml.Node, []*Error) {
	fatal := func(p Pos, msg string) (*yaml.Node, []*Error) {
		return nil, []*Error{{Pos: p, Msg: msg, Fatal: true}}
	}
	if len(data) > MaxSize {
		return fatal(Pos{}, fmt.Sprintf("file is %d bytes, over the limit of %d", len(data), MaxSize))
	}
	if !utf8.Valid(data) {
		return fatal(invalidUTF8Pos(data), "invalid UTF-8")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fatal(Pos{Line: 1, Col: 1}, "file is empty")
	}
	root, errs := parse(data)
	if root == nil {
		for _, e := range errs {
			e.Fatal = true
		}
	}
	return root, errs
}

// parse returns the content of the first document and any problems with the stream.
func parse(data []byte) (*yaml.Node, []*Error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decodeNode(dec, &doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []*Error{{Pos: Pos{Line: 1, Col: 1}, Msg: "file has no YAML document"}}
		}
		return nil, []*Error{parseError(err)}
	}
	var errs []*Error
	var next yaml.Node
	switch err := decodeNode(dec, &next); {
	case err == nil:
		errs = append(errs, &Error{Pos: Pos{Line: next.Line, Col: next.Column}, Msg: "a second YAML document is not allowed (one entity per file)"})
	case !errors.Is(err, io.EOF):
		errs = append(errs, parseError(err))
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, append(errs, &Error{Pos: Pos{Line: 1, Col: 1}, Msg: "file has no YAML document"})
	}
	return doc.Content[0], errs
}

// decodeNode guards against panics in the parser so that Decode never panics.
func decodeNode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: parser failed: %v", r)
		}
	}()
	return dec.Decode(n)
}

var lineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func parseError(err error) *Error {
	msg := err.Error()
	e := &Error{Msg: "invalid YAML: " + msg, Err: err}
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		e.Msg = "invalid YAML: " + m[2]
		if m[1] != "" {
			e.Line, _ = strconv.Atoi(m[1])
			// The parser (unlike the scanner) reports the 0-based line of the
			// construct it was reading, such as the '[' of an unclosed list.
			if strings.HasPrefix(m[2], "did not find expected") {
				e.Line++
			}
		}
	}
	if e.Line == 0 {
		e.Line = 1
	}
	return e
}

func invalidUTF8Pos(data []byte) Pos {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return Pos{Line: line, Col: col}
}

type decoder struct {
	errs []*Error
}

func (d *decoder) fail(n *yaml.Node, path, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: Pos{Line: n.Line, Col: n.Column}, Path: path, Msg: fmt.Sprintf(format, args...)})
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// value decodes n into v, which is addressable.
func (d *decoder) value(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.fail(n, path, "anchors and aliases are not allowed")
		return
	}
	if n.Style&yaml.TaggedStyle != 0 {
		d.fail(n, path, "explicit tag %s is not allowed", n.Tag)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the field unset; required fields are checked later
	}
	if reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, "want a single value, got %s", describe(n))
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			d.errs = append(d.errs, &Error{Pos: Pos{Line: n.Line, Col: n.Column}, Path: path, Msg: err.Error(), Err: err})
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.fail(n, path, "want text, got %s", describe(n))
			return
		}
		v.SetString(n.Value)
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, path, "want a list, got %s", describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.value(item, s.Index(i), path+"["+strconv.Itoa(i)+"]")
		}
		v.Set(s)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.fail(n, path, "want a mapping, got %s", describe(n))
			return
		}
		d.mapping(n, v, path)
	default:
		d.fail(n, path, "strictyaml: unsupported field type %s", v.Type())
	}
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path string) {
	fields := fieldsOf(v.Type())
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Anchor != "" || k.Tag == "!!null" {
			d.fail(k, path, "a mapping key must be plain text, got %s", describe(k))
			continue
		}
		sub := k.Value
		if path != "" {
			sub = path + "." + k.Value
		}
		if line, dup := seen[k.Value]; dup {
			d.fail(k, sub, "duplicate key %q (first at line %d)", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		f, ok := fields.byName[k.Value]
		if !ok {
			msg := fmt.Sprintf("unknown field %q", k.Value)
			if s := suggest(k.Value, fields.names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.fail(k, sub, "%s", msg)
			continue
		}
		d.value(val, v.FieldByIndex(f), sub)
	}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "an empty value"
		}
		return fmt.Sprintf("%q", truncate(n.Value, 40))
	}
	return "a document"
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

type structFields struct {
	byName map[string][]int // json name -> field index path
	names  []string         // in declaration order
}

var fieldCache sync.Map // reflect.Type -> *structFields

// fieldsOf lists the fields of t by json name, flattening embedded structs as
// encoding/json does. Fields tagged "-" or unexported are skipped.
func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	sf := &structFields{byName: map[string][]int{}}
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			idx := append(append([]int(nil), index...), i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type, idx)
				continue
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if _, dup := sf.byName[name]; !dup {
				sf.byName[name] = idx
				sf.names = append(sf.names, name)
			}
		}
	}
	walk(t, nil)
	f, _ := fieldCache.LoadOrStore(t, sf)
	return f.(*structFields)
}

// suggest returns the known name closest to s, if it is close enough to be a misspelling.
func suggest(s string, names []string) string {
	best, bestDist := "", 3 // at most two edits,
	for _, n := range names {
		if d := distance(strings.ToLower(s), n); d < bestDist && d <= len(s)/3 { // and a third of the word
			best, bestDist = n, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, capped for long inputs.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
