// Merged into @jupyterlab/builder's webpack configuration (package.json "jupyterlab.webpackConfig").
// plotly.js-dist-min is minified already: skipping terser on its chunk saves minutes per build.
const TerserPlugin = require('terser-webpack-plugin');

module.exports = {
  optimization: {
    minimizer: [new TerserPlugin({ exclude: /plotly/ })],
  },
};
