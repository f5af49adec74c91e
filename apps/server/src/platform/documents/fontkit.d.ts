// fontkit 2 ships no types; only what pdf.fontkit.ts calls is declared.
declare module 'fontkit' {
  export type Subset = { encode(): Uint8Array; encodeStream?: () => NodeJS.ReadableStream };
  export type Font = { createSubset(): Subset };
  export function create(buffer: Buffer): Font;
}
