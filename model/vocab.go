package model

// IncidentType is what kind of event an [Incident] records. Its values are the constants below;
// the zero value "" means unset.
type IncidentType string

// The incident type values.
const (
	IncidentTypeIncident IncidentType = "incident" // a specific breach of one organisation
	IncidentTypeCampaign IncidentType = "campaign" // activity by one actor or malware family across many victims
	IncidentTypeResearch IncidentType = "research" // a disclosed weakness or attack path with no known exploitation in the wild
)

var incidentTypeVocabulary = vocabulary[IncidentType]{"incident type", []IncidentType{IncidentTypeIncident, IncidentTypeCampaign, IncidentTypeResearch}}

// IncidentTypeValues returns every incident type value, in a fixed order.
func IncidentTypeValues() []IncidentType { return incidentTypeVocabulary.all() }

// Valid reports whether v is one of the incident type values.
func (v IncidentType) Valid() bool { return incidentTypeVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v IncidentType) Check() error { return incidentTypeVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v IncidentType) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *IncidentType) UnmarshalText(text []byte) error {
	return incidentTypeVocabulary.unmarshal(v, text)
}

// Confidence is how firmly an attribution is held. Its values are the constants below;
// the zero value "" means unset.
type Confidence string

// The confidence values.
const (
	ConfidenceConfirmed Confidence = "confirmed" // the victim, the vendor or a government states it as fact
	ConfidenceLikely    Confidence = "likely"    // researchers assess it with moderate or high confidence
	ConfidenceSuspected Confidence = "suspected" // a low-confidence or disputed assessment
)

var confidenceVocabulary = vocabulary[Confidence]{"confidence", []Confidence{ConfidenceConfirmed, ConfidenceLikely, ConfidenceSuspected}}

// ConfidenceValues returns every confidence value, in a fixed order.
func ConfidenceValues() []Confidence { return confidenceVocabulary.all() }

// Valid reports whether v is one of the confidence values.
func (v Confidence) Valid() bool { return confidenceVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v Confidence) Check() error { return confidenceVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v Confidence) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *Confidence) UnmarshalText(text []byte) error { return confidenceVocabulary.unmarshal(v, text) }

// InitialAccess is how an attacker first got in. Its values are the constants below;
// the zero value "" means unset.
type InitialAccess string

// The initial access values.
const (
	AccessZeroDay                  InitialAccess = "zero-day-vulnerability"        // exploitation of a vulnerability with no patch at the time
	AccessNDay                     InitialAccess = "n-day-vulnerability"           // exploitation of a known vulnerability for which a patch was available
	AccessWebApplication           InitialAccess = "web-application-vulnerability" // a flaw in a web application, such as SSRF or injection
	AccessAPI                      InitialAccess = "api-vulnerability"             // a flaw in an API, such as broken authorisation
	AccessExposedSecret            InitialAccess = "exposed-secret"                // a leaked key, token or password, for example in a public repository
	AccessPasswordAttack           InitialAccess = "password-attack"               // password spraying, guessing or credential stuffing
	AccessEndUserCompromise        InitialAccess = "end-user-compromise"           // phishing, infostealer malware or social engineering of staff
	AccessInsider                  InitialAccess = "insider"                       // a current or former employee or contractor abusing their access
	AccessSupplyChain              InitialAccess = "supply-chain"                  // a compromised dependency, package, image or build component
	AccessCloudMisconfiguration    InitialAccess = "cloud-misconfiguration"        // a misconfigured cloud resource, such as a public bucket or an over-permissive role
	AccessSoftwareMisconfiguration InitialAccess = "software-misconfiguration"     // misconfigured software, such as an exposed Docker API or unauthenticated Redis
	AccessFunctionalityAbuse       InitialAccess = "functionality-abuse"           // intended features used against their purpose
	AccessDanglingResource         InitialAccess = "dangling-resource"             // a deleted resource still referenced, such as a dangling DNS record
	AccessThirdPartyCompromise     InitialAccess = "third-party-compromise"        // a breach of a vendor or partner with access to the victim
	AccessUnknown                  InitialAccess = "unknown"                       // the vector has not been disclosed
)

var initialAccessVocabulary = vocabulary[InitialAccess]{"initial access", []InitialAccess{AccessZeroDay, AccessNDay, AccessWebApplication, AccessAPI, AccessExposedSecret, AccessPasswordAttack, AccessEndUserCompromise, AccessInsider, AccessSupplyChain, AccessCloudMisconfiguration, AccessSoftwareMisconfiguration, AccessFunctionalityAbuse, AccessDanglingResource, AccessThirdPartyCompromise, AccessUnknown}}

