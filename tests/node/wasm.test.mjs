// The WebAssembly build against the native core: the same fixtures must give
// the same reports (compared with `cargo run --example report`), the same
// errors, and the published figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import yesan, { fixture, root } from "./load.mjs";

function native(name, options = {}) {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "--example", "report", "--", `tests/fixtures/${name}`, JSON.stringify(options)],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out);
}

function wasm(name, options = {}) {
  try {
    return yesan.analyze(fixture(name), options);
  } catch (error) {
    return {
      error: {
        code: error.code,
        row: error.row,
        column: error.column,
        columnName: error.columnName,
        message: error.messageEn,
        messageKo: error.messageKo,
      },
    };
  }
}

const cases = [
  ["seoul_2016_programs.csv", {}],
  ["seoul_2016_programs.csv", { by: ["부서"], precision: { rate: 2, share: 1 } }],
  ["seoul_2016_departments.tsv", {}],
  ["seoul_2016_composition.tsv", {}],
  ["seoul_000_budget_by_category.tsv", {}],
  ["seoul_000_settlement.tsv", {}],
  ["seoul_004_mayor_expenses.tsv", {}],
  ["encodings/programs.cp949.csv", {}],
  ["encodings/programs.utf16le.csv", {}],
  ["encodings/programs.utf16be.csv", {}],
  ["encodings/programs.utf8-bom.csv", {}],
  ["kr_national_out_net_bud_2010.csv", { by: ["소관명"] }],
  ["kr_national_out_net_bud_2010.csv", {}],
  ["bad/empty.csv", {}],
  ["bad/header_only.csv", {}],
  ["bad/ragged_row.csv", {}],
  ["bad/unterminated_quote.csv", {}],
  ["bad/not_a_number.csv", {}],
  ["bad/out_of_range.csv", {}],
  ["bad/binary_junk.bin", {}],
  ["bad/cp949_bad_byte.csv", {}],
  ["bad/cp949_bad_byte.csv", { encoding: "cp949" }],
  ["seoul_2016_programs.csv", { by: ["없는열"] }],
  ...[
    "000_basis.txt", "000_budget.txt", "000_schedule.txt", "000_settlement.txt", "001_composition.txt",
    "001_departments.md", "001_departments.txt", "001_programs.txt", "003_basis.txt", "003_budget.txt",
    "003_schedule.txt", "004_execution.txt", "004_fields.txt", "004_history.html", "004_nested.txt",
  ].map((name) => [`reports/${name}`, {}]),
  // Files from several countries' portals, read by default: columns by their
  // values, pivots, sides and total rows agree too.
  ...[
    "adopted_proposed.csv", "amended_actual.csv", "au_portfolio.csv", "de_summe.csv", "deep_subtotals.csv", "es_latin1.csv", "spreadsheet_title_block.csv", "es_decimal_comma.csv", "us_currency_signs.csv", "es_municipal.csv", "fdp_style.csv", "flags_and_ids.csv", "free_text_links.csv", "fy_codes.csv", "ingresos_gastos.csv", "kr_local_finance.csv", "kr_revenue_expense.csv", "long_four_years.csv", "nesting_order.csv", "phases_long.csv", "revenue_expense_tidy.csv", "row_type_subtotals.csv", "ru_itogo.csv", "single_value_empty.csv", "total_label_rows.csv", "us_city_adopted.csv",
  ].map((name) => [`world/${name}`, {}]),
  ["world/long_four_years.csv", { by: ["Program"] }],
  ["world/us_city_adopted.csv", { columns: { "Account Type": { kind: "dimension" } } }],
  ["world/odd_cells.csv", {}],
  ["world/odd_cells.csv", { notGiven: ["x"] }],
];

for (const [name, options] of cases) {
  test(`WASM and native agree on ${name} ${JSON.stringify(options)}`, () => {
    const [fromWasm, fromNative] = [wasm(name, options), native(name, options)];
    assert.deepEqual(fromWasm, fromNative);
    // A report's fields in the same order too: the tree expanded from its
    // compact form (www/expand.js) reads as the native report's JSON.
    if (!fromNative.error) assert.equal(JSON.stringify(fromWasm), JSON.stringify(fromNative));
  });
}

