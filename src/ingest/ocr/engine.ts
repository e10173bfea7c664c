/**
 * The tesseract.js engine, set up to run fully offline: the WebAssembly core comes from
 * tesseract.js-core and the language data from the `@tesseract.js-data/<lang>` npm packages, read
 * from disk and never written to a cache.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { ConfigError } from '../../errors.js';

/** Languages used when none are asked for: simplified Chinese covers digits and Latin letters too. */
export const DEFAULT_OCR_LANGUAGES = 'chi_sim';

/**
 * Which traineddata flavour to load from the package. `4.0.0_best_int` is LSTM-only and 1.7 MB
 * gzipped; the `4.0.0` flavour (20 MB, legacy + LSTM) read "80.2%" as "80.206" on the seed scan.
 */
const DATA_FLAVOUR = '4.0.0_best_int';

/** One recognized line of text with its box in image pixels. */
export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrImageResult {
  /** Text as tesseract laid it out (lines separated by \n, blocks by blank lines). */
  text: string;
  /** Mean confidence over the page, 0..1. */
  confidence: number;
  lines: OcrLine[];
  /** Words holding a digit that tesseract was unsure of (confidence below 0.5): figures to review. */
  doubtfulFigures: Array<{ text: string; confidence: number }>;
}

/** Below this word confidence a word with digits is reported as doubtful. */
const DOUBTFUL_WORD_CONFIDENCE = 0.5;

export interface OcrEngineOptions {
  /** Tesseract language codes joined by '+' (default `chi_sim`); each needs `@tesseract.js-data/<code>`. */
  languages?: string;
  /** Directory holding `<code>.traineddata.gz` for every language; overrides the npm packages. */
  langPath?: string;
}

/** A started engine: recognize images one after another, then terminate. */
export interface OcrEngine {
  /** `dpi`: the image's resolution when known (rendered pages); otherwise tesseract estimates it. */
  recognize(image: Uint8Array, dpi?: number): Promise<OcrImageResult>;
  terminate(): Promise<void>;
}

/**
 * Finds the directory with the language data. tesseract.js takes one `langPath` for all
 * languages, so a combination such as chi_sim+eng needs both files in one directory: the
 * packages' directories must then coincide, which they do only with `langPath` given.
 * @throws ConfigError when a language's data is not installed (the process is misconfigured).
 */
export function resolveLangPath(languages: string, langPath?: string): string {
  const codes = languages.split('+').filter((c) => c !== '');
  if (codes.length === 0) throw new ConfigError('no OCR language given');
  if (langPath !== undefined) {
    for (const code of codes) {
      if (!existsSync(path.join(langPath, `${code}.traineddata.gz`)))
        throw new ConfigError(`OCR language data ${code}.traineddata.gz is not in ${langPath}`);
    }
    return langPath;
  }
  const require = createRequire(import.meta.url);
  const dirs = new Set<string>();
  for (const code of codes) {
    let pkg: string;
    try {
      pkg = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
    } catch (error) {
      throw new ConfigError(`OCR language data for ${code} is not installed (npm package @tesseract.js-data/${code})`, {
        cause: error,
      });
    }
    dirs.add(path.join(pkg, DATA_FLAVOUR));
  }
  if (dirs.size > 1)
    throw new ConfigError(`OCR languages ${languages} come from different packages; pass a langPath holding all of them`);
  const [dir] = dirs;
  if (!existsSync(path.join(dir!, `${codes[0]}.traineddata.gz`)))
    throw new ConfigError(`OCR language data is missing from ${dir}`);
  return dir!;
}

/**
 * One engine at a time per thread: an engine holds hundreds of MB while it recognizes a page, and an
 * analysis thread may be handed a second document before the first is done (the ingest pool queues
 * two tasks per thread), so a second scan waits here rather than doubling the memory.
 */
let engineSlot: Promise<void> = Promise.resolve();

function takeEngineSlot(): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const ready = engineSlot.then(() => release);
  engineSlot = engineSlot.then(() => released);
  return ready;
}

/**
 * Starts one tesseract worker thread (about 0.5–1 s: loading the core and the language model),
 * once any engine started earlier on this thread has been terminated.
 */
export async function startOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const languages = options.languages ?? DEFAULT_OCR_LANGUAGES;
  const langPath = resolveLangPath(languages, options.langPath);
  const release = await takeEngineSlot();
  try {
    return await createEngine(languages, langPath, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function createEngine(languages: string, langPath: string, release: () => void): Promise<OcrEngine> {
  // Loaded with the first engine: a text PDF or a DOCX never pays for tesseract.js (≈0.15 s to import).
  const { default: Tesseract } = await import('tesseract.js');
  const worker = await Tesseract.createWorker(languages, Tesseract.OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    // 'none': never look for or write a traineddata cache in the working directory.
    cacheMethod: 'none',
    // Without a handler tesseract.js rethrows a failed job (an undecodable image) inside its
    // message listener, where nothing can catch it; the job's promise is rejected either way.
    errorHandler: () => undefined,
  });
  try {
    await worker.setParameters({
      tessedit_pageseg_mode: Tesseract.PSM.AUTO,
      // Without it the Chinese models put a space between every two characters.
      preserve_interword_spaces: '1',
      // Tesseract's own messages ("Estimating resolution as 434") would go to our stdout.
      debug_file: '/dev/null',
    });
  } catch (error) {
    await worker.terminate().catch(() => undefined);
    throw error;
  }
  return {
    async recognize(image: Uint8Array, dpi?: number): Promise<OcrImageResult> {
      // rotateAuto corrects the small skew of scanned pages, not upside-down ones.
      const params = { rotateAuto: true, ...(dpi !== undefined ? { user_defined_dpi: String(Math.round(dpi)) } : {}) };
      const result = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), params, {
        text: true,
        blocks: true,
      });
      const data = result.data;
      const lines: OcrLine[] = [];
      const doubtfulFigures: OcrImageResult['doubtfulFigures'] = [];
      for (const block of data.blocks ?? [])
        for (const paragraph of block.paragraphs)
          for (const line of paragraph.lines) {
            lines.push({ text: line.text.replace(/\n$/u, ''), confidence: line.confidence / 100, bbox: line.bbox });
            for (const word of line.words)
              if (/\d/u.test(word.text) && word.confidence / 100 < DOUBTFUL_WORD_CONFIDENCE)
                doubtfulFigures.push({ text: word.text, confidence: word.confidence / 100 });
          }
      return { text: data.text, confidence: data.confidence / 100, lines, doubtfulFigures };
    },
    async terminate(): Promise<void> {
      try {
        await worker.terminate();
      } finally {
        release();
      }
    },
  };
}