// InitialAccessValues returns every initial access value, in a fixed order.
func InitialAccessValues() []InitialAccess { return initialAccessVocabulary.all() }

// Valid reports whether v is one of the initial access values.
func (v InitialAccess) Valid() bool { return initialAccessVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v InitialAccess) Check() error { return initialAccessVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v InitialAccess) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *InitialAccess) UnmarshalText(text []byte) error {
	return initialAccessVocabulary.unmarshal(v, text)
}

// Impact is what an incident cost its victims. Its values are the constants below;
// the zero value "" means unset.
type Impact string

// The impact values.
const (
	ImpactDataExfiltration  Impact = "data-exfiltration"   // data copied out of the victim's control
	ImpactResourceHijacking Impact = "resource-hijacking"  // compute, bandwidth or paid services used for the attacker's gain (mining, proxyjacking, LLMjacking)
	ImpactSupplyChainAttack Impact = "supply-chain-attack" // the victim's product or service became a vector against its own customers
	ImpactExtortion         Impact = "extortion"           // a ransom or payment demand
	ImpactDataDestruction   Impact = "data-destruction"    // data deleted, wiped or encrypted
	ImpactServiceDisruption Impact = "service-disruption"  // a service made unavailable or degraded
	ImpactFinancialTheft    Impact = "financial-theft"     // money or cryptocurrency stolen
	ImpactServiceAbuse      Impact = "service-abuse"       // the victim's services used for spam, phishing or other abuse
	ImpactPersistenceOnly   Impact = "persistence-only"    // access established with no further impact observed
	ImpactUnknown           Impact = "unknown"             // the impact has not been disclosed
)

var impactVocabulary = vocabulary[Impact]{"impact", []Impact{ImpactDataExfiltration, ImpactResourceHijacking, ImpactSupplyChainAttack, ImpactExtortion, ImpactDataDestruction, ImpactServiceDisruption, ImpactFinancialTheft, ImpactServiceAbuse, ImpactPersistenceOnly, ImpactUnknown}}

// ImpactValues returns every impact value, in a fixed order.
func ImpactValues() []Impact { return impactVocabulary.all() }

// Valid reports whether v is one of the impact values.
func (v Impact) Valid() bool { return impactVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v Impact) Check() error { return impactVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v Impact) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *Impact) UnmarshalText(text []byte) error { return impactVocabulary.unmarshal(v, text) }

// ActorType is what kind of group an [Actor] is. Its values are the constants below;
// the zero value "" means unset.
type ActorType string

// The actor type values.
const (
	ActorStateSponsored ActorType = "state-sponsored" // works for or on behalf of a government
	ActorCybercrime     ActorType = "cybercrime"      // motivated by money
	ActorHacktivist     ActorType = "hacktivist"      // motivated by a political or social cause
	ActorInsider        ActorType = "insider"         // a person inside the victim organisation
	ActorUnknown        ActorType = "unknown"         // not known
)

var actorTypeVocabulary = vocabulary[ActorType]{"actor type", []ActorType{ActorStateSponsored, ActorCybercrime, ActorHacktivist, ActorInsider, ActorUnknown}}

// ActorTypeValues returns every actor type value, in a fixed order.
func ActorTypeValues() []ActorType { return actorTypeVocabulary.all() }

// Valid reports whether v is one of the actor type values.
func (v ActorType) Valid() bool { return actorTypeVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v ActorType) Check() error { return actorTypeVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v ActorType) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *ActorType) UnmarshalText(text []byte) error { return actorTypeVocabulary.unmarshal(v, text) }

// Motivation is why an [Actor] attacks. Its values are the constants below;
// the zero value "" means unset.
type Motivation string

// The motivation values.
const (
	MotivationCryptojacking  Motivation = "cryptojacking"   // mining cryptocurrency on stolen compute
	MotivationRansomware     Motivation = "ransomware"      // encrypting data for ransom
	MotivationExtortion      Motivation = "extortion"       // threatening to leak or destroy data for payment
	MotivationDataTheft      Motivation = "data-theft"      // stealing data to sell or use
	MotivationEspionage      Motivation = "espionage"       // collecting intelligence
	MotivationBotnet         Motivation = "botnet"          // enlisting machines into a botnet
	MotivationHacktivism     Motivation = "hacktivism"      // advancing a political or social cause
	MotivationFinancialTheft Motivation = "financial-theft" // stealing money or cryptocurrency directly
	MotivationSpam           Motivation = "spam"            // sending spam or phishing through stolen services
	MotivationSabotage       Motivation = "sabotage"        // destroying or disrupting systems, often out of a grievance
)

