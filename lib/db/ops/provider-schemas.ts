/**
 * Both Prisma schemas come from prisma/models.prisma: a provider cannot come from the
 * environment, so each database has a schema file of its own (STACK.md), the same models
 * under its own generator and datasource.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseKind } from "../../config/database-url";

export const MODELS_FILE = "prisma/models.prisma";
export const SCHEMA_KINDS: readonly DatabaseKind[] = ["sqlite", "postgres"];

const PROVIDER: Record<DatabaseKind, string> = { sqlite: "sqlite", postgres: "postgresql" };

/** The schema file of one database for the models text. */
export function providerSchema(kind: DatabaseKind, models: string): string {
  const body = models.slice(models.indexOf("\nmodel ") + 1);
  return `// Written by \`npm run db:schemas\` from ${MODELS_FILE}: edit the models there, not here.

generator client {
  provider   = "prisma-client"
  output     = "../../lib/db/generated/${kind}"
  engineType = "client"
}

datasource db {
  provider = "${PROVIDER[kind]}"
  url      = env("DATABASE_URL")
}

${body}`;
}

/** Each database's schema file as prisma/models.prisma makes it. */
export function providerSchemas(root = process.cwd()): { kind: DatabaseKind; file: string; text: string }[] {
  const models = readFileSync(path.join(root, MODELS_FILE), "utf8");
  return SCHEMA_KINDS.map((kind) => ({ kind, file: path.join(root, "prisma", kind, "schema.prisma"), text: providerSchema(kind, models) }));
}
