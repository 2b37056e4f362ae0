package model_test

import (
	"fmt"

	"github.com/cloudthreats/threatlandscape/model"
)

func ExampleParseDate() {
	d, _ := model.ParseDate("2023-07")
	fmt.Println(d, d.Precision(), d.Start().Format("2006-01-02"), d.End().Format("2006-01-02"))
	// Output: 2023-07 month 2023-07-01 2023-08-01
}

func ExampleParseDate_invalid() {
	_, err := model.ParseDate("2023-02-30")
	fmt.Println(err)
	// Output: invalid date "2023-02-30": day 30 does not exist in 2023-02 (want YYYY, YYYY-MM or YYYY-MM-DD)
}

func ExampleDate_Compare() {
	year, month := model.MustParseDate("2023"), model.MustParseDate("2023-07")
	fmt.Println(year.Compare(month), year.Overlaps(month))
	// Output: -1 true
}

func ExampleImpact_UnmarshalText() {
	var v model.Impact
	fmt.Println(v.UnmarshalText([]byte("ransom")))
	// Output: unknown impact "ransom" (want one of: data-exfiltration, resource-hijacking, supply-chain-attack, extortion, data-destruction, service-disruption, financial-theft, service-abuse, persistence-only, unknown)
}

func ExampleMapping_URL() {
	m := model.Mapping{Framework: model.FrameworkATTACK, ID: "T1552.005"}
	fmt.Println(m.URL())
	// Output: https://attack.mitre.org/techniques/T1552/005/
}

func ExampleValidID() {
	fmt.Println(model.ValidID("storm-0558"), model.ValidID("Storm_0558"))
	// Output: true false
}