var motivationVocabulary = vocabulary[Motivation]{"motivation", []Motivation{MotivationCryptojacking, MotivationRansomware, MotivationExtortion, MotivationDataTheft, MotivationEspionage, MotivationBotnet, MotivationHacktivism, MotivationFinancialTheft, MotivationSpam, MotivationSabotage}}

// MotivationValues returns every motivation value, in a fixed order.
func MotivationValues() []Motivation { return motivationVocabulary.all() }

// Valid reports whether v is one of the motivation values.
func (v Motivation) Valid() bool { return motivationVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v Motivation) Check() error { return motivationVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v Motivation) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *Motivation) UnmarshalText(text []byte) error { return motivationVocabulary.unmarshal(v, text) }

// Tactic is an ATT&CK tactic, by its short name. Its values are the constants below;
// the zero value "" means unset.
type Tactic string

// The tactic values.
const (
	TacticReconnaissance      Tactic = "reconnaissance"       // gathering information to plan an attack
	TacticResourceDevelopment Tactic = "resource-development" // acquiring infrastructure, accounts or capabilities
	TacticInitialAccess       Tactic = "initial-access"       // getting into the target environment
	TacticExecution           Tactic = "execution"            // running attacker-controlled code or commands
	TacticPersistence         Tactic = "persistence"          // keeping access across restarts and credential changes
	TacticPrivilegeEscalation Tactic = "privilege-escalation" // gaining higher permissions
	TacticDefenseEvasion      Tactic = "defense-evasion"      // avoiding detection
	TacticCredentialAccess    Tactic = "credential-access"    // stealing credentials, keys and tokens
	TacticDiscovery           Tactic = "discovery"            // learning about the environment
	TacticLateralMovement     Tactic = "lateral-movement"     // moving between systems, accounts or tenants
	TacticCollection          Tactic = "collection"           // gathering data of interest
	TacticCommandAndControl   Tactic = "command-and-control"  // communicating with compromised systems
	TacticExfiltration        Tactic = "exfiltration"         // moving data out
	TacticImpact              Tactic = "impact"               // disrupting, destroying or abusing systems and data
)

var tacticVocabulary = vocabulary[Tactic]{"tactic", []Tactic{TacticReconnaissance, TacticResourceDevelopment, TacticInitialAccess, TacticExecution, TacticPersistence, TacticPrivilegeEscalation, TacticDefenseEvasion, TacticCredentialAccess, TacticDiscovery, TacticLateralMovement, TacticCollection, TacticCommandAndControl, TacticExfiltration, TacticImpact}}

// TacticValues returns every tactic value, in a fixed order.
func TacticValues() []Tactic { return tacticVocabulary.all() }

// Valid reports whether v is one of the tactic values.
func (v Tactic) Valid() bool { return tacticVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v Tactic) Check() error { return tacticVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v Tactic) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *Tactic) UnmarshalText(text []byte) error { return tacticVocabulary.unmarshal(v, text) }

// ToolKind is whether a [Tool] is malware or software that attackers abuse. Its values are the constants below;
// the zero value "" means unset.
type ToolKind string

// The tool kind values.
const (
	ToolKindMalware ToolKind = "malware" // software written to do harm
	ToolKindTool    ToolKind = "tool"    // legitimate or offensive-security software that attackers abuse
)

var toolKindVocabulary = vocabulary[ToolKind]{"tool kind", []ToolKind{ToolKindMalware, ToolKindTool}}

// ToolKindValues returns every tool kind value, in a fixed order.
func ToolKindValues() []ToolKind { return toolKindVocabulary.all() }

// Valid reports whether v is one of the tool kind values.
func (v ToolKind) Valid() bool { return toolKindVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v ToolKind) Check() error { return toolKindVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v ToolKind) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *ToolKind) UnmarshalText(text []byte) error { return toolKindVocabulary.unmarshal(v, text) }

// ToolType is what a [Tool] does. Its values are the constants below;
// the zero value "" means unset.
type ToolType string

