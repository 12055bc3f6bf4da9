/**
 * Word segmentation for the embedded engine: Chinese by a dictionary segmenter, everything else by
 * word boundaries; lower-cased and NFKC-normalised (full-width Ｌａｔｉｎ → latin).
 *
 * Two segmenters, measured in `npm run bench -- search --candidates`:
 * - `jieba` (@node-rs/jieba, native prebuilt binary): dictionary + HMM, keeps 芯片 / 潍坊 / 光刻胶
 *   whole, and its search mode also emits the sub-words (半导体 → 半导, 导体, 半导体), so a query for a
 *   part of a compound still finds it. Default when its binary loads.
 * - `intl` (Intl.Segmenter, Node's ICU): no dependency, but splits many domain words into characters
 *   (芯片 → 芯 | 片, 潍坊 → 潍 | 坊). The fallback when jieba cannot load.
 */
import { readFileSync } from 'node:fs';

export type SegmenterKind = 'jieba' | 'intl';

export interface Tokenizer {
  readonly kind: SegmenterKind;
  /** Index-time tokens: words and, for Chinese compounds, their sub-words. Repeats kept (term frequency). */
  indexTokens(text: string): string[];
  /** Query-time tokens: the most likely words, de-duplicated, in order. */
  queryTokens(text: string): string[];
}

const WORDLIKE = /[\p{L}\p{N}]/u;
const NON_WORD_CHARS = /[^\p{L}\p{N}\p{M}]+/u;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A token made only of ASCII letters gets typo tolerance. */
export function isLatinWord(token: string): boolean {
  return /^[a-z]+$/.test(token);
}

export function hasCjk(token: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(token);
}

/** Segmenter output may carry punctuation inside a token (`aec-q100`); split those on non-word characters. */
function pushWords(out: string[], raw: string): void {
  if (!WORDLIKE.test(raw)) return;
  if (!NON_WORD_CHARS.test(raw)) {
    out.push(raw);
    return;
  }
  for (const part of raw.split(NON_WORD_CHARS)) if (part && WORDLIKE.test(part)) out.push(part);
}

interface JiebaLike {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
}

let jiebaInstance: JiebaLike | null | undefined;

/**
 * Loads @node-rs/jieba once; null when the package or its platform binary is missing. The dictionary
 * file is read here rather than through `@node-rs/jieba/dict`, whose module keeps it and the unused
 * IDF table (11 MB) for the life of the process; jieba copies what it needs.
 */
export function loadJieba(): JiebaLike | null {
  if (jiebaInstance !== undefined) return jiebaInstance;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaLike } };
    jiebaInstance = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  } catch {
    jiebaInstance = null;
  }
  return jiebaInstance;
}

class JiebaTokenizer implements Tokenizer {
  readonly kind = 'jieba' as const;
  constructor(private readonly jieba: JiebaLike) {}

  indexTokens(text: string): string[] {
    const out: string[] = [];
    for (const raw of this.jieba.cutForSearch(normalizeText(text), true)) pushWords(out, raw);
    return out;
  }

  queryTokens(text: string): string[] {
    const out: string[] = [];
    for (const raw of this.jieba.cut(normalizeText(text), true)) pushWords(out, raw);
    return [...new Set(out)];
  }
}

class IntlTokenizer implements Tokenizer {
  readonly kind = 'intl' as const;
  private readonly segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

  indexTokens(text: string): string[] {
    const out: string[] = [];
    for (const s of this.segmenter.segment(normalizeText(text))) if (s.isWordLike) pushWords(out, s.segment);
    return out;
  }

  queryTokens(text: string): string[] {
    return [...new Set(this.indexTokens(text))];
  }
}

export function createTokenizer(kind?: SegmenterKind): Tokenizer {
  if (kind !== 'intl') {
    const jieba = loadJieba();
    if (jieba) return new JiebaTokenizer(jieba);
    if (kind === 'jieba') throw new Error('@node-rs/jieba is not installed or its binary did not load');
  }
  return new IntlTokenizer();
}
