/**
 * Reads a model's weight shards one at a time (a 500 MB VGG16 is read shard by shard, not as one
 * copy), reporting bytes as it goes, and hashes each with sha256 when asked or when a saved checksum
 * must be matched. Files stay on disk as Blobs until here; nothing is joined.
 */
import { sha256Hex } from '../../runtime/integrity.ts';

export interface ShardSource {
  name: string;
  data: ArrayBuffer | Blob;
}

export interface ReadProgress {
  phase: 'reading' | 'checking';
  bytes: number;
  total: number;
}

export const sourceSize = (s: ShardSource) => (s.data instanceof ArrayBuffer ? s.data.byteLength : s.data.size);

export class ChecksumError extends Error {}

export async function readShards(
  shards: readonly ShardSource[],
  options: { hash?: boolean; expected?: readonly string[]; onProgress?: (p: ReadProgress) => void } = {},
): Promise<{ buffers: ArrayBuffer[]; sha256: string[] }> {
  const total = shards.reduce((n, s) => n + sourceSize(s), 0);
  const phase = options.expected ? 'checking' : 'reading';
  const buffers: ArrayBuffer[] = [];
  const sha256: string[] = [];
  let bytes = 0;
  options.onProgress?.({ phase, bytes, total });
  for (const [i, shard] of shards.entries()) {
    let data: ArrayBuffer;
    try {
      data = shard.data instanceof ArrayBuffer ? shard.data : await shard.data.arrayBuffer();
    } catch {
      throw new Error(
        `The file ${shard.name.slice(0, 60)} could not be read: it was ` +
          `moved, changed or deleted after it was picked. Pick the files again.`,
      );
    }
    if (options.hash || options.expected) {
      const digest = await sha256Hex(data);
      if (options.expected && options.expected[i] !== digest) {
        throw new ChecksumError(
          `The weight file ${shard.name.slice(0, 60)} of this remembered model no longer matches its ` +
            `checksum: the stored copy is damaged. Delete it and load the model from its files again.`,
        );
      }
      sha256.push(digest);
    }
    buffers.push(data);
    bytes += data.byteLength;
    options.onProgress?.({ phase, bytes, total });
  }
  return { buffers, sha256 };
}
