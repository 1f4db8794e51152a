export * from './mapping.context';
export * from './who-does-what/domain/actor-matrix';
export * from './who-does-what/application/who-does-what.query';
export * from './scope/application/mapping-scope';
export * from './partner-search/domain/search-text';
export * from './partner-search/application/partner-search.query';
export * from './partner-search/read-model/activity-document.projection';
