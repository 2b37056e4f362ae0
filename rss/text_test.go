package rss

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCleanDropsWhatXMLForbidsAndReplacesInvalidUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain <text> & more", "plain <text> & more"},
		{"tab\tnew\nline\rcr", "tab\tnew\nline\rcr"},
		{"nul\x00bell\x07esc\x1bdel\x7f", "nulbellescdel"},
		{"c1\u0085\u009fend", "c1end"},
		{"non\ufffechar\uffff", "nonchar"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"surrogate\xed\xa0\x80", "surrogate\ufffd\ufffd\ufffd"},
		{"emoji 🛡 and \u2028", "emoji 🛡 and \u2028"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParagraphsSplitAtBlankLines(t *testing.T) {
	in := "First line\nof one paragraph.\n\n  \nSecond\r\nparagraph.\r\n\r\nThird\x00.\n"
	want := []string{"First line of one paragraph.", "Second paragraph.", "Third."}
	if diff := cmp.Diff(want, paragraphs(in)); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
}
