// Command stixfile exports the embedded landscape as a STIX 2.1 bundle file, ready to
// import into a threat intelligence platform such as OpenCTI or MISP.
//
//	go run ./examples/stixfile -o landscape.stix.json
package main

import (
	"bufio"
	"flag"
	"log"
	"os"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/stix"
)

func main() {
	out := flag.String("o", "landscape.stix.json", "output `file`")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := stix.NewEncoder(w).SetPretty(true).Encode(threatlandscape.Default()); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", *out)
}
