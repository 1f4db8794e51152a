import { createTestDatabase } from '@concord/test-support';

describe('openDatabase on Postgres', () => {
  it('opens every connection with JIT compilation off (ADR 0015)', async () => {
    const db = await createTestDatabase({ entities: [], migrations: [] }, { needsServer: true });
    try {
      const settings = await Promise.all(
        Array.from({ length: 3 }, () => db.dataSource.query(`SELECT current_setting('jit') AS jit`)),
      );
      expect(settings.flat()).toEqual([{ jit: 'off' }, { jit: 'off' }, { jit: 'off' }]);
    } finally {
      await db.close();
    }
  });
});
