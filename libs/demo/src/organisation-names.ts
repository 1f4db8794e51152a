import { normalise, splitOutsideParentheses, withoutParentheses } from './text';

/** One row of data/organisations.csv: an organisation the documents name. */
export interface DemoOrganisation {
  code: string;
  name: string;
  names: { en: string; fr?: string; es?: string };
  /** IATI OrganisationType code. */
  type: string;
  iatiOrgId?: string;
  /** The parent organisation's code. */
  parent?: string;
  /** ISO3 of a national institution's own country. */
  country?: string;
  /** Other spellings the document tables use. */
  aliases: string[];
  inferred: boolean;
  source: string;
  note?: string;
}

export interface ResolvedNames {
  /** Organisation codes, in the order the text names them, each once. */
  codes: string[];
  /** The parts that name no known organisation: "other UN agencies", "RCO", "FAO likely to join soon". */
  unresolved: string[];
}

/**
 * Finds organisations in the tables' lists ("ILO; UNICEF (lead)", "UNICEF and WFP",
 * "Germany (BMZ, GIZ, German Development Cooperation)") by code, name or alias. Only whole
 * parts are matched, so "FAO likely to join soon" is not taken for FAO.
 */
export class OrganisationNames {
  private readonly byName = new Map<string, string[]>();

  constructor(organisations: readonly DemoOrganisation[]) {
    for (const org of organisations) {
      for (const name of [org.code, org.code.replaceAll('_', ' '), org.name, ...org.aliases]) {
        const key = normalise(name);
        const codes = this.byName.get(key) ?? [];
        if (!codes.includes(org.code)) this.byName.set(key, [...codes, org.code]);
      }
    }
  }

  /** The organisations a whole name stands for; an alias may stand for several (a country's agencies). */
  lookup(name: string): string[] {
    return this.byName.get(normalise(name)) ?? [];
  }

  /**
   * Each part between semicolons is looked up as written, then without its parenthesised note,
   * then split further on commas, "and" and "+" ("UNICEF, WFP, ILO", "ILO and PAHO/WHO").
   */
  resolve(text: string): ResolvedNames {
    const found: ResolvedNames = { codes: [], unresolved: [] };
    for (const part of splitOutsideParentheses(text, /;/)) this.resolvePart(part, found);
    return found;
  }

  private resolvePart(part: string, found: ResolvedNames): void {
    const add = (codes: string[]) => {
      for (const code of codes) if (!found.codes.includes(code)) found.codes.push(code);
    };
    const whole = this.lookup(part).length ? this.lookup(part) : this.lookup(withoutParentheses(part));
    if (whole.length) {
      add(whole);
      return;
    }
    const pieces = withoutParentheses(part)
      .split(/,|\+| and /)
      .map((p) => p.trim())
      .filter(Boolean);
    // "employers' and workers' organizations" names no one: reported whole, not word by word.
    if (!pieces.some((piece) => this.lookup(piece).length)) {
      found.unresolved.push(part);
      return;
    }
    for (const piece of pieces) {
      const codes = this.lookup(piece);
      if (codes.length) add(codes);
      else found.unresolved.push(piece);
    }
  }
}
