package rss_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/rss"
)

// printLines prints the lines of doc that hold one of the elements, trimmed.
func printLines(doc string, elements ...string) {
	for l := range strings.Lines(doc) {
		l = strings.TrimSpace(l)
		for _, e := range elements {
			if strings.HasPrefix(l, "<"+e+">") || strings.HasPrefix(l, "<"+e+" ") {
				fmt.Println(l)
			}
		}
	}
}

// An RSS feed of every incident in a dataset.
func ExampleEncoder_Encode() {
	d, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	err = rss.NewEncoder(&buf, rss.RSS).
		SetSelfURL("https://example.org/feeds/incidents.xml").
		Encode(d, d.Incidents())
	if err != nil {
		fmt.Println(err)
		return
	}
	printLines(buf.String(), "title", "guid", "pubDate", "lastBuildDate")
	// Output:
	// <title>Cloud threat landscape: incidents</title>
	// <lastBuildDate>Mon, 23 Nov 2026 00:00:00 +0000</lastBuildDate>
	// <title>Example cryptojacking campaign</title>
	// <guid isPermaLink="false">tag:cloudthreats.github.io,2026:incident/example-cryptojacking</guid>
	// <pubDate>Mon, 01 Jan 2024 00:00:00 +0000</pubDate>
	// <title>Example key theft</title>
	// <guid isPermaLink="false">tag:cloudthreats.github.io,2026:incident/example-key-theft</guid>
	// <pubDate>Tue, 11 Jul 2023 00:00:00 +0000</pubDate>
}

// An Atom feed of one actor's incidents, with a title that says so, linking each entry
// to a page of its own.
func ExampleEncoder_Encode_atom() {
	d, err := dataset.Load(os.DirFS("../dataset/testdata/valid"))
	if err != nil {
		fmt.Println(err)
		return
	}
	actor, _ := d.Actor("example-actor")
	attributed := func(yield func(model.Incident) bool) {
		for x := range d.Incidents() {
			if slices.Contains(x.Actors, actor.ID) && !yield(x) {
				return
			}
		}
	}
	var buf bytes.Buffer
	err = rss.NewEncoder(&buf, rss.Atom).
		SetTitle("Cloud threat landscape: incidents attributed to "+actor.Name).
		SetSelfURL("https://example.org/feeds/actors/"+string(actor.ID)+".atom").
		SetItemURL("https://example.org/incidents/").
		SetLimit(20).
		Encode(d, attributed)
	if err != nil {
		fmt.Println(err)
		return
	}
	printLines(buf.String(), "title", "id", "published", "updated", "link")
	// Output:
	// <id>https://example.org/feeds/actors/example-actor.atom</id>
	// <title type="text">Cloud threat landscape: incidents attributed to Example Actor</title>
	// <updated>2026-11-23T00:00:00Z</updated>
	// <link rel="self" type="application/atom+xml" href="https://example.org/feeds/actors/example-actor.atom"></link>
	// <link rel="alternate" href="https://github.com/cloudthreats/threatlandscape"></link>
	// <id>tag:cloudthreats.github.io,2026:incident/example-key-theft</id>
	// <title type="text">Example key theft</title>
	// <updated>2026-11-23T00:00:00Z</updated>
	// <published>2023-07-11T00:00:00Z</published>
	// <link rel="alternate" href="https://example.org/incidents/example-key-theft"></link>
}

// Encode refuses to write a feed that does not know its own URL.
func ExampleErrNoSelfURL() {
	var buf bytes.Buffer
	err := rss.NewEncoder(&buf, rss.RSS).Encode(nil, nil)
	fmt.Println(errors.Is(err, rss.ErrNoSelfURL), buf.Len())
	// Output:
	// true 0
}

// A Format names its media type, for an HTTP response.
func ExampleFormat_ContentType() {
	fmt.Println(rss.RSS.ContentType())
	fmt.Println(rss.Atom.ContentType())
	// Output:
	// application/rss+xml
	// application/atom+xml
}
