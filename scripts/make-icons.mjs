// Generates every app icon from the one drawing in resources/icon.svg: the NxN.png set that
// electron-builder's Linux target reads, icon.png for the Linux window, icon.ico for Windows and
// icon.icns for macOS. The outputs are committed, because packaging reads them as sources.
// Usage: node scripts/make-icons.mjs   (CUTTINGS_CHROMIUM overrides the Chromium binary)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'resources', 'icon.svg');
const OUT_DIR = path.join(ROOT, 'resources', 'icons');

const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
// At these sizes the detailed drawing blurs, so the SVG's pixel-fitted drawing for that size
// (class px16, px24, px32) is shown instead.
const PIXEL_SIZES = new Set([16, 24, 32]);
const WINDOW_ICON_SIZE = 512;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// PNG-payload icns types. ic11-ic14 are the @2x (Retina) slots of the 16, 32, 128 and 256 pt icons.
const ICNS_ENTRIES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync',
  // Pins colour output to sRGB so the committed PNGs do not depend on the machine's display profile.
  '--force-color-profile=srgb',
];

async function rasterise(svg, sizes) {
  const browser = await chromium.launch({
    executablePath: process.env.CUTTINGS_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><style>body { margin: 0 } body > svg { display: block }</style>${svg}`);
    const pngs = new Map();
    for (const size of sizes) {
      await page.evaluate(({ size, variant }) => {
        const el = document.querySelector('svg');
        el.setAttribute('width', String(size));
        el.setAttribute('height', String(size));
        if (variant) el.setAttribute('data-variant', variant);
        else el.removeAttribute('data-variant');
      }, { size, variant: PIXEL_SIZES.has(size) ? `px${size}` : null });
      pngs.set(size, await page.screenshot({ clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

// ICO: a 6-byte directory header, one 16-byte entry per image, then the images. Windows Vista
// and later accept PNG payloads; a width or height byte of 0 stands for 256.
function buildIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

// ICNS: big-endian throughout; 'icns' + total length, then (type, length including this 8-byte
// header, data) for each entry.
function buildIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

function write(name, data, note) {
  const file = path.join(OUT_DIR, name);
  fs.writeFileSync(file, data);
  console.log(`wrote ${path.relative(ROOT, file)}  ${data.length} bytes  ${note}`);
}

const pngs = await rasterise(fs.readFileSync(SOURCE, 'utf8'), PNG_SIZES);
fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of PNG_SIZES) write(`${size}x${size}.png`, pngs.get(size), `${size} px`);
write('icon.png', pngs.get(WINDOW_ICON_SIZE), `${WINDOW_ICON_SIZE} px (Linux window icon)`);
write('icon.ico', buildIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))), `PNG entries ${ICO_SIZES.join(', ')} px`);
write('icon.icns', buildIcns(ICNS_ENTRIES.map(([type, size]) => ({ type, png: pngs.get(size) }))),
  ICNS_ENTRIES.map(([type, size]) => `${type} ${size}`).join(', '));
