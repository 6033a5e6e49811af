// Writes a deterministic synthetic budget CSV shaped like local-government
// data: 8 text columns (year, government, bureau, department, policy
// program, unit program, detailed program, expense category) and 3 amount
// columns in 천원 (예산액, 예산현액, 집행액), 집행액 quoted with thousands
// separators. Same `lines` and `seed`, same bytes.
//
//   node bench/generate.mjs 1000000 bench/data/budget-1m.csv
import { createWriteStream } from "node:fs";
import { once } from "node:events";

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GOVERNMENTS = ["서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시", "세종특별자치시", "경기도", "강원특별자치도", "충청북도", "충청남도", "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도"];
const BUREAUS = ["기획조정실", "재무국", "복지정책실", "여성가족정책실", "도시교통실", "기후환경본부", "경제정책실", "문화본부", "시민소통기획관", "안전총괄실", "주택정책실", "교육협력국"];
const CATEGORIES = ["인건비", "사무관리비", "공공운영비", "국내여비", "업무추진비", "행사운영비", "민간경상사업보조", "자치단체경상보조금", "시설비", "자산취득비", "연구개발비", "출연금"];

function commas(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export async function generate(lines, path, seed = 20161106) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const out = createWriteStream(path);
  const header = "회계연도,자치단체명,실국명,부서명,정책사업명,단위사업명,세부사업명,편성목명,예산액,예산현액,집행액\n";
  let buffer = header;
  for (let i = 0; i < lines; i++) {
    const bureau = pick(BUREAUS);
    const department = `${bureau.slice(0, 2)}${1 + Math.floor(next() * 8)}과`;
    const policy = `${department} 정책사업 ${1 + Math.floor(next() * 6)}`;
    const unit = `${policy}-${1 + Math.floor(next() * 5)}`;
    const detail = `세부사업 ${Math.floor(next() * 10000)}`;
    const adopted = Math.floor(next() * 5_000_000);
    const current = adopted + Math.floor(next() * 100_000);
    const executed = Math.floor(current * next());
    buffer += `${2020 + Math.floor(next() * 5)},${pick(GOVERNMENTS)},${bureau},${department},${policy},${unit},${detail},${pick(CATEGORIES)},${adopted},${current},"${commas(executed)}"\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.write(buffer);
  out.end();
  await once(out, "finish");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = Number(process.argv[2] ?? 1000);
  const path = process.argv[3] ?? `bench/data/budget-${lines}.csv`;
  await generate(lines, path);
  console.log(`wrote ${lines} lines to ${path}`);
}