// The tool type values.
const (
	ToolTypeBackdoor              ToolType = "backdoor"               // gives covert remote access
	ToolTypeBotnet                ToolType = "botnet"                 // enrols hosts into a centrally controlled network
	ToolTypeC2Framework           ToolType = "c2-framework"           // a command-and-control framework
	ToolTypeCloudAttackFramework  ToolType = "cloud-attack-framework" // automates attacks on cloud control planes
	ToolTypeCredentialHarvester   ToolType = "credential-harvester"   // collects credentials, keys or tokens
	ToolTypeLoader                ToolType = "loader"                 // downloads and runs further payloads
	ToolTypeExploitationFramework ToolType = "exploitation-framework" // packages exploits for delivery
	ToolTypeInfostealer           ToolType = "infostealer"            // steals browser data, sessions and files from endpoints
	ToolTypeMiner                 ToolType = "miner"                  // mines cryptocurrency
	ToolTypeProxy                 ToolType = "proxy"                  // relays traffic to hide its origin
	ToolTypeRansomware            ToolType = "ransomware"             // encrypts data for ransom
	ToolTypeRemoteAccess          ToolType = "remote-access"          // remote administration software
	ToolTypeRootkit               ToolType = "rootkit"                // hides processes, files or connections
	ToolTypeScanner               ToolType = "scanner"                // finds exposed services, secrets or vulnerabilities
	ToolTypeTunneler              ToolType = "tunneler"               // tunnels traffic into or out of a network
	ToolTypeWebshell              ToolType = "webshell"               // a script on a web server that runs attacker commands
	ToolTypeWiper                 ToolType = "wiper"                  // destroys data
	ToolTypeWorm                  ToolType = "worm"                   // spreads by itself
	ToolTypeExfiltration          ToolType = "exfiltration"           // copies data in bulk to storage the attacker controls
	ToolTypeSpam                  ToolType = "spam"                   // sends bulk email or SMS through stolen services
)

var toolTypeVocabulary = vocabulary[ToolType]{"tool type", []ToolType{ToolTypeBackdoor, ToolTypeBotnet, ToolTypeC2Framework, ToolTypeCloudAttackFramework, ToolTypeCredentialHarvester, ToolTypeLoader, ToolTypeExploitationFramework, ToolTypeInfostealer, ToolTypeMiner, ToolTypeProxy, ToolTypeRansomware, ToolTypeRemoteAccess, ToolTypeRootkit, ToolTypeScanner, ToolTypeTunneler, ToolTypeWebshell, ToolTypeWiper, ToolTypeWorm, ToolTypeExfiltration, ToolTypeSpam}}

// ToolTypeValues returns every tool type value, in a fixed order.
func ToolTypeValues() []ToolType { return toolTypeVocabulary.all() }

// Valid reports whether v is one of the tool type values.
func (v ToolType) Valid() bool { return toolTypeVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v ToolType) Check() error { return toolTypeVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v ToolType) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *ToolType) UnmarshalText(text []byte) error { return toolTypeVocabulary.unmarshal(v, text) }

// TechnologyCategory is what kind of product a [Technology] is. Its values are the constants below;
// the zero value "" means unset.
type TechnologyCategory string

// The technology category values.
const (
	CategoryCloudCompute           TechnologyCategory = "cloud-compute"           // virtual machines, serverless functions and managed compute
	CategoryCloudStorage           TechnologyCategory = "cloud-storage"           // object, file and block storage services
	CategoryCloudIdentity          TechnologyCategory = "cloud-identity"          // a cloud provider's identity and access management
	CategoryIdentityProvider       TechnologyCategory = "identity-provider"       // a standalone identity provider or directory
	CategorySaaS                   TechnologyCategory = "saas"                    // a software-as-a-service application
	CategoryEmail                  TechnologyCategory = "email"                   // email services and servers
	CategorySourceControl          TechnologyCategory = "source-control"          // source code hosting
	CategoryCICD                   TechnologyCategory = "ci-cd"                   // build and deployment pipelines
	CategoryPackageRegistry        TechnologyCategory = "package-registry"        // package, image and model registries
	CategoryContainerRuntime       TechnologyCategory = "container-runtime"       // container engines and runtimes
	CategoryContainerOrchestration TechnologyCategory = "container-orchestration" // Kubernetes and other orchestrators
	CategoryDatabase               TechnologyCategory = "database"                // databases and data warehouses
	CategoryAIML                   TechnologyCategory = "ai-ml"                   // AI and machine-learning services and platforms
	CategoryWebApplication         TechnologyCategory = "web-application"         // web applications and application servers
	CategoryOperatingSystem        TechnologyCategory = "operating-system"        // operating systems
	CategoryNetworkEdge            TechnologyCategory = "network-edge"            // VPNs, gateways, firewalls and other edge devices
	CategoryCollaboration          TechnologyCategory = "collaboration"           // chat, wiki and document collaboration
)

