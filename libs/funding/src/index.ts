export * from './funding.context';
export * from './funding.vocabulary';
export * from './money/money';
export * from './fund/domain/fund.events';
export * from './proposal/domain/proposal.events';
export * from './exchange-rate/application/exchange-rate-import';
