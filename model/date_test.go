package model_test

import (
	"errors"
	"testing"
	"time"

	"github.com/cloudthreats/threatlandscape/model"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		precision model.Precision
		start     string // RFC 3339 date of Start, or "" for an error
	}{
		{"2023", model.PrecisionYear, "2023-01-01"},
		{"2023-07", model.PrecisionMonth, "2023-07-01"},
		{"2023-07-11", model.PrecisionDay, "2023-07-11"},
		{"2024-02-29", model.PrecisionDay, "2024-02-29"},
		{"2023-02-29", 0, ""},
		{"2023-02-30", 0, ""},
		{"2023-13", 0, ""},
		{"2023-00", 0, ""},
		{"2023-07-00", 0, ""},
		{"0999", 0, ""},
		{"23", 0, ""},
		{"2023/07/11", 0, ""},
		{"2023-7-11", 0, ""},
		{"2023-07-11T00:00:00Z", 0, ""},
		{" 2023", 0, ""},
		{"", 0, ""},
		{"２０２３", 0, ""},
	}
	for _, tt := range tests {
		d, err := model.ParseDate(tt.in)
		if tt.start == "" {
			if err == nil || !errors.Is(err, model.ErrInvalidDate) {
				t.Errorf("ParseDate(%q) = %v, %v; want an ErrInvalidDate", tt.in, d, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tt.in, err)
			continue
		}
		if got := d.String(); got != tt.in {
			t.Errorf("ParseDate(%q).String() = %q", tt.in, got)
		}
		if d.Precision() != tt.precision {
			t.Errorf("ParseDate(%q).Precision() = %v, want %v", tt.in, d.Precision(), tt.precision)
		}
		if got := d.Start().Format(time.DateOnly); got != tt.start {
			t.Errorf("ParseDate(%q).Start() = %s, want %s", tt.in, got, tt.start)
		}
	}
}

func TestDateOrderAndSpans(t *testing.T) {
	ordered := []string{"2022-12-31", "2023", "2023-01", "2023-01-01", "2023-01-02", "2023-07", "2023-07-11", "2024"}
	for i := range len(ordered) - 1 {
		a, b := model.MustParseDate(ordered[i]), model.MustParseDate(ordered[i+1])
		if !a.Before(b) || !b.After(a) || a.Compare(b) != -1 || b.Compare(a) != 1 {
			t.Errorf("want %s before %s", a, b)
		}
	}
	if (model.Date{}).Compare(model.MustParseDate("1000")) != -1 {
		t.Error("the zero Date should sort first")
	}
	end := model.MustParseDate("2023-12").End().Format(time.DateOnly)
	if end != "2024-01-01" {
		t.Errorf("End of 2023-12 = %s, want 2024-01-01", end)
	}
	overlaps := []struct {
		a, b string
		want bool
	}{
		{"2023", "2023-07-11", true},
		{"2023-06", "2023-07", false},
		{"2023-07", "2023-07-31", true},
		{"2022", "2023-01-01", false},
	}
	for _, tt := range overlaps {
		if got := model.MustParseDate(tt.a).Overlaps(model.MustParseDate(tt.b)); got != tt.want {
			t.Errorf("%s overlaps %s = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDateText(t *testing.T) {
	var d model.Date
	if err := d.UnmarshalText([]byte("2023-07")); err != nil || d.String() != "2023-07" {
		t.Fatalf("UnmarshalText: %v, %v", d, err)
	}
	if err := d.UnmarshalText([]byte("2023-02-30")); err == nil {
		t.Error("UnmarshalText accepted 2023-02-30")
	}
	if b, _ := (model.Date{}).MarshalText(); len(b) != 0 {
		t.Errorf("zero Date marshals to %q, want empty", b)
	}
	if _, err := model.NewDate(2023, 0, 5); err == nil {
		t.Error("NewDate accepted a day without a month")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023", "2023-07", "2023-07-11", "2023-02-30", "9999-12-31", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := model.ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if !d.Start().Before(d.End()) {
			t.Fatalf("%q: Start %v not before End %v", s, d.Start(), d.End())
		}
	})
}
