package dataset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/cloudthreats/threatlandscape/model"
)

// The binary form is what `go generate` compiles the YAML source into for the embedded
// default dataset. It is canonical (the same dataset always gives the same bytes) and
// compact, and decoding it needs no parsing of text: strings are slices of the input.
//
// Layout: the magic "TLDS", a format version byte, then for each kind in model.Kinds
// order a uvarint count followed by the entities in ascending ID order. Strings are a
// uvarint length and UTF-8 bytes; lists a uvarint count and items; dates a uvarint year,
// a month byte and a day byte; optional structs a presence byte.
const (
	binaryMagic   = "TLDS"
	binaryVersion = 1
)

// ErrBinaryFormat is wrapped by the errors DecodeBinary returns for malformed input.
var ErrBinaryFormat = errors.New("malformed binary dataset")

// MarshalBinary encodes d in the compact, canonical binary form that [DecodeBinary]
// reads. It implements [encoding.BinaryMarshaler] and never fails.
func (d *Dataset) MarshalBinary() ([]byte, error) {
	w := &binWriter{b: make([]byte, 0, 1<<16)}
	w.b = append(w.b, binaryMagic...)
	w.b = append(w.b, binaryVersion)
	es := &d.es
	w.uint(len(es.Incidents))
	for i := range es.Incidents {
		x := &es.Incidents[i]
		w.str(string(x.ID))
		w.entry(&x.Entry)
		w.str(string(x.Type))
		w.date(x.Disclosed)
		w.date(x.FirstSeen)
		w.date(x.LastSeen)
		writeStrs(w, x.Actors)
		w.str(string(x.AttributionConfidence))
		writeStrs(w, x.InitialAccess)
		writeStrs(w, x.Impact)
		writeStrs(w, x.Techniques)
		writeStrs(w, x.Tools)
		writeStrs(w, x.Technologies)
		w.uint(len(x.Victims))
		for _, v := range x.Victims {
			w.str(v.Name)
			w.str(string(v.Sector))
		}
		writeStrs(w, x.Vulnerabilities)
	}
	w.uint(len(es.Actors))
	for i := range es.Actors {
		x := &es.Actors[i]
		w.str(string(x.ID))
		w.entry(&x.Entry)
		w.str(string(x.Type))
		w.str(x.Attribution.Country)
		w.str(x.Attribution.Agency)
		w.str(string(x.Attribution.Confidence))
		writeStrs(w, x.Motivations)
		w.date(x.FirstSeen)
		w.str(x.MitreAttack)
	}
	w.uint(len(es.Techniques))
	for i := range es.Techniques {
		x := &es.Techniques[i]
		w.str(string(x.ID))
		w.entry(&x.Entry)
		writeStrs(w, x.Tactics)
		w.mappings(x.Mappings)
		w.str(x.MappingNote)
	}
	w.uint(len(es.Tools))
	for i := range es.Tools {
		x := &es.Tools[i]
		w.str(string(x.ID))
		w.entry(&x.Entry)
		w.str(string(x.Kind))
		writeStrs(w, x.ToolTypes)
		w.str(x.MitreAttack)
	}
	w.uint(len(es.Defenses))
	for i := range es.Defenses {
		x := &es.Defenses[i]
		w.str(string(x.ID))
		w.entry(&x.Entry)
		writeStrs(w, x.Mitigates)
		writeStrs(w, x.AppliesTo)
		w.mappings(x.Mappings)
	}
	w.uint(len(es.Technologies))
	for i := range es.Technologies {
		x := &es.Technologies[i]
		w.str(string(x.ID))
		w.entry(&x.Entry)
		w.str(x.Vendor)
		w.str(string(x.Category))
		w.str(x.CPE)
	}
	return w.b, nil
}

type binWriter struct{ b []byte }

func (w *binWriter) uint(n int) { w.b = binary.AppendUvarint(w.b, uint64(n)) }

func (w *binWriter) str(s string) {
	w.uint(len(s))
	w.b = append(w.b, s...)
}