var technologyCategoryVocabulary = vocabulary[TechnologyCategory]{"technology category", []TechnologyCategory{CategoryCloudCompute, CategoryCloudStorage, CategoryCloudIdentity, CategoryIdentityProvider, CategorySaaS, CategoryEmail, CategorySourceControl, CategoryCICD, CategoryPackageRegistry, CategoryContainerRuntime, CategoryContainerOrchestration, CategoryDatabase, CategoryAIML, CategoryWebApplication, CategoryOperatingSystem, CategoryNetworkEdge, CategoryCollaboration}}

// TechnologyCategoryValues returns every technology category value, in a fixed order.
func TechnologyCategoryValues() []TechnologyCategory { return technologyCategoryVocabulary.all() }

// Valid reports whether v is one of the technology category values.
func (v TechnologyCategory) Valid() bool { return technologyCategoryVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v TechnologyCategory) Check() error { return technologyCategoryVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v TechnologyCategory) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *TechnologyCategory) UnmarshalText(text []byte) error {
	return technologyCategoryVocabulary.unmarshal(v, text)
}

// ReferenceKind is who published a [Reference]. Its values are the constants below;
// the zero value "" means unset.
type ReferenceKind string

// The reference kind values.
const (
	ReferenceVictimDisclosure   ReferenceKind = "victim-disclosure"   // the victim's own statement
	ReferenceVendorResearch     ReferenceKind = "vendor-research"     // a security vendor's or researcher's analysis
	ReferenceGovernmentAdvisory ReferenceKind = "government-advisory" // a government advisory or report
	ReferenceNews               ReferenceKind = "news"                // journalism
	ReferenceOther              ReferenceKind = "other"               // anything else, such as documentation or a framework page
)

var referenceKindVocabulary = vocabulary[ReferenceKind]{"reference kind", []ReferenceKind{ReferenceVictimDisclosure, ReferenceVendorResearch, ReferenceGovernmentAdvisory, ReferenceNews, ReferenceOther}}

// ReferenceKindValues returns every reference kind value, in a fixed order.
func ReferenceKindValues() []ReferenceKind { return referenceKindVocabulary.all() }

// Valid reports whether v is one of the reference kind values.
func (v ReferenceKind) Valid() bool { return referenceKindVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v ReferenceKind) Check() error { return referenceKindVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v ReferenceKind) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *ReferenceKind) UnmarshalText(text []byte) error {
	return referenceKindVocabulary.unmarshal(v, text)
}

// Framework is a knowledge base that a [Mapping] points into. Its values are the constants below;
// the zero value "" means unset.
type Framework string

// The framework values.
const (
	FrameworkATTACK Framework = "mitre-attack" // MITRE ATT&CK (techniques T1234.001, mitigations M1032)
	FrameworkATLAS  Framework = "mitre-atlas"  // MITRE ATLAS (techniques AML.T0051)
	FrameworkD3FEND Framework = "d3fend"       // MITRE D3FEND (techniques D3-MFA)
)

var frameworkVocabulary = vocabulary[Framework]{"framework", []Framework{FrameworkATTACK, FrameworkATLAS, FrameworkD3FEND}}

// FrameworkValues returns every framework value, in a fixed order.
func FrameworkValues() []Framework { return frameworkVocabulary.all() }

// Valid reports whether v is one of the framework values.
func (v Framework) Valid() bool { return frameworkVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v Framework) Check() error { return frameworkVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v Framework) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *Framework) UnmarshalText(text []byte) error { return frameworkVocabulary.unmarshal(v, text) }

// Sector is an industry sector, from the STIX 2.1 industry-sector-ov vocabulary. Its values are the constants below;
// the zero value "" means unset.
type Sector string

