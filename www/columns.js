// The column editor: what each column was understood to be, why, and the
// one-click corrections (kind, role, place in the hierarchy). Names from
// the data are set as text.
import { option, select } from "./dom.js";

const KINDS = ["dimension", "code", "year", "side", "phase", "row_type", "amount", "pivoted", "rate", "count", "ignored"];
const COUNT_ROLES = ["population", "households"];
const ROLES = [
  "", "adopted", "current", "executed", "unspent", "carried_in", "carried_out", "change",
  "difference", "previous", "proposed", "final", "supplementary", "projected",
  "committed", "assessed", "collected", "uncollected", "written_off",
];

/** The rows of the column editor: each column's name, kind and role (each
 * a choice), its place in the hierarchy, and why it was read so.
 * `handlers.correct(name, correction, { newKind })` and
 * `handlers.order(names)` take the user's corrections. */
export function columnEditor(r, handlers, t) {
  const head = document.createElement("tr");
  for (const key of ["columnName", "kind", "role", "hierarchy", "why"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = t(key);
    head.append(th);
  }
  const rows = [head];
  const hierarchy = r.hierarchy;
  for (const column of r.columns) {
    const tr = document.createElement("tr");
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = column.name;
    const kind = document.createElement("td");
    kind.append(
      select(`${t("kind")}: ${column.name}`, KINDS.map((k) => option(k, t(`kinds.${k}`), k === column.kind)), (value) => {
        handlers.correct(column.name, { kind: value }, { newKind: true });
      }),
    );
    const role = document.createElement("td");
    if (column.kind === "amount" || column.kind === "count") {
      const roles = column.kind === "amount" ? ROLES : COUNT_ROLES;
      role.append(
        select(`${t("role")}: ${column.name}`, roles.map((k) => option(k, t(`roles.${k}`), k === (column.role ?? ""))), (value) => {
          handlers.correct(column.name, { kind: column.kind, role: value || null });
        }),
      );
    }
    const order = document.createElement("td");
    if (["dimension", "code", "year"].includes(column.kind)) {
      const position = hierarchy.indexOf(column.name);
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = position >= 0;
      box.setAttribute("aria-label", `${t("hierarchy")}: ${column.name}`);
      box.addEventListener("change", () => {
        const next = hierarchy.filter((n) => n !== column.name);
        if (box.checked) next.push(column.name);
        handlers.order(next);
      });
      const wrap = document.createElement("span");
      wrap.className = "order";
      wrap.append(box);
      if (position >= 0) {
        const label = document.createElement("span");
        label.textContent = ` ${position + 1} `;
        wrap.append(label);
        for (const [key, step] of [["up", -1], ["down", 1]]) {
          const target = position + step;
          if (target < 0 || target >= hierarchy.length) continue;
          const button = document.createElement("button");
          button.type = "button";
          button.className = "button small";
          button.textContent = step < 0 ? "↑" : "↓";
          button.setAttribute("aria-label", `${t(key)}: ${column.name}`);
          button.addEventListener("click", () => {
            const next = [...hierarchy];
            [next[position], next[target]] = [next[target], next[position]];
            handlers.order(next);
          });
          wrap.append(button);
        }
      }
      order.append(wrap);
    }
    // Why the column was read this way, as plain text, so that a wrong
    // guess can be seen and corrected in the same row.
    const why = document.createElement("td");
    why.className = "why";
    why.textContent = column.evidence.map((e) => (t.lang === "en" ? e.messageEn : e.messageKo)).join("; ");
    tr.append(name, kind, role, order, why);
    rows.push(tr);
  }
  return rows;
}
