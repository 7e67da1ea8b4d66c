/** The people and bodies a protocol sends matters to, as they are written in UK protocols. */

export interface PersonMention {
  /** What kind of person: 'clerk', 'monitoring officer', ... */
  kind: string;
  /** The words as printed, e.g. "Monitoring Officer of Wessborough District Council". */
  phrase: string;
  index: number;
  end: number;
}

const COUNCIL_OF = String.raw`(?: of (?:the )?(?:[A-Z][\w'’-]*\s){1,4}(?:District|Borough|County|City|Unitary|Town)?\s?Council)?`;

/** Longest, most specific first: "Chair of the Staffing Committee" before "Staffing Committee" and "Chair". */
const PEOPLE: [string, RegExp][] = [
  ['monitoring officer', new RegExp(String.raw`Monitoring Officer${COUNCIL_OF}`, 'g')],
  ['deputy chief executive', /Deputy Chief Executive/g],
  ['chief executive', /Chief Executive(?: Officer)?|Head of Paid Service/g],
  ['staffing chair', /Chair(?:man|person)? of the (?:Council[’']s )?(?:Staffing|Personnel|HR|Human Resources|Employment)(?: and [A-Z]\w+)? (?:Committee|Sub-Committee|Panel)/g],
  ['standards committee', /(?:Audit and )?Standards (?:Committee|Sub-Committee|Panel)/g],
  ['staffing committee', /(?:Staffing|Personnel|HR|Human Resources|Employment)(?: and [A-Z]\w+)? (?:Committee|Sub-Committee|Panel|Sub-Group|Working Group|Group)/g],
  // "the Grievance and Disciplinary Panel", "an Appeals Panel": members who hear staff cases.
  ['staffing committee', /(?:Grievance|Disciplinary|Appeals?)(?: and (?:Disciplinary|Grievance|Appeals?))? (?:Committee|Sub-Committee|Panel)/g],
  ['line manager', /line manager/gi],
  ['hr', /(?:HR|Human Resources) (?:Manager|Officer|Adviser|Advisor|[Tt]eam|[Dd]epartment|[Ss]ervice)/g],
  ['independent person', /Independent Person/g],
  ['ombudsman', /(?:Local Government(?: and Social Care)? |Public Services )?Ombudsman/g],
  ['staffing committee', /(?:small )?group of (?:Councillors|councillors|members) (?:delegated )?to deal with (?:all )?personnel matters/g],
  ['conciliator', /appropriate (?:third party|senior manager(?: or councillors)?)/g],
  ['head of service', /Head of (?:Service|the Service|Department)/g],
  // "the Section 151 Officer", "the Chief Finance Officer": statutory officers, not "an officer" raising a matter.
  ['finance officer', /(?:Section|S\.?)\s?151 Officer|Chief Finance Officer|Chief Financial Officer/g],
  // "the Parish Manager", "the Town Manager": in some councils the officer who does a clerk's job has a manager's title.
  ['service manager', /(?:Service|Team|Operations|Office|Senior|Parish|Town|Village|Council|Facilities|Estates|Business|General) Manager/g],
  ['director', /(?:Executive |Strategic |Corporate |Service |Assistant |Deputy )?Director(?: of [A-Z]\w+(?: and [A-Z]\w+)?)?(?: responsible for (?:the|that) service)?/g],
  ['group leader', /Group Leader|[Ll]eader of (?:the|their|that|his or her|the member[’']s) (?:political )?group/g],
  // "the Leader" alone is the Council's Leader in a protocol that has one ("the Leader, together with the Monitoring Officer").
  ['council leader', /Leader of the Council|(?<=\b[Tt]he )Leader\b(?! of)/g],
  // "the Deputy Town Mayor", "the Deputy Mayor": who takes a matter about the Mayor.
  ['vice chair', /Deputy (?:Town |City |Lord )?Mayor/g],
  ['vice chair', /Vice[- ]Chair(?:man|person)?(?: of the (?:Town |Parish |City )?Council)?/g],
  ['council chair', /(?:Town |City |Parish )?Mayor|Chair(?:man|person)? of the (?:Town |Parish |City )?Council|\bChair(?:man|person)?\b/g],
  ['deputy clerk', /Deputy (?:Town |Parish |City )?Clerk/g],
  ['clerk', /(?:Town |Parish |City )?[Cc]lerk\b/g],
];

/** A quick test that a text may name someone, before the full patterns run. */
const ANY_PERSON = /monitoring|human resources|hr |independent person|ombudsman|paid service|appropriate|personnel matters|chief exec|committee|sub-committee|panel|group|manager|head of|director|leader|chair|mayor|clerk|151|finance officer|financial officer|grievance|disciplinary|appeal/i;

/** Every person named in `text`, left to right, overlaps resolved in favour of the earlier, more specific pattern. */
export function peopleIn(text: string): PersonMention[] {
  if (!ANY_PERSON.test(text)) return [];
  const found: PersonMention[] = [];
  for (const [kind, pattern] of PEOPLE) {
    for (const m of text.matchAll(pattern)) {
      const index = m.index;
      const end = index + m[0].length;
      if (found.some((f) => index < f.end && end > f.index)) continue;
      found.push({ kind, phrase: m[0], index, end });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** "Town Clerk" -> "The Town Clerk"; "line manager" after "their" -> "Their line manager". */
export function displayName(mention: PersonMention, before: string): string {
  const article = /\b(their|your|his or her)\s+(?:(?:relevant|appropriate|own)\s+)?$/i.exec(before)?.[1];
  const relevant = /\b(relevant|appropriate)\s+$/i.exec(before)?.[1];
  const lead = article ? article[0]!.toUpperCase() + article.slice(1).toLowerCase() : 'The';
  return `${lead} ${relevant ? `${relevant.toLowerCase()} ` : ''}${mention.phrase}`;
}
