/** The images package's meta.json: the common model meta plus the preprocessing the model expects. */
import type { ModelMeta } from '../../runtime/model-meta';
import type { ImagePreprocessing } from './model';

export type ImagesMeta = ModelMeta & { preprocessing: ImagePreprocessing };
