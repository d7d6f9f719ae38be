#!/usr/bin/env node
// Draws the add-in icons (a sheet with a check mark, comune blue #0F4C81) as PNGs at the sizes the
// manifest needs. Pure Node (zlib + a small PNG encoder), so no image tool is required.
// Usage: node scripts/make-icons.js [outDir]   (default: assets/)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const BLUE = [0x0f, 0x4c, 0x81];
const LINE = [0x9d, 0xb7, 0xd5];
const WHITE = [0xff, 0xff, 0xff];
const SIZES = [16, 32, 64, 80];
const SAMPLES = 4; // supersampling per axis, for anti-aliased edges

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function polyline(points, halfWidth) {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1];
      const [bx, by] = points[i];
      if (segmentDistance(x, y, ax, ay, bx, by) <= halfWidth) return true;
    }
    return false;
  };
}

/** Layers painted in order; coordinates are fractions of the icon side. */
function layers(size) {
  const px = 1 / size;
  const stroke = Math.max(px, 0.05);
  const sheet = [0.14, 0.05, 0.76, 0.88];
  const lineH = Math.max(px, 0.045);
  const rows = size >= 32 ? [0.24, 0.38, 0.52] : [0.28, 0.48];
  const out = [
    { color: BLUE, inside: roundedRect(...sheet, 0.06) },
    {
      color: WHITE,
      inside: roundedRect(sheet[0] + stroke, sheet[1] + stroke, sheet[2] - stroke, sheet[3] - stroke, 0.04),
    },
  ];
  for (const y of rows) {
    out.push({ color: LINE, inside: roundedRect(0.26, y, 0.64, y + lineH, 0) });
  }
  // Badge with the check mark, bottom right, ringed in white so it stands out from the sheet.
  out.push({ color: WHITE, inside: circle(0.7, 0.7, 0.3) });
  out.push({ color: BLUE, inside: circle(0.7, 0.7, 0.26) });
  out.push({
    color: WHITE,
    inside: polyline(
      [
        [0.575, 0.7],
        [0.665, 0.79],
        [0.83, 0.61],
      ],
      Math.max(px * 0.75, 0.042),
    ),
  });
  return out;
}

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const paint = layers(size);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (pxi + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let color = null;
          for (const layer of paint) if (layer.inside(x, y)) color = layer.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + pxi) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`scritto ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, render, encodePng };
