/**
 * What a question is after, beyond its words: asking where to take a problem (escalation), and
 * speaking as an officer ("I'm the deputy clerk, a councillor shouted at me").
 */
import { fold } from './text';

/** Asking what to do, not where to take it ("…, what do I do?", "what now?"). */
const OPEN_ESCALATION = [
  /\bwhat can i do( about (it|this|that))?\s*$/,
  /\bwhat (should|do|shall) i do( now| next| about (it|this|that|him|her|them))?\s*$/,
  /\bwhat are my options\b/,
  // "…didn't work, what now": asking for the next step once a first one failed.
  /\bwhat (now|next)\W*$/,
];

const ESCALATION = [
  /\b(who|where)\b.{0,20}\b(go|turn|complain|escalate|talk to|speak to)\b/,
  /\b(who|where)\b.{0,20}\b(report|raise|take) (him|her|them|it|this|that|a complaint|my complaint|the matter|the issue)\b/,
  /\bhow\b.{0,25}\b(complain|complaint|grievance|escalate|report (him|her|them|it))\b/,
  /\b(make|raise|lodge|file|submit|put in)\b.{0,12}\b(formal+ )?(complaint|grievance)\b/,
  // Not a resident's complaint the asker takes up ("take up her complaint about the broken steps").
  // Nor someone complaining about the asker ("ringing my wife at home to complain about me").
  /(?<!\b(her|his|their|a resident'?s?|residents'?|constituent'?s?|neighbour'?s?|the resident'?s?) )\bcomplain(t)? (to\b|about\b(?! (me|us)\b))/,
  /\bescalat/,
  /\b(who|where)\b.{0,20}\bsend\b.{0,20}\b(complaint|grievance|it|this|that)\b/,
  /\bwho\b.{0,12}\bsorts? (it|this|that|things|us) out\b/,
  ...OPEN_ESCALATION,
  /\breport (a|the|this|that|one of the) (councillor|member|cllr|officer|member of staff)\b/,
  /\b(procedure|process)\b.{0,20}\b(complain|complaint|grievance)/,
  /\bwhat happens (if|when)\b.{0,50}\b(fall|falls|fell|falling) out\b/,
  // "she wants to take it somewhere formal", "I want to take this further": where it goes next.
  /\b(take|taking|took|raise|raising|make|making) (it|this|that|the matter|things|her complaint|his complaint|my complaint) (somewhere )?(formal|formally|further|higher|to the next level|outside the council)\b/,
  // "is there actually anywhere i can take it?", "is there someone she could go to"
  /\b(anywhere|somewhere|someone|somebody|anyone|anybody) (i|we|she|he|they) (can|could) (take|go|turn|raise|complain)\b/,
  // "who's next in line for me to take it to?"
  /\bwho('?s| is) next\b.{0,30}\b(take|go|turn|raise|complain)\b/,
  // "…got nowhere. who next?"
  /\bwho('?s| is)? (now|next)\W*$/,
  // "who mediates between us?": someone to settle it.
  /\bwho\b.{0,20}\b(mediates?|arbitrates?|adjudicates?|referees?|settles?|sorts?) (between|it between|things between|this between|that between)\b/,
  // The person the matter would go to is the one it is about ("who do i tell when its him", "who's above her?").
  /\b(who|where)\b.{0,25}\bwhen (it'?s|its|it is) (him|her|them|the (chair|chairman|chairwoman|mayor|leader|clerk|chief executive|boss|manager))\b/,
  /\bwho('?s| is) above (him|her|them|the (clerk|chair|chairman|mayor|chief executive|engineer|manager))\b/,
  // A first step taken that failed: "i took it up with the service head but nothing happened".
  /\b(took|taken|raised|mentioned|reported|told|spoke|spoken|complained|flagged)\b.{0,60}\b(but|and)\b.{0,25}\b(nothing (has )?(happened|changed|came of it|was done|got done)|got nowhere|(it'?s|its|it is) still (not sorted|going on|happening)|heard nothing( back)?)\b/,
];

const OFFICER_VOICE = [
  /\b(i'?m|i am|as) (only |just )?(the |an |a )?(town |parish |deputy |assistant |admin |finance )?(clerk|officer|employee|member of staff|staff member|admin assistant|administrator|rfo|assistant)\b/,
  /\bi work (for|at) the council\b/,
  // "the four of us who work in the office have had it with the same cllr": staff speaking together.
  /(?<!\b(can|could|may|might|should|shall|will|would|do|does|to|if) )\b(i|we|us who|of us who|those of us who) (work|works|worked) (in|at|for) the (council |town council |parish council |council's )?(office|offices|town hall|council)\b/,
  /\b(clerk|officer|rfo|assistant|apprentice|administrator|staff|staff member|member of staff|employee) (here|asking)\b/,
  /\b(i'?m|i am) (on )?(staff|reception|the receptionist|a receptionist|on the front desk)\b/,
  /\b(i'?m|i am) (an? |the )?(exec(utive)? director|director|head of service|service manager|team leader|chief executive)\b/,
  /\b(i'?m|i am) (an? |the )?(admin |office |finance |events |planning )?(apprentice|officer|employee)\b/,
  /\b(my|our) (line manager|manager|boss|head of service|director|team leader)\b/,
  // A member handing the asker work is an officer's situation ("the cabinet member gave me a job directly").
  /\b(councillor|cllr|member|chair|portfolio holder)\b.{0,30}\b(gave|gives|given|giving) me (a |some |extra )?(job|task|work|piece of work)\b/,
  /\b(councillor|cllr|member|chair|portfolio holder)\b.{0,30}\basked me (directly |quietly |privately |on the quiet |on the side )?to (do|prepare|write|produce|make sure|sort|fix|move|book|find|get|give|speed up|push)\b/,
  // "a councillor called me useless in front of everyone": named to the asker's face.
  /\b(a|the|one|this|that) (councillor|cllr|member|chair|chairman|mayor)s?\b(?:(?!\b(she|he|they|clerk|officer)\b).){0,30}\b(called|calls|calling) me (a |an )?(useless|lazy|incompetent|stupid|thick|names|clueless|hopeless|idiot|liar|jobsworth|waste of space)\b/,
  // "a councillor shouted at me": a member's behaviour towards the asker is an officer's situation.
  // Not when someone else acts in between ("the chair. should she be bringing that to me": the clerk does).
  /\b(a|the|one|this|that) (councillor|cllr|member|chair|chairman|mayor)\b(?:(?!\b(she|he|they|clerk|officer)\b).){0,40}\b(at|to|with|on|towards) me\b/,
  // "a councillor is bullying me", "one of the councillors keeps sending me nasty messages".
  /\b(a|the|one|this|that) (councillor|cllr|member|chair|chairman|mayor)s?\b(?:(?!\b(she|he|they|clerk|officer)\b).){0,30}\b(bullying|bullied|harassing|harassed|threatening|threatened|intimidating|intimidated|belittling|belittled|insulting|insulted|abusing|abused|humiliating|humiliated|sending|undermining|undermined|mocking|mocked|patronising|patronised|picking on|having a go at) me\b/,
  // "a councillor keeps making snide remarks about my stammer", "the town mayor keeps making jokes about me".
  /\b(a|the|one|this|that) (town |city |deputy )?(councillor|cllr|member|chair|chairman|mayor)s?\b(?:(?!\b(she|he|they|clerk|officer)\b).){0,30}\b(jokes?|remarks?|comments?|digs?) about (me|my)\b/,
];

// Opening hours and meeting dates: practical questions no protocol answers, whoever they mention.
/** A question about the protocol document itself ("this protocol", "the protocol", "our member/officer protocol"). */
const ABOUT_THE_PROTOCOL = /\b(this|the|our)( [a-z/-]+){0,2} protocol\b/;

const TIMETABLE = [
  /\bwhen('?s| is| are| does| do)\b.{0,40}\b(next|open|opens|close|closes|collected|start|starts|begin|begins)\b/,
  /\b(opening|closing) (hours|times)\b/,
  /\bwhen('?s| is| are)( the| our)? [a-z ]{0,30}\bmeetings?\b/,
  /\b(what time|what hours)\b.{0,30}\b(open|close|meeting)\b/,
  /\bwhere('?s| is| are) (the|your|our) ([a-z]+ ){0,3}(office|offices|building|hall|chamber|library|car park|toilets)\b/,
];

// Asking who to go to or tell, whatever the matter ("do I need to tell anyone?", "who handles that").
const ASKS_WHO = [
  /\bwho\b.{0,40}\b(go|turn|tell|ask|contact|speak|talk|raise|report|notify|inform|handles?|deals?|check|approach|escalate|take|decides?|reviews?|review|agrees?|approves?|ok|okay|okays|sign(?:s)? (?:it |that |this )?off|authori[sz]es?|permits?|gives? permission|green ?lights?)\b/,
  // "who sorts the mayor's invites", "who looks after the website", "who's in charge of the allotments"
  /(?:^|[.?!,;:]\s*)(?:(?:so|and|but|hi|ok|quick one)\s+)?who(?:'s| is)?\s+(?:actually |really |meant to be |supposed to be )?(?:sorts?|looks? after|organi[sz]es?|arranges?|manages?|runs?|books?|in charge of|responsible for)\b/,
  /\bhow (do|can|should|would) (we|i) (get|request|ask for|arrange|book|invite)\b/,
  /\b(do|should|must) i (have|need) to (tell|notify|inform|let)\b/,
  /\b(tell|notify|inform) (anyone|someone|anybody|work)\b/,
  /\bwhere (do|can|should) i (go|take|raise|report)\b/,
];

// Telling a member of staff what to do ("can I tell the parks officer to mow the green").
const INSTRUCTS = [
  /\b(tell|tells|telling|instruct|instructing|order|ordering|get|make|direct|directing)\s+(the |a |an |our |my |one of the )?([a-z']+ ){0,3}(officer|officers|clerk|staff|team|lads|groundsman|groundsmen|caretaker|manager|director|assistant|handyman|maintenance man|maintenance men|workers|crew|crews|gardener|gardeners|operatives|warden|wardens|ranger|rangers|cook|cooks|chef|cleaner|cleaners|receptionist|porter|attendant|attendants|him|her|them)\s+(to|which|what|how)\b/,
  // "tell the highways engineer what to do": whoever is named, telling them what to do or how is instructing.
  /\b(tell|tells|telling|instruct|instructing|order|ordering)\s+(the|a|an|our|my|one of the|his|her|their)\s+([a-z']+\s+){0,3}?(what to [a-z]+|how to (do|run|manage|deal)|which (jobs?|tasks?|work) to)\b/,
  // Asking the Clerk for something is a request; asking the grounds team or a caretaker to do a job is an instruction.
  /\bask\s+(the |a |an |our |one of the )?([a-z']+ ){0,2}(team|lads|groundsman|groundsmen|caretaker|grounds staff|operatives?)\s+to\b/,
];

// Asking whether the asker may do something themselves ("am I allowed to lean on my friendship…"):
// their own conduct, not what someone else did to them.
const OWN_CONDUCT = [
  /\b(am i|are we) (allowed|permitted|ok|okay|able|expected|supposed|meant|required|obliged)\b/,
  // Not "what can I (or we staff) expect from councillors": that is what others owe the asker.
  /\b(can|could|may|should|must|shall) (i|we)\b(?! do\b)(?!( [a-z]+){0,2} expect\b)/,
  /\bis it (ok|okay|alright|all right|acceptable|appropriate|fine|wrong|allowed) (for (me|us) )?(to|if i|if we)\b/,
  /\b(do|would) i (have|need) to\b/,
];

// Asking whether what someone did is acceptable ("…posts on it himself. is that allowed?", "can he do that?"):
// the conduct of the people in the story is the matter, whatever else it mentions on the way.
const JUDGES_CONDUCT = [
  /\b(is|isn'?t|isnt|was|wasn'?t|wasnt) (that|this) (really )?(ok|okay|alright|all right|allowed|acceptable|appropriate|right|fair|normal|on|a problem|an issue|proper|legit|kosher|correct|fine)\b(?! (for|to) (me|us|my|our)\b)/,
  /\b(that'?s|thats|this is|that is) (not|hardly) (right|on|ok|okay|acceptable|allowed|fair|appropriate|proper)\b/,
  /\b(can|could|should|may|is) (he|she|they) (really )?(do|say|get away with|allowed to|meant to|supposed to|entitled to)\b/,
  /\b(is|are|was|were) (he|she|they) (allowed|meant|supposed|entitled|right|wrong|out of line|within (his|her|their) rights)\b/,
  /\bshould (that|this|it) (bother|worry|concern)\b/,
  /\bsurely\b/,
  /\b(isn'?t|isnt) (that|this) (his|her|their|the clerk'?s|the council'?s) (job|role|place|call|decision)\b/,
  /\b(out of order|out of line|overstepping|over the line|crossed? (a|the) line)\b/,
  // "should a member be doing that?", "shouldnt officers be backing the whole council?"
  /\bshould(n'?t|nt)? (a |an |the |our |any )?(cllr|councillor|member|officer|clerk|chair|chairman|mayor|staff|he|she|they)s? (really )?be (\w+ing|neutral|impartial|involved)\b/,
  // "isnt that treating some cllrs better than others?", "isn't that favouritism?"
  /\b(isn'?t|isnt) (that|this|it) (a bit |rather |just )?(unfair|favouritism|favoritism|wrong|rude|bullying|treating (\w+ ){1,3}(better|worse|differently|unfairly))\b/,
  // "is that his to do?"
  /\b(is|isn'?t|isnt) (that|this|it) (his|hers|theirs|her|their) to (do|decide|sign off|approve)\b/,
  // "is that a bit much?", "isn't that a bit off?"
  /\b(is|isn'?t|isnt) (that|this|it) (not )?(a bit|a little|rather|slightly|somewhat) (much|off|over the top|unprofessional|inappropriate|familiar|cheeky|odd|strange|dodgy|iffy)\b/,
];

// A member mistreating a member of staff the asker speaks for ("a cllr keeps belittling her in emails", "the chair
// shouted at our admin assistant"): where it goes is the officers' route, whoever asks.
const STAFF_WRONGED = /\b(councillors?|cllrs?|members?|chair|chairman|mayor|leader)\b(?:(?!\b(she|he|they|clerk|officer)\b).){0,30}\b(bullying|bullied|bullies|harassing|harassed|harasses|threatening|threatened|threatens|intimidating|intimidated|intimidates|belittling|belittled|belittles|insulting|insulted|insults|abusing|abused|humiliating|humiliated|humiliates|undermining|undermined|undermines|mocking|mocked|mocks|patronising|patronised|patronises|picking on|picked on|picks on|shouting at|shouted at|shouts at|screaming at|screamed at|swearing at|swore at|swears at|having a go at|had a go at|rude to|nasty to|horrible to|aggressive (to|towards|with))( our| my| the| one of (my|our|the))? (her|him|them|staff|team|clerk|deputy clerk|assistant clerk|admin assistant|assistant|officers?|receptionist|apprentice|caretaker|rfo|employees?)\b/;

export interface QuestionIntent {
  /** Tells a member of staff what to do. */
  instructs: boolean;
  /** Asks who to go to, tell or ask. */
  asksWho: boolean;
  /** Asks when something is open, when the next meeting is, or where the office is. */
  timetable: boolean;
  /** Asks where to take a problem or how to complain. */
  escalation: boolean;
  /** Asks only what to do ("…, what do I do?", "what now?"), not where to take it or how to complain. */
  openEscalation?: boolean;
  /** Written by an officer about their own situation. */
  officerVoice: boolean;
  /** Asks whether the asker may or must do something themselves (not where to take a problem). */
  ownConduct: boolean;
  /** A member mistreating a member of staff the asker speaks about. */
  staffWronged?: boolean;
  /** Asks whether what someone did is acceptable ("is that allowed?", "can he do that?"). */
  judgesConduct?: boolean;
}

// A chat message that opens by labelling the writer ("officer: a councillor humiliated me"); read before folding drops the colon.
const OFFICER_LABEL = /^\s*(officer|staff|staff member|member of staff|employee|clerk|deputy clerk|rfo)\s*[:\-\u2013\u2014]/i;
/** Back with another question ("events officer again. the cllrs…"); read before folding, like the label. */
const OFFICER_AGAIN = /^\s*([a-z]+ ){0,3}(clerk|officer|rfo|assistant|apprentice|administrator|staff member|member of staff|employee) (again|once more)\s*[.,:!\-\u2013\u2014]/i;

export function readIntent(text: string): QuestionIntent {
  const t = fold(text).replace(/\s+/g, ' ').trim();
  const escalation = ESCALATION.some((re) => re.test(t));
  const open = OPEN_ESCALATION.filter((re) => re.test(t)).length;
  const officerVoice = OFFICER_LABEL.test(text) || OFFICER_AGAIN.test(text) || OFFICER_VOICE.some((re) => re.test(t));
  return {
    ownConduct: !escalation && OWN_CONDUCT.some((re) => re.test(t)),
    // "When is this protocol next reviewed?" asks about the protocol itself, which says when. An officer naming
    // opening hours ("museum assistant here… nobody has told me what they want, opening hours, displays") talks
    // about the work, not the timetable.
    timetable: TIMETABLE.some((re) => re.test(t)) && !ABOUT_THE_PROTOCOL.test(t) && !officerVoice,
    asksWho: ASKS_WHO.some((re) => re.test(t)),
    instructs: INSTRUCTS.some((re) => re.test(t)),
    escalation,
    openEscalation: escalation && open === ESCALATION.filter((re) => re.test(t)).length,
    officerVoice,
    judgesConduct: JUDGES_CONDUCT.some((re) => re.test(t)),
    staffWronged: STAFF_WRONGED.test(t),
  };
}
