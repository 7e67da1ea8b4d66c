/**
 * Whether a word is ordinary English, so that typo correction leaves real words alone
 * ("collected" is not a typo for "connected"). The word list loads once, on first use.
 */
let dictionary: ReadonlySet<string> | undefined;

export function isEnglishWord(word: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a 3 MB JSON list, loaded lazily on first use
  dictionary ??= new Set<string>(require('an-array-of-english-words') as string[]);
  return dictionary.has(word);
}
