package rss

import (
	"html"
	"regexp"
	"strings"

	"github.com/cloudthreats/threatlandscape/model"
)

// html renders x as the HTML body of an item: the summary, a list of its facts, the
// description's paragraphs and the references as links. Every piece of data is cleaned
// and HTML-escaped here; the XML encoder escapes the result once more, as RSS and Atom
// (type="html") require. Only absolute http(s) URLs become links.
func (r resolver) html(x model.Incident) string {
	var b strings.Builder
	p := func(s string) {
		if s != "" {
			b.WriteString("<p>" + s + "</p>")
		}
	}
	p(text(x.Summary))
	if w := x.Withdrawn; w != nil {
		p("<strong>Withdrawn " + text(w.Date.String()) + ":</strong> " + text(w.Reason))
	}

	var facts []string
	fact := func(label string, values []string) {
		if len(values) > 0 {
			facts = append(facts, "<li><strong>"+label+":</strong> "+strings.Join(values, ", ")+"</li>")
		}
	}
	fact("Type", texts([]model.IncidentType{x.Type}))
	fact("Disclosed", texts([]string{x.Disclosed.String()}))
	switch first, last := x.FirstSeen.String(), x.LastSeen.String(); {
	case first != "" && last != "":
		fact("Active", []string{first + " to " + last})
	case first != "":
		fact("Active", []string{"since " + first})
	case last != "":
		fact("Active", []string{"until " + last})
	}
	var actors []string
	for _, a := range x.Actors {
		actors = append(actors, text(r.actor(a)))
	}
	if len(actors) > 0 && x.AttributionConfidence != "" {
		actors[len(actors)-1] += " (" + text(string(x.AttributionConfidence)) + ")"
	}
	fact("Actors", actors)
	var victims []string
	for _, v := range x.Victims {
		s := text(v.Name)
		if v.Sector != "" {
			s += " (" + text(string(v.Sector)) + ")"
		}
		victims = append(victims, s)
	}
	fact("Victims", victims)
	fact("Initial access", texts(x.InitialAccess))
	fact("Impact", texts(x.Impact))
	var techniques []string
	for _, t := range x.Techniques {
		name, ms := r.technique(t)
		s := text(name)
		var ids []string
		for _, m := range ms {
			if m.Framework == model.FrameworkATTACK || m.Framework == model.FrameworkATLAS {
				ids = append(ids, link(m.URL(), m.ID))
			}
		}
		if len(ids) > 0 {
			s += " (" + strings.Join(ids, ", ") + ")"
		}
		techniques = append(techniques, s)
	}
	fact("Techniques", techniques)
	var tools []string
	for _, t := range x.Tools {
		tools = append(tools, text(r.tool(t)))
	}
	fact("Tools", tools)
	var techs []string
	for _, t := range x.Technologies {
		techs = append(techs, text(r.technology(t)))
	}
	fact("Technologies", techs)
	var cves []string
	for _, c := range x.Vulnerabilities {
		if cveRe.MatchString(c) {
			cves = append(cves, link("https://www.cve.org/CVERecord?id="+c, c))
		} else {
			cves = append(cves, text(c))
		}
	}
	fact("Vulnerabilities", cves)
	if len(facts) > 0 {
		b.WriteString("<ul>" + strings.Join(facts, "") + "</ul>")
	}

	for _, para := range paragraphs(x.Description) {
		p(html.EscapeString(para))
	}

	if len(x.References) > 0 {
		b.WriteString("<p><strong>References</strong></p><ul>")
		for _, ref := range x.References {
			title := line(ref.Title)
			if title == "" {
				title = line(ref.URL)
			}
			s := link(ref.URL, title)
			if pub := line(ref.Publisher); pub != "" {
				s += ", " + html.EscapeString(pub)
			}
			if !ref.Published.IsZero() {
				s += ", " + ref.Published.String()
			}
			b.WriteString("<li>" + s + "</li>")
		}
		b.WriteString("</ul>")
	}
	return b.String()
}

var cveRe = regexp.MustCompile(`^CVE-[0-9]{4}-[0-9]{4,}$`)

// text cleans s to one line and escapes it for HTML.
func text(s string) string { return html.EscapeString(line(s)) }

// texts is text over vs, skipping empty values.
func texts[T ~string](vs []T) []string {
	var out []string
	for _, v := range vs {
		if s := text(string(v)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// link returns an HTML link to u showing label, or just the label when u is not an
// absolute http(s) URL (a javascript: URL never becomes a link).
func link(u, label string) string {
	label = text(label)
	if !absHTTP(u) {
		return label
	}
	return `<a href="` + html.EscapeString(u) + `">` + label + `</a>`
}
