// Loaded with --import into a measured process: writes its peak resident
// memory to the file named by CRYPTODOC_USAGE_FILE when it exits.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const file = process.env.CRYPTODOC_USAGE_FILE;
  if (file) writeFileSync(file, JSON.stringify({ maxRssKilobytes: process.resourceUsage().maxRSS }));
});
