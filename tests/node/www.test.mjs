// Pieces of the page that need no browser: the built-in sample is the
// fixture the tests check, and CSV export neutralises formulas.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SAMPLE } from "../../www/sample.js";
import { neutralise, csvLine } from "../../www/export.js";
import { compareDecimal } from "../../www/decimal.js";

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
