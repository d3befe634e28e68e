/** `npm run db:schemas`: writes prisma/<db>/schema.prisma for each database from prisma/models.prisma. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { providerSchemas } from "../lib/db/ops/provider-schemas";

for (const schema of providerSchemas()) {
  const current = readFileSync(schema.file, "utf8");
  if (current === schema.text) continue;
  writeFileSync(schema.file, schema.text);
  console.log(`wrote ${path.relative(process.cwd(), schema.file)}`);
}
