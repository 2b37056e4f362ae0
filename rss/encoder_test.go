package rss_test

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/rss"
	"github.com/google/go-cmp/cmp"
)

const selfURL = "https://example.org/feed.xml"

// incident returns a minimal incident disclosed on the given date.
func incident(id, disclosed, updated string) model.Incident {
	return model.Incident{
		ID: model.IncidentID(id),
		Entry: model.Entry{
			Name:       "Incident " + id,
			Summary:    "Summary of " + id + ".",
			References: []model.Reference{{URL: "https://example.org/reports/" + id, Title: "Report"}},
			Added:      model.MustParseDate(updated),
			Updated:    model.MustParseDate(updated),
		},
		Type:          model.IncidentTypeIncident,
		Disclosed:     model.MustParseDate(disclosed),
		InitialAccess: []model.InitialAccess{model.AccessUnknown},
		Impact:        []model.Impact{model.ImpactUnknown},
	}
}

func encodeString(t *testing.T, e *rss.Encoder, buf *bytes.Buffer, xs ...model.Incident) string {
	t.Helper()
	if err := e.Encode(nil, slices.Values(xs)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// elements returns the text of every <name> element in doc, in order.
func elements(doc, name string) []string {
	re := regexp.MustCompile(`<` + name + `(?: [^>]*)?>([^<]*)</` + name + `>`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(doc, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestEncodeRequiresSelfURL(t *testing.T) {
	for _, f := range []rss.Format{rss.RSS, rss.Atom} {
		var buf bytes.Buffer
		err := rss.NewEncoder(&buf, f).Encode(nil, nil)
		if !errors.Is(err, rss.ErrNoSelfURL) {
			t.Errorf("%v: Encode without a self URL = %v, want ErrNoSelfURL", f, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%v: Encode wrote %q before failing", f, buf.String())
		}
	}
}

func TestEncodeRejectsOptionsThatMakeInvalidFeeds(t *testing.T) {
	tests := []struct {
		name string
		set  func(*rss.Encoder) *rss.Encoder
	}{
		{"relative self URL", func(e *rss.Encoder) *rss.Encoder { return e.SetSelfURL("/feed.xml") }},
		{"javascript link", func(e *rss.Encoder) *rss.Encoder { return e.SetLink("javascript:alert(1)") }},
		{"empty link", func(e *rss.Encoder) *rss.Encoder { return e.SetLink("") }},
		{"item URL without scheme", func(e *rss.Encoder) *rss.Encoder { return e.SetItemURL("example.org/incidents/") }},
		{"ID prefix without scheme", func(e *rss.Encoder) *rss.Encoder { return e.SetIDPrefix("incident/") }},
		{"ID prefix with a space", func(e *rss.Encoder) *rss.Encoder { return e.SetIDPrefix("tag:example.org,2026:my incidents/") }},
		{"author URL with a control character", func(e *rss.Encoder) *rss.Encoder { return e.SetAuthor("x", "https://example.org/\x00") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := tt.set(rss.NewEncoder(&buf, rss.RSS).SetSelfURL(selfURL)).Encode(nil, nil)
			if !errors.Is(err, rss.ErrInvalidOption) {
				t.Errorf("Encode = %v, want ErrInvalidOption", err)
			}
		})
	}
	var buf bytes.Buffer
	if err := rss.NewEncoder(&buf, rss.Format(7)).SetSelfURL(selfURL).Encode(nil, nil); !errors.Is(err, rss.ErrInvalidOption) {
		t.Errorf("Encode in an unknown format = %v, want ErrInvalidOption", err)
	}
}

func TestItemsAreNewestFirstThenByID(t *testing.T) {
	xs := []model.Incident{
		incident("a-2023", "2023", "2024-01-01"),
		incident("b-2023-07-11", "2023-07-11", "2024-01-01"),
		incident("c-2024", "2024", "2024-01-01"),
		incident("d-2023-07", "2023-07", "2024-01-01"),
		incident("a-2023-07-11", "2023-07-11", "2024-01-01"),
	}
	want := []string{"c-2024", "a-2023-07-11", "b-2023-07-11", "d-2023-07", "a-2023"}
	for _, f := range []rss.Format{rss.RSS, rss.Atom} {
		var buf bytes.Buffer
		doc := encodeString(t, rss.NewEncoder(&buf, f).SetSelfURL(selfURL).SetIDPrefix("urn:x:"), &buf, xs...)
		name := map[rss.Format]string{rss.RSS: "guid", rss.Atom: "id"}[f]
		var got []string
		for _, id := range elements(doc, name) {
			if s, ok := strings.CutPrefix(id, "urn:x:"); ok {
				got = append(got, s)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v: order (-want +got):\n%s", f, diff)
		}
	}
}

func TestPartialDatesTakeTheirFirstDay(t *testing.T) {
	var buf bytes.Buffer
	doc := encodeString(t, rss.NewEncoder(&buf, rss.RSS).SetSelfURL(selfURL), &buf,
		incident("year", "2022", "2024-03"),
		incident("month", "2023-07", "2024-03"),
		incident("day", "2024-02-29", "2024-03"),
	)
	want := []string{"Thu, 29 Feb 2024 00:00:00 +0000", "Sat, 01 Jul 2023 00:00:00 +0000", "Sat, 01 Jan 2022 00:00:00 +0000"}
	if diff := cmp.Diff(want, elements(doc, "pubDate")); diff != "" {
		t.Errorf("pubDate (-want +got):\n%s", diff)
	}
	if got, want := elements(doc, "lastBuildDate"), []string{"Fri, 01 Mar 2024 00:00:00 +0000"}; !slices.Equal(got, want) {
		t.Errorf("lastBuildDate = %q, want %q (the newest updated)", got, want)
	}
}

func TestBuildDateIsTheNewestDateOfTheItemsNotTheClock(t *testing.T) {
	xs := []model.Incident{
		incident("old", "2020-01-02", "2021-05-06"),
		incident("new", "2022-03-04", "2022-03-05"),
	}
	tests := []struct {
		format  rss.Format
		element string
		want    string
	}{
		{rss.RSS, "lastBuildDate", "Sat, 05 Mar 2022 00:00:00 +0000"},
		{rss.Atom, "updated", "2022-03-05T00:00:00Z"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		doc := encodeString(t, rss.NewEncoder(&buf, tt.format).SetSelfURL(selfURL), &buf, xs...)
		if got := elements(doc, tt.element); len(got) == 0 || got[0] != tt.want {
			t.Errorf("%v: %s = %q, want %q first", tt.format, tt.element, got, tt.want)
		}
	}
}

func TestLimitKeepsTheNewest(t *testing.T) {
	xs := []model.Incident{
		incident("one", "2021", "2024-01-01"),
		incident("two", "2022", "2024-01-01"),
		incident("three", "2023", "2024-01-01"),
	}
	var buf bytes.Buffer
	doc := encodeString(t, rss.NewEncoder(&buf, rss.RSS).SetSelfURL(selfURL).SetLimit(2), &buf, xs...)
	want := []string{rss.DefaultIDPrefix + "three", rss.DefaultIDPrefix + "two"}
	if diff := cmp.Diff(want, elements(doc, "guid")); diff != "" {
		t.Errorf("guids (-want +got):\n%s", diff)
	}
}

func TestDuplicateIncidentsAppearOnce(t *testing.T) {
	x := incident("dup", "2021", "2024-01-01")
	var buf bytes.Buffer
	doc := encodeString(t, rss.NewEncoder(&buf, rss.RSS).SetSelfURL(selfURL), &buf, x, x)
	if got := elements(doc, "guid"); len(got) != 1 {
		t.Errorf("guids = %q, want one", got)
	}
}

func TestEncodeIsDeterministic(t *testing.T) {
	d := loadFixture(t)
	xs := slices.Collect(d.Incidents())
	for _, f := range []rss.Format{rss.RSS, rss.Atom} {
		var first []byte
		for i := range 3 {
			var buf bytes.Buffer
			if err := rss.NewEncoder(&buf, f).SetSelfURL(selfURL).Encode(d, slices.Values(xs)); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = buf.Bytes()
			} else if !bytes.Equal(first, buf.Bytes()) {
				t.Fatalf("%v: run %d differs from run 0", f, i)
			}
			slices.Reverse(xs) // input order must not matter
		}
	}
}

func TestEmptyFeedIsValid(t *testing.T) {
	for _, f := range []rss.Format{rss.RSS, rss.Atom} {
		var buf bytes.Buffer
		if err := rss.NewEncoder(&buf, f).SetSelfURL(selfURL).Encode(nil, nil); err != nil {
			t.Fatal(err)
		}
		checkWellFormed(t, buf.Bytes())
	}
}

func TestItemLink(t *testing.T) {
	unsafe := incident("unsafe", "2021", "2024-01-01")
	unsafe.References = []model.Reference{{URL: "javascript:alert(1)"}, {URL: "https://example.org/second"}}
	none := incident("none", "2020", "2024-01-01")
	none.References = nil
	tests := []struct {
		name string
		enc  func(*rss.Encoder) *rss.Encoder
		want []string
	}{
		{"first http reference, else the feed's link", func(e *rss.Encoder) *rss.Encoder { return e },
			[]string{rss.DefaultLink, "https://example.org/second", rss.DefaultLink}},
		{"item URL prefix", func(e *rss.Encoder) *rss.Encoder { return e.SetItemURL("https://example.org/i/") },
			[]string{rss.DefaultLink, "https://example.org/i/unsafe", "https://example.org/i/none"}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		doc := encodeString(t, tt.enc(rss.NewEncoder(&buf, rss.RSS).SetSelfURL(selfURL)), &buf, unsafe, none)
		if diff := cmp.Diff(tt.want, elements(doc, "link")); diff != "" {
			t.Errorf("%s: links (-want +got):\n%s", tt.name, diff)
		}
		if strings.Contains(doc, "javascript:") && strings.Contains(doc, "href=&#34;javascript") {
			t.Errorf("%s: a javascript: URL became a link", tt.name)
		}
	}
}

func TestWithoutSourceNamesFallBackToIDs(t *testing.T) {
	x := incident("x", "2021", "2024-01-01")
	x.Actors = []model.ActorID{"storm-0558"}
	var buf bytes.Buffer
	doc := encodeString(t, rss.NewEncoder(&buf, rss.RSS).SetSelfURL(selfURL), &buf, x)
	if !strings.Contains(doc, `<category domain="`+rss.SchemeActor+`">storm-0558</category>`) {
		t.Errorf("no actor category named by its ID:\n%s", doc)
	}
}

func TestMarkupInDataIsEscaped(t *testing.T) {
	x := incident("x", "2021", "2024-01-01")
	x.Name = `<b>Bold</b> & "quoted"`
	x.Summary = `<script>alert(1)</script>`
	var buf bytes.Buffer
	doc := encodeString(t, rss.NewEncoder(&buf, rss.RSS).SetSelfURL(selfURL), &buf, x)
	if got := elements(doc, "title"); len(got) < 2 || got[1] != `&lt;b&gt;Bold&lt;/b&gt; &amp; &#34;quoted&#34;` {
		t.Errorf("item title = %q", got)
	}
	// The summary is HTML-escaped inside the description, which XML escapes again.
	if !strings.Contains(doc, `&lt;p&gt;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&lt;/p&gt;`) {
		t.Errorf("summary not escaped twice in the description:\n%s", doc)
	}
}

func TestFormat(t *testing.T) {
	for _, tt := range []struct {
		f                 rss.Format
		name, contentType string
	}{
		{rss.RSS, "rss", "application/rss+xml"},
		{rss.Atom, "atom", "application/atom+xml"},
	} {
		if tt.f.String() != tt.name || tt.f.ContentType() != tt.contentType {
			t.Errorf("Format %d = %q, %q; want %q, %q", tt.f, tt.f.String(), tt.f.ContentType(), tt.name, tt.contentType)
		}
	}
}
