import type { PolicyArea, TargetGroup } from '@concord/reference';
import { normalise } from './text';

/**
 * The document vocabularies read from the tables' running text by keyword. The tables describe a
 * programme's focus and target groups in words ("pregnant women and children aged 0–2; IDPoor
 * households"); these lists turn the words into codes, so the demo can be filtered by them. What
 * they find is an inference and is reported as one.
 */
const TARGET_GROUP_WORDS: readonly [TargetGroup, RegExp][] = [
  ['CHILDREN', /child/],
  ['PREGNANT_WOMEN_NEWBORNS', /pregnan|newborn|breastfeeding|maternity/],
  ['OLDER_PERSONS', /older|elderly|aged 65|65\+/],
  ['PERSONS_WITH_DISABILITIES', /disabilit|\bpwds?\b/],
  ['UNEMPLOYED', /unemployed/],
  ['WORK_INJURY_VICTIMS', /work injury|work-injury/],
  ['POOR_VULNERABLE', /poor|vulnerable|food-insecure|lowest income|lowest three deciles/],
  ['INFORMAL_WORKERS', /informal/],
  ['WOMEN', /women|female|girls|mothers/],
  ['REFUGEES_MIGRANTS', /refugee|\bidps?\b|displaced|migrant/],
  ['RURAL_WORKERS', /rural|farm|tea-garden/],
  ['DOMESTIC_WORKERS', /domestic workers/],
  ['YOUTH', /young|youth|students/],
];

const POLICY_AREA_WORDS: readonly [PolicyArea, RegExp][] = [
  ['LNOB_INCLUSION', /left behind|coverage extension|extend coverage|inclusi|disab|gender|gbv|universal/],
  ['INFORMAL_ECONOMY', /informal|domestic workers|tea-garden|rural and farm workers|care economy/],
  ['FINANCING', /fiscal|financ|budget|investment case|public finance/],
  ['DELIVERY_SYSTEMS', /registr|e-system|payment|digitali|database|information system|\bmis\b|openimis|cash delivery/],
  ['SHOCK_RESPONSIVE', /shock|adaptive|anticipatory|covid|emergency|disaster|climate|\bsrsp\b/],
  ['HEALTH_INTEGRATION', /health|\buhc\b/],
];

const matching = <T>(words: readonly [T, RegExp][], text: string): T[] => {
  const normalised = normalise(text);
  return words.filter(([, pattern]) => pattern.test(normalised)).map(([code]) => code);
};

/** Target group codes for a text such as "families with children; women informal workers; elderly". */
export const targetGroupsIn = (text: string): TargetGroup[] => matching(TARGET_GROUP_WORDS, text);

/** Policy area codes for a text such as "coverage extension; fiscal space; digitalized pension services". */
export const policyAreasIn = (text: string): PolicyArea[] => matching(POLICY_AREA_WORDS, text);
