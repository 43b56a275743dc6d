/** webpack.config.js inlines .docx imports as data: URLs (asset/inline). */
declare module '*.docx' {
  const dataUrl: string;
  export default dataUrl;
}
