/** The seed's create_model for the search benchmarks: buildRnnProgressive + compileRnn (Adam 0.001). */

// Self-contained (it requires what it uses, and gets everything else as parameters), so that the
// nJobs worker threads can rebuild it from its source. rnnImplementation 'auto': leave the option out.
export const createModel = ({
  cellType = 'LSTM',
  initialUnits = 32,
  numLayers = 2,
  dropoutRate = 0.3,
  timesteps = 50,
  features = 10,
  rnnImplementation = 'auto',
}: {
  cellType?: string;
  initialUnits?: number;
  numLayers?: number;
  dropoutRate?: number;
  timesteps?: number;
  features?: number;
  rnnImplementation?: string;
}) => {
  const r = require('rnnlab');
  const options: Record<string, unknown> = { inputShape: [timesteps, features], cellType, initialUnits, numLayers, dropoutRate };
  if (rnnImplementation !== 'auto') options.rnnImplementation = rnnImplementation;
  return r.compileRnn(r.buildRnnProgressive(options), { learningRate: 0.001 });
};
