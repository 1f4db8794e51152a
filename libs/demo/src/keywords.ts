import type { ActivityFunction, DeliveryStage, Guarantee, PolicyArea, TargetGroup } from '@concord/reference';
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

/** The floor guarantee a benefit serves (R202): read from who it is for and what it pays. */
const GUARANTEE_WORDS: readonly [Guarantee, RegExp][] = [
  ['HEALTH_CARE', /health|\buhc\b|medical|maternity care/],
  ['CHILDREN', /child|newborn|pregnan|famil/],
  ['WORKING_AGE', /working.age|unemploy|informal|workers?\b|employment|disabilit|\bjobs?\b/],
  ['OLDER_PERSONS', /older|elderly|aged 65|65\+|pension|old.age/],
];

/** Delivery stages of doc 001's actor matrix, implementation sub-stages included. */
const STAGE_WORDS: readonly [DeliveryStage, RegExp][] = [
  ['POLICY_MAKING', /polic|strateg|framework|legal|legislat|\blaws?\b|dialogue|advoca/],
  ['PLANNING_BUDGETING', /financ|fiscal|budget|costing|investment case/],
  ['SCHEME_DESIGN', /design|pilot|reform/],
  ['IMPLEMENTATION', /implement|roll.?out|capacity|systems? strengthening/],
  ['IMPLEMENTATION_INFORMATION', /awareness|outreach|communication/],
  ['IMPLEMENTATION_SELECTION', /registr|targeting|selection|identification/],
  ['IMPLEMENTATION_ENROLMENT', /enrol/],
  ['IMPLEMENTATION_CONTRIBUTIONS', /contribution collection|collection of contributions/],
  ['IMPLEMENTATION_BENEFIT_DELIVERY', /cash|payment|transfer|pension services|benefit delivery/],
  ['IMPLEMENTATION_GRIEVANCES', /grievance|complaint/],
  ['MONITORING_EVALUATION', /monitor|evaluat|\bm&e\b|statistic/],
];

const FUNCTION_WORDS: readonly [ActivityFunction, RegExp][] = [
  ['POLICY_ADVICE', /polic|strateg|advice|dialogue/],
  ['LEGAL_FRAMEWORK', /legal|legislat|\blaws?\b/],
  ['ASSESSMENT', /assess|diagnos|review|analysis/],
  ['COSTING_FISCAL_SPACE', /fiscal|costing|financ|budget/],
  ['CAPACITY_BUILDING', /capacity|training/],
  ['INFORMATION_SYSTEMS', /registr|information system|\bmis\b|database|digital|electronic/],
  ['CASH_TRANSFER', /cash|transfer|pension/],
  ['SERVICE_DELIVERY', /service/],
  ['ADVOCACY', /advoca|awareness/],
  ['COORDINATION', /coordinat|cross-government|collaboration/],
  ['RESEARCH', /research|study/],
  ['MONITORING_EVALUATION', /monitor|evaluat/],
];

const matching = <T>(words: readonly [T, RegExp][], text: string): T[] => {
  const normalised = normalise(text);
  return words.filter(([, pattern]) => pattern.test(normalised)).map(([code]) => code);
};

/** Target group codes for a text such as "families with children; women informal workers; elderly". */
export const targetGroupsIn = (text: string): TargetGroup[] => matching(TARGET_GROUP_WORDS, text);

/** Policy area codes for a text such as "coverage extension; fiscal space; digitalized pension services". */
export const policyAreasIn = (text: string): PolicyArea[] => matching(POLICY_AREA_WORDS, text);

/** Floor guarantees for a text such as "food-insecure households; people aged 65+". */
export const guaranteesIn = (text: string): Guarantee[] => matching(GUARANTEE_WORDS, text);

/** Delivery stages for a text such as "policy review; Unified Beneficiary Registry; old-age pension design". */
export const stagesIn = (text: string): DeliveryStage[] => matching(STAGE_WORDS, text);

/** Functions for a text such as "fiscal space; digitalized pension services". */
export const functionsIn = (text: string): ActivityFunction[] => matching(FUNCTION_WORDS, text);
