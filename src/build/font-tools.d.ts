/** subset-font ships no types: the one call the build makes (subset-fonts.ts). */
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' },
  ): Promise<Buffer>;
}

/** fontverter ships no types: the conversion build.test.ts makes to read a font's characters. */
declare module 'fontverter' {
  export function convert(font: Buffer, to: 'woff2' | 'woff' | 'truetype' | 'sfnt'): Promise<Buffer>;
}
