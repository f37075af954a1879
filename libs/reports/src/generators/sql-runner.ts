/** The one thing generators need from the database: SQL in the current (tenant) transaction. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}
