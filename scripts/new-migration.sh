#!/usr/bin/env bash
# Writes the next migration for both databases from what changed in prisma/models.prisma
# since the last migration (prisma/<db>/migrated.prisma is the schema as migrated):
#   scripts/new-migration.sh <name>      e.g. scripts/new-migration.sh card_reset
# It first writes both schema files (npm run db:schemas), names the folder 000N_<name> after
# the last one, and refuses when the models did not change. `prisma migrate dev` does not
# work with the JS engine (see STACK.md), hence this. PostgreSQL's diff needs a reachable
# server: PG_URL=postgres://... (scripts/postgres-server.sh start), or a postgres DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/new-migration.sh <name> (lower-case letters, digits and _)}
[[ $name =~ ^[a-z0-9_]+$ ]] || { echo "The name may hold lower-case letters, digits and _ only: $name" >&2; exit 1; }
pg_url=${PG_URL:-}
if [ -z "$pg_url" ] && [[ ${DATABASE_URL:-} == postgres* ]]; then pg_url=$DATABASE_URL; fi
pg_url=${pg_url:-postgresql://postgres@127.0.0.1:55432/postgres}

npx tsx scripts/write-schemas.ts
last=$(find prisma/sqlite/migrations -mindepth 1 -maxdepth 1 -type d -name '[0-9][0-9][0-9][0-9]_*' -printf '%f\n' | sort | tail -1)
folder=$(printf '%04d_%s' $(( 10#${last%%_*} + 1 )) "$name")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for kind in sqlite postgres; do
  if [ "$kind" = sqlite ]; then url="file:$work/diff.db"; else url=$pg_url; fi
  status=0
  DATABASE_URL=$url npx prisma migrate diff --from-schema-datamodel "prisma/$kind/migrated.prisma" \
    --to-schema-datamodel "prisma/$kind/schema.prisma" --script --exit-code > "$work/$kind.sql" || status=$?
  # --exit-code: 0 no difference, 2 a difference, anything else a failure.
  if [ "$status" = 0 ]; then echo "prisma/models.prisma has not changed since the last migration ($last): nothing to write." >&2; exit 1; fi
  [ "$status" = 2 ] || { echo "prisma migrate diff failed for $kind (exit $status)" >&2; exit 1; }
done

for kind in sqlite postgres; do
  mkdir -p "prisma/$kind/migrations/$folder"
  mv "$work/$kind.sql" "prisma/$kind/migrations/$folder/migration.sql"
  cp "prisma/$kind/schema.prisma" "prisma/$kind/migrated.prisma"
  echo "wrote prisma/$kind/migrations/$folder/migration.sql"
done
