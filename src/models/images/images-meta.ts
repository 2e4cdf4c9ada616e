/** The images package's meta.json: the common model meta plus the preprocessing the model expects. */
import type { ModelMeta } from '../../runtime/model-meta.ts';
import type { ImagePreprocessing } from './model.ts';

export type ImagesMeta = ModelMeta & { preprocessing: ImagePreprocessing };
