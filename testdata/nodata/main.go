// Program nodata uses the model and the loader but not the embedded default dataset. The
// root package's tests build it and check that the compiled data is not in its binary.
package main

import (
	"fmt"
	"os"

	"github.com/cloudthreats/threatlandscape/dataset"
	"github.com/cloudthreats/threatlandscape/model"
)

func main() {
	d, err := dataset.Load(os.DirFS("."))
	fmt.Println(d, err, model.KindIncident)
}
