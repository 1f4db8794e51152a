import { isOpenForApplications } from './call.queries';

const call = { status: 'ANNOUNCED', opensOn: '2019-03-15', closesOn: '2019-04-30' };

describe('Whether a call is open for applications on a day', () => {
  it('is open from opensOn to closesOn, both included, while announced', () => {
    expect(isOpenForApplications(call, '2019-03-14')).toBe(false);
    expect(isOpenForApplications(call, '2019-03-15')).toBe(true);
    expect(isOpenForApplications(call, '2019-04-30')).toBe(true);
    expect(isOpenForApplications(call, '2019-05-01')).toBe(false);
  });

  it('is never open once closed or cancelled, whatever its dates', () => {
    expect(isOpenForApplications({ ...call, status: 'CLOSED' }, '2019-04-01')).toBe(false);
    expect(isOpenForApplications({ ...call, status: 'CANCELLED' }, '2019-04-01')).toBe(false);
  });
});
