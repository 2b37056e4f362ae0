// Program withdata uses the embedded default dataset: the positive control for the test
// that checks which binaries carry the data.
package main

import (
	"fmt"

	"github.com/cloudthreats/threatlandscape"
)

func main() {
	fmt.Println(threatlandscape.Default().Counts())
}
