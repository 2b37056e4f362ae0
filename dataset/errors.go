package dataset

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/cloudthreats/threatlandscape/model"
)

// Sentinel errors wrapped by [Error] values, for use with errors.Is.
var (
	ErrSyntax            = errors.New("malformed file")                      // YAML that cannot be decoded, or a value of the wrong shape
	ErrRequired          = errors.New("required field missing")              // a required field is empty
	ErrInvalidID         = errors.New("invalid ID")                          // an ID that is not a lowercase slug, or that differs from its file name
	ErrDuplicate         = errors.New("duplicate")                           // a second entity with the same ID, name or alias, or a repeated list item
	ErrUnknownReference  = errors.New("unknown reference")                   // a link to an entity that does not exist
	ErrInvalidValue      = errors.New("invalid value")                       // a value outside its vocabulary or of the wrong form
	ErrInvalidURL        = errors.New("invalid URL")                         // a reference URL that is not an absolute https URL
	ErrDateOrder         = errors.New("dates out of order")                  // updated before added, last_seen before first_seen
	ErrUnexpectedFile    = errors.New("unexpected file or directory")        // something in the tree that is not an entity file
	ErrInconsistentField = errors.New("fields inconsistent with each other") // e.g. actors without attribution_confidence
)

// An Error is one problem with a dataset, located as precisely as the source allows.
type Error struct {
	// File is the slash-separated path of the file at fault relative to the dataset
	// root, such as "incidents/x.yaml"; empty for a dataset built with [New].
	File string
	// Line and Col locate the problem in File (1-based; 0 when unknown).
	Line, Col int
	// Ref names the entity at fault, when there is one.
	Ref model.Ref
	// Field is the field path, such as "references[1].url"; empty for whole-file problems.
	Field string
	// Msg says what is wrong.
	Msg string
	// Err is a sentinel error above, or an underlying error, for errors.Is and errors.As.
	Err error
}

// Error formats e as "file:line:col: field: message", or "kind/id: field: message" for a
// dataset built in memory.
func (e *Error) Error() string {
	var b strings.Builder
	switch {
	case e.File != "":
		b.WriteString(e.File)
		if e.Line > 0 {
			b.WriteString(":" + strconv.Itoa(e.Line))
			if e.Col > 0 {
				b.WriteString(":" + strconv.Itoa(e.Col))
			}
		}
		b.WriteString(": ")
	case e.Ref != model.Ref{}:
		b.WriteString(e.Ref.String() + ": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found in a dataset, sorted by file, line and column. It is
// the error type that [Load] and [New] return.
type ErrorList []*Error

// Error lists every problem, one per line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(l)) + " errors:")
	for _, e := range l {
		b.WriteString("\n" + e.Error())
	}
	return b.String()
}

// Unwrap returns the errors of the list, so that errors.Is and errors.As look into each.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Sort orders the list by file, line, column, entity, field and message.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			a.Ref.Compare(b.Ref),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}
