package query

import (
	"strings"
	"unicode"
)

// words calls fn with every search term of s in order: s is split into runs of letters
// and digits, lowercased and lightly stemmed (see stem). "Token-signing keys" gives
// "token", "sign" and "key".
func words(s string, fn func(term string)) {
	start := -1
	ascii := true
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start, ascii = i, true
			}
			if r >= 0x80 || 'A' <= r && r <= 'Z' {
				ascii = false
			}
			continue
		}
		if start >= 0 {
			emit(s[start:i], ascii, fn)
			start = -1
		}
	}
	if start >= 0 {
		emit(s[start:], ascii, fn)
	}
}

func emit(w string, lower bool, fn func(string)) {
	if !lower {
		w = strings.ToLower(w)
	}
	fn(stem(w))
}

// terms returns the search terms of s (see words).
func terms(s string) []string {
	var out []string
	words(s, func(t string) { out = append(out, t) })
	return out
}

// stem strips a few English inflections so that "forged", "forge" and "forges" meet, and
// "keys" finds "key". It is deliberately light: derived words ("forgery") stay apart,
// and words of three letters or fewer are left alone. It must only ever be applied to
// lowercase words.
func stem(w string) string {
	if len(w) <= 3 || !isLowerASCII(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}
