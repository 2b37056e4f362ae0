package stix

import "github.com/cloudthreats/threatlandscape/model"

// STIX 2.1 tool-type-ov values for the dataset's tool types that have one.
var stixToolTypes = map[model.ToolType]string{
	model.ToolTypeC2Framework:           "remote-access",
	model.ToolTypeCloudAttackFramework:  "exploitation",
	model.ToolTypeCredentialHarvester:   "credential-exploitation",
	model.ToolTypeExploitationFramework: "exploitation",
	model.ToolTypeRemoteAccess:          "remote-access",
	model.ToolTypeScanner:               "vulnerability-scanning",
}

// STIX 2.1 malware-type-ov values for the dataset's tool types that have one.
var stixMalwareTypes = map[model.ToolType]string{
	model.ToolTypeBackdoor:              "backdoor",
	model.ToolTypeBotnet:                "bot",
	model.ToolTypeExploitationFramework: "exploit-kit",
	model.ToolTypeInfostealer:           "spyware",
	model.ToolTypeLoader:                "downloader",
	model.ToolTypeMiner:                 "resource-exploitation",
	model.ToolTypeRansomware:            "ransomware",
	model.ToolTypeRemoteAccess:          "remote-access-trojan",
	model.ToolTypeRootkit:               "rootkit",
	model.ToolTypeWebshell:              "webshell",
	model.ToolTypeWorm:                  "worm",
}

// openVocabulary maps types through vocab in order, dropping those without a value and
// repeats.
func openVocabulary(types []model.ToolType, vocab map[model.ToolType]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range types {
		if v, ok := vocab[t]; ok && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// resourceLevels maps actor types to STIX 2.1 attack-resource-level-ov where the type
// implies one.
var resourceLevels = map[model.ActorType]string{
	model.ActorStateSponsored: "government",
	model.ActorInsider:        "individual",
}

// confidences maps attribution confidence to the STIX confidence scale, by the
// "None / Low / Med / High" table of STIX 2.1 appendix A.
var confidences = map[model.Confidence]int{
	model.ConfidenceConfirmed: 85, // High
	model.ConfidenceLikely:    50, // Med
	model.ConfidenceSuspected: 15, // Low
}

// mappingSource is the external_references source_name of a framework.
func mappingSource(f model.Framework) string { return string(f) }

// attackURL returns the ATT&CK page of a group (G) or software (S) ID.
func attackURL(id string) string {
	if len(id) < 2 {
		return ""
	}
	switch id[0] {
	case 'G':
		return "https://attack.mitre.org/groups/" + id + "/"
	case 'S':
		return "https://attack.mitre.org/software/" + id + "/"
	}
	return model.Mapping{Framework: model.FrameworkATTACK, ID: id}.URL()
}

func strs[T ~string](xs []T) []string {
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
