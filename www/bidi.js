// A label from the data never reorders the text around it: one holding a
// right-to-left character or a bidirectional control (U+202E turns what
// follows backwards) is isolated between U+2068 and U+2069 where it goes
// into text that is not HTML (SVG labels, titles, exported files). In the
// page, CSS isolates every element that shows data (style.css).

const BIDI = /[\u0590-\u08FF\u200E\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function isolate(text) {
  const value = String(text ?? "");
  return BIDI.test(value) ? `\u2068${value}\u2069` : value;
}