func writeStrs[T ~string](w *binWriter, s []T) {
	w.uint(len(s))
	for _, x := range s {
		w.str(string(x))
	}
}

func (w *binWriter) date(d model.Date) {
	w.uint(d.Year())
	w.b = append(w.b, byte(d.Month()), byte(d.Day()))
}

func (w *binWriter) entry(e *model.Entry) {
	w.str(e.Name)
	w.uint(len(e.Aliases))
	for _, a := range e.Aliases {
		w.str(a.Name)
		w.str(a.By)
	}
	w.str(e.Summary)
	w.str(e.Description)
	w.uint(len(e.References))
	for _, r := range e.References {
		w.str(r.URL)
		w.str(r.Title)
		w.str(r.Publisher)
		w.date(r.Published)
		w.str(string(r.Kind))
	}
	w.date(e.Added)
	w.date(e.Updated)
	if e.Withdrawn == nil {
		w.b = append(w.b, 0)
	} else {
		w.b = append(w.b, 1)
		w.date(e.Withdrawn.Date)
		w.str(e.Withdrawn.Reason)
	}
}

func (w *binWriter) mappings(ms []model.Mapping) {
	w.uint(len(ms))
	for _, m := range ms {
		w.str(string(m.Framework))
		w.str(m.ID)
	}
}

// DecodeBinary decodes a dataset from the form [Dataset.MarshalBinary] writes and
// validates it as [New] does. The strings of the result share memory with data instead
// of being copied, which is why it takes a string: decoding the embedded default this
// way allocates little more than the entity structs.
func DecodeBinary(data string) (*Dataset, error) {
	r := &binReader{s: data}
	if len(data) < len(binaryMagic)+1 || data[:len(binaryMagic)] != binaryMagic {
		return nil, fmt.Errorf("%w: missing magic %q", ErrBinaryFormat, binaryMagic)
	}
	if v := data[len(binaryMagic)]; v != binaryVersion {
		return nil, fmt.Errorf("%w: format version %d, want %d", ErrBinaryFormat, v, binaryVersion)
	}
	r.off = len(binaryMagic) + 1
	var es Entities
	es.Incidents = readList(r, func(x *model.Incident) {
		x.ID = model.IncidentID(r.str())
		r.entry(&x.Entry)
		x.Type = model.IncidentType(r.str())
		x.Disclosed = r.date()
		x.FirstSeen = r.date()
		x.LastSeen = r.date()
		x.Actors = readStrs[model.ActorID](r)
		x.AttributionConfidence = model.Confidence(r.str())
		x.InitialAccess = readStrs[model.InitialAccess](r)
		x.Impact = readStrs[model.Impact](r)
		x.Techniques = readStrs[model.TechniqueID](r)
		x.Tools = readStrs[model.ToolID](r)
		x.Technologies = readStrs[model.TechnologyID](r)
		x.Victims = readList(r, func(v *model.Victim) {
			v.Name = r.str()
			v.Sector = model.Sector(r.str())
		})
		x.Vulnerabilities = readStrs[string](r)
	})
	es.Actors = readList(r, func(x *model.Actor) {
		x.ID = model.ActorID(r.str())
		r.entry(&x.Entry)
		x.Type = model.ActorType(r.str())
		x.Attribution.Country = r.str()
		x.Attribution.Agency = r.str()
		x.Attribution.Confidence = model.Confidence(r.str())
		x.Motivations = readStrs[model.Motivation](r)
		x.FirstSeen = r.date()
		x.MitreAttack = r.str()
	})
	es.Techniques = readList(r, func(x *model.Technique) {
		x.ID = model.TechniqueID(r.str())
		r.entry(&x.Entry)
		x.Tactics = readStrs[model.Tactic](r)
		x.Mappings = r.mappings()
		x.MappingNote = r.str()
	})
	es.Tools = readList(r, func(x *model.Tool) {
		x.ID = model.ToolID(r.str())
		r.entry(&x.Entry)
		x.Kind = model.ToolKind(r.str())
		x.ToolTypes = readStrs[model.ToolType](r)
		x.MitreAttack = r.str()
	})
	es.Defenses = readList(r, func(x *model.Defense) {
		x.ID = model.DefenseID(r.str())
		r.entry(&x.Entry)
		x.Mitigates = readStrs[model.TechniqueID](r)
		x.AppliesTo = readStrs[model.TechnologyID](r)
		x.Mappings = r.mappings()
	})
	es.Technologies = readList(r, func(x *model.Technology) {
		x.ID = model.TechnologyID(r.str())
		r.entry(&x.Entry)
		x.Vendor = r.str()
		x.Category = model.TechnologyCategory(r.str())
		x.CPE = r.str()
	})
	if r.err == nil && r.off != len(r.s) {
		r.fail("%d trailing bytes", len(r.s)-r.off)
	}
	if r.err != nil {
		return nil, r.err
	}
	return build(es, nil, nil)
}

