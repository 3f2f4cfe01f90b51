import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from './escape';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    assert.equal(escapeHtml(`<script>alert("x" & 'y')</script>`), '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('escapes & first, so entities in the input are shown, not interpreted', () => {
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
  });

  it('leaves other text alone and converts non-strings', () => {
    assert.equal(escapeHtml('val_loss ± 0.1 ★'), 'val_loss ± 0.1 ★');
    assert.equal(escapeHtml(12), '12');
    assert.equal(escapeHtml(null), 'null');
  });
});
