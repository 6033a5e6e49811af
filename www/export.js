// Taking results away: the table as CSV (safe to open in a spreadsheet),
// the report as JSON, each chart as SVG or PNG. Everything is made in the
// browser and handed over as a download; nothing is sent anywhere.

import { isolate } from "./bidi.js";

/** Cells starting with = + - @ (or a tab or CR) are formulas to a
 * spreadsheet; plain numbers such as -87035 are left alone. */
export function neutralise(text) {
  const value = String(text ?? "");
  if (/^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value)) return `'${value}`;
  return value;
}

export function csvLine(cells) {
  return cells
    .map((cell) => {
      const value = neutralise(cell);
      return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(",");
}

export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Every node of the report as a CSV row: its path, amounts and rates. */
export function reportCsv(report, measure, headers) {
  const amounts = report.columns.filter((c) => c.kind === "amount").map((c) => c.name);
  const depth = report.hierarchy.length;
  const growth = report.growth != null;
  const execution = report.execution != null;
  const lines = [
    csvLine([
      headers.level,
      headers.leaf,
      ...report.hierarchy,
      ...amounts,
      `${headers.share} (${measure})`,
      ...(growth ? [headers.difference, headers.growthRate] : []),
      ...(execution ? [headers.executionRate, headers.unspent] : []),
    ]),
  ];
  const walk = (node) => {
    const path = [...node.path.map(isolate), ...Array(Math.max(0, depth - node.path.length)).fill("")];
    lines.push(
      csvLine([
        node.path.length,
        node.children.length === 0 ? 1 : 0,
        ...path,
        ...amounts.map((name) => node.amounts[name] ?? ""),
        node.shareOfParent[measure] ?? "",
        ...(growth ? [node.growth?.difference ?? "", node.growth?.rate ?? node.growth?.status ?? ""] : []),
        ...(execution ? [node.execution?.rate ?? "", node.execution?.unspent ?? ""] : []),
      ]),
    );
    node.children.forEach(walk);
  };
  walk(report.tree);
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/**
 * A chart as it leaves the page: its title, what it shows and where the
 * figures come from written under it (the SVG and the PNG alike), so that
 * a copy is never a picture without a source.
 */
export function withCaption(svg, lines, legend = []) {
  const copy = svg.cloneNode(true);
  const [x, y, w, h] = copy.getAttribute("viewBox").split(" ").map(Number);
  const extra = 8 + (lines.length + (legend.length ? 1 : 0)) * 18;
  copy.setAttribute("viewBox", `${x} ${y} ${w} ${h + extra}`);
  copy.setAttribute("height", String(h + extra));
  const ns = "http://www.w3.org/2000/svg";
  const title = document.createElementNS(ns, "title");
  title.textContent = lines[0] ?? "";
  copy.prepend(title);
  lines.forEach((line, i) => {
    const text = document.createElementNS(ns, "text");
    text.setAttribute("x", "4");
    text.setAttribute("y", String(h + 18 + i * 18));
    text.setAttribute("font-size", i === 0 ? "13" : "11");
    text.setAttribute("font-weight", i === 0 ? "bold" : "normal");
    text.setAttribute("fill", "#1f2937");
    text.textContent = line;
    copy.append(text);
  });
  // The colours' legend, as the page shows it: a box and its words each.
  let at = 4;
  const top = h + 18 + lines.length * 18;
  for (const { color, text: words } of legend) {
    if (color) {
      const box = document.createElementNS(ns, "rect");
      for (const [name, value] of [["x", at], ["y", top - 10], ["width", 12], ["height", 12], ["fill", color]]) box.setAttribute(name, String(value));
      copy.append(box);
      at += 16;
    }
    const text = document.createElementNS(ns, "text");
    for (const [name, value] of [["x", at], ["y", top], ["font-size", 11], ["fill", "#1f2937"]]) text.setAttribute(name, String(value));
    text.textContent = words;
    copy.append(text);
    at += 10 + words.length * 7;
  }
  return copy;
}

export function svgBlob(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.removeAttribute("tabindex");
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  return new Blob([text], { type: "image/svg+xml" });
}

function translation(element, stop) {
  let x = 0;
  let y = 0;
  for (let at = element; at && at !== stop; at = at.parentNode) {
    const match = /translate\(\s*([-\d.]+)[ ,]+([-\d.]+)\s*\)/.exec(at.getAttribute?.("transform") ?? "");
    if (match) {
      x += Number(match[1]);
      y += Number(match[2]);
    }
  }
  return [x, y];
}

/** Paints one of our charts (rects, lines and texts) onto a canvas: a PNG
 * without loading the SVG as an image, which the page's CSP forbids. */
export function pngBlob(svg) {
  const [, , w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = w * scale;
  canvas.height = h * scale;
  const ctx = canvas.getContext("2d");
  ctx.scale(scale, scale);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, w, h);
  const font = svg.getAttribute("font-family");
  for (const element of svg.querySelectorAll("rect, line, text")) {
    const [dx, dy] = translation(element.parentNode, svg);
    const n = (name) => Number(element.getAttribute(name) ?? 0);
    if (element.tagName === "rect") {
      ctx.fillStyle = element.getAttribute("fill") ?? "#000";
      ctx.fillRect(dx + n("x"), dy + n("y"), n("width"), n("height"));
    } else if (element.tagName === "line") {
      ctx.strokeStyle = element.getAttribute("stroke") ?? "#000";
      ctx.beginPath();
      ctx.moveTo(dx + n("x1"), dy + n("y1"));
      ctx.lineTo(dx + n("x2"), dy + n("y2"));
      ctx.stroke();
    } else if (element.textContent) {
      const weight = element.getAttribute("font-weight") === "bold" ? "bold " : "";
      ctx.font = `${weight}${n("font-size") || 12}px ${font}`;
      ctx.fillStyle = element.getAttribute("fill") ?? "#000";
      const anchor = element.getAttribute("text-anchor");
      ctx.textAlign = anchor === "end" ? "right" : anchor === "middle" ? "center" : "left";
      ctx.fillText(element.textContent, dx + n("x"), dy + n("y"));
    }
  }
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}
