// Choosing a file in the page, timed: a fresh page of `url`, once ready
// given `workers` workers and left idle `wait` ms (the user finding the
// file), then `file` chosen; resolves with the page, still open, and the
// milliseconds from choosing to the figures (or to an error).
export async function chooseFile(browser, url, file, { workers = 1, wait = 0 } = {}) {
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(url);
  await page.waitForSelector("body[data-state=ready]");
  await page.evaluate((n) => document.querySelector("yesan-explorer").setAttribute("workers", String(n)), workers);
  if (wait > 0) await page.waitForTimeout(wait);
  await page.evaluate(() => (document.body.dataset.state = "busy"));
  const start = performance.now();
  await page.setInputFiles("#file", file);
  await page.waitForSelector("body[data-state=ready], body[data-state=error]");
  return { page, ms: performance.now() - start };
}
