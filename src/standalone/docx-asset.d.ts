/** webpack.config.js hands a .docx import over as its parts (scripts/docx-parts-loader.js). */
declare module '*.docx' {
  const parts: readonly ({ name: string; stored: boolean } & ({ text: string; base64?: undefined } | { base64: string; text?: undefined }))[];
  export default parts;
}
