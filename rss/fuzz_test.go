package rss_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/rss"
	"github.com/mmcdole/gofeed"
)

// names is a Source that gives every linked entity the same name.
type names struct {
	name    string
	mapping string
}

func (n names) Actor(id model.ActorID) (model.Actor, bool) {
	return model.Actor{ID: id, Entry: model.Entry{Name: n.name}}, true
}

func (n names) Technique(id model.TechniqueID) (model.Technique, bool) {
	return model.Technique{ID: id, Entry: model.Entry{Name: n.name}, Mappings: []model.Mapping{
		{Framework: model.FrameworkATTACK, ID: n.mapping},
		{Framework: model.FrameworkATLAS, ID: n.mapping},
	}}, true
}

func (n names) Tool(id model.ToolID) (model.Tool, bool) {
	return model.Tool{ID: id, Entry: model.Entry{Name: n.name}}, true
}

func (n names) Technology(id model.TechnologyID) (model.Technology, bool) {
	return model.Technology{ID: id, Entry: model.Entry{Name: n.name}}, true
}

// hostile builds an incident with s in every string field a dataset could hold.
func hostile(id, s string) model.Incident {
	return model.Incident{
		ID: model.IncidentID(id),
		Entry: model.Entry{
			Name:        s,
			Aliases:     []model.Alias{{Name: s, By: s}},
			Summary:     s,
			Description: s + "\n\n" + s,
			References:  []model.Reference{{URL: s, Title: s, Publisher: s}, {URL: "https://example.org/?q=" + s, Title: s}},
			Added:       model.MustParseDate("2024-01"),
			Updated:     model.MustParseDate("2024-02-03"),
			Withdrawn:   &model.Withdrawal{Date: model.MustParseDate("2025"), Reason: s},
		},
		Type:                  model.IncidentType(s),
		Disclosed:             model.MustParseDate("2023-07"),
		Actors:                []model.ActorID{model.ActorID(s)},
		AttributionConfidence: model.Confidence(s),
		InitialAccess:         []model.InitialAccess{model.InitialAccess(s)},
		Impact:                []model.Impact{model.Impact(s)},
		Techniques:            []model.TechniqueID{model.TechniqueID(s)},
		Tools:                 []model.ToolID{model.ToolID(s)},
		Technologies:          []model.TechnologyID{model.TechnologyID(s)},
		Victims:               []model.Victim{{Name: s, Sector: model.Sector(s)}},
		Vulnerabilities:       []string{s},
	}
}

// checkWellFormed decodes doc with encoding/xml in strict mode and checks that it holds
// only characters XML 1.0 allows and readers show.
func checkWellFormed(t *testing.T, doc []byte) {
	t.Helper()
	if !utf8.Valid(doc) {
		t.Fatalf("output is not UTF-8:\n%q", doc)
	}
	for _, r := range string(doc) {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f) || r == 0xfffe || r == 0xffff {
			t.Fatalf("output holds the control character %U:\n%q", r, doc)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok)) > 0 {
				t.Fatalf("text outside the root element: %q", tok)
			}
		}
	}
	if roots != 1 || depth != 0 {
		t.Fatalf("%d root elements, depth %d at the end; want one closed root", roots, depth)
	}
}

func FuzzEncode(f *testing.F) {
	for _, s := range []string{
		"",
		"plain",
		"<script>alert(1)</script>",
		"]]><![CDATA[x]]>",
		"&amp; &#1; &lt; \" ' &",
		"\x00\x01\x08\x0b\x0c\x1b\x7f",
		"\u0085\u009f\u2028\ufeff\ufffe\uffff",
		"\xff\xfe\xc3(\xed\xa0\x80",
		"javascript:alert(1)",
		"line\r\nbreak\rcarriage\ttab",
		"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>&e;",
	} {
		f.Add("example-"+s, s, s)
	}
	f.Fuzz(func(t *testing.T, id, s, title string) {
		src := names{name: s, mapping: s}
		xs := []model.Incident{hostile(id, s), hostile(s, title), hostile("plain", s)}
		for _, format := range []rss.Format{rss.RSS, rss.Atom} {
			var buf bytes.Buffer
			err := rss.NewEncoder(&buf, format).
				SetTitle(title).
				SetDescription(s).
				SetAuthor(s, "").
				SetSelfURL("https://example.org/feed.xml").
				Encode(src, slices.Values(xs))
			if err != nil {
				t.Fatalf("%v: %v", format, err)
			}
			checkWellFormed(t, buf.Bytes())
			if _, err := gofeed.NewParser().Parse(bytes.NewReader(buf.Bytes())); err != nil {
				t.Fatalf("%v: gofeed cannot parse the output: %v\n%s", format, err, buf.Bytes())
			}
		}
	})
}
