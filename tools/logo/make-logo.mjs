#!/usr/bin/env node
// Draws rnnlab's logo — three stacked bars halving in width, the progressive hidden sizes 128 → 64 → 32
// — as the kernel spec's logo-32x32.png and logo-64x64.png and as logo-svg.svg, into kernel/assets/.
//   node tools/logo/make-logo.mjs
// One shape list feeds both the SVG and the rasteriser (4 × 4 supersampling); PNGs are written with
// Node's zlib, so no image library is needed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'kernel', 'assets');
const SIZE = 64; // design units
// [x, y, width, height, corner radius, rgb]
const SHAPES = [
  [0, 0, 64, 64, 12, [0x1e, 0x3a, 0x5f]],
  [10, 12, 44, 10, 3, [0xf5, 0xa6, 0x23]],
  [10, 27, 22, 10, 3, [0xf5, 0xa6, 0x23]],
  [10, 42, 11, 10, 3, [0xf5, 0xa6, 0x23]],
];

const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

function svg() {
  const rects = SHAPES.map(([x, y, w, h, r, rgb]) => `  <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${hex(rgb)}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">\n${rects.join('\n')}\n</svg>\n`;
}

function inside([x, y, w, h, r], px, py) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

/** RGBA pixels of the logo at `pixels` × `pixels`. */
function raster(pixels) {
  const sub = 4;
  const data = Buffer.alloc(pixels * pixels * 4);
  for (let j = 0; j < pixels; j++) {
    for (let i = 0; i < pixels; i++) {
      const sum = [0, 0, 0, 0];
      for (let sj = 0; sj < sub; sj++) {
        for (let si = 0; si < sub; si++) {
          const px = ((i + (si + 0.5) / sub) * SIZE) / pixels;
          const py = ((j + (sj + 0.5) / sub) * SIZE) / pixels;
          const top = SHAPES.findLast((shape) => inside(shape, px, py));
          if (top) {
            top[5].forEach((c, k) => (sum[k] += c));
            sum[3] += 255;
          }
        }
      }
      const covered = sum[3] / 255;
      const at = (j * pixels + i) * 4;
      for (let k = 0; k < 3; k++) data[at + k] = covered ? Math.round(sum[k] / covered) : 0;
      data[at + 3] = Math.round(sum[3] / (sub * sub));
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, body) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([head, typed, crc]);
}
function png(pixels) {
  const rgba = raster(pixels);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.concat(
    Array.from({ length: pixels }, (_, j) => Buffer.concat([Buffer.from([0]), rgba.subarray(j * pixels * 4, (j + 1) * pixels * 4)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'logo-svg.svg'), svg());
for (const pixels of [32, 64]) fs.writeFileSync(path.join(OUT, `logo-${pixels}x${pixels}.png`), png(pixels));
console.log(`wrote logo-svg.svg, logo-32x32.png, logo-64x64.png to ${OUT}`);
