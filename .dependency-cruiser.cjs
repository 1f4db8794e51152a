/** Import rules that keep the layers honest (ARCHITECTURE §3, STYLE §8). Run by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'pure-domain',
      comment: 'domain/ holds pure deciders, events and value objects: no Nest, TypeORM, Kafka or I/O',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: ['node_modules/(@nestjs|typeorm|kafkajs|pg|@electric-sql|express)', '^(fs|net|http|child_process)$'],
      },
    },
    {
      name: 'domain-not-outward',
      comment: 'domain/ must not reach into application, read-model or graphql layers',
      severity: 'error',
      from: { path: '/domain/' },
      to: { path: '/(application|read-model|graphql)/' },
    },
    {
      name: 'libs-not-apps',
      comment: 'a lib never imports an app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'kernel-is-a-leaf',
      comment: 'the kernel depends on no other lib',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { path: '^libs/(?!kernel/)' },
    },
    {
      name: 'platform-knows-no-context',
      comment: 'eventing and platform serve every bounded context and know none of them',
      severity: 'error',
      from: { path: '^libs/(eventing|platform)/' },
      to: { path: '^libs/(directory|programming|funding|duplication|mapping|interop)/' },
    },
    {
      name: 'no-test-code-in-product',
      comment: 'product code never imports test support or testing fixtures',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '/testing/'] },
      to: { path: ['^test/', '/testing/'] },
    },
    {
      name: 'libs-through-their-entry',
      comment: 'a lib uses another lib only through its package entry (@concord/<lib>), never its internals',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/',
        pathNot: [
          '^libs/$1/',
          '^libs/[^/]+/src/(index|testing/index)\\.ts$',
          '^libs/reference/src/reference\\.context\\.ts$',
        ],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|\\.data/)' },
  },
};