// The sector values.
const (
	SectorAgriculture                 Sector = "agriculture"                   // STIX industry sector agriculture
	SectorAerospace                   Sector = "aerospace"                     // STIX industry sector aerospace
	SectorAutomotive                  Sector = "automotive"                    // STIX industry sector automotive
	SectorChemical                    Sector = "chemical"                      // STIX industry sector chemical
	SectorCommercial                  Sector = "commercial"                    // STIX industry sector commercial
	SectorCommunications              Sector = "communications"                // STIX industry sector communications
	SectorConstruction                Sector = "construction"                  // STIX industry sector construction
	SectorDefense                     Sector = "defense"                       // STIX industry sector defense
	SectorEducation                   Sector = "education"                     // STIX industry sector education
	SectorEnergy                      Sector = "energy"                        // STIX industry sector energy
	SectorEntertainment               Sector = "entertainment"                 // STIX industry sector entertainment
	SectorFinancialServices           Sector = "financial-services"            // STIX industry sector financial-services
	SectorGovernment                  Sector = "government"                    // STIX industry sector government
	SectorGovernmentEmergencyServices Sector = "government-emergency-services" // STIX industry sector government-emergency-services
	SectorGovernmentLocal             Sector = "government-local"              // STIX industry sector government-local
	SectorGovernmentNational          Sector = "government-national"           // STIX industry sector government-national
	SectorGovernmentPublicServices    Sector = "government-public-services"    // STIX industry sector government-public-services
	SectorGovernmentRegional          Sector = "government-regional"           // STIX industry sector government-regional
	SectorHealthcare                  Sector = "healthcare"                    // STIX industry sector healthcare
	SectorHospitalityLeisure          Sector = "hospitality-leisure"           // STIX industry sector hospitality-leisure
	SectorInfrastructure              Sector = "infrastructure"                // STIX industry sector infrastructure
	SectorInfrastructureDams          Sector = "infrastructure-dams"           // STIX industry sector infrastructure-dams
	SectorInfrastructureNuclear       Sector = "infrastructure-nuclear"        // STIX industry sector infrastructure-nuclear
	SectorInfrastructureWater         Sector = "infrastructure-water"          // STIX industry sector infrastructure-water
	SectorInsurance                   Sector = "insurance"                     // STIX industry sector insurance
	SectorManufacturing               Sector = "manufacturing"                 // STIX industry sector manufacturing
	SectorMining                      Sector = "mining"                        // STIX industry sector mining
	SectorNonProfit                   Sector = "non-profit"                    // STIX industry sector non-profit
	SectorPharmaceuticals             Sector = "pharmaceuticals"               // STIX industry sector pharmaceuticals
	SectorRetail                      Sector = "retail"                        // STIX industry sector retail
	SectorTechnology                  Sector = "technology"                    // STIX industry sector technology
	SectorTelecommunications          Sector = "telecommunications"            // STIX industry sector telecommunications
	SectorTransportation              Sector = "transportation"                // STIX industry sector transportation
	SectorUtilities                   Sector = "utilities"                     // STIX industry sector utilities
)

var sectorVocabulary = vocabulary[Sector]{"sector", []Sector{SectorAgriculture, SectorAerospace, SectorAutomotive, SectorChemical, SectorCommercial, SectorCommunications, SectorConstruction, SectorDefense, SectorEducation, SectorEnergy, SectorEntertainment, SectorFinancialServices, SectorGovernment, SectorGovernmentEmergencyServices, SectorGovernmentLocal, SectorGovernmentNational, SectorGovernmentPublicServices, SectorGovernmentRegional, SectorHealthcare, SectorHospitalityLeisure, SectorInfrastructure, SectorInfrastructureDams, SectorInfrastructureNuclear, SectorInfrastructureWater, SectorInsurance, SectorManufacturing, SectorMining, SectorNonProfit, SectorPharmaceuticals, SectorRetail, SectorTechnology, SectorTelecommunications, SectorTransportation, SectorUtilities}}

// SectorValues returns every sector value, in a fixed order.
func SectorValues() []Sector { return sectorVocabulary.all() }

// Valid reports whether v is one of the sector values.
func (v Sector) Valid() bool { return sectorVocabulary.contains(v) }

// Check returns nil if v is valid, else a *[ValueError] that lists the allowed values.
func (v Sector) Check() error { return sectorVocabulary.check(v) }

// MarshalText implements [encoding.TextMarshaler]. It does not check v.
func (v Sector) MarshalText() ([]byte, error) { return []byte(v), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; an unknown value is a *[ValueError].
func (v *Sector) UnmarshalText(text []byte) error { return sectorVocabulary.unmarshal(v, text) }
