package rss

import (
	"bytes"
	"encoding/xml"
	"time"
)

// The Atom 1.0 document (RFC 4287).
type atomFeed struct {
	XMLName   xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string        `xml:"xml:lang,attr"`
	ID        string        `xml:"id"`
	Title     atomText      `xml:"title"`
	Subtitle  *atomText     `xml:"subtitle,omitempty"`
	Updated   string        `xml:"updated"`
	Links     []atomLink    `xml:"link"`
	Author    atomPerson    `xml:"author"`
	Generator atomGenerator `xml:"generator"`
	Entries   []atomEntry   `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomGenerator struct {
	URI  string `xml:"uri,attr"`
	Text string `xml:",chardata"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    atomText       `xml:"content"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr"`
	Label  string `xml:"label,attr,omitempty"`
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func writeAtom(buf *bytes.Buffer, f feed) error {
	doc := atomFeed{
		Lang:  "en",
		ID:    f.selfURL,
		Title: atomText{Type: "text", Text: f.title},
		Links: []atomLink{
			{Rel: "self", Type: Atom.ContentType(), Href: f.selfURL},
			{Rel: "alternate", Href: f.link},
		},
		Updated:   rfc3339(f.updated),
		Author:    atomPerson{Name: f.author, URI: f.authorURI},
		Generator: atomGenerator{URI: "https://github.com/cloudthreats/threatlandscape", Text: "threatlandscape"},
	}
	if f.description != "" {
		doc.Subtitle = &atomText{Type: "text", Text: f.description}
	}
	for _, it := range f.items {
		ae := atomEntry{
			ID:        it.id,
			Title:     atomText{Type: "text", Text: it.title},
			Updated:   rfc3339(it.updated),
			Published: rfc3339(it.published),
			Links:     []atomLink{{Rel: "alternate", Href: it.link}},
			Content:   atomText{Type: "html", Text: it.html},
		}
		if it.summary != "" {
			ae.Summary = &atomText{Type: "text", Text: it.summary}
		}
		for _, c := range it.categories {
			label := c.label
			if label == c.term {
				label = ""
			}
			ae.Categories = append(ae.Categories, atomCategory{Term: c.term, Scheme: c.scheme, Label: label})
		}
		doc.Entries = append(doc.Entries, ae)
	}
	return writeXML(buf, doc)
}
