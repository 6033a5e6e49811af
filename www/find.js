// Finding items in the whole tree, not only the level on screen: by name
// (Korean initial consonants too: ㄱㅇㅂ finds 교육부), and the three answers
// a citizen asks first: where the most money goes, what grew most, who
// spent least. Figures are compared as exact decimal strings.
import { compareDecimal } from "./decimal.js";

const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

/** The initial consonant of each Hangul syllable, other letters as they are
 * (lower case): `교육부` → `ㄱㅇㅂ`. */
export function initials(text) {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0);
    out += code >= 0xac00 && code <= 0xd7a3 ? INITIALS[Math.floor((code - 0xac00) / 588)] : ch.toLowerCase();
  }
  return out;
}

/** Every item of the tree under the root, each with its path. */
export function allItems(tree) {
  const out = [];
  const walk = (node) => {
    for (const child of node.children) {
      out.push(child);
      walk(child);
    }
  };
  walk(tree);
  return out;
}

const onlyInitials = /^[ㄱ-ㅎ\s]+$/;

/** Items whose name holds the query (letters, or initial consonants),
 * those that begin with it first, then the larger; at most `limit`. */
export function search(items, query, measure, limit = 10) {
  const q = query.trim().toLowerCase().replace(/\s+/g, "");
  if (!q) return [];
  const byInitials = onlyInitials.test(q);
  const scored = [];
  for (const item of items) {
    const name = (item.name ?? "").toLowerCase().replace(/\s+/g, "");
    const haystack = byInitials ? initials(name) : name;
    const at = haystack.indexOf(q);
    if (at >= 0) scored.push({ item, starts: at === 0 });
  }
  scored.sort((a, b) => (a.starts === b.starts ? compareDecimal(b.item.amounts[measure] ?? null, a.item.amounts[measure] ?? null) : a.starts ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.item);
}

/** The leaves: the items nothing is broken into, at any depth. */
function leaves(items) {
  return items.filter((item) => item.children.length === 0);
}

function best(items, value, better) {
  let found = null;
  for (const item of items) {
    const v = value(item);
    if (v != null && (found === null || better(compareDecimal(v, value(found))))) found = item;
  }
  return found;
}

/**
 * The three answers, across every level: the item (a leaf) with the most
 * of `measure`; the one whose amount grew most (its difference); the one
 * with the lowest execution rate among those with a budget. Null where the
 * report cannot say (no growth, no execution).
 */
export function answers(report, measure) {
  const items = leaves(allItems(report.tree));
  const largest = best(items, (i) => i.amounts[measure] ?? null, (c) => c > 0);
  const grew = report.growth ? best(items, (i) => i.growth?.difference ?? null, (c) => c > 0) : null;
  const spentLeast = report.execution ? best(items, (i) => i.execution?.rate ?? null, (c) => c < 0) : null;
  return { largest, grew: grew && compareDecimal(grew.growth.difference, "0") > 0 ? grew : null, spentLeast };
}
