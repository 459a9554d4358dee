import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Affected, deckOf, watchSources } from '../../src/dev/watch.ts';
import { tempProject } from '../helpers.ts';

const DECK = '---\ntitle: W\n---\n\n## One\n\nText 0.\n';

/** Ways editors and tools save a file; each must reach the watcher, in any order, every time. */
const SAVES: Record<string, (file: string, text: string) => void> = {
  plain: (file, text) => writeFileSync(file, text),
  renameOver: (file, text) => {
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  },
  sedInPlace: (file, text) => {
    const digit = /Text (\d+)\./.exec(text)?.[1] ?? '0';
    spawnSync('sed', ['-i', `s/Text [0-9]*\\./Text ${digit}./`, file]);
  },
  deleteAndRecreate: (file, text) => {
    rmSync(file);
    writeFileSync(file, text);
  },
  vim: (file, text) => {
    writeFileSync(path.join(path.dirname(file), `.${path.basename(file)}.swp`), 'swap');
    renameSync(file, `${file}~`);
    writeFileSync(file, text);
    rmSync(`${file}~`);
    rmSync(path.join(path.dirname(file), `.${path.basename(file)}.swp`));
  },
  jetbrains: (file, text) => {
    writeFileSync(`${file}___jb_tmp___`, text);
    renameSync(file, `${file}___jb_old___`);
    renameSync(`${file}___jb_tmp___`, file);
    rmSync(`${file}___jb_old___`);
  },
};

describe('deckOf', () => {
  it('names the deck a source belongs to, and none for shared sources', () => {
    expect(deckOf(path.join('decks', 'talk', 'deck.md'))).toBe('talk');
    expect(deckOf(path.join('decks', 'talk', 'img', 'a.png'))).toBe('talk');
    expect(deckOf(path.join('decks', 'solo.md'))).toBe('solo');
    expect(deckOf(path.join('themes', 'x.css'))).toBeUndefined();
    expect(deckOf(path.join('diagrams', 'a.mmd'))).toBeUndefined();
  });
});

describe('watchSources', () => {
  let root: string;
  const events: Affected[] = [];
  let waiting: (() => void) | undefined;
  let stop: () => Promise<void>;
  const nextEvent = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no change seen within 3 s')), 3000);
      waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  beforeAll(async () => {
    root = tempProject({ talk: DECK });
    const watcher = watchSources(root, (affected) => {
      events.push(affected);
      waiting?.();
    });
    stop = () => watcher.close();
    await watcher.ready;
  });

  afterAll(async () => {
    await stop?.();
    rmSync(root, { recursive: true, force: true });
  });

  it('sees 20 consecutive saves of every kind, rename-over and sed -i included', async () => {
    const kinds = Object.keys(SAVES);
    const file = path.join(root, 'decks', 'talk', 'deck.md');
    for (let n = 1; n <= 20; n++) {
      const kind = kinds[n % kinds.length] ?? 'plain';
      const seen = nextEvent();
      SAVES[kind]?.(file, DECK.replace('Text 0.', `Text ${n}.`));
      await expect(seen, `save ${n} (${kind})`).resolves.toBeUndefined();
      expect(events.at(-1), `save ${n} (${kind})`).toEqual(new Set(['talk']));
      // Let the burst settle so the next save is its own event.
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
  });

  it('sees files added to a deck folder and folders created after it started', async () => {
    let seen = nextEvent();
    writeFileSync(path.join(root, 'decks', 'talk', 'data.yaml'), 'a: 1\n');
    await seen;
    expect(events.at(-1)).toEqual(new Set(['talk']));
    await new Promise((resolve) => setTimeout(resolve, 60));
    seen = nextEvent();
    mkdirSync(path.join(root, 'diagrams'));
    writeFileSync(path.join(root, 'diagrams', 'flow.mmd'), 'flowchart LR\n  a --> b\n');
    await seen;
    expect(events.at(-1)).toBe('all');
  });

  it('sees a save made right after the one before was reported (chokidar drops changes for 50 ms)', async () => {
    const file = path.join(root, 'decks', 'talk', 'deck.md');
    await new Promise((resolve) => setTimeout(resolve, 60));
    let seen = nextEvent();
    writeFileSync(file, DECK.replace('Text 0.', 'Text quick one.'));
    await seen;
    seen = nextEvent();
    writeFileSync(file, DECK.replace('Text 0.', 'Text quick two.'));
    await expect(seen).resolves.toBeUndefined();
    expect(events.at(-1)).toEqual(new Set(['talk']));
    await new Promise((resolve) => setTimeout(resolve, 120));
  });

  it('ignores editor swap and backup files', async () => {
    const before = events.length;
    writeFileSync(path.join(root, 'decks', 'talk', '.deck.md.swp'), 'x');
    writeFileSync(path.join(root, 'decks', 'talk', 'deck.md~'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.length).toBe(before);
  });
});
