// Draws Keypoint's app icons (the K of app/icon.svg on its blue square) as PNG files in public/icons.
// Run after changing the design: `npx tsx scripts/make-icons.ts`. No image library: a polygon is
// filled with 4×4 samples per pixel and written with node:zlib.
import { writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";

const BLUE = [0x3b, 0x5b, 0xdb];
/** The K of app/icon.svg, on its 32×32 grid. */
const K: [number, number][] = [[9, 8], [13, 8], [13, 15], [19, 8], [24, 8], [17, 16], [24, 24], [19, 24], [13, 17], [13, 24], [9, 24]];

function inside(x: number, y: number, polygon: [number, number][]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Inside a rounded square of side 32 with corner radius r (r = 0: the whole square). */
function inSquare(x: number, y: number, r: number): boolean {
  if (x < 0 || y < 0 || x > 32 || y > 32) return false;
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA pixels of the icon: `radius` rounds the square's corners, `scale` shrinks the K about the centre. */
function draw(size: number, radius: number, scale: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let letter = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 32;
          const y = ((py + (sy + 0.5) / samples) / size) * 32;
          if (!inSquare(x, y, radius)) continue;
          square++;
          if (inside(16 + (x - 16) / scale, 16 + (y - 16) / scale, K)) letter++;
        }
      }
      const total = samples * samples;
      const white = letter / Math.max(square, 1);
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round(BLUE[c] * (1 - white) + 255 * white);
      pixels[at + 3] = Math.round((255 * square) / total);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const ICONS = [
  { file: "icon-192.png", size: 192, radius: 7, scale: 1 },
  { file: "icon-512.png", size: 512, radius: 7, scale: 1 },
  // Maskable: the square runs to the edges and the K stays inside the central safe circle.
  { file: "maskable-512.png", size: 512, radius: 0, scale: 0.8 },
  { file: "apple-touch-icon.png", size: 180, radius: 0, scale: 0.9 },
];

for (const icon of ICONS) {
  writeFileSync(`public/icons/${icon.file}`, png(icon.size, draw(icon.size, icon.radius, icon.scale)));
  console.log(`public/icons/${icon.file}`);
}
