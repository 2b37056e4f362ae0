package rss

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/url"
	"strings"

	"github.com/cloudthreats/threatlandscape/model"
)

// Format is a feed format: [RSS] or [Atom]. The zero Format is RSS.
type Format int

// The feed formats.
const (
	RSS  Format = iota // RSS 2.0, with an atom:link rel="self" (RSS Advisory Board 2.0.11)
	Atom               // Atom 1.0 (RFC 4287)
)

// String returns "rss" or "atom".
func (f Format) String() string {
	switch f {
	case RSS:
		return "rss"
	case Atom:
		return "atom"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// ContentType returns the media type of the format, "application/rss+xml" or
// "application/atom+xml", for an HTTP Content-Type header or a link's type.
func (f Format) ContentType() string {
	if f == Atom {
		return "application/atom+xml"
	}
	return "application/rss+xml"
}

// Source resolves the entities an incident links to, so that a feed can name them.
// *dataset.Dataset implements it. An ID that a Source does not know is shown as the ID
// itself.
type Source interface {
	Actor(id model.ActorID) (model.Actor, bool)
	Technique(id model.TechniqueID) (model.Technique, bool)
	Tool(id model.ToolID) (model.Tool, bool)
	Technology(id model.TechnologyID) (model.Technology, bool)
}

// Defaults of an [Encoder]'s options.
const (
	// DefaultTitle is the title of a feed of every incident; a feed of a subset should
	// say what it covers instead (see [Encoder.SetTitle]).
	DefaultTitle = "Cloud threat landscape: incidents"
	// DefaultDescription is the RSS description and Atom subtitle.
	DefaultDescription = "Cloud security incidents, campaigns and research disclosures, with their actors, techniques and targeted technologies."
	// DefaultLink is the web page a feed belongs to: the project's home.
	DefaultLink = "https://github.com/cloudthreats/threatlandscape"
	// DefaultAuthor is the Atom feed's author.
	DefaultAuthor = "threatlandscape contributors"
	// DefaultIDPrefix makes each item's guid and entry ID a tag URI (RFC 4151), such as
	// "tag:cloudthreats.github.io,2026:incident/example-key-theft".
	DefaultIDPrefix = "tag:cloudthreats.github.io,2026:incident/"
)

var (
	// ErrNoSelfURL is returned by [Encoder.Encode] when [Encoder.SetSelfURL] was not
	// called: a feed must say where it lives, and only the caller knows.
	ErrNoSelfURL = errors.New("rss: no self URL (call SetSelfURL with the feed's own URL)")
	// ErrInvalidOption is wrapped by the error [Encoder.Encode] returns for an option
	// that cannot make a valid feed, such as a relative URL.
	ErrInvalidOption = errors.New("rss: invalid option")
)

// An Encoder writes a feed of incidents to an output stream. Its setters return the
// Encoder, so a feed reads as one sentence:
//
//	rss.NewEncoder(w, rss.Atom).SetSelfURL(u).SetLimit(20).Encode(d, d.Incidents())
//
// Only [Encoder.SetSelfURL] is required. An Encoder is not safe for concurrent use; it may
// encode several feeds one after another with the same options.
type Encoder struct {
	w           io.Writer
	format      Format
	title       string
	description string
	selfURL     string
	link        string
	itemURL     string
	idPrefix    string
	author      string
	authorURI   string
	limit       int
}

// NewEncoder returns an Encoder that writes feeds in format f to w.
func NewEncoder(w io.Writer, f Format) *Encoder {
	return &Encoder{
		w:           w,
		format:      f,
		title:       DefaultTitle,
		description: DefaultDescription,
		link:        DefaultLink,
		idPrefix:    DefaultIDPrefix,
		author:      DefaultAuthor,
		authorURI:   DefaultLink,
	}
}

// SetTitle sets the feed's title, which should say what the feed covers, such as "Cloud
// threat landscape: incidents attributed to Storm-0558". It defaults to [DefaultTitle].
func (e *Encoder) SetTitle(title string) *Encoder { e.title = title; return e }

// SetDescription sets the feed's description (RSS) or subtitle (Atom). It defaults to
// [DefaultDescription].
func (e *Encoder) SetDescription(s string) *Encoder { e.description = s; return e }

// SetSelfURL sets the absolute http(s) URL the feed is published at. It is required: it
// becomes the atom:link rel="self" of both formats and the Atom feed's ID, so feeds of
// different subsets must have different self URLs.
func (e *Encoder) SetSelfURL(u string) *Encoder { e.selfURL = u; return e }

// SetLink sets the web page the feed belongs to: the RSS channel link and the Atom
// feed's alternate link. It defaults to [DefaultLink].
func (e *Encoder) SetLink(u string) *Encoder { e.link = u; return e }

// SetItemURL makes each item link to prefix followed by the incident's ID, such as
// "https://example.org/incidents/" giving "https://example.org/incidents/example-key-theft".
// Without it an item links to the incident's first reference, or to the feed's link
// when the incident has no http(s) reference.
func (e *Encoder) SetItemURL(prefix string) *Encoder { e.itemURL = prefix; return e }

// SetIDPrefix sets what precedes the incident's ID in each RSS guid and Atom entry ID. It
// must make an absolute IRI, and a published feed must never change it. It defaults to
// [DefaultIDPrefix]; a publisher of its own dataset should use a tag URI of its own.
func (e *Encoder) SetIDPrefix(prefix string) *Encoder { e.idPrefix = prefix; return e }

// SetAuthor sets the feed's author: a name and, optionally, an absolute URL. It defaults
// to [DefaultAuthor] at [DefaultLink]. Only Atom shows it: RSS's author elements
// require an e-mail address.
func (e *Encoder) SetAuthor(name, uri string) *Encoder {
	e.author, e.authorURI = name, uri
	return e
}

// SetLimit keeps only the newest n incidents. n <= 0, the default, keeps all.
func (e *Encoder) SetLimit(n int) *Encoder { e.limit = n; return e }

// Encode writes one feed of the given incidents, newest first: by disclosure date, and by
// ID for incidents disclosed on the same date. An incident given twice appears once.
// It resolves linked entities through src, which may be nil: names then fall back to
// IDs.
//
// Each item's publication date is the first instant (UTC) of the incident's Disclosed
// date, so "2023-07" is published on 1 July 2023, and an Atom entry's updated date is its
// Updated date. The feed's own date (RSS lastBuildDate, Atom updated) is the newest of
// its items' dates; it never comes from the clock. An empty feed has no RSS
// lastBuildDate and an Atom updated of 1970-01-01T00:00:00Z. A withdrawn incident is
// encoded with the reason at the top of its description.
//
// Encode writes the whole feed in one call to the writer, and writes nothing when it
// returns an error about its options ([ErrNoSelfURL], [ErrInvalidOption]). An error from
// the writer is returned as is.
func (e *Encoder) Encode(src Source, incidents iter.Seq[model.Incident]) error {
	if err := e.check(); err != nil {
		return err
	}
	f := e.build(src, incidents)
	var buf bytes.Buffer
	var err error
	if e.format == Atom {
		err = writeAtom(&buf, f)
	} else {
		err = writeRSS(&buf, f)
	}
	if err != nil {
		return fmt.Errorf("rss: encoding %s: %w", e.format, err)
	}
	_, err = e.w.Write(buf.Bytes())
	return err
}

func (e *Encoder) check() error {
	if e.format != RSS && e.format != Atom {
		return fmt.Errorf("%w: unknown format %v", ErrInvalidOption, e.format)
	}
	if e.selfURL == "" {
		return ErrNoSelfURL
	}
	for _, o := range []struct{ name, url string }{
		{"self URL", e.selfURL},
		{"link", e.link},
		{"item URL prefix", e.itemURL},
		{"author URL", e.authorURI},
	} {
		if o.url != "" && !absHTTP(o.url) {
			return fmt.Errorf("%w: %s %q is not an absolute http(s) URL", ErrInvalidOption, o.name, o.url)
		}
	}
	if e.link == "" {
		return fmt.Errorf("%w: empty link", ErrInvalidOption)
	}
	if u, ok := absolute(e.idPrefix + "x"); !ok || u.Scheme == "" {
		return fmt.Errorf("%w: ID prefix %q does not make an absolute IRI", ErrInvalidOption, e.idPrefix)
	}
	return nil
}

// absHTTP reports whether s is an absolute http or https URL with a host.
func absHTTP(s string) bool {
	u, ok := absolute(s)
	return ok && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// absolute parses s as a URL with a scheme, rejecting anything that would need escaping
// to be one: white space, controls, and the characters RFC 3986 excludes.
func absolute(s string) (*url.URL, bool) {
	if clean(s) != s || strings.ContainsAny(s, " \t\r\n\"<>\\^`{|}") {
		return nil, false
	}
	u, err := url.Parse(s)
	return u, err == nil && u.Scheme != ""
}
