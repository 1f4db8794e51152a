import { directoryContext } from '@concord/directory';
import {
  eventually,
  graphqlSubscription,
  startTestApp,
  type LiveSubscription,
  type TestApp,
} from '@concord/test-support';
import { programmingContext } from '../../programming.context';

const ACTIVITY_CHANGED = `subscription ($country: String!) {
  activityChanged(country: $country) { activityId change version occurredAt activity { title country status published } } }`;

type Change = {
  activityChanged: {
    activityId: string;
    change: string;
    version: number;
    occurredAt: string;
    activity: { title: string; country: string; status: string; published: boolean } | null;
  };
};

describe('activityChanged subscription over graphql-ws (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  const open: LiveSubscription<Change>[] = [];

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext]);
    admin = await app.token({ sub: 'admin-1', roles: ['platform-admin'] });
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await app.close();
  });

  const subscribe = async (country: string, token?: string) => {
    const subscription = graphqlSubscription<Change>(app.url, ACTIVITY_CHANGED, { country }, token);
    open.push(subscription);
    await subscription.connected;
    return subscription;
  };
  const send = async (mutation: string, input: Record<string, unknown>) => {
    const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
    const { data, errors } = await app.gql<Record<string, { id: string }>>(
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { id } }`,
      { input },
      admin,
    );
    expect(errors).toBeUndefined();
    return data![mutation].id;
  };
  const register = (country: string, title: string) =>
    send('registerActivity', {
      titles: { en: title },
      organisation: 'WFP',
      country,
      policyAreas: ['LNOB_INCLUSION'],
      start: '2024-01-01',
      end: '2025-12-31',
      status: 'IMPLEMENTATION',
    });
  const changes = (subscription: LiveSubscription<Change>) => subscription.received.map((r) => r.data?.activityChanged);

  it("sends a signed-in subscriber each change of its country's activities, once projected, and no other country's", async () => {
    const malawi = await subscribe('MWI', admin);
    const id = await register('MWI', 'School meals in Dedza');
    await register('KHM', 'Cash transfers in Kampot');
    await send('changeActivityStatus', { id, status: 'FINALISATION' });
    await eventually(() => expect(changes(malawi)).toHaveLength(2), 15_000);
    expect(changes(malawi)).toEqual([
      {
        activityId: id,
        change: 'ActivityRegistered',
        version: 1,
        occurredAt: expect.any(String),
        // the activity as it is when the change goes out: perhaps already completed
        activity: { title: 'School meals in Dedza', country: 'MWI', status: expect.any(String), published: false },
      },
      {
        activityId: id,
        change: 'ActivityStatusChanged',
        version: 2,
        occurredAt: expect.any(String),
        activity: { title: 'School meals in Dedza', country: 'MWI', status: 'FINALISATION', published: false },
      },
    ]);
  });

  it('sends an anonymous subscriber only what it may see: nothing until the activity is published', async () => {
    const anonymous = await subscribe('ZMB');
    const signedIn = await subscribe('ZMB', admin);
    const id = await register('ZMB', 'Social registry in Chipata');
    await eventually(() => expect(changes(signedIn)).toHaveLength(1)); // unpublished: not for the anonymous one
    await send('publishActivity', { id });
    await eventually(() =>
      expect(changes(signedIn).map((c) => c?.change)).toEqual(['ActivityRegistered', 'ActivityPublished']),
    );
    await eventually(() => expect(changes(anonymous)).toHaveLength(1));
    expect(changes(anonymous)[0]).toMatchObject({
      activityId: id,
      change: 'ActivityPublished',
      version: 2,
      activity: { title: 'Social registry in Chipata', published: true },
    });
  });

  it('refuses an unknown country, naming the argument', async () => {
    const subscription = await subscribe('XYZ', admin);
    await subscription.ended;
    expect(subscription.received).toEqual([
      {
        errors: [
          expect.objectContaining({
            message: expect.stringContaining('ISO 3166-1 alpha-3'),
            extensions: expect.objectContaining({
              code: 'BAD_USER_INPUT',
              reason: 'UNKNOWN_COUNTRY',
              fields: [expect.objectContaining({ path: 'country', value: 'XYZ' })],
            }),
          }),
        ],
      },
    ]);
  });

  it('closes the connection of a subscriber whose token is refused (4403 Forbidden)', async () => {
    const subscription = graphqlSubscription<Change>(app.url, ACTIVITY_CHANGED, { country: 'MWI' }, 'not-a-token');
    open.push(subscription);
    await expect(subscription.connected).rejects.toMatchObject({ code: 4403 });
  });
});
