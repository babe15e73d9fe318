// Puts the real store URLs back into an inventory collected from the
// emulator, where each store's data plane listened on a loopback port.
import type { Inventory } from "../../src/inventory/model.js";
import type { AzureEmulator } from "./server.js";

/** Replaces each store's loopback URL with the `vaultUri` or `hsmUri` its estate entry declares. */
export function restoreStoreUrls(inventory: Inventory, emulator: AzureEmulator): Inventory {
  let text = JSON.stringify(inventory);
  const declared = [
    ...emulator.estate.vaults.map((vault) => [vault.arm.name, (vault.arm["properties"] as { vaultUri?: string }).vaultUri] as const),
    ...emulator.estate.managedHsms.map((hsm) => [hsm.arm.name, (hsm.arm["properties"] as { hsmUri?: string }).hsmUri] as const),
  ];
  for (const [name, uri] of declared) {
    if (uri === undefined) continue;
    const loopback = emulator.storeUrl(name);
    text = text.split(loopback).join(uri.endsWith("/") ? uri : `${uri}/`);
  }
  return JSON.parse(text) as Inventory;
}