test("the national budget of 2010 by ministry, as summed independently", () => {
  const r = yesan.analyze(fixture("kr_national_out_net_bud_2010.csv"), { by: ["소관명"] });
  assert.equal(r.source.encoding, "cp949");
  assert.equal(r.rows, 2454);
  assert.deepEqual(
    r.totals.map((t) => [t.column, t.value]),
    [
      ["전년도당초금액(천원)", "217472330463"],
      ["금년도정부안(천원)", "224661434764"],
      ["금년도국회확정(천원)", "225941254764"],
    ],
  );
  assert.deepEqual(
    [r.growth.from, r.growth.to, r.growth.difference, r.growth.rate],
    ["전년도당초금액(천원)", "금년도국회확정(천원)", "8468924301", "3.9"],
  );
  const edu = r.tree.children.find((n) => n.name === "교육과학기술부");
  assert.equal(edu.shareOfTotal["금년도국회확정(천원)"], "18.46");
});

test("every bad input throws an Error with code, row and column", () => {
  const expected = JSON.parse(new TextDecoder().decode(fixture("bad/expected.json")));
  for (const [name, want] of Object.entries(expected)) {
    assert.throws(
      () => yesan.analyze(fixture(`bad/${name}`)),
      (error) => {
        assert.ok(error instanceof Error, name);
        assert.equal(error.code, want.code, name);
        assert.equal(error.row, want.row, name);
        assert.equal(error.column, want.column, name);
        assert.ok(error.messageKo.length > 0 && error.message === error.messageEn, name);
        return true;
      },
    );
  }
});

test("a Budget is read once and rolled up again by other dimensions", () => {
  const budget = new yesan.Budget(fixture("seoul_2016_programs.csv"));
  assert.equal(budget.rows, 36);
  assert.deepEqual(
    budget.columns().map((c) => c.kind),
    ["dimension", "dimension", "dimension", "amount", "amount", "amount", "rate"],
  );
  const byDepartment = budget.report({ by: ["부서"] });
  assert.equal(byDepartment.tree.children.length, 5);
  assert.ok(byDepartment.tree.children.every((n) => n.children.length === 0));
  const byProgram = budget.report({ by: ["정책사업"] });
  const basic = byProgram.tree.children.find((n) => n.name === "기본경비(행정운영경비)");
  assert.equal(basic.amounts["예산액(A)"], "668");
  assert.equal(basic.rows, 5);
  assert.equal(budget.warnings()[0].code, "note_row");
  budget.free();
});

test("text input (a paste) needs no decoding", () => {
  const r = yesan.analyze("부서\t예산액\t집행액\n가\t1,000\t250\n나\t3,000\t△0\n");
  assert.equal(r.source.encoding, null);
  assert.equal(r.totals[0].value, "4000");
  assert.equal(r.execution.rate, "6.3");
  assert.equal(r.execution.basis, "adopted");
});

test("options are checked: unknown keys and wrong types are errors", () => {
  const bytes = fixture("seoul_2016_programs.csv");
  for (const options of [
    { bogus: 1 },
    { by: "부서" },
    { precision: { rate: -1 } },
    { encoding: "koi8-r" },
    { currency: "dollars" },
    { decimal: ";" },
    { growth: { from: "예산액(A)", too: "집행액" } },
    { columns: { 부서: { knd: "ignored" } } },
    { limits: { maxRows: 1.5 } },
    [1],
  ]) {
    assert.throws(() => yesan.analyze(bytes, options), (e) => e.code === "invalid_option", JSON.stringify(options));
  }
  assert.throws(() => yesan.analyze(42), (e) => e.code === "invalid_option");
});

test("a pasted report table is audited: 001's share of 4.5 % for 188 of 41,018", () => {
  const text = new TextDecoder().decode(fixture("reports/001_departments.txt"));
  const r = yesan.analyze(text);
  assert.deepEqual(
    r.audit.findings.map((f) => [f.kind, f.row, f.name, f.published, f.possible?.low, f.possible?.high]),
    [
      ["share", 12, "신속행정담당관", "4.5", "0.457", "0.460"],
      ["share_total", 7, "계", "104", "103.75", "104.25"],
    ],
  );
  assert.equal(r.structure.filter((s) => s.kind === "sum").length, 1);
});

