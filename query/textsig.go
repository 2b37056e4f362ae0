package query

// A text signature is a Bloom filter of the three-byte sequences (trigrams) of an
// incident's lowercased text, field by field. A Text filter's every trigram must be in
// an incident's signature for the incident to hold the text, so the signature rules
// out most incidents without reading their text; the few left are checked with
// strings.Contains. With 4096 bits, about a fifth of them set by an incident of the
// real data, a text of ten letters (eight trigrams) passes a wrong incident about
// three times in a million.
const (
	sigBits  = 4096
	sigWords = sigBits / 64
)

// trigramBit returns the signature bit of the trigram that starts at s[i].
func trigramBit(s string, i int) uint32 {
	h := uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
	return (h * 2654435761) >> (32 - 12) // Fibonacci hashing to 12 bits
}

// addSignature sets the bits of the trigrams of every field in sig.
func addSignature(sig []uint64, fields []string) {
	for _, f := range fields {
		for i := 0; i+3 <= len(f); i++ {
			b := trigramBit(f, i)
			sig[b/64] |= 1 << (b % 64)
		}
	}
}

// trigramBits returns the signature bits of the trigrams of s, without repeats; none
// when s is shorter than three bytes.
func trigramBits(s string) []uint32 {
	var out []uint32
	for i := 0; i+3 <= len(s); i++ {
		b := trigramBit(s, i)
		dup := false
		for _, o := range out {
			dup = dup || o == b
		}
		if !dup {
			out = append(out, b)
		}
	}
	return out
}

// mayContain reports whether sig has every bit of bits.
func mayContain(sig []uint64, bits []uint32) bool {
	for _, b := range bits {
		if sig[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}
