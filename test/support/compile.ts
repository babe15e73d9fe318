// Compiles the project once before the tests, because CLI tests run the
// built executable (dist/src/cli.js) as a child process, as users do.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export default function compile(): void {
  const root = join(import.meta.dirname, "..", "..");
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
}
