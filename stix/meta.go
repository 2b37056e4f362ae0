package stix

// producer returns the identity of this project, the created_by_ref of every object.
func producer() *object {
	return &object{
		Type:               "identity",
		SpecVersion:        specVersion,
		ID:                 ProducerID,
		CreatedByRef:       ProducerID,
		Created:            producerTime,
		Modified:           producerTime,
		Name:               "Cloud Threat Landscape",
		Description:        "The threatlandscape project: a curated, referenced dataset of cloud security incidents, the actors behind them, their techniques and tools, the technologies they targeted and the defenses that mitigate them.",
		IdentityClass:      "organization",
		ContactInformation: "https://github.com/cloudthreats/threatlandscape",
		ObjectMarkingRefs:  []string{TLPClear},
	}
}

// extensionDefinition returns the definition of the property extension that carries
// the dataset's own fields.
func extensionDefinition() *object {
	return &object{
		Type:              "extension-definition",
		SpecVersion:       specVersion,
		ID:                ExtensionID,
		CreatedByRef:      ProducerID,
		Created:           producerTime,
		Modified:          producerTime,
		Name:              "threatlandscape dataset properties",
		Description:       "Fields of the threatlandscape dataset that STIX 2.1 has no property for: the classification of incidents (type, initial access, impact, attribution confidence), dates at their real precision, actor attribution and motivations, tool types and technology categories in the dataset's own vocabularies, alias sources, reference kinds and withdrawals.",
		Schema:            extensionSchema,
		Version:           "1.0.0",
		ExtensionTypes:    []string{"property-extension"},
		ObjectMarkingRefs: []string{TLPClear},
	}
}

// extensionSchema is the normative definition of the property extension, as plain text
// (STIX 2.1 allows a URL or a text for schema).
const extensionSchema = `A property extension on every object made from a dataset entity (campaign or incident, intrusion-set, attack-pattern, tool, malware, course-of-action, infrastructure). Every property is optional; values are strings unless stated. Dates are civil dates at the precision the dataset knows: YYYY, YYYY-MM or YYYY-MM-DD.
Any object: summary (one sentence); aliases (list of {name, by}: every alias and who names it so); withdrawn ({date, reason}: the entry is withdrawn, and the object revoked); references (list of {url, kind, published}, one per reference in external_references order after the framework IDs: kind is victim-disclosure, vendor-research, government-advisory, news or other).
Incident (campaign or incident): incident_type (incident, campaign or research); disclosed, first_seen, last_seen (dates); attribution_confidence (confirmed, likely or suspected); initial_access (list of: zero-day-vulnerability, n-day-vulnerability, web-application-vulnerability, api-vulnerability, exposed-secret, password-attack, end-user-compromise, insider, supply-chain, cloud-misconfiguration, software-misconfiguration, functionality-abuse, dangling-resource, third-party-compromise, unknown); impact (list of: data-exfiltration, resource-hijacking, supply-chain-attack, extortion, data-destruction, service-disruption, financial-theft, service-abuse, persistence-only, unknown).
Intrusion-set: actor_type (state-sponsored, cybercrime, hacktivist, insider, unknown); country (ISO 3166-1 alpha-2 of the attribution); agency; attribution_confidence (of the country); motivations (list of: cryptojacking, ransomware, extortion, data-theft, espionage, botnet, hacktivism, financial-theft, spam).
Attack-pattern: tactics (list of ATT&CK tactic short names); mapping_note (why a technique maps to no framework entry).
Tool and malware: tool_types (list of: backdoor, botnet, c2-framework, cloud-attack-framework, credential-harvester, loader, exploitation-framework, infostealer, miner, proxy, ransomware, remote-access, rootkit, scanner, tunneler, webshell, wiper, worm).
Infrastructure: vendor; category (the technology category); cpe (a CPE 2.3 prefix).`
