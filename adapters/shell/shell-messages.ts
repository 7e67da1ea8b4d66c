/** Wording the terminal chat adds around the core's answers, kept together. */

export const shellMessages = Object.freeze({
  help: [
    "Officers: forget <user id> erases that person's questions and feedback on every platform (the notices register is kept).",
    'Terminal commands: /council <id> switches council (/councils lists them); /role councillor|officer switches role; /quit leaves.',
  ].join('\n'),
  forgetUsage: "forget <user id>: erases that person's questions and feedback; the notices register is kept.",
  forgetRefusal: "erase a person's questions and feedback",
  storeFailure:
    "The bot's records are not answering just now, so this could not be done. If you were filing a notice, check the register (`notices`) before trying again.",
});
