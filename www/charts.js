// Charts drawn with d3 (d3-hierarchy's squarified treemap, d3-scale,
// d3-selection). Amounts arrive as exact decimal strings and become numbers
// only here, for geometry. Every text from the data is set with .text().
import { isolate } from "./bidi.js";
import * as d3 from "./vendor/d3.js";

export const LOW_EXECUTION = 50;
const NEW_COLOR = "#1d4e89";
const NONE_COLOR = "#d9d9d9";
const PLAIN_COLOR = "#3f6e9e";
const FONT = "NanumGothic, 'Noto Sans CJK KR', sans-serif";

/** A number for geometry only; never for money. */
function geometry(value) {
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
}

export function executionColor(rate, domain = [0, 100]) {
  if (rate == null) return NONE_COLOR;
  return d3.scaleSequential(d3.interpolateCividis).domain(domain).clamp(true)(geometry(rate));
}

/** The range of execution rates the colours spread over: the items' own
 * (rounded out to tens, at least ten points wide), so that rates of 0–18 %
 * are told apart as well as rates of 0–100 %. */
export function executionDomain(rates) {
  const values = rates.filter((r) => r != null).map(geometry);
  if (values.length === 0) return [0, 100];
  let low = Math.floor(Math.min(...values) / 10) * 10;
  let high = Math.ceil(Math.max(...values) / 10) * 10;
  if (high - low < 10) high = low + 10;
  return [Math.max(0, low), Math.max(10, high)];
}

export function growthColor(growth) {
  if (!growth || growth.status === "not_given") return NONE_COLOR;
  if (growth.status === "new") return NEW_COLOR;
  if (growth.status === "discontinued") return "#7f7f7f";
  return d3.scaleDiverging(d3.interpolatePuOr).domain([-50, 0, 50]).clamp(true)(geometry(growth.rate));
}

function inkOn(color) {
  return d3.lab(color).l < 55 ? "#ffffff" : "#111111";
}

function width(container) {
  return Math.max(300, Math.min(1100, container.clientWidth || 800));
}

function newSvg(container, id, w, h, label, role = "img") {
  d3.select(container).selectAll("*").remove();
  return d3
    .select(container)
    .append("svg")
    .attr("id", id)
    .attr("xmlns", "http://www.w3.org/2000/svg")
    .attr("viewBox", `0 0 ${w} ${h}`)
    .attr("width", w)
    .attr("height", h)
    .attr("font-family", FONT)
    .attr("role", role)
    .attr("aria-label", label);
}

/** Cuts a label to what fits in `pixels` at about `size` px per character. */
/** About how wide a text is at `size` px: Hangul and other wide letters
 * a full size, digits and Latin letters about six tenths of it. */
function textWidth(text, size = 12) {
  let width = 0;
  for (const c of text) width += c.charCodeAt(0) > 0x2e7f ? size : size * 0.62;
  return width;
}

/** The text cut to `pixels` (as [`textWidth`] measures), with an ellipsis. */
function fitWidth(text, pixels, size = 12) {
  if (textWidth(text, size) <= pixels) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, size) > pixels) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function fit(text, pixels, size = 12) {
  const max = Math.floor(pixels / size);
  if (max < 2) return "";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The treemap of `node`'s children: area is the amount of `measure`, colour
 * the execution or growth rate. Cells with children zoom in on click, Enter
 * or Space; Escape or Backspace goes back up.
 */
export function treemap(container, { node, measure, colorMode, label, describe, height, onZoom, onUp }) {
  const w = width(container);
  // A height asked for (an explorer's `height`), else one that suits the width.
  const h = height ?? (w < 500 ? 340 : Math.round(w * 0.42));
  const children = node.children.filter((child) => geometry(child.amounts[measure]) > 0);
  // A group, not an image: its cells are buttons.
  const svg = newSvg(container, "treemap-svg", w, h, label, "group");
  svg.on("keydown", (event) => {
    if (event.key === "Escape" || event.key === "Backspace") {
      event.preventDefault();
      onUp();
    }
  });
  const root = d3
    .hierarchy({ children }, (d) => d.children)
    .sum((d) => (d.amounts ? geometry(d.amounts[measure]) : 0))
    .sort((a, b) => b.value - a.value);
  // Only one level is drawn: the children of the node in focus.
  root.children?.forEach((c) => delete c.children);
  d3.treemap().tile(d3.treemapSquarify).size([w, h]).paddingInner(2).round(true)(root);
  const domain = executionDomain(children.map((c) => c.execution?.rate));
  const color = (d) =>
    colorMode === "growth"
      ? growthColor(d.growth)
      : colorMode === "execution"
        ? executionColor(d.execution?.rate, domain)
        : PLAIN_COLOR;
  const cells = svg
    .selectAll("g")
    .data(root.leaves().filter((leaf) => leaf.data.amounts))
    .join("g")
    .attr("class", "cell")
    .attr("transform", (d) => `translate(${d.x0},${d.y0})`)
    // One Tab stop for the whole map (roving tabindex): the arrow keys move
    // between its boxes, largest first; Home and End go to the ends.
    .attr("tabindex", (d, i) => (i === 0 ? 0 : -1))
    .attr("role", "button")
    .attr("aria-label", (d) => describe(d.data))
    .attr("data-name", (d) => d.data.name)
    .on("click", (event, d) => onZoom(d.data))
    .on("keydown", (event, d) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onZoom(d.data);
        return;
      }
      const list = cells.nodes();
      const at = list.indexOf(event.currentTarget);
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      const next = step ? at + step : event.key === "Home" ? 0 : event.key === "End" ? list.length - 1 : null;
      if (next == null || next < 0 || next >= list.length) return;
      event.preventDefault();
      list[at].setAttribute("tabindex", "-1");
      list[next].setAttribute("tabindex", "0");
      list[next].focus();
    });
  cells.append("title").text((d) => isolate(describe(d.data)));
  cells
    .append("rect")
    .attr("width", (d) => Math.max(0, d.x1 - d.x0))
    .attr("height", (d) => Math.max(0, d.y1 - d.y0))
    .attr("fill", (d) => color(d.data))
    .attr("stroke", "#ffffff");
  cells
    .append("text")
    .attr("x", 6)
    .attr("y", 18)
    .attr("font-size", 13)
    .attr("font-weight", "bold")
    .attr("fill", (d) => inkOn(color(d.data)))
    .text((d) => (d.y1 - d.y0 > 24 ? isolate(fit(d.data.name || "—", d.x1 - d.x0 - 10, 13)) : ""));
  cells
    .append("text")
    .attr("x", 6)
    .attr("y", 36)
    .attr("font-size", 12)
    .attr("fill", (d) => inkOn(color(d.data)))
    .text((d) => (d.y1 - d.y0 > 44 ? fit(d.data.caption ?? "", d.x1 - d.x0 - 10, 8) : ""));
  return svg.node();
}

