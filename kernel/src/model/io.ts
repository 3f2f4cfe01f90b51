/**
 * Saving and loading models in the standard tfjs format (model.json + weights.bin) on the local disk,
 * which plain `@tensorflow/tfjs` cannot do in Node without tfjs-node's `file://` handler. The files are
 * what `model.save('file://dir')` of tfjs-node writes, so either side loads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';

function folderOf(location: string): string {
  if (typeof location !== 'string' || location.length === 0) {
    throw new InvalidArgumentError('path', 'must be a folder path such as "models/rain"', location);
  }
  return path.resolve(location.replace(/^file:\/\//, ''));
}

/** Writes `model` to `<folder>/model.json` and `<folder>/weights.bin`. */
export async function saveModel(model: tf.LayersModel, location: string): Promise<tf.io.SaveResult> {
  const folder = folderOf(location);
  return model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      fs.mkdirSync(folder, { recursive: true });
      const weights = artifacts.weightData ? Buffer.from(tf.io.concatenateArrayBuffers(
        Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData],
      )) : Buffer.alloc(0);
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: ['./weights.bin'], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      fs.writeFileSync(path.join(folder, 'weights.bin'), weights);
      fs.writeFileSync(path.join(folder, 'model.json'), JSON.stringify(modelJson));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          modelTopologyBytes: JSON.stringify(artifacts.modelTopology).length,
          weightDataBytes: weights.byteLength,
        },
      };
    }),
  );
}

/** Loads a model saved by {@link saveModel} (or by tfjs-node's `file://` handler). */
export async function loadModel(location: string): Promise<tf.LayersModel> {
  const folder = folderOf(location);
  const jsonPath = path.join(folder, 'model.json');
  if (!fs.existsSync(jsonPath)) {
    throw new InvalidArgumentError('path', 'must be a folder holding model.json', location);
  }
  const modelJson = JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
    format?: string;
    generatedBy?: string;
    convertedBy?: string | null;
    trainingConfig?: tf.io.TrainingConfig;
  };
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const buffers = modelJson.weightsManifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(folder, p))));
  const data = Buffer.concat(buffers);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs,
      weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      format: modelJson.format,
      generatedBy: modelJson.generatedBy,
      convertedBy: modelJson.convertedBy,
      trainingConfig: modelJson.trainingConfig,
    }),
  );
}
