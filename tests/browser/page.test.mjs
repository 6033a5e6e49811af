// The page as a citizen uses it, in headless Chromium: the sample, a CP949
// upload, the language switch, the treemap drill-down, exports, XSS, the
// national budget file, no requests after load, no CSP violation, axe-core,
// and screenshots at desktop and phone size (in test-results/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { serve, launch, open, root, shots } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const fixture = (name) => join(root, "tests/fixtures", name);
const text = (page, selector) => page.locator(selector).first().innerText();

async function upload(page, name) {
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.setInputFiles("#file", fixture(name));
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
}

/** Network requests (not blob: downloads) made after `since`. */
function requestsAfter(log, since) {
  return log.requests.slice(since).filter((url) => url.startsWith("http"));
}

test("the sample is analysed on first load, with exact figures", async () => {
  const { page, log, context } = await open(browser, server.url);
  {
    // Sorting by name goes ㄱ→ㅎ first.
    await page.locator("#table thead th").first().locator("button").click();
    const names = await page.locator("#table tbody tr th").allInnerTexts();
    const departments = names.slice(1).map((n) => n.trim());
    assert.deepEqual(departments, [...departments].sort((a, b) => a.localeCompare(b, "ko")));
    await page.locator("#table thead th").nth(1).locator("button").click();
  }
  assert.match(await text(page, "#headline"), /410억 1,900만원/);
  assert.match(await text(page, "#headline"), /53\.1%/);
  const rows = await page.locator("#table tbody tr").allInnerTexts();
  assert.equal(rows.length, 6, "the whole and five departments");
  assert.match(rows[1], /시민봉사담당관\s+213억 4,000만원/);
  const amountCell = page.locator("#table tbody tr").nth(1).locator(".amount").first();
  assert.equal(await amountCell.getAttribute("data-exact"), "21,340,000,000원");
  await amountCell.focus();
  const shown = await amountCell.evaluate((el) => getComputedStyle(el, "::after").content);
  assert.equal(shown, '"21,340,000,000원"', "the exact amount shows on keyboard focus");
  assert.equal(await page.locator("#treemap .cell").count(), 5);
  // Who spent least comes first in the execution chart.
  const rates = (await page.locator("#execution title").allTextContents()).map((t) => Number(t.match(/([\d.]+)%/)?.[1]));
  assert.ok(rates.length > 1 && rates.every((r, i) => i === 0 || rates[i - 1] <= r), rates.join(","));
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(shots, "desktop.png"), fullPage: true });
  await context.close();
});

test("a CP949 file is uploaded, its total, new and discontinued items appear", async () => {
  const { page, context } = await open(browser, server.url);
  await upload(page, "browser/small_cp949.csv");
  const headline = await text(page, "#headline");
  assert.match(headline, /2억 3,440만원/, "2017 total of 234,400 천원");
  assert.match(headline, /-1억 960만원 \(-31\.9%\)/);
  assert.match(await text(page, "#source"), /CP949/);
  await page.click("#expand-all");
  const table = await text(page, "#table");
  assert.match(table, /SNS 오피니언리더 소통기반 강화\s*신규/);
  assert.match(table, /기존 사무관리비\s*폐지/);
  await page.locator("#treemap .cell", { hasText: "사무관리비" }).click();
  const growth = await text(page, "#growth");
  assert.match(growth, /SNS 오피니언리…\s*\+8,000만원 신규/, "long names are cut to fit");
  assert.match(growth, /기존 사무관리비\s*-1억 9,400만원 폐지/);
  const titles = await page.locator("#growth title").allTextContents();
  assert.ok(titles.includes("SNS 오피니언리더 소통기반 강화: +8,000만원 (신규)"), titles.join("|"));
  await context.close();
});

test("the language switch turns every text to English and back", async () => {
  const { page, context } = await open(browser, server.url);
  await page.click("#language");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await text(page, "#headline-title"), "At a glance");
  assert.match(await text(page, "#headline"), /Execution rate/);
  // Won in English words: 410억 1,900만원 is ₩41 billion, not 410억.
  assert.match(await text(page, "#headline"), /₩41 billion/);
  assert.doesNotMatch(await text(page, "#headline"), /억/);
  const exact = await page.locator("#headline .amount").first().getAttribute("data-exact");
  assert.equal(exact, "₩41,019,000,000");
  assert.match(await text(page, "#warnings"), /reads as a note/);
  await page.click("#language");
  assert.equal(await text(page, "#headline-title"), "한눈에 보기");
  await context.close();
});

test("the treemap zooms in on click and with the keyboard, and back", async () => {
  const { page, context } = await open(browser, server.url);
  await page.locator("#treemap .cell", { hasText: "시민소통담당관" }).click();
  assert.match(await text(page, "#breadcrumb"), /전체\s*›\s*시민소통담당관/);
  assert.equal(await page.locator("#treemap .cell").count(), 2, "policy program and basic costs");
  await page.locator("#treemap .cell").first().focus();
  await page.keyboard.press("Enter");
  assert.match(await text(page, "#breadcrumb"), /시민과 함께하는 참여와 소통 시정구현/);
  assert.equal(await page.locator("#treemap .cell").count(), 12);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  assert.equal((await text(page, "#breadcrumb")).trim(), "전체");
  // The level shown is said, not a button to itself.
  assert.equal(await page.locator("#breadcrumb button").count(), 0);
  assert.equal(await page.locator('#breadcrumb [aria-current="page"]').innerText(), "전체");
  await context.close();
});

