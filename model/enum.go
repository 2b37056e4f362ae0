package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrUnknownValue is wrapped by the error a vocabulary type's UnmarshalText returns for a
// value outside its vocabulary.
var ErrUnknownValue = errors.New("unknown value")

// A ValueError reports a value outside a vocabulary, with the values allowed.
type ValueError struct {
	Vocabulary string   // e.g. "initial access"
	Value      string   // the rejected value
	Allowed    []string // every allowed value, in vocabulary order
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("unknown %s %q (want one of: %s)", e.Vocabulary, e.Value, strings.Join(e.Allowed, ", "))
}

// Unwrap returns [ErrUnknownValue].
func (e *ValueError) Unwrap() error { return ErrUnknownValue }

// vocabulary is the closed set of values of one string enum type.
type vocabulary[T ~string] struct {
	name   string
	values []T
}

func (v vocabulary[T]) contains(x T) bool { return slices.Contains(v.values, x) }

func (v vocabulary[T]) check(x T) error {
	if v.contains(x) {
		return nil
	}
	allowed := make([]string, len(v.values))
	for i, a := range v.values {
		allowed[i] = string(a)
	}
	return &ValueError{Vocabulary: v.name, Value: string(x), Allowed: allowed}
}

func (v vocabulary[T]) unmarshal(dst *T, text []byte) error {
	x := T(text)
	if err := v.check(x); err != nil {
		return err
	}
	*dst = x
	return nil
}

func (v vocabulary[T]) all() []T { return slices.Clone(v.values) }
