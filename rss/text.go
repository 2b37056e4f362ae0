package rss

import (
	"strings"
	"unicode/utf8"
)

// clean makes s safe for XML 1.0 and polite to feed readers: invalid UTF-8 becomes
// U+FFFD, and the characters XML 1.0 forbids (C0 controls other than tab, newline and
// carriage return, U+FFFE and U+FFFF) are dropped, as are DEL and the C1 controls, which
// XML allows but which no reader shows. encoding/xml escapes markup; this handles what
// escaping cannot.
func clean(s string) string {
	ok := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !keep(r) {
			ok = false
			break
		}
		i += n
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case keep(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// keep reports whether r may appear in a feed's text.
func keep(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r':
		return true
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return false
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff, r > utf8.MaxRune:
		return false
	}
	return true
}

// line cleans s and collapses its white space to single spaces, for titles, names and
// category terms, which readers show on one line.
func line(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// paragraphs cleans s and splits it at blank lines into paragraphs, each on one line.
func paragraphs(s string) []string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(clean(s))
	var ps, cur []string
	for l := range strings.Lines(s + "\n\n") {
		if l = line(l); l != "" {
			cur = append(cur, l)
		} else if len(cur) > 0 {
			ps, cur = append(ps, strings.Join(cur, " ")), nil
		}
	}
	return ps
}
