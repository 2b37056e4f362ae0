// Package model defines the entities of the cloud threat landscape: incidents (and
// campaigns and research disclosures), actors, techniques, tools, defenses and targeted
// technologies, with their typed IDs, the precision [Date], and the closed vocabularies
// that classify them.
//
// The package depends on the standard library only and holds no data. Types are plain
// values: every slice-carrying entity has a Clone method that returns a deep copy, and
// every vocabulary type marshals to and from its string form, rejecting unknown values
// with an error that lists the allowed ones.
//
//	d, err := model.ParseDate("2023-07")
//	if err != nil { ... }
//	fmt.Println(d.Precision(), d.Start()) // month 2023-07-01 00:00:00 +0000 UTC
package model