// binReader reads the binary form. The first problem sticks in err; after it every read
// returns a zero value, so decoding code needs no error checks between fields.
type binReader struct {
	s   string
	off int
	err error
}

func (r *binReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w at byte %d: %s", ErrBinaryFormat, r.off, fmt.Sprintf(format, args...))
	}
	r.off = len(r.s)
}

func (r *binReader) uint() int {
	if r.err != nil {
		return 0
	}
	var v uint64
	var shift uint
	for i := 0; ; i++ {
		if r.off >= len(r.s) || i == binary.MaxVarintLen64 {
			r.fail("truncated or overlong number")
			return 0
		}
		b := r.s[r.off]
		r.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			break
		}
		shift += 7
	}
	if v > uint64(len(r.s)) {
		r.fail("count or length %d exceeds the input", v)
		return 0
	}
	return int(v)
}

func (r *binReader) str() string {
	n := r.uint()
	if r.err != nil {
		return ""
	}
	if n > len(r.s)-r.off {
		r.fail("string of %d bytes exceeds the input", n)
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

func (r *binReader) byte() byte {
	if r.err != nil {
		return 0
	}
	if r.off >= len(r.s) {
		r.fail("truncated")
		return 0
	}
	b := r.s[r.off]
	r.off++
	return b
}

func (r *binReader) date() model.Date {
	y := r.uint()
	m, d := r.byte(), r.byte()
	if r.err != nil || y == 0 && m == 0 && d == 0 {
		return model.Date{}
	}
	date, err := model.NewDate(y, time.Month(m), int(d))
	if err != nil {
		r.fail("%v", err)
	}
	return date
}

// readList reads a count and then that many items with read. Every item takes at least
// one byte, so a count beyond the remaining input is malformed; that bound keeps a
// hostile count from allocating more than the input's size.
func readList[T any](r *binReader, read func(*T)) []T {
	n := r.uint()
	if r.err != nil || n == 0 {
		return nil
	}
	if n > len(r.s)-r.off {
		r.fail("list of %d items exceeds the input", n)
		return nil
	}
	s := make([]T, n)
	for i := range s {
		read(&s[i])
		if r.err != nil {
			return nil
		}
	}
	return s
}

func readStrs[T ~string](r *binReader) []T {
	return readList(r, func(x *T) { *x = T(r.str()) })
}

func (r *binReader) entry(e *model.Entry) {
	e.Name = r.str()
	e.Aliases = readList(r, func(a *model.Alias) {
		a.Name = r.str()
		a.By = r.str()
	})
	e.Summary = r.str()
	e.Description = r.str()
	e.References = readList(r, func(ref *model.Reference) {
		ref.URL = r.str()
		ref.Title = r.str()
		ref.Publisher = r.str()
		ref.Published = r.date()
		ref.Kind = model.ReferenceKind(r.str())
	})
	e.Added = r.date()
	e.Updated = r.date()
	switch r.byte() {
	case 0:
	case 1:
		e.Withdrawn = &model.Withdrawal{Date: r.date(), Reason: r.str()}
	default:
		r.fail("bad presence byte")
	}
}

func (r *binReader) mappings() []model.Mapping {
	return readList(r, func(m *model.Mapping) {
		m.Framework = model.Framework(r.str())
		m.ID = r.str()
	})
}
