// The three questions answered at once under the headline, and the search
// box: each answer and each item found is a button that shows the item in
// the treemap and the table (view.js's jumpTo). All data is set as text.
import { answers, allItems, search } from "./find.js";
import { sided } from "./i18n.js";

function itemButton(item, lines, onJump) {
  const button = document.createElement("button");
  button.type = "button";
  for (const [className, text] of lines) {
    const span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    button.append(span);
  }
  button.addEventListener("click", () => onJump(item.path));
  const li = document.createElement("li");
  li.append(button);
  return li;
}

const trail = (item) => item.path.join(" › ");

/** Where the most goes, what grew most, who spent least: named, with the
 * figure, across every level of the tree. */
export function renderAnswers(list, report, measure, { amount, rate, onJump, t }) {
  const { largest, grew, spentLeast } = answers(report, measure);
  const rows = [
    ["answerLargest", largest, (i) => amount(i.amounts[measure])],
    ["answerGrew", grew, (i) => `+${amount(i.growth.difference).replace(/^\+/, "")} (${rate(i.growth.rate)})`],
    ["answerSpentLeast", spentLeast, (i) => rate(i.execution.rate)],
  ];
  list.replaceChildren(
    ...rows.map(([key, item, figure]) => {
      if (!item) {
        const li = document.createElement("li");
        li.className = "hint";
        li.textContent = `${t(sided(report, key))}: ${t("answerNone")}`;
        return li;
      }
      return itemButton(item, [["what", t(sided(report, key))], ["which", `${trail(item)} · ${figure(item)}`]], onJump);
    }),
  );
}

/** The items whose name (or initials) holds what is typed, at every level. */
export function renderFind(results, query, report, measure, { amount, onJump, t }) {
  if (!query.trim()) {
    results.replaceChildren();
    return;
  }
  const found = search(allItems(report.tree), query, measure);
  if (found.length === 0) {
    const li = document.createElement("li");
    li.className = "hint";
    li.textContent = t("findNone");
    results.replaceChildren(li);
    return;
  }
  results.replaceChildren(
    ...found.map((item) =>
      itemButton(item, [["which", `${item.name} · ${amount(item.amounts[measure] ?? null)}`], ["where", item.path.slice(0, -1).join(" › ")]], onJump),
    ),
  );
}
