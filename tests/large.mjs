// A large generated budget CSV for the tests of reading in parts (Node's
// threads and the page's workers): sorted by department like real files,
// with long text cells, every other one quoted over two lines (so that many
// a region starts inside a quoted cell), doubled quotes, CRLF, note rows,
// placeholders, thousands separators and △ negatives. 230,000 rows make
// 53 MB, over the 32 MB from which a file is read in parts.

/** The file's text, and the exact sum of 예산액 in 천원 (a BigInt). A row
 * `badAt` gets an amount written in words, an error late in the file. */
export function largeBudget(rows = 230_000, { badAt = -1 } = {}) {
  const lines = ["예산 세부내역", "(단위: 천원)", "부서,사업,세부사업,사업목적,예산액,집행액,비고"];
  const text = (i) => `주민 생활 여건 개선과 지역 경제 활성화를 위한 ${i % 83}번 사업의 안정적 추진`.repeat(2);
  const purpose = (i) => (i % 2 === 0 ? `"${text(i)}\r\n(세부 ""목적"")"` : text(i));
  let total = 0n;
  for (let i = 0; i < rows; i++) {
    const department = `부서${String(Math.floor((i * 40) / rows)).padStart(2, "0")}`;
    const program = i % 7 === 0 ? `"사업 ${i % 97}\r\n(계속)"` : i % 11 === 0 ? `"""핵심"" 사업 ${i % 89}"` : `사업${i % 83}`;
    const amount = 1000 + ((i * 7919) % 900_000);
    let budget = String(amount);
    if (i % 13 === 0) budget = `"${amount.toLocaleString("en-US")}"`;
    if (i % 17 === 0) budget = `△${amount}`;
    if (i % 19 === 0) budget = "-";
    if (i === badAt) budget = "십만원";
    if (budget !== "-") total += BigInt(i % 17 === 0 ? -amount : amount);
    const note = i % 23 === 0 ? `"비고\r\n${i}행"` : "";
    lines.push(`${department},${program},세부${i},${purpose(i)},${budget},${Math.floor(amount / 2)},${note}`);
    if (i % 10_007 === 5) lines.push(`※ 주: ${i}행 아래는 추정치임`);
  }
  return { text: lines.join("\r\n") + "\r\n", total };
}
