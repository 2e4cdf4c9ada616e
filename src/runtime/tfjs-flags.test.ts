import { describe, expect, it } from 'vitest';
import { describeFlags, tfjsFlagsFrom } from './tfjs-flags.ts';

describe('tfjsFlagsFrom', () => {
  it("reads tfjs's convention: NAME:value pairs, comma-separated, typed", () => {
    expect(tfjsFlagsFrom('?tfjsflags=WEBGL_FORCE_F16_TEXTURES:true,WEBGL_RENDER_FLOAT32_ENABLED:false')).toEqual({
      WEBGL_FORCE_F16_TEXTURES: true,
      WEBGL_RENDER_FLOAT32_ENABLED: false,
    });
    expect(tfjsFlagsFrom('?backend=webgl&tfjsflags=WEBGL_PACK:false,WEBGL_VERSION:1')).toEqual({ WEBGL_PACK: false, WEBGL_VERSION: 1 });
  });

  it('skips what is not a flag, and reads nothing when there is no tfjsflags', () => {
    expect(tfjsFlagsFrom('?tfjsflags=:true,lower:1,NOCOLON,<script>:1,DEBUG:')).toEqual({ DEBUG: '' });
    expect(tfjsFlagsFrom('?backend=wasm')).toEqual({});
    expect(tfjsFlagsFrom('')).toEqual({});
  });

  it('describes the flags for the badge', () => {
    expect(describeFlags({ WEBGL_PACK: false, WEBGL_VERSION: 2 })).toBe('WEBGL_PACK:false, WEBGL_VERSION:2');
  });
});
