// Endpoints and token audiences of the Azure clouds. A token is requested
// for the audience of the cloud, never for the endpoint URL: sovereign ARM
// endpoints and test emulators accept the cloud's audience, and some SDK
// clients would otherwise ask for `<endpoint>/.default`.

export type CloudName = "AzurePublicCloud" | "AzureUSGovernment" | "AzureChinaCloud";

export interface CloudSettings {
  name: CloudName;
  armEndpoint: string;
  armAudience: string;
  graphEndpoint: string;
  graphAudience: string;
  /** Host suffix of Key Vault data-plane URLs, such as `vault.azure.net`. */
  vaultDnsSuffix: string;
  vaultAudience: string;
  managedHsmDnsSuffix: string;
  managedHsmAudience: string;
  authorityHost: string;
}

const CLOUDS: Record<CloudName, CloudSettings> = {
  AzurePublicCloud: {
    name: "AzurePublicCloud",
    armEndpoint: "https://management.azure.com",
    armAudience: "https://management.azure.com",
    graphEndpoint: "https://graph.microsoft.com",
    graphAudience: "https://graph.microsoft.com",
    vaultDnsSuffix: "vault.azure.net",
    vaultAudience: "https://vault.azure.net",
    managedHsmDnsSuffix: "managedhsm.azure.net",
    managedHsmAudience: "https://managedhsm.azure.net",
    authorityHost: "https://login.microsoftonline.com",
  },
  AzureUSGovernment: {
    name: "AzureUSGovernment",
    armEndpoint: "https://management.usgovcloudapi.net",
    armAudience: "https://management.usgovcloudapi.net",
    graphEndpoint: "https://graph.microsoft.us",
    graphAudience: "https://graph.microsoft.us",
    vaultDnsSuffix: "vault.usgovcloudapi.net",
    vaultAudience: "https://vault.usgovcloudapi.net",
    managedHsmDnsSuffix: "managedhsm.usgovcloudapi.net",
    managedHsmAudience: "https://managedhsm.usgovcloudapi.net",
    authorityHost: "https://login.microsoftonline.us",
  },
  AzureChinaCloud: {
    name: "AzureChinaCloud",
    armEndpoint: "https://management.chinacloudapi.cn",
    armAudience: "https://management.chinacloudapi.cn",
    graphEndpoint: "https://microsoftgraph.chinacloudapi.cn",
    graphAudience: "https://microsoftgraph.chinacloudapi.cn",
    vaultDnsSuffix: "vault.azure.cn",
    vaultAudience: "https://vault.azure.cn",
    managedHsmDnsSuffix: "managedhsm.azure.cn",
    managedHsmAudience: "https://managedhsm.azure.cn",
    authorityHost: "https://login.chinacloudapi.cn",
  },
};

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

export function cloudSettings(name: CloudName): CloudSettings {
  return CLOUDS[name];
}

/** Returns the `.default` scope that requests a token for the given audience. */
export function defaultScope(audience: string): string {
  return `${audience.replace(/\/+$/, "")}/.default`;
}

/** True for 127.0.0.0/8, `localhost` and `::1`: the only hosts where the Key Vault challenge check may be off. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
