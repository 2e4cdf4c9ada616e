/** The Text page's "random" starts: held-out abstracts from DATA_DIR, when DATA_DIR has them. */
export const TEXT_SAMPLE = 'text/abstracts.json';

export function writeTextSamples(_dataDir: string, _samplesDir: string): string | null {
  return null; // written with the Text page
}
