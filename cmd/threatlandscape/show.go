package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/query"
)

// A link is an entity linked to the one shown, with the field or relation that links it.
type link struct {
	Relation string     `json:"relation"`
	Kind     model.Kind `json:"kind"`
	ID       string     `json:"id"`
	Name     string     `json:"name"`
}

type shown struct {
	Kind   model.Kind   `json:"kind"`
	Entity model.Entity `json:"entity"`
	Linked []link       `json:"linked"`
}

func runShow(c *context, args []string) error {
	kind, err := parseKind(args[0])
	if err != nil {
		return err
	}
	d, err := c.dataset()
	if err != nil {
		return err
	}
	e, ok := d.Entity(model.Ref{Kind: kind, ID: args[1]})
	if !ok {
		return fmt.Errorf("no %s with ID %q (list them with: threatlandscape list %s)", kind, args[1], kind.Dir())
	}
	s := shown{Kind: kind, Entity: e, Linked: linksOf(d, e)}
	if c.format == "json" {
		return writeJSON(c.stdout, s)
	}
	return writeShown(c.stdout, s)
}

// linksOf lists the entities linked to e in both directions (see query.Index.Links),
// with their names, and for an incident also the defenses that mitigate its techniques.
func linksOf(d *dataset.Dataset, e model.Entity) []link {
	ix := query.NewIndex(d)
	out := []link{}
	add := func(rel string, r model.Ref) {
		name := ""
		if x, ok := d.Entity(r); ok {
			name = x.Common().Name
		}
		out = append(out, link{Relation: rel, Kind: r.Kind, ID: r.ID, Name: name})
	}
	for _, l := range ix.Links(e.Ref()) {
		rel := string(l.Relation)
		if l.Incoming {
			rel = incoming(l.Relation)
		}
		add(rel, l.Ref)
	}
	if x, ok := e.(model.Incident); ok {
		for _, s := range ix.DefensesForIncident(x.ID) {
			add("mitigated-by", model.Ref{Kind: model.KindDefense, ID: string(s.ID)})
		}
	}
	return out
}

// incoming names a relation seen from its target: "technique/x" is "used-by" an incident.
func incoming(r query.Relation) string {
	switch r {
	case query.RelationAttributedTo:
		return "attributed"
	case query.RelationUses:
		return "used-by"
	case query.RelationTargets:
		return "targeted-by"
	case query.RelationMitigates:
		return "mitigated-by"
	case query.RelationAppliesTo:
		return "defended-by"
	}
	return string(r) + " (incoming)"
}

func strs[T ~string](s []T) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = string(x)
	}
	return out
}

// writeShown prints every field of the entity, in schema order, by walking its JSON
// form, so that the text view can never fall behind the model.
func writeShown(w io.Writer, s shown) error {
	raw, err := json.Marshal(s.Entity)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v orderedValue
	if err := v.decode(dec); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s %s\n\n", s.Kind, s.Entity.Ref().ID)
	for _, f := range v.fields {
		if f.key == "id" {
			continue
		}
		writeField(w, f.key, f.val, "")
	}
	if len(s.Linked) > 0 {
		fmt.Fprintf(w, "\nlinked:\n")
		for _, l := range s.Linked {
			fmt.Fprintf(w, "  %-13s %-11s %-40s %s\n", l.Relation, l.Kind, l.ID, l.Name)
		}
	}
	return nil
}

func writeField(w io.Writer, key string, v orderedValue, indent string) {
	switch {
	case v.fields != nil:
		fmt.Fprintf(w, "%s%s:\n", indent, key)
		for _, f := range v.fields {
			writeField(w, f.key, f.val, indent+"  ")
		}
	case v.items != nil:
		if len(v.items) > 0 && v.items[0].fields == nil && v.items[0].items == nil {
			vals := make([]string, len(v.items))
			for i, it := range v.items {
				vals[i] = it.scalar
			}
			fmt.Fprintf(w, "%s%s: %s\n", indent, key, strings.Join(vals, ", "))
			return
		}
		fmt.Fprintf(w, "%s%s:\n", indent, key)
		for i, it := range v.items {
			fmt.Fprintf(w, "%s  [%d]\n", indent, i+1)
			for _, f := range it.fields {
				writeField(w, f.key, f.val, indent+"    ")
			}
		}
	case strings.Contains(v.scalar, "\n"):
		fmt.Fprintf(w, "%s%s:\n", indent, key)
		for _, line := range strings.Split(strings.TrimRight(v.scalar, "\n"), "\n") {
			fmt.Fprintf(w, "%s  %s\n", indent, line)
		}
	default:
		fmt.Fprintf(w, "%s%s: %s\n", indent, key, v.scalar)
	}
}

// orderedValue is a JSON value that keeps the order of object keys.
type orderedValue struct {
	scalar string
	fields []orderedField // non-nil for objects
	items  []orderedValue // non-nil for arrays
}

type orderedField struct {
	key string
	val orderedValue
}

func (v *orderedValue) decode(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			v.fields = []orderedField{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				var f orderedField
				f.key, _ = k.(string)
				if err := f.val.decode(dec); err != nil {
					return err
				}
				v.fields = append(v.fields, f)
			}
		} else {
			v.items = []orderedValue{}
			for dec.More() {
				var it orderedValue
				if err := it.decode(dec); err != nil {
					return err
				}
				v.items = append(v.items, it)
			}
		}
		_, err = dec.Token() // the closing delimiter
		return err
	case nil:
		v.scalar = ""
	default:
		v.scalar = fmt.Sprint(t)
	}
	return nil
}
