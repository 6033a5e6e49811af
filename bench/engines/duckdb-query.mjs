// The question every DuckDB-WASM run asks (in Node, bench/engines/duckdb.mjs;
// in Chromium, bench/browser/duckdb.js): the three amounts rolled up by two
// levels, with shares and execution rates, and the totals from its rows.
export function budgetQuery(outer, inner) {
  return `
    WITH g AS (
      SELECT "${outer}" AS o, "${inner}" AS i,
             SUM("예산액")::BIGINT AS adopted, SUM("예산현액")::BIGINT AS current,
             SUM(CAST(REPLACE("집행액", ',', '') AS BIGINT))::BIGINT AS executed
      FROM read_csv('budget.csv', header = true, types = {'집행액': 'VARCHAR'})
      GROUP BY ALL)
    SELECT *, adopted * 100.0 / SUM(adopted) OVER () AS share, executed * 100.0 / current AS rate FROM g`;
}

export function totalsOf(rows) {
  return ["adopted", "current", "executed"].map((c) => String(rows.reduce((s, r) => s + BigInt(r[c]), 0n)));
}
