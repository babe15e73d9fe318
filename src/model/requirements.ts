// The PCI DSS 4.0.1 requirements on cryptographic keys that the coverage
// matrix lists, paraphrased, with what no automation can evidence and the
// topics of `document.procedures` that document each.

export interface RequirementInfo {
  id: string;
  title: string;
  /** Matches the `document.procedures` topics that document the requirement. */
  procedures: RegExp;
  /** The part an assessor must examine by interview, document review or observation. */
  manual: string;
}

export const COVERED_REQUIREMENTS: readonly RequirementInfo[] = [
  { id: "3.6.1", title: "Procedures protect keys against disclosure and misuse: fewest custodians, KEKs as strong as DEKs and stored apart, fewest locations and forms", procedures: /protect|generat|storage|custodian/i, manual: "That the written procedures exist and are followed." },
  { id: "3.6.1.1", title: "Documented description of the cryptographic architecture (service providers)", procedures: /architecture/i, manual: "That this document is reviewed and kept current by its owner." },
  { id: "3.6.1.2", title: "Secret and private keys stored only encrypted under a KEK, inside an SCD, or as key components", procedures: /storage|split|component/i, manual: "How key components outside Azure are held, and the handling of keys wrapped outside a key store." },
  { id: "3.6.1.3", title: "Access to cleartext key components restricted to the fewest custodians", procedures: /custodian|component/i, manual: "Who holds cleartext key components outside Azure, such as security domain shares." },
  { id: "3.6.1.4", title: "Keys stored in the fewest possible locations", procedures: /storage|location/i, manual: "Copies of keys outside the collected stores, such as backups and exports." },
  { id: "3.7.1", title: "Generation of strong keys", procedures: /generat/i, manual: "The key generation procedure and the randomness source of keys generated outside Azure." },
  { id: "3.7.2", title: "Secure distribution of keys", procedures: /distribut/i, manual: "How keys and key components reach partners and workloads outside Azure RBAC." },
  { id: "3.7.3", title: "Secure storage of keys", procedures: /storage|stor/i, manual: "Storage of key backups and components outside the key stores." },
  { id: "3.7.4", title: "Key changes at the end of the defined cryptoperiod", procedures: /cryptoperiod|rotat/i, manual: "That keys wrapped outside a store and manual rotations follow the procedure." },
  { id: "3.7.5", title: "Retirement or replacement of keys at the end of the cryptoperiod, when integrity weakens or compromise is suspected", procedures: /retire|replace|compromise/i, manual: "The response to a suspected compromise and the destruction of retired key material." },
  { id: "3.7.6", title: "Split knowledge and dual control for manual cleartext key operations", procedures: /split|dual|quorum/i, manual: "Every manual cleartext key operation; no inventory shows split knowledge or dual control." },
  { id: "3.7.7", title: "Prevention of unauthorised key substitution", procedures: /substitut|change control/i, manual: "Review of the audit logs and change records that show who replaced a key." },
  { id: "3.7.8", title: "Key custodians formally acknowledge their responsibilities", procedures: /custodian|acknowledg/i, manual: "The signed acknowledgement forms themselves." },
  { id: "3.7.9", title: "Guidance to customers on keys shared with them (service providers)", procedures: /customer|guidance|shared/i, manual: "The guidance given to customers; it lies outside the estate." },
  { id: "4.2.1", title: "Strong cryptography for PAN over open, public networks: trusted, valid certificates and secure protocol versions", procedures: /transit|tls|certificate/i, manual: "Endpoint configurations outside Key Vault, such as load balancer TLS policies, and certificate revocation status." },
  { id: "4.2.1.1", title: "Inventory of trusted keys and certificates that protect PAN in transit", procedures: /certificate|inventory/i, manual: "Certificates held outside the collected key stores." },
  { id: "12.3.3", title: "Cipher suites and protocols documented and reviewed at least every twelve months", procedures: /cipher|protocol|vulnerab/i, manual: "The review itself, the monitoring of industry trends and the response plan for cryptographic vulnerabilities." },
];
