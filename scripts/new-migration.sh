#!/usr/bin/env bash
# Writes the next migration for both databases from what changed in the schemas
# since the last migration (prisma/<db>/migrated.prisma is the schema as migrated):
#   scripts/new-migration.sh <name>
# `prisma migrate dev` does not work with the JS engine (see STACK.md), hence this.
# PostgreSQL's diff needs a reachable server: DATABASE_URL=postgres://... (scripts/postgres-server.sh start).
set -euo pipefail
name=${1:?migration name}
stamp=$(date -u +%Y%m%d%H%M%S)
for kind in sqlite postgres; do
  if [ "$kind" = sqlite ]; then url="file:./data/migration-diff.db"; else url=${PG_URL:-postgresql://postgres@127.0.0.1:55432/postgres}; fi
  dir="prisma/$kind/migrations/${stamp}_$name"
  mkdir -p "$dir"
  DATABASE_URL=$url npx prisma migrate diff --from-schema-datamodel "prisma/$kind/migrated.prisma" \
    --to-schema-datamodel "prisma/$kind/schema.prisma" --script > "$dir/migration.sql"
  cp "prisma/$kind/schema.prisma" "prisma/$kind/migrated.prisma"
  echo "wrote $dir/migration.sql"
done
