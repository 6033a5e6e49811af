// Numbers for people: the WASM core formats exact decimal strings (Korean
// units, display units, exact won); amounts in another currency are written
// by Intl.NumberFormat from exact decimal strings (never through a float).
// This module only caches and wraps them.
import init, { formatAmount, exactWon, inBaseUnits } from "./pkg/yesan.js";

export const ready = init();
const cache = new Map();

const formats = new Map();

/** An amount in a currency other than won, the way the language writes it:
 * short (`$27.2M`, `US$2715.9만`) or in full (`$27,158,570.00`). */
function foreign(value, unit, currency, lang, short) {
  const key = `${currency}|${lang}|${short}`;
  let format = formats.get(key);
  if (!format) {
    const options = short
      ? { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }
      : { style: "currency", currency };
    format = new Intl.NumberFormat(lang === "en" ? "en" : "ko", options);
    formats.set(key, format);
  }
  return format.format(inBaseUnits(value, unit ?? null));
}

/** A number whose currency nothing states: no currency is made up for it. */
function plain(value, unit, lang, short) {
  const key = `plain|${lang}|${short}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === "en" ? "en" : "ko", short ? { notation: "compact", maximumFractionDigits: 1 } : {});
    formats.set(key, format);
  }
  return format.format(inBaseUnits(value, unit ?? null));
}

/** Won in English: the short form as `₩34.6 trillion`, the others with
 * English unit words (`41,018 million won`). */
const ENGLISH_UNITS = [
  ["백만원", " million won"],
  ["천원", " thousand won"],
  ["억원", " × 100 million won"],
  ["원", " won"],
];

function englishWon(value, unit, display) {
  if (display === "korean") {
    let format = formats.get("won|en");
    if (!format) {
      format = new Intl.NumberFormat("en", { notation: "compact", compactDisplay: "long", maximumFractionDigits: 1 });
      formats.set("won|en", format);
    }
    return `₩${format.format(inBaseUnits(value, unit ?? null))}`;
  }
  const korean = formatAmount(value, unit ?? null, display, display === "won" ? 0 : 1);
  const [word, english] = ENGLISH_UNITS.find(([w]) => korean.endsWith(w)) ?? ["", ""];
  return `${korean.slice(0, korean.length - word.length)}${english}`;
}

/** An amount (exact decimal string in `unit`) in the chosen display; in
 * `currency` when that is not won, as a plain number when nothing states
 * its currency (`currency` is `undefined` for won by default). */
export function amountText(value, unit, display, currency = "KRW", lang = "ko") {
  if (value == null) return "—";
  if (currency === null) return plain(value, unit, lang, true);
  if (currency !== "KRW") return foreign(value, unit, currency, lang, true);
  if (lang === "en") return englishWon(value, unit, display);
  const key = `${value}|${unit}|${display}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = formatAmount(value, unit ?? null, display, display === "korean" ? 0 : display === "won" ? 0 : 1);
    if (cache.size > 50000) cache.clear();
    cache.set(key, text);
  }
  return text;
}

/** The exact amount in won (or in its currency), for hover and focus. */
export function exactText(value, unit, currency = "KRW", lang = "ko") {
  if (value == null) return "";
  if (currency === null) return plain(value, unit, lang, false);
  if (currency !== "KRW") return foreign(value, unit, currency, lang, false);
  const won = exactWon(value, unit ?? null);
  return lang === "en" ? `₩${won.replace(/원$/, "")}` : won;
}

/** A rounded rate from the report, with a percent sign. */
export function rateText(rate) {
  return rate == null ? "—" : `${rate}%`;
}
