// Compiled with `tsc --noEmit --strict` by `make test`: the declarations in
// pkg/yesan.d.ts describe the report's real shape well enough to write this.
import { analyze, Budget, type Report, type ReportNode, type YesanError } from "../../pkg/index.js";

function largest(node: ReportNode, column: string): ReportNode | undefined {
  return [...node.children].sort((a, b) => Number(b.amounts[column] ?? 0) - Number(a.amounts[column] ?? 0))[0];
}

export function summary(bytes: Uint8Array): string {
  try {
    const report: Report = analyze(bytes, { by: ["소관명"], precision: { rate: 2 } });
    const column = report.totals[0]?.column ?? "";
    const top = largest(report.tree, column);
    const growth = report.growth ? `${report.growth.status} ${report.growth.rate ?? "n/a"}%` : "no growth";
    const execution = report.execution ? `${report.execution.basis}: ${report.execution.rate}` : "no execution";
    return `${report.unit?.label ?? "?"} ${top?.name} ${top?.shareOfTotal[column]} ${growth} ${execution}`;
  } catch (error) {
    const e = error as YesanError;
    return `${e.code} at row ${e.row ?? "?"}, column ${e.columnName ?? e.column ?? "?"}: ${e.messageKo}`;
  }
}

export function findings(text: string): string[] {
  const report = analyze(text);
  return report.audit.findings.map((f) => `${f.row}:${f.column} ${f.kind} ${f.published} (${f.possible?.low ?? "?"}–${f.possible?.high ?? "?"})`);
}

export function again(bytes: Uint8Array): number {
  const budget = new Budget(bytes);
  const kinds = budget.columns().map((c) => c.kind);
  const report = budget.report({ by: budget.columns().filter((c) => c.kind === "dimension").map((c) => c.name) });
  budget.free();
  return kinds.length + report.tree.children.length;
}

/** Per-side (or per-year) totals and why each column was read as it was. */
export function sides(bytes: Uint8Array): string[] {
  const report = analyze(bytes);
  const parts = report.groups.map((g) => `${g.side ?? "?"} ${g.path.join("/")}: ${g.totals[0]?.value ?? "-"}`);
  const why = report.columns.map((c) => `${c.name} (${c.kind}${c.codeOf != null ? ` of ${c.codeOf}` : ""}): ${c.evidence.map((e) => e.messageEn).join("; ")}`);
  return [...parts, ...why];
}
