/** The officers' guide, relative to the panes' own address (the build writes it beside them: webpack.config.js, guidePlugin). */
export const GUIDE_PAGE = 'huong-dan/index.html';
