package rss

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"time"
)

const atomNS = "http://www.w3.org/2005/Atom"

// The RSS 2.0 document, in the element order of the RSS Advisory Board's specification.
type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	AtomNS  string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Self          rssSelf   `xml:"atom:link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Generator     string    `xml:"generator"`
	Docs          string    `xml:"docs"`
	Items         []rssItem `xml:"item"`
}

// rssSelf is the channel's atom:link. encoding/xml cannot give an element a namespace
// prefix, so the prefix is part of the name and the root declares it.
type rssSelf struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	Description string        `xml:"description"`
	Categories  []rssCategory `xml:"category"`
	GUID        rssGUID       `xml:"guid"`
	PubDate     string        `xml:"pubDate"`
}

type rssCategory struct {
	Domain string `xml:"domain,attr"`
	Text   string `xml:",chardata"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Text        string `xml:",chardata"`
}

// rfc1123Z is RFC 1123 with a numeric zone, the form RSS readers parse most reliably.
func rfc1123Z(t time.Time) string { return t.UTC().Format(time.RFC1123Z) }

func writeRSS(buf *bytes.Buffer, f feed) error {
	doc := rssDoc{
		Version: "2.0",
		AtomNS:  atomNS,
		Channel: rssChannel{
			Title:       f.title,
			Link:        f.link,
			Self:        rssSelf{Href: f.selfURL, Rel: "self", Type: RSS.ContentType()},
			Description: cmp.Or(f.description, f.title), // readers show an empty one badly
			Language:    "en",
			Generator:   "github.com/cloudthreats/threatlandscape/rss",
			Docs:        "https://www.rssboard.org/rss-specification",
		},
	}
	if len(f.items) > 0 {
		doc.Channel.LastBuildDate = rfc1123Z(f.updated)
	}
	for _, it := range f.items {
		ri := rssItem{
			Title:       it.title,
			Link:        it.link,
			Description: it.html,
			GUID:        rssGUID{IsPermaLink: "false", Text: it.id},
			PubDate:     rfc1123Z(it.published),
		}
		for _, c := range it.categories {
			ri.Categories = append(ri.Categories, rssCategory{Domain: c.scheme, Text: c.label})
		}
		doc.Channel.Items = append(doc.Channel.Items, ri)
	}
	return writeXML(buf, doc)
}

func writeXML(buf *bytes.Buffer, doc any) error {
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	buf.WriteByte('\n')
	return nil
}
