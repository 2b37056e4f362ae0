// Command feed writes an Atom feed of the incidents that targeted one technology (by
// default Amazon S3) to standard output.
//
//	go run ./examples/feed -technology amazon-s3 > s3.atom
package main

import (
	"flag"
	"log"
	"os"
	"slices"

	"github.com/cloudthreats/threatlandscape"
	"github.com/cloudthreats/threatlandscape/model"
	"github.com/cloudthreats/threatlandscape/rss"
)

func main() {
	tech := flag.String("technology", "amazon-s3", "technology `ID` the feed covers")
	flag.Parse()
	d := threatlandscape.Default()
	t, ok := d.Technology(model.TechnologyID(*tech))
	if !ok {
		log.Fatalf("no technology %q", *tech)
	}
	targeted := func(yield func(model.Incident) bool) {
		for x := range d.Incidents() {
			if slices.Contains(x.Technologies, t.ID) && !yield(x) {
				return
			}
		}
	}
	err := rss.NewEncoder(os.Stdout, rss.Atom).
		SetTitle("Cloud threat landscape: incidents targeting "+t.Name).
		SetSelfURL("https://example.org/feeds/"+string(t.ID)+".atom").
		SetLimit(50).
		Encode(d, targeted)
	if err != nil {
		log.Fatal(err)
	}
}
