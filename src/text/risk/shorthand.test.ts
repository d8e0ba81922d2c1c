import { describe, expect, it } from 'vitest';
import { findRiskMentions } from './find.ts';
import { engine } from '../../testing/riskRules.ts';
import type { TextMode } from './types.ts';

// Note shorthand the scanner must read as a clinician would: history-only denials, lists
// after a denial, diary-card ratings, screener items, drug words. Sentences are written
// from clinical practice, not copied from the corpus; rows state the whole outcome.
type Row = [text: string, mode: TextMode, expected: readonly string[]];

const found = (text: string, mode: TextMode): string[] =>
  [
    ...new Set(
      findRiskMentions(engine, text, { mode }).map(
        (m) => `${m.category}:${m.assertion}${m.pastOnly ? ':past' : ''}${m.screenerItem ? ':item' : ''}`,
      ),
    ),
  ].sort();

const check = (text: string, mode: TextMode, expected: readonly string[]): void => {
  expect(found(text, mode)).toEqual([...expected].sort());
};

describe('denials of the past only are marked past-only', () => {
  it.each<Row>([
    // "No history of" is one negation trigger that names the past itself.
    ['No hx of SA.', 'note', ['risk.si.behavior:denied:past']],
    ['No history of suicidal ideation.', 'note', ['risk.si:denied:past']],
    ['No lifetime history of suicide attempts or self-harm.', 'note', ['risk.si.behavior:denied:past', 'risk.self_harm:denied:past']],
    // A cue word ("attempts") further along the list shares the list's past scope.
    ['Denies past SI or attempts.', 'note', ['risk.si:denied:past', 'risk.si.behavior:denied:past']],
    // Now and the past denied together is a denial of now.
    ['No current or past SI.', 'note', ['risk.si:denied']],
    ['Denies past or present SI.', 'note', ['risk.si:denied']],
    ['Denies history of or current SI.', 'note', ['risk.si:denied']],
    // The past scope belongs to its own clause.
    ['Endorses current passive SI, no previous attempts.', 'note', ['risk.si.passive:present', 'risk.si.behavior:denied:past']],
  ])('%s', (...row) => check(...row));
});

describe('a denial runs along a bare list of risk words', () => {
  it.each<Row>([
    // Terse notes put the semicolon between the ideation and its parts; the parts have no
    // verb of their own, so they stay under the denial ("intent" was read as present).
    ['Denies SI; plan, intent.', 'note', ['risk.si:denied', 'risk.si.plan:denied', 'risk.si.intent:denied']],
    ['Denies SI; plan or intent.', 'note', ['risk.si:denied', 'risk.si.plan:denied', 'risk.si.intent:denied']],
    // A clause with its own verb after the semicolon is its own clause.
    ['Denies active SI; endorses passive SI.', 'note', ['risk.si.active:denied', 'risk.si.passive:present']],
    ['Endorses passive SI; denies plan, intent.', 'note', ['risk.si.passive:present', 'risk.si.plan:denied', 'risk.si.intent:denied']],
  ])('%s', (...row) => check(...row));
});

describe('diary-card and checklist ratings', () => {
  it.each<Row>([
    ['SI rating 0/5 on the diary card.', 'note', ['risk.si:denied']],
    ['Suicidal thoughts: none (0/5).', 'note', ['risk.si:denied']],
    // Zero on most days and a rating above zero on one day is SI on that day.
    ['Suicidal thoughts 0/5 Mon-Sat, 3/5 Sunday.', 'note', ['risk.si:present']],
    ['Suicidal thoughts 0/5, 2/5 on Sunday after the argument.', 'note', ['risk.si:present']],
    // A higher rating of another risk later in the line leaves the zero a zero.
    ['Diary card: SI 0/5, self-harm urges 2/5.', 'note', ['risk.si:denied', 'risk.self_harm:present']],
  ])('%s', (...row) => check(...row));
});

describe('self-harm screener items: SI scored, at no level', () => {
  it.each<Row>([
    ['PHQ-9 item 9 positive.', 'note', ['risk.si:present:item']],
    ['PHQ-9 item 9 endorsed ("several days").', 'note', ['risk.si:present:item']],
    ['EPDS item 10 not endorsed.', 'note', ['risk.si:denied:item']],
    ['Item 10 of the EPDS scored 1.', 'note', ['risk.si:present:item']],
    ['PHQ-9 total 12, item nine = 1.', 'note', ['risk.si:present:item']],
    // The word after the item is its answer; the total further on is no item score.
    ['EPDS item 10 negative, total 3.', 'note', ['risk.si:denied:item']],
    ['EPDS item 10 positive; denies plan or intent.', 'note', ['risk.si:present:item', 'risk.si.plan:denied', 'risk.si.intent:denied']],
  ])('%s', (...row) => check(...row));
});

describe('mental-status shorthand for psychosis', () => {
  it.each<Row>([
    ['Perception: no perceptual disturbances.', 'note', ['risk.psychosis:denied']],
    ['Described perceptual disturbances: her name whispered from the baby monitor.', 'note', ['risk.psychosis:present']],
  ])('%s', (...row) => check(...row));
});

describe('crack is a drug only where a drug is meant', () => {
  it.each<Row>([
    ['I used to do crack in my twenties.', 'speech', ['risk.substance:historical']],
    ["I'm up at the crack of dawn with him every day.", 'speech', []],
    ['My nipples are so cracked it hurts to feed.', 'speech', []],
    ['Honestly the cracks are starting to show with Tom.', 'speech', []],
    ["I thought I'd have a crack at the breathing exercise.", 'speech', []],
  ])('%s', (...row) => check(...row));
});
