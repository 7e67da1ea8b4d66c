/** Text normalisation for search: folding, tokenising, stop words and a light English stemmer. */

/** Words that carry no meaning for matching a question to a clause. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both but by
  can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't
  have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
  isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
  out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves
  then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd
  we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's will with won't would
  wouldn't you you'd you'll you're you've your yours yourself yourselves
  im ive dont cant wont isnt doesnt didnt shouldnt wouldnt couldnt hi hello hey please thanks thank ok okay yes yeah just really
  also get got getting go going gone want wanted wants need needs know like say says said tell told ask asked asking
  allowed allow may might must shall one someone somebody anyone anything something thing things way ways lot lots bit
  mine us per etc via re u ur pls plz good morning afternoon evening thanks cheers hiya all everyone folks tc pc btw tbh lol goes went`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-cases, folds curly quotes and accents, and keeps letters, digits and apostrophes. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^a-z0-9'\s]+/g, ' ')
    .replace(/'+/g, "'");
}

/** Splits folded text into raw word tokens (apostrophes and possessives removed). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text).split(/\s+/)) {
    const w = raw.replace(/^'+|'+$/g, '').replace(/'s$/, '');
    if (w) out.push(w);
  }
  return out;
}

/** Stem exceptions written as groups: each stem with the forms (space-separated) that stem to it. */
function stemGroups(groups: readonly (readonly [stem: string, forms: string])[]): [string, string][] {
  return groups.flatMap(([stem, forms]) => forms.split(' ').map((f): [string, string] => [f, stem]));
}

const STEM_EXCEPTIONS = new Map<string, string>([
  ['news', 'news'],
  ['press', 'press'],
  ['business', 'business'],
  ['series', 'series'],
  ['species', 'species'],
  ['this', 'this'],
  ['is', 'is'],
  ['was', 'was'],
  ['has', 'has'],
  ['bias', 'bias'],
  ['status', 'status'],
  ['campus', 'campus'],
  ['focus', 'focus'],
  ['always', 'always'],
  ['publicity', 'publicity'],
  ['reporter', 'reporter'],
  ['reporters', 'reporter'],
  // Words the suffix rules would fold into an unrelated word: a "letter" is not "let", a "statement" is not a
  // "state" or a polling "station", an "allowance" is not "allowed", "hospitality" is not a "hospital".
  ...stemGroups([
    ['letter', 'letter letters'],
    ['statement', 'statement statements'],
    ['station', 'station stations'],
    ['allowance', 'allowance allowances'],
    ['evening', 'evening evenings'],
    ['hospitality', 'hospitality'],
    ['manners', 'manners'],
    ['pension', 'pension pensions'],
    ['dinner', 'dinner dinners'],
    ['wedding', 'wedding weddings'],
    ['come', 'coming comes'],
    ['comms', 'comms'],
    // Staff named by their job are not what the job works on: a "gardener" is not the "garden", a "cleaner" not "clean".
    ['gardener', 'gardener gardeners'],
    ['cleaner', 'cleaner cleaners'],
  ]),
  ['officer', 'officer'],
  ['officers', 'officer'],
  ['politics', 'polit'],
  ['political', 'polit'],
  ['politically', 'polit'],
  ['politician', 'polit'],
  ['politicians', 'polit'],
  // Irregular past forms, which no suffix rule reaches ("a councillor swore at me": "swearing"). Not
  // light verbs (take, give, pay, send, ring): a protocol's "taken" or "paid" is rarely its matter.
  ...stemGroups([
    ['swear', 'swore sworn'],
    ['speak', 'spoke spoken'],
    ['writ', 'wrote written'],
    ['bring', 'brought'],
    ['sell', 'sold'],
    ['buy', 'bought'],
    ['choos', 'chose chosen'],
    ['throw', 'threw thrown'],
    ['hide', 'hid hidden'],
    ['shak', 'shook shaken'],
  ]),
]);

// [suffix, replacement, minimum length of what remains]. Built once: a regex literal inside the
// function made 19 new RegExp objects per word, the largest share of a search's garbage.
const STEM_RULES: readonly [RegExp, string, number][] = [
  [/ational$/, 'ate', 3],
  [/(?:isation|ization)s?$/, 'is', 3],
  [/(?:ises|izes|ised|ized|ising|izing|ise|ize)$/, 'is', 4],
  [/ibilit(?:y|ies)$/, 'ibl', 4],
  [/ities$|ity$/, '', 4],
  [/iveness$|ness$/, '', 4],
  [/fully$|ful$/, '', 4],
  [/ments?$/, '', 4],
  [/ingly$|ings?$/, '', 3],
  [/ied$|ies$/, 'y', 3],
  [/edly$|ed$/, '', 3],
  [/sses$/, 'ss', 3],
  [/ally$/, 'al', 4],
  [/ly$/, '', 5],
  [/ers$|er$/, '', 4],
  [/ations?$/, '', 4],
  [/ions?$/, '', 4],
  [/ances?$|ences?$/, '', 4],
  [/(?<![su])s$/, '', 3],
];

/** Stems already worked out: chat reuses a small vocabulary, and every search stems each word several times. */
const stemCache = new Map<string, string>();
const MAX_STEM_CACHE = 20000;

/** A light suffix-stripping stemmer (one suffix, then a final e): enough for plurals and common verb forms. */
export function stem(word: string): string {
  let w = stemCache.get(word);
  if (w === undefined) {
    w = stemUncached(word);
    if (stemCache.size >= MAX_STEM_CACHE) stemCache.clear();
    stemCache.set(word, w);
  }
  return w;
}

function stemUncached(word: string): string {
  const exception = STEM_EXCEPTIONS.get(word);
  if (exception) return exception;
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  for (const [re, rep, min] of STEM_RULES) {
    const m = re.exec(w);
    if (m && m.index >= min) {
      w = w.slice(0, m.index) + rep;
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  // Collapse a doubled final consonant left by stripping ("submitt" -> "submit"), but keep ll/ss.
  if (/([b-df-hj-km-rt-z])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}
