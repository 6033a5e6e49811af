// Warming the core up while the user chooses a file. A fresh module's code
// is compiled function by function on first use, so the first data file a
// page reads paid for compiling everything reading and reporting it needs:
// a file of 20,000 lines took about 370 ms from choosing to figures, the
// next one about 135 ms (headless Chromium). A second after its first
// answer is sent (so as not to slow the page's first figures), a worker
// reads and reports by every level this made-up file of the same
// shape (a local government's budget lines: a year, five levels, three
// amounts, one written with thousands separators), which compiles most of
// that code in about 60 ms of the worker's idle time: the first such file
// then took about 150 ms (BENCHMARKS.md). 200 lines do it as well as 3,000,
// which would take 180-325 ms.

/** The made-up file: `rows` lines after the header, the same every time. */
export function warmUpText(rows = 200) {
  const lines = ["회계연도,실국명,부서명,정책사업명,단위사업명,세부사업명,예산액,예산현액,집행액"];
  for (let i = 0; i < rows; i++) {
    const amount = (i * 7919) % 9973;
    const levels = [`실국${i % 7}`, `부서${i % 29}`, `정책사업 ${i % 97}`, `단위사업 ${i % 131}`, `세부사업 ${i}`];
    lines.push(`${2020 + (i % 5)},${levels.join(",")},${amount * 1000 + 17},${amount * 1100 + 3},"${(amount * 600).toLocaleString("en-US")}"`);
  }
  return `${lines.join("\n")}\n`;
}

/** Reads and reports the made-up file with the core's `Budget`, and lets
 * it go. */
export function warmUp(Budget) {
  const budget = new Budget(warmUpText());
  try {
    budget.report();
  } finally {
    budget.free();
  }
}
