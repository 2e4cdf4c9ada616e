/**
 * Class names for a bring-your-own model, from a labels file: a JSON array of strings (or an object
 * {"0": "cat", …} as some exporters write), or plain text with one label per line.
 */
/** '[]' or '{}' would otherwise pass as a labels file that names nothing. */
function someLabels(labels: string[]): string[] {
  if (labels.length === 0)
    throw new Error('The labels file lists no labels. Give one label per line, or a JSON array like ["cat", "coffee"].');
  return labels;
}

export function parseLabels(text: string): string[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new Error('The labels file is empty. Give one label per line, or a JSON array like ["cat", "coffee"].');
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new Error(
        'The labels file starts like JSON but is not valid JSON. Give a JSON array like ["cat", "coffee"], or one label per line.',
      );
    }
    if (Array.isArray(parsed) && parsed.every((l) => typeof l === 'string' || typeof l === 'number')) return someLabels(parsed.map(String));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const entries = Object.entries(parsed as Record<string, unknown>);
      if (entries.every(([k, v]) => /^\d+$/.test(k) && typeof v === 'string')) {
        const labels: string[] = [];
        for (const [k, v] of entries) labels[Number(k)] = v as string;
        // Keys 0…n-1 each once: '01' beside '1', or a key too big for an index, would leave a hole.
        const complete = labels.length === entries.length && [...labels].every((l) => typeof l === 'string');
        if (complete) return someLabels(labels);
      }
    }
    throw new Error('The labels JSON must be an array of strings, like ["cat", "coffee"].');
  }
  return trimmed
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Labels for every output class: the given ones, or "class N" where none was given. */
export function labelsFor(classes: number, given: readonly string[] | undefined): string[] {
  return Array.from({ length: classes }, (_, i) => given?.[i] ?? `class ${i}`);
}
