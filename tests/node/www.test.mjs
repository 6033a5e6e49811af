// Pieces of the page that need no browser: the built-in sample is the
// fixture the tests check, and CSV export neutralises formulas.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SAMPLE } from "../../www/sample.js";
import { neutralise, csvLine } from "../../www/export.js";
import { compareDecimal } from "../../www/decimal.js";
import { warmUpText, warmUp } from "../../www/warm.js";
import yesan from "./load.mjs";

test("the page's sample is the transcribed 001 table", () => {
  const fixture = readFileSync(new URL("../fixtures/seoul_2016_programs.csv", import.meta.url), "utf8");
  assert.equal(SAMPLE, fixture);
});

test("spreadsheet formulas are neutralised, numbers are not", () => {
  assert.equal(neutralise("=SUM(A1)"), "'=SUM(A1)");
  assert.equal(neutralise("+1+1"), "'+1+1");
  assert.equal(neutralise("@cmd"), "'@cmd");
  assert.equal(neutralise("-2+3"), "'-2+3");
  assert.equal(neutralise("-87035"), "-87035");
  assert.equal(neutralise("-45.6"), "-45.6");
  assert.equal(neutralise("시민소통담당관"), "시민소통담당관");
  assert.equal(csvLine(["a,b", 'say "hi"', "=1"]), `"a,b","say ""hi""",'=1`);
});

test("exact decimal strings compare without floats", () => {
  const sorted = ["10", "-3", "9.99", "99999999999999999999.1", "99999999999999999999.05", "0", "-10.5"].sort(compareDecimal);
  assert.deepEqual(sorted, ["-10.5", "-3", "0", "9.99", "10", "99999999999999999999.05", "99999999999999999999.1"]);
});

test("items are found by Korean initial consonants, and the three answers come from every level", async () => {
  const { initials, search, answers } = await import("../../www/find.js");
  assert.equal(initials("교육과학기술부"), "ㄱㅇㄱㅎㄱㅅㅂ");
  assert.equal(initials("Ministry 1"), "ministry 1");
  const leaf = (name, path, amount, growth, rate) => ({ name, path, children: [], amounts: { a: amount }, growth, execution: rate == null ? null : { rate } });
  const school = leaf("학교", ["교육부", "학교"], "300", { difference: "50", rate: "20.0" }, "40.0");
  const library = leaf("도서관", ["교육부", "도서관"], "100", { difference: "-10", rate: "-9.1" }, "90.0");
  const roads = leaf("도로", ["국토부", "도로"], "250", { difference: "70", rate: "38.9" }, "95.0");
  const tree = {
    name: "",
    path: [],
    children: [
      { name: "교육부", path: ["교육부"], children: [school, library], amounts: { a: "400" } },
      { name: "국토부", path: ["국토부"], children: [roads], amounts: { a: "250" } },
    ],
  };
  const items = [tree.children[0], school, library, tree.children[1], roads];
  assert.deepEqual(search(items, "ㄱㅇ", "a").map((i) => i.name), ["교육부"]);
  assert.deepEqual(search(items, "도", "a").map((i) => i.name), ["도로", "도서관"]);
  const report = { tree, growth: {}, execution: {} };
  const { largest, grew, spentLeast } = answers(report, "a");
  assert.deepEqual([largest.name, grew.name, spentLeast.name], ["학교", "도로", "학교"]);
  assert.equal(answers({ tree, growth: null, execution: null }, "a").grew, null);
});

test("amounts per resident are divided exactly, rounded half up", async () => {
  const { divideRounded } = await import("../../www/decimal.js");
  assert.equal(divideRounded("225941254764000", "51000000"), "4430221");
  assert.equal(divideRounded("10", "4"), "3");
  assert.equal(divideRounded("10", "4", 1), "2.5");
  assert.equal(divideRounded("-7.5", "3", 2), "-2.50");
  assert.equal(divideRounded("1", "3", 3), "0.333");
  assert.equal(divideRounded("12345678901234567890123", "7"), "1763668414462081127160");
});

test("the workers' warm-up file is read as a data file of its shape, and reported by every level", () => {
  const text = warmUpText();
  const rows = text.trim().split("\n").slice(1).map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
  assert.equal(rows.length, 200);
  // Its sums, added here independently of the core.
  const sum = (k) => String(rows.reduce((s, r) => s + BigInt(r[k].replaceAll('"', "").replaceAll(",", "")), 0n));
  const report = yesan.analyze(text, { columns: { "회계연도": { kind: "dimension" } } });
  assert.equal(report.rows, 200);
  // Read as a plain dimension, the year crosses every bureau: it goes last.
  assert.deepEqual(report.hierarchy, ["실국명", "부서명", "정책사업명", "단위사업명", "세부사업명", "회계연도"]);
  assert.deepEqual(report.totals.map((t) => [t.column, t.value]), [["예산액", sum(6)], ["예산현액", sum(7)], ["집행액", sum(8)]]);
  // By default the years split it, as a real file of five years.
  assert.equal(yesan.analyze(text).groups.length, 5);
  warmUp(yesan.Budget);
});
