import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { moduleFolders, redirect } from './resolution';

describe('moduleFolders', () => {
  it('searches the folder holding rnnlab, then the one holding its dependencies (global install)', () => {
    assert.deepEqual(
      moduleFolders('/p/lib/node_modules/rnnlab', '/p/lib/node_modules/rnnlab/node_modules/@tensorflow/tfjs/package.json'),
      ['/p/lib/node_modules', '/p/lib/node_modules/rnnlab/node_modules'],
    );
  });

  it('searches one folder when npm hoisted the dependencies next to rnnlab (project install)', () => {
    assert.deepEqual(moduleFolders('/proj/node_modules/rnnlab', '/proj/node_modules/@tensorflow/tfjs/package.json'), ['/proj/node_modules']);
  });

  it("searches the workspace's folder, which links rnnlab, in the repository", () => {
    assert.deepEqual(moduleFolders('/repo/kernel', '/repo/node_modules/@tensorflow/tfjs/package.json'), ['/repo/node_modules']);
  });
});

describe('redirect', () => {
  const present = new Set(['/nb/node_modules/local/index.js', '/g/node_modules/rnnlab/package.json', '/g/node_modules/rnnlab/node_modules/@tensorflow/tfjs/package.json']);
  const exists = (p: string): boolean => present.has(p);
  const folders = ['/g/node_modules', '/g/node_modules/rnnlab/node_modules'];

  it("keeps what the notebook's folder has, and maps what it lacks to the first folder that has it", () => {
    assert.equal(redirect('/nb', folders, '/nb/node_modules/local/index.js', exists), '/nb/node_modules/local/index.js');
    assert.equal(redirect('/nb', folders, '/nb/node_modules/rnnlab/package.json', exists), '/g/node_modules/rnnlab/package.json');
    assert.equal(
      redirect('/nb', folders, '/nb/node_modules/@tensorflow/tfjs/package.json', exists),
      '/g/node_modules/rnnlab/node_modules/@tensorflow/tfjs/package.json',
    );
  });

  it('leaves paths outside the notebook folder and missing everywhere unchanged', () => {
    assert.equal(redirect('/nb', folders, '/nb/node_modules/missing/package.json', exists), '/nb/node_modules/missing/package.json');
    assert.equal(redirect('/nb', folders, '/other/node_modules/rnnlab/package.json', exists), '/other/node_modules/rnnlab/package.json');
  });
});