/**
 * Horizontal bars: `rows` of { label, value (number for length), text,
 * color, tag }. With `diverging`, bars grow left and right of a centre line.
 */
export function bars(container, { id, rows, diverging = false, max, label, unitLabel = "" }) {
  const w = width(container);
  const rowHeight = 28;
  const top = 8;
  const h = Math.max(60, top * 2 + rows.length * rowHeight);
  const svg = newSvg(container, id, w, h, label);
  const nameWidth = Math.min(220, Math.round(w * 0.38));
  // The figures stand in a column of their own at the right, wide enough
  // for the widest: never past the edge, never over the names.
  const valueText = (d) => (d.tag ? `${d.text} ${d.tag}` : `${d.text}${unitLabel}`);
  const widest = Math.max(40, ...rows.map((d) => textWidth(valueText(d))));
  const textRoom = Math.min(Math.round(w * 0.42), Math.ceil(widest) + 10);
  const x0 = nameWidth + 8;
  const span = Math.max(20, w - x0 - textRoom);
  const limit = max ?? Math.max(1e-9, ...rows.map((r) => Math.abs(r.value)));
  const scale = diverging
    ? d3.scaleLinear().domain([-limit, limit]).range([x0, x0 + span]).clamp(true)
    : d3.scaleLinear().domain([0, limit]).range([x0, x0 + span]).clamp(true);
  if (diverging) {
    svg.append("line").attr("x1", scale(0)).attr("x2", scale(0)).attr("y1", 0).attr("y2", h).attr("stroke", "#767676");
  }
  const row = svg
    .selectAll("g")
    .data(rows)
    .join("g")
    .attr("transform", (d, i) => `translate(0,${top + i * rowHeight})`);
  row.append("title").text((d) => `${isolate(d.label)}: ${d.text}${d.tag ? ` (${d.tag})` : ""}`);
  row
    .append("text")
    .attr("x", nameWidth)
    .attr("y", 18)
    .attr("text-anchor", "end")
    .attr("font-size", 12)
    .attr("fill", "#1b1f24")
    .text((d) => isolate(fit(d.label || "—", nameWidth, 12)));
  row
    .append("rect")
    .attr("x", (d) => (diverging ? Math.min(scale(0), scale(d.value)) : x0))
    .attr("y", 5)
    .attr("height", rowHeight - 10)
    .attr("width", (d) => Math.max(d.value === 0 ? 0 : 1, Math.abs(scale(d.value) - (diverging ? scale(0) : x0))))
    .attr("fill", (d) => d.color);
  row
    .append("text")
    .attr("x", w - 4)
    .attr("y", 18)
    .attr("text-anchor", "end")
    .attr("font-size", 12)
    .attr("font-weight", (d) => (d.tag ? "bold" : "normal"))
    .attr("fill", "#1b1f24")
    .text((d) => fitWidth(valueText(d), textRoom - 6));
  return svg.node();
}
