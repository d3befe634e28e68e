import pg, { type Pool, type PoolClient, type QueryConfig } from "pg";
import { isBatch, type SqlRunner, type SqlValue, type Statement, type Steps } from "./sql";

const TIMESTAMP_OID = 1114;

/**
 * Prisma's DateTime is `timestamp(3)` without a time zone, holding UTC. pg would read
 * and write it in the process's local zone; these keep it UTC whatever TZ is.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

function toPostgres(value: SqlValue): string | number | boolean | null {
  return value instanceof Date ? value.toISOString().slice(0, -1) : value;
}

/** `?` placeholders become `$1…`, and each text gets a name so every connection prepares it once. */
const named = new Map<string, { name: string; text: string }>();

function queryConfig(statement: Statement<unknown>): QueryConfig {
  let entry = named.get(statement.text);
  if (!entry) {
    let n = 0;
    entry = { name: `keypoint_${named.size}`, text: statement.text.replace(/\?/g, () => `$${++n}`) };
    named.set(statement.text, entry);
  }
  return { ...entry, values: statement.values.map(toPostgres), types };
}

async function execute<T>(client: Pool | PoolClient, statement: Statement<T>): Promise<T> {
  const result = await client.query(queryConfig(statement as Statement<unknown>));
  return statement.read({ rows: result.rows, changes: result.rowCount ?? 0 });
}

async function drive<T>(client: Pool | PoolClient, work: () => Steps<T>): Promise<T> {
  const steps = work();
  let step = steps.next();
  while (!step.done) {
    const { value } = step;
    // On the pool, a batch's statements go out on separate connections at once; on one
    // transaction's connection pg queues them anyway.
    step = steps.next(isBatch(value) ? await Promise.all(value.map((statement) => execute(client, statement))) : await execute(client, value));
  }
  return step.value;
}

/** Runs work on the pool Prisma's adapter also uses, once `ready` (Prisma connected) resolves. */
export function postgresRunner(pool: Pool, ready: () => Promise<void>): SqlRunner {
  return {
    dialect: "postgres",
    async transaction(work) {
      await ready();
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await drive(client, work);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async read(work) {
      await ready();
      return drive(pool, work);
    },
  };
}
