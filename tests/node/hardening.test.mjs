// Issue 11's reproducers at the JavaScript boundary: reserved column names
// keep their values and the objects their prototype, wrong argument types
// are a TypeError (not a trap), and inputs made to cost a lot end quickly,
// with their own error where they are refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import yesan from "./load.mjs";

test("columns named __proto__, constructor and toString keep their values", () => {
  const csv = "부서,__proto__,constructor,toString\n가,1,2,3\n나,10,20,30\n";
  const report = yesan.analyze(csv);
  const names = report.totals.map((t) => [t.column, t.value]);
  assert.deepEqual(names, [["__proto__", "11"], ["constructor", "22"], ["toString", "33"]]);
  for (const node of [report.tree, ...report.tree.children]) {
    assert.equal(Object.getPrototypeOf(node.amounts), Object.prototype);
    assert.ok(Object.hasOwn(node.amounts, "__proto__"));
    assert.equal(typeof node.amounts["__proto__"], "string");
  }
  assert.equal(report.tree.amounts["__proto__"], "11");
  assert.equal(report.tree.children[1].amounts["__proto__"], "10");
  assert.equal(report.tree.amounts.constructor, "22");
  assert.equal(yesan.formatAmount(report.tree.amounts["__proto__"], null, "won"), "11원");
});

test("names beyond the Basic Multilingual Plane, and mixed scripts, reach every node whole", () => {
  // The tree's strings cross as one text cut by UTF-16 lengths (www/expand.js):
  // a character of two code units (𠀀, 😀) must not shift the names after it.
  const names = [["𠀀실", "가😀과"], ["𠀀실", "Café ü"], ["본부", "𝔸𝔹"]];
  const csv = `실국,부서,예산액,집행액\n${names.map(([a, b], i) => `${a},${b},${(i + 1) * 100},${(i + 1) * 50}`).join("\n")}\n`;
  const report = yesan.analyze(csv);
  const leaves = report.tree.children.flatMap((bureau) => bureau.children.map((leaf) => [bureau.name, leaf.name, leaf.path, leaf.amounts["예산액"], leaf.execution.rate]));
  assert.deepEqual(leaves, [
    ["𠀀실", "가😀과", ["𠀀실", "가😀과"], "100", "50.0"],
    ["𠀀실", "Café ü", ["𠀀실", "Café ü"], "200", "50.0"],
    ["본부", "𝔸𝔹", ["본부", "𝔸𝔹"], "300", "50.0"],
  ]);
  assert.deepEqual(report.tree.children.map((b) => [b.path, b.amounts["집행액"]]), [[["𠀀실"], "150"], [["본부"], "150"]]);
});

test("formatAmount and exactWon throw a TypeError for anything but a string", () => {
  for (const bad of [{}, 5, null, undefined, [], Object.prototype]) {
    assert.throws(() => yesan.formatAmount(bad, null, "korean"), TypeError);
    assert.throws(() => yesan.exactWon(bad, null), TypeError);
  }
  // The module is still alive and right afterwards.
  assert.equal(yesan.exactWon("41018", "million"), "41,018,000,000원");
});

test("an HTML table of huge spans is refused at once, and the module lives on", () => {
  const cell = "<td colspan=100 rowspan=100>1</td>";
  const html = `<table><tr><th>a</th><th>b</th></tr>${`<tr>${cell.repeat(10)}</tr>`.repeat(290)}</table>`;
  assert.ok(html.length > 99_000);
  assert.throws(() => yesan.analyze(html), (e) => e.code === "too_complex" && /colspan/.test(e.messageEn));
  assert.equal(yesan.analyze("a,b\nx,1\n").totals[0].value, "1");
});

test("a plain number of 19 digits is read exactly", () => {
  assert.equal(yesan.analyze("a,b\nx,9999999999999999999\n").totals[0].value, "9999999999999999999");
});

test("inBaseUnits scales an amount exactly, for Intl.NumberFormat", () => {
  assert.equal(yesan.inBaseUnits("27158.57", "thousand"), "27158570");
  assert.equal(yesan.inBaseUnits("12345678901234567890.12", null), "12345678901234567890.12");
  assert.throws(() => yesan.inBaseUnits(5, null), TypeError);
});
