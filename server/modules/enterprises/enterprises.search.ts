import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";

/**
 * The derived columns that make enterprise search index-served at any fragment length:
 * grams (every character and every pair of adjacent characters, so 1- and 2-character
 * fragments hit a GIN array index that pg_trgm cannot serve), full pinyin and initials
 * (trigram indexes), the full pinyin's 4-letter grams (a GIN array index: see pinyinGramsOf),
 * and a key that finds likely duplicates.
 */
const toSimplified = OpenCC.Converter({ from: "hk", to: "cn" });

/** Simplified, lower-case, without spaces and with full-width letters and brackets folded. */
export function normalizeName(name: string): string {
  return toSimplified(name.normalize("NFKC"))
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")");
}

/** Adds every character of the text, then every adjacent pair. */
function addGrams(out: Set<string>, text: string): void {
  const chars = [...text];
  for (const c of chars) out.add(c);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
}

/** Every character and every adjacent pair. */
export function gramsOf(text: string): string[] {
  const out = new Set<string>();
  addGrams(out, text);
  return [...out];
}

/**
 * A syllable as pinyin-pro gives it with tone marks (lǜ), without them and with ü as v (lv), as its
 * `toneType: "none", v: true` would give it, then cleaned to letters and digits. pinyin-pro strips
 * tones with nine regular expressions per syllable; there are few syllables, so each is done once.
 */
const plainSyllables = new Map<string, string>();
function plainSyllable(syllable: string): string {
  let out = plainSyllables.get(syllable);
  if (out === undefined) {
    out = syllable
      .replace(/(ā|á|ǎ|à)/g, "a")
      .replace(/(ō|ó|ǒ|ò)/g, "o")
      .replace(/(ē|é|ě|è)/g, "e")
      .replace(/(ī|í|ǐ|ì)/g, "i")
      .replace(/(ū|ú|ǔ|ù)/g, "u")
      .replace(/(ǖ|ǘ|ǚ|ǜ)/g, "ü")
      .replace(/(n̄|ń|ň|ǹ)/g, "n")
      .replace(/(m̄|ḿ|m̌|m̀)/g, "m")
      .replace(/(ê̄|ế|ê̌|ề)/g, "ê")
      .replace(/ü/g, "v")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "");
    if (plainSyllables.size < 10_000) plainSyllables.set(syllable, out);
  }
  return out;
}

/** Full pinyin (jingrui…) and initials (jr…); letters and digits in the name are kept as they are. */
export function pinyinOf(normalized: string): { full: string; initials: string } {
  // Tone marks kept and 一/不 unchanged: both only differ in tones, which are dropped below.
  const parts = pinyin(normalized, { type: "array", nonZh: "consecutive", toneSandhi: false });
  const chars = [...normalized];
  let at = 0;
  let full = "";
  let initials = "";
  for (const part of parts) {
    const han = han1.test(chars[at] ?? "");
    // A Chinese character is one syllable; anything else arrives as one run, kept whole.
    at += han ? 1 : [...part].length;
    const clean = han ? plainSyllable(part) : part.toLowerCase().replace(/[^a-z0-9]/g, "");
    full += clean;
    initials += han ? clean.slice(0, 1) : clean;
  }
  return { full, initials };
}

const han1 = /^\p{Script=Han}$/u;

const orgForms =
  /(股份有限公司|有限责任公司|有限公司|股份公司|集团|总公司|分公司|公司|合伙企业\(有限合伙\)|\(有限合伙\)|有限合伙|合伙企业|个人独资企业|厂)$/;

/** Name without punctuation, bracketed parts and the legal form: equal keys in one region are likely duplicates. */
export function nameKeyOf(normalized: string): string {
  let s = normalized.replace(/\([^)]*\)/g, "").replace(/[^\p{L}\p{N}]/gu, "");
  for (let i = 0; i < 2; i++) s = s.replace(orgForms, "");
  return s || normalized;
}

/** Letters per gram of the full pinyin. */
export const PINYIN_GRAM = 4;

/**
 * Every run of PINYIN_GRAM letters of a full pinyin, once each. Trigrams are a weak filter for
 * pinyin: 26 letters in a few hundred syllables repeat the same trigrams (ang, ing, ian) across
 * a name, and %hongdian% had 62,900 trigram candidates among 1M firms for 2,886 matches. Its five
 * 4-grams leave 2,594 candidates; over the sampled full-pinyin queries the candidates are within
 * a few percent of the matches. Migration 0013 computes the same grams in SQL for rows written
 * before it: pinyin is ASCII letters and digits, so JS slices and SQL substr agree.
 */
export function pinyinGramsOf(full: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + PINYIN_GRAM <= full.length; i++) out.add(full.slice(i, i + PINYIN_GRAM));
  return [...out];
}

export interface SearchColumns {
  searchText: string;
  searchGrams: string[];
  namePinyin: string;
  nameInitials: string;
  nameKey: string;
}

/** Everything derived from a name and its former names. */
export function searchColumnsOf(name: string, formerNames: readonly string[] = []): SearchColumns {
  const norm = normalizeName(name);
  const formers = formerNames.map(normalizeName);
  // One set, filled in the order separate gramsOf calls would give: the same arrays, built once.
  const grams = new Set<string>();
  addGrams(grams, norm);
  for (const f of formers) addGrams(grams, f);
  const { full, initials } = pinyinOf(norm);
  // Pairs of initials serve two-letter pinyin queries (jr) from the same index. Initials are
  // ASCII letters and digits, so string indexes are characters.
  for (let i = 0; i + 1 < initials.length; i++) grams.add(`~${initials[i]}${initials[i + 1]}`);
  return {
    searchText: [norm, ...formers].join("|"),
    searchGrams: [...grams],
    namePinyin: full,
    nameInitials: initials,
    nameKey: nameKeyOf(norm),
  };
}

export type SearchPlan =
  | { kind: "uscc"; prefix: string }
  | { kind: "pinyin"; text: string; grams: string[]; pinyinGrams: string[] }
  | { kind: "name"; text: string; grams: string[] };

const usccChars = /^[0-9A-HJ-NPQRTUWXY]+$/;

/** How a search box entry is looked up: a USCC prefix, pinyin, or a name fragment. */
export function planSearch(raw: string): SearchPlan | null {
  const q = raw.trim();
  if (!q) return null;
  const upper = q.toUpperCase().replace(/\s+/g, "");
  if (upper.length >= 2 && usccChars.test(upper) && /\d/.test(upper)) return { kind: "uscc", prefix: upper };
  if (/^[a-z\s']+$/i.test(q)) {
    const text = q.toLowerCase().replace(/[\s']/g, "");
    return {
      kind: "pinyin",
      text,
      grams: text.length === 2 ? [`~${text}`] : [],
      // All of the fragment's grams, overlapping: each one drops candidates the others let in.
      pinyinGrams: text.length >= PINYIN_GRAM ? pinyinGramsOf(text) : [],
    };
  }
  const text = normalizeName(q);
  return { kind: "name", text, grams: coveringPairs(text) };
}

/**
 * The grams a name fragment is looked up by: the character itself, the pair, or for longer
 * fragments pairs that together cover every character without overlapping (the last one may
 * overlap when the length is odd). Each further pair costs the GIN index a posting list; the
 * LIKE on search_text then checks the order.
 */
export function coveringPairs(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 2) out.add(chars[i]! + chars[i + 1]!);
  if (chars.length % 2 === 1) out.add(chars.at(-2)! + chars.at(-1)!);
  return [...out];
}
