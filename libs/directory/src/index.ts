export * from './directory.context';
export * from './organisation/domain/organisation.aggregate';
export * from './organisation/domain/organisation.decider';
export * from './organisation/domain/organisation.events';
export * from './organisation/domain/organisation.commands';
export * from './organisation/read-model/organisation.projection';
