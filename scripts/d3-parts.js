// The parts of d3 the explorer draws with, bundled by `make build` into
// www/vendor/d3.js (an ES module, so that the explorer imports it from
// beside itself and needs no global script).
export { hierarchy, treemap, treemapSquarify } from "d3-hierarchy";
export { scaleDiverging, scaleLinear, scaleSequential } from "d3-scale";
export { interpolateCividis, interpolatePuOr } from "d3-scale-chromatic";
export { lab } from "d3-color";
export { select } from "d3-selection";
