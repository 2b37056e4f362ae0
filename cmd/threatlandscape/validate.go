package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/cloudthreats/threatlandscape/dataset"
)

type validationReport struct {
	Valid  bool                `json:"valid"`
	Counts *dataset.Counts     `json:"counts,omitempty"`
	Errors []validationFinding `json:"errors,omitempty"`
}

type validationFinding struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

func runValidate(c *context, args []string) error {
	dir := args[0]
	if st, err := os.Stat(dir); err != nil {
		return err
	} else if !st.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	d, err := dataset.Load(os.DirFS(dir))
	var list dataset.ErrorList
	if err != nil && !errors.As(err, &list) {
		return err
	}
	report := validationReport{Valid: err == nil}
	if d != nil {
		counts := d.Counts()
		report.Counts = &counts
	}
	for _, e := range list {
		report.Errors = append(report.Errors, validationFinding{File: e.File, Line: e.Line, Col: e.Col, Field: e.Field, Message: e.Msg})
	}
	if c.format == "json" {
		if err := writeJSON(c.stdout, report); err != nil {
			return err
		}
	} else if d != nil {
		n := d.Counts()
		fmt.Fprintf(c.stdout, "%s: valid: %d incidents, %d actors, %d techniques, %d tools, %d defenses, %d technologies\n",
			dir, n.Incidents, n.Actors, n.Techniques, n.Tools, n.Defenses, n.Technologies)
	}
	if len(list) > 0 {
		for _, e := range list {
			fmt.Fprintf(c.stderr, "%s/%s\n", dir, e.Error())
		}
		fmt.Fprintf(c.stderr, "%s: %d errors\n", dir, len(list))
		return errSilent
	}
	return nil
}
