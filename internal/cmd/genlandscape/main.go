// Command genlandscape compiles the YAML dataset into the binary artefact that the root
// package embeds. It is run by `go generate ./...` from the module root:
//
//	go run ./internal/cmd/genlandscape -data dataset/data -out internal/landscape/landscape.bin
//
// It validates the whole dataset first and writes nothing if any entry is invalid. The
// output depends only on the data, so running it twice gives identical bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/cloudthreats/threatlandscape/dataset"
)

func main() {
	data := flag.String("data", "dataset/data", "dataset `directory` to compile")
	out := flag.String("out", "internal/landscape/landscape.bin", "output `file`")
	flag.Parse()
	d, err := dataset.Load(os.DirFS(*data))
	if err != nil {
		fmt.Fprintf(os.Stderr, "genlandscape: %s is invalid:\n%v\n", *data, err)
		os.Exit(1)
	}
	b, _ := d.MarshalBinary()
	if old, err := os.ReadFile(*out); err == nil && bytes.Equal(old, b) {
		return
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "genlandscape: %v\n", err)
		os.Exit(1)
	}
	n := d.Counts()
	fmt.Printf("genlandscape: wrote %s (%d bytes, %d entities)\n", *out, len(b), n.Total())
}
