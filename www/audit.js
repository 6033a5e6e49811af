// The audit panel: how many published figures were recomputed, the ones
// that cannot be right (each pointing at its cell in the table's rebuilt
// structure), and the rounding conventions worked out. Data is set as text.

/** The id of a cell of the structure table, by its line and column. */
function cellId(row, column) {
  return `cell-${row}-${encodeURIComponent(column).replace(/%/g, "_")}`;
}

/** The audit panel under `root` (the explorer's shadow root), in `t`'s language. */
export function renderAudit(root, report, t) {
  const $ = (id) => root.getElementById(id);
  const audit = report.audit;
  $("audit-panel").hidden = false;
  const summary = $("audit-summary");
  if (!audit.audited) {
    summary.textContent = t("auditOff");
    $("findings").replaceChildren();
    $("conventions").replaceChildren();
    $("structure-box").hidden = true;
    return;
  }
  const errors = audit.findings.filter((f) => f.severity === "error").length;
  summary.replaceChildren(document.createTextNode(`${t("auditSummary", { checked: audit.checked.toLocaleString() })} `));
  const verdict = document.createElement("strong");
  verdict.className = errors ? "" : "ok";
  verdict.textContent = errors ? t("auditErrors", { count: errors }) : t("auditClean");
  // Nothing checked is not "all correct".
  if (audit.checked === 0) summary.textContent = t("auditOff");
  else summary.append(verdict);
  $("conventions").replaceChildren(
    ...audit.conventions
      .filter((c) => c.rounding === "truncate")
      .map((c) => {
        const li = document.createElement("li");
        li.textContent = t("truncated", { column: c.column });
        return li;
      }),
  );
  $("findings").replaceChildren(
    ...audit.findings.map((finding, index) => {
      const li = document.createElement("li");
      li.id = `finding-${index}`;
      const tag = document.createElement("span");
      tag.className = `tag ${finding.severity}`;
      tag.textContent = t(`severity.${finding.severity}`);
      li.append(tag, document.createTextNode(` ${t.lang === "en" ? finding.messageEn : finding.messageKo}`));
      if (report.structure) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button small";
        button.textContent = t("showCell");
        button.addEventListener("click", () => {
          $("structure-box").open = true;
          $(cellId(finding.row, finding.columnName))?.focus();
        });
        li.append(button);
      }
      return li;
    }),
  );
  renderStructure($, report, audit.findings, t);
}

function renderStructure($, report, findings, t) {
  const rows = report.structure;
  $("structure-box").hidden = !rows;
  if (!rows) return;
  const columns = report.columns.filter((c) => c.kind === "amount" || c.kind === "rate").map((c) => c.name);
  const flagged = new Map(findings.map((f, i) => [cellId(f.row, f.columnName), i]));
  const head = document.createElement("tr");
  for (const name of [t("name"), ...columns]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.append(th);
  }
  const body = rows.map((row) => {
    const tr = document.createElement("tr");
    tr.className = `kind-${row.kind}`;
    const th = document.createElement("th");
    th.scope = "row";
    const indent = document.createElement("span");
    indent.style.paddingLeft = `${row.depth * 1.1}rem`;
    th.append(indent, document.createTextNode(row.name || "—"));
    const kind = t(`kinds2.${row.kind}`);
    if (kind) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = kind;
      th.append(tag);
    }
    tr.append(th);
    for (const name of columns) {
      const td = document.createElement("td");
      td.className = "number";
      td.textContent = row.values[name] ?? "";
      const id = cellId(row.row, name);
      if (flagged.has(id)) {
        td.id = id;
        td.classList.add("flagged");
        td.tabIndex = 0;
        td.setAttribute("aria-describedby", `finding-${flagged.get(id)}`);
      }
      tr.append(td);
    }
    return tr;
  });
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  tbody.append(...body);
  $("structure").replaceChildren(thead, tbody);
}
