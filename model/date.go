package model

import (
	"errors"
	"fmt"
	"time"
)

// Precision says how much of a [Date] is known.
type Precision uint8

// The precisions of a Date, from none (the zero Date) to a full day.
const (
	PrecisionNone  Precision = iota // the zero Date: no date known
	PrecisionYear                   // "2023"
	PrecisionMonth                  // "2023-07"
	PrecisionDay                    // "2023-07-11"
)

// String returns "none", "year", "month" or "day".
func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return "none"
}

// A Date is a civil date known to a year, a month or a day: "2023", "2023-07" or
// "2023-07-11". Many incidents are known only to the month, so a Date never pretends to
// more precision than its source: it is not a time.Time at midnight UTC.
//
// The zero Date means "no date" and prints as the empty string. Dates are comparable
// with == (same precision and same fields) and ordered by [Date.Compare].
type Date struct {
	year  uint16
	month uint8 // 0 when unknown
	day   uint8 // 0 when unknown
}

// ErrInvalidDate is wrapped by every error that ParseDate and NewDate return.
var ErrInvalidDate = errors.New("invalid date")

// ParseDate parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a four-digit year from 1000 to
// 9999. It rejects dates that do not exist, such as "2023-02-30" or "2023-13".
func ParseDate(s string) (Date, error) {
	bad := func(why string) (Date, error) {
		return Date{}, fmt.Errorf("%w %q: %s (want YYYY, YYYY-MM or YYYY-MM-DD)", ErrInvalidDate, s, why)
	}
	digits := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	var y, m, d int
	var ok bool
	switch len(s) {
	case 4, 7, 10:
	default:
		return bad("wrong length")
	}
	if y, ok = digits(s[:4]); !ok {
		return bad("year is not four digits")
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return bad("missing '-' after the year")
		}
		if m, ok = digits(s[5:7]); !ok {
			return bad("month is not two digits")
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return bad("missing '-' after the month")
		}
		if d, ok = digits(s[8:10]); !ok {
			return bad("day is not two digits")
		}
	}
	switch {
	case len(s) >= 7 && m == 0:
		return bad("month 00 does not exist")
	case len(s) == 10 && d == 0:
		return bad("day 00 does not exist")
	}
	date, err := newDate(y, m, d)
	if err != nil {
		return bad(err.Error())
	}
	return date, nil
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for constants in
// tests and fixtures.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// NewDate returns the Date with the given fields. A month of 0 makes a year-precision
// date and a day of 0 a month-precision one; a day without a month is an error.
func NewDate(year int, month time.Month, day int) (Date, error) {
	d, err := newDate(year, int(month), day)
	if err != nil {
		return Date{}, fmt.Errorf("%w: %s", ErrInvalidDate, err)
	}
	return d, nil
}

func newDate(y, m, d int) (Date, error) {
	switch {
	case y < 1000 || y > 9999:
		return Date{}, fmt.Errorf("year %d out of range 1000-9999", y)
	case m < 0 || m > 12:
		return Date{}, fmt.Errorf("month %d out of range 1-12", m)
	case m == 0 && d != 0:
		return Date{}, errors.New("day given without a month")
	case d < 0 || d > daysIn(y, m):
		return Date{}, fmt.Errorf("day %d does not exist in %04d-%02d", d, y, m)
	}
	return Date{year: uint16(y), month: uint8(m), day: uint8(d)}, nil
}

func daysIn(y, m int) int {
	if m == 0 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.year == 0 }

// Precision reports how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.year == 0:
		return PrecisionNone
	case d.month == 0:
		return PrecisionYear
	case d.day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// Year returns the year, or 0 for the zero Date.
func (d Date) Year() int { return int(d.year) }

// Month returns the month, or 0 when it is not known.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns the day of the month, or 0 when it is not known.
func (d Date) Day() int { return int(d.day) }

// String formats d as "YYYY", "YYYY-MM" or "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	return string(d.AppendText(nil))
}

// AppendText appends the text form of d (see [Date.String]) to b.
func (d Date) AppendText(b []byte) []byte {
	if d.year == 0 {
		return b
	}
	b = appendDigits(b, int(d.year), 4)
	if d.month != 0 {
		b = appendDigits(append(b, '-'), int(d.month), 2)
	}
	if d.day != 0 {
		b = appendDigits(append(b, '-'), int(d.day), 2)
	}
	return b
}

func appendDigits(b []byte, n, width int) []byte {
	var buf [4]byte
	for i := width - 1; i >= 0; i-- {
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, buf[:width]...)
}

// MarshalText implements [encoding.TextMarshaler]. The zero Date marshals to "".
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDate]. The empty text
// gives the zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Start returns the first instant of d in UTC: "2023-07" starts on 2023-07-01. The zero
// Date returns the zero time.Time.
func (d Date) Start() time.Time {
	if d.year == 0 {
		return time.Time{}
	}
	m, day := max(d.month, 1), max(d.day, 1)
	return time.Date(int(d.year), time.Month(m), int(day), 0, 0, 0, 0, time.UTC)
}

// End returns the first instant after d in UTC: "2023-07" ends at 2023-08-01. The zero
// Date returns the zero time.Time.
func (d Date) End() time.Time {
	switch d.Precision() {
	case PrecisionYear:
		return d.Start().AddDate(1, 0, 0)
	case PrecisionMonth:
		return d.Start().AddDate(0, 1, 0)
	case PrecisionDay:
		return d.Start().AddDate(0, 0, 1)
	}
	return time.Time{}
}

// Compare orders dates by their start, and a less precise date before a more precise one
// that starts at the same instant ("2023" < "2023-01" < "2023-01-01"). The zero Date sorts
// first. It returns -1, 0 or +1.
func (d Date) Compare(o Date) int {
	switch {
	case d.year != o.year:
		return cmpInt(int(d.year), int(o.year))
	case d.month != o.month:
		return cmpInt(int(d.month), int(o.month))
	}
	return cmpInt(int(d.day), int(o.day))
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d sorts before o (see [Date.Compare]).
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d sorts after o (see [Date.Compare]).
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// Overlaps reports whether the spans of d and o share an instant: "2023" overlaps
// "2023-07-11", and "2023-06" does not overlap "2023-07". The zero Date overlaps nothing.
func (d Date) Overlaps(o Date) bool {
	if d.IsZero() || o.IsZero() {
		return false
	}
	return d.Start().Before(o.End()) && o.Start().Before(d.End())
}

// Equal reports whether d and o are the same date at the same precision. It lets
// github.com/google/go-cmp compare values holding dates.
func (d Date) Equal(o Date) bool { return d == o }