test("an array above 32 MiB is read from JavaScript's memory in chunks, with the same sums and errors", () => {
  // 360,000 lines (about 34 MB of UTF-8), summed here with BigInt.
  const commas = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const lines = ["실국명,부서명,사업명,예산액,집행액"];
  let adopted = 0n;
  let executed = 0n;
  for (let i = 0; i < 360_000; i++) {
    const a = 1_000_000 + ((i * 7919) % 99_991);
    const x = (a * ((i % 89) + 1)) / 100;
    adopted += BigInt(a);
    executed += BigInt(Math.floor(x));
    lines.push(`기획조정실${i % 7}국,총무과${i % 31},사업 ${i % 1000} 세부내역을 적은 긴 이름,${a},"${commas(Math.floor(x))}"`);
  }
  const text = lines.join("\n") + "\n";
  const bytes = new TextEncoder().encode(text);
  assert.ok(bytes.length > 32 * 1024 * 1024, `${bytes.length} bytes`);
  const options = { by: ["실국명", "부서명"] };
  const report = yesan.analyze(bytes, options);
  assert.equal(report.rows, 360_000);
  assert.deepEqual(report.totals.map((t) => t.value), [String(adopted), String(executed)]);
  assert.equal(report.tree.children.length, 7);
  // The same as a Budget read chunk by chunk (which keeps every column).
  let offset = 0;
  const budget = yesan.Budget.fromChunks(() => {
    const chunk = bytes.subarray(offset, offset + (3 << 20));
    offset += chunk.length;
    return chunk;
  });
  const streamed = budget.report(options);
  budget.free();
  assert.deepEqual(streamed.totals, report.totals);
  assert.deepEqual(streamed.tree, report.tree);
  // A bad amount near the end is named by its line and column.
  const bad = new TextEncoder().encode(text + "재무국,세정과,사업,십만원,1\n");
  assert.throws(
    () => yesan.analyze(bad, options),
    (e) => e.code === "not_a_number" && e.row === 360_002 && e.column === 4,
  );
});

test("CP949's Unified Hangul Code is read, not lost (Node's own TextDecoder drops it)", () => {
  // "부서,예산액\n갂똠과,100\n" in CP949: 갂 is 0x81 0x41 and 똠 0x8C 0x63,
  // outside KS X 1001.
  const bytes = Uint8Array.from([
    0xba, 0xce, 0xbc, 0xad, 0x2c, 0xbf, 0xb9, 0xbb, 0xea, 0xbe, 0xd7, 0x0a,
    0x81, 0x41, 0x8c, 0x63, 0xb0, 0xfa, 0x2c, 0x31, 0x30, 0x30, 0x0a,
  ]);
  const r = yesan.analyze(bytes);
  assert.equal(r.source.encoding, "cp949");
  assert.deepEqual(r.tree.children.map((c) => c.name), ["갂똠과"]);
  assert.equal(r.totals[0].value, "100");
});

test("an ArrayBuffer is accepted like a Uint8Array", () => {
  const bytes = fixture("seoul_000_settlement.tsv");
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  assert.deepEqual(yesan.analyze(buffer), yesan.analyze(bytes));
});

test("Budget.fromChunks streams a file and gives the same report as analyze", () => {
  for (const name of ["kr_national_out_net_bud_2010.csv", "encodings/programs.utf16le.csv", "encodings/programs.cp949.csv"]) {
    const bytes = fixture(name);
    let offset = 0;
    const budget = yesan.Budget.fromChunks(() => {
      const chunk = bytes.subarray(offset, offset + 1000);
      offset += chunk.length;
      return chunk.slice();
    });
    const options = name.startsWith("kr_") ? { by: ["소관명"] } : {};
    assert.deepEqual(budget.report(options), yesan.analyze(bytes, options), name);
    budget.free();
  }
  // CP949 with a byte that is not valid on line 4, read 7 bytes at a time.
  const bad = fixture("bad/cp949_bad_byte.csv");
  for (const options of [{}, { encoding: "cp949" }]) {
    let at = 0;
    assert.throws(
      () =>
        yesan.Budget.fromChunks(() => {
          const chunk = bad.subarray(at, at + 7);
          at += chunk.length;
          return chunk.slice();
        }, options),
      (e) => ["not_text", "encoding"].includes(e.code) && e.row === 4,
      JSON.stringify(options),
    );
  }
  assert.throws(
    () => yesan.Budget.fromChunks(() => "not bytes"),
    (e) => e.code === "not_text",
  );
});
