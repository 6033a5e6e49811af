// Amounts for people, in any currency and in Korean or English: the core
// writes won exactly (formatAmount, exactWon); other currencies are written
// by Intl.NumberFormat from the exact decimal string inBaseUnits gives
// (Intl formats a decimal string without rounding it through a float).
// Used by the page (www/format.js) as by any user of the package.
import { exactWon, formatAmount, inBaseUnits } from "./api.js";

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

/** `₩` before the figure, after its sign: `-₩109.6 million`, as Intl writes currencies. */
function wonSign(figure) {
  return figure.startsWith("-") ? `-₩${figure.slice(1)}` : `₩${figure}`;
}

function englishWon(value, unit, display) {
  if (display === "korean") {
    let format = formats.get("won|en");
    if (!format) {
      format = new Intl.NumberFormat("en", { notation: "compact", compactDisplay: "long", maximumFractionDigits: 1 });
      formats.set("won|en", format);
    }
    return wonSign(format.format(inBaseUnits(value, unit ?? null)));
  }
  const korean = formatAmount(value, unit ?? null, display, display === "won" ? 0 : 1);
  const [word, english] = ENGLISH_UNITS.find(([w]) => korean.endsWith(w)) ?? ["", ""];
  return `${korean.slice(0, korean.length - word.length)}${english}`;
}

/**
 * An amount (an exact decimal string in `unit`) written for people, short:
 * won in 조·억·만 (`225조 9,413억원`) or a display unit (`41,018백만원`), and
 * in English words (`₩41 billion`); another currency the way
 * `Intl.NumberFormat` writes it in the language (`$27.2M`, `US$2715.9만`),
 * from the exact decimal, never through a float; a number whose currency
 * nothing states (`currency` null) without one.
 */
export function formatMoney(value, unit, display = "korean", currency = "KRW", lang = "ko") {
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

/** The exact amount in won (`41,018,000,000원`, `₩41,018,000,000`) or in
 * its currency (`$27,158,570.00`). */
export function exactMoney(value, unit, currency = "KRW", lang = "ko") {
  if (value == null) return "";
  if (currency === null) return plain(value, unit, lang, false);
  if (currency !== "KRW") return foreign(value, unit, currency, lang, false);
  const won = exactWon(value, unit ?? null);
  return lang === "en" ? wonSign(won.replace(/원$/, "")) : won;
}
