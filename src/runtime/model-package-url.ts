/** The folder URL of a task's package, always ending in '/' (no tfjs import: the page uses it too). */
export function packageUrl(modelsBaseUrl: string, task: string): string {
  return new URL(`${task}/`, modelsBaseUrl.endsWith('/') ? modelsBaseUrl : `${modelsBaseUrl}/`).href;
}

/** Every file of a package, meta.json first: what the page keeps for offline use once the package has loaded. */
export function packageFileUrls(modelsBaseUrl: string, task: string, meta: { files: ReadonlyArray<{ name: string }> }): string[] {
  const base = packageUrl(modelsBaseUrl, task);
  return ['meta.json', ...meta.files.map((f) => f.name)].map((name) => base + name);
}
