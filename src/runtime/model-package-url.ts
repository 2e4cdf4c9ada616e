/** The folder URL of a task's package, always ending in '/' (no tfjs import: the page uses it too). */
export function packageUrl(modelsBaseUrl: string, task: string): string {
  return new URL(`${task}/`, modelsBaseUrl.endsWith('/') ? modelsBaseUrl : `${modelsBaseUrl}/`).href;
}