test("the table exports as CSV with formulas neutralised, and charts as SVG and PNG", async () => {
  const { page, context } = await open(browser, server.url);
  await page.fill("#paste", readFileSync(fixture("browser/xss.tsv"), "utf8"));
  await page.click("#analyze-paste");
  await page.waitForSelector("body[data-state=ready]");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const content = readFileSync(await csv.path(), "utf8");
  const lines = content.replace(/^\ufeff/, "").trim().split("\r\n");
  assert.equal(lines[0], "단계,최하위 항목(1),부서,사업,예산액,집행액,비중(%) (예산액),집행률(%),미집행액");
  assert.ok(lines.includes(`1,0,"'=HYPERLINK(""http://example.invalid"",""click"")",,2000,1500,60.61,75.0,500`), content);
  assert.ok(lines.some((line) => line.startsWith("1,0,'+1+1,,")), content);
  assert.ok(lines.some((line) => line.startsWith("2,1,'+1+1,'-2+3,300,0,")), content);
  assert.ok(lines.some((line) => line.startsWith("2,1,<script>alert(1)</script>,<img src=x onerror=alert(1)>,1000,500,")), content);
  // The leaf rows (a 1 in the second column) add up to the whole (level 0);
  // the figures are the last fields of a line, after any quoted name.
  const rows = lines.slice(1).map((line) => line.split(","));
  const whole = rows.find((r) => r[0] === "0");
  const leaves = rows.filter((r) => r[1] === "1");
  assert.equal(leaves.reduce((sum, r) => sum + Number(r[r.length - 5]), 0), Number(whole[whole.length - 5]));
  const [svg] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=svg][data-chart=treemap-svg]")]);
  const svgText = readFileSync(await svg.path(), "utf8");
  assert.match(svgText, /^<\?xml/);
  assert.match(svgText, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  // The chart carries its title, unit and source.
  assert.match(svgText, /<title>어디에 쓰이나<\/title>/);
  assert.match(svgText, /예산액 · .+<\/text>/);
  assert.match(svgText, /붙여 넣은 표 .*· yesan · \d{4}/);
  assert.match(svgText, />집행률 \(%\)<\/text>/, "the colours' legend");
  // No chart, nothing to export: the button says so by being off.
  assert.equal(await page.locator("[data-export=svg][data-chart=growth-svg]").isDisabled(), true);
  const [png] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=png][data-chart=shares-svg]")]);
  const pngBytes = readFileSync(await png.path());
  assert.deepEqual([...pngBytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(pngBytes.length > 2000);
  const [json] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  assert.equal(JSON.parse(readFileSync(await json.path(), "utf8")).totals[0].value, "3300");
  await context.close();
});

test("text from the data stays text: no script runs, no element is made", async () => {
  const { page, context } = await open(browser, server.url);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    dialog.dismiss();
  });
  await page.fill("#paste", readFileSync(fixture("browser/xss.tsv"), "utf8"));
  await page.click("#analyze-paste");
  await page.waitForSelector("body[data-state=ready]");
  await page.click("#expand-all");
  assert.match(await text(page, "#table"), /<script>alert\(1\)<\/script>/);
  assert.match(await text(page, "#table"), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator("main img, main script").count(), 0);
  assert.equal(await page.locator("#treemap .cell", { hasText: "<script>" }).count(), 1);
  assert.equal(dialogs, 0);
  await context.close();
});

test("the 2010 national budget: ministries, growth, new and discontinued programs", async () => {
  const { page, context } = await open(browser, server.url);
  await upload(page, "kr_national_out_net_bud_2010.csv");
  const headline = await text(page, "#headline");
  assert.match(headline, /225조 9,413억원/);
  assert.match(headline, /\+8조 4,689억원 \(\+3\.9%\)/);
  assert.match(headline, /2,454/);
  const first = await page.locator("#table tbody tr").nth(1).innerText();
  assert.match(first, /교육과학기술부\s+41조 1,839억원\s+41조 2,114억원\s+41조 7,100억원\s+18\.46\s+5,260억 6,915만원\s+1\.3/);
  assert.equal(await page.locator("#table tbody tr").count(), 52, "the whole and 51 ministries");
  const heads = await page.locator("#table thead th").allInnerTexts();
  assert.ok(heads.some((h) => h.trim().startsWith("금년도국회확정")), heads.join("|"));
  assert.ok(!heads.some((h) => h.includes("(천원)")), "cells in 조/억원 under no (천원) header");
  const changes = await text(page, "#changes");
  assert.match(changes, /신규 110개/);
  assert.match(changes, /폐지 96개/);
  assert.equal(await page.locator("#treemap .cell").count(), 50, "one ministry has nothing left in 2010");
  await context.close();
});

