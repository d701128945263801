/**
 * A hand-written SVG line chart of the scale goal runs: wall time per N, ours against the latency ideal, one pair of
 * lines per parallelism. No dependency; the file is written next to the results and linked from the README.
 */
import { createFloor } from "./floors";
import type { ScaleRun } from "./scale";

const WIDTH = 720;
const HEIGHT = 400;
const MARGIN = { left: 64, right: 210, top: 48, bottom: 48 };
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A "nice" upper bound for an axis (a round multiple of a power of ten). */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** The SVG text of the chart; `subtitle` names the runtime and the machine's load. */
export function scaleChartSvg(runs: readonly ScaleRun[], subtitle: string): string {
  const sizes = [...new Set(runs.map((r) => r.n))].sort((a, b) => a - b);
  const maxN = Math.max(...sizes);
  const maxMs = niceMax(Math.max(...runs.flatMap((r) => [r.wallMs, r.floorMs])) * 1.05);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (n: number) => Math.round((MARGIN.left + (n / maxN) * plotW) * 10) / 10;
  const y = (ms: number) => Math.round((MARGIN.top + plotH - (ms / maxMs) * plotH) * 10) / 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="18" font-size="14" font-weight="bold">Scale: wall time for N creates, ours vs the latency ideal</text>`,
    `<text x="${MARGIN.left}" y="33" font-size="11" fill="#555">${esc(subtitle)}</text>`,
  ];
  for (let i = 0; i <= 5; i++) {
    const ms = (maxMs / 5) * i;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(ms)}" y2="${y(ms)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${y(ms) + 4}" text-anchor="end">${(ms / 1000).toFixed(maxMs % 5000 === 0 ? 0 : 1)}</text>`,
    );
  }
  for (const n of sizes) {
    parts.push(`<text x="${x(n)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${n}</text>`);
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">N (auth strategies created)</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">wall time (s)</text>`,
  );
  const series = [...new Set(runs.map((r) => r.concurrency))].sort((a, b) => a - b);
  series.forEach((concurrency, index) => {
    const color = COLORS[index % COLORS.length]!;
    const points = runs.filter((r) => r.concurrency === concurrency).sort((a, b) => a.n - b.n);
    const line = (value: (r: ScaleRun) => number) => points.map((r) => `${x(r.n)},${y(value(r))}`).join(" ");
    const latency = points[0]?.latencyMs ?? 0;
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${line((r) => r.wallMs)}"/>`,
      `<polyline fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="5 4" points="${line((r) => r.floorMs)}"/>`,
      ...points.map(
        (r) =>
          `<circle cx="${x(r.n)}" cy="${y(r.wallMs)}" r="3" fill="${color}"><title>N=${r.n}, parallelism ${concurrency}: ${r.wallMs} ms (ideal ${r.floorMs} ms, ${r.ratio}x)</title></circle>`,
      ),
    );
    const ly = MARGIN.top + 10 + index * 40;
    const lx = MARGIN.left + plotW + 14;
    parts.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"/>`,
      `<text x="${lx + 30}" y="${ly + 4}">ours, parallelism ${concurrency}</text>`,
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly + 16}" y2="${ly + 16}" stroke="${color}" stroke-width="1.5" stroke-dasharray="5 4"/>`,
      `<text x="${lx + 30}" y="${ly + 20}">ideal: ${latency} ms × ${createFloor(1)} × ⌈N/${concurrency}⌉</text>`,
    );
  });
  parts.push("</svg>", "");
  return parts.join("\n");
}
