/**
 * What kind of raster image a file is and how big it is, read from its first bytes. The story
 * check is synchronous and runs on every save, so it reads headers instead of decoding: a text
 * file named .jpg, an SVG or a PDF is refused at once, with the image's line in the story. The
 * build then decodes every image (sharp), which catches a file cut short.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';
export interface Probed {
  format: ImageFormat;
  /** As the image is shown: a JPEG's EXIF orientation (a phone held upright) is applied. */
  width: number;
  height: number;
}

export const NOT_AN_IMAGE = 'this file is not an image the kit can use: save it as JPEG, PNG, WebP, AVIF or GIF';

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** The width and height in the file's header, or why there are none. */
export function probeImage(bytes: Uint8Array): Probed | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = (format: ImageFormat, width: number, height: number): Probed | string =>
    width > 0 && height > 0 ? { format, width, height } : `${NOT_AN_IMAGE} (its header gives no size)`;
  try {
    if (ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89 && ascii(bytes, 12, 4) === 'IHDR')
      return size('png', view.getUint32(16), view.getUint32(20));
    if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return size('gif', view.getUint16(6, true), view.getUint16(8, true));
    if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webp(bytes, view, size);
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(view, size);
    if (ascii(bytes, 4, 4) === 'ftyp' && /avi[fs]/.test(ascii(bytes, 8, view.getUint32(0) - 8)))
      return avif(bytes, view, size);
  } catch (error) {
    // A header that ends too soon reads past the end of the bytes: a file cut short.
    if (error instanceof RangeError) return `${NOT_AN_IMAGE} (the file ends too soon)`;
    throw error;
  }
  return NOT_AN_IMAGE;
}

type Size = (format: ImageFormat, width: number, height: number) => Probed | string;

function webp(bytes: Uint8Array, view: DataView, size: Size) {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') return size('webp', view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return size('webp', (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    const u24 = (at: number) => view.getUint16(at, true) + ((bytes[at + 2] ?? 0) << 16);
    return size('webp', u24(24) + 1, u24(27) + 1);
  }
  return NOT_AN_IMAGE;
}

/** Start-of-frame markers: C0–CF but DHT (C4), JPG (C8) and DAC (CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(view: DataView, size: Size) {
  let at = 2;
  let turned = false;
  for (;;) {
    if (view.getUint8(at) !== 0xff) return `${NOT_AN_IMAGE} (its JPEG header is damaged)`;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker === 0xe1) turned ||= exifTurned(view, at + 4, length - 2);
    if (SOF.has(marker)) {
      const [height, width] = [view.getUint16(at + 5), view.getUint16(at + 7)];
      return turned ? size('jpeg', height, width) : size('jpeg', width, height);
    }
    if (marker === 0xda || marker === 0xd9) return `${NOT_AN_IMAGE} (its JPEG header gives no size)`;
    at += 2 + length;
  }
}

/** Whether EXIF says the picture is shown a quarter turn round (orientations 5–8): width and height swap. */
function exifTurned(view: DataView, start: number, length: number): boolean {
  if (length < 14 || view.getUint32(start) !== 0x45786966) return false; // "Exif"
  const tiff = start + 6;
  const little = view.getUint16(tiff) === 0x4949; // "II"
  const ifd = tiff + view.getUint32(tiff + 4, little);
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little) >= 5;
  }
  return false;
}

/** AVIF (HEIF): the largest `ispe` (image spatial extent) property is the primary image's. */
function avif(bytes: Uint8Array, view: DataView, size: Size) {
  let best: [number, number] = [0, 0];
  const end = Math.min(bytes.length - 16, 64 * 1024);
  for (let at = 4; at < end; at++) {
    if (bytes[at] !== 0x69 || ascii(bytes, at, 4) !== 'ispe') continue;
    const [width, height] = [view.getUint32(at + 8), view.getUint32(at + 12)];
    if (width * height > best[0] * best[1]) best = [width, height];
  }
  return size('avif', ...best);
}
