import { useState } from 'react';

/** A JSON answer with a copy button: the seed applications' HTTP APIs, answered on the device. */
export function CopyableJson({ json, testId, label }: { json: string; testId: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(json).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <div className="json-panel">
      <div className="json-head">
        <span>{label}</span>
        <button type="button" onClick={copy}>
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy blocked: select the text' : 'Copy'}
        </button>
      </div>
      <pre data-testid={testId}>{json}</pre>
    </div>
  );
}