test("an error names the row and column, and the previous result stays", async () => {
  const { page, context } = await open(browser, server.url);
  await upload(page, "bad/not_a_number.csv");
  assert.match(await text(page, "#error"), /not_a_number\.csv: 3행 2열\('예산액'\)/, "the file is named");
  assert.match(await text(page, "#headline"), /410억 1,900만원/, "the sample is still shown");
  // Too many decimals is said as such, not as a number too large.
  await upload(page, "bad/too_precise.csv");
  const said = await text(page, "#error");
  assert.match(said, /too_precise\.csv: 3행 2열\('예산액'\): 소수점 아래 자릿수가 너무 많아/);
  assert.doesNotMatch(said, /너무 커/);
  await context.close();
});

test("correcting a column's role recomputes at once", async () => {
  const { page, context } = await open(browser, server.url);
  await page.getByLabel("뜻: 예산현액(A+B)").selectOption("");
  await page.waitForSelector("body[data-state=ready]");
  assert.match(await text(page, "#headline"), /54\.8%/, "executed ÷ adopted once there is no current budget");
  await page.getByLabel("계층: 정책사업").uncheck();
  await page.waitForFunction(() => shadow().querySelectorAll("#columns input:checked").length === 2);
  await context.close();
});

test("no request after load but the readers a file needs, no CSP violation, axe-core finds no violation of any impact", async () => {
  const { page, log, context } = await open(browser, server.url);
  const since = log.requests.length;
  await upload(page, "browser/small_cp949.csv");
  // A CP949 file loads CP949's index from the page's own files, once, by
  // GET: nothing is sent anywhere.
  assert.deepEqual(requestsAfter(log, since), [`${server.url}pkg/cp949.js`]);
  assert.deepEqual(log.methods.slice(since).filter((m, i) => log.requests[since + i].startsWith("http")), ["GET"]);
  const loaded = log.requests.length;
  await page.click("#language");
  await page.selectOption("#color-mode", "growth");
  await page.selectOption("#display-unit", "thousand");
  await page.click("#expand-all");
  await page.click("#show-sample");
  await page.waitForSelector("body[data-state=ready]");
  await page.locator("#treemap .cell").first().click();
  assert.deepEqual(requestsAfter(log, loaded), []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // axe-core itself applies an inline style in the shadow root, which the CSP
  // refuses: the page's own errors are those logged before it runs.
  const errors = [...log.errors];
  await page.evaluate(readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8"));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  // No violation of any impact, minor ones included.
  assert.deepEqual(results.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a 375-pixel phone shows the page without horizontal scrolling", async () => {
  const { page, context } = await open(browser, server.url, { width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await page.screenshot({ path: join(shots, "phone.png"), fullPage: true });
  await context.close();
});

test("a table pasted from a report shows its tree and its findings, each pointing at its cell", async () => {
  const { page, context } = await open(browser, server.url);
  await page.fill("#paste", readFileSync(fixture("reports/001_departments.txt"), "utf8"));
  await page.click("#analyze-paste");
  await page.waitForSelector("body[data-state=ready]");
  assert.match(await text(page, "#audit-summary"), /공표된 숫자 8개를 다시 계산했습니다\. 반올림을 감안해도 맞을 수 없는 숫자가 2개 있습니다\./);
  const findings = await page.locator("#findings li").allInnerTexts();
  assert.equal(findings.length, 2);
  assert.match(findings[0], /12행 '신속행정담당관'의 '비율': 비율 4\.5%는 표시된 금액으로 나올 수 없습니다\. 가능한 값은 0\.457~0\.460%/);
  await page.locator("#findings li").first().getByRole("button").click();
  const focused = await page.evaluate(() => [deepActive().id, deepActive().textContent, deepActive().getAttribute("aria-describedby")]);
  assert.deepEqual(focused.slice(1), ["4.5", "finding-0"]);
  const structure = await page.locator("#structure tbody tr").allInnerTexts();
  assert.equal(structure.length, 6);
  assert.match(structure[0], /계\s*합계/);
  assert.equal(await page.locator("#treemap .cell").count(), 5, "the departments, without the 계 row");
  await page.click("#language");
  assert.match(await text(page, "#findings"), /the share 4\.5% cannot come from the amounts shown/);
  await page.screenshot({ path: join(shots, "audit.png"), fullPage: true });
  await context.close();
});

test("a file above the limit is refused before it is read, and a dropped file is read", async () => {
  const { page, context, log } = await open(browser, server.url);
  const big = join(shots, "too-large.csv");
  execFileSync("truncate", ["-s", "3G", big]);
  await page.setInputFiles("#file", big);
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await text(page, "#error"), /파일이 너무 큽니다: 3072MB, 최대 2048MB/);
  assert.match(await text(page, "#headline"), /410억 1,900만원/, "the sample is still shown");
  // Drag and drop: a CP949 file dropped on the page.
  const bytes = [...readFileSync(fixture("browser/small_cp949.csv"))];
  const transfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], "small_cp949.csv", { type: "text/csv" }));
    return dt;
  }, bytes);
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
  await page.waitForSelector("body[data-state=ready]");
  assert.match(await text(page, "#headline"), /2억 3,440만원/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("revenue and expense are shown apart, and each column says why it was read so", async () => {
  const { page, log, context } = await open(browser, server.url);
  await upload(page, "world/kr_revenue_expense.csv");
  const headline = await text(page, "#headline");
  // 세입 1,467,300 and 세출 1,702,300 천원 in 2024, never their sum.
  assert.match(headline, /세입\s+14억 6,730만원\s+2024년 예산/);
  assert.match(headline, /세출\s+17억 230만원/);
  assert.doesNotMatch(headline, /31억 6,960만원/, "the two sides are not added");
  assert.match(headline, /세입: \+3,770만원 \(\+2\.6%\)/);
  // Each side's change on its own line, not one run-on figure; the note
  // that the sides are kept apart is a sentence, set as body text.
  const lines = await page.locator("#headline dd .line").allInnerTexts();
  assert.ok(lines.some((l) => /^세입: \+3,770만원/.test(l)) && lines.some((l) => /^세출: /.test(l)), lines.join(" | "));
  const prose = page.locator("#headline .prose dd");
  assert.match(await prose.innerText(), /더하지 않았습니다/);
  assert.equal(await prose.evaluate((el) => getComputedStyle(el).fontWeight), "400");
  const why = await page.locator("#columns .why").allInnerTexts();
  assert.match(why[0], /세입·세출 구분/);
  assert.match(why[2], /제목에 '예산'/);
  assert.equal(await text(page, "#treemap-title"), "어디에 쓰이나", "the spending side first");
  await page.locator("#breadcrumb button").first().click();
  await page.locator("#treemap .cell", { hasText: "세입" }).click();
  assert.equal(await text(page, "#treemap-title"), "어디서 들어오나", "revenue is where money comes from");
  await page.locator("#breadcrumb button").first().click();
  await page.locator("#treemap .cell", { hasText: "세출" }).click();
  await page.screenshot({ path: join(shots, "sides-desktop.png"), fullPage: true });
  await page.click("#language");
  assert.match(await text(page, "#headline"), /Revenue · 세입/);
  assert.match((await page.locator("#columns .why").allInnerTexts())[0], /values name the side/);
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 375 px (${overflow} px over)`);
  await page.screenshot({ path: join(shots, "sides-phone-en.png"), fullPage: true });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a revenue settlement speaks of money collected: 수납률, where it comes from, what is still due", async () => {
  const { page, log, context } = await open(browser, server.url);
  await upload(page, "world/kr_revenue_settlement.csv");
  const headline = await text(page, "#headline");
  assert.match(headline, /수납률\s+98\.7%\s+수납액 ÷ 예산현액/);
  assert.doesNotMatch(headline, /집행률/);
  assert.equal(await text(page, "#treemap-title"), "어디서 들어오나");
  const answers = await text(page, "#answers");
  assert.match(answers, /가장 많이 들어오는 곳/);
  assert.match(answers, /가장 덜 걷힌 곳 \(수납률\)\s+세외수입 › 임시적세외수입 · 87\.1%/);
  assert.match(answers, /가장 많이 는 곳: 이 자료로는 알 수 없습니다/);
  const heads = await page.locator("#table th").allInnerTexts();
  assert.ok(heads.some((h) => /수납률\(%\)/.test(h)) && heads.some((h) => /예산 대비 미수납/.test(h)), heads.join(" | "));
  assert.match(await text(page, "#audit-summary"), /공표된 숫자 21개를 다시 계산했습니다/);
  assert.equal(await text(page, "#execution-title"), "수납률 (낮은 순)");
  assert.match(await text(page, "#execution .hint"), /수납률 50% 미만 강조/);
  assert.equal(await page.locator("#color-mode option[value=execution]").innerText(), "수납률");
  await page.click("#language");
  assert.match(await text(page, "#execution .hint"), /collection rate below 50% highlighted/);
  assert.match(await text(page, "#headline"), /Collection rate\s+98\.7%/);
  assert.equal(await text(page, "#treemap-title"), "Where the money comes from");
  assert.equal(await text(page, "#execution-title"), "Collection rates (lowest first)");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a label holding a right-to-left override is isolated on the page and in the exports", async () => {
  const { page, context } = await open(browser, server.url);
  const evil = "가\u202E나다";
  await page.fill("#paste", `부서\t예산액\n${evil}\t100\n총무과\t200\n`);
  await page.click("#analyze-paste");
  await page.waitForSelector("body[data-state=ready]");
  const cell = page.locator("#table tbody tr", { hasText: "나다" }).locator("th, td").first();
  assert.equal(await cell.evaluate((el) => getComputedStyle(el).unicodeBidi), "isolate");
  const texts = await page.locator("#treemap text").allTextContents();
  assert.ok(texts.includes(`\u2068${evil}\u2069`), texts.join("|"));
  const [csv] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const content = readFileSync(await csv.path(), "utf8");
  assert.ok(content.includes(`1,1,\u2068${evil}\u2069,100`), content);
  assert.ok(content.includes("\r\n1,1,총무과,200"), "plain labels stay as they are");
  await context.close();
});

test("a worker that dies is replaced, and the page goes on working", async () => {
  const { page, context } = await open(browser, server.url);
  const [worker] = page.workers();
  assert.ok(worker, "the analysis runs in a worker");
  // An uncaught error inside the worker, as a dead module would give.
  await worker.evaluate(() => setTimeout(() => {
    throw new Error("simulated failure");
  }));
  await page.waitForEvent("worker");
  await page.fill("#paste", "부서\t예산액\n가\t100\n나\t250\n");
  await page.click("#analyze-paste");
  await page.waitForSelector("body[data-state=ready]");
  assert.match(await text(page, "#headline"), /350원/);
  await context.close();
});

test("amounts in another currency are written the way the language writes them, exactly", async () => {
  const { page, context } = await open(browser, server.url);
  await page.click("#language");
  await upload(page, "world/us_currency_signs.csv");
  const headline = await text(page, "#headline");
  assert.match(headline, /\$42\.6M/, headline);
  assert.doesNotMatch(headline, /won|원/);
  const exact = await page.locator("#headline .amount").first().getAttribute("data-exact");
  assert.equal(exact, "$42,578,570.00");
  assert.match(await text(page, "#source"), /USD/);
  await context.close();
});

test("a Japanese settlement table: its 合計 row is checked, not added, its rates are audited, and no won unit is offered", async () => {
  const { page, context } = await open(browser, server.url);
  await page.click("#language");
  await upload(page, "world/jp_city_settlement_by_kan.csv");
  const headline = await text(page, "#headline");
  assert.match(headline, /88B/, "the published 合計: 87,960,000,000");
  assert.match(headline, /87\.1%/);
  assert.match(await text(page, "#audit-summary"), /17 published figures/);
  assert.match(await text(page, "#warnings"), /'合計' is a total row/);
  assert.equal(await page.locator("#display-unit").isVisible(), false);
  await page.click("#show-sample");
  await page.waitForSelector("body[data-state=ready]");
  assert.equal(await page.locator("#display-unit").isVisible(), true, "won again");
  await context.close();
});

test("a Shift_JIS file: told from CP949, decoded by the second module, with the figures of its UTF-8 original", async () => {
  const { page, log, context } = await open(browser, server.url);
  await page.click("#language");
  const since = log.requests.length;
  await upload(page, "encodings/jp_settlement.shift_jis.csv");
  assert.match(await text(page, "#headline"), /88B/, "the published 合計: 87,960,000,000");
  assert.match(await text(page, "#audit-summary"), /17 published figures/);
  assert.match(await text(page, "#source"), /SHIFT_JIS/);
  assert.match(await text(page, "#table"), /議会費/);
  const paths = requestsAfter(log, since).map((url) => new URL(url).pathname);
  assert.ok(paths.includes("/pkg/sheets/yesan_sheets_bg.wasm"), paths.join(" "));
  await context.close();
});

test("a Windows-1251 file: Ukraine's 2014 tax revenues, told by the second module's detector, the published sums audited", async () => {
  const { page, log, context } = await open(browser, server.url);
  await page.click("#language");
  const since = log.requests.length;
  await upload(page, "encodings/ua_state_revenue_2014.windows-1251.csv");
  assert.match(await text(page, "#source"), /WINDOWS-1251/);
  assert.match(await text(page, "#audit-summary"), /8 published figures/);
  assert.match(await text(page, "#table"), /Внутрішні податки на товари та послуги\s+202.6M/);
  assert.match(await text(page, "#table"), /Whole\s+299.2M/, "the published 299,196,044.8");
  const paths = requestsAfter(log, since).map((url) => new URL(url).pathname);
  assert.ok(paths.includes("/pkg/sheets/yesan_sheets_bg.wasm"), paths.join(" "));
  await context.close();
});

test("execution colours spread over the rates there are, 0–18 % as well as 0–100 %", async () => {
  const { page, context } = await open(browser, server.url);
  await page.fill("#paste", "부서\t예산현액\t집행액\n가\t100\t2\n나\t100\t9\n다\t100\t18\n");
  await page.click("#analyze-paste");
  await page.waitForSelector("body[data-state=ready]");
  const fills = await page.locator("#treemap .cell rect").evaluateAll((rects) => rects.map((r) => r.getAttribute("fill")));
  assert.equal(new Set(fills).size, 3, fills.join(","));
  assert.match(await text(page, "#legend"), /0.*20/s);
  await context.close();
});

test("the growth chart's figures stay inside it and off the names, at desktop and phone width", async () => {
  for (const viewport of [{ width: 1366, height: 900 }, { width: 375, height: 812 }]) {
    const { page, context } = await open(browser, server.url, viewport);
    await upload(page, "world/kr_revenue_expense.csv");
    const boxes = await page.locator("#growth svg").evaluate((svg) => {
      const width = svg.getBoundingClientRect().width;
      const left = svg.getBoundingClientRect().left;
      return [...svg.querySelectorAll("g")].map((g) => {
        const [name, value] = g.querySelectorAll("text");
        const n = name.getBoundingClientRect();
        const v = value.getBoundingClientRect();
        return { width, nameRight: n.right - left, valueLeft: v.left - left, valueRight: v.right - left };
      });
    });
    assert.ok(boxes.length > 0);
    for (const b of boxes) {
      assert.ok(b.valueRight <= b.width + 0.5, `${viewport.width}px: a figure ends at ${b.valueRight} of ${b.width}`);
      assert.ok(b.valueLeft >= b.nameRight, `${viewport.width}px: a figure over a name (${b.valueLeft} < ${b.nameRight})`);
    }
    await page.screenshot({ path: join(shots, `growth-${viewport.width}.png`), fullPage: true });
    await context.close();
  }
});

test("an HTML table is laid out by the second module, fetched once from the page's own files", async () => {
  const { page, log, context } = await open(browser, server.url);
  const since = log.requests.length;
  await upload(page, "reports/004_history.html");
  assert.equal(await page.locator("body").getAttribute("data-state"), "ready", await text(page, "#error-text").catch(() => ""));
  // The table's four rows (예산액, 집행액, 집행잔액, 집행율 by year), read as the core would with every reader.
  assert.match(await text(page, "#source"), /004_history\.html · 4행/);
  const fetched = requestsAfter(log, since).map((url) => new URL(url).pathname);
  assert.deepEqual(fetched, ["/pkg/sheets/yesan_sheets_bg.wasm"]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an Excel workbook opens on its budget sheet, another sheet can be chosen, and only the spreadsheet module is fetched", async () => {
  const { page, log, context } = await open(browser, server.url);
  const since = log.requests.length;
  await upload(page, "sheets/programmes.xlsx");
  assert.equal(await page.locator("body").getAttribute("data-state"), "ready", await text(page, "#error-text").catch(() => ""));
  // 15,159 백만원 over the two departments, merged down their programmes.
  assert.match(await text(page, "#headline"), /151억 5,900만원/);
  assert.match(await text(page, "#headline"), /53\.0%/);
  const sheets = await page.locator("#sheet option").allInnerTexts();
  assert.deepEqual(sheets, ["안내", "세출", "결산"]);
  assert.equal(await page.locator("#sheet").inputValue(), "2");
  const rows = await page.locator("#table tbody tr th").allInnerTexts();
  assert.ok(rows.some((r) => r.includes("시민소통담당관")) && rows.some((r) => r.includes("도시브랜드담당관")), rows.join("|"));
  await page.screenshot({ path: join(shots, "spreadsheet.png"), fullPage: true });
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.selectOption("#sheet", "3");
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
  assert.equal(await page.locator("#sheet").inputValue(), "3");
  // The 결산 sheet: its unit at the right end of the header row, and a year
  // with nothing below it says so instead of an empty chart.
  assert.match(await text(page, "#source"), /천원/);
  assert.match(await text(page, "#treemap"), /더 나눌 항목이 없습니다/);
  // The page's own spreadsheet reader, from its own origin, once: no data leaves.
  const fetched = requestsAfter(log, since).map((url) => new URL(url).pathname);
  assert.deepEqual(fetched, ["/pkg/sheets/yesan_sheets_bg.wasm"]);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(shots, "spreadsheet-settlement.png"), fullPage: true });
  await context.close();
});

test("a Fiscal Data Package dropped with its CSV is read as its descriptor says", async () => {
  const { page, log, context } = await open(browser, server.url);
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.setInputFiles("#file", [fixture("fdp/datapackage.json"), fixture("fdp/presupuesto.csv")]);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
  assert.equal(await page.locator("body").getAttribute("data-state"), "ready", await text(page, "#error-text").catch(() => ""));
  const headline = await text(page, "#headline");
  assert.match(headline, /67\.8%/, "executed ÷ approved, as the phases say");
  assert.match(headline, /€/);
  assert.match(await text(page, "#warnings"), /재정 데이터 패키지/);
  // The same package zipped: the archive is opened and read the same way.
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.setInputFiles("#file", [fixture("fdp/municipio.zip")]);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
  assert.match(await text(page, "#headline"), /67\.8%/);
  assert.match(await text(page, "#source"), /presupuesto\.csv/);
  // The descriptor alone cannot be read: the page asks for its CSV.
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.setInputFiles("#file", [fixture("fdp/datapackage.json")]);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
  assert.match(await text(page, "#error-text"), /presupuesto\.csv/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("two years of the national budget as two files: a column per year, growth, the average and a line per item", async () => {
  const { page, log, context } = await open(browser, server.url);
  const since = log.requests.length;
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  await page.setInputFiles("#file", [fixture("kr_national_out_2011.csv"), fixture("kr_national_out_2010.csv")]);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
  assert.equal(await page.locator("body").getAttribute("data-state"), "ready", await text(page, "#error-text").catch(() => ""));
  const headline = await text(page, "#headline");
  // 255.3조 → 264.1조 원 (천원 in the files), +3.4 %.
  assert.match(headline, /264조 929억원/);
  assert.match(headline, /3\.4%/);
  assert.match(headline, /연평균 증가율/);
  assert.match(await text(page, "#warnings"), /kr_national_out_2010\.csv \(2010\), kr_national_out_2011\.csv \(2011\)/);
  const sparks = page.locator("#table svg.spark");
  assert.ok((await sparks.count()) > 10, "a line per item");
  assert.match(await sparks.nth(1).getAttribute("aria-label"), /^2010: .+, 2011: .+/);
  // Both files are CP949, as the portal gives them: the index is loaded once.
  assert.deepEqual(requestsAfter(log, since).map((url) => new URL(url).pathname), ["/pkg/cp949.js"]);
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(shots, "series.png"), fullPage: true });
  await context.close();
});

test("the three questions are answered at once, and any item is found by name or initials and shown", async () => {
  const { page, log, context } = await open(browser, server.url);
  // The sample: the unit programme that spent least of all, three levels
  // down (5 of 90 백만원), not the lowest department.
  const sampleAnswers = await page.locator("#answers li").allInnerTexts();
  assert.match(sampleAnswers[2], /가장 덜 쓴 곳 \(집행률\)\n뉴미디어담당관 › .+ › 시민참여프로그램을 통한 시정공감대 확산 · 5\.6%/);
  await page.screenshot({ path: join(shots, "answers.png"), clip: await page.locator("#answers").evaluate((el) => { const r = el.closest("section").getBoundingClientRect(); return { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height }; }), fullPage: true });
  await upload(page, "kr_national_out_net_bud_2010.csv");
  // Answered with no interaction, across every level of the tree.
  const answers = await page.locator("#answers li").allInnerTexts();
  assert.equal(answers.length, 3);
  assert.match(answers[0], /가장 많이 쓰는 곳\n.+ › .+ · .+원/);
  assert.match(answers[1], /가장 많이 는 곳\n.+ › .+ · \+.+원 \(.+%\)/);
  assert.equal(answers[2], "가장 덜 쓴 곳 (집행률): 이 자료로는 알 수 없습니다", "the 2010 file has no actuals");
  // One interaction: the largest item in the table, marked, and its box in the treemap.
  await page.locator("#answers button").first().click();
  const selected = page.locator("#table tr.selected");
  assert.equal(await selected.count(), 1);
  const largestName = answers[0].split("\n")[1].split(" · ")[0].split(" › ").pop();
  assert.match(await selected.innerText(), new RegExp(largestName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  assert.equal(await page.locator("#treemap .cell.selected").getAttribute("data-name"), largestName);
  // Search by initial consonants: ㄱㅇㄱㅎ finds 교육과학기술부.
  await page.fill("#find", "ㄱㅇㄱㅎ");
  const found = await page.locator("#find-results li").allInnerTexts();
  assert.ok(found[0].startsWith("교육과학기술부"), found.join("|"));
  await page.locator("#find-results button").first().click();
  assert.match(await page.locator("#table tr.selected").innerText(), /교육과학기술부/);
  await page.fill("#find", "없는항목이름");
  assert.match(await text(page, "#find-results"), /찾는 항목이 없습니다/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("with a population typed in or a column of it, the headline and the table give each resident's share, exactly", async () => {
  const { page, log, context } = await open(browser, server.url);
  // The sample's 41,019 백만원 over 9,386,034 residents: 4,370.2… → 4,370원.
  await page.fill("#population", "9,386,034");
  await page.fill("#households", "4,189,948");
  const headline = await text(page, "#headline");
  assert.match(headline, /1인당\n4,370원 · 가구당 9,790원/);
  const header = await page.locator("#table thead th").allInnerTexts();
  assert.ok(header.includes("1인당"), header.join("|"));
  await page.fill("#population", "abc");
  assert.equal(await page.getAttribute("#population", "aria-invalid"), "true");
  assert.doesNotMatch(await text(page, "#headline"), /1인당/);
  // A population column in the file (인구, 세대수): never added as money,
  // and each item divided by its own residents.
  await page.fill("#population", "");
  await page.fill("#households", "");
  await upload(page, "world/kr_gu_population.csv");
  const fromColumn = await text(page, "#headline");
  assert.match(fromColumn, /1인당\n116,679원 · 가구당 222,396원/);
  assert.match(fromColumn, /'인구\(명\)' 열의 30,434명 기준/);
  assert.match(await page.locator("#table tbody tr").filter({ hasText: "종로구" }).innerText(), /107,745원/);
  assert.equal(await page.getByLabel("종류: 인구(명)").inputValue(), "count");
  assert.equal(await page.getByLabel("뜻: 세대수").inputValue(), "households");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a link keeps the view, Back steps out of a level, and ?src= opens a file of the same site", async () => {
  const { page, log, context } = await open(browser, `${server.url}#lang=en&display=thousand&sort=name%7Casc&pop=9386034`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.locator("#display-unit").inputValue(), "thousand");
  assert.match(await text(page, "#headline"), /Per resident/);
  const names = (await page.locator("#table tbody tr th").allInnerTexts()).slice(1).map((n) => n.trim());
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, "ko")));
  // Into a department and back again with the browser's Back: the address
  // stays as it was (no request for the icon again).
  const since = log.requests.length;
  const department = await page.locator("#treemap .cell").first().getAttribute("data-name");
  await page.locator("#treemap .cell").first().click();
  assert.match(await text(page, "#breadcrumb"), new RegExp(department));
  await page.evaluate(() => history.back());
  await page.waitForFunction((name) => !shadow().getElementById("breadcrumb").innerText.includes(name), department);
  assert.deepEqual(requestsAfter(log, since), []);
  // The same view from the link the page gives, in a new tab.
  await page.locator("#treemap .cell").first().click();
  await page.click("#copy-link");
  const copied = await page.locator("#link-text").inputValue();
  assert.match(decodeURIComponent(copied), /#.*lang=en.*focus=\["/);
  const second = await context.newPage();
  await second.goto(copied);
  await second.waitForSelector("body[data-state=ready]");
  assert.equal(await second.getAttribute("html", "lang"), "en");
  assert.match(await second.locator("#breadcrumb").innerText(), new RegExp(department));
  await second.close();
  // ?src= names a file of the same site.
  writeFileSync(join(root, "www/pkg/src-test.csv"), readFileSync(fixture("browser/small_cp949.csv")));
  const fromSite = await context.newPage();
  await fromSite.goto(`${server.url}?src=pkg/src-test.csv`);
  await fromSite.waitForSelector("body[data-state=ready]");
  assert.match(await fromSite.locator("#headline").innerText(), /2억 3,440만원/);
  assert.match(await fromSite.locator("#source").innerText(), /src-test\.csv/);
  await fromSite.goto(`${server.url}?src=https://example.invalid/x.csv`);
  await fromSite.waitForSelector("body[data-state=error]");
  assert.match(await fromSite.locator("#headline").innerText(), /410억 1,900만원/, "another site is never fetched: the sample");
  assert.match(await fromSite.locator("#error-text").innerText(), /example\.invalid\/x\.csv.*같은 사이트의 파일만/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the keyboard: skip links to the charts and the table, and the treemap is one Tab stop with arrow keys inside", async () => {
  const { page, log, context } = await open(browser, server.url);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => deepActive().textContent), "한눈에 보기");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => deepActive().textContent), "그림으로 건너뛰기");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => deepActive().id), "treemap-title");
  // Past the colour choice and the two export buttons: the first box.
  let presses = 0;
  while (presses < 10 && !(await page.evaluate(() => deepActive().closest("#treemap")))) {
    await page.keyboard.press("Tab");
    presses += 1;
  }
  assert.ok(presses <= 4, `${presses} Tab presses from the heading to the map`);
  const first = await page.evaluate(() => deepActive().getAttribute("data-name"));
  assert.ok(first, "the treemap's first box has the focus");
  const boxes = await page.locator("#treemap .cell").count();
  assert.ok(boxes >= 5);
  assert.equal(await page.locator('#treemap .cell[tabindex="0"]').count(), 1, "one Tab stop");
  await page.keyboard.press("ArrowRight");
  const second = await page.evaluate(() => deepActive().getAttribute("data-name"));
  assert.notEqual(second, first);
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => deepActive().getAttribute("data-name")), await page.locator("#treemap .cell").last().getAttribute("data-name"));
  // One more Tab leaves the map, whatever the number of boxes.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => deepActive().closest("#treemap")), null);
  // The table is one skip away.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator(".skip").nth(2).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => deepActive().id), "table");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("printing gives the figures, charts and table on A4 with source, unit and date, and no controls", async () => {
  const { page, log, context } = await open(browser, server.url);
  await page.emulateMedia({ media: "print" });
  const shown = async (selector) => page.locator(selector).first().evaluate((el) => el.checkVisibility());
  assert.equal(await shown("#print-meta"), true);
  assert.match(await text(page, "#print-meta"), /예산 yesan · .*단위 백만원.* · \d{4}\. ?\d{1,2}\. ?\d{1,2}\.? 인쇄/);
  for (const hidden of [".panel.input", "#columns", "#copy-link", "#find", "button[data-export]"]) {
    assert.equal(await shown(hidden), false, `${hidden} is not printed`);
  }
  for (const kept of ["#headline", "#treemap svg", "#table", "#answers"]) {
    assert.equal(await shown(kept), true, `${kept} is printed`);
  }
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000 && pdf.subarray(0, 4).toString() === "%PDF");
  writeFileSync(join(shots, "print.pdf"), pdf);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a level left empty in the file is passed through: no box of nothing, no empty step, and Escape goes up past it", async () => {
  const { page, log, context } = await open(browser, server.url);
  await upload(page, "kr_national_out_net_bud_2010.csv");
  // 교육과학기술부 › 일반회계 has a blank 계정명: its items are the 분야 below.
  await page.locator("#treemap .cell", { hasText: "교육과학기술부" }).first().click();
  await page.locator('#treemap .cell[data-name="일반회계"]').click();
  const names = await page.locator("#treemap .cell").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-name")));
  assert.ok(names.length > 1 && !names.includes(""), names.join("|"));
  const crumb = (await text(page, "#breadcrumb")).replace(/\s+/g, " ").trim();
  assert.equal(crumb, "전체 › 교육과학기술부 › 일반회계");
  await page.locator("#treemap .cell").first().focus();
  await page.keyboard.press("Escape");
  assert.equal((await text(page, "#breadcrumb")).replace(/\s+/g, " ").trim(), "전체 › 교육과학기술부");
  assert.deepEqual(log.errors, []);
  await context.close();
});
