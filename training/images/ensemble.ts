/**
 * Several separately trained cat-or-coffee networks joined into one averaging model
 * (createImageEnsemble): networks trained with different recipes make different mistakes, and the
 * average of their probabilities makes fewer. The members keep their trained weights exactly.
 */
import * as tf from '@tensorflow/tfjs';
import { createImageEnsemble, memberPrefix } from '../../src/models/images/model.ts';

/** The filters of each VGG block of a trained network (two convolutions per block). */
export function blockFiltersOf(model: tf.LayersModel): number[] {
  const convolutions = model.layers.filter((layer) => layer.getClassName() === 'Conv2D');
  return convolutions.filter((_, i) => i % 2 === 0).map((layer) => (layer.getConfig() as { filters: number }).filters);
}

/** One model averaging `members`' probabilities, holding copies of their weights. */
export function ensembleOf(members: readonly tf.LayersModel[]): tf.LayersModel {
  const filters = members.map(blockFiltersOf);
  filters.forEach((f, m) => {
    if (f.length === 0) throw new Error(`member ${m + 1} is not a VGG-style network: it has no convolutions`);
  });
  const ensemble = createImageEnsemble(filters);
  members.forEach((member, m) => {
    // Within one member the layers are a chain, so their order in either model is the chain's.
    const target = ensemble.layers.filter((layer) => layer.name.startsWith(memberPrefix(m)) && layer.weights.length > 0);
    const source = member.layers.filter((layer) => layer.weights.length > 0);
    if (target.length !== source.length)
      throw new Error(`member ${m + 1} has ${source.length} layers with weights; the ensemble expects ${target.length}`);
    target.forEach((layer, i) => layer.setWeights(source[i].getWeights())); // setWeights checks the shapes
  });
  return ensemble;
}

/** Each member of an ensemble as a model of its own (sharing the ensemble's layers); none for a single network. */
export function membersOf(ensemble: tf.LayersModel): tf.LayersModel[] {
  const members: tf.LayersModel[] = [];
  for (let m = 0; ; m++) {
    const outputs = ensemble.layers.filter((layer) => layer.name.startsWith(memberPrefix(m)) && layer.getClassName() === 'Dense');
    if (outputs.length === 0) return members;
    members.push(tf.model({ inputs: ensemble.inputs, outputs: outputs[outputs.length - 1].output as tf.SymbolicTensor }));
  }
}
