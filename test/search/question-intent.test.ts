/** Reading who is asking from how a question is written. */
import { readIntent } from '../../src/search/question-intent';

describe('officer voice', () => {
  it('reads a message labelled by its writer', () => {
    expect(readIntent('officer: a councillor humiliated me in a meeting').officerVoice).toBe(true);
    expect(readIntent('staff member here - a councillor shouted at me').officerVoice).toBe(true);
    expect(readIntent('officer advice was ignored at the meeting').officerVoice).toBe(false);
  });

  it('is not read from a councillor told something by the clerk', () => {
    expect(readIntent('the clerk keeps telling me about her contract and the chair. should she be bringing that to me').officerVoice).toBe(false);
    expect(readIntent('a councillor shouted at me in the office').officerVoice).toBe(true);
  });
});
